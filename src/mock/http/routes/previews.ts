import type { IncomingMessage, ServerResponse } from 'node:http';
import { maskSecretsIn, SECRET_QUERY_NAME, type SecretForm } from '../../../common/secrets';
import { BODY_PREVIEW_BYTES, QUERY_PREVIEW_CHARS, type JournalEntry } from '../../store/journal-entry';
import { receivedBody } from '../json-body';
import { sentBody, sentType } from './respond';

/** What a request's previews are made from, kept until someone reads the entry. */
interface RawPreviews {
  query?: string;
  request?: Buffer;
  response?: Kept;
  /** The secrets to mask when the previews are read: the request's (requestSecretForms). */
  forms: readonly SecretForm[];
}

/** An answer body as kept: a string is kept as sent (up to BODY_PREVIEW_BYTES characters, cut beyond). */
type Kept = Buffer | string;

/**
 * Where an entry keeps its raw previews: a symbol key, which JSON never shows. Reading a preview is
 * rare (the admin API, the live stream), answering is not: the hot path keeps bytes (off the JS heap,
 * a search answer's cached Buffer by reference), and the text is decoded and masked when shown.
 */
const RAW = Symbol('raw previews');

type WithRaw = JournalEntry & { [RAW]?: RawPreviews };

/** Answers up to this size are kept by reference (they are not changed once sent), larger ones cut to a copy. */
const KEPT_WHOLE_BYTES = 64 * 1024;

/** The entry fields the previews add at once (lengths and the answer's type), and the bytes kept for later. */
export interface KeptPreviews {
  fields: Pick<JournalEntry, 'requestBodyLength' | 'responseType' | 'responseBodyLength'>;
  raw: RawPreviews;
  /** Bytes the raw previews hold, for the journal's budget. */
  bytes: number;
}

/**
 * Keeps what the dashboard shows of a request besides its line and headers: the query string, the start
 * of the body as it arrived (malformed or not) and the start of the answer, each bounded, so an entry
 * stays small whatever was sent. `journalView` turns them into text, masked with `forms`.
 */
export function keepPreviews(req: IncomingMessage, res: ServerResponse, forms: readonly SecretForm[]): KeptPreviews {
  const raw: RawPreviews = { forms };
  const fields: KeptPreviews['fields'] = {};
  let bytes = 0;
  const url = req.url ?? '';
  const mark = url.indexOf('?');
  if (mark >= 0 && mark < url.length - 1) {
    raw.query = url.slice(mark + 1, mark + 1 + QUERY_PREVIEW_CHARS);
    bytes += raw.query.length;
  }
  const received = receivedBody(req);
  if (received !== undefined) {
    raw.request = head(received);
    fields.requestBodyLength = received.length;
    bytes += raw.request.length;
  }
  const sent = sentBody(res);
  if (sent !== undefined) {
    const type = sentType(res) ?? res.getHeader('content-type');
    if (typeof type === 'string') fields.responseType = type;
    // A string answer is kept as it is when short (no copy), a Buffer by reference up to 64 KB.
    raw.response =
      typeof sent === 'string'
        ? sent.length <= BODY_PREVIEW_BYTES
          ? sent
          : Buffer.from(sent.slice(0, BODY_PREVIEW_BYTES))
        : sent.length <= KEPT_WHOLE_BYTES
          ? sent
          : head(sent);
    fields.responseBodyLength = typeof sent === 'string' ? Buffer.byteLength(sent) : sent.length;
    bytes += Math.min(raw.response.length, BODY_PREVIEW_BYTES);
  }
  return { fields, raw, bytes };
}

/** Gives a (masked) entry its raw previews, shown by journalView. */
export function attachPreviews(entry: JournalEntry, kept: KeptPreviews): void {
  entry.previewBytes = kept.bytes;
  (entry as WithRaw)[RAW] = kept.raw;
}

/**
 * A journal entry as the admin API and the live stream show it: the previews as text (the first 4 KB of
 * each body), token-like query values and every secret masked.
 */
export function journalView(entry: JournalEntry): JournalEntry {
  const { previewBytes: _bytes, [RAW]: raw, ...view } = entry as WithRaw;
  if (raw === undefined) return view;
  const mask = (text: string): string => (raw.forms.length === 0 ? text : maskSecretsIn(text, raw.forms));
  if (raw.query !== undefined) view.query = mask(maskQuery(raw.query));
  if (raw.request !== undefined) view.requestBody = mask(text(raw.request));
  if (raw.response !== undefined) view.responseBody = mask(text(raw.response));
  return view;
}

/** A copy of the first bytes of a body: a Buffer off the JS heap, never a view that keeps a larger one alive. */
function head(body: Buffer): Buffer {
  return Buffer.from(body.subarray(0, BODY_PREVIEW_BYTES));
}

/** The preview as text; a character the 4 KB cut split in two is dropped. */
function text(kept: Kept): string {
  if (typeof kept === 'string') return kept;
  return kept.toString('utf8', 0, BODY_PREVIEW_BYTES).replace(/\uFFFD$/, '');
}

/** A query string with the values of token-like parameters (`token=`, `api_key=`, ...) replaced by ***. */
function maskQuery(query: string): string {
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
