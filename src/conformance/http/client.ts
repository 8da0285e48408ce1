import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import type { HeaderPair } from '../../common/headers';
import { routeFor, tlsOptions, type NetworkSettings } from './network';
import { translatorFor, type T } from '../i18n';
import { realClock, type Clock } from '../clock';
import { describeProxyRefusal, describeRefusedTarget, describeSocketError, type FailureCode } from './socket-errors';
import { TargetRefusedError } from './target-guard';

/** OmniChat's answers are small; anything past this is a runaway body and is not read further. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

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
  /** Extra CAs, --insecure and the proxy variables; Node's defaults and no proxy when absent. */
  network?: NetworkSettings;
}

/** An answer that arrived in full. */
interface HttpAnswer {
  kind: 'answer';
  status: number;
  headers: Record<string, string>;
  body: string;
  durationMs: number;
}

/** Why no usable answer arrived: the runner reports these as "could not check". */
interface HttpFailure {
  kind: 'failure';
  code: FailureCode;
  reason: string;
  durationMs: number;
}

export type HttpOutcome = HttpAnswer | HttpFailure;

/**
 * Sends one request with node's http/https. Never follows redirects (a 3xx comes back as is, so auth
 * headers never reach another origin), caps the body, and settles exactly once: it never throws.
 * Durations and the deadline are read on `clock` (a test's clock jumps instead of waiting).
 */
export function send(request: HttpRequest, t: T = translatorFor('en'), clock: Clock = realClock): Promise<HttpOutcome> {
  const started = clock.now();
  const elapsed = (): number => Math.round(clock.now() - started);
  const cap = request.maxBodyBytes ?? MAX_BODY_BYTES;
  return new Promise((resolve) => {
    let settled = false;
    let clientRequest: http.ClientRequest | undefined;
    // Ends whatever the exchange still holds, a socket to a proxy included (see routeFor).
    const release = new AbortController();
    const guard = request.network?.guard;
    const finish = (outcome: HttpOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stopJumps();
      guard?.signal?.removeEventListener('abort', stop);
      clientRequest?.destroy();
      release.abort();
      resolve(outcome);
    };
    const fail = (code: HttpFailure['code'], reason: string): void =>
      finish({ kind: 'failure', code, reason, durationMs: elapsed() });
    const late = (): void => fail('timeout', t('net.timeout', { ms: request.deadlineMs }));
    const timer = setTimeout(late, request.deadlineMs);
    const stopJumps = clock.onJump(() => {
      if (elapsed() >= request.deadlineMs) late();
    });
    const stop = (): void => fail('stopped', t('net.stopped'));

    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      fail('network', t('net.badUrl'));
      return;
    }
    if (guard) {
      // A run started from a server: an address of the network it sits in is never contacted.
      const refusal = guard.judgeLiteral(url.hostname);
      if (refusal) return fail('refused-target', describeRefusedTarget(t, refusal));
      if (guard.signal?.aborted) return stop();
      guard.signal?.addEventListener('abort', stop, { once: true });
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
    const secure = url.protocol === 'https:';
    const transport = secure ? https : http;
    const route = routeFor(url, request.network, release.signal);
    const tlsSettings = secure ? tlsOptions(request.network) : {};
    try {
      // Without a proxy, agent: false gives each exchange its own socket, closed at the end: nothing
      // lingers after a run. A proxy agent is made for this exchange alone, for the same reason.
      // A guarded run resolves host names through the guard, which refuses them on the socket itself.
      const lookup = guard ? { lookup: guard.lookup } : {};
      const options = { method: request.method, headers, agent: route.agent, ...tlsSettings, ...lookup };
      clientRequest = transport.request(url, options, (response) => {
        if (route.proxy && fromProxy(response, secure)) {
          response.resume();
          fail(
            'proxy',
            describeProxyRefusal(t, response.statusCode ?? 0, response.statusMessage ?? '', url, route.proxy),
          );
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        let ended = false;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > cap) {
            fail('too-large', t('net.tooLarge', { mb: Math.round(cap / 1024 / 1024) }));
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
        response.on('error', () => fail('dropped', t('net.dropped')));
        response.on('close', () => {
          if (!ended) fail('dropped', t('net.dropped'));
        });
      });
    } catch (error) {
      fail('network', t('net.notSent', { error: (error as Error).message }));
      return;
    }
    clientRequest.on('error', (error: NodeJS.ErrnoException) => {
      if (error instanceof TargetRefusedError) return fail('refused-target', describeRefusedTarget(t, error.refusal));
      const [code, reason] = describeSocketError(t, error, url, route.proxy);
      fail(code, reason);
    });
    clientRequest.end(request.body);
  });
}

/**
 * True when an answer came from the proxy, not the merchant: an https answer over a socket that never
 * became TLS is the proxy refusing the CONNECT (https-proxy-agent replays its answer), and a 407 is
 * the proxy asking for credentials whatever the scheme.
 */
function fromProxy(response: http.IncomingMessage, secure: boolean): boolean {
  return response.statusCode === 407 || (secure && !(response.socket instanceof tls.TLSSocket));
}

function flattenHeaders(raw: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
