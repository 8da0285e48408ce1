import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { formatMs, type SummaryRow } from './report';
import { CLI_PATH } from './sides';
import type { Target } from './stats';
import { reportPath, runCli } from './verify-timing';

/** How many products the long answer holds. */
export const LONG_ITEMS = 1_000_000;
/** The heap verify gets for it: what docs/limits-and-security.md promises a long answer costs at most. */
const HEAP_MB = 256;
/** A long answer is judged in under 10 s (docs/limits-and-security.md). */
const LONG_ANSWER_TARGET: Target = { comparison: 'below', limit: 10000, unit: ' ms' };
const RUN_TIMEOUT_MS = 120_000;

interface LongAnswer {
  wallMs: number;
  exitCode: number | null;
  /** response-contract's message ("4000000 contract violations"), when the run wrote its report. */
  judged?: string;
  error?: string;
}

/**
 * Wall time of `verify --only productSearch` (process start included, heap bound to 256 MB) against a
 * server on 127.0.0.1 whose every search answers LONG_ITEMS empty objects (3 MB, each missing the four
 * required fields): every violation is counted, the first ones kept, in time linear in the list.
 */
export async function timeLongAnswer(log: (line: string) => void): Promise<LongAnswer> {
  const body = Buffer.from(`[${new Array(LONG_ITEMS).fill('{}').join(',')}]`);
  const server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  const json = reportPath('long-answer');
  try {
    const args = ['verify', '--base-url', base, '--only', 'productSearch', '--json', json, '--timeout', '60000'];
    const run = await runCli(CLI_PATH, args, RUN_TIMEOUT_MS, [`--max-old-space-size=${HEAP_MB}`]);
    const judged = readContractMessage(json);
    const result = { wallMs: run.timedOut ? Number.NaN : run.wallMs, exitCode: run.exitCode, judged };
    log(`  ${formatMs(result.wallMs)}, exit code ${run.exitCode}, response-contract: ${judged ?? 'no report'}`);
    return result;
  } catch (error) {
    return { wallMs: Number.NaN, exitCode: null, error: error instanceof Error ? error.message : String(error) };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** response-contract's message in a run's JSON report; the report's folder is removed. */
function readContractMessage(file: string): string | undefined {
  try {
    const report = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      operations: { checks: { id: string; message: string }[] }[];
    };
    return report.operations[0]?.checks.find((c) => c.id === 'response-contract')?.message;
  } catch {
    return undefined;
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

/** The table row: held to 10 s, and only when the answer was judged in full (a crash or a cut list is no speed). */
export function longAnswerRow(result: LongAnswer): SummaryRow {
  const full = result.judged === `${LONG_ITEMS * 4} contract violations`;
  return {
    measure: `verify, a ${LONG_ITEMS.toLocaleString('en-US')}-item productSearch answer (heap ${HEAP_MB} MB)`,
    ours: formatMs(result.wallMs),
    reference: '',
    ratio: '',
    target: LONG_ANSWER_TARGET,
    checked: full && result.exitCode === 1 ? result.wallMs : Number.NaN,
    note: result.error ?? `exit code ${result.exitCode}; ${result.judged ?? 'no report'}`,
  };
}
