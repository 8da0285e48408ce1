import type { RunReport } from '../types';
import { resultOf } from './wording';

/** One distinct request worth repeating, with the findings that used it. */
export interface RequestEntry {
  number: number;
  curl: string;
  usedBy: { operation: string; check: string }[];
}

/**
 * The distinct curl lines of the report's causes (a consequence repeats its cause's request),
 * numbered in the order of the "what to fix" list, so each request is shown once and the findings
 * point to it.
 */
export function indexRequests(report: RunReport): { entries: RequestEntry[]; numberOf: (curl: string) => number } {
  const byCurl = new Map<string, RequestEntry>();
  for (const item of report.whatToFix) {
    const curl = resultOf(report, item)?.curl;
    if (curl === undefined) continue;
    const entry = byCurl.get(curl) ?? { number: byCurl.size + 1, curl, usedBy: [] };
    entry.usedBy.push({ operation: item.operation, check: item.check });
    byCurl.set(curl, entry);
  }
  return { entries: [...byCurl.values()], numberOf: (curl) => byCurl.get(curl)?.number ?? 0 };
}
