import type { OperationId } from '../contracts';
import { BODY_REQUIRED } from './checks/json-body';
import type { RunContext } from './context';
import { isSuccess, type Exchange } from './exchange';
import { toCurl } from './http/curl';
import type { CheckResult, OperationReport } from './types';

type Cause = { operation: OperationId; check: string };

/** What the runner knows about an operation's first request, which most of its checks judge. */
export interface OperationFacts {
  /** The curl line of the first request, when one was sent. */
  primaryCurl?: string;
  /**
   * True when that request gave the checks nothing to work with: no answer, not 2xx, not the JSON
   * array required, or (productSearch) no sellable variant for the order checks.
   */
  primaryUnusable: boolean;
  /** The "could not check" message of every check that needed a product the search did not give. */
  productProblem: string;
  /** Why that request got no answer at all (connection refused, timeout, DNS, TLS), when it got none. */
  primaryFailure?: string;
}

/** Reads the facts about an operation's first request (`primary`, when one was sent) and the run's context. */
export function operationFacts(ctx: RunContext, operation: OperationId, primary: Exchange | undefined): OperationFacts {
  const productProblem = ctx.t('outcome.couldNotCheck', { reason: ctx.pick.ok ? '' : ctx.pick.reason });
  if (!primary) return { primaryUnusable: true, productProblem };
  let unusable = !isSuccess(primary);
  // The search is there to give the later checks a sellable variant: without one, its answer was of no
  // use to them, whatever its status (its bodies are let go once read, so ctx.pick says it).
  if (operation === 'productSearch') unusable ||= !ctx.pick.ok;
  else if (BODY_REQUIRED.includes(operation)) unusable ||= !Array.isArray(primary.json?.value);
  const primaryFailure = primary.answer.ok ? undefined : primary.answer.reason;
  return { primaryCurl: toCurl(primary.request), primaryUnusable: unusable, productProblem, primaryFailure };
}

const isRoot = (c: CheckResult): boolean => (c.status === 'fail' || c.status === 'error') && !c.causedBy;

/** The status code at the start of a "received" text ("HTTP 401: ..."), if any. */
const answeredStatus = (c: CheckResult): string | undefined => /^HTTP (\d{3})\b/.exec(c.received ?? '')?.[1];

/**
 * Names the root cause of every result that only follows from another finding, so that reports
 * group a cascade under its cause ("12 checks could not run: productSearch answered 401") instead of
 * listing each. The rules read what the results and the run record, never the wording:
 * - a check that needed a product the search did not give follows from the productSearch finding on
 *   the search's own request;
 * - a "could not check" on the same request as an earlier finding of its operation, or naming that
 *   finding's check id ("...; see response-contract": ids never change with the language), follows
 *   from it, and one with no request of its own follows from the finding on the operation's unusable
 *   first request;
 * - a failure that got the same refused status as the operation's first request (a wrong token
 *   answers 401 to everything) follows from that first finding;
 * - a "could not check" for exactly the reason an earlier operation's first request got no answer
 *   (the same host refusing connections) follows from that operation's finding.
 * Every causedBy then names a root (a result without causedBy), however long the chain was.
 */
export class CauseLinker {
  private readonly done: OperationReport[] = [];
  private productCause?: Cause;
  /** The first operation whose first request was refused for its credentials (401, 403): later ones refused alike follow from it. */
  private refusal?: { cause: Cause; status: string };
  /**
   * The first operation whose first request got no answer at all: a later "could not check" for the
   * very same reason (the same host refusing connections: a base URL that is down) follows from it.
   */
  private unreachable?: { cause: Cause; reason: string };

  /** Links one finished operation (operations arrive in the order they ran) and returns it. */
  link(report: OperationReport, facts: OperationFacts): OperationReport {
    const checks = report.checks.map((c) => ({ ...c }));
    const at = (cause: Cause): CheckResult | undefined =>
      cause.operation === report.operation
        ? checks.find((c) => c.id === cause.check)
        : this.done.find((op) => op.operation === cause.operation)?.checks.find((c) => c.id === cause.check);
    const onPrimary = (c: CheckResult): boolean => facts.primaryCurl !== undefined && c.curl === facts.primaryCurl;
    if (report.operation === 'productSearch') {
      const found = checks.find((c) => isRoot(c) && onPrimary(c));
      this.productCause = found && facts.primaryUnusable ? { operation: report.operation, check: found.id } : undefined;
    }
    const firstOnPrimary = checks.find((c) => isRoot(c) && onPrimary(c));
    for (const [index, check] of checks.entries()) {
      if (check.causedBy || check.status === 'pass' || check.status === 'skip' || check.status === 'warn') continue;
      const earlier = checks.slice(0, index).filter(isRoot);
      let cause: Cause | undefined;
      if (check.status === 'error') {
        const product = this.productCause;
        if (
          check.message === facts.productProblem &&
          product &&
          causeKey(product) !== causeKey(report.operation, check)
        )
          cause = product;
        const sameRequest = check.curl !== undefined ? earlier.find((c) => c.curl === check.curl) : undefined;
        const named = earlier.find((c) => namesCheck(check.message, c.id));
        const primaryFinding = check.curl === undefined && facts.primaryUnusable ? earlier.find(onPrimary) : undefined;
        cause ??= pick(report.operation, sameRequest ?? named ?? primaryFinding);
        const down = this.unreachable;
        if (!cause && down && down.cause.operation !== report.operation && check.message.includes(down.reason))
          cause = down.cause;
      } else if (firstOnPrimary && firstOnPrimary !== check && earlier.includes(firstOnPrimary)) {
        const status = answeredStatus(firstOnPrimary);
        if (status !== undefined && Number(status) >= 400 && answeredStatus(check) === status)
          cause = pick(report.operation, firstOnPrimary);
      }
      if (cause) check.causedBy = cause;
    }
    const refused = firstOnPrimary && !firstOnPrimary.causedBy ? answeredStatus(firstOnPrimary) : undefined;
    if (firstOnPrimary && (refused === '401' || refused === '403')) {
      // A wrong token answers 401 to every operation: one cause, however many operations it stops
      // (notifications go out even without a product, about a made-up order).
      if (!this.refusal)
        this.refusal = { cause: { operation: report.operation, check: firstOnPrimary.id }, status: refused };
      else if (this.refusal.status === refused) firstOnPrimary.causedBy = this.refusal.cause;
    }
    if (!this.unreachable && firstOnPrimary?.status === 'error' && !firstOnPrimary.causedBy && facts.primaryFailure)
      this.unreachable = {
        cause: { operation: report.operation, check: firstOnPrimary.id },
        reason: facts.primaryFailure,
      };
    // Chains (a consequence of a consequence) are followed to their root, with a bound against loops.
    for (const check of checks) {
      for (let hops = 0; check.causedBy && hops < 10; hops++) {
        const next = at(check.causedBy)?.causedBy;
        if (!next) break;
        check.causedBy = next;
      }
    }
    const linked = { ...report, checks };
    this.done.push(linked);
    return linked;
  }
}

/** True when a message names a check id as a word of its own. */
const namesCheck = (message: string, id: string): boolean =>
  new RegExp(`(^|[\\s(])${id.replace(/[-]/g, '\\-')}($|[\\s).,;:])`).test(message);

const causeKey = (cause: Cause | OperationId, check?: CheckResult): string =>
  typeof cause === 'string' ? `${cause}/${check?.id}` : `${cause.operation}/${cause.check}`;

const pick = (operation: OperationId, found: CheckResult | undefined): Cause | undefined =>
  found ? { operation, check: found.id } : undefined;
