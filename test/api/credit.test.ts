import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import chineseDays from 'chinese-days';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { signIn, type ApiClient } from '../helpers/client.ts';
import { ENGINES } from '../helpers/db.ts';
import { createUser } from '../../src/modules/auth/service.ts';
import { creditStanding } from '../../src/modules/credit/standing.ts';
import { verifyAudit } from '../../src/modules/audit/service.ts';
import { todayShanghai } from '../../src/shared/dates.ts';
import { addMonths } from '../../policy/core/dates.ts';

const today = todayShanghai();

interface Detail {
  decision: {
    id: number;
    status: string;
    earliestRepairOn: string;
    severity: string;
    ruleSet: string;
    noticeNo: string;
    enterpriseId: number;
    deliveredDocuments: string | null;
  };
  assessment: { materials: string[]; steps: { id: string; zh: string }[] };
  applications: { id: number; dueOn: string; state: string; overdue: boolean }[];
  can: Record<string, boolean>;
}

describe.each(ENGINES)('credit repair API on %s', (engine) => {
  let s: TestServer;
  let agency: ApiClient;
  let otherAgency: ApiClient;
  let ent: ApiClient;
  let city: ApiClient;
  let demo: { id: number; uscc: string; name: string };
  const q = <T>(text: string, params: unknown[] = []) => s.ctx.database.query<T>(text, params);
  const decision = (over: Record<string, unknown> = {}) => ({
    partyName: demo.name,
    uscc: demo.uscc,
    decisionNo: `济市监处罚〔2026〕T${Math.floor(Math.random() * 1e9)}号`,
    decisionDate: addMonths(today, -5),
    procedure: 'ordinary',
    penalties: [{ type: 'fine', amountYuan: 30000 }],
    legalBasis: '《中华人民共和国广告法》第五十七条',
    ...over,
  });

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false, enterprises: 300 });
    const [row] = await q<{ id: number; uscc: string; name: string }>(
      `select e.id, e.uscc, e.name from users u join enterprises e on e.id = u.enterprise_id where u.username = 'enterprise'`,
    );
    demo = { ...row!, id: Number(row!.id) };
    const uid = await createUser(s.ctx.database, null, {
      username: 'agency2',
      displayName: '环境执法',
      role: 'penalty_agency',
      password: 'Jinan@2025!',
      organisation: '济南市生态环境局',
    });
    await q(
      `insert into penalty_agency_users (user_id, agency_id) select $1, id from penalty_agencies where name = '济南市生态环境局'`,
      [uid],
    );
    agency = await signIn(s.app, 'agency');
    otherAgency = await signIn(s.app, 'agency2');
    ent = await signIn(s.app, 'enterprise');
    city = await signIn(s.app, 'city');
  });
  afterAll(() => s.close());

  let id = 0;

  it('registers a decision and stores its class, periods and their explanation', async () => {
    const res = await agency.send('POST', '/api/credit/decisions', decision());
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json() as Detail;
    id = d.decision.id;
    expect(d.decision.severity).toBe('general');
    expect(d.decision.earliestRepairOn).toBe(addMonths(addMonths(today, -5), 3));
    expect(d.decision.enterpriseId).toBe(demo.id);
    expect(d.decision.noticeNo).toMatch(/^济市监信修告〔\d{4}〕\d+号$/);
    expect(d.assessment.steps.map((x) => x.id)).toContain('publicity_period');
    const [stored] = await q<{ rule_set: string; earliest_repair_on: string }>(
      `select rule_set, earliest_repair_on from penalty_decisions where id = $1`,
      [id],
    );
    expect(stored!.earliest_repair_on).toBe(d.decision.earliestRepairOn);
  });

  it('rejects bad input naming each field and the reason, and stores nothing', async () => {
    const [before] = await q<{ n: number }>(`select count(*)::int as n from penalty_decisions`);
    const res = await agency.send(
      'POST',
      '/api/credit/decisions',
      decision({ uscc: '91370000163047727X', penalties: [{ type: 'fine' }], legalBasis: '' }),
    );
    expect(res.statusCode).toBe(400);
    const fields = (res.json() as { error: { fields: { field: string; reason: { zh: string; en: string } }[] } }).error.fields;
    expect(fields.map((f) => f.field).sort()).toEqual(['legalBasis', 'penalties[0].amountYuan', 'uscc']);
    expect(fields[0]!.reason.zh.length).toBeGreaterThan(2);
    const [after] = await q<{ n: number }>(`select count(*)::int as n from penalty_decisions`);
    expect(after!.n).toBe(before!.n);
  });

  it('refuses a decision number the agency already used, and a date no rule set covers', async () => {
    const [d] = await q<{ decision_no: string }>(`select decision_no from penalty_decisions where id = $1`, [id]);
    const dup = await agency.send('POST', '/api/credit/decisions', decision({ decisionNo: d!.decision_no }));
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.fields[0].field).toBe('decisionNo');
    const old = await agency.send('POST', '/api/credit/decisions', decision({ decisionDate: '2023-04-30' }));
    expect(old.json().error.fields[0].field).toBe('decisionDate');
  });

  it('lets only penalty agencies register decisions', async () => {
    expect((await city.send('POST', '/api/credit/decisions', decision())).statusCode).toBe(403);
    expect((await ent.send('POST', '/api/credit/decisions', decision())).statusCode).toBe(403);
  });

  it('generates the notice as a Word document naming the periods', async () => {
    const res = await agency.get(`/api/credit/decisions/${id}/notice.docx`);
    expect(res.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('行政处罚信息信用修复告知书');
    const [y, m, dd] = addMonths(addMonths(today, -5), 3).split('-').map(Number);
    expect(text).toContain(`自${y}年${m}月${dd}日起`);
    expect(text).toContain(demo.name);
  });

  it('shows an agency only its own decisions, and an enterprise only its own', async () => {
    expect((await otherAgency.get(`/api/credit/decisions/${id}`)).statusCode).toBe(404);
    expect((await otherAgency.get(`/api/credit/decisions/${id}/notice.docx`)).statusCode).toBe(404);
    const mine = (await otherAgency.get('/api/credit/decisions?pageSize=200')).json() as { items: { agencyName: string }[] };
    expect(mine.items.every((i) => i.agencyName === '济南市生态环境局')).toBe(true);
    const own = (await ent.get('/api/credit/decisions?pageSize=200')).json() as {
      items: { enterpriseId: number }[];
      total: number;
    };
    expect(own.total).toBeGreaterThan(0);
    expect(own.items.every((i) => i.enterpriseId === demo.id)).toBe(true);
    const [foreign] = await q<{ id: number; enterprise_id: number }>(
      `select id, enterprise_id from penalty_decisions where enterprise_id <> $1 limit 1`,
      [demo.id],
    );
    expect((await ent.get(`/api/credit/decisions/${foreign!.id}`)).statusCode).toBe(404);
    expect((await ent.get(`/api/enterprises/${foreign!.enterprise_id}/credit-records`)).json().items).toEqual([]);
    expect(
      (
        await otherAgency.send('POST', `/api/credit/decisions/${id}/delivery`, {
          deliveredAt: new Date().toISOString(),
          method: 'direct',
          documents: 'both',
          recipient: '张三',
          receiptRef: 'R-1',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('records the delivery of both documents once', async () => {
    const body = {
      deliveredAt: new Date().toISOString(),
      method: 'post',
      documents: 'both',
      recipient: '法定代表人 李明',
      receiptRef: 'EMS1234567890',
    };
    const res = await agency.send('POST', `/api/credit/decisions/${id}/delivery`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Detail).decision.deliveredDocuments).toBe('both');
    expect((await agency.send('POST', `/api/credit/decisions/${id}/delivery`, body)).statusCode).toBe(409);
  });

  it('refuses a repair before the earliest date', async () => {
    const res = await agency.send('POST', '/api/credit/decisions', decision({ decisionDate: addMonths(today, -1) }));
    const fresh = (res.json() as Detail).decision;
    expect(fresh.status).toBe('in_minimum_period');
    const apply = await ent.send('POST', `/api/credit/decisions/${fresh.id}/repair-applications`, {
      materials: [],
      statement: '已履行',
      commitment: true,
    });
    expect(apply.statusCode).toBe(409);
    expect(apply.json().error.message.zh).toContain(fresh.earliestRepairOn);
  });

  it('takes a repair application with the listed materials and counts its limit in working days', async () => {
    const incomplete = await ent.send('POST', `/api/credit/decisions/${id}/repair-applications`, {
      materials: [{ material: 'fulfilment_proof', ref: 'receipt.pdf' }],
      statement: '已缴清罚款',
      commitment: false,
    });
    expect(incomplete.statusCode).toBe(400);
    expect(
      incomplete
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['commitment', 'materials.credit_commitment']);
    const detail = (await ent.get(`/api/credit/decisions/${id}`)).json() as Detail;
    const materials = detail.assessment.materials.map((m) => ({ material: m, ref: `${m}.pdf` }));
    const res = await ent.send('POST', `/api/credit/decisions/${id}/repair-applications`, {
      materials,
      statement: '已缴清罚款并完成整改',
      commitment: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json() as Detail;
    expect(d.decision.status).toBe('repair_pending');
    expect(d.applications[0]!.dueOn).toBe(chineseDays.findWorkday(10, today));
    expect(
      (
        await ent.send('POST', `/api/credit/decisions/${id}/repair-applications`, {
          materials,
          statement: '再次申请',
          commitment: true,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('has the issuing agency decide, and the record then stops counting against the enterprise', async () => {
    expect(
      (await creditStanding(s.ctx.database.db, [demo.id], today)).flatMap((x) => x.records.map((r) => r.decisionId)),
    ).toContain(id);
    const d = (await agency.get(`/api/credit/decisions/${id}`)).json() as Detail;
    const appId = d.applications[0]!.id;
    expect(
      (await ent.send('POST', `/api/credit/repair-applications/${appId}/decision`, { outcome: 'approved' })).statusCode,
    ).toBe(404);
    expect(
      (await agency.send('POST', `/api/credit/repair-applications/${appId}/decision`, { outcome: 'rejected' })).statusCode,
    ).toBe(400);
    const ok = await agency.send('POST', `/api/credit/repair-applications/${appId}/decision`, { outcome: 'approved' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as Detail).decision.status).toBe('repaired');
    expect(
      (await creditStanding(s.ctx.database.db, [demo.id], today)).flatMap((x) => x.records.map((r) => r.decisionId)),
    ).not.toContain(id);
    // …but on a date before the repair it still counted.
    expect(
      (await creditStanding(s.ctx.database.db, [demo.id], addMonths(today, -1))).flatMap((x) =>
        x.records.map((r) => r.decisionId),
      ),
    ).toContain(id);
  });

  it('filters by repair status and pages in the database otherwise', async () => {
    const repaired = (await agency.get('/api/credit/decisions?status=repaired&pageSize=200')).json() as {
      items: { status: string; id: number }[];
      total: number;
    };
    expect(repaired.items.map((i) => i.id)).toContain(id);
    expect(repaired.items.every((i) => i.status === 'repaired')).toBe(true);
    const all = (await agency.get('/api/credit/decisions?pageSize=200')).json() as { items: { id: number }[]; total: number };
    const page2 = (await agency.get('/api/credit/decisions?pageSize=2&page=2')).json() as {
      items: { id: number }[];
      total: number;
    };
    expect(page2.total).toBe(all.total);
    expect(page2.items.map((i) => i.id)).toEqual(all.items.slice(2, 4).map((i) => i.id));
  });

  it('reports serious records as the worst and leaves minor ones out', async () => {
    const serious = (
      await agency.send(
        'POST',
        '/api/credit/decisions',
        decision({ decisionDate: addMonths(today, -2), penalties: [{ type: 'licence_revocation' }] }),
      )
    ).json() as Detail;
    const minor = (
      await agency.send(
        'POST',
        '/api/credit/decisions',
        decision({ decisionDate: addMonths(today, -2), penalties: [{ type: 'warning' }] }),
      )
    ).json() as Detail;
    const standing = await creditStanding(s.ctx.database.db, [demo.id], today);
    expect(standing[0]!.worst).toBe('serious');
    const ids = standing[0]!.records.map((r) => r.decisionId);
    expect(ids).toContain(serious.decision.id);
    expect(ids).not.toContain(minor.decision.id);
    expect(standing[0]!.records.find((r) => r.decisionId === serious.decision.id)!.explanation.zh).toContain('严重失信信息');
  });

  it('counts the delivery in the compliance statistics, by agency and month, and exports them', async () => {
    const year = Number(addMonths(today, -5).slice(0, 4));
    const res = await city.get(`/api/credit/statistics?year=${year}`);
    expect(res.statusCode).toBe(200);
    const st = res.json() as {
      byAgency: { agencyName: string; deliveredWithNotice: number; noticeRequired: number }[];
      byAgencyMonth: { month: string; agencyName: string; deliveredWithNotice: number }[];
    };
    const [expected] = await q<{ n: number }>(
      `select count(*)::int as n from penalty_decisions d join penalty_deliveries v on v.decision_id = d.id join penalty_agencies a on a.id = d.agency_id
        where a.name = '济南市市场监督管理局' and d.notice_required and v.documents = 'both' and extract(year from d.decision_date) = $1`,
      [year],
    );
    expect(st.byAgency.find((a) => a.agencyName === '济南市市场监督管理局')!.deliveredWithNotice).toBe(expected!.n);
    const month = addMonths(today, -5).slice(0, 7);
    expect(
      st.byAgencyMonth.find((m) => m.month === month && m.agencyName === '济南市市场监督管理局')!.deliveredWithNotice,
    ).toBeGreaterThanOrEqual(1);
    const own = (await otherAgency.get(`/api/credit/statistics?year=${year}`)).json() as { byAgency: { agencyName: string }[] };
    expect(own.byAgency.every((a) => a.agencyName === '济南市生态环境局')).toBe(true);
    expect((await ent.get(`/api/credit/statistics?year=${year}`)).statusCode).toBe(404);
    const xlsx = await city.get(`/api/credit/statistics.xlsx?year=${year}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([`两书同达${year}`, '超期修复申请 Overdue']);
    expect(wb.worksheets[0]!.rowCount).toBe(st.byAgencyMonth.length + 1);
  });

  it('lets exactly one of two simultaneous registrations of the same number through', async () => {
    const body = decision({ decisionNo: '济市监处罚〔2026〕并发1号' });
    const results = await Promise.all([
      agency.send('POST', '/api/credit/decisions', body),
      agency.send('POST', '/api/credit/decisions', body),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    const [n] = await q<{ n: number }>(`select count(*)::int as n from penalty_decisions where decision_no = $1`, [
      '济市监处罚〔2026〕并发1号',
    ]);
    expect(n!.n).toBe(1);
  });

  it('takes one of two simultaneous repair applications for the same record', async () => {
    const d = (
      await agency.send('POST', '/api/credit/decisions', decision({ decisionDate: addMonths(today, -6) }))
    ).json() as Detail;
    const materials = d.assessment.materials.map((m) => ({ material: m, ref: `${m}.pdf` }));
    const body = { materials, statement: '已缴清罚款', commitment: true };
    const results = await Promise.all([
      ent.send('POST', `/api/credit/decisions/${d.decision.id}/repair-applications`, body),
      ent.send('POST', `/api/credit/decisions/${d.decision.id}/repair-applications`, body),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('keeps the audit chain whole', async () => {
    const [n] = await q<{ n: number }>(`select count(*)::int as n from audit_log where action like 'credit.%'`);
    expect(n!.n).toBeGreaterThanOrEqual(6);
    expect((await verifyAudit(s.ctx.database)).problem).toBeNull();
  });
});
