import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { couldNotCheck, fail, notJudged, pass, type Verdict } from '../outcome';
import type { RunContext } from '../context';
import { OPERATION_IDS, type OperationId } from '../../contracts';

/** Every answer of the operation arrived within the budget (timeoutMs, OmniChat's 5 s by default). */
export const withinTimeBudget: Check = {
  id: 'within-time-budget',
  operations: OPERATION_IDS,
  ...englishTexts('within-time-budget'),
  reads: 'everything',
  run: (ctx, operation) => judgeTimes(ctx, operation),
  // Whatever the operation sent without a first request (an unknown order's cancellation) is timed too;
  // when it sent nothing, what stopped its first request is the reason.
  alone: (ctx, operation, missing) =>
    (ctx.exchanges.get(operation) ?? []).length === 0 ? notJudged(missing) : judgeTimes(ctx, operation),
};

/** The slowest answer of the operation against the budget; a request cut off at the deadline could not be judged. */
function judgeTimes(ctx: RunContext, operation: OperationId): Verdict {
  const all = ctx.exchanges.get(operation) ?? [];
  const budget = ctx.config.timeoutMs;
  const t = ctx.t;
  if (all.length === 0) return couldNotCheck(t('within-time-budget.noRequest'));
  // Only answers count: a request cut off at the deadline is "could not check", below.
  const answers = all.filter((ex) => ex.answer.ok);
  const slowest = answers.reduce((worst, ex) => (ex.durationMs > worst.durationMs ? ex : worst), answers[0]);
  if (slowest && slowest.durationMs > budget) {
    return fail(t('within-time-budget.late', { budget }), {
      received: t('within-time-budget.answeredIn', { ms: slowest.durationMs }),
      expected: t('within-time-budget.within', { budget }),
      exchange: slowest,
    });
  }
  const failed = all.find((ex) => !ex.answer.ok);
  if (failed && !failed.answer.ok) return couldNotCheck(failed.answer.reason, failed);
  return pass(
    all.length === 1
      ? t('within-time-budget.one', { budget })
      : t('within-time-budget.all', { count: all.length, budget }),
  );
}
