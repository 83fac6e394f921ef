/**
 * Item 四 of the draft measures: the public service system; its money part funds
 * quality-cultivation service parks recognised by MIIT departments.
 *
 * （四）优化中小企业公共服务体系。……支持园区构建优质企业梯度培育体系、加强精准服务支撑，……对获得工业和
 * 信息化部相关部门认定的优质培育服务园区连续三年每年给予1000万的资金扶持。（责任单位：市工业和信息化局、市财政局）
 */
import { DatedLookup, traceParameter, type ClauseDefinition, type ClauseText, type ParamValue } from '../core/clause.ts';
import { firstDayOfYear, yearOf } from '../core/dates.ts';
import { valueAt, type Parameter } from '../core/parameter.ts';
import type { Reason, TraceCondition, Trigger } from '../core/results.ts';
import { DOCUMENT_ZH, DRAFT_EFFECTIVE_FROM, REASONS, draftRef } from './document.ts';
import { OPEN_END, carrierBeneficiary, entitlement, notOwed, yuanParam } from './shared.ts';

export const CLAUSE_4_TEXT: ClauseText = {
  documentZh: DOCUMENT_ZH,
  partZh: '二、提升中小企业服务能力',
  itemNumberZh: '四',
  itemLabelAsPrinted: '（四）',
  textZh:
    '（四）优化中小企业公共服务体系。创新服务方式，汇聚优质资源提升中小企业公共服务能力，助推中小企业高质量发展。推进济南新动能中小企业创新交流中心建设，做好中小企业发展环境评估、优质中小企业梯度培育、数字化赋能、国内外创新交流、创新创业活动等工作；支持园区构建优质企业梯度培育体系、加强精准服务支撑，从营商环境、科技创新、企业管理、人才培养、要素保障、融资上市等方面推动专精特新企业量质并举，对获得工业和信息化部相关部门认定的优质培育服务园区连续三年每年给予1000万的资金扶持。',
  responsibleUnitsZh: ['市工业和信息化局', '市财政局'],
  summaryEn:
    'Parks recognised by MIIT departments as quality-cultivation service parks: 10,000,000 a year for three consecutive years.',
};

const REF = (unverified?: string) => draftRef('二、（四）', unverified);
const FROM = DRAFT_EFFECTIVE_FROM;

export const clause4AnnualAmount = yuanParam(
  'clause_4_service_park_annual_amount',
  '优质培育服务园区每年资金扶持',
  'Quality-cultivation service park: yearly support',
  FROM,
  10_000_000,
  REF('The text prints "1000万" without a unit; read as 1000万元 = 10,000,000 yuan.'),
);

export const clause4Years: Parameter<number> = {
  id: 'clause_4_years',
  descriptionZh: '连续三年',
  descriptionEn: 'Number of consecutive yearly payments',
  unit: 'count',
  values: [{ from: FROM, value: 3, reference: REF() }],
};

export const clause4FirstPaymentOffset: Parameter<number> = {
  id: 'clause_4_first_payment_offset',
  descriptionZh: '首次拨付年度 = 认定年度 + 偏移',
  descriptionEn: 'First payment year = year of recognition + offset',
  unit: 'years',
  interpretation:
    'Interpretation (DOMAIN.md): the yearly support runs for the three years following the recognition, one payment a year (offset 1).',
  values: [{ from: FROM, value: 1, reference: REF('The text does not say when the three years start.') }],
};

export const clause4Recognisers: Parameter<readonly string[]> = {
  id: 'clause_4_recognisers',
  descriptionZh: '获得工业和信息化部相关部门认定',
  descriptionEn: 'Who must have recognised the park',
  unit: 'list',
  values: [{ from: FROM, value: ['miit'], reference: REF() }],
};

export const clause4RequiresValidity: Parameter<boolean> = {
  id: 'clause_4_requires_validity_in_payment_year',
  descriptionZh: '拨付年度园区认定仍须有效',
  descriptionEn: 'The park recognition must still be valid at the start of each payment year',
  unit: 'switch',
  interpretation:
    'Interpretation (policy engine team): support is for a recognised park, so a recognition that expired before a payment ' +
    'year begins stops the remaining payments. Default true; false pays the three years regardless.',
  values: [{ from: FROM, value: true, reference: REF('The text is silent on expiry during the three years.') }],
};

const R_NOT_IN_FORCE: Reason = { code: 'policy_not_in_force', ...REASONS.policy_not_in_force };
const R_RECOGNISER: Reason = {
  code: 'clause_4_not_recognised_by_miit',
  zh: '园区未获得工业和信息化部相关部门认定',
  en: 'The park was not recognised by an MIIT department',
};
const R_NOT_FIRST: Reason = {
  code: 'clause_4_not_first_recognition',
  zh: '仅首次认定起算连续三年扶持',
  en: 'Only a first recognition starts the three years',
};
const R_REVOKED: Reason = { code: 'clause_4_revoked', ...REASONS.revoked };
const R_EXPIRED: Reason = {
  code: 'clause_4_expired',
  zh: '拨付年度开始前园区认定已过期',
  en: 'The recognition expired before the payment year began',
};
const R_AMOUNT: Reason = { code: 'clause_4_amount_not_in_force', ...REASONS.amount_not_in_force };

export const CLAUSE_4_FORMULA = { id: 'clause_4_service_parks', version: '2023-01' } as const;

export const clause4: ClauseDefinition = {
  clause: '4',
  formulaId: CLAUSE_4_FORMULA.id,
  formulaVersion: CLAUSE_4_FORMULA.version,
  text: CLAUSE_4_TEXT,
  parameters: [
    clause4AnnualAmount,
    clause4Years,
    clause4FirstPaymentOffset,
    clause4Recognisers,
    clause4RequiresValidity,
  ] satisfies Parameter<ParamValue>[],
  compile(ctx) {
    const policyVersion = ctx.policyVersion;
    const wFrom = ctx.window.from;
    const wUntil = ctx.window.until ?? OPEN_END;
    const amountP = ctx.param(clause4AnnualAmount);
    const yearsP = ctx.param(clause4Years);
    const offsetP = ctx.param(clause4FirstPaymentOffset);
    const recognisersP = ctx.param(clause4Recognisers);
    const validityP = ctx.param(clause4RequiresValidity);
    // Structural parameters are read at the version's start: changing them is a new version.
    const years = valueAt(yearsP, wFrom)?.value ?? 3;
    const offset = valueAt(offsetP, wFrom)?.value ?? 1;

    return (facts, run) => {
      const fy = run.fiscalYear;
      // Recognitions in years [fy - offset - years + 1, fy - offset] are paid in fy.
      const loYear = fy - offset - years + 1;
      const hiYear = fy - offset;
      const amount = new DatedLookup(amountP, firstDayOfYear(loYear), `${hiYear}-12-31`);
      const paymentYearStart = firstDayOfYear(fy);
      for (const c of facts.facts.carriers) {
        if (c.kind !== 'park') continue;
        const d = c.recognisedOn;
        const y = yearOf(d);
        if (y < loYear || y > hiYear) continue;
        const yearIndex = fy - y - offset + 1;
        const item = `4.service_park.year_${yearIndex}`;
        const recognisers = valueAt(recognisersP, d);
        const requiresValidity = valueAt(validityP, d)?.value ?? true;
        const amt = amount.at(d);
        const conditions: TraceCondition[] = [
          { name: 'clause_4_payment_year', value: true, facts: { recognisedOn: d, fiscalYear: fy, yearIndex, years, offset } },
          {
            name: 'clause_4_policy_in_force',
            value: d >= wFrom && d <= wUntil,
            facts: { recognisedOn: d, versionFrom: wFrom, versionUntil: ctx.window.until },
          },
          {
            name: 'clause_4_recognised_by_miit',
            value:
              c.serviceParkRecognisedBy != null &&
              recognisers !== undefined &&
              recognisers.value.includes(c.serviceParkRecognisedBy),
            facts: { serviceParkRecognisedBy: c.serviceParkRecognisedBy ?? null },
          },
          {
            name: 'clause_4_first_recognition',
            value: (c.recognition ?? 'first') === 'first',
            facts: { recognition: c.recognition ?? 'first' },
          },
          {
            name: 'clause_4_not_revoked',
            value: !(c.revokedOn != null && c.revokedOn <= run.asOf),
            facts: { revokedOn: c.revokedOn ?? null, asOf: run.asOf },
          },
          {
            name: 'clause_4_valid_in_payment_year',
            value: !requiresValidity || c.validUntil == null || c.validUntil >= paymentYearStart,
            facts: { validUntil: c.validUntil ?? null, paymentYearStart, required: requiresValidity },
          },
          { name: 'clause_4_amount_in_force', value: amt !== undefined, facts: { recognisedOn: d } },
        ];
        const reasonsByIndex = [null, R_NOT_IN_FORCE, R_RECOGNISER, R_NOT_FIRST, R_REVOKED, R_EXPIRED, R_AMOUNT];
        const reasons: Reason[] = [];
        conditions.forEach((x, i) => {
          const r = reasonsByIndex[i];
          if (!x.value && r) reasons.push(r);
        });
        // Outside the version's window nothing else matters (and its parameters may not exist yet).
        if (reasons[0] === R_NOT_IN_FORCE) reasons.length = 1;
        const owed = reasons.length === 0 && amt !== undefined ? amt.value : -1;
        const trigger: Trigger = { kind: 'carrier', carrierId: c.carrierId, date: d };
        const b = carrierBeneficiary(c.carrierId, c.name);
        const trace = run.trace
          ? {
              policyVersion,
              clause: '4' as const,
              formula: { ...CLAUSE_4_FORMULA },
              conditions,
              parameters: [
                traceParameter(amountP, amt),
                traceParameter(yearsP, valueAt(yearsP, wFrom)),
                traceParameter(offsetP, valueAt(offsetP, wFrom)),
                traceParameter(recognisersP, recognisers),
                traceParameter(validityP, valueAt(validityP, d)),
              ],
              computation: owed >= 0 ? `${item}: year ${yearIndex} of ${years}, 1 × ${owed} = ${owed} 元` : `${item}: 0 元`,
            }
          : null;
        if (owed >= 0) run.entitlements.push(entitlement('4', item, b, owed, fy, trigger, policyVersion, trace));
        else if (run.reportNotOwed) run.notOwed.push(notOwed('4', item, b, fy, trigger, policyVersion, reasons, trace));
      }
    };
  },
};
