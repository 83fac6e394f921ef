/** Types and calls of the measures (督办) endpoints (docs/api-contract.md, "Measures"). */
import { request, toQueryString } from '../../api/client.ts';
import type { Bilingual } from '../../api/types.ts';

export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'accepted';
export type MeasureStatus = 'on_track' | 'behind' | 'no_report';
export type Progress = 'on_track' | 'behind';

export interface Viewer {
  units: { id: number; nameZh: string; nameEn: string; kind: string }[];
  isOffice: boolean;
  reportingPeriod: string;
  currentPeriod: string;
  firstPeriod: string;
  rules: { dueWorkingDays: number; dueInterpretation?: string; tolerance: number; toleranceInterpretation?: string };
}

export interface Figure {
  id: string;
  label: Bilingual;
  unit: Bilingual;
  kind: 'computed' | 'entered';
  value: number | null;
  breakdown: { label: Bilingual; value: number }[];
  source: Bilingual;
  asOf: string;
  target: number | null;
  expected: number | null;
  targetKind: 'flow' | 'level' | null;
  onTrack: boolean | null;
  notes: { unitZh: string; period: string; note: string }[];
}

export interface MeasureRow {
  number: number;
  titleZh: string;
  titleEn: string;
  leadZh: string;
  coZh: string[];
  status: MeasureStatus;
  reasons: Bilingual[];
  reports: {
    unitZh: string;
    reportId: number | null;
    status: ReportStatus | null;
    overdue: boolean;
    progress: Progress | null;
  }[];
  indicators: Figure[];
}

export interface Overview {
  period: string;
  dueOn: string;
  asOf: string;
  elapsedShare: number;
  counts: Record<MeasureStatus, number>;
  measures: MeasureRow[];
}

export interface ReportValue {
  indicatorId: string;
  value: number;
  note: string;
}

export interface Report {
  id: number;
  measure: number;
  unitId: number;
  unitZh: string;
  unitEn: string;
  period: string;
  status: ReportStatus;
  progress: Progress | null;
  summary: string;
  values: ReportValue[];
  dueOn: string;
  overdue: boolean;
  submittedAt: string | null;
  decidedAt: string | null;
  returnReason: string | null;
  version: number;
}

export interface ReportDetail {
  report: Report;
  measure: { number: number; titleZh: string; titleEn: string };
  enteredIndicators: { id: string; labelZh: string; labelEn: string; unitZh: string; unitEn: string }[];
  events: { id: number; action: string; statusAfter: ReportStatus; reason: string | null; actorName: string; at: string }[];
  attachments: { id: number; fileName: string; mediaType: string; size: number; uploadedByName: string; uploadedAt: string }[];
  can: { edit: boolean; decide: boolean };
}

export interface ExpectedReport {
  measure: number;
  measureTitleZh: string;
  measureTitleEn: string;
  unitId: number;
  unitZh: string;
  unitEn: string;
  lead: boolean;
  reportId: number | null;
  status: ReportStatus | null;
  dueOn: string;
  overdue: boolean;
  submittedAt: string | null;
  version: number | null;
  canReport: boolean;
}

export interface MeasureDetail extends MeasureRow {
  text: { textZh: string; partZh: string; responsibleUnitsZh: string[]; summaryEn: string };
  tasksZh: string[];
  tasksEn: string[];
  period: string;
  asOf: string;
  history: Report[];
}

export const measuresApi = {
  viewer: () => request<Viewer>('/api/measures/me'),
  overview: (period: string) => request<Overview>(`/api/measures/overview${toQueryString({ period })}`),
  overviewXlsxUrl: (period: string) => `/api/measures/overview.xlsx${toQueryString({ period })}`,
  overviewDocxUrl: (period: string) => `/api/measures/overview.docx${toQueryString({ period })}`,
  measure: (n: number, period: string) => request<MeasureDetail>(`/api/measures/${n}${toQueryString({ period })}`),
  reports: (period: string, mine: boolean) =>
    request<{ period: string; dueOn: string; rows: ExpectedReport[] }>(
      `/api/measures/reports${toQueryString({ period, mine: mine || undefined })}`,
    ),
  report: (id: number) => request<ReportDetail>(`/api/measures/reports/${id}`),
  save: (body: {
    measure: number;
    unitId: number;
    period: string;
    summary: string;
    progress?: Progress | null;
    values: ReportValue[];
    version?: number;
    submit: boolean;
  }) => request<Report>('/api/measures/reports', { method: 'POST', body }),
  decide: (id: number, body: { action: 'return' | 'accept'; reason?: string; version: number }) =>
    request<Report>(`/api/measures/reports/${id}/decision`, { method: 'POST', body }),
  attach: (id: number, fileName: string, contentBase64: string) =>
    request<{ id: number }>(`/api/measures/reports/${id}/attachments`, { method: 'POST', body: { fileName, contentBase64 } }),
  attachmentUrl: (id: number, attachmentId: number) => `/api/measures/reports/${id}/attachments/${attachmentId}`,
  remind: () => request<{ reminded: number; notified: number }>('/api/measures/reminders', { method: 'POST' }),
};

/** The quarters from the first to the current one, newest first. */
export function periodsUpTo(first: string, current: string): string[] {
  const out: string[] = [];
  let y = Number(current.slice(0, 4));
  let q = Number(current.slice(5));
  for (;;) {
    const p = `${y}Q${q}`;
    out.push(p);
    if (p <= first) break;
    q -= 1;
    if (q === 0) {
      q = 4;
      y -= 1;
    }
  }
  return out;
}
