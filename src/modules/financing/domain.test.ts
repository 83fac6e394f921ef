import { describe, expect, it } from 'vitest';
import {
  checkConsentFields,
  checkDemand,
  checkLoan,
  checkProduct,
  checkResponse,
  greenChannel,
  productFits,
  projectShared,
  type ListedEnterpriseFacts,
} from './domain.ts';

const FACTS: ListedEnterpriseFacts = {
  enterpriseId: 7,
  name: '济南测试科技有限公司',
  uscc: '91370100MA3C000000',
  unitCode: '370102',
  unitName: '历下区',
  industryCode: 'C3421',
  sizeClass: 'small',
  establishedOn: '2015-03-02',
  titles: [{ kind: 'specialized_sme', level: 'provincial', validUntil: '2027-06-30' }],
  year: 2025,
  revenue: 80_000_000,
  rdExpense: 5_000_000,
  employees: 120,
  inventionPatents: 6,
  class1HighValue: 2,
};
const fields = (ps: { field: string }[]) => ps.map((p) => p.field).sort();

describe('what an institution sees of a listed enterprise', () => {
  it('is the identity plus exactly the shared fields', () => {
    expect(projectShared(FACTS, ['revenue'])).toEqual({
      enterpriseId: 7,
      name: FACTS.name,
      uscc: FACTS.uscc,
      sharedFields: ['revenue'],
      year: 2025,
      revenue: 80_000_000,
    });
    expect(Object.keys(projectShared(FACTS, []))).toEqual(['enterpriseId', 'name', 'uscc', 'sharedFields']);
  });
  it('ignores field names that are not shareable, even if stored', () => {
    expect(projectShared(FACTS, ['contactPhone', 'ip'])).toEqual({
      enterpriseId: 7,
      name: FACTS.name,
      uscc: FACTS.uscc,
      sharedFields: ['ip'],
      inventionPatents: 6,
      class1HighValue: 2,
    });
  });
  it('accepts only known fields, at least one, in a canonical order', () => {
    expect(checkConsentFields(['ip', 'unit', 'unit'])).toEqual({ fields: ['unit', 'ip'], problems: [] });
    expect(fields(checkConsentFields(['contactName']).problems)).toEqual(['fields']);
    expect(fields(checkConsentFields([]).problems)).toEqual(['fields']);
  });
});

describe('checks of demands, answers, loans and products', () => {
  it('names every bad field of a demand', () => {
    expect(fields(checkDemand({ amount: -1, termMonths: 400, purpose: 'x', collateral: 'house' }))).toEqual([
      'amount',
      'collateral',
      'purpose',
      'termMonths',
    ]);
    expect(checkDemand({ amount: 1_000_000, termMonths: 12, purpose: '补充流动资金', collateral: 'credit' })).toEqual([]);
  });
  it('wants amount, rate and term on an offer, and a reason on a refusal', () => {
    expect(fields(checkResponse({ kind: 'offer' }))).toEqual(['offerAmount', 'offerRateBp', 'offerTermMonths']);
    expect(fields(checkResponse({ kind: 'declined' }))).toEqual(['note']);
    expect(fields(checkResponse({ kind: 'interested', offerRateBp: 300 }))).toEqual(['offerRateBp']);
  });
  it('wants a guarantee institution on a guarantee loan and an insurer on an insurance loan', () => {
    const loan = { amount: 1_000_000, rateBp: 350, termMonths: 12, grantedOn: '2026-11-01' };
    expect(fields(checkLoan({ ...loan, loanType: 'guarantee' }, '2026-11-28', null))).toEqual(['guarantorId']);
    expect(fields(checkLoan({ ...loan, loanType: 'insurance', guarantorId: 3 }, '2026-11-28', 'guarantee'))).toEqual([
      'guarantorId',
    ]);
    expect(checkLoan({ ...loan, loanType: 'insurance', guarantorId: 3, guaranteeFeeBp: 150 }, '2026-11-28', 'insurer')).toEqual(
      [],
    );
    expect(
      fields(checkLoan({ ...loan, loanType: 'credit', guaranteeFeeBp: 100, grantedOn: '2026-12-01' }, '2026-11-28', null)),
    ).toEqual(['grantedOn', 'guaranteeFeeBp']);
  });
  it('lets a bank publish loans and a guarantee institution guarantees, each with its own rates', () => {
    const base = { name: 'x', eligibleTitles: ['gazelle'], maxAmount: 1_000_000, maxTermMonths: 12 };
    expect(checkProduct({ ...base, kind: 'credit_loan', rateMinBp: 300, rateMaxBp: 400 }, 'bank', ['gazelle'])).toEqual([]);
    expect(fields(checkProduct({ ...base, kind: 'guarantee', feeRateBp: 80 }, 'bank', ['gazelle']))).toEqual(['kind']);
    expect(fields(checkProduct({ ...base, kind: 'credit_loan', rateMinBp: 500, rateMaxBp: 400 }, 'bank', ['gazelle']))).toEqual([
      'rateMinBp',
    ]);
    expect(fields(checkProduct({ ...base, kind: 'guarantee' }, 'guarantee', ['gazelle']))).toEqual(['feeRateBp']);
  });
  it('fits a product to an enterprise holding one of its titles', () => {
    expect(productFits(['little_giant', 'gazelle'], ['gazelle'])).toBe(true);
    expect(productFits(['little_giant'], ['innovative_sme'])).toBe(false);
  });
});

describe('the green channel clock', () => {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  it('stops at the first answer and is late only after the due day', () => {
    const posted = new Date('2026-11-02T02:00:00Z');
    const g = greenChannel(posted, new Date('2026-11-03T04:30:00Z'), new Date('2026-11-20T00:00:00Z'), '2026-11-09', day);
    expect(g).toMatchObject({ answered: true, waitedHours: 26.5, late: false });
    expect(greenChannel(posted, null, new Date('2026-11-10T00:00:00Z'), '2026-11-09', day)).toMatchObject({
      answered: false,
      late: true,
    });
  });
});

describe('the clause-3 parameters', () => {
  it('are sound dated parameters, each reading signed as an interpretation', async () => {
    const { checkParameter } = await import('../../../policy/core/parameter.ts');
    const { clause3GreenChannelWorkingDays, clause3KeyListTitleKinds } =
      await import('../../../policy/jinan-quality-sme-measures/clause-03-financing.ts');
    for (const p of [clause3GreenChannelWorkingDays, clause3KeyListTitleKinds]) {
      expect(checkParameter(p)).toEqual([]);
      expect(p.interpretation).toMatch(/^Interpretation \(financing team\)/);
      expect(p.values.every((v) => v.reference.unverified)).toBe(true);
    }
  });
});
