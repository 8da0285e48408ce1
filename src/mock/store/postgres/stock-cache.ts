import type { Catalog } from '../../domain/catalog';
import { SandboxCatalog } from '../sandbox-catalog';
import type { Queryable } from './connection';

/** One row of the refresh query: the version row, a stock row, a block, an order's holding, or a forgotten order. */
interface ChangeRow {
  kind: 'v' | 's' | 'b' | 'o' | 'f';
  id: string | null;
  n: string | null;
  m: string | null;
  data: { sku: string; units: number }[] | null;
}

/**
 * Everything newer than `$2` in one statement (one snapshot, so the rows and the version agree), or
 * everything when the store was reset since: stock and blocks that differ from the catalog, and what
 * each created order holds.
 */
const CHANGES_SQL = `
  WITH s AS (SELECT version, reset_version FROM merchant_kit.sandboxes WHERE name = $1),
       since AS (SELECT CASE WHEN reset_version > $2 THEN -1 ELSE $2 END AS v FROM s)
  SELECT 'v' AS kind, NULL AS id, version::text AS n, reset_version::text AS m, NULL::jsonb AS data FROM s
  UNION ALL
  SELECT 's', sku, quantity::text, NULL, NULL FROM merchant_kit.stock, since
   WHERE sandbox = $1 AND version > since.v
  UNION ALL
  SELECT 'b', product_id, CASE WHEN blocked THEN '1' ELSE '0' END, NULL, NULL FROM merchant_kit.blocks, since
   WHERE sandbox = $1 AND version > since.v
  UNION ALL
  SELECT 'o', object_id, CASE WHEN released THEN '1' ELSE '0' END, NULL, reservations FROM merchant_kit.orders, since
   WHERE sandbox = $1 AND version > since.v AND created
  UNION ALL
  SELECT 'f', object_id, NULL, NULL, NULL FROM merchant_kit.forgotten, since
   WHERE sandbox = $1 AND version > since.v`;

/**
 * One store's stock, blocks and order holdings as this replica reads them, at once: productSearch and
 * orderValidation never wait for the database. Kept fresh by asking for what is newer than the version
 * it holds, when a NOTIFY says the store changed (and after this replica's own changes, before they are
 * answered). Refreshes never overlap; one asked for during another runs after it.
 */
export class StockCache {
  readonly view: SandboxCatalog;
  /** Units each created, unreleased order holds, by objectId. */
  private readonly held = new Map<string, Map<string, number>>();
  /** The store's version this cache holds (-1: nothing loaded yet). */
  private version = -1;
  /** Bumped whenever what the orders hold changed here (the cart check's reuse key). */
  private heldVersion = 0;
  private running: Promise<void> | undefined;

  constructor(
    private readonly sandbox: string,
    catalog: Catalog,
    private readonly db: Queryable,
  ) {
    this.view = new SandboxCatalog(catalog);
  }

  /** The store's version this cache holds. */
  get loadedVersion(): number {
    return this.version;
  }

  /** Changes whenever what the stored orders hold changes. */
  get ordersVersion(): number {
    return this.heldVersion;
  }

  /** Units of each variant this order holds, as last read. */
  reservedBy(objectId: string): Map<string, number> {
    return new Map(this.held.get(objectId) ?? []);
  }

  /**
   * Brings the cache to at least `version` (the newest when not given): resolves once it holds it, or
   * what the database held when it looked.
   */
  async refresh(version = Number.MAX_SAFE_INTEGER): Promise<void> {
    if (version <= this.version) return;
    // A load under way may have read before what the caller waits for committed: wait, then load again.
    while (this.running !== undefined) {
      await this.running;
      if (version <= this.version) return;
    }
    this.running = this.load().finally(() => {
      this.running = undefined;
    });
    await this.running;
  }

  /** Forgets what was loaded, so that the next refresh reads everything (a lost LISTEN connection). */
  invalidate(): void {
    this.version = -1;
  }

  private async load(): Promise<void> {
    const from = this.version;
    const { rows } = await this.db.query<ChangeRow>(CHANGES_SQL, [this.sandbox, from]);
    const head = rows.find((row) => row.kind === 'v');
    if (head === undefined) return; // the store was removed; its replicas drop it on the NOTIFY
    const version = Number(head.n);
    if (from < 0 || Number(head.m) > from) {
      this.view.resetStock();
      this.held.clear();
      this.heldVersion += 1;
    }
    for (const row of rows) this.apply(row);
    this.version = version;
  }

  private apply(row: ChangeRow): void {
    const id = row.id ?? '';
    switch (row.kind) {
      case 's':
        this.view.setStock(id, Number(row.n));
        return;
      case 'b': {
        const position = this.view.shared.positionOf(id);
        if (position !== undefined) this.view.setBlocked(position, row.n === '1');
        return;
      }
      case 'o':
        this.heldVersion += 1;
        if (row.n === '1' || row.data === null) this.held.delete(id);
        else {
          const units = new Map<string, number>();
          for (const r of row.data) units.set(r.sku, (units.get(r.sku) ?? 0) + r.units);
          this.held.set(id, units);
        }
        return;
      case 'f':
        this.heldVersion += 1;
        this.held.delete(id);
        return;
    }
  }
}
