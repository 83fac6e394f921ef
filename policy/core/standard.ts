/**
 * Standards as code (the tier standards: 创新型, 专精特新, 小巨人 …): the same mechanism as the
 * money clauses — dated, cited parameters, versions chosen by date in a `PolicyRegistry`, compile
 * once, then a pure assessment of facts that names the version and the parameters it used.
 *
 * A clause (clause.ts) pays someone for a title event; a standard judges whether one enterprise
 * meets a title on a date. Both share `Parameter`, `valueAt`, `checkParameter`, `PolicyRegistry`.
 */
import { isIsoDate } from './dates.ts';
import { checkParameter, valueAt, type DatedValue, type Parameter, type Reference } from './parameter.ts';
import { PolicyRegistry, type DatedVersion } from './version.ts';

/** A parameter as the result shows it: the value in force, when it took effect, and why. */
export interface UsedParameter {
  id: string;
  value: unknown;
  from: string;
  reference: Reference;
  interpretation?: string;
}

export interface StandardCompileContext {
  /** The standard version being compiled. */
  versionId: string;
  /** The parameter with the version's amendments and the caller's overrides applied. */
  param<T>(def: Parameter<T>): Parameter<T>;
}

export interface StandardVersion<Facts, Result> extends DatedVersion {
  /** e.g. 'specialized_sme@2022'. */
  id: string;
  /** The standard it is a version of, e.g. 'specialized_sme'. */
  standard: string;
  titleZh: string;
  titleEn: string;
  /** The document the version encodes, e.g. 优质中小企业梯度培育管理暂行办法（工信部企业〔2022〕63号）附件2. */
  documentZh: string;
  effectiveFrom: string;
  effectiveFromReference: Reference;
  effectiveUntil?: string;
  formula: { id: string; version: string };
  parameters: readonly Parameter<unknown>[];
  /** Dated values the version adds to shared parameters (history appended, never rewritten). */
  amendments?: Readonly<Record<string, readonly DatedValue<unknown>[]>>;
  compile(ctx: StandardCompileContext): Assess<Facts, Result>;
}

/** `explain: false` (bulk runs) lets a standard skip the words of what is missing; verdicts, points and bands are the same. */
export interface AssessOptions {
  explain?: boolean;
}

export type Assess<Facts, Result> = (facts: Facts, date: string, opts?: AssessOptions) => Result;

export interface CompiledStandard<Facts, Result> {
  readonly version: StandardVersion<Facts, Result>;
  /** Every parameter, amendments and overrides applied. */
  readonly parameters: readonly Parameter<unknown>[];
  /** Pure: the same facts and date always give the same result. */
  readonly assess: Assess<Facts, Result>;
  /** The parameters in force on a date, for the result's explanation. */
  usedOn(date: string): UsedParameter[];
}

/** Overrides by parameter id: dated values appended (e.g. a what-if on a threshold). */
export type StandardOverrides = Readonly<Record<string, readonly DatedValue<unknown>[]>>;

function appendValues<T>(param: Parameter<T>, values: readonly DatedValue<unknown>[]): Parameter<T> {
  let p = param;
  for (const v of values) {
    if (!isIsoDate(v.from)) throw new Error(`${param.id}: '${v.from}' is not an ISO date`);
    const kept = p.values.filter((x) => x.from < v.from);
    p = { ...p, values: [...kept, { from: v.from, value: v.value as T | null, reference: v.reference }] };
  }
  return p;
}

export function compileStandard<Facts, Result>(
  version: StandardVersion<Facts, Result>,
  overrides: StandardOverrides = {},
): CompiledStandard<Facts, Result> {
  const known = new Set(version.parameters.map((p) => p.id));
  const unknown = [...Object.keys(overrides), ...Object.keys(version.amendments ?? {})].filter((k) => !known.has(k));
  if (unknown.length > 0)
    throw new Error(`${version.id}: unknown parameter ids in overrides or amendments: ${unknown.join(', ')}`);
  const resolved = new Map<string, Parameter<unknown>>();
  const ctx: StandardCompileContext = {
    versionId: version.id,
    param<T>(def: Parameter<T>): Parameter<T> {
      const done = resolved.get(def.id);
      if (done) return done as Parameter<T>;
      if (!known.has(def.id)) throw new Error(`${version.id}: parameter ${def.id} is used but not declared`);
      let p = appendValues(def, version.amendments?.[def.id] ?? []);
      p = appendValues(p, overrides[def.id] ?? []);
      const problems = checkParameter(p);
      if (problems.length > 0) throw new Error(problems.join('; '));
      resolved.set(p.id, p);
      return p;
    },
  };
  const assess = version.compile(ctx);
  for (const p of version.parameters) ctx.param(p);
  const parameters = version.parameters.map((p) => resolved.get(p.id) ?? p);
  return {
    version,
    parameters,
    assess,
    usedOn(date: string): UsedParameter[] {
      const out: UsedParameter[] = [];
      for (const p of parameters) {
        const v = valueAt(p, date);
        if (v === undefined) continue;
        const u: UsedParameter = { id: p.id, value: v.value, from: v.from, reference: v.reference };
        if (p.interpretation !== undefined) u.interpretation = p.interpretation;
        out.push(u);
      }
      return out;
    },
  };
}

/**
 * The versions of one standard, compiled once; `forDate` picks the version in force on the
 * assessment date (the registry's windows: each version until the day before the next starts).
 */
export class CompiledStandardRegistry<Facts, Result> {
  readonly registry = new PolicyRegistry<StandardVersion<Facts, Result>>();
  private readonly compiled = new Map<string, CompiledStandard<Facts, Result>>();
  /** The version by date, remembered: an assessment run asks the same date a million times. */
  private readonly byDate = new Map<string, CompiledStandard<Facts, Result> | undefined>();

  constructor(versions: readonly StandardVersion<Facts, Result>[], overrides: StandardOverrides = {}) {
    for (const v of versions) {
      this.registry.register(v);
      const own = Object.fromEntries(Object.entries(overrides).filter(([k]) => v.parameters.some((p) => p.id === k)));
      this.compiled.set(v.id, compileStandard(v, own));
    }
  }

  forDate(date: string): CompiledStandard<Facts, Result> | undefined {
    if (this.byDate.has(date)) return this.byDate.get(date);
    const v = this.registry.versionFor(date);
    const c = v ? this.compiled.get(v.id) : undefined;
    if (this.byDate.size > 10_000) this.byDate.clear();
    this.byDate.set(date, c);
    return c;
  }

  all(): CompiledStandard<Facts, Result>[] {
    return this.registry.versions().map((v) => this.compiled.get(v.id) as CompiledStandard<Facts, Result>);
  }
}
