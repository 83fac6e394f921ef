import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { signIn, type ApiClient } from '../helpers/client.ts';
import { ENGINES } from '../helpers/db.ts';
import { todayShanghai } from '../../src/shared/dates.ts';
import { PATENT } from '../fixtures/ip-patent.ts';

interface ListBody {
  items: Record<string, unknown>[];
  total: number;
}
interface DemandBody {
  demand: {
    id: number;
    status: string;
    version: number;
    enterprise: Record<string, unknown>;
    greenChannel: { answered: boolean; waitedHours: number; dueOn: string };
    responseCount?: number;
  };
  responses: { id: number; institutionName: string; kind: string; version: number }[];
  loans: { id: number; amount: number; institutionName: string }[];
}

const DEMAND = { amount: 3_000_000, termMonths: 12, purpose: '购置数控加工设备，扩大产能', collateral: 'ip_pledge' };

describe.each(ENGINES)('financing API on %s', (engine) => {
  let s: TestServer;
  let ent: ApiClient;
  let bank: ApiClient;
  let bank2: ApiClient;
  let guarantee: ApiClient;
  let city: ApiClient;
  let lixia: ApiClient;
  let gaoxin: ApiClient;
  let enterpriseId = 0;
  let demandId = 0;
  const q = <T>(text: string, params: unknown[] = []) => s.ctx.database.query<T>(text, params);
  const keyListIds = async (c: ApiClient) =>
    ((await c.get('/api/financing/key-list?pageSize=200')).json() as ListBody).items.map((i) => Number(i.enterpriseId));

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
    const [u] = await q<{ enterprise_id: number }>(`select enterprise_id from users where username = 'enterprise'`);
    enterpriseId = Number(u!.enterprise_id);
  });
  afterAll(() => s.close());

  it('seeds institutions with their own users and a key-service list of consenting firms', async () => {
    const inst = (await bank.get('/api/financing/institutions')).json() as { kind: string }[];
    expect(new Set(inst.map((i) => i.kind))).toEqual(new Set(['bank', 'guarantee', 'insurer']));
    const list = (await bank.get('/api/financing/key-list')).json() as ListBody;
    expect(list.total).toBeGreaterThan(0);
    expect(await keyListIds(bank)).not.toContain(enterpriseId);
  });

  it('hides a demand of a firm that has not consented: to a bank it does not exist', async () => {
    const res = await ent.send('POST', '/api/financing/demands', DEMAND);
    expect(res.statusCode).toBe(201);
    demandId = (res.json() as DemandBody).demand.id;
    expect((await bank.get(`/api/financing/demands/${demandId}`)).statusCode).toBe(404);
    expect(
      (await bank.send('POST', `/api/financing/demands/${demandId}/responses`, { kind: 'interested' })).json().error.id,
    ).toBe('not_found');
    const inbox = (await bank.get('/api/financing/demands?pageSize=200')).json() as ListBody;
    expect(inbox.items.map((d) => d.id)).not.toContain(demandId);
  });

  it('refuses a demand or a consent with the field and the reason, changing nothing', async () => {
    const before = await q<{ n: number }>(`select count(*)::int as n from financing_demands`);
    const bad = await ent.send('POST', '/api/financing/demands', { ...DEMAND, amount: 0, purpose: 'ab' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toContain('amount');
    const bad2 = await ent.send('POST', '/api/financing/demands', { ...DEMAND, purpose: 'ab', termMonths: 0 });
    expect(
      bad2
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['purpose', 'termMonths']);
    expect(bad2.json().error.fields[0].reason.zh).toBeTruthy();
    expect(await q<{ n: number }>(`select count(*)::int as n from financing_demands`)).toEqual(before);
    const c = await ent.send('POST', '/api/financing/consent', { fields: ['contactPhone'] });
    expect(c.statusCode).toBe(400);
    expect(c.json().error.fields[0].field).toBe('fields');
    expect((await ent.send('POST', '/api/financing/consent', { fields: [] })).statusCode).toBe(400);
    expect((await ent.send('POST', '/api/financing/consent/withdraw', {})).statusCode).toBe(409);
  });

  it('shows a consenting firm to every bank with exactly the shared fields, never its contacts', async () => {
    const res = await ent.send('POST', '/api/financing/consent', { fields: ['revenue', 'unit'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ granted: true, fields: ['unit', 'revenue'], onKeyList: true });
    const list = (await bank.get('/api/financing/key-list?pageSize=200')).json() as ListBody;
    const row = list.items.find((i) => Number(i.enterpriseId) === enterpriseId)!;
    expect(Object.keys(row).sort()).toEqual(
      [
        'consentSince',
        'enterpriseId',
        'name',
        'openDemands',
        'revenue',
        'sharedFields',
        'unitCode',
        'unitName',
        'uscc',
        'year',
      ].sort(),
    );
    expect(JSON.stringify(list)).not.toMatch(/contact|phone/i);
    // A filter on a field the firm did not share cannot find it.
    const [t] = await q<{ kind: string }>(
      `select kind::text from titles where enterprise_id = $1 and revoked_on is null order by recognised_on desc limit 1`,
      [enterpriseId],
    );
    expect(await keyListIds(await signIn(s.app, 'bank'))).toContain(enterpriseId);
    const byTitle = (await bank.get(`/api/financing/key-list?titleKind=${t!.kind}&pageSize=200`)).json() as ListBody;
    expect(byTitle.items.map((i) => Number(i.enterpriseId))).not.toContain(enterpriseId);
    const d = (await bank.get(`/api/financing/demands/${demandId}`)).json() as DemandBody;
    expect(d.demand.enterprise).not.toHaveProperty('industryCode');
    expect(d.demand.enterprise).not.toHaveProperty('titles');
    expect(d.demand).not.toHaveProperty('responseCount');
  });

  it('takes one answer per bank and demand, also when two arrive at once', async () => {
    const other = await ent.send('POST', '/api/financing/demands', { ...DEMAND, amount: 500_000, collateral: 'credit' });
    const otherId = (other.json() as DemandBody).demand.id;
    const both = await Promise.all(
      [1, 2].map(() => bank2.send('POST', `/api/financing/demands/${otherId}/responses`, { kind: 'interested' })),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await q(`select id from financing_responses where demand_id = $1`, [otherId])).toHaveLength(1);
  });

  it('keeps each bank’s answers from the other banks; the enterprise and its district see all', async () => {
    const offer = await bank.send('POST', `/api/financing/demands/${demandId}/responses`, {
      kind: 'offer',
      offerAmount: 2_500_000,
      offerRateBp: 345,
      offerTermMonths: 12,
    });
    expect(offer.statusCode).toBe(201);
    expect((await bank.send('POST', `/api/financing/demands/${demandId}/responses`, { kind: 'interested' })).statusCode).toBe(
      409,
    );
    const noReason = await bank2.send('POST', `/api/financing/demands/${demandId}/responses`, { kind: 'declined' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].field).toBe('note');
    expect(
      (await bank2.send('POST', `/api/financing/demands/${demandId}/responses`, { kind: 'declined', note: '期限超出产品范围' }))
        .statusCode,
    ).toBe(201);
    const seenByBank = (await bank.get(`/api/financing/demands/${demandId}`)).json() as DemandBody;
    expect(seenByBank.responses.map((r) => r.institutionName)).toEqual(['齐鲁银行济南分行']);
    expect(seenByBank.demand.greenChannel.answered).toBe(true);
    const seenByBank2 = (await bank2.get(`/api/financing/demands/${demandId}`)).json() as DemandBody;
    expect(seenByBank2.responses.map((r) => r.kind)).toEqual(['declined']);
    expect(JSON.stringify(seenByBank2)).not.toContain('345');
    const seenByEnt = (await ent.get(`/api/financing/demands/${demandId}`)).json() as DemandBody;
    expect(seenByEnt.responses).toHaveLength(2);
    expect(seenByEnt.demand.responseCount).toBe(2);
    expect(((await lixia.get(`/api/financing/demands/${demandId}`)).json() as DemandBody).responses).toHaveLength(2);
    expect((await gaoxin.get(`/api/financing/demands/${demandId}`)).statusCode).toBe(404);
    // Another bank cannot change an answer that is not its own.
    expect(
      (
        await bank2.send('PUT', `/api/financing/responses/${seenByBank.responses[0]!.id}`, {
          kind: 'declined',
          note: 'x',
          version: 1,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('shows a district officer the list, demands and loans of its unit only', async () => {
    const units = async (ids: number[]) =>
      (await q<{ unit_code: string }>(`select distinct unit_code from enterprises where id = any($1::bigint[])`, [ids])).map(
        (u) => u.unit_code,
      );
    const listed = await keyListIds(lixia);
    expect(listed.length).toBeGreaterThan(0);
    expect(await units(listed)).toEqual(['370102']);
    const demands = ((await lixia.get('/api/financing/demands?pageSize=200')).json() as ListBody).items;
    expect(await units(demands.map((d) => Number((d.enterprise as { enterpriseId: number }).enterpriseId)))).toEqual(['370102']);
    const loans = (await lixia.get('/api/financing/loans')).json() as { enterpriseId: number }[];
    if (loans.length) expect(await units(loans.map((l) => l.enterpriseId))).toEqual(['370102']);
    expect((await ent.get('/api/financing/key-list')).statusCode).toBe(404);
    expect((await bank.get('/api/financing/consent')).statusCode).toBe(404);
  });

  it('lets an enterprise see only its own demands', async () => {
    const [other] = await q<{ id: number }>(`select id from financing_demands where enterprise_id <> $1 limit 1`, [enterpriseId]);
    expect((await ent.get(`/api/financing/demands/${other!.id}`)).statusCode).toBe(404);
    const mine = (await ent.get('/api/financing/demands?pageSize=200')).json() as ListBody;
    expect(mine.items.every((d) => Number((d.enterprise as { enterpriseId: number }).enterpriseId) === enterpriseId)).toBe(true);
  });

  it('records the loan once, by the bank that offered, and counts it in the statistics', async () => {
    const today = todayShanghai();
    const loan = { amount: 2_500_000, rateBp: 340, termMonths: 12, loanType: 'ip_pledge', grantedOn: today };
    const [g] = await q<{ id: number }>(`select id from financial_institutions where kind = 'insurer'`);
    const bad = await bank.send('POST', `/api/financing/demands/${demandId}/loans`, {
      ...loan,
      loanType: 'guarantee',
      guarantorId: Number(g!.id),
      grantedOn: '2999-01-01',
    });
    expect(
      bad
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['grantedOn', 'guarantorId']);
    // An IP-pledge loan names the borrower's pledged items: none named, or one not the borrower's, is refused.
    const noItems = await bank.send('POST', `/api/financing/demands/${demandId}/loans`, loan);
    expect(noItems.statusCode).toBe(400);
    expect(noItems.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['ipRecordIds']);
    const patent = await ent.send('POST', `/api/ip/enterprises/${enterpriseId}/records`, PATENT);
    expect(patent.statusCode).toBe(201);
    const [mine] = await q<{ id: number }>(`select id from ip_records where enterprise_id = $1`, [enterpriseId]);
    const [theirs] = await q<{ id: number }>(`select id from ip_records where enterprise_id <> $1 limit 1`, [enterpriseId]);
    expect(
      (await bank.send('POST', `/api/financing/demands/${demandId}/loans`, { ...loan, ipRecordIds: [Number(theirs!.id)] }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await bank.send('POST', `/api/financing/demands/${demandId}/loans`, {
          ...loan,
          loanType: 'credit',
          ipRecordIds: [Number(mine!.id)],
        })
      )
        .json()
        .error.fields.map((f: { field: string }) => f.field),
    ).toEqual(['ipRecordIds']);
    expect(await q(`select 1 from financing_loans where demand_id = $1`, [demandId])).toHaveLength(0);
    const pledgedLoan = { ...loan, ipRecordIds: [Number(mine!.id)] };
    expect((await bank2.send('POST', `/api/financing/demands/${demandId}/loans`, pledgedLoan)).statusCode).toBe(409);
    expect((await guarantee.send('POST', `/api/financing/demands/${demandId}/loans`, pledgedLoan)).statusCode).toBe(403);
    // The bank's grant form lists what the borrower could pledge; another institution kind cannot ask.
    const pledgeable = (await bank.get(`/api/financing/demands/${demandId}/pledgeable-ip`)).json() as {
      id: number;
      title: string;
    }[];
    expect(pledgeable.map((i) => i.id)).toEqual([Number(mine!.id)]);
    expect((await guarantee.get(`/api/financing/demands/${demandId}/pledgeable-ip`)).statusCode).toBe(404);

    const ok = await bank.send('POST', `/api/financing/demands/${demandId}/loans`, { ...loan, ipRecordIds: [Number(mine!.id)] });
    expect(ok.statusCode).toBe(201);
    expect((ok.json() as DemandBody).demand.status).toBe('funded');
    const [pledge] = await q<{ pledgee: string; amount: number; registered_on: string; same_loan: boolean }>(
      `select p.pledgee, p.amount, p.registered_on::text, p.loan_id = l.id as same_loan
         from ip_pledges p join financing_loans l on l.demand_id = $1 where p.ip_record_id = $2`,
      [demandId, Number(mine!.id)],
    );
    expect(pledge).toEqual({
      pledgee: expect.stringContaining('齐鲁银行'),
      amount: 2_500_000,
      registered_on: today,
      same_loan: true,
    });
    expect((await bank.get(`/api/financing/demands/${demandId}/pledgeable-ip`)).json()).toEqual([]);
    expect(
      (await bank.send('POST', `/api/financing/demands/${demandId}/loans`, { ...loan, ipRecordIds: [Number(mine!.id)] }))
        .statusCode,
    ).toBe(409);

    const stats = (await city.get('/api/financing/stats')).json() as {
      totals: { loans: number; ipPledgeAmount: number };
      byInstitution: { label: string }[];
      byMonth: { key: string; amount: number }[];
    };
    expect(stats.totals.ipPledgeAmount).toBeGreaterThanOrEqual(2_500_000);
    expect(stats.byMonth.find((m) => m.key === today.slice(0, 7))!.amount).toBeGreaterThanOrEqual(2_500_000);
    const own = (await bank.get('/api/financing/stats')).json() as { byInstitution: { label: string }[] };
    expect(own.byInstitution.map((b) => b.label)).toEqual(['齐鲁银行']);
    expect((await ent.get('/api/financing/stats')).statusCode).toBe(404);
    const xlsx = await city.get('/api/financing/stats.xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('按机构 By institution');
    const summary = wb.getWorksheet('汇总 Summary')!;
    expect(summary.getCell('A7').value).toBe('加权平均利率 Average rate');
    expect(summary.getCell('B7').numFmt).toBe('0.00%');
    expect(summary.getCell('B5').numFmt).toBe('#,##0');
    expect(summary.getCell('B3').numFmt).toBe('0'); // a year, not an amount: 2026, never "2,026"
    expect(wb.getWorksheet('贷款明细 Loans')!.getColumn(6).numFmt).toBe('0.00%');
  });

  it('drops the firm from every bank view on withdrawal, keeping the history and the audit', async () => {
    const res = await ent.send('POST', '/api/financing/consent/withdraw', {});
    expect(res.json()).toMatchObject({ granted: false, onKeyList: false });
    expect(res.json().history.map((h: { action: string }) => h.action)).toEqual(['withdraw', 'grant']);
    expect(await keyListIds(bank)).not.toContain(enterpriseId);
    expect((await bank.get(`/api/financing/demands/${demandId}`)).statusCode).toBe(404);
    const loans = (await bank.get('/api/financing/loans')).json() as { enterpriseId: number }[];
    expect(loans.map((l) => l.enterpriseId)).not.toContain(enterpriseId);
    expect(((await bank.get('/api/financing/demands?pageSize=200')).json() as ListBody).items.map((d) => d.id)).not.toContain(
      demandId,
    );
    const audit = await q<{ action: string }>(
      `select action from audit_log where action like 'financing.consent.%' and entity_id = $1 order by seq`,
      [String(enterpriseId)],
    );
    expect(audit.map((a) => a.action)).toEqual(['financing.consent.grant', 'financing.consent.withdraw']);
  });

  it('drops a consenting firm whose titles expired or were revoked, on the next read, and takes it back when they are in force again', async () => {
    await ent.send('POST', '/api/financing/consent', { fields: ['titles'] });
    expect(await keyListIds(bank)).toContain(enterpriseId);
    const saved = await q<{ id: number; valid_until: string | null }>(
      `select id, valid_until from titles where enterprise_id = $1`,
      [enterpriseId],
    );
    await q(`update titles set valid_until = (current_date - 1) where enterprise_id = $1 and recognised_on < current_date - 1`, [
      enterpriseId,
    ]);
    expect(await keyListIds(bank)).not.toContain(enterpriseId);
    expect((await bank.get(`/api/financing/demands/${demandId}`)).statusCode).toBe(404);
    for (const t of saved) await q(`update titles set valid_until = $2 where id = $1`, [t.id, t.valid_until]);
    expect(await keyListIds(bank)).toContain(enterpriseId);
    await q(
      `update titles set revoked_on = current_date, revoke_reason = '测试：撤销' where enterprise_id = $1 and revoked_on is null and recognised_on <= current_date`,
      [enterpriseId],
    );
    expect(await keyListIds(bank)).not.toContain(enterpriseId);
    await q(
      `update titles set revoked_on = null, revoke_reason = null where enterprise_id = $1 and revoke_reason = '测试：撤销'`,
      [enterpriseId],
    );
    expect(await keyListIds(bank)).toContain(enterpriseId);
  });

  it('drops a listed firm while a serious, publicised penalty record counts against it, and takes it back once repaired', async () => {
    await ent.send('POST', '/api/financing/consent', { fields: ['titles'] });
    expect(await keyListIds(bank)).toContain(enterpriseId);
    const [e] = await q<{ uscc: string; name: string }>(`select uscc, name from enterprises where id = $1`, [enterpriseId]);
    const agency = await signIn(s.app, 'agency');
    const decisionDate = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
    const general = await agency.send('POST', '/api/credit/decisions', {
      partyName: e!.name,
      uscc: e!.uscc,
      decisionNo: `济市监处罚〔2026〕F${Date.now()}号`,
      decisionDate,
      procedure: 'ordinary',
      penalties: [{ type: 'fine', amountYuan: 30000 }],
      legalBasis: '《中华人民共和国广告法》第五十七条',
    });
    expect(general.statusCode).toBe(201);
    // 一般 records do not exclude (clause_3_key_list_excluded_credit_severities = serious only).
    expect(await keyListIds(bank)).toContain(enterpriseId);
    const serious = await agency.send('POST', '/api/credit/decisions', {
      partyName: e!.name,
      uscc: e!.uscc,
      decisionNo: `济市监处罚〔2026〕S${Date.now()}号`,
      decisionDate,
      procedure: 'ordinary',
      penalties: [{ type: 'production_suspension' }],
      legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
    });
    expect(serious.statusCode).toBe(201);
    const sid = (serious.json() as { decision: { id: number; severity: string } }).decision;
    expect(sid.severity).toBe('serious');
    expect(await keyListIds(bank)).not.toContain(enterpriseId);
    expect((await bank.get(`/api/financing/demands/${demandId}`)).statusCode).toBe(404);
    // Once the record no longer counts (here: withdrawn from publication) the firm is back on the same read path.
    await q(`update penalty_decisions set published = false where id = $1`, [sid.id]);
    expect(await keyListIds(bank)).toContain(enterpriseId);
  });

  it('shows the enterprise the products that fit its titles', async () => {
    const all = (await ent.get('/api/financing/products')).json() as { fits: boolean; eligibleTitles: string[] }[];
    const fit = (await ent.get('/api/financing/products?fitsMe=true')).json() as { fits: boolean }[];
    expect(fit.length).toBeGreaterThan(0);
    expect(fit.length).toBeLessThanOrEqual(all.length);
    expect(fit.every((p) => p.fits)).toBe(true);
    const bad = await guarantee.send('POST', '/api/financing/products', {
      kind: 'credit_loan',
      name: '测试',
      eligibleTitles: [],
      maxAmount: 100,
      maxTermMonths: 12,
    });
    expect(
      bad
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['eligibleTitles', 'kind', 'rateMaxBp', 'rateMinBp']);
    const ok = await guarantee.send('POST', '/api/financing/products', {
      kind: 'guarantee',
      name: '小巨人专项担保',
      eligibleTitles: ['little_giant'],
      maxAmount: 5_000_000,
      maxTermMonths: 24,
      feeRateBp: 75,
    });
    expect(ok.statusCode).toBe(201);
  });
});
