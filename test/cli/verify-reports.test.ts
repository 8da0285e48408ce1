import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { urlsUnder } from '../../src/conformance/config/load-config';
import { PACKAGE_ROOT } from '../../src/contracts';
import { startFaultyMerchant, type FaultyMerchant } from '../conformance/merchants/faulty-merchant';
import { startMerchant, type RunningMerchant } from '../conformance/merchants/reference-merchant';
import { freePort } from '../support/free-port';
import { reportFiles } from '../support/report-files';
import { runToEnd, spawnChild } from '../support/child-process';
import { CLI, cliEnvironment, runCli } from '../support/run-cli';

// verify's console output and reports for realistic failing merchants, through the CLI.
const TOKEN = 'Bearer s3cret-t0ken-value';
const AUTH = { key: 'Authorization', value: TOKEN };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-verify-reports-'));
// Outside GitHub Actions whatever the machine running the tests says.
const plainEnv = { GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '' };

let guarded: RunningMerchant;
let faulty: FaultyMerchant;
let warned: FaultyMerchant;
beforeAll(async () => {
  guarded = await startMerchant({ auth: AUTH });
  faulty = await startFaultyMerchant({ auth: AUTH });
  warned = await startFaultyMerchant({ auth: AUTH, search: 'misspelt-property' });
});
afterAll(async () => {
  await Promise.all([guarded.close(), faulty.close(), warned.close()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A config naming a faulty merchant's five URLs and the right token. */
function configOf(merchant: FaultyMerchant, name: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify({ displayName: 'Loja Cinco', urls: merchant.urls, headers: [AUTH] }));
  return file;
}

const wrongToken = (extra: string[] = []): string[] => [
  'verify',
  '--base-url',
  guarded.baseUrl,
  '--header',
  'Authorization: Bearer not-the-token',
  '--run-id',
  'wrong-token',
  ...extra,
];
const lines = (text: string): string[] => text.trimEnd().split('\n');
// eslint-disable-next-line no-control-regex -- a plain log has no carriage return nor escape sequence
const TERMINAL_CONTROL = /[\r\u001b]/;

describe('merchant-kit verify: the failing run leads with its cause', () => {
  it('fits a wrong token on every call in 20 lines, with the refused request once', async () => {
    const result = await runCli(wrongToken(), { env: plainEnv });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(lines(result.stdout).length).toBeLessThanOrEqual(20);
    expect(result.stdout.match(/curl -sS/g)).toHaveLength(1);
    expect(result.stdout).toMatch(/^FAIL: 1 cause to fix \(3 passed, 2 failed, 61 could not check\)$/m);
    expect(result.stdout).toMatch(
      /^1\. productSearch answers-2xx: check the header values given with --header or in the config's headers/m,
    );
    expect(result.stdout).not.toContain('check the headers in your config');
  });

  it('sums up a base URL that is down in one line', async () => {
    const port = await freePort();
    const result = await runCli(['verify', '--base-url', `http://127.0.0.1:${port}/v1`], { env: plainEnv });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^FAIL: nothing could be checked: productSearch answers-2xx: connection refused by 127\.0\.0\.1:\d+: is the server running and the port right\?$/m,
    );
    expect(lines(result.stdout).length).toBeLessThanOrEqual(20);
  });

  it('lists five faults as five numbered fixes in OmniChat call order, each request once', async () => {
    // The explorer off: these counts are the checks' own (its findings depend on its seed; explorer.test.ts).
    const result = await runCli(['verify', '--config', configOf(faulty, 'five.json'), '--explore-calls', '0'], {
      env: plainEnv,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('\nFAIL: 5 causes to fix (39 passed, 5 failed, 7 could not check, 3 skipped)\n');
    expect(lines(result.stdout).filter((line) => /^\d\. /.test(line))).toEqual([
      expect.stringMatching(/^1\. productSearch search-paging: return at most size products/),
      expect.stringMatching(/^2\. orderValidation stock-checked: return an ERROR entry/),
      expect.stringMatching(/^3\. orderCreation creation-idempotent: make order creation idempotent/),
      expect.stringMatching(/^4\. statusNotification all-statuses-accepted: answer 2xx to every status/),
      expect.stringMatching(/^5\. orderCancellation answers-2xx: serve the operation at exactly the configured URL/),
    ]);
    // The cancellation's 500 to the test order explains its other failures: they are counted, not listed.
    expect(result.stdout).toContain('then 6 checks could not run because of it');
    const curls = result.stdout.match(/curl -sS .*/g) ?? [];
    expect(new Set(curls).size).toBe(curls.length);
    expect(result.stdout).not.toMatch(TERMINAL_CONTROL);
  });
});

describe('merchant-kit verify: progress', () => {
  it("prints each operation's verdict line as soon as that operation finishes", async () => {
    // A front for the reference merchant that holds the order validation until the test lets it go.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const front = http.createServer((req, res) => {
      const forward = async (): Promise<void> => {
        if (req.url?.includes('/orders/orderchecker')) await held;
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const answer = await fetch(`${guarded.baseUrl.replace('/v1', '')}${req.url}`, {
          method: req.method,
          headers: { 'content-type': 'application/json', authorization: String(req.headers.authorization ?? '') },
          body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
        });
        res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(await answer.text());
      };
      forward().catch(() => res.destroy());
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', () => resolve()));
    const base = `http://127.0.0.1:${(front.address() as AddressInfo).port}/v1`;
    const child = spawnChild(
      process.execPath,
      [CLI, 'verify', '--base-url', base, '--header', `Authorization: ${TOKEN}`, '--no-destructive'],
      { cwd: PACKAGE_ROOT, env: cliEnvironment(plainEnv) },
    );
    let stdout = '';
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await new Promise<void>((resolve) =>
        child.stdout?.on('data', (chunk) => {
          stdout += String(chunk);
          if (/^productSearch GET .*: pass \(\d+ passed\)$/m.test(stdout)) resolve();
        }),
      );
      // The search's verdict is on the screen while the validation is still waiting for its answer.
      expect(child.exitCode).toBeNull();
      expect(stdout).not.toContain('orderValidation');
      expect(stdout).not.toContain('summary:');
    } finally {
      release();
    }
    expect(await exited).toBe(0);
    // --no-destructive leaves the explorer's stock rule untested: a skip, never a failure.
    expect(stdout).toMatch(/^orderValidation POST .*: pass \(\d+ passed(, 1 skipped)?\)$/m);
    front.closeAllConnections();
    front.close();
  });

  it('writes plain lines off a terminal, byte-identical for two runs with the same --run-id', async () => {
    const [first, second] = [
      await runCli(wrongToken(), { env: plainEnv }),
      await runCli(wrongToken(), { env: plainEnv }),
    ];
    expect(first.stdout).not.toMatch(TERMINAL_CONTROL);
    expect(second.stdout).toBe(first.stdout);
  });

  it('shows the check in flight on a live line on a terminal, and erases it before each verdict line', async () => {
    // `script` (util-linux, in every Debian) runs verify with a pseudo-terminal as its stdout.
    const command = [process.execPath, CLI, ...wrongToken()].map((arg) => `'${arg}'`).join(' ');
    const run = await runToEnd('script', ['-q', '-e', '-c', command, '/dev/null'], {
      cwd: PACKAGE_ROOT,
      env: cliEnvironment(plainEnv),
    });
    expect(run.code).toBe(1);
    const output = run.stdout;
    expect(output).toContain(
      '\r\u001b[2K  calling productSearch ...\r\u001b[2K  checking productSearch: answers-2xx ...',
    );
    expect(output).toContain('\r\u001b[2K  calling orderValidation ...');
    expect(output).toContain('\r\u001b[2KproductSearch GET ');
    expect(output).toContain(': fail (1 passed, 1 failed, 15 could not check)');
    expect(output.replace(/\r\n/g, '\n')).toMatch(
      /\nsummary: 3 passed, 2 failed, 0 warnings, 61 could not check, 0 skipped\n$/,
    );
  });
});

describe('merchant-kit verify: metadata', () => {
  it('dates, versions and identifies every report, and masks the URLs it lists', async () => {
    const config = path.join(dir, 'merchant.json');
    const base = guarded.baseUrl;
    fs.writeFileSync(
      config,
      JSON.stringify({
        displayName: 'Loja Exemplo',
        urls: { ...urlsUnder(base), productSearch: `${base}/products/productsearch?token=url-s3cret-123` },
        headers: [{ key: 'Authorization', value: TOKEN }],
      }),
    );
    const reports = reportFiles(dir, 'm');
    const before = Date.now();
    const args = ['verify', '--config', config, '--run-id', 'meta-1', '--only', 'productSearch'];
    const result = await runCli([...args, ...reports.flags], { env: plainEnv });
    expect(result.stderr).toBe('');
    const { meta, target } = JSON.parse(fs.readFileSync(reports.json, 'utf8'));
    const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8'));
    expect(target).toBe('Loja Exemplo');
    expect(meta).toEqual({
      startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      durationMs: expect.any(Number),
      kitVersion: pkg.version,
      lang: 'en',
      contractVersion: expect.stringMatching(/^sha256:[0-9a-f]{12}$/),
      runId: 'meta-1',
      node: process.version,
      target: 'Loja Exemplo',
      seed: expect.any(Number),
      calls: expect.any(Number),
      urls: {
        productSearch: `${base}/products/productsearch?token=***`,
        orderValidation: `${base}/orders/orderchecker`,
        orderCreation: `${base}/orders/orderprovisioning`,
        orderCancellation: `${base}/orders/ordercancel`,
        statusNotification: `${base}/orders/statuschange`,
      },
    });
    expect(Date.parse(meta.startedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(meta.startedAt)).toBeLessThanOrEqual(Date.now());
    expect(result.stdout.split('\n')[0]).toBe(
      `merchant-kit verify: Loja Exemplo (run meta-1, merchant-kit ${pkg.version}, contracts ${meta.contractVersion})`,
    );
    const xml = fs.readFileSync(reports.junit, 'utf8');
    expect(xml).toContain(`<property name="startedAt" value="${meta.startedAt}"/>`);
    expect(xml).toContain(`<property name="kitVersion" value="${pkg.version}"/>`);
    const html = fs.readFileSync(reports.html, 'utf8');
    expect(html).toContain(`<dt>Started</dt><dd>${meta.startedAt}</dd>`);
    expect(html).toContain(`<dt>Contracts</dt><dd>${meta.contractVersion}</dd>`);
    for (const text of [result.stdout, ...reports.texts()]) expect(text).not.toContain('url-s3cret-123');
    // The contract version is a digest of contracts/: the same for every run of the same kit.
    const again = await runCli([...args, '--json', reports.json], { env: plainEnv });
    expect(again.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(reports.json, 'utf8')).meta.contractVersion).toBe(meta.contractVersion);
  });

  it("titles a run without --config with the base URL's host", async () => {
    const json = path.join(dir, 'host.json');
    const result = await runCli([...wrongToken(['--only', 'productSearch']), '--json', json], { env: plainEnv });
    const host = new URL(guarded.baseUrl).host;
    expect(result.stdout.split('\n')[0]).toMatch(
      new RegExp(`^merchant-kit verify: ${host.replace(/\./g, '\\.')} \\(run wrong-token,`),
    );
    expect(JSON.parse(fs.readFileSync(json, 'utf8'))).toMatchObject({ target: host, meta: { target: host } });
  });
});

describe('merchant-kit verify in GitHub Actions', () => {
  const summaryFile = (): string => {
    const file = path.join(dir, `summary-${Date.now()}.md`);
    fs.writeFileSync(file, '# an earlier step\n');
    return file;
  };
  const ghArgs = (name: string): string[] => [
    'verify',
    '--config',
    configOf(warned, name),
    '--run-id',
    'gh',
    '--explore-calls',
    '0',
  ];

  it('annotates each cause (::error per failure, ::warning per warning) and appends a job summary', async () => {
    const file = summaryFile();
    const result = await runCli(ghArgs('gh.json'), { env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: file } });
    expect(result.code).toBe(1);
    const annotations = lines(result.stdout).filter((line) => line.startsWith('::'));
    expect(annotations.map((line) => line.split('::')[1])).toEqual([
      'error title=orderValidation stock-checked',
      'error title=orderCreation creation-idempotent',
      'error title=statusNotification all-statuses-accepted',
      'error title=orderCancellation answers-2xx',
      'warning title=productSearch unknown-properties',
    ]);
    expect(annotations[1]).toMatch(
      /::the same order sent again was not accepted%0AFix: make order creation idempotent on objectId.*%0Areceived: HTTP 500: {"message":"duplicate key"}%0Aexpected: 2xx$/,
    );
    const summary = fs.readFileSync(file, 'utf8');
    expect(summary.startsWith('# an earlier step\n## merchant-kit verify: ')).toBe(true);
    expect(summary).toContain(
      '**FAIL: 4 causes to fix (39 passed, 4 failed, 1 warning, 7 could not check, 3 skipped)**',
    );
    expect(summary).toContain('### What to fix');
    expect(summary).toMatch(
      /^2\. \*\*orderCreation\*\* `creation-idempotent`: the same order sent again was not accepted$/m,
    );
    expect(summary).toContain('| orderCreation | fail | 6 passed, 1 failed, 3 skipped |');
    expect(summary).toMatch(/```sh\ncurl -sS -X POST '\S+\/orders\/orderprovisioning'/);
    expect(summary).not.toContain('s3cret-t0ken-value');
  });

  it('encodes merchant text so that it can never start a workflow command of its own', async () => {
    const file = summaryFile();
    const evil = http.createServer((_req, res) =>
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end('oops\n::error::injected\r\n::add-mask::x %0A|<b>'),
    );
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', () => resolve()));
    try {
      const base = `http://127.0.0.1:${(evil.address() as AddressInfo).port}/v1`;
      const result = await runCli(['verify', '--base-url', base, '--only', 'productSearch'], {
        env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: file },
      });
      for (const line of lines(result.stdout).filter((l) => l.startsWith('::')))
        expect(line).toMatch(/^::(error|warning) title=[^:]+::[^\r\n]*$/);
      expect(result.stdout).toContain('%250A'); // the merchant's own "%0A" stays text
      expect(fs.readFileSync(file, 'utf8')).toContain('\\|&lt;b&gt;');
    } finally {
      evil.close();
    }
  });

  it('prints no annotation and writes no summary outside GitHub Actions', async () => {
    const file = summaryFile();
    const result = await runCli(ghArgs('plain.json'), { env: { GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: file } });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(/^::/m);
    expect(fs.readFileSync(file, 'utf8')).toBe('# an earlier step\n');
  });
});
