/**
 * Item 五 of the draft measures: rewards to service carriers — demonstration bases for the
 * titles their residents win, and newly recognised public-service demonstration platforms.
 *
 * （五）支持中小企业服务载体建设。对有效期内省级及以上“小型微型企业创业创新示范基地”，其入驻企业（入驻基地
 * 满12个月）在资金申报上年度有被新认定为“独角兽”企业、专精特新“小巨人”企业的，每培育1家给予基地40万元奖励；
 * 有被新认定为省级瞪羚企业、专精特新中小企业的，每培育1家给予基地10万元奖励。对新认定的国家级“中小企业公共
 * 服务示范平台”一次奖励50万元，对新认定的省级“中小企业公共服务示范平台”一次性奖励20万元。
 * （责任单位：市工业和信息化局、市财政局）
 */
import { DEMO_BASE, TITLE_CODES, decodeTitleCode, levelIndex, runAsObjects, type BulkClauseEvaluator } from '../core/bulk.ts';
import {
  DatedLookup,
  traceParameter,
  type ClauseDefinition,
  type ClauseEvaluator,
  type ClauseText,
  type ParamValue,
  type RunContext,
} from '../core/clause.ts';
import { addMonths, dayNumber, firstDayOfYear, lastDayOfYear } from '../core/dates.ts';
import {
  titlesOfYear,
  type Carrier,
  type IndexedFacts,
  type Level,
  type Residency,
  type TitleEvent,
  type TitleKind,
} from '../core/facts.ts';
import { valueAt, type Parameter } from '../core/parameter.ts';
import type { Reason, Trace, TraceCondition, TraceParameter, Trigger } from '../core/results.ts';
import { DOCUMENT_ZH, DRAFT_EFFECTIVE_FROM, REASONS, draftRef, highestOnly } from './document.ts';
import {
  OPEN_END,
  applyHighestOnly,
  carrierBeneficiary,
  entitlement,
  keyParts,
  levelsParam,
  notOwed,
  yuanParam,
} from './shared.ts';

export const CLAUSE_5_TEXT: ClauseText = {
  documentZh: DOCUMENT_ZH,
  partZh: '二、提升中小企业服务能力',
  itemNumberZh: '五',
  itemLabelAsPrinted: '（五）',
  textZh:
    '（五）支持中小企业服务载体建设。对有效期内省级及以上“小型微型企业创业创新示范基地”，其入驻企业（入驻基地满12个月）在资金申报上年度有被新认定为“独角兽”企业、专精特新“小巨人”企业的，每培育1家给予基地40万元奖励；有被新认定为省级瞪羚企业、专精特新中小企业的，每培育1家给予基地10万元奖励。对新认定的国家级“中小企业公共服务示范平台”一次奖励50万元，对新认定的省级“中小企业公共服务示范平台”一次性奖励20万元。',
  responsibleUnitsZh: ['市工业和信息化局', '市财政局'],
  summaryEn:
    'Demonstration bases (provincial or higher, within validity): 400,000 per resident (≥ 12 months) newly recognised ' +
    'unicorn or little giant in the year before the claim, 100,000 per new provincial gazelle or specialized SME. ' +
    'Newly recognised public-service demonstration platforms: national 500,000, provincial 200,000, once.',
};

const REF = (unverified?: string) => draftRef('二、（五）', unverified);
const FROM = DRAFT_EFFECTIVE_FROM;

export const clause5BaseHighTierAmount = yuanParam(
  'clause_5_base_unicorn_or_little_giant_amount',
  '入驻企业新认定为独角兽、专精特新“小巨人”企业，每培育1家奖励基地',
  'Base reward per resident newly recognised unicorn or little giant',
  FROM,
  400_000,
  REF(),
);
export const clause5BaseLowTierAmount = yuanParam(
  'clause_5_base_gazelle_or_specialized_sme_amount',
  '入驻企业新认定为省级瞪羚企业、专精特新中小企业，每培育1家奖励基地',
  'Base reward per resident newly recognised provincial gazelle or specialized SME',
  FROM,
  100_000,
  REF(),
);
export const clause5PlatformNationalAmount = yuanParam(
  'clause_5_platform_national_amount',
  '新认定国家级中小企业公共服务示范平台一次奖励',
  'New national public-service demonstration platform',
  FROM,
  500_000,
  REF(),
);
export const clause5PlatformProvincialAmount = yuanParam(
  'clause_5_platform_provincial_amount',
  '新认定省级中小企业公共服务示范平台一次性奖励',
  'New provincial public-service demonstration platform',
  FROM,
  200_000,
  REF(),
);

export const clause5BaseLevels = levelsParam(
  'clause_5_base_levels',
  '省级及以上示范基地',
  'Base levels: provincial or higher',
  FROM,
  ['provincial', 'national'],
  REF(),
);
export const clause5LittleGiantLevels = levelsParam(
  'clause_5_little_giant_levels',
  '“小巨人”认定层级',
  'Little giant levels counted',
  FROM,
  ['national'],
  REF(),
  'Interpretation (policy engine team): as clause 2, 小巨人 is a national (MIIT) title.',
);
export const clause5UnicornLevels = levelsParam(
  'clause_5_unicorn_levels',
  '独角兽认定层级',
  'Unicorn levels counted',
  FROM,
  ['provincial', 'national'],
  REF(),
  'Interpretation (policy engine team): as clause 2, no level is named for 独角兽.',
);
export const clause5GazelleLevels = levelsParam(
  'clause_5_gazelle_levels',
  '瞪羚须为省级',
  'Gazelle levels counted',
  FROM,
  ['provincial'],
  REF(),
);
export const clause5SpecializedSmeLevels = levelsParam(
  'clause_5_specialized_sme_levels',
  '专精特新中小企业认定层级',
  'Specialized SME levels counted',
  FROM,
  ['provincial'],
  REF(),
  'Interpretation (policy engine team): as clause 2, 专精特新中小企业 is a provincial title.',
);

export const clause5ResidencyMonths: Parameter<number> = {
  id: 'clause_5_residency_months',
  descriptionZh: '入驻基地满12个月',
  descriptionEn: 'Months of residency required, counted up to the recognition date',
  unit: 'count',
  interpretation:
    "Interpretation (policy engine team, per DOMAIN.md): counted up to the resident's recognition date; complete when " +
    "fromDate + N calendar months (day clamped to the month's end) <= recognisedOn; the enterprise must still be " +
    'resident on that date; moving out afterwards does not cancel.',
  values: [{ from: FROM, value: 12, reference: REF() }],
};

export const clause5ClaimYearOffset: Parameter<number> = {
  id: 'clause_5_claim_year_offset',
  descriptionZh: '资金申报上年度：申报年度 = 认定年度 + 1',
  descriptionEn: "Claim year of a base reward = year of the resident's recognition + offset",
  unit: 'years',
  interpretation: 'Interpretation (DOMAIN.md): "资金申报上年度" — rewards claimed in year Y count recognitions in year Y−1.',
  values: [{ from: FROM, value: 1, reference: REF() }],
};

export const clause5PlatformFiscalYearOffset: Parameter<number> = {
  id: 'clause_5_platform_fiscal_year_offset',
  descriptionZh: '示范平台奖励所属年度 = 认定年度 + 偏移',
  descriptionEn: 'Fiscal year of a platform reward = year of recognition + offset',
  unit: 'years',
  interpretation:
    'Interpretation (policy engine team): "资金申报上年度" qualifies the base sentence only; a platform\'s one-time reward ' +
    'belongs to the year of its recognition, like clause 2 (offset 0).',
  values: [{ from: FROM, value: 0, reference: REF('The text does not say which budget year pays platforms.') }],
};

type BaseTier = 'high' | 'low';
const BASE_KINDS: readonly { kind: TitleKind; tier: BaseTier; levels: Parameter<readonly Level[]> }[] = [
  { kind: 'unicorn', tier: 'high', levels: clause5UnicornLevels },
  { kind: 'little_giant', tier: 'high', levels: clause5LittleGiantLevels },
  { kind: 'gazelle', tier: 'low', levels: clause5GazelleLevels },
  { kind: 'specialized_sme', tier: 'low', levels: clause5SpecializedSmeLevels },
];

const R_NOT_IN_FORCE: Reason = { code: 'policy_not_in_force', ...REASONS.policy_not_in_force };
const R_REVOKED: Reason = { code: 'clause_5_title_revoked', ...REASONS.revoked };
const R_AMOUNT: Reason = { code: 'clause_5_amount_not_in_force', ...REASONS.amount_not_in_force };
const R_NOT_NEW: Reason = {
  code: 'clause_5_not_newly_recognised',
  zh: '第（五）项仅对入驻企业“新认定”奖励基地，复核或重新认定不计',
  en: 'Clause 5 rewards bases only for new recognitions of residents, not renewals',
};
const R_TITLE_LEVEL: Reason = {
  code: 'clause_5_title_level_not_counted',
  zh: '该认定层级不计入第（五）项',
  en: 'Clause 5 does not count a recognition at this level',
};
const R_BASE_KIND: Reason = {
  code: 'clause_5_not_demo_base',
  zh: '载体不是小型微型企业创业创新示范基地',
  en: 'The carrier is not a demonstration base',
};
const R_BASE_LEVEL: Reason = {
  code: 'clause_5_base_level',
  zh: '示范基地不是省级及以上',
  en: 'The base is not provincial or higher',
};
const R_BASE_VALID: Reason = {
  code: 'clause_5_base_not_valid',
  zh: '认定日示范基地不在有效期内',
  en: 'The base was not within its validity on the recognition date',
};
const R_RESIDENT: Reason = {
  code: 'clause_5_resident_12_months',
  zh: '认定日入驻基地未满12个月',
  en: 'Not resident in the base for 12 months on the recognition date',
};
const R_PLATFORM_NOT_NEW: Reason = {
  code: 'clause_5_platform_not_new',
  zh: '示范平台非新认定',
  en: 'The platform is not newly recognised',
};
const R_PLATFORM_LEVEL: Reason = {
  code: 'clause_5_platform_level',
  zh: '仅国家级、省级示范平台获奖励',
  en: 'Only national and provincial platforms are rewarded',
};
const R_PLATFORM_REVOKED: Reason = { code: 'clause_5_platform_revoked', ...REASONS.revoked };

export const CLAUSE_5_FORMULA = { id: 'clause_5_service_carriers', version: '2023-01' } as const;

export function clause5BaseItem(kind: TitleKind): string {
  return `5.base.${kind}`;
}

export const clause5: ClauseDefinition = {
  clause: '5',
  formulaId: CLAUSE_5_FORMULA.id,
  formulaVersion: CLAUSE_5_FORMULA.version,
  text: CLAUSE_5_TEXT,
  parameters: [
    clause5BaseHighTierAmount,
    clause5BaseLowTierAmount,
    clause5PlatformNationalAmount,
    clause5PlatformProvincialAmount,
    clause5BaseLevels,
    clause5LittleGiantLevels,
    clause5UnicornLevels,
    clause5GazelleLevels,
    clause5SpecializedSmeLevels,
    clause5ResidencyMonths,
    clause5ClaimYearOffset,
    clause5PlatformFiscalYearOffset,
    highestOnly,
  ] satisfies Parameter<ParamValue>[],
  compile(ctx) {
    const policyVersion = ctx.policyVersion;
    const wFrom = ctx.window.from;
    const wUntil = ctx.window.until ?? OPEN_END;
    const p = {
      high: ctx.param(clause5BaseHighTierAmount),
      low: ctx.param(clause5BaseLowTierAmount),
      national: ctx.param(clause5PlatformNationalAmount),
      provincial: ctx.param(clause5PlatformProvincialAmount),
      baseLevels: ctx.param(clause5BaseLevels),
      months: ctx.param(clause5ResidencyMonths),
      claimOffset: ctx.param(clause5ClaimYearOffset),
      platformOffset: ctx.param(clause5PlatformFiscalYearOffset),
      highest: ctx.param(highestOnly),
    };
    const kindLevels = new Map<TitleKind, { tier: BaseTier; levels: Parameter<readonly Level[]> }>();
    for (const spec of BASE_KINDS) kindLevels.set(spec.kind, { tier: spec.tier, levels: ctx.param(spec.levels) });
    // Structural parameters are read at the version's start: changing them is a new version.
    const claimOffset = valueAt(p.claimOffset, wFrom)?.value ?? 1;
    const platformOffset = valueAt(p.platformOffset, wFrom)?.value ?? 0;

    interface Lookups {
      high: DatedLookup<number>;
      low: DatedLookup<number>;
      baseLevels: DatedLookup<readonly Level[]>;
      months: DatedLookup<number>;
      kinds: Map<TitleKind, { tier: BaseTier; item: string; keyPrefix: string; levels: DatedLookup<readonly Level[]> }>;
    }
    const lookups = (lo: string, hi: string): Lookups => {
      const kinds = new Map<
        TitleKind,
        { tier: BaseTier; item: string; keyPrefix: string; levels: DatedLookup<readonly Level[]> }
      >();
      for (const [k, v] of kindLevels)
        kinds.set(k, {
          tier: v.tier,
          item: clause5BaseItem(k),
          keyPrefix: keyParts('5', clause5BaseItem(k), 'carrier', 0).prefix,
          levels: new DatedLookup(v.levels, lo, hi),
        });
      return {
        high: new DatedLookup(p.high, lo, hi),
        low: new DatedLookup(p.low, lo, hi),
        baseLevels: new DatedLookup(p.baseLevels, lo, hi),
        months: new DatedLookup(p.months, lo, hi),
        kinds,
      };
    };

    /** The conditions on the base and the residency, in the order they are reported. */
    function baseConditions(t: TitleEvent, r: Residency, base: Carrier | undefined, L: Lookups): TraceCondition[] {
      const d = t.recognisedOn;
      const bl = L.baseLevels.at(d);
      const months = L.months.at(d)?.value ?? 12;
      const complete = addMonths(r.fromDate, months);
      return [
        {
          name: 'clause_5_carrier_is_demo_base',
          value: base?.kind === 'demo_base',
          facts: { carrierId: r.carrierId, kind: base?.kind ?? null },
        },
        {
          name: 'clause_5_base_provincial_or_higher',
          value: base !== undefined && bl !== undefined && bl.value.includes(base.level),
          facts: { level: base?.level ?? null, eligibleLevels: bl ? bl.value.join(',') : null },
        },
        {
          name: 'clause_5_base_within_validity',
          value:
            base !== undefined &&
            base.recognisedOn <= d &&
            (base.validUntil == null || d <= base.validUntil) &&
            (base.revokedOn == null || base.revokedOn > d),
          facts: {
            recognisedOn: base?.recognisedOn ?? null,
            validUntil: base?.validUntil ?? null,
            revokedOn: base?.revokedOn ?? null,
            onDate: d,
          },
        },
        {
          name: 'clause_5_resident_12_months',
          value: complete <= d && (r.toDate == null || r.toDate >= d),
          facts: { fromDate: r.fromDate, toDate: r.toDate ?? null, months, completeOn: complete, recognisedOn: d },
        },
      ];
    }
    const baseReasons = [R_BASE_KIND, R_BASE_LEVEL, R_BASE_VALID, R_RESIDENT];

    /** Fast check, the same conditions as `baseConditions`; `complete` caches fromDate → completion date. */
    function qualifies(d: string, r: Residency, base: Carrier | undefined, L: Lookups, complete: Map<string, string>): boolean {
      if (base === undefined || base.kind !== 'demo_base') return false;
      const bl = L.baseLevels.isSingle ? L.baseLevels.single : L.baseLevels.at(d);
      if (bl === undefined || !bl.value.includes(base.level)) return false;
      if (
        base.recognisedOn > d ||
        (base.validUntil != null && d > base.validUntil) ||
        (base.revokedOn != null && base.revokedOn <= d)
      )
        return false;
      if (r.toDate != null && r.toDate < d) return false;
      const months = (L.months.isSingle ? L.months.single : L.months.at(d))?.value ?? 12;
      const cacheKey = L.months.isSingle ? r.fromDate : `${r.fromDate}+${months}`;
      let done = complete.get(cacheKey);
      if (done === undefined) {
        done = addMonths(r.fromDate, months);
        complete.set(cacheKey, done);
      }
      return done <= d;
    }

    function titleConditions(
      t: TitleEvent,
      asOf: string,
      L: Lookups,
    ): { conditions: TraceCondition[]; reasons: Reason[]; amount: number | undefined; params: TraceParameter[] } {
      const d = t.recognisedOn;
      const k = L.kinds.get(t.kind);
      const lv = k?.levels.at(d);
      const amountLookup = k?.tier === 'high' ? L.high : L.low;
      const amt = amountLookup.at(d);
      const conditions: TraceCondition[] = [];
      const reasons: Reason[] = [];
      const add = (name: string, value: boolean, facts: TraceCondition['facts'], r: Reason) => {
        conditions.push({ name, value, facts });
        if (!value) reasons.push(r);
      };
      add(
        'clause_5_policy_in_force',
        d >= wFrom && d <= wUntil,
        { recognisedOn: d, versionFrom: wFrom, versionUntil: ctx.window.until },
        R_NOT_IN_FORCE,
      );
      add('clause_5_newly_recognised', t.recognition === 'first', { recognition: t.recognition }, R_NOT_NEW);
      add(
        'clause_5_title_level_counted',
        lv !== undefined && lv.value.includes(t.level),
        { kind: t.kind, level: t.level, eligibleLevels: lv ? lv.value.join(',') : null },
        R_TITLE_LEVEL,
      );
      add(
        'clause_5_title_not_revoked',
        !(t.revokedOn != null && t.revokedOn <= asOf),
        { revokedOn: t.revokedOn ?? null, asOf },
        R_REVOKED,
      );
      add('clause_5_amount_in_force', amt !== undefined, { recognisedOn: d }, R_AMOUNT);
      const params: TraceParameter[] = [traceParameter(amountLookup.param, amt)];
      if (k) params.push(traceParameter(k.levels.param, lv));
      params.push(
        traceParameter(L.baseLevels.param, L.baseLevels.at(d)),
        traceParameter(L.months.param, L.months.at(d)),
        traceParameter(p.claimOffset, valueAt(p.claimOffset, wFrom)),
        traceParameter(p.highest, valueAt(p.highest, d < wFrom ? wFrom : d)),
      );
      return { conditions, reasons, amount: amt?.value, params };
    }

    function runBases(facts: IndexedFacts, run: RunContext): void {
      const fy = run.fiscalYear;
      const recYear = fy - claimOffset;
      const yLo = firstDayOfYear(recYear);
      const yHi = lastDayOfYear(recYear);
      const L = lookups(yLo, yHi);
      const highest = valueAt(p.highest, yLo > wFrom ? yLo : wFrom)?.value === true;
      const { residenciesByEnterprise, carriersById } = facts;
      const asOf = run.asOf;
      const tracing = run.trace;
      const reportNotOwed = run.reportNotOwed;
      const start = run.entitlements.length;
      const complete = new Map<string, string>();
      const keySuffix = keyParts('5', '', 'carrier', fy).suffix;
      // The index holds each titleId once, by year: the same title event never yields two results.
      for (const t of titlesOfYear(facts, recYear)) {
        const d = t.recognisedOn;
        const k = L.kinds.get(t.kind);
        if (k === undefined) continue; // titles clause 5 does not name are no business of bases
        // Bulk mode: a title that cannot earn anything needs no residency look-up.
        if (
          !reportNotOwed &&
          (t.recognition !== 'first' || (t.revokedOn != null && t.revokedOn <= asOf) || d < wFrom || d > wUntil)
        )
          continue;
        const rs = residenciesByEnterprise.get(t.enterpriseId);
        if (rs === undefined) continue; // not resident anywhere: no base to reward
        // Interpretation: one title event rewards one base — the longest residency (earliest fromDate, then carrierId).
        let chosen: Residency | undefined;
        let firstBaseResidency: Residency | undefined;
        for (const r of rs) {
          const base = carriersById.get(r.carrierId);
          if (base === undefined || base.kind !== 'demo_base') continue;
          if (firstBaseResidency === undefined || r.fromDate < firstBaseResidency.fromDate) firstBaseResidency = r;
          if (
            qualifies(d, r, base, L, complete) &&
            (chosen === undefined ||
              r.fromDate < chosen.fromDate ||
              (r.fromDate === chosen.fromDate && r.carrierId < chosen.carrierId))
          )
            chosen = r;
        }
        const residency = chosen ?? firstBaseResidency;
        if (residency === undefined) continue; // resident only in parks or platforms
        const base = carriersById.get(residency.carrierId);
        const item = k.item;
        let owed = -1;
        if (
          chosen !== undefined &&
          d >= wFrom &&
          d <= wUntil &&
          t.recognition === 'first' &&
          (t.revokedOn == null || t.revokedOn > asOf)
        ) {
          const lv = k.levels.isSingle ? k.levels.single : k.levels.at(d);
          const lookup = k.tier === 'high' ? L.high : L.low;
          const amt = lookup.isSingle ? lookup.single : lookup.at(d);
          if (lv !== undefined && amt !== undefined && lv.value.includes(t.level)) owed = amt.value;
        }
        if (owed < 0 && !reportNotOwed) continue;
        const trigger: Trigger = { kind: 'title', titleId: t.titleId, enterpriseId: t.enterpriseId, date: d };
        const b = carrierBeneficiary(residency.carrierId, base?.name);
        if (owed >= 0 && !tracing) {
          const key = k.keyPrefix + residency.carrierId + ':' + t.titleId + keySuffix;
          run.entitlements.push(entitlement('5', item, b, owed, fy, trigger, policyVersion, null, key));
          continue;
        }
        const tc = titleConditions(t, asOf, L);
        const bc = baseConditions(t, residency, base, L);
        const reasons = [...tc.reasons];
        bc.forEach((c, i) => {
          const r = baseReasons[i];
          if (!c.value && r) reasons.push(r);
        });
        // Outside the version's window nothing else matters (and its parameters may not exist yet).
        if (reasons[0] === R_NOT_IN_FORCE) reasons.length = 1;
        const trace: Trace = {
          policyVersion,
          clause: '5',
          formula: { ...CLAUSE_5_FORMULA },
          conditions: [
            { name: 'clause_5_claim_year', value: true, facts: { recognisedOn: d, fiscalYear: fy, offset: claimOffset } },
            ...tc.conditions,
            ...bc,
          ],
          parameters: tc.params,
          computation: owed >= 0 ? `${item}: 1 × ${owed} = ${owed} 元` : `${item}: 0 元`,
        };
        if (owed >= 0) run.entitlements.push(entitlement('5', item, b, owed, fy, trigger, policyVersion, trace));
        else run.notOwed.push(notOwed('5', item, b, fy, trigger, policyVersion, reasons, tracing ? trace : null));
      }
      if (highest) {
        applyHighestOnly(
          run,
          start,
          (e) => `${e.beneficiary.id}|${e.trigger.kind === 'title' ? e.trigger.enterpriseId : ''}|${e.fiscalYear}`,
          'clause_5_highest_only_superseded',
        );
      }
    }

    function runPlatforms(facts: IndexedFacts, run: RunContext): void {
      const fy = run.fiscalYear;
      const recYear = fy - platformOffset;
      const yLo = firstDayOfYear(recYear);
      const yHi = lastDayOfYear(recYear);
      const nat = new DatedLookup(p.national, yLo, yHi);
      const prov = new DatedLookup(p.provincial, yLo, yHi);
      for (const c of facts.facts.carriers) {
        if (c.kind !== 'service_platform') continue;
        const d = c.recognisedOn;
        if (d < yLo || d > yHi) continue;
        const lookup = c.level === 'national' ? nat : c.level === 'provincial' ? prov : null;
        const amt = lookup?.at(d);
        const item = `5.platform.${c.level}`;
        const conditions: TraceCondition[] = [
          {
            name: 'clause_5_platform_fiscal_year',
            value: true,
            facts: { recognisedOn: d, fiscalYear: fy, offset: platformOffset },
          },
          {
            name: 'clause_5_policy_in_force',
            value: d >= wFrom && d <= wUntil,
            facts: { recognisedOn: d, versionFrom: wFrom, versionUntil: ctx.window.until },
          },
          {
            name: 'clause_5_platform_newly_recognised',
            value: (c.recognition ?? 'first') === 'first',
            facts: { recognition: c.recognition ?? 'first' },
          },
          { name: 'clause_5_platform_national_or_provincial', value: lookup !== null, facts: { level: c.level } },
          {
            name: 'clause_5_platform_not_revoked',
            value: !(c.revokedOn != null && c.revokedOn <= run.asOf),
            facts: { revokedOn: c.revokedOn ?? null, asOf: run.asOf },
          },
          { name: 'clause_5_amount_in_force', value: lookup === null || amt !== undefined, facts: { recognisedOn: d } },
        ];
        const reasonsByIndex = [null, R_NOT_IN_FORCE, R_PLATFORM_NOT_NEW, R_PLATFORM_LEVEL, R_PLATFORM_REVOKED, R_AMOUNT];
        const reasons: Reason[] = [];
        conditions.forEach((x, i) => {
          const r = reasonsByIndex[i];
          if (!x.value && r) reasons.push(r);
        });
        if (reasons[0] === R_NOT_IN_FORCE) reasons.length = 1;
        const owed = reasons.length === 0 && amt !== undefined ? amt.value : -1;
        const trigger: Trigger = { kind: 'carrier', carrierId: c.carrierId, date: d };
        const b = carrierBeneficiary(c.carrierId, c.name);
        const trace: Trace | null = run.trace
          ? {
              policyVersion,
              clause: '5',
              formula: { ...CLAUSE_5_FORMULA },
              conditions,
              parameters: [
                ...(lookup ? [traceParameter(lookup.param, amt)] : []),
                traceParameter(p.platformOffset, valueAt(p.platformOffset, wFrom)),
              ],
              computation: owed >= 0 ? `${item}: 1 × ${owed} = ${owed} 元` : `${item}: 0 元`,
            }
          : null;
        if (owed >= 0) run.entitlements.push(entitlement('5', item, b, owed, fy, trigger, policyVersion, trace));
        else if (run.reportNotOwed) run.notOwed.push(notOwed('5', item, b, fy, trigger, policyVersion, reasons, trace));
      }
    }

    const evaluator: ClauseEvaluator = (facts, run) => {
      runBases(facts, run);
      runPlatforms(facts, run);
    };

    const wFromDay = dayNumber(wFrom);
    const wUntilDay = dayNumber(wUntil);
    /**
     * The bases over columns: each (kind, recognition, level) resolves to an amount or nothing at
     * the start of the claim year; only titles that can earn scan their enterprise's residencies,
     * with integer dates and the completion day of each residency computed once. Platforms (a
     * few carriers) take the ordinary path. A parameter that changes inside the year sends the
     * whole clause down the ordinary path for that year.
     */
    const bulk: BulkClauseEvaluator = (b) => {
      const fy = b.fiscalYear;
      const recYear = fy - claimOffset;
      const yLo = firstDayOfYear(recYear);
      const L = lookups(yLo, lastDayOfYear(recYear));
      const dated = [L.high, L.low, L.baseLevels, L.months, ...[...L.kinds.values()].map((k) => k.levels)];
      if (dated.some((x) => !x.isSingle)) return runAsObjects(evaluator, b);
      const { sink, bulk: cols } = b;
      const amounts = new Float64Array(TITLE_CODES).fill(-1);
      const itemOf = new Uint16Array(TITLE_CODES);
      for (let code = 0; code < TITLE_CODES; code++) {
        const { kind, recognition, level } = decodeTitleCode(code);
        const k = L.kinds.get(kind);
        if (k === undefined || recognition !== 'first') continue;
        const lv = k.levels.single;
        const amt = (k.tier === 'high' ? L.high : L.low).single;
        if (lv === undefined || amt === undefined || !lv.value.includes(level)) continue;
        amounts[code] = amt.value;
        itemOf[code] = sink.item('5', k.item, 'carrier', policyVersion);
      }
      const baseLevelOk = new Uint8Array(3);
      for (const level of L.baseLevels.single?.value ?? []) baseLevelOk[levelIndex(level)] = 1;
      const complete = cols.completionDays(L.months.single?.value ?? 12);
      const highest = valueAt(p.highest, yLo > wFrom ? yLo : wFrom)?.value === true;
      const { start, end } = cols.yearRange(recYear);
      const { order, titles } = cols;
      const { code, day, revokedDay, groupStart, resCarrier, resFromDay, resToDay } = cols;
      const { carrierKind, carrierLevel, carrierRecognisedDay, carrierValidUntilDay, carrierRevokedDay, carrierRank } = cols;
      const asOfDay = b.asOfDay;
      const first = sink.count;
      for (let j = start; j < end; j++) {
        const i = order[j] as number;
        const c = code[i] as number;
        const amount = amounts[c] as number;
        if (amount < 0) continue;
        const d = day[i] as number;
        if (d < wFromDay || d > wUntilDay || (revokedDay[i] as number) <= asOfDay) continue;
        const g = cols.groupOf((titles[i] as TitleEvent).enterpriseId);
        if (g < 0) continue;
        // Interpretation: one title event rewards one base — the longest residency (earliest fromDate, then carrierId).
        let chosen = -1;
        let chosenFrom = 0;
        let chosenRank = 0;
        const to = groupStart[g + 1] as number;
        for (let k = groupStart[g] as number; k < to; k++) {
          const base = resCarrier[k] as number;
          if (base < 0 || carrierKind[base] !== DEMO_BASE || baseLevelOk[carrierLevel[base] as number] === 0) continue;
          if (
            (carrierRecognisedDay[base] as number) > d ||
            d > (carrierValidUntilDay[base] as number) ||
            (carrierRevokedDay[base] as number) <= d ||
            (resToDay[k] as number) < d ||
            (complete[k] as number) > d
          )
            continue;
          const from = resFromDay[k] as number;
          const rank = carrierRank[base] as number;
          if (chosen < 0 || from < chosenFrom || (from === chosenFrom && rank < chosenRank)) {
            chosen = k;
            chosenFrom = from;
            chosenRank = rank;
          }
        }
        if (chosen >= 0) sink.push(itemOf[c] as number, i, resCarrier[chosen] as number, amount);
      }
      if (highest) {
        sink.highestOnly(
          first,
          (r) =>
            `${cols.carriers[sink.beneficiary[r] ?? -1]?.carrierId ?? ''}|${cols.titles[sink.trigger[r] ?? -1]?.enterpriseId ?? ''}`,
        );
      }
      runAsObjects(runPlatforms, b);
    };
    return { run: evaluator, bulk };
  },
};
