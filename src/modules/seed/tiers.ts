/**
 * Synthetic declared tier facts (enterprise_declared_facts): the facts the registry does not hold
 * — years in the niche market, digital level, quality items, market share, Shandong's block,
 * development score, credit score — for most enterprises on the ladder and some others, so the
 * pipeline (梯度培育库) shows realistic candidates. Deterministic from the seed.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { rowsOf } from '../../db/client.ts';
import { unnestInsert } from '../../db/bulk.ts';
import { Rng } from './prng.ts';

interface Row {
  id: number;
  established_on: string;
  tier: number;
}

export async function seedDeclaredFacts(tx: Tx, seed: number, asOf: string): Promise<number> {
  const rng = new Rng(seed).fork('declared-tier-facts');
  const year = Number(asOf.slice(0, 4));
  const rows = await rowsOf<Row>(
    tx,
    sql`select e.id, e.established_on::text as established_on,
               coalesce(max(case t.kind when 'little_giant' then 3 when 'specialized_sme' then 2 when 'innovative_sme' then 1 else 0 end), 0)::int as tier
          from enterprises e left join titles t on t.enterprise_id = e.id
         group by e.id order by e.id`,
  );
  const out: unknown[][] = [];
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(0, xs.length - 1)] as T;
  for (const r of rows) {
    const tier = Number(r.tier);
    if (!rng.chance([0.2, 0.65, 0.9, 1][tier] ?? 0.2)) continue;
    const est = Number(String(r.established_on).slice(0, 4));
    const hi = tier >= 2;
    const facts = {
      nicheMarketSince: `${Math.min(year - 1, est + rng.int(0, 3))}-${String(rng.int(1, 12)).padStart(2, '0')}-01`,
      leadingProductDomain: pick(
        hi
          ? (['key_link', 'six_foundations', 'six_foundations', 'other'] as const)
          : (['six_foundations', 'other', 'other'] as const),
      ),
      digitalLevel: rng.int(hi ? 2 : 1, tier === 3 ? 4 : 3),
      quality: {
        provincialQualityAward: rng.chance(hi ? 0.3 : 0.05),
        managementCertification: rng.chance(hi ? 0.9 : 0.5),
        ownBrand: rng.chance(hi ? 0.85 : 0.4),
        standardsDrafting: rng.chance(hi ? 0.5 : 0.1),
      },
      marketShare: {
        domestic: Math.round(rng.real(tier === 3 ? 0.06 : hi ? 0.01 : 0.002, tier === 3 ? 0.25 : hi ? 0.12 : 0.04) * 1000) / 1000,
        domesticRank: rng.int(1, tier === 3 ? 5 : hi ? 30 : 200),
        provinceRank: rng.int(1, hi ? 8 : 40),
        leading: rng.chance(hi ? 0.8 : 0.2),
      },
      shandong: {
        priorityIndustry: pick(['A', 'B', 'C', 'D', 'none'] as const),
        innovationItems: ['A', 'B', 'C', 'D', 'E', 'F'].filter(() => rng.chance(hi ? 0.35 : 0.12)),
        listing: rng.chance(0.02) ? 'listed' : 'other',
      },
      littleGiant: {
        informationSystem: rng.chance(hi ? 0.9 : 0.4),
        certification: rng.chance(hi ? 0.8 : 0.3),
        keyChainLink: rng.chance(hi ? 0.6 : 0.1),
        productDomain: rng.chance(hi ? 0.7 : 0.2),
      },
      developmentScore: [{ year, score: rng.int(tier === 3 ? 58 : hi ? 45 : 25, tier === 3 ? 88 : hi ? 78 : 62) }],
      equityFinancing: rng.chance(0.25) ? [{ year: year - 1, amount: rng.int(1, 60) * 1_000_000 }] : [],
      makerChina: rng.chance(0.02) ? [{ year: year - 1, rank: rng.int(1, 500) }] : [],
      creditScore: rng.int(62, 95),
      listed: false,
      controlledByListed: rng.chance(0.03),
      standardsLed: rng.chance(hi ? 0.4 : 0.08) ? rng.int(1, 3) : 0,
    };
    out.push([r.id, JSON.stringify(facts), 'seed']);
  }
  for (let i = 0; i < out.length; i += 1000)
    await unnestInsert(
      tx,
      'enterprise_declared_facts',
      [
        ['enterprise_id', 'bigint'],
        ['facts', 'jsonb'],
        ['source', 'text'],
      ],
      out.slice(i, i + 1000),
    );
  return out.length;
}
