/** Clause 5 scenarios, as data: residency months, base validity, the previous-year rule, platforms. */
import type { Scenario } from './scenario.ts';
import { base, facts, residency, title } from './builders.ts';

const LG5 = '5.base.little_giant';

/** One enterprise E1 resident in base B1 from `from`, recognised little giant on `on`. */
function residentLittleGiant(from: string, on: string, extra: { toDate?: string; baseValidUntil?: string } = {}) {
  return facts({
    titles: [title('T1', { kind: 'little_giant', recognisedOn: on })],
    carriers: [base('B1', extra.baseValidUntil ? { validUntil: extra.baseValidUntil } : {})],
    residencies: [residency('E1', 'B1', from, extra.toDate)],
  });
}

export const clause5Scenarios: Scenario[] = [
  {
    name: 'a base whose resident of exactly 12 months becomes a little giant is owed 400,000 in the following year',
    facts: residentLittleGiant('2022-07-30', '2023-07-30'),
    fiscalYear: 2024,
    owed: [{ item: LG5, to: 'B1', amount: 400_000, trigger: 'T1' }],
  },
  {
    name: 'a resident of 11 months and 30 days does not count',
    facts: residentLittleGiant('2022-07-31', '2023-07-30'),
    fiscalYear: 2024,
    owed: [],
    notOwed: [{ item: LG5, to: 'B1', reason: 'clause_5_resident_12_months' }],
  },
  {
    name: 'a residency from 28 February 2023 is complete on 28 February 2024',
    facts: residentLittleGiant('2023-02-28', '2024-02-28'),
    fiscalYear: 2025,
    owed: [{ item: LG5, to: 'B1', amount: 400_000 }],
  },
  {
    name: 'a residency from 29 February 2024 is complete on 28 February 2025, the day clamped to the month end',
    facts: residentLittleGiant('2024-02-29', '2025-02-28'),
    fiscalYear: 2026,
    owed: [{ item: LG5, to: 'B1', amount: 400_000 }],
  },
  {
    name: 'a residency from 29 February 2024 is not complete on 27 February 2025',
    facts: residentLittleGiant('2024-02-29', '2025-02-27'),
    fiscalYear: 2026,
    owed: [],
    notOwed: [{ item: LG5, to: 'B1', reason: 'clause_5_resident_12_months' }],
  },
  {
    name: 'a residency from 31 January 2023 is not complete on 30 January 2024',
    facts: residentLittleGiant('2023-01-31', '2024-01-30'),
    fiscalYear: 2025,
    owed: [],
    notOwed: [{ item: LG5, to: 'B1', reason: 'clause_5_resident_12_months' }],
  },
  {
    name: 'a residency from 31 January 2023 is complete on 31 January 2024',
    facts: residentLittleGiant('2023-01-31', '2024-01-31'),
    fiscalYear: 2025,
    owed: [{ item: LG5, to: 'B1', amount: 400_000 }],
  },
  {
    name: 'a resident recognised on 31 December is counted in the claim of the next year',
    facts: residentLittleGiant('2022-01-01', '2023-12-31'),
    fiscalYear: 2024,
    owed: [{ item: LG5, to: 'B1', amount: 400_000 }],
  },
  {
    name: 'a resident recognised on 31 December is not counted in the claim of the same year',
    facts: residentLittleGiant('2022-01-01', '2023-12-31'),
    fiscalYear: 2023,
    owed: [{ item: '2.little_giant.first', to: 'E1', amount: 2_000_000 }],
  },
  {
    name: 'a resident recognised on 1 January is counted in the claim of the year after',
    facts: residentLittleGiant('2022-01-01', '2024-01-01'),
    fiscalYear: 2025,
    owed: [{ item: LG5, to: 'B1', amount: 400_000 }],
  },
  {
    name: 'with the claim-year offset set to 0, a resident is counted in the claim of its own recognition year',
    facts: residentLittleGiant('2022-01-01', '2023-06-01'),
    fiscalYear: 2023,
    overrides: { parameters: { clause_5_claim_year_offset: 0 } },
    owed: [
      { item: LG5, to: 'B1', amount: 400_000 },
      { item: '2.little_giant.first', to: 'E1', amount: 2_000_000 },
    ],
  },
  {
    name: 'a base whose validity ended the day before the recognition is owed nothing',
    facts: residentLittleGiant('2022-01-01', '2023-06-01', { baseValidUntil: '2023-05-31' }),
    fiscalYear: 2024,
    owed: [],
    notOwed: [{ item: LG5, to: 'B1', reason: 'clause_5_base_not_valid' }],
  },
  {
    name: 'a base whose validity ends on the recognition day is owed',
    facts: residentLittleGiant('2022-01-01', '2023-06-01', { baseValidUntil: '2023-06-01' }),
    fiscalYear: 2024,
    owed: [{ item: LG5, to: 'B1', amount: 400_000 }],
  },
  {
    name: 'a resident that moves out after its recognition still earns the base its reward',
    facts: residentLittleGiant('2022-01-01', '2023-06-01', { toDate: '2023-06-02' }),
    fiscalYear: 2024,
    owed: [{ item: LG5, to: 'B1', amount: 400_000 }],
  },
  {
    name: 'an enterprise that moved out before its recognition earns the base nothing',
    facts: residentLittleGiant('2022-01-01', '2023-06-01', { toDate: '2023-05-31' }),
    fiscalYear: 2024,
    owed: [],
    notOwed: [{ item: LG5, to: 'B1', reason: 'clause_5_resident_12_months' }],
  },
  {
    name: 'a city-level base is owed nothing, because the clause asks for provincial or higher',
    facts: facts({
      titles: [title('T1', { kind: 'little_giant', recognisedOn: '2023-06-01' })],
      carriers: [base('B1', { level: 'city' })],
      residencies: [residency('E1', 'B1', '2022-01-01')],
    }),
    fiscalYear: 2024,
    owed: [],
    notOwed: [{ item: LG5, to: 'B1', reason: 'clause_5_base_level' }],
  },
  {
    name: 'a resident new unicorn earns 400,000 and new provincial gazelle and specialized SME residents earn 100,000 each',
    facts: facts({
      titles: [
        title('T1', { enterpriseId: 'E1', kind: 'unicorn', recognisedOn: '2023-06-01' }),
        title('T2', { enterpriseId: 'E2', kind: 'gazelle', recognisedOn: '2023-06-01' }),
        title('T3', { enterpriseId: 'E3', kind: 'specialized_sme', recognisedOn: '2023-06-01' }),
        title('T4', { enterpriseId: 'E4', kind: 'gazelle', level: 'city', recognisedOn: '2023-06-01' }),
      ],
      carriers: [base('B1', { level: 'national' })],
      residencies: ['E1', 'E2', 'E3', 'E4'].map((e) => residency(e, 'B1', '2021-01-01')),
    }),
    fiscalYear: 2024,
    owed: [
      { item: '5.base.unicorn', to: 'B1', amount: 400_000, trigger: 'T1' },
      { item: '5.base.gazelle', to: 'B1', amount: 100_000, trigger: 'T2' },
      { item: '5.base.specialized_sme', to: 'B1', amount: 100_000, trigger: 'T3' },
    ],
    notOwed: [{ item: '5.base.gazelle', to: 'B1', reason: 'clause_5_title_level_not_counted' }],
  },
  {
    name: 'a resident renewed as specialized SME earns the base nothing, because only new recognitions count',
    facts: facts({
      titles: [title('T1', { kind: 'specialized_sme', recognition: 'renewal', recognisedOn: '2023-06-01' })],
      carriers: [base('B1')],
      residencies: [residency('E1', 'B1', '2021-01-01')],
    }),
    fiscalYear: 2024,
    owed: [],
    notOwed: [{ item: '5.base.specialized_sme', to: 'B1', reason: 'clause_5_not_newly_recognised' }],
  },
  {
    name: 'a resident whose title was revoked earns the base nothing',
    facts: facts({
      titles: [title('T1', { kind: 'little_giant', recognisedOn: '2023-06-01', revokedOn: '2023-11-01' })],
      carriers: [base('B1')],
      residencies: [residency('E1', 'B1', '2021-01-01')],
    }),
    fiscalYear: 2024,
    owed: [],
    notOwed: [{ item: LG5, to: 'B1', reason: 'clause_5_title_revoked' }],
  },
  {
    name: 'an enterprise resident in two qualifying bases rewards only the base it joined first',
    facts: facts({
      titles: [title('T1', { kind: 'little_giant', recognisedOn: '2023-06-01' })],
      carriers: [base('B1'), base('B2')],
      residencies: [residency('E1', 'B2', '2021-01-01'), residency('E1', 'B1', '2022-01-01')],
    }),
    fiscalYear: 2024,
    owed: [{ item: LG5, to: 'B2', amount: 400_000 }],
  },
  {
    name: "with highest-only off, a base is rewarded for both a resident's specialized SME and little giant recognitions",
    facts: facts({
      titles: [
        title('T1', { kind: 'specialized_sme', recognisedOn: '2023-02-01' }),
        title('T2', { kind: 'little_giant', recognisedOn: '2023-08-01' }),
      ],
      carriers: [base('B1')],
      residencies: [residency('E1', 'B1', '2021-01-01')],
    }),
    fiscalYear: 2024,
    owed: [
      { item: '5.base.specialized_sme', to: 'B1', amount: 100_000 },
      { item: LG5, to: 'B1', amount: 400_000 },
    ],
  },
  {
    name: 'with highest-only on, a base is rewarded once per resident and year, at the higher amount',
    facts: facts({
      titles: [
        title('T1', { kind: 'specialized_sme', recognisedOn: '2023-02-01' }),
        title('T2', { kind: 'little_giant', recognisedOn: '2023-08-01' }),
      ],
      carriers: [base('B1')],
      residencies: [residency('E1', 'B1', '2021-01-01')],
    }),
    fiscalYear: 2024,
    overrides: { parameters: { interpretation_highest_only: true } },
    owed: [{ item: LG5, to: 'B1', amount: 400_000 }],
    notOwed: [{ item: '5.base.specialized_sme', to: 'B1', reason: 'clause_5_highest_only_superseded' }],
  },
  {
    name: 'newly recognised national and provincial platforms get 500,000 and 200,000, city and renewed platforms nothing',
    facts: facts({
      carriers: [
        { carrierId: 'P1', kind: 'service_platform', name: '国家级平台', level: 'national', recognisedOn: '2023-04-01' },
        { carrierId: 'P2', kind: 'service_platform', name: '省级平台', level: 'provincial', recognisedOn: '2023-04-01' },
        { carrierId: 'P3', kind: 'service_platform', name: '市级平台', level: 'city', recognisedOn: '2023-04-01' },
        {
          carrierId: 'P4',
          kind: 'service_platform',
          name: '复核平台',
          level: 'provincial',
          recognisedOn: '2023-04-01',
          recognition: 'renewal',
        },
      ],
    }),
    fiscalYear: 2023,
    owed: [
      { item: '5.platform.national', to: 'P1', amount: 500_000 },
      { item: '5.platform.provincial', to: 'P2', amount: 200_000 },
    ],
    notOwed: [
      { item: '5.platform.city', to: 'P3', reason: 'clause_5_platform_level' },
      { item: '5.platform.provincial', to: 'P4', reason: 'clause_5_platform_not_new' },
    ],
  },
  {
    name: 'with the platform offset set to 1, a 2023 platform is paid from the 2024 budget',
    facts: facts({
      carriers: [
        { carrierId: 'P1', kind: 'service_platform', name: '国家级平台', level: 'national', recognisedOn: '2023-04-01' },
      ],
    }),
    fiscalYear: 2024,
    overrides: { parameters: { clause_5_platform_fiscal_year_offset: 1 } },
    owed: [{ item: '5.platform.national', to: 'P1', amount: 500_000 }],
  },
  {
    name: 'under the draft and a later final text, a base is paid the final amount for a resident recognised after the final text applies',
    facts: residentLittleGiant('2022-01-01', '2025-02-01'),
    fiscalYear: 2026,
    registry: 'draft+final',
    owed: [{ item: LG5, to: 'B1', amount: 300_000, version: 'jinan-quality-sme-2025-final-test' }],
  },
  {
    name: 'under the draft and a later final text, a base is paid the draft amount for a resident recognised in 2024',
    facts: residentLittleGiant('2022-01-01', '2024-05-01'),
    fiscalYear: 2025,
    registry: 'draft+final',
    owed: [{ item: LG5, to: 'B1', amount: 400_000, version: 'jinan-quality-sme-2023-draft' }],
  },
];
