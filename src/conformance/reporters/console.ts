import { networkCaveat } from '../network-report';
import type { CheckResult, NetworkReport, OperationReport, RunMeta, RunReport } from '../types';
import { tameText } from '../tame';
import { coverageLines } from './coverage';
import {
  causeName,
  consequenceCounts,
  consequencePhrase,
  consequencePlaces,
  countStatuses,
  countsPhrase,
  findingLines,
  foreignCauses,
  resultOf,
  summaryLine,
  verdictLine,
} from './wording';

const WIDTH = 28;
/** Merchant text on the console: a value is cut to a couple of terminal lines, a list to a few entries. */
const CONSOLE_LIMITS = { maxChars: 400, maxAlso: 3 };

/** One check as one line: status, id, message (the message cut to the console's bound). */
export function checkLine(check: Pick<CheckResult, 'status' | 'id' | 'message'>): string {
  return `  ${check.status.padEnd(5)} ${check.id.padEnd(WIDTH)} ${tameText(check.message, CONSOLE_LIMITS.maxChars)}`;
}

/** The first line: what is verified, under which run id and with which kit and contracts (no clock time: see renderConsole). */
export function renderHeader(
  meta: Pick<RunMeta, 'target' | 'runId' | 'kitVersion' | 'contractVersion'>,
  network?: NetworkReport,
): string {
  const lines = [
    `merchant-kit verify: ${meta.target} (run ${meta.runId}, merchant-kit ${meta.kitVersion}, contracts ${meta.contractVersion})`,
  ];
  // How the merchant is reached comes first: a pass without certificate checks must never read as a clean one.
  const caveat = networkCaveat({ network });
  if (caveat) lines.push(caveat);
  for (const proxy of network?.proxies ?? []) lines.push(`through the proxy ${proxy.url} (${proxy.from})`);
  return `${lines.join('\n')}\n\n`;
}

/**
 * An operation's block, printed as soon as it finishes: its verdict line with the counts, then one
 * line per finding that is a cause of its own. What only follows from a cause is counted, not listed;
 * passing and skipped checks are counted too (skip reasons are listed once at the end).
 */
export function renderOperation(op: OperationReport): string {
  const counts = countsPhrase(countStatuses(op.checks));
  const own = op.checks.filter(
    (c) => !c.causedBy && (c.status === 'fail' || c.status === 'warn' || c.status === 'error'),
  );
  const foreign = foreignCauses(op);
  const title = `${op.operation} ${op.method} ${op.url}: ${op.status}`;
  const allSkipped = op.checks.every((c) => c.status === 'skip');
  const oneReason = new Set(op.checks.map((c) => c.message)).size === 1;
  if (allSkipped && oneReason)
    return `${title} (${counts}: ${tameText(op.checks[0].message, CONSOLE_LIMITS.maxChars)})\n`;
  if (own.length === 0 && foreign.length === 1 && !op.coverage?.length)
    return `${title} (${counts}, because of ${causeName(foreign[0].cause)})\n`;
  const lines = [`${title} (${counts})`, ...own.map(checkLine)];
  for (const { cause, count } of foreign)
    lines.push(`  error ${count} ${count === 1 ? 'check' : 'checks'} could not run because of ${causeName(cause)}`);
  lines.push(...coverageLines(op));
  return `${lines.join('\n')}\n`;
}

/** The end of the console output: the verdict, the numbered "what to fix" list, skip reasons, notes, the summary. */
export function renderTail(report: RunReport): string {
  const out: string[] = ['', verdictLine(report)];
  if (report.whatToFix.length > 0) out.push('', 'What to fix:');
  // A curl line is printed once, where it first appears; later causes on the same request point to it.
  const shownAt = new Map<string, number>();
  report.whatToFix.forEach((item, index) => {
    const number = index + 1;
    const result = resultOf(report, item);
    const warning = item.status === 'warn' ? ' (warning)' : '';
    const message = tameText(item.message, CONSOLE_LIMITS.maxChars);
    // The headline is what to do (the fix), so that the items' first lines are the list itself;
    // a "could not check" has no fix of its own, and its reason is the headline.
    out.push(`${number}. ${causeName(item)}${warning}: ${item.fix ?? message}`);
    // Details sit where they always have (8 spaces in), under the check lines' status and id.
    const pad = ' '.repeat(8);
    if (item.fix !== undefined) out.push(`${pad}found:    ${message}`);
    for (const [label, value] of result ? findingLines(result, CONSOLE_LIMITS) : [])
      out.push(`${pad}${`${label}:`.padEnd(10)}${value}`);
    if (result?.curl !== undefined) {
      const earlier = shownAt.get(result.curl);
      if (earlier === undefined) shownAt.set(result.curl, number);
      out.push(`${pad}curl:     ${earlier === undefined ? result.curl : `the same request as in ${earlier}`}`);
    }
    const then = consequencePhrase(consequenceCounts(report, item));
    if (then) out.push(`${pad}${then}: ${consequencePlaces(item)}`);
  });
  const skips = skipLines(report.operations);
  if (skips.length > 0) out.push('', 'Not checked:', ...skips);
  for (const note of report.notes) out.push('', `note: ${note}`);
  const caveat = networkCaveat(report);
  out.push('', `summary: ${summaryLine(report.summary)}${caveat ? `; ${caveat}` : ''}`);
  return `${out.join('\n')}\n`;
}

/** Skipped checks of operations that ran, one line per check and reason ("in 5 operations" when it repeats). */
function skipLines(operations: OperationReport[]): string[] {
  const groups = new Map<string, { id: string; message: string; count: number }>();
  for (const op of operations) {
    if (op.checks.every((c) => c.status === 'skip')) continue; // said on the operation's own line
    for (const check of op.checks.filter((c) => c.status === 'skip')) {
      const key = `${check.id}\n${check.message}`;
      const group = groups.get(key) ?? { id: check.id, message: check.message, count: 0 };
      group.count++;
      groups.set(key, group);
    }
  }
  return [...groups.values()].map(({ id, message, count }) =>
    checkLine({ status: 'skip', id, message: count > 1 ? `${message} (in ${count} operations)` : message }),
  );
}

/**
 * The whole console output: the header, each operation's block, the tail. The CLI prints the same
 * pieces as the run goes. No clock times or durations, so the same merchant state and run id give
 * the same bytes.
 */
export function renderConsole(report: RunReport): string {
  return (
    renderHeader(report.meta, report.network) + report.operations.map(renderOperation).join('') + renderTail(report)
  );
}
