/**
 * Synthetic events for the demo data set: the management talent programme's 2025 and 2026
 * editions (courses, visits to leading enterprises, exchange meetings), matchmaking events and
 * events of the SME innovation exchange centre; enrolments (participants SM4-encrypted), check-ins,
 * certificates and feedback for the events held before `asOf`, an upcoming course that is full
 * with a waiting list, and a draft. Deterministic for a seed.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client.ts';
import { arrayLiteral, unnestInsert } from '../../db/bulk.ts';
import type { PersonalDataCipher } from '../../shared/crypto.ts';
import { certificateNumber, type EventKind, type TargetRule } from '../events/domain.ts';
import { newNonce } from '../events/checkin.ts';
import { Rng } from './prng.ts';
import { GIVEN_CHARS, MOBILE_PREFIXES, SURNAMES } from './vocabulary.ts';

const HOSTS = [
  '山东重工集团有限公司',
  '浪潮集团有限公司',
  '济南二机床集团有限公司',
  '中国重汽集团济南卡车股份有限公司',
  '齐鲁制药有限公司',
  '山东高速集团有限公司',
];
const PLACES = [
  '济南新动能中小企业创新交流中心（历下区经十路）',
  '山东大学管理学院（历城区）',
  '济南市工业和信息化局三楼会议室',
  '齐鲁软件园大厦（高新区）',
  '济南国际会展中心（槐荫区）',
];
const COURSES = [
  '专精特新企业战略管理研修班',
  '中小企业数字化转型与智能制造专题培训',
  '企业财务管理与资本市场对接培训',
  '知识产权布局与高价值专利培育',
  '精益生产与质量管理实务',
  '企业家领导力与组织变革',
  '出海经营与国际合规专题',
];
const MEETINGS = ['领军企业与专精特新企业配套交流会', '国有企业与中小微企业协同创新座谈会', '产业链上下游协作交流会'];
const MATCHMAKING = [
  '高端装备产业链供需对接会',
  '生物医药产业供需对接活动',
  '新一代信息技术产品供需对接会',
  '新能源汽车零部件配套对接会',
];
const CENTRE = ['创新交流中心·优质中小企业梯度培育政策解读会', '创新交流中心·数字化赋能沙龙', '创新交流中心·国际创新合作交流会'];
const POSITIONS = ['总经理', '董事长', '副总经理', '财务总监', '技术总监', '生产经理', '人力资源经理', '总工程师'];
const COMMENTS = [
  '课程内容实用，案例贴近企业实际',
  '希望增加实地参观环节',
  '讲师水平高，收获很大',
  '时间安排紧凑，建议延长讨论时间',
  '对接精准，已与两家企业建立联系',
  '',
];

const SPECIALISED: TargetRule[] = [
  { kind: 'title', titles: ['specialized_sme', 'little_giant'], effect: 'priority', weight: 20 },
];

interface Plan {
  kind: EventKind;
  title: string;
  year: number | null;
  start: string;
  days: number;
  capacity: number;
  host: string;
  place: string;
  rules: TargetRule[];
  status: 'draft' | 'published' | 'closed';
  /** How many enrol, as a share of capacity (above 1: a waiting list). */
  fill: number;
}

function plans(rng: Rng, asOf: string): Plan[] {
  const out: Plan[] = [];
  const month = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  for (const year of [2025, 2026]) {
    const months = [3, 4, 5, 6, 7, 9, 10, 11];
    COURSES.slice(0, year === 2025 ? 6 : 7).forEach((t, i) =>
      out.push({
        kind: 'course',
        title: `${t}（${year}年第${i + 1}期）`,
        year,
        start: month(year, months[i % months.length]!, 8 + rng.int(0, 15)),
        days: rng.int(1, 3),
        capacity: rng.pick([40, 50, 60]),
        host: rng.pick(['山东大学管理学院', '济南市中小企业服务中心', '山东财经大学']),
        place: rng.pick(PLACES),
        rules: SPECIALISED,
        status: 'published',
        fill: rng.real(0.75, 1),
      }),
    );
    for (let i = 0; i < 3; i++)
      out.push({
        kind: 'visit',
        title: `走进${HOSTS[(i + year) % HOSTS.length]!.replace(/有限公司|股份有限公司/, '')}`,
        year,
        start: month(year, 4 + i * 2, 12 + rng.int(0, 10)),
        days: 1,
        capacity: 30,
        host: HOSTS[(i + year) % HOSTS.length]!,
        place: `${HOSTS[(i + year) % HOSTS.length]}厂区`,
        rules: SPECIALISED,
        status: 'published',
        fill: rng.real(0.8, 1),
      });
    MEETINGS.forEach((t, i) =>
      out.push({
        kind: 'exchange_meeting',
        title: `${t}（${year}）`,
        year,
        start: month(year, 5 + i * 2, 15 + rng.int(0, 10)),
        days: 1,
        capacity: 80,
        host: HOSTS[(i + 2) % HOSTS.length]!,
        place: rng.pick(PLACES),
        rules: [],
        status: 'published',
        fill: rng.real(0.6, 0.95),
      }),
    );
    MATCHMAKING.slice(year === 2025 ? 0 : 2, year === 2025 ? 2 : 4).forEach((t, i) =>
      out.push({
        kind: 'matchmaking',
        title: `${t}（${year}）`,
        year: null,
        start: month(year, 6 + i * 3, 18),
        days: 1,
        capacity: 120,
        host: HOSTS[i % HOSTS.length]!,
        place: '济南国际会展中心（槐荫区）',
        rules: [],
        status: 'published',
        fill: rng.real(0.5, 0.8),
      }),
    );
    CENTRE.forEach((t, i) =>
      out.push({
        kind: 'exchange_centre',
        title: `${t}（${year}）`,
        year: null,
        start: month(year, 3 + i * 3, 20),
        days: 1,
        capacity: 100,
        host: '济南新动能中小企业创新交流中心',
        place: PLACES[0]!,
        rules: [],
        status: 'published',
        fill: rng.real(0.4, 0.8),
      }),
    );
  }
  const y = Number(asOf.slice(0, 4));
  const next = (days: number) => new Date(Date.parse(asOf + 'T00:00:00Z') + days * 86400000).toISOString().slice(0, 10);
  // Upcoming: a course already full (a waiting list), a visit with seats left, a matchmaking event, a draft.
  out.push({
    kind: 'course',
    title: `专精特新企业高层管理者研修班（${y}年冬季班）`,
    year: y,
    start: next(12),
    days: 2,
    capacity: 30,
    host: '山东大学管理学院',
    place: PLACES[1]!,
    rules: SPECIALISED,
    status: 'published',
    fill: 1.2,
  });
  out.push({
    kind: 'visit',
    title: '走进浪潮集团：数字化工厂观摩',
    year: y,
    start: next(20),
    days: 1,
    capacity: 25,
    host: '浪潮集团有限公司',
    place: '浪潮集团济南生产基地',
    rules: SPECIALISED,
    status: 'published',
    fill: 0.5,
  });
  out.push({
    kind: 'matchmaking',
    title: '高端装备产业链供需对接会（冬季场）',
    year: null,
    start: next(25),
    days: 1,
    capacity: 150,
    host: '济南二机床集团有限公司',
    place: '济南国际会展中心（槐荫区）',
    rules: [],
    status: 'published',
    fill: 0.3,
  });
  out.push({
    kind: 'exchange_meeting',
    title: `${y}年度人才工程总结暨优秀学员交流会`,
    year: y,
    start: next(30),
    days: 1,
    capacity: 100,
    host: '济南市中小企业服务中心',
    place: PLACES[2]!,
    rules: [],
    status: 'draft',
    fill: 0,
  });
  return out;
}

function personName(rng: Rng): string {
  const s = rng.weightedPairs(SURNAMES);
  const n = rng.chance(0.6) ? 2 : 1;
  let g = '';
  for (let i = 0; i < n; i++) g += rng.pick(GIVEN_CHARS);
  return s + g;
}

function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

export async function seedEvents(
  tx: Tx,
  opts: { seed: number; asOf: string; cipher: PersonalDataCipher },
): Promise<{ events: number; enrolments: number }> {
  const rng = new Rng(opts.seed).fork('events');
  await tx.execute(sql`insert into programme_editions (year, title, theme) values
    (2025, '2025年度济南市企业经营管理人才素质提升工程', '战略管理与数字化转型'),
    (2026, '2026年度济南市企业经营管理人才素质提升工程', '专精特新与大中小企业融通')`);
  const candidates = await rowsOf<{ id: number; spec: boolean }>(
    tx,
    sql`select e.id, exists (select 1 from titles t where t.enterprise_id = e.id and t.kind in ('specialized_sme', 'little_giant') and t.revoked_on is null) as spec
          from enterprises e order by e.id limit 3000`,
  );
  const [demo] = await rowsOf<{ enterprise_id: number; id: number }>(
    tx,
    sql`select id, enterprise_id from users where username = 'enterprise'`,
  );
  const [city] = await rowsOf<{ id: number }>(tx, sql`select id from users where username = 'city'`);
  const demoEnterprise = demo?.enterprise_id ? Number(demo.enterprise_id) : null;
  const asOfTime = Date.parse(opts.asOf + 'T12:00:00+08:00');
  let enrolments = 0;
  const all = plans(rng, opts.asOf);
  for (const [i, p] of all.entries()) {
    const startsAt = `${p.start}T09:00:00+08:00`;
    const endDay = new Date(Date.parse(p.start + 'T00:00:00Z') + (p.days - 1) * 86400000).toISOString().slice(0, 10);
    const endsAt = `${endDay}T17:00:00+08:00`;
    const past = Date.parse(endsAt) < asOfTime;
    const status = p.status === 'published' && past ? 'closed' : p.status;
    const [row] = await rowsOf<{ id: number }>(
      tx,
      sql`insert into events (kind, title, description, programme_year, starts_at, ends_at, enrolment_closes_at, place, capacity, host_name,
                              target_rules, status, created_by, published_at)
          values (${p.kind}, ${p.title}, ${`${p.host}承办。面向我市中小企业经营管理人员${p.rules.length ? '，专精特新企业优先' : ''}。`}, ${p.year}, ${startsAt}, ${endsAt},
                  ${startsAt}, ${p.place}, ${p.capacity}, ${p.host}, ${JSON.stringify(p.rules)}::jsonb, ${status}, ${city?.id ?? null},
                  ${status === 'draft' ? null : new Date(Date.parse(startsAt) - 30 * 86400000)})
          returning id`,
    );
    const eventId = Number(row!.id);
    if (p.status === 'draft' || candidates.length === 0) continue;
    const wanted = Math.min(candidates.length, Math.round(p.capacity * p.fill));
    // Specialised firms are more likely to come to programme events.
    const chosen = new Set<number>();
    if (demoEnterprise !== null && (past ? i % 3 === 0 : i === all.length - 4)) chosen.add(demoEnterprise);
    for (let guard = 0; chosen.size < wanted && guard < wanted * 20; guard++) {
      const c = rng.pick(candidates);
      if (!c.spec && p.rules.length > 0 && rng.chance(0.5)) continue;
      chosen.add(Number(c.id));
    }
    const rows: unknown[][] = [];
    const feedback: { idx: number; rating: number; comment: string; intentions: number; contracts: number; amount: number }[] =
      [];
    let seats = 0;
    const enrolledBase = Date.parse(startsAt) - 20 * 86400000;
    [...chosen].forEach((enterpriseId, k) => {
      const spec = candidates.find((c) => Number(c.id) === enterpriseId)?.spec ?? false;
      const enrolledAt = new Date(enrolledBase + k * 3600_000);
      const cancelled = past && rng.chance(0.04) && enterpriseId !== demoEnterprise;
      const confirmed = !cancelled && seats < p.capacity;
      if (confirmed) seats++;
      const status = cancelled ? 'cancelled' : confirmed ? 'confirmed' : 'waitlisted';
      const attended = past && confirmed && (enterpriseId === demoEnterprise || rng.chance(0.86));
      const enrolmentIndex = rows.length;
      rows.push([
        eventId,
        enterpriseId,
        status,
        spec && p.rules.length ? 20 : 0,
        JSON.stringify(
          spec && p.rules.length
            ? [{ zh: '持有有效称号：specialized_sme、little_giant', en: 'holds a title in force: specialized_sme, little_giant' }]
            : [],
        ),
        opts.cipher.encrypt(personName(rng)),
        opts.cipher.encrypt(mobile(rng)),
        rng.pick(POSITIONS),
        newNonce(),
        enrolledAt.toISOString(),
        confirmed ? enrolledAt.toISOString() : null,
        cancelled ? new Date(enrolledAt.getTime() + 86400000).toISOString() : null,
        attended ? new Date(Date.parse(startsAt) - rng.int(0, 40) * 60000).toISOString() : null,
        attended ? (rng.chance(0.8) ? 'qr' : 'manual') : null,
        attended ? (city?.id ?? null) : null,
      ]);
      if (attended && rng.chance(0.65)) {
        const mm = p.kind === 'matchmaking';
        const contracts = mm && rng.chance(0.3) ? rng.int(1, 2) : 0;
        feedback.push({
          idx: enrolmentIndex,
          rating: rng.weighted([5, 4, 3, 2, 1], [45, 35, 13, 5, 2]),
          comment: rng.pick(COMMENTS),
          intentions: mm ? rng.int(0, 3) : 0,
          contracts,
          amount: contracts ? rng.int(20, 800) * 10_000 : 0,
        });
      }
    });
    if (!rows.length) continue;
    const ids = await unnestInsert(
      tx,
      'event_enrolments',
      [
        ['event_id', 'bigint'],
        ['enterprise_id', 'bigint'],
        ['status', 'enrolment_status'],
        ['priority', 'int'],
        ['priority_reasons', 'jsonb'],
        ['participant_name_enc', 'text'],
        ['participant_phone_enc', 'text'],
        ['participant_position', 'text'],
        ['checkin_nonce', 'text'],
        ['enrolled_at', 'timestamptz'],
        ['confirmed_at', 'timestamptz'],
        ['cancelled_at', 'timestamptz'],
        ['checked_in_at', 'timestamptz'],
        ['checkin_method', 'checkin_method'],
        ['checked_in_by', 'bigint'],
      ],
      rows,
      'id',
    );
    enrolments += rows.length;
    const year = p.year ?? Number(p.start.slice(0, 4));
    // Certificates for most of those who attended (downloaded at least once).
    const attendedIds = ids
      .map((r, k) => ({ id: Number(r.id), attended: rows[k]![12] !== null }))
      .filter((x) => x.attended && rng.chance(0.7));
    if (attendedIds.length)
      await tx.execute(
        sql`update event_enrolments n set certificate_no = v.no, certificate_issued_at = ${new Date(Date.parse(endsAt) + 86400000)}
              from unnest(${arrayLiteral(attendedIds.map((a) => a.id))}::bigint[], ${arrayLiteral(attendedIds.map((a) => certificateNumber(year, p.kind, a.id)))}::text[]) v(id, no)
             where n.id = v.id`,
      );
    if (feedback.length)
      await unnestInsert(
        tx,
        'event_feedback',
        [
          ['enrolment_id', 'bigint'],
          ['rating', 'int'],
          ['comment', 'text'],
          ['intentions', 'int'],
          ['contracts', 'int'],
          ['contract_amount', 'bigint'],
          ['submitted_at', 'timestamptz'],
        ],
        feedback.map((f) => [
          Number(ids[f.idx]!.id),
          f.rating,
          f.comment,
          f.intentions,
          f.contracts,
          f.amount,
          new Date(Date.parse(endsAt) + 2 * 86400000).toISOString(),
        ]),
      );
  }
  return { events: all.length, enrolments };
}
