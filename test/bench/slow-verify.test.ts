import { verdict } from '../../src/bench/report';
import { slowVerifyRows } from '../../src/bench/slow-verify';

describe('the slow-merchant verify rows', () => {
  it('shows both concurrencies and their calls, and holds the default one to the 20 s bound', () => {
    const rows = slowVerifyRows({
      runs: [
        { concurrency: 1, wallMs: 41000, exitCode: 0, calls: { calls: 71, explorerCalls: 36, budget: 36 } },
        { concurrency: 4, wallMs: 19000, exitCode: 0 },
      ],
    });
    expect(rows.map((r) => [r.measure, r.ours, verdict(r)])).toEqual([
      ['verify, mock 1 s late per call, --concurrency 1', '41,000 ms', ''],
      ['verify, mock 1 s late per call, --concurrency 4', '19,000 ms', 'ok'],
    ]);
    expect(rows.map((r) => r.note)).toEqual([
      "one run, exit 0; 71 calls (36 of them the explorer's, budget 36)",
      'one run, exit 0; calls not counted (no JSON report)',
    ]);
  });

  it('misses the bound when verify takes 20 s or more, or did not pass however fast', () => {
    const slow = slowVerifyRows({ runs: [{ concurrency: 4, wallMs: 21000, exitCode: 0 }] });
    expect(verdict(slow[1])).toBe('MISSED');
    const failed = slowVerifyRows({ runs: [{ concurrency: 4, wallMs: 3000, exitCode: 1, failure: 'x' }] });
    expect([verdict(failed[1]), failed[1].note]).toEqual(['MISSED', 'exit code 1; calls not counted (no JSON report)']);
  });

  it('says why nothing was measured when the mock did not start', () => {
    const rows = slowVerifyRows({ runs: [], error: 'slow mock exited before answering (exit code 1)' });
    expect(rows.map((r) => [r.ours, verdict(r), r.note])).toEqual([
      ['n/a', '', 'slow mock exited before answering (exit code 1)'],
      ['n/a', 'not measured', 'slow mock exited before answering (exit code 1)'],
    ]);
  });
});
