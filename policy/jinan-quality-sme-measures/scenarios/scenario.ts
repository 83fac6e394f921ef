/** The shape of a scenario written as data, and the one function that runs it. */
import { compile, compileRegistry, evaluate, evaluateRegistry, type Overrides } from '../../core/engine.ts';
import type { PolicyFacts } from '../../core/facts.ts';
import type { Evaluation } from '../../core/results.ts';
import { DRAFT_2023, jinanQualitySmeRegistry } from '../index.ts';
import { registryWithFinal } from './final-version.ts';

export interface Scenario {
  /** A sentence: what happens and why. */
  name: string;
  facts: PolicyFacts;
  fiscalYear: number;
  /** 'draft' (default): the draft alone; 'draft+final': with the hypothetical final text of 2025. */
  registry?: 'draft' | 'draft+final';
  overrides?: Overrides;
  asOf?: string;
  /** Exactly these entitlements. */
  owed: { item: string; to: string; amount: number; trigger?: string; version?: string }[];
  /** At least these not-owed verdicts, each with this reason among its reasons. */
  notOwed?: { item: string; to: string; reason: string }[];
}

export function runScenario(s: Scenario, trace: boolean): Evaluation {
  const opts = { fiscalYear: s.fiscalYear, trace, ...(s.asOf !== undefined ? { asOf: s.asOf } : {}) };
  if (s.registry === 'draft+final') {
    return evaluateRegistry(
      compileRegistry(registryWithFinal(), () => s.overrides ?? {}),
      s.facts,
      opts,
    );
  }
  if (s.registry === undefined && s.overrides === undefined) {
    // The plain draft path also goes through the registry, so both paths are exercised.
    return evaluateRegistry(compileRegistry(jinanQualitySmeRegistry()), s.facts, opts);
  }
  return evaluate(compile(DRAFT_2023, s.overrides ?? {}), s.facts, opts);
}
