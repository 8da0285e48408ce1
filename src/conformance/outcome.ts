import { toCurl } from './http/curl';
import type { Exchange } from './exchange';
import type { CheckResult, CheckStatus } from './types';

/** What a check decides; the runner adds the check id. */
export type Verdict = Omit<CheckResult, 'id'>;

export interface FailureDetail {
  received?: string;
  expected?: string;
  pointer?: string;
  details?: string[];
  /** The request that shows the problem; becomes the curl line. */
  exchange?: Exchange;
}

function verdict(status: CheckStatus, message: string, detail: FailureDetail = {}): Verdict {
  const out: Verdict = { status, message };
  if (detail.received !== undefined) out.received = detail.received;
  if (detail.expected !== undefined) out.expected = detail.expected;
  if (detail.pointer !== undefined) out.pointer = detail.pointer;
  if (detail.details && detail.details.length > 0) out.details = detail.details;
  if (detail.exchange) {
    out.curl = toCurl(detail.exchange.request);
    out.durationMs = detail.exchange.outcome.durationMs;
  }
  return out;
}

/** The rule holds. */
export const pass = (message: string, exchange?: Exchange): Verdict => verdict('pass', message, { exchange });
/** The rule is broken: say what came back, what was expected, where, and how to repeat it. */
export const fail = (message: string, detail: FailureDetail): Verdict => verdict('fail', message, detail);
/** Worth fixing, but OmniChat copes: does not fail the run. */
export const warn = (message: string, detail: FailureDetail = {}): Verdict => verdict('warn', message, detail);
/** Could not check (timeout, refused, nothing to test with): never a pass. */
export const couldNotCheck = (reason: string, exchange?: Exchange): Verdict =>
  verdict('error', `could not check: ${reason}`, { exchange });
/** Not applicable to this merchant or this run. */
export const skip = (reason: string): Verdict => verdict('skip', reason);
