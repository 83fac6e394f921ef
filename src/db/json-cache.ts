/**
 * Results that are expensive to compute and may be a minute old (the targets dashboard, the tier
 * pipeline) are kept in the database table `dashboard_cache`, not in process memory, so every
 * instance serves the same figures and computes them once. A stale entry is refreshed by one
 * request (claimed with an atomic update) while the others keep serving the stale body.
 */
import type { Database } from './client.ts';

/** `{"computedAt": …, …body}` without parsing the body: the cache keeps it as text ready to send. */
function withComputedAt(body: string, computedAt: string): string {
  return `{"computedAt":${JSON.stringify(computedAt)},${body.slice(1)}`;
}

/**
 * The JSON text of `compute()` (an object) under `key`, at most `seconds` old plus one computation,
 * with `computedAt` added. The key must name everything the result depends on, the principal's
 * scope included. A computation that throws caches nothing.
 */
export async function cachedJson(
  database: Database,
  key: string,
  seconds: number,
  compute: () => Promise<object>,
): Promise<string> {
  const [hit] = await database.query<{ body: string; computed_at: string; fresh: boolean }>(
    `select body::text as body, computed_at::text as computed_at, computed_at > now() - make_interval(secs => $2) as fresh
       from dashboard_cache where key = $1`,
    [key, seconds],
  );
  if (hit) {
    if (hit.fresh) return withComputedAt(hit.body, hit.computed_at);
    const claimed = await database.query(
      `update dashboard_cache set refreshing_at = now()
        where key = $1 and (refreshing_at is null or refreshing_at < now() - make_interval(secs => $2)) returning key`,
      [key, seconds],
    );
    if (claimed.length === 0) return withComputedAt(hit.body, hit.computed_at);
  }
  const body = JSON.stringify(await compute());
  const [row] = await database.query<{ computed_at: string }>(
    `insert into dashboard_cache (key, body, computed_at, refreshing_at) values ($1, $2::jsonb, now(), null)
     on conflict (key) do update set body = excluded.body, computed_at = excluded.computed_at, refreshing_at = null
     returning computed_at::text as computed_at`,
    [key, body],
  );
  return withComputedAt(body, row?.computed_at ?? new Date().toISOString());
}
