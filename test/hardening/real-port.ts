import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientErrors, type MockApp } from '../../src/mock';

/** A mock app listening on 127.0.0.1:0 as the serve command wires it, with a bounded keep-alive agent. */
export interface Listening {
  port: number;
  /** A Buffer body goes out byte for byte (supertest would re-encode it as JSON). */
  send(method: string, path: string, body?: string | Buffer, headers?: Record<string, string>): Promise<Answer>;
  close(): Promise<void>;
}

/** One HTTP answer, read to its end. */
export interface Answer {
  status: number;
  type: string;
  text: string;
}

/** Starts the app on a free loopback port; close() ends the agent, the server and the app's timers. */
export async function listenOn(app: MockApp, maxSockets = 50): Promise<Listening> {
  const server = http.createServer(app);
  answerClientErrors(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const send: Listening['send'] = (method, path, body, headers) => sendTo(port, method, path, body, headers, agent);
  const close = async (): Promise<void> => {
    agent.destroy();
    await app.mock.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return { port, send, close };
}

/**
 * One request to 127.0.0.1:`port`, headers as given (a Host of the test's choosing too, which fetch
 * would replace), read to its end; a body goes out as JSON, byte for byte.
 */
export function sendTo(
  port: number,
  method: string,
  path: string,
  body?: string | Buffer,
  headers: Record<string, string> = {},
  agent?: http.Agent,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const extra: Record<string, string> =
      body === undefined
        ? {}
        : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
    const req = http.request(
      { host: '127.0.0.1', port, method, path, agent, headers: { ...extra, ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), text }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Runs `count` tasks with at most `width` in flight, so a large batch stays bounded. */
export async function inBatches<T>(count: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next;
      next += 1;
      results[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, count) }, worker));
  return results;
}
