/** The IP record as the classification and evaluation see it (pure data, no database). */

/** 专利（发明、实用新型、外观设计）、软件著作权、植物新品种、集成电路布图设计、商标. */
export const IP_KINDS = [
  'invention_patent',
  'utility_model',
  'design_patent',
  'software_copyright',
  'plant_variety',
  'ic_layout',
  'trademark',
] as const;
export type IpKind = (typeof IP_KINDS)[number];

/** 法律状态: 审查中、有效、失效（未缴年费等）、届满、被宣告无效. */
export const LEGAL_STATUSES = ['pending', 'valid', 'lapsed', 'expired', 'invalidated'] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

/** Awards the high-value definition and the evaluation read (中国专利奖, 国家科学技术奖, 省级科技奖). */
export const IP_AWARDS = [
  'china_patent_gold',
  'china_patent_silver',
  'china_patent_excellence',
  'national_sci_tech',
  'provincial_sci_tech',
] as const;
export type IpAward = (typeof IP_AWARDS)[number];

export const ORIGINS = ['self_developed', 'acquired'] as const;
export type Origin = (typeof ORIGINS)[number];

export interface IpItem {
  kind: IpKind;
  number: string;
  /** ISO dates; grantedOn = 授权日 (registration date for copyrights, layouts, trademarks). */
  appliedOn: string;
  grantedOn: string | null;
  /** When recorded (from the certificate or the register); otherwise computed from the statutory term. */
  expiresOn: string | null;
  legalStatus: LegalStatus;
  /** 已缴年费年度 (annuity years paid; patents). */
  maintenanceYearsPaid: number;
  /** 海外同族专利（权）数. */
  foreignFamilyCount: number;
  /** 被引次数, when recorded (null = not recorded). */
  citations: number | null;
  awards: readonly IpAward[];
  origin: Origin;
  /** 转入（受让）日期 for acquired items. */
  acquiredOn: string | null;
  /** 与企业主导产品相关. */
  relatedToMainProduct: boolean;
  /** Pledges: registration date, release date (null = active), amount secured (yuan). */
  pledges: readonly { registeredOn: string; releasedOn: string | null; amount: number }[];
}

export type IpClass = 'I' | 'II' | null;

export interface Bilingual {
  zh: string;
  en: string;
}

/** One parameter used, with the value and the date it took effect (for the explanation). */
export interface UsedParam {
  id: string;
  value: unknown;
  from: string;
}
