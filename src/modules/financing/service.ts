/**
 * Financing service: the key-service list (重点服务名单) computed when read, consent history,
 * demands, responses, loans, products and statistics. Every read is narrowed here (with the rules
 * of access/principal.ts); every change is one transaction with its audit entry.
 *
 * What an institution (role bank_officer) sees of an enterprise is decided by ONE query fragment,
 * `keyListMembers`: the enterprise's latest consent row is a grant AND it holds a title of the
 * clause-3 kinds in force today. Everything an institution reads about enterprises (the list, the
 * demand inbox, a demand, its loans) joins that fragment, so a withdrawal, an expiry or a
 * revocation takes effect on the next read, everywhere.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Database, type DbOrTx } from '../../db/client.ts';
import { arrayLiteral } from '../../db/bulk.ts';
import { AppError, invalid, problem } from '../../shared/errors.ts';
import { todayShanghai } from '../../shared/dates.ts';
import { valueAt } from '../../../policy/core/parameter.ts';
import {
  clause3GreenChannelWorkingDays,
  clause3KeyListExcludedCreditSeverities,
  clause3KeyListTitleKinds,
} from '../../../policy/jinan-quality-sme-measures/clause-03-financing.ts';
import { TITLE_KIND_IDS } from '../registry/reference.ts';
import { noticeEndsOn } from '../cases/calendar.ts';
import { recordCountsOn } from '../credit/standing.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import {
  NO_PLEDGE_ITEMS,
  activePledgeConflict,
  checkPledgeItems,
  insertPledges,
  isActivePledgeClash,
  pledgeableItems,
  type PledgeableItem,
} from '../ip/pledges.ts';
import {
  canActForEnterprise,
  canRecordLoans,
  financingOversight,
  isInstitutionUser,
  type Principal,
} from '../access/principal.ts';
import {
  FIELD_LABELS,
  SHAREABLE_FIELDS,
  checkConsentFields,
  checkDemand,
  checkLoan,
  checkProduct,
  checkResponse,
  greenChannel,
  productFits,
  projectShared,
  type DemandInput,
  type InstitutionKind,
  type ListedEnterpriseFacts,
  type LoanInput,
  type ProductInput,
  type ResponseInput,
  type SharedView,
} from './domain.ts';

const actorOf = (p: Principal): Actor => ({ id: p.userId, name: p.username });

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } } | null;
  return err?.code === '23505' || err?.cause?.code === '23505';
}

// ---------- who is asking ----------

export interface Institution {
  id: number;
  kind: InstitutionKind;
  name: string;
  shortName: string;
}

export async function institutionOf(db: DbOrTx, p: Principal): Promise<Institution | null> {
  if (p.role !== 'bank_officer') return null;
  const [row] = await rowsOf<{ id: number; kind: InstitutionKind; name: string; short_name: string }>(
    db,
    sql`select f.id, f.kind, f.name, f.short_name from institution_members m join financial_institutions f on f.id = m.institution_id where m.user_id = ${p.userId}`,
  );
  return row ? { id: Number(row.id), kind: row.kind, name: row.name, shortName: row.short_name } : null;
}

/** The viewer of financing data: an institution, an enterprise, an overseeing officer, or nobody. */
type Viewer =
  | { kind: 'institution'; institution: Institution }
  | { kind: 'enterprise'; enterpriseId: number }
  | { kind: 'officer'; unitCode: string | null }
  | { kind: 'none' };

async function viewerOf(db: DbOrTx, p: Principal): Promise<Viewer> {
  if (p.role === 'bank_officer') {
    const inst = await institutionOf(db, p);
    return isInstitutionUser(p, inst?.id ?? null) && inst ? { kind: 'institution', institution: inst } : { kind: 'none' };
  }
  if (p.role === 'enterprise_user' && p.enterpriseId !== null) return { kind: 'enterprise', enterpriseId: p.enterpriseId };
  const o = financingOversight(p);
  if (o) return { kind: 'officer', unitCode: o.kind === 'unit' ? o.unitCode : null };
  return { kind: 'none' };
}

/** What the financing page should show the signed-in user, and for which institution. */
export async function financingViewer(
  database: Database,
  p: Principal,
): Promise<{ viewer: Viewer['kind']; institution: Institution | null }> {
  const v = await viewerOf(database.db, p);
  return { viewer: v.kind, institution: v.kind === 'institution' ? v.institution : null };
}

// ---------- the key-service list: one fragment ----------

function keyListKinds(today: string): readonly string[] {
  return valueAt(clause3KeyListTitleKinds, today)?.value ?? [];
}

/**
 * The enterprises on the key-service list on `today`, with the fields they share and since when:
 * `select enterprise_id, fields, consent_since`. Computed, never copied.
 *
 * Credit events: a publicised, unrepaired penalty record of a class named by
 * `clause_3_key_list_excluded_credit_severities` takes the enterprise off the list while it counts
 * (`recordCountsOn`, shared with `creditStanding`); an approved repair puts it back.
 */
export function keyListMembers(today: string): SQL {
  const kinds = arrayLiteral([...keyListKinds(today)]);
  const excluded = valueAt(clause3KeyListExcludedCreditSeverities, today)?.value ?? [];
  return sql`select c.enterprise_id, c.fields, c.at as consent_since
      from financing_consents c
     where c.action = 'grant'
       and not exists (select 1 from financing_consents n where n.enterprise_id = c.enterprise_id and n.seq > c.seq)
       and exists (select 1 from titles t
                    where t.enterprise_id = c.enterprise_id and t.kind::text = any(${kinds}::text[])
                      and t.recognised_on <= ${today}::date and (t.valid_until is null or t.valid_until >= ${today}::date)
                      and (t.revoked_on is null or t.revoked_on > ${today}::date))
       and not exists (select 1 from penalty_decisions d
                        where d.enterprise_id = c.enterprise_id and ${recordCountsOn('d', today, excluded)})`;
}

function titlesInForceJson(today: string): SQL {
  return sql`(select coalesce(json_agg(json_build_object('kind', t.kind, 'level', t.level, 'validUntil', t.valid_until) order by t.kind, t.level), '[]'::json)
      from titles t where t.enterprise_id = e.id and t.recognised_on <= ${today}::date
       and (t.valid_until is null or t.valid_until >= ${today}::date) and (t.revoked_on is null or t.revoked_on > ${today}::date))`;
}

interface FactsRow {
  id: number;
  name: string;
  uscc: string;
  unit_code: string;
  unit_name: string;
  industry_code: string;
  size_class: string;
  established_on: string;
  titles: { kind: string; level: string; validUntil: string | null }[];
  year: number | null;
  revenue: number | null;
  rd_expense: number | null;
  employees: number | null;
  invention_patents: number | null;
  class1_high_value: number | null;
}

/** Reads the facts that could be shared; callers project them (domain.projectShared) before they leave. */
async function factsOf(db: DbOrTx, ids: number[], today: string): Promise<Map<number, ListedEnterpriseFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await rowsOf<FactsRow>(
    db,
    sql`select e.id, e.name, e.uscc, e.unit_code, u.name_zh as unit_name, e.industry_code, e.size_class, e.established_on,
               ${titlesInForceJson(today)} as titles,
               y.year, y.revenue, y.rd_expense, y.employees, ip.invention_patents, ip.class1_high_value
          from enterprises e join units u on u.code = e.unit_code
          left join lateral (select year, revenue, rd_expense, employees from enterprise_yearly where enterprise_id = e.id order by year desc limit 1) y on true
          left join lateral (select invention_patents, class1_high_value from enterprise_ip where enterprise_id = e.id order by year desc limit 1) ip on true
         where e.id = any(${arrayLiteral(ids)}::bigint[])`,
  );
  const num = (v: number | null) => (v === null ? null : Number(v));
  return new Map(
    rows.map((r) => [
      Number(r.id),
      {
        enterpriseId: Number(r.id),
        name: r.name,
        uscc: r.uscc,
        unitCode: r.unit_code,
        unitName: r.unit_name,
        industryCode: r.industry_code,
        sizeClass: r.size_class,
        establishedOn: r.established_on,
        titles: r.titles,
        year: num(r.year),
        revenue: num(r.revenue),
        rdExpense: num(r.rd_expense),
        employees: num(r.employees),
        inventionPatents: num(r.invention_patents),
        class1HighValue: num(r.class1_high_value),
      },
    ]),
  );
}

export interface KeyListFilters {
  q?: string | undefined;
  unitCode?: string | undefined;
  titleKind?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface KeyListRow extends SharedView {
  consentSince: string;
  openDemands: number;
}

/**
 * The key-service list as the viewer may see it: institutions the whole list (only shared
 * fields); officers their scope. Filters on a field apply only to enterprises that share it, so a
 * filter cannot reveal what was not shared.
 */
export async function keyList(
  database: Database,
  p: Principal,
  f: KeyListFilters = {},
): Promise<{ items: KeyListRow[]; total: number; asOf: string }> {
  const db = database.db;
  const viewer = await viewerOf(db, p);
  if (viewer.kind !== 'institution' && viewer.kind !== 'officer') throw new AppError('not_found');
  const today = todayShanghai();
  const page = f.page ?? 1;
  const pageSize = Math.min(f.pageSize ?? 20, 200);
  const conds: SQL[] = [sql`true`];
  if (viewer.kind === 'officer' && viewer.unitCode) conds.push(sql`e.unit_code = ${viewer.unitCode}`);
  const shares = (field: string) => (viewer.kind === 'institution' ? sql`${field} = any(k.fields)` : sql`true`);
  if (f.q?.trim()) {
    const like = `%${f.q.trim().replace(/[\\%_]/g, (m) => '\\' + m)}%`;
    conds.push(sql`(e.name ilike ${like} or e.uscc ilike ${like})`);
  }
  if (f.unitCode) conds.push(sql`(e.unit_code = ${f.unitCode} and ${shares('unit')})`);
  if (f.titleKind)
    conds.push(
      sql`(${shares('titles')} and exists (select 1 from titles t where t.enterprise_id = e.id and t.kind::text = ${f.titleKind}
            and t.recognised_on <= ${today}::date and (t.valid_until is null or t.valid_until >= ${today}::date) and (t.revoked_on is null or t.revoked_on > ${today}::date)))`,
    );
  const where = sql.join(conds, sql` and `);
  const rows = await rowsOf<{
    enterprise_id: number;
    fields: string[];
    consent_since: Date | string;
    open_demands: number;
    total: number;
  }>(
    db,
    sql`with k as (${keyListMembers(today)})
        select k.enterprise_id, k.fields, k.consent_since,
               (select count(*)::int from financing_demands d where d.enterprise_id = k.enterprise_id and d.status = 'open') as open_demands,
               count(*) over ()::int as total
          from k join enterprises e on e.id = k.enterprise_id
         where ${where}
         order by k.consent_since desc, k.enterprise_id
         limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  const facts = await factsOf(
    db,
    rows.map((r) => Number(r.enterprise_id)),
    today,
  );
  const items = rows.map((r) => ({
    ...projectShared(facts.get(Number(r.enterprise_id))!, r.fields),
    consentSince: new Date(r.consent_since).toISOString(),
    openDemands: Number(r.open_demands),
  }));
  return { items, total: Number(rows[0]?.total ?? 0), asOf: today };
}

/** Institutions on the platform (public facts only: the enterprise sees who will read its data). */
export async function listInstitutions(database: Database): Promise<Institution[]> {
  const rows = await database.query<{ id: number; kind: InstitutionKind; name: string; short_name: string }>(
    `select id, kind, name, short_name from financial_institutions order by kind, name`,
  );
  return rows.map((r) => ({ id: Number(r.id), kind: r.kind, name: r.name, shortName: r.short_name }));
}

// ---------- consent ----------

export interface ConsentView {
  enterpriseId: number;
  granted: boolean;
  fields: string[];
  since: string | null;
  /** Whether the enterprise is on the list now (consent and a title in force). */
  onKeyList: boolean;
  /** Titles in force that count for the list. */
  qualifyingTitles: { kind: string; level: string; validUntil: string | null }[];
  shareable: { id: string; label: { zh: string; en: string } }[];
  alwaysShared: { zh: string; en: string };
  neverShared: { zh: string; en: string };
  institutions: Institution[];
  history: { seq: number; action: string; fields: string[]; actorName: string; at: string }[];
}

export async function getConsent(database: Database, p: Principal): Promise<ConsentView> {
  const enterpriseId = ownEnterprise(p);
  const today = todayShanghai();
  const history = await database.query<{ seq: number; action: string; fields: string[]; actor_name: string; at: Date | string }>(
    `select seq, action, fields, actor_name, at from financing_consents where enterprise_id = $1 order by seq desc`,
    [enterpriseId],
  );
  const latest = history[0];
  const kinds = keyListKinds(today);
  const [facts] = await rowsOf<{ titles: ConsentView['qualifyingTitles']; listed: boolean }>(
    database.db,
    sql`select ${titlesInForceJson(today)} as titles,
               exists (select 1 from (${keyListMembers(today)}) k where k.enterprise_id = e.id) as listed
          from enterprises e where e.id = ${enterpriseId}`,
  );
  return {
    enterpriseId,
    granted: latest?.action === 'grant',
    fields: latest?.action === 'grant' ? latest.fields : [],
    since: latest ? new Date(latest.at).toISOString() : null,
    onKeyList: Boolean(facts?.listed),
    qualifyingTitles: (facts?.titles ?? []).filter((t) => kinds.includes(t.kind)),
    shareable: SHAREABLE_FIELDS.map((id) => ({ id, label: FIELD_LABELS[id] })),
    alwaysShared: FIELD_LABELS.identity,
    neverShared: { zh: '联系人、联系电话等个人信息从不共享', en: 'Contacts (names, phones) are never shared' },
    institutions: await listInstitutions(database),
    history: history.map((h) => ({
      seq: Number(h.seq),
      action: h.action,
      fields: h.fields,
      actorName: h.actor_name,
      at: new Date(h.at).toISOString(),
    })),
  };
}

function ownEnterprise(p: Principal): number {
  if (p.role !== 'enterprise_user' || p.enterpriseId === null || !canActForEnterprise(p, p.enterpriseId))
    throw new AppError('not_found');
  return p.enterpriseId;
}

/** Appends a grant or a withdrawal. Two at once: the (enterprise, seq) key lets one win, the other gets `conflict`. */
async function appendConsent(database: Database, p: Principal, action: 'grant' | 'withdraw', fields: string[]): Promise<void> {
  const enterpriseId = ownEnterprise(p);
  try {
    await database.db.transaction(async (tx) => {
      const [prev] = await rowsOf<{ seq: number; action: string; fields: string[] }>(
        tx,
        sql`select seq, action, fields from financing_consents where enterprise_id = ${enterpriseId} order by seq desc limit 1`,
      );
      if (action === 'withdraw' && prev?.action !== 'grant')
        throw new AppError('conflict', {
          detail: { zh: '当前未授权共享，无需撤回', en: 'There is no consent in effect to withdraw' },
        });
      const seq = (prev ? Number(prev.seq) : 0) + 1;
      await tx.execute(
        sql`insert into financing_consents (enterprise_id, seq, action, fields, actor_id, actor_name)
            values (${enterpriseId}, ${seq}, ${action}, ${arrayLiteral(fields)}::text[], ${p.userId}, ${p.username})`,
      );
      await recordAudit(
        tx,
        actorOf(p),
        `financing.consent.${action}`,
        'enterprise',
        enterpriseId,
        prev ? { action: prev.action, fields: prev.fields } : null,
        { seq, action, fields },
      );
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError('conflict', {
        detail: { zh: '授权状态刚被修改，请刷新后重试', en: 'The consent changed meanwhile; reload and try again' },
      });
    throw e;
  }
}

export async function grantConsent(database: Database, p: Principal, fields: string[]): Promise<ConsentView> {
  ownEnterprise(p);
  const checked = checkConsentFields(fields);
  if (checked.problems.length) throw invalid(...checked.problems);
  await appendConsent(database, p, 'grant', checked.fields);
  return getConsent(database, p);
}

export async function withdrawConsent(database: Database, p: Principal): Promise<ConsentView> {
  await appendConsent(database, p, 'withdraw', []);
  return getConsent(database, p);
}

// ---------- demands ----------

export interface DemandFilters {
  status?: 'open' | 'funded' | 'closed' | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

interface DemandRow {
  id: number;
  enterprise_id: number;
  amount: number;
  term_months: number;
  purpose: string;
  collateral: string;
  status: string;
  posted_at: Date | string;
  closed_at: Date | string | null;
  version: number;
  first_response_at: Date | string | null;
  response_count: number;
  own_response_id: number | null;
  own_response_kind: string | null;
  own_responded_at: Date | string | null;
  fields: string[] | null;
  total: number;
}

function dueOnFor(postedAt: Date): string {
  const posted = todayShanghai(postedAt);
  const days = valueAt(clause3GreenChannelWorkingDays, posted)?.value ?? 0;
  return days > 0 ? noticeEndsOn(posted, days) : posted;
}

/**
 * Demands the viewer may see: the enterprise its own; an institution the demands of listed
 * enterprises that are open or that it answered; officers their scope. For an institution, the
 * green-channel clock runs to ITS answer: when another institution answered is not its business.
 */
function demandScope(viewer: Viewer, today: string): { join: SQL; where: SQL } {
  switch (viewer.kind) {
    case 'enterprise':
      return {
        join: sql`left join lateral (select null::text[] as fields) k on true`,
        where: sql`d.enterprise_id = ${viewer.enterpriseId}`,
      };
    case 'institution':
      return {
        join: sql`join (${keyListMembers(today)}) k on k.enterprise_id = d.enterprise_id`,
        where: sql`(d.status = 'open' or exists (select 1 from financing_responses o where o.demand_id = d.id and o.institution_id = ${viewer.institution.id}))`,
      };
    case 'officer':
      return {
        join: sql`left join lateral (select null::text[] as fields) k on true`,
        where: viewer.unitCode
          ? sql`exists (select 1 from enterprises s where s.id = d.enterprise_id and s.unit_code = ${viewer.unitCode})`
          : sql`true`,
      };
    default:
      return { join: sql``, where: sql`false` };
  }
}

async function demandRows(
  db: DbOrTx,
  viewer: Viewer,
  extra: SQL,
  paging: { limit: number; offset: number },
): Promise<DemandRow[]> {
  const today = todayShanghai();
  const { join, where } = demandScope(viewer, today);
  const instId = viewer.kind === 'institution' ? viewer.institution.id : -1;
  return rowsOf<DemandRow>(
    db,
    sql`select d.id, d.enterprise_id, d.amount, d.term_months, d.purpose, d.collateral, d.status, d.posted_at, d.closed_at, d.version,
               (select min(r.responded_at) from financing_responses r where r.demand_id = d.id) as first_response_at,
               (select count(*)::int from financing_responses r where r.demand_id = d.id) as response_count,
               o.id as own_response_id, o.kind as own_response_kind, o.responded_at as own_responded_at,
               k.fields, count(*) over ()::int as total
          from financing_demands d ${join}
          left join financing_responses o on o.demand_id = d.id and o.institution_id = ${instId}
         where ${where} and ${extra}
         order by d.posted_at desc, d.id desc
         limit ${paging.limit} offset ${paging.offset}`,
  );
}

export interface DemandView {
  id: number;
  enterprise: SharedView | { enterpriseId: number; name: string; uscc: string };
  amount: number;
  termMonths: number;
  purpose: string;
  collateral: string;
  status: string;
  postedAt: string;
  closedAt: string | null;
  version: number;
  greenChannel: ReturnType<typeof greenChannel>;
  /** Enterprises and officers: how many institutions answered. Institutions: absent (not theirs to know). */
  responseCount?: number;
  ownResponse?: { id: number; kind: string } | null;
}

async function presentDemands(db: DbOrTx, viewer: Viewer, rows: DemandRow[]): Promise<DemandView[]> {
  const today = todayShanghai();
  const facts = await factsOf(db, [...new Set(rows.map((r) => Number(r.enterprise_id)))], today);
  const now = new Date();
  return rows.map((r) => {
    const f = facts.get(Number(r.enterprise_id))!;
    const institution = viewer.kind === 'institution';
    const clockStop = institution ? r.own_responded_at : r.first_response_at;
    const postedAt = new Date(r.posted_at);
    const view: DemandView = {
      id: Number(r.id),
      enterprise: institution ? projectShared(f, r.fields ?? []) : { enterpriseId: f.enterpriseId, name: f.name, uscc: f.uscc },
      amount: Number(r.amount),
      termMonths: r.term_months,
      purpose: r.purpose,
      collateral: r.collateral,
      status: r.status,
      postedAt: postedAt.toISOString(),
      closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
      version: r.version,
      greenChannel: greenChannel(postedAt, clockStop ? new Date(clockStop) : null, now, dueOnFor(postedAt), (d) =>
        todayShanghai(d),
      ),
    };
    if (institution)
      view.ownResponse = r.own_response_id === null ? null : { id: Number(r.own_response_id), kind: r.own_response_kind! };
    else view.responseCount = Number(r.response_count);
    return view;
  });
}

export async function listDemands(
  database: Database,
  p: Principal,
  f: DemandFilters = {},
): Promise<{ items: DemandView[]; total: number }> {
  const db = database.db;
  const viewer = await viewerOf(db, p);
  if (viewer.kind === 'none') throw new AppError('not_found');
  const pageSize = Math.min(f.pageSize ?? 20, 200);
  const rows = await demandRows(db, viewer, f.status ? sql`d.status = ${f.status}` : sql`true`, {
    limit: pageSize,
    offset: ((f.page ?? 1) - 1) * pageSize,
  });
  return { items: await presentDemands(db, viewer, rows), total: Number(rows[0]?.total ?? 0) };
}

export interface ResponseView {
  id: number;
  institutionId: number;
  institutionName: string;
  kind: string;
  offerAmount: number | null;
  offerRateBp: number | null;
  offerTermMonths: number | null;
  note: string | null;
  respondedAt: string;
  updatedAt: string;
  version: number;
}

export interface LoanView {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  institutionId: number;
  institutionName: string;
  demandId: number | null;
  amount: number;
  rateBp: number;
  termMonths: number;
  loanType: string;
  guarantorId: number | null;
  guarantorName: string | null;
  guaranteeFeeBp: number | null;
  grantedOn: string;
}

export interface DemandDetail {
  demand: DemandView;
  /** Enterprise and officers: every answer; an institution: its own only. */
  responses: ResponseView[];
  loans: LoanView[];
}

async function readDemand(db: DbOrTx, viewer: Viewer, id: number): Promise<DemandView> {
  const rows = await demandRows(db, viewer, sql`d.id = ${id}`, { limit: 1, offset: 0 });
  const row = rows[0];
  if (!row) throw new AppError('not_found');
  return (await presentDemands(db, viewer, [row]))[0]!;
}

export async function getDemand(database: Database, p: Principal, id: number): Promise<DemandDetail> {
  const db = database.db;
  const viewer = await viewerOf(db, p);
  const demand = await readDemand(db, viewer, id);
  const own = viewer.kind === 'institution' ? sql`r.institution_id = ${viewer.institution.id}` : sql`true`;
  const responses = await rowsOf<Record<string, unknown>>(
    db,
    sql`select r.id, r.institution_id, f.name as institution_name, r.kind, r.offer_amount, r.offer_rate_bp, r.offer_term_months, r.note,
               r.responded_at, r.updated_at, r.version
          from financing_responses r join financial_institutions f on f.id = r.institution_id
         where r.demand_id = ${id} and ${own} order by r.responded_at, r.id`,
  );
  const ownLoan = viewer.kind === 'institution' ? sql`l.institution_id = ${viewer.institution.id}` : sql`true`;
  return {
    demand,
    responses: responses.map(presentResponse),
    loans: await loansWhere(db, sql`l.demand_id = ${id} and ${ownLoan}`),
  };
}

function presentResponse(r: Record<string, unknown>): ResponseView {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: Number(r.id),
    institutionId: Number(r.institution_id),
    institutionName: String(r.institution_name),
    kind: String(r.kind),
    offerAmount: n(r.offer_amount),
    offerRateBp: n(r.offer_rate_bp),
    offerTermMonths: n(r.offer_term_months),
    note: (r.note as string | null) ?? null,
    respondedAt: new Date(r.responded_at as string).toISOString(),
    updatedAt: new Date(r.updated_at as string).toISOString(),
    version: Number(r.version),
  };
}

export async function postDemand(database: Database, p: Principal, input: DemandInput): Promise<DemandDetail> {
  const enterpriseId = ownEnterprise(p);
  const problems = checkDemand(input);
  if (problems.length) throw invalid(...problems);
  const id = await database.db.transaction(async (tx) => {
    const [row] = await rowsOf<{ id: number }>(
      tx,
      sql`insert into financing_demands (enterprise_id, amount, term_months, purpose, collateral, posted_by)
          values (${enterpriseId}, ${input.amount}, ${input.termMonths}, ${input.purpose.trim()}, ${input.collateral}, ${p.userId}) returning id`,
    );
    const demandId = Number(row!.id);
    await recordAudit(tx, actorOf(p), 'financing.demand.post', 'financing_demand', demandId, null, {
      ...input,
      purpose: input.purpose.trim(),
      enterpriseId,
    });
    return demandId;
  });
  return getDemand(database, p, id);
}

/** The enterprise closes its open demand (need met elsewhere, withdrawn). */
export async function closeDemand(database: Database, p: Principal, id: number, version: number): Promise<DemandDetail> {
  const enterpriseId = ownEnterprise(p);
  await database.db.transaction(async (tx) => {
    const [d] = await rowsOf<{ status: string; version: number }>(
      tx,
      sql`select status, version from financing_demands where id = ${id} and enterprise_id = ${enterpriseId} for update`,
    );
    if (!d) throw new AppError('not_found');
    if (d.version !== version) throw new AppError('stale_version');
    if (d.status !== 'open')
      throw new AppError('conflict', { detail: { zh: '该需求已不在征集中', en: 'This demand is no longer open' } });
    await tx.execute(
      sql`update financing_demands set status = 'closed', closed_at = now(), version = version + 1 where id = ${id}`,
    );
    await recordAudit(
      tx,
      actorOf(p),
      'financing.demand.close',
      'financing_demand',
      id,
      { status: d.status, version: d.version },
      { status: 'closed', version: d.version + 1 },
    );
  });
  return getDemand(database, p, id);
}

// ---------- responses ----------

async function requireInstitution(db: DbOrTx, p: Principal): Promise<Institution> {
  const inst = await institutionOf(db, p);
  if (!inst || !isInstitutionUser(p, inst.id)) throw new AppError('not_found');
  return inst;
}

/** Locks a demand the institution may see (listed enterprise; open or answered by it); otherwise not found. */
async function lockVisibleDemand(
  tx: DbOrTx,
  inst: Institution,
  id: number,
): Promise<{ id: number; enterprise_id: number; status: string }> {
  const today = todayShanghai();
  const [d] = await rowsOf<{ id: number; enterprise_id: number; status: string }>(
    tx,
    sql`select d.id, d.enterprise_id, d.status from financing_demands d
          join (${keyListMembers(today)}) k on k.enterprise_id = d.enterprise_id
         where d.id = ${id} and (d.status = 'open' or exists (select 1 from financing_responses o where o.demand_id = d.id and o.institution_id = ${inst.id}))
         for update of d`,
  );
  if (!d) throw new AppError('not_found');
  return { id: Number(d.id), enterprise_id: Number(d.enterprise_id), status: d.status };
}

const notOpen = () => new AppError('conflict', { detail: { zh: '该需求已不在征集中', en: 'This demand is no longer open' } });

export async function respond(database: Database, p: Principal, demandId: number, input: ResponseInput): Promise<DemandDetail> {
  const inst = await requireInstitution(database.db, p);
  const problems = checkResponse(input);
  if (problems.length) throw invalid(...problems);
  try {
    await database.db.transaction(async (tx) => {
      const d = await lockVisibleDemand(tx, inst, demandId);
      if (d.status !== 'open') throw notOpen();
      const [row] = await rowsOf<{ id: number }>(
        tx,
        sql`insert into financing_responses (demand_id, institution_id, kind, offer_amount, offer_rate_bp, offer_term_months, note, responder_id, responder_name)
            values (${demandId}, ${inst.id}, ${input.kind}, ${input.offerAmount ?? null}, ${input.offerRateBp ?? null}, ${input.offerTermMonths ?? null},
                    ${input.note?.trim() || null}, ${p.userId}, ${p.username}) returning id`,
      );
      await recordAudit(tx, actorOf(p), 'financing.response.create', 'financing_response', Number(row!.id), null, {
        demandId,
        institutionId: inst.id,
        ...input,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError('conflict', {
        detail: {
          zh: '贵机构已响应此需求，请修改原响应',
          en: 'Your institution has answered this demand already; change that answer',
        },
      });
    throw e;
  }
  return getDemand(database, p, demandId);
}

/** Changes the institution's own answer while the demand is open; the first answer time stays. */
export async function updateResponse(
  database: Database,
  p: Principal,
  responseId: number,
  input: ResponseInput & { version: number },
): Promise<DemandDetail> {
  const inst = await requireInstitution(database.db, p);
  const problems = checkResponse(input);
  if (problems.length) throw invalid(...problems);
  const demandId = await database.db.transaction(async (tx) => {
    const [r] = await rowsOf<{ demand_id: number; kind: string; version: number }>(
      tx,
      sql`select demand_id, kind, version from financing_responses where id = ${responseId} and institution_id = ${inst.id}`,
    );
    if (!r) throw new AppError('not_found');
    const d = await lockVisibleDemand(tx, inst, Number(r.demand_id));
    if (d.status !== 'open') throw notOpen();
    if (r.version !== input.version) throw new AppError('stale_version');
    await tx.execute(
      sql`update financing_responses set kind = ${input.kind}, offer_amount = ${input.offerAmount ?? null}, offer_rate_bp = ${input.offerRateBp ?? null},
            offer_term_months = ${input.offerTermMonths ?? null}, note = ${input.note?.trim() || null}, responder_id = ${p.userId}, responder_name = ${p.username},
            updated_at = now(), version = version + 1
          where id = ${responseId}`,
    );
    await recordAudit(
      tx,
      actorOf(p),
      'financing.response.update',
      'financing_response',
      responseId,
      { kind: r.kind, version: r.version },
      { ...input, version: r.version + 1 },
    );
    return d.id;
  });
  return getDemand(database, p, demandId);
}

// ---------- loans ----------

async function loansWhere(db: DbOrTx, where: SQL): Promise<LoanView[]> {
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`select l.id, l.enterprise_id, e.name as enterprise_name, l.institution_id, f.name as institution_name, l.demand_id, l.amount, l.rate_bp,
               l.term_months, l.loan_type, l.guarantor_id, g.name as guarantor_name, l.guarantee_fee_bp, l.granted_on
          from financing_loans l join enterprises e on e.id = l.enterprise_id join financial_institutions f on f.id = l.institution_id
          left join financial_institutions g on g.id = l.guarantor_id
         where ${where} order by l.granted_on desc, l.id desc limit 1000`,
  );
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({
    id: Number(r.id),
    enterpriseId: Number(r.enterprise_id),
    enterpriseName: String(r.enterprise_name),
    institutionId: Number(r.institution_id),
    institutionName: String(r.institution_name),
    demandId: n(r.demand_id),
    amount: Number(r.amount),
    rateBp: Number(r.rate_bp),
    termMonths: Number(r.term_months),
    loanType: String(r.loan_type),
    guarantorId: n(r.guarantor_id),
    guarantorName: (r.guarantor_name as string | null) ?? null,
    guaranteeFeeBp: n(r.guarantee_fee_bp),
    grantedOn: String(r.granted_on),
  }));
}

/** Loans the viewer may see: an institution its own, to enterprises on the list now; enterprise its own; officers their scope. */
export async function listLoans(database: Database, p: Principal): Promise<LoanView[]> {
  const db = database.db;
  const viewer = await viewerOf(db, p);
  switch (viewer.kind) {
    case 'institution':
      return loansWhere(
        db,
        sql`l.institution_id = ${viewer.institution.id} and l.enterprise_id in (select enterprise_id from (${keyListMembers(todayShanghai())}) k)`,
      );
    case 'enterprise':
      return loansWhere(db, sql`l.enterprise_id = ${viewer.enterpriseId}`);
    case 'officer':
      return loansWhere(db, viewer.unitCode ? sql`e.unit_code = ${viewer.unitCode}` : sql`true`);
    default:
      throw new AppError('not_found');
  }
}

/** The enterprise behind a demand the institution may see (404 otherwise). */
async function demandEnterprise(database: Database, inst: Institution, demandId: number): Promise<number> {
  const [d] = await rowsOf<{ enterprise_id: number }>(
    database.db,
    sql`select d.enterprise_id from financing_demands d
          join (${keyListMembers(todayShanghai())}) k on k.enterprise_id = d.enterprise_id
         where d.id = ${demandId} and (d.status = 'open' or exists (select 1 from financing_responses o where o.demand_id = d.id and o.institution_id = ${inst.id}))`,
  );
  if (!d) throw new AppError('not_found');
  return Number(d.enterprise_id);
}

/**
 * The IP items the borrower of a demand could pledge today, for the bank recording an IP-pledge
 * loan on it: in force and not under another pledge. Only a bank that may see the demand asks.
 */
export async function pledgeableForDemand(database: Database, p: Principal, demandId: number): Promise<PledgeableItem[]> {
  const inst = await requireInstitution(database.db, p);
  if (!canRecordLoans(p, inst.id, inst.kind)) throw new AppError('not_found');
  return pledgeableItems(database, await demandEnterprise(database, inst, demandId), todayShanghai());
}

/**
 * The lending bank records the loan that came of its offer: the demand must be visible to it and
 * its answer an offer. One loan per bank and demand (a database key); the demand becomes funded.
 * An IP-pledge loan names the pledged items, which become active pledges in the same transaction.
 */
export async function recordLoan(database: Database, p: Principal, demandId: number, input: LoanInput): Promise<DemandDetail> {
  const inst = await requireInstitution(database.db, p);
  if (!canRecordLoans(p, inst.id, inst.kind))
    throw new AppError('forbidden', { detail: { zh: '贷款由放款银行登记', en: 'Loans are recorded by the lending bank' } });
  const [g] =
    input.guarantorId === undefined
      ? []
      : await database.query<{ kind: InstitutionKind }>(`select kind from financial_institutions where id = $1`, [
          input.guarantorId,
        ]);
  const problems = checkLoan(input, todayShanghai(), g?.kind ?? null);
  if (input.loanType === 'ip_pledge' && !input.ipRecordIds?.length) problems.push(NO_PLEDGE_ITEMS);
  if (problems.length) throw invalid(...problems);
  // An IP-pledge loan is recorded against the borrower's pledged items (checked here, before the
  // transaction; the one-active-pledge index settles a race with another bank).
  const pledged =
    input.loanType === 'ip_pledge'
      ? await checkPledgeItems(
          database,
          await demandEnterprise(database, inst, demandId),
          input.ipRecordIds ?? [],
          input.grantedOn,
        )
      : [];
  try {
    await database.db.transaction(async (tx) => {
      const d = await lockVisibleDemand(tx, inst, demandId);
      const [own] = await rowsOf<{ kind: string }>(
        tx,
        sql`select kind from financing_responses where demand_id = ${demandId} and institution_id = ${inst.id}`,
      );
      if (own?.kind !== 'offer')
        throw new AppError('conflict', {
          detail: { zh: '须先对该需求报价，才能登记放款', en: 'Make an offer on this demand before recording a loan' },
        });
      if (d.status === 'closed') throw notOpen();
      const [row] = await rowsOf<{ id: number }>(
        tx,
        sql`insert into financing_loans (enterprise_id, institution_id, demand_id, amount, rate_bp, term_months, loan_type, guarantor_id, guarantee_fee_bp, granted_on, recorded_by)
            values (${d.enterprise_id}, ${inst.id}, ${demandId}, ${input.amount}, ${input.rateBp}, ${input.termMonths}, ${input.loanType},
                    ${input.guarantorId ?? null}, ${input.guaranteeFeeBp ?? null}, ${input.grantedOn}::date, ${p.userId}) returning id`,
      );
      if (pledged.length)
        await insertPledges(tx, Number(row!.id), pledged, {
          pledgee: inst.name,
          amount: input.amount,
          registeredOn: input.grantedOn,
          recordedBy: p.userId,
        });
      if (d.status === 'open')
        await tx.execute(
          sql`update financing_demands set status = 'funded', closed_at = now(), version = version + 1 where id = ${demandId}`,
        );
      await recordAudit(tx, actorOf(p), 'financing.loan.record', 'financing_loan', Number(row!.id), null, {
        demandId,
        institutionId: inst.id,
        enterpriseId: d.enterprise_id,
        ...input,
      });
    });
  } catch (e) {
    if (isActivePledgeClash(e)) throw activePledgeConflict();
    if (isUniqueViolation(e))
      throw new AppError('conflict', {
        detail: { zh: '贵行已登记该需求的放款', en: 'Your bank has recorded a loan for this demand already' },
      });
    throw e;
  }
  return getDemand(database, p, demandId);
}

// ---------- products ----------

export interface ProductView {
  id: number;
  institutionId: number;
  institutionName: string;
  institutionKind: string;
  kind: string;
  name: string;
  description: string;
  eligibleTitles: string[];
  minAmount: number | null;
  maxAmount: number;
  maxTermMonths: number;
  rateMinBp: number | null;
  rateMaxBp: number | null;
  feeRateBp: number | null;
  active: boolean;
  /** For an enterprise: whether it holds (in force) one of the product's titles. */
  fits?: boolean;
}

/** Active products for everyone signed in with a financing role; an institution also sees its own inactive ones. */
export async function listProducts(
  database: Database,
  p: Principal,
  f: { fitsMe?: boolean | undefined; kind?: string | undefined } = {},
): Promise<ProductView[]> {
  const db = database.db;
  const viewer = await viewerOf(db, p);
  if (viewer.kind === 'none') throw new AppError('not_found');
  const own = viewer.kind === 'institution' ? viewer.institution.id : -1;
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`select x.*, x.eligible_titles::text[] as eligible_titles, f.name as institution_name, f.kind as institution_kind from financing_products x join financial_institutions f on f.id = x.institution_id
         where (x.active or x.institution_id = ${own}) and (${f.kind ?? null}::text is null or x.kind::text = ${f.kind ?? null}::text)
         order by x.kind, f.name, x.name`,
  );
  let held: string[] = [];
  if (viewer.kind === 'enterprise') {
    const [t] = await rowsOf<{ titles: { kind: string }[] }>(
      db,
      sql`select ${titlesInForceJson(todayShanghai())} as titles from enterprises e where e.id = ${viewer.enterpriseId}`,
    );
    held = (t?.titles ?? []).map((x) => x.kind);
  }
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const items: ProductView[] = rows.map((r) => {
    const v: ProductView = {
      id: Number(r.id),
      institutionId: Number(r.institution_id),
      institutionName: String(r.institution_name),
      institutionKind: String(r.institution_kind),
      kind: String(r.kind),
      name: String(r.name),
      description: String(r.description),
      eligibleTitles: r.eligible_titles as string[],
      minAmount: n(r.min_amount),
      maxAmount: Number(r.max_amount),
      maxTermMonths: Number(r.max_term_months),
      rateMinBp: n(r.rate_min_bp),
      rateMaxBp: n(r.rate_max_bp),
      feeRateBp: n(r.fee_rate_bp),
      active: Boolean(r.active),
    };
    if (viewer.kind === 'enterprise') v.fits = productFits(v.eligibleTitles, held);
    return v;
  });
  return f.fitsMe && viewer.kind === 'enterprise' ? items.filter((x) => x.fits) : items;
}

export async function createProduct(database: Database, p: Principal, input: ProductInput): Promise<ProductView> {
  const inst = await requireInstitution(database.db, p);
  const problems = checkProduct(input, inst.kind, TITLE_KIND_IDS);
  if (problems.length) throw invalid(...problems);
  let id = 0;
  try {
    id = await database.db.transaction(async (tx) => {
      const [row] = await rowsOf<{ id: number }>(
        tx,
        sql`insert into financing_products (institution_id, kind, name, description, eligible_titles, min_amount, max_amount, max_term_months, rate_min_bp, rate_max_bp, fee_rate_bp)
            values (${inst.id}, ${input.kind}, ${input.name.trim()}, ${input.description?.trim() ?? ''}, ${arrayLiteral(input.eligibleTitles)}::title_kind[],
                    ${input.minAmount ?? null}, ${input.maxAmount}, ${input.maxTermMonths}, ${input.rateMinBp ?? null}, ${input.rateMaxBp ?? null}, ${input.feeRateBp ?? null})
            returning id`,
      );
      await recordAudit(tx, actorOf(p), 'financing.product.create', 'financing_product', Number(row!.id), null, {
        institutionId: inst.id,
        ...input,
      });
      return Number(row!.id);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw invalid(problem('name', '贵机构已有同名产品', 'your institution has a product of this name'));
    throw e;
  }
  const all = await listProducts(database, p);
  return all.find((x) => x.id === id)!;
}

/** An institution switches its own product on or off. */
export async function setProductActive(database: Database, p: Principal, id: number, active: boolean): Promise<ProductView> {
  const inst = await requireInstitution(database.db, p);
  await database.db.transaction(async (tx) => {
    const [row] = await rowsOf<{ active: boolean }>(
      tx,
      sql`select active from financing_products where id = ${id} and institution_id = ${inst.id} for update`,
    );
    if (!row) throw new AppError('not_found');
    await tx.execute(sql`update financing_products set active = ${active} where id = ${id}`);
    await recordAudit(tx, actorOf(p), 'financing.product.active', 'financing_product', id, { active: row.active }, { active });
  });
  return (await listProducts(database, p)).find((x) => x.id === id)!;
}

// ---------- statistics ----------

export interface StatsGroup {
  key: string;
  label?: string;
  loans: number;
  amount: number;
  /** Amount-weighted average rate, basis points (null without loans). */
  avgRateBp: number | null;
}

export interface FinancingStats {
  scope: { kind: 'city' | 'unit' | 'institution'; label: string };
  year: number | null;
  totals: StatsGroup & { ipPledgeLoans: number; ipPledgeAmount: number; enterprises: number };
  byInstitution: StatsGroup[];
  byType: StatsGroup[];
  byMonth: StatsGroup[];
  demands: {
    total: number;
    open: number;
    funded: number;
    closed: number;
    answered: number;
    late: number;
    avgHoursToFirstResponse: number | null;
    medianHoursToFirstResponse: number | null;
  };
  responseTimes: { institutionId: number; label: string; responses: number; avgHours: number | null }[];
  keyList: { enterprises: number };
}

/**
 * Loans to quality SMEs by institution, type and month, average rate, IP-pledge totals and the
 * green channel's answer times. Officers: the city or their unit (the enterprise's unit);
 * institutions: their own figures only (no other institution's, no enterprise names).
 */
export async function financingStats(
  database: Database,
  p: Principal,
  f: { year?: number | undefined } = {},
): Promise<FinancingStats> {
  const db = database.db;
  const viewer = await viewerOf(db, p);
  if (viewer.kind !== 'officer' && viewer.kind !== 'institution') throw new AppError('not_found');
  const today = todayShanghai();
  const year = f.year ?? null;
  const loanScope =
    viewer.kind === 'institution'
      ? sql`l.institution_id = ${viewer.institution.id}`
      : viewer.unitCode
        ? sql`e.unit_code = ${viewer.unitCode}`
        : sql`true`;
  const yearCond = year === null ? sql`true` : sql`extract(year from l.granted_on)::int = ${year}`;
  const loanBase = sql`from financing_loans l join enterprises e on e.id = l.enterprise_id join financial_institutions f on f.id = l.institution_id where ${loanScope} and ${yearCond}`;
  const agg = sql`count(*)::int as loans, coalesce(sum(l.amount), 0)::bigint as amount,
                  case when sum(l.amount) > 0 then round(sum(l.amount::numeric * l.rate_bp) / sum(l.amount))::int end as avg_rate_bp`;
  type G = { key: string; label: string | null; loans: number; amount: number; avg_rate_bp: number | null };
  const group = (r: G): StatsGroup => ({
    key: String(r.key),
    ...(r.label ? { label: r.label } : {}),
    loans: Number(r.loans),
    amount: Number(r.amount),
    avgRateBp: r.avg_rate_bp === null ? null : Number(r.avg_rate_bp),
  });
  const [tot] = await rowsOf<G & { ip_loans: number; ip_amount: number; enterprises: number }>(
    db,
    sql`select 'all' as key, null as label, ${agg},
               count(*) filter (where l.loan_type = 'ip_pledge')::int as ip_loans,
               coalesce(sum(l.amount) filter (where l.loan_type = 'ip_pledge'), 0)::bigint as ip_amount,
               count(distinct l.enterprise_id)::int as enterprises ${loanBase}`,
  );
  const byInstitution = await rowsOf<G>(
    db,
    sql`select l.institution_id::text as key, f.short_name as label, ${agg} ${loanBase} group by l.institution_id, f.short_name order by amount desc`,
  );
  const byType = await rowsOf<G>(
    db,
    sql`select l.loan_type::text as key, null as label, ${agg} ${loanBase} group by l.loan_type order by l.loan_type`,
  );
  const byMonth = await rowsOf<G>(
    db,
    sql`select to_char(l.granted_on, 'YYYY-MM') as key, null as label, ${agg} ${loanBase} group by 1 order by 1`,
  );

  // Demands and answer times.
  const demandScopeSql =
    viewer.kind === 'institution'
      ? sql`exists (select 1 from financing_responses o where o.demand_id = d.id and o.institution_id = ${viewer.institution.id})`
      : viewer.unitCode
        ? sql`e.unit_code = ${viewer.unitCode}`
        : sql`true`;
  const demandYear = year === null ? sql`true` : sql`extract(year from d.posted_at at time zone 'Asia/Shanghai')::int = ${year}`;
  // An institution's clock stops at its own answer; officers see the first answer of any institution.
  const firstAnswer =
    viewer.kind === 'institution'
      ? sql`(select min(r.responded_at) from financing_responses r where r.demand_id = d.id and r.institution_id = ${viewer.institution.id})`
      : sql`(select min(r.responded_at) from financing_responses r where r.demand_id = d.id)`;
  const demandRowsAll = await rowsOf<{ status: string; posted_at: Date | string; first_at: Date | string | null }>(
    db,
    sql`select d.status, d.posted_at, ${firstAnswer} as first_at from financing_demands d join enterprises e on e.id = d.enterprise_id where ${demandScopeSql} and ${demandYear}`,
  );
  const now = new Date();
  const waits: number[] = [];
  let late = 0;
  const counts = { open: 0, funded: 0, closed: 0 } as Record<string, number>;
  for (const d of demandRowsAll) {
    counts[d.status] = (counts[d.status] ?? 0) + 1;
    const posted = new Date(d.posted_at);
    const gc = greenChannel(posted, d.first_at ? new Date(d.first_at) : null, now, dueOnFor(posted), (x) => todayShanghai(x));
    if (gc.answered) waits.push(gc.waitedHours);
    if (gc.late) late++;
  }
  waits.sort((a, b) => a - b);
  const avg = waits.length ? Math.round((waits.reduce((a, b) => a + b, 0) / waits.length) * 10) / 10 : null;
  const median = waits.length ? waits[Math.floor((waits.length - 1) / 2)]! : null;

  const instScope =
    viewer.kind === 'institution'
      ? sql`r.institution_id = ${viewer.institution.id}`
      : viewer.unitCode
        ? sql`e.unit_code = ${viewer.unitCode}`
        : sql`true`;
  const responseTimes = await rowsOf<{ institution_id: number; label: string; responses: number; avg_hours: number | null }>(
    db,
    sql`select r.institution_id, f.short_name as label, count(*)::int as responses,
               round((avg(extract(epoch from (r.responded_at - d.posted_at))) / 3600)::numeric, 1)::float8 as avg_hours
          from financing_responses r join financing_demands d on d.id = r.demand_id join enterprises e on e.id = d.enterprise_id
          join financial_institutions f on f.id = r.institution_id
         where ${instScope} and ${demandYear} group by r.institution_id, f.short_name order by avg_hours`,
  );
  const listScope = viewer.kind === 'officer' && viewer.unitCode ? sql`e.unit_code = ${viewer.unitCode}` : sql`true`;
  const [listed] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from (${keyListMembers(today)}) k join enterprises e on e.id = k.enterprise_id where ${listScope}`,
  );

  const label =
    viewer.kind === 'institution'
      ? viewer.institution.name
      : viewer.unitCode
        ? ((await database.query<{ name_zh: string }>(`select name_zh from units where code = $1`, [viewer.unitCode]))[0]
            ?.name_zh ?? viewer.unitCode)
        : '济南市';
  return {
    scope: { kind: viewer.kind === 'institution' ? 'institution' : viewer.unitCode ? 'unit' : 'city', label },
    year,
    totals: {
      ...group(tot!),
      ipPledgeLoans: Number(tot!.ip_loans),
      ipPledgeAmount: Number(tot!.ip_amount),
      enterprises: Number(tot!.enterprises),
    },
    byInstitution: byInstitution.map(group),
    byType: byType.map(group),
    byMonth: byMonth.map(group),
    demands: {
      total: demandRowsAll.length,
      open: counts.open ?? 0,
      funded: counts.funded ?? 0,
      closed: counts.closed ?? 0,
      answered: waits.length,
      late,
      avgHoursToFirstResponse: avg,
      medianHoursToFirstResponse: median,
    },
    responseTimes: responseTimes.map((r) => ({
      institutionId: Number(r.institution_id),
      label: r.label,
      responses: Number(r.responses),
      avgHours: r.avg_hours === null ? null : Number(r.avg_hours),
    })),
    keyList: { enterprises: Number(listed?.n ?? 0) },
  };
}
