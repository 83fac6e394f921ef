/**
 * Cases: one per owed entitlement, moved through the state machine of domain.ts. Every change is
 * one transaction that locks the case (`select … for update`), checks the version the caller
 * saw, asks the domain, writes the case, an event, the notifications and the audit entry.
 * Two officers (or two app instances) acting on the same case at once: the second waits for the
 * lock, then finds a new version and gets `stale_version`.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Tx } from '../../db/client.ts';
import { arrayLiteral } from '../../db/bulk.ts';
import { AppError, invalid, problem } from '../../shared/errors.ts';
import { todayShanghai } from '../../shared/dates.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import { canReadCase, canSeeCaseReports, isCaseBeneficiary, type Principal } from '../access/principal.ts';
import { getEntitlement } from '../entitlements/service.ts';
import { overdueAfterDaysOn, trackOf } from '../../../policy/jinan-quality-sme-measures/fulfilment.ts';
import {
  CASE_STATES,
  STATE_LABELS,
  availableActions,
  checkInput,
  decide,
  maskAccount,
  ruleOf,
  waitingStatesFor,
  waitsFor,
  type CaseState,
  type TransitionInput,
} from './domain.ts';
import {
  entitlementNotOwed,
  eventActorOf,
  factsOf,
  lockCase,
  lockCases,
  moveCases,
  notifyBeneficiaries,
  readCase,
  staleVersion,
  wrongState,
  type CaseRow,
} from './store.ts';

export function actorOf(p: Principal): Actor {
  return { id: p.userId, name: p.username };
}

const UNPAID: CaseState[] = ['opened', 'district_review', 'city_review', 'in_notice', 'finance_review', 'in_batch', 'returned'];

// ---------- opening and cancelling (sync with the entitlements) ----------

export interface SyncResult {
  opened: number;
  cancelled: number;
}

/**
 * Opens a case for every owed, unpaid entitlement that has none (idempotent: `on conflict do
 * nothing` on the unique entitlement), and cancels the unpaid cases whose entitlement was
 * withdrawn (a revoked title stops unpaid rewards). Safe to run from any number of instances.
 */
export async function syncCases(
  database: Database,
  actor: Actor,
  opts: { fiscalYear?: number; today?: string } = {},
): Promise<SyncResult> {
  const today = opts.today ?? todayShanghai();
  const t2 = trackOf('2', today);
  const t4 = trackOf('4', today);
  const t5 = trackOf('5', today);
  const year = opts.fiscalYear ?? null;
  return database.db.transaction(async (tx) => {
    const opened = await rowsOf<{ id: number }>(
      tx,
      sql`with src as (
            select x.id, x.amount, x.fiscal_year, x.clause, x.item, x.beneficiary_type, x.enterprise_id, x.carrier_id,
                   coalesce(e.unit_code, c.unit_code) as unit_code
              from entitlements x left join enterprises e on e.id = x.enterprise_id left join carriers c on c.id = x.carrier_id
             where x.status = 'owed' and x.paid_at is null and x.amount > 0 and x.clause in ('2', '4', '5')
               and (${year}::int is null or x.fiscal_year = ${year}::int)
               and not exists (select 1 from cases k where k.entitlement_id = x.id)
             order by x.id),
          ins as (
            insert into cases (entitlement_id, track, amount, fiscal_year, clause, item, beneficiary_type, enterprise_id, carrier_id, unit_code)
            select id, (case clause when '2' then ${t2} when '4' then ${t4} else ${t5} end)::case_track, amount, fiscal_year, clause, item,
                   beneficiary_type, enterprise_id, carrier_id, unit_code from src
            on conflict (entitlement_id) do nothing
            returning id)
          insert into case_events (case_id, action, from_state, to_state, actor_id, actor_name)
          select id, 'open', null, 'opened', ${actor.id}, ${actor.name} from ins
          returning case_id as id`,
    );
    const openedIds = opened.map((r) => Number(r.id));
    await notifyBeneficiaries(tx, openedIds, (id) => ({
      zh: `您有一笔惠企资金待确认领取（案件 ${id}），请确认收款账户或提交材料`,
      en: `A grant waits for you (case ${id}): confirm your account or submit the application`,
    }));

    const cancelled = await cancelWithdrawn(tx, actor);
    if (openedIds.length + cancelled.length > 0) {
      await recordAudit(tx, actor, 'cases.sync', 'cases', year ?? 'all', null, {
        opened: openedIds.length,
        cancelled: cancelled.length,
        openedIds: openedIds.slice(0, 200),
        cancelledIds: cancelled.slice(0, 200),
      });
    }
    return { opened: openedIds.length, cancelled: cancelled.length };
  });
}

/** Cancels unpaid cases whose entitlement is no longer owed; takes them out of unpaid batches. */
async function cancelWithdrawn(tx: Tx, actor: Actor): Promise<number[]> {
  const candidates = await rowsOf<{ id: number; batch_id: number | null }>(
    tx,
    sql`select k.id, b.batch_id from cases k join entitlements x on x.id = k.entitlement_id left join batch_items b on b.case_id = k.id
         where x.status <> 'owed' and k.state = any(${arrayLiteral(UNPAID)}::case_state[])`,
  );
  if (candidates.length === 0) return [];
  // Same lock order as paying a batch: batches first, then cases.
  const batchIds = [...new Set(candidates.map((c) => c.batch_id).filter((b): b is number => b !== null))].map(Number);
  if (batchIds.length)
    await tx.execute(
      sql`select id from disbursement_batches where id = any(${arrayLiteral(batchIds)}::bigint[]) order by id for update`,
    );
  const rows = (
    await lockCases(
      tx,
      candidates.map((c) => Number(c.id)),
    )
  ).filter((r) => r.entitlement_status !== 'owed' && UNPAID.includes(r.state));
  const cancelled: number[] = [];
  for (const r of rows) {
    const reason = await rowsOf<{ zh: string | null }>(
      tx,
      sql`select string_agg(e->>'zh', '；') as zh from entitlements x, jsonb_array_elements(coalesce(x.status_reason, '[]'::jsonb)) e where x.id = ${r.entitlement_id}`,
    );
    const text = `资金资格已撤销：${reason[0]?.zh ?? '按现行登记数据已不再产生该项资金'}`;
    if (r.state === 'in_batch') await takeOutOfBatch(tx, r.id);
    await moveCases(tx, [r], 'cancel', 'cancelled', { id: actor.id, name: actor.name, role: null }, { reason: text });
    cancelled.push(r.id);
  }
  return cancelled;
}

/** Removes a case from its (unpaid) batch and recomputes the batch totals. */
export async function takeOutOfBatch(tx: Tx, caseId: number): Promise<void> {
  const [item] = await rowsOf<{ batch_id: number; state: string }>(
    tx,
    sql`delete from batch_items b using disbursement_batches d where b.case_id = ${caseId} and d.id = b.batch_id and d.state <> 'paid'
        returning b.batch_id, d.state`,
  );
  if (!item) return;
  await tx.execute(
    sql`update disbursement_batches d set item_count = s.n, total_amount = s.total, version = d.version + 1
          from (select count(*)::int as n, coalesce(sum(amount), 0)::bigint as total from batch_items where batch_id = ${item.batch_id}) s
         where d.id = ${item.batch_id}`,
  );
}

// ---------- one transition ----------

export interface TransitionRequest extends TransitionInput {
  action: string;
  version: number;
}

/** A direct transition (the buttons): confirm, submit, approve, return, reject, archive. */
export async function transitionCase(
  database: Database,
  p: Principal,
  caseId: number,
  req: TransitionRequest,
): Promise<CaseDetail> {
  const rule = ruleOf(req.action);
  if (!rule || rule.via !== 'direct') {
    throw invalid(
      problem(
        'action',
        rule ? `“${rule.label.zh}”须通过公示、异议或拨付批次办理` : `未知的操作“${req.action}”`,
        rule ? `"${rule.label.en}" is done through a notice, an objection or a batch` : `unknown action '${req.action}'`,
      ),
    );
  }
  const problems = checkInput(rule, req);
  if (problems.length) throw invalid(...problems);
  await database.db.transaction(async (tx) => {
    const row = await lockCase(tx, caseId);
    if (!row || !canReadCase(p, factsOf(row))) throw new AppError('not_found');
    if (row.version !== req.version) throw staleVersion(row, req.version);
    const verdict = decide(factsOf(row), rule.action, p);
    if (!verdict.ok) {
      if (verdict.why === 'not_permitted') throw new AppError('forbidden');
      if (verdict.why === 'wrong_track')
        throw new AppError('conflict', {
          detail: {
            zh: `案件 ${row.id} 为${row.track === 'no_application' ? '免申即享' : '申报'}方式，不能执行“${rule.label.zh}”`,
            en: `Case ${row.id} follows the ${row.track} track; "${rule.label.en}" does not apply`,
          },
        });
      throw wrongState(row, rule);
    }
    if (row.entitlement_status !== 'owed' || row.entitlement_paid_at !== null) {
      if (rule.action !== 'archive') throw entitlementNotOwed(row);
    }
    // Documents uploaded to the platform are referred to as doc:<id>; each must be one of this case's.
    const uploaded = (req.application?.documents ?? [])
      .map((d) => /^doc:(\d+)$/.exec(d.ref)?.[1])
      .filter((x): x is string => x !== undefined)
      .map(Number);
    if (uploaded.length) {
      const found = await rowsOf<{ id: number }>(
        tx,
        sql`select id from case_documents where case_id = ${caseId} and id = any(${arrayLiteral(uploaded)}::bigint[])`,
      );
      const missing = uploaded.filter((id) => !found.some((f) => Number(f.id) === id));
      if (missing.length)
        throw invalid(
          problem(
            'application.documents',
            `附件 doc:${missing.join('、doc:')} 不是本案件上传的材料`,
            `doc:${missing.join(', doc:')} is not a document uploaded to this case`,
          ),
        );
    }
    const reason = req.reason?.trim() || null;
    await moveCases(tx, [row], rule.action, verdict.to, eventActorOf(p), {
      reason,
      account: req.account ? { ...req.account, accountNo: req.account.accountNo.replace(/\s/g, '') } : null,
      application: req.application ?? null,
    });
    await recordAudit(
      tx,
      actorOf(p),
      `case.${rule.action}`,
      'case',
      row.id,
      { state: row.state, version: row.version },
      {
        state: verdict.to,
        version: row.version + 1,
        ...(reason ? { reason } : {}),
      },
    );
  });
  return getCase(database, p, caseId);
}

// ---------- reading ----------

export interface CaseDetail {
  case: Record<string, unknown>;
  actions: { action: string; label: { zh: string; en: string }; needs: readonly string[] }[];
  events: Record<string, unknown>[];
  notices: Record<string, unknown>[];
  objections: Record<string, unknown>[];
  batch: Record<string, unknown> | null;
  payment: Record<string, unknown> | null;
  entitlement: unknown;
}

function presentCase(r: CaseRow & { beneficiary_name?: string; unit_name?: string }, p: Principal) {
  const seesAccount = p.role === 'finance_officer' || isCaseBeneficiary(p, factsOf(r));
  return {
    id: r.id,
    entitlementId: r.entitlement_id,
    track: r.track,
    state: r.state,
    stateLabel: STATE_LABELS[r.state],
    version: r.version,
    amount: r.amount,
    fiscalYear: r.fiscal_year,
    clause: r.clause,
    item: r.item,
    beneficiaryType: r.beneficiary_type,
    beneficiaryId: Number(r.enterprise_id ?? r.carrier_id),
    beneficiaryName: r.beneficiary_name ?? null,
    unitCode: r.unit_code,
    unitName: r.unit_name ?? null,
    account: seesAccount ? r.account : maskAccount(r.account),
    application: r.application,
    lastReason: r.last_reason,
    stateSince: r.state_since,
    openedAt: r.opened_at,
  };
}

export async function getCase(database: Database, p: Principal, caseId: number): Promise<CaseDetail> {
  const row = await database.db.transaction(async (tx) => readCase(tx, caseId));
  if (!row || !canReadCase(p, factsOf(row))) throw new AppError('not_found');
  const [names] = await database.query<{ beneficiary_name: string; unit_name: string }>(
    `select coalesce(e.name, c.name) as beneficiary_name, u.name_zh as unit_name
       from cases k left join enterprises e on e.id = k.enterprise_id left join carriers c on c.id = k.carrier_id
       join units u on u.code = k.unit_code where k.id = $1`,
    [caseId],
  );
  const events = await database.query(
    `select id, action, from_state as "fromState", to_state as "toState", actor_name as "actorName", actor_role as "actorRole", reason, at
       from case_events where case_id = $1 order by at, id`,
    [caseId],
  );
  const notices = await database.query(
    `select n.id, n.title, n.published_on as "publishedOn", n.ends_on as "endsOn", n.working_days as "workingDays", n.status, i.basis, i.outcome
       from notice_items i join public_notices n on n.id = i.notice_id where i.case_id = $1 order by n.id`,
    [caseId],
  );
  const objections = await database.query(
    `select id, notice_id as "noticeId", filed_by_name as "filedByName", text, at, resolution, resolved_by as "resolvedBy", resolved_at as "resolvedAt"
       from objections where case_id = $1 order by at, id`,
    [caseId],
  );
  const [batch] = await database.query(
    `select d.id, d.title, d.state, d.version from batch_items b join disbursement_batches d on d.id = b.batch_id where b.case_id = $1`,
    [caseId],
  );
  const [payment] = await database.query(
    `select id, batch_id as "batchId", amount, paid_at as "paidAt", recorded_by as "recordedBy" from payments where case_id = $1`,
    [caseId],
  );
  let entitlement: unknown = null;
  try {
    // The explanation (trace) of the amount, with the entitlements module's own scoping.
    entitlement = await getEntitlement(database, p, row.entitlement_id);
  } catch (e) {
    if (!(e instanceof AppError && e.id === 'not_found')) throw e;
  }
  return {
    case: presentCase({ ...row, ...(names ?? {}) }, p),
    actions: availableActions(factsOf(row), p).map((r) => ({ action: r.action, label: r.label, needs: r.needs })),
    events,
    notices,
    objections,
    batch: batch ?? null,
    payment: payment ?? null,
    entitlement,
  };
}

/** The SQL condition for the cases a principal may see (k = cases). */
export function caseScope(p: Principal, params: unknown[]): string {
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  switch (p.role) {
    case 'city_officer':
    case 'finance_officer':
      return 'true';
    case 'district_officer':
      return p.unitCode ? `k.unit_code = ${add(p.unitCode)}` : 'false';
    case 'enterprise_user':
      return p.enterpriseId ? `k.enterprise_id = ${add(p.enterpriseId)}` : 'false';
    case 'carrier_operator':
      return p.carrierId ? `k.carrier_id = ${add(p.carrierId)}` : 'false';
    default:
      return 'false';
  }
}

export interface CaseFilters {
  state?: string | undefined;
  clause?: string | undefined;
  unitCode?: string | undefined;
  fiscalYear?: number | undefined;
  track?: string | undefined;
  q?: string | undefined;
  /** 'mine': only the states where this principal acts (their work queues); default: every case in scope. */
  queue?: 'mine' | 'all' | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export async function listCases(database: Database, p: Principal, f: CaseFilters) {
  const params: unknown[] = [];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = [caseScope(p, params)];
  if (f.state) where.push(`k.state = ${add(f.state)}::case_state`);
  else if (f.queue === 'mine') where.push(`k.state = any(${add(arrayLiteral(waitingStatesFor(p.role)))}::case_state[])`);
  if (f.clause) where.push(`k.clause = ${add(f.clause)}`);
  if (f.unitCode) where.push(`k.unit_code = ${add(f.unitCode)}`);
  if (f.fiscalYear) where.push(`k.fiscal_year = ${add(f.fiscalYear)}`);
  if (f.track) where.push(`k.track = ${add(f.track)}::case_track`);
  if (f.q?.trim())
    where.push(`coalesce(e.name, c.name) ilike ${add('%' + f.q.trim().replace(/[\\%_]/g, (m) => '\\' + m) + '%')}`);
  const w = where.join(' and ');
  const pageSize = Math.min(Math.max(f.pageSize ?? 20, 1), 200);
  const offset = (Math.max(f.page ?? 1, 1) - 1) * pageSize;
  const from = `from cases k left join enterprises e on e.id = k.enterprise_id left join carriers c on c.id = k.carrier_id`;
  const items = await database.query<Record<string, unknown>>(
    `select k.id, k.entitlement_id as "entitlementId", k.track, k.state, k.version, k.amount, k.fiscal_year as "fiscalYear", k.clause, k.item,
            k.beneficiary_type as "beneficiaryType", coalesce(k.enterprise_id, k.carrier_id) as "beneficiaryId",
            coalesce(e.name, c.name) as "beneficiaryName", k.unit_code as "unitCode", k.state_since as "stateSince", k.opened_at as "openedAt",
            floor(extract(epoch from now() - k.state_since) / 86400)::int as "ageDays"
       ${from} where ${w} order by k.state_since, k.id limit ${pageSize} offset ${offset}`,
    params,
  );
  const [sum] = await database.query<{ n: number; amount: number }>(
    `select count(*)::int as n, coalesce(sum(k.amount), 0)::bigint as amount ${from} where ${w}`,
    params,
  );
  const overdueAfterDays = overdueAfterDaysOn(todayShanghai());
  return {
    items: items.map((i) => ({
      ...i,
      id: Number(i.id),
      entitlementId: Number(i.entitlementId),
      beneficiaryId: Number(i.beneficiaryId),
      amount: Number(i.amount),
      stateLabel: STATE_LABELS[i.state as CaseState],
      waitsFor: waitsFor(i.state as CaseState),
      overdue: waitsFor(i.state as CaseState) !== null && Number(i.ageDays) > overdueAfterDays,
    })),
    total: sum?.n ?? 0,
    amount: Number(sum?.amount ?? 0),
    overdueAfterDays,
  };
}

/** What waits for this principal: per state where they act, the count, amount and ages (days). */
export async function workQueues(database: Database, p: Principal) {
  const states = waitingStatesFor(p.role);
  const params: unknown[] = [arrayLiteral(states)];
  const scope = caseScope(p, params);
  const overdueAfterDays = overdueAfterDaysOn(todayShanghai());
  params.push(overdueAfterDays);
  const overdueParam = `$${params.length}`;
  const rows = await database.query<{
    state: CaseState;
    count: number;
    amount: number;
    oldest: string;
    max_days: number;
    avg_days: number;
    overdue: number;
  }>(
    `select k.state, count(*)::int as count, sum(k.amount)::bigint as amount, min(k.state_since) as oldest,
            (count(*) filter (where extract(epoch from now() - k.state_since) / 86400 >= ${overdueParam}::int + 1))::int as overdue,
            floor(max(extract(epoch from now() - k.state_since)) / 86400)::int as max_days,
            round((avg(extract(epoch from now() - k.state_since)) / 86400)::numeric, 1)::float8 as avg_days
       from cases k where k.state = any($1::case_state[]) and ${scope} group by k.state`,
    params,
  );
  const byState = new Map(rows.map((r) => [r.state, r]));
  const queues = states.map((s) => {
    const r = byState.get(s);
    return {
      state: s,
      label: STATE_LABELS[s],
      count: r?.count ?? 0,
      amount: Number(r?.amount ?? 0),
      oldestSince: r?.oldest ?? null,
      maxAgeDays: r?.max_days ?? 0,
      avgAgeDays: r?.avg_days ?? 0,
      overdueCount: r?.overdue ?? 0,
    };
  });
  const extra: Record<string, unknown> = {};
  if (p.role === 'city_officer') {
    const [o] = await database.query<{ n: number }>(`select count(*)::int as n from objections where resolution is null`);
    const [n] = await database.query<{ n: number }>(`select count(*)::int as n from public_notices where status = 'open'`);
    extra.objectionsUnresolved = o?.n ?? 0;
    extra.noticesOpen = n?.n ?? 0;
  }
  if (p.role === 'finance_officer') {
    extra.batches = await database.query(
      `select state, count(*)::int as count, coalesce(sum(total_amount), 0)::bigint as amount from disbursement_batches where state <> 'paid' group by state order by state`,
    );
  }
  return { role: p.role, overdueAfterDays, queues, ...extra };
}

/** Cases and amounts by status, district, clause and month; time spent in each step. */
export async function caseReports(database: Database, p: Principal, f: { fiscalYear?: number | undefined } = {}) {
  if (!canSeeCaseReports(p)) throw new AppError('forbidden');
  const params: unknown[] = [];
  let where = caseScope(p, params);
  if (f.fiscalYear) {
    params.push(f.fiscalYear);
    where += ` and k.fiscal_year = $${params.length}`;
  }
  const q = <T>(text: string) => database.query<T>(text, params);
  const amounts = `count(*)::int as count, sum(k.amount)::bigint as amount,
                   coalesce(sum(k.amount) filter (where k.state in ('paid', 'archived')), 0)::bigint as "paidAmount"`;
  const byStatus = await q<{ state: CaseState; count: number; amount: number }>(
    `select k.state, count(*)::int as count, sum(k.amount)::bigint as amount from cases k where ${where} group by k.state`,
  );
  const byDistrict = await q<Record<string, unknown>>(
    `select k.unit_code as "unitCode", u.name_zh as "unitName", ${amounts} from cases k join units u on u.code = k.unit_code
      where ${where} group by k.unit_code, u.name_zh, u.sort order by u.sort, k.unit_code`,
  );
  const byClause = await q<Record<string, unknown>>(
    `select k.clause, k.item, ${amounts} from cases k where ${where} group by k.clause, k.item order by k.clause, k.item`,
  );
  const opened = await q<{ month: string; n: number; amount: number }>(
    `select to_char(k.opened_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*)::int as n, sum(k.amount)::bigint as amount
       from cases k where ${where} group by 1`,
  );
  const paid = await q<{ month: string; n: number; amount: number }>(
    `select to_char(y.paid_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*)::int as n, sum(y.amount)::bigint as amount
       from payments y join cases k on k.id = y.case_id where ${where} group by 1`,
  );
  const months = [...new Set([...opened, ...paid].map((m) => m.month))].sort();
  const byMonth = months.map((month) => {
    const o = opened.find((x) => x.month === month);
    const y = paid.find((x) => x.month === month);
    return {
      month,
      opened: o?.n ?? 0,
      openedAmount: Number(o?.amount ?? 0),
      paid: y?.n ?? 0,
      paidAmount: Number(y?.amount ?? 0),
    };
  });
  // Time in a step: from the event that entered it to the event that left it.
  const steps = await q<{ state: CaseState; count: number; avg_days: number; max_days: number }>(
    `with ev as (
       select e.case_id, e.to_state, e.at, lead(e.at) over (partition by e.case_id order by e.at, e.id) as left_at
         from case_events e join cases k on k.id = e.case_id where ${where})
     select to_state as state, count(*)::int as count,
            round((avg(extract(epoch from left_at - at)) / 86400)::numeric, 2)::float8 as avg_days,
            round((max(extract(epoch from left_at - at)) / 86400)::numeric, 2)::float8 as max_days
       from ev where left_at is not null group by to_state`,
  );
  const order = (s: CaseState) => CASE_STATES.indexOf(s);
  return {
    byStatus: byStatus
      .map((r) => ({ ...r, amount: Number(r.amount), label: STATE_LABELS[r.state] }))
      .sort((a, b) => order(a.state) - order(b.state)),
    byDistrict,
    byClause,
    byMonth,
    stepDurations: steps
      .map((s) => ({ state: s.state, label: STATE_LABELS[s.state], count: s.count, avgDays: s.avg_days, maxDays: s.max_days }))
      .sort((a, b) => order(a.state) - order(b.state)),
  };
}

// ---------- notifications ----------

export async function listNotifications(database: Database, p: Principal, opts: { unreadOnly?: boolean | undefined } = {}) {
  const rows = await database.query(
    `select id, text_zh as "textZh", text_en as "textEn", link, created_at as "createdAt", read_at as "readAt",
            case when user_id is null then 'team' else 'personal' end as kind
       from notifications
      where (user_id = $1 or (user_id is null and role = $2::role and (unit_code is null or unit_code = $3)))
        and ($4::boolean is not true or read_at is null)
      order by created_at desc, id desc limit 200`,
    [p.userId, p.role, p.unitCode, opts.unreadOnly ?? false],
  );
  return rows;
}

export async function markNotificationRead(database: Database, p: Principal, id: number): Promise<void> {
  const rows = await database.query(
    `update notifications set read_at = coalesce(read_at, now())
      where id = $1 and (user_id = $2 or (user_id is null and role = $3::role and (unit_code is null or unit_code = $4))) returning id`,
    [id, p.userId, p.role, p.unitCode],
  );
  if (rows.length === 0) throw new AppError('not_found');
}
