/**
 * Bulk writes: one multi-row statement per batch as `insert … select * from unnest($1::type[], …)`
 * — one parameter per column instead of one per value, several times faster on PGlite and the
 * same on PostgreSQL. Table and column names must be fixed strings from code, never input.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';

/** A PostgreSQL array literal with every element quoted (NULL for null): one text parameter. */
export function arrayLiteral(values: unknown[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i) out += ',';
    const v = values[i];
    out += v === null || v === undefined ? 'NULL' : '"' + String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
  }
  return out + '}';
}

export async function unnestInsert(
  tx: DbOrTx,
  table: string,
  columns: readonly (readonly [name: string, type: string])[],
  rows: unknown[][],
  returning?: string,
  /** e.g. 'on conflict do nothing' — a fixed string from code. */
  onConflict?: string,
): Promise<Record<string, unknown>[]> {
  const arrays = columns.map(([, type], c) => sql`${arrayLiteral(rows.map((r) => r[c]))}::${sql.raw(type)}[]`);
  const query = sql`insert into ${sql.identifier(table)} (${sql.raw(columns.map(([n]) => `"${n}"`).join(', '))}) select * from unnest(${sql.join(arrays, sql`, `)})${onConflict ? sql.raw(' ' + onConflict) : sql``}${returning ? sql.raw(` returning ${returning}`) : sql``}`;
  const result = (await tx.execute(query)) as unknown as { rows: Record<string, unknown>[] };
  return result.rows;
}
