/**
 * Bulk evaluation: the facts as typed columns (dates as day numbers, titles as small integer
 * codes, residencies grouped by enterprise) and results as columns, so a fiscal year over a
 * million title events allocates no object per event or per result.
 *
 * `bulkFactsOf(indexed)` builds the columns once per IndexedFacts (cached) and reuses them across
 * fiscal years and versions. A clause with a columnar path writes rows into a `BulkSink`; a clause
 * without one runs its ordinary evaluator (trace and not-owed off) and its entitlements are kept
 * as objects beside the columns. `entitlementAt` turns any row back into the `Entitlement` that
 * `evaluate(…, { trace: false })` returns, key included.
 */
import type { RunContext, ClauseEvaluator } from './clause.ts';
import { addMonthsDayNumber, dayNumber, dayNumberOf, yearOf } from './dates.ts';
import type { Carrier, CarrierKind, IndexedFacts, Level, Recognition, Residency, TitleEvent, TitleKind } from './facts.ts';
import { LEVELS, RECOGNITIONS, TITLE_KINDS } from './facts.ts';
import type { Beneficiary, ClauseId, Entitlement } from './results.ts';

/** A date that is not there (no validUntil, no revocation, still resident): after every real date. */
export const NO_DATE = 0x7fffffff;

/** Title codes: kind × recognition × level, 36 values; a clause turns them into amount tables. */
export const TITLE_CODES = TITLE_KINDS.length * RECOGNITIONS.length * LEVELS.length;

function kindIndex(k: TitleKind): number {
  switch (k) {
    case 'innovative_sme':
      return 0;
    case 'specialized_sme':
      return 1;
    case 'little_giant':
      return 2;
    case 'manufacturing_champion':
      return 3;
    case 'gazelle':
      return 4;
    case 'unicorn':
      return 5;
  }
}

export function levelIndex(l: Level): number {
  return l === 'national' ? 0 : l === 'provincial' ? 1 : 2;
}

function carrierKindIndex(k: CarrierKind): number {
  return k === 'demo_base' ? 0 : k === 'service_platform' ? 1 : 2;
}

export const DEMO_BASE = carrierKindIndex('demo_base');

export function titleCode(kind: TitleKind, recognition: Recognition, level: Level): number {
  return (kindIndex(kind) * 2 + (recognition === 'first' ? 0 : 1)) * 3 + levelIndex(level);
}

export function decodeTitleCode(code: number): { kind: TitleKind; recognition: Recognition; level: Level } {
  const level = LEVELS[code % 3];
  const recognition = RECOGNITIONS[Math.floor(code / 3) % 2];
  const kind = TITLE_KINDS[Math.floor(code / 6)];
  if (level === undefined || recognition === undefined || kind === undefined) throw new Error(`bad title code ${code}`);
  return { kind, recognition, level };
}

const dayOrNone = (iso: string | null | undefined): number => (iso == null ? NO_DATE : dayNumber(iso));

/**
 * Exact string → dense integer id, for the ids the hot loop looks up (enterprise ids): open
 * addressing over one Int32Array of (hash, id + 1) pairs, so a look-up costs one probe and,
 * when the hash matches, one string comparison. A Map of strings costs several cache misses.
 */
export class IdIndex {
  readonly keys: string[] = [];
  private readonly mask: number;
  private readonly slots: Int32Array;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap * 2);
  }

  static hash(s: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x7feb352d);
    h ^= h >>> 15;
    return h | 0;
  }

  /** The id of `s`, or -1. */
  get(s: string): number {
    const h = IdIndex.hash(s);
    const slots = this.slots;
    let i = h & this.mask;
    for (;;) {
      const v = slots[2 * i + 1] as number;
      if (v === 0) return -1;
      if (slots[2 * i] === h && this.keys[v - 1] === s) return v - 1;
      i = (i + 1) & this.mask;
    }
  }

  /** The id of `s`, added (the next id) when new. Never more keys than `expected`. */
  add(s: string): number {
    const h = IdIndex.hash(s);
    const slots = this.slots;
    let i = h & this.mask;
    for (;;) {
      const v = slots[2 * i + 1] as number;
      if (v === 0) {
        const id = this.keys.length;
        if (2 * (id + 1) > this.mask + 1) throw new Error('IdIndex: more keys than expected');
        this.keys.push(s);
        slots[2 * i] = h;
        slots[2 * i + 1] = id + 1;
        return id;
      }
      if (slots[2 * i] === h && this.keys[v - 1] === s) return v - 1;
      i = (i + 1) & this.mask;
    }
  }
}

/**
 * The facts as columns, built in one pass over the title events. Title columns are indexed by the
 * title's index `p` in `facts.titles`; `order` lists the indexes year by year (facts order within
 * a year, each titleId once unless the caller vouched for unique ids, as `titlesByYear`).
 */
export class BulkFacts {
  /** `facts.titles`. */
  readonly titles: readonly TitleEvent[];
  /** titleCode(kind, recognition, level) */
  readonly code: Uint8Array;
  /** recognisedOn as a day number. */
  readonly day: Int32Array;
  /** revokedOn as a day number, NO_DATE when not revoked. */
  readonly revokedDay: Int32Array;
  /** Title indexes grouped by year of recognition; `yearRange(y)` gives a year's slice. */
  readonly order: Int32Array;
  private readonly years = new Map<number, { start: number; end: number }>();

  /** Residencies grouped by enterprise: group g holds rows groupStart[g] … groupStart[g+1]-1, in facts order. */
  readonly groupStart: Int32Array;
  readonly residencies: Residency[] = [];
  /** Index of the residency's carrier in `facts.carriers` (the last with that id, as `carriersById`), -1 unknown. */
  readonly resCarrier: Int32Array;
  readonly resFromDay: Int32Array;
  /** toDate (inclusive) as a day number, NO_DATE while resident. */
  readonly resToDay: Int32Array;
  private readonly groupOfEnterprise: IdIndex;
  private readonly completion = new Map<number, Int32Array>();

  /** Carrier columns, by index in `facts.carriers`. */
  readonly carriers: readonly Carrier[];
  readonly carrierKind: Uint8Array;
  readonly carrierLevel: Uint8Array;
  readonly carrierRecognisedDay: Int32Array;
  readonly carrierValidUntilDay: Int32Array;
  readonly carrierRevokedDay: Int32Array;
  /** Rank of the carrier's id in string order (equal ids, equal rank). */
  readonly carrierRank: Int32Array;

  constructor(readonly indexed: IndexedFacts) {
    const titles = indexed.facts.titles;
    this.titles = titles;
    const n = titles.length;
    this.code = new Uint8Array(n);
    this.day = new Int32Array(n);
    this.revokedDay = new Int32Array(n);
    const yearOfTitle = new Int32Array(n);
    const seen = indexed.titleIdsUnique === true ? null : new Set<string>();
    const SKIP = -0x80000000;
    let minYear = Infinity;
    let maxYear = -Infinity;
    for (let p = 0; p < n; p++) {
      const t = titles[p] as TitleEvent;
      if (seen !== null) {
        if (seen.has(t.titleId)) {
          yearOfTitle[p] = SKIP;
          continue;
        }
        seen.add(t.titleId);
      }
      const d = t.recognisedOn;
      const y = yearOf(d);
      yearOfTitle[p] = y;
      if (y < minYear) minYear = y;
      if (y > maxYear) maxYear = y;
      this.code[p] = titleCode(t.kind, t.recognition, t.level);
      this.day[p] = dayNumberOf(
        y,
        (d.charCodeAt(5) - 48) * 10 + d.charCodeAt(6) - 48,
        (d.charCodeAt(8) - 48) * 10 + d.charCodeAt(9) - 48,
      );
      this.revokedDay[p] = t.revokedOn == null ? NO_DATE : dayNumber(t.revokedOn);
    }
    // Counting sort of the indexes by year.
    const span = maxYear >= minYear ? maxYear - minYear + 1 : 0;
    const next = new Int32Array(span + 1);
    let kept = 0;
    for (let p = 0; p < n; p++) {
      const y = yearOfTitle[p] as number;
      if (y === SKIP) continue;
      next[y - minYear + 1] = (next[y - minYear + 1] as number) + 1;
      kept++;
    }
    for (let i = 1; i <= span; i++) next[i] = (next[i] as number) + (next[i - 1] as number);
    for (let i = 0; i < span; i++) {
      const start = next[i] as number;
      const end = next[i + 1] as number;
      if (end > start) this.years.set(minYear + i, { start, end });
    }
    this.order = new Int32Array(kept);
    for (let p = 0; p < n; p++) {
      const y = yearOfTitle[p] as number;
      if (y === SKIP) continue;
      const at = next[y - minYear] as number;
      this.order[at] = p;
      next[y - minYear] = at + 1;
    }

    const carriers = indexed.facts.carriers;
    this.carriers = carriers;
    const nc = carriers.length;
    this.carrierKind = new Uint8Array(nc);
    this.carrierLevel = new Uint8Array(nc);
    this.carrierRecognisedDay = new Int32Array(nc);
    this.carrierValidUntilDay = new Int32Array(nc);
    this.carrierRevokedDay = new Int32Array(nc);
    this.carrierRank = new Int32Array(nc);
    const carrierIndex = new Map<string, number>();
    carriers.forEach((c, i) => {
      carrierIndex.set(c.carrierId, i);
      this.carrierKind[i] = carrierKindIndex(c.kind);
      this.carrierLevel[i] = levelIndex(c.level);
      this.carrierRecognisedDay[i] = dayNumber(c.recognisedOn);
      this.carrierValidUntilDay[i] = dayOrNone(c.validUntil);
      this.carrierRevokedDay[i] = dayOrNone(c.revokedOn);
    });
    const ids = [...new Set(carriers.map((c) => c.carrierId))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const rankOf = new Map(ids.map((id, i) => [id, i]));
    carriers.forEach((c, i) => (this.carrierRank[i] = rankOf.get(c.carrierId) ?? 0));

    const rs = indexed.facts.residencies;
    this.groupOfEnterprise = new IdIndex(rs.length);
    const counts: number[] = [];
    const groupOfRow = new Int32Array(rs.length);
    for (let i = 0; i < rs.length; i++) {
      const g = this.groupOfEnterprise.add((rs[i] as Residency).enterpriseId);
      if (g === counts.length) counts.push(0);
      groupOfRow[i] = g;
      counts[g] = (counts[g] as number) + 1;
    }
    this.groupStart = new Int32Array(counts.length + 1);
    for (let g = 0; g < counts.length; g++) this.groupStart[g + 1] = (this.groupStart[g] ?? 0) + (counts[g] ?? 0);
    const fill = this.groupStart.slice(0, counts.length);
    const order = new Int32Array(rs.length);
    for (let i = 0; i < rs.length; i++) {
      const g = groupOfRow[i] ?? 0;
      const at = fill[g] ?? 0;
      order[at] = i;
      fill[g] = at + 1;
    }
    this.resCarrier = new Int32Array(rs.length);
    this.resFromDay = new Int32Array(rs.length);
    this.resToDay = new Int32Array(rs.length);
    for (let k = 0; k < rs.length; k++) {
      const r = rs[order[k] ?? 0] as Residency;
      this.residencies.push(r);
      this.resCarrier[k] = carrierIndex.get(r.carrierId) ?? -1;
      this.resFromDay[k] = dayNumber(r.fromDate);
      this.resToDay[k] = dayOrNone(r.toDate);
    }
  }

  /** The slice of `order` holding the titles recognised in `year`. */
  yearRange(year: number): { start: number; end: number } {
    return this.years.get(year) ?? { start: 0, end: 0 };
  }

  /** The residency group of an enterprise, or -1 when it resides nowhere. */
  groupOf(enterpriseId: string): number {
    return this.groupOfEnterprise.get(enterpriseId);
  }

  /** The day each residency is complete after `months` months (clamped to the month end), cached. */
  completionDays(months: number): Int32Array {
    let out = this.completion.get(months);
    if (out === undefined) {
      out = new Int32Array(this.residencies.length);
      this.residencies.forEach((r, k) => {
        if (out !== undefined) out[k] = addMonthsDayNumber(r.fromDate, months);
      });
      this.completion.set(months, out);
    }
    return out;
  }
}

const cache = new WeakMap<IndexedFacts, BulkFacts>();

/** The columns of indexed facts, built on first use and kept as long as the IndexedFacts lives. */
export function bulkFactsOf(indexed: IndexedFacts): BulkFacts {
  let b = cache.get(indexed);
  if (b === undefined) {
    b = new BulkFacts(indexed);
    cache.set(indexed, b);
  }
  return b;
}

/** One kind of row: a clause's item under a policy version. */
export interface BulkItem {
  clause: ClauseId;
  item: string;
  beneficiaryType: Beneficiary['type'];
  policyVersion: string;
  /** `${clause}:${item}:${beneficiaryType}:` */
  keyPrefix: string;
}

/**
 * The entitlements of a fiscal year as columns, row r = 0 … count-1, in the order `evaluate`
 * returns them. Title-triggered rows: `trigger[r]` is the title's position in `facts.titles`;
 * `beneficiary[r]` is the carrier's index in `facts.carriers` for a carrier beneficiary, or the
 * trigger again for the enterprise beneficiary. Rows of clauses without a columnar path
 * (clause 4, clause 5's platforms: a few carriers) have -1 there and their object in `objects`.
 */
export interface BulkEvaluation {
  fiscalYear: number;
  policyVersions: string[];
  count: number;
  /** Sum of the amounts, integer yuan. */
  totalAmount: number;
  items: readonly BulkItem[];
  itemCode: Uint16Array;
  amount: Float64Array;
  trigger: Int32Array;
  beneficiary: Int32Array;
  objects: ReadonlyMap<number, Entitlement>;
  facts: BulkFacts;
}

/** What a clause's columnar evaluator receives. */
export interface BulkRun {
  fiscalYear: number;
  asOf: string;
  asOfDay: number;
  facts: IndexedFacts;
  bulk: BulkFacts;
  sink: BulkSink;
}

export type BulkClauseEvaluator = (run: BulkRun) => void;

/** Growable result columns. */
export class BulkSink {
  count = 0;
  total = 0;
  itemCode = new Uint16Array(1024);
  amount = new Float64Array(1024);
  trigger = new Int32Array(1024);
  beneficiary = new Int32Array(1024);
  readonly objects = new Map<number, Entitlement>();
  readonly items: BulkItem[] = [];
  private readonly itemIds = new Map<string, number>();

  constructor(
    readonly bulk: BulkFacts,
    readonly fiscalYear: number,
  ) {}

  /** The code of an item, registered on first use. */
  item(clause: ClauseId, item: string, beneficiaryType: Beneficiary['type'], policyVersion: string): number {
    const id = `${policyVersion}\u0000${clause}:${item}:${beneficiaryType}`;
    let code = this.itemIds.get(id);
    if (code === undefined) {
      code = this.items.length;
      if (code > 0xffff) throw new Error('bulk: too many items');
      this.items.push({ clause, item, beneficiaryType, policyVersion, keyPrefix: `${clause}:${item}:${beneficiaryType}:` });
      this.itemIds.set(id, code);
    }
    return code;
  }

  private grow(): void {
    const cap = this.amount.length * 2;
    const itemCode = new Uint16Array(cap);
    itemCode.set(this.itemCode);
    this.itemCode = itemCode;
    const amount = new Float64Array(cap);
    amount.set(this.amount);
    this.amount = amount;
    const trigger = new Int32Array(cap);
    trigger.set(this.trigger);
    this.trigger = trigger;
    const beneficiary = new Int32Array(cap);
    beneficiary.set(this.beneficiary);
    this.beneficiary = beneficiary;
  }

  push(item: number, trigger: number, beneficiary: number, amount: number): void {
    const r = this.count;
    if (r === this.amount.length) this.grow();
    this.itemCode[r] = item;
    this.trigger[r] = trigger;
    this.beneficiary[r] = beneficiary;
    this.amount[r] = amount;
    this.count = r + 1;
    this.total += amount;
  }

  pushObject(e: Entitlement): void {
    const code = this.item(e.clause, e.item, e.beneficiary.type, e.policyVersion);
    const r = this.count;
    this.push(code, -1, -1, e.amount);
    this.objects.set(r, e);
  }

  /**
   * 就高不重复 over the rows added since `start` (all columnar): keep the best row of each group
   * (highest amount; on a tie the earlier recognition, then the smaller key), as `applyHighestOnly`.
   */
  highestOnly(start: number, groupOf: (row: number) => string): void {
    const best = new Map<string, number>();
    const day = this.bulk.day;
    for (let r = start; r < this.count; r++) {
      const g = groupOf(r);
      const cur = best.get(g);
      if (cur === undefined) {
        best.set(g, r);
        continue;
      }
      const a = this.amount[r] ?? 0;
      const b = this.amount[cur] ?? 0;
      const da = day[this.trigger[r] ?? 0] ?? 0;
      const db = day[this.trigger[cur] ?? 0] ?? 0;
      if (a > b || (a === b && (da < db || (da === db && this.keyAt(r) < this.keyAt(cur))))) best.set(g, r);
    }
    const kept = new Set(best.values());
    let w = start;
    for (let r = start; r < this.count; r++) {
      if (!kept.has(r)) {
        this.total -= this.amount[r] ?? 0;
        continue;
      }
      this.itemCode[w] = this.itemCode[r] ?? 0;
      this.trigger[w] = this.trigger[r] ?? 0;
      this.beneficiary[w] = this.beneficiary[r] ?? 0;
      this.amount[w] = this.amount[r] ?? 0;
      w++;
    }
    this.count = w;
  }

  keyAt(r: number): string {
    return keyOf(this.bulk, this.items, this.itemCode, this.trigger, this.beneficiary, this.objects, this.fiscalYear, r);
  }

  result(policyVersions: string[]): BulkEvaluation {
    const n = this.count;
    return {
      fiscalYear: this.fiscalYear,
      policyVersions,
      count: n,
      totalAmount: this.total,
      items: this.items,
      itemCode: this.itemCode.subarray(0, n),
      amount: this.amount.subarray(0, n),
      trigger: this.trigger.subarray(0, n),
      beneficiary: this.beneficiary.subarray(0, n),
      objects: this.objects,
      facts: this.bulk,
    };
  }
}

function keyOf(
  bulk: BulkFacts,
  items: readonly BulkItem[],
  itemCode: Uint16Array,
  trigger: Int32Array,
  beneficiary: Int32Array,
  objects: ReadonlyMap<number, Entitlement>,
  fiscalYear: number,
  r: number,
): string {
  const o = objects.get(r);
  if (o !== undefined) return o.key;
  const it = items[itemCode[r] ?? 0];
  const t = bulk.titles[trigger[r] ?? -1];
  if (it === undefined || t === undefined) throw new Error(`bulk: no row ${r}`);
  const b = it.beneficiaryType === 'carrier' ? bulk.carriers[beneficiary[r] ?? -1]?.carrierId : t.enterpriseId;
  return `${it.keyPrefix}${b ?? ''}:${t.titleId}:${fiscalYear}`;
}

/** The key of row r: equal to the `key` `evaluate` gives the same entitlement. */
export function keyAt(e: BulkEvaluation, r: number): string {
  return keyOf(e.facts, e.items, e.itemCode, e.trigger, e.beneficiary, e.objects, e.fiscalYear, r);
}

/** Row r as the `Entitlement` `evaluate(…, { trace: false })` returns (trace null). */
export function entitlementAt(e: BulkEvaluation, r: number): Entitlement {
  const o = e.objects.get(r);
  if (o !== undefined) return o;
  const it = e.items[e.itemCode[r] ?? 0];
  const t = e.facts.titles[e.trigger[r] ?? -1];
  if (it === undefined || t === undefined) throw new Error(`bulk: no row ${r}`);
  let beneficiary: Beneficiary;
  if (it.beneficiaryType === 'carrier') {
    const c = e.facts.carriers[e.beneficiary[r] ?? -1];
    if (c === undefined) throw new Error(`bulk: row ${r} has no carrier`);
    beneficiary = c.name ? { type: 'carrier', id: c.carrierId, name: c.name } : { type: 'carrier', id: c.carrierId };
  } else {
    beneficiary = t.enterpriseName
      ? { type: 'enterprise', id: t.enterpriseId, name: t.enterpriseName }
      : { type: 'enterprise', id: t.enterpriseId };
  }
  return {
    key: keyAt(e, r),
    beneficiary,
    clause: it.clause,
    item: it.item,
    amount: e.amount[r] ?? 0,
    fiscalYear: e.fiscalYear,
    trigger: { kind: 'title', titleId: t.titleId, enterpriseId: t.enterpriseId, date: t.recognisedOn },
    policyVersion: it.policyVersion,
    trace: null,
  };
}

/** Every row as an `Entitlement`, for callers that want objects after all (tests, small sets). */
export function toEntitlements(e: BulkEvaluation): Entitlement[] {
  const out: Entitlement[] = [];
  for (let r = 0; r < e.count; r++) out.push(entitlementAt(e, r));
  return out;
}

/** Runs a clause's ordinary evaluator (no traces, no not-owed) and keeps its entitlements as object rows. */
export function runAsObjects(evaluator: ClauseEvaluator, run: BulkRun): void {
  const ctx: RunContext = {
    fiscalYear: run.fiscalYear,
    asOf: run.asOf,
    trace: false,
    reportNotOwed: false,
    entitlements: [],
    notOwed: [],
  };
  evaluator(run.facts, ctx);
  for (const x of ctx.entitlements) run.sink.pushObject(x);
}
