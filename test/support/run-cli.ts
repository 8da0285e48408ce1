import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/contracts';
import { runToEnd } from './child-process';

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

// The proxy variables of the machine running the tests would send the CLI's requests to 127.0.0.1
// through someone's proxy; a test that wants a proxy passes it in options.env.
const PROXY_VARIABLES = /^(https?|all|no)_proxy$/i;
// The machine's locale would choose verify's language (a pt_BR machine writes Portuguese): tests get
// English unless they pass a locale or --lang.
const LOCALE_VARIABLES = /^(LC_ALL|LC_MESSAGES|LANG)$/;
// Run inside GitHub Actions, the suite must not make every child print annotations and summaries.
const ACTIONS_VARIABLES = /^(GITHUB_ACTIONS|GITHUB_STEP_SUMMARY|GITHUB_OUTPUT)$/;
// A store named in the shell running the tests would put every serve in it: tests get memory unless they pass one.
const STORE_VARIABLE = 'MERCHANT_KIT_STORE';

/** The test process's environment without what would change the CLI's behaviour behind a test's back. */
export function cliEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(
    ([name]) =>
      !PROXY_VARIABLES.test(name) &&
      !LOCALE_VARIABLES.test(name) &&
      !ACTIONS_VARIABLES.test(name) &&
      name !== STORE_VARIABLE,
  );
  return { ...Object.fromEntries(inherited), ...extra };
}

/**
 * Runs the built CLI as a child process (npm test builds it first) and collects its output. No
 * deadline: the child is registered, and ends with the test if the test ends first.
 */
export function runCli(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return runToEnd(process.execPath, [CLI, ...args], {
    cwd: PACKAGE_ROOT,
    env: cliEnvironment({ TMPDIR: CHILD_TMPDIR, ...options.env }),
    input: options.input,
  });
}
