interface Slot<V> {
  value: V;
}

/** Past this many skipped or dead queue items (and more of them than live entries), the queue is rebuilt. */
const COMPACT_AFTER = 64;

/**
 * A Map that also finds its oldest entry in constant (amortised) time: the bounded stores, caches and
 * byte budgets of the mock use it as a queue, forgetting the oldest entry to make room for a new one.
 *
 * Why not `map.keys().next()`: V8 leaves a deleted entry as a hole in the Map's table until the table is
 * rebuilt, and iteration steps over the holes one by one. A full Map used as a queue (delete the oldest,
 * add one) pays for every hole at its front: about 9 µs a call at 10,000 entries and 13 µs at 20,000 on
 * the bench machine, on every orderValidation of a new cart once 10,000 quotes were kept. Here the
 * insertion order is a separate array whose dead slots (deleted keys) are skipped, and compacted away
 * once they outnumber the live ones.
 */
export class OldestFirstMap<K, V> {
  private readonly slots = new Map<K, Slot<V>>();
  private queue: { key: K; slot: Slot<V> }[] = [];
  private head = 0;
  /** Dead items in queue[head..]: deleted keys, or keys deleted and set again (a newer item stands for them). */
  private dead = 0;

  get size(): number {
    return this.slots.size;
  }

  get(key: K): V | undefined {
    return this.slots.get(key)?.value;
  }

  has(key: K): boolean {
    return this.slots.has(key);
  }

  /** Sets the value; a key already present keeps its age, as in a Map. */
  set(key: K, value: V): this {
    const known = this.slots.get(key);
    if (known !== undefined) {
      known.value = value;
      return this;
    }
    const slot = { value };
    this.slots.set(key, slot);
    this.queue.push({ key, slot });
    return this;
  }

  delete(key: K): boolean {
    if (!this.slots.delete(key)) return false;
    this.dead += 1;
    this.compactIfSparse();
    return true;
  }

  clear(): void {
    this.slots.clear();
    this.queue = [];
    this.head = 0;
    this.dead = 0;
  }

  /** The values, oldest first. */
  *values(): IterableIterator<V> {
    for (const slot of this.slots.values()) yield slot.value;
  }

  /** The oldest entry whose key is not `except` (the one being made room for), or undefined. */
  oldest(except?: K): [K, V] | undefined {
    // Dead items at the front are dropped for good; the live ones after `except` are only looked at.
    while (this.head < this.queue.length && !this.live(this.queue[this.head])) {
      this.head += 1;
      this.dead -= 1;
    }
    this.compactIfSparse();
    for (let i = this.head; i < this.queue.length; i += 1) {
      const item = this.queue[i];
      if (item.key !== except && this.live(item)) return [item.key, item.slot.value];
    }
    return undefined;
  }

  private live(item: { key: K; slot: Slot<V> }): boolean {
    return this.slots.get(item.key) === item.slot;
  }

  /** Rebuilds the queue once its skipped and dead items outnumber the live ones: each rebuild follows as many deletions. */
  private compactIfSparse(): void {
    const waste = this.head + this.dead;
    if (waste <= COMPACT_AFTER || waste <= this.slots.size) return;
    this.queue = this.queue.slice(this.head).filter((item) => this.live(item));
    this.head = 0;
    this.dead = 0;
  }
}
