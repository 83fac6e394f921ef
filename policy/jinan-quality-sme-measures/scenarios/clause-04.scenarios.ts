/** Clause 4 scenarios, as data: three yearly payments after an MIIT recognition. */
import type { Carrier } from '../../core/facts.ts';
import type { Scenario } from './scenario.ts';
import { facts } from './builders.ts';

function park(over: Partial<Carrier> = {}): Carrier {
  return {
    carrierId: 'K1',
    kind: 'park',
    name: '优质培育服务园区',
    level: 'national',
    recognisedOn: '2023-06-01',
    serviceParkRecognisedBy: 'miit',
    ...over,
  };
}

export const clause4Scenarios: Scenario[] = [
  {
    name: 'an MIIT-recognised park is owed nothing in the year of its recognition',
    facts: facts({ carriers: [park()] }),
    fiscalYear: 2023,
    owed: [],
  },
  {
    name: 'an MIIT-recognised park is owed 10,000,000 in the first year after its recognition',
    facts: facts({ carriers: [park()] }),
    fiscalYear: 2024,
    owed: [{ item: '4.service_park.year_1', to: 'K1', amount: 10_000_000, trigger: 'K1' }],
  },
  {
    name: 'an MIIT-recognised park is owed its third payment in the third year after recognition',
    facts: facts({ carriers: [park()] }),
    fiscalYear: 2026,
    owed: [{ item: '4.service_park.year_3', to: 'K1', amount: 10_000_000 }],
  },
  {
    name: 'an MIIT-recognised park is owed nothing in the fourth year',
    facts: facts({ carriers: [park()] }),
    fiscalYear: 2027,
    owed: [],
  },
  {
    name: 'with the first-payment offset set to 0, the park is paid in its recognition year',
    facts: facts({ carriers: [park()] }),
    fiscalYear: 2023,
    overrides: { parameters: { clause_4_first_payment_offset: 0 } },
    owed: [{ item: '4.service_park.year_1', to: 'K1', amount: 10_000_000 }],
  },
  {
    name: 'a park recognised by the province is owed nothing under clause 4',
    facts: facts({ carriers: [park({ serviceParkRecognisedBy: 'province' })] }),
    fiscalYear: 2024,
    owed: [],
    notOwed: [{ item: '4.service_park.year_1', to: 'K1', reason: 'clause_4_not_recognised_by_miit' }],
  },
  {
    name: 'a park whose recognition expired before the payment year is not paid that year',
    facts: facts({ carriers: [park({ validUntil: '2025-12-31' })] }),
    fiscalYear: 2026,
    owed: [],
    notOwed: [{ item: '4.service_park.year_3', to: 'K1', reason: 'clause_4_expired' }],
  },
  {
    name: 'with the validity requirement switched off, a park whose recognition expired is still paid',
    facts: facts({ carriers: [park({ validUntil: '2025-12-31' })] }),
    fiscalYear: 2026,
    overrides: { parameters: { clause_4_requires_validity_in_payment_year: false } },
    owed: [{ item: '4.service_park.year_3', to: 'K1', amount: 10_000_000 }],
  },
  {
    name: 'a park recognised the day before the draft applies is not owed',
    facts: facts({ carriers: [park({ recognisedOn: '2022-12-31' })] }),
    fiscalYear: 2023,
    owed: [],
    notOwed: [{ item: '4.service_park.year_1', to: 'K1', reason: 'policy_not_in_force' }],
  },
  {
    name: 'a park recognised on the day the draft applies is owed in the next year',
    facts: facts({ carriers: [park({ recognisedOn: '2023-01-01' })] }),
    fiscalYear: 2024,
    owed: [{ item: '4.service_park.year_1', to: 'K1', amount: 10_000_000 }],
  },
  {
    name: 'a park whose recognition was revoked is not paid its remaining years',
    facts: facts({ carriers: [park({ revokedOn: '2024-10-01' })] }),
    fiscalYear: 2025,
    owed: [],
    notOwed: [{ item: '4.service_park.year_2', to: 'K1', reason: 'clause_4_revoked' }],
  },
];
