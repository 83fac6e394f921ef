/**
 * Measure 9 of the Jinan draft measures (两书同达) and the national and sector texts that decide
 * how long an administrative-penalty record is public and when it can be repaired. What each
 * text says, where it was read and how sure we are: ../shared/reference/other-domains.md §1.
 */
import type { Reference } from '../core/parameter.ts';
import { DOCUMENT_ZH, DRAFT_SOURCE_NOTE } from '../jinan-quality-sme-measures/document.ts';

/** Item 九 of the draft, verbatim (a test checks it against the source text). */
export const MEASURE_9_TEXT_ZH =
  '（九）落实中小企业信用修复主动告知制度。进一步优化行政处罚信息信用修复机制，落实行政处罚决定和行政处罚信息信用修复告知“两书同达”工作制度。全面推进具有法定行政处罚权的各级行政机关将信用修复指导关口前移，在依法作出行政处罚决定后，同步送达行政处罚决定书和行政处罚信息信用修复告知书，告知公示期限、信用修复时间及方式等内容，进一步优化营商环境，推动惠民便企服务高质量发展。';
export const MEASURE_9_RESPONSIBLE_ZH = ['市发展改革委', '市司法局', '市市场监管局', '各级行政处罚机关'] as const;

export const MEASURE_9_REFERENCE: Reference = { document: DOCUMENT_ZH, clause: '三、（九）', note: DRAFT_SOURCE_NOTE };

export const NDRC_58_ZH = '失信行为纠正后的信用信息修复管理办法（试行）（国家发展改革委令2023年第58号）';
export const NDRC_36_ZH = '信用修复管理办法（国家发展和改革委员会令第36号）';
export const STATE_COUNCIL_22_ZH = '国务院办公厅关于进一步完善信用修复制度的实施方案（国办发〔2025〕22号）';
export const SAMR_45_ZH = '市场监督管理行政处罚信息公示规定（国家市场监督管理总局令第45号）';

const NOTE_58 =
  'reproduced at http://www.zs531.com/news/325.html; periods as applied by Shenzhen http://www.senqisrq.com/xxgk/ztzl/sgs/index.html';
const NOTE_36 =
  'NDRC release summary https://www.yuhaojiang.com/redian/1328015.html; 22号文 http://www.cf0099.com/hyzx/202506/27/13482.html';
const NOTE_45 = 'LawRefBook/Laws 部门规章/市场监督管理总局/市场监督管理行政处罚信息公示规定(2021-07-30).md (verbatim)';

export function ref58(clause: string, unverified?: string): Reference {
  return withUnverified({ document: NDRC_58_ZH, clause, note: NOTE_58 }, unverified);
}
export function ref36(clause: string, unverified?: string): Reference {
  return withUnverified({ document: NDRC_36_ZH, clause, note: NOTE_36 }, unverified);
}
export function ref22(clause: string, unverified?: string): Reference {
  return withUnverified({ document: STATE_COUNCIL_22_ZH, clause, note: NOTE_36 }, unverified);
}
export function ref45(clause: string, unverified?: string): Reference {
  return withUnverified({ document: SAMR_45_ZH, clause, note: NOTE_45 }, unverified);
}

function withUnverified(r: Reference, unverified?: string): Reference {
  return unverified === undefined ? r : { ...r, unverified };
}

/** Dates the texts take effect (other-domains.md §1.0). */
export const NDRC_58_FROM = '2023-05-01';
export const NDRC_36_FROM = '2026-04-01';
export const SAMR_45_FROM = '2021-09-01';
