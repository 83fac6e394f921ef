/** Types and calls of the competition endpoints (docs/api-contract.md, "Competition"). */
import { request, toQueryString } from '../../api/client.ts';
import type { Bilingual } from '../../api/types.ts';

export type Group = 'enterprise' | 'maker';
export type StageKind = 'registration' | 'preliminary' | 'semi_final' | 'final' | 'roadshow';
export const SCORED: StageKind[] = ['preliminary', 'semi_final', 'final'];

export interface Criterion {
  key: string;
  zh: string;
  en: string;
  weight: number;
}
export interface Stage {
  id: number;
  editionId: number;
  kind: StageKind;
  opensOn: string;
  closesOn: string;
  rubric: Criterion[];
  judgesPerEntry: number;
  minJudges: number;
  trimAtLeast: number;
  advanceCount: number | null;
  advanceSharePercent: number | null;
  rankedAt: string | null;
  publishedAt: string | null;
  version: number;
  /** Why its settings are locked (published, or the season has moved past it); null when open. */
  lockedBecause: Bilingual | null;
}
export const STAGE_KINDS: StageKind[] = ['registration', 'preliminary', 'semi_final', 'final', 'roadshow'];
export const GROUPS: Group[] = ['enterprise', 'maker'];
export interface Track {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  entries: number;
}
export interface Edition {
  id: number;
  year: number;
  name: string;
  groups: Group[];
  version: number;
  entries: number;
  entriesByGroup: Record<Group, number>;
  tracks: Track[];
  stages: Stage[];
}
export interface Rule {
  rule: string;
  passed: boolean;
  reason: Bilingual;
}
export interface Entry {
  id: number;
  editionId: number;
  year: number;
  code: string;
  group: Group;
  trackZh: string;
  trackEn: string;
  projectName: string;
  summary: string;
  entrantName: string;
  organisation: string | null;
  leaderName: string;
  unitZh: string | null;
  eligible: boolean;
  eligibility: { rules: Rule[]; on: string };
  reachedStage: StageKind;
  registeredAt: string;
}
export interface EntryDetail extends Entry {
  attachments: { id: number; fileName: string; size: number }[];
  results: {
    kind: StageKind;
    rank: number;
    scoreCenti: number;
    judges: number;
    advanced: boolean;
    recommendation: string | null;
  }[];
}
export interface Judge {
  id: number;
  name: string;
  organisation: string | null;
  ties: { id: number; entryId: number | null; code: string | null; organisation: string | null; note: string }[];
  stageIds: number[];
}
export interface AssignPlan {
  added: number;
  conflicts: { entryId: number; judgeId: number; code: string; judgeName: string; reasons: Bilingual[] }[];
  shortfalls: { entryId: number; code: string; wanted: number; got: number }[];
}
export interface Progress {
  stage: Stage;
  rankable: boolean;
  items: {
    entryId: number;
    code: string;
    group: Group;
    entrantName: string;
    judges: { judgeId: number; name: string; scored: boolean }[];
    scored: number;
    complete: boolean;
  }[];
}
export interface Result {
  entryId: number;
  code: string;
  projectName: string;
  entrantName: string;
  group: Group;
  trackZh: string;
  trackEn: string;
  unitZh: string | null;
  rank: number;
  scoreCenti: number;
  judges: number;
  advanced: boolean;
  recommendation: 'national' | 'provincial' | null;
  explanation?: {
    scored: number;
    used: number;
    dropped: { highest: number; lowest: number } | null;
    tieBreak: Bilingual | null;
    advanced: Bilingual | null;
  };
}
export interface RankOutcome {
  status: 'ranked' | 'incomplete';
  incomplete: { code: string; scored: number; required: number; group: Group }[];
  results: Result[];
}
export interface Assignment {
  stageId: number;
  stageKind: StageKind;
  year: number;
  opensOn: string;
  closesOn: string;
  open: boolean;
  rubric: Criterion[];
  entryId: number;
  code: string;
  group: Group;
  trackZh: string;
  trackEn: string;
  projectName: string;
  summary: string;
  attachments: { id: number; fileName: string; size: number }[];
  myScore: { criteria: Record<string, number>; totalCenti: number; comment: string } | null;
}
export interface PublicStage {
  stageId: number;
  year: number;
  editionName: string;
  kind: StageKind;
  publishedAt: string;
  results: Result[];
}

export const fetchEditions = () => request<Edition[]>('/api/competition/editions');
export const fetchEntries = (q: { editionId?: number; group?: Group }) =>
  request<Entry[]>(`/api/competition/entries${toQueryString(q)}`);
export const fetchEntry = (id: number) => request<EntryDetail>(`/api/competition/entries/${id}`);
export const register = (editionId: number, body: Record<string, unknown>) =>
  request<EntryDetail>(`/api/competition/editions/${editionId}/entries`, { method: 'POST', body });
export function uploadAttachment(entryId: number, file: File) {
  const form = new FormData();
  form.append('file', file);
  return request<{ id: number }>(`/api/competition/entries/${entryId}/attachments`, { method: 'POST', form });
}
export const fetchJudges = (editionId: number) => request<Judge[]>(`/api/competition/editions/${editionId}/judges`);
export const setPool = (stageId: number, judgeIds: number[]) =>
  request(`/api/competition/stages/${stageId}/pool`, { method: 'PUT', body: { judgeIds } });
export const autoAssign = (stageId: number) =>
  request<AssignPlan>(`/api/competition/stages/${stageId}/assign`, { method: 'POST' });
export const fetchProgress = (stageId: number) => request<Progress>(`/api/competition/stages/${stageId}/progress`);
export const rankStage = (stageId: number) => request<RankOutcome>(`/api/competition/stages/${stageId}/rank`, { method: 'POST' });
export const fetchResults = (stageId: number) =>
  request<{ results: Result[]; tieBreak: Bilingual }>(`/api/competition/stages/${stageId}/results`);
export const publishStage = (stageId: number) =>
  request<{ advanced: number; nextStage: StageKind | null }>(`/api/competition/stages/${stageId}/publish`, { method: 'POST' });
export const fetchMyAssignments = () => request<Assignment[]>('/api/competition/my-assignments');
export const submitScore = (stageId: number, entryId: number, scores: Record<string, number>, comment: string) =>
  request(`/api/competition/stages/${stageId}/scores/${entryId}`, { method: 'PUT', body: { scores, comment } });
export const fetchPublic = () => request<{ tieBreak: Bilingual; stages: PublicStage[] }>('/api/competition/public/results');

// ---------- the season's setup, ties, investments ----------

export type InvestmentStatus = 'intent' | 'due_diligence' | 'signed' | 'disbursed' | 'withdrawn';
export const INVESTMENT_PATH: InvestmentStatus[] = ['intent', 'due_diligence', 'signed', 'disbursed'];
export type FundLevel = 'national' | 'provincial' | 'city' | 'district';
export type InterestLevel = 'strong' | 'moderate' | 'watching';
export interface Tie {
  id: number;
  judgeId: number;
  judgeName: string;
  judgeOrganisation: string | null;
  entryId: number | null;
  code: string | null;
  projectName: string | null;
  organisation: string | null;
  note: string;
  declaredByName: string | null;
  selfDeclared: boolean;
  declaredAt: string;
}
export interface Investment {
  id: number;
  entryId: number;
  fundName: string;
  fundLevel: FundLevel;
  amountYuan: number;
  status: InvestmentStatus;
  statusOn: string;
  note: string;
  version: number;
  history: {
    fromStatus: InvestmentStatus | null;
    toStatus: InvestmentStatus;
    statusOn: string;
    amountYuan: number;
    note: string;
  }[];
}
export interface FollowUpRow {
  entryId: number;
  code: string;
  projectName: string;
  entrantName: string;
  group: Group;
  interests: { id: number; investorName: string; level: InterestLevel; note: string; recordedOn: string }[];
  investments: Investment[];
}
export interface FollowUpSummary {
  projects: number;
  withInterest: number;
  invested: number;
  interests: Record<InterestLevel, number>;
  byStatus: Record<InvestmentStatus, { count: number; amountYuan: number }>;
  byFundLevel: Record<FundLevel, number>;
  committedYuan: number;
  fundedYuan: number;
  rows: FollowUpRow[];
}

export const createEdition = (body: Record<string, unknown>) =>
  request<Edition>('/api/competition/editions', { method: 'POST', body });
export const updateEdition = (id: number, body: Record<string, unknown>) =>
  request<Edition>(`/api/competition/editions/${id}`, { method: 'PATCH', body });
export const addStage = (editionId: number, body: Record<string, unknown>) =>
  request<Stage>(`/api/competition/editions/${editionId}/stages`, { method: 'POST', body });
export const updateStage = (id: number, body: Record<string, unknown>) =>
  request<{ stage: Stage; rankingCleared: boolean }>(`/api/competition/stages/${id}`, { method: 'PATCH', body });
export const fetchTies = (editionId: number) => request<Tie[]>(`/api/competition/editions/${editionId}/ties`);
export const declareTie = (editionId: number, body: Record<string, unknown>) =>
  request<{ id: number; removedAssignments: number }>(`/api/competition/editions/${editionId}/ties`, { method: 'POST', body });
export const deleteTie = (editionId: number, tieId: number) =>
  request(`/api/competition/editions/${editionId}/ties/${tieId}`, { method: 'DELETE' });
export const fetchFollowUpSummary = (editionId: number) =>
  request<FollowUpSummary>(`/api/competition/editions/${editionId}/follow-up/summary`);
export const recordInterest = (entryId: number, body: Record<string, unknown>) =>
  request(`/api/competition/entries/${entryId}/interests`, { method: 'POST', body });
export const createInvestment = (entryId: number, body: Record<string, unknown>) =>
  request<Investment>(`/api/competition/entries/${entryId}/investments`, { method: 'POST', body });
export const updateInvestment = (id: number, body: Record<string, unknown>) =>
  request<Investment>(`/api/competition/investments/${id}`, { method: 'PATCH', body });
