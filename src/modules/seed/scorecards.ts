/**
 * Synthetic scorecard data (measures 七 and 八): five benchmark cities (among the national
 * assessment's published leaders, other-domains.md §2), the district environment values the
 * districts enter for the three years before the data set's year — the last one still open (some
 * districts complete, some part-way, some not started) — and the digital-level questionnaires of
 * about 40 % of the enterprises holding a 专精特新 or 小巨人 title, whose levels become their declared
 * tier fact. The demo enterprise gets none, so a user can fill in its questionnaire. Values come
 * from each district's latent strength plus noise; deterministic for a seed.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client.ts';
import { unnestInsert } from '../../db/bulk.ts';
import { JINAN_DISTRICTS } from '../registry/reference.ts';
import { assessDigitalLevel, digitalQuestionnaire, districtEnvironmentScorecard } from '../../../policy/scorecards/index.ts';
import { enterableIndicators } from '../scorecards/domain.ts';
import { Rng } from './prng.ts';

export const BENCHMARK_CITIES = [
  {
    code: 'SH',
    nameZh: '上海市',
    nameEn: 'Shanghai',
    note: '2020、2023年度全国中小企业发展环境评估第1位（other-domains.md §2）',
  },
  { code: 'SZ', nameZh: '深圳市', nameEn: 'Shenzhen', note: '2022年度第1位、2023年度副省级以上第2位' },
  { code: 'NJ', nameZh: '南京市', nameEn: 'Nanjing', note: '2022年度第3位' },
  { code: 'HZ', nameZh: '杭州市', nameEn: 'Hangzhou', note: '2023年度副省级以上第5位' },
  { code: 'QD', nameZh: '青岛市', nameEn: 'Qingdao', note: '省内对标；2022年度第10位、2023年度副省级以上第8位' },
] as const;

/** [low, high] of a plausible value; quality 1 lands near the good end (reversed when lower is better). */
const RANGES: Record<string, [number, number, 'higher' | 'lower', number]> = {
  market_new_entities_growth: [2, 16, 'higher', 1],
  market_online_services: [78, 99.5, 'higher', 1],
  law_arrears_cleared: [82, 100, 'higher', 1],
  law_trial_days: [38, 125, 'lower', 0],
  law_ip_protection: [68, 98, 'higher', 1],
  fin_inclusive_loan_growth: [4, 26, 'higher', 1],
  inn_rd_intensity: [0.8, 4.2, 'higher', 2],
  pol_days_to_pay: [12, 65, 'lower', 0],
  pol_awareness: [66, 97, 'higher', 1],
};

function valueFor(r: Rng, id: string, quality: number, yearStep: number): number | null {
  const spec = RANGES[id];
  if (!spec) return null;
  const [lo, hi, dir, digits] = spec;
  const q = Math.min(1, Math.max(0, quality + yearStep * 0.04 + r.normal(0, 0.08)));
  const v = dir === 'higher' ? lo + (hi - lo) * q : hi - (hi - lo) * q;
  return Math.round(v * 10 ** digits) / 10 ** digits;
}

export interface ScorecardSeedSummary {
  values: number;
  digitalAssessments: number;
}

export async function seedScorecards(tx: Tx, opts: { seed: number; asOf: string }): Promise<ScorecardSeedSummary> {
  const r = new Rng(opts.seed).fork('scorecards');
  const lastYear = Number(opts.asOf.slice(0, 4)) - 1;
  const years = [lastYear - 2, lastYear - 1, lastYear];
  await unnestInsert(
    tx,
    'scorecard_benchmark_cities',
    [
      ['code', 'text'],
      ['name_zh', 'text'],
      ['name_en', 'text'],
      ['note', 'text'],
      ['sort', 'int4'],
    ],
    BENCHMARK_CITIES.map((b, k) => [b.code, b.nameZh, b.nameEn, b.note, k + 1]),
  );
  const rows: unknown[][] = [];
  const add = (kind: string, code: string, year: number, id: string, v: number | null) => {
    if (v !== null) rows.push([kind, code, year, id, v, 'seed']);
  };
  const quality = new Map(JINAN_DISTRICTS.map((d) => [d.code, r.clampedNormal(0.5, 0.18, 0.1, 0.9)]));
  years.forEach((year, step) => {
    const ids = enterableIndicators(districtEnvironmentScorecard(`${year}-12-31`).dimensions, 'district').map((i) => i.id);
    JINAN_DISTRICTS.forEach((d, k) => {
      // the open year: the first 8 districts complete, 2 part-way, 2 not started
      const count = year !== lastYear ? ids.length : k < 8 ? ids.length : k < 10 ? 5 : 0;
      for (const id of ids.slice(0, count)) add('district', d.code, year, id, valueFor(r, id, quality.get(d.code) ?? 0.5, step));
    });
    for (const b of BENCHMARK_CITIES)
      for (const id of ids) add('benchmark', b.code, year, id, valueFor(r, id, r.real(0.62, 0.8), step));
  });
  await unnestInsert(
    tx,
    'scorecard_values',
    [
      ['unit_kind', 'text'],
      ['unit_code', 'text'],
      ['year', 'int4'],
      ['indicator_id', 'text'],
      ['value', 'float8'],
      ['source', 'text'],
    ],
    rows,
  );

  // ---- digital level: ~40 % of the enterprises with a 专精特新 / 小巨人 title in force ----
  const ents = await rowsOf<{ id: number }>(
    tx,
    sql`select distinct t.enterprise_id as id from titles t
         where t.kind in ('specialized_sme', 'little_giant') and t.recognised_on <= ${opts.asOf}::date
           and (t.valid_until is null or t.valid_until >= ${opts.asOf}::date) and (t.revoked_on is null or t.revoked_on > ${opts.asOf}::date)
           and t.enterprise_id not in (select enterprise_id from users where enterprise_id is not null)
         order by 1`,
  );
  const qn = digitalQuestionnaire(opts.asOf);
  const from = Date.parse(`${lastYear}-01-01T00:00:00Z`);
  const span = Date.parse(`${opts.asOf}T00:00:00Z`) - from;
  const assessments: unknown[][] = [];
  for (const e of ents) {
    if (!r.chance(0.4)) continue;
    const maturity = r.clampedNormal(0.5, 0.2, 0.05, 0.95);
    const answers: Record<string, string[]> = {};
    for (const q of qn.questions) {
      if (q.kind === 'single') {
        const k = Math.round(Math.min(1, Math.max(0, maturity + r.normal(0, 0.15))) * (q.options.length - 1));
        answers[q.id] = [q.options[k]?.id ?? q.options[0]?.id ?? 'none'];
      } else {
        const chosen = q.options.filter((o) => o.id !== 'none' && r.chance(maturity)).map((o) => o.id);
        answers[q.id] = chosen.length ? chosen : ['none'];
      }
    }
    const res = assessDigitalLevel(qn, answers);
    const on = new Date(from + Math.floor(r.next() * span)).toISOString().slice(0, 10);
    assessments.push([
      Number(e.id),
      qn.version,
      on,
      JSON.stringify(answers),
      res.score,
      res.level,
      JSON.stringify({ ...res, scorecard: undefined }),
    ]);
  }
  if (assessments.length) {
    await unnestInsert(
      tx,
      'digital_assessments',
      [
        ['enterprise_id', 'int8'],
        ['version', 'text'],
        ['assessed_on', 'date'],
        ['answers', 'jsonb'],
        ['score', 'float8'],
        ['level', 'int4'],
        ['result', 'jsonb'],
      ],
      assessments,
    );
    // The assessed level is the enterprise's declared digitalLevel (below level 1: none).
    await tx.execute(sql`insert into enterprise_declared_facts (enterprise_id, facts, source)
      select enterprise_id, jsonb_build_object('digitalLevel', level), 'seed' from digital_assessments where level >= 1
      on conflict (enterprise_id) do update set facts = enterprise_declared_facts.facts || excluded.facts`);
    await tx.execute(sql`update enterprise_declared_facts f set facts = f.facts - 'digitalLevel'
      from digital_assessments a where a.enterprise_id = f.enterprise_id and a.level = 0`);
  }
  return { values: rows.length, digitalAssessments: assessments.length };
}
