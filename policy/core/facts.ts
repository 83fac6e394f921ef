/**
 * Facts: the engine's input, a versioned JSON format ("sme-ladder/policy-facts@1", schema in
 * docs/schemas/policy-facts.v1.schema.json). Ids are strings so that database ids (bigint),
 * import ids and test ids all fit; optional fields accept `null` as the database returns it.
 */
import { yearOf } from './dates.ts';

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
 * `indexFacts` and reuse across fiscal years.
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
}

const NO_TITLES: readonly TitleEvent[] = [];

/** The title events recognised in `year`. */
export function titlesOfYear(facts: IndexedFacts, year: number): readonly TitleEvent[] {
  return facts.titlesByYear.get(year) ?? NO_TITLES;
}

export function indexFacts(facts: PolicyFacts): IndexedFacts {
  const titlesByYear = new Map<number, TitleEvent[]>();
  const seen = new Set<string>();
  const duplicateTitleIds: string[] = [];
  for (const t of facts.titles) {
    if (seen.has(t.titleId)) {
      duplicateTitleIds.push(t.titleId);
      continue;
    }
    seen.add(t.titleId);
    const y = yearOf(t.recognisedOn);
    const list = titlesByYear.get(y);
    if (list) list.push(t);
    else titlesByYear.set(y, [t]);
  }
  const carriersById = new Map<string, Carrier>();
  for (const c of facts.carriers) carriersById.set(c.carrierId, c);
  const residenciesByEnterprise = new Map<string, Residency[]>();
  for (const r of facts.residencies) {
    const list = residenciesByEnterprise.get(r.enterpriseId);
    if (list) list.push(r);
    else residenciesByEnterprise.set(r.enterpriseId, [r]);
  }
  return { facts, titlesByYear, duplicateTitleIds, carriersById, residenciesByEnterprise };
}

export function isIndexedFacts(x: PolicyFacts | IndexedFacts): x is IndexedFacts {
  return 'carriersById' in x;
}
