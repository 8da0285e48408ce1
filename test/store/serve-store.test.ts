import { Client } from 'pg';
import { runCli } from '../support/run-cli';
import { startServe } from '../support/serve-child';
import { databaseUrl, freshDatabase, testServer } from '../support/postgres';
import { openPostgres } from './adapters';
import { SCHEMA_VERSION } from '../../src/mock/store/postgres/migrations';

// `serve --store` and MERCHANT_KIT_STORE: a bad store is one line naming where it came from and the
// fix, exit 2 when the URL must change, 1 when the database does not answer; the schema is migrated
// once, however many replicas start at once.

/** A loopback port nothing listens on: a refused connection. */
async function closedPort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as import('node:net').AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const serve = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runCli(['serve', '--port', '0', '--quiet', ...args], { env: { MERCHANT_KIT_STORE: '', ...env } });

describe('serve --store', () => {
  it.each([
    ['mysql://u@h/db', 'has the scheme mysql, not postgres'],
    ['postgres://u@127.0.0.1:5432/', 'names no database (the path after the host)'],
    ['postgres://u@127.0.0.1:99999/db', 'is neither memory nor a URL'],
    ['redis', 'is neither memory nor a URL'],
  ])('refuses %p in one line naming the flag and the forms it takes, exit 2', async (value, why) => {
    const result = await serve(['--store', value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `merchant-kit: --store ${JSON.stringify(value)} ${why}: give memory (the default) or a PostgreSQL URL such as postgres://USER@HOST:5432/DB\n`,
    );
  });

  it('names MERCHANT_KIT_STORE when the URL came from it, and never echoes a password', async () => {
    const result = await serve([], { MERCHANT_KIT_STORE: 'postgres://mk:hunter2@127.0.0.1/' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'MERCHANT_KIT_STORE (no --store given) "postgres://mk:***@127.0.0.1/" names no database',
    );
    expect(result.stderr).not.toContain('hunter2');
  });

  it('says in one line that PostgreSQL cannot be reached, and exits 1', async () => {
    const port = await closedPort();
    const result = await serve(['--store', `postgres://mk:hunter2@127.0.0.1:${port}/mk`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `merchant-kit: --store postgres://mk:***@127.0.0.1:${port}/mk: cannot reach PostgreSQL at 127.0.0.1:${port} (ECONNREFUSED): start it, or give --store the URL of one that runs\n`,
    );
  });

  it('says which database does not exist, and exits 2', async () => {
    const url = databaseUrl(testServer(), 'no_such_db');
    const result = await serve(['--store', url]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `the database no_such_db does not exist at 127.0.0.1:${testServer().port}: create it`,
    );
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a database a newer merchant-kit migrated, exit 2', async () => {
    const url = await freshDatabase();
    const db = new Client({ connectionString: url });
    await db.connect();
    await db.query("INSERT INTO merchant_kit.schema_migrations (version, name) VALUES ($1, 'from the future')", [
      SCHEMA_VERSION + 1,
    ]);
    await db.end();
    const result = await serve(['--store', url]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`schema is at version ${SCHEMA_VERSION + 1}, newer than this merchant-kit knows`);
  });

  it('takes the store from MERCHANT_KIT_STORE and says where the state lives in its start-up line', async () => {
    const url = await freshDatabase();
    const server = await startServe([], { MERCHANT_KIT_STORE: url });
    try {
      expect(server.output()).toContain(`store postgres ${url};`);
      expect((await fetch(`${server.url}/products/productsearch?query=iphone`)).status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    const memory = await startServe([], { MERCHANT_KIT_STORE: '' });
    expect(memory.output()).toContain('store memory;');
    expect(await memory.stop()).toBe(0);
  });
});

describe('schema migrations', () => {
  it('run once when several replicas start at once on an empty database', async () => {
    const url = await freshDatabase(false);
    const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgres(url)));
    const db = new Client({ connectionString: url });
    await db.connect();
    const { rows } = await db.query<{ version: number }>(
      'SELECT version FROM merchant_kit.schema_migrations ORDER BY version',
    );
    await db.end();
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    for (const store of stores) await store.close();
  });
});
