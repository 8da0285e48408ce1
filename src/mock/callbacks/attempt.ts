import http from 'node:http';
import https from 'node:https';

/** Bytes of an answer the mock reads before it hangs up: the status is what counts, not the body. */
const ANSWER_READ_LIMIT = 64 * 1024;

/** One attempt's result: the answer's status, or why there was none. */
type AttemptResult = { status: number } | { error: string };

/** Where and what one attempt sends. */
interface AttemptRequest {
  url: URL;
  /** The path as sent, already encoded (never normalized: `%2E%2E` stays a segment). */
  path: string;
  headers: Record<string, string>;
  payload: string;
  timeoutMs: number;
  /** Aborted at shutdown: the attempt ends at once. */
  stop: AbortSignal;
  agents: { http: http.Agent; https: https.Agent };
}

/**
 * Sends one POST and resolves with its status once up to ANSWER_READ_LIMIT bytes of the answer are
 * read (more are not: the socket is destroyed). A plain timer aborts the attempt after `timeoutMs`:
 * unlike AbortSignal.timeout() inside AbortSignal.any(), which Node 20 loses at the first garbage
 * collection (nodejs/node#57736), a pending timer is held by the event loop until it fires or is cleared.
 */
export function attempt(request: AttemptRequest): Promise<AttemptResult> {
  return new Promise((resolve) => {
    const controller = new AbortController();
    let why: 'timed out' | 'abandoned at shutdown' | undefined;
    const abort = (reason: 'timed out' | 'abandoned at shutdown'): void => {
      why ??= reason;
      controller.abort();
    };
    const timer = setTimeout(() => abort('timed out'), request.timeoutMs);
    const onStop = (): void => abort('abandoned at shutdown');
    request.stop.addEventListener('abort', onStop, { once: true });
    let settled = false;
    const settle = (result: AttemptResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.stop.removeEventListener('abort', onStop);
      resolve(result);
    };
    if (request.stop.aborted) return settle({ error: 'abandoned at shutdown' });
    const secure = request.url.protocol === 'https:';
    const req = (secure ? https : http).request(
      {
        protocol: request.url.protocol,
        hostname: request.url.hostname.replace(/^\[|\]$/g, ''),
        port: request.url.port || (secure ? 443 : 80),
        method: 'POST',
        path: request.path,
        headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.payload)) },
        agent: secure ? request.agents.https : request.agents.http,
        signal: controller.signal,
      },
      (res) => {
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > ANSWER_READ_LIMIT) {
            // Enough: the answer's status is known; the rest is not worth memory or time.
            res.destroy();
            settle({ status: res.statusCode ?? 0 });
          }
        });
        res.on('end', () => settle({ status: res.statusCode ?? 0 }));
        res.on('error', () => settle(why ? { error: why } : { status: res.statusCode ?? 0 }));
        res.on('close', () => settle(why ? { error: why } : { status: res.statusCode ?? 0 }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => settle({ error: why ?? error.code ?? error.message }));
    req.end(request.payload);
  });
}

/** A path segment that stays one segment: percent-encoded, and `.` / `..` written as `%2E` so no URL resolver removes them. */
export function pathSegment(value: string): string {
  const encoded = encodeURIComponent(value);
  return encoded === '.' || encoded === '..' ? encoded.replace(/\./g, '%2E') : encoded;
}
