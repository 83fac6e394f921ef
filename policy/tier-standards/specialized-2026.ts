/**
 * 专精特新中小企业认定标准 (2026) — 优质中小企业梯度培育管理办法（工信部企业〔2026〕2号）附件1, in
 * force from 2026-04-01. Hard thresholds plus the platform-computed 专精特新发展评价 score; no
 * 60-point table, no direct routes, no provincial block (as reported). Every value here comes from
 * third-party tools (tier-standards.md §1.5) and carries the `unverified` note.
 */
import type { Parameter, Reference } from '../core/parameter.ts';
import type { StandardVersion } from '../core/standard.ts';
import type { TierFacts } from './facts.ts';
import { DOC_2026, P as INNOVATIVE, UNVERIFIED_2026 } from './innovative-2022.ts';
import { listParam, numParam, resolveAll } from './params.ts';
import { SME_SIZE_TABLE, smeCondition } from './sme-size-2011.ts';
import {
  PREVIOUS_YEAR,
  at,
  check,
  combine,
  conditionsResult,
  equityIn,
  figures,
  flag,
  holdsTitle,
  honoursIn,
  ipAt,
  nicheYears,
  ratio,
  ref,
  yearOf,
  type TierResult,
} from './shared.ts';

const FROM = '2026-04-01';
const DOC = `${DOC_2026}附件1 专精特新中小企业认定标准`;
const R = (clause: string): Reference => ref(DOC, clause, { unverified: UNVERIFIED_2026 });

export const P = {
  prerequisiteTitles: listParam(
    'specialized_2026_prerequisite_titles',
    '已获科技和创新型中小企业称号（有效期内）',
    ['innovative_sme'],
    FROM,
    R('一'),
  ),
  nicheMin: numParam('specialized_2026_niche_years_min', '截至上年末从事特定细分市场≥3年', 'years', 3, FROM, R('一')),
  revenueMin: numParam('specialized_2026_revenue_min', '上年度营业收入≥1500万元', 'yuan', 15_000_000, FROM, R('二')),
  equityAltMin: numParam(
    'specialized_2026_equity_alt_min',
    '近两年新增股权投资（合格机构投资者实缴）≥2000万元',
    'yuan',
    20_000_000,
    FROM,
    R('二'),
  ),
  mainShareMin: numParam('specialized_2026_main_share_min', '主营业务收入占营业收入比重≥80%', 'ratio', 0.8, FROM, R('三')),
  debtMax: numParam('specialized_2026_debt_ratio_max', '上年末资产负债率≤80%', 'ratio', 0.8, FROM, R('三')),
  rdMin: numParam('specialized_2026_rd_min', '近两年研发费用每年均≥100万元', 'yuan', 1_000_000, FROM, R('四')),
  rdRatioMin: numParam('specialized_2026_rd_ratio_min', '近两年研发费用每年占营业收入比重≥3%', 'ratio', 0.03, FROM, R('四')),
  ipMin: numParam(
    'specialized_2026_class1_min',
    '拥有≥1项与主导产品相关的Ⅰ类知识产权且实际应用产生经济效益',
    'count',
    1,
    FROM,
    R('五'),
  ),
  awardRank: numParam(
    'specialized_2026_award_rank',
    '豁免：近三年省部级以上科学技术奖励且获奖单位排名前三',
    'count',
    3,
    FROM,
    R('五'),
  ),
  scoreMin: numParam('specialized_2026_development_score_min', '本年度专精特新发展评价得分≥50分', 'points', 50, FROM, R('七')),
};

/** Ⅰ类 IP "实际应用并产生经济效益": the applied count, or a known shortfall of Ⅰ类 at all. */
export function appliedClass1(f: TierFacts, year: number): { value: number | undefined; known: boolean } {
  const ip = ipAt(f, year);
  if (!ip) return { value: undefined, known: false };
  if (ip.class1Applied !== undefined) return { value: ip.class1Applied, known: true };
  return { value: ip.class1, known: false };
}

export function devScore(f: TierFacts, year: number): number | undefined {
  return f.developmentScore?.find((s) => s.year === year)?.score;
}

export const SPECIALIZED_2026: StandardVersion<TierFacts, TierResult> = {
  id: 'specialized_sme@2026',
  standard: 'specialized_sme',
  titleZh: '专精特新中小企业',
  titleEn: 'Specialised SME (专精特新)',
  documentZh: DOC,
  effectiveFrom: FROM,
  effectiveFromReference: R('施行日期'),
  formula: { id: 'specialized_sme', version: '2026-04' },
  parameters: [
    ...Object.values(P),
    INNOVATIVE.awardKinds,
    INNOVATIVE.institutionKinds,
    INNOVATIVE.recentYears,
    SME_SIZE_TABLE,
    PREVIOUS_YEAR,
  ] as Parameter<unknown>[],
  compile(ctx) {
    const p = resolveAll(P, ctx.param);
    const awardKinds = ctx.param(INNOVATIVE.awardKinds);
    const instKinds = ctx.param(INNOVATIVE.institutionKinds);
    const recentP = ctx.param(INNOVATIVE.recentYears);
    const sizeTable = ctx.param(SME_SIZE_TABLE);
    const prev = ctx.param(PREVIOUS_YEAR);
    return (f, date) => {
      const y = yearOf(date);
      const year = y - at(prev, date);
      const fig = figures(f, year);
      const figPrev = figures(f, year - 1);
      const holds = holdsTitle(f, at(p.prerequisiteTitles, date), null, date);
      const c1 = combine(
        'specialized26_title_niche',
        '已获科技和创新型中小企业称号（有效期内）且截至上年末从事特定细分市场≥3年',
        [
          flag(
            'holds_innovative',
            '有效期内的科技和创新型中小企业',
            '有效期内的创新型中小企业称号',
            'innovative-SME title in force',
            holds,
          ),
          check(
            'niche',
            '从事特定细分市场≥3年',
            '从事特定细分市场年限',
            'years in the niche market',
            nicheYears(f, year),
            'reaches',
            at(p.nicheMin, date),
            'years',
          ),
        ],
      );
      const eq = equityIn(f, year - 1, year);
      const c2 = combine(
        'specialized26_revenue',
        '上年度营业收入≥1500万元（或不足1500万元但近两年新增股权投资≥2000万元）',
        [
          check(
            'revenue',
            '上年度营业收入≥1500万元',
            '营业收入',
            'revenue',
            fig?.revenue,
            'reaches',
            at(p.revenueMin, date),
            'wan',
          ),
          check(
            'equity',
            '近两年新增股权投资≥2000万元',
            '近两年股权融资',
            '2-year equity financing',
            eq,
            'reaches',
            at(p.equityAltMin, date),
            'wan',
          ),
        ],
        'any',
      );
      const c3 = combine('specialized26_share_debt', '主营业务收入占营业收入比重≥80%；上年末资产负债率≤80%', [
        check(
          'main_share',
          '主营业务收入占比≥80%',
          '主营业务收入占比',
          'main-business share',
          ratio(fig?.mainBusinessRevenue, fig?.revenue),
          'reaches',
          at(p.mainShareMin, date),
          'pct',
        ),
        check(
          'debt',
          '资产负债率≤80%',
          '资产负债率',
          'debt ratio',
          ratio(fig?.totalLiabilities, fig?.totalAssets),
          'within',
          at(p.debtMax, date),
          'pct',
        ),
      ]);
      const rdParts = [fig, figPrev].flatMap((g, i) => {
        const yy = year - i;
        return [
          check(
            `rd_${yy}`,
            `${yy}年研发费用≥100万元`,
            `${yy}年研发费用`,
            `${yy} R&D`,
            g?.rdExpense,
            'reaches',
            at(p.rdMin, date),
            'wan',
          ),
          check(
            `rd_ratio_${yy}`,
            `${yy}年研发费用占比≥3%`,
            `${yy}年研发费用占比`,
            `${yy} R&D ratio`,
            ratio(g?.rdExpense, g?.revenue),
            'reaches',
            at(p.rdRatioMin, date),
            'pct',
          ),
        ];
      });
      const c4 = combine('specialized26_rd', '近两年研发费用每年均≥100万元且每年占营业收入比重≥3%', rdParts);
      const ip = appliedClass1(f, year);
      const ipMin = at(p.ipMin, date);
      const ipCheck = check(
        'class1_applied',
        '≥1项Ⅰ类知识产权且实际应用产生经济效益',
        '实际应用的Ⅰ类知识产权',
        'applied class-I IP',
        ip.value,
        'reaches',
        ipMin,
        'count',
      );
      if (ipCheck.status === 'met' && !ip.known) {
        ipCheck.status = 'no_data';
        ipCheck.missing = {
          zh: 'Ⅰ类知识产权是否实际应用并产生经济效益：无数据',
          en: 'whether class-I IP is applied with economic benefit: no data',
        };
      }
      const recent = at(recentP, date);
      const award =
        f.honours === undefined
          ? undefined
          : honoursIn(f, at(awardKinds, date), ['national', 'provincial'], y - recent, y).some(
              (h) => h.rank !== undefined && h.rank <= at(p.awardRank, date),
            );
      const inst =
        f.honours === undefined ? undefined : honoursIn(f, at(instKinds, date), ['national', 'provincial'], 0, y).length > 0;
      const c5 = combine(
        'specialized26_ip',
        '拥有≥1项与主导产品相关的Ⅰ类知识产权且实际应用产生经济效益（豁免：近三年省部级以上科学技术奖励且排名前三，或拥有经认定的省部级以上研发机构）',
        [
          ipCheck,
          flag(
            'award_exempt',
            '近三年省部级以上科学技术奖励且获奖单位排名前三',
            '省部级以上科技奖励（前三）',
            'provincial+ science award (top 3)',
            award,
          ),
          flag('institution_exempt', '拥有经认定的省部级以上研发机构', '省部级以上研发机构', 'provincial+ R&D institution', inst),
        ],
        'any',
      );
      const c6 = flag(
        'specialized26_market_share',
        '主导产品在国内或国际细分市场占有率较为靠前',
        '主导产品细分市场占有率较为靠前',
        'leading niche-market share',
        f.marketShare?.leading,
      );
      const c7 = check(
        'specialized26_development_score',
        '本年度专精特新发展评价得分≥50分',
        `${y}年度专精特新发展评价得分`,
        `${y} development score`,
        devScore(f, y),
        'reaches',
        at(p.scoreMin, date),
        'points',
      );
      return conditionsResult(
        {
          standard: 'specialized_sme',
          standardVersion: 'specialized_sme@2026',
          titleZh: '专精特新中小企业',
          titleEn: 'Specialised SME (专精特新)',
          documentZh: DOC,
          date,
          figuresYear: year,
          formula: { id: 'specialized_sme', version: '2026-04' },
        },
        [smeCondition(at(sizeTable, date), f, year), c1, c2, c3, c4, c5, c6, c7],
      );
    };
  },
};
