/**
 * Pure rules of the scorecards module: which indicators a district enters (the others the platform
 * computes), what a value may be, and reading an import sheet into values with every problem
 * named by sheet, row and column.
 */
import { DISTRICT_INDICATOR_SOURCES, type DimensionDef, type IndicatorDef } from '../../../policy/scorecards/index.ts';
import type { FieldProblem } from '../../shared/errors.ts';

export const FIRST_YEAR = 2015;

export function indicatorsOf(dims: readonly DimensionDef[]): IndicatorDef[] {
  return dims.flatMap((d) => [...d.indicators]);
}

export function isPlatformIndicator(id: string): boolean {
  return DISTRICT_INDICATOR_SOURCES[id]?.kind === 'platform';
}

/** The indicators a unit enters: a district all but the platform's; a benchmark city all. */
export function enterableIndicators(dims: readonly DimensionDef[], unitKind: 'district' | 'benchmark'): IndicatorDef[] {
  return indicatorsOf(dims).filter((i) => unitKind === 'benchmark' || !isPlatformIndicator(i.id));
}

/** A value's problem, or null: finite; shares 0–100; growth rates ≥ −100; everything else ≥ 0. */
export function checkValue(ind: IndicatorDef, v: unknown, field: string): FieldProblem | null {
  if (typeof v !== 'number' || !Number.isFinite(v))
    return { field, reason: { zh: `“${ind.nameZh}”须为数字`, en: `${ind.nameEn} must be a number` } };
  const growth = ind.id.includes('growth');
  if (ind.unitZh === '%' && !growth && (v < 0 || v > 100))
    return { field, reason: { zh: `“${ind.nameZh}”须在0到100之间`, en: `${ind.nameEn} must be between 0 and 100` } };
  if (growth && v < -100)
    return { field, reason: { zh: `“${ind.nameZh}”不能低于−100%`, en: `${ind.nameEn} cannot be below −100%` } };
  if (!growth && v < 0) return { field, reason: { zh: `“${ind.nameZh}”不能为负数`, en: `${ind.nameEn} cannot be negative` } };
  return null;
}

export function checkYear(year: number, thisYear: number, field = 'year'): FieldProblem | null {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > thisYear)
    return {
      field,
      reason: { zh: `年度须在${FIRST_YEAR}至${thisYear}之间`, en: `the year must be between ${FIRST_YEAR} and ${thisYear}` },
    };
  return null;
}

export const IMPORT_SHEET = '数据';
/** Fixed leading columns of the import sheet; the indicators follow, headed "名称（id）". */
export const IMPORT_LEAD = ['单位类型（区县/对标城市）', '单位代码', '年度'] as const;

export function importHeader(ind: IndicatorDef): string {
  return `${ind.nameZh}（${ind.id}）`;
}

export interface ImportedValue {
  unitKind: 'district' | 'benchmark';
  unitCode: string;
  year: number;
  indicatorId: string;
  value: number;
}

const colName = (c: number) => {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/**
 * Reads rows (row 1 the header) of the import sheet. Empty indicator cells are left alone (not
 * cleared). Every problem names the sheet, the spreadsheet row and column:
 * `数据!C5`. `known` says which unit codes exist for each kind.
 */
export function parseImport(
  header: unknown[],
  rows: { n: number; cells: unknown[] }[],
  dims: readonly DimensionDef[],
  known: { district: ReadonlySet<string>; benchmark: ReadonlySet<string> },
  thisYear: number,
): { values: ImportedValue[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const values: ImportedValue[] = [];
  const all = indicatorsOf(dims);
  const byHeader = new Map(all.map((i) => [importHeader(i), i] as const));
  const byId = new Map(all.map((i) => [i.id, i] as const));
  const cols: { c: number; ind: IndicatorDef }[] = [];
  header.forEach((h, k) => {
    const c = k + 1;
    if (c <= IMPORT_LEAD.length) return;
    const text = String(h ?? '').trim();
    if (!text) return;
    const m = /（([a-z0-9_]+)）$/.exec(text);
    const ind = byHeader.get(text) ?? (m ? byId.get(m[1] ?? '') : undefined) ?? byId.get(text);
    if (!ind)
      problems.push({
        field: `${IMPORT_SHEET}!${colName(c)}1`,
        reason: { zh: `未知的指标列“${text}”`, en: `unknown indicator column '${text}'` },
      });
    else cols.push({ c, ind });
  });
  const seen = new Set<string>();
  for (const { n, cells } of rows) {
    const at = (c: number) => `${IMPORT_SHEET}!${colName(c)}${n}`;
    const kindText = String(cells[0] ?? '').trim();
    const unitKind =
      kindText === '区县' || kindText === 'district'
        ? 'district'
        : kindText === '对标城市' || kindText === 'benchmark'
          ? 'benchmark'
          : null;
    if (!unitKind) {
      problems.push({
        field: at(1),
        reason: { zh: '单位类型须为“区县”或“对标城市”', en: 'unit type must be 区县 (district) or 对标城市 (benchmark)' },
      });
      continue;
    }
    const unitCode = String(cells[1] ?? '').trim();
    if (!known[unitKind].has(unitCode)) {
      problems.push({
        field: at(2),
        reason: { zh: `没有代码为“${unitCode}”的${kindText}`, en: `no ${unitKind} with code '${unitCode}'` },
      });
      continue;
    }
    const year = Number(cells[2]);
    const yp = checkYear(year, thisYear, at(3));
    if (yp) {
      problems.push(yp);
      continue;
    }
    const key = `${unitKind}:${unitCode}:${year}`;
    if (seen.has(key)) {
      problems.push({ field: at(2), reason: { zh: `${unitCode} ${year}年在表中重复`, en: `${unitCode} ${year} appears twice` } });
      continue;
    }
    seen.add(key);
    for (const { c, ind } of cols) {
      const raw = cells[c - 1];
      if (raw === null || raw === undefined || String(raw).trim() === '') continue;
      if (unitKind === 'district' && isPlatformIndicator(ind.id)) {
        problems.push({
          field: at(c),
          reason: { zh: `“${ind.nameZh}”由平台计算，区县无需填报`, en: `${ind.nameEn} is computed by the platform` },
        });
        continue;
      }
      const v = typeof raw === 'number' ? raw : Number(String(raw).trim());
      const p = checkValue(ind, v, at(c));
      if (p) problems.push(p);
      else values.push({ unitKind, unitCode, year, indicatorId: ind.id, value: v });
    }
  }
  return { values, problems };
}
