import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, evaluate } from '../core/engine.ts';
import { parseFacts, type PolicyFacts } from '../core/facts.ts';
import { DRAFT_2023, MONEY_CLAUSES } from './index.ts';

const source = readFileSync(new URL('./source-draft.zh.txt', import.meta.url), 'utf8');

function loadExample(name: string): PolicyFacts {
  const raw: unknown = JSON.parse(readFileSync(new URL(`../../docs/examples/${name}`, import.meta.url), 'utf8'));
  const parsed = parseFacts(raw);
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.problems)}`);
  return parsed.facts;
}

describe('the clause texts', () => {
  for (const c of MONEY_CLAUSES) {
    it(`clause ${c.clause} quotes the draft verbatim, with its responsible units`, () => {
      expect(source).toContain(c.text.textZh);
      expect(source).toContain(`${c.text.textZh}（责任单位：${c.text.responsibleUnitsZh.join('、')}）`);
      expect(source).toContain(c.text.partZh);
    });
  }
});

describe('parsing facts', () => {
  it('names the field and the problem when the facts are malformed', () => {
    const r = parseFacts({
      format: 'sme-ladder/policy-facts@1',
      titles: [
        { titleId: 'T1', enterpriseId: 'E1', kind: 'dragon', level: 'city', recognisedOn: '2023-02-30', recognition: 'first' },
      ],
      carriers: [],
      residencies: [],
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems).toEqual([
        { path: 'titles[0].kind', problem: 'unknown title kind' },
        { path: 'titles[0].recognisedOn', problem: 'not an ISO date' },
      ]);
  });
});

describe('the example facts in docs/examples', () => {
  it('the main example owes the enterprises, the base, the platform and the park what the draft says', () => {
    const f = loadExample('policy-facts.example.json');
    const c = compile(DRAFT_2023);
    const y2023 = evaluate(c, f, { fiscalYear: 2023 });
    expect(y2023.entitlements.map((e) => [e.item, e.beneficiary.id, e.amount])).toEqual([
      ['2.specialized_sme.first', '1', 300_000],
      ['2.little_giant.first', '1', 2_000_000],
      ['2.gazelle.renewal', '2', 200_000],
      ['2.gazelle.first', '3', 500_000],
      ['5.platform.national', '202', 500_000],
    ]);
    const y2024 = evaluate(c, f, { fiscalYear: 2024 });
    expect(y2024.entitlements.map((e) => [e.item, e.beneficiary.id, e.amount])).toEqual([
      ['4.service_park.year_1', '203', 10_000_000],
      ['5.base.gazelle', '201', 100_000],
    ]);
    // Enterprise 1 had lived in the base for under 12 months when it became a little giant.
    expect(y2024.notOwed.filter((n) => n.beneficiary.id === '201').flatMap((n) => n.reasons.map((r) => r.code))).toEqual([
      'clause_5_resident_12_months',
      'clause_5_resident_12_months',
    ]);
  });

  it('the boundaries example separates the day before from the day of, and 11 months 30 days from 12 months', () => {
    const f = loadExample('policy-facts.boundaries.example.json');
    const c = compile(DRAFT_2023);
    const owed2023 = evaluate(c, f, { fiscalYear: 2023 }).entitlements.map(
      (e) => e.trigger.kind === 'title' && e.trigger.titleId,
    );
    expect(owed2023).toEqual(['t-first-day', 't-11m30d', 't-12m']);
    const owed2024 = evaluate(c, f, { fiscalYear: 2024 }).entitlements.map((e) => [
      e.beneficiary.id,
      e.trigger.kind === 'title' && e.trigger.titleId,
    ]);
    expect(owed2024).toEqual([['b-1', 't-12m']]);
  });
});
