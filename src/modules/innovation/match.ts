/**
 * Two-way matching inside the database. The query's words (segment.ts) become an OR-ed
 * `tsquery`; the GIN index finds the entries sharing any word and `ts_rank` orders them (title
 * words weigh most), boosted when the technology field is the same and, a little, when the
 * district is. The same SQL runs on PGlite and PostgreSQL; the bench (bench/match.ts) times
 * exactly these functions.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { tsqueryLiteral } from './segment.ts';

/** Rank multipliers: one place, named, so their effect is visible and tested (precision@5). */
export const MATCH_WEIGHTS = {
  /** ts_rank weights for D, C, B, A lexemes (body words D, title words A). */
  lexeme: '{0.2,0.2,0.4,1.0}',
  sameField: 1.6,
  sameDistrict: 1.1,
  industryFits: 1.3,
} as const;

export interface RankedAchievement {
  id: number;
  score: number;
  terms: string[];
}

/** The published achievements best matching a demand's words, best first. */
export async function rankAchievements(
  db: DbOrTx,
  q: { terms: readonly string[]; field: string | null; unitCode: string | null; limit: number; excludeOwner?: string | null },
): Promise<RankedAchievement[]> {
  const query = tsqueryLiteral(q.terms);
  if (!query) return [];
  const rows = await rowsOf<{ id: number; score: number; terms: string[] }>(
    db,
    sql`select a.id, a.terms,
               (ts_rank(${MATCH_WEIGHTS.lexeme}::float4[], a.search, q.q)
                 * case when a.field::text = ${q.field} then ${MATCH_WEIGHTS.sameField}::float8 else 1 end
                 * case when a.unit_code = ${q.unitCode} then ${MATCH_WEIGHTS.sameDistrict}::float8 else 1 end)::float8 as score
          from tech_achievements a, (select ${query}::tsquery as q) q
         where a.search @@ q.q and a.status = 'published'
         order by score desc, a.id
         limit ${q.limit}`,
  );
  return rows.map((r) => ({ id: Number(r.id), score: Number(r.score), terms: r.terms }));
}

export interface RankedDemand {
  id: number;
  score: number;
  terms: string[];
  industryFits: boolean;
}

/**
 * The open demands best matching an achievement's words, best first; a demand whose enterprise's
 * industry belongs to the achievement's field ranks higher ("industry fits").
 */
export async function rankDemands(
  db: DbOrTx,
  q: { terms: readonly string[]; field: string | null; unitCode: string | null; industryPrefixes: readonly string[]; limit: number; today: string },
): Promise<RankedDemand[]> {
  const query = tsqueryLiteral(q.terms);
  if (!query) return [];
  const prefixes = q.industryPrefixes.length ? q.industryPrefixes.map((p) => p + '%') : ['-'];
  const rows = await rowsOf<{ id: number; score: number; terms: string[]; industry_fits: boolean }>(
    db,
    sql`select d.id, d.terms, f.fits as industry_fits,
               (ts_rank(${MATCH_WEIGHTS.lexeme}::float4[], d.search, q.q)
                 * case when d.field::text = ${q.field} then ${MATCH_WEIGHTS.sameField}::float8 else 1 end
                 * case when e.unit_code = ${q.unitCode} then ${MATCH_WEIGHTS.sameDistrict}::float8 else 1 end
                 * case when f.fits then ${MATCH_WEIGHTS.industryFits}::float8 else 1 end)::float8 as score
          from tech_demands d join enterprises e on e.id = d.enterprise_id,
               lateral (select e.industry_code like any(${'{' + prefixes.join(',') + '}'}::text[]) as fits) f,
               (select ${query}::tsquery as q) q
         where d.search @@ q.q and d.status = 'published' and d.deadline >= ${q.today}::date
         order by score desc, d.id
         limit ${q.limit}`,
  );
  return rows.map((r) => ({ id: Number(r.id), score: Number(r.score), terms: r.terms, industryFits: r.industry_fits }));
}

/** The baseline the bench compares with: a plain LIKE scan over titles and summaries, ranked by words hit. */
export async function likeScanAchievements(db: DbOrTx, words: readonly string[], limit: number): Promise<number[]> {
  const list = [...new Set(words)].slice(0, 24);
  if (!list.length) return [];
  const hits = sql.join(
    list.map((w) => sql`(case when a.title like ${'%' + w + '%'} or a.summary like ${'%' + w + '%'} then 1 else 0 end)`),
    sql` + `,
  );
  const rows = await rowsOf<{ id: number }>(
    db,
    sql`select id from (select a.id, ${hits} as hits from tech_achievements a where a.status = 'published') s
         where hits > 0 order by hits desc, id limit ${limit}`,
  );
  return rows.map((r) => Number(r.id));
}
