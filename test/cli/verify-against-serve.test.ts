import { freePort } from '../support/free-port';
import { runCli } from '../support/run-cli';
import { startServe, type ServeChild } from '../support/serve-child';

// End to end, as a merchant's CI would run it: `merchant-kit serve` in one process, `merchant-kit
// verify` in another, the serve's callbacks going to verify's --callback-port.
let serve: ServeChild;
let callbackPort: number;
const AUTH = 'Authorization: Bearer e2e-s3cret';

beforeAll(async () => {
  callbackPort = await freePort();
  serve = await startServe([
    '--auth',
    AUTH,
    '--omnichat-api',
    `http://127.0.0.1:${callbackPort}`,
    '--omnichat-token',
    'r:e2e-api-secret',
    '--quiet',
  ]);
});

afterAll(() => serve?.stop());

describe('merchant-kit verify against merchant-kit serve', () => {
  it('passes every check, the provisioning callback included, and exits 0', async () => {
    const result = await runCli([
      'verify',
      '--base-url',
      serve.url,
      '--header',
      AUTH,
      '--callback-port',
      String(callbackPort),
    ]);
    expect(result.stderr).toBe('');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(
      // freight-change-accepted is skipped: --base-url leaves allowFreightChange off.
      'summary: 65 passed, 0 failed, 0 warnings, 0 could not check, 1 skipped',
    );
    expect(result.stdout).not.toContain('e2e-s3cret');
    expect(result.stdout).not.toContain('e2e-api-secret');
    expect(result.code).toBe(0);
  });
});
