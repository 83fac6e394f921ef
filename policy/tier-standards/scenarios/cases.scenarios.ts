/**
 * Scenarios as data: predicate bands, hard conditions at their boundaries (inclusive and strict
 * words), direct routes, and the version switch on 2026-04-01. Each row patches the neutral
 * enterprise of builders.ts and names what the result must show.
 */
import type { TierFacts } from '../facts.ts';
import type { StandardId } from '../index.ts';
import type { Status } from '../shared.ts';
import { FY } from './builders.ts';

export interface CaseRow {
  name: string;
  standard: StandardId;
  date: string;
  patch: (f: TierFacts) => void;
  expect: {
    version?: string;
    status?: Status;
    route?: string;
    indicator?: { id: string; points: number; band?: string | null; upTo?: number };
    condition?: { id: string; status: Status };
    sizeClass?: string | null;
    total?: number;
    missingIncludes?: string;
  };
}

const D22 = '2025-06-01';
const ip = (f: TierFacts, v: Partial<NonNullable<TierFacts['ip']>[number]>) => {
  f.ip = [{ year: FY, class1: 0, class1HighValue: 0, class1SelfDeveloped: 0, class1Applied: 0, class2: 0, ...v }];
};
const fig = (f: TierFacts, y: number) => {
  const r = f.years?.find((x) => x.year === y);
  if (!r) throw new Error('year');
  return r;
};

/** A 专精特新 2022 candidate that passes everything: used to move one fact at a time. */
export function strongSpecialized(f: TierFacts): void {
  f.nicheMarketSince = '2015-01-01';
  f.leadingProductDomain = 'key_link';
  f.digitalLevel = 3;
  f.quality = { provincialQualityAward: true, managementCertification: true, ownBrand: true, standardsDrafting: true };
  f.shandong = { priorityIndustry: 'A', innovationItems: ['A', 'C'], listing: 'listed' };
  f.marketShare = { domestic: 0.12, domesticRank: 2, provinceRank: 1, leading: true };
  ip(f, { class1: 5, class1HighValue: 1, class1SelfDeveloped: 5, class1Applied: 5, class2: 10 });
  f.honours = [{ kind: 'provincial_tech_center', level: 'provincial', year: 2020 }];
  for (const y of [FY - 3, FY - 2, FY - 1, FY, FY + 1]) {
    const r = fig(f, y);
    r.rdExpense = 6_000_000;
    r.netProfit = 11_000_000;
    r.rdStaff = 50;
  }
  fig(f, FY - 2).mainBusinessRevenue = 80_000_000;
  fig(f, FY - 1).mainBusinessRevenue = 89_000_000;
  fig(f, FY).mainBusinessRevenue = 98_000_000;
  fig(f, FY + 1).mainBusinessRevenue = 98_000_000;
  f.equityFinancing = [];
  f.makerChina = [];
  f.titles = [
    { kind: 'innovative_sme', level: 'provincial', recognisedOn: '2024-08-01', validUntil: '2027-07-31' },
    { kind: 'specialized_sme', level: 'provincial', recognisedOn: '2024-12-01', validUntil: '2027-11-30' },
  ];
  f.developmentScore = [
    { year: 2026, score: 70 },
    { year: 2025, score: 65 },
  ];
  f.littleGiant = { informationSystem: true, certification: true, keyChainLink: true, productDomain: true };
}

export const CASES: CaseRow[] = [
  // ---- predicate bands: 创新型 #1 IP and #5 domain
  {
    name: 'innovative IP: a high-value class-I right scores A (20)',
    standard: 'innovative_sme',
    date: D22,
    patch: (f) => ip(f, { class1: 1, class1HighValue: 1 }),
    expect: { indicator: { id: 'ip', points: 20, band: 'A' } },
  },
  {
    name: 'innovative IP: a self-developed class-I right scores B (15)',
    standard: 'innovative_sme',
    date: D22,
    patch: (f) => ip(f, { class1: 1, class1SelfDeveloped: 1 }),
    expect: { indicator: { id: 'ip', points: 15, band: 'B' } },
  },
  {
    name: 'innovative IP: an acquired class-I right scores C (10)',
    standard: 'innovative_sme',
    date: D22,
    patch: (f) => ip(f, { class1: 1 }),
    expect: { indicator: { id: 'ip', points: 10, band: 'C' } },
  },
  {
    name: 'innovative IP: class-II only scores D (5)',
    standard: 'innovative_sme',
    date: D22,
    patch: (f) => ip(f, { class2: 1 }),
    expect: { indicator: { id: 'ip', points: 5, band: 'D' } },
  },
  {
    name: 'innovative IP: none scores E (0)',
    standard: 'innovative_sme',
    date: D22,
    patch: () => undefined,
    expect: { indicator: { id: 'ip', points: 0, band: 'E' } },
  },
  {
    name: 'innovative IP: class-I without the self-developed count scores C and could reach B',
    standard: 'innovative_sme',
    date: D22,
    patch: (f) => {
      f.ip = [{ year: FY, class1: 2, class1HighValue: 0, class2: 0 }];
    },
    expect: { indicator: { id: 'ip', points: 10, band: 'C', upTo: 15 } },
  },
  {
    name: 'innovative domain: strategic emerging scores A (10)',
    standard: 'innovative_sme',
    date: D22,
    patch: () => undefined,
    expect: { indicator: { id: 'domain', points: 10, band: 'A' } },
  },
  {
    name: 'innovative domain: other fields score B (5)',
    standard: 'innovative_sme',
    date: D22,
    patch: (f) => {
      f.strategicEmerging = false;
    },
    expect: { indicator: { id: 'domain', points: 5, band: 'B' } },
  },
  // ---- 创新型 pass rule
  {
    name: 'innovative: 60 points with every category minimum is met by score',
    standard: 'innovative_sme',
    date: D22,
    // IP C 10 + R&D 3% 15 (innovation 25); growth 0% 5 + debt 40% 10 (growth 15); domain 10 + main 100% 20 (specialisation 30) = 70
    patch: (f) => {
      ip(f, { class1: 1 });
      fig(f, FY).rdExpense = 3_000_000;
    },
    expect: { status: 'met', route: 'score', total: 70 },
  },
  {
    name: 'innovative: 70 points but growth under its 15-point minimum is not met',
    standard: 'innovative_sme',
    date: D22,
    patch: (f) => {
      ip(f, { class1: 1 });
      fig(f, FY).rdExpense = 3_000_000;
      fig(f, FY).totalLiabilities = 60_000_000;
      f.equityFinancing = [];
    },
    expect: { status: 'not_met', total: 65, missingIncludes: '成长性10分，需不低于15分' },
  },
  {
    name: 'innovative: high-tech enterprise in force qualifies directly',
    standard: 'innovative_sme',
    date: D22,
    patch: (f) => {
      f.honours = [{ kind: 'high_tech_enterprise', level: 'national', year: 2023 }];
      fig(f, FY).rdExpense = 0;
    },
    expect: { status: 'met', route: 'direct_honour' },
  },
  {
    name: 'innovative: a high-tech certificate from 2021 has expired by 2025',
    standard: 'innovative_sme',
    date: D22,
    patch: (f) => {
      f.honours = [{ kind: 'high_tech_enterprise', level: 'national', year: 2021 }];
      fig(f, FY).rdExpense = 0;
      f.equityFinancing = [];
    },
    expect: { status: 'not_met' },
  },
  {
    name: 'innovative: exactly 500万 of equity in three years qualifies directly',
    standard: 'innovative_sme',
    date: D22,
    patch: (f) => {
      f.equityFinancing = [
        { year: 2023, amount: 2_000_000 },
        { year: 2024, amount: 3_000_000 },
      ];
      fig(f, FY).rdExpense = 0;
    },
    expect: { status: 'met', route: 'direct_equity' },
  },
  {
    name: 'innovative: 499.9999万 of equity does not',
    standard: 'innovative_sme',
    date: D22,
    patch: (f) => {
      f.equityFinancing = [{ year: 2024, amount: 4_999_999 }];
      fig(f, FY).rdExpense = 0;
    },
    expect: { status: 'not_met' },
  },
  {
    name: 'innovative: without equity data a failing score leaves the result open (no data), never a guess',
    standard: 'innovative_sme',
    date: D22,
    patch: (f) => {
      fig(f, FY).rdExpense = 0;
    },
    expect: { status: 'no_data' },
  },
  {
    name: 'innovative: a large enterprise is not an SME',
    standard: 'innovative_sme',
    date: D22,
    patch: (f) => {
      fig(f, FY).employees = 1001;
      fig(f, FY).revenue = 400_000_001;
    },
    expect: { status: 'not_met', condition: { id: 'is_sme', status: 'not_met' } },
  },

  // ---- 中小企业划型 at its boundaries
  {
    name: 'size: industry with exactly 1000 employees and 4亿 revenue is an SME (以下 includes)',
    standard: 'sme_size',
    date: D22,
    patch: (f) => {
      fig(f, FY).employees = 1000;
      fig(f, FY).revenue = 400_000_000;
    },
    expect: { status: 'met', sizeClass: 'medium' },
  },
  {
    name: 'size: industry with 1001 employees and 4亿 + 1 yuan is large',
    standard: 'sme_size',
    date: D22,
    patch: (f) => {
      fig(f, FY).employees = 1001;
      fig(f, FY).revenue = 400_000_001;
    },
    expect: { status: 'not_met', sizeClass: 'large' },
  },
  {
    name: 'size: industry with 300 employees and 2000万 is medium (及以上)',
    standard: 'sme_size',
    date: D22,
    patch: (f) => {
      fig(f, FY).employees = 300;
      fig(f, FY).revenue = 20_000_000;
    },
    expect: { sizeClass: 'medium' },
  },
  {
    name: 'size: industry with 299 employees and 2000万 is small',
    standard: 'sme_size',
    date: D22,
    patch: (f) => {
      fig(f, FY).employees = 299;
      fig(f, FY).revenue = 20_000_000;
    },
    expect: { sizeClass: 'small' },
  },
  {
    name: 'size: industry with 20 employees and 300万 is small; 19 is micro',
    standard: 'sme_size',
    date: D22,
    patch: (f) => {
      fig(f, FY).employees = 20;
      fig(f, FY).revenue = 3_000_000;
    },
    expect: { sizeClass: 'small' },
  },
  {
    name: 'size: industry with 19 employees is micro',
    standard: 'sme_size',
    date: D22,
    patch: (f) => {
      fig(f, FY).employees = 19;
      fig(f, FY).revenue = 3_000_000;
    },
    expect: { sizeClass: 'micro' },
  },
  {
    name: 'size: software firm with 100 employees and 1000万 is medium',
    standard: 'sme_size',
    date: D22,
    patch: (f) => {
      f.industryCode = 'I6513';
      fig(f, FY).employees = 100;
      fig(f, FY).revenue = 10_000_000;
    },
    expect: { sizeClass: 'medium' },
  },
  {
    name: 'size: without the industry there is no data',
    standard: 'sme_size',
    date: D22,
    patch: (f) => {
      delete f.industryCode;
    },
    expect: { status: 'no_data', sizeClass: null },
  },

  // ---- 专精特新 2022 basic conditions
  {
    name: 'specialized 2022: a strong candidate is met by score',
    standard: 'specialized_sme',
    date: D22,
    patch: strongSpecialized,
    expect: { status: 'met', route: 'score', version: 'specialized_sme@2022' },
  },
  {
    name: 'specialized 2022: R&D of exactly 100万 at exactly 3% meets condition 二',
    standard: 'specialized_sme',
    date: D22,
    patch: (f) => {
      strongSpecialized(f);
      fig(f, FY).revenue = 100_000_000 / 3;
      fig(f, FY).mainBusinessRevenue = 100_000_000 / 3;
      fig(f, FY).rdExpense = 1_000_000;
    },
    expect: { condition: { id: 'specialized_rd', status: 'met' } },
  },
  {
    name: 'specialized 2022: R&D ratio 2.99% fails condition 二',
    standard: 'specialized_sme',
    date: D22,
    patch: (f) => {
      strongSpecialized(f);
      fig(f, FY).rdExpense = 2_990_000;
    },
    expect: { status: 'not_met', condition: { id: 'specialized_rd', status: 'not_met' }, missingIncludes: '占比3%' },
  },
  {
    name: 'specialized 2022: 1.9 years in the niche fails condition 一',
    standard: 'specialized_sme',
    date: D22,
    patch: (f) => {
      strongSpecialized(f);
      f.nicheMarketSince = '2023-01-02';
    },
    expect: { condition: { id: 'specialized_niche', status: 'not_met' } },
  },
  {
    name: 'specialized 2022: revenue 999万 with 2000万 of equity meets condition 三',
    standard: 'specialized_sme',
    date: D22,
    patch: (f) => {
      strongSpecialized(f);
      fig(f, FY).revenue = 9_990_000;
      fig(f, FY).mainBusinessRevenue = 9_990_000;
      fig(f, FY).rdExpense = 1_000_000;
      f.equityFinancing = [{ year: FY, amount: 20_000_000 }];
    },
    expect: { condition: { id: 'specialized_revenue', status: 'met' } },
  },
  {
    name: 'specialized 2022: without niche years the result is no data, never a guess',
    standard: 'specialized_sme',
    date: D22,
    patch: (f) => {
      strongSpecialized(f);
      delete f.nicheMarketSince;
    },
    expect: { status: 'no_data', condition: { id: 'specialized_niche', status: 'no_data' } },
  },
  {
    name: 'specialized 2022: a 2-year R&D average of 1000万 qualifies directly with a low score',
    standard: 'specialized_sme',
    date: D22,
    patch: (f) => {
      f.nicheMarketSince = '2015-01-01';
      fig(f, FY).rdExpense = 10_000_000;
      fig(f, FY - 1).rdExpense = 10_000_000;
      f.equityFinancing = [];
      f.makerChina = [];
    },
    expect: { status: 'met', route: 'direct_rd' },
  },
  {
    name: 'specialized 2022: a provincial award ranked 3rd qualifies directly; 4th does not',
    standard: 'specialized_sme',
    date: D22,
    patch: (f) => {
      f.nicheMarketSince = '2015-01-01';
      fig(f, FY).rdExpense = 3_000_000;
      f.equityFinancing = [];
      f.makerChina = [];
      f.honours = [{ kind: 'science_award', level: 'provincial', year: 2023, rank: 3 }];
    },
    expect: { status: 'met', route: 'direct_award' },
  },
  {
    name: 'specialized 2022: Shandong 9.3 — exactly 10% domestic share is not 超过10% (B by rank 10)',
    standard: 'specialized_sme',
    date: D22,
    patch: (f) => {
      f.marketShare = { domestic: 0.1, domesticRank: 8, provinceRank: 5 };
    },
    expect: { indicator: { id: 'sd_market_share', points: 3, band: 'B' } },
  },
  {
    name: 'specialized 2022: Shandong 9.3 — 10.01% scores A',
    standard: 'specialized_sme',
    date: D22,
    patch: (f) => {
      f.marketShare = { domestic: 0.1001, domesticRank: 8, provinceRank: 5 };
    },
    expect: { indicator: { id: 'sd_market_share', points: 4, band: 'A' } },
  },
  {
    name: 'specialized 2022: quality — two items score 5 (3 each, capped)',
    standard: 'specialized_sme',
    date: D22,
    patch: (f) => {
      f.quality = { provincialQualityAward: false, managementCertification: true, ownBrand: true, standardsDrafting: false };
    },
    expect: { indicator: { id: 'quality', points: 5 } },
  },
  {
    name: 'specialized 2022: quality — one item scores 3',
    standard: 'specialized_sme',
    date: D22,
    patch: (f) => {
      f.quality = { provincialQualityAward: false, managementCertification: true, ownBrand: false, standardsDrafting: false };
    },
    expect: { indicator: { id: 'quality', points: 3 } },
  },
  {
    name: 'specialized 2022: Shandong 9.2 — three items score 4 (2 each, capped)',
    standard: 'specialized_sme',
    date: D22,
    patch: (f) => {
      f.shandong = { innovationItems: ['A', 'B', 'D'] };
    },
    expect: { indicator: { id: 'sd_innovation', points: 4 } },
  },
  {
    name: 'specialized 2022: research institution — provincial tech centre scores B (8)',
    standard: 'specialized_sme',
    date: D22,
    patch: (f) => {
      f.honours = [{ kind: 'provincial_tech_center', level: 'provincial', year: 2019 }];
    },
    expect: { indicator: { id: 'institution', points: 8, band: 'B' } },
  },
  {
    name: 'specialized 2022: research institution — city centre scores C (4)',
    standard: 'specialized_sme',
    date: D22,
    patch: (f) => {
      f.honours = [{ kind: 'city_tech_center', level: 'city', year: 2019 }];
    },
    expect: { indicator: { id: 'institution', points: 4, band: 'C' } },
  },
  {
    name: 'specialized 2022: domain — 六基 scores B (3)',
    standard: 'specialized_sme',
    date: D22,
    patch: (f) => {
      f.leadingProductDomain = 'six_foundations';
    },
    expect: { indicator: { id: 'domain', points: 3, band: 'B' } },
  },

  // ---- the version switch on 2026-04-01
  {
    name: 'specialized: on 2026-03-31 the 2022 standard applies',
    standard: 'specialized_sme',
    date: '2026-03-31',
    patch: strongSpecialized,
    expect: { version: 'specialized_sme@2022' },
  },
  {
    name: 'specialized: on 2026-04-01 the 2026 standard applies',
    standard: 'specialized_sme',
    date: '2026-04-01',
    patch: strongSpecialized,
    expect: { version: 'specialized_sme@2026', status: 'met' },
  },
  {
    name: 'specialized: revenue 1200万 meets the 2022 threshold (1000万) on 2026-03-31',
    standard: 'specialized_sme',
    date: '2026-03-31',
    patch: (f) => {
      strongSpecialized(f);
      fig(f, 2025).revenue = 12_000_000;
      fig(f, 2025).mainBusinessRevenue = 12_000_000;
      fig(f, 2025).rdExpense = 1_000_000;
    },
    expect: { condition: { id: 'specialized_revenue', status: 'met' } },
  },
  {
    name: 'specialized: revenue 1200万 fails the 2026 threshold (1500万) on 2026-04-01',
    standard: 'specialized_sme',
    date: '2026-04-01',
    patch: (f) => {
      strongSpecialized(f);
      fig(f, 2025).revenue = 12_000_000;
      fig(f, 2025).mainBusinessRevenue = 12_000_000;
      fig(f, 2025).rdExpense = 1_000_000;
    },
    expect: { condition: { id: 'specialized26_revenue', status: 'not_met' } },
  },
  {
    name: 'specialized 2026: debt ratio exactly 80% is within 不高于80%',
    standard: 'specialized_sme',
    date: '2026-04-01',
    patch: (f) => {
      strongSpecialized(f);
      fig(f, 2025).totalLiabilities = 80_000_000;
    },
    expect: { condition: { id: 'specialized26_share_debt', status: 'met' } },
  },
  {
    name: 'specialized 2026: without the innovative title it is not met',
    standard: 'specialized_sme',
    date: '2026-04-01',
    patch: (f) => {
      strongSpecialized(f);
      f.titles = [];
    },
    expect: { status: 'not_met', condition: { id: 'specialized26_title_niche', status: 'not_met' } },
  },
  {
    name: 'innovative: 2026-03-31 → 2022 version; 2026-04-01 → 科技和创新型 2026 version',
    standard: 'innovative_sme',
    date: '2026-04-01',
    patch: () => undefined,
    expect: { version: 'innovative_sme@2026' },
  },
  {
    name: 'innovative: on 2026-03-31 the 2022 version applies',
    standard: 'innovative_sme',
    date: '2026-03-31',
    patch: () => undefined,
    expect: { version: 'innovative_sme@2022' },
  },
  {
    name: 'little giant: on 2026-03-31 the 2022 standard applies',
    standard: 'little_giant',
    date: '2026-03-31',
    patch: strongSpecialized,
    expect: { version: 'little_giant@2022' },
  },
  {
    name: 'little giant 2022: a strong candidate with 2 applied class-I rights is met',
    standard: 'little_giant',
    date: D22,
    patch: strongSpecialized,
    expect: { status: 'met', route: 'general' },
  },
  {
    name: 'little giant 2022: 9.99% national share fails 特 (10%以上)',
    standard: 'little_giant',
    date: D22,
    patch: (f) => {
      strongSpecialized(f);
      f.marketShare = { domestic: 0.0999 };
    },
    expect: { condition: { id: 'little_giant_characteristic', status: 'not_met' } },
  },
  {
    name: 'little giant 2022: exactly 1亿 revenue takes the 3% bracket',
    standard: 'little_giant',
    date: D22,
    patch: (f) => {
      strongSpecialized(f);
      for (const y of [FY - 1, FY]) {
        fig(f, y).revenue = 100_000_000;
        fig(f, y).rdExpense = 3_000_000;
      }
    },
    expect: { condition: { id: 'little_giant_innovation', status: 'met' } },
  },
  {
    name: 'little giant 2022: 9999万 revenue needs 6%, 3% fails',
    standard: 'little_giant',
    date: D22,
    patch: (f) => {
      strongSpecialized(f);
      for (const y of [FY - 1, FY]) {
        fig(f, y).revenue = 99_990_000;
        fig(f, y).mainBusinessRevenue = 99_990_000;
        fig(f, y).rdExpense = 3_000_000;
      }
    },
    expect: { condition: { id: 'little_giant_innovation', status: 'not_met' } },
  },
  {
    name: 'little giant: on 2026-04-01 the 2026 standard applies and needs 4 class-I rights',
    standard: 'little_giant',
    date: '2026-04-01',
    patch: (f) => {
      strongSpecialized(f);
      ip(f, { class1: 3, class1SelfDeveloped: 3, class1Applied: 3 });
    },
    expect: { version: 'little_giant@2026', condition: { id: 'little_giant26_ip', status: 'not_met' } },
  },

  // ---- 瞪羚 and 独角兽: strict words
  {
    name: 'gazelle: debt ratio exactly 70% fails 低于70%',
    standard: 'gazelle',
    date: D22,
    patch: (f) => {
      fig(f, FY).totalLiabilities = 70_000_000;
    },
    expect: { condition: { id: 'gazelle_operations', status: 'not_met' } },
  },
  {
    name: 'gazelle: revenue exactly 1亿 takes the 15% band and the 2.5% R&D bracket',
    standard: 'gazelle',
    date: D22,
    patch: (f) => {
      f.listed = false;
      f.controlledByListed = false;
      f.creditScore = 75;
      f.standardsLed = 1;
      fig(f, FY - 2).revenue = 75_614_366;
      fig(f, FY).revenue = 100_000_000;
      fig(f, FY).rdExpense = 2_500_000;
      fig(f, FY - 1).revenue = 90_000_000;
      fig(f, FY - 1).rdExpense = 2_250_000;
    },
    expect: { status: 'met', condition: { id: 'gazelle_growth', status: 'met' } },
  },
  {
    name: 'gazelle: credit score 74.9 fails ≥75',
    standard: 'gazelle',
    date: D22,
    patch: (f) => {
      f.creditScore = 74.9;
    },
    expect: { condition: { id: 'gazelle_credit', status: 'not_met' } },
  },
  {
    name: 'gazelle: revenue under 1000万 has no growth band',
    standard: 'gazelle',
    date: D22,
    patch: (f) => {
      fig(f, FY).revenue = 9_999_999;
    },
    expect: { condition: { id: 'gazelle_growth', status: 'not_met' } },
  },
  {
    name: 'unicorn: a valuation of exactly US$1bn is not 超过10亿美元',
    standard: 'unicorn',
    date: D22,
    patch: (f) => {
      f.establishedOn = '2018-01-01';
      f.privateFinancing = true;
      f.listed = false;
      f.newEconomyDomain = true;
      f.creditScore = 80;
      f.valuationUsd = 1_000_000_000;
    },
    expect: { status: 'not_met', condition: { id: 'unicorn_valuation', status: 'not_met' } },
  },
  {
    name: 'unicorn: US$1bn + 1 with every other condition is met',
    standard: 'unicorn',
    date: D22,
    patch: (f) => {
      f.establishedOn = '2018-01-01';
      f.privateFinancing = true;
      f.listed = false;
      f.newEconomyDomain = true;
      f.creditScore = 73;
      f.valuationUsd = 1_000_000_001;
    },
    expect: { status: 'met', route: 'unicorn' },
  },
  {
    name: 'unicorn: founded exactly 10 years before is within 不超过10年',
    standard: 'unicorn',
    date: D22,
    patch: (f) => {
      f.establishedOn = '2015-06-01';
    },
    expect: { condition: { id: 'unicorn_age', status: 'met' } },
  },
  {
    name: 'unicorn: founded 10 years and a day before is not',
    standard: 'unicorn',
    date: D22,
    patch: (f) => {
      f.establishedOn = '2014-05-31';
    },
    expect: { condition: { id: 'unicorn_age', status: 'not_met' } },
  },
];
