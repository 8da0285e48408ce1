import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startMerchant, type RunningMerchant } from '../conformance/merchants/reference-merchant';
import { startConnectProxy, startTlsFront, type TestProxy } from '../support/connect-proxy';
import { freePort } from '../support/free-port';
import { runCli, type CliResult } from '../support/run-cli';
import { makeTestPki } from '../support/tls-certs';

// Merchants' developers behind a corporate proxy: verify honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY
// as curl does (a CONNECT tunnel for https, an absolute-form request for http), and a proxy that is
// down, wants credentials or never answers is named as the cause.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-verify-proxy-'));
const caFile = path.join(dir, 'ca.pem');
const closers: { close(): Promise<void> }[] = [];
let merchant: RunningMerchant;
let httpsBase: string;
let httpsPort: number;

beforeAll(async () => {
  const pki = await makeTestPki();
  fs.writeFileSync(caFile, pki.ca.cert);
  merchant = await startMerchant();
  const front = await startTlsFront(pki.leaf, Number(new URL(merchant.baseUrl).port));
  closers.push(front);
  httpsPort = front.port;
  httpsBase = `https://127.0.0.1:${front.port}/v1`;
});
afterAll(async () => {
  for (const closer of closers) await closer.close();
  await merchant.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function proxy(behaviour: Parameters<typeof startConnectProxy>[0] = {}): Promise<TestProxy> {
  const started = await startConnectProxy(behaviour);
  closers.push(started);
  return started;
}

const search = (base: string, env: NodeJS.ProcessEnv, ...more: string[]): Promise<CliResult> =>
  runCli(['verify', '--base-url', base, '--only', 'productSearch', '--timeout', '60000', ...more], { env });

const answers2xx = (stdout: string): string =>
  stdout.split('\n').find((l) => /^ {2}\S+ +answers-2xx /.test(l)) ?? stdout;

describe('verify through the proxy variables', () => {
  it('tunnels https calls through HTTPS_PROXY with CONNECT, and says so in the console and the JSON report', async () => {
    const corporate = await proxy();
    const json = path.join(dir, 'p.json');
    const result = await search(httpsBase, { HTTPS_PROXY: corporate.url }, '--ca', caFile, '--json', json);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(corporate.log.length).toBeGreaterThan(1);
    expect(new Set(corporate.log)).toEqual(new Set([`CONNECT 127.0.0.1:${httpsPort}`]));
    expect(result.stdout.split('\n')[1]).toBe(`through the proxy ${corporate.url}/ (HTTPS_PROXY)`);
    expect(JSON.parse(fs.readFileSync(json, 'utf8')).network).toEqual({
      insecure: false,
      caFiles: [path.relative(process.cwd(), caFile) || caFile],
      proxies: [{ url: `${corporate.url}/`, from: 'HTTPS_PROXY' }],
    });
  });

  it('sends http calls to HTTP_PROXY as absolute-form requests', async () => {
    const corporate = await proxy();
    const result = await search(merchant.baseUrl, { http_proxy: corporate.url });
    expect(result.code).toBe(0);
    expect(corporate.log[0]).toMatch(
      new RegExp(`^GET ${merchant.baseUrl.replace(/[.]/g, '\\.')}/products/productsearch\\?`),
    );
  });

  it('goes direct to a host NO_PROXY lists', async () => {
    const corporate = await proxy();
    const result = await search(
      httpsBase,
      { HTTPS_PROXY: corporate.url, NO_PROXY: 'localhost,127.0.0.1' },
      '--ca',
      caFile,
    );
    expect(result.code).toBe(0);
    expect(corporate.log).toEqual([]);
    expect(result.stdout).not.toContain('through the proxy');
  });

  it('names the proxy and its variable when the proxy is down', async () => {
    const port = await freePort();
    const result = await search(httpsBase, { HTTPS_PROXY: `http://127.0.0.1:${port}` }, '--ca', caFile);
    expect(result.code).toBe(1);
    expect(answers2xx(result.stdout)).toBe(
      `  error answers-2xx                  could not check: connection refused by the proxy http://127.0.0.1:${port} (from HTTPS_PROXY): is it running? To reach 127.0.0.1 directly, add it to NO_PROXY`,
    );
  });

  it('says the proxy wants credentials (407), and uses them from the variable without ever printing them', async () => {
    const password = 'pr0xy-pa55-w0rd';
    const corporate = await proxy({ requireAuth: `Basic ${Buffer.from(`ana:${password}`).toString('base64')}` });
    const refused = await search(httpsBase, { HTTPS_PROXY: corporate.url }, '--ca', caFile);
    expect(refused.code).toBe(1);
    expect(answers2xx(refused.stdout)).toMatch(
      /could not check: the proxy http:\/\/127\.0\.0\.1:\d+ \(from HTTPS_PROXY\) wants credentials \(HTTP 407 Proxy Authentication Required\): put them in HTTPS_PROXY as http:\/\/user:password@host:port$/,
    );
    const withCredentials = corporate.url.replace('http://', `http://ana:${password}@`);
    const json = path.join(dir, 'auth.json');
    const accepted = await search(httpsBase, { HTTPS_PROXY: withCredentials }, '--ca', caFile, '--json', json);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain(`through the proxy http://***:***@127.0.0.1:`);
    for (const text of [accepted.stdout, accepted.stderr, fs.readFileSync(json, 'utf8')])
      expect(text).not.toContain(password);
  });

  it('ends the run on time when the proxy accepts a CONNECT and never answers it', async () => {
    const stuck = await proxy({ stallConnect: true });
    const result = await runCli(
      ['verify', '--base-url', httpsBase, '--only', 'productSearch', '--timeout', '300', '--ca', caFile],
      { env: { HTTPS_PROXY: stuck.url } },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(answers2xx(result.stdout)).toMatch(/could not check: no complete answer within 600 ms$/);
  });

  it('exits 2 in one line for a proxy variable it cannot use', async () => {
    const result = await search(httpsBase, { HTTPS_PROXY: 'socks5://127.0.0.1:1080' });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'merchant-kit: HTTPS_PROXY uses socks5://, which verify does not support: use an HTTP proxy (http://host:port), or unset HTTPS_PROXY\n',
    });
  });
});
