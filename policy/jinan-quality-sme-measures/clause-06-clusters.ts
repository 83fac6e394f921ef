/**
 * Item 六 of the draft measures: characteristic industrial clusters. Not a money clause; its
 * number ("one a year") feeds the targets dashboard beside the clause 1 target of ≥ 8 clusters.
 *
 * （六）推进中小企业特色产业集群建设。力争每年打造1个创新资源集聚、产业生态完善、协作配套良好的中小企业特色产业集群，
 * 构建产业集群新生态；……（责任单位：市工业和信息化局、各区县政府及功能区管理机构）
 *
 * Also here: the later city plan's target that continues clause 1 after 2025 (济政办字〔2025〕24号),
 * so the dashboard can project towards it once the 2025 target date has passed.
 */
import type { Parameter } from '../core/parameter.ts';
import { DRAFT_EFFECTIVE_FROM, draftRef } from './document.ts';

/** New SME characteristic industrial clusters a year (力争每年打造1个). */
export const clause6NewClustersPerYear: Parameter<number> = {
  id: 'clause_6_new_clusters_per_year',
  descriptionZh: '每年新打造中小企业特色产业集群（个）',
  descriptionEn: 'New SME characteristic industrial clusters a year',
  unit: 'count',
  interpretation:
    'Interpretation (dashboard team): the item names no level, so a cluster of any level recognised in a calendar ' +
    'year counts for that year (the ≥ 8 target of item 一(1) counts provincial-or-higher clusters only).',
  values: [{ from: DRAFT_EFFECTIVE_FROM, value: 1, reference: draftRef('六') }],
};

const PLAN_2025_2027 = '济南市促进民营经济发展壮大三年行动计划（2025-2027年）（济政办字〔2025〕24号）';
const PLAN_2025_2027_REF = {
  document: PLAN_2025_2027,
  clause: '主要目标',
  note: 'http://www.jinan.gov.cn/art/2025/10/9/art_2615_5042549.html (shared/reference/tier-standards.md §4.1)',
  unverified: 'Read from an excerpt of the plan; the full text was not checked.',
};

/**
 * "到2027年，累计培育创新型中小企业、专精特新、瞪羚企业、独角兽企业等民营优质企业3600家以上": enterprises, not titles.
 * Interpretation (dashboard team): counted as distinct enterprises holding any quality title in force at the end of
 * 2027 (the registry does not record private ownership; "累计" read as the stock in force, like item 一(1)).
 */
export const plan2027QualityEnterprises: Parameter<number> = {
  id: 'plan_2025_2027_quality_enterprises',
  descriptionZh: '民营优质企业（家以上，到2027年）',
  descriptionEn: 'Private quality enterprises by 2027 (at least)',
  unit: 'count',
  interpretation:
    'Distinct enterprises holding any quality title in force on 2027-12-31; ownership is not recorded, so all count.',
  values: [{ from: '2025-10-01', value: 3600, reference: PLAN_2025_2027_REF }],
};

export const plan2027TargetDate: Parameter<string> = {
  id: 'plan_2025_2027_target_date',
  descriptionZh: '目标年限（到2027年，按2027年末计）',
  descriptionEn: 'Target date (by 2027, read as the end of 2027)',
  unit: 'list',
  interpretation: 'Interpretation (dashboard team): "到2027年" is read as by 2027-12-31.',
  values: [{ from: '2025-10-01', value: '2027-12-31', reference: PLAN_2025_2027_REF }],
};
