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
  let sent = 0;
  const body = request.body ?? '';
  const objectId = /"objectId":"([^"]*)"/.exec(body);
  const newOrder =
    request.newOrderEachRequest && objectId
      ? (): string => body.replace(objectId[0], `"objectId":"${objectId[1]}-${(sent += 1)}"`)
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

/** Stops the load in progress, if any (its promise then resolves with what was measured so far). */
export function stopLoad(): void {
  current?.stop();
}
