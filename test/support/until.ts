/** How often a condition is looked at again: a polling interval, not a deadline. */
const INTERVAL_MS = 5;

/**
 * Resolves once `condition()` holds, looking again every few milliseconds. No deadline: a wait that
 * never ends is ended by jest's test timeout, which only catches hangs.
 */
export async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  await untilValue(async () => (await condition()) || undefined);
}

/** Resolves with the first value `look()` gives that is neither undefined nor false; no deadline either. */
export async function untilValue<T>(look: () => T | undefined | false | Promise<T | undefined | false>): Promise<T> {
  for (;;) {
    const value = await look();
    if (value !== undefined && value !== false) return value;
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
  }
}
