/**
 * Reads tier facts (policy/tier-standards/facts.ts, sme-ladder/tier-facts@1) from the registry:
 * yearly figures of the three years the standards look at, the latest IP counts, honours, titles,
 * and the declared facts the registry does not hold. A fact the registry lacks stays absent.
 * Enterprises are read in id order, in chunks, so the whole registry streams in bounded memory.
 */
import type { Database } from '../../db/client.ts';
import type { HeldTitle, Honour, Level, TierFacts } from '../../../policy/tier-standards/facts.ts';
import { ipHoldingsOf, readRecords } from '../ip/records.ts';

/** The tier-facts fields a declaration may set (the registry holds the others). */
export const DECLARABLE_FIELDS = [
  'nicheMarketSince',
  'equityFinancing',
  'leadingProductDomain',
  'digitalLevel',
  'quality',
  'marketShare',
  'shandong',
  'littleGiant',
  'developmentScore',
  'makerChina',
  'creditScore',
  'listed',
  'controlledByListed',
  'privateFinancing',
  'valuationUsd',
  'newEconomyDomain',
  'standardsLed',
] as const;

export interface EnterpriseRow {
  id: number;
  uscc: string;
  name: string;
  unitCode: string;
  industryCode: string;
}

export interface FactsChunk {
  rows: EnterpriseRow[];
  facts: TierFacts[];
}

export interface FactsWhere {
  /** SQL over `e` (enterprises), with $n placeholders numbered from 1. */
  sql: string;
  params: unknown[];
}

const n = (x: unknown): number => Number(x);

/**
 * The rows the tier facts of these enterprises are made of (the bench's "bare read" runs exactly
 * these queries): yearly figures of figuresYear − 2 … figuresYear + 1, the latest IP counts,
 * honours, titles, declared facts, and the IP records (ip module) with their pledges.
 */
export async function readRows(database: Database, ids: readonly number[], figuresYear: number) {
  const [yearly, ip, honours, titles, declared, ipRecords] = await Promise.all([
    database.query(
      `select enterprise_id, year, revenue, main_business_revenue, rd_expense, net_profit, total_assets, total_liabilities, employees, rd_staff
         from enterprise_yearly where enterprise_id = any($1::bigint[]) and year between $2 and $3`,
      [ids, figuresYear - 2, figuresYear + 1],
    ),
    database.query(
      `select distinct on (enterprise_id) enterprise_id, year, invention_patents, utility_models, software_copyrights, class1, class2, class1_high_value
         from enterprise_ip where enterprise_id = any($1::bigint[]) and year <= $2 order by enterprise_id, year desc`,
      [ids, figuresYear],
    ),
    database.query(
      `select enterprise_id, kind, name, level, year from enterprise_honours where enterprise_id = any($1::bigint[])`,
      [ids],
    ),
    database.query(
      `select enterprise_id, kind, level, recognised_on::text as recognised_on, valid_until::text as valid_until, revoked_on::text as revoked_on
         from titles where enterprise_id = any($1::bigint[])`,
      [ids],
    ),
    database.query(`select enterprise_id, facts from enterprise_declared_facts where enterprise_id = any($1::bigint[])`, [ids]),
    readRecords(database, 'r.enterprise_id = any($1::bigint[])', [ids]),
  ]);
  return { yearly, ip, honours, titles, declared, ipRecords };
}

async function factsFor(
  database: Database,
  base: Record<string, unknown>[],
  figuresYear: number,
  ipDate?: string,
): Promise<FactsChunk> {
  const ids = base.map((r) => n(r.id));
  const index = new Map<number, number>();
  ids.forEach((id, i) => index.set(id, i));
  const facts: TierFacts[] = base.map((r) => {
    const uscc = String(r.uscc);
    return {
      enterpriseId: String(r.id),
      name: String(r.name),
      uscc,
      unitCode: String(r.unit_code),
      industryCode: String(r.industry_code),
      establishedOn: String(r.established_on),
      // Positions 3–4 of the USCC are the registering authority's province (37 = 山东).
      registeredInShandong: uscc.slice(2, 4) === '37',
      strategicEmerging: Boolean(r.strategic_emerging),
      years: [],
      ip: [],
      honours: [],
      titles: [],
    };
  });
  if (ids.length === 0) return { rows: [], facts };
  const { yearly, ip, honours, titles, declared, ipRecords } = await readRows(database, ids, figuresYear);
  const at = (r: Record<string, unknown>) => facts[index.get(n(r.enterprise_id)) as number] as TierFacts;
  for (const r of yearly)
    at(r).years?.push({
      year: n(r.year),
      revenue: n(r.revenue),
      mainBusinessRevenue: n(r.main_business_revenue),
      rdExpense: n(r.rd_expense),
      netProfit: n(r.net_profit),
      totalAssets: n(r.total_assets),
      totalLiabilities: n(r.total_liabilities),
      employees: n(r.employees),
      rdStaff: n(r.rd_staff),
    });
  for (const r of ip)
    at(r).ip?.push({
      year: n(r.year),
      class1: n(r.class1),
      class1HighValue: n(r.class1_high_value),
      class2: n(r.class2),
      inventionPatents: n(r.invention_patents),
      utilityModels: n(r.utility_models),
      softwareCopyrights: n(r.software_copyrights),
    });
  // IP records, where an enterprise has any, replace the registry's yearly counts: classified on
  // the assessment date (default the end of the figures year) by policy/ip.
  for (const [id, h] of ipHoldingsOf(ipRecords, ipDate ?? `${figuresYear}-12-31`, figuresYear))
    (facts[index.get(id) as number] as TierFacts).ip = [h];
  for (const r of honours)
    at(r).honours?.push({
      kind: String(r.kind),
      level: r.level as Level,
      year: n(r.year),
      name: String(r.name),
    } satisfies Honour);
  for (const r of titles)
    at(r).titles?.push({
      kind: String(r.kind),
      level: r.level as HeldTitle['level'],
      recognisedOn: String(r.recognised_on),
      validUntil: (r.valid_until as string | null) ?? null,
      revokedOn: (r.revoked_on as string | null) ?? null,
    });
  for (const r of declared) {
    const f = at(r) as unknown as Record<string, unknown>;
    const d = (typeof r.facts === 'string' ? JSON.parse(r.facts) : r.facts) as Record<string, unknown>;
    for (const k of DECLARABLE_FIELDS) if (d[k] !== undefined && d[k] !== null) f[k] = d[k];
  }
  const rows = base.map((r) => ({
    id: n(r.id),
    uscc: String(r.uscc),
    name: String(r.name),
    unitCode: String(r.unit_code),
    industryCode: String(r.industry_code),
  }));
  return { rows, facts };
}

export const BASE_COLUMNS =
  'e.id, e.uscc, e.name, e.unit_code, e.industry_code, e.established_on::text as established_on, e.strategic_emerging';

/** The enterprises matching `where`, in id order, `chunk` at a time. */
export async function* tierFactsChunks(
  database: Database,
  where: FactsWhere,
  figuresYear: number,
  chunk = 5000,
  ipDate?: string,
): AsyncGenerator<FactsChunk> {
  let after = 0;
  for (;;) {
    const k = where.params.length;
    const base = await database.query(
      `select ${BASE_COLUMNS} from enterprises e where (${where.sql}) and e.id > $${k + 1} order by e.id limit $${k + 2}`,
      [...where.params, after, chunk],
    );
    if (base.length === 0) return;
    yield await factsFor(database, base, figuresYear, ipDate);
    after = n(base[base.length - 1]?.id);
    if (base.length < chunk) return;
  }
}

/** One enterprise's facts, or null when it does not exist. */
export async function loadTierFacts(
  database: Database,
  enterpriseId: number,
  figuresYear: number,
  ipDate?: string,
): Promise<FactsChunk | null> {
  const base = await database.query(`select ${BASE_COLUMNS} from enterprises e where e.id = $1`, [enterpriseId]);
  if (base.length === 0) return null;
  return factsFor(database, base, figuresYear, ipDate);
}
