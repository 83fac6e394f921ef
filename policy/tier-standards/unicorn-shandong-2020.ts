/**
 * 山东省独角兽企业. The 2020 办法's criteria were NOT FOUND verbatim; the closest official Shandong
 * text is the 2018 评审标准 (山东省工信厅 公示 2019-05-27, tier-standards.md §2.2), used here and
 * marked unverified for the 2020 办法. 估值“超过”10亿美元 is strict; “不超过10年” includes 10.
 */
import type { Parameter, Reference } from '../core/parameter.ts';
import type { StandardVersion } from '../core/standard.ts';
import type { TierFacts } from './facts.ts';
import { numParam, resolveAll } from './params.ts';
import {
  PREVIOUS_YEAR,
  at,
  check,
  combine,
  conditionsResult,
  exceeds,
  flag,
  fullYearsBetween,
  ref,
  yearOf,
  type RouteResult,
  type TierResult,
} from './shared.ts';

const FROM = '2020-09-01';
const DOC = '山东省瞪羚、独角兽企业认定管理办法（鲁工信发〔2020〕8号）— 独角兽评审标准（2018年版）';
const UNV =
  'The 2020 办法 criteria were NOT FOUND; these are the 2018 评审标准 (公示 2019-05-27). Whether 2020 keeps them is unverified.';
const R = (clause: string): Reference =>
  ref(DOC, clause, { note: 'https://feng.ifeng.com/c/7n4cKiZDabc via tier-standards.md §2.2', unverified: UNV });

export const P = {
  maxAgeYears: numParam('unicorn_2020_max_age_years', '成立时间原则上不超过10年', 'years', 10, FROM, R('成立时间')),
  valuationUsd: numParam('unicorn_2020_valuation_usd', '独角兽估值超过10亿美元', 'usd', 1_000_000_000, FROM, R('估值')),
  quasiValuationUsd: numParam('unicorn_2020_quasi_valuation_usd', '准独角兽估值超过1亿美元', 'usd', 100_000_000, FROM, R('估值')),
  creditMin: numParam('unicorn_2020_credit_score_min', '企业信用评分≥73分', 'points', 73, FROM, R('信用')),
};

export const UNICORN_2020: StandardVersion<TierFacts, TierResult> = {
  id: 'unicorn@2020',
  standard: 'unicorn',
  titleZh: '山东省独角兽企业',
  titleEn: 'Shandong unicorn enterprise',
  documentZh: DOC,
  effectiveFrom: FROM,
  effectiveFromReference: R('发布'),
  formula: { id: 'unicorn', version: '2018-std' },
  parameters: [...Object.values(P), PREVIOUS_YEAR] as Parameter<unknown>[],
  compile(ctx) {
    const p = resolveAll(P, ctx.param);
    const prev = ctx.param(PREVIOUS_YEAR);
    return (f, date) => {
      const year = yearOf(date) - at(prev, date);
      const age = f.establishedOn === undefined ? undefined : fullYearsBetween(f.establishedOn, date);
      const v = f.valuationUsd;
      const conditions = [
        flag(
          'unicorn_shandong',
          '在山东省内注册（经营主体在省外的不认定）',
          '山东省内注册',
          'registered in Shandong',
          f.registeredInShandong,
        ),
        check(
          'unicorn_age',
          '成立时间原则上不超过10年',
          '成立年限',
          'years since founding',
          age,
          'within',
          at(p.maxAgeYears, date),
          'years',
        ),
        combine('unicorn_financing', '进行过私募融资且尚未上市', [
          flag('private_financing', '', '私募融资', 'private equity financing', f.privateFinancing),
          flag('unlisted', '', '未上市', 'not listed', f.listed === undefined ? undefined : !f.listed),
        ]),
        check('unicorn_valuation', '独角兽估值超过10亿美元', '估值', 'valuation', v, 'exceeds', at(p.valuationUsd, date), 'usd'),
        flag('unicorn_domain', '符合新技术、新模式、新业态、新产业领域', '“四新”领域', 'new-economy domain', f.newEconomyDomain),
        check(
          'unicorn_credit',
          '企业信用评分≥73分',
          '信用评分',
          'credit score',
          f.creditScore,
          'reaches',
          at(p.creditMin, date),
          'points',
        ),
      ];
      const routes: RouteResult[] = [
        {
          id: 'unicorn',
          zh: '独角兽：估值超过10亿美元',
          en: 'unicorn: valuation above USD 1 bn',
          status: v === undefined ? 'no_data' : exceeds(v, at(p.valuationUsd, date)) ? 'met' : 'not_met',
        },
        {
          id: 'quasi_unicorn',
          zh: '准独角兽：估值超过1亿美元（参考）',
          en: 'quasi-unicorn: valuation above USD 100 m (for reference)',
          status: v === undefined ? 'no_data' : exceeds(v, at(p.quasiValuationUsd, date)) ? 'met' : 'not_met',
        },
      ];
      return conditionsResult(
        {
          standard: 'unicorn',
          standardVersion: 'unicorn@2020',
          titleZh: '山东省独角兽企业',
          titleEn: 'Shandong unicorn enterprise',
          documentZh: DOC,
          date,
          figuresYear: year,
          formula: { id: 'unicorn', version: '2018-std' },
        },
        conditions,
        routes,
      );
    };
  },
};
