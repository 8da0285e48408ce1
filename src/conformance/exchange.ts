import type { OperationId } from '../contracts';
import { send, type HttpRequest } from './http/client';
import { maskSecretsDeep, maskSecretsIn, type SecretForm } from '../common/secrets';
import type { T } from './i18n';
import type { Clock } from './clock';
import { none, ok, type Result } from './result';

/** An answer that arrived whole: the status, its headers (lower-case names) and the body as text. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  /** The start of the body (KEPT_BODY_CHARS), secrets masked: enough for any preview. */
  body: string;
  /** The length of the whole body in characters. */
  size: number;
}

/** A request the runner sent and what came back, with the body parsed once. */
export interface Exchange {
  request: HttpRequest;
  durationMs: number;
  /** The answer, or why none arrived (timeout, refused, DNS, TLS, too large, dropped mid-body). */
  answer: Result<Answer>;
  /** Present when an answer arrived with a non-empty body that parses as JSON. */
  json?: { value: unknown };
  /** Present when the body was not empty and did not parse. */
  jsonError?: string;
  /** Set when the answer was cut off for exceeding the body cap: the merchant answers megabytes. */
  tooLarge?: true;
}

/**
 * Sends a request and parses its body. The configured secrets are masked in everything received
 * before any check sees it: a merchant that echoes our headers back must not get them into a report,
 * and masking later would miss a secret that a preview cuts in half.
 */
export async function exchange(request: HttpRequest, forms: SecretForm[], t: T, clock?: Clock): Promise<Exchange> {
  // The transport's own shape (kind: answer | failure) ends here; the runner reads Results.
  const received = await send(request, t, clock);
  if (received.kind === 'failure') {
    const failed: Exchange = { request, durationMs: received.durationMs, answer: none(received.reason) };
    return received.code === 'too-large' ? { ...failed, tooLarge: true } : failed;
  }
  const body = maskSecretsIn(received.body, forms);
  const result: Exchange = {
    request,
    durationMs: received.durationMs,
    // Only the start of the text is kept (for previews): the parsed value is what checks read, and a
    // run holds several answers of up to 10 MB each.
    answer: ok({
      status: received.status,
      body: body.slice(0, KEPT_BODY_CHARS),
      size: received.body.length,
      headers: maskSecretsDeep(received.headers, forms),
    }),
  };
  if (body.trim() !== '') {
    // The received text is parsed, not the masked one: a short secret such as "1" must not break valid JSON.
    try {
      result.json = { value: maskParsed(JSON.parse(received.body) as unknown, forms) };
    } catch {
      result.jsonError = parseError(body, t);
    }
  }
  return result;
}

/** How much of an answer's text an exchange keeps once parsed: enough for any preview. */
const KEPT_BODY_CHARS = 16 * 1024;

/**
 * Masks the configured secrets in a freshly parsed value, in place: nothing else holds it, and a copy
 * of a 10 MB answer would double the memory a run needs. Only strings (and keys) that hold a secret change.
 */
function maskParsed(value: unknown, forms: SecretForm[]): unknown {
  if (forms.length === 0) return value;
  if (typeof value === 'string') return maskSecretsIn(value, forms);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = maskParsed(value[i], forms);
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.some((k) => maskSecretsIn(k, forms) !== k)) return maskSecretsDeep(record, forms);
  for (const key of keys) record[key] = maskParsed(record[key], forms);
  return record;
}

/** JSON.parse's message quotes a piece of the text it choked on, so it is taken from the masked body. */
function parseError(masked: string, t: T): string {
  try {
    JSON.parse(masked);
    return t('answer.invalidJson');
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * The exchange without its parsed body: what a shared request (a page, a notification) keeps once its
 * check has read what it needs, so that a run holds one parsed answer at a time, not dozens.
 */
export function withoutJson(ex: Exchange): Exchange {
  const { json: _dropped, ...rest } = ex;
  return rest;
}

/** The HTTP status of the answer, or undefined when none arrived. */
export function statusOf(ex: Exchange): number | undefined {
  return ex.answer.ok ? ex.answer.value.status : undefined;
}

/** True when the merchant answered 2xx. */
export function isSuccess(ex: Exchange): boolean {
  const status = statusOf(ex);
  return status !== undefined && status >= 200 && status < 300;
}

/** True for a 3xx status: OmniChat does not follow redirects, so it is no answer. */
export const isRedirect = (status: number): boolean => status >= 300 && status < 400;

/** "HTTP 200", "HTTP 301 (redirect)" or the transport failure, for messages. */
export function describeAnswer(t: T, ex: Exchange): string {
  if (!ex.answer.ok) return t('answer.noAnswer', { reason: ex.answer.reason });
  const { status } = ex.answer.value;
  return isRedirect(status) ? t('answer.redirect', { status }) : t('answer.status', { status });
}

/**
 * The answer when it can be judged at all: a transport failure or a redirect cannot (answers-2xx
 * reports those once, so they are "could not check" everywhere else, never "fail").
 */
function judgeable(t: T, ex: Exchange): Result<Answer> {
  if (!ex.answer.ok) return none(t('answer.noAnswerParen', { reason: ex.answer.reason }));
  if (isRedirect(ex.answer.value.status)) return none(t('answer.redirected', { status: ex.answer.value.status }));
  return ex.answer;
}

/**
 * The 2xx answer of an operation's first request, or why its body cannot be judged; the reason names
 * answers-2xx, which reports the status once (the other checks then point to it, never blame).
 */
export function primaryBody(t: T, ex: Exchange, operation: OperationId): Result<Answer> {
  const cause = { operation, check: 'answers-2xx' };
  const answer = judgeable(t, ex);
  if (!answer.ok) return none(answer.reason, cause);
  if (isSuccess(ex)) return answer;
  return none(t('answer.not2xx', { answer: describeAnswer(t, ex) }), cause);
}

/** A bounded preview of an answer's body for "received" lines. */
export function bodyPreview(t: T, ex: Exchange, max = 200): string {
  if (!ex.answer.ok) return ex.answer.reason;
  const text = ex.answer.value.body.replace(/\s+/g, ' ').trim();
  const answer = describeAnswer(t, ex);
  if (text === '') return t('answer.emptyBody', { answer });
  return t('answer.preview', { answer, text: text.length > max ? `${text.slice(0, max)}...` : text });
}
