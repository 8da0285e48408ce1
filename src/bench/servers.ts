import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/** How often startup polls: short, so it adds little to the measured time, long enough not to steal a core. */
const POLL_MS = 10;
const STOP_GRACE_MS = 3000;

export interface ServerSpec {
  name: string;
  command: string;
  args: string[];
  port: number;
  /** Resolves true once the server gives the correct answer (polled from spawn on). */
  isReady: (port: number, timeoutMs: number) => Promise<boolean>;
  /** Give up (and report that the server could not start) after this long. */
  timeoutMs: number;
}

export interface RunningServer {
  name: string;
  pid: number;
  port: number;
  /** Spawn to first correct answer. */
  startupMs: number;
  stop(): Promise<void>;
}

/** The one failure that makes the bench exit 1: a server that never answered correctly. */
export class StartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartError';
  }
}

// Every child the bench spawned, so that exit, errors and Ctrl-C can kill exactly these and no other process.
const children = new Set<ChildProcess>();

/** Spawns a server and polls it until its first correct answer; the elapsed time is its startup time. */
export async function startServer(spec: ServerSpec): Promise<RunningServer> {
  const started = performance.now();
  const child = spawnTracked(spec.command, spec.args);
  let stderrTail = '';
  let exited: string | undefined;
  // Drained continuously: a full pipe would block the server mid-benchmark.
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString('utf8')).slice(-2000);
  });
  child.on('exit', (code, signal) => {
    exited = signal ? `signal ${signal}` : `exit code ${code}`;
  });
  child.on('error', (error) => {
    exited = error.message;
  });

  const deadline = started + spec.timeoutMs;
  while (performance.now() < deadline) {
    if (exited !== undefined) {
      throw new StartError(`${spec.name} exited before answering (${exited})${lastLines(stderrTail)}`);
    }
    const remaining = Math.max(1, deadline - performance.now());
    if (await spec.isReady(spec.port, Math.min(1000, remaining)).catch(() => false)) {
      const startupMs = performance.now() - started;
      return { name: spec.name, pid: child.pid ?? -1, port: spec.port, startupMs, stop: () => stopChild(child) };
    }
    await sleep(POLL_MS);
  }
  await stopChild(child);
  throw new StartError(`${spec.name} gave no correct answer within ${spec.timeoutMs} ms${lastLines(stderrTail)}`);
}

/** Spawns a child (stdout ignored, stderr piped) that stopAll and killAllNow will not forget. */
export function spawnTracked(command: string, args: readonly string[], captureStdout = false): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', captureStdout ? 'pipe' : 'ignore', 'pipe'] });
  children.add(child);
  const forget = (): void => {
    children.delete(child);
  };
  child.on('exit', forget);
  child.on('error', forget);
  return child;
}

/** SIGTERM, then SIGKILL if the child is still there after a grace period. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Stops every server still running (normal end, or an error). */
export async function stopAll(): Promise<void> {
  await Promise.all([...children].map(stopChild));
}

/** Last resort from a process 'exit' handler, where nothing asynchronous runs any more. */
export function killAllNow(): void {
  for (const child of children) child.kill('SIGKILL');
}

/** A port that was free a moment ago on loopback (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Memory {
  /** Resident set now (VmRSS). */
  rssMb: number;
  /** Peak resident set since start (VmHWM). */
  peakMb: number;
}

/** Reads a process's resident memory from /proc (Linux); NaN where /proc is not available. */
export function readMemory(pid: number): Memory {
  let status = '';
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return { rssMb: Number.NaN, peakMb: Number.NaN };
  }
  return { rssMb: kbField(status, 'VmRSS') / 1024, peakMb: kbField(status, 'VmHWM') / 1024 };
}

function kbField(status: string, name: string): number {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) : Number.NaN;
}

function lastLines(text: string): string {
  const lines = text.trim().split('\n').slice(-3).join(' / ');
  return lines ? `: ${lines}` : '';
}
