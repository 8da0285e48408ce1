import { bodyPreview, isSuccess, unjudgeable, type Exchange } from './exchange';
import { couldNotCheck, fail, pass, type Verdict } from './outcome';

/** Judges a request that must be accepted with a 2xx; a transport failure or redirect is "could not check". */
export function judgeAccepted(ex: Exchange, passed: string, failed: string): Verdict {
  const problem = unjudgeable(ex);
  if (problem) return couldNotCheck(problem, ex);
  if (isSuccess(ex)) return pass(passed);
  return fail(failed, { received: bodyPreview(ex), expected: '2xx', exchange: ex });
}
