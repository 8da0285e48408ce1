import type { RoundResult } from './compare';
import { describeTarget, meets, ratio, type Target } from './stats';

/** One line of the final side-by-side table. */
export interface SummaryRow {
  measure: string;
  ours: string;
  reference: string;
  ratio: string;
  /** Absent for rows that are information only. */
  target?: Target;
  /** The number the target is checked against (a ratio or an absolute value); undefined = not measured. */
  checked?: number;
  note?: string;
}

/** A Markdown table whose columns are padded so it also reads well in a terminal. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    `| ${widths.map((w, i) => (cells[i] ?? '').padEnd(w)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n') + '\n';
}

/** Whole numbers with thousands separators; `n/a` for a measurement that was not taken. */
export function formatCount(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a';
}

/** Milliseconds; one decimal only for a fraction below 10 ms (autocannon's latencies are mostly whole ms). */
export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value < 10 && !Number.isInteger(value)) return `${value.toFixed(1)} ms`;
  return `${Math.round(value).toLocaleString('en-US')} ms`;
}

/** A ratio as `2.31x`. */
export function formatRatio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}x` : 'n/a';
}

/** Megabytes with one decimal. */
export function formatMb(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(1)} MB` : 'n/a';
}

/** `ok`, or `MISSED` in capitals so it stands out; information rows have no verdict. */
export function verdict(row: SummaryRow): string {
  if (!row.target) return '';
  if (row.checked === undefined) return 'not measured';
  return meets(row.checked, row.target) ? 'ok' : 'MISSED';
}

/** The final table: ours next to the reference (Prism, or the default catalog), the ratio and the target. */
export function summaryTable(rows: readonly SummaryRow[]): string {
  const headers = ['measure', 'ours', 'reference', 'ratio', 'target', 'result', 'note'];
  const cells = rows.map((r) => [
    r.measure,
    r.ours,
    r.reference,
    r.ratio,
    r.target ? describeTarget(r.target) : '',
    verdict(r),
    r.note ?? '',
  ]);
  return markdownTable(headers, cells);
}

/** How many rows missed their target (printed under the table; it does not change the exit code). */
export function countMissed(rows: readonly SummaryRow[]): number {
  return rows.filter((r) => verdict(r) === 'MISSED').length;
}

/** One line per round and operation: both sides' req/s, p50, p99, the ratio a/b and the non-2xx counts. */
export function roundsTable(results: readonly RoundResult[], labelA: string, labelB: string): string {
  const headers = [
    'round',
    'operation',
    `${labelA} req/s`,
    'p50',
    'p99',
    `${labelB} req/s`,
    'p50',
    'p99',
    'ratio',
    'non-2xx',
  ];
  const rows = results.map((r) => [
    String(r.round),
    r.operation,
    formatCount(r.a.reqPerSec),
    formatMs(r.a.p50Ms),
    formatMs(r.a.p99Ms),
    formatCount(r.b.reqPerSec),
    formatMs(r.b.p50Ms),
    formatMs(r.b.p99Ms),
    formatRatio(ratio(r.a.reqPerSec, r.b.reqPerSec)),
    nonOkCell(r),
  ]);
  return markdownTable(headers, rows);
}

function nonOkCell(r: RoundResult): string {
  const bad = r.a.non2xx + r.a.errors + r.b.non2xx + r.b.errors;
  const counts = `${r.a.non2xx}/${r.b.non2xx}`;
  return bad > 0 ? `${counts} FLAG (errors ${r.a.errors}/${r.b.errors})` : counts;
}
