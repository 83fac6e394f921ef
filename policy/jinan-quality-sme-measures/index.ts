/**
 * The document's versions. Today only the draft exists; when the final text is issued, add a
 * version here (see docs/policy-engine.md, "Adding the final text").
 */
import type { ClauseDefinition } from '../core/clause.ts';
import { PolicyRegistry, type PolicyVersion } from '../core/version.ts';
import { clause2 } from './clause-02-ladder-rewards.ts';
import { clause4 } from './clause-04-service-parks.ts';
import { clause5 } from './clause-05-service-carriers.ts';
import { DOCUMENT_ZH, DRAFT_EFFECTIVE_FROM, DRAFT_EFFECTIVE_FROM_REFERENCE } from './document.ts';

export const MONEY_CLAUSES: readonly ClauseDefinition[] = [clause2, clause4, clause5];

export const DRAFT_2023: PolicyVersion = {
  id: 'jinan-quality-sme-2023-draft',
  titleZh: DOCUMENT_ZH,
  status: 'draft',
  effectiveFrom: DRAFT_EFFECTIVE_FROM,
  effectiveFromReference: DRAFT_EFFECTIVE_FROM_REFERENCE,
  clauses: MONEY_CLAUSES,
};

/** A fresh registry holding the versions known today (the draft). */
export function jinanQualitySmeRegistry(): PolicyRegistry {
  return new PolicyRegistry().register(DRAFT_2023);
}

export { clause2, clause4, clause5 };
