import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { MockContext } from '../../sandboxes/context';
import type { JournalEntry } from '../../store/memory/journal';
import type { RequestNotes } from '../pipeline';
import { maskSecret } from '../../../common/headers';
import { isoNow } from '../clock';
import { addPreviews } from './previews';

const KEPT_HEADERS = ['content-type', 'prefer', 'user-agent'];

/** Watches one request until it is answered; `path` is the request path without its query string. */
type Observer = (req: IncomingMessage, res: ServerResponse, path: string, notes: RequestNotes) => void;

/**
 * Once a request is answered: one JSON log line (no query string, no header values) and a journal
 * entry for everything but the admin API. Refused admin tokens leave no trace. Both entry points (the
 * express app and the plain listener) call the same observer, so their traces cannot drift apart.
 */
export function createObserver(stores: { readonly default: MockContext }): Observer {
  return (req, res, path, notes) => {
    const started = performance.now();
    res.on('close', () => {
      // A request is journaled in the store it belongs to (the sandbox named in its path, if that exists).
      const ctx = notes.store ?? stores.default;
      if (notes.counted) ctx.usage.inFlight -= 1;
      if (notes.unlogged) return;
      const durationMs = Math.round((performance.now() - started) * 10) / 10;
      const status = res.writableFinished ? res.statusCode : 0;
      const method = req.method ?? '';
      if (ctx.log) {
        ctx.log(
          JSON.stringify({
            time: isoNow(),
            method,
            path,
            status,
            ms: durationMs,
            sandbox: ctx.name === 'default' ? undefined : ctx.name,
            operation: notes.operation,
            scenario: notes.scenario,
            violations: notes.violations?.length,
          }),
        );
      }
      // Express routes case-insensitively: /__ADMIN/orders is the admin API too. A merchant's callback
      // to a run of verify is the run's business, not a store's.
      if (isAdminPath(path) || isVerifyPath(path)) return;
      const { secretNames } = ctx.auth;
      const headers: Record<string, string> = {};
      for (const name of KEPT_HEADERS) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value.slice(0, 200);
      }
      for (const name of secretNames) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = maskSecret(value);
      }
      const entry: JournalEntry = { at: isoNow(), method, path, status, durationMs, headers };
      if (notes.operation) entry.operation = notes.operation;
      if (notes.scenario) entry.scenario = notes.scenario;
      if (notes.violations) entry.violations = notes.violations;
      addPreviews(ctx, entry, req, res, secretNames);
      entry.seq = ctx.events.nextSeq();
      ctx.journal.add(entry);
      ctx.events.publish({ kind: 'request', entry });
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
