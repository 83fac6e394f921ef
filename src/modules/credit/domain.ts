/**
 * Pure rules of the credit module: validating what an agency registers (naming each field and
 * the reason), the repair status of a record on a date, and checking a repair application's
 * materials against the rule set's checklist. The periods themselves come from
 * policy/credit-repair.
 */
import { isIsoDate } from '../../shared/dates.ts';
import { Problems } from '../../shared/errors.ts';
import { normaliseUscc, validateUscc } from '../../shared/uscc.ts';
import { noticeEndsOn } from '../cases/calendar.ts';
import {
  MATERIAL_ZH,
  PENALTY_TYPES,
  SECTORS,
  SEVERITIES,
  type PenaltyFacts,
  type PenaltyLine,
  type PenaltyType,
  type Sector,
  type Severity,
  type WorkingDayCalendar,
} from '../../../policy/credit-repair/index.ts';

/** Working days by the State Council calendar (chinese-days), counted as the cases module counts 公示. */
export const WORKING_DAYS: WorkingDayCalendar = { addWorkingDays: (date, n) => noticeEndsOn(date, n) };

export const DELIVERY_METHODS = ['direct', 'post', 'electronic', 'left_at_premises', 'entrusted', 'public_announcement'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_ZH: Record<DeliveryMethod, string> = {
  direct: '直接送达',
  post: '邮寄送达',
  electronic: '电子送达',
  left_at_premises: '留置送达',
  entrusted: '委托送达',
  public_announcement: '公告送达',
};

/** Fines and confiscations carry an amount; restrictions may carry months. */
const AMOUNT_TYPES: readonly PenaltyType[] = ['fine', 'confiscation'];
const MONTH_TYPES: readonly PenaltyType[] = [
  'business_restriction',
  'practice_restriction',
  'licence_suspension',
  'production_suspension',
];

export interface DecisionInput {
  partyName: string;
  uscc: string;
  decisionNo: string;
  decisionDate: string;
  procedure: 'simple' | 'ordinary';
  sector?: Sector;
  penalties: PenaltyLine[];
  legalBasis: string;
  violation?: string;
  agencySeverity?: Severity | null;
  publishMinor?: boolean;
  lowAmountFine?: boolean;
}

export interface CleanDecision extends Omit<DecisionInput, 'sector'> {
  sector: Sector;
  amountTotal: number;
}

/** Validates a decision; throws `validation_failed` naming every bad field. */
export function checkDecision(input: DecisionInput, defaults: { sector: Sector; today: string }): CleanDecision {
  const p = new Problems();
  const partyName = input.partyName.trim();
  if (partyName.length < 2) p.add('partyName', '当事人名称不能为空', 'the party name is required');
  const uscc = normaliseUscc(input.uscc);
  const v = validateUscc(uscc);
  if (!v.valid) p.add('uscc', `统一社会信用代码无效：${v.reasonI18n.zh}`, `invalid unified social credit code: ${v.reason}`);
  const decisionNo = input.decisionNo.trim();
  if (decisionNo.length < 3) p.add('decisionNo', '处罚决定书文号不能为空', 'the decision number is required');
  if (!isIsoDate(input.decisionDate)) p.add('decisionDate', '处罚决定日期不是有效日期', 'the decision date is not a valid date');
  else if (input.decisionDate > defaults.today)
    p.add('decisionDate', '处罚决定日期不能晚于今天', 'the decision date cannot be in the future');
  const sector = input.sector ?? defaults.sector;
  if (!SECTORS.includes(sector)) p.add('sector', '领域无效', 'unknown sector');
  if (input.penalties.length === 0) p.add('penalties', '至少填写一种处罚种类', 'at least one penalty is required');
  const seen = new Set<string>();
  let amountTotal = 0;
  input.penalties.forEach((l, i) => {
    const f = `penalties[${i}]`;
    if (!PENALTY_TYPES.includes(l.type)) p.add(`${f}.type`, '处罚种类无效', 'unknown penalty type');
    if (seen.has(l.type)) p.add(`${f}.type`, '处罚种类重复', 'the same penalty type twice');
    seen.add(l.type);
    if (AMOUNT_TYPES.includes(l.type)) {
      if (l.amountYuan === undefined || l.amountYuan === null || !Number.isSafeInteger(l.amountYuan) || l.amountYuan <= 0)
        p.add(
          `${f}.amountYuan`,
          '罚款、没收金额须为正整数（元）',
          'fines and confiscations need a positive whole number of yuan',
        );
      else amountTotal += l.amountYuan;
    } else if (l.amountYuan !== undefined && l.amountYuan !== null)
      p.add(`${f}.amountYuan`, '该处罚种类无金额', 'this penalty type has no amount');
    if (l.months !== undefined && l.months !== null) {
      if (!MONTH_TYPES.includes(l.type)) p.add(`${f}.months`, '该处罚种类无期限', 'this penalty type has no duration');
      else if (!Number.isInteger(l.months) || l.months < 1 || l.months > 240)
        p.add(`${f}.months`, '期限须为1–240个月', 'the duration must be 1–240 months');
    }
  });
  const legalBasis = input.legalBasis.trim();
  if (legalBasis.length < 4) p.add('legalBasis', '请填写处罚依据（法律条款）', 'the legal basis is required');
  if (input.agencySeverity != null && !SEVERITIES.includes(input.agencySeverity))
    p.add('agencySeverity', '失信信息分类无效', 'unknown class');
  p.throwIfAny();
  return {
    ...input,
    partyName,
    uscc,
    decisionNo,
    legalBasis,
    sector,
    amountTotal,
    penalties: input.penalties.map((l) => ({
      type: l.type,
      ...(l.amountYuan != null ? { amountYuan: l.amountYuan } : {}),
      ...(l.months != null ? { months: l.months } : {}),
    })),
  };
}

export function factsOf(d: CleanDecision): PenaltyFacts {
  return {
    decisionDate: d.decisionDate,
    procedure: d.procedure,
    sector: d.sector,
    penalties: d.penalties,
    agencySeverity: d.agencySeverity ?? null,
    publishMinor: d.publishMinor ?? false,
    lowAmountFine: d.lowAmountFine ?? false,
  };
}

export const REPAIR_STATUSES = [
  'not_published',
  'in_minimum_period',
  'repairable',
  'repair_pending',
  'repaired',
  'publicity_ended',
] as const;
export type RepairStatus = (typeof REPAIR_STATUSES)[number];
export const REPAIR_STATUS_ZH: Record<RepairStatus, string> = {
  not_published: '不予公示',
  in_minimum_period: '最短公示期内',
  repairable: '可申请修复',
  repair_pending: '修复办理中',
  repaired: '已修复',
  publicity_ended: '公示期满',
};

export interface StatusFacts {
  published: boolean;
  earliestRepairOn: string | null;
  publicityEndsOn: string | null;
  pendingApplication: boolean;
  repairedOn: string | null;
}

/** The repair status of a record on `date`. */
export function repairStatus(r: StatusFacts, date: string): RepairStatus {
  if (!r.published) return 'not_published';
  if (r.repairedOn !== null && r.repairedOn <= date) return 'repaired';
  if (r.publicityEndsOn !== null && date > r.publicityEndsOn) return 'publicity_ended';
  if (r.pendingApplication) return 'repair_pending';
  if (r.earliestRepairOn !== null && date < r.earliestRepairOn) return 'in_minimum_period';
  return 'repairable';
}

export interface MaterialInput {
  material: string;
  ref: string;
}

/** Every material on the checklist must be provided (with a reference to the file or paper). */
export function checkMaterials(
  checklist: readonly string[],
  given: MaterialInput[],
  statement: string,
  commitment: boolean,
): void {
  const p = new Problems();
  for (const m of checklist) {
    const g = given.find((x) => x.material === m);
    if (!g || g.ref.trim().length === 0) p.add(`materials.${m}`, `缺少材料：${MATERIAL_ZH[m] ?? m}`, `missing material: ${m}`);
  }
  given.forEach((g, i) => {
    if (!checklist.includes(g.material))
      p.add(`materials[${i}].material`, '该材料不在本规则的材料清单中', 'not on the checklist of this rule set');
  });
  if (statement.trim().length < 4)
    p.add('statement', '请说明纠正失信行为、履行义务的情况', 'describe how the obligations were fulfilled');
  if (!commitment) p.add('commitment', '须公开作出信用承诺', 'the public credit commitment is required');
  p.throwIfAny();
}

/** Whether a decided or pending application is past its time limit on `date`. */
export function isOverdue(a: { state: string; dueOn: string; decidedOn: string | null }, date: string): boolean {
  return a.state === 'pending' ? date > a.dueOn : a.decidedOn !== null && a.decidedOn > a.dueOn;
}
