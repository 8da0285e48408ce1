import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/contracts';
import { runToEnd } from '../support/child-process';

/**
 * The harness, run by a child `node --expose-gc` against the built mock (npm test builds first): a
 * target that accepts every callback and never answers, 20 orders, a 300 ms per-attempt timeout, and
 * a full garbage collection every 10 ms until every callback has finished. It prints what the orders
 * recorded. With a timeout lost the callbacks never finish: the test then hangs until jest's timeout,
 * whose end also ends the harness. On Node 20, AbortSignal.timeout() combined with
 * AbortSignal.any() is collected by the first GC and never fires (nodejs/node#57736).
 */
const HARNESS = `
const http = require('node:http');
const { createMockApp, createMockListener } = require(${JSON.stringify(path.join(PACKAGE_ROOT, 'dist', 'mock'))});
const held = new Set();
const target = http.createServer((req, res) => { held.add(res); req.resume(); });
const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
(async () => {
  const targetPort = await listen(target);
  const app = createMockApp({
    omnichatApi: 'http://127.0.0.1:' + targetPort,
    callbackRetry: { attempts: 2, baseDelayMs: 10, timeoutMs: 300 },
  });
  const mock = http.createServer(createMockListener(app));
  const mockPort = await listen(mock);
  for (let i = 0; i < 20; i += 1) {
    await fetch('http://127.0.0.1:' + mockPort + '/v1/orders/orderprovisioning', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ objectId: 'GC-' + i, items: [] }),
    });
  }
  let finished = false;
  void app.mock.idle().then(() => { finished = true; });
  while (!finished) {
    global.gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const listed = await app.mock.context.store.list();
  const orders = await Promise.all(listed.map((o) => app.mock.context.store.get(o.objectId)));
  const errors = orders.flatMap((o) => o.callbacks.flatMap((c) => c.attempts.map((a) => a.error ?? String(a.status))));
  process.stdout.write(JSON.stringify({ finished, outcomes: orders.map((o) => o.callbacks.map((c) => c.outcome).join()), errors }));
  // Exits at once: with a timeout lost, close() would wait for callbacks that never end.
  process.exit(0);
})();
`;

async function runHarness(): Promise<{ finished: boolean; outcomes: string[]; errors: string[] }> {
  const { code, stdout, stderr } = await runToEnd(process.execPath, ['--expose-gc', '-e', HARNESS], {
    cwd: PACKAGE_ROOT,
  });
  if (code !== 0) throw new Error(`harness exited ${code}: ${stderr}`);
  return JSON.parse(stdout) as { finished: boolean; outcomes: string[]; errors: string[] };
}

describe('callback timeouts under garbage collection', () => {
  it('times out every attempt against a target that never answers, with a full GC every 10 ms', async () => {
    const result = await runHarness();
    expect(result.finished).toBe(true);
    expect(result.outcomes).toEqual(Array.from({ length: 20 }, () => 'failed'));
    expect(result.errors).toEqual(Array.from({ length: 40 }, () => 'timed out'));
  });
});
