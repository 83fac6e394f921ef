/**
 * The texts the IP classification and evaluation rest on. Measure 一、（三） asks banks to build an
 * IP evaluation model and lend against high-value IP alone; measure 三、（十） asks for IP to be
 * created, used and protected. The class definitions (Ⅰ类, Ⅱ类, Ⅰ类高价值) come from the tier
 * standards' notes (/work/shared/reference/tier-standards.md §1.1), seen only in a third-party copy.
 */
import type { Reference } from '../core/parameter.ts';
import { DOCUMENT_ZH, DRAFT_SOURCE_NOTE } from '../jinan-quality-sme-measures/document.ts';

export const MEASURE_3_REFERENCE: Reference = { document: DOCUMENT_ZH, clause: '一、（三）', note: DRAFT_SOURCE_NOTE };
export const MEASURE_10_REFERENCE: Reference = { document: DOCUMENT_ZH, clause: '三、（十）', note: DRAFT_SOURCE_NOTE };

export const TIER_63_ZH = '优质中小企业梯度培育管理暂行办法（工信部企业〔2022〕63号）附件说明';
export const PATENT_LAW_2008_ZH = '中华人民共和国专利法（2008年修正）';
export const PATENT_LAW_2020_ZH = '中华人民共和国专利法（2020年修正）';
export const SOFTWARE_REG_ZH = '计算机软件保护条例';
export const PLANT_REG_ZH = '中华人民共和国植物新品种保护条例';
export const LAYOUT_REG_ZH = '集成电路布图设计保护条例';
export const TRADEMARK_LAW_ZH = '中华人民共和国商标法';
export const APPLICATION_NUMBER_STD_ZH = '专利申请号标准（ZC 0006-2003）';

/** The day the 2022 tier standards (and their IP class notes) apply from. */
export const TIER_63_FROM = '2022-06-01';
/** 专利法 2020 修正 in force (design term 15 years for applications from this day). */
export const PATENT_LAW_2020_FROM = '2021-06-01';
export const PATENT_LAW_2008_FROM = '2009-10-01';
/** The 12-digit application number with its check digit (ZC 0006-2003). */
export const APPLICATION_NUMBER_2003_FROM = '2003-10-01';
/** The platform's evaluation model (proposal) applies from the day it was written. */
export const MODEL_FROM = '2022-06-01';

const TIER_NOTE =
  'tier-standards.md §1.1: class definitions from a third-party policy-data repository summarising 63号 说明 (consistent with https://m.auto-fm.com/gaoqi/8436.html for Ⅰ/Ⅱ)';

export function refTier(clause: string, unverified?: string): Reference {
  return withUnverified({ document: TIER_63_ZH, clause, note: TIER_NOTE }, unverified);
}
export function refLaw(document: string, clause: string, unverified?: string): Reference {
  return withUnverified({ document, clause }, unverified);
}
/** The platform's own proposal under measure 一、（三） ("探索构建科创企业知识产权评价模型"). */
export function refModel(what: string): Reference {
  return {
    ...MEASURE_3_REFERENCE,
    unverified: `Platform proposal (${what}): the measure asks for an IP evaluation model but sets no weights; configurable, to be agreed with the banks and 市市场监管局.`,
  };
}

function withUnverified(r: Reference, unverified?: string): Reference {
  return unverified === undefined ? r : { ...r, unverified };
}
