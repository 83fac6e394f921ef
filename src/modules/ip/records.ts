/**
 * Reading IP records with their pledges, as stored rows and as the policy's items; and the tier
 * facts' IP counts computed from them (`ipHoldingsFromRecords`, read by src/modules/tiers/facts.ts).
 */
import type { Database } from '../../db/client.ts';
import { holdingsOf, type IpAward, type IpItem, type IpKind, type LegalStatus, type Origin } from '../../../policy/ip/index.ts';
import type { IpHoldings } from '../../../policy/tier-standards/facts.ts';
import { toItem, type IpValues, type PledgeRow } from './domain.ts';

export interface PledgeView extends PledgeRow {
  id: number;
  loanId: number | null;
  pledgee: string;
}

export interface IpRow extends IpValues {
  id: number;
  enterpriseId: number;
  version: number;
  pledges: PledgeView[];
}

export const RECORD_COLUMNS = `r.id, r.enterprise_id, r.kind, r.number, r.number_verified, r.title, r.applied_on::text as applied_on,
  r.granted_on::text as granted_on, r.expires_on::text as expires_on, r.legal_status, r.maintenance_years_paid,
  r.foreign_family_count, r.citations, r.awards, r.origin, r.acquired_on::text as acquired_on, r.related_to_main_product, r.version`;

function rowOf(r: Record<string, unknown>): IpRow {
  const awards = r.awards as string[] | string;
  return {
    id: Number(r.id),
    enterpriseId: Number(r.enterprise_id),
    kind: r.kind as IpKind,
    number: String(r.number),
    numberVerified: Boolean(r.number_verified),
    title: String(r.title),
    appliedOn: String(r.applied_on),
    grantedOn: (r.granted_on as string | null) ?? null,
    expiresOn: (r.expires_on as string | null) ?? null,
    legalStatus: r.legal_status as LegalStatus,
    maintenanceYearsPaid: Number(r.maintenance_years_paid),
    foreignFamilyCount: Number(r.foreign_family_count),
    citations: r.citations === null || r.citations === undefined ? null : Number(r.citations),
    awards: (Array.isArray(awards)
      ? awards
      : String(awards)
          .replace(/^\{|\}$/g, '')
          .split(',')
          .filter(Boolean)) as IpAward[],
    origin: r.origin as Origin,
    acquiredOn: (r.acquired_on as string | null) ?? null,
    relatedToMainProduct: Boolean(r.related_to_main_product),
    version: Number(r.version),
    pledges: [],
  };
}

/**
 * The records (with pledges) of the enterprises matching `where` (SQL over `r`, $n from 1), in
 * enterprise and id order.
 */
export async function readRecords(database: Database, where: string, params: unknown[]): Promise<IpRow[]> {
  const rows = (
    await database.query(`select ${RECORD_COLUMNS} from ip_records r where ${where} order by r.enterprise_id, r.id`, params)
  ).map(rowOf);
  if (rows.length === 0) return rows;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const pledges = await database.query(
    `select p.id, p.ip_record_id, p.loan_id, p.pledgee, p.amount, p.registered_on::text as registered_on, p.released_on::text as released_on
       from ip_pledges p where p.ip_record_id = any($1::bigint[]) order by p.registered_on, p.id`,
    [rows.map((r) => r.id)],
  );
  for (const p of pledges)
    byId.get(Number(p.ip_record_id))?.pledges.push({
      id: Number(p.id),
      loanId: p.loan_id === null ? null : Number(p.loan_id),
      pledgee: String(p.pledgee),
      amount: Number(p.amount),
      registeredOn: String(p.registered_on),
      releasedOn: (p.released_on as string | null) ?? null,
    });
  return rows;
}

export function itemOf(r: IpRow): IpItem {
  return toItem(r, r.pledges);
}

export function groupByEnterprise(rows: readonly IpRow[]): Map<number, IpRow[]> {
  const m = new Map<number, IpRow[]>();
  for (const r of rows) {
    const xs = m.get(r.enterpriseId);
    if (xs) xs.push(r);
    else m.set(r.enterpriseId, [r]);
  }
  return m;
}

/**
 * The tier facts' IP counts of those enterprises (among `ids`) that have IP records: classes and
 * counts on `date`, filed under the figures `year`. Enterprises without records are absent, so
 * the caller keeps the registry's yearly counts for them.
 */
export async function ipHoldingsFromRecords(
  database: Database,
  ids: readonly number[],
  date: string,
  year: number,
): Promise<Map<number, IpHoldings>> {
  if (ids.length === 0) return new Map();
  return ipHoldingsOf(await readRecords(database, 'r.enterprise_id = any($1::bigint[])', [ids]), date, year);
}

/** The IP counts per enterprise of records already read (see `ipHoldingsFromRecords`). */
export function ipHoldingsOf(rows: readonly IpRow[], date: string, year: number): Map<number, IpHoldings> {
  const out = new Map<number, IpHoldings>();
  for (const [id, rs] of groupByEnterprise(rows)) out.set(id, holdingsOf(rs.map(itemOf), date, year));
  return out;
}
