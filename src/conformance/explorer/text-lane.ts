import fc from 'fast-check';
import { listIds } from '../search';
import { Breach, type Journey } from './journey';
import type { LaneCommand, LaneSpec } from './lane';
import { FIRST_PAGE_SIZE, sameAsBefore, searchIds, type SearchWorld } from './search-world';
import { respell, type Spelling } from './spelling';

/** What a text journey has seen: the answers by request, to compare repeats. */
interface TextModel {
  seen: Map<string, string[]>;
}

/** At most this many names of the first page are respelled (besides the search term itself). */
const MAX_NAMES = 10;

/** The words the merchant showed: the search term, then the names of the products it found. */
function termsOf(world: SearchWorld): { term: string; product?: string }[] {
  const terms: { term: string; product?: string }[] = [{ term: world.query }];
  for (const p of world.products.slice(0, MAX_NAMES))
    if (p.name !== undefined && p.name.trim() !== '' && !terms.some((t) => t.term === p.name))
      terms.push({ term: p.name, product: p.objectId });
  return terms;
}

/** Searches a seen term, then the same term in other case and accents: both must find the same products. */
class Respell implements LaneCommand<TextModel> {
  constructor(
    private readonly world: SearchWorld,
    private readonly index: number,
    private readonly spelling: Spelling,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: TextModel, journey: Journey): Promise<void> {
    if (!journey.affords(2)) return;
    const terms = termsOf(this.world);
    const { term, product } = terms[this.index % terms.length];
    const written = respell(term, this.spelling);
    const original = await searchIds(journey, 'explored-text-search', 'TEXT', term);
    if (!original) return;
    sameAsBefore(journey, 'explored-text-search', model.seen, original, `TEXT "${term}"`);
    const other = await searchIds(journey, 'explored-text-search', 'TEXT', written);
    if (!other) return;
    sameAsBefore(journey, 'explored-text-search', model.seen, other, `TEXT "${written}"`);
    // A term that finds nothing shows nothing about case and accents.
    if (original.ids.length === 0 || !journey.tests('explored-text-search', 'productSearch')) return;
    const complete = original.ids.length < FIRST_PAGE_SIZE;
    const same = complete
      ? [...original.ids].sort().join('\u0000') === [...other.ids].sort().join('\u0000')
      : other.ids.length > 0 &&
        (product === undefined || !original.ids.includes(product) || other.ids.includes(product));
    if (same) return;
    const t = journey.lane.ctx.t;
    throw new Breach({
      check: 'explored-text-search',
      operation: 'productSearch',
      message: t('explore.textDiffers', { written: JSON.stringify(written), term: JSON.stringify(term) }),
      expected: complete ? listIds(t, original.ids) : t('explore.textIncluding', { id: product ?? original.ids[0] }),
      received: other.ids.length === 0 ? t('explore.noProduct') : listIds(t, other.ids),
      sameRuleAs: [],
    });
  }

  toString(): string {
    return `respell(${this.index}, ${this.spelling.letters}, ${this.spelling.at})`;
  }
}

/**
 * TEXT search is case- and accent-insensitive (docs/contracts.md, decision 9): the term and the
 * names the merchant returned are searched again written another way, and must find the same.
 */
export function textLane(world: SearchWorld): LaneSpec<TextModel> {
  const spelling = fc.record({
    letters: fc.constantFrom<Spelling['letters']>('upper', 'lower', 'title', 'as-is'),
    at: fc.nat({ max: 20 }),
  });
  return {
    name: 'text',
    rules: ['explored-text-search'],
    commands: [fc.tuple(fc.nat({ max: MAX_NAMES }), spelling).map(([i, s]) => new Respell(world, i, s))],
    maxCommands: 3,
    model: () => ({ seen: new Map() }),
  };
}
