import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECRET_QUERY_NAME } from '../../common/secrets';
import { BODY_PREVIEW_CHARS, QUERY_PREVIEW_CHARS, type JournalEntry } from '../journal';
import type { RequestNotes } from '../pipeline';
import { sentBody } from './respond';

/** Bodies declared larger than this are not re-serialized for the journal (their length is still shown). */
const PREVIEWED_BODY_LIMIT = 64 * 1024;

/**
 * Adds what the dashboard shows of a request besides its line and headers: the query string (token-like
 * values masked), the start of the body as parsed, and the start of the answer. Each is bounded, so a
 * journal entry stays small whatever was sent.
 */
export function addPreviews(entry: JournalEntry, req: IncomingMessage, res: ServerResponse, notes: RequestNotes): void {
  const url = req.url ?? '';
  const mark = url.indexOf('?');
  if (mark >= 0 && mark < url.length - 1) entry.query = maskQuery(url.slice(mark + 1, mark + 1 + QUERY_PREVIEW_CHARS));
  if (notes.body !== undefined) {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared <= PREVIEWED_BODY_LIMIT) {
      const text = JSON.stringify(notes.body);
      entry.requestBody = text.slice(0, BODY_PREVIEW_CHARS);
      entry.requestBodyLength = text.length;
    } else entry.requestBodyLength = declared;
  }
  const body = sentBody(res);
  if (body !== undefined) {
    const type = res.getHeader('content-type');
    if (typeof type === 'string') entry.responseType = type;
    entry.responseBody =
      typeof body === 'string' ? body.slice(0, BODY_PREVIEW_CHARS) : body.toString('utf8', 0, BODY_PREVIEW_CHARS);
    entry.responseBodyLength = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  }
}

/** A query string with the values of token-like parameters (`token=`, `api_key=`, ...) replaced by ***. */
export function maskQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      let name = pair.slice(0, eq);
      try {
        name = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // A broken escape: judge the name as written.
      }
      return SECRET_QUERY_NAME.test(name) ? `${pair.slice(0, eq)}=***` : pair;
    })
    .join('&');
}
