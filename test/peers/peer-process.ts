import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/run-cli';
import { startServe, type ServeChild } from '../support/serve-child';

/** Peer tools still running: ended by endPeers(), which afterAll calls even when a test timed out. */
const running = new Set<ChildProcess>();

/** How a peer tool run ended, with its output kept in a log file beside its reports. */
export interface PeerRun {
  code: number | null;
  /** The last lines the tool printed (stdout and stderr), to explain a failure. */
  tail: string;
}

/**
 * Runs a peer tool (Specmatic's JVM, Portman, newman) in its own process group, its output written to
 * `log` rather than held in memory (Specmatic prints megabytes). The whole group is killed after
 * `timeoutMs`, or by endPeers().
 */
export function runPeer(
  command: string,
  args: string[],
  options: { cwd: string; log: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<PeerRun> {
  const out = fs.openSync(options.log, 'w');
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', out, out],
    detached: true,
  });
  fs.closeSync(out);
  running.add(child);
  const timer = setTimeout(() => endGroup(child), options.timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearTimeout(timer);
      running.delete(child);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      running.delete(child);
      const lines = fs.readFileSync(options.log, 'utf8').split('\n');
      resolve({ code, tail: lines.slice(-40).join('\n') });
    });
  });
}

function endGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // The group is gone already.
  }
}

/** Ends every peer tool still running (its whole process group). */
export function endPeers(): void {
  for (const child of running) endGroup(child);
  running.clear();
}

/** What a peer suite works with: its temporary folder and the mock it tests. */
export interface PeerSuite {
  /** A temporary folder outside the repository, holding openapi.yaml as `merchant-kit contracts` prints it. */
  dir: string;
  /** The mock's origin, http://127.0.0.1:PORT. */
  origin: string;
}

/**
 * Before the suite: a temporary folder with the printed contract (what another tool imports) and the
 * mock (`merchant-kit serve`) on a free loopback port. After it, even after a timeout: every peer tool
 * still running is ended, the mock stopped and the folder removed.
 */
export function peerSuite(tool: string): PeerSuite {
  const suite = { dir: '', origin: '' };
  let mock: ServeChild | undefined;
  beforeAll(async () => {
    suite.dir = fs.mkdtempSync(path.join(os.tmpdir(), `mk-peer-${tool}-`));
    mock = await startServe(['--quiet']);
    suite.origin = mock.origin;
    const printed = await runCli(['contracts']);
    if (printed.code !== 0) throw new Error(`merchant-kit contracts failed: ${printed.stderr}`);
    fs.writeFileSync(path.join(suite.dir, 'openapi.yaml'), printed.stdout);
  });
  afterAll(async () => {
    endPeers();
    await mock?.stop();
    if (suite.dir) fs.rmSync(suite.dir, { recursive: true, force: true });
  });
  return suite;
}

/** Fails with the fix when Java is missing (Specmatic is a jar; .ci/run installs Debian's JRE). */
export function requireJava(): void {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0)
    throw new Error('java is not installed: apt-get install openjdk-17-jre-headless (.ci/run does it on CI)');
}
