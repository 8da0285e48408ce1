import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { serveMock, type ServedMock } from '../mock/helpers';
import { postJson, runDone, startRun, urlsOf, type ConsoleServer } from '../mock/verify-console';
import { freshDatabase } from '../support/postgres';
import { startServe, type ServeChild } from '../support/serve-child';
import { until } from '../support/until';
import { merchantFor, read, startPgConsole } from './verify-console';

// The QA console's history on a PostgreSQL store: a run finished on one replica is listed, and its
// report and downloads are read, on another and after a restart; the bound drops the oldest; a replica
// killed mid-run leaves its run interrupted, never running forever; no header value is stored or answered.

const TOKEN = 'Hist-S3cret-Token-81';
const KEY = 'Hist/Key+Value=93';
const FORMS = [TOKEN, KEY, encodeURIComponent(KEY), KEY.replace('/', '\\/')];
const headers = [
  { key: 'Authorization', value: `Bearer ${TOKEN}` },
  { key: 'X-Api-Key', value: KEY },
];
const PATHS = ['', '/report.json', '/report.xml', '/report.html'];

let merchant: ServedMock;
let echo: http.Server;
let echoBase: string;
const consoles = new Set<ConsoleServer>();

beforeAll(async () => {
  merchant = await serveMock();
  // A merchant that echoes the headers it was sent: only the masking keeps them out of the history.
  echo = http.createServer((req, res) => {
    const seen = JSON.stringify({ headers: req.headers, url: req.url });
    res.writeHead(200, { 'content-type': 'application/json', 'x-echo': String(req.headers.authorization) });
    res.end(JSON.stringify([{ objectId: seen, name: seen, mainVariant: { objectId: 'v', name: seen, price: 1 } }]));
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  echoBase = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/v1`;
});
afterEach(async () => {
  for (const c of [...consoles]) await c.close();
  consoles.clear();
});
afterAll(async () => {
  await merchant.close();
  echo.closeAllConnections();
  await new Promise<void>((resolve) => echo.close(() => resolve()));
});

/** A console replica on the database; closed after the test. */
async function replica(url: string, options: Parameters<typeof startPgConsole>[1] = {}): Promise<ConsoleServer> {
  const started = await startPgConsole(url, options);
  consoles.add(started);
  const close = started.close;
  return {
    ...started,
    close: async () => {
      consoles.delete(started);
      await close();
    },
  };
}

interface Listed {
  id: string;
  state: string;
  verdict?: string;
  problem?: string;
  integration: string;
}

async function listOn(on: { origin: string }): Promise<{ runs: Listed[]; history: Record<string, number> }> {
  const answer = await read(on.origin, '/__admin/verify-runs');
  expect(answer.status).toBe(200);
  return JSON.parse(answer.text) as { runs: Listed[]; history: Record<string, number> };
}

/** Every row the history holds, as text. */
async function storedRows(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT * FROM merchant_kit.verify_runs');
    return JSON.stringify(rows);
  } finally {
    await client.end();
  }
}

it('a run finished on one replica is listed, and its report and downloads read, on the other and after a restart; no header value stored or answered', async () => {
  const url = await freshDatabase();
  const a = await replica(url);
  const b = await replica(url);
  const texts: string[] = [];
  const base = await merchantFor(merchant.origin, a.origin, 'loja-h', TOKEN);
  const passing = await startRun(a, { config: { displayName: 'Loja H', urls: urlsOf(base), headers } });
  const echoed = await startRun(b, { config: { displayName: 'Loja Eco', urls: urlsOf(echoBase), headers } });
  expect(await runDone(a, passing)).toMatchObject({ state: 'done', verdict: 'pass' });
  expect(await runDone(b, echoed)).toMatchObject({ state: 'done', verdict: 'fail' });

  // Each replica lists both runs, newest finished first, and reads every download as the other does.
  const shown = new Map<string, string>();
  for (const [id, home] of [
    [passing, a],
    [echoed, b],
  ] as const)
    for (const path of PATHS) {
      const answer = await read(home.origin, `/__admin/verify-runs/${id}${path}`);
      expect(answer.status).toBe(200);
      shown.set(`${id}${path}`, answer.text);
      texts.push(answer.all);
    }
  for (const on of [a, b]) {
    const { runs } = await listOn(on);
    expect(runs.map((run) => run.id).sort()).toEqual([passing, echoed].sort());
    expect(runs.find((run) => run.id === passing)).toMatchObject({
      state: 'done',
      verdict: 'pass',
      integration: 'Loja H',
    });
    for (const [key, text] of shown) {
      const answer = await read(on.origin, `/__admin/verify-runs/${key}`);
      expect(answer.status).toBe(200);
      expect(answer.text).toBe(text);
      texts.push(answer.all);
    }
    texts.push((await read(on.origin, `/__admin/verify-runs/${echoed}/changes?since=${passing}`)).all);
  }

  // Both replicas stop; a new one on the same database finds the history as it was.
  await a.close();
  await b.close();
  const c = await replica(url);
  const after = await listOn(c);
  expect(after.runs.map((run) => run.id).sort()).toEqual([passing, echoed].sort());
  expect(after.history).toMatchObject({ runs: 2, dropped: 0 });
  for (const [key, text] of shown) {
    const answer = await read(c.origin, `/__admin/verify-runs/${key}`);
    expect(answer.text).toBe(text);
    texts.push(answer.all);
  }
  texts.push(JSON.stringify(after));

  // The echo reached the reports and the rows: the masking is what keeps the values out.
  const rows = await storedRows(url);
  expect(rows).toContain('Bearer ***');
  expect(texts.join('\n')).toContain('Bearer ***');
  for (const form of FORMS) {
    expect(rows).not.toContain(form);
    expect(texts.filter((text) => text.includes(form))).toEqual([]);
  }
});

it('keeps the newest runs within --verify-history on every replica, dropping the oldest first', async () => {
  const url = await freshDatabase();
  const a = await replica(url, { verifyHistoryRuns: 2 });
  const b = await replica(url, { verifyHistoryRuns: 2 });
  // Nothing listens on port 1: each run ends at once, with its report of what could not be checked.
  const config = { displayName: 'Loja Fechada', urls: urlsOf('http://127.0.0.1:1/v1') };
  const ids: string[] = [];
  for (const on of [a, b, a]) {
    const id = await startRun(on, { config });
    await runDone(on, id);
    ids.push(id);
  }
  for (const on of [a, b]) {
    const { runs, history } = await listOn(on);
    expect(runs.map((run) => run.id)).toEqual([ids[2], ids[1]]);
    expect(history).toMatchObject({ runs: 2, maxRuns: 2, dropped: 1 });
    expect((await read(on.origin, `/__admin/verify-runs/${ids[0]}`)).status).toBe(404);
    expect((await read(on.origin, `/__admin/verify-runs/${ids[0]}/report.json`)).status).toBe(404);
  }
});

describe('a replica killed mid-run', () => {
  let hang: http.Server;
  const held: http.ServerResponse[] = [];
  let child: ServeChild | undefined;
  afterEach(async () => {
    if (child) await child.stop();
    for (const res of held.splice(0)) res.destroy();
    hang?.closeAllConnections();
    await new Promise<void>((resolve) => (hang ? hang.close(() => resolve()) : resolve()));
  });

  it('leaves its run listed as running on the others while alive, then interrupted, never running forever', async () => {
    const url = await freshDatabase();
    // A merchant that never answers: the run stays running until its replica dies.
    let arrived: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (arrived = resolve));
    hang = http.createServer((_req, res) => {
      held.push(res);
      arrived();
    });
    await new Promise<void>((resolve) => hang.listen(0, '127.0.0.1', resolve));
    const hangBase = `http://127.0.0.1:${(hang.address() as AddressInfo).port}/v1`;
    const b = await replica(url);
    child = await startServe(['--store', url, '--quiet', '--verify-allow-private']);
    const res = await postJson(`${child.origin}/__admin/verify-runs`, {
      config: { displayName: 'Loja Parada', urls: urlsOf(hangBase), headers, timeoutMs: 60000 },
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    await first;

    const seenOnB = async (): Promise<Listed | undefined> => (await listOn(b)).runs.find((run) => run.id === id);
    await until(async () => (await seenOnB())?.state === 'running');
    expect(await seenOnB()).toMatchObject({ integration: 'Loja Parada', state: 'running' });
    expect(JSON.parse((await read(b.origin, `/__admin/verify-runs/${id}`)).text)).toMatchObject({
      state: 'running',
      report: null,
    });

    child.child.kill('SIGKILL');
    await child.exited;
    child = undefined;
    await until(async () => (await seenOnB())?.state === 'done');
    expect(await seenOnB()).toMatchObject({
      state: 'done',
      verdict: 'error',
      problem: expect.stringContaining('interrupted'),
    });
    const view = JSON.parse((await read(b.origin, `/__admin/verify-runs/${id}`)).text) as Record<string, unknown>;
    expect(view).toMatchObject({ state: 'done', verdict: 'error', report: null, integration: 'Loja Parada' });
    expect(view.config).toMatchObject({
      headers: [
        { key: 'Authorization', value: 'Bearer ***' },
        { key: 'X-Api-Key', value: '***' },
      ],
    });
    // A replica started afterwards sees the same.
    const c = await replica(url);
    expect((await listOn(c)).runs).toEqual([expect.objectContaining({ id, state: 'done', verdict: 'error' })]);
    expect(await storedRows(url)).not.toContain(TOKEN);
  });
});
