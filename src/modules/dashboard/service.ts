/**
 * Targets dashboard service: reads the counts behind the dashboard (titles in force on a date,
 * by kind, level, unit, industry and year end; clusters; money per clause), scoped to the
 * principal, and keeps the result a short while in `dashboard_cache` (shared by all instances).
 */
import { cachedJson } from '../../db/json-cache.ts';
import type { Database } from '../../db/client.ts';
import { AppError, Problems } from '../../shared/errors.ts';
import { isIsoDate, todayShanghai } from '../../shared/dates.ts';
import { enterpriseScope, type Principal } from '../access/principal.ts';
import type { Level, TitleKind } from '../registry/reference.ts';
import {
  buildDashboard,
  FIRST_TREND_YEAR,
  QUALITY_KINDS,
  trendDates,
  type Dashboard,
  type DashboardScope,
  type KindCounts,
  type RawFigures,
  type RawIndustry,
  type RawMoney,
  type RawUnit,
} from './domain.ts';

/** Who sees which dashboard: city and finance officers the city, district officers their unit, nobody else. */
export function dashboardScope(p: Principal): DashboardScope {
  const scope = enterpriseScope(p);
  if (scope.kind === 'all') return { kind: 'city' };
  if (scope.kind === 'unit' && p.role === 'district_officer') return { kind: 'unit', unitCode: scope.unitCode };
  throw new AppError('forbidden');
}

export function checkOn(on: string | undefined): string {
  if (on === undefined || on === '') return todayShanghai();
  const p = new Problems();
  if (!isIsoDate(on)) p.add('on', '日期格式应为 YYYY-MM-DD', 'must be a date YYYY-MM-DD');
  else if (on < '2000-01-01' || on > '2100-12-31') p.add('on', '日期超出范围', 'date out of range');
  p.throwIfAny();
  return on;
}

/** A title row in force on the date in `d` (validUntil is the last valid day; revoked from revokedOn). */
const inForce = (d: string) =>
  `t.recognised_on <= ${d} and (t.valid_until is null or t.valid_until >= ${d}) and (t.revoked_on is null or t.revoked_on > ${d})`;

function add(counts: KindCounts, kind: TitleKind, n: number): void {
  counts[kind] = (counts[kind] ?? 0) + n;
}

/** Reads every count the dashboard shows, for `on` and the scope. */
export async function readFigures(database: Database, on: string, scope: DashboardScope): Promise<RawFigures> {
  const unitCode = scope.kind === 'unit' ? scope.unitCode : null;
  const quality = [...QUALITY_KINDS];

  // The enterprise join only narrows a unit's view; the city needs none. Distinct counts go
  // through `select distinct` (hashed) rather than count(distinct …) (sorted): several times faster.
  const scoped = (alias: string) =>
    // "$2 is null" (a constant the planner folds) keeps $2 referenced, so both scopes bind the same parameters.
    unitCode === null ? 'and $2::text is null' : `and exists (select 1 from enterprises e where e.id = ${alias}.enterprise_id and e.unit_code = $2::text)`;

  const [kindLevel, cells, unitRows, trendRows, clusterRows, clusterYears, money] = await Promise.all([
    database.query<{ kind: TitleKind; level: Level; n: number }>(
      `select kind::text as kind, level::text as level, count(*)::int as n
         from (select distinct t.enterprise_id, t.kind, t.level from titles t where ${inForce('$1::date')} ${scoped('t')}) x
        group by kind, level`,
      [on, unitCode],
    ),
    // Per unit × industry class × kind: enterprises holding the kind (k is one row per enterprise and
    // kind); the rows without a kind carry the distinct holders of any quality title. Every enterprise
    // has one unit and one class, so sections, units and the total are sums of these cells.
    database.query<{ unit_code: string; industry_code: string; kind: TitleKind | null; n: number; quality: number }>(
      `with k as materialized (select distinct t.enterprise_id, t.kind from titles t where ${inForce('$1::date')} ${scoped('t')})
       select e.unit_code, e.industry_code, k.kind::text as kind, count(*)::int as n, 0 as quality
         from k join enterprises e on e.id = k.enterprise_id
        group by e.unit_code, e.industry_code, k.kind
       union all
       select e.unit_code, e.industry_code, null, 0, count(*)::int
         from (select distinct enterprise_id from k where kind::text = any($3::text[])) q join enterprises e on e.id = q.enterprise_id
        group by e.unit_code, e.industry_code`,
      [on, unitCode, quality],
    ),
    database.query<{ code: string; name_zh: string; name_en: string; kind: string; registered: number; smes: number }>(
      `select u.code, u.name_zh, u.name_en, u.kind::text as kind, count(e.id)::int as registered,
              count(e.id) filter (where e.size_class <> 'large')::int as smes
         from units u left join enterprises e on e.unit_code = u.code
        group by u.code, u.name_zh, u.name_en, u.kind, u.sort
        order by u.sort, u.code`,
    ),
    database.query<{ d: string; kind: TitleKind | null; n: number; quality: number }>(
      `with x as materialized (
         select distinct d, t.kind, t.enterprise_id from unnest($1::date[]) as d join titles t on ${inForce('d')} ${scoped('t')})
       select d::text as d, kind::text as kind, count(*)::int as n, 0 as quality from x group by d, kind
       union all
       select d::text, null, 0, count(*)::int from (select distinct d, enterprise_id from x where kind::text = any($3::text[])) y group by d`,
      [trendDates(on), unitCode, quality],
    ),
    database.query<{ n: number }>(
      `select count(*)::int as n from carriers c
        where c.kind = 'cluster' and c.level in ('national', 'provincial')
          and c.recognised_on <= $1::date and (c.valid_until is null or c.valid_until >= $1::date)
          and ($2::text is null or c.unit_code = $2::text)`,
      [on, unitCode],
    ),
    database.query<{ year: number; n: number }>(
      `select extract(year from c.recognised_on)::int as year, count(*)::int as n from carriers c
        where c.kind = 'cluster' and c.recognised_on <= $1::date and ($2::text is null or c.unit_code = $2::text)
        group by 1`,
      [on, unitCode],
    ),
    database.query<{ clause: string; status: RawMoney['status']; paid: boolean; count: number; amount: number | string }>(
      `select en.clause, en.status::text as status, (en.paid_at is not null) as paid, count(*)::int as count,
              coalesce(sum(en.amount), 0)::bigint as amount
         from entitlements en
         left join enterprises e on e.id = en.enterprise_id
         left join carriers c on c.id = en.carrier_id
        where ($1::text is null or coalesce(e.unit_code, c.unit_code) = $1::text)
        group by 1, 2, 3`,
      [unitCode],
    ),
  ]);

  const units = new Map<string, RawUnit>(
    unitRows.map((u) => [
      u.code,
      { unitCode: u.code, nameZh: u.name_zh, nameEn: u.name_en, kind: u.kind, registered: u.registered, byKind: {}, qualityEnterprises: 0 },
    ]),
  );
  const industries = new Map<string, RawIndustry>();
  const industry = (code: string, level: RawIndustry['level']) => {
    const key = `${level}:${code}`;
    let r = industries.get(key);
    if (!r) industries.set(key, (r = { code, level, byKind: {}, qualityEnterprises: 0 }));
    return r;
  };
  let qualityEnterprises = 0;
  for (const c of cells) {
    const u = units.get(c.unit_code);
    const section = industry(c.industry_code.slice(0, 1), 'section');
    const klass = industry(c.industry_code, 'class');
    if (c.kind === null) {
      qualityEnterprises += c.quality;
      if (u) u.qualityEnterprises += c.quality;
      section.qualityEnterprises += c.quality;
      klass.qualityEnterprises += c.quality;
    } else {
      if (u) add(u.byKind, c.kind, c.n);
      add(section.byKind, c.kind, c.n);
      add(klass.byKind, c.kind, c.n);
    }
  }

  const trend = new Map<string, { date: string; byKind: KindCounts; qualityEnterprises: number }>(
    trendDates(on).map((d) => [d, { date: d, byKind: {}, qualityEnterprises: 0 }]),
  );
  for (const r of trendRows) {
    const p = trend.get(r.d);
    if (!p) continue;
    if (r.kind === null) p.qualityEnterprises = r.quality;
    else p.byKind[r.kind] = r.n;
  }

  const byKind: KindCounts = {};
  for (const c of cells) if (c.kind !== null) add(byKind, c.kind, c.n);
  const years = new Map(clusterYears.map((r) => [r.year, r.n]));
  const newByYear: { year: number; count: number }[] = [];
  for (let y = FIRST_TREND_YEAR; y <= Number(on.slice(0, 4)); y++) newByYear.push({ year: y, count: years.get(y) ?? 0 });

  const scopedUnits = [...units.values()];
  return {
    byKindLevel: [
      ...Object.entries(byKind).map(([kind, n]) => ({ kind: kind as TitleKind, level: null, enterprises: n })),
      ...kindLevel.map((r) => ({ kind: r.kind, level: r.level, enterprises: r.n })),
    ],
    qualityEnterprises,
    smes: unitRows.filter((u) => unitCode === null || u.code === unitCode).reduce((s, u) => s + u.smes, 0),
    units: scopedUnits,
    industries: [...industries.values()].sort((a, b) => (a.level === b.level ? a.code.localeCompare(b.code) : a.level === 'section' ? -1 : 1)),
    trend: [...trend.values()],
    clusters: { inForce: clusterRows[0]?.n ?? 0, newByYear },
    money: money.map((m) => ({ clause: m.clause, status: m.status, paid: m.paid, count: m.count, amount: Number(m.amount) })),
  };
}

export async function computeDashboard(database: Database, on: string, scope: DashboardScope): Promise<Dashboard> {
  return buildDashboard(await readFigures(database, on, scope), on, scope);
}

const CACHE_VERSION = 'v1';
/** Figures are at most this old (plus one computation) when served from the cache. */
export const CACHE_SECONDS = 60;

export type DashboardResponse = Dashboard & { computedAt: string };

/**
 * The dashboard for a principal as JSON text, from the shared cache (`cachedJson`) when fresh:
 * a busy dashboard is computed once a minute whatever the number of instances.
 */
export async function getDashboardJson(database: Database, p: Principal, onParam: string | undefined): Promise<string> {
  const scope = dashboardScope(p);
  const on = checkOn(onParam);
  const key = `${CACHE_VERSION}|${on}|${scope.kind === 'city' ? 'city' : 'unit:' + scope.unitCode}`;
  return cachedJson(database, key, CACHE_SECONDS, () => computeDashboard(database, on, scope));
}

export async function getDashboard(database: Database, p: Principal, onParam: string | undefined): Promise<DashboardResponse> {
  return JSON.parse(await getDashboardJson(database, p, onParam)) as DashboardResponse;
}
