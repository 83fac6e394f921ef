/**
 * Events service: events and programme editions, enrolments with the waiting list, check-in,
 * certificates, feedback. Every change is one transaction with its audit entry; every read is
 * narrowed by access/principal.ts.
 *
 * Seats: an enrolment locks its event row (`for update`), so concurrent enrolments in one event
 * queue up and each sees the seats the previous one took; the trigger on event_enrolments keeps
 * `events.confirmed_count` and the check `events_seats` refuses anything beyond capacity even if
 * a code path forgot the lock.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type DbOrTx, type Tx } from '../../db/client.ts';
import { arrayLiteral } from '../../db/bulk.ts';
import { AppError, invalid, problem, type Bilingual } from '../../shared/errors.ts';
import { maskName, maskPhone, type PersonalDataCipher } from '../../shared/crypto.ts';
import { todayShanghai } from '../../shared/dates.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import { JINAN_UNITS, SIZE_CLASSES, TITLE_KIND_IDS } from '../registry/reference.ts';
import {
  canCreateEvents,
  canReadEvent,
  canSeeParticipant,
  isEnrollingEnterprise,
  isEventOrganiser,
  type Principal,
} from '../access/principal.ts';
import {
  EVENT_KIND_LABELS,
  canMove,
  certificateNumber,
  checkEvent,
  checkFeedback,
  checkParticipant,
  checkTargetRules,
  enrolmentClosedReason,
  evaluateTargets,
  manualCheckinOpen,
  qrCheckinOpen,
  seatFor,
  shanghaiDay,
  toPromote,
  waitingOrder,
  type EventInput,
  type EventKind,
  type EventStatus,
  type EnrolmentStatus,
  type FeedbackInput,
  type ParticipantInput,
  type TargetRule,
} from './domain.ts';
import { newNonce, readCheckinToken, signCheckinToken } from './checkin.ts';

export interface EventDeps {
  database: Database;
  cipher: PersonalDataCipher;
  checkinKey: Buffer;
}

const actorOf = (p: Principal): Actor => ({ id: p.userId, name: p.username });

function pgCode(e: unknown): string | undefined {
  const err = e as { code?: string; cause?: { code?: string } } | null;
  return err?.code ?? err?.cause?.code;
}

// ---------- rows ----------

interface EventRow {
  id: number;
  kind: EventKind;
  title: string;
  description: string;
  programme_year: number | null;
  programme_title: string | null;
  starts_at: Date | string;
  ends_at: Date | string;
  enrolment_closes_at: Date | string;
  place: string;
  capacity: number;
  confirmed_count: number;
  waitlisted_count?: number;
  attended_count?: number;
  host_name: string;
  host_enterprise_id: number | null;
  target_rules: TargetRule[];
  unit_code: string | null;
  status: EventStatus;
  published_at: Date | string | null;
  version: number;
}

export interface EventView {
  id: number;
  kind: EventKind;
  kindLabel: Bilingual;
  title: string;
  description: string;
  programmeYear: number | null;
  programmeTitle: string | null;
  startsAt: string;
  endsAt: string;
  enrolmentClosesAt: string;
  place: string;
  capacity: number;
  confirmed: number;
  waitlisted: number;
  attended: number;
  seatsLeft: number;
  hostName: string;
  hostEnterpriseId: number | null;
  targetRules: TargetRule[];
  unitCode: string | null;
  status: EventStatus;
  publishedAt: string | null;
  version: number;
  organiser: boolean;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

function eventView(r: EventRow, p: Principal): EventView {
  return {
    id: Number(r.id),
    kind: r.kind,
    kindLabel: EVENT_KIND_LABELS[r.kind],
    title: r.title,
    description: r.description,
    programmeYear: r.programme_year,
    programmeTitle: r.programme_title,
    startsAt: iso(r.starts_at)!,
    endsAt: iso(r.ends_at)!,
    enrolmentClosesAt: iso(r.enrolment_closes_at)!,
    place: r.place,
    capacity: r.capacity,
    confirmed: r.confirmed_count,
    waitlisted: Number(r.waitlisted_count ?? 0),
    attended: Number(r.attended_count ?? 0),
    seatsLeft: r.capacity - r.confirmed_count,
    hostName: r.host_name,
    hostEnterpriseId: r.host_enterprise_id === null ? null : Number(r.host_enterprise_id),
    targetRules: r.target_rules,
    unitCode: r.unit_code,
    status: r.status,
    publishedAt: iso(r.published_at),
    version: r.version,
    organiser: isEventOrganiser(p, { unitCode: r.unit_code }),
  };
}

const EVENT_COLUMNS = sql`ev.id, ev.kind, ev.title, ev.description, ev.programme_year, pe.title as programme_title, ev.starts_at, ev.ends_at,
  ev.enrolment_closes_at, ev.place, ev.capacity, ev.confirmed_count, ev.host_name, ev.host_enterprise_id, ev.target_rules,
  ev.unit_code, ev.status, ev.published_at, ev.version,
  (select count(*) from event_enrolments x where x.event_id = ev.id and x.status = 'waitlisted')::int as waitlisted_count,
  (select count(*) from event_enrolments x where x.event_id = ev.id and x.checked_in_at is not null)::int as attended_count`;

async function loadEvent(db: DbOrTx, id: number, lock = false): Promise<EventRow | undefined> {
  const [row] = await rowsOf<EventRow>(
    db,
    lock
      ? sql`select ev.*, null::text as programme_title from events ev where ev.id = ${id} for update`
      : sql`select ${EVENT_COLUMNS} from events ev left join programme_editions pe on pe.year = ev.programme_year where ev.id = ${id}`,
  );
  return row;
}

async function readableEvent(db: DbOrTx, p: Principal, id: number): Promise<EventRow> {
  const row = await loadEvent(db, id);
  if (!row || !canReadEvent(p, { unitCode: row.unit_code, status: row.status })) throw new AppError('not_found');
  return row;
}

async function organisedEvent(db: DbOrTx, p: Principal, id: number, lock: boolean): Promise<EventRow> {
  const row = await loadEvent(db, id, lock);
  if (!row || !isEventOrganiser(p, { unitCode: row.unit_code })) throw new AppError('not_found');
  return row;
}

// ---------- editions and events ----------

export async function listEditions(
  database: Database,
): Promise<{ year: number; title: string; theme: string; events: number }[]> {
  const rows = await rowsOf<{ year: number; title: string; theme: string; events: number }>(
    database.db,
    sql`select pe.year, pe.title, pe.theme, (select count(*) from events e where e.programme_year = pe.year and e.status <> 'draft')::int as events
          from programme_editions pe order by pe.year desc`,
  );
  return rows.map((r) => ({ ...r, events: Number(r.events) }));
}

export interface EventFilters {
  kind?: EventKind | undefined;
  year?: number | undefined;
  status?: EventStatus | undefined;
  programme?: boolean | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export async function listEvents(
  database: Database,
  p: Principal,
  f: EventFilters,
): Promise<{ items: (EventView & { myEnrolment: { id: number; status: EnrolmentStatus } | null })[]; total: number }> {
  const conds = [sql`true`];
  // Drafts only to their organisers; the rest of the list is public to business roles.
  if (p.role === 'admin') conds.push(sql`false`);
  else if (p.role === 'city_officer') conds.push(sql`true`);
  else if (p.role === 'district_officer') conds.push(sql`(ev.status <> 'draft' or ev.unit_code = ${p.unitCode})`);
  else conds.push(sql`ev.status <> 'draft'`);
  if (f.kind) conds.push(sql`ev.kind = ${f.kind}`);
  if (f.year)
    conds.push(
      sql`(ev.programme_year = ${f.year} or (ev.programme_year is null and extract(year from ev.starts_at at time zone 'Asia/Shanghai') = ${f.year}))`,
    );
  if (f.status) conds.push(sql`ev.status = ${f.status}`);
  if (f.programme) conds.push(sql`ev.programme_year is not null`);
  if (f.q)
    conds.push(
      sql`(ev.title ilike ${'%' + f.q + '%'} or ev.host_name ilike ${'%' + f.q + '%'} or ev.place ilike ${'%' + f.q + '%'})`,
    );
  const where = sql.join(conds, sql` and `);
  const pageSize = f.pageSize ?? 20;
  const offset = ((f.page ?? 1) - 1) * pageSize;
  const enterpriseId = p.role === 'enterprise_user' ? p.enterpriseId : null;
  const rows = await rowsOf<EventRow & { my_id: number | null; my_status: EnrolmentStatus | null }>(
    database.db,
    sql`select ${EVENT_COLUMNS}, my.id as my_id, my.status as my_status
          from events ev left join programme_editions pe on pe.year = ev.programme_year
          left join lateral (select id, status from event_enrolments m where m.event_id = ev.id and m.enterprise_id = ${enterpriseId}
                              order by (m.status <> 'cancelled') desc, m.id desc limit 1) my on true
         where ${where} order by ev.starts_at desc, ev.id desc limit ${pageSize} offset ${offset}`,
  );
  const [count] = await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from events ev where ${where}`);
  return {
    items: rows.map((r) => ({
      ...eventView(r, p),
      myEnrolment: r.my_id === null ? null : { id: Number(r.my_id), status: r.my_status! },
    })),
    total: Number(count?.n ?? 0),
  };
}

function validateEvent(v: EventInput): void {
  const problems = checkEvent(v);
  problems.push(
    ...checkTargetRules(v.targetRules ?? [], {
      titles: TITLE_KIND_IDS,
      units: JINAN_UNITS.map((u) => u.code),
      sizes: SIZE_CLASSES.map((s) => s.id),
    }),
  );
  if (problems.length) throw invalid(...problems);
}

async function checkEdition(tx: DbOrTx, year: number | null | undefined): Promise<void> {
  if (year === null || year === undefined) return;
  const [row] = await rowsOf<{ year: number }>(tx, sql`select year from programme_editions where year = ${year}`);
  if (!row) throw invalid(problem('programmeYear', `没有 ${year} 年度的人才工程`, `there is no programme edition ${year}`));
}

export async function createEvent(database: Database, p: Principal, v: EventInput): Promise<EventView> {
  if (!canCreateEvents(p)) throw new AppError('forbidden');
  validateEvent(v);
  const unitCode = p.role === 'district_officer' ? p.unitCode : null;
  const id = await database.db.transaction(async (tx) => {
    await checkEdition(tx, v.programmeYear);
    const [row] = await rowsOf<{ id: number }>(
      tx,
      sql`insert into events (kind, title, description, programme_year, starts_at, ends_at, enrolment_closes_at, place, capacity,
                              host_name, host_enterprise_id, target_rules, unit_code, created_by)
          values (${v.kind}, ${v.title.trim()}, ${v.description ?? ''}, ${v.programmeYear ?? null}, ${v.startsAt}, ${v.endsAt},
                  ${v.enrolmentClosesAt ?? v.startsAt}, ${v.place.trim()}, ${v.capacity}, ${v.hostName.trim()}, ${v.hostEnterpriseId ?? null},
                  ${JSON.stringify(v.targetRules ?? [])}::jsonb, ${unitCode}, ${p.userId})
          returning id`,
    );
    await recordAudit(tx, actorOf(p), 'events.create', 'event', row!.id, null, { ...v, unitCode });
    return Number(row!.id);
  });
  return eventView((await loadEvent(database.db, id))!, p);
}

/** Edits an event (draft or published) at a known version; more seats promote people waiting. */
export async function updateEvent(
  database: Database,
  p: Principal,
  id: number,
  v: EventInput & { version: number },
): Promise<EventView> {
  validateEvent(v);
  await database.db.transaction(async (tx) => {
    const before = await organisedEvent(tx, p, id, true);
    if (before.version !== v.version) throw new AppError('stale_version');
    if (before.status === 'closed' || before.status === 'cancelled')
      throw invalid(problem('status', '已结束或已取消的活动不能修改', 'a closed or cancelled event cannot be edited'));
    if (v.capacity < before.confirmed_count)
      throw invalid(
        problem(
          'capacity',
          `已有 ${before.confirmed_count} 人确认参加，名额不能少于此数`,
          `${before.confirmed_count} participants are confirmed: capacity cannot be lower`,
        ),
      );
    await checkEdition(tx, v.programmeYear);
    await tx.execute(
      sql`update events set kind = ${v.kind}, title = ${v.title.trim()}, description = ${v.description ?? ''}, programme_year = ${v.programmeYear ?? null},
                 starts_at = ${v.startsAt}, ends_at = ${v.endsAt}, enrolment_closes_at = ${v.enrolmentClosesAt ?? v.startsAt},
                 place = ${v.place.trim()}, capacity = ${v.capacity}, host_name = ${v.hostName.trim()}, host_enterprise_id = ${v.hostEnterpriseId ?? null},
                 target_rules = ${JSON.stringify(v.targetRules ?? [])}::jsonb, version = version + 1
           where id = ${id}`,
    );
    await recordAudit(tx, actorOf(p), 'events.update', 'event', id, before, v);
    await promoteWaiting(tx, id, actorOf(p));
  });
  return eventView((await loadEvent(database.db, id))!, p);
}

export async function setEventStatus(
  database: Database,
  p: Principal,
  id: number,
  to: EventStatus,
  version: number,
): Promise<EventView> {
  await database.db.transaction(async (tx) => {
    const before = await organisedEvent(tx, p, id, true);
    if (before.version !== version) throw new AppError('stale_version');
    if (!canMove(before.status, to))
      throw invalid(
        problem('status', `活动不能从“${before.status}”改为“${to}”`, `an event cannot move from ${before.status} to ${to}`),
      );
    await tx.execute(
      sql`update events set status = ${to}, version = version + 1, published_at = case when ${to} = 'published' then now() else published_at end where id = ${id}`,
    );
    await recordAudit(tx, actorOf(p), `events.${to}`, 'event', id, { status: before.status }, { status: to });
    if (to === 'cancelled') {
      const ids = await rowsOf<{ enterprise_id: number }>(
        tx,
        sql`select distinct enterprise_id from event_enrolments where event_id = ${id} and status <> 'cancelled'`,
      );
      for (const r of ids)
        await notifyEnterprise(
          tx,
          Number(r.enterprise_id),
          { zh: `活动“${before.title}”已取消`, en: `The event '${before.title}' was cancelled` },
          id,
        );
    }
  });
  return eventView((await loadEvent(database.db, id))!, p);
}

// ---------- enrolments ----------

interface EnrolmentRow {
  id: number;
  event_id: number;
  enterprise_id: number;
  enterprise_name: string;
  unit_code: string;
  status: EnrolmentStatus;
  priority: number;
  priority_reasons: Bilingual[];
  participant_name_enc: string;
  participant_phone_enc: string;
  participant_position: string;
  checkin_nonce: string;
  enrolled_at: Date | string;
  confirmed_at: Date | string | null;
  cancelled_at: Date | string | null;
  checked_in_at: Date | string | null;
  checkin_method: 'qr' | 'manual' | null;
  certificate_no: string | null;
  rating: number | null;
}

export interface EnrolmentView {
  id: number;
  eventId: number;
  enterpriseId: number;
  enterpriseName: string;
  status: EnrolmentStatus;
  /** 1-based place on the waiting list, when waiting. */
  waitingPosition: number | null;
  priority: number;
  priorityReasons: Bilingual[];
  participant: { name: string; phone: string; position: string; masked: boolean };
  enrolledAt: string;
  confirmedAt: string | null;
  cancelledAt: string | null;
  checkedInAt: string | null;
  checkinMethod: 'qr' | 'manual' | null;
  certificateNo: string | null;
  feedbackRating: number | null;
}

const ENROLMENT_SELECT = sql`select n.*, e.name as enterprise_name, e.unit_code, f.rating
  from event_enrolments n join enterprises e on e.id = n.enterprise_id left join event_feedback f on f.enrolment_id = n.id`;

function enrolmentView(deps: EventDeps, r: EnrolmentRow, full: boolean, waitingPosition: number | null): EnrolmentView {
  const name = deps.cipher.decrypt(r.participant_name_enc) ?? '';
  const phone = deps.cipher.decrypt(r.participant_phone_enc) ?? '';
  return {
    id: Number(r.id),
    eventId: Number(r.event_id),
    enterpriseId: Number(r.enterprise_id),
    enterpriseName: r.enterprise_name,
    status: r.status,
    waitingPosition,
    priority: r.priority,
    priorityReasons: r.priority_reasons,
    participant: full
      ? { name, phone, position: r.participant_position, masked: false }
      : { name: maskName(name) ?? '', phone: maskPhone(phone) ?? '', position: r.participant_position, masked: true },
    enrolledAt: iso(r.enrolled_at)!,
    confirmedAt: iso(r.confirmed_at),
    cancelledAt: iso(r.cancelled_at),
    checkedInAt: iso(r.checked_in_at),
    checkinMethod: r.checkin_method,
    certificateNo: r.certificate_no,
    feedbackRating: r.rating,
  };
}

async function waitingPositions(db: DbOrTx, eventId: number): Promise<Map<number, number>> {
  const rows = await rowsOf<{ id: number; priority: number; enrolled_at: Date | string }>(
    db,
    sql`select id, priority, enrolled_at from event_enrolments where event_id = ${eventId} and status = 'waitlisted'`,
  );
  const order = waitingOrder(rows.map((r) => ({ id: Number(r.id), priority: r.priority, enrolledAt: new Date(r.enrolled_at) })));
  return new Map(order.map((e, i) => [e.id, i + 1]));
}

/** The enterprise's facts for the target rules: titles in force today (registry), unit, size. */
async function enterpriseFacts(
  tx: DbOrTx,
  enterpriseId: number,
  today: string,
): Promise<{ titles: string[]; unitCode: string; sizeClass: string }> {
  const [row] = await rowsOf<{ unit_code: string; size_class: string; titles: string[] | null }>(
    tx,
    sql`select e.unit_code, e.size_class,
               (select array_agg(distinct t.kind::text) from titles t where t.enterprise_id = e.id and t.recognised_on <= ${today}::date
                  and (t.valid_until is null or t.valid_until >= ${today}::date) and (t.revoked_on is null or t.revoked_on > ${today}::date)) as titles
          from enterprises e where e.id = ${enterpriseId}`,
  );
  if (!row) throw new AppError('not_found');
  return { titles: row.titles ?? [], unitCode: row.unit_code, sizeClass: row.size_class };
}

async function notifyEnterprise(tx: Tx, enterpriseId: number, text: Bilingual, eventId: number): Promise<void> {
  const link = `/events?open=${eventId}`;
  await tx.execute(
    sql`insert into notifications (user_id, text_zh, text_en, link)
        select id, ${text.zh}, ${text.en}, ${link} from users where enterprise_id = ${enterpriseId} and role = 'enterprise_user'`,
  );
  await tx.execute(
    sql`insert into outbox (channel, payload) values ('sms', ${JSON.stringify({ to: { enterpriseId }, text, link })}::jsonb)`,
  );
}

export async function enrol(
  deps: EventDeps,
  p: Principal,
  eventId: number,
  participant: ParticipantInput,
  now = new Date(),
): Promise<EnrolmentView> {
  if (p.role !== 'enterprise_user' || p.enterpriseId === null) throw new AppError('forbidden');
  const enterpriseId = p.enterpriseId;
  const problems = checkParticipant(participant);
  if (problems.length) throw invalid(...problems);
  let id: number;
  try {
    id = await deps.database.db.transaction(async (tx) => {
      const ev = await loadEvent(tx, eventId, true);
      if (!ev || !canReadEvent(p, { unitCode: ev.unit_code, status: ev.status })) throw new AppError('not_found');
      const closed = enrolmentClosedReason({ status: ev.status, enrolmentClosesAt: new Date(ev.enrolment_closes_at) }, now);
      if (closed) throw new AppError('conflict', { detail: closed });
      const verdict = evaluateTargets(ev.target_rules, await enterpriseFacts(tx, enterpriseId, todayShanghai(now)));
      if (!verdict.eligible)
        throw invalid(
          problem(
            'enterpriseId',
            `本活动面向：${verdict.unmet.map((u) => u.zh).join('；')}`,
            `this event is for: ${verdict.unmet.map((u) => u.en).join('; ')}`,
          ),
        );
      const status = seatFor(ev.confirmed_count, ev.capacity);
      const [row] = await rowsOf<{ id: number }>(
        tx,
        sql`insert into event_enrolments (event_id, enterprise_id, status, priority, priority_reasons, participant_name_enc, participant_phone_enc,
                                          participant_position, checkin_nonce, enrolled_by, confirmed_at)
            values (${eventId}, ${enterpriseId}, ${status}, ${verdict.priority}, ${JSON.stringify(verdict.met)}::jsonb,
                    ${deps.cipher.encrypt(participant.name.trim())}, ${deps.cipher.encrypt(participant.phone)}, ${participant.position.trim()},
                    ${newNonce()}, ${p.userId}, ${status === 'confirmed' ? now : null})
            returning id`,
      );
      const newId = Number(row!.id);
      // Personal data stays out of the audit log: the chain is never encrypted and never deleted.
      await recordAudit(tx, actorOf(p), 'events.enrol', 'event_enrolment', newId, null, {
        eventId,
        enterpriseId,
        status,
        priority: verdict.priority,
      });
      await notifyEnterprise(
        tx,
        enterpriseId,
        status === 'confirmed'
          ? { zh: `报名成功：“${ev.title}”已为您保留席位`, en: `Enrolled: a seat is reserved for you at '${ev.title}'` }
          : { zh: `“${ev.title}”名额已满，您已进入候补名单`, en: `'${ev.title}' is full: you are on the waiting list` },
        eventId,
      );
      return newId;
    });
  } catch (e) {
    if (pgCode(e) === '23505')
      throw new AppError('conflict', {
        detail: { zh: '本企业已报名该活动', en: 'Your enterprise is already enrolled in this event' },
      });
    throw e;
  }
  return getEnrolment(deps, p, id);
}

/** Offers the free seats to the waiting list, in order; returns the promoted enrolments. */
async function promoteWaiting(tx: Tx, eventId: number, actor: Actor): Promise<number[]> {
  const [ev] = await rowsOf<{ capacity: number; confirmed_count: number; title: string; status: EventStatus }>(
    tx,
    sql`select capacity, confirmed_count, title, status from events where id = ${eventId} for update`,
  );
  if (!ev || ev.status !== 'published') return [];
  const waiting = await rowsOf<{ id: number; priority: number; enrolled_at: Date | string; enterprise_id: number }>(
    tx,
    sql`select id, priority, enrolled_at, enterprise_id from event_enrolments where event_id = ${eventId} and status = 'waitlisted' for update`,
  );
  const chosen = toPromote(
    waiting.map((w) => ({
      id: Number(w.id),
      priority: w.priority,
      enrolledAt: new Date(w.enrolled_at),
      enterpriseId: Number(w.enterprise_id),
    })),
    ev.capacity - ev.confirmed_count,
  );
  for (const c of chosen) {
    await tx.execute(sql`update event_enrolments set status = 'confirmed', confirmed_at = now() where id = ${c.id}`);
    await recordAudit(tx, actor, 'events.promote', 'event_enrolment', c.id, { status: 'waitlisted' }, { status: 'confirmed' });
    await notifyEnterprise(
      tx,
      c.enterpriseId,
      { zh: `候补转正：“${ev.title}”已为您保留席位`, en: `Off the waiting list: a seat at '${ev.title}' is yours` },
      eventId,
    );
  }
  return chosen.map((c) => c.id);
}

async function loadEnrolment(db: DbOrTx, id: number): Promise<EnrolmentRow | undefined> {
  const [row] = await rowsOf<EnrolmentRow>(db, sql`${ENROLMENT_SELECT} where n.id = ${id}`);
  return row;
}

/** The enrolment in full, for the organisers and the enterprise itself. */
export async function getEnrolment(deps: EventDeps, p: Principal, id: number): Promise<EnrolmentView> {
  const r = await loadEnrolment(deps.database.db, id);
  if (!r) throw new AppError('not_found');
  const ev = await loadEvent(deps.database.db, Number(r.event_id));
  if (!ev || !canSeeParticipant(p, { unitCode: ev.unit_code }, Number(r.enterprise_id))) throw new AppError('not_found');
  const pos =
    r.status === 'waitlisted' ? ((await waitingPositions(deps.database.db, Number(r.event_id))).get(Number(r.id)) ?? null) : null;
  return enrolmentView(deps, r, true, pos);
}

export async function cancelEnrolment(
  deps: EventDeps,
  p: Principal,
  id: number,
): Promise<{ cancelled: EnrolmentView; promoted: number[] }> {
  const promoted = await deps.database.db.transaction(async (tx) => {
    const [head] = await rowsOf<{ event_id: number; enterprise_id: number }>(
      tx,
      sql`select event_id, enterprise_id from event_enrolments where id = ${id}`,
    );
    if (!head) throw new AppError('not_found');
    // Lock order everywhere: the event first, then its enrolments.
    const ev = await loadEvent(tx, Number(head.event_id), true);
    if (!ev || !canSeeParticipant(p, { unitCode: ev.unit_code }, Number(head.enterprise_id))) throw new AppError('not_found');
    const [r] = await rowsOf<{ status: EnrolmentStatus; checked_in_at: Date | null }>(
      tx,
      sql`select status, checked_in_at from event_enrolments where id = ${id} for update`,
    );
    if (r!.status === 'cancelled') return [];
    if (r!.checked_in_at) throw invalid(problem('status', '已签到的报名不能取消', 'an attended enrolment cannot be cancelled'));
    await tx.execute(
      sql`update event_enrolments set status = 'cancelled', confirmed_at = null, cancelled_at = now() where id = ${id}`,
    );
    await recordAudit(
      tx,
      actorOf(p),
      'events.cancel_enrolment',
      'event_enrolment',
      id,
      { status: r!.status },
      { status: 'cancelled' },
    );
    return r!.status === 'confirmed' ? promoteWaiting(tx, Number(head.event_id), actorOf(p)) : [];
  });
  return { cancelled: await getEnrolment(deps, p, id), promoted };
}

/** An event's enrolments for its organisers (participants masked), or the enterprise's own (in full). */
export async function listEnrolments(deps: EventDeps, p: Principal, eventId: number): Promise<EnrolmentView[]> {
  const ev = await readableEvent(deps.database.db, p, eventId);
  const organiser = isEventOrganiser(p, { unitCode: ev.unit_code });
  if (!organiser && p.role !== 'enterprise_user') throw new AppError('not_found');
  const own = organiser ? sql`true` : sql`n.enterprise_id = ${p.enterpriseId}`;
  const rows = await rowsOf<EnrolmentRow>(
    deps.database.db,
    sql`${ENROLMENT_SELECT} where n.event_id = ${eventId} and ${own} order by n.enrolled_at, n.id`,
  );
  const pos = await waitingPositions(deps.database.db, eventId);
  return rows.map((r) =>
    enrolmentView(deps, r, !organiser && isEnrollingEnterprise(p, Number(r.enterprise_id)), pos.get(Number(r.id)) ?? null),
  );
}

/** The enterprise's own enrolments across events. */
export async function myEnrolments(deps: EventDeps, p: Principal): Promise<(EnrolmentView & { event: EventView })[]> {
  if (p.role !== 'enterprise_user' || p.enterpriseId === null) return [];
  const rows = await rowsOf<EnrolmentRow>(
    deps.database.db,
    sql`${ENROLMENT_SELECT} where n.enterprise_id = ${p.enterpriseId} order by n.enrolled_at desc limit 200`,
  );
  // One query for the events, one per event the enterprise waits for (few), not three per enrolment.
  const eventIds = [...new Set(rows.map((r) => Number(r.event_id)))];
  const events = new Map<number, EventRow>();
  if (eventIds.length) {
    const evs = await rowsOf<EventRow>(
      deps.database.db,
      sql`select ${EVENT_COLUMNS} from events ev left join programme_editions pe on pe.year = ev.programme_year
           where ev.id = any(${arrayLiteral(eventIds)}::bigint[])`,
    );
    for (const ev of evs) events.set(Number(ev.id), ev);
  }
  const positions = new Map<number, Map<number, number>>();
  for (const id of new Set(rows.filter((r) => r.status === 'waitlisted').map((r) => Number(r.event_id))))
    positions.set(id, await waitingPositions(deps.database.db, id));
  return rows.map((r) => {
    const pos = r.status === 'waitlisted' ? (positions.get(Number(r.event_id))?.get(Number(r.id)) ?? null) : null;
    return { ...enrolmentView(deps, r, true, pos), event: eventView(events.get(Number(r.event_id))!, p) };
  });
}

// ---------- check-in ----------

export function checkinToken(deps: EventDeps, r: { id: number; checkin_nonce: string }): string {
  return signCheckinToken(deps.checkinKey, Number(r.id), r.checkin_nonce);
}

/** The token for the enrolment's QR code: the enterprise itself or the organisers; a seat is required. */
export async function enrolmentToken(deps: EventDeps, p: Principal, id: number): Promise<string> {
  const r = await loadEnrolment(deps.database.db, id);
  if (!r) throw new AppError('not_found');
  const ev = await loadEvent(deps.database.db, Number(r.event_id));
  if (!ev || !canSeeParticipant(p, { unitCode: ev.unit_code }, Number(r.enterprise_id))) throw new AppError('not_found');
  if (r.status !== 'confirmed')
    throw invalid(problem('status', '仅已确认的报名有签到码', 'only a confirmed enrolment has a check-in code'));
  return checkinToken(deps, r);
}

export interface CheckinResult {
  enrolment: EnrolmentView;
  event: EventView;
  alreadyCheckedIn: boolean;
}

async function resolveToken(
  deps: EventDeps,
  db: DbOrTx,
  p: Principal,
  token: string,
): Promise<{ r: EnrolmentRow; ev: EventRow }> {
  const t = readCheckinToken(deps.checkinKey, token);
  const r = t ? await loadEnrolment(db, t.enrolmentId) : undefined;
  if (!t || !r || r.checkin_nonce !== t.nonce)
    throw invalid(problem('token', '签到码无效或已作废', 'the check-in code is not valid or no longer valid'));
  const ev = await loadEvent(db, Number(r.event_id));
  if (!ev || !isEventOrganiser(p, { unitCode: ev.unit_code })) throw new AppError('not_found');
  return { r, ev };
}

/** What the organiser's phone shows after scanning: the participant in full, to compare with the person. */
export async function previewCheckin(deps: EventDeps, p: Principal, token: string): Promise<CheckinResult> {
  const { r, ev } = await resolveToken(deps, deps.database.db, p, token);
  return { enrolment: enrolmentView(deps, r, true, null), event: eventView(ev, p), alreadyCheckedIn: r.checked_in_at !== null };
}

async function stampCheckin(deps: EventDeps, p: Principal, id: number, method: 'qr' | 'manual', now: Date): Promise<boolean> {
  return deps.database.db.transaction(async (tx) => {
    const [r] = await rowsOf<{ status: EnrolmentStatus; checked_in_at: Date | null; event_id: number }>(
      tx,
      sql`select status, checked_in_at, event_id from event_enrolments where id = ${id} for update`,
    );
    if (!r) throw new AppError('not_found');
    if (r.checked_in_at) return true;
    const ev = (await loadEvent(tx, Number(r.event_id)))!;
    if (ev.status === 'cancelled' || ev.status === 'draft')
      throw invalid(problem('status', '活动未举行', 'the event is not taking place'));
    if (r.status !== 'confirmed')
      throw invalid(
        problem('status', '该报名未获席位（候补或已取消），不能签到', 'this enrolment has no seat (waiting or cancelled)'),
      );
    const times = { startsAt: new Date(ev.starts_at), endsAt: new Date(ev.ends_at) };
    if (method === 'qr' && !qrCheckinOpen(times, now))
      throw invalid(
        problem(
          'token',
          `扫码签到仅限活动当日（${shanghaiDay(times.startsAt)}）`,
          `QR check-in works on the event day only (${shanghaiDay(times.startsAt)})`,
        ),
      );
    if (method === 'manual' && !manualCheckinOpen(times, now))
      throw invalid(problem('status', '活动尚未开始', 'the event has not started'));
    await tx.execute(
      sql`update event_enrolments set checked_in_at = ${now}, checkin_method = ${method}, checked_in_by = ${p.userId} where id = ${id}`,
    );
    await recordAudit(tx, actorOf(p), 'events.check_in', 'event_enrolment', id, null, { method });
    return false;
  });
}

export async function checkinByToken(deps: EventDeps, p: Principal, token: string, now = new Date()): Promise<CheckinResult> {
  const { r } = await resolveToken(deps, deps.database.db, p, token);
  const already = await stampCheckin(deps, p, Number(r.id), 'qr', now);
  const fresh = (await loadEnrolment(deps.database.db, Number(r.id)))!;
  const ev = (await loadEvent(deps.database.db, Number(r.event_id)))!;
  return { enrolment: enrolmentView(deps, fresh, true, null), event: eventView(ev, p), alreadyCheckedIn: already };
}

export async function manualCheckin(deps: EventDeps, p: Principal, id: number, now = new Date()): Promise<CheckinResult> {
  const r = await loadEnrolment(deps.database.db, id);
  if (!r) throw new AppError('not_found');
  const ev = await loadEvent(deps.database.db, Number(r.event_id));
  if (!ev || !isEventOrganiser(p, { unitCode: ev.unit_code })) throw new AppError('not_found');
  const already = await stampCheckin(deps, p, id, 'manual', now);
  const fresh = (await loadEnrolment(deps.database.db, id))!;
  return {
    enrolment: enrolmentView(deps, fresh, true, null),
    event: eventView((await loadEvent(deps.database.db, Number(r.event_id)))!, p),
    alreadyCheckedIn: already,
  };
}

// ---------- certificates ----------

export interface CertificateFacts {
  number: string;
  /** Who issues it: the city bureau, or the organising district's SME department. */
  issuer: string;
  participantName: string;
  enterpriseName: string;
  event: EventView;
}

/** Issues (once: the number is kept) the certificate of an attended enrolment. */
export async function issueCertificate(deps: EventDeps, p: Principal, id: number): Promise<CertificateFacts> {
  const r = await loadEnrolment(deps.database.db, id);
  if (!r) throw new AppError('not_found');
  const ev = await loadEvent(deps.database.db, Number(r.event_id));
  if (!ev || !canSeeParticipant(p, { unitCode: ev.unit_code }, Number(r.enterprise_id))) throw new AppError('not_found');
  if (!r.checked_in_at) throw invalid(problem('status', '未签到，不能出具证书', 'no certificate without attendance'));
  if (ev.status === 'cancelled') throw invalid(problem('status', '活动已取消', 'the event was cancelled'));
  let number = r.certificate_no;
  if (!number) {
    const year = ev.programme_year ?? Number(shanghaiDay(new Date(ev.starts_at)).slice(0, 4));
    const candidate = certificateNumber(year, ev.kind, Number(r.id));
    number = await deps.database.db.transaction(async (tx) => {
      const [row] = await rowsOf<{ certificate_no: string }>(
        tx,
        sql`update event_enrolments set certificate_no = ${candidate}, certificate_issued_at = now() where id = ${id} and certificate_no is null returning certificate_no`,
      );
      if (row) await recordAudit(tx, actorOf(p), 'events.certificate', 'event_enrolment', id, null, { number: candidate });
      return row?.certificate_no ?? candidate;
    });
  }
  const [unit] = ev.unit_code
    ? await rowsOf<{ name_zh: string }>(deps.database.db, sql`select name_zh from units where code = ${ev.unit_code}`)
    : [];
  const issuer = unit ? `济南市${unit.name_zh}中小企业主管部门` : '济南市工业和信息化局';
  return {
    number,
    issuer,
    participantName: deps.cipher.decrypt(r.participant_name_enc) ?? '',
    enterpriseName: r.enterprise_name,
    event: eventView(ev, p),
  };
}

// ---------- feedback ----------

export async function submitFeedback(deps: EventDeps, p: Principal, id: number, v: FeedbackInput): Promise<EnrolmentView> {
  const r = await loadEnrolment(deps.database.db, id);
  if (!r || !isEnrollingEnterprise(p, Number(r.enterprise_id))) throw new AppError('not_found');
  const ev = (await loadEvent(deps.database.db, Number(r.event_id)))!;
  const problems = checkFeedback(v, ev.kind);
  if (!r.checked_in_at) problems.push(problem('status', '签到参加后方可评价', 'feedback comes after attendance'));
  if (problems.length) throw invalid(...problems);
  await deps.database.db.transaction(async (tx) => {
    const [before] = await rowsOf<Record<string, unknown>>(
      tx,
      sql`select rating, comment, intentions, contracts, contract_amount from event_feedback where enrolment_id = ${id} for update`,
    );
    await tx.execute(
      sql`insert into event_feedback (enrolment_id, rating, comment, intentions, contracts, contract_amount, submitted_by)
          values (${id}, ${v.rating}, ${v.comment ?? ''}, ${v.intentions ?? 0}, ${v.contracts ?? 0}, ${v.contractAmount ?? 0}, ${p.userId})
          on conflict (enrolment_id) do update set rating = excluded.rating, comment = excluded.comment, intentions = excluded.intentions,
             contracts = excluded.contracts, contract_amount = excluded.contract_amount, submitted_by = excluded.submitted_by, submitted_at = now()`,
    );
    await recordAudit(tx, actorOf(p), 'events.feedback', 'event_enrolment', id, before ?? null, v);
  });
  return getEnrolment(deps, p, id);
}

export async function eventFeedback(
  database: Database,
  p: Principal,
  eventId: number,
): Promise<{
  count: number;
  average: number | null;
  distribution: number[];
  intentions: number;
  contracts: number;
  contractAmount: number;
  comments: { rating: number; comment: string; enterpriseName: string }[];
}> {
  const ev = await readableEvent(database.db, p, eventId);
  if (!isEventOrganiser(p, { unitCode: ev.unit_code })) throw new AppError('not_found');
  const rows = await rowsOf<{
    rating: number;
    comment: string;
    intentions: number;
    contracts: number;
    contract_amount: number;
    enterprise_name: string;
  }>(
    database.db,
    sql`select f.rating, f.comment, f.intentions, f.contracts, f.contract_amount, e.name as enterprise_name
          from event_feedback f join event_enrolments n on n.id = f.enrolment_id join enterprises e on e.id = n.enterprise_id
         where n.event_id = ${eventId} order by f.submitted_at desc`,
  );
  const distribution = [0, 0, 0, 0, 0];
  for (const r of rows) distribution[r.rating - 1]! += 1;
  const sum = (k: 'intentions' | 'contracts' | 'contract_amount') => rows.reduce((a, r) => a + Number(r[k]), 0);
  return {
    count: rows.length,
    average: rows.length ? Math.round((rows.reduce((a, r) => a + r.rating, 0) / rows.length) * 100) / 100 : null,
    distribution,
    intentions: sum('intentions'),
    contracts: sum('contracts'),
    contractAmount: sum('contract_amount'),
    comments: rows
      .filter((r) => r.comment)
      .slice(0, 50)
      .map((r) => ({ rating: r.rating, comment: r.comment, enterpriseName: r.enterprise_name })),
  };
}

/** One event; for an enterprise user also its enrolment and what the target rules say about it. */
export async function getEvent(
  database: Database,
  p: Principal,
  id: number,
  now = new Date(),
): Promise<{
  event: EventView;
  myEnrolment: { id: number; status: EnrolmentStatus } | null;
  verdict: ReturnType<typeof evaluateTargets> | null;
}> {
  const ev = await readableEvent(database.db, p, id);
  let myEnrolment: { id: number; status: EnrolmentStatus } | null = null;
  let verdict: ReturnType<typeof evaluateTargets> | null = null;
  if (p.role === 'enterprise_user' && p.enterpriseId !== null) {
    const [m] = await rowsOf<{ id: number; status: EnrolmentStatus }>(
      database.db,
      sql`select id, status from event_enrolments where event_id = ${id} and enterprise_id = ${p.enterpriseId} order by (status <> 'cancelled') desc, id desc limit 1`,
    );
    myEnrolment = m ? { id: Number(m.id), status: m.status } : null;
    verdict = evaluateTargets(ev.target_rules, await enterpriseFacts(database.db, p.enterpriseId, todayShanghai(now)));
  }
  return { event: eventView(ev, p), myEnrolment, verdict };
}

/** Checks a certificate by its number (any signed-in user): who (masked), which enterprise, which event, attended when. */
export async function verifyCertificate(
  deps: EventDeps,
  number: string,
): Promise<{
  number: string;
  participant: string;
  enterpriseName: string;
  eventTitle: string;
  startsAt: string;
  checkedInAt: string;
}> {
  const [r] = await rowsOf<EnrolmentRow & { title: string; starts_at: Date | string }>(
    deps.database.db,
    sql`select n.*, e.name as enterprise_name, e.unit_code, null::int as rating, ev.title, ev.starts_at
          from event_enrolments n join enterprises e on e.id = n.enterprise_id join events ev on ev.id = n.event_id
         where n.certificate_no = ${number}`,
  );
  if (!r || !r.checked_in_at) throw new AppError('not_found');
  return {
    number,
    participant: maskName(deps.cipher.decrypt(r.participant_name_enc)) ?? '',
    enterpriseName: r.enterprise_name,
    eventTitle: r.title,
    startsAt: iso(r.starts_at)!,
    checkedInAt: iso(r.checked_in_at)!,
  };
}
