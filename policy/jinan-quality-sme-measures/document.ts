/**
 * The document: 济南市关于加快培育优质中小企业若干措施（征求意见稿）. Shared references, the
 * interpretation switches that span clauses, and the reasons every clause can give.
 */
import type { Parameter, Reference } from '../core/parameter.ts';

export const DOCUMENT_ZH = '济南市关于加快培育优质中小企业若干措施（征求意见稿）';
export const DOCUMENT_EN = 'Jinan measures on accelerating the cultivation of quality SMEs (draft for comments)';
export const DRAFT_SOURCE_NOTE = 'policy/jinan-quality-sme-measures/source-draft.zh.txt';

/**
 * The draft states no date from which it applies. Interpretation (signed: policy engine team):
 * it applies to recognitions from 2023-01-01, the first year of the three-year action plan
 * 济发〔2023〕7号 that the preamble cites. Replace with the final text's date when it is issued.
 */
export const DRAFT_EFFECTIVE_FROM = '2023-01-01';

export function draftRef(clause: string, unverified?: string): Reference {
  const r: Reference = { document: DOCUMENT_ZH, clause, note: DRAFT_SOURCE_NOTE };
  if (unverified !== undefined) r.unverified = unverified;
  return r;
}

export const DRAFT_EFFECTIVE_FROM_REFERENCE: Reference = draftRef(
  '序言（引用济发〔2023〕7号 三年行动计划 2023-2025）',
  'The draft gives no effective date; assumed to apply to recognitions from 2023-01-01.',
);

/**
 * 就高不重复: when on, an enterprise recognised for several rewarded titles in the same fiscal
 * year gets only the highest reward (clause 2), and a base is rewarded once per resident
 * enterprise and claim year, at the higher amount (clause 5).
 */
export const highestOnly: Parameter<boolean> = {
  id: 'interpretation_highest_only',
  descriptionZh: '就高不重复：同一企业同一年度获得多项认定时，仅按最高一项奖励',
  descriptionEn: 'Highest only, no double reward, for several recognitions of one enterprise in one fiscal year',
  unit: 'switch',
  interpretation:
    'Interpretation (policy engine team, per DOMAIN.md): the draft does not say whether an enterprise recognised ' +
    '专精特新 and 小巨人 in the same year gets both rewards. Default false: both, as written. Many Chinese policies ' +
    'apply 就高不重复; switch on to model that.',
  values: [
    {
      from: DRAFT_EFFECTIVE_FROM,
      value: false,
      reference: draftRef('二、（2）；二、（五）', 'The text is silent; false reads it as written.'),
    },
  ],
};

export const REASONS = {
  policy_not_in_force: {
    zh: '认定日期不在本政策版本的适用期内',
    en: 'The recognition date is outside the period this policy version applies to',
  },
  revoked: {
    zh: '称号已被撤销，未发放的奖励不再发放',
    en: 'The title was revoked; unpaid rewards are not paid',
  },
  highest_only_superseded: {
    zh: '按就高不重复原则，仅享受同年度最高一项奖励',
    en: 'Highest only: only the highest reward of the year is granted',
  },
  amount_not_in_force: {
    zh: '该日期没有有效的奖励标准',
    en: 'No reward amount is in force on that date',
  },
} as const;
