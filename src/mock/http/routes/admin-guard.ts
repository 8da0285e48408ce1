import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { said } from '../../i18n';
import { HttpProblem } from '../../errors/problems';
import { JSON_TYPE } from '../json-body';

/** Who the admin API answers: the names this server is reached by, besides loopback and the connection's own address. */
export interface AdminGuardOptions {
  /** The URL clients use when it is not the bound address (`serve --public-url`, behind a proxy). */
  publicUrl?: string;
  /** More names of this server (`serve --host`); wildcard addresses are no names and are ignored. */
  hostNames?: string[];
}

/** A Host (or an origin's authority): its name in lower case, an IPv6 address in brackets, and its port if written. */
interface Authority {
  name: string;
  port?: number;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
// 0.0.0.0 and :: mean "every address" to listen(); no client reaches a server by those names.
const WILDCARDS = new Set(['0.0.0.0', '[::]']);
const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };
const AUTHORITY = /^(\[[0-9a-f:.]+\]|[^\s:[\]/@\\?#]+)(?::(\d{1,5}))?$/i;

/** The public URL as Host and Origin headers show it. */
interface PublicSite extends Authority {
  port: number;
  /** `http:` or `https:`: a Host without a port means this scheme's default port. */
  scheme: string;
  origin: string;
}

/**
 * The admin API's door, in front of every /__admin route (the dashboard's files and the live stream
 * included), on loopback too:
 * - the Host must name this server (its address and port, localhost, 127.0.0.1, [::1], or the host of
 *   --public-url), or it is a 421: a page that rebinds its own DNS name to 127.0.0.1 still sends that name;
 * - an Origin, when a browser sends one, must be the server's own (or --public-url's), else 403;
 * - every request but GET and HEAD must declare Content-Type: application/json, body or not (415): a page
 *   on another site can send only text/plain, form or multipart bodies without a CORS preflight, and the
 *   mock answers no preflight, so a cross-site `fetch(..., {mode: 'no-cors'})` or form changes nothing.
 */
export function adminGuard(options: AdminGuardOptions = {}) {
  const site = publicSite(options.publicUrl);
  const names = new Set([...LOOPBACK_NAMES, ...(options.hostNames ?? []).map(bracketed)]);
  for (const wildcard of WILDCARDS) names.delete(wildcard);
  return (req: Request, _res: Response, next: NextFunction): void => {
    const host = req.headers.host;
    const authority = host === undefined ? undefined : parseAuthority(host);
    const addressed = authority === undefined ? undefined : addressedAs(authority, req, names, site);
    if (addressed === undefined) {
      const port = req.socket.localPort ?? 0;
      const known = new Set([...names].map((name) => `${name}:${port}`));
      // The public URL is the bound address itself unless --public-url says otherwise: named once.
      if (site) known.add(site.port === DEFAULT_PORTS[site.scheme] ? site.name : `${site.name}:${site.port}`);
      throw new HttpProblem(
        'misdirected-request',
        said('admin.foreignHost', {
          found: host === undefined ? said('detail.contentTypeNone') : JSON.stringify(host.slice(0, 100)),
          hosts: [...known].join(', '),
        }),
      );
    }
    // The page's own origin: the server's for a Host naming it, and the public URL's (a proxy may rewrite the Host).
    const origins = addressed === 'server' ? [`http://${(host as string).toLowerCase()}`] : [];
    if (site) origins.push(site.origin);
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.includes(origin.toLowerCase())) {
      throw new HttpProblem(
        'cross-site-admin',
        said('admin.foreignOrigin', { found: JSON.stringify(origin.slice(0, 100)), own: origins.join(', ') }),
      );
    }
    if (req.method !== 'GET' && req.method !== 'HEAD' && !declaresJson(req)) {
      const type = req.headers['content-type'];
      throw new HttpProblem(
        'unsupported-media-type',
        said('admin.jsonOnly', {
          method: req.method,
          found: type === undefined ? said('detail.contentTypeNone') : JSON.stringify(type.slice(0, 80)),
        }),
      );
    }
    next();
  };
}

/**
 * How a Host names this server: `server` (one of its names at the port the connection came in on) or
 * `public` (the public URL's host and port); undefined when it names another.
 */
function addressedAs(
  authority: Authority,
  req: IncomingMessage,
  names: Set<string>,
  site: PublicSite | undefined,
): 'server' | 'public' | undefined {
  // No port in the Host means the default port of the scheme the client used: the public URL's.
  if (site && authority.name === site.name && (authority.port ?? DEFAULT_PORTS[site.scheme]) === site.port)
    return 'public';
  if ((authority.port ?? 80) !== req.socket.localPort) return undefined;
  const local = bracketed(unmapped(req.socket.localAddress ?? ''));
  return names.has(authority.name) || authority.name === local ? 'server' : undefined;
}

function declaresJson(req: IncomingMessage): boolean {
  const type = req.headers['content-type'];
  return type !== undefined && JSON_TYPE.test(type);
}

function parseAuthority(text: string): Authority | undefined {
  const match = AUTHORITY.exec(text);
  if (!match) return undefined;
  return { name: match[1].toLowerCase(), port: match[2] === undefined ? undefined : Number(match[2]) };
}

/** The public URL's name, port (its scheme's default when not written) and origin; undefined without one. */
function publicSite(url: string | undefined): PublicSite | undefined {
  if (url === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const scheme = parsed.protocol;
  if (!(scheme in DEFAULT_PORTS) || WILDCARDS.has(parsed.hostname)) return undefined;
  const port = parsed.port === '' ? DEFAULT_PORTS[scheme] : Number(parsed.port);
  return { name: parsed.hostname.toLowerCase(), port, scheme, origin: parsed.origin };
}

/** An IPv6 address as a Host writes it, in brackets; names and IPv4 addresses as they are, in lower case. */
function bracketed(name: string): string {
  const lower = name.toLowerCase();
  return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower;
}

/** An IPv4 address a dual-stack socket reports as ::ffff:a.b.c.d, as a client writes it. */
function unmapped(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice('::ffff:'.length) : address;
}
