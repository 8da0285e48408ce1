import type { JournalEntry } from '../../src/mock/store/journal-entry';
import { MAX_STREAMS } from '../../src/mock/http/routes/admin-events';
import { openStream, type EventStream } from './event-stream';
import { CHECKER, SEARCH, line, order, serveMock, type ServedMock } from './helpers';
import { until } from '../support/until';

// The dashboard's live stream: server-sent events of each journaled request (numbered, resumable),
// order and stock changes and resets, read with fetch on a real port as the page reads them.

const json = { 'content-type': 'application/json' };

describe('GET /__admin/events', () => {
  let served: ServedMock;
  const streams: EventStream[] = [];
  const open = async (query = '', headers: Record<string, string> = {}): Promise<EventStream> => {
    const stream = await openStream(`${served.origin}/__admin/events${query}`, headers);
    streams.push(stream);
    return stream;
  };
  beforeAll(async () => {
    served = await serveMock({ auth: [{ key: 'X-Api-Key', value: 'strm-s3cret' }] });
  });
  afterEach(() => {
    for (const stream of streams.splice(0)) stream.close();
  });
  afterAll(() => served.close());

  it('sends each new request as an event numbered like its journal entry, with the secret masked', async () => {
    const stream = await open();
    expect(stream.status).toBe(200);
    await fetch(`${served.origin}${SEARCH}?query=camiseta&token=abc123`, { headers: { 'x-api-key': 'strm-s3cret' } });
    const event = await stream.next((e) => e.event === 'request');
    const entry = JSON.parse(event.data);
    expect(entry).toMatchObject({ method: 'GET', path: SEARCH, operation: 'productSearch', status: 200 });
    expect(entry.headers['x-api-key']).toBe('***');
    expect(entry.query).toBe('query=camiseta&token=***');
    expect(event.data).not.toContain('strm-s3cret');
    expect(event.data).not.toContain('abc123');
    expect(event.id).toBe(String(entry.seq));
    const journal = await served.app.mock.context.journal.entries();
    expect(journal.at(-1)?.seq).toBe(entry.seq);
  });

  it('carries the start of the request and answer bodies', async () => {
    const stream = await open();
    const body = JSON.stringify(order('EV-1', [line('L1', '2001-P')]));
    await fetch(`${served.origin}${CHECKER}`, {
      method: 'POST',
      headers: { ...json, 'x-api-key': 'strm-s3cret' },
      body,
    });
    const entry = JSON.parse((await stream.next((e) => e.event === 'request')).data);
    expect(entry.requestBody).toBe(body);
    expect(entry.requestBodyLength).toBe(Buffer.byteLength(body));
    expect(entry.responseType).toContain('application/json');
    expect(JSON.parse(entry.responseBody)[0]).toMatchObject({ action: 'INFO', componentId: 'L1' });
  });

  it('replays the requests after ?since=SEQ, then goes on live', async () => {
    const seqs = (await served.app.mock.context.journal.entries()).map((e) => e.seq as number);
    const stream = await open(`?since=${seqs[0]}`);
    const replayed = await stream.next((e) => e.id === String(seqs.at(-1)));
    expect(stream.events.filter((e) => e.event === 'request').map((e) => Number(e.id))).toEqual(seqs.slice(1));
    expect(replayed.event).toBe('request');
  });

  it('replays everything when since is past the last request (the mock restarted)', async () => {
    const stream = await open('?since=999999');
    const first = (await served.app.mock.context.journal.entries())[0];
    const event = await stream.next((e) => e.event === 'request');
    expect(event.id).toBe(String(first.seq));
  });

  it('refuses a since that is not a number', async () => {
    const res = await fetch(`${served.origin}/__admin/events?since=last`);
    expect(res.status).toBe(400);
    expect((await res.json()).detail).toContain('since');
  });

  it('sends stock and reset events', async () => {
    const stream = await open();
    await fetch(`${served.origin}/__admin/stock/2001-P`, { method: 'PUT', headers: json, body: '{"quantity":1}' });
    expect(JSON.parse((await stream.next((e) => e.event === 'stock')).data)).toEqual({ productId: '2001' });
    await fetch(`${served.origin}/__admin/reset`, { method: 'POST', headers: json });
    await stream.next((e) => e.event === 'reset');
  });

  it(`bounds the open streams to ${MAX_STREAMS}, answering 503 past it`, async () => {
    // The earlier tests' streams were closed by the client; the server sees each close a moment later.
    const { streams: held } = served.app.mock.context;
    await until(() => held.size === 0);
    for (let i = 0; i < MAX_STREAMS; i += 1) expect((await open()).status).toBe(200);
    const refused = await fetch(`${served.origin}/__admin/events`);
    expect(refused.status).toBe(503);
    expect((await refused.json()).type).toContain('too-many-streams');
    for (const stream of streams.splice(0)) stream.close();
    // A closed stream frees its place (the server sees the close asynchronously).
    await until(() => held.size === 0);
    expect((await open()).status).toBe(200);
  });
});

describe('the live stream and the server', () => {
  it('needs the admin token when one is set', async () => {
    const served = await serveMock({ adminToken: 'adm-7' });
    try {
      expect((await openStream(`${served.origin}/__admin/events`)).status).toBe(401);
      const stream = await openStream(`${served.origin}/__admin/events`, { authorization: 'Bearer adm-7' });
      expect(stream.status).toBe(200);
      stream.close();
    } finally {
      await served.close();
    }
  });

  it('ends every open stream when the mock closes', async () => {
    const served = await serveMock();
    const stream = await openStream(`${served.origin}/__admin/events`);
    await served.app.mock.close();
    await stream.ended;
    expect(served.app.mock.context.streams.size).toBe(0);
    await served.close();
  });
});

describe('the journal previews', () => {
  it('mask the configured secrets and the ones a request presented, wherever they are echoed', async () => {
    const served = await serveMock({
      auth: [{ key: 'X-Api-Key', value: 'prv-s3cret-1' }],
      omnichatApi: 'http://127.0.0.1:9',
      omnichatToken: 'omni-tok-22',
    });
    try {
      await fetch(`${served.origin}${SEARCH}?query=${encodeURIComponent('prv-s3cret-1 omni-tok-22')}`, {
        headers: { 'x-api-key': 'prv-s3cret-1' },
      });
      await fetch(`${served.origin}${SEARCH}?query=a-wrong-guess-77`, { headers: { 'x-api-key': 'a-wrong-guess-77' } });
      await fetch(`${served.origin}${CHECKER}`, {
        method: 'POST',
        headers: { ...json, 'x-api-key': 'prv-s3cret-1' },
        body: JSON.stringify({ objectId: 'PRV-1', note: 'prv-s3cret-1', items: [] }),
      });
      // What the admin API shows, and so the dashboard.
      const entries = (await (await fetch(`${served.origin}/__admin/requests`)).json()) as JournalEntry[];
      expect(entries.map((e) => e.status)).toEqual([200, 401, 200]);
      expect(entries[2].requestBody).toContain('"note":"***"');
      expect(entries[0].query).toContain('***');
      const text = JSON.stringify(entries);
      for (const secret of ['prv-s3cret-1', 'omni-tok-22', 'a-wrong-guess-77']) expect(text).not.toContain(secret);
      expect(text).toContain('***');
    } finally {
      await served.close();
    }
  });
});

describe('the journal preview of a request body', () => {
  it('is the body as it arrived, malformed JSON included, with its whole length', async () => {
    const served = await serveMock();
    try {
      const broken = `{"objectId": "BRK-1", "items": [${'{"objectId":"L","quantity":1},'.repeat(300)}`;
      const res = await fetch(`${served.origin}${CHECKER}`, { method: 'POST', headers: json, body: broken });
      expect(res.status).toBe(400);
      const [entry] = (await (await fetch(`${served.origin}/__admin/requests`)).json()) as JournalEntry[];
      expect(entry.requestBody).toBe(broken.slice(0, 4096));
      expect(entry.requestBodyLength).toBe(Buffer.byteLength(broken));
      expect(JSON.parse(entry.responseBody as string)).toMatchObject({ status: 400 });
    } finally {
      await served.close();
    }
  });
});
