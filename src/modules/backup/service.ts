/**
 * Logical backup and restore that work across both engines (a PGlite backup restores into
 * PostgreSQL and back): every table of the public schema, in foreign-key order, as JSON rows
 * in a gzip'd JSON-lines file. Restore replaces all data in one transaction: it either
 * completes or changes nothing.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { once } from 'node:events';
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Database } from '../../db/client.ts';

export const BACKUP_FORMAT = 'sme-ladder-backup@1';
const BATCH = 2000;

interface Header {
  format: string;
  createdAt: string;
  engine: string;
  migrations: number;
  tables: string[];
}

/** Tables of the public schema ordered so that every table comes after those it references. */
export async function tablesInDependencyOrder(database: Database): Promise<string[]> {
  const tables = (
    await database.query<{ t: string }>(
      `select tablename as t from pg_tables where schemaname = 'public' order by tablename`,
    )
  ).map((r) => r.t);
  const deps = await database.query<{ child: string; parent: string }>(
    `select distinct cl.relname as child, pcl.relname as parent
       from pg_constraint c join pg_class cl on cl.oid = c.conrelid join pg_class pcl on pcl.oid = c.confrelid
       join pg_namespace n on n.oid = cl.relnamespace
      where c.contype = 'f' and n.nspname = 'public' and cl.relname <> pcl.relname`,
  );
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string, stack: Set<string>) => {
    if (seen.has(t) || stack.has(t)) return;
    stack.add(t);
    for (const d of deps) if (d.child === t) visit(d.parent, stack);
    seen.add(t);
    out.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return out;
}

async function migrationCount(database: Database): Promise<number> {
  const [r] = await database.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
  return r?.n ?? 0;
}

function quoteIdent(s: string): string {
  return '"' + s.replace(/"/g, '""') + '"';
}

export async function backup(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  const tables = await tablesInDependencyOrder(database);
  const gz = zlib.createGzip();
  const out = fs.createWriteStream(file + '.partial');
  gz.pipe(out);
  const write = async (obj: unknown) => {
    if (!gz.write(JSON.stringify(obj) + '\n')) await once(gz, 'drain');
  };
  const header: Header = {
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    engine: database.kind,
    migrations: await migrationCount(database),
    tables,
  };
  await write(header);
  let rows = 0;
  // One snapshot for the whole backup, so it is consistent even while the platform runs.
  await database.db.transaction(async (tx) => {
    await tx.execute(sql.raw('set transaction isolation level repeatable read, read only'));
    for (const t of tables) {
      for (let offset = 0; ; offset += BATCH) {
        const res = await rowsOf<{ j: string }>(
          tx,
          sql.raw(`select row_to_json(x)::text as j from (select * from ${quoteIdent(t)} order by 1 limit ${BATCH} offset ${offset}) x`),
        );
        const list = res.map((r) => JSON.parse(r.j) as unknown);
        if (list.length === 0) break;
        await write({ table: t, rows: list });
        rows += list.length;
        if (list.length < BATCH) break;
      }
    }
  });
  gz.end();
  await once(out, 'finish');
  fs.renameSync(file + '.partial', file);
  return { tables: tables.length, rows };
}

export async function restore(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let header: Header | undefined;
  let rows = 0;
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new Error('the backup file is empty');
  try {
    header = JSON.parse(first.value) as Header;
  } catch {
    throw new Error('not an SME Ladder backup (no header)');
  }
  if (header.format !== BACKUP_FORMAT) throw new Error(`not an SME Ladder backup (format ${String(header.format)})`);
  const here = await migrationCount(database);
  if (header.migrations !== here)
    throw new Error(`the backup was made at schema version ${header.migrations}, this database is at ${here}: migrate first`);
  const tables = await tablesInDependencyOrder(database);
  await database.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`truncate ${tables.map(quoteIdent).join(', ')} restart identity cascade`));
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      if (!next.value.trim()) continue;
      const chunk = JSON.parse(next.value) as { table: string; rows: unknown[] };
      if (!tables.includes(chunk.table)) throw new Error(`the backup has a table this database lacks: ${chunk.table}`);
      const t = quoteIdent(chunk.table);
      await tx.execute(
        rawSql(`insert into ${t} overriding system value select * from json_populate_recordset(null::${t}, $1::json)`, [
          JSON.stringify(chunk.rows),
        ]),
      );
      rows += chunk.rows.length;
    }
    // Identity columns continue after the restored rows.
    const ids = await rowsOf<{ t: string; c: string }>(
      tx,
      rawSql(
        `select table_name as t, column_name as c from information_schema.columns
          where table_schema = 'public' and is_identity = 'YES'`,
        [],
      ),
    );
    for (const r of ids) {
      await tx.execute(
        rawSql(
          `select setval(pg_get_serial_sequence('${quoteIdent(r.t)}', '${r.c}'),
                         coalesce((select max(${quoteIdent(r.c)}) from ${quoteIdent(r.t)}), 0) + 1, false)`,
          [],
        ),
      );
    }
  });
  return { tables: tables.length, rows };
}

/** A raw statement with positional parameters, as a drizzle SQL object. */
function rawSql(text: string, params: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) chunks.push(sql.raw(parts[i]!));
    else chunks.push(sql`${params[Number(parts[i]) - 1]}`);
  }
  return sql.join(chunks, sql.raw(''));
}
