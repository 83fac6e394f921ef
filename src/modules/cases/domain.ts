/**
 * The case state machine, as a table: each action names the states it leaves, the state it
 * enters, who may take it (role and scope), the track it belongs to, and what it needs (a
 * reason, an account, an application). Pure: no I/O; the service locks the row and asks here.
 *
 *   opened ──confirm_account (免申即享) / submit_application──▶ district_review
 *   district_review ──district_approve──▶ city_review ──city_publish──▶ in_notice (公示)
 *   in_notice ──notice_pass (the period ended)──▶ finance_review ──batch_add──▶ in_batch ──pay──▶ paid ──archive──▶ archived
 *   in_notice ──object──▶ city_review        in_batch ──batch_remove──▶ finance_review
 *   every review step ──*_return──▶ returned (back to the applicant, who confirms / submits again)
 *   every review step ──*_reject──▶ rejected
 *   every unpaid state ──cancel (the entitlement was withdrawn)──▶ cancelled
 */
import { LEVELS, TITLE_KINDS } from '../registry/reference.ts';
import type { Bilingual, FieldProblem } from '../../shared/errors.ts';
import { problem } from '../../shared/errors.ts';
import { canFileObjection, isCaseBeneficiary, isDistrictOfficerOf, type CaseParty, type Principal } from '../access/principal.ts';

export const CASE_STATES = [
  'opened',
  'district_review',
  'city_review',
  'in_notice',
  'finance_review',
  'in_batch',
  'paid',
  'archived',
  'returned',
  'rejected',
  'cancelled',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const TRACKS = ['no_application', 'application'] as const;
export type Track = (typeof TRACKS)[number];

export const STATE_LABELS: Record<CaseState, Bilingual> = {
  opened: { zh: '待企业确认', en: 'Opened, waiting for the beneficiary' },
  district_review: { zh: '区县初审', en: 'District review' },
  city_review: { zh: '市级审核', en: 'City review' },
  in_notice: { zh: '公示中', en: 'In public notice' },
  finance_review: { zh: '财政审核', en: 'Finance review' },
  in_batch: { zh: '拨付批次中', en: 'In a disbursement batch' },
  paid: { zh: '已拨付', en: 'Paid' },
  archived: { zh: '已归档', en: 'Archived' },
  returned: { zh: '退回补正', en: 'Returned for correction' },
  rejected: { zh: '不予支持', en: 'Rejected' },
  cancelled: { zh: '已撤销', en: 'Cancelled (entitlement withdrawn)' },
};

/**
 * Who may take an action:
 * - beneficiary: the enterprise user of that enterprise, or the operator of that carrier;
 * - district_officer: a district officer of the beneficiary's managing unit;
 * - city_officer, finance_officer: any officer of that role (city-wide);
 * - objector: anyone signed in for a business role (the public's right to object to a 公示);
 * - system: the platform itself (the notice period ended; the entitlement was withdrawn).
 */
export type Who = 'beneficiary' | 'district_officer' | 'city_officer' | 'finance_officer' | 'objector' | 'system';

/**
 * How an action is started: `direct` through POST /api/cases/:id/transitions; the others only
 * by their own service (publishing a notice, filing an objection, closing notices, batches, sync).
 */
export type Via = 'direct' | 'notice' | 'objection' | 'notice_close' | 'batch' | 'sync';

export type Need = 'reason' | 'account' | 'application';

export interface Rule {
  action: string;
  from: readonly CaseState[];
  to: CaseState;
  who: Who;
  via: Via;
  track?: Track;
  needs: readonly Need[];
  label: Bilingual;
}

const REVIEW_STEPS = ['district_review', 'city_review', 'finance_review'] as const;
const UNPAID: readonly CaseState[] = [
  'opened',
  'district_review',
  'city_review',
  'in_notice',
  'finance_review',
  'in_batch',
  'returned',
];

export const RULES: readonly Rule[] = [
  {
    action: 'confirm_account',
    from: ['opened', 'returned'],
    to: 'district_review',
    who: 'beneficiary',
    via: 'direct',
    track: 'no_application',
    needs: ['account'],
    label: { zh: '确认收款账户（免申即享）', en: 'Confirm the account (no application needed)' },
  },
  {
    action: 'submit_application',
    from: ['opened', 'returned'],
    to: 'district_review',
    who: 'beneficiary',
    via: 'direct',
    track: 'application',
    needs: ['account', 'application'],
    label: { zh: '提交申报材料', en: 'Submit the application with documents' },
  },
  {
    action: 'district_approve',
    from: ['district_review'],
    to: 'city_review',
    who: 'district_officer',
    via: 'direct',
    needs: [],
    label: { zh: '区县初审通过', en: 'District review passed' },
  },
  {
    action: 'city_publish',
    from: ['city_review'],
    to: 'in_notice',
    who: 'city_officer',
    via: 'notice',
    needs: [],
    label: { zh: '市级审核通过并公示', en: 'City review passed; published in a notice' },
  },
  {
    action: 'object',
    from: ['in_notice'],
    to: 'city_review',
    who: 'objector',
    via: 'objection',
    needs: ['reason'],
    label: { zh: '公示期内提出异议', en: 'Objection during the notice' },
  },
  {
    action: 'notice_pass',
    from: ['in_notice'],
    to: 'finance_review',
    who: 'system',
    via: 'notice_close',
    needs: [],
    label: { zh: '公示期满无异议', en: 'Notice period ended without objection' },
  },
  {
    action: 'batch_add',
    from: ['finance_review'],
    to: 'in_batch',
    who: 'finance_officer',
    via: 'batch',
    needs: [],
    label: { zh: '列入拨付批次', en: 'Added to a disbursement batch' },
  },
  {
    action: 'batch_remove',
    from: ['in_batch'],
    to: 'finance_review',
    who: 'finance_officer',
    via: 'batch',
    needs: [],
    label: { zh: '移出拨付批次', en: 'Removed from a disbursement batch' },
  },
  {
    action: 'pay',
    from: ['in_batch'],
    to: 'paid',
    who: 'finance_officer',
    via: 'batch',
    needs: [],
    label: { zh: '资金已拨付', en: 'Paid' },
  },
  {
    action: 'archive',
    from: ['paid'],
    to: 'archived',
    who: 'city_officer',
    via: 'direct',
    needs: [],
    label: { zh: '归档', en: 'Archive' },
  },
  {
    action: 'cancel',
    from: UNPAID,
    to: 'cancelled',
    who: 'system',
    via: 'sync',
    needs: ['reason'],
    label: { zh: '资格撤销，案件终止', en: 'Entitlement withdrawn; case cancelled' },
  },
  ...REVIEW_STEPS.flatMap((step): Rule[] => {
    const who: Who =
      step === 'district_review' ? 'district_officer' : step === 'city_review' ? 'city_officer' : 'finance_officer';
    const prefix = step.replace('_review', '');
    return [
      {
        action: `${prefix}_return`,
        from: [step],
        to: 'returned',
        who,
        via: 'direct',
        needs: ['reason'],
        label: { zh: `${STATE_LABELS[step].zh}退回补正`, en: `${STATE_LABELS[step].en}: returned for correction` },
      },
      {
        action: `${prefix}_reject`,
        from: [step],
        to: 'rejected',
        who,
        via: 'direct',
        needs: ['reason'],
        label: { zh: `${STATE_LABELS[step].zh}不予支持`, en: `${STATE_LABELS[step].en}: rejected` },
      },
    ];
  }),
];

export const ACTIONS = RULES.map((r) => r.action);
const BY_ACTION = new Map(RULES.map((r) => [r.action, r]));

export function ruleOf(action: string): Rule | undefined {
  return BY_ACTION.get(action);
}

/** The platform itself, for transitions nobody clicks (the notice period ended, a withdrawal). */
export const SYSTEM = { system: true } as const;
export type Acting = Principal | typeof SYSTEM;

export interface CaseFacts extends CaseParty {
  state: CaseState;
  track: Track;
}

export function actsAs(who: Who, actor: Acting, c: CaseParty): boolean {
  if ('system' in actor) return who === 'system';
  switch (who) {
    case 'beneficiary':
      return isCaseBeneficiary(actor, c);
    case 'district_officer':
      return isDistrictOfficerOf(actor, c.unitCode);
    case 'city_officer':
      return actor.role === 'city_officer';
    case 'finance_officer':
      return actor.role === 'finance_officer';
    case 'objector':
      return canFileObjection(actor);
    case 'system':
      return false;
  }
}

export type Verdict =
  | { ok: true; rule: Rule; to: CaseState }
  | { ok: false; why: 'unknown_action' | 'not_permitted' | 'wrong_track' | 'wrong_state'; rule?: Rule };

/**
 * Whether `actor` may take `action` on the case now. The order of the checks decides what a
 * refused caller learns: an unknown action, then "not yours to do", then the track, then the state.
 */
export function decide(c: CaseFacts, action: string, actor: Acting): Verdict {
  const rule = ruleOf(action);
  if (!rule) return { ok: false, why: 'unknown_action' };
  if (!actsAs(rule.who, actor, c)) return { ok: false, why: 'not_permitted', rule };
  if (rule.track && rule.track !== c.track) return { ok: false, why: 'wrong_track', rule };
  if (!rule.from.includes(c.state)) return { ok: false, why: 'wrong_state', rule };
  return { ok: true, rule, to: rule.to };
}

/** The direct actions a principal may take on a case now (for the screens' buttons). */
export function availableActions(c: CaseFacts, actor: Acting): Rule[] {
  return RULES.filter((r) => r.via === 'direct' && decide(c, r.action, actor).ok);
}

/** States from which a principal of this role has something to do (for the work queues). */
export function waitingStatesFor(role: string): CaseState[] {
  const who: Who[] =
    role === 'enterprise_user' || role === 'carrier_operator'
      ? ['beneficiary']
      : role === 'district_officer'
        ? ['district_officer']
        : role === 'city_officer'
          ? ['city_officer']
          : role === 'finance_officer'
            ? ['finance_officer']
            : [];
  const states = new Set<CaseState>();
  for (const r of RULES) if (who.includes(r.who)) for (const s of r.from) states.add(s);
  return CASE_STATES.filter((s) => states.has(s));
}

/** Who should hear that a case now waits in `state`. */
export function waitsFor(state: CaseState): Who | null {
  if (state === 'opened' || state === 'returned') return 'beneficiary';
  if (state === 'district_review') return 'district_officer';
  if (state === 'city_review') return 'city_officer';
  if (state === 'finance_review') return 'finance_officer';
  return null;
}

// ---------- what an action carries ----------

export interface Account {
  accountName: string;
  bankName: string;
  accountNo: string;
}

export interface Application {
  statement: string;
  documents: { name: string; ref: string }[];
}

export interface TransitionInput {
  reason?: string | undefined;
  account?: Account | undefined;
  application?: Application | undefined;
}

const trimmed = (s: string | undefined) => (s ?? '').trim();

/** Problems with what the action needs; [] when complete. */
export function checkInput(rule: Rule, input: TransitionInput): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (rule.needs.includes('reason')) {
    const r = trimmed(input.reason);
    if (r.length < 2) out.push(problem('reason', '请填写理由（至少2个字）', 'give a reason (at least 2 characters)'));
    if (r.length > 2000) out.push(problem('reason', '理由不超过2000字', 'the reason must be at most 2000 characters'));
  }
  if (rule.needs.includes('account')) {
    const a = input.account;
    if (!a) out.push(problem('account', '请填写收款账户', 'the account to be paid is required'));
    else {
      if (!trimmed(a.accountName) || a.accountName.length > 100)
        out.push(
          problem('account.accountName', '请填写账户名称（不超过100字）', 'account name is required (at most 100 characters)'),
        );
      if (!trimmed(a.bankName) || a.bankName.length > 100)
        out.push(problem('account.bankName', '请填写开户银行（不超过100字）', 'bank name is required (at most 100 characters)'));
      if (!/^\d{8,32}$/.test(a.accountNo.replace(/\s/g, '')))
        out.push(problem('account.accountNo', '银行账号应为8至32位数字', 'the account number must be 8 to 32 digits'));
    }
  }
  if (rule.needs.includes('application')) {
    const ap = input.application;
    if (!ap) out.push(problem('application', '请提交申报材料', 'the application is required'));
    else {
      if (!trimmed(ap.statement) || ap.statement.length > 5000)
        out.push(
          problem('application.statement', '请填写申报说明（不超过5000字）', 'a statement is required (at most 5000 characters)'),
        );
      if (ap.documents.length === 0)
        out.push(problem('application.documents', '请至少附一份材料', 'attach at least one document'));
      ap.documents.forEach((d, i) => {
        if (!trimmed(d.name) || !trimmed(d.ref))
          out.push(
            problem(`application.documents[${i}]`, '材料应有名称和存放位置', 'each document needs a name and a reference'),
          );
      });
    }
  }
  return out;
}

/** An account number shown to those who do not pay: the last four digits only. */
export function maskAccount(a: Account | null): Account | null {
  if (!a) return null;
  const digits = a.accountNo.replace(/\s/g, '');
  return { ...a, accountNo: '*'.repeat(Math.max(digits.length - 4, 0)) + digits.slice(-4) };
}

/** Renminbi in capitals (大写金额) for payment notices: 2000000 → 贰佰万元整. Integer yuan only. */
export function yuanInCapitals(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new Error(`not an integer amount of yuan: ${amount}`);
  if (amount === 0) return '零元整';
  const digits = '零壹贰叁肆伍陆柒捌玖';
  const small = ['', '拾', '佰', '仟'];
  const big = ['', '万', '亿', '万亿'];
  const groups: number[] = [];
  for (let n = amount; n > 0; n = Math.floor(n / 10000)) groups.push(n % 10000);
  let out = '';
  let zeroPending = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g]!;
    if (group === 0) {
      zeroPending = out !== '';
      continue;
    }
    if (out !== '' && (zeroPending || group < 1000)) out += '零';
    zeroPending = false;
    let part = '';
    let innerZero = false;
    for (let i = 3; i >= 0; i--) {
      const d = Math.floor(group / 10 ** i) % 10;
      if (d === 0) {
        innerZero = part !== '';
        continue;
      }
      if (innerZero) part += '零';
      innerZero = false;
      part += digits[d]! + small[i]!;
    }
    out += part + big[g]!;
  }
  return out + '元整';
}

/**
 * An item id as a person reads it in a 公示 or payment notice (the web app has the bilingual
 * twin in policyShared.itemName): '2.little_giant.first' → 专精特新“小巨人”企业（新认定）.
 */
export function itemNameZh(item: string): string {
  const [clause, a = '', b = ''] = item.split('.');
  const kind = (id: string) => TITLE_KINDS.find((k) => k.id === id)?.zh ?? id;
  const level = (id: string) => LEVELS.find((l) => l.id === id)?.zh ?? id;
  if (clause === '2') return `${kind(a)}（${b === 'first' ? '新认定' : b === 'renewal' ? '复核/重新认定' : b}）`;
  if (clause === '4') return `服务园区（第${b.replace('year_', '')}年）`;
  if (clause === '5' && a === 'base') return `示范基地（入驻企业新获${kind(b)}）`;
  if (clause === '5' && a === 'platform') return `公共服务示范平台（${level(b)}）`;
  return item;
}
