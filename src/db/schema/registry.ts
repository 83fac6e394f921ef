/**
 * Registry: managing units (districts, counties, functional zones), enterprises and their yearly
 * figures, titles, service carriers and residency. Money is integer yuan (bigint).
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
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const unitKind = pgEnum('unit_kind', ['district', 'county', 'zone']);
export const sizeClass = pgEnum('size_class', ['micro', 'small', 'medium', 'large']);
export const titleKind = pgEnum('title_kind', [
  'innovative_sme',
  'specialized_sme',
  'little_giant',
  'manufacturing_champion',
  'gazelle',
  'unicorn',
]);
export const titleLevel = pgEnum('title_level', ['national', 'provincial', 'city']);
export const recognitionKind = pgEnum('recognition_kind', ['first', 'renewal']);
export const carrierKind = pgEnum('carrier_kind', ['demo_base', 'service_platform', 'park', 'cluster']);

/** 区县 and 功能区: each enterprise belongs to exactly one managing unit. */
export const units = pgTable('units', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  kind: unitKind('kind').notNull(),
  /** For a functional zone: the administrative districts it overlays (GB/T 2260 codes). */
  overlays: text('overlays').array().notNull().default(sql`'{}'::text[]`),
  sort: integer('sort').notNull().default(0),
});

export const enterprises = pgTable(
  'enterprises',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    uscc: text('uscc').notNull(),
    name: text('name').notNull(),
    /** Pinyin initials of the name, lower case, for search ("jnsyxgs"). */
    nameInitials: text('name_initials').notNull(),
    unitCode: text('unit_code')
      .notNull()
      .references(() => units.code),
    /** GB/T 4754-2017 class, e.g. "C3421". */
    industryCode: text('industry_code').notNull(),
    establishedOn: date('established_on', { mode: 'string' }).notNull(),
    sizeClass: sizeClass('size_class').notNull(),
    address: text('address').notNull().default(''),
    /** Whether it counts as strategic emerging industry (战略性新兴产业分类 2018). */
    strategicEmerging: boolean('strategic_emerging').notNull().default(false),
    /** Contact person and phone: personal data, SM4-encrypted at rest (see src/shared/crypto.ts). */
    contactNameEnc: text('contact_name_enc'),
    contactPhoneEnc: text('contact_phone_enc'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprises_uscc_key').on(t.uscc),
    index('enterprises_unit_idx').on(t.unitCode),
    index('enterprises_name_idx').on(t.name),
    index('enterprises_initials_idx').on(t.nameInitials),
    check('enterprises_uscc_len', sql`char_length(${t.uscc}) = 18`),
  ],
);

export const enterpriseFormerNames = pgTable(
  'enterprise_former_names',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    usedUntil: date('used_until', { mode: 'string' }),
  },
  (t) => [index('former_names_enterprise_idx').on(t.enterpriseId), index('former_names_name_idx').on(t.name)],
);

/** Yearly operating figures, integer yuan; one row per enterprise and year. */
export const enterpriseYearly = pgTable(
  'enterprise_yearly',
  {
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    revenue: bigint('revenue', { mode: 'number' }).notNull(),
    mainBusinessRevenue: bigint('main_business_revenue', { mode: 'number' }).notNull(),
    rdExpense: bigint('rd_expense', { mode: 'number' }).notNull(),
    netProfit: bigint('net_profit', { mode: 'number' }).notNull(),
    totalAssets: bigint('total_assets', { mode: 'number' }).notNull(),
    totalLiabilities: bigint('total_liabilities', { mode: 'number' }).notNull(),
    employees: integer('employees').notNull(),
    rdStaff: integer('rd_staff').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.enterpriseId, t.year] }),
    check('yearly_revenue_nonneg', sql`${t.revenue} >= 0`),
    check('yearly_main_nonneg', sql`${t.mainBusinessRevenue} >= 0 and ${t.mainBusinessRevenue} <= ${t.revenue}`),
    check('yearly_rd_nonneg', sql`${t.rdExpense} >= 0`),
    check('yearly_assets_nonneg', sql`${t.totalAssets} >= 0 and ${t.totalLiabilities} >= 0`),
    check('yearly_staff_nonneg', sql`${t.employees} >= 0 and ${t.rdStaff} >= 0 and ${t.rdStaff} <= ${t.employees}`),
  ],
);

/** IP holdings by class at the end of a year (the tier standards count these). */
export const enterpriseIp = pgTable(
  'enterprise_ip',
  {
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    inventionPatents: integer('invention_patents').notNull().default(0),
    utilityModels: integer('utility_models').notNull().default(0),
    designPatents: integer('design_patents').notNull().default(0),
    softwareCopyrights: integer('software_copyrights').notNull().default(0),
    trademarks: integer('trademarks').notNull().default(0),
    /** Ⅰ类 IP (invention patents, plant varieties, layout designs, new drugs …). */
    class1: integer('class1').notNull().default(0),
    /** Ⅱ类 IP (utility models, designs, software copyrights …). */
    class2: integer('class2').notNull().default(0),
    /** Ⅰ类高价值 IP. */
    class1HighValue: integer('class1_high_value').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.enterpriseId, t.year] }),
    check(
      'ip_nonneg',
      sql`least(${t.inventionPatents}, ${t.utilityModels}, ${t.designPatents}, ${t.softwareCopyrights}, ${t.trademarks}, ${t.class1}, ${t.class2}, ${t.class1HighValue}) >= 0`,
    ),
  ],
);

/** Honours other than the ladder titles (高新技术企业, 省级企业技术中心, awards …). */
export const enterpriseHonours = pgTable(
  'enterprise_honours',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    level: titleLevel('level').notNull(),
    year: integer('year').notNull(),
  },
  (t) => [index('honours_enterprise_idx').on(t.enterpriseId)],
);

/** A title (创新型, 专精特新, 小巨人 …) held by an enterprise: one row per recognition. */
export const titles = pgTable(
  'titles',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    kind: titleKind('kind').notNull(),
    level: titleLevel('level').notNull(),
    batch: text('batch').notNull().default(''),
    recognisedOn: date('recognised_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    recognition: recognitionKind('recognition').notNull(),
    revokedOn: date('revoked_on', { mode: 'string' }),
    revokeReason: text('revoke_reason'),
    /** Where the title came from: "seed", "manual", "import:<id>". */
    source: text('source').notNull().default('manual'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    unique('titles_once').on(t.enterpriseId, t.kind, t.level, t.recognisedOn),
    index('titles_enterprise_idx').on(t.enterpriseId),
    index('titles_kind_date_idx').on(t.kind, t.recognisedOn),
    check('titles_validity_order', sql`${t.validUntil} is null or ${t.validUntil} > ${t.recognisedOn}`),
    check(
      'titles_revocation',
      sql`(${t.revokedOn} is null and ${t.revokeReason} is null) or (${t.revokedOn} is not null and ${t.revokeReason} is not null and ${t.revokedOn} >= ${t.recognisedOn})`,
    ),
  ],
);

/** Service carriers: demonstration bases, public-service platforms, parks, clusters. */
export const carriers = pgTable(
  'carriers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: carrierKind('kind').notNull(),
    name: text('name').notNull(),
    level: titleLevel('level').notNull(),
    unitCode: text('unit_code')
      .notNull()
      .references(() => units.code),
    /** The operating organisation's USCC, when it has one. */
    operatorUscc: text('operator_uscc'),
    recognisedOn: date('recognised_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    /** For clusters: the leading industry. */
    leadingIndustry: text('leading_industry'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    unique('carriers_name_kind').on(t.kind, t.name),
    check('carriers_validity_order', sql`${t.validUntil} is null or ${t.validUntil} > ${t.recognisedOn}`),
  ],
);

/** An enterprise resides in a carrier (base, park) from a date, possibly until a date. */
export const residencies = pgTable(
  'residencies',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    carrierId: bigint('carrier_id', { mode: 'number' })
      .notNull()
      .references(() => carriers.id, { onDelete: 'cascade' }),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
  },
  (t) => [
    index('residencies_enterprise_idx').on(t.enterpriseId),
    index('residencies_carrier_idx').on(t.carrierId),
    check('residencies_order', sql`${t.toDate} is null or ${t.toDate} >= ${t.fromDate}`),
  ],
);
