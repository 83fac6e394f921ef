/**
 * Carrying out the measures (督办), pure: quarters, due dates in working days, the report's state
 * machine, and the on-track rule (policy/jinan-quality-sme-measures/measures.ts holds its
 * parameters). No I/O.
 */
import chineseDays from 'chinese-days';
import { valueAt, type Parameter } from '../../../policy/core/parameter.ts';
import {
  measuresOnTrackTolerance,
  measuresReportDueWorkingDays,
  type IndicatorDefinition,
} from '../../../policy/jinan-quality-sme-measures/measures.ts';
import type { Bilingual } from '../../shared/errors.ts';

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export type Progress = 'on_track' | 'behind';
export type MeasureStatus = 'on_track' | 'behind' | 'no_report';

/** The first quarter the platform takes reports for. */
export const FIRST_PERIOD = '2026Q1';

export interface Quarter {
  /** e.g. 2026Q3 */
  period: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** First and last day of the quarter. */
  from: string;
  to: string;
  /** First day of the year (indicators for the year so far run from here to `to`). */
  yearFrom: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const LAST_DAY = ['03-31', '06-30', '09-30', '12-31'] as const;

export function parsePeriod(period: string): Quarter | null {
  const m = /^(\d{4})Q([1-4])$/.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  const q = Number(m[2]) as 1 | 2 | 3 | 4;
  if (year < 2000 || year > 2100) return null;
  return {
    period,
    year,
    quarter: q,
    from: `${year}-${pad(q * 3 - 2)}-01`,
    to: `${year}-${LAST_DAY[q - 1]}`,
    yearFrom: `${year}-01-01`,
  };
}

/** The quarter a date falls in. */
export function periodOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return `${year}Q${Math.ceil(month / 3)}`;
}

export function previousPeriod(period: string): string {
  const q = parsePeriod(period);
  if (!q) throw new Error(`not a quarter: ${period}`);
  return q.quarter === 1 ? `${q.year - 1}Q4` : `${q.year}Q${q.quarter - 1}`;
}

/** The quarters from `first` to `last`, both included (both well-formed). */
export function periodsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let p = last; p >= first; p = previousPeriod(p)) out.unshift(p);
  return out;
}

/** The quarter whose reports are being collected on `today`: the last one that has ended. */
export function reportingPeriod(today: string): string {
  return previousPeriod(periodOf(today));
}

function param<T>(p: Parameter<T>, date: string): T {
  const v = valueAt(p, date);
  if (v === undefined) throw new Error(`${p.id} has no value on ${date}`);
  return v.value;
}

/** The due date of a quarter's report: N working days after the quarter's last day (that day not counted). */
export function dueOn(q: Quarter): { dueOn: string; workingDays: number } {
  const workingDays = param(measuresReportDueWorkingDays, q.to);
  return { dueOn: chineseDays.findWorkday(workingDays, q.to), workingDays };
}

/** A report is overdue when its due date has passed and it is not with the office or accepted. */
export function isOverdue(status: ReportStatus | null, due: string, today: string): boolean {
  return today > due && (status === null || status === 'draft' || status === 'returned');
}

// ---------- the report's state machine ----------

export type ReportAction = 'save' | 'submit' | 'return' | 'accept';

/** Which statuses an action starts from, and where it leads. The unit edits; the office decides. */
export const TRANSITIONS: Record<
  ReportAction,
  { from: readonly (ReportStatus | null)[]; to: ReportStatus; by: 'unit' | 'office' }
> = {
  save: { from: [null, 'draft', 'returned'], to: 'draft', by: 'unit' },
  submit: { from: [null, 'draft', 'returned'], to: 'submitted', by: 'unit' },
  return: { from: ['submitted'], to: 'returned', by: 'office' },
  accept: { from: ['submitted'], to: 'accepted', by: 'office' },
};

export const STATUS_LABELS: Record<ReportStatus, Bilingual> = {
  draft: { zh: '草稿', en: 'draft' },
  submitted: { zh: '已报送', en: 'submitted' },
  returned: { zh: '已退回', en: 'returned' },
  accepted: { zh: '已审核通过', en: 'accepted' },
};

/** A returned report keeps "returned" while the unit edits it again, so the office sees it came back. */
export function statusAfter(action: ReportAction, from: ReportStatus | null): ReportStatus {
  if (action === 'save' && from === 'returned') return 'returned';
  return TRANSITIONS[action].to;
}

export function canTransition(action: ReportAction, from: ReportStatus | null): boolean {
  return TRANSITIONS[action].from.includes(from);
}

// ---------- the on-track rule ----------

export interface IndicatorJudgement {
  /** The target in force, the expectation for the quarter, and whether the value reaches it. */
  target: number | null;
  expected: number | null;
  onTrack: boolean | null;
  targetFrom: string | null;
}

/**
 * A `flow` indicator is on track when value ≥ target × quarters ended/4 × tolerance (counts rounded
 * down to whole units); a `level` indicator when value ≥ target × tolerance. No target, no verdict.
 */
export function judgeIndicator(def: IndicatorDefinition, value: number | null, q: Quarter, isCount: boolean): IndicatorJudgement {
  // A ratio target (1 = 100%) is compared with a value shown in per cent.
  const scale = def.unitZh === '%' ? 100 : 1;
  if (!def.target) return { target: null, expected: null, onTrack: null, targetFrom: null };
  const t = valueAt(def.target.parameter, q.to);
  if (t === undefined) return { target: null, expected: null, onTrack: null, targetFrom: null };
  const tolerance = param(measuresOnTrackTolerance, q.to);
  const share = def.target.kind === 'flow' ? q.quarter / 4 : 1;
  let expected = t.value * scale * share * tolerance;
  if (isCount) expected = Math.floor(expected + 1e-9);
  const onTrack = value === null ? false : value + 1e-9 >= expected;
  return { target: t.value * scale, expected, onTrack, targetFrom: t.from };
}

export interface ReportBrief {
  unitZh: string;
  status: ReportStatus | null;
  progress: Progress | null;
}

/**
 * A measure's status for a quarter: "no report" while none of its units' reports is accepted;
 * "behind" when an accepted report says so or a targeted indicator is below its expectation;
 * "on track" otherwise.
 */
export function measureStatus(
  reports: readonly ReportBrief[],
  indicators: readonly { onTrack: boolean | null }[],
): {
  status: MeasureStatus;
  reasons: Bilingual[];
} {
  const accepted = reports.filter((r) => r.status === 'accepted');
  if (accepted.length === 0)
    return {
      status: 'no_report',
      reasons: [{ zh: '本季度尚无审核通过的进展报告', en: 'No accepted progress report for the quarter' }],
    };
  const reasons: Bilingual[] = [];
  for (const r of accepted)
    if (r.progress === 'behind') reasons.push({ zh: `${r.unitZh}报告进度滞后`, en: `${r.unitZh} reports being behind` });
  const below = indicators.filter((i) => i.onTrack === false).length;
  if (below > 0) reasons.push({ zh: `${below}项指标低于进度要求`, en: `${below} indicator(s) below the expected progress` });
  return { status: reasons.length > 0 ? 'behind' : 'on_track', reasons };
}
