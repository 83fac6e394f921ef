/**
 * Event statistics (by district, by title, by industry, by kind) with their workbook, and
 * `programmeTotals(year)`: the figures of Measure 十一's talent programme for one edition, for the
 * measures progress report (another module calls it; it takes no principal — the caller decides
 * who sees the report).
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Database } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { sheetOf, toXlsxBook } from '../../shared/xlsx.ts';
import { INDUSTRIES, TITLE_KINDS } from '../registry/reference.ts';
import { eventStatsScope, type Principal } from '../access/principal.ts';
import { EVENT_KINDS, EVENT_KIND_LABELS, PROGRAMME_KINDS, type EventKind } from './domain.ts';

export interface StatLine {
  key: string;
  label: string;
  /** The same group's name in English, for the English interface. */
  labelEn: string;
  enrolled: number;
  confirmed: number;
  attended: number;
  enterprises: number;
  averageRating: number | null;
}

export interface EventStats {
  year: number | null;
  kind: EventKind | null;
  totals: StatLine & { events: number; intentions: number; contracts: number; contractAmount: number };
  byKind: (StatLine & { events: number })[];
  byUnit: StatLine[];
  byTitle: StatLine[];
  byIndustry: StatLine[];
}

interface Filter {
  year?: number | undefined;
  kind?: EventKind | undefined;
}

function eventFilter(f: Filter): SQL {
  const c = [sql`ev.status in ('published', 'closed')`];
  if (f.year)
    c.push(sql`coalesce(ev.programme_year, extract(year from ev.starts_at at time zone 'Asia/Shanghai')::int) = ${f.year}`);
  if (f.kind) c.push(sql`ev.kind = ${f.kind}`);
  return sql.join(c, sql` and `);
}

const MEASURES = sql`count(*) filter (where n.status <> 'cancelled')::int as enrolled,
  count(*) filter (where n.status = 'confirmed')::int as confirmed,
  count(*) filter (where n.checked_in_at is not null)::int as attended,
  count(distinct n.enterprise_id) filter (where n.status <> 'cancelled')::int as enterprises,
  round(avg(f.rating)::numeric, 2)::float8 as average_rating`;

interface Row {
  key: string | null;
  enrolled: number;
  confirmed: number;
  attended: number;
  enterprises: number;
  average_rating: number | null;
}

const line = (r: Row, label: string, labelEn: string): StatLine => ({
  key: r.key ?? '',
  label,
  labelEn,
  enrolled: Number(r.enrolled),
  confirmed: Number(r.confirmed),
  attended: Number(r.attended),
  enterprises: Number(r.enterprises),
  averageRating: r.average_rating === null ? null : Number(r.average_rating),
});

export async function eventStats(database: Database, p: Principal, f: Filter, today: string): Promise<EventStats> {
  const scope = eventStatsScope(p);
  if (!scope) throw new AppError('not_found');
  const unit = scope.kind === 'unit' ? sql`e.unit_code = ${scope.unitCode}` : sql`true`;
  const base = sql`from event_enrolments n join events ev on ev.id = n.event_id join enterprises e on e.id = n.enterprise_id
                   left join event_feedback f on f.enrolment_id = n.id where ${eventFilter(f)} and ${unit}`;
  const db = database.db;
  const [tot] = await rowsOf<Row & { events: number; intentions: number; contracts: number; contract_amount: number }>(
    db,
    sql`select 'all' as key, ${MEASURES}, count(distinct ev.id)::int as events, coalesce(sum(f.intentions), 0)::int as intentions,
               coalesce(sum(f.contracts), 0)::int as contracts, coalesce(sum(f.contract_amount), 0)::bigint as contract_amount ${base}`,
  );
  const byKindRows = await rowsOf<Row & { events: number }>(
    db,
    sql`select ev.kind::text as key, ${MEASURES}, count(distinct ev.id)::int as events ${base} group by ev.kind`,
  );
  const byUnitRows = await rowsOf<Row>(db, sql`select e.unit_code as key, ${MEASURES} ${base} group by e.unit_code`);
  const units = await rowsOf<{ code: string; name_zh: string; name_en: string; sort: number }>(
    db,
    sql`select code, name_zh, name_en, sort from units`,
  );
  const unitName = new Map(units.map((u) => [u.code, u]));
  // Titles in force today: an enterprise with two titles counts under both (the titles are the groups).
  const titleRows = await rowsOf<Row>(
    db,
    sql`select coalesce(tk.kind, 'none') as key, ${MEASURES}
          from event_enrolments n join events ev on ev.id = n.event_id join enterprises e on e.id = n.enterprise_id
          left join event_feedback f on f.enrolment_id = n.id
          left join lateral (select distinct t.kind::text as kind from titles t where t.enterprise_id = e.id and t.recognised_on <= ${today}::date
                               and (t.valid_until is null or t.valid_until >= ${today}::date) and (t.revoked_on is null or t.revoked_on > ${today}::date)) tk on true
         where ${eventFilter(f)} and ${unit} group by coalesce(tk.kind, 'none')`,
  );
  const industryRows = await rowsOf<Row>(db, sql`select e.industry_code as key, ${MEASURES} ${base} group by e.industry_code`);
  const industryName = new Map(INDUSTRIES.map((i) => [i.code, i]));
  const titleName = new Map<string, { zh: string; en: string }>(TITLE_KINDS.map((t) => [t.id, t]));
  const sortDesc = (a: StatLine, b: StatLine) => b.attended - a.attended || b.enrolled - a.enrolled || a.key.localeCompare(b.key);
  return {
    year: f.year ?? null,
    kind: f.kind ?? null,
    totals: {
      ...line(tot!, '合计', 'Total'),
      events: Number(tot!.events),
      intentions: Number(tot!.intentions),
      contracts: Number(tot!.contracts),
      contractAmount: Number(tot!.contract_amount),
    },
    byKind: EVENT_KINDS.map((k) => {
      const r = byKindRows.find((x) => x.key === k);
      const l = line(
        r ?? { key: k, enrolled: 0, confirmed: 0, attended: 0, enterprises: 0, average_rating: null },
        EVENT_KIND_LABELS[k].zh,
        EVENT_KIND_LABELS[k].en,
      );
      return { ...l, events: Number(r?.events ?? 0) };
    }),
    byUnit: byUnitRows
      .map((r) => line(r, unitName.get(r.key ?? '')?.name_zh ?? r.key ?? '', unitName.get(r.key ?? '')?.name_en ?? r.key ?? ''))
      .sort((a, b) => (units.find((u) => u.code === a.key)?.sort ?? 99) - (units.find((u) => u.code === b.key)?.sort ?? 99)),
    byTitle: titleRows
      .map((r) =>
        r.key === 'none'
          ? line(r, '无有效称号', 'No title in force')
          : line(r, titleName.get(r.key ?? '')?.zh ?? r.key ?? '', titleName.get(r.key ?? '')?.en ?? r.key ?? ''),
      )
      .sort((a, b) => Number(a.key === 'none') - Number(b.key === 'none') || sortDesc(a, b)),
    byIndustry: industryRows
      .map((r) =>
        line(
          r,
          `${r.key} ${industryName.get(r.key ?? '')?.zh ?? ''}`.trim(),
          `${r.key} ${industryName.get(r.key ?? '')?.en ?? ''}`.trim(),
        ),
      )
      .sort(sortDesc),
  };
}

export async function statsWorkbook(s: EventStats): Promise<Buffer> {
  const cols = (first: string) => [
    { header: first, width: 30, value: (r: StatLine) => r.label },
    { header: '报名', value: (r: StatLine) => r.enrolled },
    { header: '确认席位', value: (r: StatLine) => r.confirmed },
    { header: '签到参加', value: (r: StatLine) => r.attended },
    { header: '企业数', value: (r: StatLine) => r.enterprises },
    { header: '平均评分', value: (r: StatLine) => r.averageRating },
  ];
  return toXlsxBook([
    sheetOf(
      '按活动类型',
      [...cols('活动类型'), { header: '活动场次', value: (r: StatLine & { events?: number }) => r.events ?? null }],
      [...s.byKind, s.totals],
    ),
    sheetOf('按区县', cols('区县/功能区'), s.byUnit),
    sheetOf('按称号', cols('企业称号（现行有效）'), s.byTitle),
    sheetOf('按行业', cols('行业（GB/T 4754）'), s.byIndustry),
  ]);
}

// ---------- the programme's totals (Measure 十一) ----------

export interface ProgrammeTotals {
  year: number;
  title: string | null;
  /** Held = published or closed, and started by `asOf`. */
  sessions: Record<'course' | 'visit' | 'exchange_meeting', { planned: number; held: number }>;
  matchmaking: { held: number; intentions: number; contracts: number; contractAmount: number };
  enrolled: number;
  attended: number;
  /** Distinct enterprises with at least one attended session, and of them those holding 专精特新 or 小巨人 in force. */
  enterprisesAttended: number;
  specialisedEnterprisesAttended: number;
  certificates: number;
  averageRating: number | null;
  feedbackCount: number;
}

/** The talent programme's figures for one edition. */
export async function programmeTotals(database: Database, year: number, asOf: Date = new Date()): Promise<ProgrammeTotals> {
  const db = database.db;
  const kinds = `{${PROGRAMME_KINDS.join(',')}}`;
  const day = asOf.toISOString().slice(0, 10);
  const [ed] = await rowsOf<{ title: string }>(db, sql`select title from programme_editions where year = ${year}`);
  const sessionRows = await rowsOf<{ kind: string; planned: number; held: number }>(
    db,
    sql`select kind::text as kind, count(*)::int as planned, count(*) filter (where starts_at <= ${asOf})::int as held
          from events where programme_year = ${year} and status in ('published', 'closed') group by kind`,
  );
  const [mm] = await rowsOf<{ held: number; intentions: number; contracts: number; contract_amount: number }>(
    db,
    sql`select count(distinct ev.id) filter (where ev.starts_at <= ${asOf})::int as held, coalesce(sum(f.intentions), 0)::int as intentions,
               coalesce(sum(f.contracts), 0)::int as contracts, coalesce(sum(f.contract_amount), 0)::bigint as contract_amount
          from events ev left join event_enrolments n on n.event_id = ev.id left join event_feedback f on f.enrolment_id = n.id
         where ev.kind = 'matchmaking' and ev.status in ('published', 'closed')
           and coalesce(ev.programme_year, extract(year from ev.starts_at at time zone 'Asia/Shanghai')::int) = ${year}`,
  );
  const [p] = await rowsOf<{
    enrolled: number;
    attended: number;
    ents: number;
    spec: number;
    certs: number;
    avg: number | null;
    fb: number;
  }>(
    db,
    sql`select count(*) filter (where n.status <> 'cancelled')::int as enrolled,
               count(*) filter (where n.checked_in_at is not null)::int as attended,
               count(distinct n.enterprise_id) filter (where n.checked_in_at is not null)::int as ents,
               count(distinct n.enterprise_id) filter (where n.checked_in_at is not null and exists (
                 select 1 from titles t where t.enterprise_id = n.enterprise_id and t.kind in ('specialized_sme', 'little_giant')
                   and t.recognised_on <= ${day}::date and (t.valid_until is null or t.valid_until >= ${day}::date)
                   and (t.revoked_on is null or t.revoked_on > ${day}::date)))::int as spec,
               count(n.certificate_no)::int as certs,
               round(avg(f.rating)::numeric, 2)::float8 as avg, count(f.rating)::int as fb
          from events ev join event_enrolments n on n.event_id = ev.id left join event_feedback f on f.enrolment_id = n.id
         where ev.programme_year = ${year} and ev.kind::text = any(${kinds}::text[]) and ev.status in ('published', 'closed')`,
  );
  const s = (k: string) => {
    const r = sessionRows.find((x) => x.kind === k);
    return { planned: Number(r?.planned ?? 0), held: Number(r?.held ?? 0) };
  };
  return {
    year,
    title: ed?.title ?? null,
    sessions: { course: s('course'), visit: s('visit'), exchange_meeting: s('exchange_meeting') },
    matchmaking: {
      held: Number(mm?.held ?? 0),
      intentions: Number(mm?.intentions ?? 0),
      contracts: Number(mm?.contracts ?? 0),
      contractAmount: Number(mm?.contract_amount ?? 0),
    },
    enrolled: Number(p?.enrolled ?? 0),
    attended: Number(p?.attended ?? 0),
    enterprisesAttended: Number(p?.ents ?? 0),
    specialisedEnterprisesAttended: Number(p?.spec ?? 0),
    certificates: Number(p?.certs ?? 0),
    averageRating: p?.avg === null || p?.avg === undefined ? null : Number(p.avg),
    feedbackCount: Number(p?.fb ?? 0),
  };
}

/** The enrolment list of one event as a workbook, participants masked as in every list. */
export async function enrolmentsWorkbook(
  title: string,
  rows: {
    enterpriseName: string;
    participant: { name: string; phone: string; position: string };
    status: string;
    waitingPosition: number | null;
    priority: number;
    checkedInAt: string | null;
    certificateNo: string | null;
    feedbackRating: number | null;
  }[],
): Promise<Buffer> {
  const STATUS: Record<string, string> = { confirmed: '已确认', waitlisted: '候补', cancelled: '已取消' };
  type R = (typeof rows)[number];
  return toXlsxBook([
    {
      ...sheetOf<R>(
        '报名名单',
        [
          { header: '企业', width: 36, value: (r) => r.enterpriseName },
          { header: '参加人', value: (r) => r.participant.name },
          { header: '职务', value: (r) => r.participant.position },
          { header: '电话', value: (r) => r.participant.phone },
          { header: '报名状态', value: (r) => STATUS[r.status] ?? r.status },
          { header: '候补顺位', value: (r) => r.waitingPosition },
          { header: '优先级', value: (r) => r.priority },
          { header: '签到时间', width: 22, value: (r) => r.checkedInAt },
          { header: '证书编号', width: 24, value: (r) => r.certificateNo },
          { header: '评分', value: (r) => r.feedbackRating },
        ],
        rows,
      ),
      print: { title },
    },
  ]);
}
