import { Client } from 'pg';
import { OPERATIONS } from '../contracts';
import { compareInTurn, summarize, type Comparison } from './compare';
import type { ProbeRequest } from './http-probe';
import type { LoadOptions } from './load';
import { databaseUrl, POSTGRES_MISSING, startPostgres, stopPostgres, type PostgresServer } from './postgres-server';
import { freePort, startServer, StartError, type RunningServer } from './servers';
import { answersSearch, oursSpec } from './sides';
import type { Workload } from './workload';

const START_TIMEOUT_MS = 60_000;

/** The two stores measured side by side, or why PostgreSQL's was not. */
export interface StoresResult {
  /** a = the PostgreSQL store, b = the memory store, one per loaded operation. */
  comparisons: Comparison[];
  /** Set when the PostgreSQL store was not measured (not installed, or it could not start). */
  skipped?: string;
}

/** The loads of the stores phase: the two hot reads, and a new order each request (a write every time). */
export function storeRequests(workload: Workload): Record<string, ProbeRequest> {
  const cart = workload.requests.orderValidation;
  return {
    productSearch: workload.requests.productSearch,
    orderValidation: cart,
    'orderCreation, a new order each request': {
      method: 'POST',
      path: `/v1${OPERATIONS.orderCreation.path}`,
      body: cart.body,
      headers: cart.headers,
      newOrderEachRequest: true,
    },
  };
}

/**
 * The same serve on the PostgreSQL store next to the memory one (`memory`, the bench's own), in turn:
 * a throwaway PostgreSQL server started here as the tests start theirs, one database, one replica.
 * Skipped with the reason when Debian's postgresql package is not installed.
 */
export async function measureStores(
  memory: RunningServer,
  workload: Workload,
  rounds: number,
  options: LoadOptions,
  log: (line: string) => void,
): Promise<StoresResult> {
  let database: PostgresServer;
  try {
    database = await startPostgres();
  } catch (error) {
    const why = error instanceof Error && error.message === POSTGRES_MISSING ? POSTGRES_MISSING : String(error);
    return { comparisons: [], skipped: why };
  }
  let replica: RunningServer | undefined;
  try {
    const admin = new Client({ connectionString: databaseUrl(database, 'postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE mk_bench');
    await admin.end();
    const url = databaseUrl(database, 'mk_bench');
    log(`  PostgreSQL ${database.bin.split('/').at(-2) ?? ''} started for the bench on 127.0.0.1:${database.port}`);
    const port = await freePort();
    replica = await startServer(
      oursSpec('ours postgres', port, answersSearch(workload.requests.productSearch), START_TIMEOUT_MS, [
        '--store',
        url,
      ]),
    );
    log(`  serve --store postgres started in ${Math.round(replica.startupMs)} ms`);
    const results = await compareInTurn(
      { label: 'postgres', port: replica.port },
      { label: 'memory', port: memory.port },
      storeRequests(workload),
      rounds,
      options,
      log,
    );
    return { comparisons: summarize(results) };
  } catch (error) {
    if (!(error instanceof StartError)) throw error;
    return { comparisons: [], skipped: `serve --store postgres could not start: ${error.message}` };
  } finally {
    await replica?.stop();
    stopPostgres(database);
  }
}
