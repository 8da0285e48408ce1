// V8's costs on 64-bit Node 20 (no pointer compression), measured on values JSON.parse built: an
// object with its slack, an array with its backing store, a key as a dictionary entry with its string.
const OBJECT_BYTES = 56;
const ARRAY_BYTES = 48;
const SLOT_BYTES = 8;
const KEY_BYTES = 40;
const STRING_HEADER_BYTES = 16;
const HEAP_NUMBER_BYTES = 16;

/** Bytes a string holds: one per character, two when it holds anything past Latin-1 (V8's two-byte strings). */
export function stringBytes(text: string): number {
  // eslint-disable-next-line no-control-regex -- the Latin-1 range, NUL included
  return STRING_HEADER_BYTES + (/[^\x00-\xff]/.test(text) ? 2 * text.length : text.length);
}

/**
 * Estimates the heap a parsed JSON value holds, so budgets count bytes as memory, not as the text that
 * came in: `[{},{},...]` costs ten times its text, a long string about its length. Walks with its own
 * stack (a body may be nested 500,000 deep) and visits each value once.
 */
export function estimateHeapBytes(value: unknown): number {
  let total = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    // A value's slot is counted by its container; a small integer, true, false and null live in it.
    if (typeof current === 'string') total += stringBytes(current);
    else if (typeof current === 'number') total += Number.isInteger(current) ? 0 : HEAP_NUMBER_BYTES;
    else if (Array.isArray(current)) {
      total += ARRAY_BYTES + SLOT_BYTES * current.length;
      for (let i = 0; i < current.length; i += 1) pending.push(current[i]);
    } else if (typeof current === 'object' && current !== null) {
      total += OBJECT_BYTES;
      for (const key in current) {
        if (!Object.hasOwn(current, key)) continue;
        // A key's text is counted too: JSON.parse keeps distinct keys as distinct strings.
        total += KEY_BYTES + stringBytes(key);
        pending.push((current as Record<string, unknown>)[key]);
      }
    }
  }
  return total;
}
