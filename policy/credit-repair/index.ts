/** Credit repair of administrative-penalty information (Measure 9, 两书同达): the rules as code. */
export * from './types.ts';
export * from './document.ts';
export { ALL_PARAMETERS } from './parameters.ts';
export { NDRC_36, NDRC_58, NoRuleSet, assessPenalty, creditRuleSets, repairDecisionDue, repairOpen } from './rules.ts';
