/**
 * Item 二 of the draft measures: one-time rewards for enterprises moving up the ladder.
 *
 * （2） 支持优质中小企业优化升级。对新获评的专精特新“小巨人”企业，给予一次性奖励200万元；对新认定的
 * “专精特新”中小企业，给予一次性奖励30万元；对新认定的独角兽企业，给予一次性奖励300万元；对新认定的
 * 省级瞪羚企业，给予一次性奖励50万元；对有效期满经复核或重新申报认定的省级瞪羚企业和专精特新中小企业，
 * 分别给予 20 万元、10 万元延续性奖励。（责任单位：市工业和信息化局、市财政局）
 */
import { TITLE_CODES, decodeTitleCode, runAsObjects, type BulkClauseEvaluator } from '../core/bulk.ts';
import {
  DatedLookup,
  traceParameter,
  type ClauseDefinition,
  type ClauseEvaluator,
  type ClauseText,
  type ParamValue,
} from '../core/clause.ts';
import { dayNumber, firstDayOfYear, lastDayOfYear } from '../core/dates.ts';
import { TITLE_KINDS, titlesOfYear, type Level, type Recognition, type TitleEvent, type TitleKind } from '../core/facts.ts';
import { valueAt, type Parameter } from '../core/parameter.ts';
import type { Bilingual, Reason, Trace, TraceCondition, TraceParameter, Trigger } from '../core/results.ts';
import { DOCUMENT_ZH, DRAFT_EFFECTIVE_FROM, REASONS, draftRef, highestOnly } from './document.ts';
import {
  OPEN_END,
  applyHighestOnly,
  enterpriseBeneficiary,
  entitlement,
  keyParts,
  levelsParam,
  notOwed,
  yuanParam,
} from './shared.ts';

export const CLAUSE_2_TEXT: ClauseText = {
  documentZh: DOCUMENT_ZH,
  partZh: '一、支持优质中小企业梯度培育',
  itemNumberZh: '二',
  itemLabelAsPrinted: '（2）',
  textZh:
    '（2） 支持优质中小企业优化升级。对新获评的专精特新“小巨人”企业，给予一次性奖励200万元；对新认定的“专精特新”中小企业，给予一次性奖励30万元；对新认定的独角兽企业，给予一次性奖励300万元；对新认定的省级瞪羚企业，给予一次性奖励50万元；对有效期满经复核或重新申报认定的省级瞪羚企业和专精特新中小企业，分别给予 20 万元、10 万元延续性奖励。',
  responsibleUnitsZh: ['市工业和信息化局', '市财政局'],
  summaryEn:
    'One-time rewards: new little giant 2,000,000; new specialized SME 300,000; new unicorn 3,000,000; new provincial ' +
    'gazelle 500,000; renewal after expiry: provincial gazelle 200,000, specialized SME 100,000 (yuan).',
};

const REF = (unverified?: string) => draftRef('一、（2）', unverified);
const FROM = DRAFT_EFFECTIVE_FROM;

export const clause2LittleGiantFirstAmount = yuanParam(
  'clause_2_little_giant_first_amount',
  '新获评专精特新“小巨人”企业一次性奖励',
  'New little giant: one-time reward',
  FROM,
  2_000_000,
  REF(),
);
export const clause2SpecializedSmeFirstAmount = yuanParam(
  'clause_2_specialized_sme_first_amount',
  '新认定“专精特新”中小企业一次性奖励',
  'New specialized SME: one-time reward',
  FROM,
  300_000,
  REF(),
);
export const clause2UnicornFirstAmount = yuanParam(
  'clause_2_unicorn_first_amount',
  '新认定独角兽企业一次性奖励',
  'New unicorn: one-time reward',
  FROM,
  3_000_000,
  REF(),
);
export const clause2GazelleFirstAmount = yuanParam(
  'clause_2_gazelle_first_amount',
  '新认定省级瞪羚企业一次性奖励',
  'New provincial gazelle: one-time reward',
  FROM,
  500_000,
  REF(),
);
export const clause2GazelleRenewalAmount = yuanParam(
  'clause_2_gazelle_renewal_amount',
  '有效期满经复核或重新申报认定的省级瞪羚企业延续性奖励',
  'Provincial gazelle renewed after expiry',
  FROM,
  200_000,
  REF(),
);
export const clause2SpecializedSmeRenewalAmount = yuanParam(
  'clause_2_specialized_sme_renewal_amount',
  '有效期满经复核或重新申报认定的专精特新中小企业延续性奖励',
  'Specialized SME renewed after expiry',
  FROM,
  100_000,
  REF(),
);

export const clause2LittleGiantLevels = levelsParam(
  'clause_2_little_giant_levels',
  '“小巨人”须为国家级认定',
  'Little giant: levels rewarded',
  FROM,
  ['national'],
  REF(),
  'Interpretation (policy engine team): 专精特新“小巨人” is recognised by MIIT only, so only national recognitions count.',
);
export const clause2SpecializedSmeLevels = levelsParam(
  'clause_2_specialized_sme_levels',
  '“专精特新”中小企业须为省级认定',
  'Specialized SME: levels rewarded',
  FROM,
  ['provincial'],
  REF(),
  'Interpretation (policy engine team): in Shandong 专精特新中小企业 is recognised by the province (省工信厅); a city list does not count.',
);
export const clause2UnicornLevels = levelsParam(
  'clause_2_unicorn_levels',
  '独角兽企业认定层级',
  'Unicorn: levels rewarded',
  FROM,
  ['provincial', 'national'],
  REF(),
  'Interpretation (policy engine team): the text names no level for 独角兽; Shandong recognises them, a national list would also count.',
);
export const clause2GazelleLevels = levelsParam(
  'clause_2_gazelle_levels',
  '瞪羚企业须为省级认定',
  'Gazelle: levels rewarded',
  FROM,
  ['provincial'],
  REF(),
);

export const clause2FiscalYearOffset: Parameter<number> = {
  id: 'clause_2_fiscal_year_offset',
  descriptionZh: '奖励所属年度 = 认定年度 + 偏移',
  descriptionEn: 'Fiscal year of the reward = year of recognition + offset',
  unit: 'years',
  interpretation:
    'Interpretation (policy engine team): a one-time reward belongs to the fiscal year of the recognition (offset 0).',
  values: [{ from: FROM, value: 0, reference: REF('The text does not say which budget year pays.') }],
};

interface ItemSpec {
  kind: TitleKind;
  recognition: Recognition;
  amount: Parameter<number> | null;
  levels: Parameter<readonly Level[]> | null;
  /** Why nothing is owed, for the combinations the clause does not reward. */
  none?: Bilingual;
}

export const KIND_ZH: Record<TitleKind, string> = {
  innovative_sme: '创新型中小企业',
  specialized_sme: '专精特新中小企业',
  little_giant: '专精特新“小巨人”企业',
  manufacturing_champion: '制造业单项冠军',
  gazelle: '瞪羚企业',
  unicorn: '独角兽企业',
};

function noneFor(kind: TitleKind, recognition: Recognition): Bilingual {
  return recognition === 'renewal'
    ? { zh: `第（2）项对${KIND_ZH[kind]}的复核或重新认定不予奖励`, en: `Clause 2 grants no reward for the renewal of ${kind}` }
    : { zh: `第（2）项未对${KIND_ZH[kind]}设奖励`, en: `Clause 2 grants no reward for ${kind}` };
}

const ITEMS: readonly ItemSpec[] = [
  { kind: 'little_giant', recognition: 'first', amount: clause2LittleGiantFirstAmount, levels: clause2LittleGiantLevels },
  {
    kind: 'specialized_sme',
    recognition: 'first',
    amount: clause2SpecializedSmeFirstAmount,
    levels: clause2SpecializedSmeLevels,
  },
  { kind: 'unicorn', recognition: 'first', amount: clause2UnicornFirstAmount, levels: clause2UnicornLevels },
  { kind: 'gazelle', recognition: 'first', amount: clause2GazelleFirstAmount, levels: clause2GazelleLevels },
  { kind: 'gazelle', recognition: 'renewal', amount: clause2GazelleRenewalAmount, levels: clause2GazelleLevels },
  {
    kind: 'specialized_sme',
    recognition: 'renewal',
    amount: clause2SpecializedSmeRenewalAmount,
    levels: clause2SpecializedSmeLevels,
  },
];

function specFor(kind: TitleKind, recognition: Recognition): ItemSpec {
  return (
    ITEMS.find((s) => s.kind === kind && s.recognition === recognition) ?? {
      kind,
      recognition,
      amount: null,
      levels: null,
      none: noneFor(kind, recognition),
    }
  );
}

/** The item id, e.g. '2.little_giant.first'. */
export function clause2Item(kind: TitleKind, recognition: Recognition): string {
  return `2.${kind}.${recognition}`;
}

const R_NOT_IN_FORCE: Reason = { code: 'policy_not_in_force', ...REASONS.policy_not_in_force };
const R_REVOKED: Reason = { code: 'clause_2_title_revoked', ...REASONS.revoked };
const R_AMOUNT: Reason = { code: 'clause_2_amount_not_in_force', ...REASONS.amount_not_in_force };
const R_LEVEL: Reason = {
  code: 'clause_2_level_not_rewarded',
  zh: '该认定层级不在第（2）项奖励范围内',
  en: 'Clause 2 does not reward a recognition at this level',
};

export const CLAUSE_2_FORMULA = { id: 'clause_2_ladder_rewards', version: '2023-01' } as const;

export const clause2: ClauseDefinition = {
  clause: '2',
  formulaId: CLAUSE_2_FORMULA.id,
  formulaVersion: CLAUSE_2_FORMULA.version,
  text: CLAUSE_2_TEXT,
  parameters: [
    clause2LittleGiantFirstAmount,
    clause2SpecializedSmeFirstAmount,
    clause2UnicornFirstAmount,
    clause2GazelleFirstAmount,
    clause2GazelleRenewalAmount,
    clause2SpecializedSmeRenewalAmount,
    clause2LittleGiantLevels,
    clause2SpecializedSmeLevels,
    clause2UnicornLevels,
    clause2GazelleLevels,
    clause2FiscalYearOffset,
    highestOnly,
  ] satisfies Parameter<ParamValue>[],
  compile(ctx) {
    const policyVersion = ctx.policyVersion;
    const wFrom = ctx.window.from;
    const wUntil = ctx.window.until ?? OPEN_END;
    const offsetParam = ctx.param(clause2FiscalYearOffset);
    const highestParam = ctx.param(highestOnly);
    // Structural parameters (which year pays) are read at the version's start: changing them is a new version.
    const offset = valueAt(offsetParam, wFrom)?.value ?? 0;
    const resolved = new Map<
      string,
      { spec: ItemSpec; item: string; amount: Parameter<number> | null; levels: Parameter<readonly Level[]> | null }
    >();
    for (const kind of TITLE_KINDS) {
      for (const recognition of ['first', 'renewal'] as const) {
        const spec = specFor(kind, recognition);
        resolved.set(`${kind}|${recognition}`, {
          spec,
          item: clause2Item(kind, recognition),
          amount: spec.amount ? ctx.param(spec.amount) : null,
          levels: spec.levels ? ctx.param(spec.levels) : null,
        });
      }
    }

    interface RuntimeItem {
      item: string;
      keyPrefix: string;
      spec: ItemSpec;
      noneReason: Reason | null;
      amount: DatedLookup<number> | null;
      levels: DatedLookup<readonly Level[]> | null;
    }
    type Table = Record<TitleKind, { first: RuntimeItem; renewal: RuntimeItem }>;

    function buildTable(lo: string, hi: string): Table {
      const rt = (kind: TitleKind, recognition: Recognition): RuntimeItem => {
        const r = resolved.get(`${kind}|${recognition}`);
        if (r === undefined) throw new Error(`clause 2: no item for ${kind}/${recognition}`);
        return {
          item: r.item,
          keyPrefix: keyParts('2', r.item, 'enterprise', 0).prefix,
          spec: r.spec,
          noneReason: r.spec.none ? { code: 'clause_2_not_rewarded', ...r.spec.none } : null,
          amount: r.amount ? new DatedLookup(r.amount, lo, hi) : null,
          levels: r.levels ? new DatedLookup(r.levels, lo, hi) : null,
        };
      };
      const row = (k: TitleKind) => ({ first: rt(k, 'first'), renewal: rt(k, 'renewal') });
      return {
        innovative_sme: row('innovative_sme'),
        specialized_sme: row('specialized_sme'),
        little_giant: row('little_giant'),
        manufacturing_champion: row('manufacturing_champion'),
        gazelle: row('gazelle'),
        unicorn: row('unicorn'),
      };
    }

    function explain(
      t: TitleEvent,
      rt: RuntimeItem,
      fiscalYear: number,
      asOf: string,
    ): { trace: Trace; reasons: Reason[]; amount: number } {
      const d = t.recognisedOn;
      const conditions: TraceCondition[] = [];
      const reasons: Reason[] = [];
      const add = (name: string, value: boolean, facts: TraceCondition['facts'], r: Reason | null) => {
        conditions.push({ name, value, facts });
        if (!value && r) reasons.push(r);
      };
      add('clause_2_fiscal_year', true, { recognisedOn: d, fiscalYear, offset }, null);
      add(
        'clause_2_policy_in_force',
        d >= wFrom && d <= wUntil,
        { recognisedOn: d, versionFrom: wFrom, versionUntil: ctx.window.until },
        R_NOT_IN_FORCE,
      );
      add('clause_2_title_rewarded', rt.amount !== null, { kind: t.kind, recognition: t.recognition }, rt.noneReason);
      const lv = rt.levels?.at(d);
      if (rt.levels !== null)
        add(
          'clause_2_level_eligible',
          lv !== undefined && lv.value.includes(t.level),
          { level: t.level, eligibleLevels: lv ? lv.value.join(',') : null },
          R_LEVEL,
        );
      const revoked = t.revokedOn != null && t.revokedOn <= asOf;
      add('clause_2_not_revoked', !revoked, { revokedOn: t.revokedOn ?? null, asOf }, R_REVOKED);
      const amt = rt.amount?.at(d);
      if (rt.amount !== null) add('clause_2_amount_in_force', amt !== undefined, { recognisedOn: d }, R_AMOUNT);
      const parameters: TraceParameter[] = [];
      if (rt.amount) parameters.push(traceParameter(rt.amount.param, amt));
      if (rt.levels) parameters.push(traceParameter(rt.levels.param, lv));
      parameters.push(traceParameter(offsetParam, valueAt(offsetParam, wFrom)));
      parameters.push(traceParameter(highestParam, valueAt(highestParam, wFrom > d ? wFrom : d)));
      // Outside the version's window nothing else matters (and its parameters may not exist yet).
      if (reasons[0] === R_NOT_IN_FORCE) reasons.length = 1;
      const amount = reasons.length === 0 && amt ? amt.value : 0;
      return {
        reasons,
        amount,
        trace: {
          policyVersion,
          clause: '2',
          formula: { ...CLAUSE_2_FORMULA },
          conditions,
          parameters,
          computation: reasons.length === 0 ? `${rt.item}: 1 × ${amount} = ${amount} 元` : `${rt.item}: 0 元`,
        },
      };
    }

    const evaluator: ClauseEvaluator = (facts, run) => {
      const fy = run.fiscalYear;
      const recYear = fy - offset;
      const yLo = firstDayOfYear(recYear);
      const yHi = lastDayOfYear(recYear);
      const table = buildTable(yLo, yHi);
      const keySuffix = keyParts('2', '', 'enterprise', fy).suffix;
      const highest = valueAt(highestParam, yLo > wFrom ? yLo : wFrom)?.value === true;
      const asOf = run.asOf;
      const tracing = run.trace;
      const reportNotOwed = run.reportNotOwed;
      const start = run.entitlements.length;
      // The index holds each titleId once, by year: the same title event never yields two results.
      for (const t of titlesOfYear(facts, recYear)) {
        const d = t.recognisedOn;
        const rt = t.recognition === 'first' ? table[t.kind].first : table[t.kind].renewal;
        // Fast path: every condition inline, no allocation beyond the result itself.
        let owedAmount = -1;
        if (
          d >= wFrom &&
          d <= wUntil &&
          rt.amount !== null &&
          rt.levels !== null &&
          (t.revokedOn == null || t.revokedOn > asOf)
        ) {
          const lv = rt.levels.isSingle ? rt.levels.single : rt.levels.at(d);
          const amt = rt.amount.isSingle ? rt.amount.single : rt.amount.at(d);
          if (lv !== undefined && amt !== undefined && lv.value.includes(t.level)) owedAmount = amt.value;
        }
        if (owedAmount < 0 && !reportNotOwed) continue;
        const trigger: Trigger = { kind: 'title', titleId: t.titleId, enterpriseId: t.enterpriseId, date: d };
        if (owedAmount >= 0 && !tracing) {
          const key = rt.keyPrefix + t.enterpriseId + ':' + t.titleId + keySuffix;
          const b = enterpriseBeneficiary(t.enterpriseId, t.enterpriseName);
          run.entitlements.push(entitlement('2', rt.item, b, owedAmount, fy, trigger, policyVersion, null, key));
          continue;
        }
        const x = explain(t, rt, fy, asOf);
        const b = enterpriseBeneficiary(t.enterpriseId, t.enterpriseName);
        if (owedAmount >= 0)
          run.entitlements.push(entitlement('2', rt.item, b, owedAmount, fy, trigger, policyVersion, tracing ? x.trace : null));
        else run.notOwed.push(notOwed('2', rt.item, b, fy, trigger, policyVersion, x.reasons, tracing ? x.trace : null));
      }
      if (highest) applyHighestOnly(run, start, (e) => `${e.beneficiary.id}|${e.fiscalYear}`, 'clause_2_highest_only_superseded');
    };

    const wFromDay = dayNumber(wFrom);
    const wUntilDay = dayNumber(wUntil);
    /**
     * The same rules over columns: at the start of the year every (kind, recognition, level)
     * resolves to an amount or to nothing, so an event costs one table read and three integer
     * comparisons. A parameter that changes inside the year sends the year down the ordinary path.
     */
    const bulk: BulkClauseEvaluator = (b) => {
      const fy = b.fiscalYear;
      const recYear = fy - offset;
      const yLo = firstDayOfYear(recYear);
      const table = buildTable(yLo, lastDayOfYear(recYear));
      const items: RuntimeItem[] = [];
      for (const kind of TITLE_KINDS) items.push(table[kind].first, table[kind].renewal);
      if (items.some((rt) => (rt.amount !== null && !rt.amount.isSingle) || (rt.levels !== null && !rt.levels.isSingle)))
        return runAsObjects(evaluator, b);
      const { sink, bulk: cols } = b;
      const amounts = new Float64Array(TITLE_CODES).fill(-1);
      const itemOf = new Uint16Array(TITLE_CODES);
      for (let code = 0; code < TITLE_CODES; code++) {
        const { kind, recognition, level } = decodeTitleCode(code);
        const rt = recognition === 'first' ? table[kind].first : table[kind].renewal;
        const lv = rt.levels?.single;
        const amt = rt.amount?.single;
        if (lv === undefined || amt === undefined || !lv.value.includes(level)) continue;
        amounts[code] = amt.value;
        itemOf[code] = sink.item('2', rt.item, 'enterprise', policyVersion);
      }
      const highest = valueAt(highestParam, yLo > wFrom ? yLo : wFrom)?.value === true;
      const { start, end } = cols.yearRange(recYear);
      const order = cols.order;
      const code = cols.code;
      const day = cols.day;
      const revokedDay = cols.revokedDay;
      const asOfDay = b.asOfDay;
      const first = sink.count;
      for (let j = start; j < end; j++) {
        const p = order[j] as number;
        const c = code[p] as number;
        const amount = amounts[c] as number;
        if (amount < 0) continue;
        const d = day[p] as number;
        if (d < wFromDay || d > wUntilDay || (revokedDay[p] as number) <= asOfDay) continue;
        sink.push(itemOf[c] as number, p, p, amount);
      }
      if (highest) sink.highestOnly(first, (r) => cols.titles[sink.trigger[r] ?? -1]?.enterpriseId ?? '');
    };
    return { run: evaluator, bulk };
  },
};
