import { describe, expect, it } from 'vitest';
import { addMonths, dayBefore, isIsoDate, yearOf } from './dates.ts';
import { compile, evaluate } from './engine.ts';
import { checkParameter, valueAt, type Parameter } from './parameter.ts';
import { PolicyRegistry } from './version.ts';
import { DRAFT_2023 } from '../jinan-quality-sme-measures/index.ts';
import { HYPOTHETICAL_FINAL_2025 } from '../jinan-quality-sme-measures/scenarios/final-version.ts';
import { facts, title } from '../jinan-quality-sme-measures/scenarios/builders.ts';

const ref = { document: 'test', clause: '1' };
const amount: Parameter<number> = {
  id: 'test_amount',
  descriptionZh: '测试',
  descriptionEn: 'test',
  unit: 'yuan',
  values: [
    { from: '2023-01-01', value: 100, reference: ref },
    { from: '2025-01-01', value: 80, reference: ref },
    { from: '2027-01-01', value: null, reference: ref },
  ],
};

describe('calendar months', () => {
  it('clamps the day to the end of a shorter month', () => {
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2023-02-28', 12)).toBe('2024-02-28');
    expect(addMonths('2022-12-15', 2)).toBe('2023-02-15');
  });

  it('finds the day before across month and year ends, and leap days', () => {
    expect(dayBefore('2023-01-01')).toBe('2022-12-31');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2023-03-01')).toBe('2023-02-28');
  });

  it('rejects dates that do not exist and reads the year without parsing', () => {
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2024-2-1')).toBe(false);
    expect(yearOf('2031-06-01')).toBe(2031);
  });
});

describe('dated parameters', () => {
  it('give the value in force on a date and the date it took effect', () => {
    expect(valueAt(amount, '2022-12-31')).toBeUndefined();
    expect(valueAt(amount, '2023-01-01')).toMatchObject({ value: 100, from: '2023-01-01' });
    expect(valueAt(amount, '2024-12-31')).toMatchObject({ value: 100, from: '2023-01-01' });
    expect(valueAt(amount, '2025-01-01')).toMatchObject({ value: 80, from: '2025-01-01' });
  });

  it('treat a dated null as a repeal', () => {
    expect(valueAt(amount, '2027-01-01')).toBeUndefined();
  });

  it('reject amounts that are not integer yuan and dates out of order', () => {
    expect(checkParameter(amount)).toEqual([]);
    expect(checkParameter({ ...amount, values: [{ from: '2023-01-01', value: 1.5, reference: ref }] })).toHaveLength(1);
    expect(checkParameter({ ...amount, values: [...amount.values].reverse() }).length).toBeGreaterThan(0);
  });

  it('every parameter of the draft is sound and cited', () => {
    for (const c of DRAFT_2023.clauses) {
      for (const p of c.parameters) {
        expect(checkParameter(p)).toEqual([]);
        for (const v of p.values) expect(v.reference.document).toContain('济南市关于加快培育优质中小企业若干措施');
      }
    }
  });
});

describe('versions', () => {
  it('pick the version in force on a date and end the draft the day before the final text', () => {
    const r = new PolicyRegistry().register(DRAFT_2023).register(HYPOTHETICAL_FINAL_2025);
    expect(r.versionFor('2022-12-31')).toBeUndefined();
    expect(r.versionFor('2023-01-01')?.id).toBe('jinan-quality-sme-2023-draft');
    expect(r.versionFor('2024-12-31')?.id).toBe('jinan-quality-sme-2023-draft');
    expect(r.versionFor('2025-01-01')?.id).toBe('jinan-quality-sme-2025-final-test');
    expect(r.windowOf(DRAFT_2023)).toEqual({ from: '2023-01-01', until: '2024-12-31' });
  });

  it('refuse two versions starting on the same day', () => {
    const r = new PolicyRegistry().register(DRAFT_2023);
    expect(() => r.register({ ...HYPOTHETICAL_FINAL_2025, effectiveFrom: '2023-01-01' })).toThrow(/already starts/);
  });
});

describe('compile', () => {
  it('refuses overrides of unknown parameters or of the wrong type', () => {
    expect(() => compile(DRAFT_2023, { parameters: { no_such_parameter: 1 } })).toThrow(/unknown parameter/);
    expect(() => compile(DRAFT_2023, { parameters: { clause_2_little_giant_first_amount: 'lots' } })).toThrow(/wrong type/);
    expect(() => compile(DRAFT_2023, { parameters: { clause_2_little_giant_first_amount: 1.5 } })).toThrow(/integer/);
    expect(() => compile(DRAFT_2023, { parameters: { clause_2_gazelle_levels: ['galactic'] } })).toThrow(/wrong type/);
  });

  it('applies a dated override only from its date', () => {
    const c = compile(DRAFT_2023, {
      parameters: { clause_2_little_giant_first_amount: { from: '2023-07-01', value: 1_000_000 } },
    });
    const f = facts({
      titles: [
        title('T1', { enterpriseId: 'E1', kind: 'little_giant', recognisedOn: '2023-06-30' }),
        title('T2', { enterpriseId: 'E2', kind: 'little_giant', recognisedOn: '2023-07-01' }),
      ],
    });
    const r = evaluate(c, f, { fiscalYear: 2023 });
    expect(r.entitlements.map((e) => [e.trigger.date, e.amount])).toEqual([
      ['2023-06-30', 2_000_000],
      ['2023-07-01', 1_000_000],
    ]);
    const p = r.entitlements[1]?.trace?.parameters.find((x) => x.id === 'clause_2_little_giant_first_amount');
    expect(p).toMatchObject({ value: 1_000_000, from: '2023-07-01', reference: { note: 'override' } });
  });

  it('moves the assumed effective date when asked, and names the version in every result', () => {
    const c = compile(DRAFT_2023, { effectiveFrom: '2023-06-01' });
    const r = evaluate(c, facts({ titles: [title('T1', { kind: 'little_giant', recognisedOn: '2023-05-31' })] }), {
      fiscalYear: 2023,
    });
    expect(r.entitlements).toEqual([]);
    expect(r.notOwed[0]?.reasons.map((x) => x.code)).toEqual(['policy_not_in_force']);
    expect(r.notOwed[0]?.policyVersion).toBe('jinan-quality-sme-2023-draft');
  });

  it('is pure: evaluating twice gives equal results and leaves the facts untouched', () => {
    const f = facts({ titles: [title('T1', { kind: 'little_giant', recognisedOn: '2023-05-31' })] });
    const before = JSON.stringify(f);
    const c = compile(DRAFT_2023);
    expect(evaluate(c, f, { fiscalYear: 2023 })).toEqual(evaluate(c, f, { fiscalYear: 2023 }));
    expect(JSON.stringify(f)).toBe(before);
  });
});
