import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { signIn, type ApiClient } from '../helpers/client.ts';
import { ENGINES } from '../helpers/db.ts';
import { todayShanghai } from '../../src/shared/dates.ts';
import { addMonths } from '../../policy/core/dates.ts';
import { IMPORT_COLUMNS } from '../../src/modules/ip/domain.ts';
import { PATENT } from '../fixtures/ip-patent.ts';

async function book(rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('知识产权');
  ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

interface IpView {
  evaluation: { score: number; counts: { class1: number; class1HighValue: number; class2: number } };
  holdings: { class1: number; class1SelfDeveloped: number; class1HighValue: number; class2: number };
  items: {
    id: number;
    number: string;
    numberVerified: boolean;
    classification: { class: string | null; counted: boolean; highValue: boolean };
    evaluation: { score: number };
  }[];
  canEdit: boolean;
}

describe.each(ENGINES)('IP API on %s', (engine) => {
  let s: TestServer;
  let ent: ApiClient;
  let bank: ApiClient;
  let bank2: ApiClient;
  let guarantee: ApiClient;
  let city: ApiClient;
  let lixia: ApiClient;
  let gaoxin: ApiClient;
  let enterpriseId = 0;
  let unitCode = '';
  const q = <T>(text: string, params: unknown[] = []) => s.ctx.database.query<T>(text, params);
  const count = async () =>
    Number((await q<{ n: number }>(`select count(*)::int as n from ip_records where enterprise_id = $1`, [enterpriseId]))[0]!.n);
  const view = async (c: ApiClient) => (await c.get(`/api/ip/enterprises/${enterpriseId}`)).json() as IpView;

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false, enterprises: 300 });
    const sign = (u: string) => signIn(s.app, u);
    [ent, bank, bank2, guarantee, city, lixia, gaoxin] = await Promise.all([
      sign('enterprise'),
      sign('bank'),
      sign('bank2'),
      sign('guarantee'),
      sign('city'),
      sign('lixia'),
      sign('gaoxin'),
    ]);
    const [u] = await q<{ enterprise_id: number; unit_code: string }>(
      `select u.enterprise_id, e.unit_code from users u join enterprises e on e.id = u.enterprise_id where u.username = 'enterprise'`,
    );
    enterpriseId = Number(u!.enterprise_id);
    unitCode = u!.unit_code;
  });
  afterAll(() => s.close());

  it('seeds IP items with valid numbers for title holders, and links IP-pledge loans to them', async () => {
    const [r] = await q<{ n: number; bad: number }>(
      `select count(*)::int as n, count(*) filter (where kind in ('invention_patent','utility_model','design_patent') and not number_verified)::int as bad from ip_records`,
    );
    expect(r!.n).toBeGreaterThan(100);
    expect(r!.bad).toBe(0);
    expect(await count()).toBe(0);
    const [l] = await q<{ n: number }>(`select count(distinct loan_id)::int as n from ip_pledges where loan_id is not null`);
    expect(l!.n).toBeGreaterThan(0);
  });

  it('lets the enterprise record an item and shows its class, count and score', async () => {
    const res = await ent.send('POST', `/api/ip/enterprises/${enterpriseId}/records`, PATENT);
    expect(res.statusCode).toBe(201);
    const v = await view(ent);
    expect(v.canEdit).toBe(true);
    expect(v.items[0]).toMatchObject({
      number: '201710601862.3',
      numberVerified: true,
      classification: { class: 'I', counted: true, highValue: true },
    });
    expect(v.holdings).toMatchObject({ class1: 1, class1SelfDeveloped: 1, class1HighValue: 1, class2: 0 });
    expect(v.items[0]!.evaluation.score).toBeGreaterThan(50);
    expect(v.evaluation.score).toBeGreaterThan(0);
  });

  it('keeps citations "not recorded" (null) apart from zero citations when an item is changed', async () => {
    const [r] = await q<{ id: number; version: number }>(`select id, version from ip_records where enterprise_id = $1`, [
      enterpriseId,
    ]);
    const put = (citations: number | null, version: number) =>
      ent.send('PUT', `/api/ip/records/${r!.id}`, { version, item: { ...PATENT, citations } });
    expect((await put(null, Number(r!.version))).statusCode).toBe(200);
    expect(
      (await q<{ citations: number | null }>(`select citations from ip_records where id = $1`, [r!.id]))[0]!.citations,
    ).toBeNull();
    expect((await put(0, Number(r!.version) + 1)).statusCode).toBe(200);
    expect(
      Number((await q<{ citations: number }>(`select citations from ip_records where id = $1`, [r!.id]))[0]!.citations),
    ).toBe(0);
    expect((await put(3, Number(r!.version) + 2)).statusCode).toBe(200);
  });

  it('refuses a wrong check digit, a missing acquisition date and a duplicate, naming the field, changing nothing', async () => {
    const before = await count();
    const bad = await ent.send('POST', `/api/ip/enterprises/${enterpriseId}/records`, {
      ...PATENT,
      number: '201710601862.4',
      origin: 'acquired',
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.fields as { field: string; reason: { zh: string } }[];
    expect(fields.map((f) => f.field).sort()).toEqual(['acquiredOn', 'number']);
    expect(fields.find((f) => f.field === 'number')!.reason.zh).toBe('校验位应为3');
    const dup = await ent.send('POST', `/api/ip/enterprises/${enterpriseId}/records`, PATENT);
    expect(dup.statusCode).toBe(409);
    expect(await count()).toBe(before);
  });

  it('imports a sheet all or nothing, naming the row and field; a re-import changes nothing', async () => {
    const before = await count();
    const good1 = [
      '实用新型专利',
      '202220123456.0',
      '一种夹具',
      '2022-05-01',
      '2022-11-01',
      '',
      '有效',
      4,
      0,
      '',
      '',
      '自主研发',
      '',
      '是',
    ];
    const good2 = [
      '软件著作权',
      '2023SR0456789',
      '远程监控平台V1.0',
      '2023-02-01',
      '2023-04-01',
      '',
      '有效',
      0,
      0,
      '',
      '',
      '受让',
      '2025-01-10',
      '是',
    ];
    const bad = [
      '发明专利',
      '201810000001.1',
      '一种方法',
      '2018-01-01',
      '2020-01-01',
      '',
      '有效',
      'x',
      0,
      '',
      '',
      '自主研发',
      '',
      '也许',
    ];
    const r1 = await ent.send('POST', `/api/ip/enterprises/${enterpriseId}/import`, {
      fileBase64: await book([good1, bad, good2]),
    });
    expect(r1.statusCode).toBe(400);
    const f = (r1.json().error.fields as { field: string }[]).map((x) => x.field).sort();
    // Sheet rows (header is row 1): row 2's check digit (see below); row 3: 201810000001's check digit
    // 2·2+0·3+1·4+8·5+1·6+0·7+0·8+0·9+0·2+0·3+0·4+1·5 = 59, 59 mod 11 = 4 (not 1), "x" years, "也许".
    expect(f).toEqual(['rows[2].number', 'rows[3].maintenanceYearsPaid', 'rows[3].number', 'rows[3].relatedToMainProduct']);
    expect(await count()).toBe(before);
    // 202220123456: 2·2+0·3+2·4+2·5+2·6+0·7+1·8+2·9+3·2+4·3+5·4+6·5 = 128; 128 mod 11 = 7
    const r2 = await ent.send('POST', `/api/ip/enterprises/${enterpriseId}/import`, { fileBase64: await book([good1, good2]) });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.fields[0]).toMatchObject({ field: 'rows[2].number', reason: { zh: '校验位应为7' } });
    good1[1] = '202220123456.7';
    const r3 = await ent.send('POST', `/api/ip/enterprises/${enterpriseId}/import`, { fileBase64: await book([good1, good2]) });
    expect(r3.json()).toEqual({ inserted: 2, skipped: 0 });
    const r4 = await ent.send('POST', `/api/ip/enterprises/${enterpriseId}/import`, { fileBase64: await book([good1, good2]) });
    expect(r4.json()).toEqual({ inserted: 0, skipped: 2 });
    expect(await count()).toBe(before + 2);
    // The copyright acquired less than a year before today is Ⅱ类 but not counted; the utility model counts.
    const v = await view(ent);
    const acquiredRecently = addMonths('2025-01-10', 12) > todayShanghai();
    expect(v.holdings.class2).toBe(acquiredRecently ? 1 : 2);
  });

  it('shows the IP to officers of its scope only, and to nobody else', async () => {
    expect((await city.get(`/api/ip/enterprises/${enterpriseId}`)).statusCode).toBe(200);
    const own = unitCode === '370102' ? lixia : gaoxin;
    const other = unitCode === '370102' ? gaoxin : lixia;
    expect((await own.get(`/api/ip/enterprises/${enterpriseId}`)).statusCode).toBe(own === lixia ? 200 : 404);
    expect((await other.get(`/api/ip/enterprises/${enterpriseId}`)).statusCode).toBe(404);
    expect((await bank.get(`/api/ip/enterprises/${enterpriseId}`)).statusCode).toBe(404);
    expect(
      (await city.send('POST', `/api/ip/enterprises/${enterpriseId}/records`, { ...PATENT, number: '95115608.X' })).statusCode,
    ).toBe(404);
    expect((await ent.get('/api/ip/stats')).statusCode).toBe(404);
  });

  it('shows the evaluation to a bank only while the firm is on the key-service list sharing IP', async () => {
    await ent.send('POST', '/api/financing/consent', { fields: ['unit', 'titles'] });
    expect((await bank.get(`/api/ip/enterprises/${enterpriseId}`)).statusCode).toBe(404);
    await ent.send('POST', '/api/financing/consent', { fields: ['unit', 'titles', 'ip'] });
    const r = await bank.get(`/api/ip/enterprises/${enterpriseId}`);
    expect(r.statusCode).toBe(200);
    expect((r.json() as IpView).canEdit).toBe(false);
    const cands = (await bank.get('/api/ip/bank/candidates?pageSize=100')).json() as {
      items: { id: number; score: number }[];
      total: number;
    };
    expect(cands.total).toBeGreaterThan(0);
    const mine = (await view(ent)).evaluation.score;
    const all: number[] = [];
    for (let page = 1; page <= Math.ceil(cands.total / 100); page++)
      all.push(
        ...(
          (await bank.get(`/api/ip/bank/candidates?pageSize=100&page=${page}`)).json() as {
            items: { id: number; score: number }[];
          }
        ).items
          .filter((i) => i.id === enterpriseId)
          .map((i) => i.score),
      );
    expect(all).toEqual([mine]);
  });

  it('records an IP-pledge loan on items; an item under an active pledge cannot be pledged again, even concurrently', async () => {
    const v = await view(ent);
    const patent = v.items.find((i) => i.number === '201710601862.3')!;
    const utility = v.items.find((i) => i.number === '202220123456.7')!;
    const loan = { amount: 5_000_000, rateBp: 360, termMonths: 12, grantedOn: todayShanghai() };
    expect(
      (await guarantee.send('POST', `/api/ip/enterprises/${enterpriseId}/pledge-loans`, { ...loan, ipRecordIds: [patent.id] }))
        .statusCode,
    ).toBe(403);
    const bad = await bank.send('POST', `/api/ip/enterprises/${enterpriseId}/pledge-loans`, {
      ...loan,
      amount: 5_000_000,
      rateBp: 0,
      ipRecordIds: [],
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.json().error.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(['ipRecordIds', 'rateBp']);
    const ok = await bank.send('POST', `/api/ip/enterprises/${enterpriseId}/pledge-loans`, { ...loan, ipRecordIds: [patent.id] });
    expect(ok.statusCode).toBe(201);
    const again = await bank2.send('POST', `/api/ip/enterprises/${enterpriseId}/pledge-loans`, {
      ...loan,
      ipRecordIds: [patent.id, utility.id],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields[0].field).toBe('ipRecordIds');
    const loansBefore = await q<{ n: number }>(`select count(*)::int as n from financing_loans where enterprise_id = $1`, [
      enterpriseId,
    ]);
    const both = await Promise.all([
      bank.send('POST', `/api/ip/enterprises/${enterpriseId}/pledge-loans`, { ...loan, ipRecordIds: [utility.id] }),
      bank2.send('POST', `/api/ip/enterprises/${enterpriseId}/pledge-loans`, { ...loan, ipRecordIds: [utility.id] }),
    ]);
    expect(both.map((x) => x.statusCode).sort()).toEqual([201, 409]);
    const loansAfter = await q<{ n: number }>(`select count(*)::int as n from financing_loans where enterprise_id = $1`, [
      enterpriseId,
    ]);
    expect(loansAfter[0]!.n).toBe(loansBefore[0]!.n + 1);
    // The pledge shows in the item's history and the enterprise's loans in financing.
    const after = await view(ent);
    expect(after.items.find((i) => i.id === patent.id)).toMatchObject({ activePledge: true });
    const fin = (await ent.get('/api/financing/loans')).json() as { loanType: string; amount: number }[];
    expect(fin.filter((l) => l.loanType === 'ip_pledge').length).toBeGreaterThanOrEqual(2);
  });

  it('releases a pledge, after which the item can be pledged again', async () => {
    const own = (await bank.get('/api/ip/pledge-loans')).json() as {
      loans: { enterpriseId: number; items: { pledgeId: number; ipRecordId: number }[] }[];
    };
    const mine = own.loans.find((l) => l.enterpriseId === enterpriseId)!;
    const pledge = mine.items[0]!;
    expect(
      (await bank2.send('POST', `/api/ip/pledges/${pledge.pledgeId}/release`, { releasedOn: todayShanghai() })).statusCode,
    ).toBe(404);
    expect(
      (await bank.send('POST', `/api/ip/pledges/${pledge.pledgeId}/release`, { releasedOn: todayShanghai() })).statusCode,
    ).toBe(204);
    expect(
      (await bank.send('POST', `/api/ip/pledges/${pledge.pledgeId}/release`, { releasedOn: todayShanghai() })).statusCode,
    ).toBe(409);
    const again = await bank2.send('POST', `/api/ip/enterprises/${enterpriseId}/pledge-loans`, {
      amount: 1_000_000,
      rateBp: 400,
      termMonths: 6,
      grantedOn: todayShanghai(),
      ipRecordIds: [pledge.ipRecordId],
    });
    expect(again.statusCode).toBe(201);
  });

  it('totals IP-pledge loans by bank, district and industry, each adding up to the whole', async () => {
    const r = (await city.get('/api/ip/pledge-loans')).json() as {
      loans: { amount: number }[];
      byBank: { amount: number; loans: number }[];
      byUnit: { amount: number }[];
      byIndustry: { amount: number }[];
      total: { amount: number; loans: number };
    };
    const sum = r.loans.reduce((a, l) => a + l.amount, 0);
    expect(r.total.amount).toBe(sum);
    for (const xs of [r.byBank, r.byUnit, r.byIndustry]) expect(xs.reduce((a, x) => a + x.amount, 0)).toBe(sum);
    const [db] = await q<{ s: string }>(
      `select coalesce(sum(amount), 0)::text as s from financing_loans l where exists (select 1 from ip_pledges p where p.loan_id = l.id)`,
    );
    expect(sum).toBe(Number(db!.s));
    const district = (await lixia.get('/api/ip/pledge-loans')).json() as { byUnit: { key: string }[] };
    expect(district.byUnit.every((u) => u.key === '370102')).toBe(true);
  });

  it('counts IP by class, district and industry and high-value IP per quality SME, and exports it', async () => {
    const st = (await city.get('/api/ip/stats')).json() as {
      byClass: { class: string; counted: number }[];
      byUnit: { class1: number }[];
      byIndustry: { class1: number }[];
      highValuePerQualitySme: { enterprises: number; class1HighValue: number; perEnterprise: number }[];
    };
    const c1 = st.byClass.find((c) => c.class === 'I')!.counted;
    expect(c1).toBeGreaterThan(0);
    expect(st.byUnit.reduce((a, u) => a + u.class1, 0)).toBe(c1);
    expect(st.byIndustry.reduce((a, u) => a + u.class1, 0)).toBe(c1);
    const t = st.highValuePerQualitySme[0]!;
    expect(t.perEnterprise).toBeCloseTo(t.class1HighValue / t.enterprises, 2);
    const x = await city.get('/api/ip/stats.xlsx');
    expect(x.statusCode).toBe(200);
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const own = await ent.get(`/api/ip/enterprises/${enterpriseId}/export.xlsx`);
    expect(own.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('feeds the tier assessment: the enterprise’s Ⅰ类 count now comes from its records', async () => {
    const a = (await ent.get(`/api/tiers/enterprises/${enterpriseId}/assessment?standard=innovative_sme`)).json() as {
      results: { indicators?: { id: string; value: string | null }[] }[];
    };
    const text = JSON.stringify(a);
    // The records hold one counted Ⅰ类 item (the patent: self-developed, high value by its family abroad).
    expect(text).toContain('Ⅰ类1项（高价值1，自主研发1）');
  });

  it('audits every change', async () => {
    const rows = await q<{ action: string }>(`select distinct action from audit_log where action like 'ip.%' order by action`);
    expect(rows.map((r) => r.action)).toEqual([
      'ip.pledge.release',
      'ip.pledge_loan.record',
      'ip.record.create',
      'ip.record.import',
      'ip.record.update',
    ]);
  });
});
