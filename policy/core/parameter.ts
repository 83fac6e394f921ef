/**
 * Dated, cited parameters (after OpenFisca): every number or switch the policy sets has values
 * keyed by the date they take effect, each with a reference to the text it comes from. History is
 * never rewritten: a later text adds a dated value, and a repeal is a dated `null`.
 */
import { isIsoDate } from './dates.ts';

export interface Reference {
  /** The document, e.g. 济南市关于加快培育优质中小企业若干措施（征求意见稿）. */
  document: string;
  /** The clause inside it, e.g. "二、（2）". */
  clause: string;
  /** A URL or a note on where the text was found. */
  note?: string;
  /** Set when the value is not confirmed by the text: what is assumed and why. */
  unverified?: string;
}

export interface DatedValue<T> {
  /** ISO date from which this value applies. */
  from: string;
  /** `null` = repealed from this date. */
  value: T | null;
  reference: Reference;
}

export interface Parameter<T> {
  /** Stable id, named after the clause: `clause_2_little_giant_first_amount`. */
  id: string;
  descriptionZh: string;
  descriptionEn: string;
  /**
   * 'yuan' for amounts (integers only); 'levels' lists title levels; 'list' other enumerations;
   * 'ratio' a fraction (0.03 = 3%); 'points' a score; 'bands' a scoring table (tier standards);
   * 'usd' US dollars; 'persons' a head count; 'months' and 'working_days' periods.
   */
  unit:
    | 'yuan'
    | 'switch'
    | 'years'
    | 'months'
    | 'working_days'
    | 'levels'
    | 'count'
    | 'list'
    | 'ratio'
    | 'points'
    | 'bands'
    | 'usd'
    | 'persons';
  /**
   * For a reading of ambiguous text: the interpretation, signed, in words. Parameters that carry
   * a number printed in the text leave it undefined.
   */
  interpretation?: string;
  values: readonly DatedValue<T>[];
}

export interface ValueAt<T> {
  value: T;
  /** The date the value took effect. */
  from: string;
  reference: Reference;
}

/**
 * The value in force on `date`, or `undefined` when the parameter did not exist yet or was
 * repealed. Values must be sorted by `from` (checked by `checkParameter`).
 */
export function valueAt<T>(param: Parameter<T>, date: string): ValueAt<T> | undefined {
  let found: DatedValue<T> | undefined;
  for (const v of param.values) {
    if (v.from <= date) found = v;
    else break;
  }
  if (found === undefined || found.value === null) return undefined;
  return { value: found.value, from: found.from, reference: found.reference };
}

/** Problems with a parameter's definition (unsorted dates, non-integer amounts); [] when sound. */
export function checkParameter(param: Parameter<unknown>): string[] {
  const problems: string[] = [];
  let prev = '';
  for (const v of param.values) {
    if (!isIsoDate(v.from)) problems.push(`${param.id}: '${v.from}' is not an ISO date`);
    if (v.from <= prev) problems.push(`${param.id}: values must be in strictly increasing date order`);
    prev = v.from;
    if (param.unit === 'yuan' && v.value !== null) {
      if (typeof v.value !== 'number' || !Number.isSafeInteger(v.value) || v.value < 0) {
        problems.push(`${param.id}: amount ${String(v.value)} on ${v.from} is not a non-negative integer of yuan`);
      }
    }
  }
  return problems;
}

/** A value that applies from `from` onwards: the form of an override or of a later text. */
export function withValueFrom<T>(param: Parameter<T>, from: string, value: T | null, reference: Reference): Parameter<T> {
  const kept = param.values.filter((v) => v.from < from);
  return { ...param, values: [...kept, { from, value, reference }] };
}
