/** Types and calls of the financing endpoints (docs/api-contract.md, "Financing"). */
import { request, toQueryString } from '../../api/client.ts';
import type { Bilingual } from '../../api/types.ts';

export type InstitutionKind = 'bank' | 'guarantee' | 'insurer';
export type Collateral = 'credit' | 'ip_pledge' | 'guarantee' | 'insurance';
export type ResponseKind = 'interested' | 'offer' | 'declined';
export type ProductKind = 'credit_loan' | 'ip_pledge_loan' | 'guarantee' | 'insurance';

export interface Institution {
  id: number;
  kind: InstitutionKind;
  name: string;
  shortName: string;
}

export interface SharedEnterprise {
  enterpriseId: number;
  name: string;
  uscc: string;
  sharedFields?: string[];
  unitCode?: string;
  unitName?: string;
  industryCode?: string;
  sizeClass?: string;
  establishedOn?: string;
  titles?: { kind: string; level: string; validUntil: string | null }[];
  year?: number | null;
  revenue?: number | null;
  rdExpense?: number | null;
  employees?: number | null;
  inventionPatents?: number | null;
  class1HighValue?: number | null;
}

export interface KeyListRow extends SharedEnterprise {
  consentSince: string;
  openDemands: number;
}

export interface GreenChannel {
  waitedHours: number;
  answered: boolean;
  firstResponseAt: string | null;
  dueOn: string;
  late: boolean;
}

export interface Demand {
  id: number;
  enterprise: SharedEnterprise;
  amount: number;
  termMonths: number;
  purpose: string;
  collateral: Collateral;
  status: 'open' | 'funded' | 'closed';
  postedAt: string;
  closedAt: string | null;
  version: number;
  greenChannel: GreenChannel;
  responseCount?: number;
  ownResponse?: { id: number; kind: ResponseKind } | null;
}

export interface ResponseRow {
  id: number;
  institutionId: number;
  institutionName: string;
  kind: ResponseKind;
  offerAmount: number | null;
  offerRateBp: number | null;
  offerTermMonths: number | null;
  note: string | null;
  respondedAt: string;
  version: number;
}

export interface Loan {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  institutionId: number;
  institutionName: string;
  demandId: number | null;
  amount: number;
  rateBp: number;
  termMonths: number;
  loanType: Collateral;
  guarantorId: number | null;
  guarantorName: string | null;
  guaranteeFeeBp: number | null;
  grantedOn: string;
}

export interface DemandDetail {
  demand: Demand;
  responses: ResponseRow[];
  loans: Loan[];
}

export interface Consent {
  enterpriseId: number;
  granted: boolean;
  fields: string[];
  since: string | null;
  onKeyList: boolean;
  qualifyingTitles: { kind: string; level: string; validUntil: string | null }[];
  shareable: { id: string; label: Bilingual }[];
  alwaysShared: Bilingual;
  neverShared: Bilingual;
  institutions: Institution[];
  history: { seq: number; action: 'grant' | 'withdraw'; fields: string[]; actorName: string; at: string }[];
}

export interface Product {
  id: number;
  institutionId: number;
  institutionName: string;
  institutionKind: InstitutionKind;
  kind: ProductKind;
  name: string;
  description: string;
  eligibleTitles: string[];
  minAmount: number | null;
  maxAmount: number;
  maxTermMonths: number;
  rateMinBp: number | null;
  rateMaxBp: number | null;
  feeRateBp: number | null;
  active: boolean;
  fits?: boolean;
}

export interface StatsGroup {
  key: string;
  label?: string;
  loans: number;
  amount: number;
  avgRateBp: number | null;
}

export interface Stats {
  scope: { kind: 'city' | 'unit' | 'institution'; label: string };
  year: number | null;
  totals: StatsGroup & { ipPledgeLoans: number; ipPledgeAmount: number; enterprises: number };
  byInstitution: StatsGroup[];
  byType: StatsGroup[];
  byMonth: StatsGroup[];
  demands: {
    total: number;
    open: number;
    funded: number;
    closed: number;
    answered: number;
    late: number;
    avgHoursToFirstResponse: number | null;
    medianHoursToFirstResponse: number | null;
  };
  responseTimes: { institutionId: number; label: string; responses: number; avgHours: number | null }[];
  keyList: { enterprises: number };
}

export interface ResponseInput {
  kind: ResponseKind;
  offerAmount?: number;
  offerRateBp?: number;
  offerTermMonths?: number;
  note?: string;
}

export interface LoanInput {
  amount: number;
  rateBp: number;
  termMonths: number;
  loanType: Collateral;
  grantedOn: string;
  guarantorId?: number;
  guaranteeFeeBp?: number;
  /** The borrower's pledged IP items: required for an IP-pledge loan. */
  ipRecordIds?: number[];
}

/** An IP item the borrower could pledge today (in force, not under another pledge). */
export interface PledgeableItem {
  id: number;
  kind: string;
  number: string;
  title: string;
  expiresOn: string | null;
}

const base = '/api/financing';
export const fetchViewer = () =>
  request<{ viewer: 'institution' | 'enterprise' | 'officer' | 'none'; institution: Institution | null }>(`${base}/me`);
export const fetchInstitutions = () => request<Institution[]>(`${base}/institutions`);
export const fetchKeyList = (
  q: { q?: string; unitCode?: string; titleKind?: string; page?: number; pageSize?: number },
  signal?: AbortSignal,
) =>
  request<{ items: KeyListRow[]; total: number; asOf: string }>(`${base}/key-list${toQueryString(q)}`, signal ? { signal } : {});
export const fetchConsent = () => request<Consent>(`${base}/consent`);
export const grantConsent = (fields: string[]) => request<Consent>(`${base}/consent`, { method: 'POST', body: { fields } });
export const withdrawConsent = () => request<Consent>(`${base}/consent/withdraw`, { method: 'POST', body: {} });
export const fetchDemands = (q: { status?: string; page?: number; pageSize?: number }) =>
  request<{ items: Demand[]; total: number }>(`${base}/demands${toQueryString(q)}`);
export const fetchDemand = (id: number) => request<DemandDetail>(`${base}/demands/${id}`);
export const postDemand = (d: { amount: number; termMonths: number; purpose: string; collateral: Collateral }) =>
  request<DemandDetail>(`${base}/demands`, { method: 'POST', body: d });
export const closeDemand = (id: number, version: number) =>
  request<DemandDetail>(`${base}/demands/${id}/close`, { method: 'POST', body: { version } });
export const respond = (id: number, r: ResponseInput) =>
  request<DemandDetail>(`${base}/demands/${id}/responses`, { method: 'POST', body: r });
export const updateResponse = (id: number, r: ResponseInput & { version: number }) =>
  request<DemandDetail>(`${base}/responses/${id}`, { method: 'PUT', body: r });
export const recordLoan = (id: number, l: LoanInput) =>
  request<DemandDetail>(`${base}/demands/${id}/loans`, { method: 'POST', body: l });
export const fetchPledgeable = (demandId: number) => request<PledgeableItem[]>(`${base}/demands/${demandId}/pledgeable-ip`);
export const fetchLoans = () => request<Loan[]>(`${base}/loans`);
export const fetchProducts = (q: { fitsMe?: boolean; kind?: string } = {}) =>
  request<Product[]>(`${base}/products${toQueryString(q)}`);
export const fetchStats = (year?: number) => request<Stats>(`${base}/stats${toQueryString({ year })}`);
export const statsExportUrl = (year?: number) => `${base}/stats.xlsx${toQueryString({ year })}`;

/** 345 basis points → "3.45%". */
export const percent = (bp: number | null | undefined) => (bp === null || bp === undefined ? '—' : `${(bp / 100).toFixed(2)}%`);
