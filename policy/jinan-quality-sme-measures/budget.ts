/**
 * Budget (pure): expected cost by fiscal year, clause and responsible unit, and a what-if that
 * recomputes with other parameters and shows the difference beneficiary by beneficiary.
 */
import { compileRegistry, evaluateRegistry, type Overrides } from '../core/engine.ts';
import { indexFacts, type PolicyFacts } from '../core/facts.ts';
import type { ClauseId, Entitlement } from '../core/results.ts';
import type { PolicyRegistry, PolicyVersion } from '../core/version.ts';
import { MONEY_CLAUSES, jinanQualitySmeRegistry } from './index.ts';

export interface BudgetLine {
  fiscalYear: number;
  clause: ClauseId;
  /** The clause's 责任单位, jointly responsible for the whole amount. */
  responsibleUnitsZh: readonly string[];
  amount: number;
  count: number;
}

export interface UnitLine {
  fiscalYear: number;
  unitZh: string;
  /** Joint responsibility: the same yuan appears under each unit a clause names, so unit lines do not add up to the total. */
  amount: number;
}

export interface Budget {
  lines: BudgetLine[];
  byUnit: UnitLine[];
  totalsByYear: { fiscalYear: number; amount: number }[];
  total: number;
}

const UNITS_BY_CLAUSE = new Map<ClauseId, readonly string[]>(MONEY_CLAUSES.map((c) => [c.clause, c.text.responsibleUnitsZh]));

export function budget(entitlements: readonly Entitlement[]): Budget {
  const lines = new Map<string, BudgetLine>();
  const units = new Map<string, UnitLine>();
  const years = new Map<number, number>();
  let total = 0;
  for (const e of entitlements) {
    const unitsZh = UNITS_BY_CLAUSE.get(e.clause) ?? [];
    const k = `${e.fiscalYear}|${e.clause}`;
    const line = lines.get(k) ?? { fiscalYear: e.fiscalYear, clause: e.clause, responsibleUnitsZh: unitsZh, amount: 0, count: 0 };
    line.amount += e.amount;
    line.count += 1;
    lines.set(k, line);
    for (const u of unitsZh) {
      const uk = `${e.fiscalYear}|${u}`;
      const ul = units.get(uk) ?? { fiscalYear: e.fiscalYear, unitZh: u, amount: 0 };
      ul.amount += e.amount;
      units.set(uk, ul);
    }
    years.set(e.fiscalYear, (years.get(e.fiscalYear) ?? 0) + e.amount);
    total += e.amount;
  }
  const byYearClause = (a: BudgetLine, b: BudgetLine) => a.fiscalYear - b.fiscalYear || (a.clause < b.clause ? -1 : 1);
  return {
    lines: [...lines.values()].sort(byYearClause),
    byUnit: [...units.values()].sort((a, b) => a.fiscalYear - b.fiscalYear || (a.unitZh < b.unitZh ? -1 : 1)),
    totalsByYear: [...years.entries()].sort((a, b) => a[0] - b[0]).map(([fiscalYear, amount]) => ({ fiscalYear, amount })),
    total,
  };
}

/** Entitlements for a run of fiscal years under every registered version (bulk mode, no traces). */
export function entitlementsForYears(
  facts: PolicyFacts,
  fiscalYears: readonly number[],
  overrides: Overrides = {},
  registry: PolicyRegistry = jinanQualitySmeRegistry(),
  overridesFor: (v: PolicyVersion) => Overrides = () => overrides,
): Entitlement[] {
  const cr = compileRegistry(registry, overridesFor);
  const indexed = indexFacts(facts);
  const out: Entitlement[] = [];
  for (const fiscalYear of fiscalYears)
    out.push(...evaluateRegistry(cr, indexed, { fiscalYear, trace: false, notOwed: false }).entitlements);
  return out;
}

export interface BeneficiaryDifference {
  beneficiaryType: 'enterprise' | 'carrier';
  beneficiaryId: string;
  name?: string;
  base: number;
  alt: number;
  /** alt − base. */
  difference: number;
  /** Entitlement keys present in one computation only, or with another amount. */
  changedKeys: string[];
}

export interface WhatIf {
  fiscalYears: number[];
  base: Budget;
  alt: Budget;
  beneficiaries: BeneficiaryDifference[];
  totals: { base: number; alt: number; difference: number };
}

export interface WhatIfOptions {
  fiscalYears: readonly number[];
  registry?: PolicyRegistry;
}

/**
 * Recomputes the same facts under two sets of overrides (e.g. the final text lowers an amount,
 * or highest-only is on) and lists every beneficiary whose total changes.
 */
export function whatIf(baseFacts: PolicyFacts, baseOverrides: Overrides, altOverrides: Overrides, opts: WhatIfOptions): WhatIf {
  const registry = opts.registry ?? jinanQualitySmeRegistry();
  const baseE = entitlementsForYears(baseFacts, opts.fiscalYears, baseOverrides, registry);
  const altE = entitlementsForYears(baseFacts, opts.fiscalYears, altOverrides, registry);
  const per = new Map<string, BeneficiaryDifference>();
  const entry = (e: Entitlement): BeneficiaryDifference => {
    const k = `${e.beneficiary.type}:${e.beneficiary.id}`;
    let d = per.get(k);
    if (d === undefined) {
      d = {
        beneficiaryType: e.beneficiary.type,
        beneficiaryId: e.beneficiary.id,
        base: 0,
        alt: 0,
        difference: 0,
        changedKeys: [],
      };
      if (e.beneficiary.name !== undefined) d.name = e.beneficiary.name;
      per.set(k, d);
    }
    return d;
  };
  const baseByKey = new Map(baseE.map((e) => [e.key, e.amount]));
  const altByKey = new Map(altE.map((e) => [e.key, e.amount]));
  for (const e of baseE) {
    const d = entry(e);
    d.base += e.amount;
    if (altByKey.get(e.key) !== e.amount) d.changedKeys.push(e.key);
  }
  for (const e of altE) {
    const d = entry(e);
    d.alt += e.amount;
    if (!baseByKey.has(e.key)) d.changedKeys.push(e.key);
  }
  const beneficiaries: BeneficiaryDifference[] = [];
  for (const d of per.values()) {
    d.difference = d.alt - d.base;
    if (d.difference !== 0 || d.changedKeys.length > 0) beneficiaries.push(d);
  }
  beneficiaries.sort((a, b) => a.difference - b.difference || (a.beneficiaryId < b.beneficiaryId ? -1 : 1));
  const base = budget(baseE);
  const alt = budget(altE);
  return {
    fiscalYears: [...opts.fiscalYears],
    base,
    alt,
    beneficiaries,
    totals: { base: base.total, alt: alt.total, difference: alt.total - base.total },
  };
}
