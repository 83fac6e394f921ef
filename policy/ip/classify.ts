/**
 * Classification of one IP item on an assessment date after the tier standards' definitions
 * (63号 说明, tier-standards.md §1.1), and the counts the tier facts read (IpHoldings).
 *
 * - Ⅰ类: kinds in `ip_class1_kinds`; Ⅱ类: kinds in `ip_class2_kinds`; trademarks are neither.
 * - Counted ("有效"): granted on or before the date, legal status valid, not past its expiry,
 *   related to the main product, and not acquired fewer than `ip_acquired_min_months` before the
 *   date. (The legal status is the current one: for a past date it is the best knowledge we hold.)
 * - Ⅰ类高价值: a counted invention patent with a family member abroad, OR maintained more than
 *   `ip_high_value_maintenance_years`, OR a pledge of at least `ip_high_value_pledge_amount`,
 *   OR an award in `ip_high_value_awards`.
 * Every verdict carries its reasons (zh/en) and the parameters used, with the dates they took effect.
 */
import type { Parameter } from '../core/parameter.ts';
import { valueAt } from '../core/parameter.ts';
import { addMonths, dayBefore } from '../core/dates.ts';
import type { IpHoldings } from '../tier-standards/facts.ts';
import {
  ipAcquiredMinMonths,
  ipClass1Kinds,
  ipClass2Kinds,
  ipClass2MinYearsAfterGrant,
  ipHighValueAwards,
  ipHighValueMaintenanceYears,
  ipHighValueMinFamilyAbroad,
  ipHighValuePledgeAmount,
  termDesignYears,
  termInventionYears,
  termLayoutYears,
  termPlantVarietyYears,
  termSoftwareYears,
  termTrademarkYears,
  termUtilityYears,
} from './parameters.ts';
import type { Bilingual, IpClass, IpItem, IpKind, UsedParam } from './types.ts';

export class NoIpRules extends Error {
  constructor(id: string, date: string) {
    super(`parameter ${id} has no value on ${date}`);
    this.name = 'NoIpRules';
  }
}

/** The value in force on `date`, recording it in `used`; throws when the rules do not exist yet. */
export function need<T>(p: Parameter<T>, date: string, used?: UsedParam[]): T {
  const v = valueAt(p, date);
  if (!v) throw new NoIpRules(p.id, date);
  if (used && !used.some((u) => u.id === p.id)) used.push({ id: p.id, value: v.value, from: v.from });
  return v.value;
}

export interface Classification {
  class: IpClass;
  /** Counts towards the tier standards' IP indicators on the date. */
  counted: boolean;
  highValue: boolean;
  selfDeveloped: boolean;
  /** Why (each step), in Chinese and English. */
  reasons: Bilingual[];
  parameters: UsedParam[];
}

const TERM: Record<IpKind, { p: Parameter<number>; from: 'applied' | 'granted' }> = {
  invention_patent: { p: termInventionYears, from: 'applied' },
  utility_model: { p: termUtilityYears, from: 'applied' },
  design_patent: { p: termDesignYears, from: 'applied' },
  software_copyright: { p: termSoftwareYears, from: 'granted' },
  plant_variety: { p: termPlantVarietyYears, from: 'granted' },
  ic_layout: { p: termLayoutYears, from: 'applied' },
  trademark: { p: termTrademarkYears, from: 'granted' },
};

/**
 * The last day of protection: the recorded expiry, or the statutory term counted from the filing
 * (or grant) date, the term chosen by that date (a design filed on 2021-06-01 gets 15 years).
 * Also the day the term starts, for the share remaining.
 */
export function protection(item: IpItem, used?: UsedParam[]): { start: string; end: string } | null {
  const t = TERM[item.kind];
  const start = t.from === 'applied' ? item.appliedOn : item.grantedOn;
  if (!start) return null;
  if (item.expiresOn) return { start, end: item.expiresOn };
  const years = valueAt(t.p, start);
  if (!years) return null;
  if (used && !used.some((u) => u.id === t.p.id)) used.push({ id: t.p.id, value: years.value, from: years.from });
  return { start, end: dayBefore(addMonths(start, years.value * 12)) };
}

export function classOf(kind: IpKind, date: string, used?: UsedParam[]): IpClass {
  if (need(ipClass1Kinds, date, used).includes(kind)) return 'I';
  if (need(ipClass2Kinds, date, used).includes(kind)) return 'II';
  return null;
}

/** In force on `date`: granted by then, status valid, not past its term. */
export function inForce(item: IpItem, date: string, used?: UsedParam[]): Bilingual | null {
  if (item.legalStatus !== 'valid')
    return { zh: `法律状态为“${STATUS_ZH[item.legalStatus]}”，不是有效`, en: `legal status is ${item.legalStatus}, not valid` };
  if (!item.grantedOn || item.grantedOn > date)
    return { zh: '评价日尚未授权（登记）', en: 'not granted (registered) on the date' };
  const prot = protection(item, used);
  if (prot && prot.end < date) return { zh: `保护期已于${prot.end}届满`, en: `the term ended on ${prot.end}` };
  return null;
}

const STATUS_ZH: Record<IpItem['legalStatus'], string> = {
  pending: '审查中',
  valid: '有效',
  lapsed: '失效',
  expired: '届满',
  invalidated: '被宣告无效',
};

export function classify(item: IpItem, date: string): Classification {
  const used: UsedParam[] = [];
  const reasons: Bilingual[] = [];
  const cls = classOf(item.kind, date, used);
  reasons.push(
    cls === 'I'
      ? {
          zh: 'Ⅰ类知识产权（发明专利、植物新品种、集成电路布图设计）',
          en: 'class Ⅰ (invention patent, plant variety, IC layout)',
        }
      : cls === 'II'
        ? { zh: 'Ⅱ类知识产权（实用新型、外观设计、软件著作权）', en: 'class Ⅱ (utility model, design, software copyright)' }
        : { zh: '商标不属于Ⅰ类或Ⅱ类', en: 'trademarks are neither class Ⅰ nor class Ⅱ' },
  );
  const selfDeveloped = item.origin === 'self_developed';
  let counted = cls !== null;
  const notInForce = inForce(item, date, used);
  if (notInForce) {
    counted = false;
    reasons.push(notInForce);
  }
  if (counted && cls === 'II' && (item.kind === 'utility_model' || item.kind === 'design_patent')) {
    const minYears = need(ipClass2MinYearsAfterGrant, date, used);
    if (minYears > 0 && item.grantedOn && addMonths(item.grantedOn, minYears * 12) > date) {
      counted = false;
      reasons.push({ zh: `授权后维持未满${minYears}年`, en: `maintained fewer than ${minYears} years after grant` });
    }
  }
  if (!item.relatedToMainProduct) {
    counted = false;
    reasons.push({ zh: '与主导产品无关，不计入', en: 'not related to the main product: not counted' });
  }
  if (item.origin === 'acquired') {
    const months = need(ipAcquiredMinMonths, date, used);
    if (!item.acquiredOn || addMonths(item.acquiredOn, months) > date) {
      counted = false;
      reasons.push({
        zh: `受让于${item.acquiredOn ?? '（未填）'}，转让未满${months}个月，不计入`,
        en: `acquired on ${item.acquiredOn ?? '(missing)'}: fewer than ${months} months before the date, not counted`,
      });
    } else
      reasons.push({
        zh: `受让于${item.acquiredOn}（满${months}个月，计入；非自主研发）`,
        en: `acquired on ${item.acquiredOn} (over ${months} months: counted; not self-developed)`,
      });
  }
  let highValue = false;
  if (counted && item.kind === 'invention_patent') {
    const why: Bilingual[] = [];
    const fam = need(ipHighValueMinFamilyAbroad, date, used);
    if (item.foreignFamilyCount >= fam)
      why.push({ zh: `海外同族${item.foreignFamilyCount}件`, en: `${item.foreignFamilyCount} family members abroad` });
    const years = need(ipHighValueMaintenanceYears, date, used);
    if (item.maintenanceYearsPaid > years)
      why.push({
        zh: `维持${item.maintenanceYearsPaid}年（超过${years}年）`,
        en: `maintained ${item.maintenanceYearsPaid} years (over ${years})`,
      });
    const amount = need(ipHighValuePledgeAmount, date, used);
    const best = Math.max(0, ...item.pledges.filter((pl) => pl.registeredOn <= date).map((pl) => pl.amount));
    if (best >= amount)
      why.push({ zh: `质押融资${best}元（不低于${amount}元）`, en: `pledge of ${best} yuan (at least ${amount})` });
    const awards = need(ipHighValueAwards, date, used);
    const won = item.awards.filter((a) => awards.includes(a));
    if (won.length) why.push({ zh: `获奖：${won.map((a) => AWARD_ZH[a]).join('、')}`, en: `awards: ${won.join(', ')}` });
    highValue = why.length > 0;
    if (highValue)
      reasons.push({ zh: `Ⅰ类高价值：${why.map((w) => w.zh).join('；')}`, en: `high value: ${why.map((w) => w.en).join('; ')}` });
  }
  if (counted) reasons.push({ zh: '计入梯度培育知识产权指标', en: 'counted by the tier standards' });
  return { class: cls, counted, highValue, selfDeveloped, reasons, parameters: used };
}

export const AWARD_ZH: Record<IpItem['awards'][number], string> = {
  china_patent_gold: '中国专利金奖',
  china_patent_silver: '中国专利银奖',
  china_patent_excellence: '中国专利优秀奖',
  national_sci_tech: '国家科学技术奖',
  provincial_sci_tech: '省级科学技术奖',
};

/**
 * The tier facts' IP counts on `date` (year = the figures year the standards read). Ⅰ/Ⅱ counts
 * and their sub-counts follow `classify`; the plain counts by kind (inventionPatents …, used by
 * the 瞪羚 alternative) take every item in force and not recently acquired, related or not.
 * `class1Applied` (实际应用并产生经济效益) is not recorded and stays absent.
 */
export function holdingsOf(items: readonly IpItem[], date: string, year: number): IpHoldings {
  const h = {
    year,
    class1: 0,
    class1SelfDeveloped: 0,
    class1HighValue: 0,
    class2: 0,
    inventionPatents: 0,
    utilityModels: 0,
    softwareCopyrights: 0,
  };
  const months = need(ipAcquiredMinMonths, date);
  for (const item of items) {
    const c = classify(item, date);
    if (c.counted && c.class === 'I') {
      h.class1++;
      if (c.selfDeveloped) h.class1SelfDeveloped++;
      if (c.highValue) h.class1HighValue++;
    } else if (c.counted && c.class === 'II') h.class2++;
    const recentlyAcquired = item.origin === 'acquired' && (!item.acquiredOn || addMonths(item.acquiredOn, months) > date);
    if (inForce(item, date) === null && !recentlyAcquired) {
      if (item.kind === 'invention_patent') h.inventionPatents++;
      else if (item.kind === 'utility_model') h.utilityModels++;
      else if (item.kind === 'software_copyright') h.softwareCopyrights++;
    }
  }
  return h;
}
