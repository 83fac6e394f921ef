/**
 * Policy versions and their registry: the draft and a later final text live side by side, each
 * applying to the trigger dates of its window, so recomputing a past year uses the rules then in
 * force.
 */
import type { ClauseDefinition, ParamValue, VersionWindow } from './clause.ts';
import { dayBefore, isIsoDate } from './dates.ts';
import type { DatedValue, Reference } from './parameter.ts';

export interface PolicyVersion {
  /** e.g. 'jinan-quality-sme-2023-draft'. */
  id: string;
  titleZh: string;
  status: 'draft' | 'final';
  /** First trigger date (recognition date) the version applies to. */
  effectiveFrom: string;
  /** Where `effectiveFrom` comes from; `unverified` when it is an assumption. */
  effectiveFromReference: Reference;
  /** Last trigger date; when absent, the registry ends it the day before the next version. */
  effectiveUntil?: string;
  clauses: readonly ClauseDefinition[];
  /**
   * Dated values this text adds to the clauses' parameters, by parameter id (e.g. the final text
   * lowers an amount from its effective date). History is appended, never rewritten.
   */
  amendments?: Readonly<Record<string, readonly DatedValue<ParamValue>[]>>;
}

/** What the registry needs of a version: an id and a window of dates it governs. */
export interface DatedVersion {
  id: string;
  effectiveFrom: string;
  effectiveUntil?: string;
}

/**
 * Versions side by side, each governing the dates of its window. Generic, so that the money
 * clauses (`PolicyVersion`) and the tier standards (`StandardVersion`, standard.ts) choose their
 * version by date the same way.
 */
export class PolicyRegistry<V extends DatedVersion = PolicyVersion> {
  private readonly list: V[] = [];

  register(version: V): this {
    if (!isIsoDate(version.effectiveFrom)) throw new Error(`${version.id}: effectiveFrom is not an ISO date`);
    if (this.list.some((v) => v.id === version.id)) throw new Error(`${version.id}: already registered`);
    if (this.list.some((v) => v.effectiveFrom === version.effectiveFrom)) {
      throw new Error(`${version.id}: another version already starts on ${version.effectiveFrom}`);
    }
    this.list.push(version);
    this.list.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
    return this;
  }

  versions(): readonly V[] {
    return this.list;
  }

  get(id: string): V | undefined {
    return this.list.find((v) => v.id === id);
  }

  /** The window a version governs: its own end, or the day before its successor starts. */
  windowOf(version: V): VersionWindow {
    const i = this.list.indexOf(version);
    if (i < 0) throw new Error(`${version.id}: not registered`);
    const next = this.list[i + 1];
    const successorEnd = next ? dayBefore(next.effectiveFrom) : null;
    let until = version.effectiveUntil ?? successorEnd;
    if (until !== null && successorEnd !== null && successorEnd < until) until = successorEnd;
    return { from: version.effectiveFrom, until };
  }

  /** The version in force on `date`, or undefined before the first one or in a gap. */
  versionFor(date: string): V | undefined {
    for (let i = this.list.length - 1; i >= 0; i--) {
      const v = this.list[i];
      if (v === undefined || v.effectiveFrom > date) continue;
      const w = this.windowOf(v);
      return w.until === null || date <= w.until ? v : undefined;
    }
    return undefined;
  }
}

/** A window standing alone (a version compiled outside any registry). */
export function ownWindow(version: DatedVersion): VersionWindow {
  return { from: version.effectiveFrom, until: version.effectiveUntil ?? null };
}
