import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES_DIR } from '../../src/contracts';
import { reportFiles } from '../support/report-files';
import { runCli } from '../support/run-cli';
import { BrokenMerchants } from './runner-servers';

// The header secrets a merchant configures, given both ways verify takes them: a --header flag and a
// config file header that reads ${MERCHANT_TOKEN} from the environment.
const FLAG_TOKEN = 's3cr3t-XYZ';
const ENV_TOKEN = 'st0re-t0ken-4f9a2c';
const URL_TOKEN = 'url-t0ken-77b1e0';
const SHOP_PASSWORD = 'pa55-w0rd-9c';
// What a leak looks like: the secret, or any 6-character piece of it (a preview cut in the middle of one).
const leaks = (text: string): string[] =>
  [FLAG_TOKEN, ENV_TOKEN]
    .flatMap((secret) => [...Array(secret.length - 5).keys()].map((at) => secret.slice(at, at + 6)))
    .filter((piece) => text.includes(piece));

const CATALOG = JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'catalog.json'), 'utf8')) as unknown[];
const merchants = new BrokenMerchants();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-secrets-cli-'));
afterAll(async () => {
  await merchants.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function writeConfig(baseUrl: string, searchUrl = `${baseUrl}/products/productsearch`): string {
  const file = path.join(dir, 'merchant.json');
  const urls = {
    productSearch: searchUrl,
    orderValidation: `${baseUrl}/orders/orderchecker`,
    orderCreation: `${baseUrl}/orders/orderprovisioning`,
    orderCancellation: `${baseUrl}/orders/ordercancel`,
    statusNotification: `${baseUrl}/orders/statuschange`,
  };
  fs.writeFileSync(
    file,
    JSON.stringify({
      displayName: 'Loja Eco',
      urls,
      headers: [{ key: 'X-Store-Token', value: '${MERCHANT_TOKEN}' }],
      timeoutMs: 60_000,
    }),
  );
  return file;
}

/**
 * Echoes the headers it got in a 401 body, padded so that the 200-character preview of the body ends
 * inside the Authorization value: a cut secret is still a leak.
 */
function echoingMerchant(req: http.IncomingMessage, res: http.ServerResponse): void {
  const auth = String(req.headers.authorization);
  const prefix = 'x'.repeat(200 - '{"error":"invalid token '.length - 'Bearer s3cr3t'.length);
  res.writeHead(401, { 'Content-Type': 'application/json' });
  res.end(`{"error":"invalid token ${prefix}${auth}","store":"${String(req.headers['x-store-token'])}"}`);
}

/** A catalogue product whose price (a string: a contract violation) echoes the token across the 57-character value preview. */
function echoInField(req: http.IncomingMessage, res: http.ServerResponse): void {
  const product = structuredClone(CATALOG[0]) as { mainVariant: { price: unknown } };
  product.mainVariant.price = `${'9'.repeat(48)} ${String(req.headers['x-store-token'])}`;
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify([product]));
}

/** Answers 200 with a text that is not JSON: JSON.parse's message quotes its first 10 characters, "ok: s3cr3t". */
function echoAsText(req: http.IncomingMessage, res: http.ServerResponse): void {
  const token = String(req.headers.authorization).replace(/^Bearer /, '');
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(`ok: ${token} accepted`);
}

describe('merchant-kit verify keeps header secrets out of every output', () => {
  it.each([
    ['echoes them in an error body cut by the preview', echoingMerchant],
    ['echoes one in a product field that breaks the contract', echoInField],
    ['answers with one as a body that is not JSON', echoAsText],
  ])(
    'prints only masked values for a merchant that %s: stdout, stderr, JSON, JUnit and HTML',
    async (_name, handler) => {
      const base = await merchants.listen(handler);
      const reports = reportFiles(dir, 'r');
      const result = await runCli(
        ['verify', '--config', writeConfig(base), '--header', `Authorization: Bearer ${FLAG_TOKEN}`, ...reports.flags],
        { env: { MERCHANT_TOKEN: ENV_TOKEN } },
      );
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^ {8}received: .*\*\*\*/m); // the echo is reported, masked
      expect(result.stdout).toContain("curl -sS -X GET '");
      expect(result.stdout).toContain("-H 'X-Store-Token: ***' -H 'Authorization: Bearer ***'");
      for (const text of [result.stdout, result.stderr, ...reports.texts()]) expect(leaks(text)).toEqual([]);
    },
  );

  it('masks secrets written into a configured URL (a token query value, a user:password) when the merchant echoes the request back', async () => {
    // Echoes the path and query it was called with, and the Basic credentials node derived from the URL's user:password.
    const base = await merchants.listen((req, res) =>
      res
        .writeHead(404, { 'Content-Type': 'text/plain' })
        .end(`Cannot GET ${String(req.url)} (${String(req.headers.authorization)})`),
    );
    const withSecrets = base.replace('http://', 'http://loja:${SHOP_PASSWORD}@');
    const reports = reportFiles(dir, 'u');
    const result = await runCli(
      [
        'verify',
        '--config',
        writeConfig(base, `${withSecrets}/products/productsearch?api_key=\${URL_TOKEN}`),
        '--only',
        'productSearch',
        ...reports.flags,
      ],
      { env: { MERCHANT_TOKEN: ENV_TOKEN, URL_TOKEN, SHOP_PASSWORD } },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^ {8}received: HTTP 404: Cannot GET \/v1\/products\/productsearch\?api_key=\*\*\*/m);
    const basic = Buffer.from(`loja:${SHOP_PASSWORD}`).toString('base64');
    for (const text of [result.stdout, result.stderr, ...reports.texts()]) {
      expect([URL_TOKEN, SHOP_PASSWORD, basic].filter((secret) => text.includes(secret))).toEqual([]);
    }
  });
});

describe('merchant-kit verify masks secrets in every encoding and in every usage error', () => {
  // A token with the characters encoders touch: '/' (json_encode writes \/), '+' and '=' (percent-encoded).
  const SLASH_TOKEN = 's3cr3t/XYZ+abc=';
  const echoes = [
    SLASH_TOKEN,
    SLASH_TOKEN.replace(/\//g, '\\/'),
    encodeURIComponent(SLASH_TOKEN),
    encodeURIComponent(SLASH_TOKEN).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    's3cr3t', // any piece of the token before its first encoded character
  ];

  it("masks a token echoed by PHP's json_encode (\\/) and percent-encoded in lower case, in every output", async () => {
    const base = await merchants.listen((req, res) => {
      const token = String(req.headers.authorization).replace(/^Bearer /, '');
      const lowerPercent = encodeURIComponent(token).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
      res
        .writeHead(401, { 'Content-Type': 'application/json' })
        .end(`{"error":"invalid token ${token.replace(/\//g, '\\/')}","retry":"/login?token=${lowerPercent}"}`);
    });
    const reports = reportFiles(dir, 'e');
    const result = await runCli([
      'verify',
      '--base-url',
      base,
      '--only',
      'productSearch',
      '--header',
      `Authorization: Bearer ${SLASH_TOKEN}`,
      ...reports.flags,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /received: HTTP 401: \{"error":"invalid token \*\*\*","retry":"\/login\?token=\*\*\*"\}/,
    );
    for (const text of [result.stdout, result.stderr, ...reports.texts()])
      expect(echoes.filter((echo) => text.includes(echo))).toEqual([]);
  });

  it.each([
    ['a space in the host', 'http://loja:pa55-w0rd@exa mple.com/v1?token=t0k3n-abc'],
    ['an unclosed IPv6 bracket', 'http://loja:pa55-w0rd@[::1/v1?api_key=t0k3n-abc'],
  ])('exits 2 without echoing the password or token of a --base-url that does not parse (%s)', async (_why, url) => {
    const result = await runCli(['verify', '--base-url', url]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^merchant-kit: --base-url ".*\*\*\*.*" is not a URL: write it like https:\/\/shop\.example\.com\/omnichat\n$/,
    );
    expect(['pa55-w0rd', 't0k3n-abc'].filter((secret) => result.stderr.includes(secret))).toEqual([]);
  });

  it('exits 2 naming the key, without echoing its secrets, for a config URL that does not parse', async () => {
    const file = writeConfig(
      'http://127.0.0.1:1/v1',
      'http://loja:pa55-w0rd@[::1/v1/products/productsearch?token=t0k3n-abc',
    );
    const result = await runCli(['verify', '--config', file], { env: { MERCHANT_TOKEN: ENV_TOKEN } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^merchant-kit: merchant\.json: "urls\.productSearch" is not a valid URL \(found ".*\*\*\*.*"\)/,
    );
    expect(['pa55-w0rd', 't0k3n-abc'].filter((secret) => result.stderr.includes(secret))).toEqual([]);
  });

  it.each([
    [
      'a value without quotes',
      '{"urls": {}, "headers": [{"key": "Authorization", "value": Bearer s3cr3t-XYZ}]}',
      1,
      60,
    ],
    [
      'a missing comma after the value',
      '{\n  "headers": [\n    {"key": "Authorization", "value": "Bearer s3cr3t-XYZ" "x": 1}\n  ]\n}',
      3,
      59,
    ],
    ['a line break inside the value', '{"headers": [{"key": "Authorization", "value": "Bearer s3cr3t\n-XYZ"}]}', 1, 62],
  ])('exits 2 with the line and column, never the content, for a config with %s', async (_what, text, line, column) => {
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, text);
    const result = await runCli(['verify', '--config', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `^merchant-kit: --config broken\\.json is not JSON: .* at line ${line}, column ${column} \\(the text is not shown: it may hold a header value\\)\\n$`,
      ),
    );
    expect(result.stderr).not.toMatch(/s3cr|XYZ|Bearer/);
  });
});

it('exits 2 without echoing the secret of a --header whose colon sits inside the value', async () => {
  const result = await runCli([
    'verify',
    '--base-url',
    'http://127.0.0.1:1/v1',
    '--header',
    'Authorization Basic loja:pa55-w0rd',
  ]);
  expect(result).toMatchObject({
    code: 2,
    stderr: 'merchant-kit: --header: "Authorization ***" is not a valid header name: write "Name: value"\n',
  });
});
