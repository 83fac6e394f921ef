/**
 * Documents attached to an application (申报材料): the bytes themselves (bytea), with the name,
 * the media type the platform recognised from the content, the size and the SHA-256. The
 * database holds the limits (size, hash shape) and keeps one copy of a file per case.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, customType, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { users } from './system.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (v) => v,
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const caseDocuments = pgTable(
  'case_documents',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: bigint('uploaded_by', { mode: 'number' }).references(() => users.id),
    uploadedByName: text('uploaded_by_name').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('case_documents_case_sha').on(t.caseId, t.sha256),
    check(
      'case_documents_size',
      sql`${t.sizeBytes} > 0 and ${t.sizeBytes} <= 10485760 and octet_length(${t.content}) = ${t.sizeBytes}`,
    ),
    check('case_documents_sha256', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('case_documents_name', sql`length(${t.fileName}) between 1 and 200`),
  ],
);
