/**
 * Every period, list and limit of the credit-repair rule sets as a dated, cited parameter. Values
 * the reference marks UNSURE or NOT FOUND carry an `unverified` note saying what is assumed.
 */
import type { Parameter, Reference } from '../core/parameter.ts';
import { NDRC_36_FROM, NDRC_58_FROM, SAMR_45_FROM, ref22, ref36, ref45, ref58 } from './document.ts';
import type { PenaltyType, Sector } from './types.ts';

function p<T>(
  id: string,
  unit: Parameter<T>['unit'],
  descriptionZh: string,
  descriptionEn: string,
  from: string,
  value: T | null,
  reference: Reference,
  interpretation?: string,
): Parameter<T> {
  return {
    id,
    unit,
    descriptionZh,
    descriptionEn,
    values: [{ from, value, reference }],
    ...(interpretation ? { interpretation } : {}),
  };
}

// ---------- classification (both NDRC rule sets) ----------

/** Penalty types that alone make a record 轻微 (minor). */
export const minorPenaltyTypes: Parameter<readonly PenaltyType[]> = {
  id: 'credit_minor_penalty_types',
  unit: 'list',
  descriptionZh: '仅受到下列处罚的，列为轻微失信信息',
  descriptionEn: 'A decision with only these penalty types is minor (轻微)',
  interpretation:
    'Interpretation (credit team): 36号令 leaves the field standards to the sector authorities; until Jinan or the sector ' +
    'publishes one, a decision with only 警告 or 通报批评 is read as 轻微, the class the 58号令-era practice did not publish.',
  values: [
    {
      from: NDRC_58_FROM,
      value: ['warning', 'circulated_criticism'],
      reference: ref58(
        '（行政处罚信息公示范围）',
        '仅警告/通报批评不予公示 is recalled, not verified against the 58号令 text (other-domains.md §1.1).',
      ),
    },
    {
      from: NDRC_36_FROM,
      value: ['warning', 'circulated_criticism'],
      reference: ref22(
        '二、完善失信信息分类标准',
        '各领域具体分类标准由行业主管部门制定; no Shandong or sector standard was found, so the 58号令-era reading is kept.',
      ),
    },
  ],
};

/** Penalty types that make a record 严重 (serious) unless the agency classifies otherwise. */
export const seriousPenaltyTypes: Parameter<readonly PenaltyType[]> = p(
  'credit_serious_penalty_types',
  'list',
  '受到下列较为严重行政处罚的，列为严重失信信息',
  'A decision with any of these penalty types is serious (严重)',
  NDRC_58_FROM,
  [
    'production_suspension',
    'business_restriction',
    'practice_restriction',
    'qualification_downgrade',
    'licence_revocation',
    'closure',
  ],
  ref45(
    '第十四条第二款（较为严重行政处罚）',
    'Borrowed from SAMR 45号令 第十四条 as the reading of 严重 where no sector standard exists; not a NDRC text.',
  ),
  'Interpretation (credit team): the penalties 45号令 第十四条 calls 较为严重 (责令停产停业、限制开展生产经营活动、限制从业、降低资质等级、吊销许可证件/营业执照; 责令关闭 added as the strongest) mark a serious record.',
);

/** 两书同达 applies to decisions under the ordinary procedure only. */
export const simpleProcedureOutOfScope: Parameter<boolean> = p(
  'credit_simple_procedure_out_of_scope',
  'switch',
  '适用简易程序作出的处罚不纳入“两书同达”范围，不予公示',
  'Decisions under the simple procedure are outside 两书同达 and not published',
  NDRC_58_FROM,
  true,
  ref45(
    '第二条',
    'Verbatim for market regulation (普通程序 decisions are published); the exclusion for other sectors follows Hainan 2023 and 凤凰县 2023 practice.',
  ),
);

// ---------- NDRC order No. 58 (2023-05-01 → 2026-03-31) ----------

export const ndrc58PublishMinor: Parameter<boolean> = p(
  'ndrc58_publish_minor',
  'switch',
  '轻微失信信息（仅警告、通报批评）是否公示',
  'Whether minor records (warning or circulated criticism only) are published',
  NDRC_58_FROM,
  false,
  ref58('（公示范围）', 'Recalled only (other-domains.md §1.1): 仅受到警告、通报批评的行政处罚信息不予公示.'),
);

export const ndrc58MinMonths: Parameter<number> = p(
  'ndrc58_minimum_months',
  'months',
  '行政处罚信息最短公示期（月）',
  'Minimum publicity of a penalty record (months)',
  NDRC_58_FROM,
  3,
  ref58(
    '（公示期限）',
    'The 58号令 article was not retrieved verbatim; value as applied by Shenzhen and Dandong government pages.',
  ),
  'Reading (credit team): a period of N months from date D is complete on addMonths(D, N) (month end clamped); repair can be applied for from that day.',
);

export const ndrc58SpecialSectors: Parameter<readonly Sector[]> = p(
  'ndrc58_special_sectors',
  'list',
  '最短公示期为一年的领域（特种设备、安全生产、消防）',
  'Sectors whose minimum publicity is one year',
  NDRC_58_FROM,
  ['special_equipment', 'work_safety', 'fire_safety'],
  ref58('（公示期限）', 'As applied by the Shenzhen page; not read in the 58号令 text.'),
);

export const ndrc58MinMonthsSpecial: Parameter<number> = p(
  'ndrc58_minimum_months_special_sectors',
  'months',
  '特种设备、安全生产、消防领域最短公示期（月）',
  'Minimum publicity in the special sectors (months)',
  NDRC_58_FROM,
  12,
  ref58('（公示期限）', 'As applied by the Shenzhen page; not read in the 58号令 text.'),
);

export const ndrc58MaxMonths: Parameter<number> = p(
  'ndrc58_maximum_months',
  'months',
  '行政处罚信息最长公示期（月），届满自动停止公示',
  'Maximum publicity (months); publication stops automatically after it',
  NDRC_58_FROM,
  36,
  ref58('（公示期限）', 'As applied by the Shenzhen page; not read in the 58号令 text.'),
);

export const ndrc58RepairLimit: Parameter<number> = p(
  'ndrc58_repair_working_days',
  'working_days',
  '修复申请自提交之日起办结时限（工作日）',
  'Working days to decide a repair application, from the day after it is received',
  NDRC_58_FROM,
  10,
  ref58(
    '（修复办理时限）',
    'From guidance pages (清远 2024, 南昌): 自提交成功之日起10个工作日内完成审核. The 58号令 article (recalled 3 + 7) is not verified.',
  ),
);

export const ndrc58Materials: Parameter<readonly string[]> = p(
  'ndrc58_materials',
  'list',
  '修复申请材料',
  'Materials of a repair application',
  NDRC_58_FROM,
  ['authorisation_or_legal_rep_certificate', 'fulfilment_proof', 'credit_commitment'],
  ref58('（申请材料）', '"信用中国" templates as listed by 万宁市 2024; no official enumerated list.'),
);

// ---------- NDRC order No. 36 (from 2026-04-01) ----------

export const ndrc36MinorMaxMonths: Parameter<number> = p(
  'ndrc36_minor_maximum_months',
  'months',
  '轻微失信信息确有必要公示的，最长公示期（月）',
  'Minor records published where the sector finds it necessary: maximum months',
  NDRC_36_FROM,
  3,
  ref36('（失信信息分类与公示期限）'),
);

export const ndrc36GeneralMinMonths: Parameter<number> = p(
  'ndrc36_general_minimum_months',
  'months',
  '一般失信信息最短公示期（月）',
  'General records: minimum publicity (months)',
  NDRC_36_FROM,
  3,
  ref36('（失信信息分类与公示期限）'),
);
export const ndrc36GeneralMaxMonths: Parameter<number> = p(
  'ndrc36_general_maximum_months',
  'months',
  '一般失信信息最长公示期（月）',
  'General records: maximum publicity (months)',
  NDRC_36_FROM,
  12,
  ref36('（失信信息分类与公示期限）'),
);
export const ndrc36SeriousMinMonths: Parameter<number> = p(
  'ndrc36_serious_minimum_months',
  'months',
  '严重失信信息最短公示期（月）',
  'Serious records: minimum publicity (months)',
  NDRC_36_FROM,
  12,
  ref36('（失信信息分类与公示期限）'),
);
export const ndrc36SeriousMaxMonths: Parameter<number> = p(
  'ndrc36_serious_maximum_months',
  'months',
  '严重失信信息最长公示期（月）',
  'Serious records: maximum publicity (months)',
  NDRC_36_FROM,
  36,
  ref36('（失信信息分类与公示期限）'),
);

export const ndrc36RepairLimit: Parameter<number> = p(
  'ndrc36_repair_working_days',
  'working_days',
  '行业主管部门自受理之日起反馈修复结果的时限（工作日）',
  'Working days for the authority to decide a repair application',
  NDRC_36_FROM,
  10,
  ref36(
    '（修复办理时限）',
    'NOT FOUND: the number of working days in 36号令 could not be read; the 58号令-era practice of 10 working days is kept until verified.',
  ),
);

export const ndrc36Materials: Parameter<readonly string[]> = p(
  'ndrc36_materials',
  'list',
  '修复申请材料：法定责任义务履行完毕的证明材料和信用承诺书',
  'Materials: proof that the obligations are fulfilled, and the credit commitment',
  NDRC_36_FROM,
  ['fulfilment_proof', 'credit_commitment'],
  ref22('（申请材料）', 'Phrase visible in several mirrors of 22号文; section number not confirmed.'),
);

// ---------- SAMR order No. 45 (market regulation, from 2021-09-01) ----------

export const samr45NotPublished: Parameter<readonly PenaltyType[]> = p(
  'samr45_not_published_types',
  'list',
  '仅受到警告行政处罚的不予公示',
  'Warning only: not published',
  SAMR_45_FROM,
  ['warning'],
  ref45('第二条'),
);
export const samr45PublishWithin: Parameter<number> = p(
  'samr45_publish_within_working_days',
  'working_days',
  '自作出决定之日起公示时限（工作日，同省）',
  'Working days to publish after the decision (same province)',
  SAMR_45_FROM,
  20,
  ref45('第九条'),
);
export const samr45ShortTypes: Parameter<readonly PenaltyType[]> = p(
  'samr45_short_types',
  'list',
  '仅受到通报批评（或较低数额罚款）的，公示满三个月停止',
  'Circulated criticism (or a low fine) only: publication stops after three months',
  SAMR_45_FROM,
  ['circulated_criticism'],
  ref45('第十三条'),
);
export const samr45LowFineThreshold: Parameter<number> = p<number>(
  'samr45_low_fine_threshold_yuan',
  'yuan',
  '较低数额罚款标准（省级以上市场监管部门规定）',
  'The "low fine" threshold set by the provincial market regulator',
  SAMR_45_FROM,
  null,
  ref45(
    '第十三条',
    "Shandong's figure was not found; without it a fine counts as low only when the agency states so at registration.",
  ),
);
export const samr45ShortMonths: Parameter<number> = p(
  'samr45_short_months',
  'months',
  '通报批评、较低数额罚款信息公示期（月）',
  'Publicity of circulated criticism or a low fine (months)',
  SAMR_45_FROM,
  3,
  ref45('第十三条'),
);
export const samr45LongMonths: Parameter<number> = p(
  'samr45_long_months',
  'months',
  '其他行政处罚信息公示期（月）',
  'Publicity of other penalties (months)',
  SAMR_45_FROM,
  36,
  ref45('第十三条'),
);
export const samr45NoEarlyStop: Parameter<readonly PenaltyType[]> = p(
  'samr45_no_early_stop_types',
  'list',
  '不得提前停止公示的较为严重行政处罚',
  'Penalties whose publication may not be stopped early',
  SAMR_45_FROM,
  ['production_suspension', 'business_restriction', 'practice_restriction', 'qualification_downgrade', 'licence_revocation'],
  ref45('第十四条第二款'),
);
export const samr45PublicityStart: Parameter<string> = p(
  'samr45_publicity_start',
  'list',
  '公示期起算日',
  'The day the SAMR publicity period starts',
  SAMR_45_FROM,
  'decision_date',
  ref45(
    '第九条、第十三条',
    'The publication day is not known at registration; the decision date is used, so the real end may be up to 20 working days later.',
  ),
  'Interpretation (credit team): 45号令 counts from 公示之日; the decision date stands in for it until the publication is recorded.',
);

export const ALL_PARAMETERS: readonly Parameter<unknown>[] = [
  minorPenaltyTypes,
  seriousPenaltyTypes,
  simpleProcedureOutOfScope,
  ndrc58PublishMinor,
  ndrc58MinMonths,
  ndrc58SpecialSectors,
  ndrc58MinMonthsSpecial,
  ndrc58MaxMonths,
  ndrc58RepairLimit,
  ndrc58Materials,
  ndrc36MinorMaxMonths,
  ndrc36GeneralMinMonths,
  ndrc36GeneralMaxMonths,
  ndrc36SeriousMinMonths,
  ndrc36SeriousMaxMonths,
  ndrc36RepairLimit,
  ndrc36Materials,
  samr45NotPublished,
  samr45PublishWithin,
  samr45ShortTypes,
  samr45LowFineThreshold,
  samr45ShortMonths,
  samr45LongMonths,
  samr45NoEarlyStop,
  samr45PublicityStart,
];
