import { describe, expect, it } from 'vitest';
import { tierAssessor } from '../index.ts';
import { base, set } from './builders.ts';
import { INNOVATIVE_2022_BANDS, SPECIALIZED_2022_BANDS, type BandRow } from './bands.scenarios.ts';
import { CASES } from './cases.scenarios.ts';

const a = tierAssessor();

function bandCase(standard: 'innovative_sme' | 'specialized_sme', r: BandRow) {
  const f = base();
  const setter = set[r.set];
  if (!setter) throw new Error(`no setter ${r.set}`);
  setter(f, r.value);
  const res = a.assess(standard, f, '2025-06-01');
  const i = res.indicators.find((x) => x.id === r.indicator);
  expect(i, r.indicator).toBeDefined();
  expect({ band: i?.band, points: i?.points }).toEqual({ band: r.band, points: r.points });
}

describe('创新型中小企业 2022: every point band at its boundaries', () => {
  for (const r of INNOVATIVE_2022_BANDS)
    it(`${r.indicator} at ${r.value} falls in band ${r.band} for ${r.points} points`, () => bandCase('innovative_sme', r));
});

describe('专精特新中小企业 2022: every point band at its boundaries', () => {
  for (const r of SPECIALIZED_2022_BANDS)
    it(`${r.indicator} (${r.set}) at ${r.value} falls in band ${r.band} for ${r.points} points`, () =>
      bandCase('specialized_sme', r));
});

describe('tier standards scenarios', () => {
  for (const c of CASES)
    it(c.name, () => {
      const f = base();
      c.patch(f);
      const r = a.assess(c.standard, f, c.date);
      const e = c.expect;
      if (e.version) expect(r.standardVersion).toBe(e.version);
      if (e.status) expect(r.status).toBe(e.status);
      if (e.route) expect(r.route?.id).toBe(e.route);
      if (e.total !== undefined) expect(r.score?.total).toBe(e.total);
      if (e.sizeClass !== undefined) expect(r.sizeClass).toBe(e.sizeClass);
      if (e.indicator) {
        const i = r.indicators.find((x) => x.id === e.indicator?.id);
        expect(i?.points).toBe(e.indicator.points);
        if (e.indicator.band !== undefined) expect(i?.band).toBe(e.indicator.band);
        if (e.indicator.upTo !== undefined) expect(i?.upTo).toBe(e.indicator.upTo);
      }
      if (e.condition) expect(r.conditions.find((x) => x.id === e.condition?.id)?.status).toBe(e.condition.status);
      if (e.missingIncludes) expect(r.missing.map((m) => m.zh).join('\n')).toContain(e.missingIncludes);
    });
});

describe('the assessment names its version and parameters', () => {
  it('names the version chosen by the date and lists each parameter with its reference', () => {
    const r = a.assess('specialized_sme', base(), '2026-04-01');
    expect(r.standardVersion).toBe('specialized_sme@2026');
    const p = r.parameters?.find((x) => x.id === 'specialized_2026_revenue_min');
    expect(p?.value).toBe(15_000_000);
    expect(p?.reference.unverified).toMatch(/third-party/);
  });
  it('says what is missing in both languages, with the value and the need', () => {
    const f = base();
    set.rdRatio?.(f, 0.024);
    const r = a.assess('innovative_sme', f, '2025-06-01');
    const m = r.indicators.find((i) => i.id === 'rd_ratio')?.missing;
    expect(m?.en).toBe('R&D ratio 2.4% (10 pts), band B (15 pts) needs at least 3%');
    expect(m?.zh).toBe('研发费用占营业收入比重 2.4%（10分），B档15分需达到3%');
  });
  it('before the first version a standard is not in force and says so', () => {
    const r = a.assess('specialized_sme', base(), '2021-01-01');
    expect(r.standardVersion).toBe('');
    expect(r.missing[0]?.en).toMatch(/no version/);
  });
});

describe('bulk assessments (explain: false)', () => {
  it('give the same verdicts, routes, points and bands as explained ones, without the words', () => {
    for (const c of CASES) {
      const f = base();
      c.patch(f);
      const full = a.assess(c.standard, f, c.date, { parameters: false });
      const bulk = a.assess(c.standard, f, c.date, { parameters: false, explain: false });
      expect({
        s: bulk.status,
        r: bulk.route?.id,
        t: bulk.score?.total,
        i: bulk.indicators.map((x) => [x.id, x.points, x.band, x.upTo]),
      }).toEqual({
        s: full.status,
        r: full.route?.id,
        t: full.score?.total,
        i: full.indicators.map((x) => [x.id, x.points, x.band, x.upTo]),
      });
      expect(bulk.conditions.map((x) => [x.id, x.status])).toEqual(full.conditions.map((x) => [x.id, x.status]));
    }
  });
});
