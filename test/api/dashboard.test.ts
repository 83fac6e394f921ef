/**
 * The targets dashboard against counts computed here, independently, from the seeded rows: plain
 * SQL reads of the tables and the in-force rule written out again in JavaScript. On PGlite and,
 * with TEST_DATABASE_URL, on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { signIn, type ApiClient } from '../helpers/client.ts';
import { ENGINES } from '../helpers/db.ts';

interface TitleRow {
  enterprise_id: number;
  kind: string;
  level: string;
  recognised_on: string;
  valid_until: string | null;
  revoked_on: string | null;
}
interface EnterpriseRow {
  id: number;
  unit_code: string;
  industry_code: string;
  size_class: string;
}

interface Dash {
  on: string;
  targetDate: string;
  targets: { id: string; target: number | null; inForce: number; atTargetDate: number | null; projection: { value: number } | null }[];
  laterPlan: { target: number | null; inForce: number; projection: { value: number; basis: { year: number; value: number }[] } | null } | null;
  titleKinds: { kind: string; total: number; byLevel: Record<string, number>; target: number | null }[];
  targetSum: number | null;
  funnel: { stage: string; count: number }[];
  trend: { date: string; byKind: Record<string, number>; titles: number; qualityEnterprises: number }[];
  units: { unitCode: string; registered: number; titles: number; qualityEnterprises: number; target: number; gap: number; rank: number }[];
  industries: { code: string; level: string; titles: number; qualityEnterprises: number }[];
  clusters: { inForce: number; target: number | null; newByYear: { year: number; count: number }[] };
  money: { clauses: { clause: string; owedAmount: number; paidAmount: number; owedCount: number }[] };
}

const QUALITY = ['innovative_sme', 'specialized_sme', 'little_giant', 'gazelle', 'unicorn'];
const KINDS = [...QUALITY, 'manufacturing_champion'];
const ON = '2025-06-30';

/** The rule, written again: recognised by d, validUntil the last valid day, not revoked by d. */
const held = (t: TitleRow, d: string) => t.recognised_on <= d && (t.valid_until === null || t.valid_until >= d) && (t.revoked_on === null || t.revoked_on > d);

describe.each(ENGINES)('targets dashboard API on %s', (engine) => {
  let s: TestServer;
  let city: ApiClient;
  let lixia: ApiClient;
  let titles: TitleRow[];
  let firms: Map<number, EnterpriseRow>;

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false, enterprises: 400 });
    city = await signIn(s.app, 'city');
    lixia = await signIn(s.app, 'lixia');
    // Money to count: recompute two years, then mark some paid (what the payment workflow will do).
    for (const fiscalYear of [2024, 2025]) expect((await city.send('POST', '/api/entitlements/recompute', { fiscalYear })).statusCode).toBe(200);
    await s.ctx.database.query(`update entitlements set paid_at = now() where id % 3 = 0`);
    // Edge cases on the date itself: revoked on it (not held), last valid day on it (held), expired the day
    // before (not held), and a renewal overlapping its predecessor (two rows, held once).
    const ids = (await s.ctx.database.query<{ id: number }>('select id::int as id from enterprises order by id limit 4')).map((r) => r.id);
    await s.ctx.database.query(
      `insert into titles (enterprise_id, kind, level, batch, recognised_on, valid_until, recognition, revoked_on, revoke_reason, source) values
        ($1, 'unicorn', 'provincial', 't', '2024-12-01', null, 'first', '${ON}', '数据造假', 'test'),
        ($2, 'gazelle', 'city', 't', '2022-07-01', '${ON}', 'first', null, null, 'test'),
        ($3, 'gazelle', 'city', 't', '2022-06-30', '2025-06-29', 'first', null, null, 'test'),
        ($4, 'little_giant', 'national', 't', '2022-08-01', '2025-07-31', 'first', null, null, 'test'),
        ($4, 'little_giant', 'national', 't', '2025-06-01', '2028-05-31', 'renewal', null, null, 'test')
       on conflict do nothing`,
      ids,
    );
    titles = await s.ctx.database.query<TitleRow>(
      `select enterprise_id::int as enterprise_id, kind::text as kind, level::text as level, recognised_on::text as recognised_on,
              valid_until::text as valid_until, revoked_on::text as revoked_on from titles`,
    );
    const rows = await s.ctx.database.query<EnterpriseRow>('select id::int as id, unit_code, industry_code, size_class::text as size_class from enterprises');
    firms = new Map(rows.map((e) => [e.id, e]));
  }, 120_000);
  afterAll(() => s.close());

  /** Distinct enterprises holding `kinds` on `d`, optionally in one unit. */
  function holders(kinds: string[], d: string, unit?: string, level?: string): Set<number> {
    const out = new Set<number>();
    for (const t of titles)
      if (kinds.includes(t.kind) && (!level || t.level === level) && held(t, d) && (!unit || firms.get(t.enterprise_id)!.unit_code === unit))
        out.add(t.enterprise_id);
    return out;
  }
  const titleSum = (d: string, unit?: string) => QUALITY.reduce((n, k) => n + holders([k], d, unit).size, 0);

  async function dash(client: ApiClient, on = ON): Promise<Dash> {
    const res = await client.get(`/api/dashboard?on=${on}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Dash;
  }

  it('the seeded data has what the rule must get right: revocations, renewals and expiries around the date', () => {
    expect(titles.some((t) => t.revoked_on !== null && t.revoked_on <= ON)).toBe(true);
    expect(titles.some((t) => t.valid_until !== null && t.valid_until < ON)).toBe(true);
    // An enterprise holding one kind through two rows in force on the date (a renewal overlapping its predecessor, or two levels).
    const pairs = new Map<string, number>();
    for (const t of titles) if (held(t, ON)) pairs.set(`${t.enterprise_id}:${t.kind}`, (pairs.get(`${t.enterprise_id}:${t.kind}`) ?? 0) + 1);
    expect([...pairs.values()].some((n) => n > 1)).toBe(true);
  });

  it('counts each title kind and level as the enterprises holding it in force on the date', async () => {
    const d = await dash(city);
    for (const kind of KINDS) {
      const row = d.titleKinds.find((k) => k.kind === kind)!;
      expect(row.total, kind).toBe(holders([kind], ON).size);
      for (const level of ['national', 'provincial', 'city']) expect(row.byLevel[level] ?? 0, `${kind} ${level}`).toBe(holders([kind], ON, undefined, level).size);
    }
    expect(d.titleKinds.find((k) => k.kind === 'specialized_sme')!.target).toBe(2800);
    expect(d.targetSum).toBe(8010);
  });

  it('counts progress both ways: titles summed over the kinds against 8000, and distinct enterprises', async () => {
    const d = await dash(city);
    const titlesLine = d.targets.find((t) => t.id === 'titles')!;
    const enterprisesLine = d.targets.find((t) => t.id === 'enterprises')!;
    expect(titlesLine.target).toBe(8000);
    expect(titlesLine.inForce).toBe(titleSum(ON));
    expect(enterprisesLine.inForce).toBe(holders(QUALITY, ON).size);
    expect(enterprisesLine.inForce).toBeLessThan(titlesLine.inForce);
    expect(d.targets.find((t) => t.id === 'little_giant')!.inForce).toBe(holders(['little_giant'], ON).size);
  });

  it('gives the year-end trend and a linear projection on the last three year ends', async () => {
    const d = await dash(city);
    expect(d.trend.map((p) => p.date)).toEqual(['2019-12-31', '2020-12-31', '2021-12-31', '2022-12-31', '2023-12-31', '2024-12-31', ON]);
    for (const p of d.trend) {
      expect(p.titles, p.date).toBe(titleSum(p.date));
      expect(p.qualityEnterprises, p.date).toBe(holders(QUALITY, p.date).size);
      for (const k of KINDS) expect(p.byKind[k] ?? 0, `${p.date} ${k}`).toBe(holders([k], p.date).size);
    }
    // Least squares through 2022, 2023, 2024 read at 2025: mean + slope × 2.
    const ys = ['2022-12-31', '2023-12-31', '2024-12-31'].map((x) => holders(['specialized_sme'], x).size);
    const expected = Math.max(0, Math.round((ys[0]! + ys[1]! + ys[2]!) / 3 + ((ys[2]! - ys[0]!) / 2) * 2));
    expect(d.targets.find((t) => t.id === 'specialized_sme')!.projection!.value).toBe(expected);
  });

  it('after the target date, shows the count on the target date instead of a projection, and projects to the 2027 plan', async () => {
    const d = await dash(city, '2026-06-30');
    const line = d.targets.find((t) => t.id === 'innovative_sme')!;
    expect(line.projection).toBeNull();
    expect(line.atTargetDate).toBe(holders(['innovative_sme'], '2025-12-31').size);
    expect(d.laterPlan!.target).toBe(3600);
    expect(d.laterPlan!.projection!.basis.map((b) => b.year)).toEqual([2023, 2024, 2025]);
  });

  it('splits the 8000 between units by their share of registered enterprises and ranks the gaps', async () => {
    const d = await dash(city);
    expect(d.units.reduce((n, u) => n + u.target, 0)).toBe(8000);
    const registered = new Map<string, number>();
    for (const e of firms.values()) registered.set(e.unit_code, (registered.get(e.unit_code) ?? 0) + 1);
    for (const u of d.units) {
      expect(u.registered).toBe(registered.get(u.unitCode) ?? 0);
      expect(u.titles, u.unitCode).toBe(titleSum(ON, u.unitCode));
      expect(u.qualityEnterprises, u.unitCode).toBe(holders(QUALITY, ON, u.unitCode).size);
      expect(Math.abs(u.target - (8000 * u.registered) / firms.size)).toBeLessThan(1);
      expect(u.gap).toBe(Math.max(0, u.target - u.titles));
    }
    const gaps = d.units.map((u) => u.gap);
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
    expect(d.units.map((u) => u.rank)).toEqual(d.units.map((_, i) => i + 1));
  });

  it('counts by industry section and class', async () => {
    const d = await dash(city);
    const bySection = new Map<string, Set<number>>();
    for (const id of holders(QUALITY, ON)) {
      const section = firms.get(id)!.industry_code.slice(0, 1);
      bySection.set(section, (bySection.get(section) ?? new Set()).add(id));
    }
    for (const [section, set] of bySection) expect(d.industries.find((i) => i.level === 'section' && i.code === section)!.qualityEnterprises).toBe(set.size);
    const c3421 = d.industries.find((i) => i.level === 'class' && i.code === 'C3421');
    const expected = [...holders(QUALITY, ON)].filter((id) => firms.get(id)!.industry_code === 'C3421').length;
    expect(c3421?.qualityEnterprises ?? 0).toBe(expected);
  });

  it('shows the ladder funnel, the clusters and the money per clause', async () => {
    const d = await dash(city);
    expect(d.funnel[0]).toEqual({ stage: 'sme', count: [...firms.values()].filter((e) => e.size_class !== 'large').length });
    expect(d.funnel.slice(1).map((f) => f.count)).toEqual(['innovative_sme', 'specialized_sme', 'little_giant'].map((k) => holders([k], ON).size));

    const [c] = await s.ctx.database.query<{ n: number }>(
      `select count(*)::int as n from carriers where kind = 'cluster' and level in ('provincial', 'national')
          and recognised_on <= '${ON}' and (valid_until is null or valid_until >= '${ON}')`,
    );
    expect(d.clusters.inForce).toBe(c!.n);
    expect(d.clusters.target).toBe(8);
    const years = await s.ctx.database.query<{ y: number; n: number }>(
      `select extract(year from recognised_on)::int as y, count(*)::int as n from carriers where kind = 'cluster' and recognised_on <= '${ON}' group by 1`,
    );
    for (const y of d.clusters.newByYear) expect(y.count).toBe(years.find((r) => r.y === y.year)?.n ?? 0);

    const money = await s.ctx.database.query<{ clause: string; owed: number; paid: number }>(
      `select clause, coalesce(sum(amount) filter (where status = 'owed' and paid_at is null), 0)::float8 as owed,
              coalesce(sum(amount) filter (where paid_at is not null), 0)::float8 as paid from entitlements group by clause`,
    );
    expect(money.length).toBeGreaterThan(0);
    for (const m of money) {
      const row = d.money.clauses.find((x) => x.clause === m.clause)!;
      expect(row.owedAmount, m.clause).toBe(m.owed);
      expect(row.paidAmount, m.clause).toBe(m.paid);
    }
    expect(money.some((m) => m.paid > 0)).toBe(true);
  });

  it('every drill-down lands on an enterprise list of the same size', async () => {
    const d = await dash(city);
    for (const k of d.titleKinds) {
      const list = (await city.get(`/api/enterprises?titleKind=${k.kind}&on=${ON}&pageSize=1`)).json() as { total: number };
      expect(list.total, k.kind).toBe(k.total);
    }
    const prov = (await city.get(`/api/enterprises?titleKind=gazelle&level=provincial&on=${ON}&pageSize=1`)).json() as { total: number };
    expect(prov.total).toBe(d.titleKinds.find((k) => k.kind === 'gazelle')!.byLevel.provincial ?? 0);
    const any = (await city.get(`/api/enterprises?titleKind=quality&on=${ON}&pageSize=1`)).json() as { total: number };
    expect(any.total).toBe(d.targets.find((t) => t.id === 'enterprises')!.inForce);
    const u = d.units[0]!;
    const unit = (await city.get(`/api/enterprises?titleKind=quality&unitCode=${u.unitCode}&on=${ON}&pageSize=1`)).json() as { total: number };
    expect(unit.total).toBe(u.qualityEnterprises);
    const smes = (await city.get(`/api/enterprises?sizeClass=sme&pageSize=1`)).json() as { total: number };
    expect(smes.total).toBe(d.funnel[0]!.count);
    expect((await city.get('/api/enterprises?on=2025-02-30')).statusCode).toBe(400);
  });

  it('shows a district officer only their unit, with its share of the targets', async () => {
    const d = await dash(lixia);
    expect(d.units.map((u) => u.unitCode)).toEqual(['370102']);
    expect(d.targets.find((t) => t.id === 'titles')!.inForce).toBe(titleSum(ON, '370102'));
    expect(d.targets.find((t) => t.id === 'enterprises')!.inForce).toBe(holders(QUALITY, ON, '370102').size);
    expect(d.titleKinds.find((k) => k.kind === 'innovative_sme')!.total).toBe(holders(['innovative_sme'], ON, '370102').size);
    const cityView = await dash(city);
    expect(d.targets.find((t) => t.id === 'titles')!.target).toBe(cityView.units.find((u) => u.unitCode === '370102')!.target);
    expect(d.clusters.target).toBeNull();
    expect(d.targetSum).toBeNull();
  });

  it('refuses enterprise users, banks and anonymous callers, and a bad date', async () => {
    for (const username of ['enterprise', 'bank', 'carrier']) {
      const c = await signIn(s.app, username);
      const res = await c.get('/api/dashboard');
      expect(res.statusCode, username).toBe(403);
      expect((await c.get('/api/dashboard/export.xlsx')).statusCode).toBe(403);
    }
    expect((await s.app.inject({ method: 'GET', url: '/api/dashboard' })).statusCode).toBe(401);
    const bad = await city.get('/api/dashboard?on=2025-13-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('on');
  });

  it('finance sees the city; the figures come from the shared cache the second time', async () => {
    const finance = await signIn(s.app, 'finance');
    const a = (await finance.get(`/api/dashboard?on=2024-03-31`)).json() as Dash & { computedAt: string };
    const b = (await city.get(`/api/dashboard?on=2024-03-31`)).json() as Dash & { computedAt: string };
    expect(a.units.length).toBeGreaterThan(10);
    expect(b.computedAt).toBe(a.computedAt);
    const [row] = await s.ctx.database.query<{ n: number }>(`select count(*)::int as n from dashboard_cache where key like '%|2024-03-31|city'`);
    expect(row!.n).toBe(1);
  });

  it('exports the dashboard tables as a workbook', async () => {
    const res = await city.get(`/api/dashboard/export.xlsx?on=${ON}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('区县 Units');
    const d = await dash(city);
    const units = wb.getWorksheet('区县 Units')!;
    expect(units.rowCount).toBe(d.units.length + 1);
    expect(units.getRow(2).getCell(2).value).toBe(d.units[0]!.unitCode);
  });
});
