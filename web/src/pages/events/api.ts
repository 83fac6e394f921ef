/** The events API (docs/api-contract.md § Events), typed for the pages. */
import { request, toQueryString, type QueryValue } from '../../api/client.ts';
import type { Bilingual } from '../../api/types.ts';

export const EVENT_KINDS = ['course', 'visit', 'exchange_meeting', 'matchmaking', 'exchange_centre'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const PROGRAMME_KINDS: readonly EventKind[] = ['course', 'visit', 'exchange_meeting'];
export type EventStatus = 'draft' | 'published' | 'closed' | 'cancelled';
export type EnrolmentStatus = 'confirmed' | 'waitlisted' | 'cancelled';

export interface TargetRule {
  kind: 'title' | 'unit' | 'size';
  titles?: string[];
  unitCodes?: string[];
  sizeClasses?: string[];
  effect: 'priority' | 'required';
  weight?: number;
}

export interface EventItem {
  id: number;
  kind: EventKind;
  kindLabel: Bilingual;
  title: string;
  description: string;
  programmeYear: number | null;
  programmeTitle: string | null;
  startsAt: string;
  endsAt: string;
  enrolmentClosesAt: string;
  place: string;
  capacity: number;
  confirmed: number;
  waitlisted: number;
  attended: number;
  seatsLeft: number;
  hostName: string;
  targetRules: TargetRule[];
  unitCode: string | null;
  status: EventStatus;
  version: number;
  organiser: boolean;
  myEnrolment?: { id: number; status: EnrolmentStatus } | null;
}

export interface Enrolment {
  id: number;
  eventId: number;
  enterpriseId: number;
  enterpriseName: string;
  status: EnrolmentStatus;
  waitingPosition: number | null;
  priority: number;
  priorityReasons: Bilingual[];
  participant: { name: string; phone: string; position: string; masked: boolean };
  enrolledAt: string;
  checkedInAt: string | null;
  checkinMethod: 'qr' | 'manual' | null;
  certificateNo: string | null;
  feedbackRating: number | null;
}

export interface Verdict {
  eligible: boolean;
  priority: number;
  met: Bilingual[];
  unmet: Bilingual[];
}

export interface StatLine {
  key: string;
  label: string;
  labelEn: string;
  enrolled: number;
  confirmed: number;
  attended: number;
  enterprises: number;
  averageRating: number | null;
}
export interface EventStats {
  totals: StatLine & { events: number; intentions: number; contracts: number; contractAmount: number };
  byKind: (StatLine & { events: number })[];
  byUnit: StatLine[];
  byTitle: StatLine[];
  byIndustry: StatLine[];
}

export interface ProgrammeTotals {
  year: number;
  title: string | null;
  sessions: Record<'course' | 'visit' | 'exchange_meeting', { planned: number; held: number }>;
  matchmaking: { held: number; intentions: number; contracts: number; contractAmount: number };
  enrolled: number;
  attended: number;
  enterprisesAttended: number;
  specialisedEnterprisesAttended: number;
  certificates: number;
  averageRating: number | null;
  feedbackCount: number;
}

export interface FeedbackSummary {
  count: number;
  average: number | null;
  distribution: number[];
  intentions: number;
  contracts: number;
  contractAmount: number;
  comments: { rating: number; comment: string; enterpriseName: string }[];
}

export interface EventInput {
  kind: EventKind;
  title: string;
  description?: string;
  programmeYear?: number | null;
  startsAt: string;
  endsAt: string;
  enrolmentClosesAt?: string;
  place: string;
  capacity: number;
  hostName: string;
  targetRules?: TargetRule[];
}

export const fetchEditions = () =>
  request<{ year: number; title: string; theme: string; events: number }[]>('/api/events/editions');
export const fetchEvents = (q: Record<string, QueryValue>) =>
  request<{ items: EventItem[]; total: number }>(`/api/events${toQueryString(q)}`);
export const fetchEvent = (id: number) =>
  request<{ event: EventItem; myEnrolment: { id: number; status: EnrolmentStatus } | null; verdict: Verdict | null }>(
    `/api/events/${id}`,
  );
export const createEvent = (body: EventInput) => request<EventItem>('/api/events', { method: 'POST', body });
/** An edit carries the version read: a concurrent change is refused, not overwritten. */
export const updateEvent = (id: number, body: EventInput & { version: number }) =>
  request<EventItem>(`/api/events/${id}`, { method: 'PUT', body });
export const setStatus = (id: number, status: EventStatus, version: number) =>
  request<EventItem>(`/api/events/${id}/status`, { method: 'POST', body: { status, version } });
export const fetchEnrolments = (id: number) => request<Enrolment[]>(`/api/events/${id}/enrolments`);
export const fetchEnrolment = (id: number) => request<Enrolment>(`/api/events/enrolments/${id}`);
export const enrol = (eventId: number, participant: { name: string; phone: string; position: string }) =>
  request<Enrolment>(`/api/events/${eventId}/enrolments`, { method: 'POST', body: { participant } });
export const cancelEnrolment = (id: number) =>
  request<{ cancelled: Enrolment; promoted: number[] }>(`/api/events/enrolments/${id}/cancel`, { method: 'POST' });
export const manualCheckin = (id: number) =>
  request<{ alreadyCheckedIn: boolean }>(`/api/events/enrolments/${id}/check-in`, { method: 'POST' });
export const checkinLink = (id: number) => request<{ token: string; url: string }>(`/api/events/enrolments/${id}/checkin-link`);
export const previewCheckin = (token: string) =>
  request<{ enrolment: Enrolment; event: EventItem; alreadyCheckedIn: boolean }>(
    `/api/events/check-in${toQueryString({ token })}`,
  );
export const checkin = (token: string) =>
  request<{ enrolment: Enrolment; event: EventItem; alreadyCheckedIn: boolean }>('/api/events/check-in', {
    method: 'POST',
    body: { token },
  });
export const submitFeedback = (
  id: number,
  body: { rating: number; comment?: string; intentions?: number; contracts?: number; contractAmount?: number },
) => request<Enrolment>(`/api/events/enrolments/${id}/feedback`, { method: 'POST', body });
export const fetchFeedback = (id: number) => request<FeedbackSummary>(`/api/events/${id}/feedback`);
export const fetchMyEnrolments = () => request<(Enrolment & { event: EventItem })[]>('/api/events/my/enrolments');
export const fetchStats = (q: { year?: number | undefined; kind?: EventKind | undefined }) =>
  request<EventStats>(`/api/events/stats${toQueryString(q)}`);
export const statsXlsxUrl = (q: { year?: number | undefined; kind?: EventKind | undefined }) =>
  `/api/events/stats.xlsx${toQueryString(q)}`;
export const fetchProgrammeTotals = (year: number) => request<ProgrammeTotals>(`/api/events/programmes/${year}/totals`);
export const qrUrl = (id: number, format: 'png' | 'svg' = 'png') => `/api/events/enrolments/${id}/qr?format=${format}`;
export const certificateUrl = (id: number) => `/api/events/enrolments/${id}/certificate.pdf`;
