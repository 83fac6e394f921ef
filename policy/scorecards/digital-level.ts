/**
 * Enterprise digital level (measure 七: 加快中小企业数字化转型; 专精特新 评价指标 5 “数字化水平”):
 * the self-assessment questionnaire after 工业和信息化部办公厅《中小企业数字化水平评测指标（2024年版）》
 * 工信厅企业〔2024〕56号 (2024-09-04), as recorded in other-domains.md §3.2 from a scraped copy of the
 * official online questionnaire (secondary evidence). The scored part has three parts — 数字化基础 50,
 * 数字化管理 30, 数字化成效 20 — and 15 questions; a question's points are the option's points
 * (single choice) or the sum of the chosen items (multiple choice, capped at its maximum).
 *
 * Level rule: the 2024 version's rule (how the 16 数字化经营 scenes combine with the score) was NOT
 * FOUND; the level bands below are the 2022 version's (工信厅企业〔2022〕32号: 一级 20—40, 二级 40—60,
 * 三级 60—80, 四级 80以上), marked unverified for the 2024 questionnaire and replaceable by a dated value.
 */
import { valueAt, type Parameter, type Reference } from '../core/parameter.ts';
import { evaluateScorecard, type LevelBand, type ScorecardDef, type UnitResult } from './scorecard.ts';

export const DIGITAL_2024_FROM = '2024-09-04';

const REF_2024: Reference = {
  document: '工业和信息化部办公厅《关于发布〈中小企业数字化水平评测指标（2024年版）〉的通知》工信厅企业〔2024〕56号',
  clause: '评测指标（数字化基础50、数字化管理30、数字化成效20）',
  note: 'other-domains.md §3.2: points from a scraped copy of the official online questionnaire (secondary, UNSURE whether complete)',
};

export interface Option {
  id: string;
  labelZh: string;
  labelEn: string;
  points: number;
}

export interface Question {
  id: string;
  partId: 'foundation' | 'management' | 'outcomes';
  textZh: string;
  textEn: string;
  kind: 'single' | 'multi';
  max: number;
  options: readonly Option[];
  adviceZh: string;
  adviceEn: string;
}

export interface Part {
  id: Question['partId'];
  nameZh: string;
  nameEn: string;
  max: number;
}

const o = (id: string, labelZh: string, labelEn: string, points: number): Option => ({ id, labelZh, labelEn, points });
const NONE = o('none', '无', 'none', 0);
const RATE = (): Option[] => [
  o('r0', '0–10%', '0–10%', 0),
  o('r10', '10%–20%', '10–20%', 1.5),
  o('r20', '20%–40%', '20–40%', 3),
  o('r40', '40%–60%', '40–60%', 4.5),
  o('r60', '60%以上', 'over 60%', 6),
];
const CHANGE = (good: 'up' | 'down', max: number): Option[] => {
  const half = max / 2;
  return good === 'down'
    ? [o('up', '增加', 'rose', 0), o('flat', '持平', 'unchanged', half), o('down', '降低', 'fell', max)]
    : [o('down', '降低', 'fell', 0), o('flat', '持平', 'unchanged', half), o('up', '增加', 'rose', max)];
};
const COLLECT = [
  ['design', '产品设计', 'product design'],
  ['process', '工艺设计', 'process design'],
  ['marketing', '营销管理', 'marketing'],
  ['after_sales', '售后服务', 'after-sales'],
  ['planning', '计划排程', 'scheduling'],
  ['production', '生产管控', 'production control'],
  ['quality', '质量管理', 'quality'],
  ['equipment', '设备管理', 'equipment'],
  ['safety', '安全生产', 'safety'],
  ['energy', '能耗管理', 'energy'],
  ['purchasing', '采购管理', 'purchasing'],
  ['logistics', '仓储物流', 'warehousing and logistics'],
  ['finance', '财务管理', 'finance'],
] as const;

export const digitalQuestions: Parameter<readonly Question[]> = {
  id: 'measure_7_digital_level_2024_questions',
  unit: 'list',
  descriptionZh: '中小企业数字化水平评测指标（2024年版）评分部分：15题，满分100',
  descriptionEn: 'SME digital level indicators (2024): the scored part, 15 questions, 100 points',
  values: [
    {
      from: DIGITAL_2024_FROM,
      reference: REF_2024,
      value: [
        {
          id: 'network',
          partId: 'foundation',
          textZh: '网络建设：企业网络建设连接情况（多选）',
          textEn: 'Network: how the enterprise is connected (multiple)',
          kind: 'multi',
          max: 8,
          options: [
            NONE,
            o('industrial', '工控网络', 'industrial control network', 2),
            o('systems', '应用系统网络（大规模设备人员系统互联）', 'application network', 2),
            o('5g', '5G工业网络', '5G industrial network', 2),
            o('full', '网络全面覆盖生产现场', 'network covers the whole shop floor', 2),
          ],
          adviceZh: '完善工控网络与应用系统网络，推进5G工业网络覆盖生产现场。',
          adviceEn: 'Build out control and application networks; bring 5G coverage to the shop floor.',
        },
        {
          id: 'equipment_digital',
          partId: 'foundation',
          textZh: '设备数字化：生产设备数字化率',
          textEn: 'Share of production equipment that is digital',
          kind: 'single',
          max: 6,
          options: RATE(),
          adviceZh: '分批改造或更新关键生产设备，提高设备数字化率。',
          adviceEn: 'Retrofit or replace key machines in batches to raise the digital share.',
        },
        {
          id: 'equipment_connected',
          partId: 'foundation',
          textZh: '设备联网：生产设备联网率',
          textEn: 'Share of production equipment connected',
          kind: 'single',
          max: 6,
          options: RATE(),
          adviceZh: '为数字化设备加装联网模块，接入工业互联网平台。',
          adviceEn: 'Connect digital machines and join an industrial internet platform.',
        },
        {
          id: 'data_collection',
          partId: 'foundation',
          textZh: '数据采集：实现数据自动采集的业务环节（多选）',
          textEn: 'Business steps with automatic data collection (multiple)',
          kind: 'multi',
          max: 10,
          options: [NONE, ...COLLECT.map(([id, zh, en]) => o(id, zh, en, 0.7)), o('hr', '人力资源', 'human resources', 0.9)],
          adviceZh: '从质量、设备、能耗等环节起步，实现数据自动采集。',
          adviceEn: 'Start automatic data collection with quality, equipment and energy.',
        },
        {
          id: 'information_systems',
          partId: 'foundation',
          textZh: '信息系统：使用本地或云化信息化服务实现业务数字化管理情况',
          textEn: 'Use of on-premise or cloud systems to manage the business',
          kind: 'single',
          max: 10,
          options: [
            NONE,
            o('single', '单个业务环节', 'one business step', 2.5),
            o('several', '多个（≥2）业务环节', 'several steps', 5),
            o('most', '绝大部分（>80%）业务环节', 'most steps (>80%)', 7.5),
            o('all', '全部业务环节', 'all steps', 10),
          ],
          adviceZh: '选用“小快轻准”云化产品，扩大信息系统覆盖的业务环节。',
          adviceEn: 'Adopt small, fast cloud products to cover more business steps.',
        },
        {
          id: 'network_security',
          partId: 'foundation',
          textZh: '网络安全：已采取的措施（多选）',
          textEn: 'Network security measures taken (multiple)',
          kind: 'multi',
          max: 5,
          options: [
            NONE,
            o('policy', '网络安全管理制度', 'security policy', 1.25),
            o('products', '使用网络安全产品或服务', 'security products or services', 1.25),
            o('risk', '定期开展风险评估', 'regular risk assessment', 1.25),
            o('access', '边界访问控制及入侵、恶意代码检测', 'boundary control and intrusion detection', 1.25),
          ],
          adviceZh: '建立网络安全制度，开展风险评估并部署边界防护。',
          adviceEn: 'Set a security policy, assess risks and protect the boundary.',
        },
        {
          id: 'data_security',
          partId: 'foundation',
          textZh: '数据安全：已采取的措施（多选）',
          textEn: 'Data security measures taken (multiple)',
          kind: 'multi',
          max: 5,
          options: [
            NONE,
            o('policy', '数据安全管理制度', 'data security policy', 1.25),
            o('protect', '加密、备份、脱敏或分级分类', 'encryption, backup, masking or classification', 1.25),
            o('risk', '数据安全风险评估', 'data risk assessment', 1.25),
            o('ledger', '数据台账及定期核验', 'data register checked regularly', 1.25),
          ],
          adviceZh: '建立数据台账，落实加密、备份与分级分类保护。',
          adviceEn: 'Keep a data register; encrypt, back up and classify data.',
        },
        {
          id: 'planning',
          partId: 'management',
          textZh: '规划实施：企业对数字化的认识与执行水平',
          textEn: 'Digital planning and execution',
          kind: 'single',
          max: 7.5,
          options: [
            NONE,
            o('aware', '主动了解数字化转型', 'learning about it', 1.5),
            o('plan', '制定数字化转型规划或计划', 'a plan adopted', 3),
            o('pilot', '开展单点或多点数字化改造', 'one or more retrofits', 4.5),
            o('changed', '业务模式或管理决策改变并取得成效', 'business or decisions changed with results', 6),
            o('exchange', '定期组织参观交流、持续改进', 'regular exchange and improvement', 7.5),
          ],
          adviceZh: '制定数字化转型规划，明确分步实施路径与责任人。',
          adviceEn: 'Adopt a transformation plan with steps and owners.',
        },
        {
          id: 'mechanisms',
          partId: 'management',
          textZh: '管理机制：已建立的数字化管理制度（多选）',
          textEn: 'Digital management rules in place (multiple)',
          kind: 'multi',
          max: 7.5,
          options: [
            NONE,
            o('workflow', '转型实施工作流程', 'transformation workflow', 1.875),
            o('systems', '信息系统建设及运营管理制度', 'systems operation rules', 1.875),
            o('data', '数据资源管理制度', 'data management rules', 1.875),
            o('incentive', '创新激励制度', 'innovation incentives', 1.875),
          ],
          adviceZh: '建立信息系统运营、数据资源管理与创新激励制度。',
          adviceEn: 'Set rules for systems, data and innovation incentives.',
        },
        {
          id: 'talent',
          partId: 'management',
          textZh: '人才建设：已采取的措施（多选）',
          textEn: 'Digital talent measures (multiple)',
          kind: 'multi',
          max: 7.5,
          options: [
            NONE,
            o('staff', '专职或兼职数字化人才', 'digital staff', 1.5),
            o('unit', '设立专门岗位或部门', 'a dedicated post or unit', 1.5),
            o('training', '定期开展培训', 'regular training', 1.5),
            o('pay', '绩效与薪酬激励', 'performance pay', 1.5),
            o('ladder', '人才梯度培育机制', 'a talent ladder', 1.5),
          ],
          adviceZh: '设立数字化岗位，参加平台人才培训活动。',
          adviceEn: 'Create digital posts and join the platform’s training.',
        },
        {
          id: 'funding',
          partId: 'management',
          textZh: '资金保障：近三年平均数字化投入占营业额比例',
          textEn: 'Digital spending as a share of revenue (three-year average)',
          kind: 'single',
          max: 7.5,
          // Bands as in the scraped JSON; the reference notes they look unusually high (verify).
          options: [
            o('r0', '0–10%', '0–10%', 0),
            o('r10', '10%–20%', '10–20%', 1.875),
            o('r20', '20%–40%', '20–40%', 3.75),
            o('r40', '40%–60%', '40–60%', 5.625),
            o('r60', '60%以上', 'over 60%', 7.5),
          ],
          adviceZh: '设立数字化专项预算，申报数字化转型试点资金。',
          adviceEn: 'Budget for digitalisation; apply for pilot-city funds.',
        },
        {
          id: 'energy',
          partId: 'outcomes',
          textZh: '绿色低碳：改造后每百元营业收入综合能源消费量',
          textEn: 'Energy used per 100 yuan of revenue after the retrofit',
          kind: 'single',
          max: 7,
          options: CHANGE('down', 7),
          adviceZh: '上线能耗监测，优化高耗能工序。',
          adviceEn: 'Monitor energy and optimise energy-heavy steps.',
        },
        {
          id: 'quality_rate',
          partId: 'outcomes',
          textZh: '产品质量：改造后月均产品合格率',
          textEn: 'Monthly pass rate after the retrofit',
          kind: 'single',
          max: 7,
          options: CHANGE('up', 7),
          adviceZh: '以质量数据采集与分析驱动工艺改进。',
          adviceEn: 'Use quality data to improve the process.',
        },
        {
          id: 'revenue_per_head',
          partId: 'outcomes',
          textZh: '市场表现：上年人均营业收入（与前年比）',
          textEn: 'Revenue per employee last year vs the year before',
          kind: 'single',
          max: 3,
          options: CHANGE('up', 3),
          adviceZh: '以数字化营销与协同提升人均产出。',
          adviceEn: 'Raise output per head with digital sales and collaboration.',
        },
        {
          id: 'cost',
          partId: 'outcomes',
          textZh: '价值效益：上年每百元营业收入中的成本（与前年比）',
          textEn: 'Cost per 100 yuan of revenue last year vs the year before',
          kind: 'single',
          max: 3,
          options: CHANGE('down', 3),
          adviceZh: '以计划排程与供应链数字化降低成本。',
          adviceEn: 'Cut costs with digital scheduling and supply chain.',
        },
      ],
    },
  ],
};

export const digitalParts: Parameter<readonly Part[]> = {
  id: 'measure_7_digital_level_2024_parts',
  unit: 'points',
  descriptionZh: '评分部分：数字化基础50、数字化管理30、数字化成效20',
  descriptionEn: 'Parts: foundation 50, management 30, outcomes 20',
  values: [
    {
      from: DIGITAL_2024_FROM,
      reference: REF_2024,
      value: [
        { id: 'foundation', nameZh: '数字化基础', nameEn: 'Foundation', max: 50 },
        { id: 'management', nameZh: '数字化管理', nameEn: 'Management', max: 30 },
        { id: 'outcomes', nameZh: '数字化成效', nameEn: 'Outcomes', max: 20 },
      ],
    },
  ],
};

export const digitalLevelBands: Parameter<readonly LevelBand[]> = {
  id: 'measure_7_digital_level_bands',
  unit: 'bands',
  descriptionZh: '数字化水平等级：一级20—40分、二级40—60分、三级60—80分、四级80分以上（2022年版规则）',
  descriptionEn: 'Digital levels: L1 20–40, L2 40–60, L3 60–80, L4 80+ (2022 rule)',
  interpretation:
    '2024年版的定级规则（16个场景与得分如何结合）未找到，暂沿用2022年版分数段。The 2024 level rule was not found; the 2022 bands are used.',
  values: [
    {
      from: DIGITAL_2024_FROM,
      reference: {
        document: '工业和信息化部办公厅《中小企业数字化水平评测指标（2022年版）》工信厅企业〔2022〕32号',
        clause: '等级：一级（20—40分）二级（40—60分）三级（60—80分）四级（80分以上）',
        note: 'https://www.ahchanye.com/zc/23647.html (other-domains.md §3.3)',
        unverified: '2024年版定级规则未找到（other-domains.md §3.3），沿用2022年版分数段，待核对官方PDF第7页',
      },
      value: [
        { level: 1, min: 20, labelZh: '一级', labelEn: 'Level 1' },
        { level: 2, min: 40, labelZh: '二级', labelEn: 'Level 2' },
        { level: 3, min: 60, labelZh: '三级', labelEn: 'Level 3' },
        { level: 4, min: 80, labelZh: '四级', labelEn: 'Level 4' },
      ],
    },
  ],
};

export const digitalAdviceCount: Parameter<number> = {
  id: 'measure_7_digital_level_advice_count',
  unit: 'count',
  descriptionZh: '改进建议：得分率最低的3项',
  descriptionEn: 'Advice on the 3 weakest questions',
  interpretation: '本平台提议。Platform proposal.',
  values: [
    {
      from: DIGITAL_2024_FROM,
      reference: { ...REF_2024, unverified: '建议条数为本平台设定，非评测指标规定' },
      value: 3,
    },
  ],
};

export const DIGITAL_LEVEL_PARAMETERS = [digitalQuestions, digitalParts, digitalLevelBands, digitalAdviceCount] as const;

/** Answers: question id → chosen option ids (one for single choice). */
export type Answers = Readonly<Record<string, readonly string[]>>;

export interface AnswerProblem {
  field: string;
  zh: string;
  en: string;
}

export interface DigitalQuestionnaire {
  version: string;
  questions: readonly Question[];
  parts: readonly Part[];
  bands: readonly LevelBand[];
  adviceCount: number;
}

export function digitalQuestionnaire(date: string): DigitalQuestionnaire {
  const q = valueAt(digitalQuestions, date);
  const p = valueAt(digitalParts, date);
  const b = valueAt(digitalLevelBands, date);
  const a = valueAt(digitalAdviceCount, date);
  if (!q || !p || !b || !a) throw new Error(`no digital-level questionnaire in force on ${date}`);
  return { version: '2024', questions: q.value, parts: p.value, bands: b.value, adviceCount: a.value };
}

/** Every problem with the answers (unknown question, unknown option, two options in a single choice, missing). */
export function checkAnswers(qn: DigitalQuestionnaire, answers: Answers): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const known = new Set(qn.questions.map((q) => q.id));
  for (const id of Object.keys(answers))
    if (!known.has(id)) problems.push({ field: `answers.${id}`, zh: '没有这道题', en: 'no such question' });
  for (const q of qn.questions) {
    const chosen = answers[q.id];
    const field = `answers.${q.id}`;
    if (!chosen || chosen.length === 0) {
      problems.push({ field, zh: `请回答“${q.textZh}”`, en: `answer “${q.textEn}”` });
      continue;
    }
    const ids = new Set(q.options.map((x) => x.id));
    for (const c of chosen) if (!ids.has(c)) problems.push({ field, zh: `选项“${c}”不存在`, en: `option '${c}' does not exist` });
    if (q.kind === 'single' && chosen.length > 1) problems.push({ field, zh: '单选题只能选一项', en: 'choose one option only' });
    if (q.kind === 'multi' && chosen.includes('none') && chosen.length > 1)
      problems.push({ field, zh: '选择“无”时不能再选其他项', en: '“none” excludes the other options' });
    if (new Set(chosen).size !== chosen.length) problems.push({ field, zh: '选项重复', en: 'an option is repeated' });
  }
  return problems;
}

/** Points of one question (multiple choice: the sum of the chosen items, at most the question's maximum). */
export function questionPoints(q: Question, chosen: readonly string[]): number {
  const pts = q.options.filter((x) => chosen.includes(x.id)).reduce((s, x) => s + x.points, 0);
  return Math.round(Math.min(pts, q.max) * 10000) / 10000;
}

/** The questionnaire as a scorecard: parts as dimensions weighted by their maximum, questions weighted by theirs. */
export function digitalScorecard(qn: DigitalQuestionnaire): ScorecardDef {
  return {
    id: 'digital_level',
    dimensions: qn.parts.map((p) => ({
      id: p.id,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      weight: p.max,
      indicators: qn.questions
        .filter((q) => q.partId === p.id)
        .map((q) => ({
          id: q.id,
          nameZh: q.textZh,
          nameEn: q.textEn,
          unitZh: '分',
          unitEn: 'points',
          direction: 'higher' as const,
          normalisation: { kind: 'points' as const, max: q.max },
          weight: q.max,
        })),
    })),
    bands: qn.bands,
    weakLinkMargin: 0,
  };
}

export interface DigitalResult {
  version: string;
  /** 0..100 = the sum of the questions' points. */
  score: number;
  /** 0 = below level 1. */
  level: number;
  levelLabelZh: string;
  levelLabelEn: string;
  parts: { id: string; nameZh: string; nameEn: string; points: number; max: number; percent: number }[];
  questions: { id: string; points: number; max: number }[];
  advice: {
    questionId: string;
    textZh: string;
    textEn: string;
    points: number;
    max: number;
    adviceZh: string;
    adviceEn: string;
  }[];
  scorecard: UnitResult;
}

/** Scores a complete, checked set of answers. */
export function assessDigitalLevel(qn: DigitalQuestionnaire, answers: Answers): DigitalResult {
  const values: Record<string, number> = {};
  for (const q of qn.questions) values[q.id] = questionPoints(q, answers[q.id] ?? []);
  const [unit] = evaluateScorecard(digitalScorecard(qn), [{ code: 'self', ranked: false, values }]);
  if (!unit || unit.total === null) throw new Error('no score');
  // The total is Σ part.max × partScore / 100 = Σ points (weights proportional to maxima).
  const score = Math.round(unit.total * 100) / 100;
  const parts = qn.parts.map((p) => {
    const pts = qn.questions.filter((q) => q.partId === p.id).reduce((s, q) => s + (values[q.id] ?? 0), 0);
    const r = Math.round(pts * 10000) / 10000;
    return { id: p.id, nameZh: p.nameZh, nameEn: p.nameEn, points: r, max: p.max, percent: Math.round((r / p.max) * 1000) / 10 };
  });
  const questions = qn.questions.map((q) => ({ id: q.id, points: values[q.id] ?? 0, max: q.max }));
  // weakest: lowest share of the maximum, then most points lost, then questionnaire order
  const advice = qn.questions
    .map((q, k) => ({ q, k, share: (values[q.id] ?? 0) / q.max, lost: q.max - (values[q.id] ?? 0) }))
    .filter((x) => x.share < 1)
    .sort((a, b) => a.share - b.share || b.lost - a.lost || a.k - b.k)
    .slice(0, qn.adviceCount)
    .map(({ q }) => ({
      questionId: q.id,
      textZh: q.textZh,
      textEn: q.textEn,
      points: values[q.id] ?? 0,
      max: q.max,
      adviceZh: q.adviceZh,
      adviceEn: q.adviceEn,
    }));
  const band = unit.level;
  return {
    version: qn.version,
    score,
    level: band?.level ?? 0,
    levelLabelZh: band?.labelZh ?? '未达一级',
    levelLabelEn: band?.labelEn ?? 'below level 1',
    parts,
    questions,
    advice,
    scorecard: unit,
  };
}
