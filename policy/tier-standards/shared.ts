/**
 * What every tier standard shares: the result shape, THE boundary rule, scoring tables, readings
 * of the facts (上年度, 近两年), and messages in Chinese and English.
 *
 * ## The boundary rule (one decision for every standard)
 * 以上 / 以下 / 不低于 / 不高于 / 达到 / 及以上 include the boundary value; 超过 / 高于 / 低于 /
 * 不足 exclude it. Where two ranges share an endpoint ("3%-5%" and "5%以上"; "55%以下" and
 * "55%-75%"), the boundary value belongs to the range that is better for the enterprise: the
 * higher-scoring band, or the revenue bracket with the lower requirement. In code: bands are tried
 * best first, each inclusive of its boundary (`reaches`, `within`); strict words use `exceeds`
 * and `below`. Exactly 3% R&D therefore scores 15 (B "3%-5%"), exactly 55% debt scores 10 (A
 * "55%以下"). Source of the reading: the Guangdong policy tool "边界值按高分档计分;「以上/以下」含本数"
 * (tier-standards.md §1.1) — UNVERIFIED against 63号's 说明, so it is one switch here and in
 * docs/tier-standards.md. Numbers are compared with a relative tolerance of 1e-12 (floating-point noise only) so that 3,000,000 /
 * 100,000,000 is exactly 3%.
 */
import type { Parameter, Reference } from '../core/parameter.ts';
import type { UsedParameter } from '../core/standard.ts';
import type { Honour, IpHoldings, TierFacts, YearFigures } from './facts.ts';

export type Status = 'met' | 'not_met' | 'no_data';

export interface Bilingual {
  zh: string;
  en: string;
}

/** A hard condition (认定条件). */
export interface ConditionResult {
  id: string;
  /** The condition's text as printed (or as recorded in the reference). */
  textZh: string;
  status: Status;
  /** The enterprise's value in words, e.g. "2.4%"; null when there is no data. */
  value: string | null;
  /** What the standard asks, e.g. "≥ 3%". */
  need: string;
  /** What is missing, when not met or no data. */
  missing?: Bilingual;
  /**
   * How far a failing condition is from passing: points short of a score, or percent short of a
   * numeric threshold. Absent when the gap is not measurable (a yes/no fact): never "close".
   */
  gap?: { points?: number; percent?: number };
  /** A failing combined condition some of whose parts have no data: passing the failing part would not settle it. */
  partsUnknown?: boolean;
}

/** A scored indicator (评价指标) and the band it fell in. */
export interface IndicatorResult {
  id: string;
  /** The number in the standard's table, e.g. "2" or "9.1". */
  no: string;
  category: string;
  nameZh: string;
  /** The bands as printed, e.g. "A 5%以上 20; B 3%-5% 15 …". */
  textZh: string;
  max: number;
  points: number;
  /** The points it could reach if the missing facts were favourable (= points when complete). */
  upTo: number;
  band: string | null;
  bandZh: string | null;
  value: string | null;
  status: 'scored' | 'partial' | 'no_data';
  missing?: Bilingual;
}

export interface RouteResult {
  id: string;
  zh: string;
  en: string;
  status: Status;
}

export interface ScoreResult {
  total: number;
  upTo: number;
  max: number;
  pass: number;
  categories: { id: string; zh: string; en: string; points: number; upTo: number; max: number; min: number | null }[];
}

export interface TierResult {
  standard: string;
  standardVersion: string;
  titleZh: string;
  titleEn: string;
  documentZh: string;
  /** The assessment date, which chose the version. */
  date: string;
  /** 上年度: the year whose figures were read. */
  figuresYear: number;
  /** met · not_met · no_data (nothing known fails, but something needed is unknown). */
  status: Status;
  met: boolean;
  /** The route that qualified (score, a direct route, general conditions …), or null. */
  route: RouteResult | null;
  routes: RouteResult[];
  score: ScoreResult | null;
  indicators: IndicatorResult[];
  conditions: ConditionResult[];
  /** What is missing, in words (zh/en), in the standard's order. */
  missing: Bilingual[];
  /** For 中小企业划型: the size class. */
  sizeClass?: 'micro' | 'small' | 'medium' | 'large' | null;
  /** The parameters in force, with their references (set by the assessor). */
  parameters?: UsedParameter[];
  formula: { id: string; version: string };
}

// ---------------------------------------------------------------- the boundary rule

const EPS = 1e-12;
/** 以上 / 不低于 / 达到: the boundary value passes. */
export const reaches = (v: number, threshold: number): boolean => v >= threshold - EPS * Math.max(1, Math.abs(threshold));
/** 以下 / 不高于: the boundary value passes. */
export const within = (v: number, ceiling: number): boolean => v <= ceiling + EPS * Math.max(1, Math.abs(ceiling));
/** 超过 / 高于: strict. */
export const exceeds = (v: number, threshold: number): boolean => v > threshold + EPS * Math.max(1, Math.abs(threshold));
/** 低于 / 不足: strict. */
export const below = (v: number, threshold: number): boolean => v < threshold - EPS * Math.max(1, Math.abs(threshold));

// ---------------------------------------------------------------- scoring tables

export interface Band {
  band: string;
  labelZh: string;
  points: number;
  /** For 'higher' tables: the band's lower bound (inclusive); absent = the catch-all last band. */
  min?: number;
  /** For 'lower' tables: the band's upper bound (inclusive); absent = the catch-all last band. */
  max?: number;
}

/** A scoring table, best band first. */
export interface BandTable {
  better: 'higher' | 'lower' | 'predicate';
  bands: readonly Band[];
}

export interface Scored {
  points: number;
  upTo: number;
  band: Band | null;
  status: 'scored' | 'partial' | 'no_data';
}

/** A numeric value into a table, best band first, each band inclusive of its boundary. */
export function scoreValue(table: BandTable, value: number | undefined): Scored {
  // Tables are best band first.
  const best = table.bands[0]?.points ?? 0;
  if (value === undefined || Number.isNaN(value)) return { points: 0, upTo: best, band: null, status: 'no_data' };
  for (const b of table.bands) {
    const ok =
      table.better === 'higher' ? b.min === undefined || reaches(value, b.min) : b.max === undefined || within(value, b.max);
    if (ok) return { points: b.points, upTo: b.points, band: b, status: 'scored' };
  }
  return { points: 0, upTo: 0, band: null, status: 'scored' };
}

/**
 * Bands decided by predicates (true / false / undefined = no data), best first: the points of the
 * first band known true; `upTo` of the first band not known false.
 */
export function scorePredicates(table: BandTable, test: (band: string) => boolean | undefined): Scored {
  let upTo: number | null = null;
  for (const b of table.bands) {
    const t = test(b.band);
    if (t === undefined) {
      if (upTo === null) upTo = b.points;
      continue;
    }
    if (t) {
      const status = upTo === null ? 'scored' : upTo > b.points ? 'partial' : 'scored';
      return { points: b.points, upTo: Math.max(upTo ?? b.points, b.points), band: b, status };
    }
  }
  return { points: 0, upTo: upTo ?? 0, band: null, status: upTo === null ? 'scored' : 'no_data' };
}

export function bandsText(table: BandTable): string {
  return table.bands.map((b) => `${b.band} ${b.labelZh} ${b.points}分`).join('；');
}

// ---------------------------------------------------------------- combining conditions

export function allOf(statuses: readonly Status[]): Status {
  let s: Status = 'met';
  for (const x of statuses) {
    if (x === 'not_met') return 'not_met';
    if (x === 'no_data') s = 'no_data';
  }
  return s;
}

export function anyOf(statuses: readonly Status[]): Status {
  let s: Status = 'not_met';
  for (const x of statuses) {
    if (x === 'met') return 'met';
    if (x === 'no_data') s = 'no_data';
  }
  return s;
}

export const tri = (b: boolean | undefined): Status => (b === undefined ? 'no_data' : b ? 'met' : 'not_met');

// ---------------------------------------------------------------- words

export function pct(x: number | undefined | null): string {
  if (x === undefined || x === null || Number.isNaN(x)) return '—';
  const v = Math.round(x * 1000) / 10;
  return `${v}%`;
}

/** Yuan in 万元 (zh) — 12,345,678 → "1234.6万元". */
export function wan(y: number | undefined | null): string {
  if (y === undefined || y === null) return '—';
  const w = y / 10_000;
  return `${Number.isInteger(w) ? w : Math.round(w * 10) / 10}万元`;
}

/** Yuan for English — 12,345,678 → "CNY 12.35 m". */
export function cny(y: number | undefined | null): string {
  if (y === undefined || y === null) return '—';
  if (Math.abs(y) >= 1_000_000) return `CNY ${Math.round(y / 10_000) / 100} m`;
  return `CNY ${y.toLocaleString('en-US')}`;
}

export function noData(zhWhat: string, enWhat: string): Bilingual {
  return { zh: `${zhWhat}：无数据`, en: `${enWhat}: no data` };
}

export function needs(zhWhat: string, enWhat: string, have: string, haveEn: string, need: string, needEn: string): Bilingual {
  return { zh: `${zhWhat} ${have}，需${need}`, en: `${enWhat} ${haveEn}, needs ${needEn}` };
}

// ---------------------------------------------------------------- reading the facts

/** A dated reference to tier-standards.md, the research notes every value comes from. */
export function ref(document: string, clause: string, extra: Partial<Reference> = {}): Reference {
  return { document, clause, note: extra.note ?? '../shared/reference/tier-standards.md', ...extra };
}

export const PREVIOUS_YEAR: Parameter<number> = {
  id: 'tier_previous_year_offset',
  descriptionZh: '“上年度”指评价日所在年度的前一年度',
  descriptionEn: '"上年度" (last year) is the calendar year before the assessment date',
  unit: 'years',
  interpretation:
    'The standards read the figures of the year before the assessment (application) year; the registry records calendar-year figures.',
  values: [
    {
      from: '2011-01-01',
      value: 1,
      reference: ref('优质中小企业梯度培育管理暂行办法（工信部企业〔2022〕63号）', '附件1–3 “上年度”'),
    },
  ],
};

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

export function figures(f: TierFacts, year: number): YearFigures | undefined {
  const ys = f.years;
  if (!ys) return undefined;
  for (const y of ys) if (y.year === year) return y;
  return undefined;
}

export function ipAt(f: TierFacts, year: number): IpHoldings | undefined {
  const xs = f.ip;
  if (!xs) return undefined;
  let best: IpHoldings | undefined;
  for (const x of xs) if (x.year <= year && (best === undefined || x.year > best.year)) best = x;
  return best;
}

export function ratio(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined || b <= 0) return undefined;
  return a / b;
}

export function growth(cur: number | undefined, prev: number | undefined): number | undefined {
  if (cur === undefined || prev === undefined || prev <= 0) return undefined;
  return (cur - prev) / prev;
}

/** Honours of the given kinds (and levels), with their year in [fromYear, toYear]. */
export function honoursIn(
  f: TierFacts,
  kinds: readonly string[],
  levels: readonly string[] | null,
  fromYear: number,
  toYear: number,
): Honour[] {
  const hs = f.honours;
  if (!hs) return [];
  return hs.filter(
    (h) => kinds.includes(h.kind) && (levels === null || levels.includes(h.level)) && h.year >= fromYear && h.year <= toYear,
  );
}

/** Sum of 新增股权融资 over the years [from, to]; undefined when the facts have none. */
export function equityIn(f: TierFacts, from: number, to: number): number | undefined {
  const xs = f.equityFinancing;
  if (!xs) return undefined;
  let s = 0;
  for (const x of xs) if (x.year >= from && x.year <= to) s += x.amount;
  return s;
}

/** Whole years in the niche market up to the end of `year`; undefined without the fact. */
export function nicheYears(f: TierFacts, year: number): number | undefined {
  if (f.nicheMarketSince === undefined) return undefined;
  return fullYearsBetween(f.nicheMarketSince, `${year}-12-31`);
}

/** Whole years from an ISO date to another (2019-03-01 → 2021-12-31 = 2). */
export function fullYearsBetween(from: string, to: string): number {
  const fy = yearOf(from);
  const ty = yearOf(to);
  let n = ty - fy;
  if (to.slice(5) < from.slice(5)) n -= 1;
  return Math.max(0, n);
}

/** Titles of a kind in force on a date (recognised, not expired, not revoked). */
export function holdsTitle(
  f: TierFacts,
  kinds: readonly string[],
  levels: readonly string[] | null,
  date: string,
): boolean | undefined {
  if (!f.titles) return undefined;
  return f.titles.some(
    (t) =>
      kinds.includes(t.kind) &&
      (levels === null || levels.includes(t.level)) &&
      t.recognisedOn <= date &&
      (t.validUntil === undefined || t.validUntil === null || t.validUntil >= date) &&
      (t.revokedOn === undefined || t.revokedOn === null || t.revokedOn > date),
  );
}

/** A list-valued parameter's value on a date (parameters are resolved at compile time). */
export function at<T>(p: Parameter<T>, date: string): T {
  let found: T | null | undefined;
  for (const v of p.values) {
    if (v.from <= date) found = v.value;
    else break;
  }
  if (found === undefined || found === null) throw new Error(`${p.id}: no value in force on ${date}`);
  return found;
}

/** The result's `missing` list: the missing texts of conditions and indicators, in order. */
export function collectMissing(conditions: readonly ConditionResult[], indicators: readonly IndicatorResult[]): Bilingual[] {
  const out: Bilingual[] = [];
  for (const c of conditions) if (c.status !== 'met' && c.missing) out.push(c.missing);
  for (const i of indicators) if (i.missing) out.push(i.missing);
  return out;
}

export function condition(
  id: string,
  textZh: string,
  status: Status,
  value: string | null,
  need: string,
  missing?: Bilingual,
): ConditionResult {
  const c: ConditionResult = { id, textZh, status, value, need };
  if (status !== 'met' && missing) c.missing = missing;
  return c;
}

export type Op = 'reaches' | 'within' | 'exceeds' | 'below';
export type Fmt = 'pct' | 'wan' | 'years' | 'count' | 'points' | 'usd';

const OPS: Record<Op, { fn: (v: number, t: number) => boolean; zh: string; en: string; sym: string }> = {
  reaches: { fn: reaches, zh: '不低于', en: 'at least', sym: '≥' },
  within: { fn: within, zh: '不高于', en: 'at most', sym: '≤' },
  exceeds: { fn: exceeds, zh: '超过', en: 'more than', sym: '>' },
  below: { fn: below, zh: '低于', en: 'less than', sym: '<' },
};

export function fmtValue(x: number, f: Fmt, lang: 'zh' | 'en'): string {
  switch (f) {
    case 'pct':
      return pct(x);
    case 'wan':
      return lang === 'zh' ? wan(x) : cny(x);
    case 'years':
      return lang === 'zh' ? `${x}年` : `${x} years`;
    case 'points':
      return lang === 'zh' ? `${x}分` : `${x} points`;
    case 'usd':
      return lang === 'zh' ? `${Math.round(x / 1e6) / 100}亿美元` : `USD ${Math.round(x / 1e6)} m`;
    default:
      return lang === 'zh' ? `${x}项` : String(x);
  }
}

/**
 * A numeric hard condition under the boundary rule: "R&D ratio 2.4%, needs at least 3%".
 */
export function check(
  id: string,
  textZh: string,
  nameZh: string,
  nameEn: string,
  value: number | undefined,
  op: Op,
  threshold: number,
  format: Fmt,
): ConditionResult {
  const o = OPS[op];
  const need = `${o.sym} ${fmtValue(threshold, format, 'zh')}`;
  if (value === undefined || Number.isNaN(value))
    return condition(id, textZh, 'no_data', null, need, { zh: `${nameZh}：无数据`, en: `${nameEn}: no data` });
  const ok = o.fn(value, threshold);
  const c = condition(id, textZh, ok ? 'met' : 'not_met', fmtValue(value, format, 'zh'), need, {
    zh: `${nameZh} ${fmtValue(value, format, 'zh')}，需${o.zh}${fmtValue(threshold, format, 'zh')}`,
    en: `${nameEn} ${fmtValue(value, format, 'en')}, needs ${o.en} ${fmtValue(threshold, format, 'en')}`,
  });
  if (!ok) c.gap = { percent: percentGap(value, threshold) };
  return c;
}

/** How far (in percent of the threshold) a value is from it. */
export function percentGap(value: number, threshold: number): number {
  if (threshold === 0) return value === 0 ? 0 : 100;
  return Math.round((Math.abs(threshold - value) / Math.abs(threshold)) * 10000) / 100;
}

/** The gap of failing parts: all → the widest, any → the narrowest; undefined if one is unmeasurable. */
export function combineGaps(parts: readonly ConditionResult[], mode: 'all' | 'any'): ConditionResult['gap'] {
  const failing = parts.filter((p) => p.status === 'not_met');
  if (failing.length === 0) return undefined;
  const gaps = failing.map((p) => p.gap);
  const measurable = gaps.filter((g): g is NonNullable<typeof g> => g !== undefined);
  if (mode === 'all' && measurable.length < gaps.length) return undefined;
  if (measurable.length === 0) return undefined;
  const pick = (xs: number[]) => (xs.length === 0 ? undefined : mode === 'all' ? Math.max(...xs) : Math.min(...xs));
  const points = pick(measurable.flatMap((g) => (g.points === undefined ? [] : [g.points])));
  const percent = pick(measurable.flatMap((g) => (g.percent === undefined ? [] : [g.percent])));
  const out: NonNullable<ConditionResult['gap']> = {};
  if (points !== undefined) out.points = points;
  if (percent !== undefined) out.percent = percent;
  return out;
}

/** A yes/no fact as a condition. */
export function flag(id: string, textZh: string, nameZh: string, nameEn: string, value: boolean | undefined): ConditionResult {
  return condition(
    id,
    textZh,
    tri(value),
    value === undefined ? null : value ? '是' : '否',
    '是',
    value === undefined
      ? { zh: `${nameZh}：无数据`, en: `${nameEn}: no data` }
      : { zh: `${nameZh}：不满足`, en: `${nameEn}: not met` },
  );
}

/** Combines sub-conditions into one (all required); the first failing one explains. */
export function combine(
  id: string,
  textZh: string,
  parts: readonly ConditionResult[],
  mode: 'all' | 'any' = 'all',
): ConditionResult {
  const status = mode === 'all' ? allOf(parts.map((p) => p.status)) : anyOf(parts.map((p) => p.status));
  const explain = parts.filter((p) => p.status !== 'met' && p.missing).map((p) => p.missing as Bilingual);
  const sep = mode === 'all' ? { zh: '；', en: '; ' } : { zh: '；或', en: '; or ' };
  const c = condition(
    id,
    textZh,
    status,
    parts.map((p) => p.value ?? '—').join(' / '),
    parts.map((p) => p.need).join(mode === 'all' ? ' 且 ' : ' 或 '),
    explain.length === 0 ? undefined : { zh: explain.map((e) => e.zh).join(sep.zh), en: explain.map((e) => e.en).join(sep.en) },
  );
  if (status === 'not_met') {
    const g = combineGaps(parts, mode);
    if (g) c.gap = g;
    if (mode === 'all' && parts.some((p) => p.status === 'no_data' || p.partsUnknown === true)) c.partsUnknown = true;
  }
  return c;
}

/** Builds the result of a conditions-only standard (2026 专精特新, 小巨人, 瞪羚, 独角兽). */
export function conditionsResult(
  base: Pick<
    TierResult,
    'standard' | 'standardVersion' | 'titleZh' | 'titleEn' | 'documentZh' | 'date' | 'figuresYear' | 'formula'
  >,
  conditions: ConditionResult[],
  routes: RouteResult[] = [],
): TierResult {
  const status = allOf(conditions.map((c) => c.status));
  // Spelled out, not spread: see scoring.ts (object spread is slow under the TypeScript loader).
  return {
    standard: base.standard,
    standardVersion: base.standardVersion,
    titleZh: base.titleZh,
    titleEn: base.titleEn,
    documentZh: base.documentZh,
    date: base.date,
    figuresYear: base.figuresYear,
    formula: base.formula,
    status,
    met: status === 'met',
    route:
      status === 'met'
        ? (routes.find((r) => r.status === 'met') ?? {
            id: 'conditions',
            zh: '同时满足全部认定条件',
            en: 'all conditions met',
            status,
          })
        : null,
    routes,
    score: null,
    indicators: [],
    conditions,
    missing: collectMissing(conditions, []),
  };
}
