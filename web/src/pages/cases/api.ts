/** The payment-workflow endpoints (docs/api-contract.md, "From entitlement to money") and their shapes. */
import { request, toQueryString } from '../../api/client.ts';
import type { Bilingual, EntitlementDetail } from '../../api/types.ts';

export type CaseState =
  | 'opened'
  | 'district_review'
  | 'city_review'
  | 'in_notice'
  | 'finance_review'
  | 'in_batch'
  | 'paid'
  | 'archived'
  | 'returned'
  | 'rejected'
  | 'cancelled';
export const CASE_STATES: readonly CaseState[] = [
  'opened',
  'district_review',
  'city_review',
  'in_notice',
  'finance_review',
  'in_batch',
  'paid',
  'archived',
  'returned',
  'rejected',
  'cancelled',
];
/** The main path, in order (for the progress steps). */
export const MAIN_PATH: readonly CaseState[] = [
  'opened',
  'district_review',
  'city_review',
  'in_notice',
  'finance_review',
  'in_batch',
  'paid',
];

export type Track = 'no_application' | 'application';
export type Waiter = 'beneficiary' | 'district_officer' | 'city_officer' | 'finance_officer' | null;

export interface Account {
  accountName: string;
  bankName: string;
  accountNo: string;
}

export interface CaseRow {
  id: number;
  entitlementId: number;
  track: Track;
  state: CaseState;
  stateLabel: Bilingual;
  version: number;
  amount: number;
  fiscalYear: number;
  clause: string;
  item: string;
  beneficiaryType: 'enterprise' | 'carrier';
  beneficiaryId: number;
  beneficiaryName: string;
  unitCode: string;
  stateSince: string;
  openedAt: string;
  ageDays: number;
  waitsFor: Waiter;
  overdue: boolean;
}

export interface CasePage {
  items: CaseRow[];
  total: number;
  amount: number;
  page: number;
  pageSize: number;
  overdueAfterDays: number;
}

export interface CaseQuery {
  state?: string | undefined;
  clause?: string | undefined;
  unitCode?: string | undefined;
  fiscalYear?: number | undefined;
  track?: string | undefined;
  q?: string | undefined;
  queue?: 'mine' | 'all' | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface CaseAction {
  action: string;
  label: Bilingual;
  needs: readonly ('reason' | 'account' | 'application')[];
}

export interface CaseEvent {
  id: number;
  action: string;
  fromState: CaseState | null;
  toState: CaseState;
  actorName: string;
  actorRole: string | null;
  reason: string | null;
  at: string;
}

export interface CaseNoticeRef {
  id: number;
  title: string;
  publishedOn: string;
  endsOn: string;
  workingDays: number;
  status: 'open' | 'closed';
  basis: string;
  outcome: 'passed' | 'objected' | null;
}

export interface Objection {
  id: number;
  noticeId?: number;
  caseId?: number;
  filedByName: string;
  text: string;
  at: string;
  resolution: string | null;
  resolvedBy?: string | null;
  resolvedAt: string | null;
}

export interface CaseDetail {
  case: Omit<CaseRow, 'ageDays' | 'waitsFor' | 'overdue'> & {
    unitName: string;
    account: Account | null;
    application: { statement: string; documents: { name: string; ref: string }[] } | null;
    lastReason: string | null;
  };
  actions: CaseAction[];
  events: CaseEvent[];
  notices: CaseNoticeRef[];
  objections: Objection[];
  batch: { id: number; title: string; state: BatchState; version: number } | null;
  payment: { id: number; batchId: number; amount: number; paidAt: string; recordedBy: string } | null;
  entitlement: EntitlementDetail | null;
}

export interface TransitionBody {
  action: string;
  version: number;
  reason?: string;
  account?: Account;
  application?: { statement: string; documents: { name: string; ref: string }[] };
}

export interface Queue {
  state: CaseState;
  label: Bilingual;
  count: number;
  amount: number;
  oldestSince: string | null;
  maxAgeDays: number;
  avgAgeDays: number;
  overdueCount: number;
}

export interface Queues {
  role: string;
  overdueAfterDays: number;
  queues: Queue[];
  objectionsUnresolved?: number;
  noticesOpen?: number;
  batches?: { state: BatchState; count: number; amount: number }[];
}

export interface Reports {
  byStatus: { state: CaseState; label: Bilingual; count: number; amount: number }[];
  byDistrict: { unitCode: string; unitName: string; count: number; amount: number; paidAmount: number }[];
  byClause: { clause: string; item: string; count: number; amount: number; paidAmount: number }[];
  byMonth: { month: string; opened: number; openedAmount: number; paid: number; paidAmount: number }[];
  stepDurations: { state: CaseState; label: Bilingual; count: number; avgDays: number; maxDays: number }[];
}

export interface NoticeSummary {
  id: number;
  title: string;
  publishedOn: string;
  workingDays: number;
  endsOn: string;
  status: 'open' | 'closed';
  publishedByName: string;
  closedAt: string | null;
  itemCount?: number;
  totalAmount?: number;
  objectionCount?: number;
}

export interface NoticeItem {
  caseId: number;
  basis: string;
  amount: number;
  outcome: 'passed' | 'objected' | null;
  clause: string;
  item: string;
  unitCode: string;
  beneficiaryName: string;
  uscc: string | null;
}

export interface NoticeDetail {
  notice: NoticeSummary;
  rule: Bilingual;
  items: NoticeItem[];
  objections: (Objection & { caseId: number })[];
}

export interface NoticePeriod {
  publishedOn: string;
  workingDays: number;
  endsOn: string;
  rule: Bilingual;
}

export type BatchState = 'draft' | 'approved' | 'paid';

export interface Batch {
  id: number;
  title: string;
  state: BatchState;
  version: number;
  itemCount: number;
  totalAmount: number;
  createdBy: string;
  createdAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  paidBy: string | null;
  paidAt: string | null;
}

export interface BatchItem {
  caseId: number;
  amount: number;
  clause: string;
  item: string;
  fiscalYear: number;
  beneficiaryType: string;
  beneficiaryName: string;
  uscc: string | null;
  unitCode: string;
  unitName: string;
  account: Account | null;
  state: CaseState;
  paidAt: string | null;
  noticeTitle: string | null;
  noticePeriod: string | null;
}

export interface BatchDetail {
  batch: Batch;
  items: BatchItem[];
}

export interface Notification {
  id: number;
  textZh: string;
  textEn: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
  kind: 'personal' | 'team';
}

const post = <T>(path: string, body: unknown) => request<T>(path, { method: 'POST', body });

export const listCases = (query: CaseQuery, signal?: AbortSignal): Promise<CasePage> =>
  request<CasePage>(`/api/cases${toQueryString({ ...query })}`, signal ? { signal } : {});
export const getCase = (id: number): Promise<CaseDetail> => request<CaseDetail>(`/api/cases/${id}`);
export const transition = (id: number, body: TransitionBody): Promise<CaseDetail> =>
  post<CaseDetail>(`/api/cases/${id}/transitions`, body);
export const fetchQueues = (): Promise<Queues> => request<Queues>('/api/cases/queues');
export const fetchReports = (fiscalYear?: number): Promise<Reports> =>
  request<Reports>(`/api/cases/reports${toQueryString({ fiscalYear })}`);
export const reportsExportUrl = (fiscalYear?: number): string => `/api/cases/reports/export.xlsx${toQueryString({ fiscalYear })}`;
export const syncCases = (): Promise<{ opened: number; cancelled: number }> => post('/api/cases/sync', {});
export const casePaymentNoticeUrl = (id: number): string => `/api/cases/${id}/payment-notice.docx`;

export const listNotices = (status?: 'open' | 'closed'): Promise<NoticeSummary[]> =>
  request<NoticeSummary[]>(`/api/notices${toQueryString({ status })}`);
export const getNotice = (id: number): Promise<NoticeDetail> => request<NoticeDetail>(`/api/notices/${id}`);
export const noticePeriod = (publishedOn: string): Promise<NoticePeriod> =>
  request<NoticePeriod>(`/api/notices/period${toQueryString({ publishedOn })}`);
export const publishNotice = (body: { title: string; caseIds: number[]; publishedOn?: string }): Promise<NoticeDetail> =>
  post<NoticeDetail>('/api/notices', body);
export const fileObjection = (noticeId: number, body: { caseId: number; text: string }) =>
  post<{ id: number }>(`/api/notices/${noticeId}/objections`, body);
export const resolveObjection = (id: number, resolution: string) =>
  post<{ id: number }>(`/api/objections/${id}/resolve`, { resolution });

export const listBatches = (state?: BatchState): Promise<Batch[]> => request<Batch[]>(`/api/batches${toQueryString({ state })}`);
export const getBatch = (id: number): Promise<BatchDetail> => request<BatchDetail>(`/api/batches/${id}`);
export const createBatch = (body: { title: string; caseIds: number[] }): Promise<BatchDetail> =>
  post<BatchDetail>('/api/batches', body);
export const removeFromBatch = (id: number, caseId: number, version: number): Promise<BatchDetail> =>
  post<BatchDetail>(`/api/batches/${id}/remove`, { caseId, version });
export const approveBatch = (id: number, version: number): Promise<BatchDetail> =>
  post<BatchDetail>(`/api/batches/${id}/approve`, { version });
export const payBatch = (id: number, version: number): Promise<BatchDetail> =>
  post<BatchDetail>(`/api/batches/${id}/pay`, { version });
export const batchExportUrl = (id: number): string => `/api/batches/${id}/export.xlsx`;
export const batchNoticesUrl = (id: number): string => `/api/batches/${id}/payment-notices.docx`;

export const listNotifications = (unread?: boolean): Promise<Notification[]> =>
  request<Notification[]>(`/api/notifications${toQueryString({ unread })}`);
export const markRead = (id: number) => post<{ ok: true }>(`/api/notifications/${id}/read`, {});

export interface CaseDocument {
  id: number;
  caseId: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedByName: string;
  uploadedAt: string;
}
export const listDocuments = (caseId: number): Promise<CaseDocument[]> =>
  request<CaseDocument[]>(`/api/cases/${caseId}/documents`);
export function uploadDocument(caseId: number, file: File): Promise<CaseDocument> {
  const form = new FormData();
  form.append('file', file, file.name);
  return request<CaseDocument>(`/api/cases/${caseId}/documents`, { method: 'POST', form });
}
export const documentUrl = (caseId: number, documentId: number): string => `/api/cases/${caseId}/documents/${documentId}`;
/** An application's document reference: doc:<id> for a file uploaded to the platform, anything else for a paper reference. */
export const uploadedId = (ref: string): number | null => {
  const m = /^doc:(\d+)$/.exec(ref);
  return m ? Number(m[1]) : null;
};
