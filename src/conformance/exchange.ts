import { send, type HttpOutcome, type HttpRequest } from './http/client';

/** A request the runner sent and what came back, with the body parsed once. */
export interface Exchange {
  request: HttpRequest;
  outcome: HttpOutcome;
  /** Present when an answer arrived with a non-empty body that parses as JSON. */
  json?: { value: unknown };
  /** Present when the body was not empty and did not parse. */
  jsonError?: string;
}

/** Sends a request and parses its body; the deadline leaves room to measure an answer that is late. */
export async function exchange(request: HttpRequest): Promise<Exchange> {
  const outcome = await send(request);
  const result: Exchange = { request, outcome };
  if (outcome.kind === 'answer' && outcome.body.trim() !== '') {
    try {
      result.json = { value: JSON.parse(outcome.body) as unknown };
    } catch (error) {
      result.jsonError = (error as Error).message;
    }
  }
  return result;
}

/** True when the merchant answered 2xx. */
export function isSuccess(ex: Exchange): boolean {
  return ex.outcome.kind === 'answer' && ex.outcome.status >= 200 && ex.outcome.status < 300;
}

/** "HTTP 200", "HTTP 301 (redirect)" or the transport failure, for messages. */
export function describeAnswer(ex: Exchange): string {
  if (ex.outcome.kind === 'failure') return `no answer: ${ex.outcome.reason}`;
  return ex.outcome.status >= 300 && ex.outcome.status < 400 ? `HTTP ${ex.outcome.status} (redirect)` : `HTTP ${ex.outcome.status}`;
}

/**
 * Why an exchange cannot be judged on its body, or undefined when it can: a transport failure or a
 * redirect is reported once (by answers-2xx) and makes body checks "could not check", not "fail".
 */
export function unjudgeable(ex: Exchange): string | undefined {
  if (ex.outcome.kind === 'failure') return `no answer (${ex.outcome.reason})`;
  if (ex.outcome.status >= 300 && ex.outcome.status < 400) return `the merchant redirected (HTTP ${ex.outcome.status}); see answers-2xx`;
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
