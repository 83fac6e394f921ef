/**
 * Rules bench: the measures' clause 2 and clause 5 (bases) rules over 1,000,000 generated title
 * events, evaluated by our compiled engine (bulk mode), @gorules/zen-engine (a JDM decision-table
 * graph), json-rules-engine and a hand-written loop. Run: `npx tsx bench/rules.ts`.
 *
 * One "eval" = one title event judged under clauses 2 and 5 for the fiscal years it touches.
 * Every engine is timed from the same raw facts (`PolicyFacts`: title events, carriers,
 * residencies) to the amounts owed; nothing an engine needs is prepared outside its timing:
 * - ours: `indexFacts` + `evaluateBulk` for each of FY 2023–2027 (columnar rows, no objects),
 *   over all N events;
 * - hand loop: builds its own Maps (carriers by id, residencies by enterprise), one pass over all
 *   N events with string dates, pushing one small record per entitlement;
 * - zen-engine, json-rules-engine: on a sample (the first SAMPLE events, with the carriers and the
 *   residencies of the sample's enterprises), timed = building the same Maps + computing each
 *   event's input features in JS (policy in force, revoked, the residency/base join, which
 *   neither engine can do against a table) + the engine's evaluations. Sample throughput stands
 *   for the whole set: a peer's cost per event does not depend on how many events there are.
 * All four must owe the same total on the sample (and the object-path `evaluate` too), and ours
 * and the hand loop the same total and count on the whole set, or the bench exits non-zero.
 */
import { ZenEngine } from '@gorules/zen-engine';
import { Engine, type RuleProperties } from 'json-rules-engine';
import { addMonths, yearOf } from '../policy/core/dates.ts';
import { compile, evaluate, evaluateBulk } from '../policy/core/engine.ts';
import {
  FACTS_FORMAT,
  indexFacts,
  type Carrier,
  type Level,
  type PolicyFacts,
  type Recognition,
  type Residency,
  type TitleEvent,
  type TitleKind,
} from '../policy/core/facts.ts';
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

interface Reward {
  item: string;
  amount: number;
}
/** Clause 2 by kind and recognition; clause 5 (bases) by kind. The levels each counts. */
const C2: Partial<Record<TitleKind, Partial<Record<Recognition, Reward>>>> = {
  little_giant: { first: { item: '2.little_giant.first', amount: 2_000_000 } },
  specialized_sme: {
    first: { item: '2.specialized_sme.first', amount: 300_000 },
    renewal: { item: '2.specialized_sme.renewal', amount: 100_000 },
  },
  unicorn: { first: { item: '2.unicorn.first', amount: 3_000_000 } },
  gazelle: {
    first: { item: '2.gazelle.first', amount: 500_000 },
    renewal: { item: '2.gazelle.renewal', amount: 200_000 },
  },
};
const C2_LEVELS: Record<TitleKind, readonly Level[]> = {
  little_giant: ['national'],
  specialized_sme: ['provincial'],
  unicorn: ['provincial', 'national'],
  gazelle: ['provincial'],
  innovative_sme: [],
  manufacturing_champion: [],
};
const C5: Partial<Record<TitleKind, Reward & { levels: readonly Level[] }>> = {
  unicorn: { item: '5.base.unicorn', amount: 400_000, levels: ['provincial', 'national'] },
  little_giant: { item: '5.base.little_giant', amount: 400_000, levels: ['national'] },
  gazelle: { item: '5.base.gazelle', amount: 100_000, levels: ['provincial'] },
  specialized_sme: { item: '5.base.specialized_sme', amount: 100_000, levels: ['provincial'] },
};

interface Maps {
  carriersById: Map<string, Carrier>;
  resByEnt: Map<string, Residency[]>;
}

function buildMaps(facts: PolicyFacts): Maps {
  const carriersById = new Map<string, Carrier>();
  for (const c of facts.carriers) carriersById.set(c.carrierId, c);
  const resByEnt = new Map<string, Residency[]>();
  for (const r of facts.residencies) {
    const list = resByEnt.get(r.enterpriseId);
    if (list) list.push(r);
    else resByEnt.set(r.enterpriseId, [r]);
  }
  return { carriersById, resByEnt };
}

/** The base a title event rewards under clause 5, or undefined (longest qualifying residency). */
function qualifyingBase(t: TitleEvent, { carriersById, resByEnt }: Maps): Residency | undefined {
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

interface HandResult {
  item: string;
  titleId: string;
  beneficiaryId: string;
  fiscalYear: number;
  amount: number;
}

/**
 * The rules written by hand as one pass over the events: clause 2 pays in the year of
 * recognition, clause 5 in the year after, for the same fiscal years as the engine.
 */
function hand(facts: PolicyFacts): { total: number; count: number } {
  const maps = buildMaps(facts);
  const firstFy = FISCAL_YEARS[0] ?? 0;
  const lastFy = FISCAL_YEARS[FISCAL_YEARS.length - 1] ?? 0;
  const out: HandResult[] = [];
  for (const t of facts.titles) {
    if (t.recognisedOn < POLICY_FROM || t.revokedOn != null) continue;
    const y = yearOf(t.recognisedOn);
    const c2 = C2[t.kind]?.[t.recognition];
    if (c2 !== undefined && y >= firstFy && y <= lastFy && C2_LEVELS[t.kind].includes(t.level))
      out.push({ item: c2.item, titleId: t.titleId, beneficiaryId: t.enterpriseId, fiscalYear: y, amount: c2.amount });
    const c5 = C5[t.kind];
    const fy5 = y + 1;
    if (c5 === undefined || t.recognition !== 'first' || fy5 < firstFy || fy5 > lastFy || !c5.levels.includes(t.level)) continue;
    const r = qualifyingBase(t, maps);
    if (r !== undefined)
      out.push({ item: c5.item, titleId: t.titleId, beneficiaryId: r.carrierId, fiscalYear: fy5, amount: c5.amount });
  }
  let total = 0;
  for (const e of out) total += e.amount;
  return { total, count: out.length };
}

// ---------------------------------------------------------------- our engine

const compiled = compile(DRAFT_2023);

/** Bulk mode: columnar rows per fiscal year, no object per event or result. */
function ours(facts: PolicyFacts): { total: number; count: number } {
  // Generated ids are unique, as a database primary key guarantees; the hand loop trusts them too.
  const indexed = indexFacts(facts, { titleIdsUnique: true });
  let total = 0;
  let count = 0;
  for (const fiscalYear of FISCAL_YEARS) {
    const r = evaluateBulk(compiled, indexed, { fiscalYear });
    total += r.totalAmount;
    count += r.count;
  }
  return { total, count };
}

/** The object path (`evaluate` without traces), for reference and as a check on the bulk path. */
function oursObjects(facts: PolicyFacts): { total: number; count: number } {
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

// ---------------------------------------------------------------- peers: input features, computed inside their timing

interface Features {
  kind: TitleKind;
  level: Level;
  recognition: Recognition;
  inForce: boolean;
  revoked: boolean;
  baseQualifies: boolean;
}

function features(facts: PolicyFacts): Features[] {
  const maps = buildMaps(facts);
  return facts.titles.map((t) => ({
    kind: t.kind,
    level: t.level,
    recognition: t.recognition,
    inForce: t.recognisedOn >= POLICY_FROM,
    revoked: t.revokedOn != null,
    baseQualifies: qualifyingBase(t, maps) !== undefined,
  }));
}

const str = (s: string) => JSON.stringify(s);

function c2Rules(): { kind: TitleKind; recognition: Recognition; levels: readonly Level[]; amount: number }[] {
  const out: { kind: TitleKind; recognition: Recognition; levels: readonly Level[]; amount: number }[] = [];
  for (const [kind, byRec] of Object.entries(C2) as [TitleKind, Partial<Record<Recognition, Reward>>][])
    for (const [recognition, r] of Object.entries(byRec) as [Recognition, Reward][])
      out.push({ kind, recognition, levels: C2_LEVELS[kind], amount: r.amount });
  return out;
}

function zenGraph(): object {
  const c2Rows = c2Rules().map((r, i) => ({
    _id: `c2r${i}`,
    k: str(r.kind),
    r: str(r.recognition),
    l: r.levels.map(str).join(','),
    f: 'true',
    v: 'false',
    a: String(r.amount),
  }));
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

/** Seconds spent computing input features in the last peer run (reported, and inside its timing). */
let featureSeconds = 0;

function timedFeatures(facts: PolicyFacts): Features[] {
  const t0 = process.hrtime.bigint();
  const f = features(facts);
  featureSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return f;
}

async function zen(decision: ReturnType<ZenEngine['createDecision']>, facts: PolicyFacts): Promise<number> {
  const sample = timedFeatures(facts);
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
  for (const r of c2Rules()) {
    rules.push({
      name: `2.${r.kind}.${r.recognition}`,
      conditions: { all: common(r.kind, r.recognition, r.levels) },
      event: { type: 'clause_2', params: { amount: r.amount } },
    });
  }
  for (const [kind, spec] of Object.entries(C5)) {
    if (!spec) continue;
    rules.push({
      name: spec.item,
      conditions: { all: [...common(kind, 'first', spec.levels), { fact: 'baseQualifies', operator: 'equal', value: true }] },
      event: { type: 'clause_5', params: { amount: spec.amount } },
    });
  }
  return rules;
}

async function jre(engine: Engine, facts: PolicyFacts): Promise<number> {
  const sample = timedFeatures(facts);
  let total = 0;
  for (const f of sample) {
    const r = await engine.run({ ...f });
    for (const e of r.events) total += num(e.params?.['amount']);
  }
  return total;
}

// ---------------------------------------------------------------- run

/** The first `n` events with the carriers and the residencies of their enterprises. */
function sampleOf(facts: PolicyFacts, n: number): PolicyFacts {
  const titles = facts.titles.slice(0, n);
  const enterprises = new Set(titles.map((t) => t.enterpriseId));
  return { ...facts, titles, residencies: facts.residencies.filter((r) => enterprises.has(r.enterpriseId)) };
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const facts = generate(N, 20230101);
  const sampleFacts = sampleOf(facts, SAMPLE);
  console.error(
    `rules bench: ${N} title events, ${facts.residencies.length} residencies, ${facts.carriers.length} bases, generated in ${Date.now() - t0} ms; ` +
      `sample ${sampleFacts.titles.length} events, ${sampleFacts.residencies.length} residencies`,
  );
  // Engines are built once, outside the timing, as a service would keep them.
  const zenEngine = new ZenEngine();
  const decision = zenEngine.createDecision(zenGraph());
  const jreEngine = new Engine(jreRules(), { allowUndefinedFacts: true });

  // Agreement on the sample first: every engine must owe the same total.
  const totals = {
    ours: ours(sampleFacts).total,
    oursObjects: oursObjects(sampleFacts).total,
    hand: hand(sampleFacts).total,
    zen: await zen(decision, sampleFacts),
    jre: await jre(jreEngine, sampleFacts),
  };
  if (new Set(Object.values(totals)).size !== 1) {
    console.error(`rules bench: ENGINES DISAGREE on the sample total: ${JSON.stringify(totals)}`);
    process.exit(1);
  }
  console.error(`rules bench: all engines agree on the sample total ${totals.ours} yuan`);

  const RUNS = 3; // every engine gets the same number of tries; the best counts
  const o = await bestOf(RUNS, () => ours(facts));
  const h = await bestOf(RUNS, () => hand(facts));
  const obj = await bestOf(1, () => oursObjects(facts));
  for (const [name, r] of [
    ['the hand loop', h.result],
    ['the object path', obj.result],
  ] as const) {
    if (o.result.total !== r.total || o.result.count !== r.count) {
      console.error(`rules bench: ours and ${name} DISAGREE on ${N} events: ${JSON.stringify(o.result)} vs ${JSON.stringify(r)}`);
      process.exit(1);
    }
  }
  const z = await bestOf(RUNS, () => zen(decision, sampleFacts));
  const zenFeatures = featureSeconds;
  const j = await bestOf(RUNS, () => jre(jreEngine, sampleFacts));
  const jreFeatures = featureSeconds;
  zenEngine.dispose();
  const n = sampleFacts.titles.length;
  const oursRate = N / o.seconds;
  const handRate = N / h.seconds;
  const zenRate = n / z.seconds;
  const jreRate = n / j.seconds;
  console.error(
    `rules bench: ${o.result.count} entitlements, ¥${o.result.total} over FY ${FISCAL_YEARS.join(',')}; ` +
      `ours ${(o.seconds * 1000).toFixed(0)} ms, hand ${(h.seconds * 1000).toFixed(0)} ms, object path ${(obj.seconds * 1000).toFixed(0)} ms (${Math.round(N / obj.seconds)} evals/s) for ${N}; ` +
      `zen ${(z.seconds * 1000).toFixed(0)} ms (features ${(zenFeatures * 1000).toFixed(1)} ms), json-rules-engine ${(j.seconds * 1000).toFixed(0)} ms (features ${(jreFeatures * 1000).toFixed(1)} ms) for ${n}`,
  );
  const ok = [
    report({ bench: 'rules', ours: oursRate, baseline: 'zen-engine', theirs: zenRate, unit: 'evals/s', target: 50 }),
    report({ bench: 'rules', ours: oursRate, baseline: 'json-rules-engine', theirs: jreRate, unit: 'evals/s', target: 100 }),
    report({ bench: 'rules', ours: oursRate, baseline: 'hand-loop', theirs: handRate, unit: 'evals/s', target: 0.5 }),
  ].every(Boolean);
  console.error(`rules bench: done in ${((Date.now() - t0) / 1000).toFixed(1)} s${ok ? '' : ' — a target was missed'}`);
}

await main();
