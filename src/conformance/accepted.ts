import type { OperationId } from '../contracts';
import { bodyPreview, describeAnswer, isSuccess, type Exchange } from './exchange';
import type { T } from './i18n';
import { couldNotCheck, fail, pass, type Verdict } from './outcome';

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
  if (!ex.answer.ok) return couldNotCheck(t('answer.noAnswerParen', { reason: ex.answer.reason }), ex);
  if (isSuccess(ex)) return pass(passed);
  return (
    firstRefused(t, primary, operation) ?? fail(failed, { received: bodyPreview(t, ex), expected: '2xx', exchange: ex })
  );
}
