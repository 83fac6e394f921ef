/**
 * Carrying out the measures (督办, issue 13): the responsible units the draft names (and the
 * general office that supervises), which users act for which unit, and the quarterly progress
 * reports with their history, attachments (bytea) and overdue reminders.
 *
 * One report per measure, unit and quarter (a unique key, so a double click never makes two);
 * the values a unit enters are kept in the report as JSON [{indicatorId, value, note}].
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './system.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (v) => v,
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const responsibleUnitKind = pgEnum('responsible_unit_kind', ['department', 'group', 'office']);
export const measureReportStatus = pgEnum('measure_report_status', ['draft', 'submitted', 'returned', 'accepted']);
export const measureProgress = pgEnum('measure_progress', ['on_track', 'behind']);

/**
 * The organisations named as 责任单位 (not the managing units of `units`, which are districts):
 * filled from policy/jinan-quality-sme-measures/measures.ts by name.
 */
export const responsibleUnits = pgTable('responsible_units', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  nameZh: text('name_zh').notNull().unique('responsible_units_name'),
  nameEn: text('name_en').notNull(),
  kind: responsibleUnitKind('kind').notNull(),
  sort: integer('sort').notNull().default(0),
});

/** The users who report for a unit (or, for the office, who accept and return reports). */
export const responsibleUnitMembers = pgTable(
  'responsible_unit_members',
  {
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => responsibleUnits.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.unitId] })],
);

export const measureReports = pgTable(
  'measure_reports',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    measure: integer('measure').notNull(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => responsibleUnits.id),
    /** The quarter, e.g. 2026Q3. */
    period: text('period').notNull(),
    status: measureReportStatus('status').notNull().default('draft'),
    /** The unit's own judgement of its progress. */
    progress: measureProgress('progress'),
    summary: text('summary').notNull().default(''),
    /** [{indicatorId, value, note}] for the indicators the units enter. */
    values: jsonb('values')
      .notNull()
      .default(sql`'[]'::jsonb`),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    submittedAt: ts('submitted_at'),
    decidedAt: ts('decided_at'),
    decidedBy: bigint('decided_by', { mode: 'number' }).references(() => users.id),
    returnReason: text('return_reason'),
    /** Optimistic concurrency: every change checks and increments it. */
    version: integer('version').notNull().default(1),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('measure_reports_once').on(t.measure, t.unitId, t.period),
    index('measure_reports_period_idx').on(t.period, t.status),
    check('measure_reports_measure', sql`${t.measure} between 1 and 13`),
    check('measure_reports_period', sql`${t.period} ~ '^[0-9]{4}Q[1-4]$'`),
    check('measure_reports_returned_reason', sql`${t.status} <> 'returned' or length(${t.returnReason}) > 0`),
    check('measure_reports_submitted_at', sql`${t.status} = 'draft' or ${t.submittedAt} is not null`),
    check('measure_reports_summary', sql`length(${t.summary}) <= 5000`),
  ],
);

/** The history of a report: every save, submission, return and acceptance. */
export const measureReportEvents = pgTable(
  'measure_report_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    reportId: bigint('report_id', { mode: 'number' })
      .notNull()
      .references(() => measureReports.id),
    action: text('action').notNull(),
    statusAfter: measureReportStatus('status_after').notNull(),
    reason: text('reason'),
    actorId: bigint('actor_id', { mode: 'number' }).references(() => users.id),
    actorName: text('actor_name').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('measure_report_events_report_idx').on(t.reportId)],
);

export const measureReportAttachments = pgTable(
  'measure_report_attachments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    reportId: bigint('report_id', { mode: 'number' })
      .notNull()
      .references(() => measureReports.id),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: bigint('uploaded_by', { mode: 'number' }).references(() => users.id),
    uploadedByName: text('uploaded_by_name').notNull(),
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('measure_report_attachments_sha').on(t.reportId, t.sha256),
    check(
      'measure_report_attachments_size',
      sql`${t.sizeBytes} > 0 and ${t.sizeBytes} <= 5242880 and octet_length(${t.content}) = ${t.sizeBytes}`,
    ),
    check('measure_report_attachments_sha256', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

/** One overdue reminder per measure, unit and quarter: reminding twice sends nothing new. */
export const measureReminders = pgTable(
  'measure_reminders',
  {
    measure: integer('measure').notNull(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => responsibleUnits.id),
    period: text('period').notNull(),
    sentAt: ts('sent_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.measure, t.unitId, t.period] })],
);
