import type { RunReport } from '../types';

/** The JSON report (docs/verify.md, reports: summary, operations, checks), pretty-printed. */
export function renderJson(report: RunReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
