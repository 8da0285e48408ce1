import { Client } from 'pg';

/**
 * The first key of the two-key advisory locks replicas hold while alive ("mkvr"); the second is the
 * replica's owner number. Two-key locks (objsubid 2 in pg_locks) never meet the one-key locks the store
 * takes for migrations and sandbox creation.
 */
export const VERIFY_OWNERS = 0x6d6b7672;

/**
 * SQL that holds when the replica whose owner number is `column` is alive: its connection holds its
 * lock in this database. A replica killed at once loses its connection, so its lock, with no clock.
 */
export function ownerAlive(column: string): string {
  return `EXISTS (SELECT 1 FROM pg_locks l
     WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
       AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND l.classid = ${VERIFY_OWNERS}::oid AND l.objid = ${column}::oid)`;
}

/**
 * This replica's liveness for the runs it owns: one connection, opened on first need, that holds a
 * session advisory lock keyed by an owner number drawn from a sequence. Rows owned by a number whose
 * lock nobody holds belong to a replica that is gone. A lost connection loses the lock too: the next
 * `owner()` connects again under a new number (runs noted under the old one then read as interrupted
 * until they finish and are written whole).
 */
export class ReplicaLiveness {
  private held: Promise<{ client: Client; owner: number }> | undefined;
  /** The connection holding the lock now (a lost one is forgotten at once). */
  private live: Client | undefined;
  private closed = false;

  constructor(private readonly url: string) {}

  /** The owner number this replica holds the lock for now, connecting first when needed. */
  async owner(): Promise<number> {
    if (this.closed) throw new Error('the store is closed');
    this.held ??= this.connect().catch((error: unknown) => {
      this.held = undefined;
      throw error;
    });
    return (await this.held).owner;
  }

  /** The owner number held now, without connecting: undefined when this replica owns nothing. */
  async current(): Promise<number | undefined> {
    return this.held?.then(
      (held) => held.owner,
      () => undefined,
    );
  }

  /** Lets go of the lock: whatever this replica still owns reads as interrupted from now on. */
  async close(): Promise<void> {
    this.closed = true;
    const held = this.held;
    this.held = undefined;
    await held?.then((h) => h.client.end()).catch(() => undefined);
  }

  private async connect(): Promise<{ client: Client; owner: number }> {
    const client = new Client({ connectionString: this.url });
    const lost = (): void => {
      if (this.live === client) {
        this.live = undefined;
        this.held = undefined;
      }
      void client.end().catch(() => undefined);
    };
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      const { rows } = await client.query<{ owner: number }>(
        "SELECT nextval('merchant_kit.verify_owners')::int AS owner",
      );
      const owner = rows[0].owner;
      await client.query('SELECT pg_advisory_lock($1, $2)', [VERIFY_OWNERS, owner]);
      this.live = client;
      return { client, owner };
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
  }
}
