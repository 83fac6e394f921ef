/**
 * The indicator registry: how each indicator the general office follows is computed from the
 * platform's own data, with the source named (tables and rule) so a reader can check the figure.
 *
 * An indicator of policy/jinan-quality-sme-measures/measures.ts without an entry here is entered
 * by the units in their quarterly reports. Modules built later (events and the talent programme,
 * innovation matching and 揭榜 contracts, competition roadshows and recommendations, IP pledge
 * loans, district scorecards) add their indicators by APPENDING an entry to `INDICATORS`: an entry
 * whose id is already defined in measures.ts replaces the units' entry for it (e.g. id
 * 'm13.roadshows_held'); a new id is shown under its measure without a target.
 */
import { valueAt } from '../../../policy/core/parameter.ts';
import { clause3KeyListTitleKinds } from '../../../policy/jinan-quality-sme-measures/clause-03-financing.ts';
import type { Database } from '../../db/client.ts';
import type { Bilingual } from '../../shared/errors.ts';
import type { Quarter } from './domain.ts';
import { districtEnvironmentScorecard } from '../../../policy/scorecards/index.ts';
import { enterableIndicators } from '../scorecards/domain.ts';

export interface IndicatorValue {
  value: number;
  /** Optional parts of the value, e.g. new titles by kind. */
  breakdown?: { label: Bilingual; value: number }[];
}

export interface ComputedIndicator {
  id: string;
  measure: number;
  label: Bilingual;
  /** Display unit, e.g. 个 / items. */
  unit: Bilingual;
  /** Whole units (counts are pro-rated down to whole units by the on-track rule). */
  isCount: boolean;
  /** Where the figure comes from: tables and the rule, in words. */
  source: Bilingual;
  /** The value for the quarter: flows for the year up to the quarter's end, stocks on its last day. */
  compute(db: Database, q: Quarter): Promise<IndicatorValue>;
}

const TITLE_LABELS: Record<string, Bilingual> = {
  innovative_sme: { zh: '创新型中小企业', en: 'innovative SME' },
  specialized_sme: { zh: '专精特新中小企业', en: 'specialized SME' },
  little_giant: { zh: '专精特新“小巨人”', en: 'little giant' },
  manufacturing_champion: { zh: '制造业单项冠军', en: 'manufacturing champion' },
  gazelle: { zh: '瞪羚企业', en: 'gazelle' },
  unicorn: { zh: '独角兽企业', en: 'unicorn' },
};

const IN_FORCE = (alias: string, day: string) =>
  `${alias}.recognised_on <= ${day} and (${alias}.valid_until is null or ${alias}.valid_until >= ${day}) and (${alias}.revoked_on is null or ${alias}.revoked_on > ${day})`;

async function one(db: Database, text: string, params: unknown[]): Promise<number> {
  const [r] = await db.query<{ n: string | number | null }>(text, params);
  return Number(r?.n ?? 0);
}

/** Payments recorded (payments.paid_at, Shanghai date) in the year up to the quarter's end, for one clause's cases. */
function paidForClause(clause: string, what: 'amount' | 'count') {
  return (db: Database, q: Quarter) =>
    one(
      db,
      `select ${what === 'amount' ? 'coalesce(sum(p.amount), 0)' : 'count(*)'} as n
         from payments p join cases k on k.id = p.case_id
        where k.clause = $1 and (p.paid_at at time zone 'Asia/Shanghai')::date between $2::date and $3::date`,
      [clause, q.yearFrom, q.to],
    ).then((value) => ({ value }));
}

const ITEMS: Bilingual = { zh: '个', en: 'items' };
const YUAN: Bilingual = { zh: '元', en: 'yuan' };
const LOANS: Bilingual = { zh: '笔', en: 'loans' };

export const INDICATORS: ComputedIndicator[] = [
  {
    id: 'm1.titles_in_force',
    measure: 1,
    label: { zh: '有效期内优质中小企业称号（个）', en: 'Quality titles in force' },
    unit: ITEMS,
    isCount: true,
    source: {
      zh: 'titles 表：季度末日已认定、未过有效期、未撤销的称号数（按称号计，与措施一目标口径一致）',
      en: 'titles: titles recognised by the quarter’s last day, not expired, not revoked on it (counted per title, as the measure-1 target)',
    },
    async compute(db, q) {
      const rows = await db.query<{ kind: string; n: number }>(
        `select t.kind, count(*)::int as n from titles t where ${IN_FORCE('t', '$1::date')} group by t.kind order by t.kind`,
        [q.to],
      );
      return {
        value: rows.reduce((s, r) => s + Number(r.n), 0),
        breakdown: rows.map((r) => ({ label: TITLE_LABELS[r.kind] ?? { zh: r.kind, en: r.kind }, value: Number(r.n) })),
      };
    },
  },
  {
    id: 'm1.new_titles',
    measure: 1,
    label: { zh: '本年新认定称号', en: 'Titles newly recognised this year' },
    unit: ITEMS,
    isCount: true,
    source: {
      zh: 'titles 表：认定日期在本年1月1日至季度末之间的首次认定（recognition = first）',
      en: 'titles: first recognitions dated from 1 January to the quarter’s end',
    },
    async compute(db, q) {
      const rows = await db.query<{ kind: string; n: number }>(
        `select kind, count(*)::int as n from titles
          where recognition = 'first' and recognised_on between $1::date and $2::date group by kind order by kind`,
        [q.yearFrom, q.to],
      );
      return {
        value: rows.reduce((s, r) => s + Number(r.n), 0),
        breakdown: rows.map((r) => ({ label: TITLE_LABELS[r.kind] ?? { zh: r.kind, en: r.kind }, value: Number(r.n) })),
      };
    },
  },
  {
    id: 'm2.rewards_paid',
    measure: 2,
    label: { zh: '本年已兑现奖励金额', en: 'Rewards paid this year' },
    unit: YUAN,
    isCount: false,
    source: {
      zh: 'payments 表关联 cases（条款二）：本年1月1日至季度末的支付金额合计（北京时间）',
      en: 'payments joined to cases of clause 2: amounts paid from 1 January to the quarter’s end (Beijing time)',
    },
    compute: paidForClause('2', 'amount'),
  },
  {
    id: 'm2.rewards_paid_cases',
    measure: 2,
    label: { zh: '本年已兑现奖励笔数', en: 'Reward payments this year' },
    unit: LOANS,
    isCount: true,
    source: {
      zh: 'payments 表关联 cases（条款二）：同上期间的支付笔数',
      en: 'payments of clause-2 cases in the same period, counted',
    },
    compute: paidForClause('2', 'count'),
  },
  {
    id: 'm3.loans_to_quality_smes',
    measure: 3,
    label: { zh: '本年向优质中小企业发放贷款（笔）', en: 'Loans to quality SMEs this year' },
    unit: LOANS,
    isCount: true,
    source: {
      zh: 'financing_loans 表：本年1月1日至季度末发放、放款日借款企业持有有效称号（重点服务名单口径，条款三参数）的贷款笔数',
      en: 'financing_loans granted from 1 January to the quarter’s end to an enterprise holding a title in force on the day (key-service list titles, clause 3 parameter)',
    },
    compute: (db, q) => loansToQualitySmes(db, q, 'count'),
  },
  {
    id: 'm3.loan_amount_to_quality_smes',
    measure: 3,
    label: { zh: '本年向优质中小企业发放贷款金额', en: 'Loan amount to quality SMEs this year' },
    unit: YUAN,
    isCount: false,
    source: { zh: 'financing_loans 表：同上贷款的金额合计', en: 'financing_loans: the same loans, amounts summed' },
    compute: (db, q) => loansToQualitySmes(db, q, 'amount'),
  },
  {
    id: 'm3.ip_pledge_loans',
    measure: 3,
    label: { zh: '本年知识产权质押贷款（笔）', en: 'IP pledge loans this year' },
    unit: LOANS,
    isCount: true,
    source: {
      zh: 'financing_loans 表：本年1月1日至季度末发放、贷款类型为知识产权质押（ip_pledge）的贷款笔数',
      en: 'financing_loans of type ip_pledge granted from 1 January to the quarter’s end',
    },
    compute: async (db, q) => ({
      value: await one(
        db,
        `select count(*) as n from financing_loans where loan_type = 'ip_pledge' and granted_on between $1::date and $2::date`,
        [q.yearFrom, q.to],
      ),
    }),
  },
  {
    id: 'm4.park_support_paid',
    measure: 4,
    label: { zh: '本年园区扶持资金兑现金额', en: 'Park support paid this year' },
    unit: YUAN,
    isCount: false,
    source: {
      zh: 'payments 表关联 cases（条款四）：本年1月1日至季度末的支付金额合计',
      en: 'payments of clause-4 cases from 1 January to the quarter’s end',
    },
    compute: paidForClause('4', 'amount'),
  },
  {
    id: 'm5.carrier_rewards_paid',
    measure: 5,
    label: { zh: '本年载体奖励兑现金额', en: 'Carrier rewards paid this year' },
    unit: YUAN,
    isCount: false,
    source: {
      zh: 'payments 表关联 cases（条款五）：本年1月1日至季度末的支付金额合计',
      en: 'payments of clause-5 cases from 1 January to the quarter’s end',
    },
    compute: paidForClause('5', 'amount'),
  },
  {
    id: 'm5.carriers_in_force',
    measure: 5,
    label: { zh: '有效期内示范基地和服务平台（个）', en: 'Bases and platforms in force' },
    unit: ITEMS,
    isCount: true,
    source: {
      zh: 'carriers 表：类型为示范基地或公共服务示范平台、季度末日已认定且未过有效期的载体数',
      en: 'carriers of kind demo_base or service_platform recognised and not expired on the quarter’s last day',
    },
    compute: async (db, q) => ({
      value: await one(
        db,
        `select count(*) as n from carriers c where c.kind in ('demo_base', 'service_platform')
            and c.recognised_on <= $1::date and (c.valid_until is null or c.valid_until >= $1::date)`,
        [q.to],
      ),
    }),
  },
  {
    id: 'm6.new_clusters',
    measure: 6,
    label: { zh: '本年新认定特色产业集群', en: 'Clusters recognised this year' },
    unit: ITEMS,
    isCount: true,
    source: {
      zh: 'carriers 表：类型为产业集群（cluster）、认定日期在本年1月1日至季度末之间的集群数（任一级别，条款六参数口径）',
      en: 'carriers of kind cluster recognised from 1 January to the quarter’s end, any level (clause 6 parameter)',
    },
    compute: async (db, q) => ({
      value: await one(
        db,
        `select count(*) as n from carriers where kind = 'cluster' and recognised_on between $1::date and $2::date`,
        [q.yearFrom, q.to],
      ),
    }),
  },
  {
    id: 'm9.both_documents_share',
    measure: 9,
    label: { zh: '本年两书同达比例', en: 'Decisions delivered with the notice this year' },
    unit: { zh: '%', en: '%' },
    isCount: false,
    source: {
      zh: 'penalty_decisions 与 penalty_deliveries 表：本年1月1日至季度末作出、需告知的处罚决定中，决定书与告知书同步送达（documents = both）的比例（与信用修复统计口径一致）',
      en: 'penalty_decisions with penalty_deliveries: of the decisions dated from 1 January to the quarter’s end that require a notice, the share delivered with both documents (as the credit statistics)',
    },
    async compute(db, q) {
      const [r] = await db.query<{ required: number; both: number }>(
        `select count(*)::int as required, count(*) filter (where v.documents = 'both')::int as both
           from penalty_decisions d left join penalty_deliveries v on v.decision_id = d.id
          where d.notice_required and d.decision_date between $1::date and $2::date`,
        [q.yearFrom, q.to],
      );
      const required = Number(r?.required ?? 0);
      const both = Number(r?.both ?? 0);
      return {
        // A share in per cent, one decimal; no decision requiring a notice counts as fully done.
        value: required === 0 ? 100 : Math.round((both / required) * 1000) / 10,
        breakdown: [
          { label: { zh: '需告知的决定', en: 'decisions requiring a notice' }, value: required },
          { label: { zh: '两书同达', en: 'delivered with the notice' }, value: both },
        ],
      };
    },
  },
  {
    id: 'm9.decisions_delivered',
    measure: 9,
    label: { zh: '本年已送达需告知的处罚决定', en: 'Decisions requiring a notice delivered this year' },
    unit: ITEMS,
    isCount: true,
    source: {
      zh: 'penalty_decisions 与 penalty_deliveries 表：同上期间需告知且已登记送达的决定数',
      en: 'the same decisions with a delivery recorded',
    },
    compute: async (db, q) => ({
      value: await one(
        db,
        `select count(*) as n from penalty_decisions d join penalty_deliveries v on v.decision_id = d.id
          where d.notice_required and d.decision_date between $1::date and $2::date`,
        [q.yearFrom, q.to],
      ),
    }),
  },
  // ---- appended at merge: indicators from the IP, events, innovation and competition modules ----
  {
    id: 'm10.ip_pledge_financing',
    measure: 10,
    label: { zh: '知识产权质押融资金额', en: 'IP pledge financing' },
    unit: YUAN,
    isCount: false,
    source: {
      zh: 'financing_loans 表：本年1月1日至季度末发放、贷款类型为知识产权质押（ip_pledge）的贷款金额合计（质押物见 ip_pledges）',
      en: 'financing_loans of type ip_pledge granted from 1 January to the quarter’s end, amounts summed (pledged items in ip_pledges)',
    },
    compute: async (db, q) => ({
      value: await one(
        db,
        `select coalesce(sum(amount), 0) as n from financing_loans where loan_type = 'ip_pledge' and granted_on between $1::date and $2::date`,
        [q.yearFrom, q.to],
      ),
    }),
  },
  {
    id: 'm11.matchmaking_events',
    measure: 11,
    label: { zh: '供需对接活动', en: 'Matchmaking events' },
    unit: { zh: '场', en: 'events' },
    isCount: true,
    source: {
      zh: 'events 表：类型为供需对接（matchmaking）、已发布或已结束、开始日期（北京时间）在本年1月1日至季度末的活动场次',
      en: 'events of kind matchmaking, published or closed, starting (Shanghai date) from 1 January to the quarter’s end',
    },
    compute: async (db, q) => ({
      value: await one(
        db,
        `select count(*) as n from events where kind = 'matchmaking' and status in ('published', 'closed')
            and (starts_at at time zone 'Asia/Shanghai')::date between $1::date and $2::date`,
        [q.yearFrom, q.to],
      ),
    }),
  },
  {
    id: 'm11.programme_attendances',
    measure: 11,
    label: { zh: '管理人才培训及交流签到人次', en: 'Talent programme attendances' },
    unit: { zh: '人次', en: 'attendances' },
    isCount: true,
    source: {
      zh: 'event_enrolments 表：本年1月1日至季度末开始的课程、走访和交流会（course/visit/exchange_meeting）中已签到的报名',
      en: 'event_enrolments checked in at courses, visits and exchange meetings starting from 1 January to the quarter’s end',
    },
    compute: async (db, q) => ({
      value: await one(
        db,
        `select count(*) as n from event_enrolments r join events e on e.id = r.event_id
          where r.checked_in_at is not null and e.kind in ('course', 'visit', 'exchange_meeting')
            and (e.starts_at at time zone 'Asia/Shanghai')::date between $1::date and $2::date`,
        [q.yearFrom, q.to],
      ),
    }),
  },
  {
    id: 'm12.jiebang_contracts',
    measure: 12,
    label: { zh: '“揭榜”签约项目', en: '揭榜 contracts signed' },
    unit: { zh: '项', en: 'projects' },
    isCount: true,
    source: {
      zh: 'tech_applications 表：签约日期在本年1月1日至季度末的揭榜申请（已签约或已完成）',
      en: 'tech_applications with a contract signed from 1 January to the quarter’s end (contracted or completed)',
    },
    compute: async (db, q) => {
      const rows = await db.query<{ n: number; amount: string | number }>(
        `select count(*)::int as n, coalesce(sum(contract_amount), 0) as amount from tech_applications
          where contract_signed_on between $1::date and $2::date`,
        [q.yearFrom, q.to],
      );
      return {
        value: Number(rows[0]?.n ?? 0),
        breakdown: [{ label: { zh: '合同金额（元）', en: 'Contract amount (yuan)' }, value: Number(rows[0]?.amount ?? 0) }],
      };
    },
  },
  {
    id: 'm13.projects_recommended',
    measure: 13,
    label: { zh: '推荐参加省赛、国赛项目', en: 'Projects recommended to higher rounds' },
    unit: { zh: '项', en: 'projects' },
    isCount: true,
    source: {
      zh: 'competition_results 表：本年1月1日至季度末发布（北京时间）的赛段结果中带推荐等次（省赛/国赛）的项目数（同一项目只计一次）',
      en: 'competition_results with a recommendation (provincial/national) in stages published from 1 January to the quarter’s end; each project once',
    },
    compute: async (db, q) => ({
      value: await one(
        db,
        `select count(distinct r.entry_id) as n from competition_results r join competition_stages s on s.id = r.stage_id
          where r.recommendation is not null and s.published_at is not null
            and (s.published_at at time zone 'Asia/Shanghai')::date between $1::date and $2::date`,
        [q.yearFrom, q.to],
      ),
    }),
  },
  // ---- scorecards (issue 11): measures 7 and 8 ----
  {
    id: 'm7.digital_level_assessed',
    measure: 7,
    label: { zh: '本年完成数字化水平评测的企业', en: 'Enterprises assessed for digital level this year' },
    unit: { zh: '家', en: 'enterprises' },
    isCount: true,
    source: {
      zh: 'digital_assessments 表：本年1月1日至季度末提交数字化水平评测（2024年版问卷）的企业数，按其期间内最近一次评测的等级分列',
      en: 'digital_assessments: enterprises that submitted the digital-level questionnaire from 1 January to the quarter’s end, by the level of their latest one',
    },
    async compute(db, q) {
      const rows = await db.query<{ level: number; n: number }>(
        `select level, count(*)::int as n from (
           select distinct on (enterprise_id) enterprise_id, level from digital_assessments
            where assessed_on between $1::date and $2::date order by enterprise_id, assessed_on desc, id desc) x
          group by level order by level`,
        [q.yearFrom, q.to],
      );
      return {
        value: rows.reduce((s, r) => s + Number(r.n), 0),
        breakdown: rows.map((r) => ({
          label:
            Number(r.level) === 0
              ? { zh: '未达一级', en: 'below level 1' }
              : { zh: `${'一二三四'[Number(r.level) - 1]}级`, en: `level ${r.level}` },
          value: Number(r.n),
        })),
      };
    },
  },
  {
    id: 'm8.districts_assessed',
    measure: 8,
    label: { zh: '完成发展环境评估的区县', en: 'Districts assessed' },
    unit: ITEMS,
    isCount: true,
    source: {
      zh: 'scorecard_values 表：上一年度应填报指标（发展环境评估指标体系中非平台计算的指标）全部填报的区县数（本年开展的是上一年度评估）',
      en: 'scorecard_values: districts that entered every indicator to enter for the previous year (this year assesses the last one)',
    },
    async compute(db, q) {
      const year = q.year - 1;
      const required = enterableIndicators(districtEnvironmentScorecard(`${year}-12-31`).dimensions, 'district').map((i) => i.id);
      return {
        value: await one(
          db,
          `select count(*) as n from (
             select unit_code from scorecard_values
              where unit_kind = 'district' and year = $1 and indicator_id = any($2::text[])
              group by unit_code having count(distinct indicator_id) = $3) x`,
          [year, `{${required.join(',')}}`, required.length],
        ),
      };
    },
  },
];

async function loansToQualitySmes(db: Database, q: Quarter, what: 'count' | 'amount'): Promise<IndicatorValue> {
  const kinds = valueAt(clause3KeyListTitleKinds, q.to)?.value ?? [];
  const value = await one(
    db,
    `select ${what === 'count' ? 'count(*)' : 'coalesce(sum(l.amount), 0)'} as n from financing_loans l
      where l.granted_on between $1::date and $2::date
        and exists (select 1 from titles t where t.enterprise_id = l.enterprise_id and t.kind::text = any($3::text[])
                      and ${IN_FORCE('t', 'l.granted_on')})`,
    [q.yearFrom, q.to, `{${kinds.join(',')}}`],
  );
  return { value };
}

export function computedIndicator(id: string): ComputedIndicator | undefined {
  return INDICATORS.find((i) => i.id === id);
}
