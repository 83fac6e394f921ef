/**
 * One database API over two drivers: the embedded PGlite (a data folder, the default) and a
 * PostgreSQL server (when a URL is given). Both speak the same SQL dialect, so services and
 * migrations are written once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Runs raw SQL with positional parameters and returns the rows. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements separated by semicolons (no parameters). */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
  /** Only for PGlite: the underlying instance (dumpDataDir etc.). */
  pglite?: PGlite;
  /** Only for PostgreSQL: the pool. */
  pool?: pg.Pool;
}

// bigint (int8) comes back as a string by default; our amounts fit well inside 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// Calendar dates stay strings ("2024-07-01"), never Date objects shifted by a time zone.
pg.types.setTypeParser(1082, (v) => v);

export interface OpenOptions {
  url?: string | undefined;
  /** PGlite data folder; undefined means in memory. */
  dataDir?: string | undefined;
  /** PGlite only: start from a dumped data folder (a tarball from `dumpDataDir`) instead of initdb. */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    // An idle client the server ends (restart, pg_terminate_backend, DROP DATABASE … WITH (FORCE)
    // while the pool winds down) is an 'error' on the pool: the pool discards it and opens another
    // on demand. Without a listener Node would treat it as an unhandled error and stop.
    pool.on('error', () => undefined);
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      pool,
      async query<T>(text: string, params: unknown[] = []) {
        return (await pool.query(text, params)).rows as T[];
      },
      async exec(text: string) {
        await pool.query(text);
      },
      async close() {
        await pool.end();
      },
    };
  }
  if (opts.dataDir) fs.mkdirSync(path.dirname(opts.dataDir), { recursive: true });
  const client = await PGlite.create({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    extensions: { pg_trgm },
    parsers: { 20: (v: string) => Number(v), 1082: (v: string) => v },
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite: client,
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.query<T>(text, params)).rows;
    },
    async exec(text: string) {
      await client.exec(text);
    },
    async close() {
      await client.close();
    },
  };
}

/** Runs a drizzle SQL object inside a transaction or on the database and returns its rows. */
export async function rowsOf<T>(tx: DbOrTx, query: SQL): Promise<T[]> {
  // Both drivers return `{ rows }`; the abstract PgDatabase type does not say so.
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
