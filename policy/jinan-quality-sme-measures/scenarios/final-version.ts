/**
 * A hypothetical final text for the tests: issued 2025-01-01, it lowers the 小巨人 reward to
 * ¥1,500,000 and the base high-tier reward to ¥300,000. Not a real document.
 */
import type { PolicyVersion } from '../../core/version.ts';
import { DRAFT_2023, jinanQualitySmeRegistry } from '../index.ts';
import type { PolicyRegistry } from '../../core/version.ts';

const FINAL_REF = {
  document: '济南市关于加快培育优质中小企业若干措施（测试用假想正式稿）',
  clause: '一、（二）',
  note: 'test fixture',
};

export const HYPOTHETICAL_FINAL_2025: PolicyVersion = {
  id: 'jinan-quality-sme-2025-final-test',
  titleZh: '济南市关于加快培育优质中小企业若干措施（测试用假想正式稿）',
  status: 'final',
  effectiveFrom: '2025-01-01',
  effectiveFromReference: FINAL_REF,
  clauses: DRAFT_2023.clauses,
  amendments: {
    clause_2_little_giant_first_amount: [{ from: '2025-01-01', value: 1_500_000, reference: FINAL_REF }],
    clause_5_base_unicorn_or_little_giant_amount: [
      { from: '2025-01-01', value: 300_000, reference: { ...FINAL_REF, clause: '二、（五）' } },
    ],
  },
};

export function registryWithFinal(): PolicyRegistry {
  return jinanQualitySmeRegistry().register(HYPOTHETICAL_FINAL_2025);
}
