/** Clause 2 scenarios, as data. Dates at the boundaries that matter. */
import type { Scenario } from './scenario.ts';
import { facts, title } from './builders.ts';

const LG = '2.little_giant.first';

export const clause2Scenarios: Scenario[] = [
  {
    name: 'a new little giant recognised on the day the draft applies is owed 2,000,000 in that year',
    facts: facts({ titles: [title('T1', { kind: 'little_giant', recognisedOn: '2023-01-01' })] }),
    fiscalYear: 2023,
    owed: [{ item: LG, to: 'E1', amount: 2_000_000, trigger: 'T1' }],
  },
  {
    name: 'a new little giant recognised the day before the draft applies is not owed, because the policy was not in force',
    facts: facts({ titles: [title('T1', { kind: 'little_giant', recognisedOn: '2022-12-31' })] }),
    fiscalYear: 2022,
    owed: [],
    notOwed: [{ item: LG, to: 'E1', reason: 'policy_not_in_force' }],
  },
  {
    name: 'a title recognised on 31 December belongs to that fiscal year',
    facts: facts({ titles: [title('T1', { kind: 'specialized_sme', recognisedOn: '2023-12-31' })] }),
    fiscalYear: 2023,
    owed: [{ item: '2.specialized_sme.first', to: 'E1', amount: 300_000 }],
  },
  {
    name: 'a title recognised on 31 December is not paid again in the next fiscal year',
    facts: facts({ titles: [title('T1', { kind: 'specialized_sme', recognisedOn: '2023-12-31' })] }),
    fiscalYear: 2024,
    owed: [],
  },
  {
    name: 'a title recognised on 1 January belongs to the new fiscal year',
    facts: facts({ titles: [title('T1', { kind: 'specialized_sme', recognisedOn: '2024-01-01' })] }),
    fiscalYear: 2024,
    owed: [{ item: '2.specialized_sme.first', to: 'E1', amount: 300_000 }],
  },
  {
    name: 'a new unicorn, a new provincial gazelle and a new specialized SME get 3,000,000, 500,000 and 300,000',
    facts: facts({
      titles: [
        title('T1', { enterpriseId: 'E1', kind: 'unicorn', recognisedOn: '2023-05-01' }),
        title('T2', { enterpriseId: 'E2', kind: 'gazelle', recognisedOn: '2023-05-01' }),
        title('T3', { enterpriseId: 'E3', kind: 'specialized_sme', recognisedOn: '2023-05-01' }),
      ],
    }),
    fiscalYear: 2023,
    owed: [
      { item: '2.unicorn.first', to: 'E1', amount: 3_000_000 },
      { item: '2.gazelle.first', to: 'E2', amount: 500_000 },
      { item: '2.specialized_sme.first', to: 'E3', amount: 300_000 },
    ],
  },
  {
    name: 'a city-level gazelle is not owed, because the clause rewards provincial gazelles',
    facts: facts({ titles: [title('T1', { kind: 'gazelle', level: 'city', recognisedOn: '2023-05-01' })] }),
    fiscalYear: 2023,
    owed: [],
    notOwed: [{ item: '2.gazelle.first', to: 'E1', reason: 'clause_2_level_not_rewarded' }],
  },
  {
    name: 'a provincial gazelle renewed after expiry gets the 200,000 continuation reward',
    facts: facts({ titles: [title('T1', { kind: 'gazelle', recognition: 'renewal', recognisedOn: '2023-05-01' })] }),
    fiscalYear: 2023,
    owed: [{ item: '2.gazelle.renewal', to: 'E1', amount: 200_000 }],
  },
  {
    name: 'a specialized SME renewed after expiry gets the 100,000 continuation reward',
    facts: facts({ titles: [title('T1', { kind: 'specialized_sme', recognition: 'renewal', recognisedOn: '2023-05-01' })] }),
    fiscalYear: 2023,
    owed: [{ item: '2.specialized_sme.renewal', to: 'E1', amount: 100_000 }],
  },
  {
    name: 'a renewed little giant, unicorn, innovative SME or manufacturing champion is owed nothing under clause 2',
    facts: facts({
      titles: [
        title('T1', { enterpriseId: 'E1', kind: 'little_giant', recognition: 'renewal', recognisedOn: '2023-05-01' }),
        title('T2', { enterpriseId: 'E2', kind: 'unicorn', recognition: 'renewal', recognisedOn: '2023-05-01' }),
        title('T3', { enterpriseId: 'E3', kind: 'innovative_sme', recognition: 'renewal', recognisedOn: '2023-05-01' }),
        title('T4', {
          enterpriseId: 'E4',
          kind: 'manufacturing_champion',
          level: 'national',
          recognition: 'renewal',
          recognisedOn: '2023-05-01',
        }),
      ],
    }),
    fiscalYear: 2023,
    owed: [],
    notOwed: [
      { item: '2.little_giant.renewal', to: 'E1', reason: 'clause_2_not_rewarded' },
      { item: '2.unicorn.renewal', to: 'E2', reason: 'clause_2_not_rewarded' },
      { item: '2.innovative_sme.renewal', to: 'E3', reason: 'clause_2_not_rewarded' },
      { item: '2.manufacturing_champion.renewal', to: 'E4', reason: 'clause_2_not_rewarded' },
    ],
  },
  {
    name: 'a new innovative SME is owed nothing, because clause 2 names no reward for it',
    facts: facts({ titles: [title('T1', { kind: 'innovative_sme', recognisedOn: '2023-05-01' })] }),
    fiscalYear: 2023,
    owed: [],
    notOwed: [{ item: '2.innovative_sme.first', to: 'E1', reason: 'clause_2_not_rewarded' }],
  },
  {
    name: 'a title revoked before the computation date yields no reward',
    facts: facts({ titles: [title('T1', { kind: 'little_giant', recognisedOn: '2023-05-01', revokedOn: '2023-09-01' })] }),
    fiscalYear: 2023,
    asOf: '2023-09-01',
    owed: [],
    notOwed: [{ item: LG, to: 'E1', reason: 'clause_2_title_revoked' }],
  },
  {
    name: 'a title revoked after the computation date is still owed on that date',
    facts: facts({ titles: [title('T1', { kind: 'little_giant', recognisedOn: '2023-05-01', revokedOn: '2023-09-01' })] }),
    fiscalYear: 2023,
    asOf: '2023-08-31',
    owed: [{ item: LG, to: 'E1', amount: 2_000_000 }],
  },
  {
    name: 'with highest-only off, an enterprise recognised specialized SME and little giant in one year gets both rewards',
    facts: facts({
      titles: [
        title('T1', { kind: 'specialized_sme', recognisedOn: '2023-03-01' }),
        title('T2', { kind: 'little_giant', recognisedOn: '2023-07-01' }),
      ],
    }),
    fiscalYear: 2023,
    owed: [
      { item: '2.specialized_sme.first', to: 'E1', amount: 300_000 },
      { item: LG, to: 'E1', amount: 2_000_000 },
    ],
  },
  {
    name: 'with highest-only on, an enterprise recognised specialized SME and little giant in one year gets only the little giant reward',
    facts: facts({
      titles: [
        title('T1', { kind: 'specialized_sme', recognisedOn: '2023-03-01' }),
        title('T2', { kind: 'little_giant', recognisedOn: '2023-07-01' }),
      ],
    }),
    fiscalYear: 2023,
    overrides: { parameters: { interpretation_highest_only: true } },
    owed: [{ item: LG, to: 'E1', amount: 2_000_000 }],
    notOwed: [{ item: '2.specialized_sme.first', to: 'E1', reason: 'clause_2_highest_only_superseded' }],
  },
  {
    name: 'with highest-only on, recognitions in different fiscal years are both rewarded',
    facts: facts({
      titles: [
        title('T1', { kind: 'specialized_sme', recognisedOn: '2023-03-01' }),
        title('T2', { kind: 'little_giant', recognisedOn: '2024-07-01' }),
      ],
    }),
    fiscalYear: 2024,
    overrides: { parameters: { interpretation_highest_only: true } },
    owed: [{ item: LG, to: 'E1', amount: 2_000_000 }],
  },
  {
    name: 'the same title event listed twice yields one entitlement',
    facts: facts({
      titles: [
        title('T1', { kind: 'little_giant', recognisedOn: '2023-05-01' }),
        title('T1', { kind: 'little_giant', recognisedOn: '2023-05-01' }),
      ],
    }),
    fiscalYear: 2023,
    owed: [{ item: LG, to: 'E1', amount: 2_000_000 }],
  },
  {
    name: 'with the fiscal-year offset set to 1, a 2023 recognition is paid from the 2024 budget',
    facts: facts({ titles: [title('T1', { kind: 'little_giant', recognisedOn: '2023-05-01' })] }),
    fiscalYear: 2024,
    overrides: { parameters: { clause_2_fiscal_year_offset: 1 } },
    owed: [{ item: LG, to: 'E1', amount: 2_000_000 }],
  },
  {
    name: 'with city-level specialized SMEs admitted by override, a city recognition is owed 300,000',
    facts: facts({ titles: [title('T1', { kind: 'specialized_sme', level: 'city', recognisedOn: '2023-05-01' })] }),
    fiscalYear: 2023,
    overrides: { parameters: { clause_2_specialized_sme_levels: ['provincial', 'city'] } },
    owed: [{ item: '2.specialized_sme.first', to: 'E1', amount: 300_000 }],
  },
  {
    name: 'under the draft and a later final text, a 2024 little giant is paid at the draft amount',
    facts: facts({ titles: [title('T1', { kind: 'little_giant', recognisedOn: '2024-12-31' })] }),
    fiscalYear: 2024,
    registry: 'draft+final',
    owed: [{ item: LG, to: 'E1', amount: 2_000_000, version: 'jinan-quality-sme-2023-draft' }],
  },
  {
    name: "under the draft and a later final text, a little giant recognised on the final text's first day is paid at the final amount",
    facts: facts({ titles: [title('T1', { kind: 'little_giant', recognisedOn: '2025-01-01' })] }),
    fiscalYear: 2025,
    registry: 'draft+final',
    owed: [{ item: LG, to: 'E1', amount: 1_500_000, version: 'jinan-quality-sme-2025-final-test' }],
  },
  {
    name: 'recomputing 2024 after the final text is registered gives the same answer as the draft alone',
    facts: facts({ titles: [title('T1', { kind: 'little_giant', recognisedOn: '2024-06-01' })] }),
    fiscalYear: 2024,
    registry: 'draft+final',
    owed: [{ item: LG, to: 'E1', amount: 2_000_000, version: 'jinan-quality-sme-2023-draft' }],
  },
  {
    name: 'a recognition before every registered version is not owed, once, because no policy was in force',
    facts: facts({ titles: [title('T1', { kind: 'little_giant', recognisedOn: '2022-06-01' })] }),
    fiscalYear: 2022,
    registry: 'draft+final',
    owed: [],
    notOwed: [{ item: LG, to: 'E1', reason: 'policy_not_in_force' }],
  },
];
