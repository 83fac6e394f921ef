/** One typed function per endpoint of docs/api-contract.md that the web app uses. */
import { request, setCsrfToken, toQueryString } from './client.ts';
import type {
  BudgetResponse,
  CarrierDetail,
  CarrierQuery,
  CarrierRow,
  EnterpriseDetail,
  EnterpriseInput,
  EnterprisePatch,
  EnterpriseQuery,
  EnterpriseRow,
  EntitlementDetail,
  EntitlementPage,
  EntitlementQuery,
  Meta,
  Page,
  PolicyVersion,
  RecomputeCounts,
  Session,
  TitleInput,
  Unit,
  WhatIfRequest,
  WhatIfResult,
} from './types.ts';

export async function login(username: string, password: string): Promise<Session> {
  const session = await request<Session>('/api/auth/login', {
    method: 'POST',
    body: { username, password },
    quietUnauthenticated: true,
  });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function currentSession(): Promise<Session> {
  const session = await request<Session>('/api/auth/me', { quietUnauthenticated: true });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function logout(): Promise<void> {
  await request<{ ok: true }>('/api/auth/logout', { method: 'POST', body: {} });
  setCsrfToken(null);
}

export const fetchMeta = (): Promise<Meta> => request<Meta>('/api/meta');
export const fetchUnits = (): Promise<Unit[]> => request<Unit[]>('/api/units');

export const listEnterprises = (query: EnterpriseQuery, signal?: AbortSignal): Promise<Page<EnterpriseRow>> =>
  request<Page<EnterpriseRow>>(`/api/enterprises${toQueryString({ ...query })}`, signal ? { signal } : {});

/** A plain link target: the browser downloads the file with the session cookie. */
export const enterpriseExportUrl = (query: EnterpriseQuery): string => {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return `/api/enterprises/export.xlsx${toQueryString({ ...filters })}`;
};

export const getEnterprise = (id: number): Promise<EnterpriseDetail> =>
  request<EnterpriseDetail>(`/api/enterprises/${id}`);

export const createEnterprise = (input: EnterpriseInput): Promise<{ id: number }> =>
  request<{ id: number }>('/api/enterprises', { method: 'POST', body: input });

export const updateEnterprise = (id: number, patch: EnterprisePatch): Promise<EnterpriseDetail> =>
  request<EnterpriseDetail>(`/api/enterprises/${id}`, { method: 'PATCH', body: patch });

export const addTitle = (enterpriseId: number, input: TitleInput): Promise<{ id: number }> =>
  request<{ id: number }>(`/api/enterprises/${enterpriseId}/titles`, { method: 'POST', body: input });

export const revokeTitle = (titleId: number, revokedOn: string, reason: string): Promise<{ ok: true }> =>
  request<{ ok: true }>(`/api/titles/${titleId}/revoke`, { method: 'POST', body: { revokedOn, reason } });

export const listCarriers = (query: CarrierQuery, signal?: AbortSignal): Promise<Page<CarrierRow>> =>
  request<Page<CarrierRow>>(`/api/carriers${toQueryString({ ...query })}`, signal ? { signal } : {});

export const carrierExportUrl = (query: CarrierQuery): string => {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return `/api/carriers/export.xlsx${toQueryString({ ...filters })}`;
};

export const getCarrier = (id: number): Promise<CarrierDetail> => request<CarrierDetail>(`/api/carriers/${id}`);

// ---------- Policy and entitlements ----------

let policyVersions: Promise<PolicyVersion[]> | null = null;

/** The encoded policy changes only with a deployment: fetched once per page load and shared. */
export function fetchPolicyVersions(): Promise<PolicyVersion[]> {
  if (!policyVersions) {
    policyVersions = request<PolicyVersion[]>('/api/policy/versions');
    // A failed load must not be cached, so the next page can try again.
    policyVersions.catch(() => {
      policyVersions = null;
    });
  }
  return policyVersions;
}

export const listEntitlements = (query: EntitlementQuery, signal?: AbortSignal): Promise<EntitlementPage> =>
  request<EntitlementPage>(`/api/entitlements${toQueryString({ ...query })}`, signal ? { signal } : {});

export const entitlementExportUrl = (query: EntitlementQuery): string => {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return `/api/entitlements/export.xlsx${toQueryString({ ...filters })}`;
};

export const getEntitlement = (id: number): Promise<EntitlementDetail> =>
  request<EntitlementDetail>(`/api/entitlements/${id}`);

export const recomputeEntitlements = (fiscalYear: number): Promise<RecomputeCounts> =>
  request<RecomputeCounts>('/api/entitlements/recompute', { method: 'POST', body: { fiscalYear } });

export const fetchBudget = (years: readonly number[]): Promise<BudgetResponse> =>
  request<BudgetResponse>(`/api/budget${toQueryString({ years: years.join(',') })}`);

export const runWhatIf = (input: WhatIfRequest): Promise<WhatIfResult> =>
  request<WhatIfResult>('/api/budget/what-if', { method: 'POST', body: input });
