/**
 * The columnar bulk path (`evaluateBulk`) owes exactly what `evaluate` owes: the same rows in the
 * same order, the same keys, amounts and entitlement objects — on the scenario facts and on a
 * generated set with the awkward cases (duplicates, unknown and city bases, revocations around
 * asOf, residencies that ended, parks and platforms, mid-year amendments), highest-only on and off.
 */
import { describe, expect, it } from 'vitest';
import { entitlementAt, keyAt, toEntitlements } from '../core/bulk.ts';
import { addMonths, addMonthsDayNumber, dayNumber, dayNumberOf } from '../core/dates.ts';
import {
  compile,
  compileRegistry,
  evaluate,
  evaluateBulk,
  evaluateRegistry,
  type CompiledPolicy,
  type CompiledRegistry,
  type Overrides,
} from '../core/engine.ts';
import {
  FACTS_FORMAT,
  LEVELS,
  TITLE_KINDS,
  indexFacts,
  type Carrier,
  type IndexedFacts,
  type PolicyFacts,
  type Residency,
  type TitleEvent,
} from '../core/facts.ts';
import type { Evaluation } from '../core/results.ts';
import { DRAFT_2023, jinanQualitySmeRegistry } from './index.ts';
import { clause2Scenarios } from './scenarios/clause-02.scenarios.ts';
import { clause4Scenarios } from './scenarios/clause-04.scenarios.ts';
import { clause5Scenarios } from './scenarios/clause-05.scenarios.ts';
import { registryWithFinal } from './scenarios/final-version.ts';
import type { Scenario } from './scenarios/scenario.ts';
import { base, facts, residency, title } from './scenarios/builders.ts';

type Compiled = CompiledPolicy | CompiledRegistry;

function viaEvaluate(c: Compiled, facts: IndexedFacts, fiscalYear: number, asOf?: string): Evaluation {
  const opts = { fiscalYear, trace: false, notOwed: false, ...(asOf !== undefined ? { asOf } : {}) };
  return 'registry' in c ? evaluateRegistry(c, facts, opts) : evaluate(c, facts, opts);
}

/** Bulk and evaluate agree row by row; returns the number of rows compared. */
function expectSame(c: Compiled, facts: IndexedFacts, fiscalYear: number, asOf?: string): number {
  const want = viaEvaluate(c, facts, fiscalYear, asOf);
  const got = evaluateBulk(c, facts, { fiscalYear, ...(asOf !== undefined ? { asOf } : {}) });
  expect(got.count).toBe(want.entitlements.length);
  expect(got.policyVersions).toEqual(want.policyVersions);
  const rows = toEntitlements(got);
  expect(rows.map((e) => [e.key, e.amount])).toEqual(want.entitlements.map((e) => [e.key, e.amount]));
  expect(rows).toEqual(want.entitlements);
  for (let r = 0; r < got.count; r++) expect(keyAt(got, r)).toBe(entitlementAt(got, r).key);
  expect(got.totalAmount).toBe(want.entitlements.reduce((s, e) => s + e.amount, 0));
  return got.count;
}

const HIGHEST = { interpretation_highest_only: true };

function compiledFor(s: Scenario, highest: boolean): Compiled {
  const extra = highest ? HIGHEST : {};
  const withHighest = (o: Overrides | undefined): Overrides => ({ ...o, parameters: { ...o?.parameters, ...extra } });
  if (s.registry === 'draft+final') return compileRegistry(registryWithFinal(), () => withHighest(s.overrides));
  if (s.registry === undefined && s.overrides === undefined)
    return compileRegistry(jinanQualitySmeRegistry(), () => withHighest({}));
  return compile(DRAFT_2023, withHighest(s.overrides));
}

describe('evaluateBulk on the scenario facts', () => {
  const scenarios = [...clause2Scenarios, ...clause4Scenarios, ...clause5Scenarios];
  for (const highest of [false, true]) {
    it(`gives the same entitlements as evaluate for every scenario (highestOnly ${highest ? 'on' : 'off'})`, () => {
      let rows = 0;
      for (const s of scenarios) {
        const c = compiledFor(s, highest);
        const facts = indexFacts(s.facts);
        for (const fy of [s.fiscalYear - 1, s.fiscalYear, s.fiscalYear + 1]) rows += expectSame(c, facts, fy, s.asOf);
      }
      expect(rows).toBeGreaterThan(20);
    });
  }
});

// ---------------------------------------------------------------- a generated set

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generated(n: number, seed: number): PolicyFacts {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => {
    const x = xs[Math.floor(rand() * xs.length)];
    if (x === undefined) throw new Error('empty');
    return x;
  };
  const date = (fromYear: number, years: number): string =>
    new Date(Date.UTC(fromYear, 0, 1) + Math.floor(rand() * years * 365.25) * 86_400_000).toISOString().slice(0, 10);
  const enterprises = Math.max(1, Math.floor(n / 3));
  const carriers: Carrier[] = [];
  for (let i = 0; i < 60; i++) {
    const recognisedOn = date(2018, 6);
    const c: Carrier = {
      carrierId: `B${i}`,
      kind: i < 40 ? 'demo_base' : i < 50 ? 'service_platform' : 'park',
      name: i % 7 === 0 ? '' : `载体${i}`,
      level: pick(LEVELS),
      recognisedOn,
    };
    if (rand() < 0.8) c.validUntil = addMonths(recognisedOn, 24 + Math.floor(rand() * 48));
    if (rand() < 0.1) c.revokedOn = date(2022, 4);
    if (c.kind === 'park') c.serviceParkRecognisedBy = pick(['miit', 'province', 'city', 'other'] as const);
    if (rand() < 0.2) c.recognition = 'renewal';
    carriers.push(c);
  }
  // A duplicate carrier id: the index keeps the last, as the ordinary path does.
  carriers.push({ carrierId: 'B3', kind: 'demo_base', name: '重复基地', level: 'national', recognisedOn: '2019-05-05' });
  const residencies: Residency[] = [];
  for (let e = 0; e < enterprises; e++) {
    const k = rand() < 0.5 ? 0 : rand() < 0.7 ? 1 : 3;
    for (let j = 0; j < k; j++) {
      const r: Residency = {
        enterpriseId: `E${e}`,
        carrierId: rand() < 0.03 ? 'B-unknown' : `B${Math.floor(rand() * 62) % 60}`,
        fromDate: rand() < 0.1 ? '2022-02-28' : date(2019, 7),
      };
      if (rand() < 0.25) {
        const to = date(2020, 7);
        if (to >= r.fromDate) r.toDate = to;
      }
      residencies.push(r);
    }
  }
  const titles: TitleEvent[] = [];
  for (let i = 0; i < n; i++) {
    const kind = pick(TITLE_KINDS);
    const t: TitleEvent = {
      titleId: rand() < 0.01 && i > 0 ? `T${i - 1}` : `T${i}`,
      enterpriseId: `E${Math.floor(rand() * enterprises)}`,
      kind,
      level: pick(LEVELS),
      recognisedOn: date(2021, 7),
      recognition: rand() < 0.75 ? 'first' : 'renewal',
    };
    if (rand() < 0.3) t.enterpriseName = `企业${t.enterpriseId}`;
    if (rand() < 0.05) t.revokedOn = date(2023, 4);
    titles.push(t);
  }
  return { format: FACTS_FORMAT, titles, carriers, residencies };
}

describe('evaluateBulk on a generated set', () => {
  const facts = indexFacts(generated(20_000, 42));
  const years = [2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028];

  for (const highest of [false, true]) {
    const params = highest ? HIGHEST : {};
    it(`matches evaluate, year by year, with and without asOf (highestOnly ${highest ? 'on' : 'off'})`, () => {
      const c = compile(DRAFT_2023, { parameters: params });
      let rows = 0;
      for (const fy of years) {
        rows += expectSame(c, facts, fy);
        rows += expectSame(c, facts, fy, '2024-06-30');
      }
      expect(rows).toBeGreaterThan(5_000);
    });

    it(`matches evaluateRegistry across a version change (highestOnly ${highest ? 'on' : 'off'})`, () => {
      const c = compileRegistry(registryWithFinal(), () => ({ parameters: params }));
      for (const fy of years) expectSame(c, facts, fy);
    });

    it(`matches evaluate when amounts, levels and months change inside a year (highestOnly ${highest ? 'on' : 'off'})`, () => {
      const c = compile(DRAFT_2023, {
        parameters: {
          ...params,
          clause_2_little_giant_first_amount: { from: '2024-07-01', value: 1_000_000 },
          clause_5_residency_months: { from: '2025-03-15', value: 6 },
          clause_5_base_levels: { from: '2023-05-01', value: ['national'] },
          clause_2_gazelle_levels: ['provincial', 'city'],
        },
      });
      for (const fy of years) expectSame(c, facts, fy);
    });
  }

  it('agrees with evaluate when the facts are not indexed first, and reuses the columns across years', () => {
    const raw = generated(2_000, 7);
    const c = compile(DRAFT_2023);
    const a = evaluateBulk(c, raw, { fiscalYear: 2024 });
    expect(toEntitlements(a)).toEqual(evaluate(c, raw, { fiscalYear: 2024, trace: false, notOwed: false }).entitlements);
    const indexed = indexFacts(raw);
    expect(evaluateBulk(c, indexed, { fiscalYear: 2024 }).facts).toBe(evaluateBulk(c, indexed, { fiscalYear: 2025 }).facts);
  });
});

describe('evaluateBulk highest-only ties', () => {
  it('keeps the same entitlement as evaluate when amount and date tie (the smaller key)', () => {
    const on = '2024-05-06';
    const f = indexFacts(
      facts({
        titles: [
          title('T9', { kind: 'specialized_sme', recognisedOn: on }),
          title('T10', { kind: 'specialized_sme', recognisedOn: on }),
          title('T11', { kind: 'unicorn', recognisedOn: on }),
          title('T12', { kind: 'little_giant', recognisedOn: on }),
        ],
        carriers: [base('B1')],
        residencies: [residency('E1', 'B1', '2020-01-01')],
      }),
    );
    const c = compile(DRAFT_2023, { parameters: HIGHEST });
    expectSame(c, f, 2024);
    expectSame(c, f, 2025);
    const kept = toEntitlements(evaluateBulk(c, f, { fiscalYear: 2025 })).map((e) => e.trigger);
    expect(kept.map((t) => (t.kind === 'title' ? t.titleId : ''))).toEqual(['T12']);
    const f2 = indexFacts(
      facts({
        titles: [
          title('T9', { kind: 'specialized_sme', recognisedOn: on }),
          title('T10', { kind: 'specialized_sme', recognisedOn: on }),
        ],
      }),
    );
    expect(toEntitlements(evaluateBulk(c, f2, { fiscalYear: 2024 })).map((e) => e.key)).toEqual([
      '2:2.specialized_sme.first:enterprise:E1:T10:2024',
    ]);
  });
});

describe('integer dates', () => {
  it('dayNumber orders dates as the strings do and addMonthsDayNumber equals addMonths', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2000-03-01')).toBe(Date.UTC(2000, 2, 1) / 86_400_000);
    expect(dayNumberOf(9999, 12, 31)).toBe(Date.UTC(9999, 11, 31) / 86_400_000);
    let prev = '';
    for (let t = Date.UTC(2019, 0, 1); t <= Date.UTC(2029, 0, 1); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      expect(dayNumber(iso)).toBe(t / 86_400_000);
      if (prev !== '') expect(dayNumber(prev)).toBeLessThan(dayNumber(iso));
      for (const m of [1, 6, 12, 13]) expect(addMonthsDayNumber(iso, m)).toBe(dayNumber(addMonths(iso, m)));
      prev = iso;
    }
  });
});
