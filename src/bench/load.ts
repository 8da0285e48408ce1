import autocannon from 'autocannon';
import type { ProbeRequest } from './http-probe';

export interface LoadOptions {
  durationSec: number;
  connections: number;
}

/** What one autocannon run says about one server and one operation. */
export interface LoadStats {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers that were not 2xx: a fast wrong answer must not pass for throughput. */
  non2xx: number;
  /** Connection errors, timeouts included (autocannon counts a timeout in both). */
  errors: number;
}

// The run in progress, so Ctrl-C can stop it instead of waiting for its duration to end.
let current: autocannon.Instance | undefined;

/** Loads one server with one request for the given duration (autocannon in this process, on loopback). */
export async function runLoad(port: number, request: ProbeRequest, options: LoadOptions): Promise<LoadStats> {
  const newOrder = request.newCartEachRequest
    ? newCarts(request.body ?? '')
    : request.newOrderEachRequest
      ? newOrders(request.body ?? '')
      : undefined;
  const instance = autocannon({
    url: `http://127.0.0.1:${port}${request.path}`,
    method: request.method,
    body: request.body,
    headers: request.headers,
    // The same length each time would not hold (the counter grows): autocannon sets Content-Length per request.
    requests: newOrder ? [{ setupRequest: (req) => ({ ...req, body: newOrder() }) }] : undefined,
    connections: options.connections,
    duration: options.durationSec,
    timeout: 10,
  });
  current = instance;
  try {
    const result = await instance;
    return {
      reqPerSec: result.requests.average,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
    };
  } finally {
    current = undefined;
  }
}

/** Bodies that differ in their first "objectId" only (a counter appended); undefined when the body has none. */
export function newOrders(body: string): (() => string) | undefined {
  let sent = 0;
  const objectId = /"objectId":"([^"]*)"/.exec(body);
  if (!objectId) return undefined;
  return () => body.replace(objectId[0], `"objectId":"${objectId[1]}-${(sent += 1)}"`);
}

/** A new cart's lines ask 1 to this many units: within the stock of the bench cart's variants (28 or more), at times past 1 kg. */
const CART_UNITS = 5;

/**
 * Bodies that each hold another cart: a new order id, and the lines' quantities counting in base 5
 * (line i of the n-th body asks 1 + floor(n / 5^i) mod 5 units: 125 mixes on 3 lines, and no two
 * bodies in a row hold the same one). Joined from pieces cut once, so the load generator pays no
 * more per request than for newOrders: it shares the cores with the servers, and a costlier
 * generator would flatter the slower side.
 */
export function newCarts(body: string): (() => string) | undefined {
  const objectId = /"objectId":"([^"]*)"/.exec(body);
  if (!objectId) return undefined;
  const pieces = body.replace(objectId[0], `"objectId":"${objectId[1]}-\u0000"`).split(/"quantity":\d+/);
  if (pieces.length < 2) return undefined;
  const [head, ...rest] = pieces;
  const at = head.indexOf('\u0000');
  if (at < 0) return undefined;
  const before = head.slice(0, at);
  const after = head.slice(at + 1);
  let sent = 0;
  return () => {
    sent += 1;
    let text = `${before}${sent}${after}`;
    for (let line = 0; line < rest.length; line += 1)
      text += `"quantity":${1 + (Math.floor(sent / CART_UNITS ** line) % CART_UNITS)}${rest[line]}`;
    return text;
  };
}

/** Stops the load in progress, if any (its promise then resolves with what was measured so far). */
export function stopLoad(): void {
  current?.stop();
}
