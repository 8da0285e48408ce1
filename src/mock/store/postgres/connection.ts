import { Pool, type PoolClient } from 'pg';
import { StoreOpenError, shownStoreUrl } from '../store-spec';

/** The one channel every replica LISTENs on; payloads say what changed (see notifications.ts). */
export const CHANNEL = 'merchant_kit';

/** Connections per replica: requests wait for one when all are busy. */
const POOL_SIZE = 16;
/** How long opening a connection may take before the database counts as unreachable. */
const CONNECT_TIMEOUT_MS = 10_000;
/** Tries of a transaction PostgreSQL aborted for a deadlock or a serialization failure (it says: try again). */
const TRANSACTION_TRIES = 5;

/** What a query runs on: the pool, or a client inside a transaction. */
export type Queryable = Pick<PoolClient, 'query'>;

/** A pool of connections to the store's database. */
export function openPool(url: string): Pool {
  const pool = new Pool({ connectionString: url, max: POOL_SIZE, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle connection the server closed (a restart) is dropped and replaced; it must not crash the mock.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Runs `work` in one READ COMMITTED transaction and commits it; rolls back on any error, and runs it
 * again (up to five times) when PostgreSQL aborted it for a deadlock or a serialization failure. `work`
 * must only read and write through `client`: it may run more than once.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      if (attempt < TRANSACTION_TRIES && retryable(error)) continue;
      throw error;
    } finally {
      client.release();
    }
  }
}

function retryable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '40P01' || code === '40001';
}

/** Tells every replica (this one too) what changed, when the transaction commits. */
export async function notify(client: Queryable, message: Record<string, unknown>): Promise<void> {
  await client.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(message)]);
}

/**
 * The one-line reason a database could not be opened, and whether it was unreachable (nothing or no
 * PostgreSQL answered: exit 1) or refused what the URL asks (a user, password or database to fix: exit 2).
 */
export function openError(error: unknown, url: string): StoreOpenError {
  if (error instanceof StoreOpenError) return error;
  const shown = shownStoreUrl(url);
  const parsed = safeUrl(url);
  const where = parsed ? `${parsed.hostname || parsed.searchParams.get('host')}:${parsed.port || '5432'}` : shown;
  const user = parsed?.username ? decodeURIComponent(parsed.username) : '(the default user)';
  const database = parsed ? decodeURIComponent(parsed.pathname.replace(/^\//, '')) : '';
  const code = String((error as { code?: unknown }).code ?? '');
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case '28P01':
    case '28000':
      return new StoreOpenError(
        `--store ${shown}: PostgreSQL at ${where} refused the user ${user} (${message.slice(0, 120)}): fix the user or password in the URL`,
        false,
      );
    case '3D000':
      return new StoreOpenError(
        `--store ${shown}: the database ${database} does not exist at ${where}: create it (createdb ${database}) or name another in the URL`,
        false,
      );
    case '42501':
      return new StoreOpenError(
        `--store ${shown}: the user ${user} may not create the merchant_kit schema in ${database}: GRANT CREATE ON DATABASE ${database} TO ${user}, or use a database it owns`,
        false,
      );
  }
  const network = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ECONNRESET|ENOENT)$/.test(
    code,
  );
  const timedOut = /timeout/i.test(message);
  if (network || timedOut)
    return new StoreOpenError(
      `--store ${shown}: cannot reach PostgreSQL at ${where} (${code || 'timed out'}): start it, or give --store the URL of one that runs`,
      true,
    );
  return new StoreOpenError(`--store ${shown}: PostgreSQL at ${where} answered: ${message.slice(0, 200)}`, true);
}

function safeUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
