import { probe } from './http-probe';
import { formatCount, formatMs, type SummaryRow } from './report';
import { freePort, startServer, StartError } from './servers';
import { CLI_PATH } from './sides';
import type { Target } from './stats';
import { readCalls, reportPath, runCli, type VerifyCalls } from './verify-timing';

/** How late the slow mock answers every authorised call (`Prefer: delay=MS` on each request verify sends). */
export const SLOW_DELAY_MS = 1000;
/** The concurrencies compared: 1 is one request at a time, 4 is verify's default. */
const SLOW_CONCURRENCIES = [1, 4] as const;
/**
 * The bound docs/verify.md promises for a default run (the explorer's budget included) against a
 * merchant that takes 1 s per call, at the default concurrency.
 */
const SLOW_VERIFY_TARGET: Target = { comparison: 'below', limit: 20000, unit: ' ms' };

// The mock requires a header, so that auth-required is judged (and the calls without headers, which
// carry no Prefer either, are refused at once).
const AUTH = 'Authorization: Bearer bench-slow-merchant';
const RUN_TIMEOUT_MS = 180_000;

interface SlowRun {
  concurrency: number;
  wallMs: number;
  exitCode: number | null;
  /** The calls it made (its JSON report's), when it wrote one. */
  calls?: VerifyCalls;
  /** The end of the output when verify did not pass. */
  failure?: string;
}

interface SlowVerify {
  runs: SlowRun[];
  /** Why nothing was measured (the mock did not start). */
  error?: string;
}

/** Whether the slow mock answers an authorised search (it is ready). */
async function answersWithAuth(port: number, timeoutMs: number): Promise<boolean> {
  const [name, value] = AUTH.split(': ');
  const answer = await probe(
    port,
    { method: 'GET', path: '/v1/products/productsearch?searchType=TEXT&query=camiseta', headers: { [name]: value } },
    timeoutMs,
  );
  return answer.status === 200;
}

/**
 * Wall time of a full `merchant-kit verify` (process start included) against a mock that answers every
 * call 1 s late, once per concurrency: what --concurrency buys against a slow merchant.
 */
export async function timeSlowVerify(log: (line: string) => void): Promise<SlowVerify> {
  const port = await freePort();
  let mock;
  try {
    mock = await startServer({
      name: 'slow mock',
      command: process.execPath,
      args: [CLI_PATH, 'serve', '--port', String(port), '--quiet', '--auth', AUTH],
      port,
      isReady: answersWithAuth,
      timeoutMs: 30000,
    });
  } catch (error) {
    return { runs: [], error: error instanceof StartError ? error.message : String(error) };
  }
  const runs: SlowRun[] = [];
  try {
    for (const concurrency of SLOW_CONCURRENCIES) {
      const json = reportPath(`slow-${concurrency}`);
      const args = ['verify', '--base-url', `http://127.0.0.1:${port}/v1`, '--header', AUTH, '--json', json];
      args.push('--header', `Prefer: delay=${SLOW_DELAY_MS}`, '--concurrency', String(concurrency));
      const run = await runCli(CLI_PATH, args, RUN_TIMEOUT_MS);
      const calls = readCalls(json);
      const failure = run.exitCode === 0 ? undefined : run.output.trim().split('\n').slice(-5).join('\n');
      const wallMs = run.timedOut ? Number.NaN : run.wallMs;
      runs.push({ concurrency, wallMs, exitCode: run.exitCode, calls, failure });
      log(
        `  --concurrency ${concurrency}: ${formatMs(run.wallMs)}, exit code ${run.exitCode}, ${describeCalls(calls)}`,
      );
    }
  } finally {
    await mock.stop();
  }
  return { runs };
}

/** The table rows: one per concurrency; the default one is held to the 10 s goal, a failed run to nothing. */
export function slowVerifyRows(result: SlowVerify): SummaryRow[] {
  return SLOW_CONCURRENCIES.map((concurrency) => {
    const run = result.runs.find((r) => r.concurrency === concurrency);
    const passed = run?.exitCode === 0;
    return {
      measure: `verify, mock ${SLOW_DELAY_MS / 1000} s late per call, --concurrency ${concurrency}`,
      ours: run ? formatMs(run.wallMs) : 'n/a',
      reference: '',
      ratio: '',
      target: concurrency === 4 ? SLOW_VERIFY_TARGET : undefined,
      // A fast run that did not pass is no speed: it fails the row.
      checked: run ? (passed ? run.wallMs : Number.NaN) : undefined,
      note: run
        ? `${passed ? 'one run, exit 0' : `exit code ${run.exitCode}`}; ${describeCalls(run.calls)}`
        : (result.error ?? 'not measured'),
    };
  });
}

/** "71 calls (35 of them the explorer's, budget 36)", for the log and the table's note. */
export function describeCalls(calls: VerifyCalls | undefined): string {
  if (!calls) return 'calls not counted (no JSON report)';
  return `${formatCount(calls.calls)} calls (${calls.explorerCalls} of them the explorer's, budget ${calls.budget})`;
}
