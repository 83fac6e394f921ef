/**
 * Entitlements computed by the policy engine (policy/), stored per fiscal year. The `key` is the
 * engine's stable result key, so recomputing is an idempotent upsert; a withdrawn or
 * to-be-recovered entitlement is never deleted.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { carriers, enterprises } from './registry.ts';

export const entitlementStatus = pgEnum('entitlement_status', [
  /** computed and owed, not yet paid */
  'owed',
  /** no longer owed (title revoked, facts changed) before payment */
  'withdrawn',
  /** paid, and then no longer owed: money to be recovered */
  'recovery_due',
]);

export const entitlements = pgTable(
  'entitlements',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    key: text('key').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    clause: text('clause').notNull(),
    item: text('item').notNull(),
    beneficiaryType: text('beneficiary_type').notNull(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' }).references(() => enterprises.id),
    carrierId: bigint('carrier_id', { mode: 'number' }).references(() => carriers.id),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    policyVersion: text('policy_version').notNull(),
    trigger: jsonb('trigger').notNull(),
    trace: jsonb('trace'),
    status: entitlementStatus('status').notNull().default('owed'),
    /** Bilingual reasons when withdrawn or due for recovery. */
    statusReason: jsonb('status_reason'),
    /** Set by the payment workflow; a paid entitlement is never withdrawn silently. */
    paidAt: timestamp('paid_at', { withTimezone: true, mode: 'date' }),
    computedAt: timestamp('computed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('entitlements_key').on(t.key),
    index('entitlements_year_idx').on(t.fiscalYear, t.clause),
    index('entitlements_enterprise_idx').on(t.enterpriseId),
    index('entitlements_carrier_idx').on(t.carrierId),
    check('entitlements_amount_nonneg', sql`${t.amount} >= 0`),
    check('entitlements_beneficiary', sql`(${t.beneficiaryType} = 'enterprise' and ${t.enterpriseId} is not null and ${t.carrierId} is null)
      or (${t.beneficiaryType} = 'carrier' and ${t.carrierId} is not null and ${t.enterpriseId} is null)`),
  ],
);

/**
 * The parameter part of traces, stored once per distinct set: thousands of entitlements under
 * the same rules cite the same parameter values, so each trace keeps only the hash of its set.
 */
export const traceParameterSets = pgTable('trace_parameter_sets', {
  hash: text('hash').primaryKey(),
  parameters: jsonb('parameters').notNull(),
});

/** One row per recomputation: who ran it, for which year and rules, and what changed. */
export const entitlementRuns = pgTable('entitlement_runs', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  fiscalYear: integer('fiscal_year').notNull(),
  policyVersion: text('policy_version').notNull(),
  actorName: text('actor_name').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }).notNull(),
  counts: jsonb('counts').notNull(),
});
