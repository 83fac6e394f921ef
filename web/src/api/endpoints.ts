/** One typed function per endpoint of docs/api-contract.md that the web app uses. */
import { request, setCsrfToken, toQueryString } from './client.ts';
import type {
  BudgetResponse,
  CarrierDetail,
  CarrierQuery,
  CarrierRow,
  DecisionInput,
  EnterpriseDetail,
  EnterpriseInput,
  EnterprisePatch,
  EnterpriseQuery,
  EnterpriseRow,
  EntitlementDetail,
  EntitlementPage,
  EntitlementQuery,
  ImportCreated,
  ImportDetail,
  ImportInspection,
  ImportListQuery,
  ImportOptions,
  ImportRow,
  ImportRowQuery,
  ImportSummary,
  MappingInput,
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

// ---------- List import (city officers) ----------

/** The list as the officer gives it: a file, or text copied out of a PDF. */
export type ImportSource = { kind: 'file'; file: File; sheet?: string } | { kind: 'text'; text: string; fileName?: string };

export function inspectImport(source: ImportSource): Promise<ImportInspection> {
  if (source.kind === 'text')
    return request<ImportInspection>('/api/imports/inspect/text', { method: 'POST', body: { text: source.text } });
  const form = new FormData();
  if (source.sheet) form.append('sheet', source.sheet);
  form.append('file', source.file, source.file.name);
  return request<ImportInspection>('/api/imports/inspect', { method: 'POST', form });
}

/** Uploads and previews; `reused` when the same list with the same choice is already previewed or applied. */
export function createImport(source: ImportSource, options: ImportOptions, mapping?: MappingInput): Promise<ImportCreated> {
  if (source.kind === 'text')
    return request<ImportCreated>('/api/imports/text', {
      method: 'POST',
      body: { text: source.text, ...(source.fileName ? { fileName: source.fileName } : {}), ...options, ...(mapping ? { mapping } : {}) },
    });
  const form = new FormData();
  for (const [key, value] of Object.entries(options)) if (value !== undefined && value !== '') form.append(key, String(value));
  if (mapping) form.append('mapping', JSON.stringify(mapping));
  if (source.sheet) form.append('sheet', source.sheet);
  // Fields before the file, so the server has them when the file part arrives.
  form.append('file', source.file, source.file.name);
  return request<ImportCreated>('/api/imports', { method: 'POST', form });
}

export const listImports = (query: ImportListQuery, signal?: AbortSignal): Promise<Page<ImportSummary>> =>
  request<Page<ImportSummary>>(`/api/imports${toQueryString({ ...query })}`, signal ? { signal } : {});

export const getImport = (id: number, query: ImportRowQuery = {}, signal?: AbortSignal): Promise<ImportDetail> =>
  request<ImportDetail>(`/api/imports/${id}${toQueryString({ ...query })}`, signal ? { signal } : {});

export const decideImportRow = (id: number, rowNo: number, decision: DecisionInput): Promise<ImportRow> =>
  request<ImportRow>(`/api/imports/${id}/rows/${rowNo}/decision`, { method: 'POST', body: decision });

export const applyImport = (id: number, skipUndecided: boolean): Promise<{ import: ImportSummary }> =>
  request<{ import: ImportSummary }>(`/api/imports/${id}/apply`, { method: 'POST', body: skipUndecided ? { skipUndecided } : {} });

export const revertImport = (id: number, reason: string): Promise<{ import: ImportSummary }> =>
  request<{ import: ImportSummary }>(`/api/imports/${id}/revert`, { method: 'POST', body: { reason } });

export const importUnmatchedUrl = (id: number): string => `/api/imports/${id}/unmatched.xlsx`;
export const importFileUrl = (id: number): string => `/api/imports/${id}/file`;
