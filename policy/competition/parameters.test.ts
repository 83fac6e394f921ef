import { describe, expect, it } from 'vitest';
import { checkParameter, valueAt, type Parameter } from '../core/parameter.ts';
import { COMPETITION_PARAMETERS } from './parameters.ts';

describe('the competition organiser’s settings', () => {
  it('are sound dated parameters, each marked as the organiser’s setting (not printed in the measures)', () => {
    for (const p of COMPETITION_PARAMETERS as readonly Parameter<unknown>[]) {
      expect(checkParameter(p), p.id).toEqual([]);
      for (const v of p.values) expect(v.reference.unverified, p.id).toMatch(/Organiser's setting/);
    }
  });

  it('have no value before the first edition they govern', () => {
    for (const p of COMPETITION_PARAMETERS as readonly Parameter<unknown>[]) {
      expect(valueAt(p, '2024-12-31'), p.id).toBeUndefined();
      expect(valueAt(p, '2025-01-01'), p.id).toBeDefined();
    }
  });
});
