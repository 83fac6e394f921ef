/**
 * 创客济南 competition: the organiser's settings as dated parameters. Measure 四、（十三） only says
 * the city holds the competition, selects projects and recommends them to the provincial and
 * national rounds; every threshold below is the organising committee's (组委会) choice for an
 * edition, not a number printed in the measures. Each value carries an `unverified` note saying so:
 * a new edition's rules add a dated value, history is never rewritten.
 */
import type { Parameter, Reference } from '../core/parameter.ts';

export const MEASURES_DOCUMENT = '济南市关于加快培育优质中小企业若干措施（征求意见稿）';
/** The clause text the competition serves (verbatim). */
export const MEASURE_13_TEXT =
  '（十三）激发中小企业创新创业活力。举办“创客济南”大赛，遴选优质“创新创业”项目，推荐参加省赛和全国大赛；针对重点产业链优质项目组织开展路演活动，积极引导国家、省、市级基金对项目进行投资及产业孵化……';

const organiser = (clause: string, assumed: string): Reference => ({
  document: '“创客济南”中小企业创新创业大赛组委会参赛规则（组织方设置）',
  clause,
  note: `Serves ${MEASURES_DOCUMENT} 四、（十三）.`,
  unverified: `Organiser's setting, not printed in the measures: ${assumed}`,
});

const FROM_2025 = '2025-01-01';

function setting<T>(id: string, unit: Parameter<T>['unit'], zh: string, en: string, value: T, ref: Reference): Parameter<T> {
  return { id, unit, descriptionZh: zh, descriptionEn: en, values: [{ from: FROM_2025, value, reference: ref }] };
}

export const enterpriseGroupMustBeInJinan = setting<boolean>(
  'competition_enterprise_group_registered_in_jinan',
  'switch',
  '企业组：须在济南市注册登记',
  'Enterprise group: the enterprise must be registered in Jinan',
  true,
  organiser('参赛条件·企业组（一）', 'a city competition admits Jinan-registered enterprises only.'),
);

export const enterpriseGroupMaxAgeYears = setting<number>(
  'competition_enterprise_group_max_age_years',
  'years',
  '企业组：成立时间不超过（年）',
  'Enterprise group: founded at most this many years before registration',
  5,
  organiser('参赛条件·企业组（二）', 'five years, as in comparable 创客中国 regional rules; confirm per edition.'),
);

export const enterpriseGroupRevenueCap = setting<number>(
  'competition_enterprise_group_revenue_cap',
  'yuan',
  '企业组：上年度营业收入低于（元）',
  "Enterprise group: last year's operating revenue below (yuan)",
  200_000_000,
  organiser('参赛条件·企业组（三）', '¥200 million, as in comparable 创客中国 rules; confirm per edition.'),
);

export const makerGroupMustBeUnregistered = setting<boolean>(
  'competition_maker_group_unregistered',
  'switch',
  '创客组：团队尚未注册成立企业',
  'Maker group: the team has not yet registered a company',
  true,
  organiser('参赛条件·创客组', 'the usual definition of a maker (创客) group.'),
);

export const trimFromJudges = setting<number>(
  'competition_trim_from_judges',
  'count',
  '评审人数达到该数时去掉一个最高分和一个最低分',
  'From this many judges on, the highest and the lowest score are dropped',
  5,
  organiser('评审规则（一）', 'trimming needs at least five scores to leave three.'),
);

export const minimumJudges = setting<number>(
  'competition_minimum_judges',
  'count',
  '项目排名所需的最少评审人数',
  'Judges who must have scored a project before the stage can be ranked',
  3,
  organiser('评审规则（二）', 'three judges at least.'),
);

export const recommendNational = setting<number>(
  'competition_recommend_national_count',
  'count',
  '决赛每组前若干名推荐参加全国赛',
  'Places per group in the final recommended to the national round',
  2,
  organiser('推荐规则（一）', 'two places per group; the province sets the real quota each year.'),
);

export const recommendProvincial = setting<number>(
  'competition_recommend_provincial_count',
  'count',
  '其后若干名推荐参加省赛',
  'Further places per group recommended to the provincial round',
  4,
  organiser('推荐规则（二）', 'four further places per group; the province sets the real quota each year.'),
);

export const judgesPerProject = setting<number>(
  'competition_judges_per_project',
  'count',
  '每个项目分配的评审专家人数（新增阶段的默认值）',
  'Judges assigned to each project (the default for a new stage)',
  5,
  organiser(
    '评审规则（三）',
    'five judges a project, so that the highest and lowest can be dropped; the committee may set another number per stage.',
  ),
);

/** A criterion of the default rubric: key, Chinese and English name, integer weight in percent. */
export interface RubricCriterion {
  key: string;
  zh: string;
  en: string;
  weight: number;
}

export const defaultRubric = setting<readonly RubricCriterion[]>(
  'competition_default_rubric',
  'list',
  '评分细则（新增评审阶段的默认值，权重合计100）',
  'The rubric (default for a new scored stage; weights add up to 100)',
  [
    { key: 'innovation', zh: '技术创新性', en: 'Technical innovation', weight: 30 },
    { key: 'market', zh: '市场前景', en: 'Market prospects', weight: 25 },
    { key: 'business_model', zh: '商业模式', en: 'Business model', weight: 15 },
    { key: 'team', zh: '团队能力', en: 'Team', weight: 20 },
    { key: 'social_value', zh: '社会与产业带动', en: 'Social and industrial value', weight: 10 },
  ],
  organiser('评审规则（四）', 'the weights follow comparable 创客中国 rubrics; the committee may set its own per stage.'),
);

export const COMPETITION_PARAMETERS = [
  enterpriseGroupMustBeInJinan,
  enterpriseGroupMaxAgeYears,
  enterpriseGroupRevenueCap,
  makerGroupMustBeUnregistered,
  trimFromJudges,
  minimumJudges,
  recommendNational,
  recommendProvincial,
  judgesPerProject,
  defaultRubric,
] as const;
