/**
 * The one scorecard mechanism: an indicator tree (dimensions → indicators) with weights, each
 * indicator's direction (higher or lower is better) and normalisation (min–max across the units
 * compared, against a target, or points out of a maximum), level bands, ranking and weak links.
 * Pure: values in, scores with an explanation per indicator out. Used by the district SME
 * environment assessment and by the enterprise digital-level questionnaire; the weights and bands
 * come from dated parameters in the modules that define each scorecard.
 *
 * Missing values: an indicator without a value is left out and its weight is shared by the other
 * indicators of its dimension (their weights are rescaled to the dimension's total); a dimension
 * with no value at all is left out the same way at the top level. The explanation says so.
 */

export type Direction = 'higher' | 'lower';

export type Normalisation =
  /** (v − min) / (max − min) over the units compared (reversed when lower is better); all equal → 1. */
  | { kind: 'minmax' }
  /** higher: min(v / target, 1); lower: v ≤ target → 1, else target / v. */
  | { kind: 'target'; target: number }
  /** v / max, clamped to 0..1 (a questionnaire's points). */
  | { kind: 'points'; max: number };

export interface IndicatorDef {
  id: string;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
  direction: Direction;
  normalisation: Normalisation;
  /** Weight inside its dimension (any positive scale; rescaled to the dimension's present total). */
  weight: number;
}

export interface DimensionDef {
  id: string;
  nameZh: string;
  nameEn: string;
  /** Weight of the dimension in the total. */
  weight: number;
  indicators: readonly IndicatorDef[];
}

export interface LevelBand {
  /** 0 = below every band. */
  level: number;
  /** Lower bound of the score (inclusive), 0..100. */
  min: number;
  labelZh: string;
  labelEn: string;
}

export interface ScorecardDef {
  id: string;
  dimensions: readonly DimensionDef[];
  /** Sorted by `min` ascending; the highest band whose min ≤ score applies. */
  bands: readonly LevelBand[];
  /** A unit's indicator is a weak link when the best normalised score exceeds its own by ≥ this (0..1). */
  weakLinkMargin: number;
}

/** Values per indicator id; null or absent = no value. */
export type Values = Readonly<Record<string, number | null | undefined>>;

export interface UnitInput {
  code: string;
  /** Only 'ranked' units are ranked; others (benchmark cities) are compared with. */
  ranked: boolean;
  values: Values;
}

export interface IndicatorResult {
  id: string;
  dimensionId: string;
  value: number | null;
  /** 0..1, null when missing. */
  normalised: number | null;
  /** Weight actually applied inside the dimension (0..1 share), 0 when missing. */
  appliedShare: number;
  /** Contribution to the dimension score, points out of 100. */
  points: number;
  /** Best normalised score among all units compared, and who holds it. */
  best: { normalised: number; code: string } | null;
  weakLink: boolean;
  explanationZh: string;
  explanationEn: string;
}

export interface DimensionResult {
  id: string;
  /** 0..100, null when the dimension has no value. */
  score: number | null;
  appliedShare: number;
}

export interface UnitResult {
  code: string;
  ranked: boolean;
  /** 0..100, null when nothing was entered. */
  total: number | null;
  level: LevelBand | null;
  /** 1 = best among ranked units; ties share a rank; null when unranked or no total. */
  rank: number | null;
  dimensions: DimensionResult[];
  indicators: IndicatorResult[];
  weakLinks: string[];
  missing: string[];
}

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

function present(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** One indicator's normalised score given the range over the units compared. */
export function normalise(ind: IndicatorDef, v: number, range: { min: number; max: number }): number {
  const n = ind.normalisation;
  switch (n.kind) {
    case 'minmax': {
      if (range.max === range.min) return 1;
      const x = (v - range.min) / (range.max - range.min);
      return clamp01(ind.direction === 'higher' ? x : 1 - x);
    }
    case 'target':
      if (ind.direction === 'higher') return n.target <= 0 ? 1 : clamp01(v / n.target);
      return v <= n.target ? 1 : v <= 0 ? 1 : clamp01(n.target / v);
    case 'points':
      return n.max <= 0 ? 0 : clamp01(v / n.max);
  }
}

/** The level band for a score (highest band whose min ≤ score), or null below all. */
export function levelOf(bands: readonly LevelBand[], score: number): LevelBand | null {
  let found: LevelBand | null = null;
  for (const b of bands) if (round(score) >= b.min) found = b;
  return found;
}

/** Total weight check: the indicator tree must have positive weights and unique ids. */
export function checkScorecard(def: ScorecardDef): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const d of def.dimensions) {
    if (!(d.weight > 0)) problems.push(`${d.id}: dimension weight must be positive`);
    if (d.indicators.length === 0) problems.push(`${d.id}: no indicators`);
    for (const i of d.indicators) {
      if (ids.has(i.id)) problems.push(`${i.id}: duplicate indicator id`);
      ids.add(i.id);
      if (!(i.weight > 0)) problems.push(`${i.id}: indicator weight must be positive`);
    }
  }
  for (let k = 1; k < def.bands.length; k++) {
    const a = def.bands[k - 1];
    const b = def.bands[k];
    if (a && b && b.min <= a.min) problems.push(`bands must have increasing minimums`);
  }
  if (!(def.weakLinkMargin >= 0 && def.weakLinkMargin <= 1)) problems.push('weakLinkMargin must be within 0..1');
  return problems;
}

/** Replaces weights (dimension id or indicator id → weight), e.g. a what-if weight set. */
export function withWeights(def: ScorecardDef, weights: Readonly<Record<string, number>>): ScorecardDef {
  return {
    ...def,
    dimensions: def.dimensions.map((d) => ({
      ...d,
      weight: weights[d.id] ?? d.weight,
      indicators: d.indicators.map((i) => ({ ...i, weight: weights[i.id] ?? i.weight })),
    })),
  };
}

/** Scores every unit: normalised indicators, dimensions, total, level, rank, weak links. */
export function evaluateScorecard(def: ScorecardDef, units: readonly UnitInput[]): UnitResult[] {
  const ranges = new Map<string, { min: number; max: number }>();
  for (const d of def.dimensions)
    for (const i of d.indicators) {
      const vs = units.map((u) => u.values[i.id]).filter(present);
      if (vs.length) ranges.set(i.id, { min: Math.min(...vs), max: Math.max(...vs) });
    }
  // normalised scores for every unit first, so each indicator's best is known
  const norm = units.map((u) => {
    const m = new Map<string, number>();
    for (const d of def.dimensions)
      for (const i of d.indicators) {
        const v = u.values[i.id];
        const r = ranges.get(i.id);
        if (present(v) && r) m.set(i.id, normalise(i, v, r));
      }
    return m;
  });
  const best = new Map<string, { normalised: number; code: string }>();
  units.forEach((u, k) => {
    for (const [id, n] of norm[k] ?? []) {
      const b = best.get(id);
      if (!b || n > b.normalised) best.set(id, { normalised: n, code: u.code });
    }
  });

  const results: UnitResult[] = units.map((u, k) => {
    const mine = norm[k] ?? new Map<string, number>();
    const indicators: IndicatorResult[] = [];
    const dims: { id: string; score: number | null; weight: number }[] = [];
    for (const d of def.dimensions) {
      const presentWeight = d.indicators.reduce((s, i) => s + (mine.has(i.id) ? i.weight : 0), 0);
      let score: number | null = null;
      if (presentWeight > 0) score = 0;
      for (const i of d.indicators) {
        const n = mine.get(i.id);
        const v = u.values[i.id];
        const b = best.get(i.id) ?? null;
        const share = n === undefined || presentWeight === 0 ? 0 : i.weight / presentWeight;
        const pts = n === undefined ? 0 : n * share * 100;
        if (score !== null) score += pts;
        const weak = n !== undefined && b !== null && round(b.normalised - n) >= def.weakLinkMargin && def.weakLinkMargin > 0;
        indicators.push({
          id: i.id,
          dimensionId: d.id,
          value: present(v) ? v : null,
          normalised: n === undefined ? null : round(n),
          appliedShare: round(share),
          points: round(pts),
          best: b ? { normalised: round(b.normalised), code: b.code } : null,
          weakLink: weak,
          ...explain(i, present(v) ? v : null, n, share, ranges.get(i.id), presentWeight, d),
        });
      }
      dims.push({ id: d.id, score: score === null ? null : round(score), weight: d.weight });
    }
    const presentDimWeight = dims.reduce((s, d) => s + (d.score === null ? 0 : d.weight), 0);
    const total =
      presentDimWeight === 0
        ? null
        : round(dims.reduce((s, d) => s + (d.score === null ? 0 : (d.score * d.weight) / presentDimWeight), 0));
    return {
      code: u.code,
      ranked: u.ranked,
      total,
      level: total === null ? null : levelOf(def.bands, total),
      rank: null,
      dimensions: dims.map((d) => ({
        id: d.id,
        score: d.score,
        appliedShare: d.score === null || presentDimWeight === 0 ? 0 : round(d.weight / presentDimWeight),
      })),
      indicators,
      weakLinks: indicators.filter((i) => i.weakLink).map((i) => i.id),
      missing: indicators.filter((i) => i.value === null).map((i) => i.id),
    };
  });
  // competition ranking (1, 2, 2, 4) among ranked units with a total
  const ranked = results.filter((r) => r.ranked && r.total !== null).sort((a, b) => (b.total ?? 0) - (a.total ?? 0));
  ranked.forEach((r, k) => {
    const prev = ranked[k - 1];
    r.rank = prev && prev.total === r.total ? prev.rank : k + 1;
  });
  return results;
}

function explain(
  i: IndicatorDef,
  v: number | null,
  n: number | undefined,
  share: number,
  range: { min: number; max: number } | undefined,
  presentWeight: number,
  d: DimensionDef,
): { explanationZh: string; explanationEn: string } {
  if (v === null || n === undefined) {
    return {
      explanationZh: `无数据：权重在“${d.nameZh}”内其余指标间按比例分配`,
      explanationEn: `no value: its weight is shared by the other indicators of ${d.nameEn}`,
    };
  }
  const f = (x: number) => String(round(x, 4));
  const total = d.indicators.reduce((s, x) => s + x.weight, 0);
  const rescaled = presentWeight < total ? `（缺项后重分配，原 ${f(i.weight / total)}）` : '';
  const rescaledEn = presentWeight < total ? ` (redistributed; nominal ${f(i.weight / total)})` : '';
  let howZh = '';
  let howEn = '';
  const nm = i.normalisation;
  if (nm.kind === 'minmax' && range) {
    howZh =
      range.max === range.min
        ? '各单位数值相同，记 1'
        : i.direction === 'higher'
          ? `(${f(v)} − ${f(range.min)}) / (${f(range.max)} − ${f(range.min)})`
          : `(${f(range.max)} − ${f(v)}) / (${f(range.max)} − ${f(range.min)})`;
    howEn = range.max === range.min ? 'all units equal: 1' : howZh;
  } else if (nm.kind === 'target') {
    howZh = i.direction === 'higher' ? `min(${f(v)} / 目标 ${f(nm.target)}, 1)` : `目标 ${f(nm.target)} / ${f(v)}（不超过 1）`;
    howEn =
      i.direction === 'higher' ? `min(${f(v)} / target ${f(nm.target)}, 1)` : `target ${f(nm.target)} / ${f(v)} (at most 1)`;
  } else if (nm.kind === 'points') {
    howZh = `${f(v)} / 满分 ${f(nm.max)}`;
    howEn = `${f(v)} / max ${f(nm.max)}`;
  }
  return {
    explanationZh: `标准化 ${howZh} = ${f(n)}；维度内权重 ${f(share)}${rescaled}；得分 ${f(n * share * 100)}`,
    explanationEn: `normalised ${howEn} = ${f(n)}; share in dimension ${f(share)}${rescaledEn}; points ${f(n * share * 100)}`,
  };
}
