/**
 * Tier pipeline (梯度培育库), pure: how close an assessment is to a title, the funnel, counts by
 * district and industry, and the rewards a recognition would bring under the money clauses.
 */
import { compileRegistry, evaluateRegistry, type CompiledRegistry } from '../../../policy/core/engine.ts';
import { FACTS_FORMAT, type TitleEvent } from '../../../policy/core/facts.ts';
import { jinanQualitySmeRegistry } from '../../../policy/jinan-quality-sme-measures/index.ts';
import { TITLE_OF, type StandardId, type TierFacts, type TierResult } from '../../../policy/tier-standards/index.ts';
import { holdsTitle } from '../../../policy/tier-standards/shared.ts';

export interface Margin {
  /** Points short of a score that still count as close (e.g. 10). */
  points: number;
  /** Percent short of a numeric threshold that still count as close (e.g. 10 = within 10%). */
  percent: number;
}

export type Standing = 'holds' | 'eligible' | 'close' | 'no_data' | 'far';

/**
 * met → eligible (or holds, when the title is in force). Not met: far if a failing condition is
 * beyond the margin or not measurable (a yes/no fact); otherwise close when every other condition
 * is known to be met, and no_data when something else is unknown (closing the gap would not
 * settle it). no_data → the known facts do not exclude it.
 */
export function standing(r: TierResult, holds: boolean, m: Margin): Standing {
  if (holds) return 'holds';
  if (r.status === 'met') return 'eligible';
  if (r.status === 'no_data') return 'no_data';
  if (r.conditions.length === 0) return 'far';
  let unknown = false;
  for (const c of r.conditions) {
    if (c.status === 'no_data') unknown = true;
    if (c.status !== 'not_met') continue;
    const g = c.gap;
    if (!g) return 'far';
    if (g.points !== undefined && g.points > m.points) return 'far';
    if (g.percent !== undefined && g.percent > m.percent) return 'far';
    if (c.partsUnknown === true) unknown = true;
  }
  return unknown ? 'no_data' : 'close';
}

/** Whether the enterprise holds the title the standard recognises, in force on the date. */
export function holdsFor(id: StandardId, f: TierFacts, date: string): boolean {
  const kind = TITLE_OF[id];
  if (kind === null) return false;
  return holdsTitle(f, [kind], null, date) === true;
}

/** The funnel's stages, in order. */
export const FUNNEL: readonly StandardId[] = ['sme_size', 'innovative_sme', 'specialized_sme', 'little_giant'];

export interface Tally {
  holds: number;
  eligible: number;
  close: number;
  no_data: number;
  far: number;
}

export const emptyTally = (): Tally => ({ holds: 0, eligible: 0, close: 0, no_data: 0, far: 0 });

/** The title level a standard's recognition carries (for the reward it would bring). */
const LEVEL: Record<StandardId, TitleEvent['level'] | null> = {
  sme_size: null,
  innovative_sme: 'provincial',
  specialized_sme: 'provincial',
  little_giant: 'national',
  gazelle: 'provincial',
  unicorn: 'provincial',
};

export interface Reward {
  clause: string;
  item: string;
  amount: number;
  policyVersion: string;
  /** Why nothing would be paid, when amount is 0. */
  reasons: { zh: string; en: string }[];
  computation: string | null;
}

let money: CompiledRegistry | null = null;

/**
 * The one-time reward a recognition on `date` would bring under the money clauses (clause 2,
 * evaluated by the policy engine itself on a hypothetical title event): first recognition, or
 * renewal when the enterprise held the title before.
 */
export function rewardFor(id: StandardId, f: TierFacts, date: string): Reward | null {
  const kind = TITLE_OF[id];
  const level = LEVEL[id];
  if (kind === null || level === null) return null;
  money ??= compileRegistry(jinanQualitySmeRegistry());
  const heldBefore = (f.titles ?? []).some((t) => t.kind === kind && t.recognisedOn < date);
  const event: TitleEvent = {
    titleId: `hypothetical:${id}`,
    enterpriseId: f.enterpriseId,
    kind: kind as TitleEvent['kind'],
    level,
    recognisedOn: date,
    recognition: heldBefore ? 'renewal' : 'first',
  };
  const ev = evaluateRegistry(
    money,
    { format: FACTS_FORMAT, titles: [event], carriers: [], residencies: [] },
    { fiscalYear: Number(date.slice(0, 4)) },
  );
  const e = ev.entitlements.find((x) => x.clause === '2');
  if (e)
    return {
      clause: e.clause,
      item: e.item,
      amount: e.amount,
      policyVersion: e.policyVersion,
      reasons: [],
      computation: e.trace?.computation ?? null,
    };
  const n = ev.notOwed.find((x) => x.clause === '2');
  if (!n) return null;
  return {
    clause: n.clause,
    item: n.item,
    amount: 0,
    policyVersion: n.policyVersion,
    reasons: n.reasons.map((r) => ({ zh: r.zh, en: r.en })),
    computation: null,
  };
}

/** GB/T 4754 section of an industry code (its letter). */
export function industrySection(code: string): string {
  return code.slice(0, 1);
}
