import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { urlsUnder } from '../../src/conformance/config/load-config';
import { runCli } from '../support/run-cli';

// The usage mistakes a new user made in a trial: each answered by one line naming the flag, key or
// command and the fix, exit code 2, and nothing on stdout.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-usage-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Nothing listens on port 1: every mistake here is found before a request would be sent.
const URLS = urlsUnder('http://127.0.0.1:1/v1');

function config(name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

/** Expects exactly one line on stderr, exit 2, an empty stdout. */
async function oneLine(args: string[]): Promise<string> {
  const result = await runCli(args);
  expect(result.stdout).toBe('');
  expect(result.code).toBe(2);
  expect(result.stderr.split('\n')).toHaveLength(2); // one line and its newline
  return result.stderr.trimEnd();
}

describe('usage mistakes: one line, exit 2', () => {
  it('names the nearest valid key for a misspelt nested config key', async () => {
    const { productSearch, ...others } = URLS;
    const file = config('nested.json', { urls: { productSerch: productSearch, ...others } });
    expect(await oneLine(['verify', '--config', file])).toBe(
      'merchant-kit: nested.json: unknown key "urls.productSerch": did you mean "urls.productSearch"?',
    );
  });

  it('names "key" for a header written with "name"', async () => {
    const file = config('header.json', { urls: URLS, headers: [{ name: 'Authorization', value: 'Bearer t0k3n-abc' }] });
    const line = await oneLine(['verify', '--config', file]);
    expect(line).toBe('merchant-kit: header.json: unknown key "headers[0].name": did you mean "headers[0].key"?');
  });

  it.each([
    [
      ['verify', 'http://127.0.0.1:1/v1'],
      "merchant-kit: verify takes the merchant's base URL as a flag: merchant-kit verify --base-url http://127.0.0.1:1/v1",
    ],
    [
      ['verify', 'https://loja:pa55-w0rd@shop.example.com/v1?token=t0k3n-abc'],
      "merchant-kit: verify takes the merchant's base URL as a flag: merchant-kit verify --base-url https://***:***@shop.example.com/v1?token=***",
    ],
    [
      ['verify', 'merchant.json'],
      'merchant-kit: verify takes the config file as a flag: merchant-kit verify --config merchant.json',
    ],
    [
      ['verify', 'loja'],
      'merchant-kit: verify takes no positional argument ("loja"): give --config FILE or --base-url URL',
    ],
  ])('says how to pass %j', async (args, message) => {
    expect(await oneLine(args)).toBe(message);
  });

  it.each([
    [
      ['verify', '--onyl', 'productSearch'],
      "merchant-kit verify: unknown option '--onyl' (did you mean --only?); run merchant-kit help verify for its flags",
    ],
    [
      ['verify', '--only'],
      "merchant-kit verify: option '--only <ops>' argument missing; run merchant-kit help verify for its flags",
    ],
    [
      ['serve', '--prot', '4300'],
      "merchant-kit serve: unknown option '--prot' (did you mean --port?); run merchant-kit help serve for its flags",
    ],
    [
      ['validate', 'productSearch'],
      "merchant-kit validate: missing required argument 'kind'; run merchant-kit help validate for its flags",
    ],
    [
      ['verfiy'],
      "merchant-kit: unknown command 'verfiy' (did you mean verify?); run merchant-kit help for the commands",
    ],
  ])('names the command in a parser error: %j', async (args, message) => {
    expect(await oneLine(args)).toBe(message);
  });

  it.each([
    [
      ['validate', 'productsearch', 'response', '-'],
      'unknown operation "productsearch": did you mean "productSearch"?',
    ],
    [['validate', 'productSearch', 'respones', '-'], 'unknown kind "respones": did you mean "response"?'],
  ])('suggests the nearest name: %j', async (args, start) => {
    expect(await oneLine(args)).toMatch(new RegExp(`^merchant-kit: ${start.replace(/[?()]/g, '\\$&')}`));
  });

  it('creates the missing directory of --junit reports/x.xml and writes the report there', async () => {
    const file = path.join(dir, 'reports', 'nested', 'x.xml');
    const result = await runCli([
      'verify',
      '--base-url',
      'http://127.0.0.1:1/v1',
      '--only',
      'productSearch',
      '--junit',
      file,
    ]);
    expect(result.code).toBe(1); // nothing listens on port 1: could not check
    expect(result.stderr).toBe('');
    expect(fs.readFileSync(file, 'utf8')).toContain('<testsuites name="merchant-kit verify"');
  });

  it('exits 2 naming the flag when a report directory cannot be created (a file stands in the way)', async () => {
    const blocker = path.join(dir, 'blocker');
    fs.writeFileSync(blocker, '');
    const line = await oneLine([
      'verify',
      '--base-url',
      'http://127.0.0.1:1/v1',
      '--html',
      path.join(blocker, 'r.html'),
    ]);
    expect(line).toMatch(
      /^merchant-kit: --html .*blocker\/r\.html: cannot create the directory .*blocker \(a file is in the way\)$/,
    );
  });

  it('says a busy proxy --port in one line, exit 2, before starting Prism', async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', () => resolve()));
    const port = (busy.address() as net.AddressInfo).port;
    try {
      expect(await oneLine(['proxy', '--upstream', 'http://127.0.0.1:1', '--port', String(port)])).toBe(
        `merchant-kit: --port ${port} is already in use: pick another port`,
      );
    } finally {
      await new Promise<void>((resolve) => busy.close(() => resolve()));
    }
  });

  it('says a --host that does not resolve cannot be resolved, before asking for an admin token', async () => {
    expect(await oneLine(['serve', '--host', 'nonexistent.invalid', '--port', '0'])).toBe(
      'merchant-kit: --host nonexistent.invalid cannot be resolved (DNS): listen on an address of this machine, such as 127.0.0.1 or 0.0.0.0',
    );
  });
});
