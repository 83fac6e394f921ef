import { describe, expect, it } from 'vitest';
import chineseDays from 'chinese-days';
import { measureOf } from '../../../policy/jinan-quality-sme-measures/measures.ts';
import {
  canTransition,
  dueOn,
  isOverdue,
  judgeIndicator,
  measureStatus,
  parsePeriod,
  periodsBetween,
  reportingPeriod,
  statusAfter,
} from './domain.ts';

describe('quarters', () => {
  it('parses a quarter into its days and refuses anything else', () => {
    expect(parsePeriod('2026Q3')).toMatchObject({
      year: 2026,
      quarter: 3,
      from: '2026-07-01',
      to: '2026-09-30',
      yearFrom: '2026-01-01',
    });
    expect(parsePeriod('2026Q5')).toBeNull();
    expect(parsePeriod('2026-Q1')).toBeNull();
  });
  it('collects the quarter that ended last, across a year boundary', () => {
    expect(reportingPeriod('2026-11-28')).toBe('2026Q3');
    expect(reportingPeriod('2027-01-05')).toBe('2026Q4');
    expect(periodsBetween('2026Q3', '2027Q2')).toEqual(['2026Q3', '2026Q4', '2027Q1', '2027Q2']);
  });
});

describe('due dates in working days', () => {
  it('counts 10 working days after the quarter ends, skipping the National Day holiday', () => {
    const { dueOn: due, workingDays } = dueOn(parsePeriod('2026Q3')!);
    expect(workingDays).toBe(10);
    // Independent count: walk the days after 30 September and count chinese-days' working days.
    let d = new Date('2026-09-30T00:00:00Z');
    let n = 0;
    let day = '';
    while (n < 10) {
      d = new Date(d.getTime() + 86_400_000);
      day = d.toISOString().slice(0, 10);
      if (chineseDays.isWorkday(day)) n++;
    }
    expect(due).toBe(day);
    expect(due > '2026-10-14').toBe(true);
  });
  it('flags a report overdue only after the due date and only while it is not with the office', () => {
    expect(isOverdue(null, '2026-10-20', '2026-10-20')).toBe(false);
    expect(isOverdue(null, '2026-10-20', '2026-10-21')).toBe(true);
    expect(isOverdue('returned', '2026-10-20', '2026-10-21')).toBe(true);
    expect(isOverdue('submitted', '2026-10-20', '2026-10-21')).toBe(false);
    expect(isOverdue('accepted', '2026-10-20', '2026-12-21')).toBe(false);
  });
});

describe('the report state machine', () => {
  it('lets a unit submit a new, draft or returned report, and the office decide only submitted ones', () => {
    expect(canTransition('submit', null)).toBe(true);
    expect(canTransition('submit', 'returned')).toBe(true);
    expect(canTransition('submit', 'submitted')).toBe(false);
    expect(canTransition('save', 'accepted')).toBe(false);
    expect(canTransition('accept', 'draft')).toBe(false);
    expect(canTransition('return', 'submitted')).toBe(true);
    expect(statusAfter('save', 'returned')).toBe('returned');
    expect(statusAfter('save', null)).toBe('draft');
  });
});

describe('the on-track rule', () => {
  const clusters = measureOf(6)!.indicators[0]!;
  const titles = measureOf(1)!.indicators[0]!;
  it('pro-rates a yearly count to the elapsed quarters, rounded down to whole units', () => {
    expect(judgeIndicator(clusters, 0, parsePeriod('2026Q3')!, true)).toMatchObject({ target: 1, expected: 0, onTrack: true });
    expect(judgeIndicator(clusters, 0, parsePeriod('2026Q4')!, true)).toMatchObject({ expected: 1, onTrack: false });
    expect(judgeIndicator(clusters, 1, parsePeriod('2026Q4')!, true).onTrack).toBe(true);
  });
  it('compares a stock with the whole target, and a share in per cent with a ratio target', () => {
    expect(judgeIndicator(titles, 7999, parsePeriod('2026Q1')!, true)).toMatchObject({ expected: 8000, onTrack: false });
    const share = measureOf(9)!.indicators[0]!;
    expect(judgeIndicator(share, 99.9, parsePeriod('2026Q1')!, false)).toMatchObject({ target: 100, onTrack: false });
    expect(judgeIndicator(share, 100, parsePeriod('2026Q1')!, false).onTrack).toBe(true);
  });
  it('reports "no report" without an accepted report, "behind" when a unit or an indicator says so', () => {
    const r = (status: 'accepted' | 'submitted', progress: 'on_track' | 'behind') => ({ unitZh: '市科技局', status, progress });
    expect(measureStatus([r('submitted', 'on_track')], []).status).toBe('no_report');
    expect(measureStatus([r('accepted', 'on_track')], [{ onTrack: null }]).status).toBe('on_track');
    expect(measureStatus([r('accepted', 'behind')], []).status).toBe('behind');
    expect(measureStatus([r('accepted', 'on_track')], [{ onTrack: false }]).status).toBe('behind');
  });
});
