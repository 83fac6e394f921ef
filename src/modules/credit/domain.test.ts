import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { WORKING_DAYS, checkDecision, checkMaterials, isOverdue, repairStatus, type DecisionInput } from './domain.ts';

const valid: DecisionInput = {
  partyName: '济南某某科技有限公司',
  uscc: '913700001630477270',
  decisionNo: '济市监处罚〔2026〕1号',
  decisionDate: '2026-05-06',
  procedure: 'ordinary',
  penalties: [
    { type: 'fine', amountYuan: 20_000 },
    { type: 'confiscation', amountYuan: 3_500 },
  ],
  legalBasis: '《中华人民共和国广告法》第五十七条',
};
const defaults = { sector: 'market_regulation' as const, today: '2026-11-28' };

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.fields.map((f) => f.field);
    throw e;
  }
  return [];
}

describe('checking a penalty decision', () => {
  it('accepts a sound decision, takes the agency sector and sums the amounts', () => {
    const d = checkDecision(valid, defaults);
    expect(d.sector).toBe('market_regulation');
    expect(d.amountTotal).toBe(23_500);
  });

  it('names every bad field at once', () => {
    const fields = fieldsOf(() =>
      checkDecision(
        {
          ...valid,
          uscc: '913700001630477271',
          decisionDate: '2026-02-30',
          penalties: [
            { type: 'fine', amountYuan: 12.5 },
            { type: 'warning', amountYuan: 100 },
          ],
          legalBasis: ' ',
        },
        defaults,
      ),
    );
    expect(fields.sort()).toEqual(['decisionDate', 'legalBasis', 'penalties[0].amountYuan', 'penalties[1].amountYuan', 'uscc']);
  });

  it('refuses a decision dated in the future, a repeated penalty type and a duration on a fine', () => {
    expect(fieldsOf(() => checkDecision({ ...valid, decisionDate: '2026-11-29' }, defaults))).toEqual(['decisionDate']);
    expect(fieldsOf(() => checkDecision({ ...valid, penalties: [{ type: 'warning' }, { type: 'warning' }] }, defaults))).toEqual([
      'penalties[1].type',
    ]);
    expect(
      fieldsOf(() => checkDecision({ ...valid, penalties: [{ type: 'fine', amountYuan: 1, months: 3 }] }, defaults)),
    ).toEqual(['penalties[0].months']);
    expect(fieldsOf(() => checkDecision({ ...valid, penalties: [] }, defaults))).toEqual(['penalties']);
  });
});

describe('repair status on a date', () => {
  const r = {
    published: true,
    earliestRepairOn: '2026-08-06',
    publicityEndsOn: '2027-05-05',
    pendingApplication: false,
    repairedOn: null,
  };
  it('moves from the minimum period to repairable on the earliest date, and ends after the last day', () => {
    expect(repairStatus(r, '2026-08-05')).toBe('in_minimum_period');
    expect(repairStatus(r, '2026-08-06')).toBe('repairable');
    expect(repairStatus(r, '2027-05-05')).toBe('repairable');
    expect(repairStatus(r, '2027-05-06')).toBe('publicity_ended');
  });
  it('shows a pending application and a repair from the day it was decided', () => {
    expect(repairStatus({ ...r, pendingApplication: true }, '2026-09-01')).toBe('repair_pending');
    expect(repairStatus({ ...r, repairedOn: '2026-09-10' }, '2026-09-09')).toBe('repairable');
    expect(repairStatus({ ...r, repairedOn: '2026-09-10' }, '2026-09-10')).toBe('repaired');
    expect(repairStatus({ ...r, published: false }, '2026-09-10')).toBe('not_published');
  });
});

describe('repair applications', () => {
  it('needs every material of the checklist, a statement and the commitment', () => {
    const list = ['fulfilment_proof', 'credit_commitment'];
    expect(
      fieldsOf(() =>
        checkMaterials(
          list,
          [
            { material: 'fulfilment_proof', ref: 'a.pdf' },
            { material: 'x', ref: 'b' },
          ],
          '',
          false,
        ),
      ).sort(),
    ).toEqual(['commitment', 'materials.credit_commitment', 'materials[1].material', 'statement']);
    expect(
      fieldsOf(() =>
        checkMaterials(
          list,
          [
            { material: 'fulfilment_proof', ref: 'a.pdf' },
            { material: 'credit_commitment', ref: 'c.pdf' },
          ],
          '已缴清罚款',
          true,
        ),
      ),
    ).toEqual([]);
  });

  it('is overdue when pending after the due day or decided after it', () => {
    expect(isOverdue({ state: 'pending', dueOn: '2026-10-16', decidedOn: null }, '2026-10-16')).toBe(false);
    expect(isOverdue({ state: 'pending', dueOn: '2026-10-16', decidedOn: null }, '2026-10-17')).toBe(true);
    expect(isOverdue({ state: 'approved', dueOn: '2026-10-16', decidedOn: '2026-10-19' }, '2026-10-19')).toBe(true);
    expect(isOverdue({ state: 'rejected', dueOn: '2026-10-16', decidedOn: '2026-10-16' }, '2026-12-01')).toBe(false);
  });

  it('counts the limit in working days, skipping the National Day holidays', () => {
    expect(WORKING_DAYS.addWorkingDays('2026-09-28', 10)).toBe('2026-10-16');
  });
});
