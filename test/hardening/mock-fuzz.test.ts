import fc from 'fast-check';
import request from 'supertest';
import { OPERATION_IDS, validate, type OperationId } from '../../src/contracts';
import type { MockApp } from '../../src/mock';
import { smallApp } from '../mock/helpers';
import { answerFaults } from './answers';
import { contentType, GOOD_BODY, hostileBody, hostileQuery, pathOf, RUNS } from './hostile';

const BODY_OPERATIONS = OPERATION_IDS.filter((op) => op !== 'productSearch');
let app: MockApp;
beforeAll(() => {
  app = smallApp();
});
afterAll(() => app.mock.close());

/** Sends a request and returns what breaks the property (empty when the answer is a 4xx problem or a 2xx matching the contract). */
async function faultsOf(
  operation: OperationId,
  method: string,
  path: string,
  body?: string | Buffer,
  type = 'application/json',
): Promise<string[]> {
  let call = request(app)[method.toLowerCase() as 'post'](path);
  if (body !== undefined) call = call.set('content-type', type).send(body);
  const res = await call.buffer(true).parse((r, done) => {
    let text = '';
    r.setEncoding('utf8');
    r.on('data', (chunk: string) => (text += chunk));
    r.on('end', () => done(null, text));
  });
  if (method === 'HEAD') return res.status >= 500 ? [`HEAD answered ${res.status}`] : [];
  return answerFaults(operation, res.status, String(res.headers['content-type'] ?? ''), res.body as string);
}

/** After every property the mock still answers a good request of each operation correctly. */
async function answersGoodRequests(): Promise<void> {
  const search = await request(app).get(`${pathOf('productSearch')}?searchType=SKUID&query=12345-1`);
  expect(search.status).toBe(200);
  expect((search.body as { objectId: string }[]).map((p) => p.objectId)).toEqual(['12345']);
  for (const op of BODY_OPERATIONS) {
    const res = await request(app).post(pathOf(op)).send(GOOD_BODY[op]);
    expect(res.status).toBe(200);
    expect(validate(op, 'response', res.body)).toEqual([]);
  }
}

describe('the mock under hostile input (fast-check, seeded)', () => {
  afterEach(answersGoodRequests);

  it.each(BODY_OPERATIONS)(
    '%s answers every malformed JSON body with a 4xx problem or a 2xx in contract',
    async (operation) => {
      await fc.assert(
        fc.asyncProperty(hostileBody(operation), async (body) => {
          expect(await faultsOf(operation, 'POST', pathOf(operation), body)).toEqual([]);
        }),
        RUNS,
      );
    },
  );

  it.each(BODY_OPERATIONS)(
    '%s answers bodies of random bytes (invalid UTF-8 included) with a 4xx problem or a 2xx in contract',
    async (operation) => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
          expect(await faultsOf(operation, 'POST', pathOf(operation), Buffer.from(bytes))).toEqual([]);
        }),
        RUNS,
      );
    },
  );

  it.each(OPERATION_IDS)(
    '%s answers random query strings with a 4xx problem or a 2xx in contract',
    async (operation) => {
      const method = operation === 'productSearch' ? 'GET' : 'POST';
      const body = operation === 'productSearch' ? undefined : JSON.stringify(GOOD_BODY[operation]);
      await fc.assert(
        fc.asyncProperty(hostileQuery, async (query) => {
          expect(await faultsOf(operation, method, `${pathOf(operation)}?${query}`, body)).toEqual([]);
        }),
        RUNS,
      );
    },
  );

  it.each(BODY_OPERATIONS)(
    '%s answers other content types with a 4xx problem or a 2xx in contract',
    async (operation) => {
      await fc.assert(
        fc.asyncProperty(
          contentType,
          fc.oneof(fc.constant(JSON.stringify(GOOD_BODY[operation])), hostileBody(operation)),
          async (type, body) => {
            expect(await faultsOf(operation, 'POST', pathOf(operation), body, type)).toEqual([]);
          },
        ),
        RUNS,
      );
    },
  );

  it('answers every method on every operation path with a 4xx problem or a 2xx in contract', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...OPERATION_IDS),
        fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'),
        fc.boolean(),
        async (operation, method, withBody) => {
          const body =
            withBody && method !== 'GET' && method !== 'HEAD' ? JSON.stringify(GOOD_BODY[operation] ?? {}) : undefined;
          expect(await faultsOf(operation, method, pathOf(operation), body)).toEqual([]);
        },
      ),
      RUNS,
    );
  });
});
