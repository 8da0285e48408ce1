import { openStream } from './event-stream';
import {
  passingSandbox,
  postJson,
  runDone,
  startConsole,
  startRun,
  statusOf,
  urlsOf,
  type ConsoleServer,
  type ReportShape,
} from './verify-console';

// The QA console's runs of verify through the admin API: a run against a merchant that passes and one
// that fails (both sandboxes of the console's own mock, calling back on its own port), the live
// progress, the downloads, what changed between two runs, and bad configs.

let console: ConsoleServer;
let passing: string;

beforeAll(async () => {
  console = await startConsole();
  passing = await passingSandbox(console, 'loja-ok', 'token-ok-1234');
});
afterAll(() => console.close());

const config = (base: string, token: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  displayName: 'Loja Exemplo',
  urls: urlsOf(base),
  headers: [{ key: 'Authorization', value: `Bearer ${token}` }],
  ...extra,
});

describe('POST /__admin/verify-runs', () => {
  // One run against the merchant that passes, read two ways: as it goes by the live stream, and its
  // view once done (a second passing run would only wait out the same callback graces again).
  let accepted: { status: number; location: string | null };
  let id: string;
  let view: Record<string, unknown>;
  let told: { id: string; state: string; operation?: { operation: string } }[];
  beforeAll(async () => {
    const stream = await openStream(`${console.origin}/__admin/events`);
    try {
      const res = await postJson(`${console.origin}/__admin/verify-runs`, { config: config(passing, 'token-ok-1234') });
      accepted = { status: res.status, location: res.headers.get('location') };
      if (res.status !== 202) throw new Error(`POST /__admin/verify-runs: ${res.status} ${await res.text()}`);
      ({ id } = (await res.json()) as { id: string });
      await stream.next(
        (e) => e.event === 'verify' && JSON.parse(e.data).id === id && JSON.parse(e.data).state === 'done',
      );
      told = stream.events.filter((e) => e.event === 'verify').map((e) => JSON.parse(e.data));
    } finally {
      stream.close();
    }
    view = await runDone(console, id);
  });

  it('runs verify against a merchant that passes: 202 with an id, then done with the report verify --json writes', () => {
    expect(accepted).toEqual({ status: 202, location: `/__admin/verify-runs/${id}` });
    const report = view.report as ReportShape;
    expect(view.state).toBe('done');
    expect(report.verdict).toBe('pass');
    expect(report.whatToFix).toEqual([]);
    expect(report.meta.runId).toBe(id);
    // The merchant called back on the console's own port, and the run saw it.
    expect(statusOf(report, 'orderCreation', 'callback-received')).toBe('pass');
    expect(statusOf(report, 'orderCreation', 'callback-authorized')).toBe('pass');
    expect(view).toMatchObject({ integration: 'Loja Exemplo', verdict: 'pass', kitVersion: expect.any(String) });
    expect((view.progress as { operation: string }[]).map((line) => line.operation)).toEqual([
      'productSearch',
      'orderValidation',
      'orderCreation',
      'statusNotification',
      'orderCancellation',
    ]);
  });

  it('tells the live stream each operation as it finishes, then the verdict', () => {
    const mine = told.filter((e) => e.id === id);
    expect(mine.map((e) => e.operation?.operation ?? e.state)).toEqual([
      'queued',
      'running',
      'productSearch',
      'orderValidation',
      'orderCreation',
      'statusNotification',
      'orderCancellation',
      'done',
    ]);
    expect(mine[mine.length - 1]).toMatchObject({ id, state: 'done', verdict: 'pass', integration: 'Loja Exemplo' });
  });

  it('reports a merchant that fails, cause first: a wrong token is answers-2xx of productSearch', async () => {
    const id = await startRun(console, { config: config(passing, 'token-wrong-99') });
    const report = (await runDone(console, id)).report as ReportShape;
    expect(report.verdict).toBe('fail');
    expect(report.whatToFix[0]).toMatchObject({ operation: 'productSearch', check: 'answers-2xx', status: 'fail' });
  });

  it('says in Portuguese what the run was asked in, with ids and statuses unchanged', async () => {
    const id = await startRun(console, { config: config(passing, 'token-wrong-99'), lang: 'pt-BR' });
    const report = (await runDone(console, id)).report as ReportShape;
    expect(report.meta.lang).toBe('pt-BR');
    expect(report.whatToFix[0]).toMatchObject({ check: 'answers-2xx', status: 'fail' });
    expect(report.whatToFix[0].message).toMatch(/respondeu HTTP 401/);
  });

  it('with noDestructive checks only search and validation', async () => {
    const id = await startRun(console, { config: config(passing, 'token-ok-1234'), noDestructive: true });
    const report = (await runDone(console, id)).report as ReportShape;
    expect(report.operations.filter((op) => op.status !== 'skip').map((op) => op.operation)).toEqual([
      'productSearch',
      'orderValidation',
    ]);
  });
});

describe('a finished run', () => {
  let passed: string;
  let failed: string;
  beforeAll(async () => {
    // Started one after the other (the passing one is the newer), run side by side.
    failed = await startRun(console, { config: config(passing, 'token-wrong-99') });
    passed = await startRun(console, { config: config(passing, 'token-ok-1234') });
    await Promise.all([runDone(console, failed), runDone(console, passed)]);
  });

  it('downloads its report as JSON (the same as the run view), JUnit and HTML', async () => {
    const view = (await (await fetch(`${console.origin}/__admin/verify-runs/${failed}`)).json()) as { report: unknown };
    const json = await fetch(`${console.origin}/__admin/verify-runs/${failed}/report.json`);
    expect(json.headers.get('content-disposition')).toBe(`attachment; filename="merchant-kit-${failed}.json"`);
    expect(await json.json()).toEqual(view.report);
    const junit = await fetch(`${console.origin}/__admin/verify-runs/${failed}/report.xml`);
    expect(junit.headers.get('content-type')).toContain('application/xml');
    expect(await junit.text()).toMatch(/<testsuites[^>]*failures="[1-9]/);
    const html = await fetch(`${console.origin}/__admin/verify-runs/${failed}/report.html`);
    expect(html.headers.get('content-security-policy')).toContain('sandbox');
    expect(await html.text()).toContain('<h1>Loja Exemplo</h1>');
  });

  it('is listed newest first with its date, verdict, duration, kit version and seed', async () => {
    const list = (await (await fetch(`${console.origin}/__admin/verify-runs`)).json()) as {
      runs: Record<string, unknown>[];
      maxRunning: number;
      callbackUrl: string;
    };
    const ids = list.runs.map((run) => run.id);
    expect(ids.indexOf(passed)).toBeLessThan(ids.indexOf(failed));
    expect(list.runs.find((run) => run.id === passed)).toMatchObject({
      state: 'done',
      verdict: 'pass',
      integration: 'Loja Exemplo',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      durationMs: expect.any(Number),
      kitVersion: expect.any(String),
      seed: expect.any(Number),
    });
    expect(list).toMatchObject({ maxRunning: 2, callbackUrl: `${console.origin}/__verify/callbacks` });
  });

  it('shows what changed since another run: the checks that stopped failing, and the other way round', async () => {
    const fixed = await fetch(`${console.origin}/__admin/verify-runs/${passed}/changes?since=${failed}`);
    const changes = (await fixed.json()) as Record<string, { operation: string; check: string }[]> & {
      from: { verdict: string };
      to: { verdict: string };
    };
    expect(changes.from.verdict).toBe('fail');
    expect(changes.to.verdict).toBe('pass');
    expect(changes.startedFailing).toEqual([]);
    // One cause fixed, and every check that could not run because of it folded into it: not 63 lines.
    expect(changes.stoppedFailing).toEqual([
      {
        operation: 'productSearch',
        check: 'answers-2xx',
        was: 'fail',
        now: 'pass',
        message: expect.any(String),
        consequences: 62,
      },
    ]);
    const broke = (await (
      await fetch(`${console.origin}/__admin/verify-runs/${failed}/changes?since=${passed}`)
    ).json()) as Record<string, unknown[]>;
    expect(broke.stoppedFailing).toEqual([]);
    expect(broke.startedFailing).toEqual([
      {
        operation: 'productSearch',
        check: 'answers-2xx',
        was: 'pass',
        now: 'fail',
        message: expect.stringContaining('401'),
        consequences: 62,
      },
    ]);
  });

  it('answers 404 for an unknown run and 400 for changes without a run to compare with', async () => {
    const unknown = await fetch(`${console.origin}/__admin/verify-runs/nope/report.html`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { type: string }).type).toMatch(/verify-run-not-found$/);
    const noSince = await fetch(`${console.origin}/__admin/verify-runs/${passed}/changes`);
    expect(noSince.status).toBe(400);
    expect(((await noSince.json()) as { detail: string }).detail).toContain('?since=');
  });
});

describe('a bad request', () => {
  const post = async (body: unknown): Promise<{ status: number; type: string; detail: string }> => {
    const res = await postJson(`${console.origin}/__admin/verify-runs`, body, { 'accept-language': 'en' });
    const problem = (await res.json()) as { type: string; detail: string };
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    return { status: res.status, type: problem.type.replace(/.*\//, ''), detail: problem.detail };
  };

  it.each([
    [
      'a missing URL',
      { config: { urls: { productSearch: 'http://127.0.0.1:1/a' } } },
      'config: missing key "urls.orderValidation"',
    ],
    ['a misspelt key', { config: { urls: urlsOf('http://127.0.0.1:1'), displayNme: 'x' } }, '"displayName"'],
    [
      'an environment variable',
      { config: { urls: urlsOf('http://127.0.0.1:1'), headers: [{ key: 'Authorization', value: 'Bearer ${HOME}' }] } },
      '"headers[0].value" uses ${HOME}: a run from the QA console does not read the server\'s environment',
    ],
    ['a CA file', { config: { urls: urlsOf('http://127.0.0.1:1'), ca: '/etc/ssl/x.pem' } }, '"ca" is not read'],
    [
      'six headers',
      { config: { urls: urlsOf('http://127.0.0.1:1'), headers: Array(6).fill({ key: 'X-A', value: 'b' }) } },
      'at most 5',
    ],
    [
      'a header name with a space',
      { config: { urls: urlsOf('http://127.0.0.1:1'), headers: [{ key: 'X A', value: 'b' }] } },
      '"headers[0].key" is not a valid header name',
    ],
  ])('answers 400 bad-verify-config naming the key: %s', async (_name, body, detail) => {
    const answer = await post(body);
    expect(answer).toMatchObject({ status: 400, type: 'bad-verify-config' });
    expect(answer.detail).toContain(detail);
  });

  it.each([
    ['no config', { noDestructive: true }, 'config is required'],
    ['an unknown key', { config: {}, dryRun: true }, 'unknown key "dryRun"'],
    ['noDestructive not a boolean', { config: {}, noDestructive: 'yes' }, 'noDestructive must be true or false'],
    ['an unknown language', { config: {}, lang: 'fr' }, 'lang must be'],
  ])('answers 400 bad-admin-request for %s', async (_name, body, detail) => {
    const answer = await post(body);
    expect(answer).toMatchObject({ status: 400, type: 'bad-admin-request' });
    expect(answer.detail).toContain(detail);
  });

  it('says what to fix in Portuguese when asked', async () => {
    const res = await postJson(
      `${console.origin}/__admin/verify-runs`,
      { config: { urls: { productSearch: 'http://127.0.0.1:1/a' } } },
      { 'accept-language': 'pt-BR' },
    );
    expect(((await res.json()) as { detail: string }).detail).toContain('config: falta a chave "urls.orderValidation"');
  });
});
