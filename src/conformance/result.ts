import type { OperationId } from '../contracts';

/** The check whose finding explains why something else could not be checked. */
export interface Cause {
  operation: OperationId;
  check: string;
}

/**
 * The runner's one shape for "a value, or the reason there is none": search answers, checker entries,
 * the first request of an operation, an answer to judge. The reason becomes "could not check", and
 * `causedBy` names the check that already reports the root cause, so reports show it once.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; reason: string; causedBy?: Cause };

/** A value. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** No value, and why (with the check that reports the root cause, when another one does). */
export function none(reason: string, causedBy?: Cause): { ok: false; reason: string; causedBy?: Cause } {
  return causedBy ? { ok: false, reason, causedBy } : { ok: false, reason };
}
