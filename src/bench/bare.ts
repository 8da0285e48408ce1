import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES_DIR, OPERATIONS, PACKAGE_ROOT } from '../contracts';
import { LOAD_HEADER, type CannedAnswer } from './bare-server';
import { summarize, warmUp, type Comparison, type RoundResult } from './compare';
import { probe, type ProbeRequest } from './http-probe';
import { runLoad, type LoadOptions, type LoadStats } from './load';
import { freePort, startServer, type RunningServer } from './servers';
import { median } from './stats';

/** The built bare server (`npm run bench` builds first). */
const BARE_SERVER_PATH = path.join(PACKAGE_ROOT, 'dist', 'bench', 'bare-server.js');
const START_TIMEOUT_MS = 30000;
/** Generous: the mock has just been loaded, and the capture is no measurement. */
const CAPTURE_TIMEOUT_MS = 5000;

/** OmniChat's documented orderValidation example (docs/contracts.md), minified: 1.5 KB in, a 701-byte answer. */
export const DOCUMENTED_ORDER_REQUEST: ProbeRequest = {
  method: 'POST',
  path: `/v1${OPERATIONS.orderValidation.path}`,
  body: JSON.stringify(
    JSON.parse(
      fs.readFileSync(path.join(FIXTURES_DIR, 'examples', 'orderValidation', 'request.documented.json'), 'utf8'),
    ),
  ),
  headers: { 'content-type': 'application/json' },
};

/** The load of orderValidation with another cart each request: nothing to reuse, the whole POST path every time. */
export const NEW_CART_LOAD = 'orderValidation, a new cart each request';

/** CPU time a server spent per answered request over the load runs of one operation (utime + stime). */
interface CpuPerRequest {
  operation: string;
  oursUs: number;
  bareUs: number;
}

/** What the comparison with the bare server gave: one comparison per request, or why there is none. */
export interface BareResult {
  /** a = ours, b = the bare server answering ours' bytes. */
  comparisons: Comparison[];
  /** The same runs in CPU per request: steadier than req/s when other work shares the cores. */
  cpu?: CpuPerRequest[];
  error?: string;
}

/** Linux's clock tick for /proc/<pid>/stat times (USER_HZ, 100 on every common build). */
const TICKS_PER_SEC = 100;

/**
 * Asks the mock once per request and keeps each answer's status, content type and bytes: the mock
 * answers JSON, which is UTF-8, so the text probe returns encodes back to the very bytes it sent.
 */
export async function captureAnswers(port: number, requests: Record<string, ProbeRequest>): Promise<CannedAnswer[]> {
  const answers: CannedAnswer[] = [];
  for (const [load, request] of Object.entries(requests)) {
    const answer = await probe(port, request, CAPTURE_TIMEOUT_MS);
    answers.push({
      load,
      method: request.method,
      path: request.path,
      status: answer.status,
      contentType: answer.contentType,
      bodyBase64: Buffer.from(answer.body, 'utf8').toString('base64'),
    });
  }
  return answers;
}

/**
 * This machine's limit for the mock's answers: a bare node:http server (its own process, like ours)
 * answering the bytes ours answered, loaded in turn with ours. The ratio says how much of the
 * machine's HTTP throughput the mock's work (routing, body, contract check, answer, journal) leaves.
 */
export async function compareWithBare(
  ours: RunningServer,
  requests: Record<string, ProbeRequest>,
  rounds: number,
  load: LoadOptions,
  log: (line: string) => void,
): Promise<BareResult> {
  const file = path.join(os.tmpdir(), `merchant-kit-bench-answers-${process.pid}.json`);
  let bare: RunningServer | undefined;
  // Both servers get the same requests, each naming its load (see LOAD_HEADER).
  const tagged = Object.fromEntries(
    Object.entries(requests).map(([load, request]) => [
      load,
      { ...request, headers: { ...request.headers, [LOAD_HEADER]: load } },
    ]),
  );
  try {
    const answers = await captureAnswers(ours.port, tagged);
    const wrong = answers.find((a) => a.status < 200 || a.status > 299);
    if (wrong) return { comparisons: [], error: `ours answered ${wrong.method} ${wrong.path} with ${wrong.status}` };
    fs.writeFileSync(file, JSON.stringify(answers));
    const first = Object.values(tagged)[0];
    const port = await freePort();
    bare = await startServer({
      name: 'bare node:http',
      command: process.execPath,
      args: [BARE_SERVER_PATH, String(port), file],
      port,
      isReady: async (p, timeoutMs) => (await probe(p, first, timeoutMs)).status === 200,
      timeoutMs: START_TIMEOUT_MS,
    });
    const { rows, cpu } = await inTurnWithCpu(ours, bare, tagged, rounds, load, log);
    return { comparisons: summarize(rows), cpu };
  } catch (error) {
    return { comparisons: [], error: error instanceof Error ? error.message : String(error) };
  } finally {
    await bare?.stop();
    fs.rmSync(file, { force: true });
  }
}

/**
 * Loads ours and the bare server in turn (A B per request and round, after a warm-up), and reads each
 * one's CPU time from /proc around every run: req/s swing with whatever else runs on the machine, the
 * CPU a server spends per request much less.
 */
async function inTurnWithCpu(
  ours: RunningServer,
  bare: RunningServer,
  requests: Record<string, ProbeRequest>,
  rounds: number,
  load: LoadOptions,
  log: (line: string) => void,
): Promise<{ rows: RoundResult[]; cpu: CpuPerRequest[] }> {
  await warmUp(ours, bare, requests, load);
  const rows: RoundResult[] = [];
  const spent = new Map<string, { ours: number[]; bare: number[] }>();
  const measured = async (server: RunningServer, request: ProbeRequest): Promise<[LoadStats, number]> => {
    const before = cpuSeconds(server.pid);
    const stats = await runLoad(server.port, request, load);
    const answered = stats.reqPerSec * load.durationSec;
    return [stats, answered > 0 ? ((cpuSeconds(server.pid) - before) * 1e6) / answered : Number.NaN];
  };
  for (let round = 1; round <= rounds; round += 1) {
    for (const [operation, request] of Object.entries(requests)) {
      const [a, oursUs] = await measured(ours, request);
      const [b, bareUs] = await measured(bare, request);
      log(
        `  round ${round} ${operation}: ours ${Math.round(a.reqPerSec)} req/s, ${oursUs.toFixed(1)} µs CPU/req; bare ${Math.round(b.reqPerSec)} req/s, ${bareUs.toFixed(1)} µs CPU/req${a.non2xx + a.errors > 0 ? `  FLAG ours non-2xx ${a.non2xx}, errors ${a.errors}` : ''}`,
      );
      rows.push({ round, operation, a, b });
      const sums = spent.get(operation) ?? { ours: [], bare: [] };
      sums.ours.push(oursUs);
      sums.bare.push(bareUs);
      spent.set(operation, sums);
    }
  }
  const cpu = [...spent].map(([operation, s]) => ({ operation, oursUs: median(s.ours), bareUs: median(s.bare) }));
  return { rows, cpu };
}

/** A process's CPU time so far (user + system), from /proc; NaN where /proc is not available. */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // After the command name: utime and stime are fields 14 and 15 of the line, 12 and 13 here.
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SEC;
  } catch {
    return Number.NaN;
  }
}
