import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { registerChild, type ChildRecord } from './children';

// Children are never given a deadline here: a test waits on what they print or on their exit, and
// jest's test timeout (which only catches hangs) ends those still running (test/support/children.ts).

/** What a finished child process printed and how it ended. */
export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns a command in its own process group (stdio piped unless given), registered at once so the test's end ends it. */
export function spawnChild(
  command: string,
  args: string[],
  options: SpawnOptions = {},
): ChildProcess & { record: ChildRecord } {
  const child = spawn(command, args, { stdio: 'pipe', ...options, detached: true });
  return Object.assign(child, { record: registerChild(child, [command, ...args].join(' ')) });
}

/** Runs a command to its end and collects both streams (stdin gets `input`, or is closed at once). */
export function runToEnd(
  command: string,
  args: string[],
  options: SpawnOptions & { input?: string } = {},
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawnChild(command, args, options);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      // Never resolve as if it had exited by itself: a caller would read files the child never wrote.
      if (child.record.endedByRegistry())
        reject(
          new Error(
            `${command} ${args.join(' ')} was still running when its test ended\nstdout: ${stdout}\nstderr: ${stderr}`,
          ),
        );
      else resolve({ code, stdout, stderr });
    });
    // A child that exits without reading its input closes the pipe first: EPIPE then is no failure.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input ?? '');
  });
}

/** A long-running child (a server) that has printed what shows it is ready. */
export interface Running {
  child: ChildProcess;
  /** The first match of the readiness pattern. */
  match: RegExpExecArray;
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** SIGTERM (unless it has ended), then the exit code. */
  stop(): Promise<number | null>;
}

/** Starts a command and resolves once its output (stdout or stderr) matches `ready`; rejects if it ends first. */
export function startUntil(
  command: string,
  args: string[],
  ready: RegExp,
  options: SpawnOptions = {},
): Promise<Running> {
  const child = spawn(command, args, { ...options, stdio: 'pipe', detached: true });
  let out = '';
  let starting = true;
  registerChild(child, [command, ...args].join(' '), { starting: () => starting, output: () => out });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const stop = (): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const match = starting ? ready.exec(out) : null;
      if (match) {
        starting = false;
        resolve({ child, match, output: () => out, exited, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('error', reject);
    void exited.then((code) => {
      if (!starting) return;
      starting = false;
      reject(new Error(`${command} ${args.join(' ')} ended (${code}) before it got ready: ${out}`));
    });
  });
}
