/**
 * The tier standards as code: every standard's versions in a registry, the version chosen by the
 * assessment date and named in the result (`standardVersion`). See docs/tier-standards.md.
 */
import { CompiledStandardRegistry, type StandardOverrides, type StandardVersion } from '../core/standard.ts';
import type { TierFacts } from './facts.ts';
import { GAZELLE_2020 } from './gazelle-shandong-2020.ts';
import { INNOVATIVE_2022, INNOVATIVE_2026 } from './innovative-2022.ts';
import { LITTLE_GIANT_2022 } from './little-giant-2022.ts';
import { LITTLE_GIANT_2026 } from './little-giant-2026.ts';
import type { TierResult } from './shared.ts';
import { SME_SIZE_2011 } from './sme-size-2011.ts';
import { SPECIALIZED_2022 } from './specialized-2022.ts';
import { SPECIALIZED_2026 } from './specialized-2026.ts';
import { UNICORN_2020 } from './unicorn-shandong-2020.ts';

export * from './facts.ts';
export type { TierResult, ConditionResult, IndicatorResult, RouteResult, ScoreResult, Status, Bilingual } from './shared.ts';

/** Standard ids, in ladder order (the funnel SME → 创新型 → 专精特新 → 小巨人, then 瞪羚, 独角兽). */
export const STANDARD_IDS = ['sme_size', 'innovative_sme', 'specialized_sme', 'little_giant', 'gazelle', 'unicorn'] as const;
export type StandardId = (typeof STANDARD_IDS)[number];

/** The title kind (registry `title_kind`) a standard recognises; sme_size recognises none. */
export const TITLE_OF: Record<StandardId, string | null> = {
  sme_size: null,
  innovative_sme: 'innovative_sme',
  specialized_sme: 'specialized_sme',
  little_giant: 'little_giant',
  gazelle: 'gazelle',
  unicorn: 'unicorn',
};

export const VERSIONS: Record<StandardId, readonly StandardVersion<TierFacts, TierResult>[]> = {
  sme_size: [SME_SIZE_2011],
  innovative_sme: [INNOVATIVE_2022, INNOVATIVE_2026],
  specialized_sme: [SPECIALIZED_2022, SPECIALIZED_2026],
  little_giant: [LITTLE_GIANT_2022, LITTLE_GIANT_2026],
  gazelle: [GAZELLE_2020],
  unicorn: [UNICORN_2020],
};

export function isStandardId(x: string): x is StandardId {
  return (STANDARD_IDS as readonly string[]).includes(x);
}

export interface AssessOptions {
  /** Include the parameters in force (id, value, date, reference) in each result. Default true. */
  parameters?: boolean;
  /**
   * Default true. False (bulk runs) skips the words of indicator gaps and indicator values;
   * verdicts, points, bands and conditions are the same.
   */
  explain?: boolean;
}

/** A result for a date no version covers (before the first version). */
function notInForce(id: StandardId, date: string): TierResult {
  const v = VERSIONS[id][0] as StandardVersion<TierFacts, TierResult>;
  return {
    standard: id,
    standardVersion: '',
    titleZh: v.titleZh,
    titleEn: v.titleEn,
    documentZh: '',
    date,
    figuresYear: Number(date.slice(0, 4)) - 1,
    status: 'not_met',
    met: false,
    route: null,
    routes: [],
    score: null,
    indicators: [],
    conditions: [],
    missing: [
      {
        zh: `${date}尚无适用的标准版本（最早${v.effectiveFrom}）`,
        en: `no version of the standard is in force on ${date} (first: ${v.effectiveFrom})`,
      },
    ],
    formula: v.formula,
  };
}

/** Compiled once; reuse it for many enterprises. */
export class TierAssessor {
  private readonly registries = new Map<StandardId, CompiledStandardRegistry<TierFacts, TierResult>>();

  constructor(overrides: StandardOverrides = {}) {
    for (const id of STANDARD_IDS) this.registries.set(id, new CompiledStandardRegistry(VERSIONS[id], overrides));
  }

  registry(id: StandardId): CompiledStandardRegistry<TierFacts, TierResult> {
    return this.registries.get(id) as CompiledStandardRegistry<TierFacts, TierResult>;
  }

  /** The version id in force on a date, or null. */
  versionOn(id: StandardId, date: string): string | null {
    return this.registry(id).forDate(date)?.version.id ?? null;
  }

  assess(id: StandardId, facts: TierFacts, date: string, opts: AssessOptions = {}): TierResult {
    const c = this.registry(id).forDate(date);
    if (!c) return notInForce(id, date);
    const r = c.assess(facts, date, { explain: opts.explain !== false });
    if (opts.parameters !== false) r.parameters = c.usedOn(date);
    return r;
  }

  assessAll(facts: TierFacts, date: string, opts: AssessOptions = {}): TierResult[] {
    return STANDARD_IDS.map((id) => this.assess(id, facts, date, opts));
  }
}

let shared: TierAssessor | null = null;
/** The assessor with the standards as recorded (no overrides), compiled on first use. */
export function tierAssessor(): TierAssessor {
  shared ??= new TierAssessor();
  return shared;
}
