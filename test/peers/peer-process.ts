import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/run-cli';

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

/** A temporary folder for a peer tool's files and reports, outside the repository. */
export function peerDir(tool: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `mk-peer-${tool}-`));
}

/** Writes the contract as `merchant-kit contracts` prints it (what another tool imports) into dir. */
export async function writePrintedContract(dir: string): Promise<string> {
  const printed = await runCli(['contracts']);
  if (printed.code !== 0) throw new Error(`merchant-kit contracts failed: ${printed.stderr}`);
  const file = path.join(dir, 'openapi.yaml');
  fs.writeFileSync(file, printed.stdout);
  return file;
}

/** Fails with the fix when Java is missing (Specmatic is a jar; .ci/run installs Debian's JRE). */
export function requireJava(): void {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0)
    throw new Error('java is not installed: apt-get install openjdk-17-jre-headless (.ci/run does it on CI)');
}
