/**
 * 创新型中小企业评价标准 — 优质中小企业梯度培育管理暂行办法（工信部企业〔2022〕63号）附件1.
 * Six indicators in three categories, 100 points; pass: 60 points with 创新能力 ≥ 20, 成长性 ≥ 15,
 * 专业化 ≥ 15; or one of four direct routes. From 2026-04-01 the revised 办法 (工信部企业〔2026〕2号,
 * 第三十条 as reported) keeps this standard for 科技和创新型中小企业 until a merged one is issued:
 * version `innovative_sme@2026` is the same formula under the new document's name.
 */
import type { Parameter, Reference } from '../core/parameter.ts';
import type { StandardVersion } from '../core/standard.ts';
import type { TierFacts } from './facts.ts';
import { scoreAll, type CategorySpec, type IndicatorSpec } from './scoring.ts';
import { SME_SIZE_TABLE, smeCondition } from './sme-size-2011.ts';
import {
  PREVIOUS_YEAR,
  allOf,
  anyOf,
  at,
  condition,
  equityIn,
  figures,
  growth,
  honoursIn,
  ipAt,
  ratio,
  reaches,
  ref,
  wan,
  cny,
  yearOf,
  type BandTable,
  type RouteResult,
  type Status,
  type TierResult,
} from './shared.ts';

const DOC = '优质中小企业梯度培育管理暂行办法（工信部企业〔2022〕63号）附件1 创新型中小企业评价标准';
const R = (clause: string, extra: Partial<Reference> = {}): Reference => ref(DOC, clause, extra);
const FROM = '2022-06-01';
const ISSUED_UNVERIFIED =
  'Issued June 2022 (工信微报 2022-06-27/28); the exact effective date is not in the reference notes — 2022-06-01 assumed.';

/** The pass rule as printed. */
export const INNOVATIVE_2022_PASS_TEXT =
  '评价得分达到60分以上，其中创新能力指标得分不低于20分、成长性指标及专业化指标得分均不低于15分';

function bands(id: string, zh: string, en: string, table: BandTable, clause: string): Parameter<BandTable> {
  return {
    id,
    descriptionZh: zh,
    descriptionEn: en,
    unit: 'bands',
    values: [{ from: FROM, value: table, reference: R(clause) }],
  };
}
function num(
  id: string,
  zh: string,
  en: string,
  unit: Parameter<number>['unit'],
  value: number,
  clause: string,
  extra: Partial<Reference> = {},
): Parameter<number> {
  return { id, descriptionZh: zh, descriptionEn: en, unit, values: [{ from: FROM, value, reference: R(clause, extra) }] };
}
function list(
  id: string,
  zh: string,
  en: string,
  value: readonly string[],
  clause: string,
  interpretation?: string,
  extra: Partial<Reference> = {},
): Parameter<readonly string[]> {
  const p: Parameter<readonly string[]> = {
    id,
    descriptionZh: zh,
    descriptionEn: en,
    unit: 'list',
    values: [{ from: FROM, value, reference: R(clause, extra) }],
  };
  if (interpretation) p.interpretation = interpretation;
  return p;
}

export const P = {
  ipBands: bands(
    'innovative_2022_ip_bands',
    '与企业主导产品相关的有效知识产权数量',
    'Valid IP related to the main products',
    {
      better: 'predicate',
      bands: [
        { band: 'A', labelZh: 'Ⅰ类高价值知识产权1项以上', points: 20 },
        { band: 'B', labelZh: '自主研发的Ⅰ类知识产权1项以上', points: 15 },
        { band: 'C', labelZh: 'Ⅰ类知识产权1项以上', points: 10 },
        { band: 'D', labelZh: 'Ⅱ类知识产权1项以上', points: 5 },
        { band: 'E', labelZh: '无', points: 0 },
      ],
    },
    '评价指标 1',
  ),
  rdBands: bands(
    'innovative_2022_rd_ratio_bands',
    '上年度研发费用总额占营业收入总额比重',
    'R&D expense / revenue, last year',
    {
      better: 'higher',
      bands: [
        { band: 'A', labelZh: '5%以上', points: 20, min: 0.05 },
        { band: 'B', labelZh: '3%-5%', points: 15, min: 0.03 },
        { band: 'C', labelZh: '2%-3%', points: 10, min: 0.02 },
        { band: 'D', labelZh: '1%-2%', points: 5, min: 0.01 },
        { band: 'E', labelZh: '1%以下', points: 0 },
      ],
    },
    '评价指标 2',
  ),
  growthBands: bands(
    'innovative_2022_growth_bands',
    '上年度主营业务收入增长率',
    'Main-business revenue growth, last year',
    {
      better: 'higher',
      bands: [
        { band: 'A', labelZh: '15%以上', points: 20, min: 0.15 },
        { band: 'B', labelZh: '10%-15%', points: 15, min: 0.1 },
        { band: 'C', labelZh: '5%-10%', points: 10, min: 0.05 },
        { band: 'D', labelZh: '0%-5%', points: 5, min: 0 },
        { band: 'E', labelZh: '0%以下', points: 0 },
      ],
    },
    '评价指标 3',
  ),
  debtBands: bands(
    'innovative_2022_debt_ratio_bands',
    '上年度资产负债率',
    'Debt ratio, last year end',
    {
      better: 'lower',
      bands: [
        { band: 'A', labelZh: '55%以下', points: 10, max: 0.55 },
        { band: 'B', labelZh: '55%-75%', points: 5, max: 0.75 },
        { band: 'C', labelZh: '75%以上', points: 0 },
      ],
    },
    '评价指标 4',
  ),
  domainBands: bands(
    'innovative_2022_domain_bands',
    '主导产品所属领域情况',
    'Domain of the main products',
    {
      better: 'predicate',
      bands: [
        { band: 'A', labelZh: '属于《战略性新兴产业分类》', points: 10 },
        { band: 'B', labelZh: '属于其他领域', points: 5 },
      ],
    },
    '评价指标 5',
  ),
  mainShareBands: bands(
    'innovative_2022_main_share_bands',
    '上年度主营业务收入总额占营业收入总额比重',
    'Main-business share of revenue, last year',
    {
      better: 'higher',
      bands: [
        { band: 'A', labelZh: '70%以上', points: 20, min: 0.7 },
        { band: 'B', labelZh: '60%-70%', points: 15, min: 0.6 },
        { band: 'C', labelZh: '55%-60%', points: 10, min: 0.55 },
        { band: 'D', labelZh: '50%-55%', points: 5, min: 0.5 },
        { band: 'E', labelZh: '50%以下', points: 0 },
      ],
    },
    '评价指标 6',
  ),
  pass: num('innovative_2022_pass_points', '评价得分达到60分以上', 'Pass mark', 'points', 60, '公告条件'),
  minInnovation: num(
    'innovative_2022_min_innovation_points',
    '创新能力指标得分不低于20分',
    'Innovation category minimum',
    'points',
    20,
    '公告条件',
  ),
  minGrowth: num(
    'innovative_2022_min_growth_points',
    '成长性指标得分不低于15分',
    'Growth category minimum',
    'points',
    15,
    '公告条件',
  ),
  minSpecialisation: num(
    'innovative_2022_min_specialisation_points',
    '专业化指标得分不低于15分',
    'Specialisation category minimum',
    'points',
    15,
    '公告条件',
  ),
  recentYears: num('innovative_2022_recent_years', '“近三年”的年数', 'Years of "近三年"', 'years', 3, '公告条件 直通 1、4'),
  awardKinds: list(
    'innovative_2022_award_kinds',
    '科技奖励的荣誉类型',
    'Honour kinds that are science awards',
    ['science_award'],
    '直通条件 1',
    'Honours recorded with kind science_award (国家级、省级科学技术奖) count; the registry records other honours under their own kinds.',
  ),
  awardLevels: list(
    'innovative_2022_award_levels',
    '国家级、省级科技奖励',
    'Award levels',
    ['national', 'provincial'],
    '直通条件 1',
  ),
  honourKinds: list(
    'innovative_2022_honour_kinds',
    '高新技术企业、国家级技术创新示范企业、知识产权优势企业和知识产权示范企业',
    'Honours that qualify directly (within validity)',
    ['high_tech_enterprise', 'national_tech_innovation_demo', 'ip_advantage', 'ip_demonstration'],
    '直通条件 2',
    'The registry kind provincial_tech_innovation_demo (省级) does not count: the text says 国家级.',
  ),
  honourValidityYears: num(
    'innovative_2022_honour_validity_years',
    '荣誉有效期（年）',
    'Honour validity, years',
    'years',
    3,
    '直通条件 2 “均为有效期内”',
    {
      unverified:
        '高新技术企业 certificates run 3 years (国科发火〔2016〕32号); the same period is assumed for the other honours, whose validity the reference notes do not record.',
    },
  ),
  institutionKinds: list(
    'innovative_2022_institution_kinds',
    '经认定的研发机构',
    'Recognised R&D institutions',
    [
      'national_tech_center',
      'provincial_tech_center',
      'city_tech_center',
      'one_firm_one_tech',
      'research_institution',
      'engineering_center',
      'key_laboratory',
    ],
    '直通条件 3',
    '省级企业技术中心 and 山东省“一企一技术”研发中心 are read as 省部级研发机构; the level of the honour decides (this route takes provincial and national ones).',
  ),
  institutionLevels: list(
    'innovative_2022_institution_levels',
    '省部级以上',
    'Provincial or national',
    ['provincial', 'national'],
    '直通条件 3',
  ),
  equityMin: num(
    'innovative_2022_equity_min',
    '近三年新增股权融资总额（合格机构投资者的实缴额）500万元以上',
    'Equity raised in 3 years',
    'yuan',
    5_000_000,
    '直通条件 4',
  ),
};

export const CATEGORIES_2022: readonly CategorySpec[] = [
  { id: 'innovation', zh: '创新能力', en: 'Innovation', max: 40, min: P.minInnovation },
  { id: 'growth', zh: '成长性', en: 'Growth', max: 30, min: P.minGrowth },
  { id: 'specialisation', zh: '专业化', en: 'Specialisation', max: 30, min: P.minSpecialisation },
];

const has = (n: number | undefined): boolean | undefined => (n === undefined ? undefined : n >= 1);

export const INDICATORS_2022: readonly IndicatorSpec[] = [
  {
    id: 'ip',
    no: '1',
    category: 'innovation',
    nameZh: '与企业主导产品相关的有效知识产权数量',
    nameEn: 'IP related to the main products',
    table: P.ipBands,
    test: (f, year) => {
      const ip = ipAt(f, year);
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
    describe: (f, year) => {
      const ip = ipAt(f, year);
      return ip
        ? `Ⅰ类${ip.class1 ?? '—'}项（高价值${ip.class1HighValue ?? '—'}，自主研发${ip.class1SelfDeveloped ?? '—'}），Ⅱ类${ip.class2 ?? '—'}项`
        : null;
    },
  },
  {
    id: 'rd_ratio',
    no: '2',
    category: 'innovation',
    nameZh: '研发费用占营业收入比重',
    nameEn: 'R&D ratio',
    table: P.rdBands,
    format: 'pct',
    value: (f, year) => ratio(figures(f, year)?.rdExpense, figures(f, year)?.revenue),
  },
  {
    id: 'growth',
    no: '3',
    category: 'growth',
    nameZh: '主营业务收入增长率',
    nameEn: 'main-business revenue growth',
    table: P.growthBands,
    format: 'pct',
    value: (f, year) => growth(figures(f, year)?.mainBusinessRevenue, figures(f, year - 1)?.mainBusinessRevenue),
  },
  {
    id: 'debt_ratio',
    no: '4',
    category: 'growth',
    nameZh: '资产负债率',
    nameEn: 'debt ratio',
    table: P.debtBands,
    format: 'pct',
    value: (f, year) => ratio(figures(f, year)?.totalLiabilities, figures(f, year)?.totalAssets),
  },
  {
    id: 'domain',
    no: '5',
    category: 'specialisation',
    nameZh: '主导产品所属领域情况',
    nameEn: 'domain of the main products',
    table: P.domainBands,
    test: (f) => (band) => (band === 'A' ? f.strategicEmerging : true),
    describe: (f) => (f.strategicEmerging === undefined ? null : f.strategicEmerging ? '战略性新兴产业' : '其他领域'),
  },
  {
    id: 'main_share',
    no: '6',
    category: 'specialisation',
    nameZh: '主营业务收入占营业收入比重',
    nameEn: 'main-business share',
    table: P.mainShareBands,
    format: 'pct',
    value: (f, year) => ratio(figures(f, year)?.mainBusinessRevenue, figures(f, year)?.revenue),
  },
];

interface Meta {
  id: string;
  titleZh: string;
  titleEn: string;
  documentZh: string;
  effectiveFrom: string;
  reference: Reference;
  formulaVersion: string;
}

function innovativeVersion(meta: Meta): StandardVersion<TierFacts, TierResult> {
  return {
    id: meta.id,
    standard: 'innovative_sme',
    titleZh: meta.titleZh,
    titleEn: meta.titleEn,
    documentZh: meta.documentZh,
    effectiveFrom: meta.effectiveFrom,
    effectiveFromReference: meta.reference,
    formula: { id: 'innovative_sme', version: meta.formulaVersion },
    parameters: [...Object.values(P), SME_SIZE_TABLE, PREVIOUS_YEAR] as Parameter<unknown>[],
    compile(ctx) {
      const p = Object.fromEntries(
        Object.entries(P).map(([k, v]) => [k, ctx.param(v as Parameter<unknown>)]),
      ) as unknown as typeof P;
      const sizeTable = ctx.param(SME_SIZE_TABLE);
      const prev = ctx.param(PREVIOUS_YEAR);
      const specs = INDICATORS_2022.map((s) => ({ ...s, table: ctx.param(s.table) }));
      const cats = CATEGORIES_2022.map((c) => ({ ...c, min: c.min ? ctx.param(c.min) : null }));
      return (f, date, opts) => {
        const explain = opts?.explain !== false;
        const y = yearOf(date);
        const year = y - at(prev, date);
        const recent = at(p.recentYears, date);
        const sme = smeCondition(at(sizeTable, date), f, year);
        const scored = scoreAll(specs, cats, p.pass, f, year, date, explain);

        const awards =
          f.honours === undefined
            ? undefined
            : honoursIn(f, at(p.awardKinds, date), at(p.awardLevels, date), y - recent, y).length > 0;
        const validity = at(p.honourValidityYears, date);
        const honours = f.honours === undefined ? undefined : honoursIn(f, at(p.honourKinds, date), null, y - validity + 1, y);
        const inst =
          f.honours === undefined ? undefined : honoursIn(f, at(p.institutionKinds, date), at(p.institutionLevels, date), 0, y);
        const equity = equityIn(f, year - recent + 1, year);
        const equityMin = at(p.equityMin, date);
        const tri = (b: boolean | undefined): Status => (b === undefined ? 'no_data' : b ? 'met' : 'not_met');
        const routes: RouteResult[] = [
          {
            id: 'score',
            zh: '评价得分60分以上且各类指标达到最低分',
            en: 'score of 60 with the category minimums',
            status: scored.status,
          },
          {
            id: 'direct_award',
            zh: '近三年内获得过国家级、省级科技奖励',
            en: 'national or provincial science award in the last 3 years',
            status: tri(awards),
          },
          {
            id: 'direct_honour',
            zh: '获得高新技术企业、国家级技术创新示范企业、知识产权优势企业和知识产权示范企业等荣誉（均为有效期内）',
            en: 'high-tech enterprise or a similar honour in force',
            status: tri(honours === undefined ? undefined : honours.length > 0),
          },
          {
            id: 'direct_institution',
            zh: '拥有经认定的省部级以上研发机构',
            en: 'a recognised provincial or national R&D institution',
            status: tri(inst === undefined ? undefined : inst.length > 0),
          },
          {
            id: 'direct_equity',
            zh: '近三年新增股权融资总额（合格机构投资者的实缴额）500万元以上',
            en: 'equity of CNY 5 m raised in the last 3 years',
            status: tri(equity === undefined ? undefined : reaches(equity, equityMin)),
          },
        ];
        const routeStatus = anyOf(routes.map((r) => r.status));
        const conditions = [
          sme,
          condition(
            'innovative_pass',
            `${INNOVATIVE_2022_PASS_TEXT}；或满足直通条件之一`,
            routeStatus,
            `${scored.score.total}分`,
            '60分（创新能力≥20、成长性≥15、专业化≥15）或直通条件',
            routeStatus === 'met'
              ? undefined
              : {
                  zh: `${scored.gap?.zh ?? ''}；直通条件均未满足${equity === undefined ? '（股权融资无数据）' : `（近三年股权融资${wan(equity)}，需${wan(equityMin)}）`}`,
                  en: `${scored.gap?.en ?? ''}; no direct route${equity === undefined ? ' (equity financing: no data)' : ` (equity ${cny(equity)}, needs ${cny(equityMin)})`}`,
                },
          ),
        ];
        const passCond = conditions[1];
        // Close to passing by score: the points short (direct routes have no measurable gap).
        if (passCond && passCond.status === 'not_met') passCond.gap = { points: scored.pointsShort };
        const status = allOf(conditions.map((c) => c.status));
        const route = status === 'met' ? (routes.find((r) => r.status === 'met') ?? null) : null;
        const missing = conditions
          .filter((c) => c.status !== 'met' && c.missing)
          .map((c) => c.missing as { zh: string; en: string });
        // Indicator gaps explain a failing score; a met standard lacks nothing.
        if (status !== 'met') for (const i of scored.indicators) if (i.missing) missing.push(i.missing);
        return {
          standard: 'innovative_sme',
          standardVersion: meta.id,
          titleZh: meta.titleZh,
          titleEn: meta.titleEn,
          documentZh: meta.documentZh,
          date,
          figuresYear: year,
          status,
          met: status === 'met',
          route,
          routes,
          score: scored.score,
          indicators: scored.indicators,
          conditions,
          missing,
          formula: { id: 'innovative_sme', version: meta.formulaVersion },
        };
      };
    },
  };
}

export const INNOVATIVE_2022 = innovativeVersion({
  id: 'innovative_sme@2022',
  titleZh: '创新型中小企业',
  titleEn: 'Innovative SME',
  documentZh: DOC,
  effectiveFrom: FROM,
  reference: R('发布', { unverified: ISSUED_UNVERIFIED }),
  formulaVersion: '2022-06',
});

export const DOC_2026 = '优质中小企业梯度培育管理办法（工信部企业〔2026〕2号）';
export const UNVERIFIED_2026 =
  'Document number, effective date and criteria of the 2026 办法 come from two third-party policy tools (tier-standards.md §1.5), not from the official text.';

export const INNOVATIVE_2026 = innovativeVersion({
  id: 'innovative_sme@2026',
  titleZh: '科技和创新型中小企业',
  titleEn: 'Technology-based and innovative SME',
  documentZh: `${DOC_2026}第三十条：新标准发布前继续适用2022年附件1创新型中小企业评价标准`,
  effectiveFrom: '2026-04-01',
  reference: ref(DOC_2026, '第三十条', { unverified: UNVERIFIED_2026 }),
  formulaVersion: '2022-06',
});
