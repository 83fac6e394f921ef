import { describe, expect, it } from 'vitest';
import { projectLinear, splitByShare, trendDates } from './domain.ts';

describe('targets dashboard, pure part', () => {
  it('splits a city target by shares so the parts add up to it', () => {
    expect(splitByShare(8000, [1, 1, 1])).toEqual([2667, 2667, 2666]);
    expect(splitByShare(10, [0, 0])).toEqual([0, 0]);
    const parts = splitByShare(8000, [37, 12, 5, 91, 0, 3]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(8000);
    expect(parts[4]).toBe(0);
  });

  it('projects linearly on the last three year ends (least squares)', () => {
    const p = projectLinear([{ year: 2020, value: 1 }, { year: 2022, value: 100 }, { year: 2023, value: 200 }, { year: 2024, value: 300 }], '2025-12-31');
    expect(p?.value).toBe(400);
    expect(p?.basis.map((b) => b.year)).toEqual([2022, 2023, 2024]);
    expect(projectLinear([{ year: 2024, value: 5 }], '2025-12-31')).toBeNull();
    // A falling count never projects below zero.
    expect(projectLinear([{ year: 2022, value: 20 }, { year: 2023, value: 10 }, { year: 2024, value: 0 }], '2027-12-31')?.value).toBe(0);
  });

  it('counts the trend at each year end from 2019, then on the date itself', () => {
    expect(trendDates('2021-03-01')).toEqual(['2019-12-31', '2020-12-31', '2021-03-01']);
    expect(trendDates('2020-12-31')).toEqual(['2019-12-31', '2020-12-31']);
    expect(trendDates('2018-05-01')).toEqual([]);
  });
});
