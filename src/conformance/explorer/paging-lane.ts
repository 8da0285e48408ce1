import fc from 'fast-check';
import { listIds } from '../search';
import { Breach, type Journey } from './journey';
import type { LaneCommand, LaneSpec } from './lane';
import { FIRST_PAGE_SIZE, MISS_RULE, sameAsBefore, searchIds, type SearchWorld } from './search-world';

/**
 * The one list every page of the TEXT search must be a slice of, as far as the answers showed it:
 * the id at each position seen, and where the list ends once a page came back short.
 */
interface PagingModel {
  at: Map<number, string>;
  end?: number;
  seen: Map<string, string[]>;
}

/** The list as the first search showed it: its first page, and its end when that page was short. */
function firstModel(world: SearchWorld): PagingModel {
  const at = new Map(world.firstPage.map((id, i) => [i, id] as const));
  const end = world.firstPage.length < FIRST_PAGE_SIZE ? world.firstPage.length : undefined;
  return { at, end, seen: new Map() };
}

/** What the model says a page holds: the ids it knows, "?" where it knows none, up to the end. */
function expectedPage(model: PagingModel, from: number, size: number): string[] {
  const last = model.end === undefined ? from + size : Math.min(from + size, model.end);
  const out: string[] = [];
  for (let pos = from; pos < last; pos++) out.push(model.at.get(pos) ?? '?');
  return out;
}

/** Why a page is no slice of the list the model holds, or undefined when it fits (the model learns from it). */
function misfit(model: PagingModel, from: number, size: number, ids: string[]): string | undefined {
  if (ids.length > size) return 'size';
  for (const [i, id] of ids.entries()) {
    const known = model.at.get(from + i);
    if (known !== undefined && known !== id) return 'order';
  }
  const short = ids.length < size;
  const end = short ? from + ids.length : undefined;
  if (end !== undefined && model.end !== undefined && end !== model.end) return 'end';
  if (end !== undefined && [...model.at.keys()].some((pos) => pos >= end)) return 'end';
  if (!short && model.end !== undefined && from + size > model.end && ids.length > Math.max(0, model.end - from))
    return 'end';
  return undefined;
}

/** A page of the TEXT search at any offset and size: it must hold exactly the list's ids at those positions. */
class Window implements LaneCommand<PagingModel> {
  constructor(
    private readonly world: SearchWorld,
    private readonly fromSeed: number,
    private readonly sizeSeed: number,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: PagingModel, journey: Journey): Promise<void> {
    if (!journey.affords(1)) return;
    // Offsets and sizes over the list as far as it is known (one past its end, to see it end).
    const span = model.end ?? Math.max(...model.at.keys(), 0) + 2;
    const from = this.fromSeed % (span + 1);
    const size = 1 + (this.sizeSeed % (span + 1));
    // A page past the end is a miss: an answer other than 200 [] there is search-miss-empty's rule.
    const page = await searchIds(journey, 'explored-paging', 'TEXT', this.world.query, { from, size }, [
      ...MISS_RULE,
      { operation: 'productSearch', check: 'search-paging' },
    ]);
    if (!page) return;
    const described = `TEXT "${this.world.query}" from=${from} size=${size}`;
    sameAsBefore(journey, 'explored-paging', model.seen, page, described);
    if (!journey.tests('explored-paging', 'productSearch')) return;
    const expected = expectedPage(model, from, size);
    const why = misfit(model, from, size, page.ids);
    if (why === undefined) {
      page.ids.forEach((id, i) => model.at.set(from + i, id));
      if (page.ids.length < size) model.end = from + page.ids.length;
      return;
    }
    const t = journey.lane.ctx.t;
    throw new Breach({
      check: 'explored-paging',
      operation: 'productSearch',
      message: t(why === 'size' ? 'explore.pageTooLong' : 'explore.pageNotSlice', {
        from,
        size,
        count: page.ids.length,
      }),
      expected: expected.length === 0 ? t('explore.noProduct') : listIds(t, expected),
      received: page.ids.length === 0 ? t('explore.noProduct') : listIds(t, page.ids),
      sameRuleAs: [{ operation: 'productSearch', check: 'search-paging' }],
    });
  }

  toString(): string {
    return `window(${this.fromSeed}, ${this.sizeSeed})`;
  }
}

/**
 * Pages are slices of one list: whatever `from` and `size`, a page holds the ids at those positions
 * of the list the first page and every later page showed, no more than `size`, and ends where it ends.
 */
export function pagingLane(world: SearchWorld): LaneSpec<PagingModel> {
  return {
    name: 'paging',
    rules: ['explored-paging'],
    commands: [fc.tuple(fc.nat({ max: 40 }), fc.nat({ max: 40 })).map(([f, s]) => new Window(world, f, s))],
    maxCommands: 4,
    model: () => firstModel(world),
  };
}
