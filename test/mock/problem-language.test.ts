import request from 'supertest';
import { PROBLEM_BASE, PROBLEM_TYPES, type MockApp, type MockOptions } from '../../src/mock';
import { MOCK_CATALOGUES } from '../../src/mock/i18n';
import { CANCEL, CHECKER, CREATE, SEARCH, line, order, smallApp } from './helpers';

// A problem's title and detail follow the request's Accept-Language (pt-BR or en, English by default);
// its type, status, headers, errors[].pointer/keyword and extra fields never do.

const PT_TITLES = MOCK_CATALOGUES['pt-BR'] as Record<string, string>;
const KEY = { key: 'X-Api-Key', value: 'k3y-s3cr3t' };
const ADMIN_TOKEN = 'adm1n-t0ken';

const apps: MockApp[] = [];
function app(options: MockOptions = {}): MockApp {
  const made = smallApp(options);
  apps.push(made);
  return made;
}
afterAll(async () => Promise.all(apps.map((a) => a.mock.close())));

const plain = app();
const secured = app({ auth: [KEY] });
const guarded = app({ adminToken: ADMIN_TOKEN });
const bounded = app({ maxSandboxes: 1 });
const strict = app({ allowFreightChange: false });

/** One request that gets a problem; `lang` is the Accept-Language header, none when undefined. */
type Ask = (lang?: string) => request.Test;

const with_ = (test: request.Test, lang?: string): request.Test =>
  lang === undefined ? test : test.set('accept-language', lang);
const post = (a: MockApp, path: string, body: unknown) => (lang?: string) =>
  with_(
    request(a)
      .post(path)
      .send(body as object),
    lang,
  );
const get =
  (a: MockApp, path: string, headers: Record<string, string> = {}) =>
  (lang?: string) =>
    with_(request(a).get(path).set(headers), lang);

const CASES: [string, Ask][] = [
  ['unauthorized (a wrong auth header)', (lang) => with_(request(secured).get(SEARCH).set('x-api-key', 'nope'), lang)],
  [
    'contract-violation (a body)',
    post(plain, CHECKER, { objectId: 'V-1', items: [{ objectId: 'L1', quantity: 'two' }], extra: [1, 2] }),
  ],
  ['contract-violation (a query string)', get(plain, `${SEARCH}?size=0&from=-1&searchType=FUZZY`)],
  [
    'malformed-json',
    (lang) => with_(request(plain).post(CHECKER).set('content-type', 'application/json').send('{"a":'), lang),
  ],
  [
    'malformed-json (nested too deep)',
    (lang) =>
      with_(
        request(plain)
          .post(CHECKER)
          .set('content-type', 'application/json')
          .send('['.repeat(1001) + ']'.repeat(1001)),
        lang,
      ),
  ],
  [
    'unsupported-media-type',
    (lang) => with_(request(plain).post(CHECKER).set('content-type', 'text/plain').send('x'), lang),
  ],
  ['unknown-scenario', get(plain, `${SEARCH}?__scenario=nope`)],
  ['unknown-scenario (a bad delay)', get(plain, SEARCH, { prefer: 'delay=soon' })],
  ['order-not-found', post(plain, CANCEL, { objectId: 'NOPE' })],
  ['method-not-allowed', (lang) => with_(request(plain).put(SEARCH), lang)],
  ['scenario-server-error', get(plain, SEARCH, { prefer: 'scenario=server-error' })],
  ['scenario-unavailable', get(plain, SEARCH, { prefer: 'scenario=unavailable' })],
  ['not-found', get(plain, '/v1/nothing')],
  ['bad-request (a broken %-escape)', get(plain, '/__admin/orders/%E0%A4%A')],
  ['bad-sandbox-name', get(plain, `/sandboxes/QA-X${SEARCH}`)],
  [
    'freight-changed',
    post(strict, CREATE, { ...order('FR-1', [line('L1', '12345-1')]), shippingMethod: 'Drone', freightCost: 999 }),
  ],
  ['admin: unauthorized', get(guarded, '/__admin/orders')],
  ['admin: order-not-found', get(plain, '/__admin/orders/NOPE')],
  ['admin: bad-admin-request (an unknown setting)', post(plain, '/__admin/sandboxes', { name: 'qa-l', colour: 1 })],
  [
    'admin: bad-admin-request (a stock quantity)',
    (lang) => with_(request(plain).put('/__admin/stock/12345-1').send({ quantity: -1 }), lang),
  ],
  ['admin: not-in-catalog', get(plain, '/__admin/stock/NOPE')],
  ['admin: sandbox-not-found', get(plain, '/__admin/sandboxes/nobody')],
  [
    'admin: the default sandbox cannot be deleted',
    (lang) => with_(request(plain).delete('/__admin/sandboxes/default').type('json'), lang),
  ],
  ['admin: bad since', get(plain, '/__admin/events?since=x')],
];

/** The parts of a problem that never change with the language. */
function machine(res: request.Response): Record<string, unknown> {
  const { title: _title, detail: _detail, errors, ...rest } = res.body as Record<string, unknown>;
  return {
    status: res.status,
    contentType: res.headers['content-type'],
    allow: res.headers.allow,
    retryAfter: res.headers['retry-after'],
    ...rest,
    errors: (errors as { pointer: string; keyword: string }[] | undefined)?.map(({ pointer, keyword }) => ({
      pointer,
      keyword,
    })),
  };
}

describe('problem details in the language of Accept-Language', () => {
  beforeAll(async () => {
    // The freight-changed case needs a quote for its cart first.
    expect(
      (
        await request(strict)
          .post(CHECKER)
          .send(order('FR-1', [line('L1', '12345-1')]))
      ).status,
    ).toBe(200);
  });

  it.each(CASES)('%s: title and detail in Portuguese, everything else as in English', async (_name, ask) => {
    const en = await ask();
    const pt = await ask('pt-BR');
    expect(en.status).toBeGreaterThanOrEqual(400);
    expect(en.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(machine(pt)).toEqual(machine(en));
    const type = (pt.body.type as string).slice(PROBLEM_BASE.length) as keyof typeof PROBLEM_TYPES;
    expect(en.body.title).toBe(PROBLEM_TYPES[type].title);
    expect(pt.body.title).toBe(PT_TITLES[`title.${type}`]);
    expect(pt.body.detail).not.toBe(en.body.detail);
    // Portuguese, not English with a Portuguese title: a few words every detail is made of.
    expect(pt.body.detail).toMatch(/(^|\s)(o|a|os|as|de|do|da|não|nenhum|nenhuma|deve|envie|em|com|só)\s/);
    expect(pt.body.detail).not.toMatch(/\b(the|must|is|found|send|no such|answers)\b/);
    if (en.body.errors) {
      expect(pt.body.errors).toHaveLength(en.body.errors.length);
      expect(pt.body.errors[0].message).not.toBe(en.body.errors[0].message);
    }
  });

  it('says exactly which header is wrong, in Portuguese, and never its value', async () => {
    const res = await request(secured).get(SEARCH).set('x-api-key', 'k3y-wrong').set('accept-language', 'pt-BR');
    expect(res.body).toMatchObject({
      type: `${PROBLEM_BASE}unauthorized`,
      title: 'Credenciais ausentes ou erradas',
      status: 401,
      detail: 'o cabeçalho X-Api-Key está ausente ou não confere com o valor configurado para esta integração',
    });
    expect(res.text).not.toMatch(/k3y/);
  });

  it('says a contract violation with ajv-i18n messages: pointers and keywords as in English', async () => {
    const res = await post(plain, CHECKER, { objectId: 'V-1', items: [{ objectId: 'L1', quantity: 'two' }] })('pt-BR');
    expect(res.status).toBe(400);
    expect(res.body.title).toBe('A requisição quebra o contrato');
    expect(res.body.detail).toMatch(/^o corpo quebra o contrato de orderValidation: /);
    expect(res.body.detail).toContain('/items/0/quantity: deve ser um número, encontrado texto "two" [type]');
    expect(res.body.errors).toContainEqual({
      pointer: '/items/0/quantity',
      keyword: 'type',
      message: 'deve ser um número, encontrado texto "two"',
    });
  });

  it('keeps the extra fields of a problem (available, quoted and ordered, maxSandboxes) as they are', async () => {
    const scenario = await get(plain, `${SEARCH}?__scenario=nope`)('pt-BR');
    expect(scenario.body.available).toEqual(expect.arrayContaining(['server-error', 'unavailable']));
    expect(scenario.body.detail).toMatch(/^não existe o cenário "nope" para productSearch; disponíveis: /);
    const freight = await post(strict, CREATE, {
      ...order('FR-1', [line('L1', '12345-1')]),
      shippingMethod: 'Drone',
      freightCost: 999,
    })('pt-BR');
    expect(freight.body).toMatchObject({ ordered: { shippingMethod: 'Drone', freightCost: 999 } });
    expect(freight.body.detail).toMatch(/^o vendedor mudou o frete: cotado \S+ [\d.]+, no pedido Drone 999\.00; /);
    await request(bounded).get(`/sandboxes/one${SEARCH}`).expect(200);
    const limit = await get(bounded, `/sandboxes/two${SEARCH}`)('pt-BR');
    expect(limit.status).toBe(503);
    expect(limit.body).toMatchObject({ maxSandboxes: 1, title: 'Sandboxes demais' });
    expect(limit.body.detail).toMatch(/^este mock já tem 1 sandboxes, o limite de --max-sandboxes/);
  });

  it('writes a 413 in Portuguese too, on the connection it then closes', async () => {
    const big = JSON.stringify(
      order(
        'BIG',
        Array.from({ length: 20_000 }, (_, i) => line(`L${i}`, '12345-1')),
      ),
    );
    const res = await request(plain)
      .post(CREATE)
      .set('content-type', 'application/json')
      .set('accept-language', 'pt-BR')
      .send(big);
    expect(res.status).toBe(413);
    expect(res.headers.connection).toBe('close');
    expect(res.body).toMatchObject({
      title: 'Corpo da requisição grande demais',
      detail: 'o corpo da requisição passa do limite de 1 MB; envie um pedido menor',
    });
  });
});

describe('choosing the language of a problem', () => {
  const ask = get(plain, '/v1/nothing');

  it.each([
    ['pt-BR', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['en;q=0.5, pt-BR', 'pt-BR'],
    ['en-US;q=0.8, pt-BR;q=0.9', 'pt-BR'],
    ['fr-FR, pt;q=0.3', 'pt-BR'],
    ['pt-BR;q=0.4, en', 'en'],
    ['pt-BR;q=0', 'en'],
    ['de, fr', 'en'],
    ['*', 'en'],
    ['', 'en'],
  ])('Accept-Language: %j answers in %s', async (header, lang) => {
    const res = await ask(header);
    expect(res.status).toBe(404);
    expect(res.body.title).toBe(lang === 'pt-BR' ? 'Rota inexistente' : 'No such route');
  });

  it('answers English without the header byte for byte as with Accept-Language: en', async () => {
    for (const [, ask] of CASES.slice(0, 8)) {
      const [none, en] = [await ask(), await ask('en')];
      expect(en.text).toBe(none.text);
    }
  });

  it("keeps the checker's ERROR messages in pt-BR whatever the request's language", async () => {
    const cart = order('OOS-1', [line('L1', '12345-1')]);
    const ask = (lang: string) =>
      request(plain).post(CHECKER).set('prefer', 'scenario=out-of-stock').set('accept-language', lang).send(cart);
    const [en, pt] = [await ask('en'), await ask('pt-BR')];
    expect(en.status).toBe(200);
    expect(en.text).toBe(pt.text);
    const errors = (en.body as { action: string; message?: string }[]).filter((e) => e.action === 'ERROR');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0].message).toMatch(/[ãçéíóú]|estoque/i);
  });
});
