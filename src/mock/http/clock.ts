let lastMs = -1;
let lastIso = '';

/**
 * The current time as an ISO string, formatted once per millisecond: under load many requests share
 * one, and every one of them is journaled with it.
 */
export function isoNow(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    lastIso = new Date(now).toISOString();
  }
  return lastIso;
}
