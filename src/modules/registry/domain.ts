/**
 * Pure registry rules: validation of what officers and enterprises enter, and the state of a
 * title on a date. No I/O: the service supplies the known units.
 */
import { Problems } from '../../shared/errors.ts';
import { isIsoDate } from '../../shared/dates.ts';
import { normaliseUscc, validateUscc } from '../../shared/uscc.ts';
import { CARRIER_KINDS, INDUSTRIES, LEVELS, SIZE_CLASSES, TITLE_KINDS, type CarrierKind, type Level, type SizeClass, type TitleKind } from './reference.ts';

export interface EnterpriseInput {
  uscc: string;
  name: string;
  unitCode: string;
  industryCode: string;
  establishedOn: string;
  sizeClass: SizeClass;
  address?: string | undefined;
  strategicEmerging?: boolean | undefined;
  contactName?: string | null | undefined;
  contactPhone?: string | null | undefined;
}

const INDUSTRY_CODE = /^[A-T]\d{4}$/;
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export function checkName(p: Problems, name: string | undefined, field = 'name'): void {
  if (name === undefined) return;
  const n = name.trim();
  if (n.length < 2 || n.length > 100) p.add(field, '名称须为2–100个字符', 'must be 2–100 characters');
}

export function checkDate(p: Problems, value: string | null | undefined, field: string, required: boolean): void {
  if (value === undefined || value === null || value === '') {
    if (required) p.add(field, '必填', 'is required');
    return;
  }
  if (!isIsoDate(value)) p.add(field, `“${value}”不是有效日期（格式YYYY-MM-DD）`, `'${value}' is not a valid date (YYYY-MM-DD)`);
}

/** Validates a full enterprise record or a patch (`partial`), collecting every problem. */
export function validateEnterprise(
  input: Partial<EnterpriseInput>,
  knownUnits: ReadonlySet<string>,
  opts: { partial: boolean; today: string },
): Partial<EnterpriseInput> {
  const p = new Problems();
  const out: Partial<EnterpriseInput> = { ...input };
  if (!opts.partial || input.uscc !== undefined) {
    const code = normaliseUscc(input.uscc ?? '');
    const v = validateUscc(code);
    if (!v.valid) p.add('uscc', `统一社会信用代码无效：${v.reasonI18n.zh}`, `invalid unified social credit code: ${v.reason}`);
    out.uscc = code;
  }
  if (!opts.partial || input.name !== undefined) {
    if (!input.name) p.add('name', '必填', 'is required');
    else checkName(p, input.name);
    if (input.name) out.name = input.name.trim();
  }
  if (!opts.partial || input.unitCode !== undefined) {
    if (!input.unitCode || !knownUnits.has(input.unitCode))
      p.add('unitCode', `未知的区县或功能区“${input.unitCode ?? ''}”`, `unknown district or zone '${input.unitCode ?? ''}'`);
  }
  if (!opts.partial || input.industryCode !== undefined) {
    if (!input.industryCode || !INDUSTRY_CODE.test(input.industryCode))
      p.add('industryCode', '行业代码应为GB/T 4754-2017门类字母加4位数字，如C3421', 'must be a GB/T 4754-2017 class such as C3421');
  }
  if (!opts.partial || input.establishedOn !== undefined) {
    checkDate(p, input.establishedOn, 'establishedOn', true);
    if (input.establishedOn && isIsoDate(input.establishedOn) && input.establishedOn > opts.today)
      p.add('establishedOn', '成立日期不能晚于今天', 'cannot be in the future');
  }
  if (!opts.partial || input.sizeClass !== undefined) {
    if (!SIZE_CLASSES.some((s) => s.id === input.sizeClass))
      p.add('sizeClass', '企业规模应为微型、小型、中型或大型', 'must be micro, small, medium or large');
  }
  if (input.address !== undefined && input.address.length > 200)
    p.add('address', '地址不超过200个字符', 'must be at most 200 characters');
  if (input.contactPhone) {
    const phone = input.contactPhone.replace(/\s+/g, '');
    if (!PHONE.test(phone)) p.add('contactPhone', '电话号码格式不正确', 'is not a valid phone number');
    out.contactPhone = phone;
  }
  if (input.contactName && input.contactName.length > 40)
    p.add('contactName', '联系人姓名不超过40个字符', 'must be at most 40 characters');
  p.throwIfAny();
  return out;
}

export interface YearlyInput {
  revenue: number;
  mainBusinessRevenue: number;
  rdExpense: number;
  netProfit: number;
  totalAssets: number;
  totalLiabilities: number;
  employees: number;
  rdStaff: number;
}

export function validateYearly(year: number, y: YearlyInput, today: string): void {
  const p = new Problems();
  const thisYear = Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < 1990 || year > thisYear)
    p.add('year', `年份应在1990至${thisYear}之间`, `must be between 1990 and ${thisYear}`);
  const money: (keyof YearlyInput)[] = ['revenue', 'mainBusinessRevenue', 'rdExpense', 'totalAssets', 'totalLiabilities'];
  for (const k of money) {
    if (!Number.isSafeInteger(y[k])) p.add(k, '须为整数（元）', 'must be a whole number of yuan');
    else if (y[k] < 0) p.add(k, '金额不能为负数', 'cannot be negative');
  }
  if (!Number.isSafeInteger(y.netProfit)) p.add('netProfit', '须为整数（元）', 'must be a whole number of yuan');
  for (const k of ['employees', 'rdStaff'] as const) {
    if (!Number.isInteger(y[k]) || y[k] < 0) p.add(k, '人数须为非负整数', 'must be a whole number, not negative');
  }
  if (y.mainBusinessRevenue > y.revenue)
    p.add('mainBusinessRevenue', '主营业务收入不能大于营业收入', 'cannot exceed total revenue');
  if (y.rdStaff > y.employees) p.add('rdStaff', '研发人员不能多于职工总数', 'cannot exceed the number of employees');
  p.throwIfAny();
}

export interface TitleInput {
  kind: TitleKind;
  level: Level;
  batch: string;
  recognisedOn: string;
  validUntil?: string | null | undefined;
  recognition: 'first' | 'renewal';
}

export function validateTitle(t: TitleInput): void {
  const p = new Problems();
  if (!TITLE_KINDS.some((k) => k.id === t.kind)) p.add('kind', '未知称号类型', 'unknown title kind');
  if (!LEVELS.some((l) => l.id === t.level)) p.add('level', '未知级别', 'unknown level');
  if (t.recognition !== 'first' && t.recognition !== 'renewal')
    p.add('recognition', '应为首次认定或复核', 'must be first or renewal');
  checkDate(p, t.recognisedOn, 'recognisedOn', true);
  checkDate(p, t.validUntil, 'validUntil', false);
  if (t.validUntil && isIsoDate(t.validUntil) && isIsoDate(t.recognisedOn) && t.validUntil <= t.recognisedOn)
    p.add('validUntil', '有效期截止日须晚于认定日期', 'must be after the recognition date');
  if ((t.batch ?? '').length > 60) p.add('batch', '批次不超过60个字符', 'must be at most 60 characters');
  p.throwIfAny();
}

export interface CarrierInput {
  kind: CarrierKind;
  name: string;
  level: Level;
  unitCode: string;
  recognisedOn: string;
  validUntil?: string | null | undefined;
  operatorUscc?: string | null | undefined;
  leadingIndustry?: string | null | undefined;
}

export function validateCarrier(c: CarrierInput, knownUnits: ReadonlySet<string>): CarrierInput {
  const p = new Problems();
  if (!CARRIER_KINDS.some((k) => k.id === c.kind)) p.add('kind', '未知载体类型', 'unknown carrier kind');
  if (!c.name) p.add('name', '必填', 'is required');
  else checkName(p, c.name);
  if (!LEVELS.some((l) => l.id === c.level)) p.add('level', '未知级别', 'unknown level');
  if (!knownUnits.has(c.unitCode)) p.add('unitCode', `未知的区县或功能区“${c.unitCode}”`, `unknown district or zone '${c.unitCode}'`);
  checkDate(p, c.recognisedOn, 'recognisedOn', true);
  checkDate(p, c.validUntil, 'validUntil', false);
  if (c.validUntil && isIsoDate(c.validUntil) && isIsoDate(c.recognisedOn) && c.validUntil <= c.recognisedOn)
    p.add('validUntil', '有效期截止日须晚于认定日期', 'must be after the recognition date');
  let operatorUscc = c.operatorUscc ?? null;
  if (operatorUscc) {
    operatorUscc = normaliseUscc(operatorUscc);
    const v = validateUscc(operatorUscc);
    if (!v.valid) p.add('operatorUscc', `统一社会信用代码无效：${v.reasonI18n.zh}`, `invalid unified social credit code: ${v.reason}`);
  }
  p.throwIfAny();
  return { ...c, name: c.name.trim(), operatorUscc };
}

export function validateResidency(fromDate: string, toDate: string | null | undefined): void {
  const p = new Problems();
  checkDate(p, fromDate, 'fromDate', true);
  checkDate(p, toDate, 'toDate', false);
  if (toDate && isIsoDate(toDate) && isIsoDate(fromDate) && toDate < fromDate)
    p.add('toDate', '迁出日期不能早于入驻日期', 'cannot be before the move-in date');
  p.throwIfAny();
}

export type TitleStatus = 'in_force' | 'expired' | 'revoked' | 'not_yet';

/** validUntil is the last day on which the title is valid (inclusive). */
export function titleStatus(
  t: { recognisedOn: string; validUntil: string | null; revokedOn: string | null },
  on: string,
): TitleStatus {
  if (t.revokedOn && t.revokedOn <= on) return 'revoked';
  if (t.recognisedOn > on) return 'not_yet';
  if (t.validUntil && t.validUntil < on) return 'expired';
  return 'in_force';
}

export { INDUSTRIES };
