/**
 * Targets dashboard: figures computed per (date, scope) are kept a short while in the database,
 * not in process memory, so every instance serves the same numbers and computes them once.
 */
import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const dashboardCache = pgTable('dashboard_cache', {
  /** "v<n>|<on>|<scope>" */
  key: text('key').primaryKey(),
  body: jsonb('body').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  /** Set by the one request that refreshes a stale entry; the others serve the stale body meanwhile. */
  refreshingAt: timestamp('refreshing_at', { withTimezone: true, mode: 'date' }),
});
