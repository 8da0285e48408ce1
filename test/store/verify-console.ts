import { createConsoleVerifier } from '../../src/cli/console-verifier';
import { openMockApp, type MockOptions } from '../../src/mock';
import { smallCatalog } from '../mock/helpers';
import { merchantSandbox, serveConsole, type ConsoleServer } from '../mock/verify-console';

// The QA console as a replica of a PostgreSQL store: a mock on a real loopback port, on the database
// `url`, with the conformance runner wired in as `merchant-kit serve` wires it.

/** Starts a console replica on the database `url` (another call on the same URL is another replica). */
export function startPgConsole(url: string, options: MockOptions = {}): Promise<ConsoleServer> {
  return serveConsole((origin) =>
    openMockApp({
      products: smallCatalog(),
      store: url,
      publicUrl: origin,
      verify: createConsoleVerifier({ allowPrivate: true }),
      ...options,
    }),
  );
}

/**
 * Makes a sandbox of `merchant` (a mock on 127.0.0.1) a merchant that passes with this token, calling
 * back on `console`'s callback path; returns its base URL.
 */
export const merchantFor: (merchant: string, console: string, name: string, token: string) => Promise<string> =
  merchantSandbox;

/** GETs a console path; its status, headers as text, and body. */
export async function read(origin: string, path: string): Promise<{ status: number; text: string; all: string }> {
  const res = await fetch(`${origin}${path}`);
  const shown: string[] = [];
  res.headers.forEach((value, name) => shown.push(`${name}: ${value}`));
  const text = await res.text();
  return { status: res.status, text, all: `${shown.join('\n')}\n${text}` };
}
