import { verdict } from '../../src/bench/report';
import { slowVerifyRows } from '../../src/bench/slow-verify';

describe('the slow-merchant verify rows', () => {
  it('shows both concurrencies and holds the default one to the 10 s goal', () => {
    const rows = slowVerifyRows({
      runs: [
        { concurrency: 1, wallMs: 41000, exitCode: 0 },
        { concurrency: 4, wallMs: 9000, exitCode: 0 },
      ],
    });
    expect(rows.map((r) => [r.measure, r.ours, verdict(r)])).toEqual([
      ['verify, mock 1 s late per call, --concurrency 1', '41,000 ms', ''],
      ['verify, mock 1 s late per call, --concurrency 4', '9,000 ms', 'ok'],
    ]);
  });

  it('misses the goal when verify takes 10 s or more, or did not pass however fast', () => {
    const slow = slowVerifyRows({ runs: [{ concurrency: 4, wallMs: 12000, exitCode: 0 }] });
    expect(verdict(slow[1])).toBe('MISSED');
    const failed = slowVerifyRows({ runs: [{ concurrency: 4, wallMs: 3000, exitCode: 1, failure: 'x' }] });
    expect([verdict(failed[1]), failed[1].note]).toEqual(['MISSED', 'exit code 1']);
  });

  it('says why nothing was measured when the mock did not start', () => {
    const rows = slowVerifyRows({ runs: [], error: 'slow mock exited before answering (exit code 1)' });
    expect(rows.map((r) => [r.ours, verdict(r), r.note])).toEqual([
      ['n/a', '', 'slow mock exited before answering (exit code 1)'],
      ['n/a', 'not measured', 'slow mock exited before answering (exit code 1)'],
    ]);
  });
});
