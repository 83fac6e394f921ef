import { describe, expect, it } from 'vitest';
import { checkParameter } from '../core/parameter.ts';
import {
  DIGITAL_LEVEL_PARAMETERS,
  DISTRICT_ENVIRONMENT_PARAMETERS,
  DISTRICT_INDICATOR_SOURCES,
  assessDigitalLevel,
  checkAnswers,
  checkScorecard,
  digitalQuestionnaire,
  districtEnvironmentScorecard,
  evaluateScorecard,
  withWeights,
  type Answers,
  type ScorecardDef,
} from './index.ts';

// A small tree: dimension A (weight 2) with a1 (higher, min–max) and a2 (lower, min–max);
// dimension B (weight 1) with b1 (higher, against a target of 100).
const DEF: ScorecardDef = {
  id: 't',
  dimensions: [
    {
      id: 'A',
      nameZh: '甲',
      nameEn: 'A',
      weight: 2,
      indicators: [
        {
          id: 'a1',
          nameZh: 'a1',
          nameEn: 'a1',
          unitZh: '',
          unitEn: '',
          direction: 'higher',
          normalisation: { kind: 'minmax' },
          weight: 1,
        },
        {
          id: 'a2',
          nameZh: 'a2',
          nameEn: 'a2',
          unitZh: '',
          unitEn: '',
          direction: 'lower',
          normalisation: { kind: 'minmax' },
          weight: 1,
        },
      ],
    },
    {
      id: 'B',
      nameZh: '乙',
      nameEn: 'B',
      weight: 1,
      indicators: [
        {
          id: 'b1',
          nameZh: 'b1',
          nameEn: 'b1',
          unitZh: '',
          unitEn: '',
          direction: 'higher',
          normalisation: { kind: 'target', target: 100 },
          weight: 1,
        },
      ],
    },
  ],
  bands: [
    { level: 1, min: 0, labelZh: '一', labelEn: 'one' },
    { level: 2, min: 50, labelZh: '二', labelEn: 'two' },
    { level: 3, min: 80, labelZh: '三', labelEn: 'three' },
  ],
  weakLinkMargin: 0.3,
};

describe('the scorecard mechanism', () => {
  it('scores, ranks and finds weak links as computed by hand', () => {
    const [x, y, z] = evaluateScorecard(DEF, [
      { code: 'X', ranked: true, values: { a1: 10, a2: 5, b1: 80 } },
      { code: 'Y', ranked: true, values: { a1: 20, a2: 15, b1: 100 } },
      { code: 'Z', ranked: true, values: { a1: 30, a2: 10, b1: null } },
    ]);
    // a1 over 10..30: X 0, Y 0.5, Z 1.  a2 (lower) over 5..15: X 1, Y 0, Z 0.5.  b1/100: X 0.8, Y 1.
    // X: A = (0 + 1)/2 × 100 = 50; B = 80; total = (2×50 + 1×80)/3 = 60 → band 2
    expect(x?.dimensions.map((d) => d.score)).toEqual([50, 80]);
    expect(x?.total).toBe(60);
    expect(x?.level?.level).toBe(2);
    // Y: A = (0.5 + 0)/2 × 100 = 25; B = 100; total = (50 + 100)/3 = 50 → band 2 (boundary inclusive)
    expect(y?.total).toBe(50);
    expect(y?.level?.level).toBe(2);
    // Z: A = (1 + 0.5)/2 × 100 = 75; B has no value, so A carries the whole total: 75
    expect(z?.dimensions.map((d) => d.score)).toEqual([75, null]);
    expect(z?.total).toBe(75);
    expect(z?.missing).toEqual(['b1']);
    expect([x?.rank, y?.rank, z?.rank]).toEqual([2, 3, 1]);
    // weak links: best − own ≥ 0.3.  X: a1 (1 − 0); b1 trails by 0.2 only.  Y: a1 (0.5), a2 (1).  Z: a2 (0.5).
    expect(x?.weakLinks).toEqual(['a1']);
    expect(y?.weakLinks).toEqual(['a1', 'a2']);
    expect(z?.weakLinks).toEqual(['a2']);
    expect(x?.indicators[0]?.explanationZh).toContain('(10 − 10) / (30 − 10) = 0');
  });

  it('shares a missing indicator’s weight among the rest of its dimension', () => {
    const [p, q] = evaluateScorecard(DEF, [
      { code: 'P', ranked: true, values: { a1: 0, a2: 0, b1: 50 } },
      { code: 'Q', ranked: true, values: { a1: 10, a2: null, b1: 100 } },
    ]);
    // Q: a2 missing, so a1 has the whole of A: 1 × 100 = 100; B = 100; total 100 → band 3
    expect(q?.indicators.find((i) => i.id === 'a1')?.appliedShare).toBe(1);
    expect(q?.total).toBe(100);
    expect(q?.level?.level).toBe(3);
    // P: a1 0, a2 alone in its range → 1; A = 50; B = 50; total (100 + 50)/3 = 50
    expect(p?.total).toBe(50);
  });

  it('gives equal totals the same rank and does not rank comparison units', () => {
    const r = evaluateScorecard(DEF, [
      { code: 'P', ranked: true, values: { a1: 1, a2: 1, b1: 100 } },
      { code: 'Q', ranked: true, values: { a1: 1, a2: 1, b1: 100 } },
      { code: 'C', ranked: false, values: { a1: 2, a2: 0, b1: 100 } },
    ]);
    expect(r.map((u) => u.rank)).toEqual([1, 1, null]);
  });

  it('normalises lower-is-better against a target: 100 / 120', () => {
    const def: ScorecardDef = {
      ...DEF,
      dimensions: [
        {
          id: 'D',
          nameZh: 'D',
          nameEn: 'D',
          weight: 1,
          indicators: [
            {
              id: 'd',
              nameZh: 'd',
              nameEn: 'd',
              unitZh: '',
              unitEn: '',
              direction: 'lower',
              normalisation: { kind: 'target', target: 100 },
              weight: 1,
            },
          ],
        },
      ],
    };
    const [u] = evaluateScorecard(def, [{ code: 'U', ranked: true, values: { d: 120 } }]);
    expect(u?.total).toBe(83.3333);
  });

  it('takes what-if weights: with A weighted 1 and B 3, X scores (50 + 3×80)/4 = 72.5', () => {
    const [x] = evaluateScorecard(withWeights(DEF, { A: 1, B: 3 }), [
      { code: 'X', ranked: true, values: { a1: 10, a2: 5, b1: 80 } },
      { code: 'Y', ranked: true, values: { a1: 20, a2: 15, b1: 100 } },
    ]);
    expect(x?.total).toBe(72.5);
  });
});

describe('the district environment scorecard', () => {
  it('has sound dated parameters, each saying the national weights are not public', () => {
    for (const p of DISTRICT_ENVIRONMENT_PARAMETERS) {
      expect(checkParameter(p)).toEqual([]);
      expect(p.values[0]?.reference.unverified).toMatch(/未公开/);
    }
    const def = districtEnvironmentScorecard('2024-12-31');
    expect(checkScorecard(def)).toEqual([]);
    expect(def.dimensions.map((d) => d.nameZh)).toEqual(['市场环境', '法治环境', '融资环境', '创新环境', '政策环境']);
    expect(def.dimensions.every((d) => d.indicators.length === 3)).toBe(true);
    const ids = new Set(def.dimensions.flatMap((d) => d.indicators.map((i) => i.id)));
    for (const id of Object.keys(DISTRICT_INDICATOR_SOURCES)) expect(ids.has(id)).toBe(true);
    expect(() => districtEnvironmentScorecard('2014-12-31')).toThrow();
  });

  it('finds a weak link against a benchmark city even where the district leads the districts', () => {
    const def = districtEnvironmentScorecard('2024-12-31');
    // two districts equal on everything but R&D intensity; the benchmark city far ahead on it
    const base = { market_online_services: 90 };
    const r = evaluateScorecard(def, [
      { code: 'D1', ranked: true, values: { ...base, inn_rd_intensity: 2 } },
      { code: 'D2', ranked: true, values: { ...base, inn_rd_intensity: 1 } },
      { code: 'BJ', ranked: false, values: { ...base, inn_rd_intensity: 6 } },
    ]);
    // R&D over 1..6: D1 (2−1)/5 = 0.2, BJ 1 → D1 trails by 0.8 → weak
    expect(r[0]?.weakLinks).toEqual(['inn_rd_intensity']);
    // D1: market = online 0.9 alone → 90; innovation = 0.2 → 20; total (90 + 20)/2 = 55 → 中
    expect(r[0]?.total).toBe(55);
    expect(r[0]?.level?.labelZh).toBe('中');
    expect(r[0]?.rank).toBe(1);
  });
});

const qn = digitalQuestionnaire('2025-06-30');
const lowest: Answers = Object.fromEntries(qn.questions.map((q) => [q.id, [q.options[0]?.id ?? 'none']]));
const highest: Answers = Object.fromEntries(
  qn.questions.map((q) => [
    q.id,
    q.kind === 'multi' ? q.options.filter((o) => o.id !== 'none').map((o) => o.id) : [q.options[q.options.length - 1]?.id ?? ''],
  ]),
);

describe('the digital-level questionnaire (2024)', () => {
  it('has 15 questions in three parts whose maxima add up to 50 + 30 + 20', () => {
    for (const p of DIGITAL_LEVEL_PARAMETERS) expect(checkParameter(p)).toEqual([]);
    expect(qn.questions).toHaveLength(15);
    for (const part of qn.parts)
      expect(qn.questions.filter((q) => q.partId === part.id).reduce((s, q) => s + q.max, 0)).toBe(part.max);
    // every multiple choice's items add up to its maximum (data collection: 13 × 0.7 + 0.9 = 10)
    for (const q of qn.questions.filter((x) => x.kind === 'multi'))
      expect(Math.round(q.options.reduce((s, o) => s + o.points, 0) * 1000) / 1000).toBe(q.max);
    expect(qn.bands[0]?.min).toBe(20);
  });

  it('scores every best answer 100 (四级) and every first answer 0 (未达一级)', () => {
    const top = assessDigitalLevel(qn, highest);
    expect(top.score).toBe(100);
    expect(top.level).toBe(4);
    expect(top.advice).toEqual([]);
    const bottom = assessDigitalLevel(qn, lowest);
    expect(bottom.score).toBe(0);
    expect(bottom.level).toBe(0);
    expect(bottom.levelLabelZh).toBe('未达一级');
    // all at 0 %: most points lost first (10, 10, 8), questionnaire order between equals
    expect(bottom.advice.map((a) => a.questionId)).toEqual(['data_collection', 'information_systems', 'network']);
  });

  it('scores a mixed questionnaire 42 (二级) as added up by hand', () => {
    const answers: Answers = {
      ...lowest,
      network: ['industrial', 'systems'], // 2 + 2 = 4
      equipment_digital: ['r20'], // 3
      equipment_connected: ['r10'], // 1.5
      data_collection: ['quality', 'equipment', 'energy', 'hr'], // 0.7 × 3 + 0.9 = 3
      information_systems: ['several'], // 5
      network_security: ['policy', 'products'], // 2.5
      data_security: ['policy'], // 1.25  → foundation 20.25
      planning: ['plan'], // 3
      mechanisms: ['workflow'], // 1.875
      talent: ['staff', 'training'], // 3
      funding: ['r10'], // 1.875 → management 9.75
      energy: ['flat'], // 3.5
      quality_rate: ['up'], // 7
      revenue_per_head: ['flat'], // 1.5
      cost: ['up'], // 0 → outcomes 12
    };
    expect(checkAnswers(qn, answers)).toEqual([]);
    const r = assessDigitalLevel(qn, answers);
    expect(r.parts.map((p) => [p.points, p.percent])).toEqual([
      [20.25, 40.5],
      [9.75, 32.5],
      [12, 60],
    ]);
    expect(r.score).toBe(42);
    expect(r.level).toBe(2);
    // weakest: cost 0 %; then the 25 % ones by points lost: mechanisms 5.625 and funding 5.625
    // (order of the questionnaire), ahead of equipment_connected 4.5 and data_security 3.75
    expect(r.advice.map((a) => a.questionId)).toEqual(['cost', 'mechanisms', 'funding']);
  });

  it('puts exactly 20 points in level 1', () => {
    const r = assessDigitalLevel(qn, { ...lowest, information_systems: ['all'], quality_rate: ['up'], cost: ['down'] });
    expect(r.score).toBe(20); // 10 + 7 + 3
    expect(r.level).toBe(1);
  });

  it('names every problem with the answers', () => {
    const { network: _n, ...rest } = lowest;
    const problems = checkAnswers(qn, {
      ...rest,
      planning: ['plan', 'aware'],
      talent: ['none', 'staff'],
      bogus: ['x'],
      cost: ['zz'],
    });
    expect(problems.map((p) => p.field).sort()).toEqual(
      ['answers.bogus', 'answers.cost', 'answers.network', 'answers.planning', 'answers.talent'].sort(),
    );
  });
});
