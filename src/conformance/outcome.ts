import { toCurl } from './http/curl';
import type { Exchange } from './exchange';
import type { Cause } from './result';
import type { CheckResult, CheckStatus, ProbeFinding } from './types';

/** What a check decides; the runner adds the check id. */
export type Verdict = Omit<CheckResult, 'id'>;

interface FailureDetail {
  received?: string;
  expected?: string;
  pointer?: string;
  details?: string[];
  /** Entries beyond `details` that were counted but not kept (a long answer's): "and N more". */
  moreDetails?: number;
  /** Every probe that went wrong (what was sent, expected and received), for checks that probe a rule. */
  probes?: ProbeFinding[];
  /** The request that shows the problem; becomes the curl line. */
  exchange?: Exchange;
}

function verdict(status: CheckStatus, message: string, detail: FailureDetail = {}): Verdict {
  const out: Verdict = { status, message };
  if (detail.received !== undefined) out.received = detail.received;
  if (detail.expected !== undefined) out.expected = detail.expected;
  if (detail.pointer !== undefined) out.pointer = detail.pointer;
  if (detail.details && detail.details.length > 0) out.details = detail.details;
  if (detail.moreDetails !== undefined && detail.moreDetails > 0) out.moreDetails = detail.moreDetails;
  if (detail.probes && detail.probes.length > 0) out.probes = detail.probes;
  if (detail.exchange) {
    out.curl = toCurl(detail.exchange.request);
    out.durationMs = detail.exchange.durationMs;
  }
  return out;
}

/** The rule holds. */
export const pass = (message: string, exchange?: Exchange): Verdict => verdict('pass', message, { exchange });
/** The rule is broken: say what came back, what was expected, where, and how to repeat it. */
export const fail = (message: string, detail: FailureDetail): Verdict => verdict('fail', message, detail);
/** Worth fixing, but OmniChat copes: does not fail the run. */
export const warn = (message: string, detail: FailureDetail = {}): Verdict => verdict('warn', message, detail);
/**
 * Could not check (timeout, refused, nothing to test with): never a pass. `causedBy` names the check
 * that reports the root cause, when another check's finding is why this one could not run. The
 * message is the reason alone: the runner puts "could not check: " before it, in the run's language.
 */
export function couldNotCheck(reason: string, exchange?: Exchange, causedBy?: Cause): Verdict {
  const out = verdict('error', reason, { exchange });
  return causedBy ? { ...out, causedBy } : out;
}
/** "Could not check" for a Result without a value: its reason, and its root cause when it has one. */
export const notJudged = (missing: { reason: string; causedBy?: Cause }, exchange?: Exchange): Verdict =>
  couldNotCheck(missing.reason, exchange, missing.causedBy);
/** Not applicable to this merchant or this run. */
export const skip = (reason: string): Verdict => verdict('skip', reason);
