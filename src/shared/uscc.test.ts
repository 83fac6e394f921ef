import { describe, expect, it } from 'vitest';
import { makeUscc, normaliseUscc, orgCodeCheckChar, usccCheckChar, validateUscc, USCC_WEIGHTS } from './uscc.ts';

// Real codes from shared/reference/tier-standards.md §5.
const REAL_VALID = [
  '913700001630477270', // 浪潮集团有限公司
  '91370100568119776D', // 和远智能科技股份有限公司
  '91370100MA3C5JA57T', // 山东新之航软件科技有限公司 (post-2015 "MA" code)
  '913701007521810510', // 山东鼎盛装饰有限公司
  '1137010000418859XL', // 济南市人民政府办公厅 (an organ, category 11)
  '91370100061173669Y',
];
const FABRICATED = [
  ['91370000163045062F', 'E'],
  ['91370000164102287B', 'F'],
  ['91371600706390568B', 'D'],
  ['91370100MA5HM0011H', 'E'],
] as const;

describe('unified social credit code (GB 32100-2015)', () => {
  it('uses the weights 3^(i-1) mod 31', () => {
    expect(USCC_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  it.each(REAL_VALID)('accepts the real code %s', (code) => {
    expect(validateUscc(code)).toMatchObject({ valid: true });
  });

  it.each(FABRICATED)('rejects %s and names the expected check character %s', (code, expected) => {
    const v = validateUscc(code);
    expect(v.valid).toBe(false);
    expect(v.reason).toContain(`should be '${expected}'`);
    expect(usccCheckChar(code.slice(0, 17))).toBe(expected);
  });

  it('rejects a wrong length, naming the length', () => {
    expect(validateUscc('91370100MA3C5JA57').reason).toBe('must be 18 characters, got 17');
  });

  it('rejects the letters I, O, S, V, Z and lower case, naming the position', () => {
    expect(validateUscc('91370100MA3C5JA5IT').reason).toMatch(/character 17 'I'/);
    expect(validateUscc('91370100ma3c5ja57t').valid).toBe(false);
  });

  it('rejects a code whose embedded organisation-code digit is wrong even when the last character fits', () => {
    // Change the organisation check digit (position 17) and recompute the USCC check character,
    // so only the GB 11714 check can catch it.
    const body = '91370100MA3C5JA5';
    const wrongOrg = body + '8';
    const code = wrongOrg + usccCheckChar(wrongOrg);
    const v = validateUscc(code);
    expect(v.valid).toBe(false);
    expect(v.reason).toContain("organisation-code check digit should be '7'");
  });

  it('computes the GB 11714 check digit with X for 10 and 0 for 11', () => {
    expect(orgCodeCheckChar('16304772')).toBe('7');
    expect(orgCodeCheckChar('00418859')).toBe('X');
  });

  it('builds valid codes from parts', () => {
    const code = makeUscc('9', '1', '370112', 'MA3C0001');
    expect(validateUscc(code).valid).toBe(true);
  });

  it('normalises full-width characters, spaces and case before checking', () => {
    expect(normaliseUscc(' ９１３７００００１６３０４７７２７０ ')).toBe('913700001630477270');
    expect(normaliseUscc('91370100ma3c5ja57t')).toBe('91370100MA3C5JA57T');
  });
});
