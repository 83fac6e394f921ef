/**
 * Targets dashboard, pure part: from counts read by the service to the figures shown — progress
 * to the targets of item 一(1), projections, each district's share of the city target, the ladder
 * funnel and the clusters. No I/O; every target comes from a dated parameter in policy/.
 */
import { valueAt, type Parameter } from '../../../policy/core/parameter.ts';
import {
  clause1Clusters,
  clause1QualitySmes,
  clause1TargetDate,
  TITLE_TARGETS,
} from '../../../policy/jinan-quality-sme-measures/clause-01-targets.ts';
import { clause6NewClustersPerYear, plan2027QualityEnterprises, plan2027TargetDate } from '../../../policy/jinan-quality-sme-measures/clause-06-clusters.ts';
import { TITLE_KIND_IDS, type Level, type TitleKind } from '../registry/reference.ts';

/** The title kinds item 一(1) sets a target for: the "quality" titles whose counts add up to 8010. */
export const QUALITY_KINDS: readonly TitleKind[] = TITLE_TARGETS.map((t) => t.kind);
export const FIRST_TREND_YEAR = 2019;

/**
 * How the city target is split between managing units. Interpretation (dashboard team): item 一(1)
 * sets city targets only; a unit's share is the city target × the unit's share of the enterprises
 * registered in the city (largest-remainder rounding, so the shares add up to the city target).
 * Another basis (e.g. targets agreed with each district) can replace this later.
 */
export const DISTRICT_SHARE_BASIS = {
  id: 'registered_enterprises',
  zh: '按各区县（功能区）在库企业数占全市比例分解全市目标（平台解释，可调整）',
  en: "City target split by each unit's share of the enterprises registered in the city (platform interpretation, configurable)",
} as const;

export const PROJECTION_METHOD = {
  id: 'linear_last_3_year_ends',
  zh: '按最近3个年末在有效期数量线性外推（最小二乘），仅供参考',
  en: 'Linear extrapolation (least squares) of the counts in force at the last 3 year-ends; indicative only',
} as const;

export type KindCounts = Partial<Record<TitleKind, number>>;

export interface RawUnit {
  unitCode: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  /** Enterprises registered in the unit (the share basis, city-wide). */
  registered: number;
  byKind: KindCounts;
  /** Distinct enterprises holding any quality title. */
  qualityEnterprises: number;
}

export interface RawIndustry {
  code: string;
  level: 'section' | 'class';
  byKind: KindCounts;
  qualityEnterprises: number;
}

export interface RawTrendPoint {
  date: string;
  byKind: KindCounts;
  qualityEnterprises: number;
}

export interface RawMoney {
  clause: string;
  status: 'owed' | 'withdrawn' | 'recovery_due';
  paid: boolean;
  count: number;
  amount: number;
}

export interface RawFigures {
  /** Distinct enterprises per kind (level null) and per kind and level, in force on `on`. */
  byKindLevel: { kind: TitleKind; level: Level | null; enterprises: number }[];
  qualityEnterprises: number;
  smes: number;
  /** Every unit of the city (the share needs them all); the output keeps those in scope. */
  units: RawUnit[];
  industries: RawIndustry[];
  trend: RawTrendPoint[];
  clusters: { inForce: number; newByYear: { year: number; count: number }[] };
  money: RawMoney[];
}

export type DashboardScope = { kind: 'city' } | { kind: 'unit'; unitCode: string };

export interface Projection {
  method: typeof PROJECTION_METHOD.id;
  targetDate: string;
  value: number;
  /** Change per year of the fitted line. */
  slopePerYear: number;
  basis: { year: number; value: number }[];
}

export interface TargetLine {
  /** A title kind, or "titles" (sum over the quality kinds) or "enterprises" (distinct holders). */
  id: TitleKind | 'titles' | 'enterprises';
  parameterId: string | null;
  target: number | null;
  inForce: number;
  /** inForce / target, 0..n (not capped), null without a target. */
  progress: number | null;
  gap: number | null;
  /** In force on the target date, when `on` is on or after it. */
  atTargetDate: number | null;
  projection: Projection | null;
}

export interface TitleKindRow {
  kind: TitleKind;
  total: number;
  byLevel: Partial<Record<Level, number>>;
  target: number | null;
}

export interface UnitRow {
  unitCode: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  registered: number;
  share: number;
  titles: number;
  qualityEnterprises: number;
  byKind: KindCounts;
  /** The unit's share of the city's 8000 (counted as titles, as the policy does). */
  target: number;
  gap: number;
  progress: number;
  rank: number;
}

export interface Dashboard {
  on: string;
  scope: DashboardScope;
  targetDate: string;
  shareBasis: typeof DISTRICT_SHARE_BASIS;
  projectionMethod: typeof PROJECTION_METHOD;
  targets: TargetLine[];
  /** The later city plan (济政办字〔2025〕24号), when in force on `on`. */
  laterPlan: TargetLine | null;
  titleKinds: TitleKindRow[];
  /** The item 一(1) category targets added up (8010), beside the 8000 total. */
  targetSum: number | null;
  funnel: { stage: 'sme' | TitleKind; count: number }[];
  trend: { year: number; date: string; byKind: KindCounts; titles: number; qualityEnterprises: number }[];
  units: UnitRow[];
  industries: (RawIndustry & { titles: number })[];
  clusters: {
    inForce: number;
    target: number | null;
    perYearTarget: number | null;
    newByYear: { year: number; count: number; target: number | null }[];
  };
  money: {
    clauses: { clause: string; owedCount: number; owedAmount: number; paidCount: number; paidAmount: number; recoveryDueAmount: number; withdrawnAmount: number }[];
    total: { owedAmount: number; paidAmount: number };
  };
}

function num(p: Parameter<number>, on: string): number | null {
  return valueAt(p, on)?.value ?? null;
}

export function sumQuality(byKind: KindCounts): number {
  return QUALITY_KINDS.reduce((s, k) => s + (byKind[k] ?? 0), 0);
}

/** Largest-remainder split of `total` by `weights`; the parts add up to `total` (all zero weights → zeros). */
export function splitByShare(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}

/** Least-squares line through the last 3 (year, value) points, read at the target date's year. */
export function projectLinear(points: readonly { year: number; value: number }[], targetDate: string): Projection | null {
  const basis = points.slice(-3);
  if (basis.length < 2) return null;
  const n = basis.length;
  const mx = basis.reduce((s, p) => s + p.year, 0) / n;
  const my = basis.reduce((s, p) => s + p.value, 0) / n;
  const sxx = basis.reduce((s, p) => s + (p.year - mx) ** 2, 0);
  const slope = basis.reduce((s, p) => s + (p.year - mx) * (p.value - my), 0) / sxx;
  const year = Number(targetDate.slice(0, 4));
  return {
    method: PROJECTION_METHOD.id,
    targetDate,
    value: Math.max(0, Math.round(my + slope * (year - mx))),
    slopePerYear: Math.round(slope * 10) / 10,
    basis: [...basis],
  };
}

/** The dates the trend is counted on: each year end from 2019 up to `on`, then `on` itself. */
export function trendDates(on: string): string[] {
  const dates: string[] = [];
  for (let y = FIRST_TREND_YEAR; `${y}-12-31` <= on; y++) dates.push(`${y}-12-31`);
  if (dates[dates.length - 1] !== on && Number(on.slice(0, 4)) >= FIRST_TREND_YEAR) dates.push(on);
  return dates;
}

function line(
  id: TargetLine['id'],
  parameterId: string | null,
  target: number | null,
  inForce: number,
  on: string,
  targetDate: string,
  yearEnds: { year: number; value: number }[],
  valueOn: (date: string) => number | null,
): TargetLine {
  const reached = on >= targetDate;
  return {
    id,
    parameterId,
    target,
    inForce,
    progress: target ? inForce / target : null,
    gap: target === null ? null : Math.max(0, target - inForce),
    atTargetDate: reached ? valueOn(targetDate) : null,
    projection: reached ? null : projectLinear(yearEnds, targetDate),
  };
}

export function buildDashboard(raw: RawFigures, on: string, scope: DashboardScope): Dashboard {
  const targetDate = valueAt(clause1TargetDate, on)?.value ?? '2025-12-31';
  const allUnits = raw.units;
  const weights = allUnits.map((u) => u.registered);
  const scopedIndex = scope.kind === 'unit' ? allUnits.findIndex((u) => u.unitCode === scope.unitCode) : -1;
  /** A city target, or the unit's share of it in a unit scope. */
  const scoped = (cityTarget: number | null): number | null => {
    if (cityTarget === null || scope.kind === 'city') return cityTarget;
    return scopedIndex < 0 ? 0 : (splitByShare(cityTarget, weights)[scopedIndex] ?? 0);
  };

  const kindTotal = (k: TitleKind) => raw.byKindLevel.find((r) => r.kind === k && r.level === null)?.enterprises ?? 0;
  const byKind: KindCounts = Object.fromEntries(TITLE_KIND_IDS.map((k) => [k, kindTotal(k)]));
  const titles = sumQuality(byKind);

  const trend = raw.trend.map((p) => ({
    year: Number(p.date.slice(0, 4)),
    date: p.date,
    byKind: p.byKind,
    titles: sumQuality(p.byKind),
    qualityEnterprises: p.qualityEnterprises,
  }));
  const yearEnds = trend.filter((p) => p.date.endsWith('-12-31'));
  const series = (f: (p: (typeof trend)[number]) => number) => yearEnds.map((p) => ({ year: p.year, value: f(p) }));
  const at = (f: (p: (typeof trend)[number]) => number) => (date: string) => {
    const p = trend.find((x) => x.date === date);
    return p ? f(p) : null;
  };

  const targets: TargetLine[] = [
    line('titles', clause1QualitySmes.id, scoped(num(clause1QualitySmes, on)), titles, on, targetDate, series((p) => p.titles), at((p) => p.titles)),
    line(
      'enterprises',
      clause1QualitySmes.id,
      scoped(num(clause1QualitySmes, on)),
      raw.qualityEnterprises,
      on,
      targetDate,
      series((p) => p.qualityEnterprises),
      at((p) => p.qualityEnterprises),
    ),
    ...TITLE_TARGETS.map(({ kind, param }) =>
      line(kind, param.id, scoped(num(param, on)), kindTotal(kind), on, targetDate, series((p) => p.byKind[kind] ?? 0), at((p) => p.byKind[kind] ?? 0)),
    ),
  ];

  const planTarget = num(plan2027QualityEnterprises, on);
  const planDate = valueAt(plan2027TargetDate, on)?.value ?? null;
  const laterPlan =
    planTarget !== null && planDate !== null
      ? line(
          'enterprises',
          plan2027QualityEnterprises.id,
          scoped(planTarget),
          raw.qualityEnterprises,
          on,
          planDate,
          series((p) => p.qualityEnterprises),
          at((p) => p.qualityEnterprises),
        )
      : null;

  const targetSums = TITLE_TARGETS.map(({ param }) => num(param, on));
  const targetSum = targetSums.every((x) => x !== null) ? targetSums.reduce<number>((s, x) => s + (x ?? 0), 0) : null;

  const titleKinds: TitleKindRow[] = TITLE_KIND_IDS.map((kind) => {
    const byLevel: Partial<Record<Level, number>> = {};
    for (const r of raw.byKindLevel) if (r.kind === kind && r.level !== null) byLevel[r.level] = r.enterprises;
    const param = TITLE_TARGETS.find((t) => t.kind === kind)?.param;
    return { kind, total: kindTotal(kind), byLevel, target: param ? scoped(num(param, on)) : null };
  });

  // Units: each unit's share of the 8000 (titles), gap, ranked by gap (largest first).
  const cityTotal = num(clause1QualitySmes, on) ?? 0;
  const unitTargets = splitByShare(cityTotal, weights);
  const registeredSum = weights.reduce((s, w) => s + w, 0);
  const unitRows = allUnits
    .map((u, i) => {
      const unitTitles = sumQuality(u.byKind);
      const target = unitTargets[i] ?? 0;
      return {
        unitCode: u.unitCode,
        nameZh: u.nameZh,
        nameEn: u.nameEn,
        kind: u.kind,
        registered: u.registered,
        share: registeredSum ? u.registered / registeredSum : 0,
        titles: unitTitles,
        qualityEnterprises: u.qualityEnterprises,
        byKind: u.byKind,
        target,
        gap: Math.max(0, target - unitTitles),
        progress: target ? unitTitles / target : 0,
        rank: 0,
      };
    })
    .sort((a, b) => b.gap - a.gap || a.progress - b.progress || a.unitCode.localeCompare(b.unitCode));
  unitRows.forEach((u, i) => (u.rank = i + 1));
  const units = scope.kind === 'unit' ? unitRows.filter((u) => u.unitCode === scope.unitCode) : unitRows;

  const perYear = num(clause6NewClustersPerYear, on);
  const clusterTarget = num(clause1Clusters, on);

  const clauses = [...new Set(raw.money.map((m) => m.clause))].sort();
  const sum = (f: (m: RawMoney) => boolean, v: (m: RawMoney) => number) => raw.money.filter(f).reduce((s, m) => s + v(m), 0);
  const moneyClauses = clauses.map((clause) => {
    const c = (m: RawMoney) => m.clause === clause;
    return {
      clause,
      owedCount: sum((m) => c(m) && m.status === 'owed' && !m.paid, (m) => m.count),
      owedAmount: sum((m) => c(m) && m.status === 'owed' && !m.paid, (m) => m.amount),
      paidCount: sum((m) => c(m) && m.paid, (m) => m.count),
      paidAmount: sum((m) => c(m) && m.paid, (m) => m.amount),
      recoveryDueAmount: sum((m) => c(m) && m.status === 'recovery_due', (m) => m.amount),
      withdrawnAmount: sum((m) => c(m) && m.status === 'withdrawn', (m) => m.amount),
    };
  });

  return {
    on,
    scope,
    targetDate,
    shareBasis: DISTRICT_SHARE_BASIS,
    projectionMethod: PROJECTION_METHOD,
    targets,
    laterPlan,
    titleKinds,
    targetSum: scope.kind === 'city' ? targetSum : null,
    funnel: [
      { stage: 'sme', count: raw.smes },
      { stage: 'innovative_sme', count: kindTotal('innovative_sme') },
      { stage: 'specialized_sme', count: kindTotal('specialized_sme') },
      { stage: 'little_giant', count: kindTotal('little_giant') },
    ],
    trend,
    units,
    industries: raw.industries.map((r) => ({ ...r, titles: sumQuality(r.byKind) })),
    clusters: {
      inForce: raw.clusters.inForce,
      // Clusters are counted city-wide against the city's number; a unit sees its own count only.
      target: scope.kind === 'city' ? clusterTarget : null,
      perYearTarget: scope.kind === 'city' ? perYear : null,
      newByYear: raw.clusters.newByYear.map((y) => ({ ...y, target: scope.kind === 'city' ? perYear : null })),
    },
    money: {
      clauses: moneyClauses,
      total: { owedAmount: moneyClauses.reduce((s, c) => s + c.owedAmount, 0), paidAmount: moneyClauses.reduce((s, c) => s + c.paidAmount, 0) },
    },
  };
}
