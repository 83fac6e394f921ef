/**
 * 公示: the city publishes the cases it approved for N working days (policy parameter
 * fulfilment_notice_working_days; the day of publication not counted, see calendar.ts).
 * Objections are accepted while the notice is open and send the case back to city review.
 * `closeDueNotices(today)` closes every notice whose period ended and moves its unobjected cases
 * to finance review; it is idempotent and safe from several instances at once (each notice is
 * closed under its row lock, and a closed notice is skipped).
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../../db/client.ts';
import { arrayLiteral } from '../../db/bulk.ts';
import { AppError, Problems } from '../../shared/errors.ts';
import { isIsoDate, todayShanghai } from '../../shared/dates.ts';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit/service.ts';
import { canFileObjection, canManageNotices, canReadCase, type Principal } from '../access/principal.ts';
import { noticePeriodOn } from '../../../policy/jinan-quality-sme-measures/fulfilment.ts';
import { decide, itemNameZh } from './domain.ts';
import { noticeDue, noticeEndsOn, objectionsOpen } from './calendar.ts';
import { actorOf } from './service.ts';
import {
  SYSTEM_EVENT_ACTOR,
  casesNotReady,
  eventActorOf,
  factsOf,
  lockCase,
  lockCases,
  moveCases,
  notifyRole,
  ruleOrThrow,
} from './store.ts';

const CLAUSE_ZH: Record<string, string> = { '2': '第二条', '4': '第四条', '5': '第五条' };

export interface PublishRequest {
  title: string;
  caseIds: number[];
  /** Default: today (Asia/Shanghai). */
  publishedOn?: string | undefined;
}

export async function publishNotice(database: Database, p: Principal, req: PublishRequest, today = todayShanghai()) {
  if (!canManageNotices(p)) throw new AppError('forbidden');
  const publishedOn = req.publishedOn ?? today;
  const problems = new Problems();
  if (!req.title.trim() || req.title.length > 200)
    problems.add('title', '请填写公示标题（不超过200字）', 'a title is required (at most 200 characters)');
  if (req.caseIds.length === 0 || req.caseIds.length > 5000)
    problems.add('caseIds', '请选择1至5000件案件', 'choose 1 to 5000 cases');
  if (!isIsoDate(publishedOn)) problems.add('publishedOn', '日期格式应为YYYY-MM-DD', 'must be a date YYYY-MM-DD');
  else if (publishedOn < today)
    problems.add('publishedOn', '公示发布日期不能早于今天', 'a notice cannot be published in the past');
  problems.throwIfAny();
  const workingDays = noticePeriodOn(publishedOn);
  const endsOn = noticeEndsOn(publishedOn, workingDays);
  const rule = ruleOrThrow('city_publish');
  const noticeId = await database.db.transaction(async (tx) => {
    const rows = await lockCases(tx, req.caseIds);
    const missing = req.caseIds.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length)
      throw new AppError('not_found', {
        fields: missing.slice(0, 50).map((id) => ({ field: `caseIds[${id}]`, reason: { zh: '案件不存在', en: 'no such case' } })),
      });
    const notReady = rows.filter((r) => !decide(factsOf(r), rule.action, p).ok || r.entitlement_status !== 'owed');
    if (notReady.length)
      throw casesNotReady(notReady, {
        zh: '以下案件不处于市级审核状态，不能公示',
        en: 'These cases are not in city review and cannot be published',
      });
    const [n] = await rowsOf<{ id: number }>(
      tx,
      sql`insert into public_notices (title, published_on, working_days, ends_on, published_by, published_by_name)
          values (${req.title.trim()}, ${publishedOn}, ${workingDays}, ${endsOn}, ${p.userId}, ${p.username}) returning id`,
    );
    const id = Number(n!.id);
    const bases = rows.map(
      (r) => `${CLAUSE_ZH[r.clause] ?? `第${r.clause}条`} ${itemNameZh(r.item)} ${r.amount.toLocaleString('en-US')}元`,
    );
    await tx.execute(
      sql`insert into notice_items (notice_id, case_id, basis, amount)
          select ${id}, * from unnest(${arrayLiteral(rows.map((r) => r.id))}::bigint[], ${arrayLiteral(bases)}::text[], ${arrayLiteral(rows.map((r) => r.amount))}::bigint[])`,
    );
    await moveCases(tx, rows, rule.action, rule.to, eventActorOf(p), {
      reason: `公示：${req.title.trim()}（${publishedOn} 至 ${endsOn}）`,
    });
    await recordAudit(tx, actorOf(p), 'notice.publish', 'public_notice', id, null, {
      title: req.title.trim(),
      publishedOn,
      workingDays,
      endsOn,
      caseIds: rows.map((r) => r.id),
    });
    return id;
  });
  return getNotice(database, p, noticeId);
}

/** What a notice published on `publishedOn` would be: its length, last day and the rule in words (for the composer). */
export function noticePeriod(publishedOn: string, today = todayShanghai()) {
  const problems = new Problems();
  if (!isIsoDate(publishedOn)) problems.add('publishedOn', '日期格式应为YYYY-MM-DD', 'must be a date YYYY-MM-DD');
  else if (publishedOn < today)
    problems.add('publishedOn', '公示发布日期不能早于今天', 'a notice cannot be published in the past');
  problems.throwIfAny();
  const workingDays = noticePeriodOn(publishedOn);
  const endsOn = noticeEndsOn(publishedOn, workingDays);
  return { publishedOn, workingDays, endsOn, rule: periodRule(workingDays, publishedOn, endsOn) };
}

function periodRule(workingDays: number, publishedOn: string, endsOn: string) {
  return {
    zh: `公示期为发布之日后的 ${String(workingDays)} 个工作日（发布当日不计，按国务院节假日安排含调休），自 ${publishedOn} 起至 ${endsOn} 止；期内可提出异议。`,
    en: `The notice runs for ${String(workingDays)} working days after the day of publication (that day not counted; State Council holiday calendar incl. adjusted working days), from ${publishedOn} to ${endsOn}; objections are accepted within it.`,
  };
}

export interface ObjectionRequest {
  caseId: number;
  text: string;
}

/** Files an objection during the period; the case goes back to city review at once. */
export async function fileObjection(
  database: Database,
  p: Principal,
  noticeId: number,
  req: ObjectionRequest,
  today = todayShanghai(),
) {
  if (!canFileObjection(p)) throw new AppError('forbidden');
  const text = req.text.trim();
  if (text.length < 5 || text.length > 5000)
    throw new AppError('validation_failed', {
      fields: [{ field: 'text', reason: { zh: '异议内容应为5至5000字', en: 'the objection must be 5 to 5000 characters' } }],
    });
  const rule = ruleOrThrow('object');
  await closeDueNotices(database, today);
  return database.db.transaction(async (tx) => {
    const [n] = await rowsOf<{ id: number; status: string; published_on: string; ends_on: string }>(
      tx,
      sql`select id, status, published_on, ends_on from public_notices where id = ${noticeId} for share`,
    );
    if (!n) throw new AppError('not_found');
    if (n.status !== 'open' || !objectionsOpen(n.published_on, n.ends_on, today)) {
      throw new AppError('conflict', {
        detail: {
          zh: `公示期为 ${n.published_on} 至 ${n.ends_on}，现不在公示期内，不能提出异议`,
          en: `The notice runs from ${n.published_on} to ${n.ends_on}; objections are not accepted outside that period`,
        },
      });
    }
    const row = await lockCase(tx, req.caseId);
    const [item] = await rowsOf<{ outcome: string | null }>(
      tx,
      sql`select outcome from notice_items where notice_id = ${noticeId} and case_id = ${req.caseId}`,
    );
    if (!row || !item)
      throw new AppError('not_found', {
        fields: [{ field: 'caseId', reason: { zh: '该案件不在本次公示中', en: 'the case is not in this notice' } }],
      });
    const verdict = decide(factsOf(row), rule.action, p);
    if (!verdict.ok || item.outcome !== null)
      throw casesNotReady([row], { zh: '该案件已不在公示中', en: 'The case is no longer in this notice' });
    const [o] = await rowsOf<{ id: number }>(
      tx,
      sql`insert into objections (case_id, notice_id, filed_by, filed_by_name, text) values (${row.id}, ${noticeId}, ${p.userId}, ${p.displayName}, ${text}) returning id`,
    );
    await tx.execute(sql`update notice_items set outcome = 'objected' where notice_id = ${noticeId} and case_id = ${row.id}`);
    await moveCases(tx, [row], rule.action, rule.to, eventActorOf(p), { reason: text });
    await recordAudit(
      tx,
      actorOf(p),
      'notice.objection',
      'case',
      row.id,
      { state: row.state },
      { state: rule.to, noticeId, objectionId: Number(o!.id) },
    );
    return { id: Number(o!.id), caseId: row.id, noticeId, caseState: rule.to };
  });
}

/** The city records how an objection was resolved (the case itself is decided in city review). */
export async function resolveObjection(database: Database, p: Principal, objectionId: number, resolution: string) {
  if (!canManageNotices(p)) throw new AppError('forbidden');
  const text = resolution.trim();
  if (text.length < 2 || text.length > 5000)
    throw new AppError('validation_failed', {
      fields: [
        { field: 'resolution', reason: { zh: '请填写处理意见（2至5000字）', en: 'give the resolution (2 to 5000 characters)' } },
      ],
    });
  return database.db.transaction(async (tx) => {
    const [o] = await rowsOf<{ id: number; case_id: number; resolution: string | null }>(
      tx,
      sql`select id, case_id, resolution from objections where id = ${objectionId} for update`,
    );
    if (!o) throw new AppError('not_found');
    if (o.resolution !== null)
      throw new AppError('conflict', { detail: { zh: '该异议已处理', en: 'This objection was already resolved' } });
    await tx.execute(
      sql`update objections set resolution = ${text}, resolved_by = ${p.username}, resolved_at = now() where id = ${objectionId}`,
    );
    await recordAudit(tx, actorOf(p), 'objection.resolve', 'objection', objectionId, null, {
      resolution: text,
      caseId: Number(o.case_id),
    });
    return { id: objectionId, resolution: text };
  });
}

export interface CloseResult {
  closed: number;
  advanced: number;
}

/**
 * Closes the notices whose period ended before `today` and moves their cases on. Idempotent:
 * a second run (or a concurrent one on another instance) finds nothing left to do.
 */
export async function closeDueNotices(
  database: Database,
  today = todayShanghai(),
  actor: Actor = SYSTEM_ACTOR,
): Promise<CloseResult> {
  const due = await database.query<{ id: number; ends_on: string }>(
    `select id, ends_on from public_notices where status = 'open' and ends_on < $1 order by id`,
    [today],
  );
  const result: CloseResult = { closed: 0, advanced: 0 };
  const rule = ruleOrThrow('notice_pass');
  for (const d of due) {
    if (!noticeDue(d.ends_on, today)) continue;
    await database.db.transaction(async (tx) => {
      const [n] = await rowsOf<{ id: number }>(
        tx,
        sql`select id from public_notices where id = ${d.id} and status = 'open' for update`,
      );
      if (!n) return; // closed meanwhile by another request or instance
      const ids = await rowsOf<{ case_id: number }>(
        tx,
        sql`select case_id from notice_items where notice_id = ${d.id} and outcome is null`,
      );
      const rows = (
        await lockCases(
          tx,
          ids.map((i) => Number(i.case_id)),
        )
      ).filter((r) => r.state === 'in_notice');
      const passed = rows.map((r) => r.id);
      if (passed.length) {
        await tx.execute(
          sql`update notice_items set outcome = 'passed' where notice_id = ${d.id} and case_id = any(${arrayLiteral(passed)}::bigint[])`,
        );
        await moveCases(tx, rows, rule.action, rule.to, actor.id === null ? SYSTEM_EVENT_ACTOR : { ...actor, role: null }, {
          reason: `公示期满（${d.ends_on}）无异议`,
        });
      }
      await tx.execute(sql`update public_notices set status = 'closed', closed_at = now() where id = ${d.id}`);
      await recordAudit(
        tx,
        actor,
        'notice.close',
        'public_notice',
        d.id,
        { status: 'open' },
        { status: 'closed', advanced: passed.length, today },
      );
      if (passed.length) {
        await notifyRole(
          tx,
          'city_officer',
          null,
          {
            zh: `公示 ${d.id} 已期满，${passed.length} 件案件转财政审核`,
            en: `Notice ${d.id} ended; ${passed.length} cases moved to finance review`,
          },
          `/cases/notices/${d.id}`,
        );
      }
      result.closed++;
      result.advanced += passed.length;
    });
  }
  return result;
}

export async function listNotices(database: Database, p: Principal, f: { status?: string | undefined } = {}) {
  const rows = await database.query<Record<string, unknown>>(
    `select n.id, n.title, n.published_on as "publishedOn", n.working_days as "workingDays", n.ends_on as "endsOn", n.status,
            n.published_by_name as "publishedByName", n.closed_at as "closedAt",
            count(i.case_id)::int as "itemCount", coalesce(sum(i.amount), 0)::bigint as "totalAmount",
            (select count(*)::int from objections o where o.notice_id = n.id) as "objectionCount"
       from public_notices n left join notice_items i on i.notice_id = n.id
      where ($1::notice_status is null or n.status = $1::notice_status)
      group by n.id order by n.published_on desc, n.id desc limit 200`,
    [f.status ?? null],
  );
  // A 公示 is public: every signed-in business role may read it.
  if (p.role === 'admin' || p.role === 'bank_officer') return [];
  return rows.map((r) => ({ ...r, id: Number(r.id), totalAmount: Number(r.totalAmount) }));
}

export interface NoticeSummary {
  id: number;
  title: string;
  publishedOn: string;
  workingDays: number;
  endsOn: string;
  status: 'open' | 'closed';
  publishedByName: string;
  closedAt: string | null;
}

export async function getNotice(database: Database, p: Principal, noticeId: number) {
  if (p.role === 'admin' || p.role === 'bank_officer') throw new AppError('not_found');
  const [n] = await database.query<NoticeSummary>(
    `select id, title, published_on as "publishedOn", working_days as "workingDays", ends_on as "endsOn", status,
            published_by_name as "publishedByName", closed_at as "closedAt" from public_notices where id = $1`,
    [noticeId],
  );
  if (!n) throw new AppError('not_found');
  const items = await database.query<Record<string, unknown>>(
    `select i.case_id as "caseId", i.basis, i.amount, i.outcome, k.clause, k.item, k.unit_code as "unitCode",
            coalesce(e.name, c.name) as "beneficiaryName", coalesce(e.uscc, c.operator_uscc) as uscc
       from notice_items i join cases k on k.id = i.case_id left join enterprises e on e.id = k.enterprise_id left join carriers c on c.id = k.carrier_id
      where i.notice_id = $1 order by k.clause, k.unit_code, i.case_id`,
    [noticeId],
  );
  const objections = await database.query<Record<string, unknown> & { caseId: number }>(
    `select o.id, o.case_id as "caseId", o.filed_by_name as "filedByName", o.text, o.at, o.resolution, o.resolved_at as "resolvedAt"
       from objections o join cases k on k.id = o.case_id where o.notice_id = $1 order by o.at, o.id`,
    [noticeId],
  );
  // Objections (who objected, what they wrote) are for the officers of the case and the city.
  const visible = [];
  for (const o of objections) {
    const [row] = await database.query<{
      beneficiary_type: string;
      enterprise_id: number | null;
      carrier_id: number | null;
      unit_code: string;
    }>(`select beneficiary_type, enterprise_id, carrier_id, unit_code from cases where id = $1`, [o.caseId]);
    if (
      row &&
      p.role !== 'enterprise_user' &&
      p.role !== 'carrier_operator' &&
      canReadCase(p, {
        beneficiaryType: row.beneficiary_type,
        enterpriseId: row.enterprise_id === null ? null : Number(row.enterprise_id),
        carrierId: row.carrier_id === null ? null : Number(row.carrier_id),
        unitCode: row.unit_code,
      })
    )
      visible.push(o);
  }
  return {
    notice: { ...n, id: Number(n.id) },
    rule: periodRule(n.workingDays, String(n.publishedOn), String(n.endsOn)),
    items: items.map((i) => ({ ...i, caseId: Number(i.caseId), amount: Number(i.amount) })),
    objections: visible,
  };
}
