import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { JumpingClock, verify, withStatus } from './support';

// Servers that misbehave at the transport level: the run must end with a clear fail or error and
// exit 1, never crash, hang or pass.
const servers: http.Server[] = [];
async function start(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

describe('the runner against hostile merchants', () => {
  it('finishes against a merchant that never answers: every check could not check, exit 1', async () => {
    // Each request jumps the run's clock past its deadline: it ends at once, as it would 10 s later.
    const clock = new JumpingClock();
    const base = await start(() => clock.jump(10_001));
    const { report, exitCode } = await verify(base, {}, undefined, {}, 'en', { clock });
    expect(withStatus(report, 'pass')).toEqual([]);
    expect(withStatus(report, 'fail')).toEqual([]);
    expect(report.operations[0].checks[0]).toMatchObject({
      id: 'answers-2xx',
      status: 'error',
      message: 'could not check: no complete answer within 10000 ms',
    });
    expect(exitCode).toBe(1);
  });

  it.each([
    ['an HTML page', 'text/html', '<html><body>Loja</body></html>'],
    ['invalid JSON', 'application/json', '[{"objectId": "1",'],
  ])(
    'fails json-body when productSearch answers 200 with %s, and judges nothing else on it',
    async (_name, type, body) => {
      const base = await start((_req, res) => res.writeHead(200, { 'Content-Type': type }).end(body));
      const { report, exitCode } = await verify(base, { only: 'productSearch', header: [] });
      expect(withStatus(report, 'fail')).toEqual(['productSearch/json-body']);
      expect(withStatus(report, 'pass')).toEqual(['productSearch/answers-2xx', 'productSearch/within-time-budget']);
      expect(exitCode).toBe(1);
    },
  );
});
