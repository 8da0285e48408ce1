import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { captureAnswers, DOCUMENTED_ORDER_REQUEST, NEW_CART_LOAD } from '../../src/bench/bare';
import { LOAD_HEADER, startBareServer } from '../../src/bench/bare-server';
import { probe, type ProbeRequest } from '../../src/bench/http-probe';
import { buildWorkload } from '../../src/bench/workload';
import { validate } from '../../src/contracts';
import { createMockApp, createMockListener } from '../../src/mock';
import { verdict } from '../../src/bench/report';
import { describeTarget } from '../../src/bench/stats';
import { buildSummary, type BenchResults } from '../../src/bench/summary';

const listen = (server: http.Server): Promise<number> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

describe('the bare node:http reference', () => {
  it("answers the very bytes the mock answered, after reading the request's body", async () => {
    const app = createMockApp({});
    const mock = http.createServer(createMockListener(app));
    const mockPort = await listen(mock);
    const requests = { orderValidation: DOCUMENTED_ORDER_REQUEST };
    const answers = await captureAnswers(mockPort, requests);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ method: 'POST', path: '/v1/orders/orderchecker', status: 200 });
    const mockAnswer = await probe(mockPort, DOCUMENTED_ORDER_REQUEST);
    expect(validate('orderValidation', 'response', JSON.parse(mockAnswer.body))).toEqual([]);

    const bare = startBareServer(0, answers);
    await new Promise((resolve) => bare.once('listening', resolve));
    const barePort = (bare.address() as AddressInfo).port;
    const bareAnswer = await probe(barePort, DOCUMENTED_ORDER_REQUEST);
    expect(bareAnswer).toEqual(mockAnswer);
    expect((await probe(barePort, { method: 'GET', path: '/elsewhere' })).status).toBe(404);
    await new Promise((resolve) => bare.close(resolve));
    await app.mock.close();
    await new Promise((resolve) => mock.close(resolve));
  });

  it('answers each load with its own bytes when two loads POST to the same path', async () => {
    const app = createMockApp({});
    const mock = http.createServer(createMockListener(app));
    const mockPort = await listen(mock);
    const tag = (load: string, request: ProbeRequest): ProbeRequest => ({
      ...request,
      headers: { ...request.headers, [LOAD_HEADER]: load },
    });
    const cart = tag('cart', buildWorkload().requests.orderValidation);
    const documented = tag('documented', DOCUMENTED_ORDER_REQUEST);
    const answers = await captureAnswers(mockPort, { cart, documented });

    const bare = startBareServer(0, answers);
    await new Promise((resolve) => bare.once('listening', resolve));
    const barePort = (bare.address() as AddressInfo).port;
    const [bareCart, bareDocumented] = [await probe(barePort, cart), await probe(barePort, documented)];
    expect(bareCart).toEqual(await probe(mockPort, cart));
    expect(bareDocumented).toEqual(await probe(mockPort, documented));
    expect(bareCart.body).not.toEqual(bareDocumented.body);
    await new Promise((resolve) => bare.close(resolve));
    await app.mock.close();
    await new Promise((resolve) => mock.close(resolve));
  });

  it("is OmniChat's documented example order, 1.5 KB minified, valid against the contract", () => {
    const body = JSON.parse(DOCUMENTED_ORDER_REQUEST.body ?? '') as unknown;
    expect(validate('orderValidation', 'request', body)).toEqual([]);
    expect(Buffer.byteLength(DOCUMENTED_ORDER_REQUEST.body ?? '')).toBeGreaterThan(1400);
  });

  it('adds rows ours vs bare node:http, held to 0.9x for the search and a new cart, 0.6x for the others', () => {
    const stats = (reqPerSec: number) => ({ reqPerSec, p50Ms: 2, p99Ms: 9, non2xx: 0, errors: 0 });
    const base: BenchResults = {
      comparisons: [],
      startups: { oursMs: [300], prismMs: [1200] },
      memory: { ours: { rssMb: 90, peakMb: 120 }, prism: { rssMb: 160, peakMb: 170 } },
      verify: { wallMs: [900], exitCodes: [0] },
      scale: {
        error: 'not run',
        startupMs: NaN,
        searchHits: 0,
        afterStart: { rssMb: NaN, peakMb: NaN },
        afterLoad: { rssMb: NaN, peakMb: NaN },
        defaultAfterLoad: { rssMb: NaN, peakMb: NaN },
        rounds: [],
      },
      bare: {
        comparisons: [
          { operation: 'productSearch', a: stats(19000), b: stats(20000), medianRatio: 0.95 },
          { operation: NEW_CART_LOAD, a: stats(17000), b: stats(20000), medianRatio: 0.85 },
          { operation: 'orderValidation', a: stats(14000), b: stats(20000), medianRatio: 0.7 },
          { operation: 'orderValidation, documented example', a: stats(11000), b: stats(39000), medianRatio: 0.28 },
        ],
        cpu: [{ operation: 'orderValidation, documented example', oursUs: 80, bareUs: 24 }],
      },
    };
    const rows = buildSummary(base);
    const search = rows.find((r) => r.measure === 'productSearch req/s vs bare node:http');
    const order = rows.find((r) => r.measure === 'orderValidation, documented example req/s vs bare node:http');
    expect(search && verdict(search)).toBe('ok');
    const newCart = rows.find((r) => r.measure === `${NEW_CART_LOAD} req/s vs bare node:http`);
    expect(newCart && [newCart.target && describeTarget(newCart.target), verdict(newCart)]).toEqual([
      '>= 0.9x',
      'MISSED',
    ]);
    const sameCart = rows.find((r) => r.measure === 'orderValidation req/s vs bare node:http');
    expect(sameCart && [sameCart.target && describeTarget(sameCart.target), verdict(sameCart)]).toEqual([
      '>= 0.6x',
      'ok',
    ]);
    expect(order && verdict(order)).toBe('MISSED');
    expect(order?.reference).toBe('39,000');
    const cpu = rows.find((r) => r.measure === 'orderValidation, documented example CPU per request vs bare');
    expect(cpu).toMatchObject({ ours: '80.0 µs', reference: '24.0 µs', ratio: '0.30x' });
    expect(cpu?.target).toBeUndefined();
  });
});
