import { longAnswerRow } from '../../src/bench/long-answer';
import { verdict } from '../../src/bench/report';

// The bench's 1e6-item row (npm run bench runs it; here only how a result is read): a speed counts
// only when every violation was counted and the run ended as a failing run does.
describe('the long-answer row', () => {
  it('holds a run that judged all 4,000,000 violations to the 10 s bound', () => {
    const row = longAnswerRow({ wallMs: 6200, exitCode: 1, judged: '4000000 contract violations' });
    expect([row.measure, row.ours, verdict(row)]).toEqual([
      'verify, a 1,000,000-item productSearch answer (heap 256 MB)',
      '6,200 ms',
      'ok',
    ]);
    expect(verdict(longAnswerRow({ wallMs: 12000, exitCode: 1, judged: '4000000 contract violations' }))).toBe(
      'MISSED',
    );
  });

  it('misses it when the list was not counted in full or the run crashed (out of heap), however fast', () => {
    expect(verdict(longAnswerRow({ wallMs: 900, exitCode: 1, judged: '1000 contract violations' }))).toBe('MISSED');
    const crashed = longAnswerRow({ wallMs: 3000, exitCode: 134 });
    expect([verdict(crashed), crashed.note]).toEqual(['MISSED', 'exit code 134; no report']);
  });
});
