import { runChanges } from '../../src/mock/http/verify-records';
import type { VerifyRunRecord } from '../../src/mock';

// What changed between two runs of the console, on reports made by hand: causes first, their
// consequences folded in, and a check that could not run before but fails now counted as new.

type Check = { id: string; status: string; message?: string; causedBy?: { operation: string; check: string } };

function run(id: string, checks: Record<string, Check[]>): VerifyRunRecord {
  return {
    id,
    integration: 'Loja',
    createdAt: `2026-12-01T10:00:0${id.length}.000Z`,
    startedAt: null,
    finishedAt: '2026-12-01T10:00:09.000Z',
    durationMs: 1,
    verdict: 'fail',
    kitVersion: '0.1.0',
    seed: null,
    summary: null,
    noDestructive: false,
    lang: 'en',
    config: {},
    progress: [],
    report: {
      operations: Object.entries(checks).map(([operation, list]) => ({
        operation,
        checks: list.map((c) => ({ message: `${c.id} is ${c.status}`, ...c })),
      })),
    },
  };
}

const cause = { operation: 'productSearch', check: 'answers-2xx' };

describe('runChanges', () => {
  it('folds the checks that could not run because of a cause into that cause', () => {
    const broken = run('a', {
      productSearch: [
        { id: 'answers-2xx', status: 'fail' },
        { id: 'json-body', status: 'error', causedBy: cause },
      ],
      orderValidation: [{ id: 'answers-2xx', status: 'error', causedBy: cause }],
    });
    const fixed = run('bb', {
      productSearch: [
        { id: 'answers-2xx', status: 'pass' },
        { id: 'json-body', status: 'pass' },
      ],
      orderValidation: [{ id: 'answers-2xx', status: 'pass' }],
    });
    expect(runChanges(broken, fixed)).toMatchObject({
      startedFailing: [],
      stoppedFailing: [{ operation: 'productSearch', check: 'answers-2xx', was: 'fail', now: 'pass', consequences: 2 }],
    });
  });

  it('counts a check that could not run before and fails now as started failing, and a warning as no failure', () => {
    const before = run('a', {
      orderCreation: [
        { id: 'callback-received', status: 'error' },
        { id: 'unknown-properties', status: 'fail' },
      ],
    });
    const after = run('bb', {
      orderCreation: [
        { id: 'callback-received', status: 'fail' },
        { id: 'unknown-properties', status: 'warn' },
        { id: 'within-time-budget', status: 'error' },
      ],
    });
    const changes = runChanges(before, after);
    expect(changes.startedFailing.map((c) => [c.check, c.was, c.now])).toEqual([
      ['callback-received', 'error', 'fail'],
      ['within-time-budget', 'absent', 'error'],
    ]);
    expect(changes.stoppedFailing.map((c) => [c.check, c.was, c.now])).toEqual([
      ['unknown-properties', 'fail', 'warn'],
    ]);
  });
});
