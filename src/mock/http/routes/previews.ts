import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HeaderPair } from '../../../common/headers';
import { maskSecretsIn, secretForms, SECRET_QUERY_NAME, type SecretForm } from '../../../common/secrets';
import type { MockContext } from '../../sandboxes/context';
import { BODY_PREVIEW_BYTES, QUERY_PREVIEW_CHARS, type JournalEntry } from '../../store/journal-entry';
import { receivedBody } from '../json-body';
import { sentBody } from './respond';

/** What a request's previews are made from, kept until someone reads the entry. */
interface RawPreviews {
  query?: string;
  request?: Buffer;
  response?: Kept;
  /** The secrets to mask when the previews are read: the store's and those the request presented. */
  forms: SecretForm[];
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

/**
 * Keeps what the dashboard shows of a request besides its line and headers: the query string, the start
 * of the body as it arrived (malformed or not) and the start of the answer, each bounded, so an entry
 * stays small whatever was sent. `journalView` turns them into text.
 */
export function addPreviews(
  ctx: MockContext,
  entry: JournalEntry,
  req: IncomingMessage,
  res: ServerResponse,
  secretNames: Iterable<string>,
): void {
  // A client may echo a secret anywhere (a search for it, a body holding it): the configured ones and
  // whatever this request presented in its secret headers (a wrong guess is a secret too) are masked.
  const known = secretsOf(ctx);
  let presented: HeaderPair[] | undefined;
  for (const name of secretNames) {
    const value = req.headers[name];
    // The configured value (what every authorized request sends) has its forms already: only another adds any.
    if (typeof value === 'string' && value !== '' && !known.values.has(value))
      (presented ??= []).push({ key: name, value });
  }
  const raw: RawPreviews = { forms: known.forms };
  if (presented !== undefined)
    raw.forms = [...raw.forms, ...secretForms({ headers: presented, urls: {} })].sort(
      (a, b) => b[0].length - a[0].length,
    );
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
    entry.requestBodyLength = received.length;
    bytes += raw.request.length;
  }
  const sent = sentBody(res);
  if (sent !== undefined) {
    const type = res.getHeader('content-type');
    if (typeof type === 'string') entry.responseType = type;
    // A string answer is kept as it is when short (no copy), a Buffer by reference up to 64 KB.
    raw.response =
      typeof sent === 'string'
        ? sent.length <= BODY_PREVIEW_BYTES
          ? sent
          : Buffer.from(sent.slice(0, BODY_PREVIEW_BYTES))
        : sent.length <= KEPT_WHOLE_BYTES
          ? sent
          : head(sent);
    entry.responseBodyLength = typeof sent === 'string' ? Buffer.byteLength(sent) : sent.length;
    bytes += Math.min(raw.response.length, BODY_PREVIEW_BYTES);
  }
  entry.previewBytes = bytes;
  (entry as WithRaw)[RAW] = raw;
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

/** A store's secrets: every form they may be echoed in, and the values they were worked out from. */
interface StoreSecrets {
  forms: SecretForm[];
  /** Header and token values: secretForms depends on the value only, so a request presenting one adds nothing. */
  values: Set<string>;
}

/** Computed once per settings object. */
const secretsBySettings = new WeakMap<object, StoreSecrets>();

function secretsOf(ctx: MockContext): StoreSecrets {
  let secrets = secretsBySettings.get(ctx.settings);
  if (secrets === undefined) {
    const { headers, omnichatToken, omnichatApi } = ctx.settings;
    const pairs = [...headers];
    if (omnichatToken !== undefined) pairs.push({ key: 'authorization', value: omnichatToken });
    if (ctx.adminToken !== undefined) pairs.push({ key: 'authorization', value: ctx.adminToken });
    const forms = secretForms({ headers: pairs, urls: omnichatApi === undefined ? {} : { omnichatApi } });
    secrets = { forms, values: new Set(pairs.map((pair) => pair.value)) };
    secretsBySettings.set(ctx.settings, secrets);
  }
  return secrets;
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
