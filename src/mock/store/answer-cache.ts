import type { ByteBudget, Charge } from '../bounds/byte-budget';

/** Bodies longer than this are never cached: real carts are a few KB, and the cache keeps each body. */
const CACHED_BODY_LIMIT = 16 * 1024;
const ENTRIES = 512;
/** Fingerprints remembered to admit a body on its second sighting (then forgotten all at once). */
const SIGHTINGS = 4096;
/** Entries that may share one fingerprint (a collision); past it the oldest of them goes, so a lookup compares 4 bodies at most. */
const PER_FINGERPRINT = 4;
// A cache entry's Map slot and objects.
const ENTRY_BYTES = 200;

/** What an answer depends on besides the body: the catalog's stock and the store's reservations, as counters. */
interface MockState {
  stock: number;
  orders: number;
}

/** A cached answer, and what answering it did besides writing it (done again on each reuse). */
interface CachedAnswer<Effect> {
  answer: Buffer;
  effect: Effect;
}

interface Entry<Effect> extends CachedAnswer<Effect> {
  dropped?: boolean;
  key: number;
  body: Buffer;
  state: MockState;
  charge: Charge;
}

/**
 * Encoded answers to identical request bodies (the exact bytes, compared whole), each valid for one state
 * of the mock: counters bumped whenever anything an answer depends on changes (stock, stored
 * reservations). A hit is an answer the full pipeline gave to the same bytes in the same state, so every
 * check it passed still holds. Bounded by count and by a byte budget shared with the search caches
 * (the answer caches'). Per replica: a cache, not state.
 */
export class AnswerCache<Effect = undefined> {
  // Keyed by a fingerprint of the bytes; the body itself, compared whole, settles it.
  private readonly buckets = new Map<number, Entry<Effect>[]>();
  /** Entries oldest first; dropped ones are skipped, and compacted away once they are half of it. */
  private order: Entry<Effect>[] = [];
  private size = 0;
  /** Fingerprints of bodies seen once: a body is cached when it comes again, so a stream of distinct carts adds no garbage. */
  private readonly seen = new Set<number>();

  constructor(private readonly budget: ByteBudget) {}

  /** The answer given to these bytes in this state, if any. */
  get(body: Buffer, state: MockState): CachedAnswer<Effect> | undefined {
    if (body.length > CACHED_BODY_LIMIT) return undefined;
    const bucket = this.buckets.get(fingerprint(body));
    if (bucket === undefined) return undefined;
    for (const entry of bucket) {
      if (entry.state.stock === state.stock && entry.state.orders === state.orders && entry.body.equals(body))
        return entry;
    }
    return undefined;
  }

  /**
   * Keeps an answer for these bytes and this state (from their second sighting on), replacing one of an
   * older state; an answer given as text is encoded only when kept (a first sighting costs no copy).
   */
  set(body: Buffer, state: MockState, text: Buffer | string, effect: Effect): void {
    if (body.length > CACHED_BODY_LIMIT) return;
    const key = fingerprint(body);
    if (!this.seen.has(key) && !this.buckets.has(key)) {
      if (this.seen.size >= SIGHTINGS) this.seen.clear();
      this.seen.add(key);
      return;
    }
    const bucket = this.buckets.get(key) ?? [];
    for (const entry of bucket.filter((e) => e.body.equals(body))) this.drop(key, entry);
    if (bucket.length >= PER_FINGERPRINT) this.drop(key, bucket[0]);
    if (this.size >= ENTRIES) this.dropOldest();
    const answer = typeof text === 'string' ? Buffer.from(text) : text;
    // A copy: the request's buffer may be a slice of a larger pooled one.
    const entry: Entry<Effect> = {
      key,
      body: Buffer.from(body),
      state,
      answer,
      effect,
      charge: undefined as unknown as Charge,
    };
    const live = this.buckets.get(key) ?? [];
    live.push(entry);
    this.buckets.set(key, live);
    this.order.push(entry);
    this.size += 1;
    if (this.order.length > 2 * ENTRIES) this.order = this.order.filter((e) => !e.dropped);
    entry.charge = this.budget.open(ENTRY_BYTES + 2 * body.length + answer.length, () => this.forget(key, entry));
  }

  /** Forgets every entry, giving their bytes back to the budget (the store was reset or removed). */
  clear(): void {
    for (const entry of this.order) this.drop(entry.key, entry);
    this.order = [];
    this.seen.clear();
  }

  private dropOldest(): void {
    while (this.order.length > 0) {
      const oldest = this.order.shift() as Entry<Effect>;
      if (this.forget(oldest.key, oldest)) {
        oldest.charge.close();
        return;
      }
    }
  }

  private drop(key: number, entry: Entry<Effect>): void {
    if (this.forget(key, entry)) entry.charge.close();
  }

  /** Removes an entry from its bucket; false when it was already gone. */
  private forget(key: number, entry: Entry<Effect>): boolean {
    const bucket = this.buckets.get(key);
    const at = bucket?.indexOf(entry) ?? -1;
    if (bucket === undefined || at < 0) return false;
    entry.dropped = true;
    bucket.splice(at, 1);
    if (bucket.length === 0) this.buckets.delete(key);
    this.size -= 1;
    return true;
  }
}

/**
 * FNV-1a over the whole body, four bytes a step (read as 32-bit words when the buffer is aligned, as
 * a request's is): about half a microsecond for a 1.5 KB cart, and distinct carts rarely collide.
 */
function fingerprint(body: Buffer): number {
  const n = body.length;
  let hash = 0x811c9dc5 | 0;
  let i = 0;
  if (body.byteOffset % 4 === 0) {
    const words = new Uint32Array(body.buffer, body.byteOffset, n >>> 2);
    for (let k = 0; k < words.length; k += 1) hash = Math.imul(hash ^ words[k], 16777619);
    i = words.length * 4;
  } else {
    for (; i + 4 <= n; i += 4)
      hash = Math.imul(hash ^ (body[i] | (body[i + 1] << 8) | (body[i + 2] << 16) | (body[i + 3] << 24)), 16777619);
  }
  for (; i < n; i += 1) hash = Math.imul(hash ^ body[i], 16777619);
  // 30 bits: a small integer to V8, which a Set or Map holds without boxing it (the body settles collisions).
  return (hash ^ n) & 0x3fffffff;
}
