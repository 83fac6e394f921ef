/**
 * Tier assessment service: one enterprise against the standards (officers per scope, an
 * enterprise only itself — access/principal.ts tierScope), and the pipeline over the registry.
 * Reads only; nothing here changes data.
 */
import type { Database } from '../../db/client.ts';
import { cachedJson } from '../../db/json-cache.ts';
import { tierScope, type Principal } from '../access/principal.ts';
import { AppError, invalid, problem } from '../../shared/errors.ts';
import { isIsoDate, todayShanghai } from '../../shared/dates.ts';
import { JINAN_UNITS } from '../registry/reference.ts';
import {
  STANDARD_IDS,
  isStandardId,
  tierAssessor,
  type StandardId,
  type TierResult,
} from '../../../policy/tier-standards/index.ts';
import {
  FUNNEL,
  emptyTally,
  holdsFor,
  industrySection,
  rewardFor,
  standing,
  type Margin,
  type Reward,
  type Standing,
  type Tally,
} from './domain.ts';
import { loadTierFacts, tierFactsChunks, type FactsWhere } from './facts.ts';

export const DEFAULT_MARGIN: Margin = { points: 10, percent: 10 };

export function checkDate(date: string | undefined, field = 'date'): string {
  const d = date ?? todayShanghai();
  if (!isIsoDate(d)) throw invalid(problem(field, '日期格式应为 YYYY-MM-DD', 'a date must be YYYY-MM-DD'));
  return d;
}

function checkStandard(s: string | undefined): StandardId | undefined {
  if (s === undefined) return undefined;
  if (!isStandardId(s))
    throw invalid(problem('standard', `未知的标准：${s}`, `unknown standard '${s}' (one of ${STANDARD_IDS.join(', ')})`));
  return s;
}

export interface EnterpriseAssessment {
  enterprise: { id: number; name: string; uscc: string; unitCode: string; industryCode: string };
  date: string;
  results: (TierResult & { holds: boolean; standing: Standing; reward: Reward | null })[];
}

function visible(p: Principal, unitCode: string, enterpriseId: number): boolean {
  const s = tierScope(p);
  return (
    s.kind === 'all' ||
    (s.kind === 'unit' && s.unitCode === unitCode) ||
    (s.kind === 'enterprise' && s.enterpriseId === enterpriseId)
  );
}

export async function assessEnterprise(
  database: Database,
  p: Principal,
  enterpriseId: number,
  q: { date?: string; standard?: string; marginPoints?: number; marginPercent?: number },
): Promise<EnterpriseAssessment> {
  const date = checkDate(q.date);
  const only = checkStandard(q.standard);
  const margin = { points: q.marginPoints ?? DEFAULT_MARGIN.points, percent: q.marginPercent ?? DEFAULT_MARGIN.percent };
  const chunk = await loadTierFacts(database, enterpriseId, Number(date.slice(0, 4)) - 1, date);
  const row = chunk?.rows[0];
  const facts = chunk?.facts[0];
  if (!row || !facts || !visible(p, row.unitCode, row.id)) throw new AppError('not_found');
  const a = tierAssessor();
  const ids = only ? [only] : STANDARD_IDS;
  return {
    enterprise: row,
    date,
    results: ids.map((id) => {
      const r = a.assess(id, facts, date);
      const holds = holdsFor(id, facts, date);
      return { ...r, holds, standing: standing(r, holds, margin), reward: r.met && !holds ? rewardFor(id, facts, date) : null };
    }),
  };
}

export interface PipelineQuery {
  date?: string;
  marginPoints?: number;
  marginPercent?: number;
  unitCode?: string;
  /** GB/T 4754 section letter or code prefix. */
  industry?: string;
  standard?: string;
  /** Which items to list: eligible (meets, does not hold), close, or both (default). */
  standing?: 'eligible' | 'close';
  limit?: number;
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
  /** The first few missing things, zh and en. */
  missingZh: string;
  missingEn: string;
}

export interface Pipeline {
  date: string;
  margin: Margin;
  versions: Record<string, string | null>;
  enterprises: number;
  funnel: ({ standard: StandardId } & Tally)[];
  byStandard: ({ standard: StandardId } & Tally)[];
  byUnit: { unitCode: string; nameZh: string; eligible: number; close: number }[];
  byIndustry: { section: string; eligible: number; close: number }[];
  items: PipelineItem[];
  totalItems: number;
}

function whereFor(p: Principal, q: PipelineQuery): FactsWhere {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const s = tierScope(p);
  if (s.kind === 'unit') where.push(`e.unit_code = ${add(s.unitCode)}`);
  else if (s.kind === 'enterprise') where.push(`e.id = ${add(s.enterpriseId)}`);
  else if (s.kind !== 'all') where.push('false');
  if (q.unitCode) where.push(`e.unit_code = ${add(q.unitCode)}`);
  if (q.industry) where.push(`e.industry_code like ${add(q.industry.replace(/[\\%_]/g, '') + '%')}`);
  return { sql: where.length ? where.join(' and ') : 'true', params };
}

/**
 * Over every enterprise in the principal's scope: which titles each meets without holding, which
 * it is close to (within the margin), the funnel SME → 创新型 → 专精特新 → 小巨人, and counts by unit
 * and industry. `onItem` receives every listed item (the export takes them all).
 */
export async function pipeline(
  database: Database,
  p: Principal,
  q: PipelineQuery,
  onItem?: (i: PipelineItem) => void,
): Promise<Pipeline> {
  const date = checkDate(q.date);
  const only = checkStandard(q.standard);
  for (const [k, v] of [
    ['marginPoints', q.marginPoints],
    ['marginPercent', q.marginPercent],
  ] as const)
    if (v !== undefined && (!Number.isFinite(v) || v < 0 || v > 100))
      throw invalid(problem(k, '差距阈值应在 0 到 100 之间', 'the margin must be between 0 and 100'));
  if (p.role === 'enterprise_user' || tierScope(p).kind === 'none') throw new AppError('not_found');
  const margin = { points: q.marginPoints ?? DEFAULT_MARGIN.points, percent: q.marginPercent ?? DEFAULT_MARGIN.percent };
  const limit = Math.min(q.limit ?? 200, 2000);
  const a = tierAssessor();
  const listed: readonly StandardId[] = only ? [only] : STANDARD_IDS.filter((s) => s !== 'sme_size');
  const byStandard = new Map<StandardId, Tally>(STANDARD_IDS.map((s) => [s, emptyTally()]));
  const funnel = new Map<StandardId, Tally>(FUNNEL.map((s) => [s, emptyTally()]));
  const units = new Map<string, { eligible: number; close: number }>();
  const sections = new Map<string, { eligible: number; close: number }>();
  const items: PipelineItem[] = [];
  let totalItems = 0;
  let count = 0;
  for await (const chunk of tierFactsChunks(database, whereFor(p, q), Number(date.slice(0, 4)) - 1, 5000, date)) {
    chunk.facts.forEach((f, i) => {
      const row = chunk.rows[i];
      if (!row) return;
      count++;
      for (const id of STANDARD_IDS) {
        const r = a.assess(id, f, date, { parameters: false, explain: false });
        const holds = holdsFor(id, f, date);
        const st = standing(r, holds, margin);
        (byStandard.get(id) as Tally)[st]++;
        const fu = funnel.get(id);
        if (fu) fu[st]++;
        if (!listed.includes(id) || (st !== 'eligible' && st !== 'close')) continue;
        if (q.standing && q.standing !== st) continue;
        const u = units.get(row.unitCode) ?? { eligible: 0, close: 0 };
        u[st]++;
        units.set(row.unitCode, u);
        const sec = industrySection(row.industryCode);
        const s = sections.get(sec) ?? { eligible: 0, close: 0 };
        s[st]++;
        sections.set(sec, s);
        totalItems++;
        const failing = r.conditions
          .filter((c) => c.status === 'not_met' && c.missing)
          .map((c) => c.missing as { zh: string; en: string });
        const item: PipelineItem = {
          enterpriseId: row.id,
          name: row.name,
          uscc: row.uscc,
          unitCode: row.unitCode,
          industryCode: row.industryCode,
          standard: id,
          standardVersion: r.standardVersion,
          standing: st,
          score: r.score?.total ?? null,
          missingZh: failing.map((m) => m.zh).join('；'),
          missingEn: failing.map((m) => m.en).join('; '),
        };
        if (items.length < limit) items.push(item);
        onItem?.(item);
      }
    });
  }
  const unitName = new Map(JINAN_UNITS.map((u) => [u.code, u.nameZh]));
  return {
    date,
    margin,
    versions: Object.fromEntries(STANDARD_IDS.map((s) => [s, a.versionOn(s, date)])),
    enterprises: count,
    funnel: FUNNEL.map((s) => ({ standard: s, ...(funnel.get(s) as Tally) })),
    byStandard: STANDARD_IDS.map((s) => ({ standard: s, ...(byStandard.get(s) as Tally) })),
    byUnit: [...units]
      .map(([unitCode, v]) => ({ unitCode, nameZh: unitName.get(unitCode) ?? unitCode, ...v }))
      .sort((x, y) => y.eligible + y.close - (x.eligible + x.close)),
    byIndustry: [...sections]
      .map(([section, v]) => ({ section, ...v }))
      .sort((x, y) => y.eligible + y.close - (x.eligible + x.close)),
    items,
    totalItems,
  };
}

/** The pipeline over thousands of enterprises is served from the shared cache at most this old. */
export const PIPELINE_CACHE_SECONDS = 60;

/**
 * The pipeline as JSON text with `computedAt`, through the shared cache (`cachedJson`): keyed by the
 * principal's scope and every query field, so no one sees another scope's figures; bad input is
 * refused by `pipeline` itself and caches nothing.
 */
export async function pipelineJson(database: Database, p: Principal, q: PipelineQuery): Promise<string> {
  const key = [
    'pipeline-v1',
    JSON.stringify(tierScope(p)),
    q.date ?? todayShanghai(),
    q.standard ?? '',
    q.marginPoints ?? '',
    q.marginPercent ?? '',
    q.unitCode ?? '',
    q.industry ?? '',
    q.standing ?? '',
    q.limit ?? '',
  ].join('|');
  return cachedJson(database, key, PIPELINE_CACHE_SECONDS, () => pipeline(database, p, q));
}
