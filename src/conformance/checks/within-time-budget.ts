import { OPERATION_IDS } from '../../contracts';
import type { Check } from '../check';
import { couldNotCheck, fail, pass } from '../outcome';

/** Every answer of the operation arrived within the budget (timeoutMs, OmniChat's 5 s by default). */
export const withinTimeBudget: Check = {
  id: 'within-time-budget',
  operations: OPERATION_IDS,
  what: 'every request the runner sent to the operation was answered within timeoutMs (default 5000)',
  why: 'OmniChat gives up after 5 s and shows the seller an error (or continues without the check)',
  fix: "answer within the time budget (5 s, OmniChat's); hand slow work to a background job and answer at once",
  reads: 'everything',
  run(ctx, operation) {
    const all = ctx.exchanges.get(operation) ?? [];
    const budget = ctx.config.timeoutMs;
    if (all.length === 0) return couldNotCheck('no request was sent');
    // Only answers count: a request cut off at the deadline is "could not check", below.
    const answers = all.filter((ex) => ex.answer.ok);
    const slowest = answers.reduce((worst, ex) => (ex.durationMs > worst.durationMs ? ex : worst), answers[0]);
    if (slowest && slowest.durationMs > budget) {
      return fail(`an answer came after the ${budget} ms budget`, {
        received: `answered in ${slowest.durationMs} ms`,
        expected: `an answer within ${budget} ms`,
        exchange: slowest,
      });
    }
    const failed = all.find((ex) => !ex.answer.ok);
    if (failed && !failed.answer.ok) return couldNotCheck(failed.answer.reason, failed);
    return pass(`${all.length === 1 ? 'the answer' : `all ${all.length} answers`} came within the ${budget} ms budget`);
  },
};
