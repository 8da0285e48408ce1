import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CallbackReceiver,
  renderConsole,
  runConfigFromFlags,
  runVerify,
  type OperationReport,
  type RunReport,
} from '../../src/conformance';
import { createMockApp } from '../../src/mock';
import { RUN_ORDER } from '../../src/conformance/runner';
import { startMerchant, type Break } from './merchants/reference-merchant';
import { AUTH } from './support';

/** A fresh merchant for each run, so both runs meet the same state (the same run id makes the same order ids). */
type Fresh = () => Promise<{ baseUrl: string; close(): Promise<void> }>;

function reference(breaks?: Break): (callbacks: string) => ReturnType<Fresh> {
  return (callbacks) => startMerchant({ breaks, auth: AUTH, omnichatApi: callbacks });
}

async function mock(callbacks: string): ReturnType<Fresh> {
  const app = createMockApp({ auth: [AUTH], omnichatApi: callbacks, omnichatToken: 'r:mock-api-secret' });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    async close() {
      await app.mock.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** How a row's runs differ from the rest: the grace for a second callback, and the explorer's budget. */
interface RunSettings {
  /** 50 ms unless said: long enough only for a merchant that calls back once. */
  callbackGraceMs?: number;
  /** --explore-calls; the explorer explores at its default budget unless said. */
  exploreCalls?: string;
}

/**
 * A merchant that calls back twice gets a grace as long as the window: creation-idempotent's wait
 * ends when the second callback comes. Its explorer is off: its orders get one callback each, and the
 * explorer's own grace, which nothing would end, would be waited out whole (10 s a run). The
 * explorer's journeys are compared at 1 and 4 against every other merchant of the table.
 */
const CALLS_BACK_TWICE: RunSettings = { callbackGraceMs: 10_000, exploreCalls: '0' };

/** One whole run at a concurrency, with its own receiver, recording the onOperation order. */
async function runAt(
  concurrency: number,
  start: (callbacks: string) => ReturnType<Fresh>,
  { callbackGraceMs = 50, exploreCalls }: RunSettings = {},
): Promise<{ report: RunReport; announced: OperationReport[] }> {
  const receiver = await CallbackReceiver.start(0);
  const merchant = await start(receiver.url);
  const announced: OperationReport[] = [];
  try {
    const config = {
      // The explorer explores at its default budget: its journeys too must not depend on the concurrency.
      ...runConfigFromFlags({
        baseUrl: merchant.baseUrl,
        header: [`${AUTH.key}: ${AUTH.value}`],
        concurrency: String(concurrency),
        exploreCalls,
      }),
      allowFreightChange: true,
    };
    const report = await runVerify(config, {
      runId: 'same',
      callbacks: receiver,
      callbackGraceMs,
      onOperation: (op) => announced.push(op),
    });
    return { report, announced };
  } finally {
    await merchant.close();
    await receiver.close();
  }
}

/** Each run has its own merchant and receiver, and its start time dates its notifications: the only other differences. */
const samePorts = (text: string): string =>
  text.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT').replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, 'T');

/** The report without timings and ports (durations differ from run to run, nothing else may). */
const withoutTimings = (report: RunReport): unknown =>
  JSON.parse(samePorts(JSON.stringify(report, (key, value: unknown) => (key === 'durationMs' ? undefined : value))));

describe('--concurrency', () => {
  it.each<[string, (callbacks: string) => ReturnType<Fresh>, RunSettings?]>([
    ['the mock', mock],
    ['the reference merchant', reference()],
    ['a parity checker', reference('parity-checker')],
    ['a merchant that calls back twice', reference('repeats-callback'), CALLS_BACK_TWICE],
    ['a merchant that blames the first line', reference('blames-first-line')],
    ['a merchant that blames the first line for a line beyond stock', reference('overstock-blames-first')],
    ['a merchant that gives stock back twice', reference('double-restock')],
    ['a merchant that refuses REVERTED', reference('refuses-reverted')],
    ['a merchant whose creation fails at once', reference('creation-502')],
    ['a merchant without auth', reference('no-auth')],
  ])('gives the same verdicts and console output at 1 and at 4 against %s', async (...[, start, settings]) => {
    const one = await runAt(1, start, settings);
    const four = await runAt(4, start, settings);
    expect(samePorts(renderConsole(four.report))).toBe(samePorts(renderConsole(one.report)));
    expect(withoutTimings(four.report)).toEqual(withoutTimings(one.report));
    // Each operation is announced as it finishes, in OmniChat's order, whatever ran side by side.
    for (const run of [one, four])
      expect(run.announced.map((op) => op.operation)).toEqual(
        RUN_ORDER.filter((op) => run.report.operations.some((r) => r.operation === op)),
      );
  });

  it('keeps at most N requests in flight, and 1 sends them strictly one after another', async () => {
    // The upper bound holds whatever the machine's speed; that N are reached is the Limiter's own test.
    const seen: number[] = [];
    for (const concurrency of [1, 3]) {
      const merchant = await startMerchant({ auth: AUTH });
      try {
        const config = runConfigFromFlags({
          baseUrl: merchant.baseUrl,
          header: [`${AUTH.key}: ${AUTH.value}`],
          concurrency: String(concurrency),
          only: 'productSearch,orderValidation',
          exploreCalls: '0',
        });
        await runVerify(config, { runId: `inflight${concurrency}` });
        seen.push(merchant.maxInFlight());
      } finally {
        await merchant.close();
      }
    }
    expect(seen[0]).toBe(1);
    expect(seen[1]).toBeLessThanOrEqual(3);
  });
});
