/**
 * Response and request shapes from docs/api-contract.md (v1). Kept by hand: the server is written
 * in parallel; when its OpenAPI document settles these could be generated from /api/docs/json.
 */

export interface Bilingual {
  zh: string;
  en: string;
}

export interface FieldProblem {
  field: string;
  reason: Bilingual;
}

export type ErrorId =
  | 'validation_failed'
  | 'unauthenticated'
  | 'bad_credentials'
  | 'account_locked'
  | 'csrf_failed'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'stale_version'
  | 'payload_too_large'
  | 'rate_limited'
  | 'internal';

export interface ErrorBody {
  error: { id: ErrorId; message: Bilingual; fields?: FieldProblem[] };
}

export type Role =
  | 'city_officer'
  | 'district_officer'
  | 'finance_officer'
  | 'bank_officer'
  | 'enterprise_user'
  | 'carrier_operator'
  | 'university'
  | 'judge'
  | 'penalty_agency'
  | 'admin';

export interface User {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  unitCode: string | null;
  enterpriseId: number | null;
  carrierId: number | null;
  organisation: string | null;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export type TitleKind =
  | 'innovative_sme'
  | 'specialized_sme'
  | 'little_giant'
  | 'manufacturing_champion'
  | 'gazelle'
  | 'unicorn';
export type TitleLevel = 'national' | 'provincial' | 'city';
export type SizeClass = 'micro' | 'small' | 'medium' | 'large';
export type RecognitionKind = 'first' | 'renewal';
export type CarrierKind = 'demo_base' | 'service_platform' | 'park' | 'cluster';
export type TitleStatus = 'in_force' | 'expired' | 'revoked';

export interface MetaItem<Id extends string = string> extends Bilingual {
  id: Id;
}

export interface Meta {
  titleKinds: MetaItem<TitleKind>[];
  levels: MetaItem<TitleLevel>[];
  sizeClasses: MetaItem<SizeClass>[];
  carrierKinds: MetaItem<CarrierKind>[];
  /** The server lists role ids; their names in words come from the web dictionary. */
  roles: Role[];
  recognitionKinds: MetaItem<RecognitionKind>[];
  industries: (Bilingual & { code: string })[];
}

export interface Unit {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: 'district' | 'county' | 'zone';
  overlays: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface EnterpriseRow {
  id: number;
  uscc: string;
  name: string;
  unitCode: string;
  unitName: string;
  industryCode: string;
  sizeClass: SizeClass;
  establishedOn: string;
  titles: TitleKind[];
  revenue: number | null;
  contactName: string | null;
  contactPhone: string | null;
}

export type EnterpriseSort =
  | 'name'
  | '-name'
  | 'establishedOn'
  | '-establishedOn'
  | 'revenue'
  | '-revenue'
  | 'uscc'
  | '-uscc';

export interface EnterpriseQuery {
  q?: string;
  unitCode?: string;
  industry?: string;
  sizeClass?: string;
  titleKind?: string;
  /** With titleKind: national | provincial | city. */
  level?: string;
  /** Titles counted in force on this date (default today). */
  on?: string;
  sort?: string;
  page?: number;
  pageSize?: number;
}

export interface Enterprise {
  id: number;
  uscc: string;
  name: string;
  unitCode: string;
  unitName: string;
  industryCode: string;
  establishedOn: string;
  sizeClass: SizeClass;
  address: string;
  strategicEmerging: boolean;
  contactName: string | null;
  contactPhone: string | null;
  version: number;
}

export interface YearlyFigures {
  year: number;
  revenue: number;
  mainBusinessRevenue: number;
  rdExpense: number;
  netProfit: number;
  totalAssets: number;
  totalLiabilities: number;
  employees: number;
  rdStaff: number;
}

export interface IpCounts {
  year: number;
  inventionPatents: number;
  utilityModels: number;
  designPatents: number;
  softwareCopyrights: number;
  trademarks: number;
  class1: number;
  class2: number;
  class1HighValue: number;
}

export interface Honour {
  kind: string;
  name: string;
  level: TitleLevel;
  year: number;
}

export interface Title {
  id: number;
  kind: TitleKind;
  level: TitleLevel;
  batch: string;
  recognisedOn: string;
  validUntil: string | null;
  recognition: RecognitionKind;
  revokedOn: string | null;
  revokeReason: string | null;
  status: TitleStatus;
}

export interface Residency {
  id: number;
  carrierId: number;
  carrierName: string;
  fromDate: string;
  toDate: string | null;
}

export interface EnterpriseDetail {
  enterprise: Enterprise;
  formerNames: { name: string; usedUntil: string | null }[];
  yearly: YearlyFigures[];
  ip: IpCounts[];
  honours: Honour[];
  titles: Title[];
  residencies: Residency[];
}

export interface EnterpriseInput {
  uscc: string;
  name: string;
  unitCode: string;
  industryCode: string;
  establishedOn: string;
  sizeClass: SizeClass;
  address?: string;
  strategicEmerging?: boolean;
  contactName?: string;
  contactPhone?: string;
}

export type EnterprisePatch = Partial<Omit<EnterpriseInput, 'uscc'>> & { version: number };

export interface TitleInput {
  kind: TitleKind;
  level: TitleLevel;
  batch: string;
  recognisedOn: string;
  validUntil?: string;
  recognition: RecognitionKind;
}

export interface CarrierRow {
  id: number;
  kind: CarrierKind;
  name: string;
  level: TitleLevel;
  unitCode: string;
  unitName: string;
  recognisedOn: string;
  validUntil: string | null;
  inForce: boolean;
  residents: number;
}

export interface CarrierQuery {
  kind?: string;
  q?: string;
  unitCode?: string;
  page?: number;
  pageSize?: number;
}

/** The contract says `{carrier: {...}}`; we rely on the list-row fields plus the optional extras. */
export interface Carrier extends Omit<CarrierRow, 'residents' | 'inForce'> {
  inForce?: boolean;
  operatorUscc?: string | null;
  leadingIndustry?: string | null;
}

export interface CarrierResident {
  residencyId: number;
  enterpriseId: number;
  enterpriseName: string;
  fromDate: string;
  toDate: string | null;
}

export interface CarrierDetail {
  carrier: Carrier;
  residents: CarrierResident[];
}

// ---------- Policy and entitlements (policy/core/{parameter,clause,results}.ts) ----------

export type ClauseId = '2' | '4' | '5';
export type ParamUnit = 'yuan' | 'switch' | 'years' | 'levels' | 'count' | 'list';
export type ParamValue = number | boolean | string | string[];

export interface PolicyReference {
  document: string;
  clause: string;
  note?: string;
  url?: string;
  /** Set when the value is an assumption: what is assumed and why. */
  unverified?: string;
}

export interface DatedValue {
  from: string;
  /** null = repealed from this date. */
  value: ParamValue | null;
  reference: PolicyReference;
}

export interface PolicyParameter {
  id: string;
  descriptionZh: string;
  descriptionEn: string;
  unit: ParamUnit;
  interpretation?: string;
  values: DatedValue[];
}

export interface ClauseText {
  documentZh: string;
  partZh: string;
  itemNumberZh: string;
  itemLabelAsPrinted: string;
  textZh: string;
  responsibleUnitsZh: string[];
  summaryEn: string;
}

export interface PolicyClause {
  clause: ClauseId;
  formulaId: string;
  formulaVersion: string;
  text: ClauseText;
  parameters: PolicyParameter[];
}

export interface PolicyVersion {
  id: string;
  titleZh: string;
  status: 'draft' | 'final';
  effectiveFrom: string;
  window: { from: string; until: string | null };
  clauses: PolicyClause[];
}

export type EntitlementStatus = 'owed' | 'withdrawn' | 'recovery_due';

export interface StatusReason extends Bilingual {
  code: string;
}

export type EntitlementTrigger =
  | { kind: 'title'; titleId: string; enterpriseId: string; date: string }
  | { kind: 'carrier'; carrierId: string; date: string };

export interface EntitlementRow {
  id: number;
  key: string;
  fiscalYear: number;
  clause: ClauseId;
  item: string;
  beneficiaryType: 'enterprise' | 'carrier';
  beneficiaryId: number;
  beneficiaryName: string;
  unitCode: string | null;
  amount: number;
  status: EntitlementStatus;
  statusReason: StatusReason[] | null;
  policyVersion: string;
  trigger: EntitlementTrigger;
  paidAt: string | null;
}

export interface EntitlementPage extends Page<EntitlementRow> {
  /** Sum of the owed items matching the filters (all pages). */
  owedAmount: number;
}

export interface EntitlementQuery {
  fiscalYear?: string;
  clause?: string;
  status?: string;
  unitCode?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export type FactValue = string | number | boolean | null;

export interface TraceCondition {
  name: string;
  value: boolean;
  facts: Record<string, FactValue>;
}

export interface TraceParameter {
  id: string;
  value: FactValue | string[];
  from: string;
  reference: PolicyReference;
  interpretation?: string;
}

export interface Trace {
  policyVersion: string;
  clause: ClauseId;
  formula: { id: string; version: string };
  conditions: TraceCondition[];
  parameters: TraceParameter[];
  computation: string;
}

export interface EntitlementDetail extends Omit<EntitlementRow, 'unitCode'> {
  unitCode?: string | null;
  trace: Trace | null;
  computedAt?: string;
}

export interface RecomputeCounts {
  computed: number;
  inserted: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
  recoveryDue: number;
  restored: number;
  total: number;
}

export interface BudgetLine {
  fiscalYear: number;
  clause: ClauseId;
  responsibleUnitsZh: string[];
  amount: number;
  count: number;
}

export interface Budget {
  lines: BudgetLine[];
  byUnit: { fiscalYear: number; unitZh: string; amount: number }[];
  totalsByYear: { fiscalYear: number; amount: number }[];
  total: number;
}

export interface BudgetResponse extends Budget {
  fiscalYears: number[];
}

export interface BeneficiaryDifference {
  beneficiaryType: 'enterprise' | 'carrier';
  beneficiaryId: string;
  name?: string;
  base: number;
  alt: number;
  difference: number;
  changedKeys: string[];
}

export interface WhatIfRequest {
  fiscalYears: number[];
  parameters: Record<string, ParamValue>;
  label?: string;
}

export interface WhatIfResult {
  fiscalYears: number[];
  base: Budget;
  alt: Budget;
  /** The first 500, largest cut first; `beneficiaryCount` is the full number. */
  beneficiaries: BeneficiaryDifference[];
  beneficiaryCount: number;
  totals: { base: number; alt: number; difference: number };
}

// ---------- List import (src/modules/imports) ----------

export type ImportStatus = 'preview' | 'applied' | 'reverted';
export type ImportVerdict = 'matched' | 'ambiguous' | 'not_found' | 'other_city' | 'duplicate' | 'invalid';
export type ImportSourceType = 'xlsx' | 'csv' | 'text';
export type MatchMethod = 'uscc' | 'name' | 'former_name' | 'normalised' | 'fuzzy';
export type ImportOutcome = 'created' | 'already_recorded' | 'skipped' | 'duplicate';
export type ColumnRole = 'seq' | 'name' | 'uscc' | 'region' | 'product' | 'recognition';
/** The roles an officer may map by hand (the 序号 column is only detected). */
export type MappedRole = Exclude<ColumnRole, 'seq'>;

export interface DetectedMapping {
  /** The header's row number; null when the list has no header. */
  headerRow: number | null;
  /** 1-based column numbers. */
  columns: Partial<Record<ColumnRole, number>>;
  confidence: 'header' | 'guessed' | 'manual';
  headers: string[];
  sheetName?: string | null;
}

export interface ImportInspection {
  sourceType: ImportSourceType;
  sheetName: string | null;
  sheetNames: string[];
  totalRows: number;
  preview: { rowNo: number; cells: string[] }[];
  detected: DetectedMapping | null;
  problems: FieldProblem[];
}

/** What the officer sends when detection was unsure or wrong: column numbers or letters. */
export interface MappingInput {
  headerRow?: number | null;
  columns: Partial<Record<MappedRole, number | string>>;
}

export interface ImportOptions {
  kind: TitleKind;
  level: TitleLevel;
  batch?: string;
  recognisedOn: string;
  validUntil?: string;
  defaultRecognition?: RecognitionKind;
}

export interface ImportCounts extends Record<ImportVerdict, number> {
  total: number;
  first: number;
  renewal: number;
  alreadyRecorded: number;
  applied?: { created: number; alreadyRecorded: number; skipped: number; duplicate: number; enterprisesCreated: number };
  reverted?: { titlesDeleted: number; entitlementsWithdrawn: number };
}

export interface ImportSummary {
  id: number;
  kind: TitleKind;
  level: TitleLevel;
  batch: string;
  recognisedOn: string;
  validUntil: string | null;
  defaultRecognition: RecognitionKind;
  sourceType: ImportSourceType;
  fileName: string;
  fileSize: number;
  status: ImportStatus;
  counts: ImportCounts;
  mapping: DetectedMapping | null;
  createdByName: string;
  createdAt: string;
  appliedAt: string | null;
  revertedAt: string | null;
  revertReason: string | null;
}

export interface ImportCandidate {
  enterpriseId: number;
  name: string;
  uscc: string;
  unitCode: string;
  /** 0…1. */
  score: number;
  via: MatchMethod;
  matchedName?: string;
}

export type ImportDecision =
  | { action: 'match'; enterpriseId: number }
  | { action: 'skip' }
  | {
      action: 'create';
      enterprise: {
        uscc: string;
        name: string;
        unitCode: string;
        industryCode: string;
        establishedOn: string;
        sizeClass: SizeClass;
        address?: string;
      };
    };

export interface ImportRow {
  rowNo: number;
  raw: Record<string, string>;
  name: string;
  uscc: string | null;
  region: string | null;
  product: string | null;
  section: string | null;
  recognition: RecognitionKind;
  verdict: ImportVerdict;
  matchMethod: MatchMethod | null;
  enterpriseId: number | null;
  enterpriseName: string | null;
  candidates: ImportCandidate[];
  notes: Bilingual[];
  duplicateOf: number | null;
  titleExists: boolean;
  decision: ImportDecision | null;
  outcome: ImportOutcome | null;
  titleId: number | null;
}

export interface ImportDetail {
  import: ImportSummary;
  rows: ImportRow[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ImportCreated {
  import: ImportSummary;
  reused: boolean;
}

export interface ImportListQuery {
  status?: string;
  page?: number;
  pageSize?: number;
}

export interface ImportRowQuery {
  verdict?: string;
  page?: number;
  pageSize?: number;
}

export type DecisionInput =
  | { action: 'match'; enterpriseId: number }
  | { action: 'skip' }
  | { action: 'clear' }
  | {
      action: 'create';
      industryCode: string;
      establishedOn: string;
      sizeClass: SizeClass;
      uscc?: string;
      name?: string;
      unitCode?: string;
      address?: string;
    };
