/** Types and calls of the scorecard endpoints (docs/api-contract.md, "Scorecards"). */
import { request, toQueryString } from '../../api/client.ts';
import type { Bilingual } from '../../api/types.ts';

export interface Viewer {
  view: 'enterprise' | 'officer' | 'none';
  enterpriseId: number | null;
  unitCode: string | null;
  canManage: boolean;
  year: number;
}

export interface IndicatorInfo {
  id: string;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
  direction: 'higher' | 'lower';
  weight: number;
  platform: Bilingual | null;
}

export interface ScorecardInfo {
  year: number;
  dimensions: { id: string; nameZh: string; nameEn: string; weight: number; indicators: IndicatorInfo[] }[];
  bands: { level: number; min: number; labelZh: string; labelEn: string }[];
  weakLinkMargin: number;
  parameters: {
    id: string;
    descriptionZh: string;
    descriptionEn: string;
    from: string | null;
    reference: { document: string; clause: string; note?: string; unverified?: string } | null;
  }[];
}

export interface RankingRow {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: 'district' | 'benchmark';
  total: number | null;
  levelZh: string | null;
  levelEn: string | null;
  rank: number | null;
  dimensions: Record<string, number | null>;
  weakLinks: number;
  entered: number | null;
  required: number | null;
}

export interface Results {
  year: number;
  complete: boolean;
  weightsUsed: Record<string, number>;
  rows: RankingRow[];
  benchmarkBest: Record<string, number | null>;
  cityAverage: Record<string, number | null>;
  absent: { indicatorId: string; reason: Bilingual }[];
}

export interface Trends {
  years: number[];
  series: { code: string; nameZh: string; nameEn: string; totals: (number | null)[]; ranks: (number | null)[] }[];
}

export interface IndicatorLine {
  id: string;
  dimensionId: string;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
  value: number | null;
  normalised: number | null;
  points: number;
  best: { code: string; nameZh: string; nameEn: string; normalised: number; value: number | null } | null;
  cityAverage: number | null;
  weakLink: boolean;
  source: 'entered' | 'platform';
  absentReason: Bilingual | null;
  explanationZh: string;
  explanationEn: string;
}

export interface Detail {
  year: number;
  unit: { code: string; nameZh: string; nameEn: string };
  total: number | null;
  levelZh: string | null;
  levelEn: string | null;
  rank: number | null;
  of: number;
  entered: number;
  required: number;
  dimensions: {
    id: string;
    nameZh: string;
    nameEn: string;
    score: number | null;
    cityAverage: number | null;
    benchmarkBest: number | null;
  }[];
  indicators: IndicatorLine[];
  weakLinks: string[];
  weakLinkMargin: number;
  trend: { years: number[]; totals: (number | null)[]; ranks: (number | null)[] };
  canEnter: boolean;
}

export interface UnitValues {
  indicators: { id: string; nameZh: string; nameEn: string; unitZh: string; unitEn: string }[];
  values: Record<string, number>;
}

export interface WeightSet {
  id: number;
  name: string;
  weights: Record<string, number>;
}

export interface Option {
  id: string;
  labelZh: string;
  labelEn: string;
  points: number;
}
export interface Question {
  id: string;
  partId: string;
  textZh: string;
  textEn: string;
  kind: 'single' | 'multi';
  max: number;
  options: Option[];
}
export interface Questionnaire {
  version: string;
  questions: Question[];
  parts: { id: string; nameZh: string; nameEn: string; max: number }[];
  bands: { level: number; min: number; labelZh: string; labelEn: string }[];
  parameters: {
    id: string;
    descriptionZh: string;
    descriptionEn: string;
    interpretation: string | null;
    reference: { unverified?: string } | null;
  }[];
}

export interface DigitalResult {
  score: number;
  level: number;
  levelLabelZh: string;
  levelLabelEn: string;
  parts: { id: string; nameZh: string; nameEn: string; points: number; max: number; percent: number }[];
  advice: {
    questionId: string;
    textZh: string;
    textEn: string;
    points: number;
    max: number;
    adviceZh: string;
    adviceEn: string;
  }[];
}

export interface EnterpriseDigital {
  enterprise: { id: number; name: string };
  latest: { assessedOn: string; score: number; level: number; answers: Record<string, string[]>; result: DigitalResult } | null;
  history: { id: number; assessedOn: string; score: number; level: number }[];
  canAnswer: boolean;
}

export interface DigitalGroup {
  key: string;
  nameZh: string;
  nameEn: string;
  assessed: number;
  average: number;
  levels: number[];
}
export interface DigitalStats {
  assessed: number;
  specializedInForce: number;
  specializedAssessed: number;
  average: number;
  levels: number[];
  byDistrict: DigitalGroup[];
  byIndustry: DigitalGroup[];
}

export const fetchViewer = () => request<Viewer>('/api/scorecards/me');
export const fetchInfo = (year: number) =>
  request<ScorecardInfo>(`/api/scorecards/districts/scorecard${toQueryString({ year })}`);
export const fetchResults = (year: number) => request<Results>(`/api/scorecards/districts/results${toQueryString({ year })}`);
export const whatIf = (year: number, weights: Record<string, number>) =>
  request<Results>('/api/scorecards/districts/what-if', { method: 'POST', body: { year, weights } });
export const fetchTrends = () => request<Trends>('/api/scorecards/districts/trends');
export const fetchDetail = (code: string, year: number) =>
  request<Detail>(`/api/scorecards/districts/${encodeURIComponent(code)}${toQueryString({ year })}`);
export const fetchValues = (kind: 'district' | 'benchmark', code: string, year: number) =>
  request<UnitValues>(`/api/scorecards/values/${kind}/${encodeURIComponent(code)}/${year}`);
export const saveValues = (kind: 'district' | 'benchmark', code: string, year: number, values: Record<string, number | null>) =>
  request<{ saved: number; cleared: number }>(`/api/scorecards/values/${kind}/${encodeURIComponent(code)}/${year}`, {
    method: 'PUT',
    body: { values },
  });
export const importValues = (fileBase64: string) =>
  request<{ values: number; units: number }>('/api/scorecards/import', { method: 'POST', body: { fileBase64 } });
export const fetchWeightSets = () => request<WeightSet[]>('/api/scorecards/weight-sets');
export const saveWeightSet = (name: string, weights: Record<string, number>) =>
  request<WeightSet>('/api/scorecards/weight-sets', { method: 'POST', body: { name, weights } });
export const fetchQuestionnaire = () => request<Questionnaire>('/api/scorecards/digital/questionnaire');
export const fetchEnterpriseDigital = (id: number) => request<EnterpriseDigital>(`/api/scorecards/digital/enterprises/${id}`);
export const submitDigital = (id: number, answers: Record<string, string[]>) =>
  request<DigitalResult & { assessedOn: string }>(`/api/scorecards/digital/enterprises/${id}`, {
    method: 'POST',
    body: { answers },
  });
export const fetchDigitalStats = () => request<DigitalStats>('/api/scorecards/digital/stats');

export const rankingXlsxUrl = (year: number) => `/api/scorecards/districts/ranking.xlsx${toQueryString({ year })}`;
export const reportDocxUrl = (code: string, year: number) =>
  `/api/scorecards/districts/${encodeURIComponent(code)}/report.docx${toQueryString({ year })}`;
export const reportXlsxUrl = (code: string, year: number) =>
  `/api/scorecards/districts/${encodeURIComponent(code)}/report.xlsx${toQueryString({ year })}`;
export const templateUrl = (year: number) => `/api/scorecards/import-template.xlsx${toQueryString({ year })}`;
