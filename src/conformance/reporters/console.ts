import { networkCaveat } from '../network-report';
import type { CheckResult, NetworkReport, OperationReport, RunMeta, RunReport } from '../types';
import { countStatuses } from '../summarize';
import { tameText } from '../tame';
import { isOwnFinding } from '../what-to-fix';
import type { Lang } from '../../common/i18n';
import { translatorFor, type T } from '../i18n';
import { coverageLines } from './coverage';
import {
  causeName,
  consequenceLine,
  countsPhrase,
  findingLines,
  foreignCauses,
  reportT,
  resultOf,
  summaryLine,
  verdictLine,
} from './wording';

const WIDTH = 28;
/** Merchant text on the console: a value is cut to a couple of terminal lines, a list to a few entries. */
const CONSOLE_LIMITS = { maxChars: 400, maxAlso: 3 };

/** One check as one line: status, id, message (the message cut to the console's bound). */
function checkLine(t: T, check: Pick<CheckResult, 'status' | 'id' | 'message'>): string {
  return `  ${check.status.padEnd(5)} ${check.id.padEnd(WIDTH)} ${tameText(check.message, CONSOLE_LIMITS.maxChars, t)}`;
}

/** The first line: what is verified, under which run id and with which kit and contracts (no clock time: see renderConsole). */
export function renderHeader(
  meta: Pick<RunMeta, 'target' | 'runId' | 'kitVersion' | 'contractVersion'> & { lang?: Lang },
  network?: NetworkReport,
): string {
  const t = translatorFor(meta.lang ?? 'en');
  const lines = [
    t('console.header', {
      target: meta.target,
      runId: meta.runId,
      kit: meta.kitVersion,
      contracts: meta.contractVersion,
    }),
  ];
  // How the merchant is reached comes first: a pass without certificate checks must never read as a clean one.
  const caveat = networkCaveat(t, { network });
  if (caveat) lines.push(caveat);
  for (const proxy of network?.proxies ?? []) lines.push(t('console.proxy', { url: proxy.url, from: proxy.from }));
  return `${lines.join('\n')}\n\n`;
}

/** How the console is printed: what the CLI's flags and files change. */
export interface ConsoleOptions {
  /** Each operation's field coverage under its line (--coverage); it is always in the report files. */
  coverage?: boolean;
  /** What to print for a curl line: the CLI moves a long request body into a file (--data-binary @FILE). */
  curl?: (curl: string) => string;
}

/**
 * An operation's block, printed as soon as it finishes: its verdict line with the counts, then one
 * line per finding that is a cause of its own. What only follows from a cause is counted, not listed;
 * passing and skipped checks are counted too (skip reasons are listed once at the end). Field
 * coverage only with `coverage`: it informs, and would push the verdict off the first screen.
 */
export function renderOperation(op: OperationReport, lang: Lang = 'en', options: ConsoleOptions = {}): string {
  const t = translatorFor(lang);
  const counts = countsPhrase(t, countStatuses(op.checks));
  const own = op.checks.filter(isOwnFinding);
  const foreign = foreignCauses(op);
  const title = `${op.operation} ${op.method} ${op.url}: ${op.status}`;
  const allSkipped = op.checks.every((c) => c.status === 'skip');
  const oneReason = new Set(op.checks.map((c) => c.message)).size === 1;
  if (allSkipped && oneReason)
    return `${title} (${counts}: ${tameText(op.checks[0].message, CONSOLE_LIMITS.maxChars, t)})\n`;
  const coverage = options.coverage ? coverageLines(t, op) : [];
  if (own.length === 0 && foreign.length === 1 && coverage.length === 0)
    return `${title} (${t('console.becauseOf', { counts, cause: causeName(foreign[0].cause) })})\n`;
  const lines = [`${title} (${counts})`, ...own.map((check) => checkLine(t, check))];
  for (const { cause, count } of foreign)
    lines.push(`  error ${t('console.notRunBecause', { count, cause: causeName(cause) })}`);
  lines.push(...coverage);
  return `${lines.join('\n')}\n`;
}

/** The end of the console output: the verdict, the numbered "what to fix" list, skip reasons, notes, the summary. */
export function renderTail(report: RunReport, options: ConsoleOptions = {}): string {
  const t = reportT(report);
  const out: string[] = ['', verdictLine(report)];
  if (report.whatToFix.length > 0) out.push('', t('console.whatToFix'));
  // A curl line is printed once, where it first appears; later causes on the same request point to it.
  const shownAt = new Map<string, number>();
  // Values line up one space after the longest label of the language ("received:" in English).
  const labels = ['found', 'received', 'expected', 'where', 'also', 'curl'] as const;
  const width = Math.max(...labels.map((l) => t(`label.${l}`).length)) + 2;
  report.whatToFix.forEach((item, index) => {
    const number = index + 1;
    const result = resultOf(report, item);
    const warning = item.status === 'warn' ? t('console.warning') : '';
    const message = tameText(item.message, CONSOLE_LIMITS.maxChars, t);
    // The headline is what to do (the fix), so that the items' first lines are the list itself;
    // a "could not check" has no fix of its own, and its reason is the headline.
    out.push(`${number}. ${causeName(item)}${warning}: ${item.fix ?? message}`);
    // Details sit where they always have (8 spaces in), under the check lines' status and id.
    const pad = ' '.repeat(8);
    const labelled = (label: string, value: string): string => `${pad}${`${label}:`.padEnd(width)}${value}`;
    if (item.fix !== undefined) out.push(labelled(t('label.found'), message));
    for (const [label, value] of result ? findingLines(t, result, CONSOLE_LIMITS) : [])
      out.push(labelled(label, value));
    if (result?.curl !== undefined) {
      const earlier = shownAt.get(result.curl);
      if (earlier === undefined) shownAt.set(result.curl, number);
      out.push(
        labelled(
          t('label.curl'),
          earlier === undefined ? (options.curl ?? String)(result.curl) : t('console.sameRequest', { number: earlier }),
        ),
      );
    }
    const then = consequenceLine(t, report, item);
    if (then) out.push(`${pad}${then}`);
  });
  const skips = skipLines(t, report.operations);
  if (skips.length > 0) out.push('', t('console.notChecked'), ...skips);
  for (const note of report.notes) out.push('', `${t('label.note')}: ${note}`);
  const caveat = networkCaveat(t, report);
  out.push('', `${t('label.summary')}: ${summaryLine(t, report.summary)}${caveat ? `; ${caveat}` : ''}`);
  return `${out.join('\n')}\n`;
}

/** Skipped checks of operations that ran, one line per check and reason ("in 5 operations" when it repeats). */
function skipLines(t: T, operations: OperationReport[]): string[] {
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
    checkLine(t, { status: 'skip', id, message: count > 1 ? t('console.inOperations', { message, count }) : message }),
  );
}

/**
 * The whole console output: the header, each operation's block, the tail. The CLI prints the same
 * pieces as the run goes. No clock times or durations, so the same merchant state and run id give
 * the same bytes.
 */
export function renderConsole(report: RunReport, options: ConsoleOptions = {}): string {
  return (
    renderHeader(report.meta, report.network) +
    report.operations.map((op) => renderOperation(op, report.meta?.lang, options)).join('') +
    renderTail(report, options)
  );
}
