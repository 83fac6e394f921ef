/**
 * The IP evaluation model (measure 一、（三）: "探索构建科创企业知识产权评价模型"): a score of 0–100
 * per item and per enterprise, indicator by indicator. The weights are THIS PLATFORM'S PROPOSAL
 * (every `ip_model_*` parameter says so) — configurable by a later dated value.
 *
 * Item score (items not in force score 0, with the reason):
 *   class points (Ⅰ/Ⅱ/other) + remaining-term points × share of the term left
 *   + min(maintenance years paid, cap) × per year + min(family abroad, cap) × per member
 *   + min(citations × per citation, cap) + pledge points if ever pledged + the best award's points.
 * Enterprise score: itemShare × mean of the best `top` item scores
 *   + min(counted Ⅰ类, class1Cap) × perClass1 + min(Ⅰ类高价值, highValueCap) × perHighValue, at most 100.
 * Scores are rounded to one decimal at the end only.
 */
import { dayNumber } from '../core/dates.ts';
import { classify, inForce, need, protection, AWARD_ZH, type Classification } from './classify.ts';
import {
  modelAwardPoints,
  modelCitationPoints,
  modelClassPoints,
  modelEnterpriseWeights,
  modelFamilyPoints,
  modelMaintenancePoints,
  modelPledgePoints,
  modelRemainingTermPoints,
} from './parameters.ts';
import type { Bilingual, IpItem, UsedParam } from './types.ts';

export interface Indicator {
  id: 'class' | 'remaining_term' | 'maintenance' | 'family_abroad' | 'citations' | 'pledge_history' | 'awards';
  points: number;
  max: number;
  explain: Bilingual;
}

export interface ItemEvaluation {
  score: number;
  indicators: Indicator[];
  classification: Classification;
  parameters: UsedParam[];
  /** Set when the item scores 0 because it is not in force. */
  notInForce?: Bilingual;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function evaluateItem(item: IpItem, date: string): ItemEvaluation {
  const classification = classify(item, date);
  const used: UsedParam[] = [];
  const cp = need(modelClassPoints, date, used);
  const termMax = need(modelRemainingTermPoints, date, used);
  const mp = need(modelMaintenancePoints, date, used);
  const fp = need(modelFamilyPoints, date, used);
  const cit = need(modelCitationPoints, date, used);
  const pledgePts = need(modelPledgePoints, date, used);
  const awardPts = need(modelAwardPoints, date, used);
  const off = inForce(item, date);
  const ind: Indicator[] = [];
  const classMax = Math.max(cp.I, cp.II, cp.other);
  if (off) {
    for (const [id, max] of [
      ['class', classMax],
      ['remaining_term', termMax],
      ['maintenance', mp.perYear * mp.capYears],
      ['family_abroad', fp.perMember * fp.capMembers],
      ['citations', cit.cap],
      ['pledge_history', pledgePts],
      ['awards', Math.max(...Object.values(awardPts))],
    ] as const)
      ind.push({ id, points: 0, max, explain: off });
    return { score: 0, indicators: ind, classification, parameters: [...classification.parameters, ...used], notInForce: off };
  }
  const cls = classification.class;
  const clsPts = cls === 'I' ? cp.I : cls === 'II' ? cp.II : cp.other;
  ind.push({
    id: 'class',
    points: clsPts,
    max: classMax,
    explain: {
      zh: `${cls === 'I' ? 'Ⅰ类' : cls === 'II' ? 'Ⅱ类' : '其他'}：${clsPts}分`,
      en: `class ${cls ?? 'other'}: ${clsPts}`,
    },
  });
  const prot = protection(item, used);
  let share = 0;
  if (prot) {
    const total = dayNumber(prot.end) - dayNumber(prot.start) + 1;
    const left = Math.max(0, dayNumber(prot.end) - dayNumber(date));
    share = total > 0 ? left / total : 0;
  }
  ind.push({
    id: 'remaining_term',
    points: termMax * share,
    max: termMax,
    explain: prot
      ? {
          zh: `保护期至${prot.end}，剩余${(share * 100).toFixed(1)}% × ${termMax}分`,
          en: `protected to ${prot.end}, ${(share * 100).toFixed(1)}% left × ${termMax}`,
        }
      : { zh: '保护期无法确定：0分', en: 'term unknown: 0' },
  });
  const years = Math.min(item.maintenanceYearsPaid, mp.capYears);
  ind.push({
    id: 'maintenance',
    points: years * mp.perYear,
    max: mp.perYear * mp.capYears,
    explain: {
      zh: `已缴年费${item.maintenanceYearsPaid}年（封顶${mp.capYears}年）× ${mp.perYear}分`,
      en: `${item.maintenanceYearsPaid} annuity years (cap ${mp.capYears}) × ${mp.perYear}`,
    },
  });
  const fam = Math.min(item.foreignFamilyCount, fp.capMembers);
  ind.push({
    id: 'family_abroad',
    points: fam * fp.perMember,
    max: fp.perMember * fp.capMembers,
    explain: {
      zh: `海外同族${item.foreignFamilyCount}件（封顶${fp.capMembers}件）× ${fp.perMember}分`,
      en: `${item.foreignFamilyCount} family members abroad (cap ${fp.capMembers}) × ${fp.perMember}`,
    },
  });
  ind.push(
    item.citations === null
      ? { id: 'citations', points: 0, max: cit.cap, explain: { zh: '未登记被引次数：0分', en: 'citations not recorded: 0' } }
      : {
          id: 'citations',
          points: Math.min(item.citations * cit.perCitation, cit.cap),
          max: cit.cap,
          explain: {
            zh: `被引${item.citations}次 × ${cit.perCitation}分（封顶${cit.cap}分）`,
            en: `${item.citations} citations × ${cit.perCitation} (cap ${cit.cap})`,
          },
        },
  );
  const pledged = item.pledges.filter((p) => p.registeredOn <= date).length;
  ind.push({
    id: 'pledge_history',
    points: pledged > 0 ? pledgePts : 0,
    max: pledgePts,
    explain:
      pledged > 0
        ? { zh: `质押登记${pledged}次：${pledgePts}分`, en: `pledged ${pledged} time(s): ${pledgePts}` }
        : { zh: '无质押记录：0分', en: 'never pledged: 0' },
  });
  const best = item.awards.reduce<{ a: IpItem['awards'][number] | null; pts: number }>(
    (acc, a) => (awardPts[a] > acc.pts ? { a, pts: awardPts[a] } : acc),
    { a: null, pts: 0 },
  );
  ind.push({
    id: 'awards',
    points: best.pts,
    max: Math.max(...Object.values(awardPts)),
    explain: best.a
      ? { zh: `${AWARD_ZH[best.a]}：${best.pts}分`, en: `${best.a}: ${best.pts}` }
      : { zh: '无获奖：0分', en: 'no award: 0' },
  });
  const score = round1(ind.reduce((a, x) => a + x.points, 0));
  for (const x of ind) x.points = round1(x.points);
  return { score, indicators: ind, classification, parameters: [...classification.parameters, ...used] };
}

export interface EnterpriseEvaluation {
  score: number;
  /** The parts of the enterprise score, each explained. */
  parts: { id: 'best_items' | 'class1' | 'high_value'; points: number; max: number; explain: Bilingual }[];
  counts: { items: number; inForce: number; class1: number; class1HighValue: number; class2: number };
  parameters: UsedParam[];
}

export function evaluateEnterprise(
  items: readonly IpItem[],
  date: string,
): { enterprise: EnterpriseEvaluation; items: ItemEvaluation[] } {
  const used: UsedParam[] = [];
  const w = need(modelEnterpriseWeights, date, used);
  const evals = items.map((i) => evaluateItem(i, date));
  const scores = evals.map((e) => e.score).sort((a, b) => b - a);
  const best = scores.slice(0, w.top);
  const mean = best.length ? best.reduce((a, b) => a + b, 0) / best.length : 0;
  const class1 = evals.filter((e) => e.classification.counted && e.classification.class === 'I').length;
  const hv = evals.filter((e) => e.classification.highValue).length;
  const class2 = evals.filter((e) => e.classification.counted && e.classification.class === 'II').length;
  const parts: EnterpriseEvaluation['parts'] = [
    {
      id: 'best_items',
      points: round1(mean * w.itemShare),
      max: 100 * w.itemShare,
      explain: {
        zh: `最优${best.length}件评分均值${round1(mean)} × ${w.itemShare}`,
        en: `mean of the best ${best.length} item scores ${round1(mean)} × ${w.itemShare}`,
      },
    },
    {
      id: 'class1',
      points: Math.min(class1, w.class1Cap) * w.perClass1,
      max: w.class1Cap * w.perClass1,
      explain: {
        zh: `计入的Ⅰ类${class1}件（封顶${w.class1Cap}件）× ${w.perClass1}分`,
        en: `${class1} counted class Ⅰ (cap ${w.class1Cap}) × ${w.perClass1}`,
      },
    },
    {
      id: 'high_value',
      points: Math.min(hv, w.highValueCap) * w.perHighValue,
      max: w.highValueCap * w.perHighValue,
      explain: {
        zh: `Ⅰ类高价值${hv}件（封顶${w.highValueCap}件）× ${w.perHighValue}分`,
        en: `${hv} high-value (cap ${w.highValueCap}) × ${w.perHighValue}`,
      },
    },
  ];
  const score = round1(Math.min(100, mean * w.itemShare + parts[1]!.points + parts[2]!.points));
  return {
    enterprise: {
      score,
      parts,
      counts: { items: items.length, inForce: evals.filter((e) => !e.notInForce).length, class1, class1HighValue: hv, class2 },
      parameters: used,
    },
    items: evals,
  };
}
