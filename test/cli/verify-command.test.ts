import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { startMerchant, type RunningMerchant } from '../conformance/merchants/reference-merchant';
import { freePort } from '../support/free-port';
import { reportFiles } from '../support/report-files';
import { runCli } from '../support/run-cli';

const TOKEN = 's3cret-t0ken-value';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-verify-cli-'));

function writeConfig(name: string, baseUrl: string, extra: Record<string, unknown> = {}): string {
  const file = path.join(dir, name);
  const urls = {
    productSearch: `${baseUrl}/products/productsearch`,
    orderValidation: `${baseUrl}/orders/orderchecker`,
    orderCreation: `${baseUrl}/orders/orderprovisioning`,
    orderCancellation: `${baseUrl}/orders/ordercancel`,
    statusNotification: `${baseUrl}/orders/statuschange`,
  };
  fs.writeFileSync(
    file,
    JSON.stringify({
      displayName: 'Loja Teste',
      urls,
      headers: [{ key: 'Authorization', value: 'Bearer ${MERCHANT_TOKEN}' }],
      timeoutMs: 60_000,
      ...extra,
    }),
  );
  return file;
}

const env = { MERCHANT_TOKEN: TOKEN };
let good: RunningMerchant;
let callbackPort: number;

beforeAll(async () => {
  callbackPort = await freePort();
  good = await startMerchant({
    auth: { key: 'Authorization', value: `Bearer ${TOKEN}` },
    omnichatApi: `http://127.0.0.1:${callbackPort}`,
  });
});
afterAll(async () => {
  await good.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('merchant-kit verify', () => {
  it('exits 0 against a merchant that honours every contract, and writes the three reports', async () => {
    const config = writeConfig('good.json', good.baseUrl, { allowFreightChange: true });
    const files = reportFiles(dir, 'r');
    const result = await runCli(
      ['verify', '--config', config, '--callback-port', String(callbackPort), ...files.flags],
      { env },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('merchant-kit verify: Loja Teste');
    expect(result.stdout).toContain('\nPASS: 66 passed\n');
    expect(result.stdout).not.toContain('What to fix');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(
      'summary: 66 passed, 0 failed, 0 warnings, 0 could not check, 0 skipped',
    );
    const json = JSON.parse(fs.readFileSync(files.json, 'utf8'));
    expect(json.operations[2].checks.find((c: { id: string }) => c.id === 'callback-received')).toMatchObject({
      status: 'pass',
      message: 'statusChange received and valid',
    });
    expect(json.summary).toEqual({
      passed: 66,
      failed: 0,
      warnings: 0,
      errors: 0,
      skipped: 0,
    });
    expect(fs.readFileSync(files.junit, 'utf8')).toContain(
      '<testsuites name="merchant-kit verify" tests="66" failures="0" errors="0" skipped="0">',
    );
    expect(fs.readFileSync(files.html, 'utf8')).toContain('66 passed, 0 failed');
  });

  it('exits 1 when a check fails, naming the check', async () => {
    const broken = await startMerchant({ breaks: 'no-stock-check' });
    try {
      const result = await runCli([
        'verify',
        '--base-url',
        broken.baseUrl,
        '--only',
        'productSearch,orderValidation',
        '--timeout',
        '60000',
      ]);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(
        /^ {2}fail {2}stock-checked {16}6 units of variant CAM-AZUL-P \(stock 5\) got no ERROR entry$/m,
      );
    } finally {
      await broken.close();
    }
  });

  it('exits 1 when the merchant cannot be reached: "could not check" is not a pass', async () => {
    const port = await freePort();
    const result = await runCli(['verify', '--base-url', `http://127.0.0.1:${port}/v1`, '--only', 'productSearch']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/error answers-2xx +could not check: connection refused by 127\.0\.0\.1:\d+/);
  });

  it.each([
    [
      'an unknown config key',
      () => writeConfig('typo.json', 'http://127.0.0.1:1/v1', { timeoutMS: 100 }),
      env,
      'typo.json: unknown key "timeoutMS": did you mean "timeoutMs"?',
    ],
    [
      'a missing environment variable',
      () => writeConfig('env.json', 'http://127.0.0.1:1/v1'),
      { MERCHANT_TOKEN: '' },
      'env.json: headers[0].value uses ${MERCHANT_TOKEN}, which is not set in the environment: export MERCHANT_TOKEN or write the value',
    ],
  ])('exits 2 with one line for %s', async (_name, makeConfig, environment, message) => {
    const result = await runCli(['verify', '--config', makeConfig()], { env: environment });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`merchant-kit: ${message}\n`);
    expect(result.stdout).toBe('');
  });

  it('prints byte-identical console output for two runs with the same --run-id', async () => {
    const broken = await startMerchant({ breaks: 'no-stock-check' });
    try {
      // --no-destructive: a test order would change the merchant's stock, and so the second run's numbers.
      const args = [
        'verify',
        '--base-url',
        broken.baseUrl,
        '--run-id',
        'ci-42',
        '--timeout',
        '60000',
        '--no-destructive',
      ];
      const [first, second] = [await runCli(args), await runCli(args)];
      expect(first.code).toBe(1);
      // The test cart's body (with the run's order ids) is in the file the curl line names.
      const body = /--data-binary @(\S+)$/m.exec(first.stdout)?.[1];
      expect(fs.readFileSync(body!, 'utf8')).toContain('"objectId":"mk-test-ci-42-');
      expect(second.stdout).toBe(first.stdout);
    } finally {
      await broken.close();
    }
  });

  it('exits 2 naming --run-id when the id has characters a URL would need to escape', async () => {
    const result = await runCli(['verify', '--base-url', good.baseUrl, '--run-id', 'a b/c']);
    expect(result).toMatchObject({
      code: 2,
      stderr: 'merchant-kit: --run-id "a b/c": use 1 to 32 letters, digits or dashes\n',
    });
  });

  it('exits 2 before calling the merchant when a report cannot be written', async () => {
    const before = good.hits.length;
    // A file where the report's directory should be: the directory cannot be created.
    fs.writeFileSync(path.join(dir, 'not-a-dir'), '');
    const result = await runCli([
      'verify',
      '--base-url',
      good.baseUrl,
      '--junit',
      path.join(dir, 'not-a-dir', 'r.xml'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^merchant-kit: --junit .*r\.xml: cannot create the directory .*not-a-dir \(a file is in the way\)\n$/,
    );
    expect(good.hits.length).toBe(before);
  });

  it('exits 2 when nothing is tested (--only orderCreation with --no-destructive)', async () => {
    const result = await runCli(['verify', '--base-url', good.baseUrl, '--only', 'orderCreation', '--no-destructive']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'merchant-kit: nothing was tested: every check was skipped (see --only and --no-destructive)\n',
    );
  });

  it('never prints the auth token: not on the console, nor in the JSON, JUnit or HTML report, even when the merchant echoes it', async () => {
    // A merchant that answers every call with 500 and the request headers it got, the worst case for a leak.
    const echo = http.createServer((req, res) =>
      res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ headers: req.headers })),
    );
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', () => resolve()));
    const base = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/v1`;
    try {
      const reports = reportFiles(dir, 's');
      const result = await runCli(['verify', '--config', writeConfig('secret.json', base), ...reports.flags], { env });
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('authorization'); // the echo really is in the report...
      const everything = [result.stdout, result.stderr, ...reports.texts()];
      for (const text of everything) expect(text).not.toContain(TOKEN); // ...but never the token
      expect(result.stdout).toContain("-H 'Authorization: Bearer ***'");
    } finally {
      echo.closeAllConnections();
      await new Promise<void>((resolve) => echo.close(() => resolve()));
    }
  });
});
