import type { Lang } from '../../common/i18n';
import { translatorFor, type T } from '../i18n';
import { networkCaveat } from '../network-report';
import type { Cause } from '../result';
import { countStatuses } from '../summarize';
import { tameText } from '../tame';
import type { CheckResult, FixItem, OperationReport, RunReport, Summary } from '../types';
import { followsFrom } from '../what-to-fix';

// The sentences every reporter shares (console, HTML, JUnit, the GitHub summary), from the catalogue
// in the report's language (meta.lang; English for a report without one).

/** The translator of a report's language. */
export const reportT = (report: { meta?: { lang?: Lang } }): T => translatorFor(report.meta?.lang ?? 'en');

/** "2 passed, 1 failed, 1 warning, 12 could not check": the counts that are not zero. */
export function countsPhrase(t: T, counts: Summary): string {
  const parts = [
    counts.passed > 0 ? t('count.passed', { count: counts.passed }) : '',
    counts.failed > 0 ? t('count.failed', { count: counts.failed }) : '',
    counts.warnings > 0 ? t('count.warnings', { count: counts.warnings }) : '',
    counts.errors > 0 ? t('count.errors', { count: counts.errors }) : '',
    counts.skipped > 0 ? t('count.skipped', { count: counts.skipped }) : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : t('count.none');
}

/** The summary line every report ends with (its English wording is older than this file: scripts grep it). */
export function summaryLine(t: T, s: Summary): string {
  return t('summary', {
    passed: s.passed,
    failed: s.failed,
    warnings: s.warnings,
    errors: s.errors,
    skipped: s.skipped,
  });
}

/** "productSearch answers-2xx": how a cause is named everywhere (ids only: the same in every language). */
export const causeName = (cause: { operation: string; check: string }): string => `${cause.operation} ${cause.check}`;

/** A "could not check" message without its prefix, for sentences that already say so. */
export function reasonOf(t: T, message: string): string {
  const prefix = t('outcome.couldNotCheck', { reason: '' });
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/** "then 45 checks could not run and 1 failed the same way because of it", or '' when nothing follows. */
export function consequencePhrase(t: T, report: Pick<RunReport, 'operations'>, item: FixItem): string {
  const counts = countStatuses(report.operations.flatMap((op) => op.checks.filter((c) => followsFrom(c, item))));
  const notRun = counts.errors > 0 ? t('then.notRun', { count: counts.errors }) : '';
  const same = counts.failed > 0 ? t('then.same', { count: counts.failed }) : '';
  if (!notRun && !same) return '';
  const what = notRun && same ? t('then.and', { first: notRun, second: same }) : notRun || same;
  return t('then.because', { what });
}

/** The phrase and where the consequences are ("...: productSearch 13, orderValidation 11"), or '' when nothing follows. */
export function consequenceLine(t: T, report: Pick<RunReport, 'operations'>, item: FixItem): string {
  const then = consequencePhrase(t, report, item);
  if (!then) return '';
  return `${then}: ${item.consequences.map((group) => `${group.operation} ${group.checks.length}`).join(', ')}`;
}

/** The verdict in one line: PASS, FAIL with the number of causes, or why nothing could be checked. */
export function verdictLine(report: RunReport): string {
  const t = reportT(report);
  const caveat = networkCaveat(t, report);
  return caveat ? `${verdictWithoutCaveat(t, report)}; ${caveat}` : verdictWithoutCaveat(t, report);
}

/** The verdict line without the verdict word ("1 cause to fix (...)"), for a banner that shows the word apart. */
export function verdictDetail(report: RunReport): string {
  const t = reportT(report);
  const line = verdictWithoutCaveat(t, report);
  const word = `${t(`verdict.word.${report.verdict}`)}: `;
  return line.startsWith(word) ? line.slice(word.length) : line;
}

function verdictWithoutCaveat(t: T, report: RunReport): string {
  const s = report.summary;
  const counts = countsPhrase(t, s);
  if (report.verdict === 'skip') return t('verdict.skip', { counts });
  if (report.verdict === 'pass') return t('verdict.pass', { counts });
  const causes = report.whatToFix.filter((item) => item.status !== 'warn');
  const only = causes[0];
  if (s.passed + s.failed + s.warnings === 0 && causes.length === 1 && only.status === 'error')
    return t('verdict.nothingChecked', { cause: causeName(only), reason: reasonOf(t, only.message) });
  return t('verdict.fail', { count: causes.length, counts });
}

/** Labelled lines of a finding (received, expected, where, further violations), each value cut to `maxChars`. */
export function findingLines(
  t: T,
  check: CheckResult,
  limits: { maxChars: number; maxAlso: number },
): [label: string, value: string][] {
  const cut = (text: string): string => tameText(text, limits.maxChars, t);
  const lines: [string, string][] = [];
  if (check.received !== undefined) lines.push([t('label.received'), cut(check.received)]);
  if (check.expected !== undefined) lines.push([t('label.expected'), cut(check.expected)]);
  if (check.pointer !== undefined) lines.push([t('label.where'), cut(check.pointer)]);
  const also = check.details ?? [];
  for (const more of also.slice(0, limits.maxAlso)) lines.push([t('label.also'), cut(more)]);
  const left = moreLine(t, Math.max(0, also.length - limits.maxAlso), check.moreDetails ?? 0);
  if (left) lines.push([t('label.also'), left]);
  return lines;
}

/**
 * "and N more" for what a finding leaves out: `shown` further entries the report files list but
 * this reporter does not, `unlisted` that no report lists (beyond the files' bound). Every reporter
 * adds up to the total the finding's message states.
 */
function moreLine(t: T, shown: number, unlisted: number): string {
  if (unlisted === 0) return shown > 0 ? t('finding.moreInReports', { count: shown }) : '';
  if (shown === 0) return t('finding.moreNotListed', { count: unlisted });
  return t('finding.moreSomeInReports', { count: shown + unlisted, listed: shown });
}

/** The result a fix item (or any cause: an operation and check id) is about. */
export function resultOf(
  report: Pick<RunReport, 'operations'>,
  item: Pick<FixItem, 'operation' | 'check'>,
): CheckResult | undefined {
  return report.operations.find((op) => op.operation === item.operation)?.checks.find((c) => c.id === item.check);
}

/** Results that follow from a cause in another operation, grouped by that cause (in order of appearance). */
export function foreignCauses(op: OperationReport): { cause: Cause; count: number }[] {
  const groups = new Map<string, { cause: Cause; count: number }>();
  for (const check of op.checks) {
    if (!check.causedBy || check.causedBy.operation === op.operation) continue;
    const key = causeName(check.causedBy);
    const group = groups.get(key) ?? { cause: check.causedBy, count: 0 };
    group.count++;
    groups.set(key, group);
  }
  return [...groups.values()];
}
