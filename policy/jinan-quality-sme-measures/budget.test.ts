import { describe, expect, it } from 'vitest';
import { budget, entitlementsForYears, whatIf } from './budget.ts';
import { base, facts, residency, title } from './scenarios/builders.ts';

const sample = facts({
  titles: [
    title('T1', { enterpriseId: 'E1', kind: 'specialized_sme', recognisedOn: '2023-03-01' }),
    title('T2', { enterpriseId: 'E1', kind: 'little_giant', recognisedOn: '2023-07-01' }),
    title('T3', { enterpriseId: 'E2', kind: 'gazelle', recognisedOn: '2023-05-01' }),
  ],
  carriers: [
    base('B1'),
    {
      carrierId: 'K1',
      kind: 'park',
      name: '园区',
      level: 'national',
      recognisedOn: '2023-06-01',
      serviceParkRecognisedBy: 'miit',
    },
  ],
  residencies: [residency('E2', 'B1', '2021-01-01')],
});

describe('budget', () => {
  it('sums expected cost by fiscal year and clause, naming the responsible units', () => {
    const b = budget(entitlementsForYears(sample, [2023, 2024]));
    expect(b.lines.map((l) => [l.fiscalYear, l.clause, l.amount, l.count])).toEqual([
      [2023, '2', 2_800_000, 3],
      [2024, '4', 10_000_000, 1],
      [2024, '5', 100_000, 1],
    ]);
    expect(b.lines[0]?.responsibleUnitsZh).toEqual(['市工业和信息化局', '市财政局']);
    expect(b.totalsByYear).toEqual([
      { fiscalYear: 2023, amount: 2_800_000 },
      { fiscalYear: 2024, amount: 10_100_000 },
    ]);
    expect(b.total).toBe(12_900_000);
    expect(b.byUnit.find((u) => u.fiscalYear === 2024 && u.unitZh === '市财政局')?.amount).toBe(10_100_000);
  });
});

describe('what-if', () => {
  it('shows that a lower little-giant amount in the final text saves 500,000 on enterprise E1 only', () => {
    const w = whatIf(
      sample,
      {},
      { parameters: { clause_2_little_giant_first_amount: 1_500_000 } },
      { fiscalYears: [2023, 2024] },
    );
    expect(w.totals).toEqual({ base: 12_900_000, alt: 12_400_000, difference: -500_000 });
    expect(w.beneficiaries.map((d) => [d.beneficiaryId, d.base, d.alt, d.difference])).toEqual([
      ['E1', 2_300_000, 1_800_000, -500_000],
    ]);
  });

  it('shows that highest-only takes the specialized SME reward away from an enterprise that also became a little giant', () => {
    const w = whatIf(sample, {}, { parameters: { interpretation_highest_only: true } }, { fiscalYears: [2023] });
    expect(w.totals.difference).toBe(-300_000);
    expect(w.beneficiaries).toHaveLength(1);
    expect(w.beneficiaries[0]?.changedKeys).toEqual(['2:2.specialized_sme.first:enterprise:E1:T1:2023']);
  });

  it('shows no difference when both sides use the same parameters', () => {
    const w = whatIf(sample, {}, {}, { fiscalYears: [2023, 2024] });
    expect(w.beneficiaries).toEqual([]);
    expect(w.totals.difference).toBe(0);
  });
});
