/**
 * 中小企业划型标准规定（工信部联企业〔2011〕300号）: who counts as a small or medium-sized
 * enterprise, by industry, from employees, revenue and total assets.
 *
 * The reference notes (../shared/reference) do not contain this text; the thresholds below are the
 * 2011 规定 as generally published and carry an `unverified` note until checked against it.
 * Reading: "X以下" as the SME ceiling includes the boundary (the boundary rule, shared.ts);
 * "X及以上" for medium and small includes it, as printed. Medium and small must meet every listed
 * lower bound, otherwise the firm drops a class (第四条 and the 统计 practice); micro is the rest.
 */
import type { Parameter } from '../core/parameter.ts';
import type { StandardVersion } from '../core/standard.ts';
import type { TierFacts } from './facts.ts';
import {
  PREVIOUS_YEAR,
  at,
  condition,
  figures,
  ref,
  within,
  reaches,
  yearOf,
  type ConditionResult,
  type Status,
  type TierResult,
} from './shared.ts';

const DOC = '中小企业划型标准规定（工信部联企业〔2011〕300号）';
const UNVERIFIED =
  'Not in ../shared/reference; thresholds from the 2011 规定 as generally published — check against the issued text.';

interface Bounds {
  employees?: number;
  revenue?: number;
  assets?: number;
}

export interface SizeRow {
  industry: string;
  nameZh: string;
  /** GB/T 4754-2017 code prefixes that belong to this industry (longest match wins). */
  prefixes: readonly string[];
  /** 中小微型企业: any one of these at or below its value. */
  ceiling: Bounds;
  /** 中型: every one of these at or above its value. */
  medium: Bounds;
  small: Bounds;
  textZh: string;
}

const W = 10_000;

export const SME_SIZE_TABLE: Parameter<readonly SizeRow[]> = {
  id: 'sme_size_2011_table',
  descriptionZh: '各行业中小微型企业划分标准（从业人员、营业收入、资产总额）',
  descriptionEn: 'Size classes by industry (employees, revenue, total assets)',
  unit: 'bands',
  values: [
    {
      from: '2011-06-18',
      reference: ref(DOC, '第四条', { unverified: UNVERIFIED }),
      value: [
        {
          industry: 'agriculture',
          nameZh: '农、林、牧、渔业',
          prefixes: ['A'],
          ceiling: { revenue: 20000 * W },
          medium: { revenue: 500 * W },
          small: { revenue: 50 * W },
          textZh:
            '营业收入20000万元以下的为中小微型企业。其中，营业收入500万元及以上的为中型企业，营业收入50万元及以上的为小型企业，营业收入50万元以下的为微型企业。',
        },
        {
          industry: 'industry',
          nameZh: '工业',
          prefixes: ['B', 'C', 'D'],
          ceiling: { employees: 1000, revenue: 40000 * W },
          medium: { employees: 300, revenue: 2000 * W },
          small: { employees: 20, revenue: 300 * W },
          textZh:
            '从业人员1000人以下或营业收入40000万元以下的为中小微型企业。其中，从业人员300人及以上，且营业收入2000万元及以上的为中型企业；从业人员20人及以上，且营业收入300万元及以上的为小型企业；从业人员20人以下或营业收入300万元以下的为微型企业。',
        },
        {
          industry: 'construction',
          nameZh: '建筑业',
          prefixes: ['E'],
          ceiling: { revenue: 80000 * W, assets: 80000 * W },
          medium: { revenue: 6000 * W, assets: 5000 * W },
          small: { revenue: 300 * W, assets: 300 * W },
          textZh:
            '营业收入80000万元以下或资产总额80000万元以下的为中小微型企业。其中，营业收入6000万元及以上，且资产总额5000万元及以上的为中型企业；营业收入300万元及以上，且资产总额300万元及以上的为小型企业；营业收入300万元以下或资产总额300万元以下的为微型企业。',
        },
        {
          industry: 'wholesale',
          nameZh: '批发业',
          prefixes: ['F51'],
          ceiling: { employees: 200, revenue: 40000 * W },
          medium: { employees: 20, revenue: 5000 * W },
          small: { employees: 5, revenue: 1000 * W },
          textZh:
            '从业人员200人以下或营业收入40000万元以下的为中小微型企业。其中，从业人员20人及以上，且营业收入5000万元及以上的为中型企业；从业人员5人及以上，且营业收入1000万元及以上的为小型企业；从业人员5人以下或营业收入1000万元以下的为微型企业。',
        },
        {
          industry: 'retail',
          nameZh: '零售业',
          prefixes: ['F52'],
          ceiling: { employees: 300, revenue: 20000 * W },
          medium: { employees: 50, revenue: 500 * W },
          small: { employees: 10, revenue: 100 * W },
          textZh:
            '从业人员300人以下或营业收入20000万元以下的为中小微型企业。其中，从业人员50人及以上，且营业收入500万元及以上的为中型企业；从业人员10人及以上，且营业收入100万元及以上的为小型企业；从业人员10人以下或营业收入100万元以下的为微型企业。',
        },
        {
          industry: 'transport',
          nameZh: '交通运输业',
          prefixes: ['G53', 'G54', 'G55', 'G56', 'G57', 'G58'],
          ceiling: { employees: 1000, revenue: 30000 * W },
          medium: { employees: 300, revenue: 3000 * W },
          small: { employees: 20, revenue: 200 * W },
          textZh:
            '从业人员1000人以下或营业收入30000万元以下的为中小微型企业。其中，从业人员300人及以上，且营业收入3000万元及以上的为中型企业；从业人员20人及以上，且营业收入200万元及以上的为小型企业；从业人员20人以下或营业收入200万元以下的为微型企业。',
        },
        {
          industry: 'warehousing',
          nameZh: '仓储业',
          prefixes: ['G59'],
          ceiling: { employees: 200, revenue: 30000 * W },
          medium: { employees: 100, revenue: 1000 * W },
          small: { employees: 20, revenue: 100 * W },
          textZh:
            '从业人员200人以下或营业收入30000万元以下的为中小微型企业。其中，从业人员100人及以上，且营业收入1000万元及以上的为中型企业；从业人员20人及以上，且营业收入100万元及以上的为小型企业；从业人员20人以下或营业收入100万元以下的为微型企业。',
        },
        {
          industry: 'postal',
          nameZh: '邮政业',
          prefixes: ['G60'],
          ceiling: { employees: 1000, revenue: 30000 * W },
          medium: { employees: 300, revenue: 2000 * W },
          small: { employees: 20, revenue: 100 * W },
          textZh:
            '从业人员1000人以下或营业收入30000万元以下的为中小微型企业。其中，从业人员300人及以上，且营业收入2000万元及以上的为中型企业；从业人员20人及以上，且营业收入100万元及以上的为小型企业；从业人员20人以下或营业收入100万元以下的为微型企业。',
        },
        {
          industry: 'accommodation_catering',
          nameZh: '住宿业、餐饮业',
          prefixes: ['H'],
          ceiling: { employees: 300, revenue: 10000 * W },
          medium: { employees: 100, revenue: 2000 * W },
          small: { employees: 10, revenue: 100 * W },
          textZh:
            '从业人员300人以下或营业收入10000万元以下的为中小微型企业。其中，从业人员100人及以上，且营业收入2000万元及以上的为中型企业；从业人员10人及以上，且营业收入100万元及以上的为小型企业；从业人员10人以下或营业收入100万元以下的为微型企业。',
        },
        {
          industry: 'telecom',
          nameZh: '信息传输业',
          prefixes: ['I63', 'I64'],
          ceiling: { employees: 2000, revenue: 100000 * W },
          medium: { employees: 100, revenue: 1000 * W },
          small: { employees: 10, revenue: 100 * W },
          textZh:
            '从业人员2000人以下或营业收入100000万元以下的为中小微型企业。其中，从业人员100人及以上，且营业收入1000万元及以上的为中型企业；从业人员10人及以上，且营业收入100万元及以上的为小型企业；从业人员10人以下或营业收入100万元以下的为微型企业。',
        },
        {
          industry: 'software_it',
          nameZh: '软件和信息技术服务业',
          prefixes: ['I65'],
          ceiling: { employees: 300, revenue: 10000 * W },
          medium: { employees: 100, revenue: 1000 * W },
          small: { employees: 10, revenue: 50 * W },
          textZh:
            '从业人员300人以下或营业收入10000万元以下的为中小微型企业。其中，从业人员100人及以上，且营业收入1000万元及以上的为中型企业；从业人员10人及以上，且营业收入50万元及以上的为小型企业；从业人员10人以下或营业收入50万元以下的为微型企业。',
        },
        {
          industry: 'real_estate_development',
          nameZh: '房地产开发经营',
          prefixes: ['K701'],
          ceiling: { revenue: 200000 * W, assets: 10000 * W },
          medium: { revenue: 1000 * W, assets: 5000 * W },
          small: { revenue: 100 * W, assets: 2000 * W },
          textZh:
            '营业收入200000万元以下或资产总额10000万元以下的为中小微型企业。其中，营业收入1000万元及以上，且资产总额5000万元及以上的为中型企业；营业收入100万元及以上，且资产总额2000万元及以上的为小型企业；营业收入100万元以下或资产总额2000万元以下的为微型企业。',
        },
        {
          industry: 'property_management',
          nameZh: '物业管理',
          prefixes: ['K702'],
          ceiling: { employees: 1000, revenue: 5000 * W },
          medium: { employees: 300, revenue: 1000 * W },
          small: { employees: 100, revenue: 500 * W },
          textZh:
            '从业人员1000人以下或营业收入5000万元以下的为中小微型企业。其中，从业人员300人及以上，且营业收入1000万元及以上的为中型企业；从业人员100人及以上，且营业收入500万元及以上的为小型企业；从业人员100人以下或营业收入500万元以下的为微型企业。',
        },
        {
          industry: 'leasing_business',
          nameZh: '租赁和商务服务业',
          prefixes: ['L'],
          ceiling: { employees: 300, assets: 120000 * W },
          medium: { employees: 100, assets: 8000 * W },
          small: { employees: 10, assets: 100 * W },
          textZh:
            '从业人员300人以下或资产总额120000万元以下的为中小微型企业。其中，从业人员100人及以上，且资产总额8000万元及以上的为中型企业；从业人员10人及以上，且资产总额100万元及以上的为小型企业；从业人员10人以下或资产总额100万元以下的为微型企业。',
        },
        {
          industry: 'other',
          nameZh: '其他未列明行业',
          prefixes: [''],
          ceiling: { employees: 300 },
          medium: { employees: 100 },
          small: { employees: 10 },
          textZh:
            '从业人员300人以下的为中小微型企业。其中，从业人员100人及以上的为中型企业；从业人员10人及以上的为小型企业；从业人员10人以下的为微型企业。',
        },
      ],
    },
  ],
};

export function sizeRowFor(table: readonly SizeRow[], industryCode: string): SizeRow {
  let best: SizeRow | undefined;
  let len = -1;
  for (const r of table)
    for (const p of r.prefixes)
      if (industryCode.startsWith(p) && p.length > len) {
        best = r;
        len = p.length;
      }
  if (!best) throw new Error('sme_size_2011_table has no catch-all row');
  return best;
}

type Known = { employees?: number; revenue?: number; assets?: number };

function meetsAll(b: Bounds, k: Known): boolean | undefined {
  let unknown = false;
  for (const key of ['employees', 'revenue', 'assets'] as const) {
    const need = b[key];
    if (need === undefined) continue;
    const v = k[key];
    if (v === undefined) unknown = true;
    else if (!reaches(v, need)) return false;
  }
  return unknown ? undefined : true;
}

function underAny(b: Bounds, k: Known): boolean | undefined {
  let unknown = false;
  for (const key of ['employees', 'revenue', 'assets'] as const) {
    const cap = b[key];
    if (cap === undefined) continue;
    const v = k[key];
    if (v === undefined) unknown = true;
    else if (within(v, cap)) return true;
  }
  return unknown ? undefined : false;
}

/** Size class from known figures; null when a needed figure is missing. */
export function sizeClassOf(row: SizeRow, k: Known): 'micro' | 'small' | 'medium' | 'large' | null {
  const sme = underAny(row.ceiling, k);
  if (sme === undefined) return null;
  if (!sme) return 'large';
  const m = meetsAll(row.medium, k);
  if (m === undefined) return null;
  if (m) return 'medium';
  const s = meetsAll(row.small, k);
  if (s === undefined) return null;
  return s ? 'small' : 'micro';
}

const SIZE_ZH = { micro: '微型企业', small: '小型企业', medium: '中型企业', large: '大型企业' } as const;

export const SME_SIZE_2011: StandardVersion<TierFacts, TierResult> = {
  id: 'sme_size@2011',
  standard: 'sme_size',
  titleZh: '中小企业划型',
  titleEn: 'SME size class',
  documentZh: DOC,
  effectiveFrom: '2011-06-18',
  effectiveFromReference: ref(DOC, '发布日期', { unverified: UNVERIFIED }),
  formula: { id: 'sme_size', version: '2011-01' },
  parameters: [SME_SIZE_TABLE, PREVIOUS_YEAR] as Parameter<unknown>[],
  compile(ctx) {
    const table = ctx.param(SME_SIZE_TABLE);
    const prev = ctx.param(PREVIOUS_YEAR);
    return (f, date) => {
      const year = yearOf(date) - at(prev, date);
      const rows = at(table, date);
      const fig = figures(f, year);
      const known: Known = {};
      if (fig?.employees !== undefined) known.employees = fig.employees;
      if (fig?.revenue !== undefined) known.revenue = fig.revenue;
      if (fig?.totalAssets !== undefined) known.assets = fig.totalAssets;
      const conditions: ConditionResult[] = [];
      let cls: ReturnType<typeof sizeClassOf> = null;
      let status: Status;
      if (f.industryCode === undefined) {
        status = 'no_data';
        conditions.push(
          condition('sme_size_industry', '所属行业（GB/T 4754）', 'no_data', null, '行业代码', {
            zh: '所属行业：无数据',
            en: 'industry: no data',
          }),
        );
      } else {
        const row = sizeRowFor(rows, f.industryCode);
        cls = sizeClassOf(row, known);
        status = cls === null ? 'no_data' : cls === 'large' ? 'not_met' : 'met';
        const have = `从业人员${known.employees ?? '—'}人，营业收入${known.revenue === undefined ? '—' : `${known.revenue / W}万元`}，资产总额${known.assets === undefined ? '—' : `${known.assets / W}万元`}`;
        conditions.push(
          condition(
            'sme_size_ceiling',
            `${row.nameZh}：${row.textZh}`,
            status,
            cls === null ? null : `${SIZE_ZH[cls]}（${have}）`,
            '中小微型企业',
            cls === null
              ? {
                  zh: `${year}年度从业人员、营业收入或资产总额：无数据`,
                  en: `${year} employees, revenue or total assets: no data`,
                }
              : { zh: `按${row.nameZh}标准为大型企业（${have}）`, en: `a large enterprise under the ${row.industry} thresholds` },
          ),
        );
      }
      return {
        standard: 'sme_size',
        standardVersion: 'sme_size@2011',
        titleZh: '中小企业划型',
        titleEn: 'SME size class',
        documentZh: DOC,
        date,
        figuresYear: year,
        status,
        met: status === 'met',
        route: status === 'met' ? { id: 'size_class', zh: cls ? SIZE_ZH[cls] : '', en: cls ?? '', status } : null,
        routes: [],
        score: null,
        indicators: [],
        conditions,
        missing: conditions.filter((c) => c.missing).map((c) => c.missing as { zh: string; en: string }),
        sizeClass: cls,
        formula: { id: 'sme_size', version: '2011-01' },
      };
    };
  },
};

/** The "is an SME" condition every quality-SME standard starts from (中小企业 per 300号). */
export function smeCondition(rows: readonly SizeRow[], f: TierFacts, year: number): ConditionResult {
  const text = '属于中小企业（《中小企业划型标准规定》）';
  if (f.industryCode === undefined)
    return condition('is_sme', text, 'no_data', null, '中小微型企业', {
      zh: '所属行业：无数据，无法划型',
      en: 'industry: no data, size class unknown',
    });
  const fig = figures(f, year);
  const k: Known = {};
  if (fig?.employees !== undefined) k.employees = fig.employees;
  if (fig?.revenue !== undefined) k.revenue = fig.revenue;
  if (fig?.totalAssets !== undefined) k.assets = fig.totalAssets;
  const cls = sizeClassOf(sizeRowFor(rows, f.industryCode), k);
  if (cls === null)
    return condition('is_sme', text, 'no_data', null, '中小微型企业', {
      zh: `${year}年度划型数据（从业人员、营业收入、资产总额）：无数据`,
      en: `${year} size figures: no data`,
    });
  return condition('is_sme', text, cls === 'large' ? 'not_met' : 'met', SIZE_ZH[cls], '中小微型企业', {
    zh: '按《中小企业划型标准规定》为大型企业',
    en: 'a large enterprise under the 2011 size standard',
  });
}
