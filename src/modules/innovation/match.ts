/**
 * Two-way matching inside the database. The query's words (segment.ts) become an OR-ed
 * `tsquery`; the GIN index finds the candidates (entries sharing three, two, one of the rarest
 * words, widening until there are enough: rankInTiers) and `ts_rank` orders them (title
 * words weigh most), boosted when the technology field is the same and, a little, when the
 * district is. The same SQL runs on PGlite and PostgreSQL; the bench (bench/match.ts) times
 * exactly these functions.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { tsqueryLiteral } from './segment.ts';

export type Catalogue = 'achievement' | 'demand';
const ENTRIES = '#entries';

/**
 * Keeps the word counts of a catalogue: +1 for each word of an added entry, −1 for each word of a
 * removed (or edited-away) one; `entries` moves the catalogue's size. Row-locked upserts, in the
 * caller's transaction.
 */
export async function countTerms(
  db: DbOrTx,
  catalogue: Catalogue,
  added: readonly string[],
  removed: readonly string[],
  entries = 0,
): Promise<void> {
  const delta = new Map<string, number>();
  for (const t of new Set(added)) delta.set(t, (delta.get(t) ?? 0) + 1);
  for (const t of new Set(removed)) delta.set(t, (delta.get(t) ?? 0) - 1);
  if (entries) delta.set(ENTRIES, entries);
  const rows = [...delta].filter(([, d]) => d !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
  if (!rows.length) return;
  await db.execute(
    sql`insert into tech_term_stats (catalogue, term, df)
        select ${catalogue}, t, d from unnest(${'{' + rows.map(([t]) => `"${t}"`).join(',') + '}'}::text[], ${'{' + rows.map(([, d]) => d).join(',') + '}'}::int[]) as x(t, d)
        on conflict (catalogue, term) do update set df = greatest(0, tech_term_stats.df + excluded.df)`,
  );
}

/** Recounts a catalogue from scratch (after a bulk load). */
export async function recountTerms(db: DbOrTx, catalogue: Catalogue): Promise<void> {
  const table = sql.raw(catalogue === 'achievement' ? 'tech_achievements' : 'tech_demands');
  await db.execute(sql`delete from tech_term_stats where catalogue = ${catalogue}`);
  await db.execute(
    sql`insert into tech_term_stats (catalogue, term, df)
        select ${catalogue}, t, count(*)::int from ${table}, unnest(terms) t group by t
        union all select ${catalogue}, ${ENTRIES}, count(*)::int from ${table}`,
  );
}

/** Share of the catalogue above which a word no longer selects candidates (it still ranks them). */
export const COMMON_WORD_SHARE = 0.04;
/** How many of the rarest words form the candidate sets. */
const RARE_WORDS = 5;
function combinations(words: readonly string[], k: number): string[][] {
  if (k === 0) return [[]];
  const out: string[][] = [];
  words.forEach((w, i) => {
    for (const rest of combinations(words.slice(i + 1), k - 1)) out.push([w, ...rest]);
  });
  return out;
}

/** Entries sharing at least `k` of the words, as a tsquery: the k-word combinations OR-ed. */
function atLeast(words: readonly string[], k: number): string | null {
  if (words.length < k) return null;
  return combinations(words, k)
    .map((c) => `(${c.map((w) => `'${w}'`).join(' & ')})`)
    .join(' | ');
}

/**
 * Search-mode segmentation yields a compound and its parts ("数控机床", "数控", "机床"): the parts
 * of a word the query also has would pair with each other and select every entry with the
 * compound, and would count it several times in the rank, so only the longest form is kept.
 */
function wholeWords(list: readonly string[]): string[] {
  return list.filter((w) => !list.some((o) => o !== w && o.includes(w)));
}

/**
 * The candidate tiers, strictest first: entries sharing at least three of the query's rarest
 * words, at least two, one, then any word at all — each found through the GIN index; the full
 * query then ranks them. Words that a large share of the catalogue uses do not select. `whole`
 * is what ranks.
 */
async function candidateQueries(
  db: DbOrTx,
  catalogue: Catalogue,
  words: readonly string[],
): Promise<{ triples: string | null; pairs: string | null; rare: string | null; whole: string | null }> {
  const list = [...new Set(words)];
  if (!list.length) return { triples: null, pairs: null, rare: null, whole: null };
  const rows = await rowsOf<{ term: string; df: number }>(
    db,
    sql`select term, df from tech_term_stats where catalogue = ${catalogue} and term = any(${'{' + [...list, ENTRIES].map((w) => `"${w}"`).join(',') + '}'}::text[])`,
  );
  const df = new Map(rows.map((r) => [r.term, Number(r.df)]));
  const n = df.get(ENTRIES) ?? 0;
  const whole = wholeWords(list);
  const rare = whole
    .filter((w) => (df.get(w) ?? 0) > 0 && (df.get(w) ?? 0) <= Math.max(50, n * COMMON_WORD_SHARE))
    .sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : 1))
    .slice(0, RARE_WORDS);
  // With only two rare words, their pair narrows by any one of the next rarest words.
  const next = whole
    .filter((w) => (df.get(w) ?? 0) > 0 && !rare.includes(w))
    .sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : 1))
    .slice(0, RARE_WORDS - 2);
  return {
    triples:
      rare.length >= 3
        ? atLeast(rare, 3)
        : rare.length === 2 && next.length
          ? `'${rare[0]}' & '${rare[1]}' & (${next.map((w) => `'${w}'`).join(' | ')})`
          : null,
    pairs: atLeast(rare, 2),
    rare: tsqueryLiteral(rare),
    whole: tsqueryLiteral(whole),
  };
}

/**
 * Ranks tier by tier, strictest first: ts_rank over the candidates is a query's cost, and in a
 * large catalogue whose entries share a field's vocabulary, entries sharing two rare words number
 * thousands where those sharing three number hundreds. A tier giving fewer than `limit` entries
 * widens to the next. The bench checks the top 10 against ranking every entry sharing a word.
 */
async function rankInTiers<T>(
  db: DbOrTx,
  catalogue: Catalogue,
  terms: readonly string[],
  limit: number,
  by: (rank: string, candidates: string) => Promise<T[]>,
): Promise<T[]> {
  const query = tsqueryLiteral(terms);
  if (!query) return [];
  const c = await candidateQueries(db, catalogue, terms);
  // Rank by the whole words (a compound's parts would count it several times and cost time).
  const rank = c.whole ?? query;
  const tiers = [c.triples, c.pairs, c.rare ?? query, query].filter((x, i, a): x is string => !!x && a.indexOf(x) === i);
  let rows: T[] = [];
  for (const tier of tiers) {
    rows = await by(rank, tier);
    if (rows.length >= limit) break;
  }
  return rows;
}

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
  const rows = await rankInTiers(db, 'achievement', q.terms, q.limit, (rank, c) => achievementsBy(db, q, rank, c));
  return rows.map((r) => ({ id: Number(r.id), score: Number(r.score), terms: r.terms }));
}

/**
 * The reference the bench checks the tiers against: every published entry sharing any word,
 * ranked the same way (slow on a large catalogue; not used by the platform).
 */
export async function rankAchievementsExhaustive(
  db: DbOrTx,
  q: { terms: readonly string[]; field: string | null; unitCode: string | null; limit: number },
): Promise<RankedAchievement[]> {
  const query = tsqueryLiteral(q.terms);
  if (!query) return [];
  const rows = await achievementsBy(db, q, tsqueryLiteral(wholeWords([...new Set(q.terms)])) ?? query, query);
  return rows.map((r) => ({ id: Number(r.id), score: Number(r.score), terms: r.terms }));
}

function achievementsBy(
  db: DbOrTx,
  q: { field: string | null; unitCode: string | null; limit: number },
  query: string,
  candidates: string,
): Promise<{ id: number; score: number; terms: string[] }[]> {
  return rowsOf<{ id: number; score: number; terms: string[] }>(
    db,
    sql`select a.id, a.terms,
               (ts_rank(${MATCH_WEIGHTS.lexeme}::float4[], a.search, q.q)
                 * case when a.field::text = ${q.field} then ${MATCH_WEIGHTS.sameField}::float8 else 1 end
                 * case when a.unit_code = ${q.unitCode} then ${MATCH_WEIGHTS.sameDistrict}::float8 else 1 end)::float8 as score
          from tech_achievements a, (select ${query}::tsquery as q, ${candidates}::tsquery as c) q
         where a.search @@ q.c and a.status = 'published'
         order by score desc, a.id
         limit ${q.limit}`,
  );
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
  q: {
    terms: readonly string[];
    field: string | null;
    unitCode: string | null;
    industryPrefixes: readonly string[];
    limit: number;
    today: string;
  },
): Promise<RankedDemand[]> {
  const rows = await rankInTiers(db, 'demand', q.terms, q.limit, (rank, c) => demandsBy(db, q, rank, c));
  return rows.map((r) => ({ id: Number(r.id), score: Number(r.score), terms: r.terms, industryFits: r.industry_fits }));
}

function demandsBy(
  db: DbOrTx,
  q: { field: string | null; unitCode: string | null; industryPrefixes: readonly string[]; limit: number; today: string },
  query: string,
  candidates: string,
): Promise<{ id: number; score: number; terms: string[]; industry_fits: boolean }[]> {
  const prefixes = q.industryPrefixes.length ? q.industryPrefixes.map((p) => p + '%') : ['-'];
  return rowsOf<{ id: number; score: number; terms: string[]; industry_fits: boolean }>(
    db,
    sql`select d.id, d.terms, f.fits as industry_fits,
               (ts_rank(${MATCH_WEIGHTS.lexeme}::float4[], d.search, q.q)
                 * case when d.field::text = ${q.field} then ${MATCH_WEIGHTS.sameField}::float8 else 1 end
                 * case when e.unit_code = ${q.unitCode} then ${MATCH_WEIGHTS.sameDistrict}::float8 else 1 end
                 * case when f.fits then ${MATCH_WEIGHTS.industryFits}::float8 else 1 end)::float8 as score
          from tech_demands d join enterprises e on e.id = d.enterprise_id,
               lateral (select e.industry_code like any(${'{' + prefixes.join(',') + '}'}::text[]) as fits) f,
               (select ${query}::tsquery as q, ${candidates}::tsquery as c) q
         where d.search @@ q.c and d.status = 'published' and d.deadline >= ${q.today}::date
         order by score desc, d.id
         limit ${q.limit}`,
  );
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
