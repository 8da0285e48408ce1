import type { OperationId } from '../../contracts';
import type { RunContext } from '../context';
import { describeAnswer, isSuccess } from '../exchange';
import { notJudged, skip, type Verdict } from '../outcome';
import type { Cause } from '../result';
import type { ExplorationReport } from '../types';
import { Budget } from './budget';
import { cartLane, cartWorld } from './cart-lane';
import type { ExploredCheck } from './journey';
import { exploreLane, type LaneOutcome, type LaneSpec } from './lane';
import { lookupLane } from './lookup-lane';
import type { ExplorerOrder } from './order-model';
import { orderLane, type OrderLaneState } from './order-lane';
import { pagingLane } from './paging-lane';
import { rolesOf } from './roles';
import { searchWorld } from './search-world';
import { textLane } from './text-lane';

/** The explorer's settings: its call budget (0 = off) and its seed. */
export interface ExplorerSettings {
  calls: number;
  seed: number;
}

/** The seed of a run without --seed: from its run id, so the same --run-id gives the same journeys (and console bytes). */
export function seedFor(runId: string): number {
  let hash = 2166136261;
  for (const char of runId) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return hash % 2 ** 31;
}

/** How the budget is shared: the orders lanes' journeys cost the most (an order's end is three calls). */
const WEIGHTS = { text: 2, lookups: 2, paging: 2, carts: 3, orders: 5 } as const;

/** A lane, its budget and where it runs. */
interface Planned {
  spec: LaneSpec<object>;
  weight: number;
  /** The operations whose checks read it (the explored-* checks judge per operation). */
  operations: readonly OperationId[];
}

/** One lane under way. */
interface Running {
  name: string;
  rules: readonly ExploredCheck[];
  operations: readonly OperationId[];
  outcome: Promise<LaneOutcome>;
}

/**
 * The model-based explorer (docs/verify.md, the explorer): from what the first search showed, lanes of
 * generated journeys (fast-check's commands, seeded, shrunk) run beside the checks, each on its own
 * share of the call budget, and the explored-* checks judge what they found.
 */
export class Explorer {
  private running: Running[] = [];
  private started = false;
  private skippedWhy?: string;
  private readonly orderStates: OrderLaneState[] = [];
  private done?: Promise<void>;

  constructor(
    private readonly ctx: RunContext,
    readonly settings: ExplorerSettings,
  ) {}

  /** Starts the lanes the run's operations call for, once the search has shown what there is (idempotent). */
  start(): void {
    if (this.started) return;
    this.started = true;
    const { ctx } = this;
    if (this.settings.calls === 0) {
      this.skippedWhy = ctx.t('explore.off');
      return;
    }
    const planned = this.plan();
    const weights = planned.reduce((sum, p) => sum + p.weight, 0);
    let left = this.settings.calls;
    planned.forEach((p, i) => {
      // The last lane takes what rounding left over, so the shares add up to the budget.
      const share = i === planned.length - 1 ? left : Math.floor((this.settings.calls * p.weight) / weights);
      left -= share;
      const seed = (this.settings.seed + (i + 1) * 1_000_003) % 2 ** 31;
      this.running.push({
        name: p.spec.name,
        rules: p.spec.rules,
        operations: p.operations,
        outcome: exploreLane(ctx, p.spec, seed, new Budget(share)),
      });
    });
  }

  /** The lanes this run explores, from what the search showed and the operations selected. */
  private plan(): Planned[] {
    const { ctx } = this;
    const selected = (op: OperationId): boolean => ctx.config.only.includes(op);
    const planned: Planned[] = [];
    const world = searchWorld(ctx);
    if (world && selected('productSearch'))
      for (const spec of [textLane(world), lookupLane(world), pagingLane(world)])
        planned.push({
          spec: spec as unknown as LaneSpec<object>,
          weight: WEIGHTS[spec.name as 'text'],
          operations: ['productSearch'],
        });
    const roles = rolesOf(ctx);
    const carts = cartWorld(ctx, roles);
    if (carts && selected('orderValidation'))
      planned.push({ spec: cartLane(carts), weight: WEIGHTS.carts, operations: ['orderValidation'] });
    const orderOps: OperationId[] = ['orderValidation', 'orderCreation', 'statusNotification', 'orderCancellation'];
    if (ctx.config.destructive && orderOps.slice(1).some(selected))
      roles.orderPools.forEach((pool, i) => {
        const state: OrderLaneState = { pool, baseline: new Map(), orders: [], next: 0, name: `o${i + 1}` };
        this.orderStates.push(state);
        const spec = orderLane(state) as unknown as LaneSpec<object>;
        planned.push({ spec, weight: WEIGHTS.orders / roles.orderPools.length, operations: orderOps });
      });
    if (planned.length === 0) this.skippedWhy = ctx.t('explore.nothingToExplore');
    return planned;
  }

  /**
   * Resolves once every lane has finished and every order the explorer created is cancelled (or
   * could not be): a last try for those its journeys left behind.
   */
  finished(): Promise<void> {
    this.done ??= (async () => {
      await Promise.all(this.running.map((r) => r.outcome));
      for (const order of this.orders().filter((o) => !o.cancelled)) {
        const ex = await this.ctx.call(
          'orderCancellation',
          { body: { ...order.payload, status: 'CANCELLED' } },
          { explorer: true },
        );
        order.cancelled = isSuccess(ex);
        order.lastAnswer = describeAnswer(this.ctx.t, ex);
      }
    })();
    return this.done;
  }

  /** Every order the explorer's journeys created. */
  orders(): ExplorerOrder[] {
    return this.orderStates.flatMap((s) => s.orders);
  }

  /** The outcomes of the lanes that explore a rule for an operation (none when the explorer did not run them). */
  async outcomesFor(check: ExploredCheck, operation: OperationId): Promise<LaneOutcome[]> {
    const lanes = this.running.filter((r) => r.rules.includes(check) && r.operations.includes(operation));
    return Promise.all(lanes.map((r) => r.outcome));
  }

  /** Where a rule was found broken, once every lane has finished (the first operation it was found in), if it was. */
  async foundBroken(check: ExploredCheck): Promise<Cause | undefined> {
    const outcomes = await Promise.all(this.running.map((r) => r.outcome));
    const finding = outcomes.flatMap((o) => o.findings).find((f) => f.breach.check === check);
    return finding ? { operation: finding.breach.operation, check } : undefined;
  }

  /** Why the explorer did not run, when it did not. */
  get skipped(): string | undefined {
    return this.skippedWhy;
  }

  /** The verdict of a rule no lane explored: the search gave nothing to explore, or nothing fit the rule. */
  unexplored(check: ExploredCheck): Verdict {
    const { ctx } = this;
    if (this.skippedWhy !== undefined && this.running.length === 0 && this.settings.calls === 0)
      return skip(this.skippedWhy);
    if (!ctx.products.ok) return notJudged(ctx.products);
    if (check === 'explored-stock' || check === 'explored-answers' || check === 'explored-callbacks')
      return ctx.config.destructive ? skip(ctx.t('explore.noPool')) : skip(ctx.t('run.noDestructive'));
    return skip(ctx.t('explore.nothingToExplore'));
  }

  /** What the explorer did, for the JSON report (`exploration`). */
  async report(): Promise<ExplorationReport> {
    const outcomes = await Promise.all(this.running.map((r) => r.outcome));
    const findings = outcomes.flatMap((o) => o.findings.map((f) => `${f.breach.operation}/${f.breach.check}`));
    const out: ExplorationReport = {
      seed: this.settings.seed,
      budget: this.settings.calls,
      calls: this.ctx.sent.explorer,
      journeys: outcomes.reduce((sum, o) => sum + o.journeys, 0),
      findings: [...new Set(findings)],
      notCancelled: this.orders()
        .filter((o) => !o.cancelled)
        .map((o) => ({ id: o.id, answer: o.lastAnswer ?? '' })),
    };
    return this.skippedWhy ? { ...out, skipped: this.skippedWhy } : out;
  }

  /** The notes every report shows: the seed to replay with, and the orders left behind. */
  async notes(): Promise<string[]> {
    const { ctx } = this;
    const report = await this.report();
    const said = { seed: report.seed, journeys: report.journeys, calls: report.calls, budget: report.budget };
    // Off, or kept from starting by a search that gave nothing (the run's cause is that search), the
    // explorer has nothing to replay: the JSON report keeps the seed (meta.seed) all the same.
    const head =
      this.settings.calls === 0 || (report.skipped && !ctx.products.ok)
        ? []
        : [
            report.skipped
              ? ctx.t('explore.noteOff', { seed: report.seed, why: report.skipped })
              : ctx.t('explore.note', said),
          ];
    const left = report.notCancelled.map((o) => ctx.t('run.orderNotCancelled', { id: o.id, answer: o.answer }));
    return [...head, ...left];
  }
}
