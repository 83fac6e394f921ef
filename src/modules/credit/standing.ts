/**
 * The service other modules call (financing's key-service list, title eligibility): which
 * enterprises have a publicised, unrepaired 一般 or 严重 penalty record on a date, and the rule
 * behind each. Pure read; the caller's transaction; no authorisation (the caller has already
 * decided the principal may act on these enterprises and only learns the verdict and its reason).
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { arrayLiteral } from '../../db/bulk.ts';
import { SEVERITY_ZH, type CreditAssessment, type Severity } from '../../../policy/credit-repair/index.ts';

/**
 * The one definition of "a record counts against the enterprise on `date`" (decision alias
 * `alias`): published, within its publicity period, of one of `severities`, and not repaired by an
 * approval decided on or before the date. `creditStanding` and the financing key-service list
 * both use it, so they cannot disagree.
 */
export function recordCountsOn(alias: 'd', date: string, severities: readonly ('general' | 'serious')[]): SQL {
  const d = sql.raw(alias);
  return sql`${d}.published and ${d}.severity::text = any(${arrayLiteral([...severities])}::text[])
           and ${d}.publicity_from <= ${date}::date and ${d}.publicity_ends_on >= ${date}::date
           and not exists (select 1 from repair_applications r where r.decision_id = ${d}.id and r.state = 'approved' and r.decided_on <= ${date}::date)`;
}

export interface StandingRecord {
  decisionId: number;
  decisionNo: string;
  agencyName: string;
  severity: Exclude<Severity, 'minor'>;
  ruleSet: { id: string; titleZh: string };
  publicityFrom: string;
  publicityEndsOn: string;
  earliestRepairOn: string | null;
  /** Why the record counts on the date, with the rule set's own explanation of the period. */
  explanation: { zh: string; en: string; period: { zh: string; en: string } | null };
}

export interface CreditStanding {
  enterpriseId: number;
  /** The most severe record on the date. */
  worst: Exclude<Severity, 'minor'>;
  records: StandingRecord[];
}

/**
 * Enterprises among `enterpriseIds` with at least one record that on `date` is published
 * (publicity_from ≤ date ≤ publicity_ends_on), not repaired by an approval decided on or before
 * `date`, and classified 一般 or 严重. Enterprises without such a record are absent.
 */
export async function creditStanding(tx: DbOrTx, enterpriseIds: readonly number[], date: string): Promise<CreditStanding[]> {
  if (enterpriseIds.length === 0) return [];
  const rows = await rowsOf<{
    id: number;
    enterprise_id: number;
    decision_no: string;
    agency_name: string;
    severity: 'general' | 'serious';
    publicity_from: string;
    publicity_ends_on: string;
    earliest_repair_on: string | null;
    assessment: CreditAssessment;
  }>(
    tx,
    sql`select d.id, d.enterprise_id, d.decision_no, a.name as agency_name, d.severity, d.publicity_from, d.publicity_ends_on, d.earliest_repair_on, d.assessment
          from penalty_decisions d join penalty_agencies a on a.id = d.agency_id
         where d.enterprise_id = any(${arrayLiteral([...enterpriseIds])}::bigint[])
           and ${recordCountsOn('d', date, ['general', 'serious'])}
         order by d.enterprise_id, d.decision_date`,
  );
  const out = new Map<number, CreditStanding>();
  for (const r of rows) {
    const eid = Number(r.enterprise_id);
    const step = r.assessment.steps.find((s) => s.id === 'publicity_period');
    const rec: StandingRecord = {
      decisionId: Number(r.id),
      decisionNo: r.decision_no,
      agencyName: r.agency_name,
      severity: r.severity,
      ruleSet: { id: r.assessment.ruleSet.id, titleZh: r.assessment.ruleSet.titleZh },
      publicityFrom: r.publicity_from,
      publicityEndsOn: r.publicity_ends_on,
      earliestRepairOn: r.earliest_repair_on,
      explanation: {
        zh: `${r.agency_name}《行政处罚决定书》（${r.decision_no}）属${SEVERITY_ZH[r.severity]}失信信息，依《${r.assessment.ruleSet.titleZh}》公示至${r.publicity_ends_on}，${date}尚未修复`,
        en: `${r.severity} record ${r.decision_no} (${r.agency_name}) is public until ${r.publicity_ends_on} under ${r.assessment.ruleSet.id} and not repaired on ${date}`,
        period: step ? { zh: step.zh, en: step.en } : null,
      },
    };
    const cur = out.get(eid);
    if (cur) {
      cur.records.push(rec);
      if (rec.severity === 'serious') cur.worst = 'serious';
    } else out.set(eid, { enterpriseId: eid, worst: rec.severity, records: [rec] });
  }
  return [...out.values()];
}
