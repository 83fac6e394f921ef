/**
 * Events, pure: what an event is, who it targets, who gets a seat and who waits, when check-in is
 * open, what feedback is valid. No I/O; the service applies these rules inside transactions and
 * the database holds the seat count (trigger + check), so these rules decide and the database
 * guarantees.
 *
 * Measure 十一 (大中小企业融通): "深入实施企业经营管理人才素质提升工程，鼓励行业领军企业、国有企业与
 * 中小微企业加强沟通交流。常态化开展供需对接活动" — courses, visits to leading enterprises and
 * exchange meetings (the talent programme) and matchmaking events. Measure 四: events of the
 * 济南新动能中小企业创新交流中心.
 */
import type { Bilingual, FieldProblem } from '../../shared/errors.ts';
import { problem } from '../../shared/errors.ts';

export const EVENT_KINDS = ['course', 'visit', 'exchange_meeting', 'matchmaking', 'exchange_centre'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<EventKind, Bilingual> = {
  course: { zh: '培训课程', en: 'Course' },
  visit: { zh: '走进领军企业', en: 'Visit to a leading enterprise' },
  exchange_meeting: { zh: '大中小企业交流会', en: 'Exchange meeting' },
  matchmaking: { zh: '供需对接活动', en: 'Matchmaking event' },
  exchange_centre: { zh: '创新交流中心活动', en: 'Innovation exchange centre event' },
};
/** The kinds that make up the management talent programme (Measure 十一, 人才素质提升工程). */
export const PROGRAMME_KINDS: readonly EventKind[] = ['course', 'visit', 'exchange_meeting'];

export const EVENT_STATUSES = ['draft', 'published', 'closed', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export type EnrolmentStatus = 'confirmed' | 'waitlisted' | 'cancelled';

// ---------- target groups as rules ----------

export const TARGET_EFFECTS = ['priority', 'required'] as const;
export type TargetEffect = (typeof TARGET_EFFECTS)[number];

/**
 * A rule on the enrolling enterprise. `required`: only enterprises meeting it may enrol;
 * `priority`: they go ahead of others on the waiting list by `weight` points (rules add up).
 * Titles are the enterprise's titles in force on the day of enrolment, read from the registry.
 */
export type TargetRule =
  | { kind: 'title'; titles: string[]; effect: TargetEffect; weight?: number }
  | { kind: 'unit'; unitCodes: string[]; effect: TargetEffect; weight?: number }
  | { kind: 'size'; sizeClasses: string[]; effect: TargetEffect; weight?: number };

export interface EnterpriseFacts {
  titles: string[];
  unitCode: string;
  sizeClass: string;
}

export interface TargetVerdict {
  eligible: boolean;
  priority: number;
  /** The rules met (priority) and the rules missed (required), as sentences. */
  met: Bilingual[];
  unmet: Bilingual[];
}

const DEFAULT_WEIGHT = 10;

function describe(rule: TargetRule): Bilingual {
  switch (rule.kind) {
    case 'title':
      return { zh: `持有有效称号：${rule.titles.join('、')}`, en: `holds a title in force: ${rule.titles.join(', ')}` };
    case 'unit':
      return { zh: `所属区县：${rule.unitCodes.join('、')}`, en: `in unit: ${rule.unitCodes.join(', ')}` };
    case 'size':
      return { zh: `企业规模：${rule.sizeClasses.join('、')}`, en: `size class: ${rule.sizeClasses.join(', ')}` };
  }
}

function meets(rule: TargetRule, f: EnterpriseFacts): boolean {
  switch (rule.kind) {
    case 'title':
      return rule.titles.some((t) => f.titles.includes(t));
    case 'unit':
      return rule.unitCodes.includes(f.unitCode);
    case 'size':
      return rule.sizeClasses.includes(f.sizeClass);
  }
}

export function evaluateTargets(rules: readonly TargetRule[], f: EnterpriseFacts): TargetVerdict {
  const v: TargetVerdict = { eligible: true, priority: 0, met: [], unmet: [] };
  for (const rule of rules) {
    const ok = meets(rule, f);
    if (rule.effect === 'required' && !ok) {
      v.eligible = false;
      v.unmet.push(describe(rule));
    }
    if (rule.effect === 'priority' && ok) {
      v.priority += rule.weight ?? DEFAULT_WEIGHT;
      v.met.push(describe(rule));
    }
  }
  return v;
}

export function checkTargetRules(
  rules: unknown,
  known: { titles: readonly string[]; units: readonly string[]; sizes: readonly string[] },
): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!Array.isArray(rules)) return [problem('targetRules', '必须是规则列表', 'must be a list of rules')];
  if (rules.length > 10) out.push(problem('targetRules', '最多 10 条规则', 'at most 10 rules'));
  rules.forEach((r: TargetRule, i) => {
    const f = `targetRules[${i}]`;
    if (!TARGET_EFFECTS.includes(r.effect))
      out.push(problem(`${f}.effect`, '须为 priority 或 required', 'must be priority or required'));
    if (r.weight !== undefined && (!Number.isInteger(r.weight) || r.weight < 1 || r.weight > 100))
      out.push(problem(`${f}.weight`, '须为 1–100 的整数', 'must be a whole number from 1 to 100'));
    const list = r.kind === 'title' ? r.titles : r.kind === 'unit' ? r.unitCodes : r.kind === 'size' ? r.sizeClasses : undefined;
    const allowed =
      r.kind === 'title' ? known.titles : r.kind === 'unit' ? known.units : r.kind === 'size' ? known.sizes : undefined;
    if (!list || !allowed) {
      out.push(problem(`${f}.kind`, '须为 title、unit 或 size', 'must be title, unit or size'));
      return;
    }
    if (!Array.isArray(list) || list.length === 0) out.push(problem(f, '至少选择一项', 'choose at least one value'));
    else for (const x of list) if (!allowed.includes(x)) out.push(problem(f, `未知取值“${x}”`, `unknown value '${x}'`));
  });
  return out;
}

// ---------- the event itself ----------

export interface EventInput {
  kind: EventKind;
  title: string;
  description?: string | undefined;
  programmeYear?: number | null | undefined;
  startsAt: string;
  endsAt: string;
  enrolmentClosesAt?: string | undefined;
  place: string;
  capacity: number;
  hostName: string;
  hostEnterpriseId?: number | null | undefined;
  targetRules?: TargetRule[] | undefined;
}

export function checkEvent(v: EventInput): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!v.title.trim()) out.push(problem('title', '请填写活动名称', 'enter the title'));
  if (!v.place.trim()) out.push(problem('place', '请填写活动地点', 'enter the place'));
  if (!v.hostName.trim()) out.push(problem('hostName', '请填写承办单位', 'enter the host'));
  if (!Number.isInteger(v.capacity) || v.capacity < 1)
    out.push(problem('capacity', '名额须为正整数', 'capacity must be a positive whole number'));
  const s = Date.parse(v.startsAt);
  const e = Date.parse(v.endsAt);
  if (Number.isNaN(s)) out.push(problem('startsAt', '开始时间无效', 'not a valid time'));
  if (Number.isNaN(e)) out.push(problem('endsAt', '结束时间无效', 'not a valid time'));
  else if (!Number.isNaN(s) && e <= s) out.push(problem('endsAt', '结束时间须晚于开始时间', 'must be after the start'));
  if (v.enrolmentClosesAt !== undefined) {
    const c = Date.parse(v.enrolmentClosesAt);
    if (Number.isNaN(c)) out.push(problem('enrolmentClosesAt', '报名截止时间无效', 'not a valid time'));
    else if (!Number.isNaN(e) && c > e)
      out.push(problem('enrolmentClosesAt', '报名截止时间不得晚于活动结束', 'must not be after the end'));
  }
  if (v.programmeYear !== undefined && v.programmeYear !== null && !PROGRAMME_KINDS.includes(v.kind) && v.kind !== 'matchmaking')
    out.push(
      problem('programmeYear', '仅培训、走访、交流会和对接活动可归入人才工程年度', 'only programme kinds belong to an edition'),
    );
  return out;
}

const TRANSITIONS: Record<EventStatus, readonly EventStatus[]> = {
  draft: ['published', 'cancelled'],
  published: ['closed', 'cancelled'],
  closed: [],
  cancelled: [],
};

export function canMove(from: EventStatus, to: EventStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Why an enterprise may not enrol now, or null when it may. */
export function enrolmentClosedReason(e: { status: EventStatus; enrolmentClosesAt: Date }, now: Date): Bilingual | null {
  if (e.status !== 'published') return { zh: '活动未在报名中', en: 'The event is not open for enrolment' };
  if (now.getTime() > e.enrolmentClosesAt.getTime()) return { zh: '报名已截止', en: 'Enrolment has closed' };
  return null;
}

// ---------- seats and the waiting list ----------

/** A new enrolment takes a seat while one is free, else it waits. */
export function seatFor(confirmed: number, capacity: number): 'confirmed' | 'waitlisted' {
  return confirmed < capacity ? 'confirmed' : 'waitlisted';
}

export interface WaitingEntry {
  id: number;
  priority: number;
  enrolledAt: Date;
}

/** The waiting list in the order seats are offered: higher priority first, then first come. */
export function waitingOrder<T extends WaitingEntry>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => b.priority - a.priority || a.enrolledAt.getTime() - b.enrolledAt.getTime() || a.id - b.id);
}

/** Who is promoted when `free` seats open: the first `free` of the waiting order. */
export function toPromote<T extends WaitingEntry>(list: readonly T[], free: number): T[] {
  return free <= 0 ? [] : waitingOrder(list).slice(0, free);
}

// ---------- participants ----------

export interface ParticipantInput {
  name: string;
  phone: string;
  position: string;
}

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

export function checkParticipant(p: ParticipantInput, prefix = 'participant'): FieldProblem[] {
  const out: FieldProblem[] = [];
  const name = p.name.trim();
  if (!name) out.push(problem(`${prefix}.name`, '请填写参加人姓名', 'enter the participant’s name'));
  else if ([...name].length > 30) out.push(problem(`${prefix}.name`, '姓名过长', 'the name is too long'));
  if (!MOBILE.test(p.phone) && !LANDLINE.test(p.phone))
    out.push(
      problem(`${prefix}.phone`, '请填写 11 位手机号或带区号的固定电话', 'enter an 11-digit mobile or a landline with area code'),
    );
  if (!p.position.trim()) out.push(problem(`${prefix}.position`, '请填写参加人职务', 'enter the participant’s position'));
  return out;
}

// ---------- attendance ----------

const dayFmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
export const shanghaiDay = (d: Date): string => dayFmt.format(d);

/** A QR check-in works on the event's own day(s) (Asia/Shanghai), not before and not after. */
export function qrCheckinOpen(e: { startsAt: Date; endsAt: Date }, now: Date): boolean {
  const day = shanghaiDay(now);
  return day >= shanghaiDay(e.startsAt) && day <= shanghaiDay(e.endsAt);
}

/** Manual check-in (an organiser records attendance from the sign-in sheet) works from the first day on. */
export function manualCheckinOpen(e: { startsAt: Date }, now: Date): boolean {
  return shanghaiDay(now) >= shanghaiDay(e.startsAt);
}

/** Certificate number: edition (or start year), kind, enrolment — stable, unique per enrolment. */
export function certificateNumber(year: number, kind: EventKind, enrolmentId: number): string {
  const code = { course: 'PX', visit: 'ZF', exchange_meeting: 'JL', matchmaking: 'DJ', exchange_centre: 'ZX' }[kind];
  return `JNZX-${year}-${code}-${String(enrolmentId).padStart(6, '0')}`;
}

// ---------- feedback and outcomes ----------

export interface FeedbackInput {
  rating: number;
  comment?: string | undefined;
  intentions?: number | undefined;
  contracts?: number | undefined;
  contractAmount?: number | undefined;
}

export function checkFeedback(v: FeedbackInput, kind: EventKind): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!Number.isInteger(v.rating) || v.rating < 1 || v.rating > 5)
    out.push(problem('rating', '评分须为 1–5', 'rating must be 1 to 5'));
  if ((v.comment ?? '').length > 2000) out.push(problem('comment', '意见不超过 2000 字', 'at most 2000 characters'));
  const outcomes = (v.intentions ?? 0) + (v.contracts ?? 0) + (v.contractAmount ?? 0);
  if (kind !== 'matchmaking' && outcomes > 0)
    out.push(
      problem('intentions', '仅供需对接活动记录合作意向与签约', 'only matchmaking events record intentions and contracts'),
    );
  for (const f of ['intentions', 'contracts', 'contractAmount'] as const) {
    const x = v[f];
    if (x !== undefined && (!Number.isInteger(x) || x < 0)) out.push(problem(f, '须为非负整数', 'must be a whole number ≥ 0'));
  }
  if ((v.contracts ?? 0) === 0 && (v.contractAmount ?? 0) > 0)
    out.push(problem('contractAmount', '未签约时签约金额须为 0', 'no contracts signed: the amount must be 0'));
  return out;
}
