import { networkCaveat } from '../network-report';
import type { CheckResult, RunReport } from '../types';
import { coverageLines } from './coverage';
import type { T } from '../i18n';
import { causeName, consequencePhrase, findingLines, reportT, resultOf, verdictLine } from './wording';

// eslint-disable-next-line no-control-regex -- these are exactly the characters XML cannot carry
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Escapes text for XML attributes and content, dropping characters XML 1.0 cannot carry. */
function xmlEscape(text: string): string {
  return text
    .replace(NOT_IN_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Text inside an XML comment is not escaped, but may not hold "--" (nor end with "-"). */
const commentSafe = (text: string): string =>
  text
    .replace(NOT_IN_XML, '')
    .replace(/-(?=-)/g, '- ')
    .replace(/-$/, '- ');

const seconds = (ms: number | undefined): string => ((ms ?? 0) / 1000).toFixed(3);
const REPORT_LIMITS = { maxChars: Infinity, maxAlso: Infinity };

/** The lines a failing, warned or "could not check" testcase carries: the message, the fix, the finding, the curl line. */
function bodyLines(t: T, report: RunReport, check: CheckResult): string[] {
  if (check.causedBy) {
    const root = resultOf(report, check.causedBy);
    const cause = causeName(check.causedBy);
    return [
      check.message,
      root ? t('junit.becauseOfRoot', { cause, message: root.message }) : t('junit.becauseOf', { cause }),
    ];
  }
  const lines = [check.message];
  if (check.fix !== undefined) lines.push(`${t('label.fix')}: ${check.fix}`);
  for (const [label, value] of findingLines(t, check, REPORT_LIMITS)) lines.push(`${label}: ${value}`);
  if (check.curl !== undefined) lines.push(`${t('label.curl')}: ${check.curl}`);
  return lines;
}

/**
 * The verdict and the "what to fix" list as a comment at the top of the file, for whoever opens it;
 * CI tools read the testcases below.
 */
function leadComment(t: T, report: RunReport): string[] {
  const m = report.meta;
  const lines = [
    t('junit.header', {
      target: report.target,
      runId: m.runId,
      startedAt: m.startedAt,
      seconds: seconds(m.durationMs),
      kit: m.kitVersion,
      contracts: m.contractVersion,
    }),
    verdictLine(report),
  ];
  if (report.whatToFix.length > 0) lines.push(t('console.whatToFix'));
  report.whatToFix.forEach((item, index) => {
    lines.push(
      `${index + 1}. ${causeName(item)}${item.status === 'warn' ? t('console.warning') : ''}: ${item.message}`,
    );
    if (item.fix !== undefined) lines.push(`   ${t('label.fix')}: ${item.fix}`);
    const then = consequencePhrase(t, report, item);
    if (then) lines.push(`   ${then}`);
  });
  return ['<!--', ...lines.map(commentSafe), '-->'];
}

/** JUnit XML: a testsuite per operation, a testcase per check; error = could not check, skipped = skip. */
export function renderJunit(report: RunReport): string {
  const t = reportT(report);
  const s = report.summary;
  const m = report.meta;
  const caveat = networkCaveat(t, report);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    ...leadComment(t, report),
    `<testsuites name="merchant-kit verify" tests="${s.passed + s.failed + s.warnings + s.errors + s.skipped}" failures="${s.failed}" errors="${s.errors}" skipped="${s.skipped}">`,
  ];
  const properties = (url: string): string =>
    [
      ['url', url],
      ['runId', m.runId],
      ['startedAt', m.startedAt],
      ['kitVersion', m.kitVersion],
      ['contractVersion', m.contractVersion],
      ['node', m.node],
    ]
      .map(([name, value]) => `<property name="${name}" value="${xmlEscape(value)}"/>`)
      .join('');
  for (const op of report.operations) {
    const count = (status: string): number => op.checks.filter((c) => c.status === status).length;
    lines.push(
      `  <testsuite name="${xmlEscape(op.operation)}" tests="${op.checks.length}" failures="${count('fail')}" errors="${count('error')}" skipped="${count('skip')}">`,
    );
    const tls = caveat ? `<property name="tls" value="${xmlEscape(caveat)}"/>` : '';
    lines.push(`    <properties>${properties(op.url)}${tls}</properties>`);
    for (const check of op.checks) {
      const open = `    <testcase classname="${xmlEscape(op.operation)}" name="${xmlEscape(check.id)}" time="${seconds(check.durationMs)}"`;
      const text = bodyLines(t, report, check).join('\n');
      const body = xmlEscape(text);
      if (check.status === 'pass') lines.push(`${open}/>`);
      else if (check.status === 'fail')
        lines.push(`${open}><failure message="${xmlEscape(check.message)}">${body}</failure></testcase>`);
      else if (check.status === 'error')
        lines.push(`${open}><error message="${xmlEscape(check.message)}">${body}</error></testcase>`);
      else if (check.status === 'skip')
        lines.push(`${open}><skipped message="${xmlEscape(check.message)}"/></testcase>`);
      else lines.push(`${open}><system-out>${xmlEscape(t('junit.warning', { text }))}</system-out></testcase>`);
    }
    const coverage = coverageLines(t, op).map((line) => line.trim());
    if (coverage.length > 0) lines.push(`    <system-out>${xmlEscape(coverage.join('\n'))}</system-out>`);
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
