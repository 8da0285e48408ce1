import { compareInTurn, summarize, type Comparison, type RoundResult } from './compare';
import type { LoadOptions } from './load';
import { preflight } from './phases';
import { freePort, readMemory, startServer, StartError, type Memory, type RunningServer } from './servers';
import { answersSearch, oursSpec } from './sides';
import type { Workload } from './workload';

const SCALE_PRODUCTS = 100000;
// Generous on purpose: the target is 10 s, and a slower start is a MISSED row, not a start failure.
const SCALE_START_TIMEOUT_MS = 60000;

export interface ScaleResult {
  /** Set when the 100k server could not start; the other fields are then empty. */
  error?: string;
  startupMs: number;
  searchHits: number;
  afterStart: Memory;
  afterLoad: Memory;
  defaultAfterLoad: Memory;
  rounds: RoundResult[];
  /** a = 100k catalog, b = default catalog. */
  search?: Comparison;
}

/** Same productSearch load on a generated 100k-product catalog and on the default one, in turn. */
export async function measureScale(
  defaultServer: RunningServer,
  workload: Workload,
  rounds: number,
  options: LoadOptions,
  log: (line: string) => void,
): Promise<ScaleResult> {
  const empty: Memory = { rssMb: Number.NaN, peakMb: Number.NaN };
  let big: RunningServer;
  try {
    const port = await freePort();
    const spec = oursSpec(
      `ours ${SCALE_PRODUCTS / 1000}k`,
      port,
      answersSearch(workload.requests.productSearch),
      SCALE_START_TIMEOUT_MS,
      ['--generate', String(SCALE_PRODUCTS), '--seed', '1'],
    );
    big = await startServer(spec);
  } catch (error) {
    if (!(error instanceof StartError)) throw error;
    return {
      error: error.message,
      startupMs: Number.NaN,
      searchHits: 0,
      afterStart: empty,
      afterLoad: empty,
      defaultAfterLoad: empty,
      rounds: [],
    };
  }
  try {
    const afterStart = readMemory(big.pid);
    log(`  ${big.name} started in ${Math.round(big.startupMs)} ms, RSS ${afterStart.rssMb.toFixed(1)} MB`);
    const check = await preflight(big.port, workload);
    log(
      `  ${big.name}: the search returns ${check.searchHits} product(s)${check.problems.map((p) => `\n  FLAG ${p}`).join('')}`,
    );
    const results = await compareInTurn(
      { label: big.name, port: big.port },
      { label: 'ours default', port: defaultServer.port },
      { productSearch: workload.requests.productSearch },
      rounds,
      options,
      log,
    );
    return {
      startupMs: big.startupMs,
      searchHits: check.searchHits,
      afterStart,
      afterLoad: readMemory(big.pid),
      defaultAfterLoad: readMemory(defaultServer.pid),
      rounds: results,
      search: summarize(results)[0],
    };
  } finally {
    await big.stop();
  }
}
