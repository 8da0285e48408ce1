import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES_DIR, OPERATIONS, PACKAGE_ROOT } from '../contracts';
import type { CannedAnswer } from './bare-server';
import { compareInTurn, summarize, type Comparison } from './compare';
import type { ProbeRequest } from './http-probe';
import type { LoadOptions } from './load';
import { freePort, startServer, type RunningServer } from './servers';

/** The built bare server (`npm run bench` builds first). */
const BARE_SERVER_PATH = path.join(PACKAGE_ROOT, 'dist', 'bench', 'bare-server.js');
const START_TIMEOUT_MS = 30000;

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

/** What the comparison with the bare server gave: one comparison per request, or why there is none. */
export interface BareResult {
  /** a = ours, b = the bare server answering ours' bytes. */
  comparisons: Comparison[];
  error?: string;
}

/** Asks the mock once per request and keeps each answer's status, content type and exact bytes. */
export async function captureAnswers(port: number, requests: Record<string, ProbeRequest>): Promise<CannedAnswer[]> {
  const answers: CannedAnswer[] = [];
  for (const request of Object.values(requests)) {
    const answer = await new Promise<{ status: number; type: string; body: Buffer }>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, method: request.method, path: request.path, headers: request.headers, agent: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              type: String(res.headers['content-type'] ?? ''),
              body: Buffer.concat(chunks),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(request.body);
    });
    answers.push({
      method: request.method,
      path: request.path,
      status: answer.status,
      contentType: answer.type,
      bodyBase64: answer.body.toString('base64'),
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
  try {
    const answers = await captureAnswers(ours.port, requests);
    const wrong = answers.find((a) => a.status < 200 || a.status > 299);
    if (wrong) return { comparisons: [], error: `ours answered ${wrong.method} ${wrong.path} with ${wrong.status}` };
    fs.writeFileSync(file, JSON.stringify(answers));
    const first = Object.values(requests)[0];
    const port = await freePort();
    bare = await startServer({
      name: 'bare node:http',
      command: process.execPath,
      args: [BARE_SERVER_PATH, String(port), file],
      port,
      isReady: async (p) => (await probeStatus(p, first)) === 200,
      timeoutMs: START_TIMEOUT_MS,
    });
    const rows = await compareInTurn(
      { label: 'ours', port: ours.port },
      { label: 'bare', port: bare.port },
      requests,
      rounds,
      load,
      log,
    );
    return { comparisons: summarize(rows) };
  } catch (error) {
    return { comparisons: [], error: error instanceof Error ? error.message : String(error) };
  } finally {
    await bare?.stop();
    fs.rmSync(file, { force: true });
  }
}

function probeStatus(port: number, request: ProbeRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: request.method, path: request.path, headers: request.headers, agent: false },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}
