/**
 * Intellectual property (measures 一、（三） and 三、（十）): the IP items an enterprise holds
 * (patents, software copyrights, plant varieties, IC layout designs, trademarks), their pledges,
 * and the link from IP-pledge loans (financing_loans, owned by the financing module) to the items
 * they are secured on. Classes and scores are computed when read (policy/ip), never stored.
 *
 * A pledged item cannot be pledged twice while a pledge is active: a partial unique index on
 * ip_pledges (item) where released_on is null.
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
import { enterprises } from './registry.ts';
import { users } from './system.ts';
import { financingLoans } from './financing.ts';

export const ipKind = pgEnum('ip_kind', [
  'invention_patent',
  'utility_model',
  'design_patent',
  'software_copyright',
  'plant_variety',
  'ic_layout',
  'trademark',
]);
export const ipLegalStatus = pgEnum('ip_legal_status', ['pending', 'valid', 'lapsed', 'expired', 'invalidated']);
export const ipOrigin = pgEnum('ip_origin', ['self_developed', 'acquired']);

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const ipRecords = pgTable(
  'ip_records',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    kind: ipKind('kind').notNull(),
    /** Normalised: patents as 201710601862.3 (check digit verified). */
    number: text('number').notNull(),
    /** True when a check digit was verified (patents); false = format checked loosely. */
    numberVerified: boolean('number_verified').notNull().default(false),
    title: text('title').notNull(),
    appliedOn: date('applied_on', { mode: 'string' }).notNull(),
    grantedOn: date('granted_on', { mode: 'string' }),
    expiresOn: date('expires_on', { mode: 'string' }),
    legalStatus: ipLegalStatus('legal_status').notNull(),
    maintenanceYearsPaid: integer('maintenance_years_paid').notNull().default(0),
    foreignFamilyCount: integer('foreign_family_count').notNull().default(0),
    /** 被引次数; null = not recorded. */
    citations: integer('citations'),
    /** policy/ip IP_AWARDS ids. */
    awards: text('awards')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    origin: ipOrigin('origin').notNull(),
    acquiredOn: date('acquired_on', { mode: 'string' }),
    relatedToMainProduct: boolean('related_to_main_product').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    unique('ip_records_number').on(t.enterpriseId, t.kind, t.number),
    index('ip_records_enterprise_idx').on(t.enterpriseId),
    check(
      'ip_records_counts',
      sql`${t.maintenanceYearsPaid} between 0 and 50 and ${t.foreignFamilyCount} >= 0 and coalesce(${t.citations}, 0) >= 0`,
    ),
    check('ip_records_acquired', sql`(${t.origin} = 'acquired') = (${t.acquiredOn} is not null)`),
    check(
      'ip_records_dates',
      sql`(${t.grantedOn} is null or ${t.grantedOn} >= ${t.appliedOn}) and (${t.expiresOn} is null or ${t.expiresOn} >= ${t.appliedOn})`,
    ),
    check('ip_records_granted', sql`${t.legalStatus} = 'pending' or ${t.grantedOn} is not null`),
  ],
);

/**
 * A pledge of one IP item (质押登记): to a lender, for an amount, from a date; released on a date.
 * Pledges of platform loans carry the loan; older pledges (history) may name only the pledgee.
 */
export const ipPledges = pgTable(
  'ip_pledges',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ipRecordId: bigint('ip_record_id', { mode: 'number' })
      .notNull()
      .references(() => ipRecords.id, { onDelete: 'cascade' }),
    /** The IP-pledge loan on the platform this pledge secures (link to financing's loans). */
    loanId: bigint('loan_id', { mode: 'number' }).references(() => financingLoans.id, { onDelete: 'cascade' }),
    pledgee: text('pledgee').notNull(),
    /** The amount secured (yuan): the loan amount for platform loans. */
    amount: bigint('amount', { mode: 'number' }).notNull(),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    releasedOn: date('released_on', { mode: 'string' }),
    recordedBy: bigint('recorded_by', { mode: 'number' }).references(() => users.id),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ip_pledges_one_active')
      .on(t.ipRecordId)
      .where(sql`${t.releasedOn} is null`),
    unique('ip_pledges_loan_item').on(t.loanId, t.ipRecordId),
    index('ip_pledges_loan_idx').on(t.loanId),
    check('ip_pledges_amount', sql`${t.amount} > 0`),
    check('ip_pledges_release', sql`${t.releasedOn} is null or ${t.releasedOn} >= ${t.registeredOn}`),
  ],
);
