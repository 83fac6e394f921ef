import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { signIn, type ApiClient } from '../helpers/client.ts';
import { ENGINES } from '../helpers/db.ts';
import { makeUscc } from '../../src/shared/uscc.ts';
import { verifyAudit } from '../../src/modules/audit/service.ts';

interface ListBody {
  items: { id: number; uscc: string; name: string; unitCode: string; contactPhone: string | null; titles: string[]; revenue: number | null }[];
  total: number;
}

const newEnterprise = (overrides: Record<string, unknown> = {}) => ({
  uscc: makeUscc('9', '1', '370102', 'MA3TEMP1'),
  name: '济南测试精密机械有限公司',
  unitCode: '370102',
  industryCode: 'C3421',
  establishedOn: '2018-05-10',
  sizeClass: 'small',
  contactName: '张伟明',
  contactPhone: '13805311234',
  ...overrides,
});

describe.each(ENGINES)('registry API on %s', (engine) => {
  let s: TestServer;
  let city: ApiClient;
  let lixia: ApiClient;
  let ent: ApiClient;

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false, enterprises: 300 });
    city = await signIn(s.app, 'city');
    lixia = await signIn(s.app, 'lixia');
    ent = await signIn(s.app, 'enterprise');
  });
  afterAll(() => s.close());

  async function count(table: string): Promise<number> {
    const [r] = await s.ctx.database.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    return r!.n;
  }

  it('refuses requests without a session', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/enterprises' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.id).toBe('unauthenticated');
  });

  it('refuses a change without the CSRF token and changes nothing', async () => {
    const before = await count('enterprises');
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/enterprises',
      headers: { cookie: city.cookie },
      payload: newEnterprise(),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.id).toBe('csrf_failed');
    expect(await count('enterprises')).toBe(before);
  });

  it('sets security headers', async () => {
    const res = await city.get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
  });

  it('shows a city officer every district, and a district officer only theirs', async () => {
    const all = (await city.get('/api/enterprises?pageSize=200')).json() as ListBody;
    const own = (await lixia.get('/api/enterprises?pageSize=200')).json() as ListBody;
    expect(new Set(all.items.map((e) => e.unitCode)).size).toBeGreaterThan(5);
    expect(own.total).toBeGreaterThan(0);
    expect(own.total).toBeLessThan(all.total);
    expect(own.items.every((e) => e.unitCode === '370102')).toBe(true);
  });

  it('hides another district’s enterprise from a district officer as if it did not exist', async () => {
    const [other] = await s.ctx.database.query<{ id: number }>(`select id from enterprises where unit_code <> '370102' limit 1`);
    const res = await lixia.get(`/api/enterprises/${other!.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.id).toBe('not_found');
    const ghost = await lixia.get(`/api/enterprises/99999999`);
    expect(ghost.json()).toEqual(res.json());
  });

  it('lets an enterprise user see only its own enterprise', async () => {
    const list = (await ent.get('/api/enterprises')).json() as ListBody;
    expect(list.total).toBe(1);
    const [other] = await s.ctx.database.query<{ id: number }>(`select id from enterprises where id <> $1 limit 1`, [list.items[0]!.id]);
    expect((await ent.get(`/api/enterprises/${other!.id}`)).statusCode).toBe(404);
  });

  it('masks phone numbers in lists and shows them on the page to an officer', async () => {
    const list = (await city.get('/api/enterprises?pageSize=5')).json() as ListBody;
    const withPhone = list.items.find((e) => e.contactPhone);
    expect(withPhone!.contactPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
    const page = (await city.get(`/api/enterprises/${withPhone!.id}`)).json();
    expect(page.enterprise.contactPhone).toMatch(/^1\d{10}$/);
  });

  it('stores contacts encrypted at rest', async () => {
    const [row] = await s.ctx.database.query<{ p: string }>(`select contact_phone_enc as p from enterprises where contact_phone_enc is not null limit 1`);
    expect(row!.p).toMatch(/^sm4:[0-9a-f]{32}:[0-9a-f]+$/);
  });

  it('searches by name, by pinyin initials and by code prefix', async () => {
    const [e] = await s.ctx.database.query<{ id: number; name: string; uscc: string; name_initials: string }>(
      `select id, name, uscc, name_initials from enterprises order by id limit 1`,
    );
    const byName = (await city.get(`/api/enterprises?q=${encodeURIComponent(e!.name.slice(2, 6))}`)).json() as ListBody;
    expect(byName.items.map((i) => i.id)).toContain(e!.id);
    const byInitials = (await city.get(`/api/enterprises?q=${e!.name_initials.slice(0, 6)}&pageSize=200`)).json() as ListBody;
    expect(byInitials.items.map((i) => i.id)).toContain(e!.id);
    const byCode = (await city.get(`/api/enterprises?q=${e!.uscc.slice(0, 14)}`)).json() as ListBody;
    expect(byCode.items.map((i) => i.id)).toEqual([e!.id]);
  });

  it('filters by title in force and sorts by revenue', async () => {
    const res = (await city.get('/api/enterprises?titleKind=specialized_sme&sort=-revenue&pageSize=50')).json() as ListBody & {
      items: { revenue: number | null }[];
    };
    expect(res.total).toBeGreaterThan(0);
    expect(res.items.every((e) => e.titles.includes('specialized_sme'))).toBe(true);
    const revenues = res.items.map((e) => e.revenue ?? -1);
    expect([...revenues].sort((a, b) => b - a)).toEqual(revenues);
  });

  it('rejects an unknown sort with the field named', async () => {
    const res = await city.get('/api/enterprises?sort=password');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('sort');
  });

  it('registers an enterprise with an audit event, and refuses the same code twice', async () => {
    const auditBefore = await count('audit_log');
    const res = await city.send('POST', '/api/enterprises', newEnterprise());
    expect(res.statusCode).toBe(201);
    expect(await count('audit_log')).toBe(auditBefore + 1);
    const dup = await city.send('POST', '/api/enterprises', newEnterprise({ name: '另一家公司名称有限公司' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ id: 'conflict', fields: [{ field: 'uscc' }] });
    expect(await count('audit_log')).toBe(auditBefore + 1);
  });

  it('lets exactly one of two simultaneous registrations of one code succeed', async () => {
    const body = newEnterprise({ uscc: makeUscc('9', '1', '370102', 'MA3RACE1') });
    const [a, b] = await Promise.all([city.send('POST', '/api/enterprises', body), city.send('POST', '/api/enterprises', body)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
  });

  it.each([
    ['uscc', { uscc: '91370100MA3C5JA57X' }, /check character/],
    ['uscc', { uscc: '91370100MA3C5JA5' }, /18 characters/],
    ['uscc', { uscc: '91370100MA5HM0011H' }, /check character should be 'E'/],
    ['unitCode', { unitCode: '999999' }, /unknown district/],
    ['establishedOn', { establishedOn: '2023-02-30' }, /not a valid date/],
    ['contactPhone', { contactPhone: '12345' }, /phone/],
  ])('refuses a bad %s, names it, and changes nothing', async (field, override, reason) => {
    const before = await count('enterprises');
    const res = await city.send('POST', '/api/enterprises', newEnterprise({ uscc: makeUscc('9', '1', '370102', 'MA3BAD01'), ...override }));
    expect(res.statusCode).toBe(400);
    const f = res.json().error.fields.find((x: { field: string }) => x.field === field);
    expect(f.reason.en).toMatch(reason);
    expect(f.reason.zh.length).toBeGreaterThan(1);
    expect(await count('enterprises')).toBe(before);
  });

  it('refuses missing fields naming each one', async () => {
    const res = await city.send('POST', '/api/enterprises', { uscc: '913700001630477270' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'unitCode', 'industryCode', 'establishedOn', 'sizeClass']));
  });

  it('refuses a district officer registering an enterprise in another district', async () => {
    const before = await count('enterprises');
    const res = await lixia.send('POST', '/api/enterprises', newEnterprise({ uscc: makeUscc('9', '1', '370112', 'MA3THER1'), unitCode: '370112' }));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'unitCode' });
    expect(await count('enterprises')).toBe(before);
  });

  it('refuses a district officer editing another district’s enterprise', async () => {
    const [other] = await s.ctx.database.query<{ id: number; version: number }>(
      `select id, version from enterprises where unit_code = '370112' limit 1`,
    );
    const res = await lixia.send('PATCH', `/api/enterprises/${other!.id}`, { version: other!.version, name: '改名测试有限公司' });
    expect(res.statusCode).toBe(404);
    const [after] = await s.ctx.database.query<{ name: string }>(`select name from enterprises where id = $1`, [other!.id]);
    expect(after!.name).not.toBe('改名测试有限公司');
  });

  it('edits with optimistic versions, keeps the former name, and refuses a stale version', async () => {
    const [e] = await s.ctx.database.query<{ id: number; version: number; name: string }>(
      `select id, version, name from enterprises where unit_code = '370102' order by id limit 1`,
    );
    const ok = await lixia.send('PATCH', `/api/enterprises/${e!.id}`, { version: e!.version, name: '济南新名称科技有限公司' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().formerNames.map((f: { name: string }) => f.name)).toContain(e!.name);
    const stale = await lixia.send('PATCH', `/api/enterprises/${e!.id}`, { version: e!.version, name: '济南又一名称有限公司' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.id).toBe('stale_version');
  });

  it('refuses negative money in yearly figures, naming the field', async () => {
    const [e] = await s.ctx.database.query<{ id: number }>(`select id from enterprises where unit_code = '370102' limit 1`);
    const res = await lixia.send('PUT', `/api/enterprises/${e!.id}/yearly/2025`, {
      revenue: -5,
      mainBusinessRevenue: 0,
      rdExpense: 0,
      netProfit: 0,
      totalAssets: 0,
      totalLiabilities: 0,
      employees: 1,
      rdStaff: 0,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'revenue', reason: { zh: '金额不能为负数' } });
  });

  it('records a title, refuses an end date before its start, and revokes it', async () => {
    const [e] = await s.ctx.database.query<{ id: number }>(`select id from enterprises order by id desc limit 1`);
    const bad = await city.send('POST', `/api/enterprises/${e!.id}/titles`, {
      kind: 'gazelle',
      level: 'provincial',
      batch: '2025年',
      recognisedOn: '2025-06-01',
      validUntil: '2025-01-01',
      recognition: 'first',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('validUntil');
    const ok = await city.send('POST', `/api/enterprises/${e!.id}/titles`, {
      kind: 'gazelle',
      level: 'provincial',
      batch: '2025年',
      recognisedOn: '2025-06-01',
      validUntil: '2028-05-31',
      recognition: 'first',
    });
    expect(ok.statusCode).toBe(201);
    const byDistrict = await lixia.send('POST', `/api/titles/${ok.json().id}/revoke`, { revokedOn: '2025-09-01', reason: '数据造假' });
    expect(byDistrict.statusCode).toBe(403);
    const rev = await city.send('POST', `/api/titles/${ok.json().id}/revoke`, { revokedOn: '2025-09-01', reason: '数据造假' });
    expect(rev.statusCode).toBe(200);
    const page = (await city.get(`/api/enterprises/${e!.id}`)).json();
    expect(page.titles.find((t: { id: number }) => t.id === ok.json().id)).toMatchObject({ status: 'revoked', revokeReason: '数据造假' });
  });

  it('refuses a residency that ends before it starts', async () => {
    const [e] = await s.ctx.database.query<{ id: number }>(`select id from enterprises where unit_code = '370102' limit 1`);
    const [c] = await s.ctx.database.query<{ id: number }>(`select id from carriers where kind = 'demo_base' limit 1`);
    const res = await lixia.send('POST', '/api/residencies', { enterpriseId: e!.id, carrierId: c!.id, fromDate: '2024-05-01', toDate: '2024-01-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('toDate');
  });

  it('exports the filtered list as a real xlsx with formula injection neutralised', async () => {
    const evil = await city.send('POST', '/api/enterprises', newEnterprise({ uscc: makeUscc('9', '1', '370103', 'MA3EXAM1'), unitCode: '370103', name: '=HYPERLINK("http://x")有限公司' }));
    expect(evil.statusCode).toBe(201);
    const res = await city.get('/api/enterprises/export.xlsx?unitCode=370103');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const list = (await city.get('/api/enterprises?unitCode=370103&pageSize=1')).json() as ListBody;
    expect(ws.rowCount - 1).toBe(list.total);
    const names: string[] = [];
    ws.eachRow((row, n) => n > 1 && names.push(String(row.getCell(2).value)));
    expect(names).toContain(`'=HYPERLINK("http://x")有限公司`);
    ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('lists carriers with residents and in-force state', async () => {
    const res = (await city.get('/api/carriers?kind=demo_base')).json();
    expect(res.total).toBeGreaterThan(0);
    expect(res.items[0]).toHaveProperty('inForce');
    const one = (await city.get(`/api/carriers/${res.items[0].id}`)).json();
    expect(one.carrier.id).toBe(res.items[0].id);
  });

  it('serves the OpenAPI document', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toContain('/api/enterprises');
  });

  it('keeps the audit chain valid after all of this', async () => {
    expect((await verifyAudit(s.ctx.database)).problem).toBeNull();
  });
});
