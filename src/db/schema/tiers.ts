/**
 * Tier assessment: facts the registry does not hold (years in the niche market, digital level,
 * equity financing, market share, credit score …), declared per enterprise in the
 * sme-ladder/tier-facts@1 vocabulary and merged with the registry's own facts.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { enterprises } from './registry.ts';

export const enterpriseDeclaredFacts = pgTable(
  'enterprise_declared_facts',
  {
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .primaryKey()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    /** Only the fields of tier-facts@1 that the registry lacks (checked by the service). */
    facts: jsonb('facts').notNull(),
    /** 'declared' (the enterprise), 'officer', 'seed'. */
    source: text('source').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    check('declared_facts_object', sql`jsonb_typeof(${t.facts}) = 'object'`),
    check('declared_facts_source', sql`${t.source} in ('declared', 'officer', 'seed')`),
  ],
);
