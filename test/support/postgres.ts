import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { openPool } from '../../src/mock/store/postgres/connection';
import { migrate } from '../../src/mock/store/postgres/migrations';

// A real PostgreSQL for the tests: Debian's `postgresql` package (.ci/run installs it when missing),
// a server of its own in a temporary folder on a free loopback port, one per jest run of the store
// tests. No container, no mock of the database.

/** Where the running test server is, as the global setup hands it to the test files (environment). */
export interface TestServer {
  port: number;
  /** The temporary folder: data directory, socket, log. */
  dir: string;
  /** The folder of initdb and pg_ctl. */
  bin: string;
  /** The watchdog that stops the server if the jest process dies without its teardown. */
  watchdog: number;
}

/** The environment variable the global setup leaves the server in. */
export const SERVER_ENV = 'MERCHANT_KIT_TEST_POSTGRES';
/** The database every test database is a copy of: migrated once. */
export const TEMPLATE_DB = 'mk_template';
const ADMIN_USER = 'postgres';

/** The newest installed PostgreSQL's bin folder, or undefined when the package is not installed. */
export function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length === 0 ? undefined : path.join(root, versions[0], 'bin');
}

/** initdb and pg_ctl refuse to run as root: as root they run as the `postgres` user. */
function run(bin: string, command: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const file = asRoot ? 'runuser' : path.join(bin, command);
  const argv = asRoot ? ['-u', 'postgres', '--', path.join(bin, command), ...args] : args;
  const done = spawnSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (done.status !== 0)
    throw new Error(`${command} failed (${done.status ?? done.signal}): ${(done.stderr || done.stdout).slice(-2000)}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a PostgreSQL server for this jest run: initdb in a temporary folder (owned by `postgres` when
 * running as root), on a free port of 127.0.0.1 with its socket in that folder, trust authentication for
 * the `postgres` user, durability off (the tests kill replicas, never the database). A watchdog
 * process stops it and removes the folder if this process dies without calling stopServer.
 */
export async function startServer(): Promise<TestServer> {
  const bin = postgresBin();
  if (bin === undefined)
    throw new Error(
      "PostgreSQL is not installed: the store tests need Debian's postgresql package (apt-get install postgresql; .ci/run installs it)",
    );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-postgres-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    fs.chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  run(bin, 'initdb', [
    '-D',
    data,
    '-U',
    ADMIN_USER,
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
    '--no-instructions',
  ]);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=300',
  ].join(' ');
  run(bin, 'pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', settings, '-w', '-t', '120', 'start']);
  const watchdog = startWatchdog(bin, dir);
  const server: TestServer = { port, dir, bin, watchdog };
  await createTemplate(server);
  return server;
}

/** Stops the server at once and removes its folder (the data is throwaway). */
export function stopServer(server: TestServer): void {
  try {
    process.kill(server.watchdog, 'SIGKILL');
  } catch {
    // Already gone.
  }
  try {
    run(server.bin, 'pg_ctl', ['-D', path.join(server.dir, 'data'), '-m', 'immediate', '-w', 'stop']);
  } finally {
    fs.rmSync(server.dir, { recursive: true, force: true });
  }
}

/**
 * A detached shell that waits for this process to end, then stops the server: when jest is killed
 * (a timeout in CI, Ctrl-C twice) its teardown never runs, and the server must not outlive it.
 */
function startWatchdog(bin: string, dir: string): number {
  const stop = `${path.join(bin, 'pg_ctl')} -D ${path.join(dir, 'data')} -m immediate stop`;
  const asUser = process.getuid?.() === 0 ? `runuser -u postgres -- ${stop}` : stop;
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${asUser} >/dev/null 2>&1; rm -rf ${dir}`;
  const child = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  child.unref();
  return child.pid as number;
}

/** A URL of the test server for this database, as `--store` takes it. */
export function databaseUrl(server: Pick<TestServer, 'port'>, database: string): string {
  return `postgres://${ADMIN_USER}@127.0.0.1:${server.port}/${database}`;
}

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
