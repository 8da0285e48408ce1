// `npm test`: the static checks (types, lint, format) from the start, the build beside them, and jest
// once the build is done (the tests run the built CLI). Jest's tests spend part of their time waiting
// on servers, children and browsers, which leaves part of two cores idle; the checks fill it instead
// of running before jest.
// Jest's output streams as it comes; each check's output is held and printed after it, failures in
// full. The last line is the totals CI reads: jest's tests plus one per static check.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// One process for the type check, ESLint and Prettier (scripts/check.mjs: one TypeScript program serves
// the type check and ESLint's typed rules).
const CHECKS = [{ name: 'static checks (types, eslint, prettier)', script: 'check' }];

/** Runs an npm script with its output held; resolves with its exit code, output and duration. */
function held(script) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => (output += `${error.message}\n`));
    child.on('close', (code, signal) => {
      children.delete(child);
      resolve({ code: code ?? 1, signal, output, seconds: (Date.now() - started) / 1000 });
    });
  });
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

// Interrupted (Ctrl-C, CI cancelling), the children go too: none is left running.
const children = new Set();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
  process.once(signal, () => {
    for (const child of children) child.kill(signal);
    process.kill(process.pid, signal);
  });

/** Prints a line per static check (its whole output when it failed); returns how many failed. */
function report(checks) {
  process.stdout.write('\n');
  CHECKS.forEach((check, i) => {
    const { code, output, seconds } = checks[i];
    if (code === 0) process.stdout.write(`${check.name}: passed (${seconds.toFixed(1)} s)\n`);
    else process.stdout.write(`${check.name}: FAILED (npm run ${check.script})\n${output}\n`);
  });
  return checks.filter((check) => check.code !== 0).length;
}

/** Writes the totals line, last (skipped tests named only when there are some, as jest's reporter does). */
function totals(passed, failed, skipped = 0) {
  process.stdout.write(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`);
}

// The static checks need no build: they start at once, beside it.
const checking = CHECKS.map((check) => held(check.script));
const build = await held('build');
if (build.code !== 0) {
  process.stdout.write(`${build.output}\nnpm test: the build failed (npm run build); no test ran.\n`);
  const checks = await Promise.all(checking);
  const failedChecks = report(checks);
  totals(checks.length - failedChecks, 1 + failedChecks);
  process.exit(1);
}
process.stdout.write(`npm test: built in ${build.seconds.toFixed(1)} s; jest runs beside the static checks\n`);

const totalsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mk-test-')), 'totals.json');
const [jestCode, ...checks] = await Promise.all([
  streamed(process.execPath, [path.join('node_modules', 'jest', 'bin', 'jest.js'), ...process.argv.slice(2)], {
    ...process.env,
    MERCHANT_KIT_TOTALS_FILE: totalsFile,
  }),
  ...checking,
]);

let jest = { passed: 0, failed: 1, skipped: 0 };
try {
  jest = JSON.parse(fs.readFileSync(totalsFile, 'utf8'));
} catch {
  process.stdout.write('npm test: jest ended without its totals (it crashed or was stopped).\n');
}
fs.rmSync(path.dirname(totalsFile), { recursive: true, force: true });

const failedChecks = report(checks);
totals(jest.passed + checks.length - failedChecks, jest.failed + failedChecks, jest.skipped);
process.exitCode = jestCode !== 0 || failedChecks > 0 ? 1 : 0;
