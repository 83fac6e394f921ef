/**
 * Facts: the engine's input, a versioned JSON format ("sme-ladder/policy-facts@1", schema in
 * docs/schemas/policy-facts.v1.schema.json). Ids are strings so that database ids (bigint),
 * import ids and test ids all fit; optional fields accept `null` as the database returns it.
 */
import { isIsoDate, yearOf } from './dates.ts';

export const FACTS_FORMAT = 'sme-ladder/policy-facts@1';

export const TITLE_KINDS = [
  'innovative_sme',
  'specialized_sme',
  'little_giant',
  'manufacturing_champion',
  'gazelle',
  'unicorn',
] as const;
export type TitleKind = (typeof TITLE_KINDS)[number];

export const LEVELS = ['national', 'provincial', 'city'] as const;
export type Level = (typeof LEVELS)[number];

export const RECOGNITIONS = ['first', 'renewal'] as const;
export type Recognition = (typeof RECOGNITIONS)[number];

export const CARRIER_KINDS = ['demo_base', 'service_platform', 'park'] as const;
export type CarrierKind = (typeof CARRIER_KINDS)[number];

/** Who recognised a park as a 优质培育服务园区 (clause 4 asks for MIIT departments). */
export const PARK_RECOGNISERS = ['miit', 'province', 'city', 'other'] as const;
export type ParkRecogniser = (typeof PARK_RECOGNISERS)[number];

/** One recognition of a title (a row of the registry's `titles`). */
export interface TitleEvent {
  titleId: string;
  enterpriseId: string;
  enterpriseName?: string | null;
  uscc?: string | null;
  /** The managing unit (GB/T 2260 district code or zone code). */
  unitCode?: string | null;
  kind: TitleKind;
  level: Level;
  recognisedOn: string;
  validUntil?: string | null;
  /** 'first' = 新获评/新认定; 'renewal' = 有效期满经复核或重新申报认定. */
  recognition: Recognition;
  revokedOn?: string | null;
}

/** A service carrier: 小型微型企业创业创新示范基地, 中小企业公共服务示范平台, or a park. */
export interface Carrier {
  carrierId: string;
  kind: CarrierKind;
  name: string;
  level: Level;
  recognisedOn: string;
  validUntil?: string | null;
  /** Defaults to 'first'; clause 5 rewards only newly recognised platforms. */
  recognition?: Recognition | null;
  revokedOn?: string | null;
  /** For parks: who recognised it as a quality-cultivation service park (优质培育服务园区). */
  serviceParkRecognisedBy?: ParkRecogniser | null;
  unitCode?: string | null;
}

/** An enterprise resides in a carrier from `fromDate`, until `toDate` inclusive when it left. */
export interface Residency {
  enterpriseId: string;
  carrierId: string;
  fromDate: string;
  toDate?: string | null;
}

export interface PolicyFacts {
  format: typeof FACTS_FORMAT;
  titles: readonly TitleEvent[];
  carriers: readonly Carrier[];
  residencies: readonly Residency[];
}

/**
 * Facts indexed for evaluation: carriers by id, residencies by enterprise. Build once with
 * `indexFacts` and reuse across fiscal years; each index is built on first use.
 */
export interface IndexedFacts {
  readonly facts: PolicyFacts;
  /**
   * Title events by calendar year of recognition, each titleId once (the first occurrence wins):
   * the same title event never yields two results, and a fiscal year touches only its years.
   */
  readonly titlesByYear: ReadonlyMap<number, readonly TitleEvent[]>;
  /** titleIds listed more than once in the facts (kept once); a data problem to show. */
  readonly duplicateTitleIds: readonly string[];
  readonly carriersById: ReadonlyMap<string, Carrier>;
  readonly residenciesByEnterprise: ReadonlyMap<string, readonly Residency[]>;
  /** Set when the caller vouched for unique titleIds (`IndexOptions.titleIdsUnique`). */
  readonly titleIdsUnique?: boolean;
}

const NO_TITLES: readonly TitleEvent[] = [];

/** The title events recognised in `year`. */
export function titlesOfYear(facts: IndexedFacts, year: number): readonly TitleEvent[] {
  return facts.titlesByYear.get(year) ?? NO_TITLES;
}

export interface IndexOptions {
  /**
   * Set when the source guarantees unique titleIds (a database primary key): skips the
   * duplicate check, the costliest step of indexing a million events.
   */
  titleIdsUnique?: boolean;
}

/**
 * Builds nothing until asked: each index is computed on first use and kept, so a caller that
 * needs only some of them (the bulk path reads the facts as columns) pays only for those.
 */
class LazyIndex implements IndexedFacts {
  private byYear: ReadonlyMap<number, readonly TitleEvent[]> | undefined;
  private duplicates: readonly string[] | undefined;
  private carriers: ReadonlyMap<string, Carrier> | undefined;
  private residencies: ReadonlyMap<string, readonly Residency[]> | undefined;

  constructor(
    readonly facts: PolicyFacts,
    readonly titleIdsUnique: boolean,
  ) {}

  get titlesByYear(): ReadonlyMap<number, readonly TitleEvent[]> {
    if (this.byYear === undefined) this.indexTitles();
    return this.byYear ?? new Map();
  }

  get duplicateTitleIds(): readonly string[] {
    if (this.duplicates === undefined) this.indexTitles();
    return this.duplicates ?? [];
  }

  get carriersById(): ReadonlyMap<string, Carrier> {
    if (this.carriers === undefined) {
      const m = new Map<string, Carrier>();
      for (const c of this.facts.carriers) m.set(c.carrierId, c);
      this.carriers = m;
    }
    return this.carriers;
  }

  get residenciesByEnterprise(): ReadonlyMap<string, readonly Residency[]> {
    if (this.residencies === undefined) {
      const m = new Map<string, Residency[]>();
      for (const r of this.facts.residencies) {
        const list = m.get(r.enterpriseId);
        if (list) list.push(r);
        else m.set(r.enterpriseId, [r]);
      }
      this.residencies = m;
    }
    return this.residencies;
  }

  private indexTitles(): void {
    const titlesByYear = new Map<number, TitleEvent[]>();
    const seen = this.titleIdsUnique ? null : new Set<string>();
    const duplicateTitleIds: string[] = [];
    const byYear: (TitleEvent[] | undefined)[] = Array.from({ length: 300 }, () => undefined);
    for (const t of this.facts.titles) {
      if (seen === null) {
        // trusted unique
      } else if (seen.has(t.titleId)) {
        duplicateTitleIds.push(t.titleId);
        continue;
      } else seen.add(t.titleId);
      const y = yearOf(t.recognisedOn);
      // An array indexed by year avoids a Map look-up per event; the Map is built once at the end.
      const slot = y - 1900;
      let list = slot >= 0 && slot < 300 ? byYear[slot] : titlesByYear.get(y);
      if (list === undefined) {
        list = [];
        if (slot >= 0 && slot < 300) byYear[slot] = list;
        else titlesByYear.set(y, list);
      }
      list.push(t);
    }
    byYear.forEach((list, slot) => {
      if (list !== undefined) titlesByYear.set(slot + 1900, list);
    });
    this.byYear = titlesByYear;
    this.duplicates = duplicateTitleIds;
  }
}

export function indexFacts(facts: PolicyFacts, opts: IndexOptions = {}): IndexedFacts {
  return new LazyIndex(facts, opts.titleIdsUnique === true);
}

export function isIndexedFacts(x: PolicyFacts | IndexedFacts): x is IndexedFacts {
  return 'carriersById' in x;
}

/** A problem with one field of incoming facts, e.g. { path: 'titles[3].recognisedOn', problem: 'not an ISO date' }. */
export interface FactProblem {
  path: string;
  problem: string;
}

type Rec = Record<string, unknown>;
const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
function oneOf<T extends string>(list: readonly T[], x: unknown): x is T {
  return typeof x === 'string' && (list as readonly string[]).includes(x);
}

/**
 * Validates untrusted JSON against the facts format (the checks of
 * docs/schemas/policy-facts.v1.schema.json that matter to the engine) and returns typed facts.
 */
export function parseFacts(raw: unknown): { ok: true; facts: PolicyFacts } | { ok: false; problems: FactProblem[] } {
  const problems: FactProblem[] = [];
  const bad = (path: string, problem: string) => problems.push({ path, problem });
  const date = (r: Rec, k: string, path: string, optional: boolean): string | null | undefined => {
    const v = r[k];
    if ((v === undefined || v === null) && optional) return v;
    if (typeof v !== 'string' || !isIsoDate(v)) bad(`${path}.${k}`, 'not an ISO date');
    return typeof v === 'string' ? v : undefined;
  };
  const text = (r: Rec, k: string, path: string): string => {
    const v = r[k];
    if (typeof v !== 'string' || v === '') bad(`${path}.${k}`, 'missing');
    return typeof v === 'string' ? v : '';
  };
  if (!isRec(raw) || raw.format !== FACTS_FORMAT)
    return { ok: false, problems: [{ path: 'format', problem: `must be ${FACTS_FORMAT}` }] };
  const list = (k: string): unknown[] => {
    const v = raw[k];
    if (!Array.isArray(v)) bad(k, 'must be an array');
    return Array.isArray(v) ? v : [];
  };
  const titles: TitleEvent[] = [];
  list('titles').forEach((t, i) => {
    const p = `titles[${i}]`;
    if (!isRec(t)) return void bad(p, 'must be an object');
    if (!oneOf(TITLE_KINDS, t.kind)) bad(`${p}.kind`, 'unknown title kind');
    if (!oneOf(LEVELS, t.level)) bad(`${p}.level`, 'unknown level');
    if (!oneOf(RECOGNITIONS, t.recognition)) bad(`${p}.recognition`, 'must be first or renewal');
    const e: TitleEvent = {
      titleId: text(t, 'titleId', p),
      enterpriseId: text(t, 'enterpriseId', p),
      kind: oneOf(TITLE_KINDS, t.kind) ? t.kind : 'innovative_sme',
      level: oneOf(LEVELS, t.level) ? t.level : 'city',
      recognisedOn: date(t, 'recognisedOn', p, false) ?? '',
      recognition: oneOf(RECOGNITIONS, t.recognition) ? t.recognition : 'first',
    };
    const revokedOn = date(t, 'revokedOn', p, true);
    if (typeof revokedOn === 'string') e.revokedOn = revokedOn;
    const validUntil = date(t, 'validUntil', p, true);
    if (typeof validUntil === 'string') e.validUntil = validUntil;
    for (const k of ['enterpriseName', 'uscc', 'unitCode'] as const) if (typeof t[k] === 'string') e[k] = t[k];
    titles.push(e);
  });
  const carriers: Carrier[] = [];
  list('carriers').forEach((c, i) => {
    const p = `carriers[${i}]`;
    if (!isRec(c)) return void bad(p, 'must be an object');
    if (!oneOf(CARRIER_KINDS, c.kind)) bad(`${p}.kind`, 'unknown carrier kind');
    if (!oneOf(LEVELS, c.level)) bad(`${p}.level`, 'unknown level');
    const x: Carrier = {
      carrierId: text(c, 'carrierId', p),
      kind: oneOf(CARRIER_KINDS, c.kind) ? c.kind : 'park',
      name: typeof c.name === 'string' ? c.name : '',
      level: oneOf(LEVELS, c.level) ? c.level : 'city',
      recognisedOn: date(c, 'recognisedOn', p, false) ?? '',
    };
    const validUntil = date(c, 'validUntil', p, true);
    if (typeof validUntil === 'string') x.validUntil = validUntil;
    const revokedOn = date(c, 'revokedOn', p, true);
    if (typeof revokedOn === 'string') x.revokedOn = revokedOn;
    if (c.recognition != null) {
      if (oneOf(RECOGNITIONS, c.recognition)) x.recognition = c.recognition;
      else bad(`${p}.recognition`, 'must be first or renewal');
    }
    if (c.serviceParkRecognisedBy != null) {
      if (oneOf(PARK_RECOGNISERS, c.serviceParkRecognisedBy)) x.serviceParkRecognisedBy = c.serviceParkRecognisedBy;
      else bad(`${p}.serviceParkRecognisedBy`, 'unknown recogniser');
    }
    if (typeof c.unitCode === 'string') x.unitCode = c.unitCode;
    carriers.push(x);
  });
  const residencies: Residency[] = [];
  list('residencies').forEach((r, i) => {
    const p = `residencies[${i}]`;
    if (!isRec(r)) return void bad(p, 'must be an object');
    const x: Residency = {
      enterpriseId: text(r, 'enterpriseId', p),
      carrierId: text(r, 'carrierId', p),
      fromDate: date(r, 'fromDate', p, false) ?? '',
    };
    const toDate = date(r, 'toDate', p, true);
    if (typeof toDate === 'string') {
      x.toDate = toDate;
      if (toDate < x.fromDate) bad(`${p}.toDate`, 'before fromDate');
    }
    residencies.push(x);
  });
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, facts: { format: FACTS_FORMAT, titles, carriers, residencies } };
}
