/**
 * 创客济南 competition (measure 四、（十三）): editions by year, industry tracks, stages with their
 * dates and scoring settings, registrations (entries) with eligibility and attachments, judges'
 * pools, declared ties, assignments, blind scores, stage results, roadshow interest and fund
 * investments. Scores are integer centi-points (8650 = 86.50 points), money integer yuan.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  foreignKey,
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
import { enterprises, units } from './registry.ts';
import { users } from './system.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (v) => v,
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const competitionGroup = pgEnum('competition_group', ['enterprise', 'maker']);
export const competitionStageKind = pgEnum('competition_stage_kind', [
  'registration',
  'preliminary',
  'semi_final',
  'final',
  'roadshow',
]);
export const competitionInterestLevel = pgEnum('competition_interest_level', ['strong', 'moderate', 'watching']);
export const competitionFundLevel = pgEnum('competition_fund_level', ['national', 'provincial', 'city', 'district']);
export const competitionInvestmentStatus = pgEnum('competition_investment_status', [
  'intent',
  'due_diligence',
  'signed',
  'disbursed',
  'withdrawn',
]);

export const competitionEditions = pgTable(
  'competition_editions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    /** The groups this edition runs (企业组 / 创客组); entries may only be in one of them. */
    groups: competitionGroup('groups')
      .array()
      .notNull()
      .default(sql`'{enterprise,maker}'::competition_group[]`),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** Row version for optimistic concurrency: an edit names the version it read. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('competition_editions_year').on(t.year),
    check('competition_editions_year_range', sql`${t.year} between 2000 and 2100`),
    check('competition_editions_groups', sql`cardinality(${t.groups}) >= 1`),
  ],
);

export const competitionTracks = pgTable(
  'competition_tracks',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    editionId: bigint('edition_id', { mode: 'number' })
      .notNull()
      .references(() => competitionEditions.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
  },
  (t) => [uniqueIndex('competition_tracks_code').on(t.editionId, t.code)],
);

/**
 * A stage of an edition with its dates (registration closes on `closes_on`; judges score only
 * from `opens_on` to `closes_on`) and its scoring settings: the weighted rubric (criteria as data),
 * judges per project, the minimum number of judges before a project can be ranked, from how many
 * judges the highest and lowest scores are dropped, and how many (or what share) advance.
 */
export const competitionStages = pgTable(
  'competition_stages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    editionId: bigint('edition_id', { mode: 'number' })
      .notNull()
      .references(() => competitionEditions.id, { onDelete: 'cascade' }),
    kind: competitionStageKind('kind').notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    rubric: jsonb('rubric')
      .notNull()
      .default(sql`'[]'::jsonb`),
    judgesPerEntry: integer('judges_per_entry').notNull().default(5),
    minJudges: integer('min_judges').notNull().default(3),
    trimAtLeast: integer('trim_at_least').notNull().default(5),
    advanceCount: integer('advance_count'),
    advanceSharePercent: integer('advance_share_percent'),
    rankedAt: ts('ranked_at'),
    publishedAt: ts('published_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('competition_stages_kind').on(t.editionId, t.kind),
    check('competition_stages_dates', sql`${t.closesOn} >= ${t.opensOn}`),
    check(
      'competition_stages_settings',
      sql`${t.judgesPerEntry} between 1 and 30 and ${t.minJudges} between 1 and ${t.judgesPerEntry} and ${t.trimAtLeast} >= 3`,
    ),
    check(
      'competition_stages_advance',
      sql`(${t.advanceCount} is null or ${t.advanceCount} >= 0) and (${t.advanceSharePercent} is null or ${t.advanceSharePercent} between 0 and 100)`,
    ),
  ],
);

/** A registration: a team (maker group) or an enterprise (enterprise group) with its project. */
export const competitionEntries = pgTable(
  'competition_entries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    editionId: bigint('edition_id', { mode: 'number' })
      .notNull()
      .references(() => competitionEditions.id, { onDelete: 'cascade' }),
    /** The blind project code judges see, e.g. 2026-E-007. */
    code: text('code').notNull(),
    group: competitionGroup('group').notNull(),
    trackId: bigint('track_id', { mode: 'number' })
      .notNull()
      .references(() => competitionTracks.id),
    projectName: text('project_name').notNull(),
    summary: text('summary').notNull(),
    entrantName: text('entrant_name').notNull(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' }).references(() => enterprises.id),
    organisation: text('organisation'),
    leaderName: text('leader_name').notNull(),
    unitCode: text('unit_code').references(() => units.code),
    /** The facts eligibility was decided on, and the verdict with its reasons (stored with the decision). */
    facts: jsonb('facts').notNull(),
    eligible: boolean('eligible').notNull(),
    eligibility: jsonb('eligibility').notNull(),
    reachedStage: competitionStageKind('reached_stage').notNull(),
    registeredAt: ts('registered_at').notNull().defaultNow(),
    registeredBy: bigint('registered_by', { mode: 'number' }).references(() => users.id),
  },
  (t) => [
    uniqueIndex('competition_entries_code').on(t.editionId, t.code),
    uniqueIndex('competition_entries_enterprise').on(t.editionId, t.enterpriseId),
    uniqueIndex('competition_entries_project').on(t.editionId, t.projectName),
    index('competition_entries_edition_idx').on(t.editionId, t.group),
  ],
);

export const competitionAttachments = pgTable(
  'competition_attachments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    entryId: bigint('entry_id', { mode: 'number' })
      .notNull()
      .references(() => competitionEntries.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: bigint('uploaded_by', { mode: 'number' }).references(() => users.id),
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('competition_attachments_entry_sha').on(t.entryId, t.sha256),
    check(
      'competition_attachments_size',
      sql`${t.sizeBytes} > 0 and ${t.sizeBytes} <= 10485760 and octet_length(${t.content}) = ${t.sizeBytes}`,
    ),
    check('competition_attachments_sha256', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

/** A stage's judge pool: the judges (users of role judge) who may be assigned in it. */
export const competitionPoolMembers = pgTable(
  'competition_pool_members',
  {
    stageId: bigint('stage_id', { mode: 'number' })
      .notNull()
      .references(() => competitionStages.id, { onDelete: 'cascade' }),
    judgeId: bigint('judge_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.stageId, t.judgeId] })],
);

/** A judge's declared tie (关联关系) to an entry, or to an organisation (employer, former employer, investee). */
export const competitionJudgeTies = pgTable(
  'competition_judge_ties',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    editionId: bigint('edition_id', { mode: 'number' })
      .notNull()
      .references(() => competitionEditions.id, { onDelete: 'cascade' }),
    judgeId: bigint('judge_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    entryId: bigint('entry_id', { mode: 'number' }).references(() => competitionEntries.id, { onDelete: 'cascade' }),
    organisation: text('organisation'),
    note: text('note').notNull(),
    declaredBy: bigint('declared_by', { mode: 'number' }).references(() => users.id),
    declaredAt: ts('declared_at').notNull().defaultNow(),
  },
  (t) => [
    index('competition_judge_ties_judge_idx').on(t.editionId, t.judgeId),
    check('competition_judge_ties_target', sql`${t.entryId} is not null or ${t.organisation} is not null`),
  ],
);

export const competitionAssignments = pgTable(
  'competition_assignments',
  {
    stageId: bigint('stage_id', { mode: 'number' })
      .notNull()
      .references(() => competitionStages.id, { onDelete: 'cascade' }),
    entryId: bigint('entry_id', { mode: 'number' })
      .notNull()
      .references(() => competitionEntries.id, { onDelete: 'cascade' }),
    judgeId: bigint('judge_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    assignedAt: ts('assigned_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.stageId, t.entryId, t.judgeId] }), index('competition_assignments_judge_idx').on(t.judgeId)],
);

/** One judge's score of one project in one stage: the points per criterion and the weighted total. */
export const competitionScores = pgTable(
  'competition_scores',
  {
    stageId: bigint('stage_id', { mode: 'number' }).notNull(),
    entryId: bigint('entry_id', { mode: 'number' }).notNull(),
    judgeId: bigint('judge_id', { mode: 'number' }).notNull(),
    criteria: jsonb('criteria').notNull(),
    totalCenti: integer('total_centi').notNull(),
    comment: text('comment').notNull().default(''),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.stageId, t.entryId, t.judgeId] }),
    // A score exists only for an assignment (a conflicted judge is never assigned, so never scores).
    foreignKey({
      name: 'competition_scores_assignment_fk',
      columns: [t.stageId, t.entryId, t.judgeId],
      foreignColumns: [competitionAssignments.stageId, competitionAssignments.entryId, competitionAssignments.judgeId],
    }).onDelete('cascade'),
    check('competition_scores_total', sql`${t.totalCenti} between 0 and 10000`),
  ],
);

/** A stage's ranking per group, with the explanation of each place; frozen when the stage is published. */
export const competitionResults = pgTable(
  'competition_results',
  {
    stageId: bigint('stage_id', { mode: 'number' })
      .notNull()
      .references(() => competitionStages.id, { onDelete: 'cascade' }),
    entryId: bigint('entry_id', { mode: 'number' })
      .notNull()
      .references(() => competitionEntries.id, { onDelete: 'cascade' }),
    group: competitionGroup('group').notNull(),
    rank: integer('rank').notNull(),
    scoreCenti: integer('score_centi').notNull(),
    judges: integer('judges').notNull(),
    advanced: boolean('advanced').notNull(),
    recommendation: text('recommendation'),
    explanation: jsonb('explanation').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.stageId, t.entryId] }),
    uniqueIndex('competition_results_rank').on(t.stageId, t.group, t.rank),
    check(
      'competition_results_recommendation',
      sql`${t.recommendation} is null or ${t.recommendation} in ('national', 'provincial')`,
    ),
  ],
);

/** Investors' interest recorded at a roadshow. */
export const competitionInvestorInterests = pgTable(
  'competition_investor_interests',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    entryId: bigint('entry_id', { mode: 'number' })
      .notNull()
      .references(() => competitionEntries.id, { onDelete: 'cascade' }),
    investorName: text('investor_name').notNull(),
    level: competitionInterestLevel('level').notNull(),
    note: text('note').notNull().default(''),
    recordedOn: date('recorded_on', { mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('competition_interest_entry_investor').on(t.entryId, t.investorName)],
);

/** Investment by a government-guided fund (政府引导基金) in a project, followed up by status. */
export const competitionInvestments = pgTable(
  'competition_investments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    entryId: bigint('entry_id', { mode: 'number' })
      .notNull()
      .references(() => competitionEntries.id, { onDelete: 'cascade' }),
    fundName: text('fund_name').notNull(),
    fundLevel: competitionFundLevel('fund_level').notNull(),
    amountYuan: bigint('amount_yuan', { mode: 'number' }).notNull(),
    status: competitionInvestmentStatus('status').notNull(),
    statusOn: date('status_on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('competition_investments_entry_fund').on(t.entryId, t.fundName),
    check('competition_investments_amount', sql`${t.amountYuan} > 0`),
  ],
);

/** Every status an investment passed through, oldest first (intent → due diligence → signed → funded, or withdrawn). */
export const competitionInvestmentHistory = pgTable(
  'competition_investment_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    investmentId: bigint('investment_id', { mode: 'number' })
      .notNull()
      .references(() => competitionInvestments.id, { onDelete: 'cascade' }),
    fromStatus: competitionInvestmentStatus('from_status'),
    toStatus: competitionInvestmentStatus('to_status').notNull(),
    statusOn: date('status_on', { mode: 'string' }).notNull(),
    amountYuan: bigint('amount_yuan', { mode: 'number' }).notNull(),
    note: text('note').notNull().default(''),
    changedBy: bigint('changed_by', { mode: 'number' }).references(() => users.id),
    changedAt: ts('changed_at').notNull().defaultNow(),
  },
  (t) => [
    index('competition_investment_history_idx').on(t.investmentId, t.id),
    check('competition_investment_history_move', sql`${t.fromStatus} is null or ${t.fromStatus} <> ${t.toStatus}`),
  ],
);
