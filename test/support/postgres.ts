import { Client } from 'pg';
import { databaseUrl, startPostgres, stopPostgres, type PostgresServer } from '../../src/bench/postgres-server';
import { openPool } from '../../src/mock/store/postgres/connection';
import { migrate } from '../../src/mock/store/postgres/migrations';

// A real PostgreSQL for the tests: Debian's `postgresql` package (.ci/run installs it when missing),
// a server of its own in a temporary folder on a free loopback port, one per jest run of the store
// tests. No container, no mock of the database.

/** Where the running test server is, as the global setup hands it to the test files (environment). */
export type TestServer = PostgresServer;

/** The environment variable the global setup leaves the server in. */
export const SERVER_ENV = 'MERCHANT_KIT_TEST_POSTGRES';
/** The database every test database is a copy of: migrated once. */
export const TEMPLATE_DB = 'mk_template';

/** Starts the run's server (see src/bench/postgres-server.ts) and migrates the template database on it. */
export async function startServer(): Promise<TestServer> {
  const server = await startPostgres();
  await createTemplate(server);
  return server;
}

/** Stops the run's server and removes its folder. */
export function stopServer(server: TestServer): void {
  stopPostgres(server);
}

export { databaseUrl };

/** Creates the template database and brings it to the kit's schema, once per run. */
async function createTemplate(server: TestServer): Promise<void> {
  const admin = new Client({ connectionString: databaseUrl(server, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const pool = openPool(databaseUrl(server, TEMPLATE_DB));
  try {
    await migrate(pool);
  } finally {
    await pool.end();
  }
}

/** The server the global setup started (a test file outside the store project has none). */
export function testServer(): TestServer {
  const raw = process.env[SERVER_ENV];
  if (raw === undefined)
    throw new Error(`no test PostgreSQL: ${SERVER_ENV} is unset (run the file with jest, in test/store)`);
  return JSON.parse(raw) as TestServer;
}

let made = 0;

/**
 * A fresh database for a test, copied from the migrated template (much faster than migrating): returns
 * its URL. `migrated: false` gives an empty one instead (the migration tests start from nothing).
 */
export async function freshDatabase(migrated = true): Promise<string> {
  const server = testServer();
  made += 1;
  const name = `mk_${process.pid}_${made}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new Client({ connectionString: databaseUrl(server, 'postgres') });
  await admin.connect();
  try {
    await admin.query(migrated ? `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}` : `CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(server, name);
}
