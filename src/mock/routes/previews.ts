import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HeaderPair } from '../../common/headers';
import { maskSecretsIn, secretForms, SECRET_QUERY_NAME, type SecretForm } from '../../common/secrets';
import type { MockContext } from '../context';
import { BODY_PREVIEW_CHARS, QUERY_PREVIEW_CHARS, type JournalEntry } from '../journal';
import { receivedBody } from '../json-body';
import { sentBody } from './respond';

/**
 * Adds what the dashboard shows of a request besides its line and headers: the query string (token-like
 * values masked), the start of the body as it arrived (malformed or not), and the start of the answer. Each is bounded, so a
 * journal entry stays small whatever was sent.
 */
export function addPreviews(
  ctx: MockContext,
  entry: JournalEntry,
  req: IncomingMessage,
  res: ServerResponse,
  secretNames: Iterable<string>,
): void {
  // A client may echo a secret anywhere (a search for it, a body holding it): the configured ones and
  // whatever this request presented in its secret headers (a wrong guess is a secret too) are masked
  // in every form they may take.
  const presented: HeaderPair[] = [];
  for (const name of secretNames) {
    const value = req.headers[name];
    if (typeof value === 'string' && value !== '') presented.push({ key: name, value });
  }
  const forms =
    presented.length === 0 ? formsOf(ctx) : [...formsOf(ctx), ...secretForms({ headers: presented, urls: {} })];
  if (presented.length > 0) forms.sort((a, b) => b[0].length - a[0].length);
  const mask = (text: string): string => (forms.length === 0 ? text : maskSecretsIn(text, forms));
  const url = req.url ?? '';
  const mark = url.indexOf('?');
  if (mark >= 0 && mark < url.length - 1)
    entry.query = mask(maskQuery(url.slice(mark + 1, mark + 1 + QUERY_PREVIEW_CHARS)));
  const sent = receivedBody(req);
  if (sent !== undefined) {
    entry.requestBody = mask(sent.toString('utf8', 0, BODY_PREVIEW_CHARS));
    entry.requestBodyLength = sent.length;
  }
  const body = sentBody(res);
  if (body !== undefined) {
    const type = res.getHeader('content-type');
    if (typeof type === 'string') entry.responseType = type;
    entry.responseBody = mask(
      typeof body === 'string' ? body.slice(0, BODY_PREVIEW_CHARS) : body.toString('utf8', 0, BODY_PREVIEW_CHARS),
    );
    entry.responseBodyLength = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  }
}

/** The secrets of a store's settings in every form they may be echoed, computed once per settings object. */
const formsBySettings = new WeakMap<object, SecretForm[]>();

function formsOf(ctx: MockContext): SecretForm[] {
  let forms = formsBySettings.get(ctx.settings);
  if (forms === undefined) {
    const { headers, omnichatToken, omnichatApi } = ctx.settings;
    const secrets = [...headers];
    if (omnichatToken !== undefined) secrets.push({ key: 'authorization', value: omnichatToken });
    if (ctx.adminToken !== undefined) secrets.push({ key: 'authorization', value: ctx.adminToken });
    forms = secretForms({ headers: secrets, urls: omnichatApi === undefined ? {} : { omnichatApi } });
    formsBySettings.set(ctx.settings, forms);
  }
  return forms;
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
