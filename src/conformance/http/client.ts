import http from 'node:http';
import https from 'node:https';
import type { HeaderPair } from '../../common/headers';

/** OmniChat's answers are small; anything past this is a runaway body and is not read further. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** One request the runner sends. */
export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: HeaderPair[];
  /** JSON text for POST bodies. */
  body?: string;
  /** The whole exchange (connect, headers, body) must end within this many milliseconds. */
  deadlineMs: number;
  maxBodyBytes?: number;
}

/** An answer that arrived in full. */
export interface HttpAnswer {
  kind: 'answer';
  status: number;
  headers: Record<string, string>;
  body: string;
  durationMs: number;
}

/** Why no usable answer arrived: the runner reports these as "could not check". */
export interface HttpFailure {
  kind: 'failure';
  code: 'timeout' | 'refused' | 'dns' | 'tls' | 'protocol' | 'too-large' | 'dropped' | 'network';
  reason: string;
  durationMs: number;
}

export type HttpOutcome = HttpAnswer | HttpFailure;

/**
 * Sends one request with node's http/https. Never follows redirects (a 3xx comes back as is, so auth
 * headers never reach another origin), caps the body, and settles exactly once: it never throws.
 */
export function send(request: HttpRequest): Promise<HttpOutcome> {
  const started = process.hrtime.bigint();
  const elapsed = (): number => Number((process.hrtime.bigint() - started) / 1_000_000n);
  const cap = request.maxBodyBytes ?? MAX_BODY_BYTES;
  return new Promise((resolve) => {
    let settled = false;
    let clientRequest: http.ClientRequest | undefined;
    const finish = (outcome: HttpOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clientRequest?.destroy();
      resolve(outcome);
    };
    const fail = (code: HttpFailure['code'], reason: string): void =>
      finish({ kind: 'failure', code, reason, durationMs: elapsed() });
    const timer = setTimeout(
      () => fail('timeout', `no complete answer within ${request.deadlineMs} ms`),
      request.deadlineMs,
    );

    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      fail('network', 'the URL is not valid');
      return;
    }
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'User-Agent': 'merchant-kit-verify',
      Connection: 'close',
    };
    for (const { key, value } of request.headers) headers[key] = value;
    if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(request.body));
    }
    const transport = url.protocol === 'https:' ? https : http;
    try {
      // agent: false gives each exchange its own socket, closed at the end: nothing lingers after a run.
      clientRequest = transport.request(url, { method: request.method, headers, agent: false }, (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let ended = false;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > cap) {
            fail('too-large', `the body is larger than ${Math.round(cap / 1024 / 1024)} MB; reading stopped there`);
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => {
          ended = true;
          finish({
            kind: 'answer',
            status: response.statusCode ?? 0,
            headers: flattenHeaders(response.headers),
            body: Buffer.concat(chunks).toString('utf8'),
            durationMs: elapsed(),
          });
        });
        response.on('error', () => fail('dropped', 'the connection closed before the body was complete'));
        response.on('close', () => {
          if (!ended) fail('dropped', 'the connection closed before the body was complete');
        });
      });
    } catch (error) {
      fail('network', `the request could not be sent (${(error as Error).message})`);
      return;
    }
    clientRequest.on('error', (error: NodeJS.ErrnoException) => {
      const [code, reason] = describeSocketError(error, url);
      fail(code, reason);
    });
    clientRequest.end(request.body);
  });
}

function flattenHeaders(raw: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Turns a socket error into a reason a merchant can act on (no stack, no request headers). */
function describeSocketError(error: NodeJS.ErrnoException, url: URL): [HttpFailure['code'], string] {
  const host = url.host;
  switch (error.code) {
    case 'ECONNREFUSED':
      return ['refused', `connection refused by ${host}: is the server running and the port right?`];
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return ['dns', `the host name ${url.hostname} does not resolve (DNS)`];
    case 'ECONNRESET':
    case 'EPIPE':
      return ['dropped', `${host} closed the connection before answering`];
    case 'EPROTO':
      // OpenSSL's "wrong version number": the port answers plain http to our https.
      return [
        'tls',
        `TLS handshake with ${host} failed (EPROTO): the port does not speak https; if the server is plain http, use an http:// URL`,
      ];
    case 'HPE_HEADER_OVERFLOW':
      return [
        'protocol',
        `${host} sent response headers larger than Node's limit (16 KB); OmniChat cannot read them either`,
      ];
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return ['protocol', `${host} sent an invalid Content-Length header (${error.code})`];
    default:
      if (error.code?.startsWith('HPE_')) {
        return [
          'protocol',
          `${host} did not answer with valid HTTP (${error.code}): is the port right, and is it an HTTP server (not https or another protocol)?`,
        ];
      }
      if (error.code && /CERT|SSL|TLS|SELF_SIGNED|ERR_TLS/.test(error.code)) {
        return ['tls', `TLS handshake with ${host} failed (${error.code}): check the certificate`];
      }
      return ['network', `${error.code ?? 'network error'} talking to ${host}`];
  }
}
