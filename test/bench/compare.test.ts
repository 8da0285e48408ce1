import { summarize, type RoundResult } from '../../src/bench/compare';
import type { LoadStats } from '../../src/bench/load';

const stats = (reqPerSec: number, p99Ms: number, non2xx = 0): LoadStats => ({
  reqPerSec,
  p50Ms: p99Ms / 4,
  p99Ms,
  non2xx,
  errors: 0,
});

describe('bench comparison of rounds', () => {
  const rounds: RoundResult[] = [
    { round: 1, operation: 'productSearch', a: stats(7000, 20), b: stats(3500, 30) },
    { round: 1, operation: 'orderValidation', a: stats(5000, 24), b: stats(2500, 40, 3) },
    { round: 2, operation: 'productSearch', a: stats(6000, 28), b: stats(4000, 26) },
    { round: 2, operation: 'orderValidation', a: stats(6000, 22), b: stats(2000, 44) },
    { round: 3, operation: 'productSearch', a: stats(9000, 18), b: stats(3000, 36) },
    { round: 3, operation: 'orderValidation', a: stats(4000, 30, 1), b: stats(2000, 50) },
  ];

  it('gives one comparison per operation, in the order the rounds ran them', () => {
    expect(summarize(rounds).map((c) => c.operation)).toEqual(['productSearch', 'orderValidation']);
  });

  it('takes the median of the per-round ratios, not the ratio of the medians', () => {
    const [search] = summarize(rounds);
    // Per round: 2.0, 1.5, 3.0 -> median 2.0; the ratio of the medians would be 7000 / 3500 = 2.0 too,
    // so orderValidation tells them apart: 2.0, 3.0, 2.0 -> 2.0 versus 5000 / 2000 = 2.5.
    expect(search.medianRatio).toBe(2);
    expect(summarize(rounds)[1].medianRatio).toBe(2);
  });

  it('keeps the median of each figure per side', () => {
    const [search] = summarize(rounds);
    expect(search.a.reqPerSec).toBe(7000);
    expect(search.b.p99Ms).toBe(30);
  });

  it('sums the non-2xx answers over the rounds, so one bad round still shows', () => {
    const validation = summarize(rounds)[1];
    expect(validation.a.non2xx).toBe(1);
    expect(validation.b.non2xx).toBe(3);
  });
});
