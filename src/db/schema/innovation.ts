/**
 * Innovation services (measures 四、（十一） and （十二）): the two catalogues of the
 * "enterprises set the problem, universities solve it" mechanism — technology achievements of
 * universities and institutes, R&D demands of enterprises — matched both ways with a full-text
 * index built inside the database; 揭榜 applications (a team takes up a demand, the enterprise
 * chooses one, contract, completion, government support); and large enterprises' shared
 * resources with the SMEs' requests.
 *
 * Search: text is segmented in Node (jieba with a domain dictionary, see
 * src/modules/innovation/segment.ts) and stored as a `tsvector` whose lexemes are the segmented
 * words themselves (title words weighted A), so ranking (`ts_rank`) runs in the database the
 * same way on PGlite and PostgreSQL. `terms` keeps the distinct words for the reasons shown.
 *
 * Money is integer yuan. Contacts are SM4-encrypted personal data, masked in lists.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { enterprises, units } from './registry.ts';
import { users } from './system.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const techField = pgEnum('tech_field', [
  'intelligent_manufacturing',
  'industrial_internet',
  'biomedicine',
  'new_materials',
  'new_energy',
  'food_agriculture',
  'testing_services',
  'green_construction',
]);
/** How far an achievement is from production: 实验室 / 小试样机 / 中试 / 已产业化. */
export const techMaturity = pgEnum('tech_maturity', ['lab', 'prototype', 'pilot', 'industrialised']);
export const techIpKind = pgEnum('tech_ip_kind', ['invention_patent', 'utility_model', 'software_copyright', 'know_how', 'none']);
export const catalogueStatus = pgEnum('catalogue_status', ['published', 'closed']);
/** 揭榜 application: applied → chosen (by the enterprise) → contracted → completed; or not_chosen / withdrawn. */
export const techApplicationStatus = pgEnum('tech_application_status', [
  'applied',
  'chosen',
  'not_chosen',
  'withdrawn',
  'contracted',
  'completed',
]);
export const resourceKind = pgEnum('resource_kind', ['instrument', 'test_site', 'capacity', 'brand', 'design', 'rd']);
export const resourceRequestStatus = pgEnum('resource_request_status', [
  'requested',
  'accepted',
  'declined',
  'withdrawn',
  'completed',
]);

/** 技术成果转移目录: an achievement of a university or institute. */
export const techAchievements = pgTable(
  'tech_achievements',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    field: techField('field').notNull(),
    maturity: techMaturity('maturity').notNull(),
    ipKind: techIpKind('ip_kind').notNull(),
    ipNumber: text('ip_number'),
    /** The owning university or institute (the university users' `organisation`). */
    owner: text('owner').notNull(),
    /** The research team (课题组) that would take the work up. */
    team: text('team').notNull(),
    /** Where the owner sits: the district used in the "same district" reason. */
    unitCode: text('unit_code').references(() => units.code),
    contactNameEnc: text('contact_name_enc'),
    contactPhoneEnc: text('contact_phone_enc'),
    status: catalogueStatus('status').notNull().default('published'),
    terms: text('terms')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    search: tsvector('search').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('tech_achievements_search_idx').using('gin', t.search),
    index('tech_achievements_owner_idx').on(t.owner),
    index('tech_achievements_field_idx').on(t.field, t.status),
    check('tech_achievements_title', sql`char_length(${t.title}) between 2 and 200`),
  ],
);

/** 技术研发需求目录: an enterprise's R&D problem (企业出题). */
export const techDemands = pgTable(
  'tech_demands',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    field: techField('field').notNull(),
    budget: bigint('budget', { mode: 'number' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: catalogueStatus('status').notNull().default('published'),
    terms: text('terms')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    search: tsvector('search').notNull(),
    postedBy: bigint('posted_by', { mode: 'number' }).references(() => users.id),
    postedAt: ts('posted_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('tech_demands_search_idx').using('gin', t.search),
    index('tech_demands_enterprise_idx').on(t.enterpriseId),
    index('tech_demands_field_idx').on(t.field, t.status),
    check('tech_demands_budget', sql`${t.budget} > 0`),
    check('tech_demands_title', sql`char_length(${t.title}) between 2 and 200`),
  ],
);

/**
 * 揭榜: a university team takes up a demand. One application per organisation and demand (a
 * key), and at most one chosen application per demand (a partial unique index), so double
 * clicks and two officers choosing at once cannot award a demand twice.
 */
export const techApplications = pgTable(
  'tech_applications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    demandId: bigint('demand_id', { mode: 'number' })
      .notNull()
      .references(() => techDemands.id, { onDelete: 'cascade' }),
    organisation: text('organisation').notNull(),
    team: text('team').notNull(),
    achievementId: bigint('achievement_id', { mode: 'number' }).references(() => techAchievements.id, { onDelete: 'set null' }),
    proposal: text('proposal').notNull(),
    quote: bigint('quote', { mode: 'number' }),
    status: techApplicationStatus('status').notNull().default('applied'),
    contractAmount: bigint('contract_amount', { mode: 'number' }),
    contractSignedOn: date('contract_signed_on', { mode: 'string' }),
    completedOn: date('completed_on', { mode: 'string' }),
    /** 政府助题: support granted to the project (yuan) and by whom / under which programme. */
    supportAmount: bigint('support_amount', { mode: 'number' }),
    supportNote: text('support_note'),
    appliedBy: bigint('applied_by', { mode: 'number' }).references(() => users.id),
    appliedAt: ts('applied_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('tech_applications_once').on(t.demandId, t.organisation),
    uniqueIndex('tech_applications_one_chosen')
      .on(t.demandId)
      .where(sql`${t.status} in ('chosen', 'contracted', 'completed')`),
    check('tech_applications_quote', sql`${t.quote} is null or ${t.quote} > 0`),
    check(
      'tech_applications_contract',
      sql`(${t.status} in ('contracted', 'completed')) = (${t.contractAmount} is not null and ${t.contractSignedOn} is not null)`,
    ),
    check('tech_applications_contract_amount', sql`${t.contractAmount} is null or ${t.contractAmount} > 0`),
    check('tech_applications_completed', sql`(${t.status} = 'completed') = (${t.completedOn} is not null)`),
    check('tech_applications_support', sql`${t.supportAmount} is null or ${t.supportAmount} >= 0`),
  ],
);

/** A large enterprise's resource opened to SMEs (仪器设备, 试验场地, 产能, 品牌, 设计研发能力). */
export const sharedResources = pgTable(
  'shared_resources',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    kind: resourceKind('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    terms: text('terms_of_use').notNull().default(''),
    status: catalogueStatus('status').notNull().default('published'),
    postedBy: bigint('posted_by', { mode: 'number' }).references(() => users.id),
    postedAt: ts('posted_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('shared_resources_enterprise_idx').on(t.enterpriseId),
    index('shared_resources_kind_idx').on(t.kind, t.status),
    check('shared_resources_title', sql`char_length(${t.title}) between 2 and 200`),
  ],
);

/** An SME's request for a shared resource: one open request per enterprise and resource. */
export const resourceRequests = pgTable(
  'resource_requests',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    resourceId: bigint('resource_id', { mode: 'number' })
      .notNull()
      .references(() => sharedResources.id, { onDelete: 'cascade' }),
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    status: resourceRequestStatus('status').notNull().default('requested'),
    answer: text('answer'),
    requestedBy: bigint('requested_by', { mode: 'number' }).references(() => users.id),
    requestedAt: ts('requested_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('resource_requests_one_open')
      .on(t.resourceId, t.enterpriseId)
      .where(sql`${t.status} in ('requested', 'accepted')`),
    index('resource_requests_enterprise_idx').on(t.enterpriseId),
    check('resource_requests_period', sql`${t.fromDate} <= ${t.toDate}`),
  ],
);

/**
 * How many catalogue entries contain each word (document frequency), per catalogue, kept in the
 * same transaction as every insert and edit (row-locked increments, so concurrent writers stay
 * exact). Matching starts from the query's rarer words (match.ts): a word half the catalogue uses
 * finds everything and says nothing. The row with term '#entries' holds the catalogue's size.
 */
export const techTermStats = pgTable(
  'tech_term_stats',
  {
    catalogue: text('catalogue').notNull(),
    term: text('term').notNull(),
    df: integer('df').notNull().default(0),
  },
  (t) => [
    uniqueIndex('tech_term_stats_key').on(t.catalogue, t.term),
    check('tech_term_stats_catalogue', sql`${t.catalogue} in ('achievement', 'demand')`),
  ],
);
