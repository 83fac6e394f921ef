/** The organiser's settings in force on a date, read from the dated parameters in policy/competition. */
import { valueAt, type Parameter } from '../../../policy/core/parameter.ts';
import {
  COMPETITION_PARAMETERS,
  defaultRubric,
  judgesPerProject,
  enterpriseGroupMaxAgeYears,
  enterpriseGroupMustBeInJinan,
  enterpriseGroupRevenueCap,
  makerGroupMustBeUnregistered,
  minimumJudges,
  recommendNational,
  recommendProvincial,
  trimFromJudges,
} from '../../../policy/competition/parameters.ts';
import type { Criterion, EligibilitySettings } from './domain.ts';

function at<T>(p: Parameter<T>, date: string): T {
  const v = valueAt(p, date);
  if (!v) throw new Error(`parameter ${p.id} has no value on ${date}`);
  return v.value;
}

/** Dates before the first setting use the first one (an edition is configured once, from 2025). */
const clamp = (date: string) => (date < '2025-01-01' ? '2025-01-01' : date);

export function eligibilitySettings(date: string): EligibilitySettings {
  const d = clamp(date);
  return {
    enterpriseMustBeInJinan: at(enterpriseGroupMustBeInJinan, d),
    enterpriseMaxAgeYears: at(enterpriseGroupMaxAgeYears, d),
    enterpriseRevenueCap: at(enterpriseGroupRevenueCap, d),
    makerMustBeUnregistered: at(makerGroupMustBeUnregistered, d),
  };
}

export function judgingDefaults(date: string): { minJudges: number; trimFromJudges: number } {
  const d = clamp(date);
  return { minJudges: at(minimumJudges, d), trimFromJudges: at(trimFromJudges, d) };
}

/** The defaults a new stage starts from: judges per project and the rubric. */
export function stageDefaults(date: string): { judgesPerEntry: number; rubric: Criterion[] } {
  const d = clamp(date);
  return { judgesPerEntry: at(judgesPerProject, d), rubric: at(defaultRubric, d).map((c) => ({ ...c })) };
}

export function recommendationQuota(date: string): { national: number; provincial: number } {
  const d = clamp(date);
  return { national: at(recommendNational, d), provincial: at(recommendProvincial, d) };
}

/** Every setting with its value, date and reference, for the organiser's screen. */
export function settingsOn(date: string) {
  const d = clamp(date);
  return COMPETITION_PARAMETERS.map((p: Parameter<unknown>) => {
    const v = valueAt(p, d);
    return {
      id: p.id,
      unit: p.unit,
      descriptionZh: p.descriptionZh,
      descriptionEn: p.descriptionEn,
      value: v?.value ?? null,
      from: v?.from ?? null,
      reference: v?.reference ?? null,
    };
  });
}
