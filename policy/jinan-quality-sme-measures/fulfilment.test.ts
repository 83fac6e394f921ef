import { describe, expect, it } from 'vitest';
import { checkParameter } from '../core/parameter.ts';
import { FULFILMENT_PARAMETERS, noticePeriodOn, trackOf } from './fulfilment.ts';

describe('fulfilment parameters (track per clause, 公示 period)', () => {
  it('are sound dated parameters, each an interpretation with a reference', () => {
    for (const p of FULFILMENT_PARAMETERS) {
      expect(checkParameter(p)).toEqual([]);
      expect(p.interpretation).toMatch(/^Interpretation \(cases team\)/);
      expect(p.values[0]!.reference.unverified).toBeTruthy();
    }
  });

  it('grants clauses 2 and 5 without an application and asks for one under clause 4', () => {
    expect(trackOf('2', '2025-06-01')).toBe('no_application');
    expect(trackOf('4', '2025-06-01')).toBe('application');
    expect(trackOf('5', '2025-06-01')).toBe('no_application');
    expect(() => trackOf('3', '2025-06-01')).toThrow();
    expect(() => trackOf('2', '2022-12-31')).toThrow();
  });

  it('runs a 公示 for 5 working days, a convention marked unverified (other-domains.md §6.2)', () => {
    expect(noticePeriodOn('2025-06-01')).toBe(5);
  });
});
