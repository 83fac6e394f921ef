/**
 * Imports of published recognition lists (MIIT, the province): the uploaded file as it came,
 * every row's verdict against the registry, the officer's decisions, and what applying created.
 * An import is previewed, then applied once in one transaction, and can be reverted while none
 * of its entitlements has been paid (src/modules/imports).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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
import { enterprises, recognitionKind, titleKind, titleLevel, titles } from './registry.ts';
import { users } from './system.ts';

/** The original bytes of an upload (PostgreSQL bytea). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (v) => v,
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const importStatus = pgEnum('import_status', ['preview', 'applied', 'reverted']);
export const importRowVerdict = pgEnum('import_row_verdict', [
  'matched',
  'ambiguous',
  'not_found',
  'other_city',
  'duplicate',
  'invalid',
]);

/** Upper bound of a kept upload, bytes; the routes refuse larger files before this. */
export const IMPORT_FILE_MAX_BYTES = 5 * 1024 * 1024;

export const listImports = pgTable(
  'list_imports',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: titleKind('kind').notNull(),
    level: titleLevel('level').notNull(),
    batch: text('batch').notNull().default(''),
    recognisedOn: date('recognised_on', { mode: 'string' }).notNull(),
    /** Last valid day of the titles created (default recognition + 3 years − 1 day). */
    validUntil: date('valid_until', { mode: 'string' }),
    /** Recognition of rows outside any 新认定/复核 section and without a category column. */
    defaultRecognition: recognitionKind('default_recognition').notNull().default('first'),
    sourceType: text('source_type').notNull(),
    fileName: text('file_name').notNull(),
    fileBytes: bytea('file_bytes').notNull(),
    fileSize: integer('file_size').notNull(),
    /** SHA-256 of the normalised rows and the title choice: the same list imported twice is one import. */
    contentHash: text('content_hash').notNull(),
    /** Header row and column mapping used to read the file. */
    mapping: jsonb('mapping').notNull(),
    status: importStatus('status').notNull().default('preview'),
    counts: jsonb('counts').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    appliedBy: bigint('applied_by', { mode: 'number' }).references(() => users.id),
    appliedAt: timestamp('applied_at', { withTimezone: true, mode: 'date' }),
    revertedBy: bigint('reverted_by', { mode: 'number' }).references(() => users.id),
    revertedAt: timestamp('reverted_at', { withTimezone: true, mode: 'date' }),
    revertReason: text('revert_reason'),
  },
  (t) => [
    // A live (previewed or applied) import of the same content and choice exists at most once.
    uniqueIndex('list_imports_live_hash').on(t.contentHash).where(sql`${t.status} in ('preview', 'applied')`),
    index('list_imports_created_idx').on(t.createdAt),
    check('list_imports_file_size', sql`${t.fileSize} >= 0 and ${t.fileSize} <= ${sql.raw(String(IMPORT_FILE_MAX_BYTES))}`),
    check('list_imports_validity_order', sql`${t.validUntil} is null or ${t.validUntil} > ${t.recognisedOn}`),
    check('list_imports_source_type', sql`${t.sourceType} in ('xlsx', 'csv', 'text')`),
  ],
);

export const listImportRows = pgTable(
  'list_import_rows',
  {
    importId: bigint('import_id', { mode: 'number' })
      .notNull()
      .references(() => listImports.id, { onDelete: 'cascade' }),
    /** The row number as the officer sees it (Excel row, CSV record, pasted line). */
    rowNo: integer('row_no').notNull(),
    /** The row's cells keyed by column header (or column letter). */
    raw: jsonb('raw').notNull(),
    name: text('name').notNull().default(''),
    /** The name normalised for matching (brackets, widths, company form, region prefix). */
    nameKey: text('name_key').notNull().default(''),
    uscc: text('uscc'),
    region: text('region'),
    product: text('product'),
    section: text('section'),
    recognition: recognitionKind('recognition').notNull(),
    verdict: importRowVerdict('verdict').notNull(),
    /** How the match was found: uscc, name, former_name, normalised, fuzzy. */
    matchMethod: text('match_method'),
    enterpriseId: bigint('enterprise_id', { mode: 'number' }).references(() => enterprises.id, { onDelete: 'set null' }),
    candidates: jsonb('candidates').notNull().default(sql`'[]'::jsonb`),
    /** Bilingual remarks: why ambiguous, invalid, set aside. */
    notes: jsonb('notes').notNull().default(sql`'[]'::jsonb`),
    duplicateOf: integer('duplicate_of'),
    /** At preview: the matched enterprise already holds this title (kind, level, date); applying skips it. */
    titleExists: boolean('title_exists').notNull().default(false),
    /** The officer's decision: {action: match|create|skip, ...}. */
    decision: jsonb('decision'),
    decidedBy: bigint('decided_by', { mode: 'number' }).references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    /** After apply: created | already_recorded | skipped. */
    outcome: text('outcome'),
    titleId: bigint('title_id', { mode: 'number' }).references(() => titles.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNo] }), index('list_import_rows_verdict_idx').on(t.importId, t.verdict)],
);
