/**
 * Reads the policy engine's facts (policy/core/facts.ts, format sme-ladder/policy-facts@1) from
 * the registry. Only what the money clauses can use for the asked fiscal years is read.
 */
import type { Database } from '../../db/client.ts';
import { FACTS_FORMAT, type Carrier, type PolicyFacts, type Residency, type TitleEvent } from '../../../policy/core/facts.ts';

/**
 * Parks: the registry records a park's level; a national-level quality-cultivation service park
 * is one recognised by MIIT departments (clause 4: 工业和信息化部相关部门认定). Interpretation,
 * recorded in docs/policy-engine.md.
 */
function parkRecogniser(level: string): Carrier['serviceParkRecognisedBy'] {
  return level === 'national' ? 'miit' : level === 'provincial' ? 'province' : 'city';
}

export async function loadFacts(database: Database, fiscalYears: readonly number[]): Promise<PolicyFacts> {
  const minYear = Math.min(...fiscalYears);
  const maxYear = Math.max(...fiscalYears);
  // Clause 5 counts recognitions of the year before the claim; clause 2 those of the year itself.
  const from = `${minYear - 1}-01-01`;
  const until = `${maxYear}-12-31`;
  const titleRows = await database.query<{
    id: number;
    enterprise_id: number;
    name: string;
    uscc: string;
    unit_code: string;
    kind: TitleEvent['kind'];
    level: TitleEvent['level'];
    recognised_on: string;
    valid_until: string | null;
    recognition: TitleEvent['recognition'];
    revoked_on: string | null;
  }>(
    `select t.id, t.enterprise_id, e.name, e.uscc, e.unit_code, t.kind, t.level, t.recognised_on, t.valid_until,
            t.recognition, t.revoked_on
       from titles t join enterprises e on e.id = t.enterprise_id
      where t.recognised_on between $1 and $2
      order by t.id`,
    [from, until],
  );
  const carrierRows = await database.query<{
    id: number;
    kind: Carrier['kind'];
    name: string;
    level: Carrier['level'];
    recognised_on: string;
    valid_until: string | null;
    unit_code: string;
  }>(`select id, kind, name, level, recognised_on, valid_until, unit_code from carriers where kind <> 'cluster' order by id`);
  const residencyRows = await database.query<{ enterprise_id: number; carrier_id: number; from_date: string; to_date: string | null }>(
    `select r.enterprise_id, r.carrier_id, r.from_date, r.to_date
       from residencies r join carriers c on c.id = r.carrier_id where c.kind = 'demo_base' order by r.id`,
  );
  const titles: TitleEvent[] = titleRows.map((t) => ({
    titleId: String(t.id),
    enterpriseId: String(t.enterprise_id),
    enterpriseName: t.name,
    uscc: t.uscc,
    unitCode: t.unit_code,
    kind: t.kind,
    level: t.level,
    recognisedOn: t.recognised_on,
    validUntil: t.valid_until,
    recognition: t.recognition,
    revokedOn: t.revoked_on,
  }));
  const carriers: Carrier[] = carrierRows.map((c) => ({
    carrierId: String(c.id),
    kind: c.kind,
    name: c.name,
    level: c.level,
    recognisedOn: c.recognised_on,
    validUntil: c.valid_until,
    unitCode: c.unit_code,
    ...(c.kind === 'park' ? { serviceParkRecognisedBy: parkRecogniser(c.level) } : {}),
  }));
  const residencies: Residency[] = residencyRows.map((r) => ({
    enterpriseId: String(r.enterprise_id),
    carrierId: String(r.carrier_id),
    fromDate: r.from_date,
    toDate: r.to_date,
  }));
  return { format: FACTS_FORMAT, titles, carriers, residencies };
}
