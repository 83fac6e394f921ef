/**
 * Financing (measure 一、（三）): financial institutions and their users, enterprises' consent to
 * share named fields with them (every grant and withdrawal a row), financing demands, the
 * institutions' responses, loans granted, and the institutions' products.
 *
 * The key-service list (重点服务名单) is not stored: it is computed when read, from titles in
 * force and the latest consent row (see src/modules/financing/service.ts).
 *
 * Rates are integer basis points (345 = 3.45 %), money integer yuan, terms whole months.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { enterprises, titleKind } from './registry.ts';
import { users } from './system.ts';

export const institutionKind = pgEnum('institution_kind', ['bank', 'guarantee', 'insurer']);
export const consentAction = pgEnum('consent_action', ['grant', 'withdraw']);
/** How a demand or a loan is secured: 信用, 知识产权质押, 担保, 保险 (专精特新险 / 信用保证保险). */
export const financingCollateral = pgEnum('financing_collateral', ['credit', 'ip_pledge', 'guarantee', 'insurance']);
export const demandStatus = pgEnum('demand_status', ['open', 'funded', 'closed']);
export const responseKind = pgEnum('response_kind', ['interested', 'offer', 'declined']);
export const productKind = pgEnum('product_kind', ['credit_loan', 'ip_pledge_loan', 'guarantee', 'insurance']);

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Banks, government financing-guarantee institutions and insurers on the platform. */
export const financialInstitutions = pgTable(
  'financial_institutions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: institutionKind('kind').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('financial_institutions_name').on(t.name)],
);

/** Which institution a user (role bank_officer = 金融机构人员) works for: one institution per user. */
export const institutionMembers = pgTable(
  'institution_members',
  {
    userId: bigint('user_id', { mode: 'number' })
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    institutionId: bigint('institution_id', { mode: 'number' })
      .notNull()
      .references(() => financialInstitutions.id),
  },
  (t) => [index('institution_members_institution_idx').on(t.institutionId)],
);

/**
 * Consent history: an enterprise grants consent to share the named fields with the financial
 * institutions on the platform, or withdraws it. Rows are never changed; the one with the highest
 * `seq` of an enterprise is in effect. `seq` is unique per enterprise, so two concurrent changes
 * cannot both be "the latest".
 */
export const financingConsents = pgTable(
  'financing_consents',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    action: consentAction('action').notNull(),
    /** The shared field groups (domain.ts SHAREABLE_FIELDS); empty on withdrawal. */
    fields: text('fields')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    actorId: bigint('actor_id', { mode: 'number' }).references(() => users.id),
    actorName: text('actor_name').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    unique('financing_consents_seq').on(t.enterpriseId, t.seq),
    check('financing_consents_seq_positive', sql`${t.seq} >= 1`),
    check('financing_consents_fields', sql`(${t.action} = 'grant') = (cardinality(${t.fields}) > 0)`),
  ],
);

/** A financing demand posted by an enterprise. */
export const financingDemands = pgTable(
  'financing_demands',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    termMonths: integer('term_months').notNull(),
    purpose: text('purpose').notNull(),
    collateral: financingCollateral('collateral').notNull(),
    status: demandStatus('status').notNull().default('open'),
    postedBy: bigint('posted_by', { mode: 'number' }).references(() => users.id),
    postedAt: ts('posted_at').notNull().defaultNow(),
    closedAt: ts('closed_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('financing_demands_enterprise_idx').on(t.enterpriseId),
    index('financing_demands_status_idx').on(t.status, t.postedAt),
    check('financing_demands_amount_positive', sql`${t.amount} > 0`),
    check('financing_demands_term', sql`${t.termMonths} between 1 and 360`),
    check('financing_demands_closed', sql`(${t.status} = 'open') = (${t.closedAt} is null)`),
  ],
);

/** An institution's answer to a demand: one per institution and demand (a database key). */
export const financingResponses = pgTable(
  'financing_responses',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    demandId: bigint('demand_id', { mode: 'number' })
      .notNull()
      .references(() => financingDemands.id, { onDelete: 'cascade' }),
    institutionId: bigint('institution_id', { mode: 'number' })
      .notNull()
      .references(() => financialInstitutions.id),
    kind: responseKind('kind').notNull(),
    offerAmount: bigint('offer_amount', { mode: 'number' }),
    offerRateBp: integer('offer_rate_bp'),
    offerTermMonths: integer('offer_term_months'),
    /** Declined: the reason (required); otherwise an optional note to the enterprise. */
    note: text('note'),
    responderId: bigint('responder_id', { mode: 'number' }).references(() => users.id),
    responderName: text('responder_name').notNull(),
    /** When the institution first answered: the green channel's clock stops here. */
    respondedAt: ts('responded_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    unique('financing_responses_once').on(t.demandId, t.institutionId),
    index('financing_responses_institution_idx').on(t.institutionId),
    check(
      'financing_responses_offer',
      sql`(${t.kind} = 'offer') = (${t.offerAmount} is not null and ${t.offerRateBp} is not null and ${t.offerTermMonths} is not null)`,
    ),
    check(
      'financing_responses_offer_values',
      sql`coalesce(${t.offerAmount}, 1) > 0 and coalesce(${t.offerRateBp}, 1) between 1 and 5000 and coalesce(${t.offerTermMonths}, 1) between 1 and 360`,
    ),
    check('financing_responses_declined_reason', sql`${t.kind} <> 'declined' or coalesce(char_length(${t.note}), 0) > 0`),
  ],
);

/** A loan granted (the outcome), recorded by the lending bank. */
export const financingLoans = pgTable(
  'financing_loans',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    institutionId: bigint('institution_id', { mode: 'number' })
      .notNull()
      .references(() => financialInstitutions.id),
    demandId: bigint('demand_id', { mode: 'number' }).references(() => financingDemands.id, { onDelete: 'set null' }),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    rateBp: integer('rate_bp').notNull(),
    termMonths: integer('term_months').notNull(),
    loanType: financingCollateral('loan_type').notNull(),
    /** The guarantee institution or insurer that secures a guarantee or insurance loan. */
    guarantorId: bigint('guarantor_id', { mode: 'number' }).references(() => financialInstitutions.id),
    /** The guarantee fee or premium rate charged to the enterprise, basis points a year. */
    guaranteeFeeBp: integer('guarantee_fee_bp'),
    grantedOn: date('granted_on', { mode: 'string' }).notNull(),
    recordedBy: bigint('recorded_by', { mode: 'number' }).references(() => users.id),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('financing_loans_demand_institution').on(t.demandId, t.institutionId),
    index('financing_loans_granted_idx').on(t.grantedOn),
    index('financing_loans_institution_idx').on(t.institutionId),
    check('financing_loans_amount_positive', sql`${t.amount} > 0`),
    check('financing_loans_rate', sql`${t.rateBp} between 1 and 5000`),
    check('financing_loans_term', sql`${t.termMonths} between 1 and 360`),
    check('financing_loans_guarantor', sql`(${t.loanType} in ('guarantee', 'insurance')) = (${t.guarantorId} is not null)`),
    check(
      'financing_loans_fee',
      sql`${t.guaranteeFeeBp} is null or (${t.guarantorId} is not null and ${t.guaranteeFeeBp} between 0 and 1000)`,
    ),
  ],
);

/** An institution's product for quality SMEs; eligibility by the titles the enterprise holds. */
export const financingProducts = pgTable(
  'financing_products',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    institutionId: bigint('institution_id', { mode: 'number' })
      .notNull()
      .references(() => financialInstitutions.id),
    kind: productKind('kind').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Holding any one of these titles (in force) makes an enterprise eligible. */
    eligibleTitles: titleKind('eligible_titles').array().notNull(),
    minAmount: bigint('min_amount', { mode: 'number' }),
    maxAmount: bigint('max_amount', { mode: 'number' }).notNull(),
    maxTermMonths: integer('max_term_months').notNull(),
    /** Loans: the rate range (basis points a year). */
    rateMinBp: integer('rate_min_bp'),
    rateMaxBp: integer('rate_max_bp'),
    /** Guarantees and insurance: the fee or premium rate (basis points a year). */
    feeRateBp: integer('fee_rate_bp'),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('financing_products_name').on(t.institutionId, t.name),
    check('financing_products_titles', sql`cardinality(${t.eligibleTitles}) > 0`),
    check(
      'financing_products_amounts',
      sql`${t.maxAmount} > 0 and (${t.minAmount} is null or (${t.minAmount} > 0 and ${t.minAmount} <= ${t.maxAmount}))`,
    ),
    check('financing_products_term', sql`${t.maxTermMonths} between 1 and 360`),
    check(
      'financing_products_rates',
      sql`case when ${t.kind} in ('credit_loan', 'ip_pledge_loan')
            then ${t.rateMinBp} is not null and ${t.rateMaxBp} is not null and ${t.rateMinBp} between 1 and ${t.rateMaxBp} and ${t.rateMaxBp} <= 5000 and ${t.feeRateBp} is null
            else ${t.feeRateBp} is not null and ${t.feeRateBp} between 0 and 1000 and ${t.rateMinBp} is null and ${t.rateMaxBp} is null end`,
    ),
  ],
);
