/**
 * The official point bands at every boundary, as data: [measure, value, band, points]. Each band's
 * boundary value is tested on the boundary (the boundary rule gives the better band) and just
 * outside it. Dates: assessed 2025-06-01 (figures of 2024), so the 2022 versions apply.
 */
export interface BandRow {
  indicator: string;
  set: string;
  value: number;
  band: string | null;
  points: number;
}

const rows = (indicator: string, set: string, xs: [number, string | null, number][]): BandRow[] =>
  xs.map(([value, band, points]) => ({ indicator, set, value, band, points }));

/** 创新型中小企业 2022 (附件1) — indicators 2, 3, 4, 6. */
export const INNOVATIVE_2022_BANDS: BandRow[] = [
  ...rows('rd_ratio', 'rdRatio', [
    [0.06, 'A', 20],
    [0.05, 'A', 20],
    [0.0499, 'B', 15],
    [0.03, 'B', 15],
    [0.0299, 'C', 10],
    [0.02, 'C', 10],
    [0.0199, 'D', 5],
    [0.01, 'D', 5],
    [0.0099, 'E', 0],
    [0, 'E', 0],
  ]),
  ...rows('growth', 'growth', [
    [0.15, 'A', 20],
    [0.1499, 'B', 15],
    [0.1, 'B', 15],
    [0.0999, 'C', 10],
    [0.05, 'C', 10],
    [0.0499, 'D', 5],
    [0, 'D', 5],
    [-0.01, 'E', 0],
  ]),
  ...rows('debt_ratio', 'debt', [
    [0.3, 'A', 10],
    [0.55, 'A', 10],
    [0.5501, 'B', 5],
    [0.75, 'B', 5],
    [0.7501, 'C', 0],
    [0.95, 'C', 0],
  ]),
  ...rows('main_share', 'mainShare', [
    [1, 'A', 20],
    [0.7, 'A', 20],
    [0.6999, 'B', 15],
    [0.6, 'B', 15],
    [0.5999, 'C', 10],
    [0.55, 'C', 10],
    [0.5499, 'D', 5],
    [0.5, 'D', 5],
    [0.4999, 'E', 0],
  ]),
];

/** 专精特新中小企业 2022 (附件2) — the numeric indicators 1, 2, 3, 5, 7, 8, 11, 12. */
export const SPECIALIZED_2022_BANDS: BandRow[] = [
  ...rows('main_share', 'mainShare', [
    [0.8, 'A', 5],
    [0.7999, 'B', 3],
    [0.7, 'B', 3],
    [0.6999, 'C', 1],
    [0.6, 'C', 1],
    [0.5999, 'D', 0],
  ]),
  ...rows('growth', 'avgGrowth', [
    [0.1, 'A', 10],
    [0.0999, 'B', 8],
    [0.08, 'B', 8],
    [0.0799, 'C', 6],
    [0.06, 'C', 6],
    [0.0599, 'D', 4],
    [0.04, 'D', 4],
    [0.0399, 'E', 2],
    [0, 'E', 2],
    [-0.01, 'F', 0],
  ]),
  ...rows('niche_years', 'nicheYears', [
    [12, 'A', 5],
    [10, 'A', 5],
    [8, 'B', 4],
    [6, 'C', 3],
    [4, 'D', 2],
    [2, 'E', 1],
    [1, 'F', 0],
  ]),
  ...rows('niche_years', 'nicheYearsAlmost', [
    [10, 'B', 4],
    [8, 'C', 3],
    [6, 'D', 2],
    [4, 'E', 1],
    [2, 'F', 0],
  ]),
  ...rows('digital', 'digital', [
    [4, 'A', 5],
    [3, 'A', 5],
    [2, 'B', 3],
    [1, 'C', 0],
  ]),
  ...rows('net_margin', 'netMargin', [
    [0.1, 'A', 10],
    [0.0999, 'B', 8],
    [0.08, 'B', 8],
    [0.0799, 'C', 6],
    [0.06, 'C', 6],
    [0.0599, 'D', 4],
    [0.04, 'D', 4],
    [0.0399, 'E', 2],
    [0.02, 'E', 2],
    [0.0199, 'F', 0],
    [-0.05, 'F', 0],
  ]),
  ...rows('debt_ratio', 'debt', [
    [0.5, 'A', 5],
    [0.5001, 'B', 3],
    [0.6, 'B', 3],
    [0.6001, 'C', 1],
    [0.7, 'C', 1],
    [0.7001, 'D', 0],
  ]),
  ...rows('rd', 'rdAmount', [
    [5_000_000, 'A', 10],
    [4_999_999, 'B', 8],
    [4_000_000, 'B', 8],
    [3_999_999, 'C', 6],
    [3_000_000, 'C', 6],
    [2_999_999, 'D', 4],
    [2_000_000, 'D', 4],
    [1_999_999, 'E', 2],
    [1_000_000, 'E', 2],
    [999_999, 'F', 0],
  ]),
  ...rows('rd', 'rdRatioSmall', [
    [0.1, 'A', 10],
    [0.0999, 'B', 8],
    [0.08, 'B', 8],
    [0.0799, 'C', 6],
    [0.06, 'C', 6],
    [0.0599, 'D', 4],
    [0.04, 'D', 4],
    [0.0399, 'E', 2],
    [0.03, 'E', 2],
    [0.0299, 'F', 0],
  ]),
  ...rows('rd_staff', 'rdStaff', [
    [0.2, 'A', 5],
    [0.199, 'B', 3],
    [0.1, 'B', 3],
    [0.099, 'C', 1],
    [0.05, 'C', 1],
    [0.049, 'D', 0],
  ]),
];
