/** The tier endpoints (docs/api-contract.md, "Tier assessment and the pipeline"). */
import { request, toQueryString, type QueryValue } from '../../api/client.ts';
import type { Bilingual } from '../../api/types.ts';

export type Standing = 'holds' | 'eligible' | 'close' | 'no_data' | 'far';
export type Status = 'met' | 'not_met' | 'no_data';
export const STANDARDS = ['sme_size', 'innovative_sme', 'specialized_sme', 'little_giant', 'gazelle', 'unicorn'] as const;
export type StandardId = (typeof STANDARDS)[number];

export const STANDARD_NAMES: Record<StandardId, Bilingual> = {
  sme_size: { zh: '中小企业', en: 'SME' },
  innovative_sme: { zh: '创新型中小企业', en: 'Innovative SME' },
  specialized_sme: { zh: '专精特新中小企业', en: 'Specialised SME' },
  little_giant: { zh: '专精特新“小巨人”', en: 'Little giant' },
  gazelle: { zh: '瞪羚企业', en: 'Gazelle' },
  unicorn: { zh: '独角兽企业', en: 'Unicorn' },
};

export interface Tally {
  holds: number;
  eligible: number;
  close: number;
  no_data: number;
  far: number;
}

export interface PipelineItem {
  enterpriseId: number;
  name: string;
  uscc: string;
  unitCode: string;
  industryCode: string;
  standard: StandardId;
  standardVersion: string;
  standing: Standing;
  score: number | null;
  missingZh: string;
  missingEn: string;
}

export interface Pipeline {
  /** When the server computed these figures (they are kept a minute in its cache). */
  computedAt: string;
  date: string;
  margin: { points: number; percent: number };
  versions: Record<string, string | null>;
  enterprises: number;
  funnel: ({ standard: StandardId } & Tally)[];
  byStandard: ({ standard: StandardId } & Tally)[];
  byUnit: { unitCode: string; nameZh: string; eligible: number; close: number }[];
  byIndustry: { section: string; eligible: number; close: number }[];
  items: PipelineItem[];
  totalItems: number;
}

export interface Indicator {
  id: string;
  no: string;
  category: string;
  nameZh: string;
  textZh: string;
  max: number;
  points: number;
  upTo: number;
  band: string | null;
  bandZh: string | null;
  value: string | null;
  status: 'scored' | 'partial' | 'no_data';
  missing?: Bilingual;
}

export interface Condition {
  id: string;
  textZh: string;
  status: Status;
  value: string | null;
  need: string;
  missing?: Bilingual;
}

export interface Result {
  standard: StandardId;
  standardVersion: string;
  titleZh: string;
  titleEn: string;
  documentZh: string;
  figuresYear: number;
  status: Status;
  met: boolean;
  route: { id: string; zh: string; en: string } | null;
  score: {
    total: number;
    upTo: number;
    max: number;
    pass: number;
    categories: { id: string; zh: string; en: string; points: number; max: number; min: number | null }[];
  } | null;
  indicators: Indicator[];
  conditions: Condition[];
  missing: Bilingual[];
  holds: boolean;
  standing: Standing;
  reward: {
    clause: string;
    item: string;
    amount: number;
    policyVersion: string;
    reasons: Bilingual[];
    computation: string | null;
  } | null;
}

export interface Assessment {
  enterprise: { id: number; name: string; uscc: string; unitCode: string; industryCode: string };
  date: string;
  results: Result[];
}

export type PipelineParams = Record<
  'date' | 'standard' | 'marginPoints' | 'marginPercent' | 'unitCode' | 'industry' | 'standing',
  QueryValue
>;

export function fetchPipeline(p: PipelineParams): Promise<Pipeline> {
  return request<Pipeline>(`/api/tiers/pipeline${toQueryString({ ...p, limit: 300 })}`);
}

export function pipelineExportUrl(p: PipelineParams): string {
  return `/api/tiers/pipeline/export.xlsx${toQueryString(p)}`;
}

export function fetchAssessment(id: number, date: string): Promise<Assessment> {
  return request<Assessment>(`/api/tiers/enterprises/${id}/assessment${toQueryString({ date })}`);
}
