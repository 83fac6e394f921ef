/**
 * Compliance statistics of 两书同达: of the decisions that required the notice, the share
 * delivered together with it, by agency and month; repair applications past their time limit.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../../db/client.ts';
import { todayShanghai } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { canSeeCreditStatistics, type Principal } from '../access/principal.ts';
import { scopeOf, scopeSql } from './service.ts';

export interface AgencyMonth {
  agencyId: number;
  agencyName: string;
  /** YYYY-MM of the decision date. */
  month: string;
  decisions: number;
  noticeRequired: number;
  deliveredWithNotice: number;
  deliveredDecisionOnly: number;
  undelivered: number;
  /** deliveredWithNotice / noticeRequired, or null when none required it. */
  share: number | null;
}

export interface OverdueRepair {
  applicationId: number;
  decisionId: number;
  agencyName: string;
  partyName: string;
  decisionNo: string;
  receivedOn: string;
  dueOn: string;
  state: string;
  decidedOn: string | null;
}

export interface CreditStatistics {
  year: number;
  byAgencyMonth: AgencyMonth[];
  byAgency: Omit<AgencyMonth, 'month'>[];
  totals: Omit<AgencyMonth, 'month' | 'agencyId' | 'agencyName'>;
  repairs: { pending: number; approved: number; rejected: number; overdue: number };
  overdue: OverdueRepair[];
}

const share = (w: number, r: number) => (r === 0 ? null : Math.round((w / r) * 1000) / 1000);

export async function creditStatistics(
  database: Database,
  p: Principal,
  opts: { year: number },
  today = todayShanghai(),
): Promise<CreditStatistics> {
  const scope = await scopeOf(database.db, p);
  if (!canSeeCreditStatistics(scope)) throw new AppError('not_found');
  const where = sql`${scopeSql(scope)} and extract(year from d.decision_date) = ${opts.year}`;
  const from = sql`penalty_decisions d join penalty_agencies a on a.id = d.agency_id left join enterprises e on e.id = d.enterprise_id left join penalty_deliveries v on v.decision_id = d.id`;
  const rows = await rowsOf<{
    agency_id: number;
    agency_name: string;
    month: string;
    decisions: number;
    required: number;
    both: number;
    only: number;
    undelivered: number;
  }>(
    database.db,
    sql`select d.agency_id, a.name as agency_name, to_char(d.decision_date, 'YYYY-MM') as month, count(*)::int as decisions,
               count(*) filter (where d.notice_required)::int as required,
               count(*) filter (where d.notice_required and v.documents = 'both')::int as both,
               count(*) filter (where d.notice_required and v.documents = 'decision_only')::int as only,
               count(*) filter (where d.notice_required and v.id is null)::int as undelivered
          from ${from} where ${where}
         group by d.agency_id, a.name, month order by a.name, month`,
  );
  const byAgencyMonth: AgencyMonth[] = rows.map((r) => ({
    agencyId: Number(r.agency_id),
    agencyName: r.agency_name,
    month: r.month,
    decisions: r.decisions,
    noticeRequired: r.required,
    deliveredWithNotice: r.both,
    deliveredDecisionOnly: r.only,
    undelivered: r.undelivered,
    share: share(r.both, r.required),
  }));
  const agencies = new Map<number, Omit<AgencyMonth, 'month'>>();
  const totals = {
    decisions: 0,
    noticeRequired: 0,
    deliveredWithNotice: 0,
    deliveredDecisionOnly: 0,
    undelivered: 0,
    share: null as number | null,
  };
  for (const m of byAgencyMonth) {
    const a = agencies.get(m.agencyId) ?? {
      agencyId: m.agencyId,
      agencyName: m.agencyName,
      decisions: 0,
      noticeRequired: 0,
      deliveredWithNotice: 0,
      deliveredDecisionOnly: 0,
      undelivered: 0,
      share: null,
    };
    for (const t of [a, totals]) {
      t.decisions += m.decisions;
      t.noticeRequired += m.noticeRequired;
      t.deliveredWithNotice += m.deliveredWithNotice;
      t.deliveredDecisionOnly += m.deliveredDecisionOnly;
      t.undelivered += m.undelivered;
    }
    agencies.set(m.agencyId, a);
  }
  for (const a of agencies.values()) a.share = share(a.deliveredWithNotice, a.noticeRequired);
  totals.share = share(totals.deliveredWithNotice, totals.noticeRequired);

  // Repairs are counted by the year they were received, across all decision years.
  const apps = await rowsOf<{
    id: number;
    decision_id: number;
    agency_name: string;
    party_name: string;
    decision_no: string;
    received_on: string;
    due_on: string;
    state: string;
    decided_on: string | null;
  }>(
    database.db,
    sql`select r.id, r.decision_id, a.name as agency_name, d.party_name, d.decision_no, r.received_on, r.due_on, r.state, r.decided_on
          from repair_applications r join (${from}) on d.id = r.decision_id
         where ${scopeSql(scope)} and extract(year from r.received_on) = ${opts.year}
         order by r.due_on`,
  );
  const overdue = apps
    .filter((a) => (a.state === 'pending' ? today > a.due_on : a.decided_on !== null && a.decided_on > a.due_on))
    .map((a) => ({
      applicationId: Number(a.id),
      decisionId: Number(a.decision_id),
      agencyName: a.agency_name,
      partyName: a.party_name,
      decisionNo: a.decision_no,
      receivedOn: a.received_on,
      dueOn: a.due_on,
      state: a.state,
      decidedOn: a.decided_on,
    }));
  return {
    year: opts.year,
    byAgencyMonth,
    byAgency: [...agencies.values()],
    totals,
    repairs: {
      pending: apps.filter((a) => a.state === 'pending').length,
      approved: apps.filter((a) => a.state === 'approved').length,
      rejected: apps.filter((a) => a.state === 'rejected').length,
      overdue: overdue.length,
    },
    overdue,
  };
}
