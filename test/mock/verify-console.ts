import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createConsoleVerifier, type ConsoleVerifierOptions } from '../../src/cli/console-verifier';
import { createMockListener, type MockApp, type MockOptions } from '../../src/mock';
import { urlsUnder } from '../../src/conformance/config/load-config';
import { smallApp } from './helpers';

// The QA console's runs of verify, in-process: a mock on a real loopback port with the conformance
// runner wired in as `merchant-kit serve` wires it, so merchants (the mock's own sandboxes, or a
// test's server) are called over HTTP and call back on the same port.

/** A console server: its app, origin, and close(). */
export interface ConsoleServer {
  app: MockApp;
  origin: string;
  close(): Promise<void>;
}

/** Starts a mock with the runner behind /__admin/verify-runs on 127.0.0.1:0 (its public URL is that origin). */
export function startConsole(
  verifier: ConsoleVerifierOptions = { allowPrivate: true },
  options: MockOptions = {},
): Promise<ConsoleServer> {
  return serveConsole((origin) => smallApp({ publicUrl: origin, verify: createConsoleVerifier(verifier), ...options }));
}

/**
 * Listens on 127.0.0.1:0, builds the app for that origin (its public URL, where merchants call back)
 * and serves it; close() ends the app, then the server. A build that fails closes the server first.
 */
export async function serveConsole(build: (origin: string) => MockApp | Promise<MockApp>): Promise<ConsoleServer> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stop = async (): Promise<void> => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  let app: MockApp;
  try {
    app = await build(origin);
  } catch (error) {
    await stop();
    throw error;
  }
  server.on('request', createMockListener(app));
  return {
    app,
    origin,
    close: async () => {
      await app.mock.close();
      await stop();
    },
  };
}

/** The five URLs of a mock store (its base, e.g. ORIGIN/sandboxes/loja/v1) as a config's `urls`, as --base-url makes them. */
export const urlsOf: (base: string) => Record<string, string> = urlsUnder;

/** A sandbox of the console's own mock set up as a merchant that passes: its auth header, callbacks to the console. */
export function passingSandbox(console: ConsoleServer, name: string, token: string): Promise<string> {
  return merchantSandbox(console.origin, console.origin, name, token);
}

/**
 * Makes a sandbox of the mock at `merchant` a merchant that passes with this token, calling back on
 * the console at `consoleOrigin`; returns its base URL.
 */
export async function merchantSandbox(
  merchant: string,
  consoleOrigin: string,
  name: string,
  token: string,
): Promise<string> {
  const res = await postJson(`${merchant}/__admin/sandboxes`, {
    name,
    headers: [{ key: 'Authorization', value: `Bearer ${token}` }],
    omnichatApi: `${consoleOrigin}/__verify/callbacks`,
    omnichatToken: `omnichat-${token}`,
  });
  if (res.status !== 201) throw new Error(`sandbox ${name}: ${res.status} ${await res.text()}`);
  return `${merchant}/sandboxes/${name}/v1`;
}

/** POSTs JSON. */
export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** Starts a run; resolves with its id (the answer must be 202). */
export async function startRun(
  console: ConsoleServer,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<string> {
  const res = await postJson(`${console.origin}/__admin/verify-runs`, body, headers);
  const text = await res.text();
  if (res.status !== 202) throw new Error(`POST /__admin/verify-runs: ${res.status} ${text}`);
  return (JSON.parse(text) as { id: string }).id;
}

/** Resolves with the run's view once it is done (told by the runs' own events, not by polling a clock). */
export async function runDone(console: ConsoleServer, id: string): Promise<Record<string, unknown>> {
  const runs = console.app.mock.verify;
  if (!runs) throw new Error('the console has no runner');
  await new Promise<void>((resolve) => {
    const stop = runs.subscribe((event) => {
      if (event.id === id && event.state === 'done') {
        stop();
        resolve();
      }
    });
    // Subscribed first, then looked: a run that ended before is seen here, one that ends later by the event.
    void runs.view(id).then((view) => {
      if (view?.state === 'done') {
        stop();
        resolve();
      }
    });
  });
  const res = await fetch(`${console.origin}/__admin/verify-runs/${id}`);
  return (await res.json()) as Record<string, unknown>;
}

/** The report of a done run's view, typed as far as the tests read it. */
export interface ReportShape {
  verdict: string;
  whatToFix: { operation: string; check: string; status: string; message: string }[];
  operations: { operation: string; status: string; checks: { id: string; status: string; message: string }[] }[];
  meta: { runId: string; lang: string };
}

/** A check's status in a report. */
export function statusOf(report: ReportShape, operation: string, check: string): string | undefined {
  return report.operations.find((op) => op.operation === operation)?.checks.find((c) => c.id === check)?.status;
}
