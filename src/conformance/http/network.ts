import type http from 'node:http';
import tls from 'node:tls';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { proxyFor, type ProxyEnv } from './proxy-env';
import type { TargetGuard } from './target-guard';

/** How the runner reaches merchants: the CAs it trusts, whether it checks certificates, the proxy variables. */
export interface NetworkSettings {
  /** CA certificates (PEM) trusted besides Node's own roots, with the file each came from (--ca, config "ca"). */
  ca: { file: string; pem: string }[];
  /** --insecure: certificates are not checked. Never the default, and stated in every report. */
  insecure: boolean;
  proxy: ProxyEnv;
  /**
   * The PEM of NODE_EXTRA_CA_CERTS, when set: Node adds it to its default store only, and a CA list
   * of our own replaces that store, so it is added back by hand.
   */
  extraCaPem?: string;
  /** A run started from a server: the addresses it may not reach, and its time limit (src/conformance/http/target-guard.ts). */
  guard?: TargetGuard;
}

/** The TLS options of a request: an explicit CA list only when extra CAs are configured. */
interface TlsOptions {
  secureContext?: tls.SecureContext;
  rejectUnauthorized: boolean;
}

// Building a context parses ~150 root certificates: once per settings object, not per request.
const contexts = new WeakMap<NetworkSettings, tls.SecureContext>();

/** TLS options for requests made with these settings (Node's defaults when there are none). */
export function tlsOptions(settings: NetworkSettings | undefined): TlsOptions {
  if (!settings) return { rejectUnauthorized: true };
  const rejectUnauthorized = !settings.insecure;
  if (settings.ca.length === 0) return { rejectUnauthorized };
  let secureContext = contexts.get(settings);
  if (!secureContext) {
    const extra = settings.extraCaPem ? [settings.extraCaPem] : [];
    secureContext = tls.createSecureContext({
      ca: [...tls.rootCertificates, ...extra, ...settings.ca.map((entry) => entry.pem)],
    });
    contexts.set(settings, secureContext);
  }
  return { secureContext, rejectUnauthorized };
}

/** The agent one exchange uses, and the proxy it goes through (if any). */
interface Route {
  /** false: a socket of its own, closed at the end of the exchange (no proxy). */
  agent: http.Agent | false;
  proxy?: { url: string; from: string };
}

/**
 * Chooses the route of one exchange. Through a proxy it is a fresh agent from https-proxy-agent
 * (a CONNECT tunnel, for https URLs) or http-proxy-agent (an absolute-form request, for http URLs),
 * which is what curl does with the same variables. `signal` destroys the socket to the proxy when the
 * exchange ends: otherwise a proxy that never answers the CONNECT keeps that socket, and the process, alive.
 */
export function routeFor(url: URL, settings: NetworkSettings | undefined, signal: AbortSignal): Route {
  const proxy = settings ? proxyFor(url, settings.proxy) : undefined;
  if (!proxy) return { agent: false };
  // For an https:// proxy: the same trust as for merchants, but always checked (--insecure is about merchants).
  const { secureContext } = tlsOptions(settings);
  const options = { signal, ...(secureContext ? { secureContext } : {}) };
  const agent =
    url.protocol === 'https:' ? new HttpsProxyAgent(proxy.url, options) : new HttpProxyAgent(proxy.url, options);
  return { agent, proxy };
}
