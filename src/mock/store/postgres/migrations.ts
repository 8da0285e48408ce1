import type { Pool } from 'pg';
import { StoreOpenError } from '../store-spec';

/** One step of the schema: applied once, in its own transaction, in order. */
interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The schema, version by version. Never edit a step that has shipped: add the next one. Every table
 * lives in the `merchant_kit` schema, so the database may hold other things.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'stores, stock, orders, callbacks, quotes, journal',
    sql: `
      CREATE TABLE merchant_kit.sandboxes (
        name text PRIMARY KEY,
        settings jsonb NOT NULL,
        scenarios jsonb NOT NULL DEFAULT '{}'::jsonb,
        -- Bumped by every change of what the store's stock, blocks and orders hold, under this row's
        -- lock: so versions follow commit order, and a replica's cache asks for what is newer.
        version bigint NOT NULL DEFAULT 0,
        -- The version of the last reset: a cache behind it loads everything again.
        reset_version bigint NOT NULL DEFAULT 0,
        order_count integer NOT NULL DEFAULT 0,
        order_bytes bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE merchant_kit.stock (
        sandbox text NOT NULL REFERENCES merchant_kit.sandboxes (name) ON DELETE CASCADE,
        sku text NOT NULL,
        quantity bigint NOT NULL,
        version bigint NOT NULL,
        PRIMARY KEY (sandbox, sku)
      );
      CREATE TABLE merchant_kit.blocks (
        sandbox text NOT NULL REFERENCES merchant_kit.sandboxes (name) ON DELETE CASCADE,
        product_id text NOT NULL,
        blocked boolean NOT NULL,
        version bigint NOT NULL,
        PRIMARY KEY (sandbox, product_id)
      );
      CREATE TABLE merchant_kit.orders (
        sandbox text NOT NULL REFERENCES merchant_kit.sandboxes (name) ON DELETE CASCADE,
        object_id text NOT NULL,
        seq bigserial NOT NULL UNIQUE,
        created boolean NOT NULL DEFAULT false,
        status text NOT NULL,
        payload text NOT NULL,
        lines integer NOT NULL DEFAULT 0,
        reservations jsonb NOT NULL DEFAULT '[]'::jsonb,
        released boolean NOT NULL DEFAULT false,
        history jsonb NOT NULL DEFAULT '[]'::jsonb,
        history_dropped integer NOT NULL DEFAULT 0,
        notification_keys jsonb NOT NULL DEFAULT '[]'::jsonb,
        notes jsonb NOT NULL DEFAULT '[]'::jsonb,
        bytes integer NOT NULL DEFAULT 0,
        version bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (sandbox, object_id)
      );
      CREATE INDEX orders_by_age ON merchant_kit.orders (sandbox, seq);
      CREATE INDEX orders_by_version ON merchant_kit.orders (sandbox, version);
      -- Orders forgotten for a bound: the caches drop what they held (cleaned after an hour).
      CREATE TABLE merchant_kit.forgotten (
        sandbox text NOT NULL REFERENCES merchant_kit.sandboxes (name) ON DELETE CASCADE,
        object_id text NOT NULL,
        version bigint NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX forgotten_by_version ON merchant_kit.forgotten (sandbox, version);
      -- The outbox: each order's callbacks with their attempts; a pending one is taken by one replica
      -- at a time (FOR UPDATE SKIP LOCKED, then a lease), so none is sent twice.
      CREATE TABLE merchant_kit.callbacks (
        id bigserial PRIMARY KEY,
        sandbox text NOT NULL,
        object_id text NOT NULL,
        order_seq bigint NOT NULL,
        position integer NOT NULL,
        kind text NOT NULL,
        url text NOT NULL,
        body jsonb NOT NULL,
        token text,
        attempts jsonb NOT NULL DEFAULT '[]'::jsonb,
        outcome text NOT NULL DEFAULT 'pending',
        due_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        lease_owner text
      );
      CREATE INDEX callbacks_due ON merchant_kit.callbacks (due_at) WHERE outcome = 'pending';
      CREATE INDEX callbacks_of_order ON merchant_kit.callbacks (order_seq, position);
      CREATE TABLE merchant_kit.quotes (
        sandbox text NOT NULL REFERENCES merchant_kit.sandboxes (name) ON DELETE CASCADE,
        object_id text NOT NULL,
        quote jsonb NOT NULL,
        seq bigserial NOT NULL,
        PRIMARY KEY (sandbox, object_id)
      );
      CREATE INDEX quotes_by_age ON merchant_kit.quotes (sandbox, seq);
      CREATE TABLE merchant_kit.journal_heads (
        sandbox text PRIMARY KEY REFERENCES merchant_kit.sandboxes (name) ON DELETE CASCADE,
        seq bigint NOT NULL DEFAULT 0
      );
      -- The journal is a log, not state: UNLOGGED (no write-ahead log, so a busy mock costs the database
      -- little; emptied if PostgreSQL itself crashes, kept across a clean restart), its entries as JSON text.
      CREATE UNLOGGED TABLE merchant_kit.journal (
        sandbox text NOT NULL REFERENCES merchant_kit.sandboxes (name) ON DELETE CASCADE,
        seq bigint NOT NULL,
        entry text NOT NULL,
        bytes integer NOT NULL,
        PRIMARY KEY (sandbox, seq)
      );
      -- Entries of a few KB are written many times a second and kept a short while: stored as they are,
      -- without TOAST's compression (CPU in the database for every request).
      ALTER TABLE merchant_kit.journal ALTER COLUMN entry SET STORAGE EXTERNAL;
    `,
  },
  {
    version: 2,
    name: 'verify runs of the QA console',
    sql: `
      -- The QA console's runs of verify. A finished run (state done) is its record as JSON text, exactly
      -- as the memory history keeps it (header values masked), and its summary for lists; a run queued
      -- or running is its replica's, which holds the advisory lock (VERIFY_OWNERS, owner) while alive.
      CREATE TABLE merchant_kit.verify_runs (
        id text PRIMARY KEY,
        state text NOT NULL CHECK (state IN ('queued', 'running', 'done')),
        owner integer,
        -- Renumbered when the run finishes: the history's order, oldest first.
        seq bigserial NOT NULL,
        summary text NOT NULL,
        record text NOT NULL,
        bytes integer NOT NULL
      );
      CREATE INDEX verify_runs_by_age ON merchant_kit.verify_runs (seq) WHERE state = 'done';
      CREATE INDEX verify_runs_live ON merchant_kit.verify_runs (owner) WHERE state <> 'done';
      -- Each replica's key in the liveness lock, new at every connection (wraps after 2^31).
      CREATE SEQUENCE merchant_kit.verify_owners AS integer MINVALUE 1 CYCLE;
      CREATE TABLE merchant_kit.verify_history (
        one boolean PRIMARY KEY DEFAULT true CHECK (one),
        dropped bigint NOT NULL DEFAULT 0
      );
      INSERT INTO merchant_kit.verify_history DEFAULT VALUES;
    `,
  },
];

/** The newest schema this version of the kit knows. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** The advisory lock every replica takes to migrate: one migrates, the others wait and find it done. */
const MIGRATION_LOCK = 0x6d6b5f6d6967; // "mk_mig"

/**
 * Brings the database to SCHEMA_VERSION at start, under a session advisory lock so two replicas
 * starting at once never run a step twice; each step in its own transaction with its version row, so
 * a step that fails leaves nothing behind. A database migrated by a newer kit is refused.
 */
export async function migrate(pool: Pool): Promise<{ applied: number[] }> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query('CREATE SCHEMA IF NOT EXISTS merchant_kit');
      await client.query(
        `CREATE TABLE IF NOT EXISTS merchant_kit.schema_migrations (
           version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const rows = (await client.query<{ version: number }>('SELECT version FROM merchant_kit.schema_migrations')).rows;
      const done = new Set(rows.map((row) => Number(row.version)));
      const newest = Math.max(0, ...done);
      if (newest > SCHEMA_VERSION)
        throw new StoreOpenError(
          `--store: the database's merchant_kit schema is at version ${newest}, newer than this merchant-kit knows (${SCHEMA_VERSION}): run the newer merchant-kit, or give a database of its own`,
          false,
        );
      const applied: number[] = [];
      for (const step of MIGRATIONS) {
        if (done.has(step.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(step.sql);
          await client.query('INSERT INTO merchant_kit.schema_migrations (version, name) VALUES ($1, $2)', [
            step.version,
            step.name,
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
        applied.push(step.version);
      }
      return { applied };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
