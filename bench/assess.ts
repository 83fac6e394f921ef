/**
 * Tier assessment over the whole registry: 1,000,000 enterprises (BENCH_ASSESS_N) with three years
 * of figures, IP, honours, titles and declared facts, each assessed against every standard
 * (中小企业划型, 创新型, 专精特新, 小巨人, 瞪羚, 独角兽 — 6 assessments per enterprise) from the
 * database, against the bare read of the same rows (the same queries, chunk by chunk, rows fetched
 * and dropped). Target: within 2× of the bare read (ratio ≥ 0.5). PGlite, and PostgreSQL when
 * BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set; BENCH_ENGINES picks.
 */
import { openDatabase, type Database } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { ensureUnits } from '../src/modules/seed/service.ts';
import { BASE_COLUMNS, readRows, tierFactsChunks } from '../src/modules/tiers/facts.ts';
import { STANDARD_IDS, tierAssessor } from '../policy/tier-standards/index.ts';
import { createPgDatabase } from '../test/helpers/db.ts';
import { report } from './lib.ts';

const N = Number(process.env.BENCH_ASSESS_N ?? 1_000_000);
const DATE = '2025-06-01';
const FY = 2024;
const CHUNK = 10_000;

async function fill(database: Database): Promise<void> {
  const t0 = Date.now();
  await database.query(
    `insert into enterprises (uscc, name, name_initials, unit_code, industry_code, established_on, size_class, strategic_emerging)
     select '9137' || lpad(g::text, 14, '0'), '基准企业' || g || '有限公司', 'jzqy' || g,
            (array['370102','370103','370104','370105','370112','370113','370114','370115','370116','370117','370124','370126'])[1 + g % 12],
            (array['C3421','I6513','C2710','F5179','M7320','C3311'])[1 + g % 6], date '2005-01-01' + (g % 6000), 'small', g % 3 = 0
       from generate_series(1, $1::int) g`,
    [N],
  );
  // Three years of figures: revenue 0.5–20.5 千万, growing 0–20% a year; ratios vary with the id.
  await database.query(
    `insert into enterprise_yearly (enterprise_id, year, revenue, main_business_revenue, rd_expense, net_profit, total_assets, total_liabilities, employees, rd_staff)
     select e.id, y, r, r * (50 + e.id % 51) / 100, r * (e.id % 80) / 1000, r * ((e.id % 30) - 5) / 100, r * 12 / 10, r * 12 / 10 * (e.id % 90) / 100,
            10 + e.id % 500, (10 + e.id % 500) * (e.id % 40) / 100
       from enterprises e, generate_series(${FY - 2}, ${FY}) y,
            lateral (select ((5000000 + (e.id * 7919) % 200000000) * power(1 + (e.id % 21) / 100.0, y - ${FY - 2}))::bigint as r) rev`,
  );
  await database.query(
    `insert into enterprise_ip (enterprise_id, year, invention_patents, utility_models, software_copyrights, class1, class2, class1_high_value)
     select id, ${FY}, id % 5, id % 9, id % 7, id % 5, id % 9 + id % 7, case when id % 17 = 0 then 1 else 0 end from enterprises`,
  );
  await database.query(
    `insert into enterprise_honours (enterprise_id, kind, name, level, year)
     select id, 'high_tech_enterprise', '高新技术企业', 'national'::title_level, 2023 from enterprises where id % 4 = 0
     union all select id, 'provincial_tech_center', '省级企业技术中心', 'provincial'::title_level, 2020 from enterprises where id % 10 = 0`,
  );
  await database.query(
    `insert into titles (enterprise_id, kind, level, batch, recognised_on, valid_until, recognition, source)
     select id, 'innovative_sme'::title_kind, 'provincial'::title_level, 'bench', date '2023-06-01', date '2026-05-31', 'first'::recognition_kind, 'bench' from enterprises where id % 5 = 0
     union all select id, 'specialized_sme', 'provincial', 'bench', date '2024-01-01', date '2026-12-31', 'first', 'bench' from enterprises where id % 20 = 0
     union all select id, 'little_giant', 'national', 'bench', date '2024-07-01', date '2027-06-30', 'first', 'bench' from enterprises where id % 400 = 0`,
  );
  await database.query(
    `insert into enterprise_declared_facts (enterprise_id, facts, source)
     select id, jsonb_build_object('nicheMarketSince', (date '2010-01-01' + (id % 4000)::int)::text, 'digitalLevel', 1 + id % 4,
              'quality', jsonb_build_object('managementCertification', id % 2 = 0, 'ownBrand', id % 3 = 0, 'provincialQualityAward', false, 'standardsDrafting', id % 7 = 0),
              'marketShare', jsonb_build_object('domestic', (id % 20) / 100.0, 'domesticRank', 1 + id % 50, 'provinceRank', 1 + id % 20, 'leading', id % 4 = 0),
              'leadingProductDomain', (array['key_link','six_foundations','other'])[1 + id % 3], 'creditScore', 60 + id % 40, 'listed', false,
              'controlledByListed', false, 'equityFinancing', jsonb_build_array(), 'developmentScore', jsonb_build_array(jsonb_build_object('year', 2025, 'score', 30 + id % 60))), 'seed'
       from enterprises where id % 5 < 2`,
  );
  await database.exec('analyze');
  process.stderr.write(`filled ${N} enterprises in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
}

async function bareRead(database: Database): Promise<number> {
  let after = 0;
  let rows = 0;
  for (;;) {
    const base = await database.query<{ id: number }>(
      `select ${BASE_COLUMNS} from enterprises e where true and e.id > $1 order by e.id limit $2`,
      [after, CHUNK],
    );
    if (base.length === 0) break;
    const ids = base.map((r) => Number(r.id));
    const r = await readRows(database, ids, FY);
    rows += base.length + r.yearly.length + r.ip.length + r.honours.length + r.titles.length + r.declared.length;
    after = ids[ids.length - 1] as number;
    if (base.length < CHUNK) break;
  }
  return rows;
}

async function run(engine: 'pglite' | 'postgres', url?: string): Promise<boolean> {
  const database = await openDatabase(url ? { url } : {});
  try {
    await migrate(database);
    await ensureUnits(database);
    await fill(database);
    const a = tierAssessor();
    // Warm both paths on a small slice (JIT, plan cache), outside the timing.
    for await (const c of tierFactsChunks(database, { sql: 'e.id <= $1', params: [CHUNK] }, FY, CHUNK))
      for (const f of c.facts) for (const id of STANDARD_IDS) a.assess(id, f, DATE, { parameters: false, explain: false });

    const t0 = process.hrtime.bigint();
    let enterprises = 0;
    let met = 0;
    for await (const c of tierFactsChunks(database, { sql: 'true', params: [] }, FY, CHUNK)) {
      for (const f of c.facts) {
        enterprises++;
        for (const id of STANDARD_IDS) if (a.assess(id, f, DATE, { parameters: false, explain: false }).met) met++;
      }
    }
    const ours = Number(process.hrtime.bigint() - t0) / 1e9;

    const t1 = process.hrtime.bigint();
    const rows = await bareRead(database);
    const bare = Number(process.hrtime.bigint() - t1) / 1e9;

    process.stderr.write(
      `${engine}: ${enterprises} enterprises × ${STANDARD_IDS.length} standards (${met} met); assess ${ours.toFixed(1)} s, bare read of the same ${rows} rows ${bare.toFixed(1)} s\n`,
    );
    return report({
      bench: `assess-${engine}`,
      ours: enterprises / ours,
      baseline: 'bare read of the same rows',
      theirs: enterprises / bare,
      unit: `enterprises/s (× ${STANDARD_IDS.length} standards)`,
      target: 0.5,
    });
  } finally {
    await database.close();
  }
}

const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
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
