import { describe, expect, it } from 'vitest';
import { noticeDue, noticeEndsOn, objectionsOpen, workingDaysAfter } from './calendar.ts';

describe('公示 periods in working days', () => {
  it.each([
    // published on a Monday: Tue–Fri and the next Monday
    ['2025-03-03', 5, '2025-03-10', 'an ordinary week: the day of publication is not counted'],
    // published on a Friday: the weekend is skipped
    ['2025-03-07', 5, '2025-03-14', 'over a weekend'],
    // published before 国庆 2025: Sun 09-28 is an adjusted working day, 10-01..10-08 are holidays
    ['2025-09-26', 5, '2025-10-10', 'across National Day with the adjusted Sunday 2025-09-28 counted'],
    // published on Saturday 2025-10-11, itself an adjusted working day: still not counted
    ['2025-10-11', 1, '2025-10-13', 'published on an adjusted working day, which does not count'],
    // Spring Festival 2025: 01-28..02-04 off; Sun 01-26 and Sat 02-08 are adjusted working days
    ['2025-01-24', 5, '2025-02-07', 'across the Spring Festival: 01-26 (adjusted Sunday), 01-27, 02-05, 02-06, 02-07'],
  ])('published %s for %i working days ends on %s (%s)', (published, n, ends) => {
    expect(noticeEndsOn(published, n)).toBe(ends);
    expect(workingDaysAfter(published, ends)).toBe(n);
  });

  it('accepts objections from the day of publication to the last day, and closes the day after', () => {
    expect(objectionsOpen('2025-03-03', '2025-03-10', '2025-03-02')).toBe(false);
    expect(objectionsOpen('2025-03-03', '2025-03-10', '2025-03-03')).toBe(true);
    expect(objectionsOpen('2025-03-03', '2025-03-10', '2025-03-10')).toBe(true);
    expect(objectionsOpen('2025-03-03', '2025-03-10', '2025-03-11')).toBe(false);
    expect(noticeDue('2025-03-10', '2025-03-10')).toBe(false);
    expect(noticeDue('2025-03-10', '2025-03-11')).toBe(true);
  });

  it('refuses nonsense', () => {
    expect(() => noticeEndsOn('2025-02-30', 5)).toThrow();
    expect(() => noticeEndsOn('2025-03-03', 0)).toThrow();
  });
});
