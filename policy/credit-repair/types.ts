/** The vocabulary of penalty decisions and of the assessment the rule sets give them. */
import type { Reference } from '../core/parameter.ts';
import type { TraceParameter } from '../core/results.ts';

/** Types of administrative penalty (《行政处罚法》第九条). */
export const PENALTY_TYPES = [
  'warning', // 警告
  'circulated_criticism', // 通报批评
  'fine', // 罚款
  'confiscation', // 没收违法所得、没收非法财物
  'licence_suspension', // 暂扣许可证件
  'qualification_downgrade', // 降低资质等级
  'licence_revocation', // 吊销许可证件（含营业执照）
  'business_restriction', // 限制开展生产经营活动
  'production_suspension', // 责令停产停业
  'closure', // 责令关闭
  'practice_restriction', // 限制从业
  'other', // 法律、行政法规规定的其他行政处罚
] as const;
export type PenaltyType = (typeof PENALTY_TYPES)[number];

export const PENALTY_TYPE_ZH: Record<PenaltyType, string> = {
  warning: '警告',
  circulated_criticism: '通报批评',
  fine: '罚款',
  confiscation: '没收违法所得、没收非法财物',
  licence_suspension: '暂扣许可证件',
  qualification_downgrade: '降低资质等级',
  licence_revocation: '吊销许可证件',
  business_restriction: '限制开展生产经营活动',
  production_suspension: '责令停产停业',
  closure: '责令关闭',
  practice_restriction: '限制从业',
  other: '其他行政处罚',
};

/** The field a decision belongs to (sector rules differ). */
export const SECTORS = [
  'market_regulation',
  'special_equipment',
  'work_safety',
  'fire_safety',
  'ecology_environment',
  'taxation',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];
export const SECTOR_ZH: Record<Sector, string> = {
  market_regulation: '市场监管',
  special_equipment: '特种设备',
  work_safety: '安全生产',
  fire_safety: '消防',
  ecology_environment: '生态环境',
  taxation: '税务',
  other: '其他',
};

export const SEVERITIES = ['minor', 'general', 'serious'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_ZH: Record<Severity, string> = { minor: '轻微', general: '一般', serious: '严重' };

export const MATERIAL_ZH: Record<string, string> = {
  authorisation_or_legal_rep_certificate: '授权委托书或法定代表人身份证明书',
  fulfilment_proof: '行政处罚决定书所定义务已履行完毕的证明材料（罚没款票据、整改证明等）',
  credit_commitment: '信用修复承诺书',
};

export interface PenaltyLine {
  type: PenaltyType;
  /** Fines and confiscations: integer yuan. */
  amountYuan?: number | null;
  /** Restrictions limited in time: months. */
  months?: number | null;
}

/** What the rules need to know about a decision. */
export interface PenaltyFacts {
  decisionDate: string;
  procedure: 'simple' | 'ordinary';
  sector: Sector;
  penalties: readonly PenaltyLine[];
  /** The agency's class under a published sector standard (36号令: 各领域具体分类标准由行业主管部门制定). */
  agencySeverity?: Severity | null;
  /** 36号令: a minor record is published only where the sector authority finds it necessary. */
  publishMinor?: boolean;
  /** SAMR 45号令 第十三条: the fine is 较低数额 under the provincial standard, as the agency states. */
  lowAmountFine?: boolean;
}

/** One step of an explanation: what was decided, under which article, with which parameters. */
export interface Step {
  id: string;
  zh: string;
  en: string;
  value: string | number | boolean | null;
  references: Reference[];
  parameters: TraceParameter[];
}

export interface SectorAssessment {
  ruleSet: 'samr-45-2021';
  titleZh: string;
  published: boolean;
  /** Last day to publish on 国家企业信用信息公示系统 (第九条). */
  publishBy: string | null;
  /** Last day of publication (第十三条), from the assumed start. */
  publicityEndsOn: string | null;
  earlyStopAllowed: boolean;
}

export interface CreditAssessment {
  ruleSet: { id: string; titleZh: string; effectiveFrom: string; effectiveUntil: string | null };
  formula: { id: string; version: string };
  severity: Severity;
  severitySource: 'rule' | 'agency';
  /** Whether 两书同达 applies: the notice must be delivered with the decision. */
  noticeRequired: boolean;
  published: boolean;
  publicityFrom: string | null;
  /** The last day of the minimum publicity. */
  minimumEndsOn: string | null;
  /** The first day a repair may be applied for. */
  earliestRepairOn: string | null;
  /** The last day the record is public (publication stops automatically the day after). */
  publicityEndsOn: string | null;
  repairWorkingDays: number;
  materials: readonly string[];
  sector: SectorAssessment | null;
  steps: Step[];
}

/** Working-day arithmetic by the State Council calendar, supplied by the caller (keeps the rules pure). */
export interface WorkingDayCalendar {
  /** The n-th working day after `date`, `date` itself not counted. */
  addWorkingDays(date: string, n: number): string;
}
