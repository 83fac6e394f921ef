/**
 * 专精特新“小巨人”企业认定标准 — 工信部企业〔2022〕63号 附件3: 专、精、特、新、链、品 all required
 * (新: the general conditions, or an innovation direct route). 链 and 品 wording is UNVERIFIED
 * (tier-standards.md §1.3); the candidate must hold a provincial 专精特新 title in force (§1.4).
 */
import type { Parameter, Reference } from '../core/parameter.ts';
import type { StandardVersion } from '../core/standard.ts';
import type { TierFacts } from './facts.ts';
import { P as INNOVATIVE } from './innovative-2022.ts';
import { listParam, numParam, resolveAll } from './params.ts';
import { SME_SIZE_TABLE, smeCondition } from './sme-size-2011.ts';
import { P as SPECIALIZED, avgGrowth } from './specialized-2022.ts';
import { appliedClass1 } from './specialized-2026.ts';
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
  nicheYears,
  ratio,
  reaches,
  ref,
  yearOf,
  type ConditionResult,
  type RouteResult,
  type TierResult,
} from './shared.ts';

const FROM = '2022-06-01';
const DOC = '优质中小企业梯度培育管理暂行办法（工信部企业〔2022〕63号）附件3 专精特新“小巨人”企业认定标准';
const R = (clause: string, extra: Partial<Reference> = {}): Reference => ref(DOC, clause, extra);

export const P = {
  prerequisite: listParam(
    'little_giant_2022_prerequisite_titles',
    '须为有效期内的省级专精特新中小企业',
    ['specialized_sme'],
    FROM,
    R('申报流程', { note: 'tier-standards.md §1.4' }),
  ),
  prerequisiteLevels: listParam('little_giant_2022_prerequisite_levels', '省级', ['provincial'], FROM, R('申报流程')),
  nicheMin: numParam(
    'little_giant_2022_niche_years_min',
    '截至上年末，从事特定细分市场时间达到3年以上',
    'years',
    3,
    FROM,
    R('一、专业化'),
  ),
  mainShareMin: numParam(
    'little_giant_2022_main_share_min',
    '主营业务收入总额占营业收入总额比重不低于70%',
    'ratio',
    0.7,
    FROM,
    R('一、专业化'),
  ),
  growthMin: numParam(
    'little_giant_2022_growth_min',
    '近2年主营业务收入平均增长率不低于5%',
    'ratio',
    0.05,
    FROM,
    R('一、专业化'),
  ),
  debtMax: numParam('little_giant_2022_debt_ratio_max', '截至上年末，资产负债率不高于70%', 'ratio', 0.7, FROM, R('二、精细化')),
  shareMin: numParam(
    'little_giant_2022_market_share_min',
    '主导产品在全国细分市场占有率达到10%以上',
    'ratio',
    0.1,
    FROM,
    R('三、特色化'),
  ),
  bracketHigh: numParam(
    'little_giant_2022_revenue_bracket_high',
    '上年度营业收入总额1亿元以上',
    'yuan',
    100_000_000,
    FROM,
    R('四、创新能力 一般性条件 1'),
  ),
  bracketMid: numParam(
    'little_giant_2022_revenue_bracket_mid',
    '上年度营业收入总额5000万元—1亿元',
    'yuan',
    50_000_000,
    FROM,
    R('四、创新能力 一般性条件 1'),
  ),
  rdRatioHigh: numParam(
    'little_giant_2022_rd_ratio_high',
    '1亿元以上：近2年研发费用占比均不低于3%',
    'ratio',
    0.03,
    FROM,
    R('四、创新能力 一般性条件 1'),
  ),
  rdRatioMid: numParam(
    'little_giant_2022_rd_ratio_mid',
    '5000万元—1亿元：近2年研发费用占比均不低于6%',
    'ratio',
    0.06,
    FROM,
    R('四、创新能力 一般性条件 1'),
  ),
  smallEquityMin: numParam(
    'little_giant_2022_small_equity_min',
    '5000万元以下：近2年新增股权融资总额8000万元以上',
    'yuan',
    80_000_000,
    FROM,
    R('四、创新能力 一般性条件 1'),
  ),
  smallRdMin: numParam(
    'little_giant_2022_small_rd_min',
    '5000万元以下：研发费用总额3000万元以上',
    'yuan',
    30_000_000,
    FROM,
    R('四、创新能力 一般性条件 1'),
    'Read as the total of the last two years (the sentence is about 近2年).',
  ),
  smallRdStaffMin: numParam(
    'little_giant_2022_small_rd_staff_min',
    '5000万元以下：研发人员占企业职工总数比重50%以上',
    'ratio',
    0.5,
    FROM,
    R('四、创新能力 一般性条件 1'),
  ),
  class1Min: numParam(
    'little_giant_2022_class1_min',
    '拥有2项以上与主导产品相关的Ⅰ类知识产权，且实际应用并已产生经济效益',
    'count',
    2,
    FROM,
    R('四、创新能力 一般性条件 3'),
  ),
  awardRank: numParam(
    'little_giant_2022_award_rank',
    '近三年获得国家级科技奖励，并在获奖单位中排名前三',
    'count',
    3,
    FROM,
    R('四、创新能力 创新直通条件 1'),
  ),
  makerRank: numParam(
    'little_giant_2022_maker_china_rank',
    '近三年进入“创客中国”全国50强企业组名单',
    'count',
    50,
    FROM,
    R('四、创新能力 创新直通条件 2'),
  ),
};

export const LITTLE_GIANT_2022: StandardVersion<TierFacts, TierResult> = {
  id: 'little_giant@2022',
  standard: 'little_giant',
  titleZh: '专精特新“小巨人”企业',
  titleEn: '"Little giant" enterprise',
  documentZh: DOC,
  effectiveFrom: FROM,
  effectiveFromReference: R('发布', { unverified: 'Issued June 2022; 2022-06-01 assumed.' }),
  formula: { id: 'little_giant', version: '2022-06' },
  parameters: [
    ...Object.values(P),
    SPECIALIZED.growthMethod,
    INNOVATIVE.awardKinds,
    INNOVATIVE.institutionKinds,
    INNOVATIVE.recentYears,
    SME_SIZE_TABLE,
    PREVIOUS_YEAR,
  ] as Parameter<unknown>[],
  compile(ctx) {
    const p = resolveAll(P, ctx.param);
    const method = ctx.param(SPECIALIZED.growthMethod);
    const awardKinds = ctx.param(INNOVATIVE.awardKinds);
    const instKinds = ctx.param(INNOVATIVE.institutionKinds);
    const recentP = ctx.param(INNOVATIVE.recentYears);
    const sizeTable = ctx.param(SME_SIZE_TABLE);
    const prev = ctx.param(PREVIOUS_YEAR);
    return (f, date) => {
      const y = yearOf(date);
      const year = y - at(prev, date);
      const recent = at(recentP, date);
      const fig = figures(f, year);
      const figPrev = figures(f, year - 1);
      const pre = flag(
        'little_giant_prerequisite',
        '有效期内的省级专精特新中小企业',
        '有效期内的省级专精特新称号',
        'provincial specialised-SME title in force',
        holdsTitle(f, at(p.prerequisite, date), at(p.prerequisiteLevels, date), date),
      );
      const zhuan = combine(
        'little_giant_specialisation',
        '专：从事特定细分市场3年以上；主营业务收入占比不低于70%；近2年主营业务收入平均增长率不低于5%',
        [
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
          check(
            'growth',
            '',
            '近2年主营业务收入平均增长率',
            '2-year average main-business growth',
            avgGrowth(f, year, at(method, date)),
            'reaches',
            at(p.growthMin, date),
            'pct',
          ),
        ],
      );
      const jing = combine(
        'little_giant_refinement',
        '精：至少1项核心业务采用信息系统支撑；取得相关管理体系认证或产品通过发达国家和地区产品认证；资产负债率不高于70%',
        [
          flag(
            'information_system',
            '',
            '核心业务采用信息系统支撑',
            'core business on information systems',
            f.littleGiant?.informationSystem,
          ),
          flag(
            'certification',
            '',
            '管理体系认证或发达国家和地区产品认证',
            'management-system or export certification',
            f.littleGiant?.certification ?? f.quality?.managementCertification,
          ),
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
      const te = combine(
        'little_giant_characteristic',
        '特：主导产品在全国细分市场占有率达到10%以上；拥有直接面向市场并具有竞争优势的自主品牌',
        [
          check(
            'market_share',
            '',
            '全国细分市场占有率',
            'national niche-market share',
            f.marketShare?.domestic,
            'reaches',
            at(p.shareMin, date),
            'pct',
          ),
          flag('own_brand', '', '自主品牌', 'own brand', f.quality?.ownBrand),
        ],
      );
      // 新, general condition 1: R&D by revenue bracket (the boundary goes to the bracket with the lower requirement).
      const rev = fig?.revenue;
      let rdCond: ConditionResult;
      if (rev === undefined) rdCond = check('rd_bracket', '', '营业收入', 'revenue', undefined, 'reaches', 0, 'wan');
      else if (reaches(rev, at(p.bracketHigh, date)) || reaches(rev, at(p.bracketMid, date))) {
        const min = reaches(rev, at(p.bracketHigh, date)) ? at(p.rdRatioHigh, date) : at(p.rdRatioMid, date);
        rdCond = combine('rd_bracket', '', [
          check(
            'rd_ratio_y',
            '',
            `${year}年研发费用占比`,
            `${year} R&D ratio`,
            ratio(fig?.rdExpense, rev),
            'reaches',
            min,
            'pct',
          ),
          check(
            'rd_ratio_y1',
            '',
            `${year - 1}年研发费用占比`,
            `${year - 1} R&D ratio`,
            ratio(figPrev?.rdExpense, figPrev?.revenue),
            'reaches',
            min,
            'pct',
          ),
        ]);
      } else {
        const rd2 =
          fig?.rdExpense === undefined || figPrev?.rdExpense === undefined ? undefined : fig.rdExpense + figPrev.rdExpense;
        rdCond = combine('rd_bracket', '', [
          check(
            'equity',
            '',
            '近2年新增股权融资',
            '2-year equity financing',
            equityIn(f, year - 1, year),
            'reaches',
            at(p.smallEquityMin, date),
            'wan',
          ),
          check('rd_total', '', '近2年研发费用总额', '2-year R&D total', rd2, 'reaches', at(p.smallRdMin, date), 'wan'),
          check(
            'rd_staff',
            '',
            '研发人员占比',
            'R&D staff share',
            ratio(fig?.rdStaff, fig?.employees),
            'reaches',
            at(p.smallRdStaffMin, date),
            'pct',
          ),
        ]);
      }
      const inst = f.honours === undefined ? undefined : honoursIn(f, at(instKinds, date), null, 0, y).length > 0;
      const ip = appliedClass1(f, year);
      const ipCheck = check(
        'class1',
        '',
        '实际应用的Ⅰ类知识产权',
        'applied class-I IP',
        ip.value,
        'reaches',
        at(p.class1Min, date),
        'count',
      );
      if (ipCheck.status === 'met' && !ip.known) {
        ipCheck.status = 'no_data';
        ipCheck.missing = { zh: 'Ⅰ类知识产权是否实际应用并产生经济效益：无数据', en: 'whether class-I IP is applied: no data' };
      }
      const general = combine('little_giant_innovation_general', '一般性条件（同时满足三项）', [
        rdCond,
        flag('institution', '', '自建或联合建立研发机构', 'an R&D institution', inst),
        ipCheck,
      ]);
      const award =
        f.honours === undefined
          ? undefined
          : honoursIn(f, at(awardKinds, date), ['national'], y - recent, y).some(
              (h) => h.rank !== undefined && h.rank <= at(p.awardRank, date),
            );
      const maker =
        f.makerChina === undefined
          ? undefined
          : f.makerChina.some((m) => m.year >= y - recent && m.year <= y && m.rank <= at(p.makerRank, date));
      const directAward = flag(
        'direct_award',
        '近三年获得国家级科技奖励，并在获奖单位中排名前三',
        '国家级科技奖励（前三）',
        'national science award (top 3)',
        award,
      );
      const directMaker = flag(
        'direct_maker',
        '近三年进入“创客中国”中小企业创新创业大赛全国50强企业组名单',
        '创客中国全国50强',
        'Maker China top 50',
        maker,
      );
      const xin = combine(
        'little_giant_innovation',
        '新：满足一般性条件或创新直通条件',
        [general, directAward, directMaker],
        'any',
      );
      const lian = flag(
        'little_giant_chain',
        '链：位于产业链关键环节，围绕重点产业链实现关键基础技术和产品的产业化应用，发挥“补短板”“锻长板”“填空白”等重要作用（措辞未核实）',
        '产业链关键环节',
        'key link of an industrial chain',
        f.littleGiant?.keyChainLink,
      );
      const pin = flag(
        'little_giant_product',
        '品：主导产品属于制造业核心基础零部件、元器件、关键软件、先进基础工艺、关键基础材料和产业技术基础；或符合制造强国战略十大重点产业领域；或属于网络强国建设的重点领域（措辞未核实）',
        '主导产品所属领域',
        'domain of the main products',
        f.littleGiant?.productDomain,
      );
      const routes: RouteResult[] = [
        { id: 'general', zh: '创新能力一般性条件', en: 'general innovation conditions', status: general.status },
        {
          id: 'direct_award',
          zh: '创新直通：国家级科技奖励前三',
          en: 'direct: national award top 3',
          status: directAward.status,
        },
        { id: 'direct_maker', zh: '创新直通：创客中国全国50强', en: 'direct: Maker China top 50', status: directMaker.status },
      ];
      const r = conditionsResult(
        {
          standard: 'little_giant',
          standardVersion: 'little_giant@2022',
          titleZh: '专精特新“小巨人”企业',
          titleEn: '"Little giant" enterprise',
          documentZh: DOC,
          date,
          figuresYear: year,
          formula: { id: 'little_giant', version: '2022-06' },
        },
        [smeCondition(at(sizeTable, date), f, year), pre, zhuan, jing, te, xin, lian, pin],
        routes,
      );
      return r;
    };
  },
};
