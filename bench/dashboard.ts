/**
 * Targets dashboard API under load: 50 concurrent clients for ~10 s (autocannon, in a child process) against the real
 * HTTP server, signed in as a city officer, on a registry of BENCH_DASHBOARD_ENTERPRISES
 * (default 200,000) on PGlite and, when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set,
 * BENCH_DASHBOARD_PG_ENTERPRISES (default 1,000,000) on PostgreSQL.
 * Limits (DESIGN.md): p99 300 ms on PGlite, 100 ms on PostgreSQL, no error. ratio = limit / p99.
 * The figures are kept 60 s in the database (dashboard_cache) and refreshed by one request while
 * the others serve the previous body; one request before the run fills it, and the time of that
 * uncached computation is printed to stderr.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { ensureUnits } from '../src/modules/seed/service.ts';
import { createUser } from '../src/modules/auth/service.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/config/env.ts';
import { PersonalDataCipher } from '../src/shared/crypto.ts';
import { createPgDatabase } from '../test/helpers/db.ts';

const KEY = '0123456789abcdef0123456789abcdef';
const AUTOCANNON = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'autocannon', 'autocannon.js');

interface LoadResult {
  latency: { p50: number; p99: number };
  requests: { average: number; total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** autocannon in its own process, so the load generator does not share the server's event loop. */
function load(url: string, cookie: string): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [AUTOCANNON, '-c', '50', '-d', '10', '-j', '-H', `cookie=${cookie}`, url], { maxBuffer: 16 << 20 }, (err, stdout) => {
      if (err) reject(err);
      else resolve(JSON.parse(stdout) as LoadResult);
    });
  });
}
const PASSWORD = 'Bench@2025!pass';

async function fill(database: Database, n: number): Promise<void> {
  const t0 = Date.now();
  await database.query(
    `insert into enterprises (uscc, name, name_initials, unit_code, industry_code, established_on, size_class)
     select 'D' || lpad(g::text, 17, '0'), '看板基准企业' || g || '有限公司', 'kbjzqy' || g,
            (array['370102','370103','370104','370105','370112','370113','370114','370115','370116','370117','370124','370126','Z-HTZ','Z-SUA','Z-SMA'])[1 + g % 15],
            (array['C3421','C3491','C3670','C3971','I6513','I6531','M7320','C2710','F5174'])[1 + g % 9],
            date '2000-01-01' + (g % 8000), (array['micro','small','medium','large'])[1 + g % 4]::size_class
       from generate_series(1, $1::int) g`,
    [n],
  );
  // About 0.6 title rows per enterprise over 2019–2026: every kind, renewals three years on, some revoked.
  await database.query(
    `insert into titles (enterprise_id, kind, level, batch, recognised_on, valid_until, recognition, revoked_on, revoke_reason, source)
     select e.id, k.kind::title_kind, k.level::title_level, 'bench',
            date '2019-01-01' + ((e.id * 37) % 2800)::int,
            case when k.kind = 'unicorn' then null else date '2019-01-01' + ((e.id * 37) % 2800)::int + 1094 end,
            'first', case when e.id % 97 = 0 then date '2019-01-01' + ((e.id * 37) % 2800)::int + 400 end, case when e.id % 97 = 0 then '数据造假' end, 'bench'
       from enterprises e
       join (values (0, 'innovative_sme', 'provincial'), (1, 'specialized_sme', 'provincial'), (2, 'gazelle', 'city'),
                    (3, 'specialized_sme', 'provincial'), (4, 'innovative_sme', 'provincial'), (5, 'gazelle', 'provincial'),
                    (6, 'little_giant', 'national'), (7, 'manufacturing_champion', 'national'), (8, 'unicorn', 'provincial'))
            as k(i, kind, level) on k.i = e.id % 9 and (e.id % 5 < 3)`,
  );
  await database.query(
    `insert into titles (enterprise_id, kind, level, batch, recognised_on, valid_until, recognition, source)
     select t.enterprise_id, t.kind, t.level, 'bench', t.valid_until - 30, t.valid_until + 1065, 'renewal', 'bench'
       from titles t where t.valid_until is not null and t.enterprise_id % 2 = 0 and t.valid_until < date '2026-06-30'`,
  );
  await database.query(
    `insert into carriers (kind, name, level, unit_code, recognised_on, valid_until)
     select 'cluster', '基准产业集群' || g, (array['provincial','national','city'])[1 + g % 3]::title_level,
            (array['370102','370112','370114'])[1 + g % 3], date '2019-03-01' + g * 200, null
       from generate_series(1, 12) g`,
  );
  await database.query(
    `insert into entitlements (key, fiscal_year, clause, item, beneficiary_type, enterprise_id, amount, policy_version, trigger, status, paid_at)
     select 'bench:' || e.id, 2025, (array['2','5'])[1 + e.id % 2], 'bench', 'enterprise', e.id, 300000, 'bench', '{}'::jsonb,
            'owed', case when e.id % 3 = 0 then now() end
       from enterprises e where e.id % 50 = 0`,
  );
  await database.exec('analyze');
  const [c] = await database.query<{ n: number }>('select count(*)::int as n from titles');
  process.stderr.write(`  filled ${n} enterprises, ${c?.n ?? 0} title rows in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}

async function run(engine: 'pglite' | 'postgres', n: number, limitMs: number, url?: string): Promise<boolean> {
  const database = await openDatabase(url ? { url, poolSize: 20 } : {});
  const config = loadConfig({ ...process.env, PORT: '0', SME_DATA_KEY: KEY, SME_SEED_ON_START: 'false' });
  const app = await buildApp({
    config,
    database,
    cipher: new PersonalDataCipher(KEY),
    auth: { sessionHours: 8, lockoutThreshold: 5, lockoutMinutes: 15 },
  });
  try {
    await migrate(database);
    await ensureUnits(database);
    await fill(database, n);
    await createUser(database, null, { username: 'bench-city', displayName: 'bench', role: 'city_officer', password: PASSWORD });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench-city', password: PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const target = `${base}/api/dashboard`;
    const t0 = Date.now();
    const first = await fetch(target, { headers: { cookie } });
    if (first.status !== 200) throw new Error(`dashboard answered ${first.status}: ${await first.text()}`);
    process.stderr.write(`  ${engine}: uncached dashboard computed in ${Date.now() - t0} ms\n`);

    // The floor of any signed-in GET on this machine (session lookup only), for reading the result.
    const floor = await load(`${base}/api/auth/me`, cookie);
    process.stderr.write(`  ${engine}: floor /api/auth/me: ${floor.requests.average} req/s, p50 ${floor.latency.p50} ms, p99 ${floor.latency.p99} ms\n`);
    const result = await load(target, cookie);
    const errors = result.errors + result.timeouts + result.non2xx;
    process.stderr.write(
      `  ${engine}: ${result.requests.total} requests, ${result.requests.average} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${errors}\n`,
    );
    // The common line (bench/lib.ts), with the error count beside it: it must be 0.
    const ratio = Number((limitMs / Math.max(result.latency.p99, 0.001)).toPrecision(4));
    console.log(
      JSON.stringify({ bench: `dashboard-${engine}`, ours: result.latency.p99, baseline: 'limit', theirs: limitMs, unit: 'ms p99', ratio, target: 1, errors }),
    );
    const met = ratio >= 1;
    return met && errors === 0;
  } finally {
    await app.close();
    await database.close();
  }
}

const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
let ok = await run('pglite', Number(process.env.BENCH_DASHBOARD_ENTERPRISES ?? 200_000), 300);
if (pgUrl) {
  const { url, drop } = await createPgDatabase();
  try {
    ok = (await run('postgres', Number(process.env.BENCH_DASHBOARD_PG_ENTERPRISES ?? 1_000_000), 100, url)) && ok;
  } finally {
    await drop();
  }
}
process.exitCode = ok ? 0 : 1;
