import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { checkParameter } from '../../core/parameter.ts';
import { ALL_PARAMETERS } from '../parameters.ts';
import { NoRuleSet, assessPenalty, repairDecisionDue } from '../rules.ts';
import type { WorkingDayCalendar } from '../types.ts';
import { CREDIT_SCENARIOS } from './scenarios.ts';

const calendar: WorkingDayCalendar = { addWorkingDays: (date, n) => chineseDays.findWorkday(n, date) };

describe('credit-repair scenarios', () => {
  for (const s of CREDIT_SCENARIOS) {
    it(s.name, () => {
      if ('error' in s.expect) {
        expect(() => assessPenalty(s.facts, calendar)).toThrow(NoRuleSet);
        return;
      }
      const a = assessPenalty(s.facts, calendar);
      const { sector, materials, ...fields } = s.expect;
      expect(a.ruleSet.id).toBe(fields.ruleSet);
      for (const [k, v] of Object.entries(fields)) if (k !== 'ruleSet') expect(a[k as keyof typeof a], k).toEqual(v);
      if (materials !== undefined) expect(a.materials).toHaveLength(materials);
      if (sector === null) expect(a.sector).toBeNull();
      else if (sector !== undefined) expect(a.sector).toMatchObject(sector);
      if (s.repair) expect(repairDecisionDue(a, s.repair.receivedOn, calendar).dueOn).toBe(s.repair.dueOn);
    });
  }
});

describe('credit-repair explanations', () => {
  it('explains every computed date with the rule set, the article and the parameter values', () => {
    const a = assessPenalty(CREDIT_SCENARIOS[0]!.facts, calendar);
    const period = a.steps.find((s) => s.id === 'publicity_period')!;
    expect(a.steps[0]!.zh).toContain('失信行为纠正后的信用信息修复管理办法');
    expect(period.zh).toContain('2025-09-15');
    expect(period.references[0]!.document).toContain('58号');
    expect(period.parameters.map((p) => [p.id, p.value])).toEqual([
      ['ndrc58_special_sectors', ['special_equipment', 'work_safety', 'fire_safety']],
      ['ndrc58_minimum_months', 3],
      ['ndrc58_maximum_months', 36],
    ]);
    expect(period.parameters[1]!.reference.unverified).toMatch(/not retrieved verbatim/);
  });

  it('names the parameter it could not find a figure for rather than inventing one', () => {
    const a = assessPenalty(
      {
        decisionDate: '2026-05-06',
        procedure: 'ordinary',
        sector: 'market_regulation',
        penalties: [{ type: 'fine', amountYuan: 1000 }],
      },
      calendar,
    );
    const samr = a.steps.find((s) => s.id === 'samr45_publicity_period')!;
    const low = samr.parameters.find((p) => p.id === 'samr45_low_fine_threshold_yuan')!;
    expect(low.value).toBeNull();
    expect(a.sector!.publicityEndsOn).toBe('2029-05-05');
  });

  it('keeps every parameter well formed (sorted dates, integer yuan)', () => {
    for (const p of ALL_PARAMETERS) expect(checkParameter(p)).toEqual([]);
  });
});
