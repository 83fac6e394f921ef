/**
 * Working days for 公示 periods, by the State Council holiday calendar (调休 included) as
 * published in chinese-days.
 *
 * The rule (cases team, see policy/jinan-quality-sme-measures/fulfilment.ts): the day of
 * publication is not counted, even when it is a working day; the period is the next N working
 * days, and it ends at the end of the N-th. Objections are accepted from the day of publication
 * to the last day inclusive; the notice closes on the first day after the last day.
 */
import chineseDays from 'chinese-days';
import { isIsoDate } from '../../shared/dates.ts';

/** The last day of a 公示 of `workingDays` published on `publishedOn`. */
export function noticeEndsOn(publishedOn: string, workingDays: number): string {
  if (!isIsoDate(publishedOn)) throw new Error(`not a date: ${publishedOn}`);
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new Error(`not a number of working days: ${workingDays}`);
  // findWorkday(n, d) is the n-th working day after d, d itself not counted.
  return chineseDays.findWorkday(workingDays, publishedOn);
}

/** Whether an objection on `today` is within the period. */
export function objectionsOpen(publishedOn: string, endsOn: string, today: string): boolean {
  return publishedOn <= today && today <= endsOn;
}

/** Whether a notice whose last day is `endsOn` is due to close on `today`. */
export function noticeDue(endsOn: string, today: string): boolean {
  return today > endsOn;
}

/** Working days between two dates, both excluded from the count of `from`, `to` included. */
export function workingDaysAfter(from: string, to: string): number {
  if (to <= from) return 0;
  return chineseDays.getWorkdaysInRange(from, to).filter((d) => d !== from).length;
}
