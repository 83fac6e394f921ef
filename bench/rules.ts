/**
 * Rules bench: the measures' clause 2 and clause 5 (bases) rules over 1,000,000 generated title
 * events, evaluated by our compiled engine (traces off), @gorules/zen-engine (a JDM decision-table
 * graph), json-rules-engine and a hand-written loop. Run: `npx tsx bench/rules.ts`.
 *
 * One "eval" = one title event judged under clauses 2 and 5 for the fiscal years it touches.
 * Our engine and the hand loop run the whole set year by year (FY 2023–2027). The peers are
 * measured on a sample and are given precomputed features (policy in force, revoked, the
 * residency/base join) — work our engine does itself — which only flatters them.
 */
import { ZenEngine } from '@gorules/zen-engine';
import { Engine, type RuleProperties } from 'json-rules-engine';
import { addMonths, yearOf } from '../policy/core/dates.ts';
import { compile, evaluate } from '../policy/core/engine.ts';
import {
  FACTS_FORMAT,
  indexFacts,
  type Carrier,
  type Level,
  type PolicyFacts,
  type Residency,
  type TitleEvent,
  type TitleKind,
} from '../policy/core/facts.ts';
import type { Entitlement } from '../policy/core/results.ts';
import { DRAFT_2023 } from '../policy/jinan-quality-sme-measures/index.ts';
import { bestOf, pick, report, seededRandom } from './lib.ts';

const N = Number(process.env.BENCH_RULES_N ?? 1_000_000);
const SAMPLE = Number(process.env.BENCH_RULES_SAMPLE ?? 20_000);
const FISCAL_YEARS = [2023, 2024, 2025, 2026, 2027];
const POLICY_FROM = '2023-01-01';

// ---------------------------------------------------------------- data

function dateTable(fromYear: number, toYear: number): string[] {
  const out: string[] = [];
  let d = `${fromYear}-01-01`;
  while (yearOf(d) <= toYear) {
    out.push(d);
    const [y, m, day] = [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
    const next = new Date(Date.UTC(y, m - 1, day + 1));
    d = next.toISOString().slice(0, 10);
  }
  return out;
}

function generate(n: number, seed: number): PolicyFacts {
  const rand = seededRandom(seed);
  const recDates = dateTable(2022, 2026);
  const fromDates = dateTable(2019, 2026);
  const enterprises = Math.max(1, Math.floor(n / 2.5));
  const carriers: Carrier[] = [];
  const baseDates = dateTable(2018, 2023);
  const bases = 500;
  for (let i = 0; i < bases; i++) {
    const level: Level = pick(rand, ['city', 'provincial', 'provincial', 'provincial', 'national']);
    const recognisedOn = pick(rand, baseDates);
    carriers.push({
      carrierId: `B${i}`,
      kind: 'demo_base',
      name: `示范基地${i}`,
      level,
      recognisedOn,
      validUntil: addMonths(recognisedOn, 36 + Math.floor(rand() * 36)),
    });
  }
  const residencies: Residency[] = [];
  for (let e = 0; e < enterprises; e++) {
    if (rand() < 0.35) {
      const r: Residency = {
        enterpriseId: `E${e}`,
        carrierId: `B${Math.floor(rand() * bases)}`,
        fromDate: pick(rand, fromDates),
      };
      if (rand() < 0.2) r.toDate = pick(rand, fromDates) > r.fromDate ? pick(rand, fromDates) : '2026-12-31';
      if (r.toDate !== undefined && r.toDate !== null && r.toDate < r.fromDate) r.toDate = '2026-12-31';
      residencies.push(r);
    }
  }
  const kinds: TitleKind[] = [
    'innovative_sme',
    'innovative_sme',
    'specialized_sme',
    'specialized_sme',
    'little_giant',
    'gazelle',
    'gazelle',
    'unicorn',
    'manufacturing_champion',
  ];
  const titles: TitleEvent[] = [];
  for (let i = 0; i < n; i++) {
    const kind = pick(rand, kinds);
    const level: Level =
      kind === 'little_giant' || kind === 'manufacturing_champion' ? 'national' : rand() < 0.9 ? 'provincial' : 'city';
    const t: TitleEvent = {
      titleId: `T${i}`,
      enterpriseId: `E${Math.floor(rand() * enterprises)}`,
      kind,
      level,
      recognisedOn: pick(rand, recDates),
      recognition: rand() < 0.8 ? 'first' : 'renewal',
    };
    if (rand() < 0.02) t.revokedOn = '2026-06-30';
    titles.push(t);
  }
  return { format: FACTS_FORMAT, titles, carriers, residencies };
}

// ---------------------------------------------------------------- the hand-written loop

const C2_AMOUNT: Record<string, number> = {
  'little_giant|first': 2_000_000,
  'specialized_sme|first': 300_000,
  'unicorn|first': 3_000_000,
  'gazelle|first': 500_000,
  'gazelle|renewal': 200_000,
  'specialized_sme|renewal': 100_000,
};
const C2_LEVELS: Record<TitleKind, readonly Level[]> = {
  little_giant: ['national'],
  specialized_sme: ['provincial'],
  unicorn: ['provincial', 'national'],
  gazelle: ['provincial'],
  innovative_sme: [],
  manufacturing_champion: [],
};
const C5: Partial<Record<TitleKind, { amount: number; levels: readonly Level[] }>> = {
  unicorn: { amount: 400_000, levels: ['provincial', 'national'] },
  little_giant: { amount: 400_000, levels: ['national'] },
  gazelle: { amount: 100_000, levels: ['provincial'] },
  specialized_sme: { amount: 100_000, levels: ['provincial'] },
};

/** The base a title event rewards under clause 5, or undefined (longest qualifying residency). */
function qualifyingBase(
  t: TitleEvent,
  carriersById: ReadonlyMap<string, Carrier>,
  resByEnt: ReadonlyMap<string, readonly Residency[]>,
): Residency | undefined {
  const rs = resByEnt.get(t.enterpriseId);
  if (rs === undefined) return undefined;
  const d = t.recognisedOn;
  let chosen: Residency | undefined;
  for (const r of rs) {
    const b = carriersById.get(r.carrierId);
    if (b === undefined || b.kind !== 'demo_base' || b.level === 'city') continue;
    if (b.recognisedOn > d || (b.validUntil != null && d > b.validUntil) || (b.revokedOn != null && b.revokedOn <= d)) continue;
    if (r.toDate != null && r.toDate < d) continue;
    if (addMonths(r.fromDate, 12) > d) continue;
    if (
      chosen === undefined ||
      r.fromDate < chosen.fromDate ||
      (r.fromDate === chosen.fromDate && r.carrierId < chosen.carrierId)
    )
      chosen = r;
  }
  return chosen;
}

/**
 * The rules written by hand as one pass over the events: clause 2 pays in the year of
 * recognition, clause 5 in the year after, for the same fiscal years as the engine.
 */
function hand(facts: PolicyFacts): { total: number; count: number } {
  const { carriersById, residenciesByEnterprise: resByEnt } = indexFacts(facts);
  const v = DRAFT_2023.id;
  const firstFy = FISCAL_YEARS[0] ?? 0;
  const lastFy = FISCAL_YEARS[FISCAL_YEARS.length - 1] ?? 0;
  const out: Entitlement[] = [];
  for (const t of facts.titles) {
    if (t.recognisedOn < POLICY_FROM || t.revokedOn != null) continue;
    const y = yearOf(t.recognisedOn);
    const trigger = { kind: 'title' as const, titleId: t.titleId, enterpriseId: t.enterpriseId, date: t.recognisedOn };
    const amount = C2_AMOUNT[`${t.kind}|${t.recognition}`];
    if (y >= firstFy && y <= lastFy && amount !== undefined && C2_LEVELS[t.kind].includes(t.level)) {
      const item = `2.${t.kind}.${t.recognition}`;
      out.push({
        key: `2:${item}:enterprise:${t.enterpriseId}:${t.titleId}:${y}`,
        beneficiary: { type: 'enterprise', id: t.enterpriseId },
        clause: '2',
        item,
        amount,
        fiscalYear: y,
        trigger,
        policyVersion: v,
        trace: null,
      });
    }
    const c5 = C5[t.kind];
    const fy5 = y + 1;
    if (c5 === undefined || t.recognition !== 'first' || fy5 < firstFy || fy5 > lastFy || !c5.levels.includes(t.level)) continue;
    const r = qualifyingBase(t, carriersById, resByEnt);
    if (r === undefined) continue;
    const item = `5.base.${t.kind}`;
    const name = carriersById.get(r.carrierId)?.name;
    out.push({
      key: `5:${item}:carrier:${r.carrierId}:${t.titleId}:${fy5}`,
      beneficiary: name ? { type: 'carrier', id: r.carrierId, name } : { type: 'carrier', id: r.carrierId },
      clause: '5',
      item,
      amount: c5.amount,
      fiscalYear: fy5,
      trigger,
      policyVersion: v,
      trace: null,
    });
  }
  let total = 0;
  for (const e of out) total += e.amount;
  return { total, count: out.length };
}

// ---------------------------------------------------------------- our engine

const compiled = compile(DRAFT_2023);
function ours(facts: PolicyFacts): { total: number; count: number } {
  // Generated ids are unique, as a database primary key guarantees; the hand loop trusts them too.
  const indexed = indexFacts(facts, { titleIdsUnique: true });
  let total = 0;
  let count = 0;
  for (const fiscalYear of FISCAL_YEARS) {
    const r = evaluate(compiled, indexed, { fiscalYear, trace: false, notOwed: false });
    for (const e of r.entitlements) total += e.amount;
    count += r.entitlements.length;
  }
  return { total, count };
}

// ---------------------------------------------------------------- peers: shared features

interface Features {
  kind: TitleKind;
  level: Level;
  recognition: 'first' | 'renewal';
  inForce: boolean;
  revoked: boolean;
  baseQualifies: boolean;
}

function features(facts: PolicyFacts): Features[] {
  const { carriersById, residenciesByEnterprise } = indexFacts(facts);
  return facts.titles.map((t) => ({
    kind: t.kind,
    level: t.level,
    recognition: t.recognition,
    inForce: t.recognisedOn >= POLICY_FROM,
    revoked: t.revokedOn != null,
    baseQualifies: qualifyingBase(t, carriersById, residenciesByEnterprise) !== undefined,
  }));
}

const str = (s: string) => JSON.stringify(s);

function zenGraph(): object {
  const c2Rows = Object.entries(C2_AMOUNT).map(([k, amount], i) => {
    const [kind = '', recognition = ''] = k.split('|');
    const levels = Object.entries(C2_LEVELS).find(([x]) => x === kind)?.[1] ?? [];
    return {
      _id: `c2r${i}`,
      k: str(kind),
      r: str(recognition),
      l: levels.map(str).join(','),
      f: 'true',
      v: 'false',
      a: String(amount),
    };
  });
  const c5Rows = Object.entries(C5).map(([kind, spec], i) => ({
    _id: `c5r${i}`,
    k: str(kind),
    r: str('first'),
    l: (spec?.levels ?? []).map(str).join(','),
    f: 'true',
    v: 'false',
    b: 'true',
    a: String(spec?.amount ?? 0),
  }));
  const inputs = [
    { id: 'k', name: 'kind', field: 'kind' },
    { id: 'r', name: 'recognition', field: 'recognition' },
    { id: 'l', name: 'level', field: 'level' },
    { id: 'f', name: 'inForce', field: 'inForce' },
    { id: 'v', name: 'revoked', field: 'revoked' },
  ];
  return {
    nodes: [
      { id: 'in', type: 'inputNode', name: 'facts', position: { x: 0, y: 0 } },
      {
        id: 'c2',
        type: 'decisionTableNode',
        name: 'clause_2_ladder_rewards',
        position: { x: 200, y: 0 },
        content: {
          hitPolicy: 'first',
          inputs,
          outputs: [{ id: 'a', name: 'amount2', field: 'amount2' }],
          rules: [...c2Rows, { _id: 'c2d', k: '', r: '', l: '', f: '', v: '', a: '0' }],
        },
      },
      {
        id: 'c5',
        type: 'decisionTableNode',
        name: 'clause_5_service_carriers',
        position: { x: 200, y: 200 },
        content: {
          hitPolicy: 'first',
          inputs: [...inputs, { id: 'b', name: 'baseQualifies', field: 'baseQualifies' }],
          outputs: [{ id: 'a', name: 'amount5', field: 'amount5' }],
          rules: [...c5Rows, { _id: 'c5d', k: '', r: '', l: '', f: '', v: '', b: '', a: '0' }],
        },
      },
      { id: 'out', type: 'outputNode', name: 'result', position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'in', targetId: 'c2', type: 'edge' },
      { id: 'e2', sourceId: 'in', targetId: 'c5', type: 'edge' },
      { id: 'e3', sourceId: 'c2', targetId: 'out', type: 'edge' },
      { id: 'e4', sourceId: 'c5', targetId: 'out', type: 'edge' },
    ],
  };
}

function num(x: unknown): number {
  if (typeof x !== 'number') throw new Error(`expected a number, got ${JSON.stringify(x)}`);
  return x;
}

async function zen(sample: Features[]): Promise<number> {
  const engine = new ZenEngine();
  const decision = engine.createDecision(zenGraph());
  let total = 0;
  const BATCH = 512; // concurrent evaluations in flight: the native pool works while JS waits
  for (let i = 0; i < sample.length; i += BATCH) {
    const rs = await Promise.all(sample.slice(i, i + BATCH).map((f) => decision.evaluate(f)));
    for (const r of rs) {
      const out: unknown = r.result;
      if (typeof out !== 'object' || out === null || !('amount2' in out) || !('amount5' in out))
        throw new Error('zen: bad result');
      total += num(out.amount2) + num(out.amount5);
    }
  }
  engine.dispose();
  return total;
}

function jreRules(): RuleProperties[] {
  const common = (kind: string, recognition: string, levels: readonly Level[]) => [
    { fact: 'kind', operator: 'equal', value: kind },
    { fact: 'recognition', operator: 'equal', value: recognition },
    { fact: 'level', operator: 'in', value: [...levels] },
    { fact: 'inForce', operator: 'equal', value: true },
    { fact: 'revoked', operator: 'equal', value: false },
  ];
  const rules: RuleProperties[] = [];
  for (const [k, amount] of Object.entries(C2_AMOUNT)) {
    const [kind = '', recognition = ''] = k.split('|');
    const levels = Object.entries(C2_LEVELS).find(([x]) => x === kind)?.[1] ?? [];
    rules.push({
      name: `2.${kind}.${recognition}`,
      conditions: { all: common(kind, recognition, levels) },
      event: { type: 'clause_2', params: { amount } },
    });
  }
  for (const [kind, spec] of Object.entries(C5)) {
    if (!spec) continue;
    rules.push({
      name: `5.base.${kind}`,
      conditions: { all: [...common(kind, 'first', spec.levels), { fact: 'baseQualifies', operator: 'equal', value: true }] },
      event: { type: 'clause_5', params: { amount: spec.amount } },
    });
  }
  return rules;
}

async function jre(sample: Features[]): Promise<number> {
  const engine = new Engine(jreRules(), { allowUndefinedFacts: true });
  let total = 0;
  for (const f of sample) {
    const r = await engine.run({ ...f });
    for (const e of r.events) total += num(e.params?.['amount']);
  }
  return total;
}

// ---------------------------------------------------------------- run

async function main(): Promise<void> {
  const t0 = Date.now();
  const facts = generate(N, 20230101);
  const sampleFacts: PolicyFacts = { ...facts, titles: facts.titles.slice(0, SAMPLE) };
  const sampleFeatures = features(sampleFacts);
  console.error(
    `rules bench: ${N} title events, ${facts.residencies.length} residencies, ${facts.carriers.length} bases, generated in ${Date.now() - t0} ms`,
  );

  // Agreement on the sample first: every engine must owe the same total.
  const oursSample = ours(sampleFacts).total;
  const handSample = hand(sampleFacts).total;
  const zenSample = await zen(sampleFeatures);
  const jreSample = await jre(sampleFeatures);
  if (new Set([oursSample, handSample, zenSample, jreSample]).size !== 1) {
    console.error(
      `rules bench: ENGINES DISAGREE on the sample total: ours ${oursSample}, hand ${handSample}, zen ${zenSample}, json-rules-engine ${jreSample}`,
    );
    process.exit(1);
  }
  console.error(`rules bench: all engines agree on the sample total ${oursSample} yuan`);

  const o = await bestOf(3, () => ours(facts));
  const h = await bestOf(3, () => hand(facts));
  if (o.result.total !== h.result.total || o.result.count !== h.result.count) {
    console.error(
      `rules bench: ours and the hand loop DISAGREE on ${N} events: ${JSON.stringify(o.result)} vs ${JSON.stringify(h.result)}`,
    );
    process.exit(1);
  }
  const z = await bestOf(2, () => zen(sampleFeatures));
  const j = await bestOf(2, () => jre(sampleFeatures));
  const oursRate = N / o.seconds;
  const handRate = N / h.seconds;
  const zenRate = sampleFeatures.length / z.seconds;
  const jreRate = sampleFeatures.length / j.seconds;
  console.error(`rules bench: ${o.result.count} entitlements, ¥${o.result.total} over FY ${FISCAL_YEARS.join(',')}`);
  const ok = [
    report({ bench: 'rules', ours: oursRate, baseline: 'zen-engine', theirs: zenRate, unit: 'evals/s', target: 50 }),
    report({ bench: 'rules', ours: oursRate, baseline: 'json-rules-engine', theirs: jreRate, unit: 'evals/s', target: 100 }),
    report({ bench: 'rules', ours: oursRate, baseline: 'hand-loop', theirs: handRate, unit: 'evals/s', target: 0.5 }),
  ].every(Boolean);
  console.error(`rules bench: done in ${((Date.now() - t0) / 1000).toFixed(1)} s${ok ? '' : ' — a target was missed'}`);
}

await main();
