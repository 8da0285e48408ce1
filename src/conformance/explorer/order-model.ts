import type { OperationId } from '../../contracts';

/** A test order the explorer sent to orderCreation: cancelled at the end of its journey, else by the run. */
export interface ExplorerOrder {
  id: string;
  payload: Record<string, unknown>;
  lines: { variant: string; quantity: number }[];
  /** When orderCreation answered it (the run's clock), for its callback. */
  answeredAt: number;
  accepted: boolean;
  cancelled: boolean;
  /** The answer to the last cancellation tried, for the list of orders left behind. */
  lastAnswer?: string;
}

/**
 * Whether an order holds its stock: `yes` once created, `no` once cancelled, `maybe` after a status
 * that may give it back (a merchant may release on CANCELLED, NOT_PAID, REVERTED or ERROR, once).
 */
export type Holding = 'yes' | 'maybe' | 'no';

/** Statuses after which a merchant may give an order's stock back (once, whichever comes first). */
export const RELEASING: ReadonlySet<string> = new Set(['CANCELLED', 'NOT_PAID', 'REVERTED', 'ERROR']);

/** One order of a journey, as the model knows it. */
export interface ModelOrder {
  order: ExplorerOrder;
  holding: Holding;
}

/** What an orders journey knows: the stock it started from, its orders, and the last call that could move stock. */
export interface OrderModel {
  base: Map<string, number>;
  orders: ModelOrder[];
  /** The operation of the last call that may have moved the stock: a wrong stock is blamed on it. */
  lastMove?: OperationId;
  /** What that call was, for the finding ("the repeated cancellation of ..."). */
  lastMoveSaid?: string;
  /** The operations of the calls since the stock was last read: a look judges what they did to it. */
  moved: Set<OperationId>;
}

/** Notes a call that may move the stock (a look then judges it, and blames a wrong stock on the last one). */
export function moved(model: OrderModel, operation: OperationId, said: string): void {
  model.lastMove = operation;
  model.lastMoveSaid = said;
  model.moved.add(operation);
}

/**
 * Every stock a variant may show now: the start, less what each holding order took, less any part
 * of what the `maybe` orders took (each gave it back or did not).
 */
export function possibleStock(model: OrderModel, variant: string): number[] {
  const base = model.base.get(variant);
  if (base === undefined) return [];
  const taken = (o: ModelOrder): number =>
    o.order.lines.filter((l) => l.variant === variant).reduce((sum, l) => sum + l.quantity, 0);
  let sure = base;
  let options = new Set([0]);
  for (const o of model.orders) {
    if (o.holding === 'yes') sure -= taken(o);
    if (o.holding === 'maybe') options = new Set([...options].flatMap((x) => [x, x + taken(o)]));
  }
  return [...options].map((x) => sure - x).sort((a, b) => a - b);
}

/** The units of a variant an order can still take for sure: the smallest stock it may have now. */
export function available(model: OrderModel, variant: string): number {
  const possible = possibleStock(model, variant);
  return possible.length === 0 ? 0 : Math.max(0, possible[0]);
}
