// `npm test`: the static checks (types, lint, format) from the start, the build beside them, and jest
// once the build is done (the tests run the built CLI). Jest's tests spend part of their time waiting
// on servers, children and browsers, which leaves part of two cores idle; the checks fill it instead
// of running before jest.
// Jest's output streams as it comes; each check's output is held and printed after it, failures in
// full. The last line is the totals CI reads: jest's tests plus the static checks, counted as one.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { heldChild } from './held-child.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// The static checks in one process: the type check, ESLint and Prettier (scripts/check.mjs: one
// TypeScript program serves the type check and ESLint's typed rules).
const CHECK = { name: 'static checks (types, eslint, prettier)', script: 'check' };

// Interrupted (Ctrl-C, CI cancelling), the children go too: none is left running.
const children = new Set();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
  process.once(signal, () => {
    for (const child of children) child.kill(signal);
    process.kill(process.pid, signal);
  });

/** Runs an npm script with its output held; resolves with its exit code, output and duration. */
function held(script) {
  const { child, finished } = heldChild(npm, ['run', '--silent', script]);
  children.add(child);
  return finished.finally(() => children.delete(child));
}

/** Runs a command with the terminal's output; resolves with its exit code. */
function streamed(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    children.add(child);
    child.on('error', () => resolve(1));
    child.on('close', (code) => {
      children.delete(child);
      resolve(code ?? 1);
    });
  });
}

/** Prints the static checks' line (what they found when they failed); returns 1 when they failed, else 0. */
function report({ code, output, seconds }) {
  if (code === 0) process.stdout.write(`\n${CHECK.name}: passed (${seconds.toFixed(1)} s)\n`);
  else process.stdout.write(`\n${CHECK.name}: FAILED (npm run ${CHECK.script})\n${output}\n`);
  return code === 0 ? 0 : 1;
}

/** Writes the totals line, last (skipped tests named only when there are some, as jest's reporter does). */
function totals(passed, failed, skipped = 0) {
  process.stdout.write(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`);
}

// The static checks need no build: they start at once, beside it.
const checking = held(CHECK.script);
const build = await held('build');
if (build.code !== 0) {
  process.stdout.write(`${build.output}\nnpm test: the build failed (npm run build); no test ran.\n`);
  const failedCheck = report(await checking);
  totals(1 - failedCheck, 1 + failedCheck);
  process.exit(1);
}
process.stdout.write(`npm test: built in ${build.seconds.toFixed(1)} s; jest runs beside the static checks\n`);

const totalsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mk-test-')), 'totals.json');
const [jestCode, check] = await Promise.all([
  streamed(process.execPath, [path.join('node_modules', 'jest', 'bin', 'jest.js'), ...process.argv.slice(2)], {
    ...process.env,
    MERCHANT_KIT_TOTALS_FILE: totalsFile,
  }),
  checking,
]);

let jest = { passed: 0, failed: 1, skipped: 0 };
try {
  jest = JSON.parse(fs.readFileSync(totalsFile, 'utf8'));
} catch {
  process.stdout.write('npm test: jest ended without its totals (it crashed or was stopped).\n');
}
fs.rmSync(path.dirname(totalsFile), { recursive: true, force: true });

const failedCheck = report(check);
totals(jest.passed + 1 - failedCheck, jest.failed + failedCheck, jest.skipped);
process.exitCode = jestCode !== 0 || failedCheck > 0 ? 1 : 0;
