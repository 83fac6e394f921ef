/**
 * Scorecards (measures 七 and 八): indicator values per unit (district or benchmark city) and year
 * for the district SME environment assessment, benchmark cities, saved weight sets for what-if,
 * and enterprises' digital-level questionnaires with their stored result (score, level, trace).
 * Scores of districts are computed when read (policy/scorecards), never stored.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { enterprises } from './registry.ts';
import { users } from './system.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const scorecardBenchmarkCities = pgTable('scorecard_benchmark_cities', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  /** Why the city is a benchmark (e.g. its rank in the national assessment) and where that is said. */
  note: text('note').notNull().default(''),
  sort: integer('sort').notNull().default(0),
});

export const scorecardValues = pgTable(
  'scorecard_values',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** 'district' (a units.code) or 'benchmark' (a scorecard_benchmark_cities.code). */
    unitKind: text('unit_kind').notNull(),
    unitCode: text('unit_code').notNull(),
    year: integer('year').notNull(),
    indicatorId: text('indicator_id').notNull(),
    value: doublePrecision('value').notNull(),
    /** 'form', 'import', 'seed'. */
    source: text('source').notNull(),
    note: text('note').notNull().default(''),
    updatedBy: bigint('updated_by', { mode: 'number' }).references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('scorecard_values_key').on(t.unitKind, t.unitCode, t.year, t.indicatorId),
    index('scorecard_values_year').on(t.year),
    check('scorecard_values_kind', sql`${t.unitKind} in ('district', 'benchmark')`),
    check('scorecard_values_source', sql`${t.source} in ('form', 'import', 'seed')`),
    check('scorecard_values_year_range', sql`${t.year} between 2000 and 2100`),
  ],
);

export const scorecardWeightSets = pgTable(
  'scorecard_weight_sets',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    /** Dimension or indicator id → weight. */
    weights: jsonb('weights').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('scorecard_weight_sets_name').on(t.name),
    check('scorecard_weight_sets_object', sql`jsonb_typeof(${t.weights}) = 'object'`),
  ],
);

export const digitalAssessments = pgTable(
  'digital_assessments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    /** The questionnaire's version, e.g. '2024'. */
    version: text('version').notNull(),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    answers: jsonb('answers').notNull(),
    score: doublePrecision('score').notNull(),
    level: integer('level').notNull(),
    /** The result as computed: parts, questions, advice, parameter dates. */
    result: jsonb('result').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    // One questionnaire per enterprise and day: a second submission the same day replaces it.
    unique('digital_assessments_day').on(t.enterpriseId, t.assessedOn),
    check('digital_assessments_score', sql`${t.score} >= 0 and ${t.score} <= 100`),
    check('digital_assessments_level', sql`${t.level} between 0 and 4`),
  ],
);
