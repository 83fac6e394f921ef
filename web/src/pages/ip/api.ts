/** Types and calls of the IP endpoints (docs/api-contract.md, "Intellectual property"). */
import { request, toQueryString } from '../../api/client.ts';
import type { Bilingual } from '../../api/types.ts';

export const IP_KINDS = [
  'invention_patent',
  'utility_model',
  'design_patent',
  'software_copyright',
  'plant_variety',
  'ic_layout',
  'trademark',
] as const;
export const LEGAL_STATUSES = ['pending', 'valid', 'lapsed', 'expired', 'invalidated'] as const;
export const IP_AWARDS = [
  'china_patent_gold',
  'china_patent_silver',
  'china_patent_excellence',
  'national_sci_tech',
  'provincial_sci_tech',
] as const;
export type IpKind = (typeof IP_KINDS)[number];

export interface Viewer {
  viewer: 'enterprise' | 'officer' | 'bank' | 'none';
  enterpriseId: number | null;
  institution: { id: number; name: string; shortName: string; kind: string } | null;
  canRecordLoans: boolean;
}

export interface EnterpriseHead {
  id: number;
  name: string;
  uscc: string;
  unitCode: string;
  unitName: string;
  industryCode: string;
}

export interface Indicator {
  id: string;
  points: number;
  max: number;
  explain: Bilingual;
}

export interface Pledge {
  id: number;
  loanId: number | null;
  pledgee: string;
  amount: number;
  registeredOn: string;
  releasedOn: string | null;
}

export interface IpItemView {
  id: number;
  kind: IpKind;
  number: string;
  numberVerified: boolean;
  title: string;
  appliedOn: string;
  grantedOn: string | null;
  expiresOn: string | null;
  legalStatus: string;
  maintenanceYearsPaid: number;
  foreignFamilyCount: number;
  citations: number | null;
  awards: string[];
  origin: 'self_developed' | 'acquired';
  acquiredOn: string | null;
  relatedToMainProduct: boolean;
  version: number;
  pledges: Pledge[];
  activePledge: boolean;
  classification: {
    class: 'I' | 'II' | null;
    counted: boolean;
    highValue: boolean;
    selfDeveloped: boolean;
    reasons: Bilingual[];
  };
  evaluation: { score: number; indicators: Indicator[]; notInForce?: Bilingual };
}

export interface EnterpriseIp {
  enterprise: EnterpriseHead;
  asOf: string;
  evaluation: {
    score: number;
    parts: { id: string; points: number; max: number; explain: Bilingual }[];
    counts: { items: number; inForce: number; class1: number; class1HighValue: number; class2: number };
  };
  holdings: { class1: number; class1SelfDeveloped: number; class1HighValue: number; class2: number };
  items: IpItemView[];
  canEdit: boolean;
}

export interface IpInput {
  kind: string;
  number: string;
  title: string;
  appliedOn: string;
  grantedOn?: string | null;
  expiresOn?: string | null;
  legalStatus: string;
  maintenanceYearsPaid?: number;
  foreignFamilyCount?: number;
  citations?: number | null;
  awards?: string[];
  origin: string;
  acquiredOn?: string | null;
  relatedToMainProduct: boolean;
}

export interface Candidate extends EnterpriseHead {
  score: number;
  class1: number;
  class1HighValue: number;
  items: number;
}

export interface Totals {
  key: string;
  name: string;
  loans: number;
  amount: number;
}

export interface PledgeLoan {
  loanId: number;
  enterpriseId: number;
  enterpriseName: string;
  unitName: string;
  industryCode: string;
  institutionName: string;
  amount: number;
  rateBp: number;
  termMonths: number;
  grantedOn: string;
  items: { pledgeId: number; ipRecordId: number; kind: IpKind; number: string; title: string; releasedOn: string | null }[];
}

export interface PledgeLoans {
  loans: PledgeLoan[];
  byBank: Totals[];
  byUnit: Totals[];
  byIndustry: Totals[];
  total: Totals;
}

export interface IpStats {
  asOf: string;
  enterprisesWithRecords: number;
  items: number;
  byKind: { kind: IpKind; items: number; inForce: number }[];
  byClass: { class: 'I' | 'II' | 'high_value' | 'other'; counted: number }[];
  byUnit: { unitCode: string; unitName: string; class1: number; class1HighValue: number; class2: number; enterprises: number }[];
  byIndustry: {
    industryCode: string;
    industryName: string;
    class1: number;
    class1HighValue: number;
    class2: number;
    enterprises: number;
  }[];
  highValuePerQualitySme: {
    titleKind: string;
    titleName: string;
    titleNameEn: string;
    enterprises: number;
    class1HighValue: number;
    perEnterprise: number;
  }[];
}

const base = '/api/ip';

export const fetchViewer = () => request<Viewer>(`${base}/me`);
export const fetchEnterpriseIp = (id: number) => request<EnterpriseIp>(`${base}/enterprises/${id}`);
export const createIp = (enterpriseId: number, body: IpInput) =>
  request<{ id: number }>(`${base}/enterprises/${enterpriseId}/records`, { method: 'POST', body });
export const updateIp = (id: number, version: number, item: IpInput) =>
  request<{ id: number }>(`${base}/records/${id}`, { method: 'PUT', body: { version, item } });
export const deleteIp = (id: number) => request<null>(`${base}/records/${id}`, { method: 'DELETE' });
export const importIp = (enterpriseId: number, fileBase64: string) =>
  request<{ inserted: number; skipped: number }>(`${base}/enterprises/${enterpriseId}/import`, {
    method: 'POST',
    body: { fileBase64 },
  });
export const fetchCandidates = (q: { q?: string; page?: number; pageSize?: number }) =>
  request<{ items: Candidate[]; total: number; asOf: string }>(`${base}/bank/candidates${toQueryString(q)}`);
export const recordPledgeLoan = (
  enterpriseId: number,
  body: { ipRecordIds: number[]; amount: number; rateBp: number; termMonths: number; grantedOn: string },
) => request<{ loanId: number }>(`${base}/enterprises/${enterpriseId}/pledge-loans`, { method: 'POST', body });
export const releasePledge = (id: number, releasedOn: string) =>
  request<null>(`${base}/pledges/${id}/release`, { method: 'POST', body: { releasedOn } });
export const fetchPledgeLoans = () => request<PledgeLoans>(`${base}/pledge-loans`);
export const fetchStats = () => request<IpStats>(`${base}/stats`);
export const fetchIpEnterprises = (q: { q?: string; page?: number; pageSize?: number }) =>
  request<{ items: (EnterpriseHead & { records: number })[]; total: number }>(`${base}/enterprises${toQueryString(q)}`);

export const statsExportUrl = `${base}/stats.xlsx`;
export const templateUrl = `${base}/import-template.xlsx`;
export const itemsExportUrl = (id: number) => `${base}/enterprises/${id}/export.xlsx`;
