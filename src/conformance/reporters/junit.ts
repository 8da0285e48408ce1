import { networkCaveat } from '../network-report';
import type { RunReport } from '../types';
import { detailLines } from './console';

/** Escapes text for XML attributes and content, dropping characters XML 1.0 cannot carry. */
export function xmlEscape(text: string): string {
  // eslint-disable-next-line no-control-regex -- these are exactly the characters XML cannot carry
  const notInXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
  return text
    .replace(notInXml, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (ms: number | undefined): string => ((ms ?? 0) / 1000).toFixed(3);

/** JUnit XML: a testsuite per operation, a testcase per check; error = could not check, skipped = skip. */
export function renderJunit(report: RunReport): string {
  const s = report.summary;
  const caveat = networkCaveat(report);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="merchant-kit verify" tests="${s.passed + s.failed + s.warnings + s.errors + s.skipped}" failures="${s.failed}" errors="${s.errors}" skipped="${s.skipped}">`,
  ];
  for (const op of report.operations) {
    const count = (status: string): number => op.checks.filter((c) => c.status === status).length;
    lines.push(
      `  <testsuite name="${xmlEscape(op.operation)}" tests="${op.checks.length}" failures="${count('fail')}" errors="${count('error')}" skipped="${count('skip')}">`,
    );
    const tls = caveat ? `<property name="tls" value="${xmlEscape(caveat)}"/>` : '';
    lines.push(`    <properties><property name="url" value="${xmlEscape(op.url)}"/>${tls}</properties>`);
    for (const check of op.checks) {
      const open = `    <testcase classname="${xmlEscape(op.operation)}" name="${xmlEscape(check.id)}" time="${seconds(check.durationMs)}"`;
      const body = xmlEscape([check.message, ...detailLines(check)].join('\n'));
      if (check.status === 'pass') lines.push(`${open}/>`);
      else if (check.status === 'fail')
        lines.push(`${open}><failure message="${xmlEscape(check.message)}">${body}</failure></testcase>`);
      else if (check.status === 'error')
        lines.push(`${open}><error message="${xmlEscape(check.message)}">${body}</error></testcase>`);
      else if (check.status === 'skip')
        lines.push(`${open}><skipped message="${xmlEscape(check.message)}"/></testcase>`);
      else
        lines.push(
          `${open}><system-out>${xmlEscape(`warning: ${[check.message, ...detailLines(check)].join('\n')}`)}</system-out></testcase>`,
        );
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
