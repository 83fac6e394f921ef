/**
 * Facts builders for the scenarios: a neutral enterprise whose figures year is 2024 (assessed in
 * 2025; figures 2021–2025 so that 2026 assessments read 2025), and one setter per measure, so a scenario row names only the value under test.
 */
import type { TierFacts, YearFigures } from '../facts.ts';

export const FY = 2024;
const E8 = 100_000_000;

export function base(): TierFacts {
  const y = (year: number): YearFigures => ({
    year,
    revenue: E8,
    mainBusinessRevenue: E8,
    rdExpense: 2_500_000,
    netProfit: 5_000_000,
    totalAssets: E8,
    totalLiabilities: 40_000_000,
    employees: 200,
    rdStaff: 20,
  });
  return {
    enterpriseId: 'S1',
    industryCode: 'C3421',
    establishedOn: '2012-01-01',
    registeredInShandong: true,
    strategicEmerging: true,
    years: [y(FY - 3), y(FY - 2), y(FY - 1), y(FY), y(FY + 1)],
    ip: [
      {
        year: FY,
        class1: 0,
        class1HighValue: 0,
        class1SelfDeveloped: 0,
        class1Applied: 0,
        class2: 0,
        inventionPatents: 0,
        utilityModels: 0,
        softwareCopyrights: 0,
      },
    ],
    honours: [],
    titles: [],
  };
}

function year(f: TierFacts, y: number): YearFigures {
  const r = f.years?.find((x) => x.year === y);
  if (!r) throw new Error(`no year ${y}`);
  return r;
}

export type Setter = (f: TierFacts, v: number) => void;

export const set: Record<string, Setter> = {
  rdRatio: (f, v) => {
    year(f, FY).rdExpense = Math.round(v * E8);
  },
  growth: (f, v) => {
    year(f, FY - 1).mainBusinessRevenue = E8 / 2;
    year(f, FY).mainBusinessRevenue = Math.round((E8 / 2) * (1 + v));
  },
  avgGrowth: (f, v) => {
    // both yearly rates equal v, so the arithmetic mean and the CAGR are v
    const base0 = 40_000_000;
    year(f, FY - 2).mainBusinessRevenue = base0;
    year(f, FY - 1).mainBusinessRevenue = Math.round(base0 * (1 + v));
    year(f, FY).mainBusinessRevenue = Math.round(base0 * (1 + v) * (1 + v));
  },
  debt: (f, v) => {
    year(f, FY).totalLiabilities = Math.round(v * E8);
  },
  mainShare: (f, v) => {
    year(f, FY).mainBusinessRevenue = Math.round(v * E8);
  },
  netMargin: (f, v) => {
    year(f, FY).netProfit = Math.round(v * E8);
  },
  rdStaff: (f, v) => {
    year(f, FY).employees = 1000;
    year(f, FY).rdStaff = Math.round(v * 1000);
  },
  nicheYears: (f, v) => {
    f.nicheMarketSince = `${FY - v}-12-31`;
  },
  nicheYearsAlmost: (f, v) => {
    f.nicheMarketSince = `${FY - v + 1}-01-01`;
  },
  digital: (f, v) => {
    f.digitalLevel = v;
  },
  /** R&D amount with a tiny ratio (revenue 10亿), so only the amount bands decide. */
  rdAmount: (f, v) => {
    year(f, FY).revenue = 10 * E8;
    year(f, FY).mainBusinessRevenue = 10 * E8;
    year(f, FY).rdExpense = v;
  },
  /** R&D ratio with a tiny amount (revenue 1000万), so only the ratio bands decide. */
  rdRatioSmall: (f, v) => {
    year(f, FY).revenue = 8_000_000;
    year(f, FY).mainBusinessRevenue = 8_000_000;
    year(f, FY).rdExpense = Math.round(v * 8_000_000);
  },
};
