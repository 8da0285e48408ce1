import fs from 'node:fs';
import { sendTo } from '../hardening/real-port';
import os from 'node:os';
import path from 'node:path';
import { validate } from '../../src/contracts';
import { runCli } from '../support/run-cli';
import { startServe } from '../support/serve-child';
import { SMALL_CATALOG_PATH } from './helpers';

const BROKEN = path.join(__dirname, 'fixtures', 'bad', 'catalog-broken.json');

describe('merchant-kit serve', () => {
  it('starts, answers a search, logs it without secrets and exits 0 on SIGTERM', async () => {
    const server = await startServe(['--catalog', SMALL_CATALOG_PATH, '--auth', 'Authorization: Bearer cli-secret-9']);
    const res = await fetch(`${server.url}/products/productsearch?query=iphone`, {
      headers: { authorization: 'Bearer cli-secret-9' },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(validate('productSearch', 'response', body)).toEqual([]);
    expect((await fetch(`${server.url}/products/productsearch`)).status).toBe(401);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('"status":200');
    expect(server.output()).not.toContain('cli-secret-9');
  });

  it('serves the embedded catalog by default and stops on SIGINT with exit 0', async () => {
    const server = await startServe(['--quiet', '--base-path', '/loja']);
    const res = await fetch(`${server.url}/products/productsearch?searchType=ID&query=12345`);
    expect(((await res.json()) as { name: string }[])[0].name).toBe('iPhone 14 Pro');
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
    expect(server.output()).not.toContain('"status"');
  });

  it('lists the violations of a bad --catalog and exits 2', async () => {
    const result = await runCli(['serve', '--port', '0', '--catalog', BROKEN]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--catalog');
    expect(result.stderr).toContain('/0/variants');
    expect(result.stderr).toContain('/1/mainVariant/price');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    ['a bad --auth', ['--auth', 'Authorization'], '--auth'],
    ['more than 5 --auth', Array.from({ length: 6 }, (_, i) => ['--auth', `X-H${i}: v`]).flat(), 'at most 5'],
    ['a bad --port', ['--port', 'http'], '--port'],
    ['a bad --checkout', ['--checkout', 'paypal'], '--checkout'],
    ['a bad --freight-change', ['--freight-change', 'maybe'], '--freight-change'],
    ['a --max-sandboxes that is not a number', ['--max-sandboxes', 'many'], '--max-sandboxes'],
    ['a --sandbox-idle without a unit', ['--sandbox-idle', '30'], '--sandbox-idle'],
    ['a --sandbox-idle past a year', ['--sandbox-idle', '400d'], '--sandbox-idle'],
    ['a bad --omnichat-api', ['--omnichat-api', 'orders-api'], '--omnichat-api'],
    ['a missing --catalog file', ['--catalog', 'no/such/file.json'], 'no such file'],
    ['a public --host without --admin-token', ['--host', '0.0.0.0'], '--admin-token'],
    ['--generate with a bad count', ['--generate', '-5'], '--generate'],
    ['a --store-budget that is not a size', ['--store-budget', 'lots'], '--store-budget must be a size'],
    ['a --store-budget below its minimum', ['--store-budget', '10KB'], '--store-budget must be a size from 1MB'],
    ['a --journal-budget in an unknown unit', ['--journal-budget', '5TB'], '--journal-budget must be a size'],
    ['a --history-limit of 0', ['--history-limit', '0'], '--history-limit must be a whole number'],
    ['a negative --admin-answer-limit', ['--admin-answer-limit', '-1MB'], '--admin-answer-limit must be a size'],
    ['a --public-url without a scheme', ['--public-url', 'mock.example.test'], '--public-url must be the http(s) URL'],
    ['a --public-url with a query', ['--public-url', 'https://mock.example.test/?a=1'], '--public-url must be'],
  ])('refuses %s with one line naming the flag and exit 2', async (_what, args, text) => {
    const result = await runCli(['serve', '--port', '0', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(text);
    expect(result.stdout).not.toContain('listening');
  });

  it.each([
    ['a character device', '/dev/zero'],
    ['a directory', __dirname],
  ])('refuses a --catalog that is %s (not a regular file) without reading it', async (_what, file) => {
    const result = await runCli(['serve', '--port', '0', '--catalog', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--catalog ${file}: not a regular file`);
  });

  it('refuses a --catalog file over 256 MB without reading it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-catalog-'));
    const huge = path.join(dir, 'huge.json');
    // Sparse: 300 MB long, nothing written, so the test costs no disk.
    fs.closeSync(fs.openSync(huge, 'w'));
    fs.truncateSync(huge, 300 * 1024 * 1024);
    try {
      const result = await runCli(['serve', '--port', '0', '--catalog', huge]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('300 MB, over the 256 MB a catalog file may have');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['plain text', 'SECRET_TOKEN=sk-live-123456 and more'],
    ['a truncated array', '[{"objectId":"sk-live-123456","name":'],
    ['JSON followed by text', '[] sk-live-123456'],
  ])('says where a --catalog of %s stops being JSON, never what it holds', async (_what, text) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-catalog-'));
    const file = path.join(dir, 'catalog.json');
    fs.writeFileSync(file, text);
    try {
      const result = await runCli(['serve', '--port', '0', '--catalog', file]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--catalog ${file} is not JSON`);
      expect(result.stderr).toMatch(/line 1, column \d+/);
      expect(result.stderr).not.toContain('sk-live');
      expect(result.stderr).not.toContain('SECRET');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never echoes the password of a refused --public-url', async () => {
    const result = await runCli(['serve', '--port', '0', '--public-url', 'https://qa:pa55-w0rd-1@mock.example.test']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--public-url');
    expect(result.stderr).not.toContain('pa55-w0rd-1');
  });

  it('answers admin calls addressed to --public-url and to its own address, and no other Host', async () => {
    // A public URL on another host makes the admin API reachable from elsewhere: it needs a token.
    const token = 'admin-token-for-hosts';
    const server = await startServe([
      '--quiet',
      '--public-url',
      'http://mock.example.test:8080/',
      '--admin-token',
      token,
    ]);
    const { port } = new URL(server.origin);
    const statusFor = async (host: string): Promise<number> =>
      (await sendTo(Number(port), 'GET', '/__admin/orders', undefined, { host, authorization: `Bearer ${token}` }))
        .status;
    try {
      expect(await statusFor('mock.example.test:8080')).toBe(200);
      expect(await statusFor(`127.0.0.1:${port}`)).toBe(200);
      expect(await statusFor(`mock.example.test:${port}`)).toBe(421);
      expect(await statusFor(`rebind.example:${port}`)).toBe(421);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('names each address the admin API answers once when refusing a Host', async () => {
    const server = await startServe(['--quiet']);
    const { port } = new URL(server.origin);
    try {
      // fetch would send its own Host: sendTo sends the one given.
      const answer = await sendTo(Number(port), 'GET', '/__admin/orders', undefined, {
        host: `rebind.example:${port}`,
      });
      expect(answer.status).toBe(421);
      const { detail } = JSON.parse(answer.text) as { detail: string };
      // The bound address is also the public URL when --public-url is not given: listed once.
      expect(detail.split(`127.0.0.1:${port}`)).toHaveLength(2);
      expect(detail).toContain(`localhost:${port}`);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('never echoes a bad --auth value', async () => {
    const result = await runCli(['serve', '--port', '0', '--auth', 'Bad Name: super-secret-1']);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain('super-secret-1');
  });

  it('takes the byte budgets and the history limit from their flags (sizes in KB, MB or GB; MB by default)', async () => {
    const server = await startServe([
      '--quiet',
      '--store-budget',
      '64MB',
      '--journal-budget',
      '512KB',
      '--admin-answer-limit',
      '2',
      '--history-limit',
      '7',
    ]);
    const budgets = (await (await fetch(`${server.origin}/__admin/budgets`)).json()) as Record<
      string,
      { limitBytes: number }
    > & { adminAnswerLimitBytes: number };
    expect(budgets.store.limitBytes).toBe(64 * 1024 * 1024);
    expect(budgets.journal.limitBytes).toBe(512 * 1024);
    expect(budgets.adminAnswerLimitBytes).toBe(2 * 1024 * 1024);
    for (let i = 0; i < 9; i += 1) {
      await fetch(`${server.url}/orders/statuschange`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          order: { objectId: 'H-1' },
          statusChange: { status: 'PAID', updatedAt: `2026-11-28T10:00:0${i}Z` },
        }),
      });
    }
    const view = (await (await fetch(`${server.origin}/__admin/orders/H-1`)).json()) as { statusHistory: unknown[] };
    expect(view.statusHistory).toHaveLength(7);
    expect(await server.stop()).toBe(0);
  });
});
