/**
 * How the money clauses are fulfilled: which track a case follows (免申即享 — granted without
 * an application, the beneficiary only confirms its account; or an application with documents)
 * and how long the 公示 (public notice) runs before the finance bureau pays. These are process
 * parameters, not amounts: the draft text does not set them, so each value is an interpretation,
 * signed and referenced, and can be replaced by a dated value when the final text or the bureau's
 * implementing rules (实施细则) say otherwise.
 */
import { valueAt, type Parameter } from '../core/parameter.ts';
import type { ClauseId } from '../core/results.ts';
import { DRAFT_EFFECTIVE_FROM, draftRef } from './document.ts';

export type Track = 'no_application' | 'application';

const FROM = DRAFT_EFFECTIVE_FROM;

/**
 * Clause 2 (one-time rewards for new and renewed titles).
 * Interpretation (cases team): every fact the reward needs — the title, its level, its
 * recognition date, first or renewal — is published by the province or MIIT and already in the
 * registry, so the reward is granted without an application (免申即享); the enterprise only
 * confirms the account to be paid.
 */
export const clause2Track: Parameter<Track> = {
  id: 'fulfilment_clause_2_track',
  descriptionZh: '第二条奖励的兑现方式：免申即享（企业确认收款账户）',
  descriptionEn: 'Clause 2 rewards are granted without an application; the enterprise confirms its account',
  unit: 'list',
  interpretation:
    'Interpretation (cases team): the facts are public lists already in the registry, so no application is needed (免申即享). ' +
    'Switch to "application" if the implementing rules require one.',
  values: [
    {
      from: FROM,
      value: 'no_application',
      reference: draftRef('一、（2）', 'The draft does not say how rewards are claimed; 免申即享 is assumed.'),
    },
  ],
};

/**
 * Clause 4 (¥10m a year for three years to parks recognised by MIIT departments).
 * Interpretation (cases team): a yearly support of this size is paid against a work plan and
 * the use of the previous year's funds, which the registry does not hold, so the park applies.
 */
export const clause4Track: Parameter<Track> = {
  id: 'fulfilment_clause_4_track',
  descriptionZh: '第四条园区资金扶持的兑现方式：申报（提交材料）',
  descriptionEn: 'Clause 4 park support is claimed by an application with documents',
  unit: 'list',
  interpretation:
    'Interpretation (cases team): yearly support of 10m is normally paid against an application (work plan, use of funds); ' +
    'the registry does not hold those documents.',
  values: [
    {
      from: FROM,
      value: 'application',
      reference: draftRef('二、（四）', 'The draft does not say how the support is claimed; an application is assumed.'),
    },
  ],
};

/**
 * Clause 5 (rewards to demonstration bases for residents newly recognised, and to new public
 * service platforms). The text speaks of "资金申报上年度" (the year before the funding
 * application), which suggests bases apply. Interpretation (cases team): residency and
 * recognitions are in the registry, so the platform opens the case itself (免申即享) and the
 * operator confirms the account; "申报" then names the claim year only. Switch to "application"
 * if the bureau keeps a declaration round.
 */
export const clause5Track: Parameter<Track> = {
  id: 'fulfilment_clause_5_track',
  descriptionZh: '第五条载体奖励的兑现方式：免申即享（载体运营方确认收款账户）',
  descriptionEn: 'Clause 5 carrier rewards are granted without an application; the operator confirms its account',
  unit: 'list',
  interpretation:
    'Interpretation (cases team): the text says 资金申报, but residency and recognitions are in the registry, so the case is ' +
    'opened without an application; switch to "application" if the bureau keeps a declaration round.',
  values: [
    {
      from: FROM,
      value: 'no_application',
      reference: draftRef('二、（五）', 'The text mentions 资金申报; 免申即享 is an interpretation, not the text.'),
    },
  ],
};

/**
 * 公示期: N working days. No national rule was found; 5 working days is a common convention
 * (e.g. 琼工信企业〔2021〕205号 ran 2021-11-22 to 2021-11-28). Counting rule (cases team): the
 * day of publication is not counted; the period ends at the end of the N-th working day after it
 * (State Council calendar, 调休 included, via chinese-days).
 */
export const noticeWorkingDays: Parameter<number> = {
  id: 'fulfilment_notice_working_days',
  descriptionZh: '公示期（工作日，发布当日不计）',
  descriptionEn: 'Public notice period in working days (the day of publication not counted)',
  unit: 'count',
  interpretation:
    'Interpretation (cases team): 5 working days, counted from the first working day after publication, per the convention ' +
    'in /work/shared/reference/other-domains.md §6.2; not a cited rule.',
  values: [
    {
      from: FROM,
      value: 5,
      reference: {
        document: '公示惯例（无统一规定）',
        clause: 'reference/other-domains.md §6.2',
        note: 'e.g. 海南省工信厅 琼工信企业〔2021〕205号: 公示 2021-11-22 至 2021-11-28',
        unverified: 'No national or Jinan rule for the length of a 公示 was found; 5 working days is a convention.',
      },
    },
  ],
};

/**
 * When a waiting case counts as overdue in the work queues (calendar days in its current step).
 * Interpretation (cases team): no rule for the fulfilment steps was found; 15 calendar days is
 * about the "10个工作日" that agencies commonly promise for a review, so a case past it is
 * highlighted for whoever it waits for. Nothing is decided by it: it only draws attention.
 */
export const reviewOverdueDays: Parameter<number> = {
  id: 'fulfilment_step_overdue_days',
  descriptionZh: '待办超时提示（在当前环节停留的自然日数）',
  descriptionEn: 'A waiting case is highlighted as overdue after this many calendar days in its step',
  unit: 'count',
  interpretation:
    'Interpretation (cases team): 15 calendar days ≈ the common "10 working days" review practice ' +
    '(reference/other-domains.md, credit-repair review practice); a display threshold, not a cited rule.',
  values: [
    {
      from: FROM,
      value: 15,
      reference: {
        document: '审核办理时限惯例（无统一规定）',
        clause: 'reference/other-domains.md §3 (“十个工作日内完成…审核” practice)',
        unverified: 'No time limit for the steps of fund fulfilment in Jinan was found; 15 calendar days is a convention.',
      },
    },
  ],
};

export const FULFILMENT_PARAMETERS = [clause2Track, clause4Track, clause5Track, noticeWorkingDays, reviewOverdueDays] as const;

const TRACKS: Record<ClauseId, Parameter<Track>> = { '2': clause2Track, '4': clause4Track, '5': clause5Track };

/** The track a case of `clause` follows when opened on `date`. */
export function trackOf(clause: string, date: string): Track {
  const param = (TRACKS as Record<string, Parameter<Track> | undefined>)[clause];
  const v = param ? valueAt(param, date) : undefined;
  if (!v) throw new Error(`no fulfilment track for clause ${clause} on ${date}`);
  return v.value;
}

/** The 公示 period in working days for a notice published on `date`. */
export function noticePeriodOn(date: string): number {
  const v = valueAt(noticeWorkingDays, date);
  if (!v) throw new Error(`no 公示 period in force on ${date}`);
  return v.value;
}

/** Days in a step after which a waiting case is shown as overdue, in force on `date`. */
export function overdueAfterDaysOn(date: string): number {
  const v = valueAt(reviewOverdueDays, date);
  if (!v) throw new Error(`no overdue threshold in force on ${date}`);
  return v.value;
}
