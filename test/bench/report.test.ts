import type { RoundResult } from '../../src/bench/compare';
import type { LoadStats } from '../../src/bench/load';
import {
  countMissed,
  formatCount,
  formatMb,
  formatMs,
  formatRatio,
  markdownTable,
  roundsTable,
  summaryTable,
  verdict,
  type SummaryRow,
} from '../../src/bench/report';

const stats = (reqPerSec: number, non2xx = 0): LoadStats => ({ reqPerSec, p50Ms: 3, p99Ms: 12, non2xx, errors: 0 });

describe('bench report', () => {
  it('pads every column to its widest cell so the Markdown also lines up in a terminal', () => {
    const table = markdownTable(['a', 'long header'], [['wide cell', 'x']]);
    expect(table.split('\n')).toEqual([
      '| a         | long header |',
      '|-----------|-------------|',
      '| wide cell | x           |',
      '',
    ]);
  });

  it.each([
    [formatCount(12345.6), '12,346'],
    [formatCount(Number.NaN), 'n/a'],
    [formatMs(2.5), '2.5 ms'],
    [formatMs(3), '3 ms'],
    [formatMs(1234.4), '1,234 ms'],
    [formatMs(Number.NaN), 'n/a'],
    [formatRatio(2.345), '2.35x'],
    [formatRatio(Number.NaN), 'n/a'],
    [formatMb(123.45), '123.5 MB'],
  ])('formats %p as %p', (actual, expected) => {
    expect(actual).toBe(expected);
  });

  const target = { comparison: 'atLeast', limit: 2, unit: 'x' } as const;
  it.each<[string, SummaryRow, string]>([
    ['a met target', { measure: 'm', ours: '', reference: '', ratio: '', target, checked: 2.4 }, 'ok'],
    ['a missed target', { measure: 'm', ours: '', reference: '', ratio: '', target, checked: 1.2 }, 'MISSED'],
    [
      'a target whose number could not be taken',
      { measure: 'm', ours: '', reference: '', ratio: '', target, checked: Number.NaN },
      'MISSED',
    ],
    ['a target not measured at all', { measure: 'm', ours: '', reference: '', ratio: '', target }, 'not measured'],
    ['an information row', { measure: 'm', ours: '', reference: '', ratio: '' }, ''],
  ])('the verdict for %s is %p', (_name, row, expected) => {
    expect(verdict(row)).toBe(expected);
  });

  it('puts the target and MISSED next to the measure in the summary and counts the misses', () => {
    const rows: SummaryRow[] = [
      {
        measure: 'search req/s',
        ours: '5,000',
        reference: '3,500',
        ratio: '1.43x',
        target,
        checked: 1.43,
        note: 'cpu bound',
      },
      { measure: 'post req/s', ours: '8,000', reference: '2,700', ratio: '2.96x', target, checked: 2.96 },
    ];
    const lines = summaryTable(rows).split('\n');
    expect(lines[2]).toMatch(/^\| search req\/s \| 5,000 \| 3,500 +\| 1\.43x \| >= 2x +\| MISSED \| cpu bound \|$/);
    expect(lines[3]).toMatch(/\| ok +\|/);
    expect(countMissed(rows)).toBe(1);
  });

  it('prints one row per round with the per-round ratio and flags non-2xx answers', () => {
    const results: RoundResult[] = [
      { round: 1, operation: 'productSearch', a: stats(7000), b: stats(3500) },
      { round: 2, operation: 'productSearch', a: stats(6000, 4), b: stats(3000) },
    ];
    const lines = roundsTable(results, 'ours', 'Prism').split('\n');
    expect(lines[0]).toContain('ours req/s');
    expect(lines[2]).toMatch(/\| 7,000 .*\| 2\.00x \| 0\/0 +\|$/);
    expect(lines[3]).toMatch(/\| 2\.00x \| 4\/0 FLAG \(errors 0\/0\) \|$/);
  });
});
