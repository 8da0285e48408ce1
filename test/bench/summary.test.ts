import type { LoadStats } from '../../src/bench/load';
import { verdict } from '../../src/bench/report';
import type { ScaleResult } from '../../src/bench/scale';
import { buildSummary, type BenchResults } from '../../src/bench/summary';

const stats = (reqPerSec: number, non2xx = 0): LoadStats => ({ reqPerSec, p50Ms: 2, p99Ms: 9, non2xx, errors: 0 });
const memory = { rssMb: 90, peakMb: 120 };

function scale(overrides: Partial<ScaleResult> = {}): ScaleResult {
  return {
    startupMs: 2500,
    searchHits: 10,
    afterStart: memory,
    afterLoad: { rssMb: 250, peakMb: 390 },
    defaultAfterLoad: memory,
    rounds: [],
    search: { operation: 'productSearch', a: stats(6000), b: stats(7000), medianRatio: 0.86 },
    ...overrides,
  };
}

function results(overrides: Partial<BenchResults> = {}): BenchResults {
  return {
    comparisons: [
      { operation: 'productSearch', a: stats(8000), b: stats(3500), medianRatio: 2.3 },
      { operation: 'orderValidation', a: stats(4000), b: stats(2700), medianRatio: 1.5 },
    ],
    startups: { oursMs: [300, 280, 320], prismMs: [1200, 1250, 1100] },
    memory: { ours: memory, prism: { rssMb: 160, peakMb: 170 } },
    verify: { wallMs: [900, 950, 1000], exitCodes: [0, 0, 0] },
    scale: scale(),
    ...overrides,
  };
}

const verdictOf = (rows: ReturnType<typeof buildSummary>, measure: string): string => {
  const row = rows.find((r) => r.measure.startsWith(measure));
  if (!row) throw new Error(`no row ${measure}`);
  return verdict(row);
};

describe('bench summary', () => {
  it('marks each target ok or MISSED from the measured ratios and values', () => {
    const rows = buildSummary(results());
    expect(verdictOf(rows, 'productSearch req/s vs Prism')).toBe('ok');
    expect(verdictOf(rows, 'orderValidation req/s vs Prism')).toBe('MISSED');
    expect(verdictOf(rows, 'startup to first answer')).toBe('ok');
    expect(verdictOf(rows, 'productSearch req/s, 100k')).toBe('ok');
    expect(verdictOf(rows, 'RSS with 100k')).toBe('ok');
    expect(verdictOf(rows, 'startup with 100k')).toBe('ok');
    expect(verdictOf(rows, 'verify')).toBe('ok');
  });

  it('checks the 100k RSS target on the peak, not on a VmRSS that depends on when V8 last collected', () => {
    const rows = buildSummary(results({ scale: scale({ afterLoad: { rssMb: 370, peakMb: 967 } }) }));
    const row = rows.find((r) => r.measure.startsWith('RSS with 100k'));
    expect(row?.ours).toBe('967.0 MB');
    expect(verdict(row!)).toBe('MISSED');
    expect(row?.note).toBe('VmRSS after start 90.0 MB (peak so far 120.0 MB), after load 370.0 MB');
  });

  it('takes the startup ratio as the median of the per-pair ratios', () => {
    const row = buildSummary(results()).find((r) => r.measure.startsWith('startup to first answer'));
    expect(row?.ratio).toBe('0.25x');
  });

  it('does not count throughput made of non-2xx answers: the row is MISSED and says why', () => {
    const fastButWrong = { operation: 'productSearch', a: stats(20000, 12), b: stats(3500), medianRatio: 5.7 };
    const rows = buildSummary(results({ comparisons: [fastButWrong] }));
    const row = rows.find((r) => r.measure === 'productSearch req/s vs Prism');
    expect(verdict(row!)).toBe('MISSED');
    expect(row?.note).toContain('ours: 12 non-2xx');
  });

  it('reports a 100k catalog that could not start as MISSED with the reason', () => {
    const rows = buildSummary(
      results({
        scale: scale({ error: "ours 100k exited before answering (exit code 2): unknown option '--generate'" }),
      }),
    );
    const row = rows.find((r) => r.measure === '100k catalog');
    expect(row?.ours).toBe('could not start');
    expect(verdict(row!)).toBe('MISSED');
    expect(row?.note).toContain("unknown option '--generate'");
  });

  it('shows verify exit codes when verify did not pass against the mock', () => {
    const rows = buildSummary(results({ verify: { wallMs: [900, 950, 1000], exitCodes: [1, 1, 1] } }));
    expect(rows.find((r) => r.measure.startsWith('verify'))?.note).toBe('exit codes 1, 1, 1');
  });
});
