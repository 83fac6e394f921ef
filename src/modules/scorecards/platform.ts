/**
 * The six district indicators the platform computes from its own records, per district and year
 * (flows within the year; stocks on 31 December, or today for the current year). When the platform
 * holds no record of a kind for the year at all, every district's value is absent and the reason
 * reads “平台该年度无数据”, so an empty table is never scored as a zero.
 */
import type { Database } from '../../db/client.ts';
import { valueAt } from '../../../policy/core/parameter.ts';
import { clause3KeyListTitleKinds } from '../../../policy/jinan-quality-sme-measures/clause-03-financing.ts';
import type { PlatformIndicatorKey } from '../../../policy/scorecards/index.ts';
import { DISTRICT_INDICATOR_SOURCES } from '../../../policy/scorecards/index.ts';
import type { Bilingual } from '../../shared/errors.ts';

export const NO_PLATFORM_DATA: Bilingual = { zh: '平台该年度无数据', en: 'no platform data for the year' };

export const PLATFORM_SOURCES: Record<PlatformIndicatorKey, Bilingual> = {
  titles_per_100: {
    zh: 'titles 与 enterprises 表：年末有效的优质中小企业称号数 ÷ 区县企业数 × 100',
    en: 'titles in force on 31 December ÷ enterprises of the district × 100',
  },
  new_titles: { zh: 'titles 表：本年首次认定的称号数', en: 'titles first recognised in the year' },
  quality_loans_per_100: {
    zh: 'financing_loans 表：本年发放给放款日持有有效称号（重点服务名单口径，条款三参数，与措施三指标一致）企业的贷款笔数 ÷ 区县企业数 × 100',
    en: 'loans granted in the year to enterprises holding a title in force that day ÷ enterprises × 100',
  },
  ip_pledge_amount: {
    zh: 'financing_loans 表：本年知识产权质押贷款金额合计（万元）',
    en: 'IP pledge loans granted in the year, summed (10k yuan)',
  },
  ip_granted_per_100: {
    zh: 'ip_records 表：本年授权的知识产权件数 ÷ 区县企业数 × 100',
    en: 'IP items granted in the year ÷ enterprises × 100',
  },
  payments_amount: {
    zh: 'payments 关联 cases 表：本年（北京时间）兑现的政策资金合计（万元），按案件所属区县',
    en: 'policy funds paid in the year (Beijing time) by the case’s district, summed (10k yuan)',
  },
};

const IN_FORCE = (a: string, day: string) =>
  `${a}.recognised_on <= ${day} and (${a}.valid_until is null or ${a}.valid_until >= ${day}) and (${a}.revoked_on is null or ${a}.revoked_on > ${day})`;

type Rows = { unit_code: string; n: number | string | null }[];

const SQL: Record<PlatformIndicatorKey, string> = {
  titles_per_100: `select e.unit_code, count(*)::int as n from titles t join enterprises e on e.id = t.enterprise_id where $1::date <= $2::date and ${IN_FORCE('t', '$2::date')} group by 1`,
  new_titles: `select e.unit_code, count(*)::int as n from titles t join enterprises e on e.id = t.enterprise_id
     where t.recognition = 'first' and t.recognised_on between $1::date and $2::date group by 1`,
  quality_loans_per_100: `select e.unit_code, count(*)::int as n from financing_loans l join enterprises e on e.id = l.enterprise_id
     where l.granted_on between $1::date and $2::date
       and exists (select 1 from titles t where t.enterprise_id = l.enterprise_id and t.kind::text = any($3::text[]) and ${IN_FORCE('t', 'l.granted_on')}) group by 1`,
  ip_pledge_amount: `select e.unit_code, sum(l.amount)::float8 / 10000 as n from financing_loans l join enterprises e on e.id = l.enterprise_id
     where l.loan_type = 'ip_pledge' and l.granted_on between $1::date and $2::date group by 1`,
  ip_granted_per_100: `select e.unit_code, count(*)::int as n from ip_records r join enterprises e on e.id = r.enterprise_id
     where r.granted_on between $1::date and $2::date group by 1`,
  payments_amount: `select k.unit_code, sum(p.amount)::float8 / 10000 as n from payments p join cases k on k.id = p.case_id
     where (p.paid_at at time zone 'Asia/Shanghai')::date between $1::date and $2::date group by 1`,
};

const PER_100: ReadonlySet<PlatformIndicatorKey> = new Set(['titles_per_100', 'quality_loans_per_100', 'ip_granted_per_100']);

export interface PlatformFigures {
  /** indicator id → unit code → value */
  values: Map<string, Map<string, number>>;
  /** indicator id → why there is no value */
  absent: Map<string, Bilingual>;
}

/** The platform's figures for `year` (to `asOf` when the year is not over). */
export async function platformFigures(database: Database, year: number, asOf: string): Promise<PlatformFigures> {
  const from = `${year}-01-01`;
  const end = `${year}-12-31`;
  const to = asOf < end ? asOf : end;
  const entries = Object.entries(DISTRICT_INDICATOR_SOURCES).flatMap(([id, s]) =>
    s.kind === 'platform' ? [[id, s.key] as const] : [],
  );
  const [counts, ...results] = await Promise.all([
    database.query<{ unit_code: string; n: number }>(`select unit_code, count(*)::int as n from enterprises group by 1`),
    ...entries.map(([, key]) =>
      database.query<Rows[number]>(
        SQL[key],
        key === 'quality_loans_per_100'
          ? [from, to, `{${(valueAt(clause3KeyListTitleKinds, to)?.value ?? []).join(',')}}`]
          : [from, to],
      ),
    ),
  ]);
  const enterprises = new Map(counts.map((r) => [r.unit_code, Number(r.n)]));
  const values = new Map<string, Map<string, number>>();
  const absent = new Map<string, Bilingual>();
  entries.forEach(([id, key], k) => {
    const rows = (results[k] ?? []) as Rows;
    const total = rows.reduce((s, r) => s + Number(r.n ?? 0), 0);
    if (total === 0 || to < from) {
      absent.set(id, NO_PLATFORM_DATA);
      return;
    }
    const m = new Map<string, number>();
    const byUnit = new Map(rows.map((r) => [r.unit_code, Number(r.n ?? 0)]));
    for (const [unit, n] of enterprises) {
      const raw = byUnit.get(unit) ?? 0;
      const v = PER_100.has(key) ? (n === 0 ? 0 : (raw / n) * 100) : raw;
      m.set(unit, Math.round(v * 100) / 100);
    }
    values.set(id, m);
  });
  return { values, absent };
}
