/**
 * Item 一(1) of the draft measures: the targets for 2025. Not a money clause; its numbers feed the
 * targets dashboard and the budget's "cost of reaching the targets".
 *
 * （1） 强化优质中小企业队伍建设。……力争到2025年，培育优质中小企业群体达到8000 家以上，其中创新型中小企业
 * 达到3000家，专精特新企业数量2800家，专精特新小巨人企业200家，瞪羚企业数量2000家，独角兽企业数量10家左右，
 * ……培育省级以上中小企业特色产业集群数量达到8家以上。（责任单位:市工业和信息化局、各区县政府及功能区管理机构）
 */
import type { ClauseText } from '../core/clause.ts';
import { valueAt, type Parameter } from '../core/parameter.ts';
import type { TitleKind } from '../core/facts.ts';
import { DOCUMENT_ZH, DRAFT_EFFECTIVE_FROM, draftRef } from './document.ts';
import {
  clause2GazelleFirstAmount,
  clause2LittleGiantFirstAmount,
  clause2SpecializedSmeFirstAmount,
  clause2UnicornFirstAmount,
} from './clause-02-ladder-rewards.ts';

export const CLAUSE_1_TEXT: ClauseText = {
  documentZh: DOCUMENT_ZH,
  partZh: '一、支持优质中小企业梯度培育',
  itemNumberZh: '一',
  itemLabelAsPrinted: '（1）',
  textZh:
    '（1） 强化优质中小企业队伍建设。持续壮大创新型中小企业、专精特新、制造业单项冠军、瞪羚、独角兽等优质企业群体，力争到2025年，培育优质中小企业群体达到8000 家以上，其中创新型中小企业达到3000家，专精特新企业数量2800家，专精特新小巨人企业200家，瞪羚企业数量2000家，独角兽企业数量10家左右，建立成熟和完善的中小企业梯度培育和服务体系；培育省级以上中小企业特色产业集群数量达到8家以上。',
  responsibleUnitsZh: ['市工业和信息化局', '各区县政府及功能区管理机构'],
  summaryEn:
    'Targets by 2025: ≥ 8000 quality SMEs, of which 3000 innovative, 2800 specialized, 200 little giants, 2000 gazelles, ' +
    'about 10 unicorns; ≥ 8 provincial-or-higher SME characteristic industrial clusters.',
};

const REF = draftRef('一、（1）');

function target(id: string, zh: string, en: string, value: number, note?: string): Parameter<number> {
  return {
    id,
    descriptionZh: zh,
    descriptionEn: en,
    unit: 'count',
    ...(note ? { interpretation: note } : {}),
    values: [{ from: DRAFT_EFFECTIVE_FROM, value, reference: REF }],
  };
}

/** The date the targets are to be reached ("到2025年": read as the end of 2025). */
export const clause1TargetDate: Parameter<string> = {
  id: 'clause_1_target_date',
  descriptionZh: '目标年限（到2025年，按2025年末计）',
  descriptionEn: 'Target date (by 2025, read as the end of 2025)',
  unit: 'list',
  interpretation: 'Interpretation (platform team): "到2025年" is read as by 2025-12-31.',
  values: [{ from: DRAFT_EFFECTIVE_FROM, value: '2025-12-31', reference: REF }],
};

export const clause1QualitySmes = target('clause_1_quality_smes', '优质中小企业群体（家以上）', 'Quality SMEs (at least)', 8000,
  'The category targets add up to 8010, so the total counts titles; the dashboard shows titles and distinct enterprises.');
export const clause1Innovative = target('clause_1_innovative_sme', '创新型中小企业（家）', 'Innovative SMEs', 3000);
export const clause1Specialized = target('clause_1_specialized_sme', '专精特新企业（家）', 'Specialized SMEs', 2800);
export const clause1LittleGiant = target('clause_1_little_giant', '专精特新小巨人企业（家）', 'Little giants', 200);
export const clause1Gazelle = target('clause_1_gazelle', '瞪羚企业（家）', 'Gazelles', 2000,
  'The text says 瞪羚企业 without a level; counted at every level (provincial and city).');
export const clause1Unicorn = target('clause_1_unicorn', '独角兽企业（家左右）', 'Unicorns (about)', 10);
export const clause1Clusters = target('clause_1_clusters', '省级以上中小企业特色产业集群（家以上）', 'Provincial-or-higher SME clusters (at least)', 8);

export const CLAUSE_1_PARAMETERS = [
  clause1TargetDate,
  clause1QualitySmes,
  clause1Innovative,
  clause1Specialized,
  clause1LittleGiant,
  clause1Gazelle,
  clause1Unicorn,
  clause1Clusters,
] as const;

export const TITLE_TARGETS: readonly { kind: TitleKind; param: Parameter<number> }[] = [
  { kind: 'innovative_sme', param: clause1Innovative },
  { kind: 'specialized_sme', param: clause1Specialized },
  { kind: 'little_giant', param: clause1LittleGiant },
  { kind: 'gazelle', param: clause1Gazelle },
  { kind: 'unicorn', param: clause1Unicorn },
];

/** The clause 2 reward that a newly recognised title of each kind brings, where there is one. */
const FIRST_REWARD: Partial<Record<TitleKind, Parameter<number>>> = {
  specialized_sme: clause2SpecializedSmeFirstAmount,
  little_giant: clause2LittleGiantFirstAmount,
  gazelle: clause2GazelleFirstAmount,
  unicorn: clause2UnicornFirstAmount,
};

export interface TargetGapLine {
  kind: TitleKind;
  target: number;
  inForce: number;
  gap: number;
  /** Clause 2 first-recognition reward in force on `on`, or null when the title brings none. */
  rewardEach: number | null;
  /** gap × rewardEach: what closing the gap with new recognitions would cost under clause 2. */
  cost: number;
}

/**
 * Pure: the gap to each title target and its cost under clause 2 on a date. Gazelle rewards apply
 * to provincial gazelles only; the cost assumes the gap is closed with provincial ones (an upper bound).
 */
export function targetGap(inForceByKind: Partial<Record<TitleKind, number>>, on: string): TargetGapLine[] {
  return TITLE_TARGETS.map(({ kind, param }) => {
    const target = valueAt(param, on)?.value ?? 0;
    const inForce = inForceByKind[kind] ?? 0;
    const gap = Math.max(0, target - inForce);
    const rewardParam = FIRST_REWARD[kind];
    const rewardEach = rewardParam ? (valueAt(rewardParam, on)?.value ?? null) : null;
    return { kind, target, inForce, gap, rewardEach, cost: rewardEach === null ? 0 : gap * rewardEach };
  });
}
