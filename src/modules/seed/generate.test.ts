import { describe, expect, it, beforeAll } from 'vitest';
import { validateUscc } from '../../shared/uscc.ts';
import { JINAN_UNITS } from '../registry/reference.ts';
import { addMonths, generateDataset, summariseDataset, threeYearValidity, type Dataset } from './generate.ts';
import { Rng } from './prng.ts';

describe('prng', () => {
  it('is deterministic and seed-dependent', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const sa = Array.from({ length: 20 }, () => a.nextUint32());
    expect(Array.from({ length: 20 }, () => b.nextUint32())).toEqual(sa);
    expect(Array.from({ length: 20 }, () => c.nextUint32())).not.toEqual(sa);
  });
  it('helpers stay in range', () => {
    const r = new Rng(1);
    for (let i = 0; i < 2000; i++) {
      const v = r.int(3, 7);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(7);
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    expect(r.weighted(['a', 'b'], [0, 1])).toBe('b');
    const picked = r.sampleWeighted([1, 0, 5, 2, 0], 3);
    expect(new Set(picked).size).toBe(3);
    expect(picked).not.toContain(1);
    expect(picked).not.toContain(4);
    const mean = Array.from({ length: 4000 }, () => r.normal(10, 2)).reduce((s, v) => s + v, 0) / 4000;
    expect(Math.abs(mean - 10)).toBeLessThan(0.2);
  });
});

describe('generateDataset: determinism', () => {
  it('same seed and size give identical output; a different seed differs', () => {
    const a = generateDataset({ seed: 11, enterprises: 1500 });
    const b = generateDataset({ seed: 11, enterprises: 1500 });
    const c = generateDataset({ seed: 12, enterprises: 1500 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(c.enterprises.map((e) => e.uscc)).not.toEqual(a.enterprises.map((e) => e.uscc));
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
  });

  it('handles tiny and empty data sets', () => {
    const empty = generateDataset({ seed: 1, enterprises: 0 });
    expect(empty.enterprises).toHaveLength(0);
    expect(empty.users.some((u) => u.role === 'enterprise_user')).toBe(false);
    const tiny = generateDataset({ seed: 1, enterprises: 30 });
    const eu = tiny.users.find((u) => u.username === 'enterprise')!;
    expect(tiny.enterprises[eu.enterprise!]!.unitCode).toBe('370102');
  });
});

describe('generateDataset: 20,000 enterprises', () => {
  let ds: Dataset;
  beforeAll(() => {
    ds = generateDataset({ seed: 2025, enterprises: 20000 });
  });

  it('has valid, unique USCCs (GB 32100 and the GB 11714 organisation-code check)', () => {
    const codes = [...ds.enterprises.map((e) => e.uscc), ...ds.carriers.flatMap((c) => (c.operatorUscc ? [c.operatorUscc] : []))];
    const bad = codes.filter((code) => {
      const area = code.slice(2, 8);
      return !validateUscc(code).valid || code.slice(0, 2) !== '91' || !(area === '370000' || /^3701\d\d$/.test(area));
    });
    expect(bad).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
    // Both post-2015 "MA…" bodies and older numeric ones.
    expect(ds.enterprises.filter((e) => e.uscc.slice(8, 10) === 'MA').length).toBeGreaterThan(5000);
    expect(ds.enterprises.filter((e) => /^\d{8}/.test(e.uscc.slice(8))).length).toBeGreaterThan(2000);
  });

  it('has unique, plausible names; former names never clash with current names', () => {
    const names = ds.enterprises.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/(有限公司|有限责任公司|股份有限公司)$/);
    const current = new Set(names);
    for (const f of ds.formerNames) {
      expect(current.has(f.name)).toBe(false);
      expect(f.usedUntil <= ds.asOf).toBe(true);
    }
    expect(ds.formerNames.length).toBeGreaterThan(500);
  });

  it('spreads enterprises over the 15 units, sizes mostly micro and small', () => {
    const byUnit = new Map<string, number>();
    for (const e of ds.enterprises) byUnit.set(e.unitCode, (byUnit.get(e.unitCode) ?? 0) + 1);
    expect(byUnit.size).toBe(JINAN_UNITS.length);
    const top = [...byUnit.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([c]) => c);
    expect(top).toContain('Z-HTZ');
    const sizes = { micro: 0, small: 0, medium: 0, large: 0 };
    for (const e of ds.enterprises) sizes[e.sizeClass]++;
    expect(sizes.micro + sizes.small).toBeGreaterThan(16000);
    expect(sizes.large / 20000).toBeGreaterThan(0.01);
    expect(sizes.large / 20000).toBeLessThan(0.03);
    const bad = ds.enterprises.filter(
      (e) =>
        !(e.establishedOn >= '1995-01-01' && e.establishedOn <= '2025-12-31') ||
        !/^1[3-9]\d{9}$/.test(e.contactPhone) ||
        e.contactName.length < 2,
    );
    expect(bad).toEqual([]);
  });

  it('has title counts in the expected bands', () => {
    const s = summariseDataset(ds);
    const holders = (key: string) => s.titlesBy[key]?.enterprises ?? 0;
    expect(holders('innovative_sme:provincial')).toBeGreaterThanOrEqual(2000);
    expect(holders('innovative_sme:provincial')).toBeLessThanOrEqual(2600);
    expect(holders('specialized_sme:provincial')).toBeGreaterThanOrEqual(900);
    expect(holders('specialized_sme:provincial')).toBeLessThanOrEqual(1300);
    expect(holders('little_giant:national')).toBeGreaterThanOrEqual(60);
    expect(holders('little_giant:national')).toBeLessThanOrEqual(110);
    expect(holders('manufacturing_champion:national')).toBeGreaterThanOrEqual(12);
    expect(holders('manufacturing_champion:national')).toBeLessThanOrEqual(18);
    const gazelles = new Set(ds.titles.filter((t) => t.kind === 'gazelle').map((t) => t.enterprise));
    expect(gazelles.size).toBeGreaterThanOrEqual(500);
    expect(gazelles.size).toBeLessThanOrEqual(900);
    expect(holders('gazelle:city')).toBeGreaterThan(0);
    expect(holders('unicorn:provincial')).toBeGreaterThanOrEqual(5);
    expect(holders('unicorn:provincial')).toBeLessThanOrEqual(8);
    // Recent recognitions exist for every title that has batches in those years.
    for (const key of [
      'innovative_sme:provincial',
      'specialized_sme:provincial',
      'little_giant:national',
      'gazelle:provincial',
    ]) {
      for (const y of [2024, 2025, 2026]) expect(s.firstByYear[key]?.[y] ?? 0).toBeGreaterThan(0);
    }
    // More each year for specialized SMEs, 2019 → 2025.
    const sp = s.firstByYear['specialized_sme:provincial']!;
    for (let y = 2020; y <= 2025; y++) expect(sp[y]!).toBeGreaterThan(sp[y - 1]!);
  });

  it('keeps the title rows consistent: validity, renewals, revocations, batches', () => {
    const reasons = new Set(['数据造假', '重大安全事故', '严重失信']);
    let revoked = 0;
    let renewals = 0;
    let expiredNotRenewed = 0;
    const byChain = new Map<string, typeof ds.titles>();
    for (const t of ds.titles) {
      expect(t.recognisedOn <= ds.asOf).toBe(true);
      expect(t.batch.length).toBeGreaterThan(0);
      if (t.kind === 'unicorn') expect(t.validUntil).toBeNull();
      else expect(t.validUntil).toBe(threeYearValidity(t.recognisedOn));
      if (t.revokedOn) {
        revoked++;
        expect(reasons.has(t.revokeReason!)).toBe(true);
        expect(t.revokedOn >= t.recognisedOn && t.revokedOn <= ds.asOf).toBe(true);
      } else expect(t.revokeReason).toBeNull();
      if (t.recognition === 'renewal') renewals++;
      const key = `${t.enterprise}|${t.kind}|${t.level}`;
      byChain.set(key, [...(byChain.get(key) ?? []), t]);
    }
    for (const chain of byChain.values()) {
      expect(chain[0]!.recognition).toBe('first');
      for (const t of chain.slice(1)) expect(t.recognition).toBe('renewal');
      const last = chain[chain.length - 1]!;
      if (!last.revokedOn && last.validUntil && last.validUntil < ds.asOf) expiredNotRenewed++;
      expect(new Set(chain.map((t) => t.recognisedOn)).size).toBe(chain.length);
    }
    expect(revoked / ds.titles.length).toBeGreaterThan(0.004);
    expect(revoked / ds.titles.length).toBeLessThan(0.02);
    expect(renewals).toBeGreaterThan(300);
    expect(expiredNotRenewed).toBeGreaterThan(100);
    // Batches: provincial 专精特新 in June and December, 小巨人 in July–August.
    for (const t of ds.titles) {
      const m = t.recognisedOn.slice(5, 7);
      if (t.kind === 'specialized_sme') expect(['06', '12']).toContain(m);
      if (t.kind === 'little_giant') expect(['07', '08']).toContain(m);
    }
  });

  it('builds the ladder: every little giant was a specialized SME first; most later specialized SMEs were innovative first', () => {
    const first = new Map<string, string>();
    for (const t of ds.titles) if (t.recognition === 'first') first.set(`${t.enterprise}|${t.kind}`, t.recognisedOn);
    let withInnovative = 0;
    let recentSpecialized = 0;
    for (const [key, date] of first) {
      const [e, kind] = key.split('|');
      if (kind === 'little_giant') {
        const s = first.get(`${e}|specialized_sme`);
        expect(s).toBeDefined();
        expect(s! < date).toBe(true);
      }
      if (kind === 'specialized_sme' && date >= '2023-01-01') {
        recentSpecialized++;
        const i = first.get(`${e}|innovative_sme`);
        if (i && i < date) withInnovative++;
      }
    }
    expect(withInnovative / recentSpecialized).toBeGreaterThan(0.7);
  });

  it('has consistent yearly figures with gazelle-like growth and R&D intensity around 3–6%', () => {
    const byEnt = new Map<number, typeof ds.yearly>();
    const bad: string[] = [];
    const keys = [
      'revenue',
      'mainBusinessRevenue',
      'rdExpense',
      'netProfit',
      'totalAssets',
      'totalLiabilities',
      'employees',
      'rdStaff',
    ] as const;
    for (const y of ds.yearly) {
      for (const k of keys) if (!Number.isSafeInteger(y[k])) bad.push(`${y.enterprise}/${y.year} ${k} not an integer`);
      if (y.mainBusinessRevenue > y.revenue) bad.push(`${y.enterprise}/${y.year} main > revenue`);
      if (y.rdStaff > y.employees) bad.push(`${y.enterprise}/${y.year} rdStaff > employees`);
      if (y.revenue < 0 || y.rdExpense < 0 || y.totalAssets < 0 || y.totalLiabilities < 0)
        bad.push(`${y.enterprise}/${y.year} negative`);
      let rows = byEnt.get(y.enterprise);
      if (!rows) byEnt.set(y.enterprise, (rows = []));
      rows.push(y);
    }
    expect(bad).toEqual([]);
    expect(ds.yearly.some((y) => y.netProfit < 0)).toBe(true);
    let fast = 0;
    for (const rows of byEnt.values()) {
      const a = rows.find((r) => r.year === 2023);
      const c = rows.find((r) => r.year === 2025);
      if (a && c && a.revenue > 0 && c.revenue / a.revenue >= 1.44) fast++;
    }
    expect(fast).toBeGreaterThan(800);
    const specialized = new Set(ds.titles.filter((t) => t.kind === 'specialized_sme').map((t) => t.enterprise));
    const intensities = ds.yearly
      .filter((y) => y.year === 2025 && specialized.has(y.enterprise) && y.revenue > 0)
      .map((y) => y.rdExpense / y.revenue)
      .sort((a, b) => a - b);
    const median = intensities[Math.floor(intensities.length / 2)]!;
    expect(median).toBeGreaterThan(0.03);
    expect(median).toBeLessThan(0.06);
  });

  it('has consistent IP holdings (class rules, non-decreasing over years)', () => {
    const prev = new Map<number, (typeof ds.ip)[number]>();
    const bad: string[] = [];
    for (const r of ds.ip) {
      if (r.class1 < r.inventionPatents) bad.push(`${r.enterprise}/${r.year} class1 < invention patents`);
      if (r.class2 !== r.utilityModels + r.designPatents + r.softwareCopyrights) bad.push(`${r.enterprise}/${r.year} class2`);
      if (r.class1HighValue > r.class1) bad.push(`${r.enterprise}/${r.year} high value > class1`);
      const p = prev.get(r.enterprise);
      if (p && (r.year !== p.year + 1 || r.inventionPatents < p.inventionPatents || r.class2 < p.class2))
        bad.push(`${r.enterprise}/${r.year} not increasing`);
      prev.set(r.enterprise, r);
    }
    expect(bad).toEqual([]);
    expect(ds.honours.some((h) => h.name === '高新技术企业')).toBe(true);
    expect(ds.honours.some((h) => h.name === '省级企业技术中心')).toBe(true);
    expect(ds.honours.some((h) => h.name === '省级制造业单项冠军')).toBe(true);
  });

  it('has the carriers and residencies that clause 4 and clause 5 need', () => {
    const s = summariseDataset(ds);
    expect(s.carriers).toEqual({ demo_base: 12, service_platform: 8, park: 3, cluster: 10 });
    const park = ds.carriers.find((c) => c.kind === 'park' && c.level === 'national')!;
    expect(park.recognisedOn.startsWith('2024')).toBe(true);
    expect(ds.carriers.filter((c) => c.kind === 'demo_base' && c.validUntil! < ds.asOf).length).toBeGreaterThan(0);
    expect(ds.carriers.filter((c) => c.kind === 'cluster').every((c) => c.leadingIndustry)).toBe(true);
    expect(ds.residencies.length).toBe(1000);
    for (const r of ds.residencies) {
      expect(ds.carriers[r.carrier]!.kind).toBe('demo_base');
      expect(r.fromDate >= ds.enterprises[r.enterprise]!.establishedOn).toBe(true);
      if (r.toDate) expect(r.toDate >= r.fromDate).toBe(true);
    }
    // Clause 5: new 专精特新 / 小巨人 / 瞪羚 (provincial) of 2024–2025 residing in an in-force base.
    const residency = new Map(ds.residencies.map((r) => [r.enterprise, r]));
    let long = 0;
    let short = 0;
    for (const t of ds.titles) {
      if (t.recognition !== 'first' || t.level === 'city') continue;
      if (!['specialized_sme', 'little_giant', 'gazelle', 'unicorn'].includes(t.kind)) continue;
      if (t.recognisedOn < '2024-01-01' || t.recognisedOn > '2025-12-31') continue;
      const r = residency.get(t.enterprise);
      if (!r || r.fromDate > t.recognisedOn) continue;
      const base = ds.carriers[r.carrier]!;
      if (base.recognisedOn > t.recognisedOn || base.validUntil! < t.recognisedOn) continue;
      if (addMonths(r.fromDate, 12) <= t.recognisedOn) long++;
      else short++;
    }
    expect(long).toBeGreaterThan(50);
    expect(short).toBeGreaterThan(3);
  });

  it('has one demo user per role, linked as documented', () => {
    expect(ds.users.map((u) => u.username)).toEqual([
      'city',
      'lixia',
      'gaoxin',
      'finance',
      'bank',
      'enterprise',
      'carrier',
      'university',
      'judge',
      'agency',
      'admin',
    ]);
    const roles = new Set(ds.users.map((u) => u.role));
    expect(roles.size).toBe(10);
    const eu = ds.users.find((u) => u.username === 'enterprise')!;
    const ent = ds.enterprises[eu.enterprise!]!;
    expect(ent.unitCode).toBe('370102');
    const held = ds.titles.filter((t) => t.enterprise === eu.enterprise && !t.revokedOn && t.validUntil! >= ds.asOf);
    expect(held.map((t) => t.kind)).toContain('specialized_sme');
    const cu = ds.users.find((u) => u.username === 'carrier')!;
    const base = ds.carriers[cu.carrier!]!;
    expect(base.kind).toBe('demo_base');
    expect(base.recognisedOn <= ds.asOf && base.validUntil! >= ds.asOf).toBe(true);
    expect(ds.users.find((u) => u.username === 'lixia')!.unitCode).toBe('370102');
    expect(ds.users.find((u) => u.username === 'gaoxin')!.unitCode).toBe('Z-HTZ');
    expect(ds.users.find((u) => u.username === 'bank')!.organisation).toBe('齐鲁银行济南分行');
    expect(ds.users.find((u) => u.username === 'agency')!.organisation).toBe('济南市市场监督管理局');
    expect(ds.users.find((u) => u.username === 'university')!.organisation).toBe('山东大学');
  });
});
