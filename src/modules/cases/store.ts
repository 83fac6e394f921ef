/**
 * The SQL the case services share: locking cases (always in id order, so two transactions never
 * wait on each other in a cycle), moving them with an event per transition, and writing the
 * notifications and outbox rows in the same transaction.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client.ts';
import { arrayLiteral } from '../../db/bulk.ts';
import { AppError, type Bilingual } from '../../shared/errors.ts';
import type { Principal } from '../access/principal.ts';
import { STATE_LABELS, ruleOf, waitsFor, type Account, type Application, type CaseFacts, type CaseState, type Rule, type Track } from './domain.ts';

export interface CaseRow {
  id: number;
  entitlement_id: number;
  track: Track;
  state: CaseState;
  version: number;
  amount: number;
  fiscal_year: number;
  clause: string;
  item: string;
  beneficiary_type: string;
  enterprise_id: number | null;
  carrier_id: number | null;
  unit_code: string;
  account: Account | null;
  application: Application | null;
  last_reason: string | null;
  state_since: string;
  opened_at: string;
  /** From the entitlement, read under the same lock. */
  entitlement_status: string;
  entitlement_paid_at: string | null;
}

export interface EventActor {
  id: number | null;
  name: string;
  role: string | null;
}

export const SYSTEM_EVENT_ACTOR: EventActor = { id: null, name: 'system', role: null };

export function eventActorOf(p: Principal): EventActor {
  return { id: p.userId, name: p.username, role: p.role };
}

export function factsOf(r: CaseRow): CaseFacts {
  return {
    state: r.state,
    track: r.track,
    beneficiaryType: r.beneficiary_type,
    enterpriseId: r.enterprise_id === null ? null : Number(r.enterprise_id),
    carrierId: r.carrier_id === null ? null : Number(r.carrier_id),
    unitCode: r.unit_code,
  };
}

const CASE_COLUMNS = sql`k.id, k.entitlement_id, k.track, k.state, k.version, k.amount, k.fiscal_year, k.clause, k.item, k.beneficiary_type,
  k.enterprise_id, k.carrier_id, k.unit_code, k.account, k.application, k.last_reason, k.state_since, k.opened_at,
  x.status as entitlement_status, x.paid_at as entitlement_paid_at`;

function normalise(r: CaseRow): CaseRow {
  return { ...r, id: Number(r.id), entitlement_id: Number(r.entitlement_id), amount: Number(r.amount), version: Number(r.version) };
}

/** Locks the cases (and their entitlements) in id order for the rest of the transaction. */
export async function lockCases(tx: Tx, ids: readonly number[]): Promise<CaseRow[]> {
  if (ids.length === 0) return [];
  const rows = await rowsOf<CaseRow>(
    tx,
    sql`select ${CASE_COLUMNS} from cases k join entitlements x on x.id = k.entitlement_id
         where k.id = any(${arrayLiteral([...new Set(ids)])}::bigint[]) order by k.id for update of k, x`,
  );
  return rows.map(normalise);
}

export async function lockCase(tx: Tx, id: number): Promise<CaseRow | undefined> {
  return (await lockCases(tx, [id]))[0];
}

/** Reads a case without locking (for the detail view). */
export async function readCase(tx: Tx, id: number): Promise<CaseRow | undefined> {
  const rows = await rowsOf<CaseRow>(tx, sql`select ${CASE_COLUMNS} from cases k join entitlements x on x.id = k.entitlement_id where k.id = ${id}`);
  return rows[0] ? normalise(rows[0]) : undefined;
}

export function staleVersion(r: CaseRow, expected: number): AppError {
  const label = STATE_LABELS[r.state];
  return new AppError('stale_version', {
    detail: {
      zh: `案件 ${r.id} 已被他人处理（您看到的是第 ${expected} 版，现为第 ${r.version} 版，当前状态：${label.zh}），请刷新后重试`,
      en: `Case ${r.id} was changed meanwhile (you had version ${expected}, it is now ${r.version}, state: ${label.en}); reload and try again`,
    },
  });
}

export function wrongState(r: CaseRow, rule: Rule): AppError {
  const label = STATE_LABELS[r.state];
  return new AppError('conflict', {
    detail: {
      zh: `案件 ${r.id} 当前状态为“${label.zh}”，不能执行“${rule.label.zh}”`,
      en: `Case ${r.id} is in state "${label.en}"; "${rule.label.en}" is not possible from there`,
    },
  });
}

export function entitlementNotOwed(r: CaseRow): AppError {
  return new AppError('conflict', {
    detail: {
      zh: `案件 ${r.id} 对应的资金资格已撤销或已拨付，不能继续办理`,
      en: `The entitlement of case ${r.id} was withdrawn or already paid; the case cannot go on`,
    },
  });
}

/** A conflict naming each case that is not where an operation needs it. */
export function casesNotReady(rows: { id: number; state: CaseState }[], what: Bilingual): AppError {
  const list = rows.slice(0, 50);
  return new AppError('conflict', {
    detail: {
      zh: `${what.zh}：${list.map((r) => `案件 ${r.id}（${STATE_LABELS[r.state].zh}）`).join('、')}${rows.length > 50 ? ' 等' : ''}`,
      en: `${what.en}: ${list.map((r) => `case ${r.id} (${STATE_LABELS[r.state].en})`).join(', ')}${rows.length > 50 ? ' …' : ''}`,
    },
    fields: list.map((r) => ({ field: `caseIds[${r.id}]`, reason: { zh: `当前状态：${STATE_LABELS[r.state].zh}`, en: `state: ${STATE_LABELS[r.state].en}` } })),
  });
}

export interface MoveExtra {
  reason?: string | null;
  account?: Account | null;
  application?: Application | null;
}

/**
 * Moves locked cases to `to` by `action`, checking each is still at its locked version, and
 * writes one event per case. Returns the ids moved. Callers have checked the rule.
 */
export async function moveCases(tx: Tx, rows: CaseRow[], action: string, to: CaseState, actor: EventActor, extra: MoveExtra = {}): Promise<number[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const versions = rows.map((r) => r.version);
  const moved = await rowsOf<{ id: number }>(
    tx,
    sql`with v as (select * from unnest(${arrayLiteral(ids)}::bigint[], ${arrayLiteral(versions)}::int[]) as v(id, version)),
         old as (select k.id, k.state from cases k join v on v.id = k.id and v.version = k.version),
         moved as (
           update cases k set state = ${to}::case_state, version = k.version + 1, state_since = now(), updated_at = now(),
                  last_reason = coalesce(${extra.reason ?? null}, k.last_reason),
                  account = coalesce(${extra.account ? JSON.stringify(extra.account) : null}::jsonb, k.account),
                  application = coalesce(${extra.application ? JSON.stringify(extra.application) : null}::jsonb, k.application)
             from old where k.id = old.id
           returning k.id, old.state as from_state)
       insert into case_events (case_id, action, from_state, to_state, actor_id, actor_name, actor_role, reason)
       select id, ${action}, from_state, ${to}::case_state, ${actor.id}, ${actor.name}, ${actor.role}, ${extra.reason ?? null} from moved
       returning case_id as id`,
  );
  if (moved.length !== rows.length) {
    // Cannot happen while the rows are locked; if it does, nothing of this transaction stays.
    throw new AppError('stale_version');
  }
  await notifyWaiting(tx, rows, to);
  return moved.map((m) => Number(m.id));
}

// ---------- notifications and outbox ----------

export async function notifyRole(tx: Tx, role: string, unitCode: string | null, text: Bilingual, link: string): Promise<void> {
  await tx.execute(
    sql`insert into notifications (role, unit_code, text_zh, text_en, link) values (${role}::role, ${unitCode}, ${text.zh}, ${text.en}, ${link})`,
  );
  await tx.execute(
    sql`insert into outbox (channel, payload) values ('email', ${JSON.stringify({ to: { role, unitCode }, subject: text.zh, text, link })}::jsonb)`,
  );
}

/** The users of the beneficiary enterprises or carriers of the cases, one message each, and an SMS each. */
export async function notifyBeneficiaries(tx: Tx, caseIds: number[], text: (caseId: number) => Bilingual): Promise<void> {
  if (caseIds.length === 0) return;
  const users = await rowsOf<{ user_id: number; case_id: number }>(
    tx,
    sql`select u.id as user_id, k.id as case_id from cases k
          join users u on (k.enterprise_id is not null and u.enterprise_id = k.enterprise_id and u.role = 'enterprise_user')
                       or (k.carrier_id is not null and u.carrier_id = k.carrier_id and u.role = 'carrier_operator')
         where k.id = any(${arrayLiteral(caseIds)}::bigint[])`,
  );
  for (const u of users) {
    const t = text(Number(u.case_id));
    const link = `/cases/${u.case_id}`;
    await tx.execute(sql`insert into notifications (user_id, text_zh, text_en, link) values (${u.user_id}, ${t.zh}, ${t.en}, ${link})`);
    await tx.execute(sql`insert into outbox (channel, payload) values ('sms', ${JSON.stringify({ to: { userId: Number(u.user_id) }, text: t, link })}::jsonb)`);
  }
}

/** "A case waits for you": one message to whoever acts next (grouped per unit for officers). */
export async function notifyWaiting(tx: Tx, rows: CaseRow[], to: CaseState): Promise<void> {
  const who = waitsFor(to);
  if (!who) return;
  const label = STATE_LABELS[to];
  if (who === 'beneficiary') {
    await notifyBeneficiaries(tx, rows.map((r) => r.id), (id) => ({
      zh: `您的资金兑现案件 ${id} 待您办理（${label.zh}）`,
      en: `Your case ${id} waits for you (${label.en})`,
    }));
    return;
  }
  const role = who === 'district_officer' ? 'district_officer' : who === 'city_officer' ? 'city_officer' : 'finance_officer';
  const byUnit = new Map<string | null, number[]>();
  for (const r of rows) {
    const unit = who === 'district_officer' ? r.unit_code : null;
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), r.id]);
  }
  for (const [unit, ids] of byUnit) {
    const text =
      ids.length === 1
        ? { zh: `案件 ${ids[0]} 待您审核（${label.zh}）`, en: `Case ${ids[0]} waits for your review (${label.en})` }
        : { zh: `${ids.length} 件案件待您审核（${label.zh}）`, en: `${ids.length} cases wait for your review (${label.en})` };
    await notifyRole(tx, role, unit, text, ids.length === 1 ? `/cases/${ids[0]}` : `/cases?state=${to}`);
  }
}

export function ruleOrThrow(action: string): Rule {
  const r = ruleOf(action);
  if (!r) throw new Error(`unknown action ${action}`);
  return r;
}
