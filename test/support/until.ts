/** How often a condition is looked at again: a polling interval, not a deadline. */
const INTERVAL_MS = 5;

/**
 * Resolves once `condition()` holds, looking again every few milliseconds. No deadline: a wait that
 * never ends is ended by jest's test timeout, which only catches hangs.
 */
export async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
}
