import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { openStream } from '../mock/event-stream';
import { smallApp } from '../mock/helpers';
import { pathOf } from './hostile';

// A client echoes a configured secret (and its own wrong guesses) everywhere it can: in the path, the
// query, every header, the body, fields that break the contract (--lenient journals their violations),
// letters lower- or upper-cased, percent-encoded with either hex case, JSON-escaped. Every field of every
// journal entry and of every log line is then walked: none may show a secret in any of those forms, and
// every field the mock did not make itself must show the mask, so a field added later cannot skip it.

const TOKEN = 'Tok3n/Abc+Xyz=9Q';
const KEY = 'k3y-store-5151';
const WRONG = 'Wr0ng/Guess+77';
const ADMIN = 'Adm1n-T0ken-4242';
const SECRETS = [TOKEN, KEY, WRONG, ADMIN];

/** A text in every form a client may echo it in. */
function forms(secret: string): string[] {
  const lowerHex = (text: string): string => text.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
  const everyByte = (text: string): string => [...Buffer.from(text)].map((b) => `%${b.toString(16)}`).join('');
  return [
    secret,
    secret.toLowerCase(),
    secret.toUpperCase(),
    encodeURIComponent(secret),
    lowerHex(encodeURIComponent(secret)),
    encodeURIComponent(secret.toLowerCase()),
    lowerHex(encodeURIComponent(secret.toUpperCase())),
    everyByte(secret.toLowerCase()),
  ];
}

/** The same forms as they can sit in a JSON string: also \uXXXX escapes (either hex case) and PHP's \/. */
function jsonForms(secret: string): string[] {
  const unicode = (text: string): string =>
    [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
  return [
    ...forms(secret),
    unicode(secret),
    unicode(secret.toLowerCase()).toUpperCase().replace(/\\U/g, '\\u'),
    secret.replace(/\//g, '\\/'),
  ];
}

/** A secret visible in a text once every encoding above is undone and letters are folded to one case. */
function exposedIn(text: string): string | undefined {
  const decoded = text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\\//g, '/')
    .replace(/(%[0-9a-fA-F]{2})+/g, (run) => Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8'))
    .toLowerCase();
  return SECRETS.find((secret) => decoded.includes(secret.toLowerCase()));
}

/** Every string in a value with where it sits (`headers.user-agent`, `violations.0.message`), keys included. */
function fields(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => fields(item, `${at}.${i}`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, child]) => [
      [`${at}.${key}(key)`, key] as [string, string],
      ...fields(child, at ? `${at}.${key}` : key),
    ]);
  return [];
}

/** Fields the mock fills itself: they never hold what a client sent. */
const MOCK_MADE = /^(at|method|operation|scenario|responseType|violations\.(keyword|pointer)|.*\(key\))$/;
/** A field name without the array positions, to list which fields showed the mask. */
const generic = (at: string): string => at.replace(/\.\d+/g, '');

describe('secrets in every field of the journal and the log, in every encoding and case', () => {
  const lines: string[] = [];
  const app = smallApp({
    auth: [
      { key: 'Authorization', value: `Bearer ${TOKEN}` },
      { key: 'X-Store-Key', value: KEY },
    ],
    adminToken: ADMIN,
    lenient: true,
    log: (line) => lines.push(line),
  });
  afterAll(() => app.mock.close());
  const rightHeaders = { authorization: `Bearer ${TOKEN}`, 'x-store-key': KEY };

  /** Headers that each carry a secret in one of its forms (the journal keeps some; none may leak). */
  const echoingHeaders = (form: string): Record<string, string> => ({
    'user-agent': `client/1.0 (${form})`,
    prefer: `return=minimal; note=${form}`,
    referer: `http://shop.example/?t=${form}`,
    'x-request-id': form,
    cookie: `session=${form}`,
    'accept-language': `pt-BR, x-${form.replace(/[^a-z0-9-]/gi, '')}`,
  });

  beforeAll(async () => {
    for (const secret of SECRETS) {
      // A wrong guess is a secret in the request that presents it (it is answered 401, and journaled).
      const authorized = secret === WRONG ? { authorization: `Bearer ${WRONG}`, 'x-store-key': KEY } : rightHeaders;
      for (const form of forms(secret)) {
        // The path and the query (a 404 answer also quotes the path back).
        await request(app).get(`/v1/${form}`).set(authorized).set(echoingHeaders(form));
        await request(app)
          .get(`${pathOf('productSearch')}?query=${form}&size=1`)
          .set(authorized)
          .set(echoingHeaders(form));
        // A wrong guess presented in the auth headers, which the journal masks whole.
        await request(app)
          .get(pathOf('productSearch'))
          .set({ authorization: `Bearer ${form}`, 'x-store-key': form });
      }
      for (const form of jsonForms(secret)) {
        // The body, the content type, and a field of the wrong type (its violation quotes the value).
        const body = `{"objectId":"${form}","items":"${form}","shippingAddress":{"addressState":"SP"},"note":"${form}"}`;
        await request(app)
          .post(pathOf('orderCreation'))
          .set(authorized)
          .set(echoingHeaders(form))
          .set('content-type', `application/json; note=${form.replace(/\\/g, '')}`)
          .send(body);
      }
    }
    // A sandbox whose name is a secret: the log line names the sandbox.
    await request(app)
      .get(`/sandboxes/${KEY}${pathOf('productSearch')}`)
      .set(rightHeaders);
  });

  it('shows no secret in any field of any journal entry, and the mask in every field a client filled', async () => {
    const journal = await request(app).get('/__admin/requests').set('authorization', `Bearer ${ADMIN}`);
    expect(journal.status).toBe(200);
    const entries = journal.body as Record<string, unknown>[];
    expect(entries.length).toBeGreaterThan(100);
    const masked = new Set<string>();
    for (const entry of entries) {
      for (const [at, text] of fields(entry)) {
        expect([at, exposedIn(text)]).toEqual([at, undefined]);
        if (text.includes('***')) masked.add(generic(at));
      }
    }
    // Every field holding what a client sent showed the mask somewhere: the secret reached it and was masked.
    const clientFilled = new Set(
      entries.flatMap((e) => fields(e).map(([at]) => generic(at))).filter((at) => !MOCK_MADE.test(at)),
    );
    expect([...clientFilled].filter((at) => !masked.has(at))).toEqual([]);
    expect([...masked].sort()).toEqual(
      expect.arrayContaining([
        'headers.authorization',
        'headers.content-type',
        'headers.prefer',
        'headers.user-agent',
        'headers.x-store-key',
        'path',
        'query',
        'requestBody',
        'responseBody',
        'violations.message',
      ]),
    );
  });

  it("shows the same entries in the live stream (the dashboard's journal), replayed from the start", async () => {
    const journal = (await request(app).get('/__admin/requests').set('authorization', `Bearer ${ADMIN}`)).body as {
      seq: number;
    }[];
    const last = String(journal[journal.length - 1].seq);
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const stream = await openStream(`http://127.0.0.1:${port}/__admin/events?since=0`, {
      authorization: `Bearer ${ADMIN}`,
    });
    try {
      await stream.next((event) => event.id === last);
      const entries = stream.events.filter((event) => event.event === 'request');
      expect(entries).toHaveLength(journal.length);
      for (const event of entries)
        for (const [at, text] of fields(JSON.parse(event.data))) expect([at, exposedIn(text)]).toEqual([at, undefined]);
    } finally {
      stream.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('shows no secret in any field of any log line, and the mask in the path and the sandbox', () => {
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed.length).toBeGreaterThan(100);
    const masked = new Set<string>();
    for (const line of parsed) {
      for (const [at, text] of fields(line)) {
        expect([at, exposedIn(text)]).toEqual([at, undefined]);
        if (text.includes('***')) masked.add(at);
      }
    }
    expect([...masked].sort()).toEqual(['path', 'sandbox']);
  });
});
