/** Types and calls of the innovation endpoints (docs/api-contract.md, "Innovation services"). */
import { request, toQueryString, type QueryValue } from '../../api/client.ts';

export interface Vocab {
  id: string;
  zh: string;
  en: string;
}
export interface Vocabulary {
  fields: Vocab[];
  maturities: Vocab[];
  ipKinds: Vocab[];
  resourceKinds: Vocab[];
}

export interface InnovationMe {
  kind: 'officer' | 'enterprise' | 'university' | 'viewer' | 'none';
  enterpriseId: number | null;
  enterpriseName: string | null;
  large: boolean;
  organisation: string | null;
  unitCode: string | null;
  canRecordSupport: boolean;
}

export interface Achievement {
  id: number;
  title: string;
  summary: string;
  field: string;
  maturity: string;
  ipKind: string;
  ipNumber: string | null;
  owner: string;
  team: string;
  unitName: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactMasked: boolean;
  status: string;
  createdAt: string;
  version: number;
  mine: boolean;
}

export interface Demand {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  unitName: string;
  title: string;
  description: string;
  field: string;
  budget: number;
  deadline: string;
  status: string;
  postedAt: string;
  version: number;
  applications: number;
  mine: boolean;
  ownApplication?: { id: number; status: string } | null;
}

export interface Reason {
  sharedTerms: string[];
  sameField: boolean;
  sameDistrict: boolean;
  industryFits?: boolean;
}

export interface Application {
  id: number;
  demandId: number;
  demandTitle: string;
  enterpriseName: string;
  organisation: string;
  team: string;
  achievementTitle: string | null;
  proposal: string;
  quote: number | null;
  status: 'applied' | 'chosen' | 'not_chosen' | 'withdrawn' | 'contracted' | 'completed';
  contractAmount: number | null;
  contractSignedOn: string | null;
  completedOn: string | null;
  supportAmount: number | null;
  supportNote: string | null;
  appliedAt: string;
  version: number;
}

export interface Resource {
  id: number;
  enterpriseName: string;
  unitName: string;
  kind: string;
  title: string;
  description: string;
  terms: string;
  status: string;
  openRequests: number;
  mine: boolean;
  version: number;
}

export interface ResourceRequest {
  id: number;
  resourceTitle: string;
  ownerName: string;
  enterpriseName: string;
  purpose: string;
  fromDate: string;
  toDate: string;
  status: 'requested' | 'accepted' | 'declined' | 'withdrawn' | 'completed';
  answer: string | null;
  version: number;
  side: 'owner' | 'requester' | 'officer';
}

export interface StatRow {
  key: string;
  name: string;
  demands: number;
  achievements: number;
  applications: number;
  matched: number;
  contracts: number;
  contractAmount: number;
  supportAmount: number;
}
export interface Stats {
  asOf: string;
  totals: Omit<StatRow, 'key' | 'name'> & { resources: number; requests: number; requestsAccepted: number };
  byField: StatRow[];
  byDistrict: StatRow[];
  byStatus: { status: string; count: number }[];
}

interface Page<T> {
  items: T[];
  total: number;
}
const B = '/api/innovation';

export const fetchMe = () => request<InnovationMe>(`${B}/me`);
export const fetchVocabulary = () => request<Vocabulary>(`${B}/vocabulary`);
export const fetchAchievements = (q: Record<string, QueryValue>) =>
  request<Page<Achievement>>(`${B}/achievements${toQueryString(q)}`);
export const fetchDemands = (q: Record<string, QueryValue>) => request<Page<Demand>>(`${B}/demands${toQueryString(q)}`);
export const createDemand = (body: Record<string, unknown>) => request<Demand>(`${B}/demands`, { method: 'POST', body });
export const createAchievement = (body: Record<string, unknown>) =>
  request<Achievement>(`${B}/achievements`, { method: 'POST', body });
/** Edits carry the version read, so two people editing at once cannot overwrite each other silently. */
export const updateDemand = (id: number, body: Record<string, unknown>) =>
  request<Demand>(`${B}/demands/${id}`, { method: 'PUT', body });
export const updateAchievement = (id: number, body: Record<string, unknown>) =>
  request<Achievement>(`${B}/achievements/${id}`, { method: 'PUT', body });
export const setStatus = (what: 'demands' | 'achievements' | 'resources', id: number, status: 'published' | 'closed') =>
  request<unknown>(`${B}/${what}/${id}/status`, { method: 'POST', body: { status } });
export const importFile = (what: 'demands' | 'achievements', file: File) => {
  const form = new FormData();
  form.append('file', file);
  return request<{ imported: number }>(`${B}/${what}/import`, { method: 'POST', form });
};
export const templateUrl = (what: 'demands' | 'achievements') => `${B}/templates/${what}`;
export interface TeamMatch {
  owner: string;
  team: string;
  unitName: string | null;
  achievementIds: number[];
  score: number;
  sharedTerms: string[];
}
export const fetchDemandMatches = (id: number) =>
  request<{ demand: Demand; items: { achievement: Achievement; score: number; reason: Reason }[]; teams: TeamMatch[] }>(
    `${B}/demands/${id}/matches`,
  );
export const fetchAchievementMatches = (id: number) =>
  request<{ achievement: Achievement; items: { demand: Demand; score: number; reason: Reason }[] }>(
    `${B}/achievements/${id}/matches`,
  );
export const applyForDemand = (id: number, body: Record<string, unknown>) =>
  request<Application>(`${B}/demands/${id}/applications`, { method: 'POST', body });
export const fetchApplications = (q: Record<string, QueryValue>) =>
  request<Page<Application>>(`${B}/applications${toQueryString(q)}`);
export const actOnApplication = (
  id: number,
  action: 'choose' | 'contract' | 'complete' | 'withdraw',
  body: Record<string, unknown>,
) => request<Application>(`${B}/applications/${id}/${action}`, { method: 'POST', body });
export const recordSupport = (id: number, body: Record<string, unknown>) =>
  request<Application>(`${B}/applications/${id}/support`, { method: 'PUT', body });
export const fetchResources = (q: Record<string, QueryValue>) => request<Page<Resource>>(`${B}/resources${toQueryString(q)}`);
export const createResource = (body: Record<string, unknown>) => request<Resource>(`${B}/resources`, { method: 'POST', body });
export const requestResource = (id: number, body: Record<string, unknown>) =>
  request<ResourceRequest>(`${B}/resources/${id}/requests`, { method: 'POST', body });
export const fetchRequests = (q: Record<string, QueryValue>) =>
  request<Page<ResourceRequest>>(`${B}/requests${toQueryString(q)}`);
export const moveRequest = (id: number, to: 'accepted' | 'declined' | 'completed' | 'withdrawn', body: Record<string, unknown>) =>
  request<ResourceRequest>(`${B}/requests/${id}/${to}`, { method: 'POST', body });
export const fetchStats = () => request<Stats>(`${B}/stats`);
export const statsExportUrl = () => `${B}/stats.xlsx`;
