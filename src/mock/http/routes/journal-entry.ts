import type { IncomingMessage, ServerResponse } from 'node:http';
import { maskSecret } from '../../../common/headers';
import { maskRecord } from './mask-record';
import type { MockContext } from '../../sandboxes/context';
import type { JournalEntry } from '../../store/journal-entry';
import type { RequestNotes } from '../pipeline';
import { isoNow } from '../clock';
import { attachPreviews, keepPreviews } from './previews';
import { requestSecretForms } from './secret-forms';

/** Headers the journal keeps besides the secret ones (which it keeps masked whole), cut to 200 characters. */
const KEPT_HEADERS = ['content-type', 'prefer', 'user-agent'];

/** The stdout log line of one request: no query string, no header value. */
export interface LogLine {
  time: string;
  method: string;
  path: string;
  status: number;
  ms: number;
  sandbox?: string;
  operation?: string;
  scenario?: string;
  violations?: number;
}

/** What one answered request leaves behind: its log line when the store logs, and its journal entry unless it was an admin call. */
export interface Trace {
  line?: LogLine;
  entry?: JournalEntry;
}

/**
 * Builds the log line and the journal entry of an answered request, and masks them here, once: every
 * string of each (every field, every header value, the violations' messages) goes through the
 * request's secret forms (requestSecretForms: raw, JSON-escaped, percent-encoded in either case, any
 * letter case) before anything keeps or prints it, so a field added to either cannot skip the mask.
 * The body and query previews are kept as bytes and masked with the same forms when shown
 * (journalView): turning them into text on every request would cost the hot path.
 */
export function traceOf(
  ctx: MockContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  notes: RequestNotes,
  elapsedMs: number,
  journaled: boolean,
): Trace {
  const forms = requestSecretForms(ctx, req);
  const at = isoNow();
  const method = req.method ?? '';
  const status = res.writableFinished ? res.statusCode : 0;
  const durationMs = Math.round(elapsedMs * 10) / 10;
  const about = {
    ...(notes.operation && { operation: notes.operation }),
    ...(notes.scenario && { scenario: notes.scenario }),
  };
  // Built only for a store that logs (`serve --quiet` does not): unwritten, it would be garbage per request.
  const line: LogLine | undefined =
    ctx.log === undefined
      ? undefined
      : maskRecord(
          {
            time: at,
            method,
            path,
            status,
            ms: durationMs,
            ...(ctx.name !== 'default' && { sandbox: ctx.name }),
            ...about,
            ...(notes.violations && { violations: notes.violations.length }),
          },
          forms,
        );
  if (!journaled) return { line };
  const previews = keepPreviews(req, res, forms);
  const entry: JournalEntry = maskRecord(
    {
      at,
      method,
      path,
      status,
      durationMs,
      headers: keptHeaders(req, ctx.auth.secretNames),
      ...about,
      // Copies of the three fields shown: maskRecord masks in place, and a violation's parts keep the raw value.
      ...(notes.violations && {
        violations: notes.violations.map(({ pointer, keyword, message }) => ({ pointer, keyword, message })),
      }),
      ...previews.fields,
    },
    forms,
  );
  attachPreviews(entry, previews);
  return { line, entry };
}

/** The headers an entry shows: a few as sent (cut), and Authorization and the configured auth headers masked whole. */
function keptHeaders(req: IncomingMessage, secretNames: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value.slice(0, 200);
  }
  for (const name of secretNames) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = maskSecret(value);
  }
  return headers;
}
