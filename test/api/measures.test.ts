import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { signIn, type ApiClient } from '../helpers/client.ts';
import { ENGINES } from '../helpers/db.ts';
import { verifyAudit } from '../../src/modules/audit/service.ts';
import { todayShanghai } from '../../src/shared/dates.ts';
import { reportingPeriod } from '../../src/modules/measures/domain.ts';

const today = todayShanghai();
const PERIOD = reportingPeriod(today);
const YEAR = PERIOD.slice(0, 4);
const QUARTER_END = { 1: '03-31', 2: '06-30', 3: '09-30', 4: '12-31' }[Number(PERIOD.slice(5)) as 1 | 2 | 3 | 4];
const TO = `${YEAR}-${QUARTER_END}`;
const FROM = `${YEAR}-01-01`;

interface Figure {
  id: string;
  value: number | null;
  kind: string;
  source: { zh: string };
  asOf: string;
  onTrack: boolean | null;
  expected: number | null;
}
interface Row {
  number: number;
  status: string;
  leadZh: string;
  indicators: Figure[];
  reports: { unitZh: string; status: string | null; overdue: boolean }[];
}
interface Overview {
  period: string;
  measures: Row[];
  counts: Record<string, number>;
}

/** In force on a day: recognised by then, not expired, not revoked (computed here in JS, not SQL). */
const inForce = (t: { recognised_on: string; valid_until: string | null; revoked_on: string | null }, day: string) =>
  t.recognised_on <= day && (t.valid_until === null || t.valid_until >= day) && (t.revoked_on === null || t.revoked_on > day);

describe.each(ENGINES)('measures (督办) API on %s', (engine) => {
  let s: TestServer;
  let science: ApiClient;
  let finance: ApiClient;
  let office: ApiClient;
  let city: ApiClient;
  let bank: ApiClient;
  const q = <T>(text: string, params: unknown[] = []) => s.ctx.database.query<T>(text, params);
  const unitId = async (name: string) =>
    Number((await q<{ id: number }>(`select id from responsible_units where name_zh = $1`, [name]))[0]!.id);
  const overview = async (c: ApiClient = office) => {
    const res = await c.get(`/api/measures/overview?period=${PERIOD}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Overview;
  };
  const figure = (o: Overview, id: string) => o.measures.flatMap((m) => m.indicators).find((i) => i.id === id)!;

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false, enterprises: 300 });
    science = await signIn(s.app, 'science');
    finance = await signIn(s.app, 'finance');
    office = await signIn(s.app, 'office');
    city = await signIn(s.app, 'city');
    bank = await signIn(s.app, 'bank');
  });
  afterAll(() => s.close());

  it('tells each user which units they report for, and who is the general office', async () => {
    const me = (await science.get('/api/measures/me')).json() as {
      units: { nameZh: string }[];
      isOffice: boolean;
      reportingPeriod: string;
    };
    expect(me.units.map((u) => u.nameZh)).toEqual(['市科技局']);
    expect(me.isOffice).toBe(false);
    expect(me.reportingPeriod).toBe(PERIOD);
    expect(((await office.get('/api/measures/me')).json() as { isOffice: boolean }).isOffice).toBe(true);
    expect((await bank.get('/api/measures/me')).statusCode).toBe(404);
  });

  it('shows the thirteen measures with the first named unit leading; the open measures have no report yet', async () => {
    const o = await overview();
    expect(o.measures.map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(o.measures[2]!.leadZh).toBe('国家金融监督管理总局莱芜监管分局');
    expect(o.measures[12]!.status).toBe('no_report');
    expect(o.measures[12]!.reports.every((r) => r.status === null && r.overdue)).toBe(true);
    expect(o.counts.on_track! + o.counts.behind! + o.counts.no_report!).toBe(13);
    for (const f of o.measures.flatMap((m) => m.indicators)) {
      expect(f.source.zh.length).toBeGreaterThan(5);
      expect(Number.isNaN(Date.parse(f.asOf))).toBe(false);
    }
  });

  it('computes titles, clusters, carriers, loans and notices equal to independent counts', async () => {
    // A cluster recognised this year, so the cluster count is not trivially zero.
    await q(
      `insert into carriers (kind, name, level, unit_code, recognised_on) values ('cluster', '测试特色产业集群', 'provincial', '370102', $1)`,
      [`${YEAR}-02-15`],
    );
    const o = await overview();
    const titles = await q<{
      kind: string;
      recognised_on: string;
      valid_until: string | null;
      revoked_on: string | null;
      recognition: string;
      enterprise_id: number;
    }>(`select kind, recognised_on::text, valid_until::text, revoked_on::text, recognition, enterprise_id from titles`);
    expect(figure(o, 'm1.titles_in_force').value).toBe(titles.filter((t) => inForce(t, TO)).length);
    expect(figure(o, 'm1.titles_in_force').value).toBeGreaterThan(0);
    expect(figure(o, 'm1.new_titles').value).toBe(
      titles.filter((t) => t.recognition === 'first' && t.recognised_on >= FROM && t.recognised_on <= TO).length,
    );
    const carriers = await q<{ kind: string; recognised_on: string; valid_until: string | null }>(
      `select kind, recognised_on::text, valid_until::text from carriers`,
    );
    const clusters = carriers.filter((c) => c.kind === 'cluster' && c.recognised_on >= FROM && c.recognised_on <= TO).length;
    expect(clusters).toBeGreaterThan(0);
    expect(figure(o, 'm6.new_clusters').value).toBe(clusters);
    // One cluster a year, pro-rated down to whole units: on track from the quarter its share reaches one.
    expect(figure(o, 'm6.new_clusters').onTrack).toBe(true);
    expect(figure(o, 'm5.carriers_in_force').value).toBe(
      carriers.filter((c) => ['demo_base', 'service_platform'].includes(c.kind) && inForce({ ...c, revoked_on: null }, TO))
        .length,
    );
    const loans = await q<{ enterprise_id: number; granted_on: string; amount: number; loan_type: string }>(
      `select enterprise_id, granted_on::text, amount, loan_type from financing_loans`,
    );
    const inYear = loans.filter((l) => l.granted_on >= FROM && l.granted_on <= TO);
    const quality = inYear.filter((l) =>
      titles.some((t) => Number(t.enterprise_id) === Number(l.enterprise_id) && inForce(t, l.granted_on)),
    );
    expect(quality.length).toBeGreaterThan(0);
    expect(figure(o, 'm3.loans_to_quality_smes').value).toBe(quality.length);
    expect(figure(o, 'm3.loan_amount_to_quality_smes').value).toBe(quality.reduce((a, l) => a + Number(l.amount), 0));
    expect(figure(o, 'm3.ip_pledge_loans').value).toBe(inYear.filter((l) => l.loan_type === 'ip_pledge').length);
    const decisions = await q<{ notice_required: boolean; decision_date: string; documents: string | null }>(
      `select d.notice_required, d.decision_date::text, v.documents::text from penalty_decisions d left join penalty_deliveries v on v.decision_id = d.id`,
    );
    const required = decisions.filter((d) => d.notice_required && d.decision_date >= FROM && d.decision_date <= TO);
    const both = required.filter((d) => d.documents === 'both').length;
    expect(figure(o, 'm9.decisions_delivered').value).toBe(required.filter((d) => d.documents !== null).length);
    expect(figure(o, 'm9.both_documents_share').value).toBe(
      required.length === 0 ? 100 : Math.round((both / required.length) * 1000) / 10,
    );
    const paid = await q<{ clause: string; amount: number; day: string }>(
      `select k.clause, p.amount, to_char(p.paid_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day from payments p join cases k on k.id = p.case_id`,
    );
    const paidIn = (clause: string) => paid.filter((p) => p.clause === clause && p.day >= FROM && p.day <= TO);
    expect(figure(o, 'm2.rewards_paid').value).toBe(paidIn('2').reduce((a, p) => a + Number(p.amount), 0));
    expect(figure(o, 'm2.rewards_paid_cases').value).toBe(paidIn('2').length);
    expect(figure(o, 'm4.park_support_paid').value).toBe(paidIn('4').reduce((a, p) => a + Number(p.amount), 0));
  });

  it('computes IP pledge financing, matchmaking events, attendances, 揭榜 contracts and recommendations equal to independent counts', async () => {
    const o = await overview();
    /** A timestamp's calendar day in Asia/Shanghai (UTC+8, no daylight saving), computed here in JS. */
    const shanghaiDay = (t: string | Date) => new Date(new Date(t).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const inYear = (day: string) => day >= FROM && day <= TO;
    const loans = await q<{ granted_on: string; amount: number; loan_type: string }>(
      `select granted_on::text, amount, loan_type from financing_loans`,
    );
    expect(figure(o, 'm10.ip_pledge_financing').value).toBe(
      loans.filter((l) => l.loan_type === 'ip_pledge' && inYear(l.granted_on)).reduce((a, l) => a + Number(l.amount), 0),
    );
    const events = await q<{ id: number; kind: string; status: string; starts_at: Date }>(
      `select id, kind, status, starts_at from events`,
    );
    const matchmaking = events.filter(
      (e) => e.kind === 'matchmaking' && ['published', 'closed'].includes(e.status) && inYear(shanghaiDay(e.starts_at)),
    );
    expect(figure(o, 'm11.matchmaking_events').value).toBe(matchmaking.length);
    const programme = new Set(
      events
        .filter((e) => ['course', 'visit', 'exchange_meeting'].includes(e.kind) && inYear(shanghaiDay(e.starts_at)))
        .map((e) => Number(e.id)),
    );
    const enrolments = await q<{ event_id: number; checked_in_at: Date | null }>(
      `select event_id, checked_in_at from event_enrolments`,
    );
    const attended = enrolments.filter((r) => r.checked_in_at !== null && programme.has(Number(r.event_id))).length;
    expect(attended).toBeGreaterThan(0);
    expect(figure(o, 'm11.programme_attendances').value).toBe(attended);
    const applications = await q<{ contract_signed_on: string | null; status: string }>(
      `select contract_signed_on::text, status::text from tech_applications`,
    );
    const contracts = applications.filter((a) => a.contract_signed_on !== null && inYear(a.contract_signed_on));
    expect(contracts.every((a) => ['contracted', 'completed'].includes(a.status))).toBe(true);
    expect(figure(o, 'm12.jiebang_contracts').value).toBe(contracts.length);
    const results = await q<{ entry_id: number; recommendation: string | null; published_at: Date | null }>(
      `select r.entry_id, r.recommendation, s.published_at from competition_results r join competition_stages s on s.id = r.stage_id`,
    );
    const recommended = new Set(
      results
        .filter((r) => r.recommendation !== null && r.published_at !== null && inYear(shanghaiDay(r.published_at)))
        .map((r) => Number(r.entry_id)),
    );
    expect(figure(o, 'm13.projects_recommended').value).toBe(recommended.size);
    for (const id of ['m10.ip_pledge_financing', 'm11.matchmaking_events', 'm12.jiebang_contracts', 'm13.projects_recommended'])
      expect(figure(o, id).kind).toBe('computed');
  });

  let reportId = 0;
  let version = 0;

  it('runs a reporting cycle: draft, submit, return with a reason, resubmit, accept', async () => {
    const sci = await unitId('市科技局');
    const draft = await science.send('POST', '/api/measures/reports', {
      measure: 13,
      unitId: sci,
      period: PERIOD,
      summary: '组织路演两场',
      values: [{ indicatorId: 'm13.roadshows_held', value: 2, note: '' }],
    });
    expect(draft.statusCode, draft.body).toBe(200);
    reportId = (draft.json() as { id: number; status: string }).id;
    expect(draft.json().status).toBe('draft');
    version = draft.json().version;

    const incomplete = await science.send('POST', '/api/measures/reports', {
      measure: 13,
      unitId: sci,
      period: PERIOD,
      summary: '短',
      version,
      submit: true,
    });
    expect(incomplete.statusCode).toBe(400);
    expect((incomplete.json().error.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(['progress', 'summary']);

    const body = {
      measure: 13,
      unitId: sci,
      period: PERIOD,
      summary: '本季度组织重点产业链项目路演两场，推荐三个项目参加省赛。',
      progress: 'on_track',
      values: [
        // projects recommended are computed from the competition's results, so only roadshows are entered
        { indicatorId: 'm13.roadshows_held', value: 2, note: '齐鲁科创路演' },
      ],
      version,
      submit: true,
    };
    const submitted = await science.send('POST', '/api/measures/reports', body);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('submitted');
    // A second click on "submit" changes nothing.
    const again = await science.send('POST', '/api/measures/reports', { ...body, version: submitted.json().version });
    expect(again.statusCode).toBe(409);

    expect((await science.send('POST', `/api/measures/reports/${reportId}/decision`, { action: 'accept' })).statusCode).toBe(403);
    const noReason = await office.send('POST', `/api/measures/reports/${reportId}/decision`, { action: 'return', reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].field).toBe('reason');
    const returned = await office.send('POST', `/api/measures/reports/${reportId}/decision`, {
      action: 'return',
      reason: '请补充路演项目清单',
      version: submitted.json().version,
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '请补充路演项目清单' });
    const [note] = await q<{ text_zh: string }>(
      `select n.text_zh from notifications n join users u on u.id = n.user_id where u.username = 'science' order by n.id desc limit 1`,
    );
    expect(note!.text_zh).toContain('请补充路演项目清单');

    const stale = await science.send('POST', '/api/measures/reports', { ...body, version: submitted.json().version });
    expect(stale.statusCode).toBe(409);
    const resubmitted = await science.send('POST', '/api/measures/reports', { ...body, version: returned.json().version });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    const accepted = await office.send('POST', `/api/measures/reports/${reportId}/decision`, { action: 'accept' });
    expect(accepted.json().status).toBe('accepted');

    const detail = (await city.get(`/api/measures/reports/${reportId}`)).json() as { events: { action: string }[] };
    expect(detail.events.map((e) => e.action)).toEqual(['save', 'submit', 'return', 'submit', 'accept']);

    const o = await overview();
    const m13 = o.measures.find((m) => m.number === 13)!;
    expect(m13.status).toBe('on_track');
    // Entered figures: the year's accepted reports summed (here in JS from the stored reports).
    const stored = await q<{ period: string; status: string; values: { indicatorId: string; value: number }[] }>(
      `select period, status, values from measure_reports where measure = 13`,
    );
    const sum = stored
      .filter((r) => r.status === 'accepted' && r.period >= `${YEAR}Q1` && r.period <= PERIOD)
      .flatMap((r) => r.values)
      .filter((v) => v.indicatorId === 'm13.roadshows_held')
      .reduce((a, v) => a + v.value, 0);
    expect(sum).toBeGreaterThanOrEqual(2);
    expect(figure(o, 'm13.roadshows_held')).toMatchObject({ value: sum, kind: 'entered' });
  });

  it('keeps units to their own reports and measures, and refuses bad input, changing nothing', async () => {
    const [before] = await q<{ n: number }>(`select count(*)::int as n from measure_reports`);
    const fin = await unitId('市财政局');
    const sci = await unitId('市科技局');
    // 市财政局 is not named by measure 12; 市科技局 is, but the finance user is not its member.
    const wrongMeasure = await finance.send('POST', '/api/measures/reports', {
      measure: 12,
      unitId: fin,
      period: PERIOD,
      summary: 'x',
    });
    expect(wrongMeasure.statusCode).toBe(400);
    expect(wrongMeasure.json().error.fields[0].field).toBe('unitId');
    expect(
      (await finance.send('POST', '/api/measures/reports', { measure: 12, unitId: sci, period: PERIOD, summary: 'x' }))
        .statusCode,
    ).toBe(403);
    const bad = await finance.send('POST', '/api/measures/reports', {
      measure: 13,
      unitId: fin,
      period: '2031Q1',
      summary: 'x',
      values: [
        { indicatorId: 'm1.titles_in_force', value: 1, note: '' },
        { indicatorId: 'm13.roadshows_held', value: -1, note: '' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    const period = await finance.send('POST', '/api/measures/reports', { measure: 13, unitId: fin, period: 'Q3', summary: 'x' });
    expect(period.json().error.fields[0].field).toBe('period');
    const values = await finance.send('POST', '/api/measures/reports', {
      measure: 13,
      unitId: fin,
      period: PERIOD,
      summary: 'x',
      values: [
        { indicatorId: 'm1.titles_in_force', value: 1, note: '' },
        { indicatorId: 'm13.roadshows_held', value: -1, note: '' },
      ],
    });
    expect((values.json().error.fields as { field: string }[]).map((f) => f.field)).toEqual([
      'values[0].indicatorId',
      'values[1].value',
    ]);
    const [after] = await q<{ n: number }>(`select count(*)::int as n from measure_reports`);
    expect(after!.n).toBe(before!.n);
  });

  it('creates one report when the same unit saves twice at once', async () => {
    const fin = await unitId('市财政局');
    const body = { measure: 13, unitId: fin, period: PERIOD, summary: '同时保存', values: [] };
    const results = await Promise.all([
      finance.send('POST', '/api/measures/reports', body),
      finance.send('POST', '/api/measures/reports', body),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200]);
    const rows = await q<{ n: number }>(
      `select count(*)::int as n from measure_reports where measure = 13 and unit_id = $1 and period = $2`,
      [fin, PERIOD],
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('stores attachments checked by content, and downloads them', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('rest of a tiny png')]);
    const [fin] = await q<{ id: number }>(
      `select r.id from measure_reports r join responsible_units u on u.id = r.unit_id where u.name_zh = '市财政局' and r.measure = 13 and r.period = $1`,
      [PERIOD],
    );
    const url = `/api/measures/reports/${fin!.id}/attachments`;
    const fake = await finance.send('POST', url, {
      fileName: '清单.pdf',
      contentBase64: Buffer.from('not a pdf').toString('base64'),
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.fields[0].field).toBe('file');
    const ok = await finance.send('POST', url, { fileName: '路演现场.png', contentBase64: png.toString('base64') });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(
      (await finance.send('POST', url, { fileName: '路演现场.png', contentBase64: png.toString('base64') })).statusCode,
    ).toBe(200);
    expect((await science.send('POST', url, { fileName: 'x.png', contentBase64: png.toString('base64') })).statusCode).toBe(403);
    const down = await office.get(`${url}/${ok.json().id}`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(png)).toBe(true);
    // An accepted report takes no more attachments.
    expect(
      (
        await science.send('POST', `/api/measures/reports/${reportId}/attachments`, {
          fileName: 'y.png',
          contentBase64: png.toString('base64'),
        })
      ).statusCode,
    ).toBe(409);
  });

  it('reminds overdue units once per measure, unit and quarter', async () => {
    expect((await science.send('POST', '/api/measures/reminders')).statusCode).toBe(403);
    const first = await office.send('POST', '/api/measures/reminders');
    expect(first.statusCode).toBe(200);
    const r1 = first.json() as { reminded: number; notified: number };
    expect(r1.reminded).toBeGreaterThan(0);
    // 市科技局 has not reported on measure 12 for the quarter: it is reminded.
    const notes = await q<{ text_zh: string }>(
      `select n.text_zh from notifications n join users u on u.id = n.user_id where u.username = 'science' and n.text_zh like '%逾期%'`,
    );
    expect(notes.some((n) => n.text_zh.includes('措施12'))).toBe(true);
    const second = (await office.send('POST', '/api/measures/reminders')).json() as { reminded: number };
    expect(second.reminded).toBe(0);
  });

  it('lists the quarter’s reports per unit, and exports the leadership view', async () => {
    const mine = (await science.get(`/api/measures/reports?period=${PERIOD}&mine=true`)).json() as {
      rows: { measure: number; unitZh: string }[];
    };
    expect(new Set(mine.rows.map((r) => r.unitZh))).toEqual(new Set(['市科技局']));
    expect(mine.rows.map((r) => r.measure)).toEqual([11, 12, 13]);
    const x = await city.get(`/api/measures/overview.xlsx?period=${PERIOD}`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['措施推进情况', '指标']);
    expect(wb.worksheets[0]!.rowCount).toBe(14);
    const w = await city.get(`/api/measures/overview.docx?period=${PERIOD}`);
    expect(w.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(w.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain(`${PERIOD}推进情况的报告`);
    expect(text).toContain('十三、激发中小企业创新创业活力（牵头单位：市工业和信息化局');
    const detail = await city.get(`/api/measures/13?period=${PERIOD}`);
    expect(detail.json().history.length).toBeGreaterThan(0);
    expect(detail.json().text.responsibleUnitsZh[0]).toBe('市工业和信息化局');
  });

  it('audits every change in an intact chain', async () => {
    const [n] = await q<{ n: number }>(`select count(*)::int as n from audit_log where action like 'measures.%'`);
    expect(n!.n).toBeGreaterThanOrEqual(8);
    expect((await verifyAudit(s.ctx.database)).problem).toBeNull();
  });
});
