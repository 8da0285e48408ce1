import fc from 'fast-check';
import { describeEntries, entriesOf, erroredLines, errorsOf } from '../checker-entries';
import type { RunContext } from '../context';
import type { Cause } from '../result';
import {
  cartLine,
  stockTracked,
  testLineId,
  testOrder,
  unknownLine,
  unknownVariantId,
  type ProductVariant,
} from '../test-data';
import { answered, Breach, type Journey } from './journey';
import type { LaneCommand, LaneSpec } from './lane';
import { sellableVariants, type Roles } from './roles';

/** How many units a line asks, around the variant's stock S: 0, 1, S or S + 1. */
type Units = 'zero' | 'one' | 'stock' | 'over';
/** What a line must get: an ERROR entry, none, or either (0 units: OmniChat never sends it, nothing is said). */
type Verdict = 'error' | 'none' | 'either';

/** A variant a cart may hold, the units it may ask without racing the checks' own orders, and its stock. */
interface CartVariant {
  pv: ProductVariant;
  units: Units[];
  /** Orders (the checks' or the explorer's) take and give back its stock while the carts are tried. */
  changing: boolean;
}

/** What the carts lane works with: the variants it may put in carts. */
export interface CartWorld {
  runId: string;
  variants: CartVariant[];
}

/**
 * Which units each variant may ask: a variant whose stock the checks' orders or an orders lane
 * change meanwhile is only asked 0 or S + 1 (S never grows past what the search showed; a stock that
 * shrinks could make S units unsellable), and 1 when 2 units could be taken from it and 1 remain.
 */
export function cartWorld(ctx: RunContext, roles: Roles): CartWorld | undefined {
  if (!ctx.products.ok) return undefined;
  const owned = new Set(roles.orderPools.flat().map((pv) => pv.variant.objectId));
  const variants: CartVariant[] = [];
  for (const pv of sellableVariants(ctx.products.value)) {
    const id = pv.variant.objectId;
    const changing = roles.mainFlow.has(id) || owned.has(id);
    if (!stockTracked(pv)) variants.push({ pv, units: ['zero', 'one'], changing });
    else if (!changing) variants.push({ pv, units: ['zero', 'one', 'stock', 'over'], changing });
    else if (roles.mainFlow.has(id) && pv.variant.quantity >= 3)
      variants.push({ pv, units: ['zero', 'one', 'over'], changing });
    else variants.push({ pv, units: ['zero', 'over'], changing });
  }
  return { runId: ctx.runId, variants };
}

/** One line of a generated cart, before it is read against the world. */
interface LineSeed {
  unknown: boolean;
  index: number;
  units: number;
}

/** A cart line as sent, with what it must get and the checks that hold the same rule for it alone. */
interface PlannedLine {
  item: Record<string, unknown>;
  lineId: string;
  verdict: Verdict;
  said: string;
  rules: Cause[];
}

/**
 * S + 1 units of a variant whose orders come and go are beyond stock only while no cancellation gave
 * back more than it took: a merchant that restocks twice makes them sellable, which is explored-stock's
 * finding (in whichever operation it blames), not this cart's.
 */
const STOCK_MOVES: Cause = { operation: 'orderCancellation', check: 'explored-stock' };

const UNITS: Units[] = ['zero', 'one', 'stock', 'over'];
const cause = (check: string): Cause => ({ operation: 'orderValidation', check });

/** The lines of a cart: distinct variants (lines of one variant add up, which no line is then judged by). */
function plan(world: CartWorld, seeds: LineSeed[]): PlannedLine[] {
  const used = new Set<string>();
  const lines: PlannedLine[] = [];
  for (const seed of seeds) {
    const lineId = testLineId(lines.length + 1);
    if (seed.unknown || world.variants.length === 0) {
      const variantId = unknownVariantId(world.runId, 100 + lines.length + 1);
      lines.push({
        item: unknownLine(variantId, lineId),
        lineId,
        verdict: 'error',
        said: `${variantId} (?)`,
        rules: [cause('unknown-variant-refused')],
      });
      continue;
    }
    const { pv, units, changing } = world.variants[seed.index % world.variants.length];
    if (used.has(pv.variant.objectId)) continue;
    used.add(pv.variant.objectId);
    const kind = units[seed.units % units.length];
    const stock = pv.variant.quantity;
    const tracked = stockTracked(pv);
    const quantity = kind === 'zero' ? 0 : kind === 'one' ? 1 : kind === 'stock' ? (stock ?? 1) : (stock ?? 0) + 1;
    const verdict: Verdict = quantity === 0 ? 'either' : tracked && quantity > (stock ?? 0) ? 'error' : 'none';
    const rule = verdict === 'none' ? 'cart-in-stock-ok' : stock === 0 ? 'zero-stock-refused' : 'stock-checked';
    const known = tracked ? `stock ${stock}` : '?';
    lines.push({
      item: cartLine(pv, lineId, quantity),
      lineId,
      verdict,
      said: `${quantity} x ${pv.variant.objectId} (${known})`,
      rules: changing && verdict === 'error' ? [cause(rule), STOCK_MOVES] : [cause(rule)],
    });
  }
  return lines;
}

/** A cart of 1 to 5 lines; every line beyond stock or of no such variant must get an ERROR entry, wherever it stands, and no other. */
class Validate implements LaneCommand<object> {
  constructor(
    private readonly world: CartWorld,
    private readonly seeds: LineSeed[],
  ) {}

  check(): boolean {
    return true;
  }

  async run(_model: object, journey: Journey): Promise<void> {
    if (!journey.affords(1)) return;
    const { ctx } = journey.lane;
    const t = ctx.t;
    const lines = plan(this.world, this.seeds);
    const body = testOrder(
      ctx.orderId(`explore-cart-${journey.steps.length + 1}`),
      lines.map((l) => l.item),
    );
    const cart = t('cart.cart', { lines: lines.map((l) => `${l.lineId}: ${l.said}`).join('; ') });
    const ex = await journey.send('orderValidation', { body }, (answer) => {
      const entries = entriesOf(t, answer);
      return t('explore.cartStep', {
        cart,
        answer: answered(ctx, answer),
        entries: entries.ok ? describeEntries(t, entries.value) : entries.reason,
      });
    });
    if (!ex) return;
    const entries = entriesOf(t, ex);
    if (!entries.ok)
      throw new Breach({
        check: 'explored-carts',
        operation: 'orderValidation',
        message: t('explore.cartNotList', { cart }),
        expected: t('explore.aList'),
        received: entries.reason,
        sameRuleAs: [cause('answers-2xx'), cause('json-body'), cause('response-contract')],
      });
    if (!journey.tests('explored-carts', 'orderValidation')) return;
    const errored = new Set(
      lines.length === 1 && errorsOf(entries.value).length > 0 ? [lines[0].lineId] : erroredLines(entries.value),
    );
    const missed = lines.filter((l) => l.verdict === 'error' && !errored.has(l.lineId));
    const blamed = lines.filter((l) => l.verdict === 'none' && errored.has(l.lineId));
    if (missed.length + blamed.length === 0) return;
    const wrong = [...missed, ...blamed];
    const wanted = lines.filter((l) => l.verdict === 'error').map((l) => l.lineId);
    throw new Breach({
      check: 'explored-carts',
      operation: 'orderValidation',
      message: t('explore.cartWrong', {
        count: lines.length,
        missed: missed.map((l) => `${l.lineId} (${l.said})`).join(', ') || '-',
        blamed: blamed.map((l) => `${l.lineId} (${l.said})`).join(', ') || '-',
      }),
      expected: wanted.length === 0 ? t('cart.noError') : t('cart.errorsOn', { lines: wanted.join(', ') }),
      received: describeEntries(t, entries.value),
      // The same rule on one line alone, and the line attribution of a multi-line cart.
      sameRuleAs: [
        ...new Map(wrong.flatMap((l) => l.rules).map((r) => [r.check, r])).values(),
        ...(lines.length > 1 ? [cause('multi-line-cart'), cause('component-ids')] : []),
      ],
    });
  }

  toString(): string {
    return `validate(${JSON.stringify(this.seeds)})`;
  }
}

/**
 * Carts of 1 to 5 lines built from what the search returned: quantities around each variant's stock
 * (0, 1, S, S + 1), variants that do not exist, the bad lines anywhere in the cart.
 */
export function cartLane(world: CartWorld): LaneSpec<object> {
  const seed = fc.record({
    unknown: fc.nat({ max: 2 }).map((n) => n === 0),
    index: fc.nat({ max: 50 }),
    units: fc.nat({ max: UNITS.length - 1 }),
  });
  return {
    name: 'carts',
    rules: ['explored-carts'],
    commands: [fc.array(seed, { minLength: 1, maxLength: 5 }).map((seeds) => new Validate(world, seeds))],
    maxCommands: 4,
    model: () => ({}),
  };
}
