import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../../src/common/usage-error';
import { runConfigFromFlags } from '../../src/conformance';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-config-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const URLS = {
  productSearch: 'https://shop.example.com/omni/products/productsearch',
  orderValidation: 'https://shop.example.com/omni/orders/orderchecker',
  orderCreation: 'https://shop.example.com/omni/orders/orderprovisioning',
  orderCancellation: 'https://shop.example.com/omni/orders/ordercancel',
  statusNotification: 'https://shop.example.com/omni/orders/statuschange',
};

let files = 0;
function configFile(content: unknown): string {
  const file = path.join(dir, `config-${++files}.json`);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** The one-line message a bad config produces (the CLI prints it after "merchant-kit: " and exits 2). */
function usageMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('no UsageError was thrown');
}

describe('the merchant config', () => {
  it('reads every key of the documented example config and fills the defaults', () => {
    const file = configFile({
      displayName: 'Loja Exemplo',
      platformName: 'MeuERP',
      checkout: 'own',
      teams: [],
      allowFreightChange: true,
      urls: URLS,
      headers: [{ key: 'Authorization', value: 'Bearer ${MERCHANT_TOKEN}' }],
      testData: { searchQuery: 'iphone' },
      capabilities: { searchTypes: ['TEXT', 'ID'] },
      timeoutMs: 3000,
    });
    const config = runConfigFromFlags({ config: file }, { MERCHANT_TOKEN: 'abc123' });
    expect(config).toEqual({
      displayName: 'Loja Exemplo',
      checkout: 'own',
      urls: URLS,
      headers: [{ key: 'Authorization', value: 'Bearer abc123' }],
      searchQuery: 'iphone',
      searchTypes: ['TEXT', 'ID'],
      timeoutMs: 3000,
      allowFreightChange: true,
      only: ['productSearch', 'orderValidation', 'orderCreation', 'orderCancellation', 'statusNotification'],
      destructive: true,
      callbackPort: undefined,
      concurrency: 4,
      exploreCalls: 36,
      network: { ca: [], insecure: false, proxy: { noProxy: '' } },
    });
  });

  it('takes the explorer budget from the config (exploreCalls), and --explore-calls over it', () => {
    const file = configFile({ urls: URLS, exploreCalls: 0 });
    expect(runConfigFromFlags({ config: file }, {}).exploreCalls).toBe(0);
    expect(runConfigFromFlags({ config: file, exploreCalls: '80' }, {}).exploreCalls).toBe(80);
    expect(runConfigFromFlags({ config: file, seed: '42' }, {}).seed).toBe(42);
  });

  it.each([
    ['--explore-calls', { exploreCalls: '-1' }, '--explore-calls "-1" is not a whole number from 0 to 2000'],
    ['--explore-calls', { exploreCalls: '2001' }, '--explore-calls "2001" is not a whole number from 0 to 2000'],
    ['--seed', { seed: '1.5' }, '--seed "1.5" is not a whole number from 0 to 2147483647'],
  ])('refuses a bad %s, naming the flag and the range', (_flag, flags, message) => {
    expect(() => runConfigFromFlags({ baseUrl: 'https://shop.example.com/omni', ...flags })).toThrow(message);
  });

  it('refuses a search term of spaces: it finds everything or nothing, which shows nothing', () => {
    expect(() =>
      runConfigFromFlags({ config: configFile({ urls: URLS, testData: { searchQuery: '   ' } }) }, {}),
    ).toThrow(
      '"testData.searchQuery" is only spaces: such a term finds everything or nothing, which shows nothing; give a word your products have',
    );
  });

  it('holds a merchant to all five search types and a 5000 ms budget when the config is silent', () => {
    const config = runConfigFromFlags({ config: configFile({ urls: URLS }) }, {});
    expect(config.searchTypes).toEqual(['TEXT', 'ID', 'SKUID', 'REFERENCE', 'URL']);
    expect(config.timeoutMs).toBe(5000);
    expect(config.checkout).toBe('omni');
    expect(config.allowFreightChange).toBe(false);
    expect(config.concurrency).toBe(4);
  });

  it.each(['0', '17', '2.5', 'four'])('refuses --concurrency %s, naming the flag and the range', (value) => {
    expect(() => runConfigFromFlags({ baseUrl: 'https://shop.example.com/omni', concurrency: value })).toThrow(
      `--concurrency ${JSON.stringify(value)} is not a whole number from 1 to 16`,
    );
  });

  it.each([
    [
      'an unknown key, with the nearest valid one',
      { urls: URLS, timeoutMS: 100 },
      'unknown key "timeoutMS": did you mean "timeoutMs"?',
    ],
    [
      'an unknown URL key, with the nearest operation',
      { urls: { ...URLS, productSerch: 'https://x.example/a' } },
      'unknown key "urls.productSerch": did you mean "urls.productSearch"?',
    ],
    [
      'a missing URL',
      { urls: { ...URLS, orderCreation: undefined } },
      'missing key "urls.orderCreation": set the full URL OmniChat calls for orderCreation',
    ],
    ['no urls at all', { displayName: 'x' }, 'missing key "urls": set the five URLs'],
    [
      'a sixth header',
      { urls: URLS, headers: Array.from({ length: 6 }, (_, i) => ({ key: `X-H${i}`, value: 'v' })) },
      '"headers" has 6 entries: OmniChat sends at most 5 custom headers',
    ],
    [
      'a bad URL',
      { urls: { ...URLS, statusNotification: 'shop.example.com/status' } },
      '"urls.statusNotification" is not an http(s) URL',
    ],
    ['a checkout mode that does not exist', { urls: URLS, checkout: 'proprio' }, '"checkout" must be one of omni, own'],
    [
      'a search type that does not exist',
      { urls: URLS, capabilities: { searchTypes: ['TEXT', 'EAN'] } },
      '"capabilities.searchTypes[1]" must be one of TEXT, ID, SKUID, REFERENCE, URL',
    ],
    [
      'a "ca" that is not a file name',
      { urls: URLS, ca: [5] },
      '"ca" must be a file name or a list of file names (PEM CA certificates, relative to the config file)',
    ],
    ['a "ca" file that does not exist', { urls: URLS, ca: 'certs/none.pem' }, ': "ca" '],
  ])('rejects %s in one line naming the key', (_name, content, expected) => {
    const message = usageMessage(() => runConfigFromFlags({ config: configFile(content) }, {}));
    expect(message).toContain(expected);
    expect(message).not.toContain('\n');
  });

  it('names a ${VAR} that is not set, and where it is used, without printing other values', () => {
    const file = configFile({ urls: URLS, headers: [{ key: 'Authorization', value: 'Bearer ${MERCHANT_TOKEN}' }] });
    expect(usageMessage(() => runConfigFromFlags({ config: file }, {}))).toMatch(
      /headers\[0\]\.value uses \$\{MERCHANT_TOKEN\}, which is not set in the environment: export MERCHANT_TOKEN/,
    );
  });

  it('reports a file that is not JSON, or is missing, with the flag name', () => {
    expect(usageMessage(() => runConfigFromFlags({ config: configFile('{ "urls": ') }, {}))).toMatch(
      /^--config config-\d+\.json is not JSON/,
    );
    expect(usageMessage(() => runConfigFromFlags({ config: path.join(dir, 'nope.json') }, {}))).toMatch(
      /^--config .*nope\.json: no such file$/,
    );
  });
});

describe('the verify flags', () => {
  it('--base-url means the five default paths under it', () => {
    expect(runConfigFromFlags({ baseUrl: 'https://shop.example.com/omni/' }).urls).toEqual(URLS);
  });

  it.each([
    ['neither --config nor --base-url', {}, 'nothing to verify: give --config FILE or --base-url URL'],
    [
      'both --config and --base-url',
      { config: 'a.json', baseUrl: 'https://x.example' },
      '--config and --base-url both given',
    ],
    ['a --base-url that is not a URL', { baseUrl: 'shop' }, '--base-url "shop" is not a URL'],
    [
      'an --only name that does not exist',
      { baseUrl: 'https://x.example', only: 'productSearch,orderCreaton' },
      '--only: unknown operation "orderCreaton": did you mean "orderCreation"?',
    ],
    [
      'a --timeout that is not a number',
      { baseUrl: 'https://x.example', timeout: '5s' },
      '--timeout "5s" is not a whole number from 100 to 60000',
    ],
    [
      'a --header without a colon',
      { baseUrl: 'https://x.example', header: ['Authorization Bearer abc'] },
      '--header: expected "Name: value"',
    ],
    [
      'a sixth --header',
      { baseUrl: 'https://x.example', header: Array.from({ length: 6 }, (_, i) => `X-H${i}: v`) },
      '6 headers given (config and --header together): OmniChat sends at most 5',
    ],
    [
      'a --callback-port out of range',
      { baseUrl: 'https://x.example', callbackPort: '70000' },
      '--callback-port "70000" is not a whole number from 0 to 65535',
    ],
  ])('rejects %s with a message naming the flag', (_name, flags, expected) => {
    expect(usageMessage(() => runConfigFromFlags(flags, {}))).toContain(expected);
  });

  it('never echoes a header value in its error messages', () => {
    expect(
      usageMessage(() =>
        runConfigFromFlags({ baseUrl: 'https://x.example', header: ['Authorization Bearer s3cret'] }, {}),
      ),
    ).not.toContain('s3cret');
  });
});
