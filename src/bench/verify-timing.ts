import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawnTracked, stopChild } from './servers';

interface ChildRun {
  exitCode: number | null;
  wallMs: number;
  output: string;
  timedOut: boolean;
}

/**
 * Runs the CLI to completion (at most timeoutMs) and returns its wall time, exit code and output;
 * `nodeFlags` go to node itself (a heap bound: --max-old-space-size=256).
 */
export function runCli(
  cliPath: string,
  args: readonly string[],
  timeoutMs: number,
  nodeFlags: readonly string[] = [],
): Promise<ChildRun> {
  const started = performance.now();
  const child = spawnTracked(process.execPath, [...nodeFlags, cliPath, ...args], true);
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

/** How many calls a verify run made, read from its JSON report: all of them, and the explorer's share. */
export interface VerifyCalls {
  calls: number;
  explorerCalls: number;
  budget: number;
}

/** A fresh path for a run's JSON report, in a folder of the temporary directory the bench removes at once. */
export function reportPath(name: string): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mk-bench-')), `${name}.json`);
}

/** The calls a run's JSON report states, and removes the report; undefined when the run wrote none. */
export function readCalls(file: string): VerifyCalls | undefined {
  try {
    const report = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      meta?: { calls?: number };
      exploration?: { calls?: number; budget?: number };
    };
    return {
      calls: report.meta?.calls ?? Number.NaN,
      explorerCalls: report.exploration?.calls ?? 0,
      budget: report.exploration?.budget ?? 0,
    };
  } catch {
    return undefined;
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
