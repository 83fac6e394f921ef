/**
 * Carrying out the measures (督办): all thirteen items of the draft, each with its verbatim text and
 * its 责任单位 as printed (the lead unit is the first named, the others are co-responsible), the
 * tasks the units report on, and the indicators that show whether the item is being carried out.
 *
 * Texts and responsible units are not repeated here: measures 一, 二, 四 and 五 take them from their
 * clause modules, the others from measure-texts.ts. This file adds what the general office
 * needs to supervise them: tasks, indicators with targets (dated parameters), the reporting due
 * date and the on-track rule.
 */
import type { ClauseText } from '../core/clause.ts';
import type { Parameter } from '../core/parameter.ts';
import { CLAUSE_1_TEXT, clause1QualitySmes } from './clause-01-targets.ts';
import { CLAUSE_2_TEXT } from './clause-02-ladder-rewards.ts';
import { CLAUSE_4_TEXT } from './clause-04-service-parks.ts';
import { CLAUSE_5_TEXT } from './clause-05-service-carriers.ts';
import { clause6NewClustersPerYear } from './clause-06-clusters.ts';
import { DRAFT_EFFECTIVE_FROM, draftRef } from './document.ts';
import {
  MEASURE_10_TEXT,
  MEASURE_11_TEXT,
  MEASURE_12_TEXT,
  MEASURE_13_TEXT,
  MEASURE_3_TEXT,
  MEASURE_6_TEXT,
  MEASURE_7_TEXT,
  MEASURE_8_TEXT,
  MEASURE_9_TEXT,
} from './measure-texts.ts';

/** How a responsible unit takes part in reporting. */
export type ResponsibleUnitKind =
  /** A department or institution: reports on every measure that names it. */
  | 'department'
  /** A collective name (各区县政府…, 各级行政处罚机关): not one organisation, so no report is expected of it. */
  | 'group'
  /** The general office that supervises (督办): accepts and returns reports; named by no measure. */
  | 'office';

export interface ResponsibleUnit {
  /** As printed in the draft (the key). */
  nameZh: string;
  nameEn: string;
  kind: ResponsibleUnitKind;
}

export const GENERAL_OFFICE_ZH = '市政府办公厅';

/** Every unit the draft names, in order of first appearance, and the supervising office. */
export const RESPONSIBLE_UNITS: readonly ResponsibleUnit[] = [
  { nameZh: '市工业和信息化局', nameEn: 'Municipal Bureau of Industry and Information Technology', kind: 'department' },
  {
    nameZh: '各区县政府及功能区管理机构',
    nameEn: 'District and county governments and functional-zone authorities',
    kind: 'group',
  },
  { nameZh: '市财政局', nameEn: 'Municipal Finance Bureau', kind: 'department' },
  { nameZh: '国家金融监督管理总局莱芜监管分局', nameEn: 'NFRA Laiwu Branch', kind: 'department' },
  { nameZh: '市地方金融管理局', nameEn: 'Municipal Local Financial Administration', kind: 'department' },
  { nameZh: '市市场监管局', nameEn: 'Municipal Administration for Market Regulation', kind: 'department' },
  { nameZh: '人民银行济南营业管理部', nameEn: 'PBOC Jinan Business Management Department', kind: 'department' },
  { nameZh: '济南融资担保集团', nameEn: 'Jinan Financing Guarantee Group', kind: 'department' },
  { nameZh: '市委考核办', nameEn: 'Appraisal Office of the Municipal Party Committee', kind: 'department' },
  { nameZh: '市发展改革委', nameEn: 'Municipal Development and Reform Commission', kind: 'department' },
  { nameZh: '市司法局', nameEn: 'Municipal Bureau of Justice', kind: 'department' },
  { nameZh: '各级行政处罚机关', nameEn: 'Administrative penalty authorities at every level', kind: 'group' },
  { nameZh: '市科技局', nameEn: 'Municipal Science and Technology Bureau', kind: 'department' },
  { nameZh: '市人力资源社会保障局', nameEn: 'Municipal Human Resources and Social Security Bureau', kind: 'department' },
  { nameZh: '市国资委', nameEn: 'Municipal SASAC', kind: 'department' },
  { nameZh: '市教育局', nameEn: 'Municipal Education Bureau', kind: 'department' },
  { nameZh: '市委金融办', nameEn: 'Financial Office of the Municipal Party Committee', kind: 'department' },
  { nameZh: GENERAL_OFFICE_ZH, nameEn: 'General Office of the Municipal Government', kind: 'office' },
];

/**
 * How an indicator's value compares with its target:
 * - `flow`: an amount for the year, compared with the target pro-rated to the elapsed share of the year;
 * - `level`: a stock or a share, compared with the target as it stands.
 */
export type TargetKind = 'flow' | 'level';

/**
 * An indicator the general office follows. Whether it is computed from the platform's data or
 * entered by the units is not decided here: src/modules/measures/indicators.ts registers a
 * computation for an id; an id without one is entered by the units in their reports.
 */
export interface IndicatorDefinition {
  /** Stable id, `m<measure>.<name>`. */
  id: string;
  measure: number;
  labelZh: string;
  labelEn: string;
  /** Display unit: 家, 个, 元, 笔, %, 场, 项. */
  unitZh: string;
  unitEn: string;
  target?: { kind: TargetKind; parameter: Parameter<number> };
}

export interface MeasureDefinition {
  number: number;
  text: ClauseText;
  titleZh: string;
  titleEn: string;
  tasksZh: readonly string[];
  tasksEn: readonly string[];
  indicators: readonly IndicatorDefinition[];
}

const REF = (item: string, unverified?: string) => draftRef(item, unverified);

/** 全面推进 "两书同达": read as every decision that requires a notice delivering both documents. */
export const measure9BothDocumentsShare: Parameter<number> = {
  id: 'measure_9_both_documents_share',
  descriptionZh: '行政处罚决定书与信用修复告知书同步送达比例（目标）',
  descriptionEn: 'Share of penalty decisions delivered together with the credit-repair notice (target)',
  unit: 'ratio',
  interpretation:
    'Interpretation (measures team): "全面推进……同步送达" is read as all decisions that require a notice (100%); ' +
    'the draft sets no number.',
  values: [{ from: DRAFT_EFFECTIVE_FROM, value: 1, reference: REF('九', 'The draft sets no number; 100% read from 全面推进.') }],
};

/**
 * The report for a quarter is due this many working days after the quarter ends (statutory
 * holidays and adjusted working days by chinese-days). The draft says nothing on reporting.
 */
export const measuresReportDueWorkingDays: Parameter<number> = {
  id: 'measures_report_due_working_days',
  descriptionZh: '季度进展报告报送期限（季度结束后工作日数）',
  descriptionEn: 'Quarterly progress report due (working days after the quarter ends)',
  unit: 'working_days',
  interpretation:
    'Platform convention (measures team), not in the draft: 10 working days after the quarter ends, the usual ' +
    'rhythm of quarterly 督办 reports in Jinan; change it here when the general office sets its own.',
  values: [
    {
      from: DRAFT_EFFECTIVE_FROM,
      value: 10,
      reference: { document: 'SME Ladder platform convention', clause: '督办报告期限', unverified: 'Not set by the draft.' },
    },
  ],
};

/**
 * The on-track rule: a `flow` indicator is on track at the end of quarter q when its value for the
 * year so far is at least target × q/4 × this tolerance (for counts, rounded down to whole units,
 * so "one cluster a year" is behind only when the year ends without it); a `level` indicator when
 * its value is at least target × tolerance. A measure is on track when the units' accepted
 * reports say so and every targeted indicator is on track; behind otherwise; "no report" while
 * none of its units has an accepted report for the quarter.
 */
export const measuresOnTrackTolerance: Parameter<number> = {
  id: 'measures_on_track_tolerance',
  descriptionZh: '进度判定容差（指标进度 ≥ 目标 × 年度已过比例 × 容差 即为正常推进）',
  descriptionEn: 'On-track tolerance (progress ≥ target × elapsed share of the year × tolerance)',
  unit: 'ratio',
  interpretation:
    'Platform convention (measures team): progress is compared with the elapsed share of the year (quarters ended / 4), ' +
    'without slack (1.0). Lower it to allow slack.',
  values: [
    {
      from: DRAFT_EFFECTIVE_FROM,
      value: 1,
      reference: { document: 'SME Ladder platform convention', clause: '督办进度判定', unverified: 'Not set by the draft.' },
    },
  ],
};

const ind = (
  measure: number,
  name: string,
  labelZh: string,
  labelEn: string,
  unit: [string, string],
  target?: IndicatorDefinition['target'],
): IndicatorDefinition => ({
  id: `m${measure}.${name}`,
  measure,
  labelZh,
  labelEn,
  unitZh: unit[0],
  unitEn: unit[1],
  ...(target ? { target } : {}),
});

const COUNT: [string, string] = ['家', 'enterprises'];
const YUAN: [string, string] = ['元', 'yuan'];
const ITEMS: [string, string] = ['个', 'items'];
const LOANS: [string, string] = ['笔', 'loans'];
const SHARE: [string, string] = ['%', '%'];
const EVENTS: [string, string] = ['场', 'events'];
const PROJECTS: [string, string] = ['项', 'projects'];

export const MEASURES: readonly MeasureDefinition[] = [
  {
    number: 1,
    text: CLAUSE_1_TEXT,
    titleZh: '强化优质中小企业队伍建设',
    titleEn: 'Grow the body of quality SMEs',
    tasksZh: ['按梯度培育优质中小企业，跟踪各类称号认定进度', '培育省级以上中小企业特色产业集群'],
    tasksEn: ['Cultivate quality SMEs up the ladder; follow recognitions by title', 'Cultivate provincial-or-higher clusters'],
    indicators: [
      ind(1, 'titles_in_force', '有效期内优质中小企业称号（个）', 'Quality titles in force', ITEMS, {
        kind: 'level',
        parameter: clause1QualitySmes,
      }),
      ind(1, 'new_titles', '本年新认定称号', 'Titles newly recognised this year', ITEMS),
    ],
  },
  {
    number: 2,
    text: CLAUSE_2_TEXT,
    titleZh: '支持优质中小企业优化升级',
    titleEn: 'Ladder rewards',
    tasksZh: ['对新认定企业兑现一次性奖励', '对复核或重新认定企业兑现延续性奖励'],
    tasksEn: ['Pay the one-time rewards of new recognitions', 'Pay the continuation rewards of renewals'],
    indicators: [
      ind(2, 'rewards_paid', '本年已兑现奖励金额', 'Rewards paid this year', YUAN),
      ind(2, 'rewards_paid_cases', '本年已兑现奖励笔数', 'Reward payments this year', LOANS),
    ],
  },
  {
    number: 3,
    text: MEASURE_3_TEXT,
    titleZh: '鼓励银行机构加大对优质中小企业支持力度',
    titleEn: 'Bank support for quality SMEs',
    tasksZh: ['重点服务名单与信贷绿色通道', '专项担保产品与“专精特新险”', '知识产权质押融资'],
    tasksEn: ['Key-service list and green credit channel', 'Special guarantee products and insurance', 'IP pledge loans'],
    indicators: [
      ind(3, 'loans_to_quality_smes', '本年向优质中小企业发放贷款（笔）', 'Loans to quality SMEs this year', LOANS),
      ind(3, 'loan_amount_to_quality_smes', '本年向优质中小企业发放贷款金额', 'Loan amount to quality SMEs this year', YUAN),
      ind(3, 'ip_pledge_loans', '本年知识产权质押贷款（笔）', 'IP pledge loans this year', LOANS),
    ],
  },
  {
    number: 4,
    text: CLAUSE_4_TEXT,
    titleZh: '优化中小企业公共服务体系',
    titleEn: 'Public service system and service parks',
    tasksZh: ['推进济南新动能中小企业创新交流中心建设', '对工信部认定的优质培育服务园区给予资金扶持'],
    tasksEn: ['Build the Jinan new-momentum SME innovation exchange centre', 'Fund parks recognised by MIIT'],
    indicators: [ind(4, 'park_support_paid', '本年园区扶持资金兑现金额', 'Park support paid this year', YUAN)],
  },
  {
    number: 5,
    text: CLAUSE_5_TEXT,
    titleZh: '支持中小企业服务载体建设',
    titleEn: 'Service carriers',
    tasksZh: ['对示范基地培育入驻企业给予奖励', '对新认定公共服务示范平台给予奖励'],
    tasksEn: ['Reward demonstration bases for residents recognised', 'Reward newly recognised service platforms'],
    indicators: [
      ind(5, 'carrier_rewards_paid', '本年载体奖励兑现金额', 'Carrier rewards paid this year', YUAN),
      ind(5, 'carriers_in_force', '有效期内示范基地和服务平台（个）', 'Bases and platforms in force', ITEMS),
    ],
  },
  {
    number: 6,
    text: MEASURE_6_TEXT,
    titleZh: '推进中小企业特色产业集群建设',
    titleEn: 'Characteristic industrial clusters',
    tasksZh: ['每年打造1个中小企业特色产业集群', '引导集群运营管理单位推动主导产业提质升级'],
    tasksEn: ['Build one cluster a year', 'Guide cluster operators to upgrade the leading industry'],
    indicators: [
      ind(6, 'new_clusters', '本年新认定特色产业集群', 'Clusters recognised this year', ITEMS, {
        kind: 'flow',
        parameter: clause6NewClustersPerYear,
      }),
    ],
  },
  {
    number: 7,
    text: MEASURE_7_TEXT,
    titleZh: '加快中小企业数字化转型',
    titleEn: 'Digital transformation',
    tasksZh: ['依托数字化转型试点城市建设推动企业“上云用数赋智”'],
    tasksEn: ['Move enterprises to the cloud, data and intelligence under the pilot-city programme'],
    indicators: [ind(7, 'digital_transformation_enterprises', '完成数字化改造企业', 'Enterprises transformed', COUNT)],
  },
  {
    number: 8,
    text: MEASURE_8_TEXT,
    titleZh: '开展全市中小企业发展环境评估',
    titleEn: 'SME development environment assessment',
    tasksZh: ['对标先进城市查找差距', '对各区县进行纵向评估并纳入考核'],
    tasksEn: ['Compare with leading cities', 'Assess the districts and count it in their appraisal'],
    indicators: [ind(8, 'districts_assessed', '完成发展环境评估的区县', 'Districts assessed', ITEMS)],
  },
  {
    number: 9,
    text: MEASURE_9_TEXT,
    titleZh: '落实中小企业信用修复主动告知制度',
    titleEn: 'Credit-repair notices with penalty decisions',
    tasksZh: ['作出行政处罚决定后同步送达信用修复告知书（两书同达）'],
    tasksEn: ['Deliver the credit-repair notice together with the penalty decision'],
    indicators: [
      ind(9, 'both_documents_share', '本年两书同达比例', 'Decisions delivered with the notice this year', SHARE, {
        kind: 'level',
        parameter: measure9BothDocumentsShare,
      }),
      ind(9, 'decisions_delivered', '本年已送达需告知的处罚决定', 'Decisions requiring a notice delivered this year', ITEMS),
    ],
  },
  {
    number: 10,
    text: MEASURE_10_TEXT,
    titleZh: '提升知识产权赋能力度',
    titleEn: 'Intellectual property empowerment',
    tasksZh: ['推进高质量知识产权布局与转化', '加强海外纠纷应对与商业秘密保护'],
    tasksEn: ['High-quality IP layout and transfer', 'Overseas dispute guidance and trade-secret protection'],
    indicators: [ind(10, 'ip_pledge_financing', '知识产权质押融资金额', 'IP pledge financing', YUAN)],
  },
  {
    number: 11,
    text: MEASURE_11_TEXT,
    titleZh: '促进大中小企业融通创新发展',
    titleEn: 'Large-small enterprise integrated innovation',
    tasksZh: ['开展大中小企业“携手行动”', '常态化开展供需对接活动', '实施企业经营管理人才素质提升工程'],
    tasksEn: ['The 携手行动', 'Regular supply-demand matchmaking events', 'Management talent programme'],
    indicators: [ind(11, 'matchmaking_events', '供需对接活动', 'Matchmaking events', EVENTS)],
  },
  {
    number: 12,
    text: MEASURE_12_TEXT,
    titleZh: '推动优质中小企业产学研协同创新',
    titleEn: 'Industry-university-research collaboration',
    tasksZh: ['征集技术成果转移目录和技术研发需求目录', '推动供需双向“揭榜”'],
    tasksEn: ['Collect the achievement and demand catalogues', 'Two-way 揭榜'],
    indicators: [ind(12, 'jiebang_contracts', '“揭榜”签约项目', '揭榜 contracts signed', PROJECTS)],
  },
  {
    number: 13,
    text: MEASURE_13_TEXT,
    titleZh: '激发中小企业创新创业活力',
    titleEn: 'Innovation and entrepreneurship',
    tasksZh: ['举办“创客济南”大赛并推荐参加省赛和全国大赛', '组织重点产业链优质项目路演', '引导基金投资'],
    tasksEn: ['Hold 创客济南 and recommend projects to the provincial and national rounds', 'Roadshows', 'Fund investment'],
    indicators: [
      ind(13, 'roadshows_held', '举办路演', 'Roadshows held', EVENTS),
      ind(13, 'projects_recommended', '推荐参加省赛、国赛项目', 'Projects recommended to higher rounds', PROJECTS),
    ],
  },
];

export const MEASURE_NUMBERS = MEASURES.map((m) => m.number);

export function measureOf(n: number): MeasureDefinition | undefined {
  return MEASURES.find((m) => m.number === n);
}

/** The lead unit is the first named (牵头), the rest are co-responsible (配合). */
export function leadUnitOf(m: MeasureDefinition): string {
  return m.text.responsibleUnitsZh[0]!;
}

/** The units expected to report on a measure: every department it names (groups are not one organisation). */
export function reportingUnitsOf(m: MeasureDefinition): string[] {
  return m.text.responsibleUnitsZh.filter((u) => RESPONSIBLE_UNITS.find((r) => r.nameZh === u)?.kind === 'department');
}

export const ALL_INDICATORS: readonly IndicatorDefinition[] = MEASURES.flatMap((m) => m.indicators);
