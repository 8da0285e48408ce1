import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/contracts';
import { spawnChild } from '../support/child-process';
import { CLI } from '../support/run-cli';

// A reader that stops early (`merchant-kit ... | head -1`) closes the pipe under the CLI: the rest
// of the output is dropped with one line on stderr, never an EPIPE stack trace, and the command ends
// with its own exit code. Each test closes the pipe at a moment it controls (before the output it
// gates), so the write that fails is never a matter of timing.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-closed-output-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Piped {
  child: ChildProcess;
  /** Closes our end of the child's stdout, as `head` does when it has read enough. */
  closeStdout(): Promise<void>;
  /** The first chunk the child wrote to stdout. */
  firstOutput: Promise<string>;
  ended: Promise<{ code: number | null; stderr: string }>;
}

function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): Piped {
  // Registered when spawned, and ended with its test (test/support/children.ts).
  const child = spawnChild(process.execPath, [CLI, ...args], {
    cwd: PACKAGE_ROOT,
    env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...env },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  child.stdin?.on('error', () => undefined);
  const firstOutput = new Promise<string>((resolve) => child.stdout?.once('data', (chunk) => resolve(String(chunk))));
  const ended = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stderr })),
  );
  const closeStdout = (): Promise<void> =>
    new Promise((resolve) => {
      child.stdout?.once('close', () => resolve());
      child.stdout?.destroy();
    });
  return { child, closeStdout, firstOutput, ended };
}

const ONE_LINE = 'merchant-kit: the standard output was closed early (EPIPE): the rest of the output was dropped\n';

describe('stdout closed early', () => {
  it('validate: the violations dropped, one line on stderr, exit 1 (the payload breaks its contract)', async () => {
    // validate reads its payload from stdin first: the pipe is closed before it has anything to write.
    const run = spawnCli(['validate', 'orderValidation', 'request', '-']);
    await run.closeStdout();
    run.child.stdin!.end('{}');
    expect(await run.ended).toEqual({ code: 1, stderr: ONE_LINE });
  });

  it('validate: a valid payload still exits 0', async () => {
    const run = spawnCli(['validate', 'orderValidation', 'request', '-']);
    await run.closeStdout();
    run.child.stdin!.end(
      fs.readFileSync(path.join(PACKAGE_ROOT, 'fixtures/examples/orderValidation/request.realistic-cart.json')),
    );
    expect(await run.ended).toEqual({ code: 0, stderr: ONE_LINE });
  });

  it('contracts --format json: the document cut off, one line, exit 0', async () => {
    const run = spawnCli(['contracts', '--format', 'json']);
    // The document (about 75 KB) is larger than a pipe holds: whatever was written before the close,
    // the rest fails.
    await run.closeStdout();
    expect(await run.ended).toEqual({ code: 0, stderr: ONE_LINE });
  });

  it('verify: the run goes on after its first line was read, writes its reports and keeps its verdict', async () => {
    // A merchant that holds the first request until the reader has gone away.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const server = http.createServer((_req, res) => {
      void held.then(() => res.writeHead(500, { 'content-type': 'text/plain' }).end('down'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
      const json = path.join(dir, 'verify.json');
      const run = spawnCli(['verify', '--base-url', base, '--only', 'productSearch', '--json', json]);
      expect(await run.firstOutput).toMatch(/^merchant-kit verify: /);
      await run.closeStdout();
      release();
      expect(await run.ended).toEqual({ code: 1, stderr: ONE_LINE });
      expect(JSON.parse(fs.readFileSync(json, 'utf8')).verdict).toBe('fail');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('stdout that cannot be written (a full disk: > /dev/full)', () => {
  it('contracts: one line naming the error, exit 1 (the output nobody chose to drop is lost)', async () => {
    const full = fs.openSync('/dev/full', 'w');
    try {
      const child = spawnChild(process.execPath, [CLI, 'contracts'], {
        cwd: PACKAGE_ROOT,
        stdio: ['ignore', full, 'pipe'],
      });
      let stderr = '';
      child.stderr!.on('data', (chunk) => (stderr += chunk));
      const code = await new Promise((resolve) => child.on('close', resolve));
      expect({ code, stderr }).toEqual({
        code: 1,
        stderr: 'merchant-kit: cannot write to the standard output (ENOSPC): the rest of the output was dropped\n',
      });
    } finally {
      fs.closeSync(full);
    }
  });
});
