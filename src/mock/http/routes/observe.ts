import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { MockContext } from '../../sandboxes/context';
import type { RequestNotes } from '../pipeline';
import { traceOf } from './journal-entry';

/** Watches one request until it is answered; `path` is the request path without its query string. */
type Observer = (req: IncomingMessage, res: ServerResponse, path: string, notes: RequestNotes) => void;

/**
 * Once a request is answered: one JSON log line (no query string, no header values) and a journal
 * entry for everything but the admin API, both built and masked by traceOf. Refused admin tokens leave
 * no trace. Both entry points (the express app and the plain listener) call the same observer, so
 * their traces cannot drift apart.
 */
export function createObserver(stores: { readonly default: MockContext }): Observer {
  return (req, res, path, notes) => {
    const started = performance.now();
    res.on('close', () => {
      // A request is journaled in the store it belongs to (the sandbox named in its path, if that exists).
      const ctx = notes.store ?? stores.default;
      if (notes.counted) ctx.usage.inFlight -= 1;
      if (notes.unlogged) return;
      // Express routes case-insensitively: /__ADMIN/orders is the admin API too. A merchant's callback
      // to a run of verify is the run's business, not a store's.
      const journaled = !isAdminPath(path) && !isVerifyPath(path);
      if (!journaled && !ctx.log) return;
      const { line, entry } = traceOf(ctx, req, res, path, notes, performance.now() - started, journaled);
      if (line !== undefined) ctx.log?.(JSON.stringify(line));
      if (entry === undefined) return;
      // Numbered at once by a store that keeps the journal here; one that writes it behind reports it once written.
      ctx.journal.add(entry);
      if (entry.seq !== undefined) ctx.events.publish({ kind: 'request', entry });
    });
  };
}

/** The observer as express middleware; res.locals carries the notes the routes leave. */
export function observeRequests(observe: Observer) {
  return (req: Request, res: Response, next: NextFunction): void => {
    observe(req, res, req.path, res.locals as RequestNotes);
    next();
  };
}

/** True for the callbacks of runs of verify (/__verify/...), however they are cased. */
function isVerifyPath(path: string): boolean {
  return path.length >= 9 && path.slice(0, 9).toLowerCase() === '/__verify';
}

/** True for the admin API's paths, however they are cased. */
function isAdminPath(path: string): boolean {
  return path.length >= 8 && path.slice(0, 8).toLowerCase() === '/__admin';
}
