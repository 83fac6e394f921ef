/**
 * Financing, the pure part: which fields an enterprise can share and how a listed enterprise is
 * shown to an institution (only the shared fields), checks of demands, responses, loans and
 * products (every problem named by field, in Chinese and English), and the green channel's
 * clock. No I/O here.
 */
import type { FieldProblem } from '../../shared/errors.ts';
import { problem } from '../../shared/errors.ts';

// ---------- consent: the fields an enterprise may share ----------

/**
 * Field groups an enterprise can share with financial institutions. The name and the USCC are
 * always shared with consent (an institution must know whom it serves); contacts (personal data)
 * can never be shared through the list — institutions answer on the platform.
 */
export const SHAREABLE_FIELDS = [
  'unit',
  'industry',
  'sizeClass',
  'establishedOn',
  'titles',
  'revenue',
  'rdExpense',
  'employees',
  'ip',
] as const;
export type ShareableField = (typeof SHAREABLE_FIELDS)[number];

export const FIELD_LABELS: Record<ShareableField | 'identity', { zh: string; en: string }> = {
  identity: { zh: '企业名称、统一社会信用代码（始终共享）', en: 'Name and USCC (always shared)' },
  unit: { zh: '所属区县（功能区）', en: 'District or zone' },
  industry: { zh: '所属行业', en: 'Industry' },
  sizeClass: { zh: '企业规模', en: 'Size class' },
  establishedOn: { zh: '成立日期', en: 'Date of establishment' },
  titles: { zh: '有效称号', en: 'Titles in force' },
  revenue: { zh: '上年营业收入', en: "Last year's revenue" },
  rdExpense: { zh: '上年研发费用', en: "Last year's R&D expense" },
  employees: { zh: '上年从业人数', en: "Last year's employees" },
  ip: { zh: '知识产权（发明专利、Ⅰ类高价值知识产权）', en: 'IP (invention patents, class Ⅰ high-value IP)' },
};

export function checkConsentFields(fields: readonly string[]): { fields: ShareableField[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const unknown = fields.filter((f) => !(SHAREABLE_FIELDS as readonly string[]).includes(f));
  if (unknown.length)
    problems.push(
      problem('fields', `不可共享的字段：${unknown.join('、')}`, `fields that cannot be shared: ${unknown.join(', ')}`),
    );
  if (fields.length === 0) problems.push(problem('fields', '请至少选择一项共享内容', 'choose at least one field to share'));
  // Canonical order, no duplicates.
  const chosen = SHAREABLE_FIELDS.filter((f) => fields.includes(f));
  return { fields: chosen, problems };
}

/** Everything the platform knows about a listed enterprise that could be shown to an institution. */
export interface ListedEnterpriseFacts {
  enterpriseId: number;
  name: string;
  uscc: string;
  unitCode: string;
  unitName: string;
  industryCode: string;
  sizeClass: string;
  establishedOn: string;
  titles: { kind: string; level: string; validUntil: string | null }[];
  year: number | null;
  revenue: number | null;
  rdExpense: number | null;
  employees: number | null;
  inventionPatents: number | null;
  class1HighValue: number | null;
}

/** What an institution sees: identity plus exactly the shared fields; nothing else is copied. */
export interface SharedView {
  enterpriseId: number;
  name: string;
  uscc: string;
  sharedFields: ShareableField[];
  unitCode?: string;
  unitName?: string;
  industryCode?: string;
  sizeClass?: string;
  establishedOn?: string;
  titles?: { kind: string; level: string; validUntil: string | null }[];
  year?: number | null;
  revenue?: number | null;
  rdExpense?: number | null;
  employees?: number | null;
  inventionPatents?: number | null;
  class1HighValue?: number | null;
}

export function projectShared(f: ListedEnterpriseFacts, shared: readonly string[]): SharedView {
  const has = (x: ShareableField) => shared.includes(x);
  const v: SharedView = { enterpriseId: f.enterpriseId, name: f.name, uscc: f.uscc, sharedFields: SHAREABLE_FIELDS.filter(has) };
  if (has('unit')) Object.assign(v, { unitCode: f.unitCode, unitName: f.unitName });
  if (has('industry')) v.industryCode = f.industryCode;
  if (has('sizeClass')) v.sizeClass = f.sizeClass;
  if (has('establishedOn')) v.establishedOn = f.establishedOn;
  if (has('titles')) v.titles = f.titles;
  if (has('revenue') || has('rdExpense') || has('employees')) v.year = f.year;
  if (has('revenue')) v.revenue = f.revenue;
  if (has('rdExpense')) v.rdExpense = f.rdExpense;
  if (has('employees')) v.employees = f.employees;
  if (has('ip')) Object.assign(v, { inventionPatents: f.inventionPatents, class1HighValue: f.class1HighValue });
  return v;
}

// ---------- demands, responses, loans, products ----------

export const COLLATERALS = ['credit', 'ip_pledge', 'guarantee', 'insurance'] as const;
export type Collateral = (typeof COLLATERALS)[number];
export const RESPONSE_KINDS = ['interested', 'offer', 'declined'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];
export const PRODUCT_KINDS = ['credit_loan', 'ip_pledge_loan', 'guarantee', 'insurance'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];
export const INSTITUTION_KINDS = ['bank', 'guarantee', 'insurer'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

/**
 * Bounds of what a demand, an offer or a loan may say. Not policy amounts: plausibility checks
 * of input (a term of 30 years, a rate of 50 %), so a typo is caught before it is stored.
 */
export const INPUT_BOUNDS = { maxAmount: 10_000_000_000, maxTermMonths: 360, maxRateBp: 5000, maxFeeBp: 1000 } as const;

export interface DemandInput {
  amount: number;
  termMonths: number;
  purpose: string;
  collateral: string;
}

function checkAmount(field: string, v: number, out: FieldProblem[]): void {
  if (!Number.isSafeInteger(v) || v <= 0)
    out.push(problem(field, '金额须为正整数（元）', 'must be a positive whole number of yuan'));
  else if (v > INPUT_BOUNDS.maxAmount)
    out.push(problem(field, `金额不能超过${INPUT_BOUNDS.maxAmount / 1e8}亿元`, `must not exceed ${INPUT_BOUNDS.maxAmount} yuan`));
}
function checkTerm(field: string, v: number, out: FieldProblem[]): void {
  if (!Number.isInteger(v) || v < 1 || v > INPUT_BOUNDS.maxTermMonths)
    out.push(
      problem(
        field,
        `期限须为1至${INPUT_BOUNDS.maxTermMonths}个月的整数`,
        `must be a whole number of months from 1 to ${INPUT_BOUNDS.maxTermMonths}`,
      ),
    );
}
function checkRate(field: string, v: number, out: FieldProblem[]): void {
  if (!Number.isInteger(v) || v < 1 || v > INPUT_BOUNDS.maxRateBp)
    out.push(
      problem(field, '年利率须在0.01%至50%之间（以基点计）', 'the yearly rate must be from 0.01 % to 50 % (in basis points)'),
    );
}
function checkFee(field: string, v: number, out: FieldProblem[]): void {
  if (!Number.isInteger(v) || v < 0 || v > INPUT_BOUNDS.maxFeeBp)
    out.push(problem(field, '费率须在0至10%之间（以基点计）', 'the fee rate must be from 0 to 10 % (in basis points)'));
}

export function checkDemand(d: DemandInput): FieldProblem[] {
  const out: FieldProblem[] = [];
  checkAmount('amount', d.amount, out);
  checkTerm('termMonths', d.termMonths, out);
  const purpose = d.purpose.trim();
  if (purpose.length < 4)
    out.push(problem('purpose', '请说明资金用途（至少4个字）', 'say what the money is for (at least 4 characters)'));
  if (purpose.length > 500) out.push(problem('purpose', '资金用途不超过500字', 'at most 500 characters'));
  if (!(COLLATERALS as readonly string[]).includes(d.collateral))
    out.push(
      problem('collateral', '担保方式须为信用、知识产权质押、担保或保险', 'must be credit, IP pledge, guarantee or insurance'),
    );
  return out;
}

export interface ResponseInput {
  kind: string;
  offerAmount?: number | undefined;
  offerRateBp?: number | undefined;
  offerTermMonths?: number | undefined;
  note?: string | undefined;
}

export function checkResponse(r: ResponseInput): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!(RESPONSE_KINDS as readonly string[]).includes(r.kind)) {
    out.push(problem('kind', '响应须为有意向、报价或婉拒', 'must be interested, offer or declined'));
    return out;
  }
  if (r.kind === 'offer') {
    if (r.offerAmount === undefined) out.push(problem('offerAmount', '报价须写明金额', 'an offer needs an amount'));
    else checkAmount('offerAmount', r.offerAmount, out);
    if (r.offerRateBp === undefined) out.push(problem('offerRateBp', '报价须写明年利率', 'an offer needs a rate'));
    else checkRate('offerRateBp', r.offerRateBp, out);
    if (r.offerTermMonths === undefined) out.push(problem('offerTermMonths', '报价须写明期限', 'an offer needs a term'));
    else checkTerm('offerTermMonths', r.offerTermMonths, out);
  } else {
    for (const f of ['offerAmount', 'offerRateBp', 'offerTermMonths'] as const)
      if (r[f] !== undefined) out.push(problem(f, '仅报价时填写', 'only an offer has this'));
  }
  if (r.kind === 'declined' && !(r.note ?? '').trim()) out.push(problem('note', '婉拒须说明原因', 'say why you decline'));
  if ((r.note ?? '').length > 1000) out.push(problem('note', '说明不超过1000字', 'at most 1000 characters'));
  return out;
}

export interface LoanInput {
  amount: number;
  rateBp: number;
  termMonths: number;
  loanType: string;
  grantedOn: string;
  guarantorId?: number | undefined;
  guaranteeFeeBp?: number | undefined;
  /** The borrower's IP items pledged: required for an ip_pledge loan, absent otherwise. */
  ipRecordIds?: number[] | undefined;
}

/** `guarantorKind`: the kind of the institution named as guarantor (null when none or unknown). */
export function checkLoan(l: LoanInput, today: string, guarantorKind: InstitutionKind | null): FieldProblem[] {
  const out: FieldProblem[] = [];
  checkAmount('amount', l.amount, out);
  checkRate('rateBp', l.rateBp, out);
  checkTerm('termMonths', l.termMonths, out);
  if (!(COLLATERALS as readonly string[]).includes(l.loanType))
    out.push(
      problem('loanType', '贷款类型须为信用、知识产权质押、担保或保险', 'must be credit, IP pledge, guarantee or insurance'),
    );
  if (!/^\d{4}-\d{2}-\d{2}$/.test(l.grantedOn) || Number.isNaN(Date.parse(l.grantedOn)))
    out.push(problem('grantedOn', '放款日期格式应为YYYY-MM-DD', 'must be a date YYYY-MM-DD'));
  else if (l.grantedOn > today) out.push(problem('grantedOn', '放款日期不能晚于今天', 'cannot be in the future'));
  const needs: InstitutionKind | null = l.loanType === 'guarantee' ? 'guarantee' : l.loanType === 'insurance' ? 'insurer' : null;
  if (needs) {
    if (l.guarantorId === undefined)
      out.push(
        problem(
          'guarantorId',
          needs === 'guarantee' ? '担保贷款须选择担保机构' : '保险贷款须选择保险机构',
          needs === 'guarantee' ? 'a guarantee loan names its guarantee institution' : 'an insurance loan names its insurer',
        ),
      );
    else if (guarantorKind !== needs)
      out.push(
        problem(
          'guarantorId',
          needs === 'guarantee' ? '所选机构不是融资担保机构' : '所选机构不是保险机构',
          needs === 'guarantee' ? 'not a guarantee institution' : 'not an insurer',
        ),
      );
    if (l.guaranteeFeeBp !== undefined) checkFee('guaranteeFeeBp', l.guaranteeFeeBp, out);
  } else {
    if (l.guarantorId !== undefined)
      out.push(problem('guarantorId', '仅担保或保险贷款填写', 'only guarantee or insurance loans have a guarantor'));
    if (l.guaranteeFeeBp !== undefined)
      out.push(problem('guaranteeFeeBp', '仅担保或保险贷款填写', 'only guarantee or insurance loans have a fee'));
  }
  if (l.loanType !== 'ip_pledge' && l.ipRecordIds?.length)
    out.push(problem('ipRecordIds', '仅知识产权质押贷款登记质押物', 'only an IP-pledge loan pledges IP items'));
  return out;
}

/** Which product kinds an institution of each kind offers. */
export const PRODUCT_KINDS_BY_INSTITUTION: Record<InstitutionKind, readonly ProductKind[]> = {
  bank: ['credit_loan', 'ip_pledge_loan'],
  guarantee: ['guarantee'],
  insurer: ['insurance'],
};

export interface ProductInput {
  kind: string;
  name: string;
  description?: string | undefined;
  eligibleTitles: string[];
  minAmount?: number | undefined;
  maxAmount: number;
  maxTermMonths: number;
  rateMinBp?: number | undefined;
  rateMaxBp?: number | undefined;
  feeRateBp?: number | undefined;
}

export function checkProduct(p: ProductInput, institutionKind: InstitutionKind, titleKinds: readonly string[]): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!PRODUCT_KINDS_BY_INSTITUTION[institutionKind].includes(p.kind as ProductKind))
    out.push(problem('kind', '贵机构不能发布此类产品', 'your institution does not offer this kind of product'));
  if (!p.name.trim()) out.push(problem('name', '请填写产品名称', 'name the product'));
  if (p.eligibleTitles.length === 0)
    out.push(problem('eligibleTitles', '请至少选择一项适用称号', 'choose at least one title the product is for'));
  const bad = p.eligibleTitles.filter((t) => !titleKinds.includes(t));
  if (bad.length) out.push(problem('eligibleTitles', `未知称号：${bad.join('、')}`, `unknown titles: ${bad.join(', ')}`));
  checkAmount('maxAmount', p.maxAmount, out);
  if (p.minAmount !== undefined) {
    checkAmount('minAmount', p.minAmount, out);
    if (p.minAmount > p.maxAmount) out.push(problem('minAmount', '最低额度不能高于最高额度', 'cannot exceed the maximum'));
  }
  checkTerm('maxTermMonths', p.maxTermMonths, out);
  const loan = p.kind === 'credit_loan' || p.kind === 'ip_pledge_loan';
  if (loan) {
    if (p.rateMinBp === undefined)
      out.push(problem('rateMinBp', '贷款产品须写明最低年利率', 'a loan product needs its lowest rate'));
    else checkRate('rateMinBp', p.rateMinBp, out);
    if (p.rateMaxBp === undefined)
      out.push(problem('rateMaxBp', '贷款产品须写明最高年利率', 'a loan product needs its highest rate'));
    else checkRate('rateMaxBp', p.rateMaxBp, out);
    if (p.rateMinBp !== undefined && p.rateMaxBp !== undefined && p.rateMinBp > p.rateMaxBp)
      out.push(problem('rateMinBp', '最低利率不能高于最高利率', 'cannot exceed the highest rate'));
    if (p.feeRateBp !== undefined) out.push(problem('feeRateBp', '贷款产品不填费率', 'a loan product has no fee rate'));
  } else {
    if (p.feeRateBp === undefined)
      out.push(
        problem('feeRateBp', p.kind === 'insurance' ? '保险产品须写明费率' : '担保产品须写明担保费率', 'needs its fee rate'),
      );
    else checkFee('feeRateBp', p.feeRateBp, out);
    if (p.rateMinBp !== undefined)
      out.push(problem('rateMinBp', '担保或保险产品不填利率', 'a guarantee or insurance product has no rate'));
    if (p.rateMaxBp !== undefined)
      out.push(problem('rateMaxBp', '担保或保险产品不填利率', 'a guarantee or insurance product has no rate'));
  }
  return out;
}

/** A product fits an enterprise when it holds (in force) at least one of the product's titles. */
export function productFits(eligibleTitles: readonly string[], heldTitles: readonly string[]): boolean {
  return eligibleTitles.some((t) => heldTitles.includes(t));
}

// ---------- the green channel ----------

export interface GreenChannel {
  /** Hours from posting to the first answer of any institution (or to now, while none answered). */
  waitedHours: number;
  answered: boolean;
  firstResponseAt: string | null;
  /** The last day the first answer is due (working days after the posting day). */
  dueOn: string;
  /** Answered after the due day, or still unanswered after it. */
  late: boolean;
}

export function greenChannel(
  postedAt: Date,
  firstResponseAt: Date | null,
  now: Date,
  dueOn: string,
  dayOf: (d: Date) => string,
): GreenChannel {
  const end = firstResponseAt ?? now;
  const waitedHours = Math.max(0, Math.round(((end.getTime() - postedAt.getTime()) / 3_600_000) * 10) / 10);
  return {
    waitedHours,
    answered: firstResponseAt !== null,
    firstResponseAt: firstResponseAt ? firstResponseAt.toISOString() : null,
    dueOn,
    late: dayOf(end) > dueOn,
  };
}

/** Rates shown as percentages with two decimals: 345 → "3.45%". */
export function percent(bp: number | null): string {
  return bp === null ? '' : `${(bp / 100).toFixed(2)}%`;
}
