import { performance } from 'node:perf_hooks';
import { spawnTracked, stopChild } from './servers';

interface ChildRun {
  exitCode: number | null;
  wallMs: number;
  output: string;
  timedOut: boolean;
}

/** Runs the CLI to completion (at most timeoutMs) and returns its wall time, exit code and output. */
export function runCli(cliPath: string, args: readonly string[], timeoutMs: number): Promise<ChildRun> {
  const started = performance.now();
  const child = spawnTracked(process.execPath, [cliPath, ...args], true);
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-20000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return new Promise((resolve) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      void stopChild(child);
    }, timeoutMs);
    const finish = (exitCode: number | null): void => {
      clearTimeout(timer);
      resolve({ exitCode, wallMs: performance.now() - started, output, timedOut });
    };
    child.once('error', () => finish(null));
    child.once('close', (code: number | null) => finish(code));
  });
}
