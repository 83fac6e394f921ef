/**
 * The engine: compile a policy version once (parameters resolved, overrides applied, clause
 * evaluators built), then evaluate facts for a fiscal year as a pure function.
 */
import { BulkSink, bulkFactsOf, runAsObjects, type BulkClauseEvaluator, type BulkEvaluation } from './bulk.ts';
import type { ClauseCompileContext, ClauseDefinition, ClauseEvaluator, ParamValue, RunContext, VersionWindow } from './clause.ts';
import { dayNumber, isIsoDate } from './dates.ts';
import { indexFacts, isIndexedFacts, LEVELS, type IndexedFacts, type PolicyFacts } from './facts.ts';
import { checkParameter, type DatedValue, type Parameter, type Reference } from './parameter.ts';
import type { Evaluation, NotOwed } from './results.ts';
import { triggerId } from './results.ts';
import { ownWindow, type PolicyRegistry, type PolicyVersion } from './version.ts';

/** A value replacing the parameter's whole history, or a value applying from a date. */
export type OverrideValue = ParamValue | null | { from: string; value: ParamValue | null; reference?: Reference };

export interface Overrides {
  /** By parameter id. */
  parameters?: Readonly<Record<string, OverrideValue>>;
  /** Replaces the version's first applicable date (e.g. to test another assumption). */
  effectiveFrom?: string;
  /** Shown in references of overridden values, e.g. 'what-if: final text lowers 小巨人'. */
  label?: string;
}

export interface CompiledPolicy {
  readonly policyVersion: string;
  readonly version: PolicyVersion;
  readonly window: VersionWindow;
  /** Every parameter of every clause, overrides applied. */
  readonly parameters: readonly Parameter<ParamValue>[];
  readonly clauses: readonly {
    readonly definition: ClauseDefinition;
    readonly run: ClauseEvaluator;
    /** The columnar evaluator `evaluateBulk` uses, when the clause has one. */
    readonly bulk: BulkClauseEvaluator | null;
  }[];
}

export interface EvaluateOptions {
  fiscalYear: number;
  /** Computation date: revocations on or before it count. Default: every recorded revocation. */
  asOf?: string;
  /** Full traces (default true); `false` for bulk runs. */
  trace?: boolean;
  /** Return not-owed verdicts (default true); `false` for bulk runs that only need amounts. */
  notOwed?: boolean;
}

const OPEN_END = '9999-12-31';

function isReference(x: unknown): x is Reference {
  return typeof x === 'object' && x !== null && 'document' in x && 'clause' in x;
}

function isDatedOverride(v: OverrideValue): v is { from: string; value: ParamValue | null; reference?: Reference } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'from' in v;
}

/** Whether an override value has the same shape as the parameter's own values. */
function sameKind<T extends ParamValue>(param: Parameter<T>, v: ParamValue | null): v is T | null {
  if (v === null) return true;
  const sample = param.values.find((x) => x.value !== null)?.value;
  if (sample === undefined || sample === null) return false;
  if (Array.isArray(sample)) {
    if (!Array.isArray(v)) return false;
    return param.unit !== 'levels' || v.every((x) => (LEVELS as readonly string[]).includes(x));
  }
  return typeof sample === typeof v;
}

function applyOverride<T extends ParamValue>(param: Parameter<T>, ov: OverrideValue, label: string): Parameter<T> {
  const ref = (r: Reference | undefined): Reference => r ?? { document: label, clause: param.id, note: 'override' };
  const dated = isDatedOverride(ov) ? ov : { from: '0001-01-01', value: ov, reference: undefined };
  if (!isIsoDate(dated.from)) throw new Error(`override ${param.id}: '${dated.from}' is not an ISO date`);
  if (dated.reference !== undefined && !isReference(dated.reference)) throw new Error(`override ${param.id}: bad reference`);
  const value = dated.value;
  if (!sameKind(param, value)) throw new Error(`override ${param.id}: value ${JSON.stringify(value)} has the wrong type`);
  const kept: DatedValue<T>[] = param.values.filter((x) => x.from < dated.from);
  const out: Parameter<T> = { ...param, values: [...kept, { from: dated.from, value, reference: ref(dated.reference) }] };
  const problems = checkParameter(out);
  if (problems.length > 0) throw new Error(`override ${param.id}: ${problems.join('; ')}`);
  return out;
}

export function compile(
  version: PolicyVersion,
  overrides: Overrides = {},
  window: VersionWindow = ownWindow(version),
): CompiledPolicy {
  const label = overrides.label ?? 'override';
  const ovs = overrides.parameters ?? {};
  const known = new Set<string>();
  for (const c of version.clauses) for (const p of c.parameters) known.add(p.id);
  const amendments = version.amendments ?? {};
  const unknown = [...Object.keys(ovs), ...Object.keys(amendments)].filter((k) => !known.has(k));
  if (unknown.length > 0) throw new Error(`unknown parameter ids in overrides or amendments: ${unknown.join(', ')}`);

  let w = window;
  if (overrides.effectiveFrom !== undefined) {
    if (!isIsoDate(overrides.effectiveFrom)) throw new Error('overrides.effectiveFrom is not an ISO date');
    w = { from: overrides.effectiveFrom, until: window.until };
  }

  const resolved = new Map<string, Parameter<ParamValue>>();
  const ctx: ClauseCompileContext = {
    policyVersion: version.id,
    window: w,
    param<T extends ParamValue>(def: Parameter<T>): Parameter<T> {
      const problems = checkParameter(def);
      if (problems.length > 0) throw new Error(problems.join('; '));
      let p = def;
      for (const a of amendments[def.id] ?? [])
        p = applyOverride(p, { from: a.from, value: a.value, reference: a.reference }, version.id);
      const ov = ovs[def.id];
      if (ov !== undefined) p = applyOverride(p, ov, label);
      resolved.set(p.id, p);
      return p;
    },
  };
  const clauses = version.clauses.map((definition) => {
    const c = definition.compile(ctx);
    return typeof c === 'function' ? { definition, run: c, bulk: null } : { definition, run: c.run, bulk: c.bulk ?? null };
  });
  // Parameters a clause declares but did not ask for still belong in the list.
  for (const c of version.clauses) for (const p of c.parameters) if (!resolved.has(p.id)) ctx.param(p);
  return { policyVersion: version.id, version, window: w, parameters: [...resolved.values()], clauses };
}

function newRun(opts: EvaluateOptions): RunContext {
  if (!Number.isInteger(opts.fiscalYear)) throw new Error('fiscalYear must be an integer');
  if (opts.asOf !== undefined && !isIsoDate(opts.asOf)) throw new Error('asOf is not an ISO date');
  return {
    fiscalYear: opts.fiscalYear,
    asOf: opts.asOf ?? OPEN_END,
    trace: opts.trace ?? true,
    reportNotOwed: opts.notOwed ?? true,
    entitlements: [],
    notOwed: [],
  };
}

/** Pure: the same compiled policy, facts and options always give the same result. */
export function evaluate(compiled: CompiledPolicy, facts: PolicyFacts | IndexedFacts, opts: EvaluateOptions): Evaluation {
  const indexed = isIndexedFacts(facts) ? facts : indexFacts(facts);
  const run = newRun(opts);
  for (const c of compiled.clauses) c.run(indexed, run);
  return {
    fiscalYear: opts.fiscalYear,
    policyVersions: [compiled.policyVersion],
    entitlements: run.entitlements,
    notOwed: run.notOwed,
  };
}

export interface BulkOptions {
  fiscalYear: number;
  /** Computation date: revocations on or before it count. Default: every recorded revocation. */
  asOf?: string;
}

/**
 * The entitlements of a fiscal year as columns (see `BulkEvaluation`): the same rows, in the same
 * order, with the same keys and amounts as `evaluate(…, { trace: false, notOwed: false })`, but
 * no object per event or result. Given a `CompiledRegistry`, every version contributes the
 * triggers of its own window, as `evaluateRegistry`. Index the facts once (`indexFacts`) and pass
 * the same IndexedFacts for every year: its columns are built on first use and reused.
 */
export function evaluateBulk(
  compiled: CompiledPolicy | CompiledRegistry,
  facts: PolicyFacts | IndexedFacts,
  opts: BulkOptions,
): BulkEvaluation {
  if (!Number.isInteger(opts.fiscalYear)) throw new Error('fiscalYear must be an integer');
  if (opts.asOf !== undefined && !isIsoDate(opts.asOf)) throw new Error('asOf is not an ISO date');
  const indexed = isIndexedFacts(facts) ? facts : indexFacts(facts);
  const bulk = bulkFactsOf(indexed);
  const sink = new BulkSink(bulk, opts.fiscalYear);
  const asOf = opts.asOf ?? OPEN_END;
  const run = { fiscalYear: opts.fiscalYear, asOf, asOfDay: dayNumber(asOf), facts: indexed, bulk, sink };
  const versions = 'registry' in compiled ? compiled.compiled : [compiled];
  for (const v of versions) {
    for (const c of v.clauses) {
      if (c.bulk !== null) c.bulk(run);
      else runAsObjects(c.run, run);
    }
  }
  return sink.result(versions.map((v) => v.policyVersion));
}

export const NOT_IN_FORCE_CODE = 'policy_not_in_force';

export interface CompiledRegistry {
  readonly registry: PolicyRegistry;
  readonly compiled: readonly CompiledPolicy[];
}

/**
 * Compiles every registered version over the window the registry gives it. `overridesFor`
 * lets a what-if change one version (e.g. only the draft) or all.
 */
export function compileRegistry(
  registry: PolicyRegistry,
  overridesFor: (v: PolicyVersion) => Overrides = () => ({}),
): CompiledRegistry {
  return {
    registry,
    compiled: registry.versions().map((v) => compile(v, overridesFor(v), registry.windowOf(v))),
  };
}

/**
 * Evaluates a fiscal year under every version; each trigger is judged by the version in force on
 * its date. A "not in force" verdict survives only for triggers no version covers.
 */
export function evaluateRegistry(cr: CompiledRegistry, facts: PolicyFacts | IndexedFacts, opts: EvaluateOptions): Evaluation {
  const indexed = isIndexedFacts(facts) ? facts : indexFacts(facts);
  const out: Evaluation = { fiscalYear: opts.fiscalYear, policyVersions: [], entitlements: [], notOwed: [] };
  const covered = new Set<string>();
  const outside = new Map<string, NotOwed>();
  const subject = (n: { clause: string; beneficiary: { id: string }; trigger: Parameters<typeof triggerId>[0] }): string =>
    `${n.clause}:${n.beneficiary.id}:${triggerId(n.trigger)}`;
  for (const c of cr.compiled) {
    const e = evaluate(c, indexed, opts);
    out.policyVersions.push(c.policyVersion);
    for (const x of e.entitlements) {
      out.entitlements.push(x);
      covered.add(subject(x));
    }
    for (const n of e.notOwed) {
      if (n.reasons.some((r) => r.code === NOT_IN_FORCE_CODE)) {
        if (!outside.has(subject(n))) outside.set(subject(n), n);
      } else {
        out.notOwed.push(n);
        covered.add(subject(n));
      }
    }
  }
  for (const [k, n] of outside) if (!covered.has(k)) out.notOwed.push(n);
  return out;
}
