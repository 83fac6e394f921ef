/**
 * 山东省瞪羚企业 — 《山东省瞪羚、独角兽企业认定管理办法》（鲁工信发〔2020〕8号）, application
 * conditions as recorded in tier-standards.md §2.2 (text from a third-party page "matching the 2020
 * 办法 structure — attribute with care"). 资产负债率“低于70%” is strict (the boundary rule).
 */
import type { Parameter, Reference } from '../core/parameter.ts';
import type { StandardVersion } from '../core/standard.ts';
import type { TierFacts } from './facts.ts';
import { listParam, numParam, resolveAll } from './params.ts';
import {
  PREVIOUS_YEAR,
  at,
  check,
  combine,
  conditionsResult,
  figures,
  flag,
  ipAt,
  ratio,
  reaches,
  ref,
  yearOf,
  type ConditionResult,
  type TierResult,
} from './shared.ts';

const FROM = '2020-09-01';
const DOC = '山东省瞪羚、独角兽企业认定管理办法（鲁工信发〔2020〕8号）';
const NOTE = 'https://www.maigoo.com/news/603739.html via tier-standards.md §2.2';
const R = (clause: string, extra: Partial<Reference> = {}): Reference => ref(DOC, clause, { note: NOTE, ...extra });

export interface GrowthBand {
  /** Lower bound of last year's revenue (inclusive), yuan. */
  revenueFrom: number;
  labelZh: string;
  /** Required 2-year CAGR of revenue or net profit. */
  cagr: number;
}

export const P = {
  growthBands: {
    id: 'gazelle_2020_growth_bands',
    descriptionZh: '成长性：按上年度营业收入分档，近两年营收或净利润复合增长率持续达到',
    descriptionEn: 'Required 2-year CAGR by revenue band',
    unit: 'bands',
    interpretation:
      'Band edges follow the boundary rule: a revenue exactly on an edge belongs to the higher band (the lower requirement). Below 1000万元 no band applies.',
    values: [
      {
        from: FROM,
        reference: R('申报条件（四）', { unverified: 'Band-edge inclusivity is not specified in the excerpt.' }),
        value: [
          { revenueFrom: 400_000_000, labelZh: '4亿元以上', cagr: 0.1 },
          { revenueFrom: 100_000_000, labelZh: '1亿–4亿元', cagr: 0.15 },
          { revenueFrom: 20_000_000, labelZh: '2000万–1亿元', cagr: 0.2 },
          { revenueFrom: 10_000_000, labelZh: '1000万–2000万元', cagr: 0.25 },
        ],
      },
    ],
  } as Parameter<readonly GrowthBand[]>,
  yearsMin: numParam(
    'gazelle_2020_operating_years_min',
    '持续经营三年以上（满三个会计年度）',
    'years',
    3,
    FROM,
    R('申报条件（三）'),
  ),
  debtBelow: numParam('gazelle_2020_debt_ratio_below', '资产负债率低于70%', 'ratio', 0.7, FROM, R('申报条件（三）')),
  rdBracket: numParam('gazelle_2020_rd_bracket', '上年度营收1亿元', 'yuan', 100_000_000, FROM, R('申报条件（五）')),
  rdHigh: numParam(
    'gazelle_2020_rd_ratio_large',
    '营收≥1亿元：近两年研发投入强度持续≥2.5%',
    'ratio',
    0.025,
    FROM,
    R('申报条件（五）'),
  ),
  rdLow: numParam(
    'gazelle_2020_rd_ratio_small',
    '营收<1亿元：近两年研发投入强度持续≥5%',
    'ratio',
    0.05,
    FROM,
    R('申报条件（五）'),
  ),
  inventionMin: numParam('gazelle_2020_invention_patents_min', '发明专利授权2件', 'count', 2, FROM, R('申报条件（五）')),
  minorIpMin: numParam('gazelle_2020_minor_ip_min', '实用新型专利+软件著作权合计≥8件', 'count', 8, FROM, R('申报条件（五）')),
  standardsMin: numParam('gazelle_2020_standards_min', '主导制定国际/国家/行业标准1项', 'count', 1, FROM, R('申报条件（五）')),
  creditMin: numParam(
    'gazelle_2020_credit_score_min',
    '独立第三方信用评级机构综合信用评分≥75分',
    'points',
    75,
    FROM,
    R('申报条件（六）'),
  ),
  industries: listParam(
    'gazelle_2020_industry_basis',
    '产业领域符合国家和省战略发展方向（战略新兴产业、新旧动能转换“十强”产业和工业“四基”等）',
    ['strategic_emerging'],
    FROM,
    R('申报条件（二）'),
    'The registry knows 战略性新兴产业 only: true meets the condition; false leaves it open (十强/四基 may apply; the yearly notice decides).',
  ),
};

export function fullFiscalYears(establishedOn: string, year: number): number {
  const est = yearOf(establishedOn);
  const first = establishedOn.slice(5) === '01-01' ? est : est + 1;
  return Math.max(0, year - first + 1);
}

export function cagr2(cur: number | undefined, base: number | undefined): number | undefined {
  if (cur === undefined || base === undefined || base <= 0 || cur < 0) return undefined;
  return Math.sqrt(cur / base) - 1;
}

export const GAZELLE_2020: StandardVersion<TierFacts, TierResult> = {
  id: 'gazelle@2020',
  standard: 'gazelle',
  titleZh: '山东省瞪羚企业',
  titleEn: 'Shandong gazelle enterprise',
  documentZh: DOC,
  effectiveFrom: FROM,
  effectiveFromReference: R('发布', { unverified: 'Issued 2020-09 (大众日报 2024-09-11); 2020-09-01 assumed.' }),
  formula: { id: 'gazelle', version: '2020-09' },
  parameters: [...Object.values(P), PREVIOUS_YEAR] as Parameter<unknown>[],
  compile(ctx) {
    const p = resolveAll(P, ctx.param);
    const prev = ctx.param(PREVIOUS_YEAR);
    return (f, date) => {
      const year = yearOf(date) - at(prev, date);
      const fig = figures(f, year);
      const figPrev = figures(f, year - 1);
      const fig2 = figures(f, year - 2);
      const c1 = flag(
        'gazelle_shandong',
        '在山东省内注册，经营纳税及信用情况良好的独立法人企业',
        '山东省内注册',
        'registered in Shandong',
        f.registeredInShandong,
      );
      const c2 = flag(
        'gazelle_industry',
        '产业领域符合国家和省战略发展方向（战略新兴产业、新旧动能转换“十强”产业和工业“四基”等）',
        '战略性新兴产业',
        'strategic emerging industry',
        f.strategicEmerging === true ? true : undefined,
      );
      if (c2.status === 'no_data')
        c2.missing = {
          zh: '产业领域：未记录为战略性新兴产业，是否属于“十强”产业或工业“四基”无数据',
          en: 'industry: not recorded as strategic emerging; 十强/四基 membership: no data',
        };
      const c3 = combine(
        'gazelle_operations',
        '持续经营三年以上（满三个会计年度）；资产负债率低于70%；尚未在境内外股票市场上市，且非上市公司控股或并购',
        [
          check(
            'years',
            '',
            '满会计年度数',
            'full fiscal years',
            f.establishedOn === undefined ? undefined : fullFiscalYears(f.establishedOn, year),
            'reaches',
            at(p.yearsMin, date),
            'years',
          ),
          check(
            'debt',
            '',
            '资产负债率',
            'debt ratio',
            ratio(fig?.totalLiabilities, fig?.totalAssets),
            'below',
            at(p.debtBelow, date),
            'pct',
          ),
          flag('unlisted', '', '未上市', 'not listed', f.listed === undefined ? undefined : !f.listed),
          flag(
            'not_controlled',
            '',
            '非上市公司控股或并购',
            'not controlled by a listed company',
            f.controlledByListed === undefined ? undefined : !f.controlledByListed,
          ),
        ],
      );
      const rev = fig?.revenue;
      let c4: ConditionResult;
      const band = rev === undefined ? undefined : at(p.growthBands, date).find((b) => reaches(rev, b.revenueFrom));
      if (rev === undefined) c4 = check('gazelle_growth', '成长性', '营业收入', 'revenue', undefined, 'reaches', 0, 'wan');
      else if (band === undefined) {
        const lowest = Math.min(...at(p.growthBands, date).map((b) => b.revenueFrom));
        c4 = check('gazelle_growth', '成长性：上年度营收1000万元以上', '营业收入', 'revenue', rev, 'reaches', lowest, 'wan');
      } else {
        c4 = combine(
          'gazelle_growth',
          `成长性：上年度营收${band.labelZh}，近两年营收或净利润复合增长率持续达到${Math.round(band.cagr * 100)}%`,
          [
            check(
              'revenue_cagr',
              '',
              '近两年营收复合增长率',
              '2-year revenue CAGR',
              cagr2(rev, fig2?.revenue),
              'reaches',
              band.cagr,
              'pct',
            ),
            check(
              'profit_cagr',
              '',
              '近两年净利润复合增长率',
              '2-year net-profit CAGR',
              cagr2(fig?.netProfit, fig2?.netProfit),
              'reaches',
              band.cagr,
              'pct',
            ),
          ],
          'any',
        );
      }
      const rdMin = rev !== undefined && reaches(rev, at(p.rdBracket, date)) ? at(p.rdHigh, date) : at(p.rdLow, date);
      const ip = ipAt(f, year);
      const minor =
        ip?.utilityModels === undefined || ip.softwareCopyrights === undefined
          ? undefined
          : ip.utilityModels + ip.softwareCopyrights;
      const c5 = combine(
        'gazelle_innovation',
        '创新能力：近两年研发投入强度持续达到（营收≥1亿元2.5%，<1亿元5%）；且拥有发明专利授权2件，或实用新型专利+软件著作权≥8件，或主导制定标准1项',
        [
          check(
            'rd_y',
            '',
            `${year}年研发投入强度`,
            `${year} R&D intensity`,
            ratio(fig?.rdExpense, fig?.revenue),
            'reaches',
            rdMin,
            'pct',
          ),
          check(
            'rd_y1',
            '',
            `${year - 1}年研发投入强度`,
            `${year - 1} R&D intensity`,
            ratio(figPrev?.rdExpense, figPrev?.revenue),
            'reaches',
            rdMin,
            'pct',
          ),
          combine(
            'ip',
            '',
            [
              check(
                'invention',
                '',
                '发明专利授权',
                'invention patents',
                ip?.inventionPatents,
                'reaches',
                at(p.inventionMin, date),
                'count',
              ),
              check(
                'minor',
                '',
                '实用新型+软件著作权',
                'utility models + software copyrights',
                minor,
                'reaches',
                at(p.minorIpMin, date),
                'count',
              ),
              check(
                'standards',
                '',
                '主导制定标准',
                'standards led',
                f.standardsLed,
                'reaches',
                at(p.standardsMin, date),
                'count',
              ),
            ],
            'any',
          ),
        ],
      );
      const c6 = check(
        'gazelle_credit',
        '独立第三方信用评级机构综合信用评分≥75分',
        '综合信用评分',
        'credit score',
        f.creditScore,
        'reaches',
        at(p.creditMin, date),
        'points',
      );
      return conditionsResult(
        {
          standard: 'gazelle',
          standardVersion: 'gazelle@2020',
          titleZh: '山东省瞪羚企业',
          titleEn: 'Shandong gazelle enterprise',
          documentZh: DOC,
          date,
          figuresYear: year,
          formula: { id: 'gazelle', version: '2020-09' },
        },
        [c1, c2, c3, c4, c5, c6],
      );
    };
  },
};
