/** Intellectual property (measures 一、（三） and 三、（十）): classes, counts, the evaluation model, numbers. */
export * from './types.ts';
export * from './document.ts';
export { ALL_PARAMETERS } from './parameters.ts';
export { classify, classOf, holdingsOf, inForce, protection, NoIpRules, AWARD_ZH, type Classification } from './classify.ts';
export { evaluateItem, evaluateEnterprise, type EnterpriseEvaluation, type Indicator, type ItemEvaluation } from './evaluate.ts';
export { checkIpNumber, patentCheckDigit, type NumberCheck } from './number.ts';
