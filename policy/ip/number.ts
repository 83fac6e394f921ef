/**
 * Numbers of IP items. Chinese patent application numbers (专利申请号) have a check digit:
 * - from 2003-10-01 (ZC 0006-2003): 4-digit year, 1-digit type (1 发明, 2 实用新型, 3 外观设计,
 *   8 PCT 发明, 9 PCT 实用新型), 7-digit serial, "." and the check digit;
 * - before: 2-digit year, type, 5-digit serial, "." and the check digit.
 * Check digit = Σ digit × weight (2,3,4,5,6,7,8,9,2,3,4,5 from the left) mod 11, 10 written X.
 * The method is from third-party pages (see `patent_application_number_weights`); the worked
 * examples 201710601862.3 and 95115608.X are tests. Other kinds have no published check digit:
 * their formats are checked loosely and the result says `checked: false` (UNVERIFIED formats).
 */
import { valueAt } from '../core/parameter.ts';
import { applicationNumberWeights } from './parameters.ts';
import type { Bilingual, IpKind } from './types.ts';

export interface NumberCheck {
  ok: boolean;
  normalised: string;
  /** True when a check digit was verified. */
  checked: boolean;
  problem?: Bilingual;
}

const PATENT_TYPES: Partial<Record<IpKind, readonly string[]>> = {
  invention_patent: ['1', '8'],
  utility_model: ['2', '9'],
  design_patent: ['3'],
};

const WEIGHTS = valueAt(applicationNumberWeights, '2003-10-01')?.value ?? [];

/** The check digit of the digits before it ("X" for 10). */
export function patentCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += (digits.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

const bad = (normalised: string, zh: string, en: string): NumberCheck => ({
  ok: false,
  normalised,
  checked: false,
  problem: { zh, en },
});

export function checkIpNumber(kind: IpKind, raw: string): NumberCheck {
  const s = raw
    .trim()
    .toUpperCase()
    .replace(/[\s\u3000]/g, '')
    .replace(/^(CN|ZL)/, '')
    .replace('．', '.');
  if (!s) return bad(s, '请填写编号', 'is required');
  const types = PATENT_TYPES[kind];
  if (types) {
    const m = /^(\d{4}|\d{2})([0-9])(\d{7}|\d{5})\.?([0-9X])$/.exec(s);
    if (!m || (m[1]!.length === 4) !== (m[3]!.length === 7))
      return bad(
        s,
        '专利申请号格式应为“年份4位+类型1位+流水号7位.校验位”（如201710601862.3）',
        'must be year(4) type(1) serial(7) "." check digit, e.g. 201710601862.3',
      );
    const [, year, type, serial, check] = m;
    const digits = `${year}${type}${serial}`;
    if (!types.includes(type!))
      return bad(s, `第${year!.length + 1}位类型号“${type}”与知识产权类型不符`, `type digit ${type} does not match the kind`);
    const want = patentCheckDigit(digits);
    if (want !== check) return bad(`${digits}.${check}`, `校验位应为${want}`, `check digit should be ${want}`);
    return { ok: true, normalised: `${digits}.${check}`, checked: true };
  }
  const loose: Record<string, RegExp> = {
    software_copyright: /^\d{4}SR\d{5,8}$/,
    trademark: /^\d{1,10}$/,
    plant_variety: /^(CNA)?[0-9A-Z.-]{5,20}$/,
    ic_layout: /^(BS\.?)?[0-9A-Z.-]{5,20}$/,
  };
  const re = loose[kind];
  if (re && !re.test(s)) {
    const hint: Record<string, Bilingual> = {
      software_copyright: { zh: '软件著作权登记号格式应如2019SR0123456', en: 'must look like 2019SR0123456' },
      trademark: { zh: '商标注册号应为数字', en: 'must be digits' },
      plant_variety: { zh: '品种权号格式不正确', en: 'is not a plant variety right number' },
      ic_layout: { zh: '布图设计登记号格式不正确', en: 'is not a layout design registration number' },
    };
    return { ok: false, normalised: s, checked: false, problem: hint[kind]! };
  }
  return { ok: true, normalised: s, checked: false };
}
