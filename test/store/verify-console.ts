import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createConsoleVerifier } from '../../src/cli/console-verifier';
import { createMockListener, openMockApp, type MockOptions } from '../../src/mock';
import { smallCatalog } from '../mock/helpers';
import { postJson, type ConsoleServer } from '../mock/verify-console';

// The QA console as a replica of a PostgreSQL store: a mock on a real loopback port, on the database
// `url`, with the conformance runner wired in as `merchant-kit serve` wires it.

/** Starts a console replica on the database `url` (another call on the same URL is another replica). */
export async function startPgConsole(url: string, options: MockOptions = {}): Promise<ConsoleServer> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = async (): Promise<void> => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  const app = await openMockApp({
    products: smallCatalog(),
    store: url,
    publicUrl: origin,
    verify: createConsoleVerifier({ allowPrivate: true }),
    ...options,
  }).catch(async (error: unknown) => {
    await close();
    throw error;
  });
  server.on('request', createMockListener(app));
  return {
    app,
    origin,
    close: async () => {
      await app.mock.close();
      await close();
    },
  };
}

/**
 * Makes a sandbox of `merchant` (a mock on 127.0.0.1) a merchant that passes with this token, calling
 * back on `console`'s callback path; returns its base URL.
 */
export async function merchantFor(merchant: string, console: string, name: string, token: string): Promise<string> {
  const res = await postJson(`${merchant}/__admin/sandboxes`, {
    name,
    headers: [{ key: 'Authorization', value: `Bearer ${token}` }],
    omnichatApi: `${console}/__verify/callbacks`,
    omnichatToken: `omnichat-${token}`,
  });
  if (res.status !== 201) throw new Error(`sandbox ${name}: ${res.status} ${await res.text()}`);
  return `${merchant}/sandboxes/${name}/v1`;
}

/** GETs a console path; its status, headers as text, and body. */
export async function read(origin: string, path: string): Promise<{ status: number; text: string; all: string }> {
  const res = await fetch(`${origin}${path}`);
  const shown: string[] = [];
  res.headers.forEach((value, name) => shown.push(`${name}: ${value}`));
  const text = await res.text();
  return { status: res.status, text, all: `${shown.join('\n')}\n${text}` };
}
