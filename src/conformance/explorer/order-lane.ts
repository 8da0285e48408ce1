import fc from 'fast-check';
import { NOTIFIED_STATUSES, type OperationId } from '../../contracts';
import { isSuccess, type Exchange } from '../exchange';
import type { Cause } from '../result';
import { cartLine, testLineId, testOrder, type ProductVariant } from '../test-data';
import { answered, Breach, type Journey } from './journey';
import type { LaneCommand, LaneSpec } from './lane';
import {
  available,
  moved,
  possibleStock,
  RELEASING,
  type ExplorerOrder,
  type ModelOrder,
  type OrderModel,
} from './order-model';
import { readStock } from './stock-watch';

/** Calls an order's end costs: its cancellation, the CANCELLED notification OmniChat also sends, and the cancellation again. */
const CLOSING_CALLS = 3;
/** The most orders one journey creates. */
const MAX_ORDERS = 3;

/** An orders lane's own state across journeys: where the stock stands, and every order it created. */
export interface OrderLaneState {
  pool: ProductVariant[];
  /** The stock each journey starts from: read before the first, then what the last journey's end showed. */
  baseline: Map<string, number>;
  /** Every order the lane created (the run cancels those left at the end, and judges their callbacks). */
  orders: ExplorerOrder[];
  /** Numbers the orders of the lane (ids must be new to the merchant on every journey, replays included). */
  next: number;
  name: string;
}

const cause = (operation: OperationId, check: string): Cause => ({ operation, check });

/** What to change when the stock moved wrongly after a call of each operation. */
const STOCK_FIX = {
  productSearch: 'explore.validateStockFix',
  orderValidation: 'explore.validateStockFix',
  orderCreation: 'explore.createStockFix',
  statusNotification: 'explore.notifyStockFix',
  orderCancellation: 'explore.cancelStockFix',
} as const;

/** Sends one call about an order and holds it to a 2xx: every call of an order's life must be accepted. */
async function accepted(
  journey: Journey,
  operation: OperationId,
  body: Record<string, unknown>,
  said: string,
  sameRuleAs: Cause[],
  fromReserve = false,
): Promise<Exchange | undefined> {
  const { ctx } = journey.lane;
  const t = ctx.t;
  const ex = await journey.send(
    operation,
    { body },
    (answer) => t('explore.orderStep', { said, answer: answered(ctx, answer) }),
    fromReserve,
  );
  if (!ex || !journey.tests('explored-answers', operation) || isSuccess(ex)) return ex;
  throw new Breach({
    check: 'explored-answers',
    operation,
    message: t('explore.refused', { said, answer: answered(ctx, ex) }),
    expected: '2xx',
    received: answered(ctx, ex),
    sameRuleAs: [cause(operation, 'answers-2xx'), ...sameRuleAs],
  });
}

/** A notification about an order, as OmniChat sends it (as the checks send theirs). */
function notification(journey: Journey, order: ExplorerOrder, status: string): Record<string, unknown> {
  return {
    order: { ...order.payload, status },
    statusChange: {
      status,
      responsible: 'merchant-kit verify',
      message: `merchant-kit test notification: ${status}`,
      updatedAt: journey.lane.ctx.startedAt,
    },
  };
}

/** Reads the pool's stock and holds it to what the model allows; `end`: every order is over, so exactly the start. */
async function look(journey: Journey, state: OrderLaneState, model: OrderModel, fromReserve = false): Promise<void> {
  const now = await readStock(journey, state.pool[0].product, fromReserve);
  const judged = [...model.moved];
  model.moved.clear();
  if (!now || !journey.tests('explored-stock', judged)) return;
  const t = journey.lane.ctx.t;
  for (const { variant } of state.pool) {
    const seen = now.get(variant.objectId);
    const possible = possibleStock(model, variant.objectId);
    if (seen === undefined || possible.includes(seen)) continue;
    const operation = model.lastMove ?? 'orderCreation';
    throw new Breach({
      check: 'explored-stock',
      operation,
      message: t('explore.stockWrong', {
        variant: variant.objectId,
        seen,
        expected: possible.join(t('explore.or')),
        after: model.lastMoveSaid ?? '',
      }),
      expected: t('explore.stockOf', { variant: variant.objectId, stock: possible.join(t('explore.or')) }),
      received: t('explore.stockOf', { variant: variant.objectId, stock: seen }),
      sameRuleAs: [],
      fix: t(STOCK_FIX[operation]),
    });
  }
}

/** One line of an order to create: which of the lane's variants, and how many units of what is there. */
type LineSeed = { index: number; units: number };

/**
 * Creates an order of one or two lines from the lane's variants, within the stock the model knows is
 * there; its end (and a last look at the stock) is paid for before it exists, so that an order is
 * never left behind for want of calls. Nothing is sent when no stock or budget is left.
 */
async function create(
  state: OrderLaneState,
  model: OrderModel,
  journey: Journey,
  seeds: LineSeed[],
  validateFirst = false,
): Promise<void> {
  const lines: { variant: string; quantity: number; pv: ProductVariant }[] = [];
  for (const seed of seeds) {
    const pv = state.pool[seed.index % state.pool.length];
    const free = available(model, pv.variant.objectId);
    if (free < 1 || lines.some((l) => l.variant === pv.variant.objectId)) continue;
    lines.push({ variant: pv.variant.objectId, quantity: 1 + (seed.units % free), pv });
  }
  const cost = (validateFirst ? 1 : 0) + 1 + CLOSING_CALLS + (model.orders.length === 0 ? 1 : 0);
  if (lines.length === 0 || !journey.affords(cost)) return;
  journey.lane.budget.reserve(cost - 1 - (validateFirst ? 1 : 0));
  const { ctx } = journey.lane;
  const id = ctx.orderId(`explore-${state.name}-${++state.next}`);
  const payload = testOrder(
    id,
    lines.map((l, i) => cartLine(l.pv, testLineId(i + 1), l.quantity)),
  );
  const order: ExplorerOrder = {
    id,
    payload,
    lines: lines.map(({ variant, quantity }) => ({ variant, quantity })),
    answeredAt: 0,
    accepted: false,
    cancelled: false,
  };
  const said = ctx.t('explore.create', { id, lines: lines.map((l) => `${l.quantity} x ${l.variant}`).join(', ') });
  if (validateFirst) {
    // As OmniChat does before an order exists: the cart is validated, which must leave the stock alone.
    const checked = ctx.t('explore.validate', { lines: lines.map((l) => `${l.quantity} x ${l.variant}`).join(', ') });
    const sent = await journey.send('orderValidation', { body: payload }, (answer) =>
      ctx.t('explore.orderStep', { said: checked, answer: answered(ctx, answer) }),
    );
    if (!sent) return;
    moved(model, 'orderValidation', checked);
  }
  state.orders.push(order);
  const ex = await accepted(journey, 'orderCreation', payload, said, []);
  order.answeredAt = ctx.clock.now();
  if (!ex || !isSuccess(ex)) return;
  order.accepted = true;
  model.orders.push({ order, holding: 'yes' });
  moved(model, 'orderCreation', said);
}

/** Creates one more order in the journey (a journey starts with one: see orderLane). */
class Create implements LaneCommand<OrderModel> {
  constructor(
    private readonly state: OrderLaneState,
    private readonly seeds: LineSeed[],
  ) {}

  check(model: Readonly<OrderModel>): boolean {
    return model.orders.length < MAX_ORDERS;
  }

  run(model: OrderModel, journey: Journey): Promise<void> {
    return create(this.state, model, journey, this.seeds);
  }

  toString(): string {
    return `create(${JSON.stringify(this.seeds)})`;
  }
}

/** The i-th order of the journey that the merchant accepted, if any. */
const nth = (model: Readonly<OrderModel>, i: number): ModelOrder | undefined =>
  model.orders.length === 0 ? undefined : model.orders[i % model.orders.length];

/** Sends an order again as it was (OmniChat may): accepted, and takes no more stock. */
class Repeat implements LaneCommand<OrderModel> {
  constructor(private readonly i: number) {}
  check(model: Readonly<OrderModel>): boolean {
    const o = nth(model, this.i);
    return o !== undefined && !o.order.cancelled;
  }
  async run(model: OrderModel, journey: Journey): Promise<void> {
    const o = nth(model, this.i) as ModelOrder;
    if (!journey.affords(1)) return;
    const said = journey.lane.ctx.t('explore.repeat', { id: o.order.id });
    await accepted(journey, 'orderCreation', o.order.payload, said, [cause('orderCreation', 'creation-idempotent')]);
    moved(model, 'orderCreation', said);
  }
  toString(): string {
    return `repeat(${this.i})`;
  }
}

/** Notifies any of the 14 statuses, in any order: accepted; only a releasing status may give the stock back. */
class Notify implements LaneCommand<OrderModel> {
  constructor(
    private readonly i: number,
    private readonly status: string,
  ) {}
  check(model: Readonly<OrderModel>): boolean {
    return nth(model, this.i) !== undefined;
  }
  async run(model: OrderModel, journey: Journey): Promise<void> {
    const o = nth(model, this.i) as ModelOrder;
    if (!journey.affords(1)) return;
    const said = journey.lane.ctx.t('explore.notify', { status: this.status, id: o.order.id });
    await accepted(journey, 'statusNotification', notification(journey, o.order, this.status), said, [
      cause('statusNotification', 'all-statuses-accepted'),
      cause('statusNotification', 'notification-repeat-accepted'),
    ]);
    if (RELEASING.has(this.status) && o.holding === 'yes') o.holding = 'maybe';
    moved(model, 'statusNotification', said);
  }
  toString(): string {
    return `notify(${this.i}, ${this.status})`;
  }
}

/** Cancels an order (again, when it was): accepted, and gives its stock back once in all. */
class Cancel implements LaneCommand<OrderModel> {
  constructor(private readonly i: number) {}
  check(model: Readonly<OrderModel>): boolean {
    return nth(model, this.i) !== undefined;
  }
  async run(model: OrderModel, journey: Journey): Promise<void> {
    const o = nth(model, this.i) as ModelOrder;
    if (!journey.affords(1)) return;
    await cancel(journey, model, o, false);
  }
  toString(): string {
    return `cancel(${this.i})`;
  }
}

/** Cancels an order: the first time a cancellation, else its repeat (held to cancellation-idempotent's rule too). */
async function cancel(journey: Journey, model: OrderModel, o: ModelOrder, fromReserve: boolean): Promise<void> {
  const t = journey.lane.ctx.t;
  const again = o.order.cancelled;
  const said = t(again ? 'explore.cancelAgain' : 'explore.cancel', { id: o.order.id });
  const rule = again ? [cause('orderCancellation', 'cancellation-idempotent')] : [];
  const ex = await accepted(
    journey,
    'orderCancellation',
    { ...o.order.payload, status: 'CANCELLED' },
    said,
    rule,
    fromReserve,
  );
  if (ex && isSuccess(ex)) o.order.cancelled = true;
  o.holding = 'no';
  moved(model, 'orderCancellation', said);
}

/** Validates a cart of the lane's variants (OmniChat does on every cart change): it must leave the stock as it is. */
class Check implements LaneCommand<OrderModel> {
  constructor(
    private readonly state: OrderLaneState,
    private readonly index: number,
  ) {}
  check(): boolean {
    return true;
  }
  async run(model: OrderModel, journey: Journey): Promise<void> {
    const pv = this.state.pool[this.index % this.state.pool.length];
    const quantity = Math.max(1, available(model, pv.variant.objectId));
    if (!journey.affords(1)) return;
    const { ctx } = journey.lane;
    const said = ctx.t('explore.validate', { lines: `${quantity} x ${pv.variant.objectId}` });
    const body = testOrder(ctx.orderId(`explore-${this.state.name}-cart`), [cartLine(pv, testLineId(1), quantity)]);
    await journey.send('orderValidation', { body }, (answer) =>
      ctx.t('explore.orderStep', { said, answer: answered(ctx, answer) }),
    );
    moved(model, 'orderValidation', said);
  }
  toString(): string {
    return `check(${this.index})`;
  }
}

/** Reads the stock: it must be what the orders so far allow. */
class Look implements LaneCommand<OrderModel> {
  constructor(private readonly state: OrderLaneState) {}
  check(): boolean {
    return true;
  }
  async run(model: OrderModel, journey: Journey): Promise<void> {
    if (journey.affords(1)) await look(journey, this.state, model);
  }
  toString(): string {
    return 'look';
  }
}

/**
 * Journeys over orders of one product nobody else orders: each validates and creates an order (one or
 * two lines within stock), then repeats, notifies any status in any order, cancels, cancels again,
 * creates another, validates a cart, looks at the stock. Every journey ends as an order's life does
 * (cancellation, the CANCELLED notification, the cancellation again) and looks at the stock once
 * more: it must be back where the journey started.
 */
export function orderLane(state: OrderLaneState): LaneSpec<OrderModel> {
  const statuses = [...NOTIFIED_STATUSES];
  const line = fc.record({ index: fc.nat({ max: 9 }), units: fc.nat({ max: 9 }) });
  return {
    name: state.name,
    rules: ['explored-answers', 'explored-stock'],
    commands: [
      fc.array(line, { minLength: 1, maxLength: 2 }).map((seeds) => new Create(state, seeds)),
      fc.nat({ max: 5 }).map((i) => new Repeat(i)),
      fc.tuple(fc.nat({ max: 5 }), fc.constantFrom(...statuses)).map(([i, s]) => new Notify(i, s)),
      fc.nat({ max: 5 }).map((i) => new Cancel(i)),
      fc.nat({ max: 9 }).map((i) => new Check(state, i)),
      fc.constant(new Look(state)),
    ],
    maxCommands: 4,
    model: () => ({ base: new Map(state.baseline), orders: [], moved: new Set() }),
    // Every journey starts by creating an order: an orders journey without one tests nothing.
    opening: fc.array(line, { minLength: 1, maxLength: 2 }),
    open: (model, journey, opening) => create(state, model, journey, opening as LineSeed[], true),
    async prepare(journey) {
      const seen = await readStock(journey, state.pool[0].product);
      for (const { variant } of state.pool) {
        const stock = seen?.get(variant.objectId);
        if (stock !== undefined) state.baseline.set(variant.objectId, stock);
      }
    },
    async close(model, journey) {
      if (model.orders.length === 0) return;
      for (const o of model.orders) {
        if (!o.order.cancelled) await cancel(journey, model, o, true);
        const said = journey.lane.ctx.t('explore.notify', { status: 'CANCELLED', id: o.order.id });
        await accepted(journey, 'statusNotification', notification(journey, o.order, 'CANCELLED'), said, [], true);
        moved(model, 'statusNotification', said);
        await cancel(journey, model, o, true);
      }
      await look(journey, state, model, true);
    },
    async tidy(model, journey) {
      // After a finding nothing is judged: the orders are only put back (their end is paid for).
      for (const o of model.orders.filter((m) => !m.order.cancelled)) {
        const ex = await journey.lane.ctx.call(
          'orderCancellation',
          { body: { ...o.order.payload, status: 'CANCELLED' } },
          { explorer: true },
        );
        journey.lane.budget.spend(true);
        o.order.cancelled = isSuccess(ex);
        o.order.lastAnswer = answered(journey.lane.ctx, ex);
      }
      // A merchant that broke the stock rule left it elsewhere: the next journey starts from what is there.
      await this.prepare?.(journey);
    },
  };
}
