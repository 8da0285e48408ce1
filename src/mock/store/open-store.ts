import type { StoreOptions } from './memory/memory-store';
import { MemoryStore } from './memory/memory-store';
import type { MockStore } from './mock-store';
import type { EntryView } from './postgres/journal';
import { parseStoreSpec, shownStoreUrl, StoreOpenError } from './store-spec';

/** What a PostgreSQL store needs besides what every store does: how journal entries are shown, and the byte bounds. */
export interface DatabaseOptions {
  journalView: EntryView;
  storeBudgetBytes: number;
  journalBudgetBytes: number;
}

/** The PostgreSQL client release the kit is tested with (an optional dependency, as Prism is). */
export const PG_VERSION = '8';

/** What a PostgreSQL store says when `pg` is not installed: what is missing and the command that adds it. */
export const PG_MISSING =
  `the PostgreSQL store needs the pg client (pg@${PG_VERSION}), an optional dependency that is not installed: ` +
  `add it with "npm install --global pg@${PG_VERSION}" beside a global merchant-kit, or ` +
  `"npm install pg@${PG_VERSION}" in the project that depends on the kit (the memory store needs nothing)`;

/**
 * True when `pg` resolves from this package (a checkout's devDependencies, the project that installed
 * the kit, or the same global prefix). Most installs run verify in CI and never open a database: the
 * client and its 13 dependencies are not brought by every install.
 */
function pgInstalled(): boolean {
  try {
    require.resolve('pg', { paths: [__dirname] });
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens the store a spec names: `memory` (this process) or a PostgreSQL URL, whose adapter (and the
 * `pg` client) is loaded only then. A bad spec or a database that cannot be opened is a StoreOpenError
 * saying why and what to fix.
 */
export async function openStore(spec: string, options: StoreOptions, database: DatabaseOptions): Promise<MockStore> {
  const parsed = parseStoreSpec(spec);
  if ('error' in parsed) throw new StoreOpenError(parsed.error, false);
  if (parsed.kind === 'memory') return new MemoryStore(options);
  if (!pgInstalled()) throw new StoreOpenError(`--store ${shownStoreUrl(parsed.url)}: ${PG_MISSING}`, false);
  const { openPostgresStore } = await import('./postgres/postgres-store');
  return openPostgresStore({ ...options, ...database, url: parsed.url });
}
