import http from 'node:http';

export interface ProbeRequest {
  method: 'GET' | 'POST';
  /** Path and query, e.g. `/v1/products/productsearch?query=x`. */
  path: string;
  body?: string;
  headers?: Record<string, string>;
  /**
   * Under load, give every request its own order: the body's first "objectId" gets a counter. The
   * mock reuses its answer to a body it has just seen (while its state is unchanged), so this is what
   * shows the whole POST path's cost, as for an integration whose every cart differs.
   */
  newOrderEachRequest?: true;
  /**
   * Under load, give every request its own cart: a new order id as above, and each line's
   * `"quantity"` cycling from 1 to 5 (shifted by the line), so that neither the body nor the cart's
   * weight, and so its freight, repeats from one request to the next: what an integration whose
   * customers fill their own carts sends.
   */
  newCartEachRequest?: true;
}

interface ProbeAnswer {
  status: number;
  contentType: string;
  body: string;
}

/**
 * One request on a fresh connection (no agent: a kept-alive socket would outlive the bench).
 * Rejects on refusal or after timeoutMs, which is what startup polling expects while a server boots.
 */
export function probe(port: number, request: ProbeRequest, timeoutMs = 1000): Promise<ProbeAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: request.method,
        path: request.path,
        headers: { ...request.headers, connection: 'close' },
        agent: false,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(request.body);
  });
}

/** Parses a JSON body; undefined when it is not JSON (a wrong answer, not a crash). */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}
