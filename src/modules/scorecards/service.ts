/**
 * Scorecards service (measures 七 and 八): indicator values per district/benchmark city and year
 * (form and all-or-nothing import), the platform's own figures, results computed when read by
 * policy/scorecards (ranking, what-if weights, benchmark comparison, trends, weak links), saved
 * weight sets, and the enterprises' digital-level questionnaires, whose level becomes the tier
 * fact `digitalLevel` (below level 1 removes it). Every read is narrowed by access/principal.ts;
 * every change is one transaction with its audit entry.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../../db/client.ts';
import { AppError, invalid, type Bilingual, type FieldProblem } from '../../shared/errors.ts';
import { todayShanghai } from '../../shared/dates.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import {
  canAnswerDigitalQuestionnaire,
  canEnterDistrictValues,
  canManageScorecards,
  canReadDistrictScorecard,
  digitalStatsScope,
  enterpriseScope,
  scorecardScope,
  type Principal,
} from '../access/principal.ts';
import { INDUSTRIES } from '../registry/reference.ts';
import {
  DISTRICT_ENVIRONMENT_PARAMETERS,
  DIGITAL_LEVEL_PARAMETERS,
  DISTRICT_INDICATOR_SOURCES,
  assessDigitalLevel,
  checkAnswers,
  checkScorecard,
  digitalQuestionnaire,
  districtEnvironmentScorecard,
  evaluateScorecard,
  withWeights,
  type Answers,
  type DigitalResult,
  type ScorecardDef,
  type UnitInput,
  type UnitResult,
} from '../../../policy/scorecards/index.ts';
import {
  checkValue,
  FIRST_YEAR,
  checkYear,
  enterableIndicators,
  indicatorsOf,
  isPlatformIndicator,
  parseImport,
  type ImportedValue,
} from './domain.ts';
import { PLATFORM_SOURCES, platformFigures } from './platform.ts';

const actorOf = (p: Principal): Actor => ({ id: p.userId, name: p.username });
const thisYear = () => Number(todayShanghai().slice(0, 4));
const round2 = (x: number) => Math.round(x * 100) / 100;

// ---------- reference: units, benchmark cities, the scorecard ----------

export interface NamedUnit {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: 'district' | 'benchmark';
  note?: string;
}

async function districts(database: Database): Promise<NamedUnit[]> {
  const rows = await database.query<{ code: string; name_zh: string; name_en: string }>(
    `select code, name_zh, name_en from units where kind in ('district', 'county') order by sort, code`,
  );
  return rows.map((r) => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en, kind: 'district' }));
}

async function benchmarks(database: Database): Promise<NamedUnit[]> {
  const rows = await database.query<{ code: string; name_zh: string; name_en: string; note: string }>(
    `select code, name_zh, name_en, note from scorecard_benchmark_cities order by sort, code`,
  );
  return rows.map((r) => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en, kind: 'benchmark', note: r.note }));
}

function scorecardFor(year: number) {
  return districtEnvironmentScorecard(`${year}-12-31`);
}

/** The indicator system, bands and parameters with their references (what the page explains). */
export function districtScorecardInfo(p: Principal, year: number) {
  if (scorecardScope(p).kind === 'none') throw new AppError('not_found');
  const yp = checkYear(year, thisYear());
  if (yp) throw invalid(yp);
  const def = scorecardFor(year);
  return {
    year,
    dimensions: def.dimensions.map((d) => ({
      ...d,
      indicators: d.indicators.map((i) => {
        const s = DISTRICT_INDICATOR_SOURCES[i.id];
        return { ...i, platform: s?.kind === 'platform' ? PLATFORM_SOURCES[s.key] : null };
      }),
    })),
    bands: def.bands,
    weakLinkMargin: def.weakLinkMargin,
    parameters: DISTRICT_ENVIRONMENT_PARAMETERS.map((x) => ({
      id: x.id,
      descriptionZh: x.descriptionZh,
      descriptionEn: x.descriptionEn,
      from: def.parameterDates[x.id] ?? null,
      reference: x.values[x.values.length - 1]?.reference ?? null,
    })),
  };
}

// ---------- one year's data and results ----------

interface YearData {
  year: number;
  def: ScorecardDef;
  units: NamedUnit[];
  inputs: UnitInput[];
  absent: Map<string, Bilingual>;
  /** district code → entered indicators / indicators to enter */
  completeness: Map<string, { entered: number; required: number }>;
}

async function yearData(database: Database, year: number): Promise<YearData> {
  const def = scorecardFor(year);
  const [ds, bs, rows, platform] = await Promise.all([
    districts(database),
    benchmarks(database),
    database.query<{ unit_kind: string; unit_code: string; indicator_id: string; value: number }>(
      `select unit_kind, unit_code, indicator_id, value from scorecard_values where year = $1`,
      [year],
    ),
    platformFigures(database, year, todayShanghai()),
  ]);
  const entered = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const k = `${r.unit_kind}:${r.unit_code}`;
    const m = entered.get(k) ?? {};
    m[r.indicator_id] = Number(r.value);
    entered.set(k, m);
  }
  const required = enterableIndicators(def.dimensions, 'district').map((i) => i.id);
  const completeness = new Map<string, { entered: number; required: number }>();
  const inputs: UnitInput[] = [];
  for (const d of ds) {
    const own = entered.get(`district:${d.code}`) ?? {};
    const values: Record<string, number> = { ...own };
    for (const [id, m] of platform.values) {
      const v = m.get(d.code);
      if (v !== undefined) values[id] = v;
    }
    // a district with nothing entered is not scored on the platform's figures alone
    const done = required.filter((id) => own[id] !== undefined).length;
    completeness.set(d.code, { entered: done, required: required.length });
    // Only a district that has entered everything is ranked: one part-way through an open year
    // is scored (its missing weights shared within their dimensions) but not placed.
    inputs.push({ code: d.code, ranked: done === required.length, values: Object.keys(own).length ? values : {} });
  }
  const withValues = bs.filter((b) => entered.has(`benchmark:${b.code}`));
  for (const b of withValues) inputs.push({ code: b.code, ranked: false, values: entered.get(`benchmark:${b.code}`) ?? {} });
  return { year, def, units: [...ds, ...withValues], inputs, absent: platform.absent, completeness };
}

export interface RankingRow {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: 'district' | 'benchmark';
  total: number | null;
  levelZh: string | null;
  levelEn: string | null;
  rank: number | null;
  dimensions: Record<string, number | null>;
  weakLinks: number;
  entered: number | null;
  required: number | null;
}

export interface DistrictResults {
  year: number;
  complete: boolean;
  weightsUsed: Record<string, number>;
  rows: RankingRow[];
  benchmarkBest: Record<string, number | null>;
  cityAverage: Record<string, number | null>;
  absent: { indicatorId: string; reason: Bilingual }[];
}

function weightsOf(def: ScorecardDef): Record<string, number> {
  const w: Record<string, number> = {};
  for (const d of def.dimensions) {
    w[d.id] = d.weight;
    for (const i of d.indicators) w[i.id] = i.weight;
  }
  return w;
}

function checkWeights(def: ScorecardDef, weights: Record<string, number>): ScorecardDef {
  const ids = new Set(Object.keys(weightsOf(def)));
  const problems: FieldProblem[] = [];
  for (const [k, v] of Object.entries(weights)) {
    if (!ids.has(k))
      problems.push({ field: `weights.${k}`, reason: { zh: '没有这个维度或指标', en: 'no such dimension or indicator' } });
    else if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > 100)
      problems.push({
        field: `weights.${k}`,
        reason: { zh: '权重须为大于0且不超过100的数', en: 'a weight must be above 0 and at most 100' },
      });
  }
  if (problems.length) throw invalid(...problems);
  const out = withWeights(def, weights);
  if (checkScorecard(out).length)
    throw invalid({ field: 'weights', reason: { zh: '权重无效', en: 'the weights are not valid' } });
  return out;
}

function evaluate(data: YearData, def: ScorecardDef) {
  return evaluateScorecard(def, data.inputs);
}

function rankingOf(data: YearData, def: ScorecardDef, results: UnitResult[]): DistrictResults {
  const byCode = new Map(data.units.map((u) => [u.code, u]));
  const rows: RankingRow[] = results.map((r) => {
    const u = byCode.get(r.code);
    const c = data.completeness.get(r.code);
    return {
      code: r.code,
      nameZh: u?.nameZh ?? r.code,
      nameEn: u?.nameEn ?? r.code,
      kind: u?.kind ?? 'district',
      total: r.total === null ? null : round2(r.total),
      levelZh: r.level?.labelZh ?? null,
      levelEn: r.level?.labelEn ?? null,
      rank: r.rank,
      dimensions: Object.fromEntries(r.dimensions.map((d) => [d.id, d.score === null ? null : round2(d.score)])),
      weakLinks: r.weakLinks.length,
      entered: c?.entered ?? null,
      required: c?.required ?? null,
    };
  });
  rows.sort((a, b) =>
    a.kind !== b.kind ? (a.kind === 'district' ? -1 : 1) : (a.rank ?? 999) - (b.rank ?? 999) || (b.total ?? -1) - (a.total ?? -1),
  );
  const dimIds = def.dimensions.map((d) => d.id);
  const stat = (kind: 'district' | 'benchmark', f: (xs: number[]) => number) =>
    Object.fromEntries(
      dimIds.map((id) => {
        const xs = rows
          .filter((r) => r.kind === kind)
          .flatMap((r) => (r.dimensions[id] === null || r.dimensions[id] === undefined ? [] : [r.dimensions[id]]));
        return [id, xs.length ? round2(f(xs)) : null];
      }),
    );
  return {
    year: data.year,
    complete: [...data.completeness.values()].every((c) => c.entered === c.required),
    weightsUsed: weightsOf(def),
    rows,
    benchmarkBest: stat('benchmark', (xs) => Math.max(...xs)),
    cityAverage: stat('district', (xs) => xs.reduce((s, x) => s + x, 0) / xs.length),
    absent: [...data.absent].map(([indicatorId, reason]) => ({ indicatorId, reason })),
  };
}

export async function districtResults(
  database: Database,
  p: Principal,
  year: number,
  weights?: Record<string, number>,
): Promise<DistrictResults> {
  if (scorecardScope(p).kind === 'none') throw new AppError('not_found');
  const yp = checkYear(year, thisYear());
  if (yp) throw invalid(yp);
  const data = await yearData(database, year);
  const def = weights ? checkWeights(data.def, weights) : data.def;
  return rankingOf(data, def, evaluate(data, def));
}

/** Totals per district and year (the years with any entered value), for the trend chart. */
export async function districtTrends(database: Database, p: Principal, known?: DistrictResults) {
  if (scorecardScope(p).kind === 'none') throw new AppError('not_found');
  const years = (
    await database.query<{ year: number }>(
      `select distinct year from scorecard_values where unit_kind = 'district' order by year`,
    )
  ).map((r) => Number(r.year));
  // a year already computed by the caller (the district page's own year) is not computed again
  const perYear = await Promise.all(
    years.map(async (y) => ({ y, r: known?.year === y ? known : await districtResults(database, p, y) })),
  );
  const ds = await districts(database);
  return {
    years,
    series: ds.map((d) => ({
      code: d.code,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      totals: perYear.map(({ r }) => r.rows.find((x) => x.code === d.code)?.total ?? null),
      ranks: perYear.map(({ r }) => r.rows.find((x) => x.code === d.code)?.rank ?? null),
    })),
  };
}

export interface IndicatorLine {
  id: string;
  dimensionId: string;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
  direction: string;
  value: number | null;
  normalised: number | null;
  points: number;
  best: { code: string; nameZh: string; nameEn: string; normalised: number; value: number | null } | null;
  cityAverage: number | null;
  weakLink: boolean;
  source: 'entered' | 'platform';
  absentReason: Bilingual | null;
  explanationZh: string;
  explanationEn: string;
}

export async function districtDetail(database: Database, p: Principal, code: string, year: number) {
  if (!canReadDistrictScorecard(p, code)) throw new AppError('not_found');
  const yp = checkYear(year, thisYear());
  if (yp) throw invalid(yp);
  const data = await yearData(database, year);
  const unit = data.units.find((u) => u.code === code && u.kind === 'district');
  if (!unit) throw new AppError('not_found');
  const results = evaluate(data, data.def);
  const ranking = rankingOf(data, data.def, results);
  const mine = results.find((r) => r.code === code);
  if (!mine) throw new AppError('not_found');
  const names = new Map(data.units.map((u) => [u.code, u]));
  const inputs = new Map(data.inputs.map((u) => [u.code, u.values]));
  const defs = new Map(indicatorsOf(data.def.dimensions).map((i) => [i.id, i]));
  const indicators: IndicatorLine[] = mine.indicators.map((i) => {
    const d = defs.get(i.id);
    const districtValues = data.inputs
      .filter((u) => u.ranked)
      .flatMap((u) => (typeof u.values[i.id] === 'number' ? [u.values[i.id] as number] : []));
    const b = i.best ? names.get(i.best.code) : undefined;
    return {
      id: i.id,
      dimensionId: i.dimensionId,
      nameZh: d?.nameZh ?? i.id,
      nameEn: d?.nameEn ?? i.id,
      unitZh: d?.unitZh ?? '',
      unitEn: d?.unitEn ?? '',
      direction: d?.direction ?? 'higher',
      value: i.value,
      normalised: i.normalised,
      points: round2(i.points),
      best: i.best
        ? {
            code: i.best.code,
            nameZh: b?.nameZh ?? i.best.code,
            nameEn: b?.nameEn ?? i.best.code,
            normalised: i.best.normalised,
            value: inputs.get(i.best.code)?.[i.id] ?? null,
          }
        : null,
      cityAverage: districtValues.length ? round2(districtValues.reduce((s, x) => s + x, 0) / districtValues.length) : null,
      weakLink: i.weakLink,
      source: isPlatformIndicator(i.id) ? 'platform' : 'entered',
      absentReason: i.value === null ? (data.absent.get(i.id) ?? { zh: '未填报', en: 'not entered' }) : null,
      explanationZh: i.explanationZh,
      explanationEn: i.explanationEn,
    };
  });
  const trends = await districtTrends(database, p, ranking);
  const series = trends.series.find((s) => s.code === code);
  const row = ranking.rows.find((r) => r.code === code);
  return {
    year,
    unit: { code: unit.code, nameZh: unit.nameZh, nameEn: unit.nameEn },
    total: row?.total ?? null,
    levelZh: row?.levelZh ?? null,
    levelEn: row?.levelEn ?? null,
    rank: row?.rank ?? null,
    of: ranking.rows.filter((r) => r.kind === 'district' && r.rank !== null).length,
    entered: row?.entered ?? 0,
    required: row?.required ?? 0,
    dimensions: data.def.dimensions.map((d) => ({
      id: d.id,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      score: row?.dimensions[d.id] ?? null,
      cityAverage: ranking.cityAverage[d.id] ?? null,
      benchmarkBest: ranking.benchmarkBest[d.id] ?? null,
    })),
    indicators,
    weakLinks: indicators.filter((i) => i.weakLink).map((i) => i.id),
    weakLinkMargin: data.def.weakLinkMargin,
    trend: { years: trends.years, totals: series?.totals ?? [], ranks: series?.ranks ?? [] },
    canEnter: canEnterDistrictValues(p, code),
    parameterDates: scorecardFor(year).parameterDates,
  };
}

export type DistrictDetail = Awaited<ReturnType<typeof districtDetail>>;

// ---------- entering values ----------

export async function unitValues(
  database: Database,
  p: Principal,
  unitKind: 'district' | 'benchmark',
  code: string,
  year: number,
) {
  if (unitKind === 'district' ? !canReadDistrictScorecard(p, code) : scorecardScope(p).kind === 'none')
    throw new AppError('not_found');
  const yp = checkYear(year, thisYear());
  if (yp) throw invalid(yp);
  const rows = await database.query<{ indicator_id: string; value: number; source: string; updated_at: Date }>(
    `select indicator_id, value, source, updated_at from scorecard_values where unit_kind = $1 and unit_code = $2 and year = $3`,
    [unitKind, code, year],
  );
  return {
    unitKind,
    code,
    year,
    indicators: enterableIndicators(scorecardFor(year).dimensions, unitKind).map((i) => ({
      id: i.id,
      nameZh: i.nameZh,
      nameEn: i.nameEn,
      unitZh: i.unitZh,
      unitEn: i.unitEn,
    })),
    values: Object.fromEntries(rows.map((r) => [r.indicator_id, Number(r.value)])),
  };
}

async function assertUnitExists(database: Database, unitKind: 'district' | 'benchmark', code: string): Promise<void> {
  const known = unitKind === 'district' ? await districts(database) : await benchmarks(database);
  if (!known.some((u) => u.code === code)) throw new AppError('not_found');
}

/**
 * Saves a unit's values for a year from the form: `null` clears a value. Platform indicators
 * cannot be entered for a district. All checked first; all written in one transaction or none.
 */
export async function saveValues(
  database: Database,
  p: Principal,
  unitKind: 'district' | 'benchmark',
  code: string,
  year: number,
  values: Record<string, number | null>,
): Promise<{ saved: number; cleared: number }> {
  if (unitKind === 'district' ? !canEnterDistrictValues(p, code) : !canManageScorecards(p)) throw new AppError('not_found');
  await assertUnitExists(database, unitKind, code);
  const problems: FieldProblem[] = [];
  const yp = checkYear(year, thisYear());
  if (yp) problems.push(yp);
  const enterable = new Map(
    enterableIndicators(scorecardFor(Math.min(Math.max(year, FIRST_YEAR), thisYear())).dimensions, unitKind).map((i) => [
      i.id,
      i,
    ]),
  );
  const entries = Object.entries(values);
  if (entries.length === 0) problems.push({ field: 'values', reason: { zh: '没有要保存的数据', en: 'nothing to save' } });
  for (const [id, v] of entries) {
    const ind = enterable.get(id);
    if (!ind) {
      problems.push({
        field: `values.${id}`,
        reason: isPlatformIndicator(id)
          ? { zh: '该指标由平台计算，无需填报', en: 'computed by the platform' }
          : { zh: '没有这个指标', en: 'no such indicator' },
      });
      continue;
    }
    if (v === null) continue;
    const pr = checkValue(ind, v, `values.${id}`);
    if (pr) problems.push(pr);
  }
  if (problems.length) throw invalid(...problems);
  return database.db.transaction(async (tx) => {
    let saved = 0;
    let cleared = 0;
    const before: Record<string, number> = {};
    const prev = await rowsOf<{ indicator_id: string; value: number }>(
      tx,
      sql`select indicator_id, value from scorecard_values where unit_kind = ${unitKind} and unit_code = ${code} and year = ${year} for update`,
    );
    for (const r of prev) before[r.indicator_id] = Number(r.value);
    for (const [id, v] of entries) {
      if (v === null) {
        const r = await rowsOf(
          tx,
          sql`delete from scorecard_values where unit_kind = ${unitKind} and unit_code = ${code} and year = ${year} and indicator_id = ${id} returning id`,
        );
        cleared += r.length;
      } else {
        await tx.execute(sql`insert into scorecard_values (unit_kind, unit_code, year, indicator_id, value, source, updated_by)
          values (${unitKind}, ${code}, ${year}, ${id}, ${v}, 'form', ${p.userId})
          on conflict (unit_kind, unit_code, year, indicator_id) do update set value = excluded.value, source = 'form', updated_by = excluded.updated_by, updated_at = now()`);
        saved++;
      }
    }
    await recordAudit(
      tx,
      actorOf(p),
      'scorecard.values_saved',
      'scorecard_values',
      `${unitKind}:${code}:${year}`,
      before,
      values,
    );
    return { saved, cleared };
  });
}

/**
 * Imports values from the template's sheet: every row checked first, every problem named by
 * sheet, row and column; nothing is written unless all rows are sound. A district officer may
 * import only their own district's rows.
 */
export async function importValues(database: Database, p: Principal, header: unknown[], rows: { n: number; cells: unknown[] }[]) {
  const scope = scorecardScope(p);
  if (scope.kind === 'none') throw new AppError('not_found');
  const [ds, bs] = await Promise.all([districts(database), benchmarks(database)]);
  const known = {
    district: new Set(ds.filter((d) => scope.kind === 'all' || d.code === scope.unitCode).map((d) => d.code)),
    benchmark: new Set(scope.kind === 'all' ? bs.map((b) => b.code) : []),
  };
  if (rows.length === 0) throw invalid({ field: 'file', reason: { zh: '表中没有数据行', en: 'the sheet has no data rows' } });
  if (rows.length > 500) throw invalid({ field: 'file', reason: { zh: '一次最多导入500行', en: 'at most 500 rows at a time' } });
  const { values, problems } = parseImport(header, rows, scorecardFor(thisYear()).dimensions, known, thisYear());
  if (problems.length) throw invalid(...problems);
  if (values.length === 0)
    throw invalid({ field: 'file', reason: { zh: '表中没有指标数值', en: 'the sheet has no indicator values' } });
  return database.db.transaction(async (tx) => {
    for (const v of values as ImportedValue[]) {
      await tx.execute(sql`insert into scorecard_values (unit_kind, unit_code, year, indicator_id, value, source, updated_by)
        values (${v.unitKind}, ${v.unitCode}, ${v.year}, ${v.indicatorId}, ${v.value}, 'import', ${p.userId})
        on conflict (unit_kind, unit_code, year, indicator_id) do update set value = excluded.value, source = 'import', updated_by = excluded.updated_by, updated_at = now()`);
    }
    const units = new Set(values.map((v) => `${v.unitKind}:${v.unitCode}:${v.year}`));
    await recordAudit(tx, actorOf(p), 'scorecard.values_imported', 'scorecard_values', [...units].join(',').slice(0, 200), null, {
      values: values.length,
      units: units.size,
    });
    return { values: values.length, units: units.size };
  });
}

// ---------- benchmark cities and weight sets ----------

export async function listBenchmarks(database: Database, p: Principal) {
  if (scorecardScope(p).kind === 'none') throw new AppError('not_found');
  return benchmarks(database);
}

export async function createBenchmark(
  database: Database,
  p: Principal,
  b: { code: string; nameZh: string; nameEn: string; note: string },
) {
  if (!canManageScorecards(p)) throw new AppError('not_found');
  const problems: FieldProblem[] = [];
  if (!/^[A-Z][A-Z0-9-]{1,19}$/.test(b.code))
    problems.push({
      field: 'code',
      reason: { zh: '代码须为2–20位大写字母、数字或连字符', en: 'code: 2–20 capitals, digits or hyphens' },
    });
  if (!b.nameZh.trim()) problems.push({ field: 'nameZh', reason: { zh: '请填写城市名称', en: 'name required' } });
  if (problems.length) throw invalid(...problems);
  return database.db.transaction(async (tx) => {
    const r = await rowsOf(
      tx,
      sql`insert into scorecard_benchmark_cities (code, name_zh, name_en, note, sort)
      values (${b.code}, ${b.nameZh.trim()}, ${b.nameEn.trim() || b.nameZh.trim()}, ${b.note}, (select coalesce(max(sort), 0) + 1 from scorecard_benchmark_cities))
      on conflict (code) do nothing returning code`,
    );
    if (r.length === 0)
      throw new AppError('conflict', { fields: [{ field: 'code', reason: { zh: '该代码已存在', en: 'the code exists' } }] });
    await recordAudit(tx, actorOf(p), 'scorecard.benchmark_created', 'scorecard_benchmark_cities', b.code, null, b);
    return { code: b.code };
  });
}

export async function listWeightSets(database: Database, p: Principal) {
  if (scorecardScope(p).kind === 'none') throw new AppError('not_found');
  const rows = await database.query<{ id: number; name: string; weights: Record<string, number>; created_at: Date }>(
    `select id, name, weights, created_at from scorecard_weight_sets order by id`,
  );
  return rows.map((r) => ({ id: Number(r.id), name: r.name, weights: r.weights, createdAt: r.created_at }));
}

export async function saveWeightSet(database: Database, p: Principal, name: string, weights: Record<string, number>) {
  if (!canManageScorecards(p)) throw new AppError('not_found');
  if (!name.trim()) throw invalid({ field: 'name', reason: { zh: '请填写名称', en: 'name required' } });
  checkWeights(scorecardFor(thisYear()), weights);
  return database.db.transaction(async (tx) => {
    const r = await rowsOf<{ id: number }>(
      tx,
      sql`insert into scorecard_weight_sets (name, weights, created_by)
      values (${name.trim()}, ${JSON.stringify(weights)}::jsonb, ${p.userId}) on conflict (name) do nothing returning id`,
    );
    const id = r[0]?.id;
    if (id === undefined)
      throw new AppError('conflict', {
        fields: [{ field: 'name', reason: { zh: '同名权重方案已存在', en: 'a weight set of that name exists' } }],
      });
    await recordAudit(tx, actorOf(p), 'scorecard.weight_set_saved', 'scorecard_weight_sets', Number(id), null, { name, weights });
    return { id: Number(id), name: name.trim(), weights };
  });
}

// ---------- digital level ----------

export function questionnaireView() {
  const qn = digitalQuestionnaire(todayShanghai());
  return {
    ...qn,
    parameters: DIGITAL_LEVEL_PARAMETERS.map((x) => ({
      id: x.id,
      descriptionZh: x.descriptionZh,
      descriptionEn: x.descriptionEn,
      reference: x.values[x.values.length - 1]?.reference ?? null,
      interpretation: x.interpretation ?? null,
    })),
  };
}

async function enterpriseHead(database: Database, id: number) {
  const [e] = await database.query<{ id: number; name: string; unit_code: string; industry_code: string }>(
    `select id, name, unit_code, industry_code from enterprises where id = $1`,
    [id],
  );
  return e ? { id: Number(e.id), name: e.name, unitCode: e.unit_code, industryCode: e.industry_code } : null;
}

function canReadDigital(p: Principal, e: { id: number; unitCode: string }): boolean {
  const s = enterpriseScope(p);
  if (p.role === 'enterprise_user') return s.kind === 'enterprise' && s.enterpriseId === e.id;
  if (p.role === 'city_officer') return true;
  return p.role === 'district_officer' && s.kind === 'unit' && s.unitCode === e.unitCode;
}

export interface StoredAssessment {
  id: number;
  assessedOn: string;
  version: string;
  score: number;
  level: number;
  answers: Answers;
  result: DigitalResult;
}

export async function enterpriseDigital(database: Database, p: Principal, enterpriseId: number) {
  const e = await enterpriseHead(database, enterpriseId);
  if (!e || !canReadDigital(p, e)) throw new AppError('not_found');
  const rows = await database.query<{
    id: number;
    assessed_on: string;
    version: string;
    score: number;
    level: number;
    answers: Answers;
    result: DigitalResult;
  }>(
    `select id, assessed_on, version, score, level, answers, result from digital_assessments where enterprise_id = $1 order by assessed_on desc, id desc`,
    [enterpriseId],
  );
  const history: StoredAssessment[] = rows.map((r) => ({
    id: Number(r.id),
    assessedOn: r.assessed_on,
    version: r.version,
    score: Number(r.score),
    level: Number(r.level),
    answers: r.answers,
    result: r.result,
  }));
  return {
    enterprise: e,
    latest: history[0] ?? null,
    history: history.map(({ answers: _a, result: _r, ...h }) => h),
    canAnswer: canAnswerDigitalQuestionnaire(p, enterpriseId),
  };
}

/**
 * The enterprise submits its questionnaire: checked, scored, stored for the day (a second
 * submission the same day replaces the first), and its level written as the declared tier fact
 * `digitalLevel` (专精特新 评价指标 5); a result below level 1 removes that fact.
 */
export async function submitDigital(database: Database, p: Principal, enterpriseId: number, answers: Answers) {
  const e = await enterpriseHead(database, enterpriseId);
  if (!e || !canAnswerDigitalQuestionnaire(p, enterpriseId)) throw new AppError('not_found');
  const today = todayShanghai();
  const qn = digitalQuestionnaire(today);
  const problems = checkAnswers(qn, answers);
  if (problems.length) throw invalid(...problems.map((x) => ({ field: x.field, reason: { zh: x.zh, en: x.en } })));
  const result = assessDigitalLevel(qn, answers);
  const stored = { ...result, scorecard: undefined };
  return database.db.transaction(async (tx) => {
    const before = await rowsOf<{ score: number; level: number }>(
      tx,
      sql`select score, level from digital_assessments where enterprise_id = ${enterpriseId} and assessed_on = ${today} for update`,
    );
    const [row] = await rowsOf<{ id: number }>(
      tx,
      sql`insert into digital_assessments (enterprise_id, version, assessed_on, answers, score, level, result, created_by)
        values (${enterpriseId}, ${qn.version}, ${today}, ${JSON.stringify(answers)}::jsonb, ${result.score}, ${result.level}, ${JSON.stringify(stored)}::jsonb, ${p.userId})
        on conflict (enterprise_id, assessed_on) do update set version = excluded.version, answers = excluded.answers, score = excluded.score,
          level = excluded.level, result = excluded.result, created_by = excluded.created_by, created_at = now()
        returning id`,
    );
    if (result.level >= 1) {
      await tx.execute(sql`insert into enterprise_declared_facts (enterprise_id, facts, source)
        values (${enterpriseId}, jsonb_build_object('digitalLevel', ${result.level}::int), 'declared')
        on conflict (enterprise_id) do update set facts = enterprise_declared_facts.facts || jsonb_build_object('digitalLevel', ${result.level}::int),
          source = 'declared', updated_at = now()`);
    } else {
      await tx.execute(
        sql`update enterprise_declared_facts set facts = facts - 'digitalLevel', updated_at = now() where enterprise_id = ${enterpriseId}`,
      );
    }
    await recordAudit(tx, actorOf(p), 'scorecard.digital_assessed', 'digital_assessments', Number(row?.id), before[0] ?? null, {
      enterpriseId,
      assessedOn: today,
      score: result.score,
      level: result.level,
    });
    return { id: Number(row?.id), assessedOn: today, ...result };
  });
}

/** Latest assessment per enterprise in scope, grouped by district and by industry, with the level distribution. */
export async function digitalStats(database: Database, p: Principal) {
  const s = digitalStatsScope(p);
  if (s.kind !== 'all' && s.kind !== 'unit') throw new AppError('not_found');
  const where = s.kind === 'unit' ? `and e.unit_code = $1` : '';
  const params = s.kind === 'unit' ? [s.unitCode] : [];
  const rows = await database.query<{
    unit_code: string;
    unit_name: string;
    unit_name_en: string;
    industry_code: string;
    level: number;
    n: number;
    score_sum: number;
    specialized: number;
  }>(
    `with latest as (
       select distinct on (a.enterprise_id) a.enterprise_id, a.level, a.score from digital_assessments a order by a.enterprise_id, a.assessed_on desc, a.id desc
     ), spec as (
       select distinct t.enterprise_id from titles t where t.kind in ('specialized_sme', 'little_giant')
         and t.recognised_on <= current_date and (t.valid_until is null or t.valid_until >= current_date) and (t.revoked_on is null or t.revoked_on > current_date)
     )
     select e.unit_code, u.name_zh as unit_name, u.name_en as unit_name_en, e.industry_code, l.level, count(*)::int as n, sum(l.score)::float8 as score_sum,
            count(s.enterprise_id)::int as specialized
       from latest l join enterprises e on e.id = l.enterprise_id join units u on u.code = e.unit_code
       left join spec s on s.enterprise_id = l.enterprise_id
      where true ${where}
      group by 1, 2, 3, 4, 5`,
    params,
  );
  const [spec] = await database.query<{ n: number }>(
    `select count(distinct t.enterprise_id)::int as n from titles t join enterprises e on e.id = t.enterprise_id
      where t.kind in ('specialized_sme', 'little_giant') and t.recognised_on <= current_date
        and (t.valid_until is null or t.valid_until >= current_date) and (t.revoked_on is null or t.revoked_on > current_date) ${where}`,
    params,
  );
  const industryName = new Map(INDUSTRIES.map((i) => [i.code, i]));
  type Group = { key: string; nameZh: string; nameEn: string; assessed: number; average: number; levels: number[]; sum: number };
  const group = (key: (r: (typeof rows)[number]) => string, name: (r: (typeof rows)[number]) => [string, string]) => {
    const m = new Map<string, Group>();
    for (const r of rows) {
      const k = key(r);
      const [zh, en] = name(r);
      const g = m.get(k) ?? { key: k, nameZh: zh, nameEn: en, assessed: 0, average: 0, levels: [0, 0, 0, 0, 0], sum: 0 };
      g.assessed += Number(r.n);
      g.sum += Number(r.score_sum);
      g.levels[Number(r.level)] = (g.levels[Number(r.level)] ?? 0) + Number(r.n);
      m.set(k, g);
    }
    return [...m.values()]
      .map(({ sum, ...g }) => ({ ...g, average: g.assessed ? round2(sum / g.assessed) : 0 }))
      .sort((a, b) => b.assessed - a.assessed);
  };
  const assessed = rows.reduce((x, r) => x + Number(r.n), 0);
  const levels = [0, 1, 2, 3, 4].map((l) => rows.filter((r) => Number(r.level) === l).reduce((x, r) => x + Number(r.n), 0));
  return {
    assessed,
    specializedInForce: Number(spec?.n ?? 0),
    specializedAssessed: rows.reduce((x, r) => x + Number(r.specialized), 0),
    average: assessed ? round2(rows.reduce((x, r) => x + Number(r.score_sum), 0) / assessed) : 0,
    levels,
    byDistrict: group(
      (r) => r.unit_code,
      (r) => [r.unit_name, r.unit_name_en],
    ),
    byIndustry: group(
      (r) => r.industry_code,
      (r) => {
        const i = industryName.get(r.industry_code);
        return [i?.zh ?? r.industry_code, i?.en ?? r.industry_code];
      },
    ),
  };
}

/** Which view of the scorecards page the principal gets. */
export function scorecardViewer(p: Principal) {
  const s = scorecardScope(p);
  return {
    view: p.role === 'enterprise_user' && p.enterpriseId ? 'enterprise' : s.kind === 'none' ? 'none' : 'officer',
    enterpriseId: p.role === 'enterprise_user' ? p.enterpriseId : null,
    unitCode: s.kind === 'unit' ? s.unitCode : null,
    canManage: canManageScorecards(p),
    year: thisYear(),
  };
}
