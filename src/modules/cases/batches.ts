/**
 * Disbursement batches (拨付批次): the finance bureau gathers cases in finance review into a
 * draft batch, approves it, and records it paid. Paying is ONE transaction: the payments, the
 * entitlements' `paid_at`, the cases and the batch change together or not at all, so a process
 * killed halfway leaves nothing paid, and running it again pays each case exactly once. The
 * unique keys on payments (case, entitlement) and batch_items (case) hold even if code is wrong.
 *
 * Lock order everywhere: the batch row, then the cases in id order (see store.ts).
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Tx } from '../../db/client.ts';
import { arrayLiteral } from '../../db/bulk.ts';
import { AppError, Problems } from '../../shared/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { canManageBatches, type Principal } from '../access/principal.ts';
import { decide, maskAccount } from './domain.ts';
import { actorOf, getCase, takeOutOfBatch } from './service.ts';
import { casesNotReady, eventActorOf, factsOf, lockCases, moveCases, notifyBeneficiaries, ruleOrThrow } from './store.ts';

interface BatchRow {
  id: number;
  title: string;
  state: 'draft' | 'approved' | 'paid';
  version: number;
  item_count: number;
  total_amount: number;
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === '23505' || err?.cause?.code === '23505';
}

async function lockBatch(tx: Tx, id: number): Promise<BatchRow | undefined> {
  const [b] = await rowsOf<BatchRow>(tx, sql`select id, title, state, version, item_count, total_amount from disbursement_batches where id = ${id} for update`);
  return b ? { ...b, id: Number(b.id), version: Number(b.version), total_amount: Number(b.total_amount) } : undefined;
}

function batchStale(b: BatchRow, expected: number): AppError {
  const zh = { draft: '草稿', approved: '已审批', paid: '已拨付' }[b.state];
  return new AppError('stale_version', {
    detail: {
      zh: `拨付批次 ${b.id} 已被他人处理（您看到的是第 ${expected} 版，现为第 ${b.version} 版，状态：${zh}），请刷新后重试`,
      en: `Batch ${b.id} was changed meanwhile (you had version ${expected}, it is now ${b.version}, state: ${b.state}); reload and try again`,
    },
  });
}

function batchWrongState(b: BatchRow, wanted: string, what: { zh: string; en: string }): AppError {
  const zh = { draft: '草稿', approved: '已审批', paid: '已拨付' }[b.state];
  return new AppError('conflict', {
    detail: {
      zh: `拨付批次 ${b.id} 状态为“${zh}”，不能${what.zh}${b.state === 'paid' ? '（该批次已拨付，不会重复拨付）' : ''}`,
      en: `Batch ${b.id} is ${b.state}, not ${wanted}; cannot ${what.en}${b.state === 'paid' ? ' (it was paid already and is never paid twice)' : ''}`,
    },
  });
}

export async function createBatch(database: Database, p: Principal, req: { title: string; caseIds: number[] }) {
  if (!canManageBatches(p)) throw new AppError('forbidden');
  const problems = new Problems();
  if (!req.title.trim() || req.title.length > 200) problems.add('title', '请填写批次名称（不超过200字）', 'a title is required (at most 200 characters)');
  if (req.caseIds.length === 0 || req.caseIds.length > 5000) problems.add('caseIds', '请选择1至5000件案件', 'choose 1 to 5000 cases');
  problems.throwIfAny();
  const rule = ruleOrThrow('batch_add');
  try {
    const id = await database.db.transaction(async (tx) => {
      const rows = await lockCases(tx, req.caseIds);
      const missing = req.caseIds.filter((id) => !rows.some((r) => r.id === id));
      if (missing.length) throw new AppError('not_found', { fields: missing.slice(0, 50).map((id) => ({ field: `caseIds[${id}]`, reason: { zh: '案件不存在', en: 'no such case' } })) });
      const notReady = rows.filter((r) => !decide(factsOf(r), rule.action, p).ok || r.entitlement_status !== 'owed' || r.entitlement_paid_at !== null);
      if (notReady.length) throw casesNotReady(notReady, { zh: '以下案件不处于财政审核状态，不能列入批次', en: 'These cases are not in finance review and cannot be put in a batch' });
      const total = rows.reduce((a, r) => a + r.amount, 0);
      const [b] = await rowsOf<{ id: number }>(
        tx,
        sql`insert into disbursement_batches (title, created_by, item_count, total_amount) values (${req.title.trim()}, ${p.username}, ${rows.length}, ${total}) returning id`,
      );
      const batchId = Number(b!.id);
      await tx.execute(
        sql`insert into batch_items (batch_id, case_id, amount)
            select ${batchId}, * from unnest(${arrayLiteral(rows.map((r) => r.id))}::bigint[], ${arrayLiteral(rows.map((r) => r.amount))}::bigint[])`,
      );
      await moveCases(tx, rows, rule.action, rule.to, eventActorOf(p), { reason: `列入拨付批次 ${batchId}` });
      await recordAudit(tx, actorOf(p), 'batch.create', 'disbursement_batch', batchId, null, { title: req.title.trim(), itemCount: rows.length, totalAmount: total, caseIds: rows.map((r) => r.id) });
      return batchId;
    });
    return getBatch(database, p, id);
  } catch (e) {
    // The unique key on batch_items(case_id) is the last word on "one batch per case".
    if (isUniqueViolation(e)) throw new AppError('conflict', { detail: { zh: '部分案件已在其他批次中', en: 'Some cases are already in another batch' } });
    throw e;
  }
}

/** Takes a case out of a draft batch; it returns to finance review. */
export async function removeFromBatch(database: Database, p: Principal, batchId: number, req: { caseId: number; version: number }) {
  if (!canManageBatches(p)) throw new AppError('forbidden');
  const rule = ruleOrThrow('batch_remove');
  await database.db.transaction(async (tx) => {
    const b = await lockBatch(tx, batchId);
    if (!b) throw new AppError('not_found');
    if (b.version !== req.version) throw batchStale(b, req.version);
    if (b.state !== 'draft') throw batchWrongState(b, 'draft', { zh: '移出案件', en: 'remove a case' });
    const [row] = await lockCases(tx, [req.caseId]);
    const [item] = await rowsOf(tx, sql`select 1 from batch_items where batch_id = ${batchId} and case_id = ${req.caseId}`);
    if (!row || !item) throw new AppError('not_found', { fields: [{ field: 'caseId', reason: { zh: '该案件不在本批次中', en: 'the case is not in this batch' } }] });
    if (!decide(factsOf(row), rule.action, p).ok) throw casesNotReady([row], { zh: '该案件不能移出', en: 'The case cannot be removed' });
    await takeOutOfBatch(tx, row.id);
    await moveCases(tx, [row], rule.action, rule.to, eventActorOf(p), { reason: `移出拨付批次 ${batchId}` });
    await recordAudit(tx, actorOf(p), 'batch.remove', 'disbursement_batch', batchId, null, { caseId: row.id });
  });
  return getBatch(database, p, batchId);
}

export async function approveBatch(database: Database, p: Principal, batchId: number, req: { version: number }) {
  if (!canManageBatches(p)) throw new AppError('forbidden');
  await database.db.transaction(async (tx) => {
    const b = await lockBatch(tx, batchId);
    if (!b) throw new AppError('not_found');
    if (b.version !== req.version) throw batchStale(b, req.version);
    if (b.state !== 'draft') throw batchWrongState(b, 'draft', { zh: '审批', en: 'approve it' });
    if (b.item_count === 0) throw new AppError('conflict', { detail: { zh: '批次为空，不能审批', en: 'The batch is empty' } });
    await tx.execute(sql`update disbursement_batches set state = 'approved', approved_by = ${p.username}, approved_at = now(), version = version + 1 where id = ${batchId}`);
    await recordAudit(tx, actorOf(p), 'batch.approve', 'disbursement_batch', batchId, { state: 'draft' }, { state: 'approved', totalAmount: b.total_amount });
  });
  return getBatch(database, p, batchId);
}

export interface PayOptions {
  /** Payments are written this many at a time (default 500). */
  chunkSize?: number;
  /** Test-only: runs after each chunk inside the transaction; throwing simulates a crash halfway. */
  afterChunk?: (paidSoFar: number, total: number) => void | Promise<void>;
}

/**
 * Records an approved batch as paid: payments, entitlements.paid_at, cases → paid, batch → paid,
 * in one transaction. A batch that is already paid is refused with `conflict` (never paid twice).
 */
export async function payBatch(database: Database, p: Principal, batchId: number, req: { version: number }, opts: PayOptions = {}) {
  if (!canManageBatches(p)) throw new AppError('forbidden');
  const rule = ruleOrThrow('pay');
  const chunk = Math.max(1, opts.chunkSize ?? 500);
  await database.db.transaction(async (tx) => {
    const b = await lockBatch(tx, batchId);
    if (!b) throw new AppError('not_found');
    if (b.version !== req.version) throw batchStale(b, req.version);
    if (b.state !== 'approved') throw batchWrongState(b, 'approved', { zh: '登记拨付', en: 'record it paid' });
    const items = await rowsOf<{ case_id: number; amount: number }>(tx, sql`select case_id, amount from batch_items where batch_id = ${batchId} order by case_id`);
    const rows = await lockCases(tx, items.map((i) => Number(i.case_id)));
    const notReady = rows.filter((r) => !decide(factsOf(r), rule.action, p).ok || r.entitlement_status !== 'owed' || r.entitlement_paid_at !== null);
    if (notReady.length || rows.length !== items.length) {
      throw casesNotReady(notReady, { zh: '以下案件已不能拨付（资格撤销或状态变化），请先移出批次', en: 'These cases can no longer be paid (withdrawn or changed); take them out of the batch first' });
    }
    const paidAt = new Date().toISOString();
    let done = 0;
    for (let i = 0; i < rows.length; i += chunk) {
      const part = rows.slice(i, i + chunk);
      const ids = arrayLiteral(part.map((r) => r.id));
      await tx.execute(
        sql`insert into payments (case_id, entitlement_id, batch_id, amount, paid_at, recorded_by)
            select k.id, k.entitlement_id, ${batchId}, b.amount, ${paidAt}::timestamptz, ${p.username}
              from cases k join batch_items b on b.case_id = k.id and b.batch_id = ${batchId}
             where k.id = any(${ids}::bigint[])`,
      );
      await tx.execute(
        sql`update entitlements x set paid_at = ${paidAt}::timestamptz, updated_at = now()
              from cases k where k.entitlement_id = x.id and k.id = any(${ids}::bigint[]) and x.paid_at is null`,
      );
      await moveCases(tx, part, rule.action, rule.to, eventActorOf(p), { reason: `拨付批次 ${batchId}` });
      done += part.length;
      if (opts.afterChunk) await opts.afterChunk(done, rows.length);
    }
    const [check] = await rowsOf<{ n: number; total: number }>(tx, sql`select count(*)::int as n, coalesce(sum(amount), 0)::bigint as total from payments where batch_id = ${batchId}`);
    if (check!.n !== b.item_count || Number(check!.total) !== b.total_amount) {
      throw new AppError('conflict', { detail: { zh: '拨付金额与批次合计不符，已全部撤回', en: 'Payments do not add up to the batch total; nothing was recorded' } });
    }
    await tx.execute(sql`update disbursement_batches set state = 'paid', paid_by = ${p.username}, paid_at = ${paidAt}::timestamptz, version = version + 1 where id = ${batchId}`);
    await notifyBeneficiaries(tx, rows.map((r) => r.id), (id) => ({ zh: `案件 ${id} 的资金已拨付`, en: `The money of case ${id} was paid` }));
    await recordAudit(tx, actorOf(p), 'batch.pay', 'disbursement_batch', batchId, { state: 'approved' }, { state: 'paid', paidAt, itemCount: rows.length, totalAmount: b.total_amount, caseIds: rows.map((r) => r.id).slice(0, 500) });
  });
  return getBatch(database, p, batchId);
}

export async function listBatches(database: Database, p: Principal, f: { state?: string | undefined } = {}) {
  if (!canManageBatches(p) && p.role !== 'city_officer') throw new AppError('forbidden');
  const rows = await database.query<Record<string, unknown>>(
    `select id, title, state, version, item_count as "itemCount", total_amount as "totalAmount", created_by as "createdBy", created_at as "createdAt",
            approved_by as "approvedBy", approved_at as "approvedAt", paid_by as "paidBy", paid_at as "paidAt"
       from disbursement_batches where ($1::batch_state is null or state = $1::batch_state) order by id desc limit 200`,
    [f.state ?? null],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), totalAmount: Number(r.totalAmount) }));
}

export interface BatchLine {
  caseId: number;
  amount: number;
  clause: string;
  item: string;
  fiscalYear: number;
  beneficiaryType: string;
  beneficiaryName: string;
  uscc: string | null;
  unitCode: string;
  unitName: string;
  account: { accountName: string; bankName: string; accountNo: string } | null;
  state: string;
  paidAt: string | null;
  noticeTitle: string | null;
  noticePeriod: string | null;
}

export interface BatchSummary {
  id: number;
  title: string;
  state: 'draft' | 'approved' | 'paid';
  version: number;
  itemCount: number;
  totalAmount: number;
  createdBy: string;
  createdAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  paidBy: string | null;
  paidAt: string | null;
}

export async function getBatch(database: Database, p: Principal, batchId: number): Promise<{ batch: BatchSummary; items: BatchLine[] }> {
  if (!canManageBatches(p) && p.role !== 'city_officer') throw new AppError('not_found');
  const [b] = await database.query<BatchSummary>(
    `select id, title, state, version, item_count as "itemCount", total_amount as "totalAmount", created_by as "createdBy", created_at as "createdAt",
            approved_by as "approvedBy", approved_at as "approvedAt", paid_by as "paidBy", paid_at as "paidAt"
       from disbursement_batches where id = $1`,
    [batchId],
  );
  if (!b) throw new AppError('not_found');
  const lines = await batchLines(database, batchId);
  return {
    batch: { ...b, id: Number(b.id), totalAmount: Number(b.totalAmount) },
    items: lines.map((l) => ({ ...l, account: canManageBatches(p) ? l.account : maskAccount(l.account) })),
  };
}

/** The lines of a batch (or the line of one case), unscoped: callers authorise first. */
async function batchLines(database: Database, batchId: number, caseId: number | null = null): Promise<BatchLine[]> {
  const lines = await database.query<BatchLine>(
    `select k.id as "caseId", b.amount, k.clause, k.item, k.fiscal_year as "fiscalYear", k.beneficiary_type as "beneficiaryType",
            coalesce(e.name, c.name) as "beneficiaryName", coalesce(e.uscc, c.operator_uscc) as uscc, k.unit_code as "unitCode", u.name_zh as "unitName",
            k.account, k.state, y.paid_at as "paidAt",
            (select n.title from notice_items i join public_notices n on n.id = i.notice_id where i.case_id = k.id and i.outcome = 'passed' order by n.id desc limit 1) as "noticeTitle",
            (select n.published_on || ' 至 ' || n.ends_on from notice_items i join public_notices n on n.id = i.notice_id where i.case_id = k.id and i.outcome = 'passed' order by n.id desc limit 1) as "noticePeriod"
       from batch_items b join cases k on k.id = b.case_id join units u on u.code = k.unit_code
       left join enterprises e on e.id = k.enterprise_id left join carriers c on c.id = k.carrier_id
       left join payments y on y.case_id = k.id
      where b.batch_id = $1 and ($2::bigint is null or k.id = $2::bigint) order by k.unit_code, k.clause, k.id`,
    [batchId, caseId],
  );
  return lines.map((l) => ({ ...l, caseId: Number(l.caseId), amount: Number(l.amount) }));
}

/**
 * The payment-notice line of one case, for whoever may read the case (getCase authorises); the
 * account is shown as getCase shows it (full to the beneficiary and finance, masked to others).
 */
export async function paymentNoticeLine(database: Database, p: Principal, caseId: number): Promise<{ line: BatchLine; paidAt: string | null }> {
  const d = await getCase(database, p, caseId);
  if (!d.batch) throw new AppError('conflict', { detail: { zh: '案件尚未列入拨付批次', en: 'The case is not in a disbursement batch yet' } });
  const [line] = await batchLines(database, Number(d.batch.id), caseId);
  if (!line) throw new AppError('not_found');
  return { line: { ...line, account: d.case.account as BatchLine['account'] }, paidAt: (d.payment?.paidAt as string | undefined) ?? null };
}
