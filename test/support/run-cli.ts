import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/contracts';

export const CLI = path.join(PACKAGE_ROOT, 'dist', 'cli', 'main.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The children's temporary directory: verify writes long request bodies to $TMPDIR/merchant-kit-RUN
 * when no report file is asked for. One folder per test file (jest loads this module once per file),
 * removed after that file's tests, so the suite leaves nothing in the machine's /tmp.
 */
export const CHILD_TMPDIR = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-cli-tmp-'));
afterAll(() => fs.rmSync(CHILD_TMPDIR, { recursive: true, force: true }));

/** Below jest's 30 s testTimeout, so a slow child fails with this helper's message rather than jest's. */
const DEFAULT_TIMEOUT_MS = 25_000;

// The proxy variables of the machine running the tests would send the CLI's requests to 127.0.0.1
// through someone's proxy; a test that wants a proxy passes it in options.env.
const PROXY_VARIABLES = /^(https?|all|no)_proxy$/i;
// The machine's locale would choose verify's language (a pt_BR machine writes Portuguese): tests get
// English unless they pass a locale or --lang.
const LOCALE_VARIABLES = /^(LC_ALL|LC_MESSAGES|LANG)$/;

/** The tail of a stream for an error message: enough to see where the child was. */
const tail = (text: string): string => (text.length > 2000 ? `...${text.slice(-2000)}` : text);

/**
 * Runs the built CLI as a child process (npm test builds it first) and collects its output. A child
 * still running after timeoutMs is killed and the promise rejects saying so, with what it printed.
 */
export function runCli(
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<CliResult> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !PROXY_VARIABLES.test(name) && !LOCALE_VARIABLES.test(name)),
  );
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: PACKAGE_ROOT,
      env: { ...inherited, TMPDIR: CHILD_TMPDIR, ...options.env },
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (!killed) {
        resolve({ code, stdout, stderr });
        return;
      }
      reject(
        new Error(
          `merchant-kit ${args.join(' ')} did not finish within ${timeoutMs / 1000} s and was killed (pass a larger timeoutMs if the machine is slow)\nstdout: ${tail(stdout)}\nstderr: ${tail(stderr)}`,
        ),
      );
    });
    // A command that exits without reading its input (a usage error) closes the pipe first: EPIPE is no failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}
