import type { NextFunction, Request, Response } from 'express';
import type { MockContext } from '../context';
import type { JournalEntry } from '../journal';
import type { RequestNotes } from './operations';
import { maskSecret } from '../../common/headers';

const KEPT_HEADERS = ['content-type', 'prefer', 'user-agent'];

/**
 * Once a request is answered: one JSON log line (no query string, no header values) and a journal
 * entry for everything but the admin API. Refused admin tokens leave no trace.
 */
export function observeRequests(ctx: MockContext) {
  const secretNames = new Set(['authorization', ...ctx.auth.names]);
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = performance.now();
    const path = req.path;
    res.on('close', () => {
      const notes = res.locals as RequestNotes;
      if (notes.unlogged) return;
      const durationMs = Math.round((performance.now() - started) * 10) / 10;
      const status = res.writableFinished ? res.statusCode : 0;
      if (ctx.log) {
        ctx.log(JSON.stringify({ time: new Date().toISOString(), method: req.method, path, status, ms: durationMs, operation: notes.operation, scenario: notes.scenario, violations: notes.violations?.length }));
      }
      if (path.startsWith('/__admin')) return;
      const headers: Record<string, string> = {};
      for (const name of KEPT_HEADERS) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value.slice(0, 200);
      }
      for (const name of secretNames) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = maskSecret(value);
      }
      const entry: JournalEntry = { at: new Date().toISOString(), method: req.method, path, status, durationMs, headers };
      if (notes.operation) entry.operation = notes.operation;
      if (notes.scenario) entry.scenario = notes.scenario;
      if (notes.violations) entry.violations = notes.violations;
      ctx.journal.add(entry);
    });
    next();
  };
}
