import type { StoreOptions } from './memory/memory-store';
import { MemoryStore } from './memory/memory-store';
import type { MockStore } from './mock-store';
import type { EntryView } from './postgres/journal';
import { parseStoreSpec, StoreOpenError } from './store-spec';

/** What a PostgreSQL store needs besides what every store does: how journal entries are shown, and the byte bounds. */
export interface DatabaseOptions {
  journalView: EntryView;
  storeBudgetBytes: number;
  journalBudgetBytes: number;
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
  const { openPostgresStore } = await import('./postgres/postgres-store');
  return openPostgresStore({ ...options, ...database, url: parsed.url });
}
