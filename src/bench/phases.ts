import { formatViolation, validate } from '../contracts';
import { parseJson, probe } from './http-probe';
import { freePort, startServer, type RunningServer, type ServerSpec } from './servers';
import { CLI_PATH } from './sides';
import { readCalls, reportPath, runCli, type VerifyCalls } from './verify-timing';
import { LOADED_OPERATIONS, type Workload } from './workload';

type Log = (line: string) => void;

interface Startups {
  ours: RunningServer;
  prism: RunningServer;
  oursMs: number[];
  prismMs: number[];
}

/**
 * Starts ours and Prism in turn `count` times (spawn to first correct answer) and keeps the last
 * pair running for the load phase. A server that cannot start throws StartError.
 */
export async function measureStartups(
  ours: (port: number) => ServerSpec,
  prism: (port: number) => ServerSpec,
  count: number,
  log: Log,
): Promise<Startups> {
  const oursMs: number[] = [];
  const prismMs: number[] = [];
  let last: { ours: RunningServer; prism: RunningServer } | undefined;
  for (let i = 1; i <= count; i += 1) {
    const a = await startServer(ours(await freePort()));
    oursMs.push(a.startupMs);
    // Each pair but the last (which serves the load) stops before the next start, so starts do not overlap.
    if (i < count) await a.stop();
    const b = await startServer(prism(await freePort()));
    prismMs.push(b.startupMs);
    if (i < count) await b.stop();
    log(`  start ${i}: ${a.name} ${Math.round(a.startupMs)} ms, ${b.name} ${Math.round(b.startupMs)} ms`);
    if (i === count) last = { ours: a, prism: b };
  }
  if (!last) throw new Error('startups: count must be at least 1');
  return { ...last, oursMs, prismMs };
}

interface Preflight {
  /** Products in the productSearch answer (the load's page size is 10). */
  searchHits: number;
  /** Contract violations in either answer, as one line each; empty when both answers keep the contract. */
  problems: string[];
}

/** One request per loaded operation before the load, checked against the response contracts. */
export async function preflight(port: number, workload: Workload): Promise<Preflight> {
  let searchHits = 0;
  const problems: string[] = [];
  for (const operation of LOADED_OPERATIONS) {
    const answer = await probe(port, workload.requests[operation], 5000);
    const body = parseJson(answer.body);
    if (operation === 'productSearch' && Array.isArray(body)) searchHits = body.length;
    if (answer.status !== 200) {
      problems.push(`${operation}: status ${answer.status}: ${answer.body.slice(0, 200)}`);
      continue;
    }
    const violations = validate(operation, 'response', body);
    if (violations.length > 0) problems.push(`${operation}: ${formatViolation(violations[0])}`);
  }
  return { searchHits, problems };
}

export interface VerifyTiming {
  wallMs: number[];
  exitCodes: (number | null)[];
  /** The calls of each run (its JSON report's meta.calls and exploration.calls), at the default budget. */
  calls?: (VerifyCalls | undefined)[];
  /** The end of the first failing run's output, to explain a non-zero exit. */
  failure?: string;
}

const VERIFY_RUNS = 3;
const VERIFY_TIMEOUT_MS = 60000;

/** Wall time of the full `merchant-kit verify` against the local mock, process start included (what CI pays). */
export async function timeVerify(port: number): Promise<VerifyTiming> {
  const wallMs: number[] = [];
  const exitCodes: (number | null)[] = [];
  const calls: (VerifyCalls | undefined)[] = [];
  let failure: string | undefined;
  for (let i = 0; i < VERIFY_RUNS; i += 1) {
    const json = reportPath(`verify-${i}`);
    const args = ['verify', '--base-url', `http://127.0.0.1:${port}/v1`, '--json', json];
    const run = await runCli(CLI_PATH, args, VERIFY_TIMEOUT_MS);
    wallMs.push(run.timedOut ? Number.NaN : run.wallMs);
    exitCodes.push(run.exitCode);
    calls.push(readCalls(json));
    if (run.exitCode !== 0 && failure === undefined) failure = run.output.trim().split('\n').slice(-5).join('\n');
  }
  return { wallMs, exitCodes, calls, failure };
}
