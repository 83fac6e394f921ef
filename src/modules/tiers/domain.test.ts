import { describe, expect, it } from 'vitest';
import type { TierResult } from '../../../policy/tier-standards/index.ts';
import { standing } from './domain.ts';

const M = { points: 10, percent: 10 };
const result = (conditions: TierResult['conditions'], status: TierResult['status'] = 'not_met'): TierResult =>
  ({ status, met: status === 'met', conditions }) as unknown as TierResult;
const c = (status: 'met' | 'not_met' | 'no_data', gap?: { points?: number; percent?: number }, partsUnknown?: boolean) => ({
  id: 'x',
  textZh: '',
  status,
  value: null,
  need: '',
  ...(gap ? { gap } : {}),
  ...(partsUnknown ? { partsUnknown } : {}),
});

describe('standing in the pipeline', () => {
  it('is close when every failing condition is within the margin and the rest are met', () => {
    expect(standing(result([c('met'), c('not_met', { points: 10 }), c('not_met', { percent: 9.9 })]), false, M)).toBe('close');
  });
  it('is far when one failing condition is beyond the margin', () => {
    expect(standing(result([c('not_met', { points: 11 })]), false, M)).toBe('far');
    expect(standing(result([c('not_met', { percent: 10.01 })]), false, M)).toBe('far');
  });
  it('is far when a yes/no condition fails (no measurable gap)', () => {
    expect(standing(result([c('not_met')]), false, M)).toBe('far');
  });
  it('is no data, not close, when something else is unknown', () => {
    expect(standing(result([c('not_met', { points: 2 }), c('no_data')]), false, M)).toBe('no_data');
    expect(standing(result([c('not_met', { percent: 2 }, true)]), false, M)).toBe('no_data');
  });
  it('is eligible when met and holds when the title is in force', () => {
    expect(standing(result([], 'met'), false, M)).toBe('eligible');
    expect(standing(result([], 'met'), true, M)).toBe('holds');
  });
});
