import fc from 'fast-check';
import type { SearchType } from '../../contracts';
import { listIds } from '../search';
import { TEST_ORDER_PREFIX } from '../test-data';
import { Breach, type Journey } from './journey';
import type { LaneCommand, LaneSpec } from './lane';
import { MISS_RULE, sameAsBefore, searchIds, type SearchWorld } from './search-world';

type Lookup = Exclude<SearchType, 'TEXT'>;
const LOOKUPS: readonly Lookup[] = ['ID', 'SKUID', 'REFERENCE', 'URL'];
/** The check that holds each lookup to the same rule for one product. */
const CHECK_OF: Record<Lookup, string> = {
  ID: 'search-by-id',
  SKUID: 'search-by-skuid',
  REFERENCE: 'search-by-reference',
  URL: 'search-by-url',
};

interface LookupModel {
  seen: Map<string, string[]>;
}

/** A variant the merchant showed, and every value a lookup can start from to find its product. */
interface Subject {
  product: string;
  values: Partial<Record<Lookup, string>>;
}

/** Every variant of the products shown, with its product's id and page, its own id and its erpId. */
function subjectsOf(world: SearchWorld): Subject[] {
  const out: Subject[] = [];
  for (const p of world.products)
    for (const v of p.variants)
      out.push({
        product: p.objectId,
        values: { ID: p.objectId, SKUID: v.objectId, REFERENCE: v.erpId, URL: p.externalUrl },
      });
  return out;
}

/** A value no catalogue has, of the lookup's kind (a URL on the host of the merchant's own pages when it showed one). */
function unknownValue(world: SearchWorld, type: Lookup, n: number): string {
  const marker = `${TEST_ORDER_PREFIX}${world.runId}-no-such-${type.toLowerCase()}-${n}`;
  if (type !== 'URL') return marker;
  const page = world.products.find((p) => p.externalUrl !== undefined)?.externalUrl;
  let origin = 'https://shop.example.com';
  try {
    if (page) origin = new URL(page).origin;
  } catch {
    // A page URL that does not parse: the example host will do.
  }
  return `${origin}/${marker}`;
}

/** The lookup types the merchant declares (capabilities.searchTypes). */
const declared = (world: SearchWorld): Lookup[] => LOOKUPS.filter((type) => world.searchTypes.includes(type));

/**
 * Looks one variant up every way the merchant declares (the ID and URL of its product, its SKU id,
 * its erpId): ID must find exactly its product, the others at least it.
 */
class Find implements LaneCommand<LookupModel> {
  constructor(
    private readonly world: SearchWorld,
    private readonly index: number,
  ) {}

  check(): boolean {
    return declared(this.world).length > 0;
  }

  async run(model: LookupModel, journey: Journey): Promise<void> {
    const subjects = subjectsOf(this.world);
    if (subjects.length === 0) return;
    const { product, values } = subjects[this.index % subjects.length];
    for (const type of declared(this.world)) {
      const value = values[type];
      // An empty or blank value proves nothing: a merchant may answer anything to it.
      if (value === undefined || value.trim() === '' || !journey.affords(1)) continue;
      const found = await searchIds(journey, 'explored-lookups', type, value);
      if (!found) return;
      sameAsBefore(journey, 'explored-lookups', model.seen, found, `${type} ${JSON.stringify(value)}`);
      if (!journey.tests('explored-lookups', 'productSearch')) continue;
      const exact = type === 'ID';
      const holds = exact ? found.ids.length === 1 && found.ids[0] === product : found.ids.includes(product);
      if (holds) continue;
      const t = journey.lane.ctx.t;
      const said = { type, value: JSON.stringify(value), id: product };
      throw new Breach({
        check: 'explored-lookups',
        operation: 'productSearch',
        message: exact ? t('search.notReturnedExactly', said) : t('search.notReturned', said),
        expected: exact ? t('search.exactly', { id: product }) : t('search.containing', { id: product }),
        received: listIds(t, found.ids),
        sameRuleAs: [{ operation: 'productSearch', check: CHECK_OF[type] }],
      });
    }
  }

  toString(): string {
    return `find(${this.index})`;
  }
}

/** A lookup of a value no product has: the answer must be 200 [] (decision 9), not the products at hand. */
class Miss implements LaneCommand<LookupModel> {
  constructor(
    private readonly world: SearchWorld,
    private readonly typeIndex: number,
    private readonly n: number,
  ) {}

  check(): boolean {
    return declared(this.world).length > 0;
  }

  async run(model: LookupModel, journey: Journey): Promise<void> {
    const types = declared(this.world);
    const type = types[this.typeIndex % types.length];
    if (!journey.affords(1)) return;
    const value = unknownValue(this.world, type, this.n);
    const found = await searchIds(journey, 'explored-lookups', type, value, undefined, [
      ...MISS_RULE,
      { operation: 'productSearch', check: CHECK_OF[type] },
    ]);
    if (!found) return;
    sameAsBefore(journey, 'explored-lookups', model.seen, found, `${type} ${JSON.stringify(value)}`);
    if (found.ids.length === 0 || !journey.tests('explored-lookups', 'productSearch')) return;
    const t = journey.lane.ctx.t;
    throw new Breach({
      check: 'explored-lookups',
      operation: 'productSearch',
      message: t('explore.missFound', { type, value: JSON.stringify(value), count: found.ids.length }),
      expected: '[]',
      received: listIds(t, found.ids),
      sameRuleAs: [{ operation: 'productSearch', check: CHECK_OF[type] }],
      fix: t('explore.missFix', { type }),
    });
  }

  toString(): string {
    return `miss(${this.typeIndex}, ${this.n})`;
  }
}

/**
 * The lookups (ID, SKUID, REFERENCE, URL) of every product and variant the merchant showed find it,
 * and a value nobody has finds nothing: a static answer that happens to hold the product is no lookup.
 * Every journey opens with a miss and then a lookup that must find its product: the evidence that tells
 * a lookup from a constant answer is both, a static list failing the one and an empty one the other;
 * left to chance, a small budget could spend itself on either kind alone.
 */
export function lookupLane(world: SearchWorld): LaneSpec<LookupModel> {
  return {
    name: 'lookups',
    rules: ['explored-lookups'],
    commands: [
      fc.nat({ max: 200 }).map((i) => new Find(world, i)),
      fc.tuple(fc.nat({ max: 3 }), fc.nat({ max: 3 })).map(([type, n]) => new Miss(world, type, n)),
    ],
    maxCommands: 3,
    model: () => ({ seen: new Map() }),
    opening: fc.tuple(fc.nat({ max: 3 }), fc.nat({ max: 3 }), fc.nat({ max: 200 })),
    async open(model, journey, opening) {
      const [type, n, index] = opening as [number, number, number];
      await new Miss(world, type, n).run(model, journey);
      await new Find(world, index).run(model, journey);
    },
  };
}
