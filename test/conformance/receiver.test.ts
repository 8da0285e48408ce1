import net from 'node:net';
import { CallbackReceiver } from '../../src/conformance';
import { MAX_CALLBACK_BYTES, MAX_KEPT, MAX_KEPT_BYTES } from '../../src/conformance/callbacks/receiver';

// The stand-in for OmniChat's orders API listens for whatever a merchant sends: it must never throw
// (one bad request would end the whole run without a report) and must keep a bounded amount.
let receiver: CallbackReceiver;
beforeEach(async () => {
  receiver = await CallbackReceiver.start(0);
});
afterEach(() => receiver.close());

const post = (path: string, body: string, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${receiver.url}${path}`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

/** Sends a raw request line (fetch would normalise a malformed escape) and returns the status line. */
function rawPost(path: string, body: string): Promise<string> {
  const { port } = new URL(receiver.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    });
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('end', () => resolve(answer.split('\r\n')[0]));
    socket.on('error', reject);
  });
}

const PROVISIONED = '{"responsible":"x","status":"ORDER_GATEWAY_PROVISIONED"}';

describe('the callback receiver under hostile callbacks', () => {
  it('answers a malformed percent-escape in the order id with 400 and keeps serving', async () => {
    await expect(rawPost('/v2/orders/%E0%A4%A/statusChange', PROVISIONED)).resolves.toBe('HTTP/1.1 400 Bad Request');
    const next = await post('/v2/orders/mk-test-after/statusChange', PROVISIONED);
    expect(next.status).toBe(200);
    expect(receiver.about('mk-test-after')).toHaveLength(1);
    expect(receiver.stats().refused).toBe(1);
  });

  it('refuses a 1 MB callback with 413 and keeps nothing of it', async () => {
    const huge = JSON.stringify({ responsible: 'x'.repeat(1024 * 1024), status: 'ORDER_GATEWAY_PROVISIONED' });
    const res = await post('/v2/orders/mk-test-huge/statusChange', huge);
    expect(res.status).toBe(413);
    expect(receiver.about('mk-test-huge')).toEqual([]);
    expect(receiver.stats().keptBytes).toBe(0);
  });

  it(`keeps at most ${MAX_KEPT} callbacks and ${MAX_KEPT_BYTES} bytes under a flood, answering 429 past that`, async () => {
    const body = JSON.stringify({ responsible: 'y'.repeat(MAX_CALLBACK_BYTES - 100), status: 'PACKAGED' });
    const statuses: number[] = [];
    // In waves, so the test does not depend on how many sockets the machine allows at once.
    for (let wave = 0; wave < 6; wave++) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => post(`/v2/orders/mk-test-flood-${wave}-${i}/statusChange`, body)),
      );
      statuses.push(...answers.map((r) => r.status));
    }
    const stats = receiver.stats();
    expect(stats.keptBytes).toBeLessThanOrEqual(MAX_KEPT_BYTES + MAX_CALLBACK_BYTES);
    expect(stats.kept).toBeLessThan(60);
    expect(statuses.filter((s) => s === 429).length).toBe(60 - stats.kept);
  });

  it(`keeps at most ${MAX_KEPT} small callbacks, answering 429 past that`, async () => {
    const statuses: number[] = [];
    for (let wave = 0; wave < (MAX_KEPT + 20) / 20; wave++) {
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => post(`/v2/orders/mk-test-small-${wave}-${i}/statusChange`, PROVISIONED)),
      );
      statuses.push(...answers.map((r) => r.status));
    }
    expect(receiver.all()).toHaveLength(MAX_KEPT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
  });

  it('keeps only the scheme word of the Authorization header, never the secret', async () => {
    await post('/v2/orders/mk-test-auth/statusChange', PROVISIONED, { Authorization: 'Bearer r:very-secret-value' });
    await post('/v2/orders/mk-test-basic/statusChange', PROVISIONED, { Authorization: 'Basic dXNlcjpwYXNz' });
    await post('/v2/orders/mk-test-none/statusChange', PROVISIONED);
    expect(receiver.about('mk-test-auth')[0].authorization).toBe('bearer');
    expect(receiver.about('mk-test-basic')[0].authorization).toBe('other');
    expect(receiver.about('mk-test-none')[0].authorization).toBe('missing');
    expect(JSON.stringify(receiver.all())).not.toMatch(/very-secret-value|dXNlcjpwYXNz/);
  });
});
