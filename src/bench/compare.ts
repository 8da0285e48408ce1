import type { ProbeRequest } from './http-probe';
import { runLoad, type LoadOptions, type LoadStats } from './load';
import { median, ratio } from './stats';

/** A server under load: what to call it in the output and where it listens. */
export interface Side {
  label: string;
  port: number;
}

export interface RoundResult {
  round: number;
  operation: string;
  a: LoadStats;
  b: LoadStats;
}

/** Medians over the rounds of one operation, and the median of the per-round ratios a/b. */
export interface Comparison {
  operation: string;
  a: LoadStats;
  b: LoadStats;
  medianRatio: number;
}

const WARMUP_SEC = 1;

/** Short unrecorded runs of every request, a then b, so neither side is measured while its JIT is still cold. */
export async function warmUp(
  a: Pick<Side, 'port'>,
  b: Pick<Side, 'port'>,
  requests: Record<string, ProbeRequest>,
  options: LoadOptions,
): Promise<void> {
  const warmup = { ...options, durationSec: WARMUP_SEC };
  for (const request of Object.values(requests)) {
    await runLoad(a.port, request, warmup);
    await runLoad(b.port, request, warmup);
  }
}

/**
 * Loads a and b in turn (A B, A B, ...) for each operation and round, so that drift in the
 * machine's load (other engineers' tests share these cores) hits both sides alike.
 */
export async function compareInTurn(
  a: Side,
  b: Side,
  requests: Record<string, ProbeRequest>,
  rounds: number,
  options: LoadOptions,
  log: (line: string) => void,
): Promise<RoundResult[]> {
  await warmUp(a, b, requests, options);
  const results: RoundResult[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    for (const [operation, request] of Object.entries(requests)) {
      const statsA = await runLoad(a.port, request, options);
      log(describeRun(round, operation, a.label, statsA));
      const statsB = await runLoad(b.port, request, options);
      log(describeRun(round, operation, b.label, statsB));
      results.push({ round, operation, a: statsA, b: statsB });
    }
  }
  return results;
}

/** Reduces the rounds of each operation to medians (per field) and the median per-round throughput ratio. */
export function summarize(results: readonly RoundResult[]): Comparison[] {
  const operations = [...new Set(results.map((r) => r.operation))];
  return operations.map((operation) => {
    const rows = results.filter((r) => r.operation === operation);
    return {
      operation,
      a: medianStats(rows.map((r) => r.a)),
      b: medianStats(rows.map((r) => r.b)),
      medianRatio: median(rows.map((r) => ratio(r.a.reqPerSec, r.b.reqPerSec))),
    };
  });
}

function medianStats(stats: readonly LoadStats[]): LoadStats {
  return {
    reqPerSec: median(stats.map((s) => s.reqPerSec)),
    p50Ms: median(stats.map((s) => s.p50Ms)),
    p99Ms: median(stats.map((s) => s.p99Ms)),
    // Counts are summed, not averaged: one bad answer in any round is worth reporting.
    non2xx: stats.reduce((sum, s) => sum + s.non2xx, 0),
    errors: stats.reduce((sum, s) => sum + s.errors, 0),
  };
}

function describeRun(round: number, operation: string, label: string, s: LoadStats): string {
  const flags = s.non2xx > 0 || s.errors > 0 ? `  FLAG non-2xx ${s.non2xx}, errors ${s.errors}` : '';
  return `  round ${round} ${operation.padEnd(15)} ${label.padEnd(12)} ${Math.round(s.reqPerSec).toString().padStart(6)} req/s  p50 ${s.p50Ms} ms  p99 ${s.p99Ms} ms${flags}`;
}
