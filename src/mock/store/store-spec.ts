import { SECRET_QUERY_NAME } from '../../common/secrets';

/** Where a server keeps its state: this process's memory, or a PostgreSQL database shared by replicas. */
export type StoreSpec = { kind: 'memory' } | { kind: 'postgres'; url: string };

/** Why a store could not be opened; `unreachable` when nothing answered (a network or start-up matter), not a mistake in the URL. */
export class StoreOpenError extends Error {
  constructor(
    message: string,
    readonly unreachable: boolean,
  ) {
    super(message);
    this.name = 'StoreOpenError';
  }
}

/** What a store URL is refused for, without echoing a password it holds. */
export interface StoreSpecError {
  error: string;
}

/**
 * Reads `memory` or a PostgreSQL URL (`postgres://USER[:PASSWORD]@HOST[:PORT]/DB`, `postgresql://` too,
 * libpq's query parameters such as `?sslmode=require` allowed; `?host=/run/postgresql` for a socket).
 */
export function parseStoreSpec(raw: string): StoreSpec | StoreSpecError {
  const text = raw.trim();
  if (text === 'memory') return { kind: 'memory' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { error: 'is neither memory nor a URL' };
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    return { error: `has the scheme ${url.protocol.replace(/:$/, '')}, not postgres` };
  if (url.hostname === '' && url.searchParams.get('host') === null) return { error: 'names no host' };
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (database === '' || database.includes('/')) return { error: 'names no database (the path after the host)' };
  if (url.port !== '' && !(Number(url.port) >= 1 && Number(url.port) <= 65535)) return { error: 'has a bad port' };
  return { kind: 'postgres', url: text };
}

/** The URL as messages show it: the password and token-like parameters masked, the rest as given. */
export function shownStoreUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    // Not a URL: whatever follows a ':' before an '@' may be a password.
    return raw
      .trim()
      .replace(/:[^:@/]*@/, ':***@')
      .slice(0, 200);
  }
  if (url.password) url.password = '***';
  for (const name of [...url.searchParams.keys()])
    if (SECRET_QUERY_NAME.test(name) || name === 'password') url.searchParams.set(name, '***');
  return url
    .toString()
    .replace(/%2A%2A%2A/g, '***')
    .slice(0, 200);
}
