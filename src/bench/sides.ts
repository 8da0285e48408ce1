import path from 'node:path';
import { OPENAPI_PATH, PACKAGE_ROOT, prismCliScript, validate } from '../contracts';
import { parseJson, probe, type ProbeRequest } from './http-probe';
import type { ServerSpec } from './servers';

/** The built CLI (`npm run bench` builds first). */
export const CLI_PATH = path.join(PACKAGE_ROOT, 'dist', 'cli', 'main.js');

/** Ready = the productSearch request gets a 200 whose body keeps the productSearch response contract. */
export function answersSearch(request: ProbeRequest): ServerSpec['isReady'] {
  // Schemas compile on first use: compile this one now, not inside the first timed startup.
  validate('productSearch', 'response', []);
  return async (port, timeoutMs) => {
    const answer = await probe(port, request, timeoutMs);
    if (answer.status !== 200) return false;
    const body = parseJson(answer.body);
    return Array.isArray(body) && validate('productSearch', 'response', body).length === 0;
  };
}

/** Our mock, as `merchant-kit serve` (extra flags: the 100k catalog). */
export function oursSpec(
  label: string,
  port: number,
  ready: ServerSpec['isReady'],
  timeoutMs: number,
  extra: string[] = [],
): ServerSpec {
  return {
    name: label,
    command: process.execPath,
    args: [CLI_PATH, 'serve', '--port', String(port), '--quiet', ...extra],
    port,
    isReady: ready,
    timeoutMs,
  };
}

/** Prism 5.14.2 mocking the same OpenAPI document, at its fastest log level. */
export function prismSpec(port: number, ready: ServerSpec['isReady'], timeoutMs: number): ServerSpec {
  return {
    name: 'Prism',
    command: process.execPath,
    args: [prismCliScript(), 'mock', '-h', '127.0.0.1', '-p', String(port), '-v', 'silent', OPENAPI_PATH],
    port,
    isReady: ready,
    timeoutMs,
  };
}
