/**
 * Credit repair of administrative-penalty information (Measure 9, 两书同达): penalty agencies and
 * their users, penalty decisions with the classification and periods computed at registration
 * (and the trace that explains them), the delivery of the decision with the credit-repair
 * notice, and repair applications with their decisions.
 *
 * Held by the database: a decision number once per agency; one delivery record per decision;
 * at most one pending and one approved repair application per decision; amounts ≥ 0; periods in order.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { enterprises } from './registry.ts';
import { users } from './system.ts';

export const penaltyProcedure = pgEnum('penalty_procedure', ['simple', 'ordinary']);
export const creditSeverity = pgEnum('credit_severity', ['minor', 'general', 'serious']);
export const deliveryMethod = pgEnum('delivery_method', [
  'direct',
  'post',
  'electronic',
  'left_at_premises',
  'entrusted',
  'public_announcement',
]);
export const deliveredDocuments = pgEnum('delivered_documents', ['both', 'decision_only']);
export const repairState = pgEnum('repair_state', ['pending', 'approved', 'rejected']);

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const penaltyAgencies = pgTable(
  'penalty_agencies',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    /** The prefix of the agency's document numbers, e.g. 济市监. */
    docPrefix: text('doc_prefix').notNull(),
    /** The field its decisions belong to by default (policy/credit-repair SECTORS). */
    sector: text('sector').notNull(),
    address: text('address'),
    phone: text('phone'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('penalty_agencies_name').on(t.name)],
);

/** Which agency a penalty_agency user acts for (one agency per user). */
export const penaltyAgencyUsers = pgTable('penalty_agency_users', {
  userId: bigint('user_id', { mode: 'number' })
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  agencyId: bigint('agency_id', { mode: 'number' })
    .notNull()
    .references(() => penaltyAgencies.id),
});

export const penaltyDecisions = pgTable(
  'penalty_decisions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    agencyId: bigint('agency_id', { mode: 'number' })
      .notNull()
      .references(() => penaltyAgencies.id),
    decisionNo: text('decision_no').notNull(),
    partyName: text('party_name').notNull(),
    uscc: text('uscc').notNull(),
    /** The registry enterprise with this USCC, when there is one. */
    enterpriseId: bigint('enterprise_id', { mode: 'number' }).references(() => enterprises.id),
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    procedure: penaltyProcedure('procedure').notNull(),
    sector: text('sector').notNull(),
    /** [{type, amountYuan?, months?}] as the decision states them. */
    penalties: jsonb('penalties').notNull(),
    /** Sum of the fines and confiscations, integer yuan. */
    amountTotal: bigint('amount_total', { mode: 'number' }).notNull().default(0),
    legalBasis: text('legal_basis').notNull(),
    violation: text('violation'),
    /** The agency's own inputs to the rules: class under a sector standard, publish a minor record, low fine. */
    agencySeverity: creditSeverity('agency_severity'),
    publishMinor: boolean('publish_minor').notNull().default(false),
    lowAmountFine: boolean('low_amount_fine').notNull().default(false),
    // Computed at registration under the rule set in force on the decision date.
    ruleSet: text('rule_set').notNull(),
    severity: creditSeverity('severity').notNull(),
    noticeRequired: boolean('notice_required').notNull(),
    published: boolean('published').notNull(),
    publicityFrom: date('publicity_from', { mode: 'string' }),
    earliestRepairOn: date('earliest_repair_on', { mode: 'string' }),
    publicityEndsOn: date('publicity_ends_on', { mode: 'string' }),
    repairWorkingDays: integer('repair_working_days').notNull(),
    /** The whole assessment with its explanation steps (policy/credit-repair CreditAssessment). */
    assessment: jsonb('assessment').notNull(),
    noticeNo: text('notice_no'),
    registeredBy: bigint('registered_by', { mode: 'number' }).references(() => users.id),
    registeredAt: ts('registered_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('penalty_decisions_agency_no').on(t.agencyId, t.decisionNo),
    index('penalty_decisions_enterprise_idx').on(t.enterpriseId),
    index('penalty_decisions_date_idx').on(t.agencyId, t.decisionDate),
    check('penalty_decisions_amount_nonneg', sql`${t.amountTotal} >= 0`),
    check(
      'penalty_decisions_periods_ordered',
      sql`${t.earliestRepairOn} is null or (${t.publicityFrom} <= ${t.earliestRepairOn} and (${t.publicityEndsOn} is null or ${t.earliestRepairOn} <= ${t.publicityEndsOn} + 1))`,
    ),
    check('penalty_decisions_repair_days_positive', sql`${t.repairWorkingDays} > 0`),
  ],
);

/** How the decision (and the notice with it) reached the party. One record per decision. */
export const penaltyDeliveries = pgTable(
  'penalty_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    decisionId: bigint('decision_id', { mode: 'number' })
      .notNull()
      .references(() => penaltyDecisions.id),
    deliveredAt: ts('delivered_at').notNull(),
    method: deliveryMethod('method').notNull(),
    documents: deliveredDocuments('documents').notNull(),
    recipient: text('recipient').notNull(),
    /** 送达回证 number, postal tracking number or electronic receipt id. */
    receiptRef: text('receipt_ref').notNull(),
    recordedBy: bigint('recorded_by', { mode: 'number' }).references(() => users.id),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('penalty_deliveries_decision').on(t.decisionId)],
);

export const repairApplications = pgTable(
  'repair_applications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    decisionId: bigint('decision_id', { mode: 'number' })
      .notNull()
      .references(() => penaltyDecisions.id),
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprises.id),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** [{material, ref}] against the rule set's checklist. */
    materials: jsonb('materials').notNull(),
    statement: text('statement').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    state: repairState('state').notNull().default('pending'),
    decidedOn: date('decided_on', { mode: 'string' }),
    reason: text('reason'),
    decidedBy: bigint('decided_by', { mode: 'number' }).references(() => users.id),
    /** How due_on was computed (rule set, working days, calendar). */
    trace: jsonb('trace').notNull(),
    appliedBy: bigint('applied_by', { mode: 'number' }).references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('repair_applications_one_pending')
      .on(t.decisionId)
      .where(sql`${t.state} = 'pending'`),
    uniqueIndex('repair_applications_one_approved')
      .on(t.decisionId)
      .where(sql`${t.state} = 'approved'`),
    index('repair_applications_enterprise_idx').on(t.enterpriseId),
    check('repair_applications_due_after_receipt', sql`${t.dueOn} > ${t.receivedOn}`),
    check('repair_applications_decided', sql`(${t.state} = 'pending') = (${t.decidedOn} is null)`),
    check('repair_applications_rejection_reason', sql`${t.state} <> 'rejected' or length(coalesce(${t.reason}, '')) > 0`),
  ],
);
