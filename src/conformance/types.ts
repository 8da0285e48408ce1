import type { OperationId } from '../contracts';

/** A check's verdict. `error` means "could not check" and is never counted as a pass. */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'error' | 'skip';
export type OperationStatus = 'pass' | 'fail' | 'error' | 'skip';

/** One check's result, as every reporter renders it. */
export interface CheckResult {
  id: string;
  status: CheckStatus;
  message: string;
  /** For failures: what the merchant sent back, what the contract expects, where. */
  received?: string;
  expected?: string;
  pointer?: string;
  /** A command that reproduces the failing request, secrets masked. */
  curl?: string;
  /** Further contract violations beyond the first, one line each. */
  details?: string[];
  /** Kept apart from the message so console lines stay deterministic. */
  durationMs?: number;
  /** For failures and warnings: what the merchant should change, one imperative line. */
  fix?: string;
  /**
   * For "could not check" results whose precondition failed because of another check's finding:
   * that root cause, so reports group the consequences under it instead of listing each one.
   */
  causedBy?: { operation: OperationId; check: string };
}

/** The results for one of the five operations. */
export interface OperationReport {
  operation: OperationId;
  method: 'GET' | 'POST';
  /** The configured URL, token-like query values masked. */
  url: string;
  status: OperationStatus;
  checks: CheckResult[];
}

export interface Summary {
  passed: number;
  failed: number;
  warnings: number;
  errors: number;
  skipped: number;
}

/** How the run reached the merchant, so a pass obtained without certificate checks is never taken for a clean one. */
export interface NetworkReport {
  /** --insecure: TLS certificates were not checked. */
  insecure: boolean;
  /** Extra CA files trusted (--ca, the config's "ca"). */
  caFiles: string[];
  /** The proxies the run went through (credentials masked) and the variable each came from; empty when direct. */
  proxies: { url: string; from: string }[];
}

/** Everything a run found; reporters only render this. */
export interface RunReport {
  tool: 'merchant-kit verify';
  target: string;
  summary: Summary;
  operations: OperationReport[];
  /** Side remarks (cleanup of test orders and the like). */
  notes: string[];
  /** How the merchant was reached (set by runVerify; optional for reports built by hand). */
  network?: NetworkReport;
}
