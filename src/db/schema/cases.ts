/**
 * From entitlement to money: one case per entitlement, its transitions, the public notices
 * (公示) and objections, disbursement batches and payments, and the "a case waits for you"
 * notifications with their outbox.
 *
 * "Paid at most once" is held by the database: one case per entitlement (cases_entitlement),
 * a case in one batch only (batch_items_case), one payment per case and per entitlement
 * (payments_case, payments_entitlement), payments > 0.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { entitlements } from './entitlements.ts';
import { carriers, enterprises, units } from './registry.ts';
import { role, users } from './system.ts';

export const caseTrack = pgEnum('case_track', ['no_application', 'application']);
export const caseState = pgEnum('case_state', [
  'opened',
  'district_review',
  'city_review',
  'in_notice',
  'finance_review',
  'in_batch',
  'paid',
  'archived',
  'returned',
  'rejected',
  'cancelled',
]);
export const noticeStatus = pgEnum('notice_status', ['open', 'closed']);
export const batchState = pgEnum('batch_state', ['draft', 'approved', 'paid']);
export const outboxChannel = pgEnum('outbox_channel', ['sms', 'email']);
export const outboxStatus = pgEnum('outbox_status', ['pending', 'sent', 'failed']);

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const cases = pgTable(
  'cases',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    entitlementId: bigint('entitlement_id', { mode: 'number' })
      .notNull()
      .references(() => entitlements.id),
    track: caseTrack('track').notNull(),
    state: caseState('state').notNull().default('opened'),
    /** Optimistic concurrency: every transition checks and increments it. */
    version: integer('version').notNull().default(1),
    /** Copied from the entitlement when the case opens (a later recompute does not move money in flight). */
    amount: bigint('amount', { mode: 'number' }).notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    clause: text('clause').notNull(),
    item: text('item').notNull(),
    beneficiaryType: text('beneficiary_type').notNull(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' }).references(() => enterprises.id),
    carrierId: bigint('carrier_id', { mode: 'number' }).references(() => carriers.id),
    /** The beneficiary's managing unit: whose district officer reviews the case. */
    unitCode: text('unit_code')
      .notNull()
      .references(() => units.code),
    /** The account confirmed by the beneficiary: {accountName, bankName, accountNo}. */
    account: jsonb('account'),
    /** The application (application track): {statement, documents: [{name, ref}]}. */
    application: jsonb('application'),
    /** The reason of the last return, rejection or cancellation, bilingual or as typed. */
    lastReason: text('last_reason'),
    stateSince: ts('state_since').notNull().defaultNow(),
    openedAt: ts('opened_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cases_entitlement').on(t.entitlementId),
    index('cases_state_idx').on(t.state, t.unitCode),
    index('cases_enterprise_idx').on(t.enterpriseId),
    index('cases_carrier_idx').on(t.carrierId),
    check('cases_amount_positive', sql`${t.amount} > 0`),
    check('cases_version_positive', sql`${t.version} >= 1`),
  ],
);

/** Every transition of a case, including its opening (from_state null). Append-only by convention. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    action: text('action').notNull(),
    fromState: caseState('from_state'),
    toState: caseState('to_state').notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role'),
    reason: text('reason'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.at)],
);

/** 公示: a list of cases made public for N working days; objections are accepted while open. */
export const publicNotices = pgTable(
  'public_notices',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    title: text('title').notNull(),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    workingDays: integer('working_days').notNull(),
    /** The last day of the period: the N-th working day after the day of publication. */
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    status: noticeStatus('status').notNull().default('open'),
    publishedBy: bigint('published_by', { mode: 'number' }).references(() => users.id),
    publishedByName: text('published_by_name').notNull(),
    closedAt: ts('closed_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('public_notices_due_idx').on(t.status, t.endsOn),
    check('public_notices_period', sql`${t.workingDays} > 0 and ${t.endsOn} > ${t.publishedOn}`),
    check('public_notices_closed', sql`(${t.status} = 'closed') = (${t.closedAt} is not null)`),
  ],
);

export const noticeItems = pgTable(
  'notice_items',
  {
    noticeId: bigint('notice_id', { mode: 'number' })
      .notNull()
      .references(() => publicNotices.id),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    /** The basis as published: clause, item and amount, e.g. "第2条 新获评专精特新“小巨人” 2,000,000元". */
    basis: text('basis').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    /** passed (the notice closed without objection) | objected; null while open. */
    outcome: text('outcome'),
  },
  (t) => [
    primaryKey({ columns: [t.noticeId, t.caseId] }),
    index('notice_items_case_idx').on(t.caseId),
    check('notice_items_outcome', sql`${t.outcome} is null or ${t.outcome} in ('passed', 'objected')`),
  ],
);

export const objections = pgTable(
  'objections',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    noticeId: bigint('notice_id', { mode: 'number' })
      .notNull()
      .references(() => publicNotices.id),
    filedBy: bigint('filed_by', { mode: 'number' }).references(() => users.id),
    filedByName: text('filed_by_name').notNull(),
    text: text('text').notNull(),
    at: ts('at').notNull().defaultNow(),
    resolution: text('resolution'),
    resolvedBy: text('resolved_by'),
    resolvedAt: ts('resolved_at'),
  },
  (t) => [index('objections_case_idx').on(t.caseId), index('objections_notice_idx').on(t.noticeId)],
);

export const disbursementBatches = pgTable(
  'disbursement_batches',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    title: text('title').notNull(),
    state: batchState('state').notNull().default('draft'),
    version: integer('version').notNull().default(1),
    itemCount: integer('item_count').notNull().default(0),
    totalAmount: bigint('total_amount', { mode: 'number' }).notNull().default(0),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    approvedBy: text('approved_by'),
    approvedAt: ts('approved_at'),
    paidBy: text('paid_by'),
    paidAt: ts('paid_at'),
  },
  (t) => [
    index('batches_state_idx').on(t.state),
    check('batches_totals', sql`${t.itemCount} >= 0 and ${t.totalAmount} >= 0`),
    check('batches_approved', sql`(${t.state} = 'draft') = (${t.approvedAt} is null)`),
    check('batches_paid', sql`(${t.state} = 'paid') = (${t.paidAt} is not null)`),
  ],
);

export const batchItems = pgTable(
  'batch_items',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    batchId: bigint('batch_id', { mode: 'number' })
      .notNull()
      .references(() => disbursementBatches.id),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    amount: bigint('amount', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('batch_items_case').on(t.caseId),
    index('batch_items_batch_idx').on(t.batchId),
    check('batch_items_amount_positive', sql`${t.amount} > 0`),
  ],
);

/** Money paid. One row per case and per entitlement, ever: the "never pay twice" guarantee. */
export const payments = pgTable(
  'payments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    entitlementId: bigint('entitlement_id', { mode: 'number' })
      .notNull()
      .references(() => entitlements.id),
    batchId: bigint('batch_id', { mode: 'number' })
      .notNull()
      .references(() => disbursementBatches.id),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    paidAt: ts('paid_at').notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [
    uniqueIndex('payments_case').on(t.caseId),
    uniqueIndex('payments_entitlement').on(t.entitlementId),
    index('payments_batch_idx').on(t.batchId),
    check('payments_amount_positive', sql`${t.amount} > 0`),
  ],
);

/**
 * "A case waits for you": addressed to one user, or to a role (and unit) — a team inbox, whose
 * `read_at` is shared by the team.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: bigint('user_id', { mode: 'number' }).references(() => users.id),
    role: role('role'),
    unitCode: text('unit_code').references(() => units.code),
    textZh: text('text_zh').notNull(),
    textEn: text('text_en').notNull(),
    link: text('link'),
    createdAt: ts('created_at').notNull().defaultNow(),
    readAt: ts('read_at'),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.readAt),
    index('notifications_role_idx').on(t.role, t.unitCode, t.readAt),
    check('notifications_addressee', sql`${t.userId} is not null or ${t.role} is not null`),
  ],
);

/** Messages to send by SMS or e-mail, written in the same transaction as the change; a sender drains it. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    channel: outboxChannel('channel').notNull(),
    payload: jsonb('payload').notNull(),
    status: outboxStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
  },
  (t) => [index('outbox_pending_idx').on(t.status, t.createdAt), check('outbox_attempts_nonneg', sql`${t.attempts} >= 0`)],
);
