import { spawn, type ChildProcess } from 'node:child_process';
import { PACKAGE_ROOT } from '../../src/contracts';
import { freePort } from '../support/free-port';
import { waitUntilServing } from '../support/wait-until-serving';
import { CLI, runCli } from '../support/run-cli';

// End to end, as a merchant's CI would run it: `merchant-kit serve` in one process, `merchant-kit
// verify` in another, the serve's callbacks going to verify's --callback-port.
let serve: ChildProcess;
let port: number;
let callbackPort: number;
const AUTH = 'Authorization: Bearer e2e-s3cret';

beforeAll(async () => {
  [port, callbackPort] = [await freePort(), await freePort()];
  serve = spawn(
    process.execPath,
    [
      CLI,
      'serve',
      '--port',
      String(port),
      '--auth',
      AUTH,
      '--omnichat-api',
      `http://127.0.0.1:${callbackPort}`,
      '--omnichat-token',
      'r:e2e-api-secret',
    ],
    {
      cwd: PACKAGE_ROOT,
      stdio: 'ignore',
    },
  );
  await waitUntilServing(`http://127.0.0.1:${port}/v1/products/productsearch`, 20000);
}, 30000);

afterAll(async () => {
  if (serve.exitCode === null) {
    const exited = new Promise((resolve) => serve.once('exit', resolve));
    serve.kill('SIGTERM');
    await exited;
  }
});

describe('merchant-kit verify against merchant-kit serve', () => {
  it('passes every check, the provisioning callback included, and exits 0', async () => {
    const result = await runCli([
      'verify',
      '--base-url',
      `http://127.0.0.1:${port}/v1`,
      '--header',
      AUTH,
      '--callback-port',
      String(callbackPort),
    ]);
    expect(result.stderr).toBe('');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(
      // freight-change-accepted is skipped: --base-url leaves allowFreightChange off.
      'summary: 53 passed, 0 failed, 0 warnings, 0 could not check, 1 skipped',
    );
    expect(result.stdout).not.toContain('e2e-s3cret');
    expect(result.stdout).not.toContain('e2e-api-secret');
    expect(result.code).toBe(0);
  });
});
