/** Vocabulary words one query word of 3+ characters may expand to ("camis" -> "camiseta", ...). */
const MAX_EXPANSION = 200;
// Reading one position of a posting list costs 1; a binary search in one list about this much.
const PROBE_COST = 16;

/** One query word as the index sees it: the posting lists it matches, and their total length. */
interface Term {
  lists: Int32Array[];
  weight: number;
}

/**
 * The words of a query that decide its matches: duplicates removed, and a word of 3+ characters that
 * prefixes another query word dropped ("gar" adds nothing to "garantia": whatever starts with
 * "garantia" starts with "gar"). Sorted, so equivalent queries share one cache key.
 */
export function queryTerms(tokens: readonly string[]): string[] {
  const sorted = [...new Set(tokens)].sort();
  // After sorting, every word a token prefixes comes right after it.
  return sorted.filter((t, i) => !(t.length >= 3 && i + 1 < sorted.length && sorted[i + 1].startsWith(t)));
}

/**
 * An inverted index for TEXT search: folded token -> ascending product positions. Built once at start;
 * a query token of 3+ characters also matches longer tokens it prefixes ("camis" finds "camiseta").
 * A match reads at most `workLimit` positions (about four times the catalog), whatever the query: words are
 * intersected from the rarest on, each by marking its postings or by probing the few candidates left,
 * whichever reads less; a word that would pass the limit is left out like a stop word (it is among the
 * commonest of the query, so it narrows the least).
 */
export class TextIndex {
  private readonly building = new Map<string, number[]>();
  private readonly postings = new Map<string, Int32Array>();
  private vocabulary: string[] = [];
  private marks: Uint32Array = new Uint32Array(0);
  private stamp = 0;
  private workLimit = 0;
  /** Positions the last match() read (postings marked, candidates filtered, probes): its cost, for tests. */
  lastWork = 0;

  /** Adds a document's tokens; positions must be added in ascending order. */
  add(position: number, tokens: Iterable<string>): void {
    for (const token of tokens) {
      const list = this.building.get(token);
      if (list === undefined) this.building.set(token, [position]);
      else if (list[list.length - 1] !== position) list.push(position);
    }
  }

  /** Freezes the index after the last add: sorts the vocabulary for prefix lookups. */
  seal(documentCount: number): void {
    // Exact-size typed arrays: a quarter of the memory of growable JS arrays on a 100k catalog.
    for (const [token, list] of this.building) this.postings.set(token, Int32Array.from(list));
    this.building.clear();
    this.vocabulary = [...this.postings.keys()].sort();
    this.marks = new Uint32Array(documentCount);
    this.workLimit = 4 * documentCount + 10_000;
  }

  /** Positions of documents that contain every query term (as a word or word prefix), ascending. */
  match(queryTokens: readonly string[]): number[] {
    this.lastWork = 0;
    const words = queryTerms(queryTokens);
    if (words.length === 0) return [];
    const terms: Term[] = [];
    for (const word of words) {
      const lists = this.expand(word);
      const weight = lists.reduce((sum, l) => sum + l.length, 0);
      // A word nothing contains: no match, and nothing more to read.
      if (weight === 0) return [];
      terms.push({ lists, weight });
    }
    terms.sort((a, b) => a.weight - b.weight);
    let candidates = this.union(terms[0].lists, terms[0].weight);
    for (let i = 1; i < terms.length && candidates.length > 0; i += 1) {
      const term = terms[i];
      const probing = candidates.length * term.lists.length * PROBE_COST;
      const marking = term.weight + candidates.length;
      const cost = Math.min(probing, marking);
      if (this.lastWork + cost > this.workLimit) continue;
      this.lastWork += cost;
      candidates = probing < marking ? this.probe(candidates, term.lists) : this.intersect(candidates, term.lists);
    }
    return candidates;
  }

  private expand(token: string): Int32Array[] {
    const exact = this.postings.get(token);
    if (token.length < 3) return exact ? [exact] : [];
    const out: Int32Array[] = [];
    // Bounded, so a vague prefix stays cheap.
    for (let i = this.lowerBound(token); i < this.vocabulary.length && out.length < MAX_EXPANSION; i += 1) {
      const word = this.vocabulary[i];
      if (!word.startsWith(token)) break;
      out.push(this.postings.get(word) as Int32Array);
    }
    return out;
  }

  /** The ascending union of posting lists: sorted when small, read off the marks in order when large. */
  private union(lists: Int32Array[], weight: number): number[] {
    this.lastWork += weight;
    if (lists.length === 1) return toArray(lists[0]);
    const stamp = this.nextStamp();
    for (const list of lists) for (const position of list) this.marks[position] = stamp;
    if (weight * 16 > this.marks.length) {
      // A scan of the catalog's marks beats sorting a union this large (no n log n, no comparator calls).
      this.lastWork += this.marks.length;
      const out: number[] = [];
      for (let position = 0; position < this.marks.length; position += 1)
        if (this.marks[position] === stamp) out.push(position);
      return out;
    }
    const out: number[] = [];
    for (const list of lists) {
      for (const position of list) {
        if (this.marks[position] === stamp) {
          this.marks[position] = 0;
          out.push(position);
        }
      }
    }
    return out.sort((a, b) => a - b);
  }

  /** Candidates that appear in any of the lists, by marking every position of the lists. */
  private intersect(candidates: number[], lists: Int32Array[]): number[] {
    const stamp = this.nextStamp();
    for (const list of lists) for (const position of list) this.marks[position] = stamp;
    return candidates.filter((position) => this.marks[position] === stamp);
  }

  /** Candidates that appear in any of the lists, by a binary search per candidate and list. */
  private probe(candidates: number[], lists: Int32Array[]): number[] {
    return candidates.filter((position) => lists.some((list) => contains(list, position)));
  }

  private nextStamp(): number {
    this.stamp += 1;
    if (this.stamp === 0xffffffff) {
      this.marks.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }

  private lowerBound(token: string): number {
    let lo = 0;
    let hi = this.vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.vocabulary[mid] < token) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** A posting list as a plain array (a counted loop: Array.from iterates a typed array slowly). */
function toArray(list: Int32Array): number[] {
  const out = new Array<number>(list.length);
  for (let i = 0; i < list.length; i += 1) out[i] = list[i];
  return out;
}

/** Binary search in an ascending posting list. */
function contains(list: Int32Array, position: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const found = list[mid];
    if (found === position) return true;
    if (found < position) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
