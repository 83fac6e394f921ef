/**
 * The contract between the engine (mechanism) and a clause module (policy): a clause brings its
 * text, its parameters and a `compile` that turns resolved parameters into a fast evaluator.
 */
import type { BulkClauseEvaluator } from './bulk.ts';
import type { IndexedFacts } from './facts.ts';
import { valueAt, type Parameter, type ValueAt } from './parameter.ts';
import type { Bilingual, ClauseId, Entitlement, NotOwed, TraceParameter } from './results.ts';

export type ParamValue = number | boolean | string | readonly string[];

export interface ClauseText {
  /** 济南市关于加快培育优质中小企业若干措施（征求意见稿） */
  documentZh: string;
  /** The part heading the item sits under, e.g. 一、支持优质中小企业梯度培育. */
  partZh: string;
  /** The item number in Chinese numerals (二, 四, 五). */
  itemNumberZh: string;
  /** The item label exactly as printed (the draft prints "（2）" for item 二). */
  itemLabelAsPrinted: string;
  /** The item's text, verbatim, without the responsible units. */
  textZh: string;
  /** 责任单位, in the printed order. */
  responsibleUnitsZh: readonly string[];
  summaryEn: string;
}

export interface ClauseDefinition {
  clause: ClauseId;
  /** e.g. 'clause_2_ladder_rewards'. */
  formulaId: string;
  /** Bumped whenever the formula's code changes meaning, e.g. '2023-01'. */
  formulaVersion: string;
  text: ClauseText;
  parameters: readonly Parameter<ParamValue>[];
  /**
   * The evaluator, or the evaluator with a columnar one for `evaluateBulk` (same rules, no
   * traces, no not-owed, no object per event). Without `bulk`, bulk runs call `run`.
   */
  compile(ctx: ClauseCompileContext): ClauseEvaluator | CompiledClause;
}

export interface CompiledClause {
  run: ClauseEvaluator;
  bulk?: BulkClauseEvaluator;
}

export interface VersionWindow {
  /** The first trigger date the version's rules apply to. */
  from: string;
  /** The last trigger date, or null while open-ended. */
  until: string | null;
}

export interface ClauseCompileContext {
  policyVersion: string;
  window: VersionWindow;
  /** The parameter with any overrides applied. */
  param<T extends ParamValue>(def: Parameter<T>): Parameter<T>;
}

export interface RunContext {
  fiscalYear: number;
  /** Revocations on or before this date count. */
  asOf: string;
  trace: boolean;
  reportNotOwed: boolean;
  entitlements: Entitlement[];
  notOwed: NotOwed[];
}

export type ClauseEvaluator = (facts: IndexedFacts, run: RunContext) => void;

/**
 * A parameter's values restricted to a date range, so the hot loop looks a value up with one
 * comparison (almost always there is a single segment in a year).
 */
export class DatedLookup<T> {
  private readonly froms: string[] = [];
  private readonly vals: (ValueAt<T> | undefined)[] = [];
  readonly single: ValueAt<T> | undefined;
  readonly isSingle: boolean;

  constructor(
    readonly param: Parameter<T>,
    lo: string,
    hi: string,
  ) {
    this.froms.push(lo);
    this.vals.push(valueAt(param, lo));
    for (const v of param.values) {
      if (v.from > lo && v.from <= hi) {
        this.froms.push(v.from);
        this.vals.push(valueAt(param, v.from));
      }
    }
    this.isSingle = this.froms.length === 1;
    this.single = this.vals[0];
  }

  at(date: string): ValueAt<T> | undefined {
    if (this.isSingle) return this.single;
    let found = this.vals[0];
    for (let i = 1; i < this.froms.length; i++) {
      const f = this.froms[i];
      if (f !== undefined && f <= date) found = this.vals[i];
      else break;
    }
    return found;
  }
}

export function traceParameter<T extends ParamValue>(param: Parameter<T>, v: ValueAt<T> | undefined): TraceParameter {
  const base: TraceParameter = v
    ? { id: param.id, value: v.value, from: v.from, reference: v.reference }
    : { id: param.id, value: null, from: '', reference: { document: '—', clause: '—', note: 'no value in force' } };
  if (param.interpretation !== undefined) base.interpretation = param.interpretation;
  return base;
}

export function reason(code: string, text: Bilingual): { code: string; zh: string; en: string } {
  return { code, zh: text.zh, en: text.en };
}
