/**
 * Scored standards (创新型 2022: six indicators, 专精特新 2022: thirteen): each indicator is a
 * band table (a dated parameter) and a measure of the facts; categories carry their minimums.
 */
import type { Parameter } from '../core/parameter.ts';
import type { TierFacts } from './facts.ts';
import {
  at,
  bandsText,
  pct,
  scorePredicates,
  scoreValue,
  wan,
  cny,
  type BandTable,
  type Bilingual,
  type IndicatorResult,
  type ScoreResult,
  type Status,
} from './shared.ts';

export type Format = 'pct' | 'wan' | 'years' | 'count' | 'level';

export interface IndicatorSpec {
  id: string;
  no: string;
  category: string;
  nameZh: string;
  nameEn: string;
  table: Parameter<BandTable>;
  /** Numeric tables: the measure (undefined = no data). */
  value?: (f: TierFacts, year: number, date: string) => number | undefined;
  format?: Format;
  /** Predicate tables: per band, true / false / undefined (no data). */
  test?: (f: TierFacts, year: number, date: string) => (band: string) => boolean | undefined;
  /** Predicate tables: the fact in words, or null. */
  describe?: (f: TierFacts, year: number) => string | null;
  /** Predicate tables that add up items (质量管理水平: 每满足一项加3分, 最高5分). */
  additive?: { each: Parameter<number>; cap: Parameter<number>; items: (f: TierFacts) => readonly (boolean | undefined)[] };
}

export interface CategorySpec {
  id: string;
  zh: string;
  en: string;
  max: number;
  /** Category minimum (创新能力 ≥ 20 …), or null. */
  min: Parameter<number> | null;
}

function fmt(x: number, f: Format | undefined, lang: 'zh' | 'en'): string {
  switch (f) {
    case 'pct':
      return pct(x);
    case 'wan':
      return lang === 'zh' ? wan(x) : cny(x);
    case 'years':
      return lang === 'zh' ? `${x}年` : `${x} years`;
    case 'level':
      return lang === 'zh' ? `${x}级` : `level ${x}`;
    default:
      return String(x);
  }
}

const META = new WeakMap<BandTable, { max: number; text: string }>();
function metaOf(table: BandTable): { max: number; text: string } {
  let m = META.get(table);
  if (!m) {
    m = { max: Math.max(...table.bands.map((b) => b.points)), text: bandsText(table) };
    META.set(table, m);
  }
  return m;
}

export function evaluateIndicator(
  spec: IndicatorSpec,
  f: TierFacts,
  year: number,
  date: string,
  explain = true,
): IndicatorResult {
  const table = at(spec.table, date);
  const meta = metaOf(table);
  const max = meta.max;
  // No object spread here: under the TypeScript loader it becomes property definitions one by
  // one, about 7 µs per object — most of a bulk assessment's time.
  const make = (
    mx: number,
    points: number,
    upTo: number,
    band: string | null,
    bandZh: string | null,
    value: string | null,
    status: IndicatorResult['status'],
  ): IndicatorResult => ({
    id: spec.id,
    no: spec.no,
    category: spec.category,
    nameZh: spec.nameZh,
    textZh: meta.text,
    max: mx,
    points,
    upTo,
    band,
    bandZh,
    value,
    status,
  });
  if (spec.additive) {
    const each = at(spec.additive.each, date);
    const cap = at(spec.additive.cap, date);
    const max = cap;
    const items = spec.additive.items(f);
    const yes = items.filter((x) => x === true).length;
    const unknown = items.filter((x) => x === undefined).length;
    const points = Math.min(cap, yes * each);
    const upTo = Math.min(cap, (yes + unknown) * each);
    const status = unknown === items.length ? 'no_data' : upTo > points ? 'partial' : 'scored';
    const r = make(max, points, upTo, null, `${yes}项`, `${yes}项`, status);
    if (explain && points < max)
      r.missing =
        status === 'no_data'
          ? { zh: `${spec.nameZh}：无数据`, en: `${spec.nameEn}: no data` }
          : {
              zh: `${spec.nameZh}：满足${yes}项（${points}分），满分${max}分需${Math.ceil(max / each)}项`,
              en: `${spec.nameEn}: ${yes} item(s) (${points} pts); ${max} pts need ${Math.ceil(max / each)}`,
            };
    return r;
  }
  if (spec.value) {
    const v = spec.value(f, year, date);
    const s = scoreValue(table, v);
    const r = make(
      max,
      s.points,
      s.upTo,
      s.band?.band ?? null,
      s.band?.labelZh ?? null,
      v === undefined ? null : explain ? fmt(v, spec.format, 'zh') : null,
      s.status,
    );
    if (!explain) return r;
    if (v === undefined) r.missing = { zh: `${spec.nameZh}：无数据`, en: `${spec.nameEn}: no data` };
    else if (s.points < max) {
      const idx = s.band ? table.bands.indexOf(s.band) : table.bands.length;
      const next = table.bands[idx - 1];
      if (next) {
        const bound = table.better === 'higher' ? next.min : next.max;
        if (bound !== undefined) {
          const word = table.better === 'higher' ? { zh: '达到', en: 'at least' } : { zh: '不高于', en: 'at most' };
          r.missing = {
            zh: `${spec.nameZh} ${fmt(v, spec.format, 'zh')}（${s.points}分），${next.band}档${next.points}分需${word.zh}${fmt(bound, spec.format, 'zh')}`,
            en: `${spec.nameEn} ${fmt(v, spec.format, 'en')} (${s.points} pts), band ${next.band} (${next.points} pts) needs ${word.en} ${fmt(bound, spec.format, 'en')}`,
          };
        }
      }
    }
    return r;
  }
  const test = spec.test ? spec.test(f, year, date) : () => undefined;
  const s = scorePredicates(table, test);
  const described = explain && spec.describe ? spec.describe(f, year) : null;
  const r = make(max, s.points, s.upTo, s.band?.band ?? null, s.band?.labelZh ?? null, described, s.status);
  if (!explain) return r;
  if (s.status === 'no_data') r.missing = { zh: `${spec.nameZh}：无数据`, en: `${spec.nameEn}: no data` };
  else if (s.points < max) {
    const idx = s.band ? table.bands.indexOf(s.band) : table.bands.length;
    const next = table.bands[idx - 1];
    if (next)
      r.missing = {
        zh: `${spec.nameZh}：${s.band ? `${s.band.band}档` : ''}${s.points}分${s.status === 'partial' ? '（更高档次缺数据）' : ''}，${next.band}档${next.points}分需：${next.labelZh}`,
        en: `${spec.nameEn}: ${s.points} pts${s.status === 'partial' ? ' (higher bands lack data)' : ''}; band ${next.band} (${next.points} pts) needs: ${next.labelZh}`,
      };
  }
  return r;
}

export interface ScoreOutcome {
  indicators: IndicatorResult[];
  score: ScoreResult;
  status: Status;
  /** Why the score route fails or lacks data (category minimums and total). */
  gap: Bilingual | null;
  /** Points short: of the pass mark, or of a category minimum, whichever is more. */
  pointsShort: number;
}

export function scoreAll(
  specs: readonly IndicatorSpec[],
  categories: readonly CategorySpec[],
  pass: Parameter<number>,
  f: TierFacts,
  year: number,
  date: string,
  explain = true,
): ScoreOutcome {
  const indicators = specs.map((s) => evaluateIndicator(s, f, year, date, explain));
  let total = 0;
  let upTo = 0;
  const cats = categories.map((c) => {
    let p = 0;
    let u = 0;
    for (const i of indicators)
      if (i.category === c.id) {
        p += i.points;
        u += i.upTo;
      }
    total += p;
    upTo += u;
    return { id: c.id, zh: c.zh, en: c.en, points: p, upTo: u, max: c.max, min: c.min ? at(c.min, date) : null };
  });
  const passAt = at(pass, date);
  const max = categories.reduce((s, c) => s + c.max, 0);
  const metNow = total >= passAt && cats.every((c) => c.min === null || c.points >= c.min);
  const possible = upTo >= passAt && cats.every((c) => c.min === null || c.upTo >= c.min);
  const status: Status = metNow ? 'met' : possible ? 'no_data' : 'not_met';
  let gap: Bilingual | null = null;
  if (!metNow && explain) {
    const shortCats = cats.filter((c) => c.min !== null && c.points < c.min);
    const partsZh = [`评价得分${total}分${upTo > total ? `（缺数据指标满分时最多${upTo}分）` : ''}，需${passAt}分以上`];
    const partsEn = [`score ${total}${upTo > total ? ` (at most ${upTo} with the missing data)` : ''}, needs ${passAt}`];
    for (const c of shortCats) {
      partsZh.push(`${c.zh}${c.points}分，需不低于${c.min}分`);
      partsEn.push(`${c.en} ${c.points}, needs ${c.min}`);
    }
    gap = { zh: partsZh.join('；'), en: partsEn.join('; ') };
  }
  const pointsShort = Math.max(0, passAt - total, ...cats.map((c) => (c.min === null ? 0 : c.min - c.points)));
  return { indicators, score: { total, upTo, max, pass: passAt, categories: cats }, status, gap, pointsShort };
}
