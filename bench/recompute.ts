/**
 * Recomputing entitlements from the database (load facts → evaluate with traces → write) against
 * the bare read and write of the same rows: the same title/carrier/residency reads, and an insert
 * of the very rows recompute wrote into an identical table. Target: within 2× (ratio ≥ 0.5).
 * On PGlite and, when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set, on PostgreSQL.
 * Size: BENCH_TITLES (default 1,000,000 title events).
 */
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf, type Database } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { unnestInsert } from '../src/db/bulk.ts';
import { ensureUnits } from '../src/modules/seed/service.ts';
import { recompute } from '../src/modules/entitlements/service.ts';
import { loadFacts } from '../src/modules/entitlements/facts.ts';
import { createPgDatabase } from '../test/helpers/db.ts';
import { report } from './lib.ts';

const TITLES = Number(process.env.BENCH_TITLES ?? 1_000_000);
const ENTERPRISES = Math.max(1000, Math.floor(TITLES / 4));
const FISCAL_YEAR = 2025;

async function fill(database: Database): Promise<void> {
  await database.query(
    `insert into enterprises (uscc, name, name_initials, unit_code, industry_code, established_on, size_class)
     select 'B' || lpad(g::text, 17, '0'), '基准测试企业' || g || '有限公司', 'jzcsqy' || g,
            (array['370102','370103','370104','370105','370112','370113','370114','370115','370116','370117','370124','370126'])[1 + g % 12],
            'C3421', '2010-01-01', 'small'
       from generate_series(1, $1::int) g`,
    [ENTERPRISES],
  );
  await database.query(
    `insert into carriers (kind, name, level, unit_code, recognised_on, valid_until)
     select 'demo_base', '基准示范基地' || g, (array['provincial','national'])[1 + g % 2]::title_level, '370102', '2015-01-01', '2030-12-31'
       from generate_series(1, 20) g`,
  );
  await database.query(
    `insert into residencies (enterprise_id, carrier_id, from_date)
     select e.id, (select min(id) from carriers) + e.id % 20, date '2020-01-01' + (e.id % 900)::int
       from enterprises e where e.id % 20 = 0`,
  );
  // Title events over 2024 and 2025 (clause 5 counts 2024 for fiscal year 2025), all kinds,
  // the levels each title has, a quarter of them renewals, a few revoked.
  await database.query(
    `insert into titles (enterprise_id, kind, level, batch, recognised_on, valid_until, recognition, revoked_on, revoke_reason, source)
     select (select min(id) from enterprises) + g % $2::int,
            k.kind::title_kind, k.level::title_level, 'bench',
            date '2024-01-01' + ((g / $2::int) * 173 + g % 97)::int,
            date '2024-01-01' + ((g / $2::int) * 173 + g % 97)::int + 1094,
            (case when g % 4 = 0 then 'renewal' else 'first' end)::recognition_kind,
            case when g % 500 = 0 then date '2025-12-01' end,
            case when g % 500 = 0 then '数据造假' end,
            'bench'
       from generate_series(0, $1::int - 1) g
       join (values (0, 'innovative_sme', 'provincial'), (1, 'specialized_sme', 'provincial'), (2, 'little_giant', 'national'),
                    (3, 'gazelle', 'provincial'), (4, 'unicorn', 'provincial'), (5, 'manufacturing_champion', 'national'))
            as k(i, kind, level) on k.i = g % 6
     on conflict do nothing`,
    [TITLES, ENTERPRISES],
  );
  await database.exec('analyze');
}

const COLUMNS = [
  ['key', 'text'],
  ['fiscal_year', 'integer'],
  ['clause', 'text'],
  ['item', 'text'],
  ['beneficiary_type', 'text'],
  ['enterprise_id', 'bigint'],
  ['carrier_id', 'bigint'],
  ['amount', 'bigint'],
  ['policy_version', 'text'],
  ['trigger', 'jsonb'],
  ['trace', 'jsonb'],
] as const;

async function run(engine: 'pglite' | 'postgres', url?: string): Promise<boolean> {
  const database = await openDatabase(url ? { url } : {});
  try {
    await migrate(database);
    await ensureUnits(database);
    await fill(database);
    const [{ n } = { n: 0 }] = await database.query<{ n: number }>('select count(*)::int as n from titles');

    const t0 = process.hrtime.bigint();
    const counts = await recompute(database, { id: null, name: 'bench' }, { fiscalYear: FISCAL_YEAR });
    const ours = Number(process.hrtime.bigint() - t0) / 1e9;

    // The rows recompute wrote, fetched outside the timing, to be written again by the baseline.
    await database.exec('create table entitlements_copy (like entitlements including all)');
    const written = await database.query<Record<string, unknown>>(
      `select key, fiscal_year, clause, item, beneficiary_type, enterprise_id, carrier_id, amount, policy_version,
              trigger::text as trigger, trace::text as trace from entitlements order by id`,
    );
    const rows = written.map((r) => COLUMNS.map(([c]) => r[c]));

    const t1 = process.hrtime.bigint();
    await loadFacts(database, [FISCAL_YEAR]);
    await database.db.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += 1000) await unnestInsert(tx, 'entitlements_copy', COLUMNS, rows.slice(i, i + 1000));
      await rowsOf(tx, sql`select 1`);
    });
    const bare = Number(process.hrtime.bigint() - t1) / 1e9;

    process.stderr.write(
      `${engine}: ${n} title events, ${counts.computed} entitlements; recompute ${ours.toFixed(2)} s, bare read+write ${bare.toFixed(2)} s\n`,
    );
    return report({
      bench: `recompute-${engine}`,
      ours: n / ours,
      baseline: 'bare read+write of the same rows',
      theirs: n / bare,
      unit: 'title events/s',
      target: 0.5,
    });
  } finally {
    await database.close();
  }
}

const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
// BENCH_ENGINES=pglite or =postgres runs one of them.
const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
let ok = engines.includes('pglite') ? await run('pglite') : true;
if (pgUrl && engines.includes('postgres')) {
  const { url, drop } = await createPgDatabase();
  try {
    ok = (await run('postgres', url)) && ok;
  } finally {
    await drop();
  }
}
process.exitCode = ok ? 0 : 1;
