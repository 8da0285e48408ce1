import type { MockStore } from '../../src/mock/store/mock-store';
import type { VerifyLiveRun, VerifyRunRecord } from '../../src/mock/store/verify-history';
import { stringBytes } from '../../src/mock/bounds/heap-estimate';
import { ADAPTERS } from './adapters';

// The history of the console's runs as the store hands it out, on both adapters (the memory one is
// MemoryVerifyHistory): the same bounds (the newest runs within the byte budget, the oldest dropped
// first), the same bytes counted, the same records given back.

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
    seed: 7,
    summary: { passed: 1, failed: 0, warnings: 0, errors: 0, skipped: 0 },
    noDestructive: false,
    lang: 'pt-BR',
    config: { urls: {}, headers: [{ key: 'Authorization', value: 'Bearer ***' }] },
    progress: [
      {
        operation: 'productSearch',
        status: 'pass',
        counts: { passed: 1, failed: 0, warnings: 0, errors: 0, skipped: 0 },
      },
    ],
    report: { padding: 'x'.repeat(reportBytes), text: 'ação' },
  };
}

const ids = async (store: MockStore, maxRuns = 100, maxBytes = 1_000_000): Promise<string[]> =>
  (await store.verifyHistory({ maxRuns, maxBytes }).list()).map((run) => run.id);

describe.each(ADAPTERS)('the verify history of the %s store', (_name, open) => {
  const opened: MockStore[] = [];
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
  });
  const store = async (): Promise<MockStore> => {
    const s = await open();
    opened.push(s);
    return s;
  };

  it('gives a run back exactly as added, and lists the newest first without config, progress or report', async () => {
    const s = await store();
    const history = s.verifyHistory({ maxRuns: 10, maxBytes: 1_000_000 });
    await history.add(record('a'));
    await history.add(record('b'));
    expect(await history.get('a')).toEqual(record('a'));
    expect(JSON.stringify(await history.get('b'))).toBe(JSON.stringify(record('b')));
    const { config: _c, progress: _p, report: _r, ...summary } = record('b');
    expect((await history.list())[0]).toEqual(summary);
    expect(await ids(s)).toEqual(['b', 'a']);
    expect(await history.get('nope')).toBeUndefined();
  });

  it('keeps at most maxRuns, dropping the oldest first', async () => {
    const s = await store();
    const history = s.verifyHistory({ maxRuns: 3, maxBytes: 1_000_000 });
    for (const id of ['a', 'b', 'c', 'd', 'e']) await history.add(record(id));
    expect(await ids(s, 3)).toEqual(['e', 'd', 'c']);
    expect(await history.get('a')).toBeUndefined();
    expect(await history.usage()).toEqual({
      runs: 3,
      bytes: 3 * stringBytes(JSON.stringify(record('e'))),
      maxRuns: 3,
      maxBytes: 1_000_000,
      dropped: 2,
    });
  });

  it('keeps at most maxBytes, dropping the oldest first, and never keeps a run larger than the whole budget', async () => {
    const s = await store();
    // Each run is about 1,600 bytes: two fit, three do not.
    const history = s.verifyHistory({ maxRuns: 100, maxBytes: 3400 });
    for (const id of ['a', 'b', 'c']) await history.add(record(id, 1000));
    expect(await ids(s)).toEqual(['c', 'b']);
    expect((await history.usage()).bytes).toBe(2 * stringBytes(JSON.stringify(record('c', 1000))));
    await history.add(record('huge', 5000));
    expect(await history.get('huge')).toBeUndefined();
    expect(await ids(s)).toEqual(['c', 'b']);
    expect(await history.usage()).toMatchObject({ runs: 2, dropped: 2 });
  });

  it('replaces a run added again under its id, and counts it as the newest', async () => {
    const s = await store();
    const history = s.verifyHistory({ maxRuns: 2, maxBytes: 1_000_000 });
    await history.add(record('a'));
    await history.add(record('b'));
    await history.add({ ...record('a'), verdict: 'fail' });
    expect(await ids(s, 2)).toEqual(['a', 'b']);
    expect(await history.get('a')).toMatchObject({ verdict: 'fail' });
    expect(await history.usage()).toMatchObject({ runs: 2, dropped: 0 });
  });

  it('gives copies: what a caller changes does not change the history', async () => {
    const s = await store();
    const history = s.verifyHistory({ maxRuns: 10, maxBytes: 1_000_000 });
    const run = record('a');
    await history.add(run);
    run.verdict = 'fail';
    const got = (await history.get('a')) as VerifyRunRecord;
    got.integration = 'Outra';
    expect(await history.get('a')).toMatchObject({ verdict: 'pass', integration: 'Loja' });
  });

  it('never takes a finished run back to running when a late note arrives', async () => {
    const s = await store();
    const history = s.verifyHistory({ maxRuns: 10, maxBytes: 1_000_000 });
    const live: VerifyLiveRun = {
      id: 'a',
      state: 'running',
      integration: 'Loja',
      createdAt: '2026-12-01T10:00:00.000Z',
      startedAt: '2026-12-01T10:00:00.000Z',
      noDestructive: false,
      lang: 'en',
      config: {},
      progress: [],
      report: null,
    };
    await history.track?.(live);
    await history.add(record('a'));
    await history.track?.(live);
    expect(await history.get('a')).toEqual(record('a'));
    expect(await ids(s)).toEqual(['a']);
    expect((await history.elsewhere?.()) ?? []).toEqual([]);
  });
});
