import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  findPrismCli,
  OPENAPI_PATH,
  PRISM_MISSING,
  PRISM_VERSION,
  prismCliScript,
  validate,
} from '../../src/contracts';
import { freePort } from '../support/free-port';
import { startUntil, type Running } from '../support/child-process';

// Prism 5.14.2 must load our OpenAPI document (with its $refs into contracts/schemas) and serve every
// operation; whatever it serves must pass our own validator, so the two never disagree.
let prism: Running;
let base: string;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  prism = await startUntil(
    process.execPath,
    [prismCliScript(), 'mock', '-h', '127.0.0.1', '-p', String(port), OPENAPI_PATH],
    /Prism is listening/,
  );
});

afterAll(() => prism?.stop());

const post = (pathName: string, body: unknown) =>
  fetch(`${base}${pathName}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('prism mock contracts/openapi.yaml', () => {
  it('serves productSearch with an answer that passes our validator', async () => {
    const res = await fetch(`${base}/v1/products/productsearch?searchType=TEXT&query=iphone&size=15&from=0`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Array<{ objectId: string }>;
    expect(body[0].objectId).toBe('12345');
    expect(validate('productSearch', 'response', body)).toEqual([]);
  });

  it.each([
    ['orderValidation', '/v1/orders/orderchecker'],
    ['orderCreation', '/v1/orders/orderprovisioning'],
    ['orderCancellation', '/v1/orders/ordercancel'],
  ] as const)('serves %s with an answer that passes our validator', async (id, pathName) => {
    const res = await post(pathName, { objectId: 'ORDER_ID', status: 'CREATED' });
    expect(res.status).toBe(200);
    expect(validate(id, 'response', await res.json())).toEqual([]);
  });

  it('serves statusNotification with an answer that passes our validator', async () => {
    const res = await post('/v1/orders/statuschange', {
      order: { objectId: 'ORDER_ID' },
      statusChange: { status: 'PAID' },
    });
    expect(res.status).toBe(200);
    expect(validate('statusNotification', 'response', await res.json())).toEqual([]);
  });

  it('refuses a request that breaks the same contract our validator enforces', async () => {
    const res = await post('/v1/orders/statuschange', { order: { objectId: 'ORDER_ID' } });
    expect(res.status).toBe(400);
    expect(validate('statusNotification', 'request', { order: { objectId: 'ORDER_ID' } })).toContainEqual(
      expect.objectContaining({ pointer: '/statusChange', keyword: 'required' }),
    );
  });
});

describe('where the kit finds Prism', () => {
  it('finds the CLI script of the installed Prism from the package, as the proxy and the bench do', () => {
    const script = findPrismCli();
    expect(script).toBe(prismCliScript());
    expect(fs.existsSync(script as string)).toBe(true);
    expect(
      JSON.parse(fs.readFileSync(path.join(path.dirname(script as string), '..', 'package.json'), 'utf8')),
    ).toMatchObject({
      name: '@stoplight/prism-cli',
      version: PRISM_VERSION,
    });
  });

  it('finds nothing from a folder Prism is not installed under, and says how to add it', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-no-prism-'));
    expect(findPrismCli(empty)).toBeUndefined();
    fs.rmSync(empty, { recursive: true, force: true });
    expect(PRISM_MISSING).toBe(
      'proxy runs Prism 5.14.2, an optional dependency that is not installed: add it with "npm install --global @stoplight/prism-cli@5.14.2" beside a global merchant-kit, or "npm install --save-dev @stoplight/prism-cli@5.14.2" in the project that depends on the kit',
    );
  });
});
