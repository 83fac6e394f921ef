/**
 * Every class list, period, threshold and weight of the IP classification and evaluation as a
 * dated, cited parameter. Facts the reference marks UNVERIFIED carry that note; the evaluation
 * weights are this platform's proposal (say so in every one of them) and can be overridden with a
 * later dated value.
 */
import type { Parameter, Reference } from '../core/parameter.ts';
import {
  APPLICATION_NUMBER_2003_FROM,
  APPLICATION_NUMBER_STD_ZH,
  LAYOUT_REG_ZH,
  MODEL_FROM,
  PATENT_LAW_2008_FROM,
  PATENT_LAW_2008_ZH,
  PATENT_LAW_2020_FROM,
  PATENT_LAW_2020_ZH,
  PLANT_REG_ZH,
  SOFTWARE_REG_ZH,
  TIER_63_FROM,
  TRADEMARK_LAW_ZH,
  refLaw,
  refModel,
  refTier,
} from './document.ts';
import type { IpAward, IpKind } from './types.ts';

function one<T>(
  id: string,
  unit: Parameter<T>['unit'],
  descriptionZh: string,
  descriptionEn: string,
  from: string,
  value: T,
  reference: Reference,
  interpretation?: string,
): Parameter<T> {
  return {
    id,
    unit,
    descriptionZh,
    descriptionEn,
    values: [{ from, value, reference }],
    ...(interpretation ? { interpretation } : {}),
  };
}

// ---------- classification (tier standards, 63号 说明) ----------

export const ipClass1Kinds = one<readonly IpKind[]>(
  'ip_class1_kinds',
  'list',
  'Ⅰ类知识产权：发明专利（含国防专利）、植物新品种、集成电路布图设计专有权（国家级农作物品种、国家新药、国家一级中药保护品种不在本平台登记范围）',
  'Class Ⅰ IP: invention patents, plant varieties, IC layout designs',
  TIER_63_FROM,
  ['invention_patent', 'plant_variety', 'ic_layout'],
  refTier('附件1 说明（Ⅰ类知识产权）', 'Seen only in a third-party copy of the 说明 (tier-standards.md §1.1).'),
);

export const ipClass2Kinds = one<readonly IpKind[]>(
  'ip_class2_kinds',
  'list',
  'Ⅱ类知识产权：实用新型专利、外观设计专利、软件著作权（不含商标）',
  'Class Ⅱ IP: utility models, designs, software copyrights (trademarks excluded)',
  TIER_63_FROM,
  ['utility_model', 'design_patent', 'software_copyright'],
  refTier('附件1 说明（Ⅱ类知识产权）', 'Seen only in a third-party copy of the 说明 (tier-standards.md §1.1).'),
);

export const ipClass2MinYearsAfterGrant = one<number>(
  'ip_class2_min_years_after_grant',
  'years',
  '实用新型、外观设计专利授权后须维持的年数（0 = 不要求）',
  'Years a utility model or design must have been maintained after grant to count (0 = no requirement)',
  TIER_63_FROM,
  0,
  refTier(
    '附件1 说明（Ⅱ类知识产权）',
    'A third-party repository adds "授权后维持超过2年"; not in the other copies, so not applied (0). Set 2 to apply it.',
  ),
  'Interpretation (ip team): the extra condition is seen in one third-party file only; it stays a switch at 0 until the official 说明 is read.',
);

export const ipAcquiredMinMonths = one<number>(
  'ip_acquired_min_months',
  'months',
  '转让（受让）未满该月数的知识产权不计入',
  'IP acquired fewer than this many months before the assessment date is not counted',
  TIER_63_FROM,
  12,
  refTier('附件1 说明（转让未满1年的知识产权不计入）', 'Per a third-party repository (tier-standards.md §1.1).'),
  'Interpretation (ip team): "未满1年" — acquired on D, counted from the same calendar day one year later (满1年 on D + 1 year).',
);

export const ipHighValueMaintenanceYears = one<number>(
  'ip_high_value_maintenance_years',
  'years',
  'Ⅰ类高价值：维持年限超过该年数的发明专利',
  'High value: invention patents maintained for more than this many years',
  TIER_63_FROM,
  10,
  refTier('附件1 说明（Ⅰ类高价值知识产权）', 'Wording per a third-party repository (tier-standards.md §1.1).'),
  'Interpretation (ip team): the maintenance years are the annuity years paid (已缴年费年度), and "超过10年" excludes 10.',
);

export const ipHighValueMinFamilyAbroad = one<number>(
  'ip_high_value_min_family_abroad',
  'count',
  'Ⅰ类高价值：海外有同族专利权的发明专利（至少该数量的海外同族）',
  'High value: invention patents with at least this many patent family members granted abroad',
  TIER_63_FROM,
  1,
  refTier('附件1 说明（Ⅰ类高价值知识产权）', 'Wording per a third-party repository (tier-standards.md §1.1).'),
);

export const ipHighValuePledgeAmount = one<number>(
  'ip_high_value_pledge_amount',
  'yuan',
  'Ⅰ类高价值：“实现较高质押融资金额”的发明专利——单件质押融资金额不低于该数额',
  'High value: invention patents that secured a pledge of at least this amount',
  TIER_63_FROM,
  10_000_000,
  refTier(
    '附件1 说明（Ⅰ类高价值知识产权）',
    'The text says only "较高质押融资金额"; 1,000 万元 is the figure recalled from CNIPA statistical notes on 高价值发明专利, NOT FOUND in the corpus.',
  ),
  'Interpretation (ip team): the largest single pledge registered on the patent (amount secured) is compared; co-pledged items each carry the loan amount.',
);

export const ipHighValueAwards = one<readonly IpAward[]>(
  'ip_high_value_awards',
  'list',
  'Ⅰ类高价值：获得国家科学技术奖或中国专利奖的发明专利',
  'High value: invention patents that won a national science and technology award or a China Patent Award',
  TIER_63_FROM,
  ['china_patent_gold', 'china_patent_silver', 'china_patent_excellence', 'national_sci_tech'],
  refTier('附件1 说明（Ⅰ类高价值知识产权）', 'Wording per a third-party repository (tier-standards.md §1.1).'),
  'Interpretation (ip team): every grade of the 中国专利奖 (金奖、银奖、优秀奖) counts.',
);

// ---------- statutory terms (for the remaining term when no expiry is recorded) ----------

export const termInventionYears = one<number>(
  'term_invention_years',
  'years',
  '发明专利权期限（自申请日起）',
  'Invention patent term, from the filing date',
  PATENT_LAW_2008_FROM,
  20,
  refLaw(PATENT_LAW_2008_ZH, '第四十二条'),
);
export const termUtilityYears = one<number>(
  'term_utility_years',
  'years',
  '实用新型专利权期限（自申请日起）',
  'Utility model term, from the filing date',
  PATENT_LAW_2008_FROM,
  10,
  refLaw(PATENT_LAW_2008_ZH, '第四十二条'),
);
/** Chosen by the FILING date: 10 years for applications before 2021-06-01, 15 from then. */
export const termDesignYears: Parameter<number> = {
  id: 'term_design_years',
  unit: 'years',
  descriptionZh: '外观设计专利权期限（自申请日起，按申请日适用）',
  descriptionEn: 'Design patent term from the filing date (chosen by the filing date)',
  values: [
    { from: PATENT_LAW_2008_FROM, value: 10, reference: refLaw(PATENT_LAW_2008_ZH, '第四十二条') },
    { from: PATENT_LAW_2020_FROM, value: 15, reference: refLaw(PATENT_LAW_2020_ZH, '第四十二条第一款') },
  ],
};
export const termSoftwareYears = one<number>(
  'term_software_years',
  'years',
  '法人软件著作权保护期（自登记日近似计算）',
  'Software copyright term of a legal person (approximated from the registration date)',
  '2013-03-01',
  50,
  refLaw(
    SOFTWARE_REG_ZH,
    '第十四条',
    'The term runs to 31 Dec of the 50th year after first publication; the registration date stands in for it.',
  ),
);
export const termPlantVarietyYears = one<number>(
  'term_plant_variety_years',
  'years',
  '植物新品种权保护期（自授权日起；藤本、林木、果树和观赏树木为20年，其他15年——按15年计）',
  'Plant variety right term from the grant date (15 years; woody plants 20)',
  '1997-10-01',
  15,
  refLaw(
    PLANT_REG_ZH,
    '第三十四条',
    'A later revision of the regulation may have lengthened the terms; not checked. The woody-plant 20 years is not distinguished.',
  ),
);
export const termLayoutYears = one<number>(
  'term_layout_years',
  'years',
  '集成电路布图设计专有权保护期（自申请日起）',
  'IC layout design term, from the filing date',
  '2001-10-01',
  10,
  refLaw(LAYOUT_REG_ZH, '第十二条'),
);
export const termTrademarkYears = one<number>(
  'term_trademark_years',
  'years',
  '注册商标有效期（自核准注册之日起，可续展）',
  'Registered trademark term from registration (renewable)',
  '2014-05-01',
  10,
  refLaw(TRADEMARK_LAW_ZH, '第三十九条'),
);

// ---------- application numbers ----------

export const applicationNumberWeights = one<readonly number[]>(
  'patent_application_number_weights',
  'list',
  '专利申请号校验位加权因子（依次乘以各位数字，和除以11取余，余10记作X）',
  'Weights of the patent application number check digit (sum of digit × weight mod 11; 10 is X)',
  APPLICATION_NUMBER_2003_FROM,
  [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5],
  refLaw(
    APPLICATION_NUMBER_STD_ZH,
    '校验位',
    'The standard itself is not in the corpus; the method and the worked examples 201710601862.3 and 95115608.X come from third-party pages (http://dfrtw.com/zhuanlichaxun/31487.html, http://chengju.com/wenhua/33720.html).',
  ),
);

// ---------- the evaluation model (this platform's proposal) ----------

/** Points by class (Ⅰ, Ⅱ, other = trademarks). */
export const modelClassPoints = one<{ I: number; II: number; other: number }>(
  'ip_model_class_points',
  'points',
  '评价模型：类别得分（Ⅰ类、Ⅱ类、其他）——本平台建议权重',
  'Model: points by class (Ⅰ, Ⅱ, other) — the platform’s proposed weights',
  MODEL_FROM,
  { I: 30, II: 15, other: 5 },
  refModel('class points'),
);
export const modelRemainingTermPoints = one<number>(
  'ip_model_remaining_term_points',
  'points',
  '评价模型：剩余保护期得分（满分 × 剩余期限占法定期限的比例）——本平台建议权重',
  'Model: remaining-term points (maximum × share of the term remaining) — proposed weight',
  MODEL_FROM,
  20,
  refModel('remaining term'),
);
export const modelMaintenancePoints = one<{ perYear: number; capYears: number }>(
  'ip_model_maintenance_points',
  'points',
  '评价模型：维持年限得分（每年得分，封顶年数）——本平台建议权重',
  'Model: maintenance points (per annuity year paid, up to a cap) — proposed weight',
  MODEL_FROM,
  { perYear: 1.5, capYears: 10 },
  refModel('maintenance years'),
);
export const modelFamilyPoints = one<{ perMember: number; capMembers: number }>(
  'ip_model_family_points',
  'points',
  '评价模型：海外同族得分（每件得分，封顶件数）——本平台建议权重',
  'Model: foreign family points (per member, up to a cap) — proposed weight',
  MODEL_FROM,
  { perMember: 4, capMembers: 3 },
  refModel('family abroad'),
);
export const modelCitationPoints = one<{ perCitation: number; cap: number }>(
  'ip_model_citation_points',
  'points',
  '评价模型：被引次数得分（每次得分，封顶分）——本平台建议权重；未登记被引次数的得0分并注明',
  'Model: citation points (per citation, capped); unrecorded citations score 0 and say so — proposed weight',
  MODEL_FROM,
  { perCitation: 1, cap: 10 },
  refModel('citations'),
);
export const modelPledgePoints = one<number>(
  'ip_model_pledge_points',
  'points',
  '评价模型：曾经或正在质押（市场已接受其担保价值）得分——本平台建议权重',
  'Model: points when the item has been or is pledged (the market accepted it as collateral) — proposed weight',
  MODEL_FROM,
  5,
  refModel('pledge history'),
);
export const modelAwardPoints = one<Record<IpAward, number>>(
  'ip_model_award_points',
  'points',
  '评价模型：获奖得分（取最高一项）——本平台建议权重',
  'Model: award points (the best award counts) — proposed weight',
  MODEL_FROM,
  { china_patent_gold: 15, china_patent_silver: 12, china_patent_excellence: 8, national_sci_tech: 15, provincial_sci_tech: 5 },
  refModel('awards'),
);
/** Enterprise score = share × mean of the best `top` item scores + points per counted Ⅰ类 and per high-value item, each capped. */
export const modelEnterpriseWeights = one<{
  top: number;
  itemShare: number;
  perClass1: number;
  class1Cap: number;
  perHighValue: number;
  highValueCap: number;
}>(
  'ip_model_enterprise_weights',
  'points',
  '评价模型：企业得分 = 最优若干件评分均值 × 比例 + 每件计入的Ⅰ类得分（封顶）+ 每件Ⅰ类高价值得分（封顶）——本平台建议权重',
  'Model: enterprise score = share × mean of the best items + points per counted class Ⅰ (capped) + per high-value item (capped) — proposed weights',
  MODEL_FROM,
  { top: 5, itemShare: 0.7, perClass1: 2, class1Cap: 10, perHighValue: 2, highValueCap: 5 },
  refModel('enterprise aggregation'),
);

export const ALL_PARAMETERS: readonly Parameter<unknown>[] = [
  ipClass1Kinds,
  ipClass2Kinds,
  ipClass2MinYearsAfterGrant,
  ipAcquiredMinMonths,
  ipHighValueMaintenanceYears,
  ipHighValueMinFamilyAbroad,
  ipHighValuePledgeAmount,
  ipHighValueAwards,
  termInventionYears,
  termUtilityYears,
  termDesignYears,
  termSoftwareYears,
  termPlantVarietyYears,
  termLayoutYears,
  termTrademarkYears,
  applicationNumberWeights,
  modelClassPoints,
  modelRemainingTermPoints,
  modelMaintenancePoints,
  modelFamilyPoints,
  modelCitationPoints,
  modelPledgePoints,
  modelAwardPoints,
  modelEnterpriseWeights,
];
