import type { OperationId } from '../contracts';
import type { RunContext } from './context';
import type { Exchange } from './exchange';
import type { Verdict } from './outcome';
import type { Cause } from './result';

/** Why an operation's first request could not be built, and the check that reports the root cause. */
export interface Missing {
  reason: string;
  causedBy?: Cause;
}

/** One conformance check: a stable id (its file name), what it verifies, why OmniChat needs it. */
export interface Check {
  id: string;
  /** The operations it applies to, in the order the runner calls them. */
  operations: readonly OperationId[];
  what: string;
  why: string;
  /** What the merchant should change when the check fails, as one imperative line (the "what to fix" list). */
  fix: string;
  /**
   * With --concurrency above 1: starts the requests that need nothing from the first one, alongside it
   * (they are shared through ctx.shared, so `run` then reads the same ones).
   */
  prefetch?(ctx: RunContext, operation: OperationId): void;
  /**
   * `everything`: judges every request the operation sent, so it runs after the operation's other
   * checks. `exploration`: judges what the explorer found (src/conformance/explorer), which goes on
   * while the run moves to the next operations: it runs after the operation's other checks, and the
   * operation is reported once it has judged.
   */
  reads?: 'everything' | 'exploration';
  /** Runs after the operation's first request (`primary`); checks of an operation run side by side (--concurrency). */
  run(ctx: RunContext, operation: OperationId, primary: Exchange): Promise<Verdict> | Verdict;
  /**
   * For a check that needs nothing from the first request: runs when that request could not be built
   * (no product, no order), instead of saying "could not check" (cancelling an unknown order, say).
   */
  alone?(ctx: RunContext, operation: OperationId, missing: Missing): Promise<Verdict> | Verdict;
}
