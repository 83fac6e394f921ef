/**
 * Penalty decisions, the notice delivered with them, deliveries and repair applications. Every
 * read and write asks access/ (an agency: its own decisions; an enterprise: its own records);
 * every change writes its audit entry in the same transaction. Classification and periods are
 * computed once, at registration, by policy/credit-repair and stored with their explanation.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type DbOrTx, type Tx } from '../../db/client.ts';
import { AppError, invalid, problem } from '../../shared/errors.ts';
import { todayShanghai } from '../../shared/dates.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import {
  canReadCreditRecord,
  creditScope,
  isCreditParty,
  isIssuingAgency,
  type CreditScope,
  type Principal,
} from '../access/principal.ts';
import {
  NoRuleSet,
  assessPenalty,
  repairDecisionDue,
  type CreditAssessment,
  type PenaltyLine,
  type Sector,
} from '../../../policy/credit-repair/index.ts';
import {
  WORKING_DAYS,
  checkDecision,
  checkMaterials,
  factsOf,
  isOverdue,
  repairStatus,
  type DecisionInput,
  type DeliveryMethod,
  type MaterialInput,
  type RepairStatus,
} from './domain.ts';
import { repairNoticeDocx, type RepairNoticeInput } from './notice.ts';

const actorOf = (p: Principal): Actor => ({ id: p.userId, name: p.username });

export interface Agency {
  id: number;
  name: string;
  docPrefix: string;
  sector: Sector;
  address: string | null;
  phone: string | null;
}

/** The agency a penalty_agency user acts for, or null. */
export async function agencyOf(tx: DbOrTx, p: Principal): Promise<Agency | null> {
  if (p.role !== 'penalty_agency') return null;
  const [a] = await rowsOf<{
    id: number;
    name: string;
    doc_prefix: string;
    sector: Sector;
    address: string | null;
    phone: string | null;
  }>(
    tx,
    sql`select a.id, a.name, a.doc_prefix, a.sector, a.address, a.phone from penalty_agency_users u join penalty_agencies a on a.id = u.agency_id where u.user_id = ${p.userId}`,
  );
  return a
    ? { id: Number(a.id), name: a.name, docPrefix: a.doc_prefix, sector: a.sector, address: a.address, phone: a.phone }
    : null;
}

export async function scopeOf(tx: DbOrTx, p: Principal): Promise<CreditScope> {
  return creditScope(p, (await agencyOf(tx, p))?.id ?? null);
}

/** The SQL condition of a scope over `d` (penalty_decisions) joined with `e` (enterprises). */
export function scopeSql(s: CreditScope) {
  switch (s.kind) {
    case 'all':
      return sql`true`;
    case 'agency':
      return sql`d.agency_id = ${s.agencyId}`;
    case 'enterprise':
      return sql`d.enterprise_id = ${s.enterpriseId}`;
    case 'unit':
      return sql`e.unit_code = ${s.unitCode}`;
    default:
      return sql`false`;
  }
}

function assess(input: DecisionInput, sector: Sector, today: string) {
  const clean = checkDecision(input, { sector, today });
  try {
    return { clean, assessment: assessPenalty(factsOf(clean), WORKING_DAYS) };
  } catch (e) {
    if (e instanceof NoRuleSet)
      throw invalid(
        problem(
          'decisionDate',
          `${e.date}早于已编码的信用修复规则（2023年5月1日起施行的58号令），无法计算`,
          `no rule set is encoded for decisions before 2023-05-01`,
        ),
      );
    throw e;
  }
}

async function requireAgency(tx: DbOrTx, p: Principal): Promise<Agency> {
  const agency = await agencyOf(tx, p);
  if (!agency)
    throw new AppError('forbidden', {
      detail: { zh: '仅行政处罚机关可登记处罚决定', en: 'Only a penalty agency may register decisions' },
    });
  return agency;
}

/** What the rules make of a decision, without storing it (the register form shows it live). */
export async function previewDecision(
  database: Database,
  p: Principal,
  input: DecisionInput,
  today = todayShanghai(),
): Promise<CreditAssessment> {
  const agency = await requireAgency(database.db, p);
  return assess(input, agency.sector, today).assessment;
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } } | undefined;
  return err?.code === '23505' || err?.cause?.code === '23505';
}

export async function registerDecision(
  database: Database,
  p: Principal,
  input: DecisionInput,
  today = todayShanghai(),
): Promise<DecisionDetail> {
  const agency = await requireAgency(database.db, p);
  const { clean, assessment: a } = assess(input, agency.sector, today);
  let id: number;
  try {
    id = await database.db.transaction(async (tx) => {
      const [dup] = await rowsOf<{ id: number }>(
        tx,
        sql`select id from penalty_decisions where agency_id = ${agency.id} and decision_no = ${clean.decisionNo}`,
      );
      if (dup)
        throw invalid(
          problem('decisionNo', '本机关已登记过该处罚决定书文号', 'this agency already registered this decision number'),
        );
      const [ent] = await rowsOf<{ id: number }>(tx, sql`select id from enterprises where uscc = ${clean.uscc}`);
      const [row] = await rowsOf<{ id: number }>(
        tx,
        sql`insert into penalty_decisions (agency_id, decision_no, party_name, uscc, enterprise_id, decision_date, procedure, sector, penalties, amount_total,
              legal_basis, violation, agency_severity, publish_minor, low_amount_fine, rule_set, severity, notice_required, published, publicity_from,
              earliest_repair_on, publicity_ends_on, repair_working_days, assessment, registered_by)
            values (${agency.id}, ${clean.decisionNo}, ${clean.partyName}, ${clean.uscc}, ${ent ? Number(ent.id) : null}, ${clean.decisionDate}, ${clean.procedure},
              ${clean.sector}, ${JSON.stringify(clean.penalties)}::jsonb, ${clean.amountTotal}, ${clean.legalBasis}, ${clean.violation ?? null},
              ${clean.agencySeverity ?? null}, ${clean.publishMinor ?? false}, ${clean.lowAmountFine ?? false}, ${a.ruleSet.id}, ${a.severity},
              ${a.noticeRequired}, ${a.published}, ${a.publicityFrom}, ${a.earliestRepairOn}, ${a.publicityEndsOn}, ${a.repairWorkingDays},
              ${JSON.stringify(a)}::jsonb, ${p.userId})
            returning id`,
      );
      const newId = Number(row!.id);
      const noticeNo = `${agency.docPrefix}信修告〔${clean.decisionDate.slice(0, 4)}〕${newId}号`;
      await tx.execute(sql`update penalty_decisions set notice_no = ${noticeNo} where id = ${newId}`);
      await recordAudit(tx, actorOf(p), 'credit.decision.register', 'penalty_decisions', newId, null, {
        agencyId: agency.id,
        decisionNo: clean.decisionNo,
        uscc: clean.uscc,
        decisionDate: clean.decisionDate,
        ruleSet: a.ruleSet.id,
        severity: a.severity,
        earliestRepairOn: a.earliestRepairOn,
        publicityEndsOn: a.publicityEndsOn,
      });
      return newId;
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw invalid(
        problem('decisionNo', '本机关已登记过该处罚决定书文号', 'this agency already registered this decision number'),
      );
    throw e;
  }
  return getDecision(database, p, id, today);
}

// ---------- reading ----------

interface DecisionRow {
  id: number;
  agency_id: number;
  agency_name: string;
  decision_no: string;
  party_name: string;
  uscc: string;
  enterprise_id: number | null;
  unit_code: string | null;
  decision_date: string;
  procedure: 'simple' | 'ordinary';
  sector: Sector;
  penalties: PenaltyLine[];
  amount_total: number;
  legal_basis: string;
  violation: string | null;
  rule_set: string;
  severity: string;
  notice_required: boolean;
  published: boolean;
  publicity_from: string | null;
  earliest_repair_on: string | null;
  publicity_ends_on: string | null;
  repair_working_days: number;
  notice_no: string | null;
  registered_at: Date | string;
  delivered_at: Date | string | null;
  delivered_documents: string | null;
  pending: boolean;
  repaired_on: string | null;
}

const DECISION_COLUMNS = sql`d.id, d.agency_id, a.name as agency_name, d.decision_no, d.party_name, d.uscc, d.enterprise_id, e.unit_code, d.decision_date,
  d.procedure, d.sector, d.penalties, d.amount_total, d.legal_basis, d.violation, d.rule_set, d.severity, d.notice_required, d.published,
  d.publicity_from, d.earliest_repair_on, d.publicity_ends_on, d.repair_working_days, d.notice_no, d.registered_at,
  v.delivered_at, v.documents as delivered_documents,
  exists (select 1 from repair_applications r where r.decision_id = d.id and r.state = 'pending') as pending,
  (select r.decided_on from repair_applications r where r.decision_id = d.id and r.state = 'approved') as repaired_on`;
const DECISION_FROM = sql`penalty_decisions d join penalty_agencies a on a.id = d.agency_id left join enterprises e on e.id = d.enterprise_id
  left join penalty_deliveries v on v.decision_id = d.id`;

export interface DecisionSummary {
  id: number;
  agencyId: number;
  agencyName: string;
  decisionNo: string;
  partyName: string;
  uscc: string;
  enterpriseId: number | null;
  decisionDate: string;
  procedure: 'simple' | 'ordinary';
  sector: Sector;
  penalties: PenaltyLine[];
  amountTotal: number;
  legalBasis: string;
  violation: string | null;
  ruleSet: string;
  severity: string;
  noticeRequired: boolean;
  published: boolean;
  publicityFrom: string | null;
  earliestRepairOn: string | null;
  publicityEndsOn: string | null;
  repairWorkingDays: number;
  noticeNo: string | null;
  registeredAt: string;
  deliveredAt: string | null;
  deliveredDocuments: string | null;
  status: RepairStatus;
  repairedOn: string | null;
}

const iso = (v: Date | string | null) => (v === null ? null : v instanceof Date ? v.toISOString() : new Date(v).toISOString());

function toSummary(r: DecisionRow, today: string): DecisionSummary {
  return {
    id: Number(r.id),
    agencyId: Number(r.agency_id),
    agencyName: r.agency_name,
    decisionNo: r.decision_no,
    partyName: r.party_name,
    uscc: r.uscc,
    enterpriseId: r.enterprise_id === null ? null : Number(r.enterprise_id),
    decisionDate: r.decision_date,
    procedure: r.procedure,
    sector: r.sector,
    penalties: r.penalties,
    amountTotal: Number(r.amount_total),
    legalBasis: r.legal_basis,
    violation: r.violation,
    ruleSet: r.rule_set,
    severity: r.severity,
    noticeRequired: r.notice_required,
    published: r.published,
    publicityFrom: r.publicity_from,
    earliestRepairOn: r.earliest_repair_on,
    publicityEndsOn: r.publicity_ends_on,
    repairWorkingDays: r.repair_working_days,
    noticeNo: r.notice_no,
    registeredAt: iso(r.registered_at)!,
    deliveredAt: iso(r.delivered_at),
    deliveredDocuments: r.delivered_documents,
    repairedOn: r.repaired_on,
    status: repairStatus(
      {
        published: r.published,
        earliestRepairOn: r.earliest_repair_on,
        publicityEndsOn: r.publicity_ends_on,
        pendingApplication: r.pending,
        repairedOn: r.repaired_on,
      },
      today,
    ),
  };
}

export interface ListQuery {
  q?: string;
  enterpriseId?: number;
  status?: RepairStatus;
  undelivered?: boolean;
  page?: number;
  pageSize?: number;
}

export async function listDecisions(
  database: Database,
  p: Principal,
  query: ListQuery,
  today = todayShanghai(),
): Promise<{ items: DecisionSummary[]; total: number }> {
  const scope = await scopeOf(database.db, p);
  if (scope.kind === 'none') throw new AppError('not_found');
  const like = query.q ? `%${query.q.trim()}%` : null;
  const where = sql`${scopeSql(scope)}
    and (${like}::text is null or d.party_name like ${like} or d.decision_no like ${like} or d.uscc like ${like})
    and (${query.enterpriseId ?? null}::bigint is null or d.enterprise_id = ${query.enterpriseId ?? null})
    and (${query.undelivered ?? false} = false or v.id is null)`;
  const size = query.pageSize ?? 20;
  const page = query.page ?? 1;
  const order = sql`order by d.decision_date desc, d.id desc`;
  if (!query.status) {
    // The status depends on today's date and the applications; without that filter the database pages.
    const [count] = await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from ${DECISION_FROM} where ${where}`);
    const rows = await rowsOf<DecisionRow>(
      database.db,
      sql`select ${DECISION_COLUMNS} from ${DECISION_FROM} where ${where} ${order} limit ${size} offset ${(page - 1) * size}`,
    );
    return { items: rows.map((r) => toSummary(r, today)), total: count?.n ?? 0 };
  }
  const rows = await rowsOf<DecisionRow>(
    database.db,
    sql`select ${DECISION_COLUMNS} from ${DECISION_FROM} where ${where} ${order}`,
  );
  const items = rows.map((r) => toSummary(r, today)).filter((i) => i.status === query.status);
  return { items: items.slice((page - 1) * size, page * size), total: items.length };
}

export interface DeliveryView {
  deliveredAt: string;
  method: DeliveryMethod;
  documents: 'both' | 'decision_only';
  recipient: string;
  receiptRef: string;
  recordedAt: string;
}

export interface ApplicationView {
  id: number;
  receivedOn: string;
  dueOn: string;
  state: 'pending' | 'approved' | 'rejected';
  decidedOn: string | null;
  reason: string | null;
  statement: string;
  materials: MaterialInput[];
  overdue: boolean;
  trace: unknown;
}

export interface DecisionDetail {
  decision: DecisionSummary;
  assessment: CreditAssessment;
  delivery: DeliveryView | null;
  applications: ApplicationView[];
  /** What the principal may do now. */
  can: { downloadNotice: boolean; recordDelivery: boolean; apply: boolean; decide: boolean };
}

async function loadDecision(
  tx: DbOrTx,
  p: Principal,
  id: number,
  today: string,
): Promise<{ summary: DecisionSummary; scope: CreditScope; assessment: CreditAssessment }> {
  const scope = await scopeOf(tx, p);
  const [row] = await rowsOf<DecisionRow & { assessment: CreditAssessment }>(
    tx,
    sql`select ${DECISION_COLUMNS}, d.assessment from ${DECISION_FROM} where d.id = ${id}`,
  );
  if (
    !row ||
    !canReadCreditRecord(scope, {
      agencyId: Number(row.agency_id),
      enterpriseId: row.enterprise_id === null ? null : Number(row.enterprise_id),
      unitCode: row.unit_code,
    })
  )
    throw new AppError('not_found');
  return { summary: toSummary(row, today), scope, assessment: row.assessment };
}

export async function getDecision(
  database: Database,
  p: Principal,
  id: number,
  today = todayShanghai(),
): Promise<DecisionDetail> {
  const { summary, scope, assessment } = await loadDecision(database.db, p, id, today);
  const [delivery] = await rowsOf<{
    delivered_at: Date | string;
    method: DeliveryMethod;
    documents: 'both' | 'decision_only';
    recipient: string;
    receipt_ref: string;
    recorded_at: Date | string;
  }>(
    database.db,
    sql`select delivered_at, method, documents, recipient, receipt_ref, recorded_at from penalty_deliveries where decision_id = ${id}`,
  );
  const apps = await rowsOf<{
    id: number;
    received_on: string;
    due_on: string;
    state: 'pending' | 'approved' | 'rejected';
    decided_on: string | null;
    reason: string | null;
    statement: string;
    materials: MaterialInput[];
    trace: unknown;
  }>(
    database.db,
    sql`select id, received_on, due_on, state, decided_on, reason, statement, materials, trace from repair_applications where decision_id = ${id} order by id`,
  );
  const issuing = isIssuingAgency(scope, summary);
  const party = isCreditParty(scope, summary);
  return {
    decision: summary,
    assessment,
    delivery: delivery
      ? {
          deliveredAt: iso(delivery.delivered_at)!,
          method: delivery.method,
          documents: delivery.documents,
          recipient: delivery.recipient,
          receiptRef: delivery.receipt_ref,
          recordedAt: iso(delivery.recorded_at)!,
        }
      : null,
    applications: apps.map((a) => ({
      id: Number(a.id),
      receivedOn: a.received_on,
      dueOn: a.due_on,
      state: a.state,
      decidedOn: a.decided_on,
      reason: a.reason,
      statement: a.statement,
      materials: a.materials,
      overdue: isOverdue({ state: a.state, dueOn: a.due_on, decidedOn: a.decided_on }, today),
      trace: a.trace,
    })),
    can: {
      downloadNotice: issuing || party || scope.kind === 'all',
      recordDelivery: issuing && !delivery,
      apply: party && summary.status === 'repairable',
      decide: issuing && apps.some((a) => a.state === 'pending'),
    },
  };
}

/** The notice as .docx, for the issuing agency, the party and the city. */
export async function noticeDocx(
  database: Database,
  p: Principal,
  id: number,
  today = todayShanghai(),
): Promise<{ buffer: Buffer; name: string }> {
  const { summary, scope, assessment } = await loadDecision(database.db, p, id, today);
  if (!(isIssuingAgency(scope, summary) || isCreditParty(scope, summary) || scope.kind === 'all'))
    throw new AppError('not_found');
  const [agency] = await rowsOf<{ name: string; address: string | null; phone: string | null }>(
    database.db,
    sql`select name, address, phone from penalty_agencies where id = ${summary.agencyId}`,
  );
  const input: RepairNoticeInput = {
    noticeNo: summary.noticeNo ?? String(summary.id),
    agency: agency!,
    partyName: summary.partyName,
    uscc: summary.uscc,
    decisionNo: summary.decisionNo,
    decisionDate: summary.decisionDate,
    penalties: summary.penalties,
    assessment,
  };
  return { buffer: await repairNoticeDocx([input]), name: `credit-repair-notice-${summary.id}.docx` };
}

// ---------- delivery ----------

export interface DeliveryInput {
  deliveredAt: string;
  method: DeliveryMethod;
  documents: 'both' | 'decision_only';
  recipient: string;
  receiptRef: string;
}

export async function recordDelivery(
  database: Database,
  p: Principal,
  id: number,
  input: DeliveryInput,
  today = todayShanghai(),
): Promise<DecisionDetail> {
  await database.db.transaction(async (tx) => {
    const { summary, scope } = await loadDecision(tx, p, id, today);
    if (!isIssuingAgency(scope, summary)) throw new AppError('not_found');
    const at = new Date(input.deliveredAt);
    const problems = [];
    if (Number.isNaN(at.getTime())) problems.push(problem('deliveredAt', '送达时间无效', 'the delivery time is not valid'));
    else {
      const day = todayShanghai(at);
      if (day < summary.decisionDate)
        problems.push(problem('deliveredAt', '送达时间不能早于处罚决定日期', 'delivery cannot precede the decision'));
      if (day > today) problems.push(problem('deliveredAt', '送达时间不能晚于今天', 'delivery cannot be in the future'));
    }
    if (input.recipient.trim().length < 2) problems.push(problem('recipient', '请填写受送达人', 'the recipient is required'));
    if (input.receiptRef.trim().length < 2)
      problems.push(problem('receiptRef', '请填写送达回证编号、邮件单号或电子回执', 'the receipt reference is required'));
    if (problems.length) throw invalid(...problems);
    await tx.execute(sql`select id from penalty_decisions where id = ${id} for update`);
    const [dup] = await rowsOf<{ id: number }>(tx, sql`select id from penalty_deliveries where decision_id = ${id}`);
    if (dup)
      throw new AppError('conflict', {
        detail: { zh: '该处罚决定的送达情况已登记', en: 'The delivery of this decision is already recorded' },
      });
    await tx.execute(
      sql`insert into penalty_deliveries (decision_id, delivered_at, method, documents, recipient, receipt_ref, recorded_by)
          values (${id}, ${at.toISOString()}, ${input.method}, ${input.documents}, ${input.recipient.trim()}, ${input.receiptRef.trim()}, ${p.userId})`,
    );
    await recordAudit(tx, actorOf(p), 'credit.delivery.record', 'penalty_decisions', id, null, {
      ...input,
      deliveredAt: at.toISOString(),
    });
  });
  return getDecision(database, p, id, today);
}

// ---------- repair ----------

export interface RepairInput {
  materials: MaterialInput[];
  statement: string;
  commitment: boolean;
}

export async function applyForRepair(
  database: Database,
  p: Principal,
  decisionId: number,
  input: RepairInput,
  today = todayShanghai(),
): Promise<DecisionDetail> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select id from penalty_decisions where id = ${decisionId} for update`);
    const { summary, scope, assessment } = await loadDecision(tx, p, decisionId, today);
    if (!isCreditParty(scope, summary)) throw new AppError('not_found');
    if (summary.status !== 'repairable') {
      const why: Record<string, [string, string]> = {
        not_published: ['该信息不予公示，无须修复', 'the record is not published; nothing to repair'],
        in_minimum_period: [
          `最短公示期未满，${summary.earliestRepairOn}起方可申请`,
          `the minimum publicity ends first; apply from ${summary.earliestRepairOn}`,
        ],
        repair_pending: ['已有修复申请正在办理', 'an application is already pending'],
        repaired: ['该信息已修复', 'the record is already repaired'],
        publicity_ended: ['公示期已满，信息已停止公示', 'the publicity has ended'],
      };
      const [zh, en] = why[summary.status]!;
      throw new AppError('conflict', { detail: { zh, en } });
    }
    checkMaterials(assessment.materials, input.materials, input.statement, input.commitment);
    const due = repairDecisionDue(assessment, today, WORKING_DAYS);
    const [row] = await rowsOf<{ id: number }>(
      tx,
      sql`insert into repair_applications (decision_id, enterprise_id, received_on, materials, statement, due_on, trace, applied_by)
          values (${decisionId}, ${summary.enterpriseId}, ${today}, ${JSON.stringify(input.materials)}::jsonb, ${input.statement.trim()}, ${due.dueOn},
                  ${JSON.stringify({ ruleSet: assessment.ruleSet, workingDays: assessment.repairWorkingDays, calendar: 'chinese-days (State Council holidays and adjusted workdays)', step: due.step })}::jsonb, ${p.userId})
          returning id`,
    );
    await recordAudit(tx, actorOf(p), 'credit.repair.apply', 'repair_applications', Number(row!.id), null, {
      decisionId,
      receivedOn: today,
      dueOn: due.dueOn,
      materials: input.materials.map((m) => m.material),
    });
  });
  return getDecision(database, p, decisionId, today);
}

export interface RepairDecisionInput {
  outcome: 'approved' | 'rejected';
  reason?: string;
}

export async function decideRepair(
  database: Database,
  p: Principal,
  applicationId: number,
  input: RepairDecisionInput,
  today = todayShanghai(),
): Promise<DecisionDetail> {
  const decisionId = await database.db.transaction(async (tx) => {
    const [app] = await rowsOf<{ id: number; decision_id: number; state: string; due_on: string }>(
      tx,
      sql`select id, decision_id, state, due_on from repair_applications where id = ${applicationId} for update`,
    );
    if (!app) throw new AppError('not_found');
    const { summary, scope } = await loadDecision(tx, p, Number(app.decision_id), today);
    if (!isIssuingAgency(scope, summary)) throw new AppError('not_found');
    if (app.state !== 'pending')
      throw new AppError('conflict', { detail: { zh: '该申请已作出决定', en: 'This application is already decided' } });
    const reason = input.reason?.trim() ?? '';
    if (input.outcome === 'rejected' && reason.length < 2)
      throw invalid(problem('reason', '不予修复须说明理由', 'a rejection needs a reason'));
    await tx.execute(
      sql`update repair_applications set state = ${input.outcome}, decided_on = ${today}, reason = ${reason || null}, decided_by = ${p.userId} where id = ${applicationId}`,
    );
    await recordAudit(
      tx,
      actorOf(p),
      'credit.repair.decide',
      'repair_applications',
      applicationId,
      { state: 'pending' },
      { state: input.outcome, decidedOn: today, reason, overdue: today > app.due_on },
    );
    return Number(app.decision_id);
  });
  return getDecision(database, p, decisionId, today);
}

/** The records of one enterprise (its page): whoever may read credit records of it. */
export async function enterpriseCreditRecords(
  database: Database,
  p: Principal,
  enterpriseId: number,
  today = todayShanghai(),
): Promise<DecisionSummary[]> {
  const scope = await scopeOf(database.db, p);
  if (scope.kind === 'none') throw new AppError('not_found');
  const rows = await rowsOf<DecisionRow>(
    database.db,
    sql`select ${DECISION_COLUMNS} from ${DECISION_FROM} where d.enterprise_id = ${enterpriseId} and ${scopeSql(scope)} order by d.decision_date desc`,
  );
  return rows.map((r) => toSummary(r, today));
}

export type { Tx };
