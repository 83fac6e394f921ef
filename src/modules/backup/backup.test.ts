import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ENGINES, openTestDb, type TestDb } from '../../../test/helpers/db.ts';
import { seedDatabase } from '../seed/service.ts';
import { PersonalDataCipher } from '../../shared/crypto.ts';
import { verifyAudit } from '../audit/service.ts';
import { backup, restore, tablesInDependencyOrder } from './service.ts';

const cipher = new PersonalDataCipher('0123456789abcdef0123456789abcdef');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sme-backup-'));

/** A fingerprint of every table: row count and an md5 over its rows in key order. */
async function fingerprint(t: TestDb): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of await tablesInDependencyOrder(t.database)) {
    const [r] = await t.database.query<{ n: number; h: string }>(
      `select count(*)::int as n, coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as h from "${table}" x`,
    );
    out[table] = `${r!.n}:${r!.h}`;
  }
  return out;
}

// Every pair of engines: a PGlite backup restores into PostgreSQL and back.
const pairs = ENGINES.flatMap((from) => ENGINES.map((to) => [from, to] as const));

describe.each(pairs)('backup from %s and restore into %s', (from, to) => {
  const opened: TestDb[] = [];
  afterAll(async () => {
    for (const t of opened) await t.drop();
  });

  it('loses nothing, keeps the audit chain valid, and new rows continue after the restored ids', { timeout: 180_000 }, async () => {
    const a = await openTestDb(from);
    opened.push(a);
    await seedDatabase(a.database, { seed: 3, enterprises: 120, cipher });
    const file = path.join(dir, `${from}-${to}.backup.gz`);
    await backup(a.database, file);
    const b = await openTestDb(to);
    opened.push(b);
    await restore(b.database, file);
    expect(await fingerprint(b)).toEqual(await fingerprint(a));
    expect((await verifyAudit(b.database)).problem).toBeNull();
    const [max] = await b.database.query<{ m: number }>(`select max(id)::int as m from enterprises`);
    const [ins] = await b.database.query<{ id: number }>(
      `insert into enterprises (uscc, name, name_initials, unit_code, industry_code, established_on, size_class)
       values ('913700001630477270', '浪潮测试', 'lc', '370102', 'C3911', '2000-01-01', 'large') returning id`,
    );
    expect(ins!.id).toBeGreaterThan(max!.m);
  });

  it('refuses a file that is not a backup and changes nothing', { timeout: 120_000 }, async () => {
    const b = await openTestDb(to);
    opened.push(b);
    await seedDatabase(b.database, { seed: 4, enterprises: 20, cipher });
    const before = await fingerprint(b);
    const bogus = path.join(dir, 'bogus.gz');
    fs.writeFileSync(bogus, (await import('node:zlib')).gzipSync('{"hello": 1}\n'));
    await expect(restore(b.database, bogus)).rejects.toThrow(/not an SME Ladder backup/);
    expect(await fingerprint(b)).toEqual(before);
  });
});
