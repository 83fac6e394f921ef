/**
 * District SME development environment assessment (measure 八: 开展全市中小企业发展环境评估, 对标先进城市、
 * 查找薄弱环节、纳入区县考核). The indicator system follows the national assessment's five
 * first-level indicators (市场环境、法治环境、融资环境、创新环境、政策环境), run by 中国中小企业发展促进中心
 * (reference: /work/shared/reference/other-domains.md §2). The national second/third-level
 * indicators and their weights are NOT published: the three indicators per dimension, the equal
 * weights, the level bands and the weak-link margin below are this platform's assumptions, each a
 * dated parameter saying so, to be replaced by a later dated value when the city decides.
 */
import { valueAt, type Parameter, type Reference } from '../core/parameter.ts';
import type { DimensionDef, LevelBand, ScorecardDef } from './scorecard.ts';

/** The first assessed year the platform takes data for (the system is applied to past years too, so trends compare like with like). */
export const DISTRICT_ENVIRONMENT_FROM = '2015-01-01';

const NATIONAL: Reference = {
  document: '中国中小企业发展促进中心 中小企业发展环境评估（2020–2024年度）',
  clause: '一级指标：市场环境、法治环境、融资环境、创新环境、政策环境',
  note: 'other-domains.md §2 (2022年度 5/21/38 指标; 2024年度 5/24/41 指标)',
};
const assumed = (what: string): Reference => ({
  ...NATIONAL,
  unverified: `${what}：国家评估的二、三级指标及权重未公开（other-domains.md §2 “weights … NOT FOUND”），此为本平台假设，可由市工信局以新的日期值替换`,
});

/** Where an indicator's value comes from: entered by the district, or computed from the platform. */
export type IndicatorSource =
  | { kind: 'entered' }
  /** Computed per district and year from the platform's own records (see src/modules/scorecards). */
  | { kind: 'platform'; key: PlatformIndicatorKey };

export type PlatformIndicatorKey =
  'titles_per_100' | 'new_titles' | 'quality_loans_per_100' | 'ip_pledge_amount' | 'ip_granted_per_100' | 'payments_amount';

export interface DistrictIndicatorDef {
  id: string;
  source: IndicatorSource;
}

/** The indicator tree (ids, names, direction, normalisation, weights) — one dated parameter. */
export const districtEnvironmentIndicators: Parameter<readonly DimensionDef[]> = {
  id: 'measure_8_district_environment_indicators',
  unit: 'list',
  descriptionZh: '区县中小企业发展环境评估指标体系（5个维度×3个指标，等权重）',
  descriptionEn: 'District SME environment indicators (5 dimensions × 3 indicators, equal weights)',
  interpretation:
    '一级指标取自国家评估；二级指标与等权重为本平台提议（国家权重未公开）。Platform proposal: national weights are not public.',
  values: [
    {
      from: DISTRICT_ENVIRONMENT_FROM,
      reference: assumed('二级指标与权重'),
      value: [
        {
          id: 'market',
          nameZh: '市场环境',
          nameEn: 'Market',
          weight: 1,
          indicators: [
            ind('market_new_entities_growth', '市场主体新增增长率', 'Growth of new market entities', '%', '%', 'higher', {
              kind: 'minmax',
            }),
            ind('market_online_services', '政务服务事项全程网办率', 'Government services fully online', '%', '%', 'higher', {
              kind: 'target',
              target: 100,
            }),
            ind(
              'market_titles_per_100',
              '每百户企业有效优质中小企业称号',
              'Quality titles in force per 100 enterprises',
              '个/百户',
              'per 100',
              'higher',
              { kind: 'minmax' },
            ),
          ],
        },
        {
          id: 'law',
          nameZh: '法治环境',
          nameEn: 'Rule of law',
          weight: 1,
          indicators: [
            ind('law_arrears_cleared', '拖欠中小企业账款清偿率', 'Arrears to SMEs cleared', '%', '%', 'higher', {
              kind: 'target',
              target: 100,
            }),
            ind(
              'law_trial_days',
              '涉企商事纠纷平均审理天数',
              'Average days to decide a commercial dispute',
              '天',
              'days',
              'lower',
              { kind: 'minmax' },
            ),
            ind('law_ip_protection', '知识产权侵权案件结案率', 'IP infringement cases closed', '%', '%', 'higher', {
              kind: 'minmax',
            }),
          ],
        },
        {
          id: 'financing',
          nameZh: '融资环境',
          nameEn: 'Financing',
          weight: 1,
          indicators: [
            ind(
              'fin_quality_loans_per_100',
              '每百户企业优质中小企业贷款笔数',
              'Loans to quality SMEs per 100 enterprises',
              '笔/百户',
              'per 100',
              'higher',
              { kind: 'minmax' },
            ),
            ind('fin_ip_pledge_amount', '知识产权质押融资金额', 'IP pledge financing', '万元', '10k yuan', 'higher', {
              kind: 'minmax',
            }),
            ind(
              'fin_inclusive_loan_growth',
              '普惠小微贷款余额增速',
              'Growth of inclusive small-business loans',
              '%',
              '%',
              'higher',
              { kind: 'minmax' },
            ),
          ],
        },
        {
          id: 'innovation',
          nameZh: '创新环境',
          nameEn: 'Innovation',
          weight: 1,
          indicators: [
            ind('inn_rd_intensity', '规上工业企业研发投入强度', 'R&D intensity of larger industrial firms', '%', '%', 'higher', {
              kind: 'minmax',
            }),
            ind(
              'inn_ip_granted_per_100',
              '每百户企业本年新授权知识产权',
              'IP granted this year per 100 enterprises',
              '件/百户',
              'per 100',
              'higher',
              { kind: 'minmax' },
            ),
            ind('inn_new_titles', '本年新认定优质中小企业称号', 'Titles newly recognised this year', '个', 'titles', 'higher', {
              kind: 'minmax',
            }),
          ],
        },
        {
          id: 'policy',
          nameZh: '政策环境',
          nameEn: 'Policy',
          weight: 1,
          indicators: [
            ind('pol_payments_amount', '惠企政策资金兑现金额', 'Policy funds paid to enterprises', '万元', '10k yuan', 'higher', {
              kind: 'minmax',
            }),
            ind('pol_days_to_pay', '政策兑现平均办理天数', 'Average days from application to payment', '天', 'days', 'lower', {
              kind: 'minmax',
            }),
            ind('pol_awareness', '企业政策知晓满意度', 'Enterprises aware of and satisfied with policies', '%', '%', 'higher', {
              kind: 'target',
              target: 90,
            }),
          ],
        },
      ],
    },
  ],
};

/** Which indicators the platform computes itself (6 of 15); the others are entered or imported. */
export const DISTRICT_INDICATOR_SOURCES: Readonly<Record<string, IndicatorSource>> = {
  market_titles_per_100: { kind: 'platform', key: 'titles_per_100' },
  fin_quality_loans_per_100: { kind: 'platform', key: 'quality_loans_per_100' },
  fin_ip_pledge_amount: { kind: 'platform', key: 'ip_pledge_amount' },
  inn_ip_granted_per_100: { kind: 'platform', key: 'ip_granted_per_100' },
  inn_new_titles: { kind: 'platform', key: 'new_titles' },
  pol_payments_amount: { kind: 'platform', key: 'payments_amount' },
};

export const districtEnvironmentBands: Parameter<readonly LevelBand[]> = {
  id: 'measure_8_district_environment_bands',
  unit: 'bands',
  descriptionZh: '区县发展环境等级：优（≥80）、良（≥65）、中（≥50）、待提升（<50）',
  descriptionEn: 'District environment levels: excellent ≥80, good ≥65, fair ≥50, needs work <50',
  values: [
    {
      from: DISTRICT_ENVIRONMENT_FROM,
      reference: assumed('等级分档'),
      value: [
        { level: 1, min: 0, labelZh: '待提升', labelEn: 'needs work' },
        { level: 2, min: 50, labelZh: '中', labelEn: 'fair' },
        { level: 3, min: 65, labelZh: '良', labelEn: 'good' },
        { level: 4, min: 80, labelZh: '优', labelEn: 'excellent' },
      ],
    },
  ],
};

export const districtEnvironmentWeakLinkMargin: Parameter<number> = {
  id: 'measure_8_district_environment_weak_link_margin',
  unit: 'ratio',
  descriptionZh: '薄弱环节：标准化得分落后最优单位（含对标城市）0.3 及以上的指标',
  descriptionEn: 'Weak link: an indicator whose normalised score trails the best unit (benchmark cities included) by 0.3 or more',
  interpretation: '措施八“查找薄弱环节”的量化口径为本平台提议。The margin is a platform proposal.',
  values: [{ from: DISTRICT_ENVIRONMENT_FROM, reference: assumed('薄弱环节差距'), value: 0.3 }],
};

export const DISTRICT_ENVIRONMENT_PARAMETERS = [
  districtEnvironmentIndicators,
  districtEnvironmentBands,
  districtEnvironmentWeakLinkMargin,
] as const;

/** The scorecard in force on `date` (31 December of the assessed year), with parameter dates. */
export function districtEnvironmentScorecard(date: string): ScorecardDef & { parameterDates: Record<string, string> } {
  const dims = valueAt(districtEnvironmentIndicators, date);
  const bands = valueAt(districtEnvironmentBands, date);
  const margin = valueAt(districtEnvironmentWeakLinkMargin, date);
  if (!dims || !bands || !margin) throw new Error(`no district environment scorecard in force on ${date}`);
  return {
    id: 'district_environment',
    dimensions: dims.value,
    bands: bands.value,
    weakLinkMargin: margin.value,
    parameterDates: {
      [districtEnvironmentIndicators.id]: dims.from,
      [districtEnvironmentBands.id]: bands.from,
      [districtEnvironmentWeakLinkMargin.id]: margin.from,
    },
  };
}

function ind(
  id: string,
  nameZh: string,
  nameEn: string,
  unitZh: string,
  unitEn: string,
  direction: 'higher' | 'lower',
  normalisation: DimensionDef['indicators'][number]['normalisation'],
): DimensionDef['indicators'][number] {
  return { id, nameZh, nameEn, unitZh, unitEn, direction, normalisation, weight: 1 };
}
