import type { OperationId } from '../contracts';
import type { RunContext } from './context';
import type { Exchange } from './exchange';
import type { Verdict } from './outcome';

/** One conformance check: a stable id (its file name), what it verifies, why OmniChat needs it. */
export interface Check {
  id: string;
  /** The operations it applies to, in the order the runner calls them. */
  operations: readonly OperationId[];
  what: string;
  why: string;
  /** What the merchant should change when the check fails, as one imperative line (the "what to fix" list). */
  fix: string;
  /** Runs after the operation's first request (`primary`), in the order of the CHECKS array. */
  run(ctx: RunContext, operation: OperationId, primary: Exchange): Promise<Verdict> | Verdict;
}
