import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RUBRIC,
  advancingCount,
  aggregate,
  checkEligibility,
  checkRubric,
  conflictsOf,
  planAssignments,
  rankEntries,
  recommendationFor,
  stageOpenOn,
  weightedTotal,
  type Criterion,
  type JudgeFacts,
  type RankInput,
} from './domain.ts';

const SETTINGS = {
  enterpriseMustBeInJinan: true,
  enterpriseMaxAgeYears: 5,
  enterpriseRevenueCap: 200_000_000,
  makerMustBeUnregistered: true,
};
const RULES = { minJudges: 3, trimFromJudges: 5 };
const RUBRIC: Criterion[] = [
  { key: 'a', zh: '甲', en: 'A', weight: 60 },
  { key: 'b', zh: '乙', en: 'B', weight: 40 },
];
/** A judge's score from the two criteria. */
const sc = (a: number, b: number) => ({ totalCenti: a * 60 + b * 40, criteria: { a, b } });
const entry = (entryId: number, scores: RankInput['scores'], registeredAt = `2026-03-0${entryId}T08:00:00Z`): RankInput => ({
  entryId,
  code: `P-${entryId}`,
  registeredAt,
  scores,
});

describe('eligibility', () => {
  it('admits a young Jinan enterprise below the revenue cap, with a reason per rule', () => {
    const r = checkEligibility(
      {
        group: 'enterprise',
        onDate: '2026-04-01',
        registeredInJinan: true,
        establishedOn: '2022-05-01',
        lastRevenue: 5_000_000,
        lastRevenueYear: 2025,
      },
      SETTINGS,
    );
    expect(r.eligible).toBe(true);
    expect(r.rules.map((x) => x.rule)).toEqual(['registered_in_jinan', 'founded_within', 'revenue_below_cap']);
  });

  it('refuses an enterprise on its fifth anniversary and one at the revenue cap, naming both reasons', () => {
    const r = checkEligibility(
      {
        group: 'enterprise',
        onDate: '2026-04-01',
        registeredInJinan: true,
        establishedOn: '2021-04-01',
        lastRevenue: 200_000_000,
        lastRevenueYear: 2025,
      },
      SETTINGS,
    );
    expect(r.eligible).toBe(false);
    expect(r.rules.filter((x) => !x.passed).map((x) => x.rule)).toEqual(['founded_within', 'revenue_below_cap']);
    const dayBefore = checkEligibility(
      {
        group: 'enterprise',
        onDate: '2026-03-31',
        registeredInJinan: true,
        establishedOn: '2021-04-01',
        lastRevenue: 199_999_999,
      },
      SETTINGS,
    );
    expect(dayBefore.eligible).toBe(true);
  });

  it('refuses an enterprise without a reported revenue, and one outside Jinan', () => {
    const r = checkEligibility(
      { group: 'enterprise', onDate: '2026-04-01', registeredInJinan: false, establishedOn: '2024-01-01', lastRevenue: null },
      SETTINGS,
    );
    expect(r.rules.filter((x) => !x.passed).map((x) => x.rule)).toEqual(['registered_in_jinan', 'revenue_below_cap']);
  });

  it('admits a maker team only while it has no company', () => {
    expect(checkEligibility({ group: 'maker', onDate: '2026-04-01', teamHasCompany: false }, SETTINGS).eligible).toBe(true);
    const r = checkEligibility({ group: 'maker', onDate: '2026-04-01', teamHasCompany: true }, SETTINGS);
    expect(r.eligible).toBe(false);
    expect(r.rules[0]!.reason.zh).toContain('企业组');
  });
});

describe('conflicts of interest and assignment', () => {
  const judges: JudgeFacts[] = [
    { judgeId: 1, name: '甲', organisation: '山东大学', ties: [] },
    { judgeId: 2, name: '乙', organisation: '济南某某科技有限公司', ties: [] },
    { judgeId: 3, name: '丙', organisation: null, ties: [{ entryId: 11, organisation: null, note: '曾任该团队顾问' }] },
    {
      judgeId: 4,
      name: '丁',
      organisation: null,
      ties: [{ entryId: null, organisation: '济南创新（集团）有限公司', note: '持股' }],
    },
  ];
  const e10 = { entryId: 10, entrantName: '济南某某科技有限公司', organisation: null };
  const e11 = { entryId: 11, entrantName: '星火团队', organisation: '山东大学' };
  const e12 = { entryId: 12, entrantName: '济南创新(集团)有限公司', organisation: null };

  it('finds the same organisation, a declared tie to the project and a declared tie to the entrant (brackets folded)', () => {
    expect(conflictsOf(judges[1]!, e10)).toHaveLength(1);
    expect(conflictsOf(judges[0]!, e11)[0]!.zh).toContain('山东大学');
    expect(conflictsOf(judges[2]!, e11)[0]!.zh).toContain('曾任该团队顾问');
    expect(conflictsOf(judges[3]!, e12)[0]!.en).toContain('declared a tie');
    expect(conflictsOf(judges[0]!, e10)).toEqual([]);
  });

  it('never assigns a conflicted judge, reports why, and spreads the load', () => {
    const plan = planAssignments([e10, e11, e12], judges, 2);
    const pairs = plan.assignments.map((a) => `${a.entryId}:${a.judgeId}`);
    for (const c of plan.conflicts) expect(pairs).not.toContain(`${c.entryId}:${c.judgeId}`);
    expect(plan.conflicts.map((c) => `${c.entryId}:${c.judgeId}`).sort()).toEqual(['10:2', '11:1', '11:3', '12:4']);
    expect(
      plan.assignments
        .filter((a) => a.entryId === 11)
        .map((a) => a.judgeId)
        .sort(),
    ).toEqual([2, 4]);
    const load = [1, 2, 3, 4].map((j) => plan.assignments.filter((a) => a.judgeId === j).length);
    expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(1);
    expect(plan.shortfalls).toEqual([]);
  });

  it('reports a shortfall when the free pool is too small, and counts existing assignments', () => {
    const plan = planAssignments([e11], judges, 3, [{ entryId: 11, judgeId: 2 }]);
    expect(plan.assignments).toEqual([{ entryId: 11, judgeId: 4 }]);
    expect(plan.shortfalls).toEqual([{ entryId: 11, wanted: 3, got: 2 }]);
  });
});

describe('rubric and weighted total', () => {
  it('accepts the default rubric and refuses weights that do not add up to 100', () => {
    expect(checkRubric(DEFAULT_RUBRIC)).toEqual([]);
    const p = checkRubric([
      { key: 'a', zh: '甲', en: 'A', weight: 50 },
      { key: 'a', zh: '乙', en: 'B', weight: 40 },
    ]);
    expect(p.map((x) => x.field)).toEqual(['rubric[1].key', 'rubric']);
  });

  it('computes the weighted total exactly and names each bad criterion', () => {
    expect(weightedTotal(RUBRIC, { a: 85, b: 90 })).toEqual({ totalCenti: 8700, criteria: { a: 85, b: 90 } });
    const bad = weightedTotal(RUBRIC, { a: 101, c: 3 });
    expect('problems' in bad && bad.problems.map((p) => p.field)).toEqual(['scores.a', 'scores.b', 'scores.c']);
  });
});

describe('aggregation', () => {
  it('drops the highest and lowest from five judges on', () => {
    const a = aggregate([9000, 8000, 7000, 6000, 5000], RULES);
    expect(a).toMatchObject({
      status: 'complete',
      used: 3,
      sumCenti: 21000,
      meanCenti: 7000,
      dropped: { highest: 9000, lowest: 5000 },
    });
  });

  it('takes the plain mean below five judges', () => {
    expect(aggregate([9000, 8000, 7001, 6000], RULES)).toMatchObject({
      status: 'complete',
      used: 4,
      dropped: null,
      meanCenti: 7500,
    });
  });

  it('is incomplete with too few judges', () => {
    expect(aggregate([9000, 8000], RULES)).toEqual({ status: 'incomplete', scored: 2, required: 3 });
    expect(aggregate([], RULES)).toEqual({ status: 'incomplete', scored: 0, required: 3 });
  });

  it('handles all-equal scores (one highest and one lowest still dropped)', () => {
    expect(aggregate([8000, 8000, 8000, 8000, 8000], RULES)).toMatchObject({ used: 3, meanCenti: 8000 });
  });
});

describe('ranking', () => {
  it('orders by trimmed mean', () => {
    const r = rankEntries(
      [entry(1, [sc(70, 70), sc(70, 70), sc(70, 70)]), entry(2, [sc(90, 90), sc(80, 80), sc(85, 85)])],
      RUBRIC,
      RULES,
    );
    expect(r.status === 'ranked' && r.entries.map((e) => [e.entryId, e.rank])).toEqual([
      [2, 1],
      [1, 2],
    ]);
  });

  it('breaks a tie of means on the heaviest criterion, then registration time, and says so', () => {
    // Entries 1 and 2: mean 80 each; entry 2 is stronger on A (weight 60). Entry 3 equals entry 2 in all, registered later.
    const one = entry(1, [sc(76, 86), sc(76, 86), sc(76, 86)]);
    const two = entry(2, [sc(80, 80), sc(80, 80), sc(80, 80)], '2026-03-05T08:00:00Z');
    const three = entry(3, [sc(80, 80), sc(80, 80), sc(80, 80)], '2026-03-06T08:00:00Z');
    const r = rankEntries([one, three, two], RUBRIC, RULES);
    if (r.status !== 'ranked') throw new Error('not ranked');
    expect(r.entries.map((e) => e.entryId)).toEqual([2, 3, 1]);
    expect(r.entries[0]!.tieBreak).toBeNull();
    expect(r.entries[1]!.tieBreak!.zh).toContain('报名时间');
    expect(r.entries[2]!.tieBreak!.zh).toContain('甲');
  });

  it('orders all-equal projects by registration and then by code', () => {
    const s = [sc(80, 80), sc(80, 80), sc(80, 80)];
    const r = rankEntries(
      [entry(2, s, '2026-03-01T00:00:00Z'), entry(1, s, '2026-03-01T00:00:00Z'), entry(3, s, '2026-02-01T00:00:00Z')],
      RUBRIC,
      RULES,
    );
    expect(r.status === 'ranked' && r.entries.map((e) => e.entryId)).toEqual([3, 1, 2]);
    expect(r.status === 'ranked' && r.entries[2]!.tieBreak!.en).toContain('project code');
  });

  it('refuses to rank while a project is short of judges, naming it', () => {
    const r = rankEntries([entry(1, [sc(80, 80), sc(80, 80), sc(80, 80)]), entry(2, [sc(90, 90)])], RUBRIC, RULES);
    expect(r).toEqual({ status: 'incomplete', incomplete: [{ entryId: 2, code: 'P-2', scored: 1, required: 3 }] });
  });

  it('compares means exactly, not by rounded display value', () => {
    // 3 judges: (8000+8000+8001)/3 = 8000.33 vs 4 judges (8000*3+8001)/4 = 8000.25 — both display 80.00.
    const a = entry(1, [
      { totalCenti: 8000, criteria: {} },
      { totalCenti: 8000, criteria: {} },
      { totalCenti: 8001, criteria: {} },
    ]);
    const b = entry(
      2,
      [8000, 8000, 8000, 8001].map((t) => ({ totalCenti: t, criteria: {} })),
    );
    const r = rankEntries([b, a], RUBRIC, RULES);
    expect(r.status === 'ranked' && r.entries.map((e) => e.entryId)).toEqual([1, 2]);
  });
});

describe('advancement, recommendation and stage dates', () => {
  it('advances a count or a share rounded up, never more than ranked', () => {
    expect(advancingCount(10, { count: 3, sharePercent: null })).toBe(3);
    expect(advancingCount(2, { count: 3, sharePercent: null })).toBe(2);
    expect(advancingCount(7, { count: null, sharePercent: 30 })).toBe(3);
    expect(advancingCount(7, { count: null, sharePercent: null })).toBe(0);
  });

  it('recommends the first places nationally, the next provincially', () => {
    const q = { national: 2, provincial: 4 };
    expect([1, 2, 3, 6, 7].map((r) => recommendationFor(r, q))).toEqual([
      'national',
      'national',
      'provincial',
      'provincial',
      null,
    ]);
  });

  it('is open on both the first and the last day only', () => {
    const s = { opensOn: '2026-05-01', closesOn: '2026-05-31' };
    expect(['2026-04-30', '2026-05-01', '2026-05-31', '2026-06-01'].map((d) => stageOpenOn(s, d))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });
});
