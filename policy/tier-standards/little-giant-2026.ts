/**
 * 专精特新“小巨人”企业认定标准 (2026) — 工信部企业〔2026〕2号 附件2, seven indicators, in force from
 * 2026-04-01. As reported by third-party tools (tier-standards.md §1.5): UNVERIFIED.
 */
import type { Parameter, Reference } from '../core/parameter.ts';
import type { StandardVersion } from '../core/standard.ts';
import type { TierFacts } from './facts.ts';
import { DOC_2026, P as INNOVATIVE, UNVERIFIED_2026 } from './innovative-2022.ts';
import { listParam, numParam, resolveAll } from './params.ts';
import { SME_SIZE_TABLE, smeCondition } from './sme-size-2011.ts';
import { devScore } from './specialized-2026.ts';
import {
  PREVIOUS_YEAR,
  at,
  check,
  combine,
  conditionsResult,
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
const DOC = `${DOC_2026}附件2 专精特新“小巨人”企业认定标准`;
const R = (clause: string, extra: Partial<Reference> = {}): Reference =>
  ref(DOC, clause, { unverified: UNVERIFIED_2026, ...extra });

export const P = {
  prerequisite: listParam(
    'little_giant_2026_prerequisite_titles',
    '已获专精特新中小企业称号（有效期内）',
    ['specialized_sme'],
    FROM,
    R('一'),
  ),
  nicheMin: numParam('little_giant_2026_niche_years_min', '从事特定细分市场≥3年', 'years', 3, FROM, R('一')),
  revenueMin: numParam('little_giant_2026_revenue_min', '上年度营业收入≥5000万元', 'yuan', 50_000_000, FROM, R('二')),
  mainShareMin: numParam('little_giant_2026_main_share_min', '主营业务收入占比≥90%', 'ratio', 0.9, FROM, R('二')),
  cagrMin: numParam(
    'little_giant_2026_revenue_cagr_min',
    '近两年营业收入复合增长率≥5%（复核企业不考查）',
    'ratio',
    0.05,
    FROM,
    R('二'),
  ),
  debtMax: numParam('little_giant_2026_debt_ratio_max', '上年末资产负债率≤75%', 'ratio', 0.75, FROM, R('二')),
  rdTotalMin: numParam('little_giant_2026_rd_total_min', '近两年研发费用合计≥1200万元', 'yuan', 12_000_000, FROM, R('三')),
  rdRatioMin: numParam('little_giant_2026_rd_ratio_min', '近两年研发费用每年占比≥3%', 'ratio', 0.03, FROM, R('三')),
  class1Min: numParam(
    'little_giant_2026_class1_min',
    '≥4项与主导产品相关的Ⅰ类知识产权（不含转入；权利人中排名前三），实际应用并产生经济效益',
    'count',
    4,
    FROM,
    R('四'),
    'Counted as the smaller of the self-developed and the applied Ⅰ类 counts.',
  ),
  awardRank: numParam('little_giant_2026_award_rank', '豁免：近三年国家级科技奖励且获奖单位排名前三', 'count', 3, FROM, R('四')),
  shareMin: numParam('little_giant_2026_market_share_min', '主导产品国内或国际细分市场占有率≥10%', 'ratio', 0.1, FROM, R('五')),
  rankMax: numParam('little_giant_2026_market_rank_max', '或国内前三', 'count', 3, FROM, R('五')),
  scoreMin: numParam(
    'little_giant_2026_development_score_min',
    '专精特新发展评价得分≥60分（复核企业：近两年任意一年≥60）',
    'points',
    60,
    FROM,
    R('七'),
  ),
  excluded: listParam(
    'little_giant_2026_excluded_titles',
    '已获制造业单项冠军企业不再推荐',
    ['manufacturing_champion'],
    FROM,
    R('推荐排除', { note: '工信厅企业函〔2026〕117号 as quoted by a third-party tool' }),
  ),
};

export const LITTLE_GIANT_2026: StandardVersion<TierFacts, TierResult> = {
  id: 'little_giant@2026',
  standard: 'little_giant',
  titleZh: '专精特新“小巨人”企业',
  titleEn: '"Little giant" enterprise',
  documentZh: DOC,
  effectiveFrom: FROM,
  effectiveFromReference: R('施行日期'),
  formula: { id: 'little_giant', version: '2026-04' },
  parameters: [
    ...Object.values(P),
    INNOVATIVE.awardKinds,
    INNOVATIVE.recentYears,
    SME_SIZE_TABLE,
    PREVIOUS_YEAR,
  ] as Parameter<unknown>[],
  compile(ctx) {
    const p = resolveAll(P, ctx.param);
    const awardKinds = ctx.param(INNOVATIVE.awardKinds);
    const recentP = ctx.param(INNOVATIVE.recentYears);
    const sizeTable = ctx.param(SME_SIZE_TABLE);
    const prev = ctx.param(PREVIOUS_YEAR);
    return (f, date) => {
      const y = yearOf(date);
      const year = y - at(prev, date);
      const fig = figures(f, year);
      const figPrev = figures(f, year - 1);
      const fig2 = figures(f, year - 2);
      const review = f.littleGiant?.review === true;
      const c1 = combine('little_giant26_title_niche', '已获专精特新中小企业称号（有效期内）且从事特定细分市场≥3年', [
        flag(
          'holds_specialized',
          '',
          '有效期内的专精特新称号',
          'specialised-SME title in force',
          holdsTitle(f, at(p.prerequisite, date), null, date),
        ),
        check(
          'niche',
          '',
          '从事特定细分市场年限',
          'years in the niche market',
          nicheYears(f, year),
          'reaches',
          at(p.nicheMin, date),
          'years',
        ),
      ]);
      const cagr =
        fig?.revenue === undefined || fig2?.revenue === undefined || fig2.revenue <= 0
          ? undefined
          : Math.sqrt(fig.revenue / fig2.revenue) - 1;
      const growthCheck = check(
        'revenue_cagr',
        '',
        '近两年营业收入复合增长率',
        '2-year revenue CAGR',
        cagr,
        'reaches',
        at(p.cagrMin, date),
        'pct',
      );
      const c2 = combine(
        'little_giant26_scale',
        '上年度营业收入≥5000万元；主营业务收入占比≥90%；近两年营业收入复合增长率≥5%（复核企业不考查）；上年末资产负债率≤75%',
        [
          check('revenue', '', '营业收入', 'revenue', fig?.revenue, 'reaches', at(p.revenueMin, date), 'wan'),
          check(
            'main_share',
            '',
            '主营业务收入占比',
            'main-business share',
            ratio(fig?.mainBusinessRevenue, fig?.revenue),
            'reaches',
            at(p.mainShareMin, date),
            'pct',
          ),
          review ? { ...growthCheck, status: 'met' as const, need: '复核企业不考查' } : growthCheck,
          check(
            'debt',
            '',
            '资产负债率',
            'debt ratio',
            ratio(fig?.totalLiabilities, fig?.totalAssets),
            'within',
            at(p.debtMax, date),
            'pct',
          ),
        ],
      );
      const rd2 =
        fig?.rdExpense === undefined || figPrev?.rdExpense === undefined ? undefined : fig.rdExpense + figPrev.rdExpense;
      const c3 = combine('little_giant26_rd', '近两年研发费用合计≥1200万元且每年占营业收入比重≥3%', [
        check('rd_total', '', '近两年研发费用合计', '2-year R&D total', rd2, 'reaches', at(p.rdTotalMin, date), 'wan'),
        check(
          'rd_ratio_y',
          '',
          `${year}年研发费用占比`,
          `${year} R&D ratio`,
          ratio(fig?.rdExpense, fig?.revenue),
          'reaches',
          at(p.rdRatioMin, date),
          'pct',
        ),
        check(
          'rd_ratio_y1',
          '',
          `${year - 1}年研发费用占比`,
          `${year - 1} R&D ratio`,
          ratio(figPrev?.rdExpense, figPrev?.revenue),
          'reaches',
          at(p.rdRatioMin, date),
          'pct',
        ),
      ]);
      const ip = ipAt(f, year);
      const counted =
        ip === undefined
          ? undefined
          : ip.class1SelfDeveloped !== undefined && ip.class1Applied !== undefined
            ? Math.min(ip.class1SelfDeveloped, ip.class1Applied)
            : ip.class1;
      const ipCheck = check(
        'class1',
        '',
        '自主且实际应用的Ⅰ类知识产权',
        'own, applied class-I IP',
        counted,
        'reaches',
        at(p.class1Min, date),
        'count',
      );
      if (ipCheck.status === 'met' && (ip?.class1SelfDeveloped === undefined || ip.class1Applied === undefined)) {
        ipCheck.status = 'no_data';
        ipCheck.missing = {
          zh: 'Ⅰ类知识产权是否自主（不含转入）并实际应用：无数据',
          en: 'whether class-I IP is own and applied: no data',
        };
      }
      const recent = at(recentP, date);
      const award =
        f.honours === undefined
          ? undefined
          : honoursIn(f, at(awardKinds, date), ['national'], y - recent, y).some(
              (h) => h.rank !== undefined && h.rank <= at(p.awardRank, date),
            );
      const c4 = combine(
        'little_giant26_ip',
        '≥4项与主导产品相关的Ⅰ类知识产权（不含转入），实际应用并产生经济效益（豁免：近三年国家级科技奖励且排名前三）',
        [ipCheck, flag('award_exempt', '', '国家级科技奖励（前三）', 'national science award (top 3)', award)],
        'any',
      );
      const c5 = combine(
        'little_giant26_market',
        '主导产品国内或国际细分市场占有率≥10%或国内前三',
        [
          check(
            'share',
            '',
            '细分市场占有率',
            'niche-market share',
            f.marketShare?.domestic,
            'reaches',
            at(p.shareMin, date),
            'pct',
          ),
          check('rank', '', '国内排名', 'national rank', f.marketShare?.domesticRank, 'within', at(p.rankMax, date), 'count'),
        ],
        'any',
      );
      const c6 = flag(
        'little_giant26_product',
        '主导产品属于六基（核心基础零部件、核心基础元器件、关键软件、先进基础工艺、关键基础材料、产业技术基础），或属于改造提升传统产业、培育壮大新兴产业、布局建设未来产业，位于产业链关键环节',
        '主导产品所属领域',
        'domain of the main products',
        f.littleGiant?.productDomain,
      );
      const s1 = devScore(f, y);
      const s0 = devScore(f, y - 1);
      const score = review ? (s1 === undefined && s0 === undefined ? undefined : Math.max(s1 ?? 0, s0 ?? 0)) : s1;
      const c7 = check(
        'little_giant26_development_score',
        '专精特新发展评价得分≥60分（复核企业：近两年任意一年≥60）',
        '专精特新发展评价得分',
        'development score',
        score,
        'reaches',
        at(p.scoreMin, date),
        'points',
      );
      const champion = holdsTitle(f, at(p.excluded, date), null, date);
      const c8 = flag(
        'little_giant26_not_champion',
        '已获制造业单项冠军企业不再推荐',
        '未获制造业单项冠军',
        'not a manufacturing champion',
        champion === undefined ? undefined : !champion,
      );
      return conditionsResult(
        {
          standard: 'little_giant',
          standardVersion: 'little_giant@2026',
          titleZh: '专精特新“小巨人”企业',
          titleEn: '"Little giant" enterprise',
          documentZh: DOC,
          date,
          figuresYear: year,
          formula: { id: 'little_giant', version: '2026-04' },
        },
        [smeCondition(at(sizeTable, date), f, year), c1, c2, c3, c4, c5, c6, c7, c8],
      );
    };
  },
};
