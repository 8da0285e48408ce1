import fc from 'fast-check';
import type { RunContext } from '../context';
import { Budget } from './budget';
import { Breach, Journey, type ExploredCheck, type LaneContext, type Step, type Stop } from './journey';

/** A journey's commands, as fast-check runs them against a model and the merchant. */
export type LaneCommand<Model extends object> = fc.AsyncCommand<Model, Journey>;

/** One kind of exploration: the rules it can find broken, the commands, the model they run against. */
export interface LaneSpec<Model extends object> {
  /** For the report: "text", "lookups", "paging", "carts", "orders". */
  name: string;
  rules: readonly ExploredCheck[];
  commands: fc.Arbitrary<LaneCommand<Model>>[];
  /** The most commands of one journey. */
  maxCommands: number;
  /** A fresh model at the start of each journey (from what the merchant showed). */
  model(): Model;
  /** What every journey starts with (generated, so shrinking reaches it too): the orders lane's first order. */
  opening?: fc.Arbitrary<unknown>;
  /** Runs at the start of each journey, before its commands, with the generated opening. */
  open?(model: Model, journey: Journey, opening: unknown): Promise<void>;
  /** Runs once before the first journey (the orders lane reads the stock it starts from). */
  prepare?(journey: Journey): Promise<void>;
  /** Runs after the commands of a journey that broke nothing: what is judged only at its end. */
  close?(model: Model, journey: Journey): Promise<void>;
  /** Runs after a journey that broke a rule: puts the merchant back (cancels orders), judging nothing. */
  tidy?(model: Model, journey: Journey): Promise<void>;
}

/** A rule found broken: the shortest journey fast-check found, its steps, and how it was found. */
export interface LaneFinding {
  breach: Breach['detail'];
  steps: Step[];
  /** How many shrinking steps led to it. */
  shrinks: number;
}

/** What a lane did, for the checks that judge its rules and for the report. */
export interface LaneOutcome {
  name: string;
  rules: readonly ExploredCheck[];
  findings: LaneFinding[];
  tested: Map<string, number>;
  /** Why it stopped early (no answer, stock it could not read), or why it could not start. */
  stopped?: Stop;
  journeys: number;
  calls: number;
}

/** How often a lane starts over after a finding, looking for another rule broken. */
const MAX_ROUNDS = 4;

/**
 * Explores one lane: fast-check generates journeys (seeded), runs each against the model, and when
 * one breaks a rule shrinks it to the shortest journey that still does. The rule is then set aside
 * and the lane explores on (another seed from the same one) for the others, until its budget is spent.
 */
export async function exploreLane<Model extends object>(
  ctx: RunContext,
  spec: LaneSpec<Model>,
  seed: number,
  budget: Budget,
): Promise<LaneOutcome> {
  const lane: LaneContext = {
    ctx,
    budget,
    disabled: new Set(),
    tested: new Map(),
    stop(reason, causedBy) {
      this.stopped ??= causedBy ? { reason, causedBy } : { reason };
    },
  };
  const outcome: LaneOutcome = {
    name: spec.name,
    rules: spec.rules,
    findings: [],
    tested: lane.tested,
    journeys: 0,
    calls: 0,
  };
  const finish = (): LaneOutcome => ({ ...outcome, stopped: lane.stopped, calls: budget.spent });
  if (spec.prepare) await spec.prepare(new Journey(lane));
  for (let round = 0; round < MAX_ROUNDS && budget.allows(1) && lane.stopped === undefined; round++) {
    let failing: { breach: Breach['detail']; steps: Step[] } | undefined;
    const property = fc.asyncProperty(
      spec.opening ?? fc.constant(undefined),
      fc.commands(spec.commands, { maxCommands: spec.maxCommands }),
      async (opening, commands) => {
        if (!budget.allows(1) || lane.stopped !== undefined) return;
        const journey = new Journey(lane);
        const model = spec.model();
        try {
          await spec.open?.(model, journey, opening);
          await fc.asyncModelRun(() => ({ model, real: journey }), commands);
          await spec.close?.(model, journey);
        } catch (error) {
          // The last journey that failed is the one fast-check reports: shrinking ends on it.
          if (error instanceof Breach) {
            failing = { breach: error.detail, steps: [...journey.steps] };
            budget.allowShrinking();
          }
          await spec.tidy?.(model, journey);
          throw error;
        } finally {
          budget.releaseReserve();
          // A journey whose commands could all not run (no order to cancel yet) sent nothing: not counted.
          if (journey.steps.length > 0) outcome.journeys++;
        }
      },
    );
    // Each journey sends at least one request, so the budget ends the runs well before this many.
    const details = await fc.check(property, { seed: seed + round * 7919, numRuns: budget.limit * 2 + 10 });
    budget.endShrinking();
    if (!details.failed) break;
    const found = failing as { breach: Breach['detail']; steps: Step[] } | undefined;
    if (!found) {
      // Not a rule broken but a fault of the explorer itself: said as "could not check", never blamed.
      const error = details.errorInstance;
      lane.stop(ctx.t('run.internalError', { error: error instanceof Error ? error.message : String(error) }));
      break;
    }
    outcome.findings.push({ breach: found.breach, steps: found.steps, shrinks: details.numShrinks });
    lane.disabled.add(found.breach.check);
    if (spec.rules.every((rule) => lane.disabled.has(rule))) break;
  }
  return finish();
}
