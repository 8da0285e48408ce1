import { checkText, type T } from '../i18n';
import { coverageHtml } from './coverage';
import { escapeMarkup as escapeHtml } from '../../common/markup';
import { countStatuses } from '../summarize';
import type { CheckResult, OperationReport, RunReport } from '../types';
import { followsFrom, isOwnFinding } from '../what-to-fix';
import { causeName, countsPhrase, findingLines, foreignCauses, reportT } from './wording';

/** The anchor of an operation's section, and of one check's finding in it. */
export const operationAnchor = (operation: string): string => `op-${operation}`;
export const checkAnchor = (operation: string, check: string): string => `${operation}--${check}`;

export const badge = (status: string): string => `<span class="badge ${status}">${status}</span>`;

const whyOf = (t: T, id: string): string | undefined => checkText(t, id, 'why');

const REPORT_LIMITS = { maxChars: Infinity, maxAlso: Infinity };

/** A cause (fail, warn, or a "could not check" of its own): everything to understand and repeat it. */
function finding(
  report: RunReport,
  op: OperationReport,
  check: CheckResult,
  requestNumber: (curl: string) => number,
): string {
  const t = reportT(report);
  const facts = findingLines(t, check, REPORT_LIMITS)
    .map(([label, value]) => `<dt>${label}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  const cause = { operation: op.operation, check: check.id };
  const followers = op.checks.filter((c) => followsFrom(c, cause));
  const elsewhere = report.operations
    .filter((other) => other.operation !== op.operation)
    .flatMap((other) => other.checks)
    .filter((c) => followsFrom(c, cause)).length;
  const why = whyOf(t, check.id);
  return [
    `<article class="finding ${check.status}" id="${checkAnchor(op.operation, check.id)}">`,
    `<h3>${badge(check.status)} <code class="id">${escapeHtml(check.id)}</code></h3>`,
    `<p>${escapeHtml(check.message)}</p>`,
    facts ? `<dl class="facts">${facts}</dl>` : '',
    check.fix !== undefined ? `<p class="how"><strong>${t('html.fix')}</strong> ${escapeHtml(check.fix)}</p>` : '',
    why ? `<p class="why"><strong>${t('html.why')}</strong> ${escapeHtml(why)}</p>` : '',
    check.curl !== undefined
      ? `<p class="used">${t('html.repeatIt')} <a href="#request-${requestNumber(check.curl)}">${t('html.requestLink', { number: requestNumber(check.curl) })}</a></p>`
      : '',
    followers.length > 0
      ? `<details><summary>${escapeHtml(t('html.followers', { count: followers.length, operation: op.operation }))}</summary>${checkList(t, followers)}</details>`
      : '',
    elsewhere > 0 ? `<p class="then">${escapeHtml(t('html.elsewhere', { count: elsewhere }))}</p>` : '',
    '</article>',
  ].join('');
}

/** Checks as a compact list: status, id, message, and why the check matters. */
function checkList(t: T, checks: CheckResult[]): string {
  const items = checks.map((c) => {
    const why = whyOf(t, c.id);
    return `<li>${badge(c.status)} <code class="id">${escapeHtml(c.id)}</code> ${escapeHtml(c.message)}${why ? `<span class="why">${t('html.whyShort')} ${escapeHtml(why)}</span>` : ''}</li>`;
  });
  return `<ul class="checks">${items.join('')}</ul>`;
}

/**
 * An operation's section: its causes open, what follows from a cause elsewhere in one line (its
 * list folded), passing and skipped checks folded. A passing operation is one heading and a fold.
 */
export function operationSection(
  report: RunReport,
  op: OperationReport,
  requestNumber: (curl: string) => number,
): string {
  const t = reportT(report);
  const causes = op.checks.filter(isOwnFinding);
  const quiet = op.checks.filter((c) => c.status === 'pass' || c.status === 'skip');
  const foreign = foreignCauses(op).map(({ cause, count }) => {
    const list = op.checks.filter((c) => followsFrom(c, cause));
    const link = `<a href="#${checkAnchor(cause.operation, cause.check)}">${escapeHtml(causeName(cause))}</a>`;
    return `<p>${badge('error')} ${escapeHtml(t('html.notRunBecause', { count }))} ${link}.</p><details><summary>${t('html.show', { count })}</summary>${checkList(t, list)}</details>`;
  });
  const quietCounts = countsPhrase(t, countStatuses(quiet));
  return [
    `<section class="operation" id="${operationAnchor(op.operation)}" aria-labelledby="${operationAnchor(op.operation)}-title">`,
    `<h2 id="${operationAnchor(op.operation)}-title">${badge(op.status)} ${escapeHtml(op.operation)}</h2>`,
    `<p class="endpoint"><span class="mono">${escapeHtml(`${op.method} ${op.url}`)}</span> · ${escapeHtml(countsPhrase(t, countStatuses(op.checks)))}</p>`,
    ...causes.map((c) => finding(report, op, c, requestNumber)),
    ...foreign,
    quiet.length > 0 ? `<details><summary>${escapeHtml(quietCounts)}</summary>${checkList(t, quiet)}</details>` : '',
    coverageHtml(t, op),
    '</section>',
  ].join('\n');
}
