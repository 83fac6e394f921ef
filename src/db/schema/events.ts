/**
 * Events (measures 四、十一、十二): the platform's one event mechanism — courses, visits to leading
 * enterprises and exchange meetings of the management talent programme (企业经营管理人才素质提升工程),
 * matchmaking events (供需对接活动) and the events of the SME innovation exchange centre.
 *
 * Capacity is held by the database: `events.confirmed_count` is kept by a trigger on
 * `event_enrolments` (see the migration) and checked against `capacity`, so no two concurrent
 * enrolments can seat more people than there are seats, whatever the code does.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { enterprises, units } from './registry.ts';
import { users } from './system.ts';

export const eventKind = pgEnum('event_kind', ['course', 'visit', 'exchange_meeting', 'matchmaking', 'exchange_centre']);
export const eventStatus = pgEnum('event_status', ['draft', 'published', 'closed', 'cancelled']);
export const enrolmentStatus = pgEnum('enrolment_status', ['confirmed', 'waitlisted', 'cancelled']);
export const checkinMethod = pgEnum('checkin_method', ['qr', 'manual']);

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A yearly edition of the management talent programme (人才素质提升工程 第 N 期). */
export const programmeEditions = pgTable('programme_editions', {
  year: integer('year').primaryKey(),
  title: text('title').notNull(),
  theme: text('theme').notNull().default(''),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const events = pgTable(
  'events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: eventKind('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** The programme edition the event belongs to (null: outside the talent programme). */
    programmeYear: integer('programme_year').references(() => programmeEditions.year),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    /** Enrolment closes at this moment (default: the start). */
    enrolmentClosesAt: ts('enrolment_closes_at').notNull(),
    place: text('place').notNull(),
    capacity: integer('capacity').notNull(),
    /** Kept by the trigger `event_enrolments_count`; never written by the application. */
    confirmedCount: integer('confirmed_count').notNull().default(0),
    /** The host, e.g. a leading or state-owned enterprise (name as shown; registry link when it is one). */
    hostName: text('host_name').notNull(),
    hostEnterpriseId: bigint('host_enterprise_id', { mode: 'number' }).references(() => enterprises.id),
    /** Target groups as rules (domain.ts TargetRule[]): who may enrol and who goes first. */
    targetRules: jsonb('target_rules')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Organising unit: null = the city (市工信局), else a district that runs the event. */
    unitCode: text('unit_code').references(() => units.code),
    status: eventStatus('status').notNull().default('draft'),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    publishedAt: ts('published_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('events_kind_start_idx').on(t.kind, t.startsAt),
    index('events_programme_idx').on(t.programmeYear),
    check('events_times', sql`${t.endsAt} > ${t.startsAt} and ${t.enrolmentClosesAt} <= ${t.endsAt}`),
    check('events_capacity', sql`${t.capacity} between 1 and 100000`),
    check('events_seats', sql`${t.confirmedCount} >= 0 and ${t.confirmedCount} <= ${t.capacity}`),
  ],
);

/**
 * One enterprise's enrolment of one participant (a manager) in one event. The participant's name
 * and phone are personal data: SM4-encrypted at rest like registry contacts.
 */
export const eventEnrolments = pgTable(
  'event_enrolments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprises.id),
    status: enrolmentStatus('status').notNull(),
    /** From the target rules at enrolment (higher first on the waiting list), with the reasons. */
    priority: integer('priority').notNull().default(0),
    priorityReasons: jsonb('priority_reasons')
      .notNull()
      .default(sql`'[]'::jsonb`),
    participantNameEnc: text('participant_name_enc').notNull(),
    participantPhoneEnc: text('participant_phone_enc').notNull(),
    participantPosition: text('participant_position').notNull(),
    /** Random nonce signed into the check-in QR code (HMAC); the code is used once. */
    checkinNonce: text('checkin_nonce').notNull(),
    enrolledBy: bigint('enrolled_by', { mode: 'number' }).references(() => users.id),
    enrolledAt: ts('enrolled_at').notNull().defaultNow(),
    confirmedAt: ts('confirmed_at'),
    cancelledAt: ts('cancelled_at'),
    checkedInAt: ts('checked_in_at'),
    checkinMethod: checkinMethod('checkin_method'),
    checkedInBy: bigint('checked_in_by', { mode: 'number' }).references(() => users.id),
    certificateNo: text('certificate_no'),
    certificateIssuedAt: ts('certificate_issued_at'),
  },
  (t) => [
    // One active enrolment per enterprise and event: a double click cannot enrol twice.
    uniqueIndex('event_enrolments_active')
      .on(t.eventId, t.enterpriseId)
      .where(sql`${t.status} <> 'cancelled'`),
    uniqueIndex('event_enrolments_certificate').on(t.certificateNo),
    index('event_enrolments_event_idx').on(t.eventId, t.status),
    index('event_enrolments_enterprise_idx').on(t.enterpriseId),
    check(
      'event_enrolments_confirmed',
      sql`(${t.status} = 'confirmed') = (${t.confirmedAt} is not null and ${t.cancelledAt} is null)`,
    ),
    check('event_enrolments_checkin', sql`(${t.checkedInAt} is null) = (${t.checkinMethod} is null)`),
    check('event_enrolments_checkin_seat', sql`${t.checkedInAt} is null or ${t.status} = 'confirmed'`),
    check('event_enrolments_certificate_attended', sql`${t.certificateNo} is null or ${t.checkedInAt} is not null`),
  ],
);

/** Feedback and outcomes after the event: one per enrolment; matchmaking events record deals. */
export const eventFeedback = pgTable(
  'event_feedback',
  {
    enrolmentId: bigint('enrolment_id', { mode: 'number' })
      .primaryKey()
      .references(() => eventEnrolments.id, { onDelete: 'cascade' }),
    rating: integer('rating').notNull(),
    comment: text('comment').notNull().default(''),
    /** Matchmaking outcomes: cooperation intentions reached, contracts signed and their value (yuan). */
    intentions: integer('intentions').notNull().default(0),
    contracts: integer('contracts').notNull().default(0),
    contractAmount: bigint('contract_amount', { mode: 'number' }).notNull().default(0),
    submittedBy: bigint('submitted_by', { mode: 'number' }).references(() => users.id),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
  },
  (t) => [
    check('event_feedback_rating', sql`${t.rating} between 1 and 5`),
    check('event_feedback_outcomes', sql`${t.intentions} >= 0 and ${t.contracts} >= 0 and ${t.contractAmount} >= 0`),
  ],
);
