/** The dashboard endpoints (docs/api-contract.md, "Dashboard") and their shapes. */
import { request, toQueryString } from '../../api/client.ts';
import type { Bilingual } from '../../api/types.ts';

export type TitleKind = 'innovative_sme' | 'specialized_sme' | 'little_giant' | 'manufacturing_champion' | 'gazelle' | 'unicorn';
export type Level = 'national' | 'provincial' | 'city';
export type KindCounts = Partial<Record<TitleKind, number>>;

export interface Projection {
  method: string;
  targetDate: string;
  value: number;
  slopePerYear: number;
  basis: { year: number; value: number }[];
}

export interface TargetLine {
  id: TitleKind | 'titles' | 'enterprises';
  parameterId: string | null;
  target: number | null;
  inForce: number;
  progress: number | null;
  gap: number | null;
  atTargetDate: number | null;
  projection: Projection | null;
}

export interface UnitRow {
  unitCode: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  registered: number;
  share: number;
  titles: number;
  qualityEnterprises: number;
  byKind: KindCounts;
  target: number;
  gap: number;
  progress: number;
  rank: number;
}

export interface MoneyRow {
  clause: string;
  owedCount: number;
  owedAmount: number;
  paidCount: number;
  paidAmount: number;
  recoveryDueAmount: number;
  withdrawnAmount: number;
}

export interface Dashboard {
  on: string;
  computedAt: string;
  scope: { kind: 'city' } | { kind: 'unit'; unitCode: string };
  targetDate: string;
  shareBasis: Bilingual & { id: string };
  projectionMethod: Bilingual & { id: string };
  targets: TargetLine[];
  laterPlan: TargetLine | null;
  titleKinds: { kind: TitleKind; total: number; byLevel: Partial<Record<Level, number>>; target: number | null }[];
  targetSum: number | null;
  funnel: { stage: 'sme' | TitleKind; count: number }[];
  trend: { year: number; date: string; byKind: KindCounts; titles: number; qualityEnterprises: number }[];
  units: UnitRow[];
  industries: { code: string; level: 'section' | 'class'; byKind: KindCounts; qualityEnterprises: number; titles: number }[];
  clusters: { inForce: number; target: number | null; perYearTarget: number | null; newByYear: { year: number; count: number; target: number | null }[] };
  money: { clauses: MoneyRow[]; total: { owedAmount: number; paidAmount: number } };
}

export const fetchDashboard = (on: string | undefined, signal?: AbortSignal): Promise<Dashboard> =>
  request<Dashboard>(`/api/dashboard${toQueryString({ on })}`, signal ? { signal } : {});

export const dashboardExportUrl = (on: string): string => `/api/dashboard/export.xlsx${toQueryString({ on })}`;

/** The enterprise list behind a number: the registry list with the same filters. */
export function enterprisesUrl(filters: { titleKind?: string; unitCode?: string; level?: string; industry?: string; sizeClass?: string; on?: string }): string {
  return `/enterprises${toQueryString(filters)}`;
}
