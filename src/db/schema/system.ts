/** Users, sessions and the audit log: the platform's own state, all in the database. */
import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { carriers, enterprises, units } from './registry.ts';

export const role = pgEnum('role', [
  'city_officer',
  'district_officer',
  'finance_officer',
  'bank_officer',
  'enterprise_user',
  'carrier_operator',
  'university',
  'judge',
  'penalty_agency',
  'admin',
]);

export const users = pgTable(
  'users',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: role('role').notNull(),
    /** District officers: the managing unit they serve. */
    unitCode: text('unit_code').references(() => units.code),
    /** Enterprise users: their enterprise. */
    enterpriseId: bigint('enterprise_id', { mode: 'number' }).references(() => enterprises.id),
    /** Carrier operators: their carrier. */
    carrierId: bigint('carrier_id', { mode: 'number' }).references(() => carriers.id),
    /** Banks, universities, agencies: the organisation's name. */
    organisation: text('organisation'),
    passwordHash: text('password_hash').notNull(),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_key').on(sql`lower(${t.username})`)],
);

/** Sessions live in the database so that any number of app instances act as one. */
export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the session token; the token itself is only in the user's cookie. */
    tokenHash: text('token_hash').primaryKey(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expiry_idx').on(t.expiresAt)],
);

/**
 * Append-only audit log. Each entry's hash is SM3(previous hash ‖ canonical entry), so any
 * change, insertion or deletion breaks the chain (`sme audit verify`). A trigger refuses
 * UPDATE and DELETE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: text('at').notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId)],
);
