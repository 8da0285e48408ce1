import type { OperationId } from '../contracts';
import type { RunContext } from './context';
import { bodyPreview, describeAnswer, isSuccess, type Exchange } from './exchange';
import type { T } from './i18n';
import { couldNotCheck, fail, pass, type Verdict } from './outcome';
import { noAnswer } from './search';

/**
 * "Could not check" when the operation's first request was not accepted: then a further request to
 * the same URL failing says nothing new (answers-2xx reports it once), so nothing else may blame it.
 */
export function firstRefused(t: T, primary: Exchange, operation: OperationId): Verdict | undefined {
  if (isSuccess(primary)) return undefined;
  return couldNotCheck(t('answer.firstNotAccepted', { answer: describeAnswer(t, primary) }), undefined, {
    operation,
    check: 'answers-2xx',
  });
}

/**
 * Judges a further request of an operation that must be accepted with a 2xx. No answer at all is
 * "could not check"; a refusal is a failure only when the operation's first request was accepted.
 */
export function judgeAccepted(
  t: T,
  ex: Exchange,
  primary: Exchange,
  operation: OperationId,
  passed: string,
  failed: string,
): Verdict {
  const unanswered = noAnswer(t, ex);
  if (unanswered) return unanswered;
  if (isSuccess(ex)) return pass(passed);
  return (
    firstRefused(t, primary, operation) ?? fail(failed, { received: bodyPreview(t, ex), expected: '2xx', exchange: ex })
  );
}

/**
 * Sends the operation's first request again and judges that the repeat is accepted (idempotency).
 * Only an accepted first request is repeated: repeating a refused one would test nothing.
 */
export async function judgeRepeat(
  ctx: RunContext,
  operation: OperationId,
  primary: Exchange,
  passed: string,
  failed: string,
): Promise<Verdict> {
  const refused = firstRefused(ctx.t, primary, operation);
  if (refused) return refused;
  return judgeAccepted(ctx.t, await ctx.repeat(operation, primary), primary, operation, passed, failed);
}
