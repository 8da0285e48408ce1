import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  postJson,
  runDone,
  startConsole,
  startRun,
  urlsOf,
  type ConsoleServer,
  type ReportShape,
} from './verify-console';

// The bounds of the console's runs, without a clock: a merchant holds every search until the test
// lets it answer, so runs stay "running" exactly as long as the test says.

/** A merchant whose searches wait for `release()`; everything else is a 404. */
class HeldMerchant {
  private readonly server = http.createServer((req, res) => this.answer(req, res));
  private releaseAll!: () => void;
  private readonly released = new Promise<void>((resolve) => (this.releaseAll = resolve));
  private readonly waiting = new Set<() => void>();
  held = 0;
  port = 0;

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Resolves once `count` searches are waiting. */
  holding(count: number): Promise<void> {
    return new Promise((resolve) => {
      const check = (): void => {
        if (this.held < count) return;
        this.waiting.delete(check);
        resolve();
      };
      this.waiting.add(check);
      check();
    });
  }

  release(): void {
    this.releaseAll();
  }

  async close(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (!req.url?.includes('productsearch')) {
      res.writeHead(404).end();
      return;
    }
    this.held += 1;
    for (const check of [...this.waiting]) check();
    void this.released.then(() => res.writeHead(200, { 'content-type': 'application/json' }).end('[]'));
  }
}

const runsOf = async (
  console: ConsoleServer,
): Promise<{ runs: { id: string; state: string }[]; running: number; queued: number }> =>
  (await (await fetch(`${console.origin}/__admin/verify-runs`)).json()) as {
    runs: { id: string; state: string }[];
    running: number;
    queued: number;
  };

describe('runs at once', () => {
  let merchant: HeldMerchant;
  let console: ConsoleServer;
  beforeEach(async () => {
    merchant = new HeldMerchant();
    await merchant.start();
  });
  afterEach(async () => {
    await console.close();
    await merchant.close();
  });
  const body = (): unknown => ({ config: { urls: urlsOf(`http://127.0.0.1:${merchant.port}/v1`) } });

  it('are at most 2 by default: a third waits in line until one is done, then runs', async () => {
    console = await startConsole();
    const ids = [await startRun(console, body()), await startRun(console, body()), await startRun(console, body())];
    await merchant.holding(2);
    const during = await runsOf(console);
    expect(during).toMatchObject({ running: 2, queued: 1 });
    expect(ids.map((id) => during.runs.find((run) => run.id === id)?.state)).toEqual(['running', 'running', 'queued']);
    // The third run has not called the merchant: only two searches arrived.
    expect(merchant.held).toBe(2);
    merchant.release();
    const views = await Promise.all(ids.map((id) => runDone(console, id)));
    expect(views.map((view) => view.state)).toEqual(['done', 'done', 'done']);
    expect(merchant.held).toBeGreaterThan(2);
  });

  it('are bounded in line too: past the queue a new run is a 503 with Retry-After', async () => {
    console = await startConsole({ allowPrivate: true }, { verifyLimits: { maxRunning: 1, maxQueued: 1 } });
    await startRun(console, body());
    await startRun(console, body());
    const refused = await postJson(`${console.origin}/__admin/verify-runs`, body());
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('30');
    const problem = (await refused.json()) as { type: string; detail: string };
    expect(problem.type).toMatch(/too-many-verify-runs$/);
    expect(problem.detail).toBe(
      '1 run is running and 1 waiting, the most this server takes: try again once one is done',
    );
  });

  it('each end at their time limit, with a report that says so', async () => {
    // The limit is injected short; the merchant never answers before it.
    console = await startConsole({ allowPrivate: true }, { verifyLimits: { timeLimitMs: 200 } });
    const id = await startRun(console, body());
    const view = await runDone(console, id);
    const report = view.report as ReportShape;
    expect(view.verdict).toBe('fail');
    expect(report.whatToFix[0]).toMatchObject({ operation: 'productSearch', check: 'answers-2xx', status: 'error' });
    expect(report.whatToFix[0].message).toContain(
      'it passed the time limit the server sets for one run (serve --verify-time-limit)',
    );
  });
});
