import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './servers';

// A throwaway PostgreSQL server from Debian's `postgresql` package, for the bench and the store tests:
// its own data directory in a temporary folder, on a free loopback port, trust authentication for the
// `postgres` user, durability off (nothing here must survive the machine).

/** A running throwaway server. */
export interface PostgresServer {
  port: number;
  /** The temporary folder: data directory, socket, log. */
  dir: string;
  /** The folder of initdb and pg_ctl. */
  bin: string;
  /** The watchdog that stops the server if the process that started it dies first. */
  watchdog: number;
}

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

/** What to say when the package is missing. */
export const POSTGRES_MISSING =
  "PostgreSQL is not installed: Debian's postgresql package is needed (apt-get install postgresql; .ci/run installs it)";

/** initdb and pg_ctl refuse to run as root: as root they run as the `postgres` user. */
function run(bin: string, command: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const file = asRoot ? 'runuser' : path.join(bin, command);
  const argv = asRoot ? ['-u', 'postgres', '--', path.join(bin, command), ...args] : args;
  const done = spawnSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (done.status !== 0)
    throw new Error(`${command} failed (${done.status ?? done.signal}): ${(done.stderr || done.stdout).slice(-2000)}`);
}

/**
 * Starts a server: initdb in a temporary folder (owned by `postgres` when running as root), on a free port
 * of 127.0.0.1 with its socket in that folder. A watchdog process stops it and removes the folder if this
 * process dies without calling stopPostgres. Throws POSTGRES_MISSING when the package is not installed.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBin();
  if (bin === undefined) throw new Error(POSTGRES_MISSING);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-postgres-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    fs.chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  const init = [
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
  ];
  run(bin, 'initdb', init);
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
  return { port, dir, bin, watchdog: startWatchdog(bin, dir) };
}

/** Stops the server at once and removes its folder (the data is throwaway). */
export function stopPostgres(server: PostgresServer): void {
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
 * A detached shell that waits for this process to end, then stops the server: a process killed without
 * its cleanup (a CI timeout, Ctrl-C twice) must not leave a database server behind.
 */
function startWatchdog(bin: string, dir: string): number {
  const stop = `${path.join(bin, 'pg_ctl')} -D ${path.join(dir, 'data')} -m immediate stop`;
  const asUser = process.getuid?.() === 0 ? `runuser -u postgres -- ${stop}` : stop;
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${asUser} >/dev/null 2>&1; rm -rf ${dir}`;
  const child = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  child.unref();
  return child.pid as number;
}

/** A URL of the server for this database, as `--store` takes it. */
export function databaseUrl(server: Pick<PostgresServer, 'port'>, database: string): string {
  return `postgres://${ADMIN_USER}@127.0.0.1:${server.port}/${database}`;
}
