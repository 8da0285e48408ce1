import { validateSearchQuery, type Violation } from '../../contracts';
import type { SearchRequest } from '../domain/catalog';
import { searchRequestOf } from './handlers';
import { parseQuery } from './query-string';

/** A request's query string as the pipeline reads it, worked out once per distinct string. */
export interface ReadQuery {
  /** The parameters, as express 5's simple parser reads them (repeated keys become arrays). */
  readonly params: Readonly<Record<string, unknown>>;
  /** productSearch's reading, made on first use: the search it asks for and the contract's violations. */
  search?: { readonly request: SearchRequest; readonly violations: Violation[] };
}

/** Targets longer than this are read each time: a real search's is well under a hundred characters. */
const REMEMBERED_LENGTH = 1024;
/** Distinct targets remembered; past it they are forgotten all at once. */
const REMEMBERED_COUNT = 1024;

const NO_QUERY: ReadQuery = { params: Object.freeze({}) };
const remembered = new Map<string, ReadQuery>();

/**
 * The query string of a request target, parsed (parseQuery): a search repeats its target from one
 * request to the next, and parsing and checking its query again was most of the search's own cost.
 * Keyed by the whole target, as parseQuery reads the whole of it (a '#' or a space before the '?'
 * changes what the query is). What is remembered is frozen, so no reader can change what the next
 * request reads.
 */
export function readQuery(url: string): ReadQuery {
  if (!url.includes('?')) return NO_QUERY;
  let read = remembered.get(url);
  if (read === undefined) {
    read = { params: Object.freeze(parseQuery(url)) };
    if (url.length <= REMEMBERED_LENGTH) {
      if (remembered.size >= REMEMBERED_COUNT) remembered.clear();
      remembered.set(url, read);
    }
  }
  return read;
}

/** productSearch's reading of a query (the scenario parameter aside): what to search, and the contract's violations. */
export function searchOf(read: ReadQuery): NonNullable<ReadQuery['search']> {
  if (read.search === undefined) {
    const { __scenario: _scenario, ...params } = read.params;
    const checked = validateSearchQuery(params);
    read.search = {
      request: Object.freeze(searchRequestOf(checked.query)),
      violations: Object.freeze(checked.violations) as Violation[],
    };
  }
  return read.search;
}
