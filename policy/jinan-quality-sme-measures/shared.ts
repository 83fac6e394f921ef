/**
 * Helpers the clause modules of this document share: parameter builders, the highest-only
 * post-pass, and result construction.
 */
import type { RunContext } from '../core/clause.ts';
import type { Level } from '../core/facts.ts';
import type { Parameter, Reference } from '../core/parameter.ts';
import type { Beneficiary, ClauseId, Entitlement, NotOwed, Reason, Trace, Trigger } from '../core/results.ts';
import { resultKey } from '../core/results.ts';
import { REASONS } from './document.ts';

export const OPEN_END = '9999-12-31';

export function yuanParam(
  id: string,
  descriptionZh: string,
  descriptionEn: string,
  from: string,
  value: number,
  reference: Reference,
): Parameter<number> {
  return { id, descriptionZh, descriptionEn, unit: 'yuan', values: [{ from, value, reference }] };
}

export function levelsParam(
  id: string,
  descriptionZh: string,
  descriptionEn: string,
  from: string,
  value: readonly Level[],
  reference: Reference,
  interpretation?: string,
): Parameter<readonly Level[]> {
  const p: Parameter<readonly Level[]> = {
    id,
    descriptionZh,
    descriptionEn,
    unit: 'levels',
    values: [{ from, value, reference }],
  };
  if (interpretation !== undefined) p.interpretation = interpretation;
  return p;
}

export function enterpriseBeneficiary(id: string, name: string | null | undefined): Beneficiary {
  return name ? { type: 'enterprise', id, name } : { type: 'enterprise', id };
}

export function carrierBeneficiary(id: string, name: string | null | undefined): Beneficiary {
  return name ? { type: 'carrier', id, name } : { type: 'carrier', id };
}

/**
 * The key's constant parts, built once per item and fiscal year, so the hot loop joins four
 * strings instead of eleven: `${prefix}${beneficiaryId}:${triggerId}${suffix}` equals `resultKey`.
 */
export function keyParts(
  clause: ClauseId,
  item: string,
  beneficiaryType: Beneficiary['type'],
  fiscalYear: number,
): { prefix: string; suffix: string } {
  return { prefix: `${clause}:${item}:${beneficiaryType}:`, suffix: `:${fiscalYear}` };
}

export function entitlement(
  clause: ClauseId,
  item: string,
  beneficiary: Beneficiary,
  amount: number,
  fiscalYear: number,
  trigger: Trigger,
  policyVersion: string,
  trace: Trace | null,
  key: string = resultKey(clause, item, beneficiary, trigger, fiscalYear),
): Entitlement {
  return {
    key,
    beneficiary,
    clause,
    item,
    amount,
    fiscalYear,
    trigger,
    policyVersion,
    trace,
  };
}

export function notOwed(
  clause: ClauseId,
  item: string,
  beneficiary: Beneficiary,
  fiscalYear: number,
  trigger: Trigger,
  policyVersion: string,
  reasons: Reason[],
  trace: Trace | null,
): NotOwed {
  return {
    key: resultKey(clause, item, beneficiary, trigger, fiscalYear),
    beneficiary,
    clause,
    item,
    fiscalYear,
    trigger,
    policyVersion,
    reasons,
    trace,
  };
}

function better(a: Entitlement, b: Entitlement): boolean {
  if (a.amount !== b.amount) return a.amount > b.amount;
  if (a.trigger.date !== b.trigger.date) return a.trigger.date < b.trigger.date;
  return a.key < b.key;
}

/**
 * 就高不重复: of the entitlements this clause added since `start`, keep the best of each group
 * (highest amount; on a tie the earlier recognition, then the smaller key) and turn the rest
 * into not-owed verdicts that point at the one kept.
 */
export function applyHighestOnly(run: RunContext, start: number, groupOf: (e: Entitlement) => string, reasonCode: string): void {
  const best = new Map<string, Entitlement>();
  for (let i = start; i < run.entitlements.length; i++) {
    const e = run.entitlements[i];
    if (e === undefined) continue;
    const g = groupOf(e);
    const cur = best.get(g);
    if (cur === undefined || better(e, cur)) best.set(g, e);
  }
  const added = run.entitlements.splice(start);
  for (const e of added) {
    const kept = best.get(groupOf(e));
    const isKept = kept === e;
    if (e.trace) {
      e.trace.conditions.push({
        name: 'interpretation_highest_only_kept',
        value: isKept,
        facts: { group: groupOf(e), keptKey: kept ? kept.key : null },
      });
    }
    if (isKept) run.entitlements.push(e);
    else if (run.reportNotOwed) {
      const r: Reason = { code: reasonCode, ...REASONS.highest_only_superseded };
      run.notOwed.push(notOwed(e.clause, e.item, e.beneficiary, e.fiscalYear, e.trigger, e.policyVersion, [r], e.trace));
    }
  }
}
