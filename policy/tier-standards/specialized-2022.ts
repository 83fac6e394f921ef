/**
 * 专精特新中小企业认定标准 — 工信部企业〔2022〕63号 附件2, with Shandong's 15-point 特色化 block
 * (the province sets indicator 9). Four basic conditions, all required; the fourth is 60 points
 * of thirteen indicators or one of four direct routes.
 */
import type { Parameter, Reference } from '../core/parameter.ts';
import type { StandardVersion } from '../core/standard.ts';
import type { TierFacts } from './facts.ts';
import { P as INNOVATIVE } from './innovative-2022.ts';
import { scoreAll, type CategorySpec, type IndicatorSpec } from './scoring.ts';
import { SME_SIZE_TABLE, smeCondition } from './sme-size-2011.ts';
import {
  PREVIOUS_YEAR,
  allOf,
  anyOf,
  at,
  condition,
  cny,
  equityIn,
  figures,
  growth,
  honoursIn,
  ipAt,
  nicheYears,
  pct,
  ratio,
  reaches,
  exceeds,
  ref,
  tri,
  wan,
  yearOf,
  type BandTable,
  type ConditionResult,
  type RouteResult,
  type TierResult,
} from './shared.ts';

const DOC = '优质中小企业梯度培育管理暂行办法（工信部企业〔2022〕63号）附件2 专精特新中小企业认定标准';
const SD = '山东省优质中小企业梯度培育管理实施细则 特色化指标';
const FROM = '2022-06-01';
const R = (clause: string, extra: Partial<Reference> = {}): Reference => ref(DOC, clause, extra);
const RSD = (clause: string, extra: Partial<Reference> = {}): Reference =>
  ref(SD, clause, {
    note: 'https://www.ctoutiao.com/3152021.html via tier-standards.md §2.1 (document number NOT FOUND)',
    ...extra,
  });

function bands(id: string, zh: string, table: BandTable, reference: Reference, interpretation?: string): Parameter<BandTable> {
  const p: Parameter<BandTable> = {
    id,
    descriptionZh: zh,
    descriptionEn: zh,
    unit: 'bands',
    values: [{ from: FROM, value: table, reference }],
  };
  if (interpretation) p.interpretation = interpretation;
  return p;
}
function num(id: string, zh: string, unit: Parameter<number>['unit'], value: number, reference: Reference): Parameter<number> {
  return { id, descriptionZh: zh, descriptionEn: zh, unit, values: [{ from: FROM, value, reference }] };
}

const step = (labels: [string, number, number | undefined][]): BandTable => ({
  better: 'higher',
  bands: labels.map(([labelZh, points, min], i) => ({
    band: String.fromCharCode(65 + i),
    labelZh,
    points,
    ...(min === undefined ? {} : { min }),
  })),
});
const pred = (labels: [string, number][]): BandTable => ({
  better: 'predicate',
  bands: labels.map(([labelZh, points], i) => ({ band: String.fromCharCode(65 + i), labelZh, points })),
});

export const P = {
  mainShare: bands(
    'specialized_2022_main_share_bands',
    '上年度主营业务收入总额占营业收入总额比重',
    step([
      ['80%以上', 5, 0.8],
      ['70%-80%', 3, 0.7],
      ['60%-70%', 1, 0.6],
      ['60%以下', 0, undefined],
    ]),
    R('评价指标 1'),
  ),
  growth: bands(
    'specialized_2022_growth_bands',
    '近2年主营业务收入平均增长率',
    step([
      ['10%以上', 10, 0.1],
      ['8%-10%', 8, 0.08],
      ['6%-8%', 6, 0.06],
      ['4%-6%', 4, 0.04],
      ['0%-4%', 2, 0],
      ['0%以下', 0, undefined],
    ]),
    R('评价指标 2'),
  ),
  growthMethod: {
    id: 'specialized_2022_growth_average_method',
    descriptionZh: '近2年主营业务收入平均增长率的算法',
    descriptionEn: 'How the 2-year average growth is computed',
    unit: 'list',
    interpretation:
      'arithmetic_mean = (上年增长率 + 上上年增长率) ÷ 2; cagr = (上年 ÷ 上上上年)^(1/2) − 1. The 说明 of 63号 is not in the reference notes.',
    values: [
      {
        from: FROM,
        value: 'arithmetic_mean',
        reference: R('评价指标 2', {
          unverified:
            'The formula of 平均增长率 is not in the reference notes; the arithmetic mean of the two yearly rates is assumed.',
        }),
      },
    ],
  } as Parameter<string>,
  niche: bands(
    'specialized_2022_niche_years_bands',
    '从事特定细分市场年限：每满2年得1分，最高不超过5分',
    step([
      ['10年以上', 5, 10],
      ['8-10年', 4, 8],
      ['6-8年', 3, 6],
      ['4-6年', 2, 4],
      ['2-4年', 1, 2],
      ['2年以下', 0, undefined],
    ]),
    R('评价指标 3', { note: 'scoring form http://www.smecqhc.com:8080/zjtxsb23' }),
  ),
  domain: bands(
    'specialized_2022_domain_bands',
    '主导产品所属领域情况',
    pred([
      ['在产业链供应链关键环节及关键领域“补短板”“锻长板”“填空白”取得实际成效', 5],
      ['属于工业“六基”领域、中华老字号名录或企业主导产品服务关键产业链重点龙头企业', 3],
      ['不属于以上情况', 0],
    ]),
    R('评价指标 4'),
  ),
  digital: bands(
    'specialized_2022_digital_bands',
    '数字化水平（中小企业数字化水平评测）',
    step([
      ['三级以上', 5, 3],
      ['二级', 3, 2],
      ['一级', 0, undefined],
    ]),
    R('评价指标 5'),
  ),
  qualityEach: num('specialized_2022_quality_points_each', '质量管理水平：每满足一项加3分', 'points', 3, R('评价指标 6')),
  qualityCap: num('specialized_2022_quality_points_cap', '质量管理水平：最高不超过5分', 'points', 5, R('评价指标 6')),
  quality: bands(
    'specialized_2022_quality_bands',
    '质量管理水平（每满足一项加3分，最高不超过5分）',
    pred([
      ['获得省级以上质量奖荣誉', 3],
      ['建立质量管理体系，获得ISO9001等质量管理体系认证证书', 3],
      ['拥有自主品牌', 3],
      ['参与制修订标准', 3],
    ]),
    R('评价指标 6'),
  ),
  margin: bands(
    'specialized_2022_net_margin_bands',
    '上年度净利润率',
    step([
      ['10%以上', 10, 0.1],
      ['8%-10%', 8, 0.08],
      ['6%-8%', 6, 0.06],
      ['4%-6%', 4, 0.04],
      ['2%-4%', 2, 0.02],
      ['2%以下', 0, undefined],
    ]),
    R('评价指标 7'),
  ),
  debt: bands(
    'specialized_2022_debt_ratio_bands',
    '上年度资产负债率',
    {
      better: 'lower',
      bands: [
        { band: 'A', labelZh: '50%以下', points: 5, max: 0.5 },
        { band: 'B', labelZh: '50%-60%', points: 3, max: 0.6 },
        { band: 'C', labelZh: '60%-70%', points: 1, max: 0.7 },
        { band: 'D', labelZh: '70%以上', points: 0 },
      ],
    },
    R('评价指标 8'),
  ),
  sdIndustry: bands(
    'specialized_2022_sd_priority_industry_bands',
    '9.1 属于本省重点产业领域情况（满分4分）',
    pred([
      [
        '属于《山东省新旧动能转换重大工程实施规划》和《山东省黄河流域生态保护和高质量发展规划》明确重点支持的产业领域，且属于全省产业链“链长制”确定的重点产业链',
        4,
      ],
      ['属于上述规划重点支持产业领域，或已列入海洋强省、乡村振兴、军民融合等全省重点发展战略明确支持产业领域', 3],
      ['属于市级重点产业发展导向的产业领域', 2],
      ['属于县（市、区）级重点产业发展导向的产业领域', 1],
      ['不属于以上情况', 0],
    ]),
    RSD('9'),
  ),
  sdInnovationEach: num('specialized_2022_sd_innovation_points_each', '9.2 创新生产经营情况：每项2分', 'points', 2, RSD('10')),
  sdInnovationCap: num(
    'specialized_2022_sd_innovation_points_cap',
    '9.2 创新生产经营情况：可累计，最高4分',
    'points',
    4,
    RSD('10'),
  ),
  sdInnovation: bands(
    'specialized_2022_sd_innovation_bands',
    '9.2 创新生产经营情况（可累计，最高4分）',
    pred([
      ['近三年获得省级及以上首台（套）、首批次、首版次和新技术、新产品认定', 2],
      ['获得山东省“省长杯”工业设计大赛、“创客中国”山东省区域赛优秀及以上奖项', 2],
      ['掌握细分行业核心技术、特色工艺、配方等并有相关专利或其他材料佐证', 2],
      ['属于数字赋能、生产服务、人工智能等新技术新产业新业态新模式领域', 2],
      ['参与境外并购、设立境外研发机构，或者产品通过发达国家和地区认证', 2],
      ['推行精益生产管理…', 2],
    ]),
    RSD('10'),
  ),
  sdShare: bands(
    'specialized_2022_sd_market_share_bands',
    '9.3 主导产品细分市场占有率情况（满分4分）',
    pred([
      ['国内细分市场占有率超过10%或位居全国前三', 4],
      ['位居全国前十或本省前三', 3],
      ['位居本省前十', 2],
      ['不属于以上情况', 0],
    ]),
    RSD('11'),
  ),
  sdShareMin: num('specialized_2022_sd_market_share_min', '9.3 A档：国内细分市场占有率超过10%', 'ratio', 0.1, RSD('11')),
  sdListing: bands(
    'specialized_2022_sd_listing_bands',
    '9.4 上市进展情况（满分3分）',
    pred([
      ['已完成上市或在新三板挂牌', 3],
      ['其他（B档及以下的文字未查到，按0分计）', 0],
    ]),
    RSD('12', { unverified: 'Only band A (3 points) was found; the lower bands are NOT FOUND and score 0 here.' }),
  ),
  ip: bands(
    'specialized_2022_ip_bands',
    '与企业主导产品相关的有效知识产权数量',
    pred([
      ['Ⅰ类高价值知识产权1项以上', 10],
      ['自主研发Ⅰ类知识产权1项以上', 8],
      ['Ⅰ类知识产权1项以上', 6],
      ['Ⅱ类知识产权1项以上', 2],
      ['无', 0],
    ]),
    R('评价指标 10'),
  ),
  rd: bands(
    'specialized_2022_rd_bands',
    '上年度研发费用投入',
    pred([
      ['研发费用总额500万元以上或研发费用总额占营业收入总额比重在10%以上', 10],
      ['研发费用总额400-500万元或研发费用总额占营业收入总额比重在8%-10%', 8],
      ['研发费用总额300-400万元或研发费用总额占营业收入总额比重在6%-8%', 6],
      ['研发费用总额200-300万元或研发费用总额占营业收入总额比重在4%-6%', 4],
      ['研发费用总额100-200万元或研发费用总额占营业收入总额比重在3%-4%', 2],
      ['不属于以上情况', 0],
    ]),
    R('评价指标 11'),
  ),
  rdAmount: bands(
    'specialized_2022_rd_amount_bands',
    '上年度研发费用投入：金额档',
    step([
      ['500万元以上', 10, 5_000_000],
      ['400-500万元', 8, 4_000_000],
      ['300-400万元', 6, 3_000_000],
      ['200-300万元', 4, 2_000_000],
      ['100-200万元', 2, 1_000_000],
      ['不属于以上情况', 0, undefined],
    ]),
    R('评价指标 11'),
  ),
  rdRatio: bands(
    'specialized_2022_rd_ratio_bands',
    '上年度研发费用投入：比重档',
    step([
      ['10%以上', 10, 0.1],
      ['8%-10%', 8, 0.08],
      ['6%-8%', 6, 0.06],
      ['4%-6%', 4, 0.04],
      ['3%-4%', 2, 0.03],
      ['不属于以上情况', 0, undefined],
    ]),
    R('评价指标 11'),
  ),
  rdStaff: bands(
    'specialized_2022_rd_staff_bands',
    '上年度研发人员占比',
    step([
      ['20%以上', 5, 0.2],
      ['10%-20%', 3, 0.1],
      ['5%-10%', 1, 0.05],
      ['5%以下', 0, undefined],
    ]),
    R('评价指标 12', { unverified: 'Points derived from a third-party tool’s coefficients (1/0.6/0.2/0 × 5).' }),
  ),
  institution: bands(
    'specialized_2022_institution_bands',
    '建立研发机构级别',
    pred([
      ['国家级', 10],
      ['省级', 8],
      ['市级', 4],
      ['市级以下', 2],
      ['未建立研发机构', 0],
    ]),
    R('评价指标 13', { unverified: 'Points derived from a third-party tool’s coefficients (1/0.8/0.4/0.2/0 × 10).' }),
    'Levels come from the recorded research-institution honours (innovative_2022_institution_kinds); an enterprise with none recorded scores E.',
  ),
  pass: num('specialized_2022_pass_points', '评价得分达到60分以上', 'points', 60, R('认定条件 四')),
  nicheMin: num('specialized_2022_niche_years_min', '从事特定细分市场时间达到2年以上', 'years', 2, R('认定条件 一')),
  rdMin: num('specialized_2022_rd_min', '上年度研发费用总额不低于100万元', 'yuan', 1_000_000, R('认定条件 二')),
  rdRatioMin: num('specialized_2022_rd_ratio_min', '研发费用占营业收入总额比重不低于3%', 'ratio', 0.03, R('认定条件 二')),
  revenueMin: num('specialized_2022_revenue_min', '上年度营业收入总额在1000万元以上', 'yuan', 10_000_000, R('认定条件 三')),
  equityAltMin: num(
    'specialized_2022_equity_alt_min',
    '近2年新增股权融资总额达到2000万元以上',
    'yuan',
    20_000_000,
    R('认定条件 三'),
  ),
  provincialAwardRank: num(
    'specialized_2022_provincial_award_rank',
    '省级科技奖励并在获奖单位中排名前三',
    'count',
    3,
    R('直通条件 1'),
  ),
  nationalAwardRank: num(
    'specialized_2022_national_award_rank',
    '国家级科技奖励并在获奖单位中排名前五',
    'count',
    5,
    R('直通条件 1'),
  ),
  rdAvgMin: num('specialized_2022_rd_average_min', '近两年研发费用总额均值在1000万元以上', 'yuan', 10_000_000, R('直通条件 2')),
  equityDirectMin: num(
    'specialized_2022_equity_direct_min',
    '近两年新增股权融资总额6000万元以上',
    'yuan',
    60_000_000,
    R('直通条件 3'),
  ),
  makerRank: num('specialized_2022_maker_china_rank', '“创客中国”全国500强', 'count', 500, R('直通条件 4')),
};

export const CATEGORIES: readonly CategorySpec[] = [
  { id: 'specialisation', zh: '专业化', en: 'Specialisation', max: 25, min: null },
  { id: 'refinement', zh: '精细化', en: 'Refinement', max: 25, min: null },
  { id: 'characteristic', zh: '特色化（山东）', en: 'Characteristics (Shandong)', max: 15, min: null },
  { id: 'innovation', zh: '创新能力', en: 'Innovation', max: 35, min: null },
];

const has = (n: number | undefined): boolean | undefined => (n === undefined ? undefined : n >= 1);
const LEVEL_ORDER = ['national', 'provincial', 'city', 'below_city'];

export function avgGrowth(f: TierFacts, year: number, method: string): number | undefined {
  const a = figures(f, year)?.mainBusinessRevenue;
  const b = figures(f, year - 1)?.mainBusinessRevenue;
  const c = figures(f, year - 2)?.mainBusinessRevenue;
  if (method === 'cagr') {
    if (a === undefined || c === undefined || c <= 0) return undefined;
    return Math.sqrt(a / c) - 1;
  }
  const g1 = growth(a, b);
  const g2 = growth(b, c);
  return g1 === undefined || g2 === undefined ? undefined : (g1 + g2) / 2;
}

export function indicators(p: typeof P, institutionKinds: Parameter<readonly string[]>): IndicatorSpec[] {
  return [
    {
      id: 'main_share',
      no: '1',
      category: 'specialisation',
      nameZh: '主营业务收入占营业收入比重',
      nameEn: 'main-business share',
      table: p.mainShare,
      format: 'pct',
      value: (f, y) => ratio(figures(f, y)?.mainBusinessRevenue, figures(f, y)?.revenue),
    },
    {
      id: 'growth',
      no: '2',
      category: 'specialisation',
      nameZh: '近2年主营业务收入平均增长率',
      nameEn: '2-year average main-business growth',
      table: p.growth,
      format: 'pct',
      value: (f, y, d) => avgGrowth(f, y, at(p.growthMethod, d)),
    },
    {
      id: 'niche_years',
      no: '3',
      category: 'specialisation',
      nameZh: '从事特定细分市场年限',
      nameEn: 'years in the niche market',
      table: p.niche,
      format: 'years',
      value: (f, y) => nicheYears(f, y),
    },
    {
      id: 'domain',
      no: '4',
      category: 'specialisation',
      nameZh: '主导产品所属领域情况',
      nameEn: 'domain of the main products',
      table: p.domain,
      test: (f) => (band) =>
        band === 'C'
          ? true
          : f.leadingProductDomain === undefined
            ? undefined
            : band === 'A'
              ? f.leadingProductDomain === 'key_link'
              : f.leadingProductDomain === 'six_foundations',
      describe: (f) => f.leadingProductDomain ?? null,
    },
    {
      id: 'digital',
      no: '5',
      category: 'refinement',
      nameZh: '数字化水平',
      nameEn: 'digital level',
      table: p.digital,
      format: 'level',
      value: (f) => f.digitalLevel,
    },
    {
      id: 'quality',
      no: '6',
      category: 'refinement',
      nameZh: '质量管理水平',
      nameEn: 'quality management',
      table: p.quality,
      additive: {
        each: p.qualityEach,
        cap: p.qualityCap,
        items: (f) => [
          f.quality?.provincialQualityAward,
          f.quality?.managementCertification,
          f.quality?.ownBrand,
          f.quality?.standardsDrafting,
        ],
      },
    },
    {
      id: 'net_margin',
      no: '7',
      category: 'refinement',
      nameZh: '净利润率',
      nameEn: 'net profit margin',
      table: p.margin,
      format: 'pct',
      value: (f, y) => ratio(figures(f, y)?.netProfit, figures(f, y)?.revenue),
    },
    {
      id: 'debt_ratio',
      no: '8',
      category: 'refinement',
      nameZh: '资产负债率',
      nameEn: 'debt ratio',
      table: p.debt,
      format: 'pct',
      value: (f, y) => ratio(figures(f, y)?.totalLiabilities, figures(f, y)?.totalAssets),
    },
    {
      id: 'sd_priority_industry',
      no: '9.1',
      category: 'characteristic',
      nameZh: '属于本省重点产业领域情况',
      nameEn: 'Shandong priority industry',
      table: p.sdIndustry,
      test: (f) => (band) =>
        band === 'E' ? true : f.shandong?.priorityIndustry === undefined ? undefined : f.shandong.priorityIndustry === band,
      describe: (f) => f.shandong?.priorityIndustry ?? null,
    },
    {
      id: 'sd_innovation',
      no: '9.2',
      category: 'characteristic',
      nameZh: '创新生产经营情况',
      nameEn: 'innovative operations (Shandong)',
      table: p.sdInnovation,
      additive: {
        each: p.sdInnovationEach,
        cap: p.sdInnovationCap,
        items: (f) =>
          ['A', 'B', 'C', 'D', 'E', 'F'].map((k) =>
            f.shandong?.innovationItems === undefined ? undefined : f.shandong.innovationItems.includes(k),
          ),
      },
    },
    {
      id: 'sd_market_share',
      no: '9.3',
      category: 'characteristic',
      nameZh: '主导产品细分市场占有率情况',
      nameEn: 'niche market share (Shandong)',
      table: p.sdShare,
      test: (f, _y, d) => (band) => {
        const m = f.marketShare;
        if (band === 'D') return true;
        if (!m) return undefined;
        const rank = (r: number | undefined, n: number) => (r === undefined ? undefined : r <= n);
        const or = (...xs: (boolean | undefined)[]) =>
          xs.some((x) => x === true) ? true : xs.some((x) => x === undefined) ? undefined : false;
        if (band === 'A')
          return or(m.domestic === undefined ? undefined : exceeds(m.domestic, at(p.sdShareMin, d)), rank(m.domesticRank, 3));
        if (band === 'B') return or(rank(m.domesticRank, 10), rank(m.provinceRank, 3));
        return rank(m.provinceRank, 10);
      },
      describe: (f) =>
        f.marketShare
          ? `国内占有率${pct(f.marketShare.domestic)}，全国第${f.marketShare.domesticRank ?? '—'}，省内第${f.marketShare.provinceRank ?? '—'}`
          : null,
    },
    {
      id: 'sd_listing',
      no: '9.4',
      category: 'characteristic',
      nameZh: '上市进展情况',
      nameEn: 'listing progress (Shandong)',
      table: p.sdListing,
      test: (f) => (band) =>
        band === 'B'
          ? true
          : f.shandong?.listing === undefined
            ? f.listed === true
              ? true
              : undefined
            : f.shandong.listing === 'listed',
      describe: (f) => f.shandong?.listing ?? null,
    },
    {
      id: 'ip',
      no: '10',
      category: 'innovation',
      nameZh: '与企业主导产品相关的有效知识产权数量',
      nameEn: 'IP related to the main products',
      table: p.ip,
      test: (f, y) => {
        const ip = ipAt(f, y);
        return (band) => {
          if (band === 'E') return true;
          if (!ip) return undefined;
          return band === 'A'
            ? has(ip.class1HighValue)
            : band === 'B'
              ? has(ip.class1SelfDeveloped)
              : band === 'C'
                ? has(ip.class1)
                : has(ip.class2);
        };
      },
      describe: (f, y) => {
        const ip = ipAt(f, y);
        return ip ? `Ⅰ类${ip.class1 ?? '—'}项（高价值${ip.class1HighValue ?? '—'}），Ⅱ类${ip.class2 ?? '—'}项` : null;
      },
    },
    {
      id: 'rd',
      no: '11',
      category: 'innovation',
      nameZh: '研发费用投入',
      nameEn: 'R&D expense',
      table: p.rd,
      test: (f, y, d) => {
        const fig = figures(f, y);
        const amount = fig?.rdExpense;
        const r = ratio(fig?.rdExpense, fig?.revenue);
        const am = at(p.rdAmount, d).bands;
        const rt = at(p.rdRatio, d).bands;
        return (band) => {
          const a = am.find((b) => b.band === band);
          const t = rt.find((b) => b.band === band);
          if (a?.min === undefined || t?.min === undefined) return true;
          if (amount === undefined) return undefined;
          return reaches(amount, a.min) || (r !== undefined && reaches(r, t.min));
        };
      },
      describe: (f, y) => {
        const fig = figures(f, y);
        return fig?.rdExpense === undefined ? null : `${wan(fig.rdExpense)}，占${pct(ratio(fig.rdExpense, fig.revenue))}`;
      },
    },
    {
      id: 'rd_staff',
      no: '12',
      category: 'innovation',
      nameZh: '研发人员占比',
      nameEn: 'R&D staff share',
      table: p.rdStaff,
      format: 'pct',
      value: (f, y) => ratio(figures(f, y)?.rdStaff, figures(f, y)?.employees),
    },
    {
      id: 'institution',
      no: '13',
      category: 'innovation',
      nameZh: '建立研发机构级别',
      nameEn: 'R&D institution level',
      table: p.institution,
      test: (f, y, d) => {
        if (f.honours === undefined) return (band) => (band === 'E' ? true : undefined);
        const inst = honoursIn(f, at(institutionKinds, d), null, 0, y + 1);
        const best = Math.min(...inst.map((h) => LEVEL_ORDER.indexOf(h.level)), 99);
        return (band) => (band === 'E' ? true : best === 'ABCD'.indexOf(band));
      },
      describe: (f, y) => {
        const inst =
          f.honours?.filter((h) => INNOVATIVE.institutionKinds.values[0]?.value?.includes(h.kind) && h.year <= y + 1) ?? [];
        return f.honours === undefined
          ? null
          : inst.length === 0
            ? '未记录研发机构'
            : inst.map((h) => h.name ?? h.kind).join('、');
      },
    },
  ];
}

export const SPECIALIZED_2022: StandardVersion<TierFacts, TierResult> = {
  id: 'specialized_sme@2022',
  standard: 'specialized_sme',
  titleZh: '专精特新中小企业',
  titleEn: 'Specialised, refined, distinctive and innovative SME',
  documentZh: `${DOC}；${SD}`,
  effectiveFrom: FROM,
  effectiveFromReference: R('发布', { unverified: 'Issued June 2022; 2022-06-01 assumed (as 附件1).' }),
  formula: { id: 'specialized_sme', version: '2022-06' },
  parameters: [
    ...Object.values(P),
    INNOVATIVE.institutionKinds,
    INNOVATIVE.awardKinds,
    INNOVATIVE.recentYears,
    SME_SIZE_TABLE,
    PREVIOUS_YEAR,
  ] as Parameter<unknown>[],
  compile(ctx) {
    const p = Object.fromEntries(
      Object.entries(P).map(([k, v]) => [k, ctx.param(v as Parameter<unknown>)]),
    ) as unknown as typeof P;
    const instKinds = ctx.param(INNOVATIVE.institutionKinds);
    const awardKinds = ctx.param(INNOVATIVE.awardKinds);
    const recentP = ctx.param(INNOVATIVE.recentYears);
    const sizeTable = ctx.param(SME_SIZE_TABLE);
    const prev = ctx.param(PREVIOUS_YEAR);
    const specs = indicators(p, instKinds);
    return (f, date, opts) => {
      const explain = opts?.explain !== false;
      const y = yearOf(date);
      const year = y - at(prev, date);
      const recent = at(recentP, date);
      const fig = figures(f, year);
      const scored = scoreAll(specs, CATEGORIES, p.pass, f, year, date, explain);

      const niche = nicheYears(f, year);
      const nicheMin = at(p.nicheMin, date);
      const rd = fig?.rdExpense;
      const rdR = ratio(fig?.rdExpense, fig?.revenue);
      const rdMin = at(p.rdMin, date);
      const rdRatioMin = at(p.rdRatioMin, date);
      const rev = fig?.revenue;
      const revMin = at(p.revenueMin, date);
      const eq2 = equityIn(f, year - 1, year);
      const eqAlt = at(p.equityAltMin, date);

      const c1 = condition(
        'specialized_niche',
        '从事特定细分市场时间达到2年以上',
        niche === undefined ? 'no_data' : reaches(niche, nicheMin) ? 'met' : 'not_met',
        niche === undefined ? null : `${niche}年`,
        `≥ ${nicheMin}年`,
        niche === undefined
          ? { zh: '从事特定细分市场时间：无数据', en: 'years in the niche market: no data' }
          : {
              zh: `从事特定细分市场${niche}年，需${nicheMin}年以上`,
              en: `${niche} years in the niche market, needs ${nicheMin}`,
            },
      );
      const rdOk = rd === undefined || rdR === undefined ? undefined : reaches(rd, rdMin) && reaches(rdR, rdRatioMin);
      const c2 = condition(
        'specialized_rd',
        '上年度研发费用总额不低于100万元，且占营业收入总额比重不低于3%',
        tri(rdOk),
        rd === undefined ? null : `${wan(rd)}，${pct(rdR)}`,
        `≥ ${wan(rdMin)} 且 ≥ ${pct(rdRatioMin)}`,
        rdOk === undefined
          ? { zh: `${year}年度研发费用或营业收入：无数据`, en: `${year} R&D expense or revenue: no data` }
          : {
              zh: `研发费用${wan(rd)}、占比${pct(rdR)}，需不低于${wan(rdMin)}且不低于${pct(rdRatioMin)}`,
              en: `R&D ${cny(rd)}, ratio ${pct(rdR)}, needs ${cny(rdMin)} and ${pct(rdRatioMin)}`,
            },
      );
      const revOk =
        rev === undefined ? undefined : reaches(rev, revMin) ? true : eq2 === undefined ? undefined : reaches(eq2, eqAlt);
      const c3 = condition(
        'specialized_revenue',
        '上年度营业收入总额在1000万元以上，或上年度营业收入总额在1000万元以下但近2年新增股权融资总额（合格机构投资者的实缴额）达到2000万元以上',
        tri(revOk),
        rev === undefined ? null : wan(rev),
        `≥ ${wan(revMin)}，或股权融资 ≥ ${wan(eqAlt)}`,
        rev === undefined
          ? { zh: `${year}年度营业收入：无数据`, en: `${year} revenue: no data` }
          : {
              zh: `营业收入${wan(rev)}，需${wan(revMin)}以上，或近2年股权融资${eq2 === undefined ? '（无数据）' : wan(eq2)}达到${wan(eqAlt)}`,
              en: `revenue ${cny(rev)}, needs ${cny(revMin)}, or equity ${eq2 === undefined ? '(no data)' : cny(eq2)} of ${cny(eqAlt)}`,
            },
      );

      const awards =
        f.honours === undefined ? undefined : honoursIn(f, at(awardKinds, date), ['national', 'provincial'], y - recent, y);
      const awardOk =
        awards === undefined
          ? undefined
          : awards.some(
              (h) =>
                h.rank !== undefined &&
                ((h.level === 'provincial' && h.rank <= at(p.provincialAwardRank, date)) ||
                  (h.level === 'national' && h.rank <= at(p.nationalAwardRank, date))),
            );
      const rdPrev = figures(f, year - 1)?.rdExpense;
      const rdAvg = rd === undefined || rdPrev === undefined ? undefined : (rd + rdPrev) / 2;
      const maker =
        f.makerChina === undefined
          ? undefined
          : f.makerChina.some((m) => m.year >= y - recent && m.year <= y && m.rank <= at(p.makerRank, date));
      const routes: RouteResult[] = [
        { id: 'score', zh: '评价得分达到60分以上', en: 'score of 60', status: scored.status },
        {
          id: 'direct_award',
          zh: '近三年获得过省级科技奖励并在获奖单位中排名前三；或获得国家级科技奖励并在获奖单位中排名前五',
          en: 'provincial award (top 3) or national award (top 5) in the last 3 years',
          status: tri(awardOk),
        },
        {
          id: 'direct_rd',
          zh: '近两年研发费用总额均值在1000万元以上',
          en: '2-year average R&D of CNY 10 m',
          status: tri(rdAvg === undefined ? undefined : reaches(rdAvg, at(p.rdAvgMin, date))),
        },
        {
          id: 'direct_equity',
          zh: '近两年新增股权融资总额（合格机构投资者的实缴额）6000万元以上',
          en: 'equity of CNY 60 m in 2 years',
          status: tri(eq2 === undefined ? undefined : reaches(eq2, at(p.equityDirectMin, date))),
        },
        {
          id: 'direct_maker',
          zh: '近三年进入“创客中国”中小企业创新创业大赛全国500强企业组名单',
          en: 'Maker China national top 500 in the last 3 years',
          status: tri(maker),
        },
      ];
      const rs = anyOf(routes.map((r) => r.status));
      const c4 = condition(
        'specialized_score_or_direct',
        '评价得分达到60分以上或满足直通条件之一',
        rs,
        `${scored.score.total}分`,
        '≥ 60分或直通',
        scored.gap ? { zh: `${scored.gap.zh}；直通条件均未满足`, en: `${scored.gap.en}; no direct route` } : undefined,
      );
      if (c4.status === 'not_met') c4.gap = { points: scored.pointsShort };
      const conditions: ConditionResult[] = [smeCondition(at(sizeTable, date), f, year), c1, c2, c3, c4];
      const status = allOf(conditions.map((c) => c.status));
      const missing = conditions
        .filter((c) => c.status !== 'met' && c.missing)
        .map((c) => c.missing as { zh: string; en: string });
      // Indicator gaps explain a failing score; a met standard lacks nothing.
      if (status !== 'met') for (const i of scored.indicators) if (i.missing) missing.push(i.missing);
      return {
        standard: 'specialized_sme',
        standardVersion: 'specialized_sme@2022',
        titleZh: '专精特新中小企业',
        titleEn: 'Specialised SME (专精特新)',
        documentZh: `${DOC}；${SD}`,
        date,
        figuresYear: year,
        status,
        met: status === 'met',
        route: status === 'met' ? (routes.find((r) => r.status === 'met') ?? null) : null,
        routes,
        score: scored.score,
        indicators: scored.indicators,
        conditions,
        missing,
        formula: { id: 'specialized_sme', version: '2022-06' },
      };
    };
  },
};
