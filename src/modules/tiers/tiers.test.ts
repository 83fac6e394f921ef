import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/db.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { signIn, type ApiClient } from '../../../test/helpers/client.ts';
import { tierAssessor } from '../../../policy/tier-standards/index.ts';
import { loadTierFacts, tierFactsChunks } from './facts.ts';

describe.each(ENGINES)('tier assessment and pipeline on %s', (engine) => {
  let s: TestServer;
  let city: ApiClient;
  let lixia: ApiClient;
  let ent: ApiClient;
  let bank: ApiClient;
  let ownId = 0;
  let otherUnitId = 0;
  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false, enterprises: 1200 });
    city = await signIn(s.app, 'city');
    lixia = await signIn(s.app, 'lixia');
    ent = await signIn(s.app, 'enterprise');
    bank = await signIn(s.app, 'bank');
    const [u] = await s.ctx.database.query<{ enterprise_id: number }>(
      `select enterprise_id from users where username = 'enterprise'`,
    );
    ownId = Number(u?.enterprise_id);
    const [o] = await s.ctx.database.query<{ id: number }>(
      `select id from enterprises where unit_code <> '370102' order by id limit 1`,
    );
    otherUnitId = Number(o?.id);
  });
  afterAll(() => s.close());

  it('reads the registry facts and leaves what the registry lacks absent', async () => {
    const c = await loadTierFacts(s.ctx.database, ownId, 2024);
    const f = c?.facts[0];
    expect(f?.years?.length).toBeGreaterThan(0);
    expect(f?.ip?.[0]?.class1).toBeTypeOf('number');
    expect(f?.ip?.[0]?.class1SelfDeveloped).toBeUndefined();
    expect(f?.registeredInShandong).toBe(true);
  });

  it('lets an enterprise assess itself, naming the version chosen by the date', async () => {
    const r = await ent.get(`/api/tiers/enterprises/${ownId}/assessment?date=2026-05-01`);
    expect(r.statusCode).toBe(200);
    const body = r.json<{ results: { standard: string; standardVersion: string; status: string }[] }>();
    expect(body.results.map((x) => x.standard)).toEqual([
      'sme_size',
      'innovative_sme',
      'specialized_sme',
      'little_giant',
      'gazelle',
      'unicorn',
    ]);
    expect(body.results.find((x) => x.standard === 'specialized_sme')?.standardVersion).toBe('specialized_sme@2026');
    const before = await ent.get(`/api/tiers/enterprises/${ownId}/assessment?date=2026-03-31&standard=specialized_sme`);
    expect(before.json<{ results: { standardVersion: string }[] }>().results[0]?.standardVersion).toBe('specialized_sme@2022');
  });

  it('shows another enterprise to an enterprise, a district officer of another unit, or a bank as not found', async () => {
    expect((await ent.get(`/api/tiers/enterprises/${otherUnitId}/assessment`)).statusCode).toBe(404);
    expect((await lixia.get(`/api/tiers/enterprises/${otherUnitId}/assessment`)).statusCode).toBe(404);
    expect((await bank.get(`/api/tiers/enterprises/${ownId}/assessment`)).statusCode).toBe(404);
    expect((await city.get(`/api/tiers/enterprises/${otherUnitId}/assessment`)).statusCode).toBe(200);
    expect((await ent.get(`/api/tiers/pipeline`)).statusCode).toBe(404);
  });

  it('refuses a bad date or standard naming the field', async () => {
    const r = await city.get(`/api/tiers/enterprises/${ownId}/assessment?date=2026-02-30`);
    expect(r.statusCode).toBe(400);
    expect(r.json<{ error: { fields: { field: string }[] } }>().error.fields[0]?.field).toBe('date');
    const q = await city.get(`/api/tiers/pipeline?standard=dragon`);
    expect(q.json<{ error: { fields: { field: string }[] } }>().error.fields[0]?.field).toBe('standard');
  });

  it('builds the pipeline over the registry: the funnel, eligible and close enterprises by district', async () => {
    const r = await city.get('/api/tiers/pipeline?date=2025-06-01&marginPoints=10&marginPercent=10');
    expect(r.statusCode).toBe(200);
    const p = r.json<{
      enterprises: number;
      funnel: { standard: string; holds: number; eligible: number; close: number }[];
      items: { standard: string; standing: string; unitCode: string }[];
      byUnit: { unitCode: string; eligible: number; close: number }[];
      totalItems: number;
    }>();
    const [{ n } = { n: 0 }] = await s.ctx.database.query<{ n: number }>('select count(*)::int as n from enterprises');
    expect(p.enterprises).toBe(n);
    expect(p.funnel.map((x) => x.standard)).toEqual(['sme_size', 'innovative_sme', 'specialized_sme', 'little_giant']);
    expect(p.funnel[0]!.eligible).toBeGreaterThan(p.funnel[1]!.eligible);
    expect(p.items.some((i) => i.standing === 'eligible')).toBe(true);
    expect(p.items.some((i) => i.standing === 'close')).toBe(true);
    expect(p.byUnit.reduce((a, u) => a + u.eligible + u.close, 0)).toBe(p.totalItems);
    // A wider margin never finds fewer close enterprises.
    const wide = (await city.get('/api/tiers/pipeline?date=2025-06-01&marginPoints=30&marginPercent=50')).json<{
      byStandard: { close: number }[];
    }>();
    const narrow = (await city.get('/api/tiers/pipeline?date=2025-06-01&marginPoints=0&marginPercent=0')).json<{
      byStandard: { close: number }[];
    }>();
    expect(wide.byStandard.reduce((a, x) => a + x.close, 0)).toBeGreaterThan(narrow.byStandard.reduce((a, x) => a + x.close, 0));
  });

  it('gives a district officer only their unit, and the same verdicts as assessing one by one', async () => {
    const p = (await lixia.get('/api/tiers/pipeline?date=2025-06-01&standard=innovative_sme&limit=2000')).json<{
      items: { enterpriseId: number; unitCode: string; standing: string }[];
    }>();
    expect(p.items.length).toBeGreaterThan(0);
    expect(p.items.every((i) => i.unitCode === '370102')).toBe(true);
    const one = p.items.find((i) => i.standing === 'eligible');
    if (one) {
      const chunk = await loadTierFacts(s.ctx.database, one.enterpriseId, 2024);
      expect(tierAssessor().assess('innovative_sme', chunk!.facts[0]!, '2025-06-01').met).toBe(true);
    }
  });

  it('serves a repeated pipeline request from the shared cache, never across scopes', async () => {
    type Body = { computedAt: string; enterprises: number; byUnit: { unitCode: string }[] };
    const url = '/api/tiers/pipeline?date=2025-06-01&standard=little_giant';
    const first = (await city.get(url)).json<Body>();
    const again = (await city.get(url)).json<Body>();
    expect(again).toEqual(first);
    const [row] = await s.ctx.database.query<{ n: number }>(
      `select count(*)::int as n from dashboard_cache where key like 'pipeline-v1|%'`,
    );
    expect(row!.n).toBeGreaterThan(0);
    const district = (await lixia.get(url)).json<Body>();
    expect(district.enterprises).toBeLessThan(first.enterprises);
    expect(district.byUnit.every((u) => u.unitCode === '370102')).toBe(true);
    // bad input is refused every time and leaves nothing in the cache
    expect((await city.get('/api/tiers/pipeline?date=2025-13-01')).statusCode).toBe(400);
    const [bad] = await s.ctx.database.query<{ n: number }>(
      `select count(*)::int as n from dashboard_cache where key like '%2025-13-01%'`,
    );
    expect(bad!.n).toBe(0);
  });

  it('exports the pipeline for the districts as xlsx', async () => {
    const r = await lixia.get('/api/tiers/pipeline/export.xlsx?date=2025-06-01');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('streams the whole registry in chunks without losing or repeating an enterprise', async () => {
    const seen = new Set<string>();
    for await (const c of tierFactsChunks(s.ctx.database, { sql: 'true', params: [] }, 2024, 500))
      for (const f of c.facts) seen.add(f.enterpriseId);
    const [{ n } = { n: 0 }] = await s.ctx.database.query<{ n: number }>('select count(*)::int as n from enterprises');
    expect(seen.size).toBe(n);
  });

  it('reads the IP counts from IP records once an enterprise has any, else the registry’s', async () => {
    const [e] = await s.ctx.database.query<{ id: number; class1: number }>(
      `select e.id, ip.class1 from enterprises e
         join lateral (select class1 from enterprise_ip where enterprise_id = e.id and year <= 2025 order by year desc limit 1) ip on true
        where not exists (select 1 from ip_records r where r.enterprise_id = e.id) and ip.class1 <> 1 order by e.id limit 1`,
    );
    const id = Number(e!.id);
    expect((await loadTierFacts(s.ctx.database, id, 2025, '2026-05-01'))?.facts[0]?.ip?.[0]?.class1).toBe(Number(e!.class1));
    // One self-developed invention patent in force, one acquired 2025-12-01 (under a year before
    // 2026-05-01: not counted), one utility model: Ⅰ类 1 (self-developed 1), Ⅱ类 1.
    await s.ctx.database.query(
      `insert into ip_records (enterprise_id, kind, number, title, applied_on, granted_on, legal_status, origin, acquired_on, related_to_main_product)
       values ($1, 'invention_patent', '201710601862.3', 'a', '2017-07-20', '2019-03-15', 'valid', 'self_developed', null, true),
              ($1, 'invention_patent', '95115608.X', 'b', '2020-01-01', '2022-01-01', 'valid', 'acquired', '2025-12-01', true),
              ($1, 'utility_model', '202220123456.7', 'c', '2022-05-01', '2022-11-01', 'valid', 'self_developed', null, true)`,
      [id],
    );
    const ip = (await loadTierFacts(s.ctx.database, id, 2025, '2026-05-01'))?.facts[0]?.ip;
    expect(ip).toEqual([expect.objectContaining({ year: 2025, class1: 1, class1SelfDeveloped: 1, class1HighValue: 0, class2: 1 })]);
  });
});
