/**
 * What the engine returns: entitlements (someone is owed an amount) and not-owed verdicts with
 * reasons. Being ineligible is a result, never an error. Each carries a trace when asked for.
 */
import type { Reference } from './parameter.ts';

export type ClauseId = '2' | '4' | '5';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface Reason extends Bilingual {
  /** Stable machine id, named after the clause: `clause_2_renewal_not_rewarded`. */
  code: string;
}

export interface Beneficiary {
  type: 'enterprise' | 'carrier';
  id: string;
  name?: string;
}

export type Trigger =
  { kind: 'title'; titleId: string; enterpriseId: string; date: string } | { kind: 'carrier'; carrierId: string; date: string };

export type FactValue = string | number | boolean | null;

export interface TraceCondition {
  /** Named after the clause: `clause_5_resident_12_months`. */
  name: string;
  value: boolean;
  /** The facts the condition looked at. */
  facts: Record<string, FactValue>;
}

export interface TraceParameter {
  id: string;
  value: FactValue | readonly string[];
  /** The date the value took effect. */
  from: string;
  reference: Reference;
  interpretation?: string;
}

export interface Trace {
  policyVersion: string;
  clause: ClauseId;
  /** The formula and its version, e.g. { id: 'clause_2_ladder_rewards', version: '2023-01' }. */
  formula: { id: string; version: string };
  conditions: TraceCondition[];
  parameters: TraceParameter[];
  /** The arithmetic in words, e.g. "1 × 2000000 = 2000000". */
  computation: string;
}

export interface Entitlement {
  /** Stable and unique: `${clause}:${item}:${beneficiaryType}:${beneficiaryId}:${triggerId}:${fiscalYear}`. */
  key: string;
  beneficiary: Beneficiary;
  clause: ClauseId;
  /** e.g. '2.little_giant.first', '4.service_park.year_2', '5.base.little_giant'. */
  item: string;
  /** Integer yuan. */
  amount: number;
  fiscalYear: number;
  trigger: Trigger;
  policyVersion: string;
  /** null when evaluated with `{ trace: false }`. */
  trace: Trace | null;
}

export interface NotOwed {
  key: string;
  beneficiary: Beneficiary;
  clause: ClauseId;
  item: string;
  fiscalYear: number;
  trigger: Trigger;
  policyVersion: string;
  reasons: Reason[];
  trace: Trace | null;
}

export interface Evaluation {
  fiscalYear: number;
  /** The versions whose rules were applied (one unless a registry spans a version change). */
  policyVersions: string[];
  entitlements: Entitlement[];
  notOwed: NotOwed[];
}

export function triggerId(t: Trigger): string {
  return t.kind === 'title' ? t.titleId : t.carrierId;
}

export function resultKey(clause: ClauseId, item: string, b: Beneficiary, trigger: Trigger, fiscalYear: number): string {
  return `${clause}:${item}:${b.type}:${b.id}:${triggerId(trigger)}:${fiscalYear}`;
}
