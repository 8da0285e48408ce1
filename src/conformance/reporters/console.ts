import { networkCaveat } from '../network-report';
import type { CheckResult, RunReport } from '../types';

const WIDTH = 28;

/** Detail lines of a failure, warning or error: received, expected, where, then the curl line. */
export function detailLines(check: CheckResult): string[] {
  const lines: string[] = [];
  if (check.received !== undefined) lines.push(`received: ${check.received}`);
  if (check.expected !== undefined) lines.push(`expected: ${check.expected}`);
  if (check.pointer !== undefined) lines.push(`where:    ${check.pointer}`);
  for (const more of check.details ?? []) lines.push(`also:     ${more}`);
  if (check.curl !== undefined && check.status !== 'pass') lines.push(`curl:     ${check.curl}`);
  return lines;
}

/**
 * Renders a report as text: one line per check ("status id message"), details indented below
 * failures and warnings. No timings, so the same merchant gives the same lines.
 */
export function renderConsole(report: RunReport): string {
  const out: string[] = [`merchant-kit verify: ${report.target}`];
  const caveat = networkCaveat(report);
  if (caveat) out.push(caveat);
  for (const proxy of report.network?.proxies ?? []) out.push(`through the proxy ${proxy.url} (${proxy.from})`);
  for (const op of report.operations) {
    out.push('', `${op.operation} ${op.method} ${op.url}: ${op.status}`);
    for (const check of op.checks) {
      out.push(`  ${check.status.padEnd(5)} ${check.id.padEnd(WIDTH)} ${check.message}`);
      if (check.status === 'fail' || check.status === 'warn' || check.status === 'error') {
        for (const line of detailLines(check)) out.push(`        ${line}`);
      }
    }
  }
  for (const note of report.notes) out.push('', `note: ${note}`);
  const s = report.summary;
  out.push(
    '',
    `summary: ${s.passed} passed, ${s.failed} failed, ${s.warnings} warnings, ${s.errors} could not check, ${s.skipped} skipped${caveat ? `; ${caveat}` : ''}`,
  );
  return `${out.join('\n')}\n`;
}
