/**
 * Test databases: a fresh in-memory PGlite, and — when TEST_DATABASE_URL is set — a fresh
 * PostgreSQL database created for the test file and dropped after it.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { ensureUnits } from '../../src/modules/seed/service.ts';

export interface TestDb {
  database: Database;
  drop(): Promise<void>;
}

export const ENGINES: ('pglite' | 'postgres')[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** Creates an empty PostgreSQL database on the test server and returns its URL. */
export async function createPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const name = 'sme_test_' + crypto.randomBytes(6).toString('hex');
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = '/' + name;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      // pg's pool.end() resolves before its sockets have closed; forcing the drop while they are still
      // closing makes the server terminate them, which the ended pool reports as an uncaught error.
      // Wait (briefly) until the database's own connections are gone, then drop.
      for (let i = 0; i < 50; i++) {
        const { rows } = await c.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = $1`, [name]);
        if (!rows[0]?.n) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

// initdb inside PGlite takes seconds; each test file makes one migrated template and clones it.
let template: Promise<Blob> | undefined;
async function makeTemplate(): Promise<Blob> {
  const database = await openDatabase({});
  await migrate(database);
  await ensureUnits(database);
  const blob = await database.pglite!.dumpDataDir('none');
  await database.close();
  return blob;
}

export async function openTestDb(engine: 'pglite' | 'postgres'): Promise<TestDb> {
  if (engine === 'pglite') {
    template ??= makeTemplate();
    const database = await openDatabase({ loadDataDir: await template });
    return { database, drop: () => database.close() };
  }
  const { url, drop } = await createPgDatabase();
  const database = await openDatabase({ url, poolSize: 8 });
  await migrate(database);
  await ensureUnits(database);
  return {
    database,
    async drop() {
      await database.close();
      await drop();
    },
  };
}
