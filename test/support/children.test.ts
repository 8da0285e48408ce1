import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/contracts';
import { endChildren } from './children';
import { runToEnd, startUntil, type Running } from './child-process';
import { isRunning, PARENT_OF_ONE } from './process-state';
import { runCli } from './run-cli';
import { until } from './until';

// The registry behind every child a test starts (test/support/children.ts): registered when spawned,
// ended with its test (or its file), with its own children, also when the test times out.

describe('a child started in beforeAll', () => {
  let server: Running;
  let pids: number[];
  beforeAll(async () => {
    server = await startUntil(process.execPath, ['-e', PARENT_OF_ONE], /^(\[\d+,\d+\])\n/);
    pids = JSON.parse(server.match[1]) as number[];
  });

  it('runs through the first test of its file', () => {
    expect(pids.filter(isRunning)).toEqual(pids);
  });

  it('and through the next one: it ends with the file', () => {
    expect(pids.filter(isRunning)).toEqual(pids);
  });
});

describe('a child started in a test', () => {
  it('ends, with its own children, when the test ends', async () => {
    const parent = await startUntil(process.execPath, ['-e', PARENT_OF_ONE], /^(\[\d+,\d+\])\n/);
    const pids = JSON.parse(parent.match[1]) as number[];
    // What the afterEach hook of test/support/end-children.ts does once a test has ended.
    await endChildren('test');
    await until(() => pids.every((pid) => !isRunning(pid)));
    expect(await parent.exited).toBe(null);
  });

  it('is reported, never resolved as if it had exited by itself', async () => {
    // serve runs until it is stopped: a child that never ends by itself.
    const run = runCli(['serve', '--port', '0']);
    await endChildren('test');
    await expect(run).rejects.toThrow(/main\.js serve --port 0 was still running when its test ended\nstdout: /);
  });
});

describe('a test that times out', () => {
  it('has its children, and theirs, ended by the afterEach hook', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-children-'));
    const pidsFile = path.join(dir, 'pids.json');
    const jest = await runToEnd(
      process.execPath,
      [
        path.join(PACKAGE_ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
        '--roots',
        '<rootDir>/test/support/fixtures',
        '--testMatch',
        '**/times-out.fixture.ts',
        '--reporters',
        'default',
        '--ci',
        // One project: the store project (the PostgreSQL tests) shares the hook and would run it twice.
        '--selectProjects',
        'kit',
      ],
      { cwd: PACKAGE_ROOT, env: { ...process.env, PIDS_FILE: pidsFile } },
    );
    const pids = JSON.parse(fs.readFileSync(pidsFile, 'utf8')) as number[];
    fs.rmSync(dir, { recursive: true, force: true });
    expect(jest.stderr).toMatch(/Exceeded timeout of 200 ms for a test/);
    expect(jest.stderr).toMatch(/Tests: +1 failed, 1 passed, 2 total/);
    expect(jest.code).toBe(1);
    expect(pids.filter(isRunning)).toEqual([]);
  });
});

describe('runCli', () => {
  it('resolves with the exit code and both streams when the child ends by itself', async () => {
    const result = await runCli(['contracts', '--format', 'nope']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'merchant-kit: --format "nope" is not supported: use yaml or json\n',
    });
  });
});
