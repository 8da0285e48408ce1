import { MemoryVerifyHistory } from '../../src/mock';
import type { VerifyRunRecord } from '../../src/mock';

// The memory history of the console's runs: bounded in runs and in bytes, the oldest dropped first.

function record(id: string, reportBytes = 10): VerifyRunRecord {
  return {
    id,
    integration: 'Loja',
    createdAt: '2026-12-01T10:00:00.000Z',
    startedAt: '2026-12-01T10:00:00.000Z',
    finishedAt: '2026-12-01T10:00:01.000Z',
    durationMs: 1000,
    verdict: 'pass',
    kitVersion: '0.1.0',
    seed: null,
    summary: { passed: 1, failed: 0, warnings: 0, errors: 0, skipped: 0 },
    noDestructive: false,
    lang: 'en',
    config: { urls: {} },
    progress: [],
    report: { padding: 'x'.repeat(reportBytes) },
  };
}

describe('MemoryVerifyHistory', () => {
  it('lists the newest first, without reports, and gives a run back whole', async () => {
    const history = new MemoryVerifyHistory();
    await history.add(record('a'));
    await history.add(record('b'));
    expect((await history.list()).map((run) => run.id)).toEqual(['b', 'a']);
    expect(await history.list()).not.toContainEqual(expect.objectContaining({ report: expect.anything() }));
    expect(await history.get('a')).toEqual(record('a'));
  });

  it('keeps at most maxRuns, dropping the oldest first', async () => {
    const history = new MemoryVerifyHistory(3);
    for (const id of ['a', 'b', 'c', 'd', 'e']) await history.add(record(id));
    expect((await history.list()).map((run) => run.id)).toEqual(['e', 'd', 'c']);
    expect(await history.get('a')).toBeUndefined();
    expect(await history.usage()).toMatchObject({ runs: 3, maxRuns: 3, dropped: 2 });
  });

  it('keeps at most maxBytes, dropping the oldest first, and never keeps a run larger than the whole budget', async () => {
    const history = new MemoryVerifyHistory(100, 3000);
    for (const id of ['a', 'b', 'c']) await history.add(record(id, 1000));
    const usage = await history.usage();
    expect(usage.bytes).toBeLessThanOrEqual(3000);
    expect((await history.list()).map((run) => run.id)).toEqual(['c', 'b']);
    await history.add(record('huge', 5000));
    expect(await history.get('huge')).toBeUndefined();
    expect((await history.list()).map((run) => run.id)).toEqual(['c', 'b']);
  });

  it('gives copies: what a caller changes does not change the history', async () => {
    const history = new MemoryVerifyHistory();
    const run = record('a');
    await history.add(run);
    run.verdict = 'fail';
    const got = (await history.get('a')) as VerifyRunRecord;
    got.integration = 'Outra';
    expect(await history.get('a')).toMatchObject({ verdict: 'pass', integration: 'Loja' });
  });
});
