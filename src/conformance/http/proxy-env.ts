import net from 'node:net';
import { maskUrl } from '../../common/secrets';
import { usageError } from '../i18n/usage';

/** The proxy variables as read at start: which proxy each scheme uses, and where none is used. */
export interface ProxyEnv {
  /** For http:// URLs: http_proxy, else HTTP_PROXY, else all_proxy / ALL_PROXY. */
  http?: { url: string; from: string };
  /** For https:// URLs: https_proxy, else HTTPS_PROXY, else all_proxy / ALL_PROXY. */
  https?: { url: string; from: string };
  /** no_proxy, else NO_PROXY: the hosts reached directly. */
  noProxy: string;
}

/**
 * Reads the proxy variables the way curl does: lower case first, then upper case; ALL_PROXY as the
 * fallback for both schemes; a value without a scheme is an http:// proxy. An empty value is unset.
 * Only HTTP(S) proxies are supported: a value that is no URL, or a socks:// one, is a UsageError
 * naming the variable to fix.
 */
export function readProxyEnv(env: NodeJS.ProcessEnv): ProxyEnv {
  const pick = (...names: string[]): { url: string; from: string } | undefined => {
    for (const name of names) {
      const value = env[name]?.trim();
      if (value) return { url: proxyUrl(value, name), from: name };
    }
    return undefined;
  };
  const all = ['all_proxy', 'ALL_PROXY'];
  return {
    http: pick('http_proxy', 'HTTP_PROXY', ...all),
    https: pick('https_proxy', 'HTTPS_PROXY', ...all),
    noProxy: env.no_proxy ?? env.NO_PROXY ?? '',
  };
}

function proxyUrl(value: string, name: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw usageError('usage.proxyNotUrl', { variable: name, value: JSON.stringify(maskUrl(value)) });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw usageError('usage.proxyScheme', { variable: name, scheme: url.protocol.slice(0, -1) });
  return url.toString();
}

/** The proxy a URL goes through, or undefined when it is reached directly (no proxy set, or NO_PROXY matches). */
export function proxyFor(target: URL, env: ProxyEnv): { url: string; from: string } | undefined {
  const proxy = target.protocol === 'https:' ? env.https : env.http;
  if (!proxy || bypasses(target, env.noProxy)) return undefined;
  return proxy;
}

/**
 * curl's NO_PROXY: a comma-separated list; "*" alone matches every host; a name matches itself and its
 * subdomains (a leading "." or "*." changes nothing); an IP address matches itself, a CIDR block its
 * addresses; an entry with ":port" matches that port only.
 */
function bypasses(target: URL, noProxy: string): boolean {
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const { name, entryPort } = splitPort(entry);
    if (entryPort !== undefined && entryPort !== port) continue;
    if (matchesHost(host, name)) return true;
  }
  return false;
}

function splitPort(entry: string): { name: string; entryPort?: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { name: bracketed[1], entryPort: bracketed[2] };
  // An IPv6 address without brackets has several colons and no port.
  const match = /^([^:]+):(\d+)$/.exec(entry);
  return match ? { name: match[1], entryPort: match[2] } : { name: entry };
}

function matchesHost(host: string, name: string): boolean {
  const cidr = /^(.+)\/(\d{1,3})$/.exec(name);
  if (cidr && net.isIP(cidr[1]) !== 0 && net.isIP(host) === net.isIP(cidr[1])) {
    const family = net.isIP(cidr[1]) === 4 ? 'ipv4' : 'ipv6';
    const block = new net.BlockList();
    try {
      block.addSubnet(cidr[1], Number(cidr[2]), family);
    } catch {
      return false;
    }
    return block.check(host, family);
  }
  if (net.isIP(name) !== 0 || net.isIP(host) !== 0) return name === host;
  const domain = name.replace(/^\*?\./, '');
  return host === domain || host.endsWith(`.${domain}`);
}
