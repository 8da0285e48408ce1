import type { OperationId } from '../contracts';
import type { Lang } from '../common/i18n';

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
  /** How many further ones were found but left out of `details` (reports say "and N more"). */
  moreDetails?: number;
  /** Kept apart from the message so console lines stay deterministic. */
  durationMs?: number;
  /** For failures and warnings: what the merchant should change, one imperative line. */
  fix?: string;
  /**
   * For results that only follow from another check's finding (a "could not check" whose
   * precondition failed, or a failure that repeats the same refused answer): that root cause, a
   * result without causedBy itself, so reports group the consequences under it instead of listing each one.
   */
  causedBy?: { operation: OperationId; check: string };
  /** For checks that probe a rule with several requests: every probe that went wrong. */
  probes?: ProbeFinding[];
  /**
   * For the explorer's findings: the shortest journey that still breaks the rule, one step per
   * request, numbered, each with what came back and its curl line (replay the whole run with `seed`).
   */
  journey?: JourneyStep[];
}

/** One request of an explorer journey, as a finding reports it. */
export interface JourneyStep {
  step: number;
  operation: OperationId;
  /** What was sent and what came back, in a line ("TEXT \"CAMISETÁ\": HTTP 200, no product"). */
  summary: string;
  curl: string;
}

/** What the explorer did (docs/verify.md, the explorer): present in every report, 0 calls when it was off. */
export interface ExplorationReport {
  /** The seed the journeys were generated from: `--seed` with the same value replays them. */
  seed: number;
  /** The call budget (--explore-calls); 0 = off. */
  budget: number;
  /** Requests the explorer sent, its shrinking included. */
  calls: number;
  /** Journeys run (command sequences, shrinking included). */
  journeys: number;
  /** Findings, by "operation/check". */
  findings: string[];
  /** Test orders the explorer created and could not cancel, with the answer to the last try. */
  notCancelled: { id: string; answer: string }[];
  /** Why the explorer did not run, when it did not. */
  skipped?: string;
}

/** One probe (a request built to pin a rule down) that went wrong. */
export interface ProbeFinding {
  /** What was sent, e.g. "cart [2 x CAM-AZUL-P (stock 5)]". */
  probe: string;
  expected: string;
  received: string;
}

/** How often the merchant fills one optional contract field, among the products or entries seen. */
export interface FieldCoverage {
  /** The field as the contract names it, e.g. "variants[].externalImageURL". */
  field: string;
  /** How many of the `seen` carry a value there. */
  filled: number;
  seen: number;
  /** How many of the `seen` send the field with another type than the contract's (a price as a string): not filled, not left out. */
  wrongType: number;
  /** What was counted: "products", "variants", "ERROR entries", "quoted entries" or "freight options". */
  unit: string;
  /** What OmniChat does with the field: why filling it matters. */
  what: string;
}

/** The results for one of the five operations. */
export interface OperationReport {
  operation: OperationId;
  method: 'GET' | 'POST';
  /** The configured URL, token-like query values masked. */
  url: string;
  status: OperationStatus;
  checks: CheckResult[];
  /** Which optional fields the merchant fills (productSearch, orderValidation); informs, never fails. */
  coverage?: FieldCoverage[];
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

/** The run as a whole: pass (exit 0), fail (exit 1), or skip when nothing was tested (exit 2). */
export type RunVerdict = 'pass' | 'fail' | 'skip';

/** One root cause of the "what to fix" list: a finding and every result that follows from it. */
export interface FixItem {
  operation: OperationId;
  check: string;
  status: 'fail' | 'error' | 'warn';
  message: string;
  /** What to change (fail and warn); a "could not check" cause says what stopped it in its message. */
  fix?: string;
  /** The results that only follow from this cause, per operation in the order of the run. */
  consequences: { operation: OperationId; checks: string[] }[];
}

/** When, with what and against what a report was made. */
export interface RunMeta {
  /** ISO 8601, UTC. */
  startedAt: string;
  durationMs: number;
  /** This kit's version (package.json). */
  kitVersion: string;
  /** A digest of the contracts/ directory the answers were judged against ("sha256:" and 12 hex digits). */
  contractVersion: string;
  runId: string;
  /** The Node.js version that ran verify. */
  node: string;
  /** The display name of the merchant (the report's title). */
  target: string;
  /** The five configured URLs, secrets masked, whether or not each operation ran. */
  urls: Record<OperationId, string>;
  /** The language of the report's texts ("en" or "pt-BR"); ids, statuses and keys never change with it. */
  lang: Lang;
  /** The explorer's seed (`--seed`, else derived from the run id): the same seed replays the same journeys. */
  seed?: number;
  /** Requests the run sent to the merchant, the explorer's included. */
  calls?: number;
}

/** Everything a run found; reporters only render this. */
export interface RunReport {
  tool: 'merchant-kit verify';
  target: string;
  verdict: RunVerdict;
  /** One entry per root cause: failures and could-not-checks in OmniChat's call order, then warnings. */
  whatToFix: FixItem[];
  summary: Summary;
  operations: OperationReport[];
  /** Side remarks (cleanup of test orders and the like). */
  notes: string[];
  /** How the merchant was reached (set by runVerify; optional for reports built by hand). */
  network?: NetworkReport;
  /** What the explorer did (set by runVerify; optional for reports built by hand). */
  exploration?: ExplorationReport;
  meta: RunMeta;
}
