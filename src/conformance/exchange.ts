import { send, type HttpOutcome, type HttpRequest } from './http/client';
import { maskSecretsDeep, maskSecretsIn, type SecretForm } from '../common/secrets';

/** A request the runner sent and what came back, with the body parsed once. */
export interface Exchange {
  request: HttpRequest;
  outcome: HttpOutcome;
  /** Present when an answer arrived with a non-empty body that parses as JSON. */
  json?: { value: unknown };
  /** Present when the body was not empty and did not parse. */
  jsonError?: string;
}

/**
 * Sends a request and parses its body. The configured secrets are masked in everything received
 * before any check sees it: a merchant that echoes our headers back must not get them into a report,
 * and masking later would miss a secret that a preview cuts in half.
 */
export async function exchange(request: HttpRequest, forms: SecretForm[] = []): Promise<Exchange> {
  const received = await send(request);
  if (received.kind === 'failure') return { request, outcome: received };
  const body = maskSecretsIn(received.body, forms);
  const result: Exchange = {
    request,
    outcome: { ...received, body, headers: maskSecretsDeep(received.headers, forms) },
  };
  if (body.trim() !== '') {
    // The received text is parsed, not the masked one: a short secret such as "1" must not break valid JSON.
    try {
      result.json = { value: maskSecretsDeep(JSON.parse(received.body) as unknown, forms) };
    } catch {
      result.jsonError = parseError(body);
    }
  }
  return result;
}

/** JSON.parse's message quotes a piece of the text it choked on, so it is taken from the masked body. */
function parseError(masked: string): string {
  try {
    JSON.parse(masked);
    return 'the body is not valid JSON';
  } catch (error) {
    return (error as Error).message;
  }
}

/** True when the merchant answered 2xx. */
export function isSuccess(ex: Exchange): boolean {
  return ex.outcome.kind === 'answer' && ex.outcome.status >= 200 && ex.outcome.status < 300;
}

/** "HTTP 200", "HTTP 301 (redirect)" or the transport failure, for messages. */
export function describeAnswer(ex: Exchange): string {
  if (ex.outcome.kind === 'failure') return `no answer: ${ex.outcome.reason}`;
  return ex.outcome.status >= 300 && ex.outcome.status < 400
    ? `HTTP ${ex.outcome.status} (redirect)`
    : `HTTP ${ex.outcome.status}`;
}

/**
 * Why an exchange cannot be judged on its body, or undefined when it can: a transport failure or a
 * redirect is reported once (by answers-2xx) and makes body checks "could not check", not "fail".
 */
export function unjudgeable(ex: Exchange): string | undefined {
  if (ex.outcome.kind === 'failure') return `no answer (${ex.outcome.reason})`;
  if (ex.outcome.status >= 300 && ex.outcome.status < 400)
    return `the merchant redirected (HTTP ${ex.outcome.status}); see answers-2xx`;
  return undefined;
}

/** Why a body cannot be judged: unjudgeable, or an answer that is not 2xx (answers-2xx reports that). */
export function bodyProblem(ex: Exchange): string | undefined {
  const problem = unjudgeable(ex);
  if (problem) return problem;
  return isSuccess(ex) ? undefined : `the answer was ${describeAnswer(ex)}, not 2xx; see answers-2xx`;
}

/** A bounded preview of an answer's body for "received" lines. */
export function bodyPreview(ex: Exchange, max = 200): string {
  if (ex.outcome.kind === 'failure') return ex.outcome.reason;
  const text = ex.outcome.body.replace(/\s+/g, ' ').trim();
  if (text === '') return `${describeAnswer(ex)}, empty body`;
  return `${describeAnswer(ex)}: ${text.length > max ? `${text.slice(0, max)}...` : text}`;
}
