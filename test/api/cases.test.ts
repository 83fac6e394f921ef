import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { FastifyInstance } from 'fastify';
import { startTestServer, TEST_KEY, type TestServer } from '../helpers/server.ts';
import { signIn, type ApiClient } from '../helpers/client.ts';
import { ENGINES, createPgDatabase } from '../helpers/db.ts';
import { ACCOUNT, CITY, caseRow, dayAfter, principal, toCityReview } from '../helpers/cases.ts';
import { recompute } from '../../src/modules/entitlements/service.ts';
import { syncCases, transitionCase } from '../../src/modules/cases/service.ts';
import { closeDueNotices, publishNotice } from '../../src/modules/cases/notices.ts';
import { verifyAudit } from '../../src/modules/audit/service.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { ensureUnits, seedDatabase } from '../../src/modules/seed/service.ts';
import { loadConfig } from '../../src/config/env.ts';
import { PersonalDataCipher } from '../../src/shared/crypto.ts';
import { buildApp } from '../../src/server/app.ts';
import { todayShanghai } from '../../src/shared/dates.ts';

const today = todayShanghai();

interface CaseDetailBody {
  case: {
    id: number;
    state: string;
    version: number;
    enterpriseId?: number;
    beneficiaryId: number;
    unitCode: string;
    amount: number;
    account: { accountNo: string } | null;
  };
  actions: { action: string }[];
  entitlement: { trace: { clause: string; conditions: unknown[] } } | null;
}

describe.each(ENGINES)('cases API on %s', (engine) => {
  let s: TestServer;
  let city: ApiClient;
  let lixia: ApiClient;
  let finance: ApiClient;
  let ent: ApiClient;
  const q = <T>(text: string, params: unknown[] = []) => s.ctx.database.query<T>(text, params);

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false, enterprises: 300 });
    for (const y of [2023, 2024, 2025]) await recompute(s.ctx.database, { id: null, name: 'test' }, { fiscalYear: y });
    city = await signIn(s.app, 'city');
    lixia = await signIn(s.app, 'lixia');
    finance = await signIn(s.app, 'finance');
    ent = await signIn(s.app, 'enterprise');
  });
  afterAll(() => s.close());

  it('lets only the city open cases from the entitlements', async () => {
    expect((await lixia.send('POST', '/api/cases/sync', {})).statusCode).toBe(403);
    const res = await city.send('POST', '/api/cases/sync', {});
    expect(res.statusCode).toBe(200);
    expect(res.json().opened).toBeGreaterThan(10);
    expect((await city.send('POST', '/api/cases/sync', {})).json()).toEqual({ opened: 0, cancelled: 0 });
  });

  it('shows each user only their cases; another’s case looks like it does not exist', async () => {
    const own = (await lixia.get('/api/cases?pageSize=200')).json() as { items: { unitCode: string }[]; total: number };
    expect(own.total).toBeGreaterThan(0);
    expect(own.items.every((c) => c.unitCode === '370102')).toBe(true);
    const mine = (await ent.get('/api/cases')).json() as { items: { id: number; beneficiaryId: number }[] };
    const [u] = await q<{ enterprise_id: number }>(`select enterprise_id from users where username = 'enterprise'`);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((c) => c.beneficiaryId === Number(u!.enterprise_id))).toBe(true);
    const [other] = await q<{ id: number }>(`select id from cases where enterprise_id is distinct from $1 limit 1`, [
      u!.enterprise_id,
    ]);
    const res = await ent.get(`/api/cases/${other!.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.id).toBe('not_found');
    expect((await s.app.inject({ method: 'GET', url: '/api/cases' })).statusCode).toBe(401);
  });

  it("opens an officer's list on their own queue when asked (queue=mine), every case in scope otherwise", async () => {
    type Page = { items: { state: string; unitCode: string }[]; total: number };
    const all = (await lixia.get('/api/cases?pageSize=200')).json() as Page;
    const mine = (await lixia.get('/api/cases?queue=mine&pageSize=200')).json() as Page;
    const [n] = await q<{ n: number }>(
      `select count(*)::int as n from cases where unit_code = '370102' and state = 'district_review'`,
    );
    expect(mine.total).toBe(n!.n);
    expect(mine.items.every((c) => c.state === 'district_review' && c.unitCode === '370102')).toBe(true);
    expect(all.total).toBeGreaterThan(mine.total);
    expect((await lixia.get('/api/cases?queue=nobody')).statusCode).toBe(400);
  });

  it('shows the enterprise its case with the explanation of the amount, and takes its account confirmation once', async () => {
    const mine = (await ent.get('/api/cases')).json() as { items: { id: number }[] };
    const id = mine.items[0]!.id;
    const d = (await ent.get(`/api/cases/${id}`)).json() as CaseDetailBody;
    expect(d.entitlement?.trace.clause).toBe('2');
    expect(d.entitlement?.trace.conditions.length).toBeGreaterThan(0);
    expect(d.actions.map((a) => a.action)).toEqual(['confirm_account']);
    const bad = await ent.send('POST', `/api/cases/${id}/transitions`, {
      action: 'confirm_account',
      version: d.case.version,
      account: { ...ACCOUNT, accountNo: '12' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('account.accountNo');
    const ok = await ent.send('POST', `/api/cases/${id}/transitions`, {
      action: 'confirm_account',
      version: d.case.version,
      account: ACCOUNT,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().case).toMatchObject({
      state: 'district_review',
      version: d.case.version + 1,
      account: { accountNo: ACCOUNT.accountNo },
    });
    const again = await ent.send('POST', `/api/cases/${id}/transitions`, {
      action: 'confirm_account',
      version: d.case.version,
      account: ACCOUNT,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.id).toBe('stale_version');
    expect(again.json().error.message.zh).toContain('请刷新后重试');
    expect(again.json().error.message.en).toContain('reload and try again');
    // Officers who do not pay see the account masked.
    const seen = (await city.get(`/api/cases/${id}`)).json() as CaseDetailBody;
    expect(seen.case.account?.accountNo).toMatch(/^\*+7890$/);
  });

  it('gives each role its work queue with counts and ages', async () => {
    const dq = (await lixia.get('/api/cases/queues')).json() as {
      queues: { state: string; count: number; maxAgeDays: number }[];
    };
    expect(dq.queues.map((x) => x.state)).toEqual(['district_review']);
    const eq = (await ent.get('/api/cases/queues')).json() as { queues: { state: string; count: number }[] };
    expect(eq.queues.map((x) => x.state)).toEqual(['opened', 'returned']);
    const fq = (await finance.get('/api/cases/queues')).json() as { queues: { state: string }[]; batches: unknown[] };
    expect(fq.queues.map((x) => x.state)).toEqual(['finance_review', 'in_batch']);
    expect(Array.isArray(fq.batches)).toBe(true);
  });

  it('publishes a 公示 of N working days, takes objections while open, and finance pays the rest with exports', async () => {
    const ids = (
      await q<{ id: number }>(`select id from cases where state = 'opened' and unit_code = '370102' order by id limit 3`)
    ).map((r) => Number(r.id));
    expect(ids.length).toBe(3);
    await toCityReview(s.ctx.database, ids);
    expect((await lixia.send('POST', '/api/notices', { title: 'x', caseIds: ids })).statusCode).toBe(403);
    const pub = await city.send('POST', '/api/notices', { title: '2025年度优质中小企业奖励资金拟支持名单公示', caseIds: ids });
    expect(pub.statusCode).toBe(201);
    const notice = pub.json() as {
      notice: { id: number; workingDays: number; endsOn: string };
      rule: { zh: string };
      items: { basis: string }[];
    };
    expect(notice.notice.workingDays).toBe(5);
    expect(notice.rule.zh).toContain('发布当日不计');
    expect(notice.items[0]!.basis).toMatch(/^第[二四五]条 .+ [\d,]+元$/);
    // The basis reads as the public reads it, not as an item id.
    expect(notice.items.every((i) => !/[a-z_]/.test(i.basis))).toBe(true);
    const obj = await ent.send('POST', `/api/notices/${notice.notice.id}/objections`, {
      caseId: ids[0],
      text: '对该企业的认定时间有异议，请核实',
    });
    expect(obj.statusCode).toBe(201);
    expect((await city.get(`/api/cases/${ids[0]}`)).json().case.state).toBe('city_review');
    await closeDueNotices(s.ctx.database, dayAfter(notice.notice.endsOn));
    const rest = ids.slice(1);
    const created = await finance.send('POST', '/api/batches', { title: '2025年第一批奖励资金', caseIds: ids });
    expect(created.statusCode).toBe(409); // the objected case is not in finance review
    expect(created.json().error.message.zh).toContain(`案件 ${ids[0]}`);
    const batch = await finance.send('POST', '/api/batches', { title: '2025年第一批奖励资金', caseIds: rest });
    expect(batch.statusCode).toBe(201);
    const b = batch.json() as { batch: { id: number; version: number; totalAmount: number } };
    expect((await city.send('POST', `/api/batches/${b.batch.id}/approve`, { version: 1 })).statusCode).toBe(403);
    const approved = await finance.send('POST', `/api/batches/${b.batch.id}/approve`, { version: 1 });
    expect(approved.json().batch.state).toBe('approved');
    const paid = await finance.send('POST', `/api/batches/${b.batch.id}/pay`, { version: 2 });
    expect(paid.statusCode).toBe(200);
    expect(paid.json().batch.state).toBe('paid');
    const twice = await finance.send('POST', `/api/batches/${b.batch.id}/pay`, { version: 3 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.id).toBe('conflict');

    const xlsx = await finance.get(`/api/batches/${b.batch.id}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(1 + rest.length + 1);
    expect(ws.getRow(ws.rowCount).getCell(8).value).toBe(b.batch.totalAmount);

    const docx = await finance.get(`/api/batches/${b.batch.id}/payment-notices.docx`);
    expect(docx.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('济南市工业和信息化局文件');
    expect(xml).toMatch(/<w:color w:val="FF0000"\/>/);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toMatch(/济工信拨〔\d{4}〕\d+号/);
    expect(xml).toContain('<w:sz w:val="44"/>');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/\d{4}年[1-9]\d?月[1-9]\d?日/);
    expect((xml.match(/<w:sectPr/g) ?? []).length).toBe(rest.length);
    // The beneficiary may download its own notice; a stranger may not.
    const [owner] = await q<{ enterprise_id: number | null }>(`select enterprise_id from cases where id = $1`, [rest[0]]);
    const [u] = await q<{ enterprise_id: number }>(`select enterprise_id from users where username = 'enterprise'`);
    if (Number(owner!.enterprise_id) !== Number(u!.enterprise_id))
      expect((await ent.get(`/api/cases/${rest[0]}/payment-notice.docx`)).statusCode).toBe(404);
    expect((await lixia.get(`/api/cases/${rest[0]}/payment-notice.docx`)).statusCode).toBe(200);
  });

  it('reports cases and amounts by status, district, clause and month, and the time in each step', async () => {
    const r = (await city.get('/api/cases/reports')).json() as {
      byStatus: { state: string; count: number }[];
      byDistrict: { unitCode: string; paidAmount: number }[];
      byClause: { clause: string }[];
      byMonth: { month: string; paid: number }[];
      stepDurations: { state: string; count: number }[];
    };
    expect(r.byStatus.find((x) => x.state === 'paid')?.count).toBe(2);
    expect(r.byDistrict.find((x) => x.unitCode === '370102')!.paidAmount).toBeGreaterThan(0);
    expect(r.byClause.length).toBeGreaterThan(0);
    expect(r.byMonth.find((m) => m.month === today.slice(0, 7))?.paid).toBe(2);
    expect(r.stepDurations.map((x) => x.state)).toContain('district_review');
    const own = (await lixia.get('/api/cases/reports')).json() as { byDistrict: { unitCode: string }[] };
    expect(own.byDistrict.map((x) => x.unitCode)).toEqual(['370102']);
    expect((await ent.get('/api/cases/reports')).statusCode).toBe(403);
  });

  it('exports the reports as a workbook with one sheet per view, for officers only', async () => {
    const res = await city.get('/api/cases/reports/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('case-reports.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '按状态 By status',
      '按区县 By district',
      '按条款 By clause',
      '按月份 By month',
      '环节用时 Time per step',
    ]);
    const paidRow = wb.worksheets[0]!.getSheetValues().find(
      (r) => Array.isArray(r) && String(r[1]).startsWith('已拨付'),
    ) as unknown[];
    expect(paidRow[2]).toBe(2);
    expect((await ent.get('/api/cases/reports/export.xlsx')).statusCode).toBe(403);
  });

  it('previews the period of a 公示 before it is published: N working days, the day itself not counted', async () => {
    // 2025-09-30 (Tuesday) before the National Day holiday: the next working days are 10-09, 10-10, 10-11 (调休 Saturday), 10-13, 10-14.
    const past = await city.get('/api/notices/period?publishedOn=2025-09-30');
    if (today > '2025-09-30') {
      expect(past.statusCode).toBe(400);
      expect(past.json().error.fields[0].field).toBe('publishedOn');
    }
    const res = await city.get(`/api/notices/period?publishedOn=${today}`);
    expect(res.statusCode).toBe(200);
    const p = res.json() as { workingDays: number; endsOn: string; rule: { zh: string } };
    expect(p.workingDays).toBe(5);
    expect(p.endsOn > today).toBe(true);
    expect(p.rule.zh).toContain(p.endsOn);
    expect((await lixia.get(`/api/notices/period?publishedOn=${today}`)).statusCode).toBe(403);
  });

  it('marks cases waiting longer than the overdue threshold, in the list and the queues', async () => {
    const [c] = await q<{ id: number }>(
      `select id from cases where state = 'district_review' and unit_code = '370102' order by id limit 1`,
    );
    await q(`update cases set state_since = now() - interval '40 days' where id = $1`, [c!.id]);
    const list = (await lixia.get('/api/cases?state=district_review&pageSize=200')).json() as {
      overdueAfterDays: number;
      items: { id: number; overdue: boolean; waitsFor: string; ageDays: number }[];
    };
    expect(list.overdueAfterDays).toBe(15);
    const row = list.items.find((i) => i.id === Number(c!.id))!;
    expect(row).toMatchObject({ overdue: true, waitsFor: 'district_officer', ageDays: 40 });
    expect(list.items.filter((i) => i.id !== Number(c!.id)).every((i) => !i.overdue)).toBe(true);
    const queues = (await lixia.get('/api/cases/queues')).json() as { queues: { state: string; overdueCount: number }[] };
    expect(queues.queues.find((x) => x.state === 'district_review')!.overdueCount).toBe(1);
  });

  it('tells the next person that a case waits for them, and queues an SMS or e-mail', async () => {
    const n = (await lixia.get('/api/notifications')).json() as { textZh: string; kind: string; id: number }[];
    expect(n.some((x) => x.kind === 'team' && x.textZh.includes('区县初审'))).toBe(true);
    expect((await lixia.send('POST', `/api/notifications/${n[0]!.id}/read`)).statusCode).toBe(200);
    expect((await ent.send('POST', `/api/notifications/${n[0]!.id}/read`)).statusCode).toBe(404);
    const [o] = await q<{ sms: number; email: number }>(
      `select count(*) filter (where channel = 'sms')::int as sms, count(*) filter (where channel = 'email')::int as email from outbox`,
    );
    expect(o!.sms).toBeGreaterThan(0);
    expect(o!.email).toBeGreaterThan(0);
    expect((await verifyAudit(s.ctx.database)).problem).toBeNull();
  });
});

/**
 * Two app instances, each with its own connection pool, against one PostgreSQL database: both
 * approve and pay the same cases at the same time, round after round. No case may be paid twice
 * and none may be lost.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('two instances approving and paying the same cases at once (PostgreSQL)', () => {
  const CASES = 50;
  const ROUNDS = 20;
  let drop: () => Promise<void>;
  let dbs: Database[] = [];
  let apps: FastifyInstance[] = [];
  let district: ApiClient[] = [];
  let fin: ApiClient[] = [];
  let enterpriseIds: number[] = [];

  beforeAll(async () => {
    const pg = await createPgDatabase();
    drop = pg.drop;
    dbs = [await openDatabase({ url: pg.url, poolSize: 6 }), await openDatabase({ url: pg.url, poolSize: 6 })];
    await migrate(dbs[0]!);
    await ensureUnits(dbs[0]!);
    const cipher = new PersonalDataCipher(TEST_KEY);
    await seedDatabase(dbs[0]!, { seed: 11, enterprises: 200, cipher });
    const config = loadConfig({ ...process.env, PORT: '0', SME_DATA_KEY: TEST_KEY, SME_SEED_ON_START: 'false' });
    apps = await Promise.all(
      dbs.map((database) =>
        buildApp({ config, database, cipher, auth: { sessionHours: 8, lockoutThreshold: 50, lockoutMinutes: 15 } }),
      ),
    );
    for (const a of apps) await a.ready();
    district = await Promise.all(apps.map((a) => signIn(a, 'lixia')));
    fin = await Promise.all(apps.map((a) => signIn(a, 'finance')));
    enterpriseIds = (
      await dbs[0]!.query<{ id: number }>(`select id from enterprises where unit_code = '370102' order by id limit ${CASES}`)
    ).map((r) => Number(r.id));
  }, 300_000);

  afterAll(async () => {
    for (const a of apps) await a.close();
    for (const d of dbs) await d.close();
    await drop?.();
  });

  const statuses = (rs: { statusCode: number }[]) => rs.map((r) => r.statusCode).sort();

  it(`pays each of ${CASES} cases × ${ROUNDS} rounds exactly once`, async () => {
    const db = dbs[0]!;
    for (let round = 1; round <= ROUNDS; round++) {
      // Owed entitlements for this round (in 历下区, so one district officer may approve them all).
      await db.query(
        `insert into entitlements (key, fiscal_year, clause, item, beneficiary_type, enterprise_id, amount, policy_version, trigger)
         select 'reliability:' || $1 || ':' || g, 2025, '2', 'specialized_sme_first', 'enterprise', ($2::bigint[])[1 + (g % array_length($2::bigint[], 1))], 300000, 'test', '{}'::jsonb
           from generate_series(1, ${CASES}) g`,
        [round, `{${enterpriseIds.join(',')}}`],
      );
      await syncCases(db, { id: null, name: 'test' });
      const ids = (await db.query<{ id: number }>(`select id from cases where state = 'opened' order by id`)).map((r) =>
        Number(r.id),
      );
      expect(ids).toHaveLength(CASES);
      for (const id of ids) {
        const r = await caseRow(db, id);
        await transitionCase(db, principal('enterprise_user', { enterpriseId: r.enterprise_id }), id, {
          action: 'confirm_account',
          version: r.version,
          account: ACCOUNT,
        });
      }
      // Both instances approve every case at once: one 200 and one 409 per case.
      const approvals = await Promise.all(
        ids.flatMap((id) =>
          district.map((c) =>
            c
              .send('POST', `/api/cases/${id}/transitions`, { action: 'district_approve', version: 2 })
              .then((res) => ({ id, res })),
          ),
        ),
      );
      for (const id of ids) expect(statuses(approvals.filter((a) => a.id === id).map((a) => a.res))).toEqual([200, 409]);
      expect(approvals.filter((a) => a.res.statusCode === 409).every((a) => a.res.json().error.id === 'stale_version')).toBe(
        true,
      );

      const n = await publishNotice(db, CITY, { title: `第${round}轮公示`, caseIds: ids }, today);
      await closeDueNotices(db, dayAfter(n.notice.endsOn));

      // Both build a batch of the same cases: one wins, the other is told the cases are taken.
      const built = await Promise.all(
        fin.map((c) => c.send('POST', '/api/batches', { title: `第${round}轮批次`, caseIds: ids })),
      );
      expect(statuses(built)).toEqual([201, 409]);
      const batchId = (built.find((b) => b.statusCode === 201)!.json() as { batch: { id: number } }).batch.id;
      // Both approve it, then both pay it, at the same moment.
      expect(
        statuses(await Promise.all(fin.map((c) => c.send('POST', `/api/batches/${batchId}/approve`, { version: 1 })))),
      ).toEqual([200, 409]);
      expect(statuses(await Promise.all(fin.map((c) => c.send('POST', `/api/batches/${batchId}/pay`, { version: 2 }))))).toEqual([
        200, 409,
      ]);
      // And a retry from both after it was paid pays nothing.
      expect(statuses(await Promise.all(fin.map((c) => c.send('POST', `/api/batches/${batchId}/pay`, { version: 3 }))))).toEqual([
        409, 409,
      ]);

      const [c] = await db.query<{
        payments: number;
        cases: number;
        entitlements: number;
        paid_ent: number;
        paid_cases: number;
        dup: number;
      }>(
        `select (select count(*)::int from payments) as payments,
                (select count(distinct case_id)::int from payments) as cases,
                (select count(distinct entitlement_id)::int from payments) as entitlements,
                (select count(*)::int from entitlements where paid_at is not null) as paid_ent,
                (select count(*)::int from cases where state = 'paid') as paid_cases,
                (select count(*)::int from (select entitlement_id from payments group by 1 having count(*) > 1) d) as dup`,
      );
      expect(c).toEqual({
        payments: CASES * round,
        cases: CASES * round,
        entitlements: CASES * round,
        paid_ent: CASES * round,
        paid_cases: CASES * round,
        dup: 0,
      });
    }
    const [sum] = await db.query<{ paid: number; owed: number }>(
      `select (select sum(amount)::bigint from payments) as paid, (select sum(amount)::bigint from entitlements) as owed`,
    );
    expect(Number(sum!.paid)).toBe(Number(sum!.owed));
    expect((await verifyAudit(db)).problem).toBeNull();
  }, 600_000);
});
