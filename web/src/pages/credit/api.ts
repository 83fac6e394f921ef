/** The credit-repair API (docs/api-contract.md § Credit repair), typed for the pages. */
import { request, toQueryString } from '../../api/client.ts';

export type Severity = 'minor' | 'general' | 'serious';
export type RepairStatus =
  'not_published' | 'in_minimum_period' | 'repairable' | 'repair_pending' | 'repaired' | 'publicity_ended';
export const PENALTY_TYPES = [
  'warning',
  'circulated_criticism',
  'fine',
  'confiscation',
  'licence_suspension',
  'qualification_downgrade',
  'licence_revocation',
  'business_restriction',
  'production_suspension',
  'closure',
  'practice_restriction',
  'other',
] as const;
export type PenaltyType = (typeof PENALTY_TYPES)[number];
export const PENALTY_ZH: Record<PenaltyType, [string, string]> = {
  warning: ['警告', 'Warning'],
  circulated_criticism: ['通报批评', 'Circulated criticism'],
  fine: ['罚款', 'Fine'],
  confiscation: ['没收违法所得、非法财物', 'Confiscation'],
  licence_suspension: ['暂扣许可证件', 'Licence suspended'],
  qualification_downgrade: ['降低资质等级', 'Qualification downgraded'],
  licence_revocation: ['吊销许可证件', 'Licence revoked'],
  business_restriction: ['限制开展生产经营活动', 'Business restricted'],
  production_suspension: ['责令停产停业', 'Production suspended'],
  closure: ['责令关闭', 'Closure'],
  practice_restriction: ['限制从业', 'Practice restricted'],
  other: ['其他', 'Other'],
};
export const SECTORS = [
  'market_regulation',
  'special_equipment',
  'work_safety',
  'fire_safety',
  'ecology_environment',
  'taxation',
  'other',
] as const;
export const SECTOR_ZH: Record<(typeof SECTORS)[number], [string, string]> = {
  market_regulation: ['市场监管', 'Market regulation'],
  special_equipment: ['特种设备', 'Special equipment'],
  work_safety: ['安全生产', 'Work safety'],
  fire_safety: ['消防', 'Fire safety'],
  ecology_environment: ['生态环境', 'Environment'],
  taxation: ['税务', 'Taxation'],
  other: ['其他', 'Other'],
};
export const DELIVERY_METHODS = ['direct', 'post', 'electronic', 'left_at_premises', 'entrusted', 'public_announcement'] as const;

export interface PenaltyLine {
  type: PenaltyType;
  amountYuan?: number | null;
  months?: number | null;
}

export interface DecisionInput {
  partyName: string;
  uscc: string;
  decisionNo: string;
  decisionDate: string;
  procedure: 'simple' | 'ordinary';
  sector?: string;
  penalties: PenaltyLine[];
  legalBasis: string;
  violation?: string;
  agencySeverity?: Severity | null;
  publishMinor?: boolean;
  lowAmountFine?: boolean;
}

export interface Step {
  id: string;
  zh: string;
  en: string;
  references: { document: string; clause: string; unverified?: string }[];
  parameters: {
    id: string;
    value: unknown;
    from: string;
    reference: { document: string; clause: string; unverified?: string };
  }[];
}

export interface Assessment {
  ruleSet: { id: string; titleZh: string; effectiveFrom: string; effectiveUntil: string | null };
  severity: Severity;
  noticeRequired: boolean;
  published: boolean;
  publicityFrom: string | null;
  minimumEndsOn: string | null;
  earliestRepairOn: string | null;
  publicityEndsOn: string | null;
  repairWorkingDays: number;
  materials: string[];
  sector: { published: boolean; publishBy: string | null; publicityEndsOn: string | null; earlyStopAllowed: boolean } | null;
  steps: Step[];
}

export interface DecisionSummary {
  id: number;
  agencyName: string;
  decisionNo: string;
  partyName: string;
  uscc: string;
  enterpriseId: number | null;
  decisionDate: string;
  procedure: 'simple' | 'ordinary';
  penalties: PenaltyLine[];
  amountTotal: number;
  legalBasis: string;
  ruleSet: string;
  severity: Severity;
  noticeRequired: boolean;
  published: boolean;
  earliestRepairOn: string | null;
  publicityEndsOn: string | null;
  repairWorkingDays: number;
  noticeNo: string | null;
  deliveredAt: string | null;
  deliveredDocuments: 'both' | 'decision_only' | null;
  status: RepairStatus;
  repairedOn: string | null;
}

export interface Application {
  id: number;
  receivedOn: string;
  dueOn: string;
  state: 'pending' | 'approved' | 'rejected';
  decidedOn: string | null;
  reason: string | null;
  statement: string;
  overdue: boolean;
}

export interface DecisionDetail {
  decision: DecisionSummary;
  assessment: Assessment;
  delivery: {
    deliveredAt: string;
    method: string;
    documents: 'both' | 'decision_only';
    recipient: string;
    receiptRef: string;
  } | null;
  applications: Application[];
  can: { downloadNotice: boolean; recordDelivery: boolean; apply: boolean; decide: boolean };
}

export interface AgencyMonth {
  agencyId: number;
  agencyName: string;
  month: string;
  decisions: number;
  noticeRequired: number;
  deliveredWithNotice: number;
  deliveredDecisionOnly: number;
  undelivered: number;
  share: number | null;
}

export interface Statistics {
  year: number;
  byAgencyMonth: AgencyMonth[];
  byAgency: Omit<AgencyMonth, 'month'>[];
  totals: Omit<AgencyMonth, 'month' | 'agencyId' | 'agencyName'>;
  repairs: { pending: number; approved: number; rejected: number; overdue: number };
  overdue: {
    applicationId: number;
    decisionId: number;
    agencyName: string;
    partyName: string;
    decisionNo: string;
    receivedOn: string;
    dueOn: string;
    state: string;
    decidedOn: string | null;
  }[];
}

export const creditApi = {
  agency: () => request<{ id: number; name: string; sector: string }>('/api/credit/agency'),
  preview: (body: DecisionInput) => request<Assessment>('/api/credit/decisions/preview', { method: 'POST', body }),
  register: (body: DecisionInput) => request<DecisionDetail>('/api/credit/decisions', { method: 'POST', body }),
  list: (q: { q?: string; status?: string; page?: number; pageSize?: number }) =>
    request<{ items: DecisionSummary[]; total: number }>(`/api/credit/decisions${toQueryString(q)}`),
  get: (id: number) => request<DecisionDetail>(`/api/credit/decisions/${id}`),
  deliver: (
    id: number,
    body: { deliveredAt: string; method: string; documents: string; recipient: string; receiptRef: string },
  ) => request<DecisionDetail>(`/api/credit/decisions/${id}/delivery`, { method: 'POST', body }),
  apply: (id: number, body: { materials: { material: string; ref: string }[]; statement: string; commitment: boolean }) =>
    request<DecisionDetail>(`/api/credit/decisions/${id}/repair-applications`, { method: 'POST', body }),
  decide: (applicationId: number, body: { outcome: 'approved' | 'rejected'; reason?: string }) =>
    request<DecisionDetail>(`/api/credit/repair-applications/${applicationId}/decision`, { method: 'POST', body }),
  statistics: (year: number) => request<Statistics>(`/api/credit/statistics?year=${year}`),
  enterpriseRecords: (enterpriseId: number) =>
    request<{ items: DecisionSummary[] }>(`/api/enterprises/${enterpriseId}/credit-records`),
  noticeUrl: (id: number) => `/api/credit/decisions/${id}/notice.docx`,
  statisticsXlsxUrl: (year: number) => `/api/credit/statistics.xlsx?year=${year}`,
};
