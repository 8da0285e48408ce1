import { OldestFirstMap } from '../../src/mock/bounds/oldest-first-map';

// A tiny deterministic generator: the same operations every run, so a failure can be replayed.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** The queue the map keeps for ages, read through a cast: its length is what a leak would grow. */
function queued(map: OldestFirstMap<number, number>): number {
  return (map as unknown as { queue: unknown[] }).queue.length;
}

describe('OldestFirstMap (the bounded stores and budgets forget their oldest entry through it)', () => {
  it('agrees with a plain Map on every value and on which entry is oldest, through random sets, deletes and evictions', () => {
    const next = random(7);
    const ours = new OldestFirstMap<number, number>();
    const reference = new Map<number, number>();
    for (let step = 0; step < 20_000; step += 1) {
      const key = Math.floor(next() * 300);
      const roll = next();
      if (roll < 0.5) {
        ours.set(key, step);
        reference.set(key, step);
      } else if (roll < 0.8) {
        expect(ours.delete(key)).toBe(reference.delete(key));
      } else {
        const expected = reference.keys().next();
        const oldest = ours.oldest();
        expect(oldest?.[0]).toBe(expected.done ? undefined : expected.value);
        if (oldest !== undefined) {
          ours.delete(oldest[0]);
          reference.delete(oldest[0]);
        }
      }
      expect(ours.size).toBe(reference.size);
      expect(ours.get(key)).toBe(reference.get(key));
    }
    expect([...ours.values()]).toEqual([...reference.values()]);
  });

  it('keeps a key its age when its value changes, and makes it the newest when it is deleted and set again', () => {
    const map = new OldestFirstMap<string, number>();
    map.set('a', 1).set('b', 2).set('c', 3);
    map.set('a', 10);
    expect(map.oldest()).toEqual(['a', 10]);
    map.delete('a');
    map.set('a', 11);
    expect(map.oldest()).toEqual(['b', 2]);
    expect([...map.values()]).toEqual([2, 3, 11]);
  });

  it('skips the entry being made room for', () => {
    const map = new OldestFirstMap<string, number>();
    map.set('keep', 1).set('next', 2);
    expect(map.oldest('keep')).toEqual(['next', 2]);
    expect(map.oldest('next')).toEqual(['keep', 1]);
    map.delete('next');
    expect(map.oldest('keep')).toBeUndefined();
  });

  it('does not grow with churn: used as a full queue or with deletions anywhere, its age queue stays within a small multiple of its size', () => {
    const fifo = new OldestFirstMap<number, number>();
    for (let key = 0; key < 200_000; key += 1) {
      if (fifo.size >= 100) fifo.delete(fifo.oldest()?.[0] ?? -1);
      fifo.set(key, key);
    }
    expect(fifo.size).toBe(100);
    expect(queued(fifo)).toBeLessThanOrEqual(2 * 100 + 66);

    // Entries added and deleted without any eviction: the deletions alone must compact the queue.
    const churn = new OldestFirstMap<number, number>();
    for (let key = 0; key < 200_000; key += 1) {
      churn.set(key, key);
      if (key >= 10) churn.delete(key - 10 + (key % 3));
    }
    expect(queued(churn)).toBeLessThanOrEqual(2 * churn.size + 66);
  });

  it('clears to empty', () => {
    const map = new OldestFirstMap<number, number>();
    map.set(1, 1).set(2, 2);
    map.clear();
    expect(map.size).toBe(0);
    expect(map.oldest()).toBeUndefined();
    expect(map.has(1)).toBe(false);
  });
});
