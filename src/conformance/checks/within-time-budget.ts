import { OPERATION_IDS } from '../../contracts';
import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { couldNotCheck, fail, pass } from '../outcome';

/** Every answer of the operation arrived within the budget (timeoutMs, OmniChat's 5 s by default). */
export const withinTimeBudget: Check = {
  id: 'within-time-budget',
  operations: OPERATION_IDS,
  ...englishTexts('within-time-budget'),
  reads: 'everything',
  run(ctx, operation) {
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
  },
};
