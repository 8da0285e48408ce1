import type { OperationId } from '../../contracts';
import type { RunContext } from '../context';
import { toCurl } from '../http/curl';
import { couldNotCheck, fail, pass, skip, type Verdict } from '../outcome';
import type { Cause } from '../result';
import type { ExploredCheck, Step } from './journey';
import type { LaneFinding } from './lane';

/**
 * The check whose failure a finding repeats in its shortest form, if one failed (then the finding
 * follows from it), or the root cause of one that could not judge the same rule for want of evidence
 * (stock-checked, when the checker refuses carts within stock too): the finding says no more than it.
 */
async function failedAlready(ctx: RunContext, rules: Cause[]): Promise<Cause | undefined> {
  for (const rule of rules) {
    // Another rule of the explorer's own, found broken in any operation (its lanes are done by now).
    if (rule.check.startsWith('explored-')) {
      const found = await ctx.explorer?.foundBroken(rule.check as ExploredCheck);
      if (found) return found;
      continue;
    }
    const verdict = ctx.verdicts.get(`${rule.operation}/${rule.check}`);
    if (verdict?.status === 'fail') return rule;
    if (verdict?.status === 'error' && verdict.causedBy) return verdict.causedBy;
  }
  return undefined;
}

/** A finding as a verdict: cause first, the fix, the journey's steps numbered, the failing request's curl line. */
function findingVerdict(ctx: RunContext, finding: LaneFinding): Verdict {
  const t = ctx.t;
  const { breach, steps } = finding;
  const last = steps.at(-1);
  const seed = ctx.explorer?.settings.seed ?? 0;
  const details = [
    ...steps.map((s: Step, i) => t('explore.stepLine', { step: i + 1, operation: s.operation, summary: s.summary })),
    t('explore.replay', {
      seed,
      calls: ctx.explorer?.settings.calls ?? 0,
      steps: steps.length,
      shrinks: finding.shrinks,
    }),
  ];
  const verdict = fail(breach.message, { received: breach.received, expected: breach.expected, details });
  return {
    ...verdict,
    ...(last ? { curl: toCurl(last.request) } : {}),
    ...(breach.fix !== undefined ? { fix: breach.fix } : {}),
    journey: steps.map((s, i) => ({
      step: i + 1,
      operation: s.operation,
      summary: s.summary,
      curl: toCurl(s.request),
    })),
  };
}

/**
 * What the explorer found about one rule in one operation: a failure (the shortest journey that breaks
 * it), "could not check" when it repeats a check that already failed or the exploring had to stop, a
 * pass stating how often the rule was put to the test, or skip when it never was.
 */
export async function judgeExplored(ctx: RunContext, check: ExploredCheck, operation: OperationId): Promise<Verdict> {
  const t = ctx.t;
  const explorer = ctx.explorer;
  if (!explorer) return skip(t('explore.off'));
  const outcomes = await explorer.outcomesFor(check, operation);
  if (outcomes.length === 0) return explorer.unexplored(check);
  const findings = outcomes
    .flatMap((o) => o.findings)
    .filter((f) => f.breach.check === check && f.breach.operation === operation);
  if (findings.length > 0) {
    const [first] = findings;
    const earlier = await failedAlready(ctx, first.breach.sameRuleAs);
    if (earlier)
      return couldNotCheck(
        t('explore.sameRule', { check: earlier.check, finding: first.breach.message }),
        undefined,
        earlier,
      );
    return findingVerdict(ctx, first);
  }
  const stopped = outcomes.find((o) => o.stopped)?.stopped;
  const tested = outcomes.reduce((sum, o) => sum + (o.tested.get(`${check}/${operation}`) ?? 0), 0);
  // A rule broken somewhere else (another operation) was set aside: its tests count, but not as evidence here.
  if (stopped && tested === 0) return couldNotCheck(stopped.reason, undefined, stopped.causedBy);
  if (tested === 0) return skip(t('explore.notTested', { calls: explorer.settings.calls }));
  // Respelled terms that find what the original finds show nothing from a search that ignores its term.
  const finds = ctx.verdicts.get('productSearch/search-text-finds');
  if (check === 'explored-text-search' && finds && finds.status !== 'pass')
    return couldNotCheck(
      t('explore.termIgnored'),
      undefined,
      finds.causedBy ?? { operation, check: 'search-text-finds' },
    );
  const journeys = outcomes.reduce((sum, o) => sum + o.journeys, 0);
  return pass(t(`explore.passed.${check}`, { count: tested, journeys }));
}
