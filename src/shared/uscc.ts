/**
 * 统一社会信用代码 (Unified Social Credit Code), GB 32100-2015, with the embedded
 * 组织机构代码 (GB 11714-1997) check. See shared/reference/tier-standards.md §5.
 */
import type { Bilingual } from './errors.ts';

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights for positions 1–17: 3^(i−1) mod 31. */
export const USCC_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

export interface UsccVerdict {
  code: string;
  valid: boolean;
  reason: string;
  reasonI18n: Bilingual;
}

function value(c: string): number {
  return USCC_ALPHABET.indexOf(c);
}

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += value(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Check digit of a GB 11714 organisation code body (8 chars, digits and A–Z). */
export function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8[i]!;
    const v = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55;
    sum += v * ORG_WEIGHTS[i]!;
  }
  const c9 = 11 - (sum % 11);
  return c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9);
}

function verdict(code: string, valid: boolean, zh: string, en: string): UsccVerdict {
  return { code, valid, reason: en, reasonI18n: { zh, en } };
}

/** Validates a code exactly as written (no trimming or case folding: callers normalise first). */
export function validateUscc(code: string): UsccVerdict {
  if (code.length !== 18)
    return verdict(code, false, `长度应为18位，实际为${code.length}位`, `must be 18 characters, got ${code.length}`);
  for (let i = 0; i < 18; i++) {
    const c = code[i]!;
    if (value(c) < 0)
      return verdict(
        code,
        false,
        `第${i + 1}位字符“${c}”不在允许的字符集内（不含I、O、S、V、Z）`,
        `character ${i + 1} '${c}' is not allowed (the set excludes I, O, S, V, Z and lower case)`,
      );
  }
  if (!/^[0-9]{6}$/.test(code.slice(2, 8)))
    return verdict(code, false, '第3–8位应为6位行政区划码', 'characters 3–8 must be a 6-digit area code');
  const org = code.slice(8, 17);
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(org))
    return verdict(code, false, '第9–17位不是有效的组织机构代码格式', 'characters 9–17 are not an organisation code');
  const check = usccCheckChar(code.slice(0, 17));
  if (code[17] !== check)
    return verdict(
      code,
      false,
      `校验码应为“${check}”，实际为“${code[17]}”`,
      `check character should be '${check}', got '${code[17]}'`,
    );
  const orgCheck = orgCodeCheckChar(org.slice(0, 8));
  if (org[8] !== orgCheck)
    return verdict(
      code,
      false,
      `组织机构代码校验位应为“${orgCheck}”，实际为“${org[8]}”`,
      `organisation-code check digit should be '${orgCheck}', got '${org[8]}'`,
    );
  return verdict(code, true, '有效', 'valid');
}

/** Normalises what a person typed: trims, removes inner spaces, upper-cases, folds full-width. */
export function normaliseUscc(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

/**
 * Builds a valid code from its parts (used by the synthetic data generator and tests).
 * `orgBody8` is the 8-character organisation-code body; both check characters are computed.
 */
export function makeUscc(dept: string, kind: string, area6: string, orgBody8: string): string {
  const bad = [...(dept + kind + area6 + orgBody8)].find((c) => value(c) < 0);
  if (bad !== undefined) throw new Error(`'${bad}' cannot appear in a unified social credit code`);
  const first17 = dept + kind + area6 + orgBody8 + orgCodeCheckChar(orgBody8);
  return first17 + usccCheckChar(first17);
}
