import { describe, expect, it } from 'vitest';
import { checkParameter } from '../core/parameter.ts';
import { ALL_PARAMETERS } from './parameters.ts';
import { classify, holdingsOf, protection } from './classify.ts';
import { evaluateEnterprise, evaluateItem } from './evaluate.ts';
import { checkIpNumber, patentCheckDigit } from './number.ts';
import type { IpItem } from './types.ts';

const base: IpItem = {
  kind: 'invention_patent',
  number: '201710601862.3',
  appliedOn: '2015-03-10',
  grantedOn: '2018-06-01',
  expiresOn: null,
  legalStatus: 'valid',
  maintenanceYearsPaid: 0,
  foreignFamilyCount: 0,
  citations: null,
  awards: [],
  origin: 'self_developed',
  acquiredOn: null,
  relatedToMainProduct: true,
  pledges: [],
};
/** A: self-developed invention patent with family abroad, 11 years paid, pledged, 中国专利优秀奖. */
const A: IpItem = {
  ...base,
  maintenanceYearsPaid: 11,
  foreignFamilyCount: 2,
  citations: 4,
  awards: ['china_patent_excellence'],
  pledges: [{ registeredOn: '2024-01-01', releasedOn: null, amount: 3_000_000 }],
};
/** B: utility model, 4 years paid. */
const B: IpItem = {
  ...base,
  kind: 'utility_model',
  number: '202220123456.0',
  appliedOn: '2022-05-01',
  grantedOn: '2022-11-01',
  maintenanceYearsPaid: 4,
};
/** C: invention patent acquired 2025-09-01 (less than a year before 2026-03-10). */
const C: IpItem = {
  ...base,
  appliedOn: '2019-01-01',
  grantedOn: '2021-01-01',
  maintenanceYearsPaid: 8,
  citations: 0,
  origin: 'acquired',
  acquiredOn: '2025-09-01',
};
const D: IpItem = { ...base, kind: 'trademark', number: '12345678', appliedOn: '2019-01-01', grantedOn: '2020-01-01' };
const E: IpItem = {
  ...base,
  kind: 'design_patent',
  number: '202130000001.9',
  appliedOn: '2021-06-01',
  grantedOn: '2021-12-01',
  relatedToMainProduct: false,
};
const F: IpItem = {
  ...base,
  kind: 'software_copyright',
  number: '2025SR0123456',
  appliedOn: '2025-10-01',
  grantedOn: null,
  legalStatus: 'pending',
};
const DAY = '2026-03-10';

describe('IP parameters', () => {
  it('are all sound: sorted ISO dates, integer yuan', () => {
    for (const p of ALL_PARAMETERS) expect(checkParameter(p)).toEqual([]);
  });
  it('say in every model weight that it is the platform’s proposal', () => {
    for (const p of ALL_PARAMETERS.filter((x) => x.id.startsWith('ip_model_')))
      expect(p.values[0]?.reference.unverified).toMatch(/Platform proposal/);
  });
});

describe('classification after the tier standards', () => {
  it('classes an invention patent with family abroad, >10 years paid and a China Patent Award as Ⅰ类高价值', () => {
    const c = classify(A, DAY);
    expect([c.class, c.counted, c.highValue, c.selfDeveloped]).toEqual(['I', true, true, true]);
    // family 2 ≥ 1; 11 > 10; pledge 3,000,000 < 10,000,000 (not a reason); 优秀奖 counts.
    const hv = c.reasons.find((r) => r.zh.startsWith('Ⅰ类高价值'))!.zh;
    expect(hv).toContain('海外同族2件');
    expect(hv).toContain('维持11年');
    expect(hv).not.toContain('质押');
    expect(hv).toContain('中国专利优秀奖');
  });
  it('does not call exactly 10 maintenance years high value ("超过10年")', () => {
    expect(classify({ ...base, maintenanceYearsPaid: 10 }, DAY).highValue).toBe(false);
    expect(classify({ ...base, maintenanceYearsPaid: 11 }, DAY).highValue).toBe(true);
  });
  it('calls a pledge of 10,000,000 yuan high value and 9,999,999 not', () => {
    const pl = (amount: number) => [{ registeredOn: '2025-01-01', releasedOn: '2025-12-31', amount }];
    expect(classify({ ...base, pledges: pl(10_000_000) }, DAY).highValue).toBe(true);
    expect(classify({ ...base, pledges: pl(9_999_999) }, DAY).highValue).toBe(false);
  });
  it('does not count IP acquired less than a year before the date, and counts it from the anniversary', () => {
    expect(classify(C, DAY).counted).toBe(false);
    expect(classify(C, '2026-08-31').counted).toBe(false);
    const c = classify(C, '2026-09-01');
    expect([c.class, c.counted, c.selfDeveloped]).toEqual(['I', true, false]);
  });
  it('leaves trademarks out, and items unrelated to the main product or not granted uncounted', () => {
    expect(classify(D, DAY).class).toBeNull();
    expect(classify(D, DAY).counted).toBe(false);
    expect(classify(E, DAY)).toMatchObject({ class: 'II', counted: false });
    expect(classify(F, DAY)).toMatchObject({ class: 'II', counted: false });
  });
  it('gives designs filed from 2021-06-01 a 15-year term and earlier ones 10 (专利法 2020 第四十二条)', () => {
    expect(protection({ ...E, appliedOn: '2021-05-31' })?.end).toBe('2031-05-30');
    expect(protection({ ...E, appliedOn: '2021-06-01' })?.end).toBe('2036-05-31');
  });
  it('counts the tier facts from records: Ⅰ类, of which self-developed and high value, Ⅱ类, plain counts', () => {
    const items = [A, B, C, D, E, F];
    // A counted Ⅰ (self, high value); C acquired < 1 year: out; B counted Ⅱ; E unrelated; F pending.
    expect(holdingsOf(items, DAY, 2025)).toEqual({
      year: 2025,
      class1: 1,
      class1SelfDeveloped: 1,
      class1HighValue: 1,
      class2: 1,
      inventionPatents: 1,
      utilityModels: 1,
      softwareCopyrights: 0,
    });
    expect(holdingsOf(items, '2026-09-01', 2025)).toMatchObject({ class1: 2, class1SelfDeveloped: 1, inventionPatents: 2 });
  });
});

describe('the evaluation model', () => {
  it('scores A indicator by indicator', () => {
    const e = evaluateItem(A, DAY);
    // class Ⅰ 30
    // term: 2015-03-10 … 2035-03-09 = 7305 days; left 2026-03-10 → 2035-03-09 = 3286; 3286/7305 × 20 = 8.9966
    // maintenance min(11,10) × 1.5 = 15; family min(2,3) × 4 = 8; citations 4 × 1 = 4; pledged 5; 优秀奖 8
    // 30 + 8.9966 + 15 + 8 + 4 + 5 + 8 = 78.9966 → 79.0
    expect(e.indicators.map((i) => [i.id, i.points])).toEqual([
      ['class', 30],
      ['remaining_term', 9],
      ['maintenance', 15],
      ['family_abroad', 8],
      ['citations', 4],
      ['pledge_history', 5],
      ['awards', 8],
    ]);
    expect(e.score).toBe(79);
  });
  it('scores B and C', () => {
    // B: Ⅱ 15; term 2022-05-01 … 2032-04-30 = 3653 days, left 2026-03-10 → 2032-04-30 = 2192 + 51 = 2243;
    //    2243/3653 × 20 = 12.2803; maintenance 4 × 1.5 = 6; citations not recorded 0 → 33.2803 → 33.3
    expect(evaluateItem(B, DAY).score).toBe(33.3);
    // C: Ⅰ 30; term 2019-01-01 … 2038-12-31 = 7305 days, left 4383 + 296 = 4679; 4679/7305 × 20 = 12.8104;
    //    maintenance 8 × 1.5 = 12; citations 0 → 54.8104 → 54.8 (scored, though not counted for the tiers)
    expect(evaluateItem(C, DAY).score).toBe(54.8);
    expect(evaluateItem(F, DAY)).toMatchObject({ score: 0, notInForce: { en: 'legal status is pending, not valid' } });
  });
  it('scores the enterprise', () => {
    const { enterprise } = evaluateEnterprise([A, B, C], DAY);
    // best 3 (top 5): (79.0 + 54.8 + 33.3) / 3 = 55.7 × 0.7 = 38.99; counted Ⅰ类 1 × 2 = 2; high value 1 × 2 = 2
    // 38.99 + 2 + 2 = 42.99 → 43.0
    expect(enterprise.parts.map((p) => p.points)).toEqual([39, 2, 2]);
    expect(enterprise.score).toBe(43);
    expect(enterprise.counts).toEqual({ items: 3, inForce: 3, class1: 1, class1HighValue: 1, class2: 1 });
    expect(evaluateEnterprise([], DAY).enterprise.score).toBe(0);
  });
});

describe('application numbers', () => {
  it('verifies the check digit of the worked examples', () => {
    // (2·2+0·3+1·4+7·5+1·6+0·7+6·8+0·9+1·2+8·3+6·4+2·5) = 157; 157 mod 11 = 3
    expect(patentCheckDigit('201710601862')).toBe('3');
    // 9·2+5·3+1·4+1·5+5·6+6·7+0·8+8·9 = 186; 186 mod 11 = 10 → X
    expect(patentCheckDigit('95115608')).toBe('X');
    expect(checkIpNumber('invention_patent', 'ZL 2017 1 0601862.3')).toEqual({
      ok: true,
      normalised: '201710601862.3',
      checked: true,
    });
    expect(checkIpNumber('invention_patent', '95115608.x')).toMatchObject({ ok: true, normalised: '95115608.X' });
  });
  it('refuses a wrong check digit, a type digit of another kind, and a bad format', () => {
    expect(checkIpNumber('invention_patent', '201710601862.4').problem?.zh).toBe('校验位应为3');
    expect(checkIpNumber('utility_model', '201710601862.3').ok).toBe(false);
    expect(checkIpNumber('invention_patent', '2017106018.3').ok).toBe(false);
  });
  it('checks other kinds loosely and says so', () => {
    expect(checkIpNumber('software_copyright', '2019SR0123456')).toEqual({
      ok: true,
      normalised: '2019SR0123456',
      checked: false,
    });
    expect(checkIpNumber('software_copyright', 'SR12').ok).toBe(false);
  });
});
