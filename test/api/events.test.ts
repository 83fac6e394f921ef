import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { signIn, type ApiClient } from '../helpers/client.ts';
import { ENGINES } from '../helpers/db.ts';
import { programmeTotals } from '../../src/modules/events/statistics.ts';
import { findCjkFonts } from '../../src/modules/events/certificate.ts';

interface EventBody {
  id: number;
  status: string;
  title: string;
  version: number;
  confirmed: number;
  waitlisted: number;
  seatsLeft: number;
}
interface EnrolmentBody {
  id: number;
  status: string;
  waitingPosition: number | null;
  priority: number;
  enterpriseId: number;
  participant: { name: string; phone: string; masked: boolean };
  checkedInAt: string | null;
  certificateNo: string | null;
}

const hour = 3600_000;
const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();
const PARTICIPANT = { name: '张晓明', phone: '13805311234', position: '总经理' };

describe.each(ENGINES)('events API on %s', (engine) => {
  let s: TestServer;
  let city: ApiClient;
  let lixia: ApiClient;
  let ent: ApiClient;
  let bank: ApiClient;
  /** Extra enterprise users (one per enterprise): `spec` hold 专精特新 in force, `plain` hold no title. */
  let spec: ApiClient[] = [];
  let plain: ApiClient[] = [];
  const q = <T>(text: string, params: unknown[] = []) => s.ctx.database.query<T>(text, params);

  async function enterpriseUsers(prefix: string, where: string, n: number): Promise<ApiClient[]> {
    const rows = await q<{ id: number }>(
      `select e.id from enterprises e where ${where} and not exists (select 1 from users u where u.enterprise_id = e.id) order by e.id limit ${n}`,
    );
    for (const r of rows)
      await q(
        `insert into users (username, display_name, role, enterprise_id, password_hash)
         select $1, $1, 'enterprise_user', $2, password_hash from users where username = 'enterprise'`,
        [`${prefix}${r.id}`, r.id],
      );
    return Promise.all(rows.map((r) => signIn(s.app, `${prefix}${r.id}`)));
  }

  async function newEvent(c: ApiClient, over: Record<string, unknown> = {}): Promise<EventBody> {
    const res = await c.send('POST', '/api/events', {
      kind: 'course',
      title: '专精特新企业战略管理研修班（测试）',
      programmeYear: 2026,
      startsAt: isoIn(48 * hour),
      endsAt: isoIn(56 * hour),
      place: '济南新动能中小企业创新交流中心',
      capacity: 3,
      hostName: '山东大学管理学院',
      targetRules: [{ kind: 'title', titles: ['specialized_sme', 'little_giant'], effect: 'priority', weight: 20 }],
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    const ev = res.json() as EventBody;
    const pub = await c.send('POST', `/api/events/${ev.id}/status`, { status: 'published', version: ev.version });
    expect(pub.statusCode, pub.body).toBe(200);
    return pub.json() as EventBody;
  }

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false, enterprises: 300 });
    [city, lixia, ent, bank] = await Promise.all([
      signIn(s.app, 'city'),
      signIn(s.app, 'lixia'),
      signIn(s.app, 'enterprise'),
      signIn(s.app, 'bank'),
    ]);
    const inForce = `exists (select 1 from titles t where t.enterprise_id = e.id and t.kind = 'specialized_sme' and t.revoked_on is null
                      and t.recognised_on <= current_date and (t.valid_until is null or t.valid_until >= current_date))`;
    spec = await enterpriseUsers('spec', inForce, 3);
    plain = await enterpriseUsers('plain', `not exists (select 1 from titles t where t.enterprise_id = e.id)`, 9);
    expect(spec.length).toBe(3);
    expect(plain.length).toBe(9);
  }, 300_000);
  afterAll(() => s.close());

  it('seeds two programme editions with held sessions, enrolments, check-ins and feedback, and totals them', async () => {
    const editions = (await city.get('/api/events/editions')).json() as { year: number; events: number }[];
    expect(editions.map((e) => e.year)).toEqual([2026, 2025]);
    const t = await programmeTotals(s.ctx.database, 2025);
    const [direct] = await q<{ attended: number; certs: number; courses: number }>(
      `select count(*) filter (where n.checked_in_at is not null)::int as attended, count(n.certificate_no)::int as certs,
              (select count(*) from events where programme_year = 2025 and kind = 'course' and status <> 'draft')::int as courses
         from event_enrolments n join events ev on ev.id = n.event_id where ev.programme_year = 2025 and ev.kind in ('course', 'visit', 'exchange_meeting')`,
    );
    expect(t.attended).toBe(direct!.attended);
    expect(t.certificates).toBe(direct!.certs);
    expect(t.sessions.course.held).toBe(direct!.courses);
    expect(t.attended).toBeGreaterThan(0);
    expect(t.enterprisesAttended).toBeLessThanOrEqual(t.attended);
    expect(t.averageRating).toBeGreaterThanOrEqual(1);
    const viaApi = (await city.get('/api/events/programmes/2025/totals')).json();
    expect(viaApi).toEqual(JSON.parse(JSON.stringify({ ...t })));
    expect((await ent.get('/api/events/programmes/2025/totals')).statusCode).toBe(404);
    // Drafts are shown to organisers only.
    const drafts = (await ent.get('/api/events?status=draft')).json() as { total: number };
    expect(drafts.total).toBe(0);
    expect(((await city.get('/api/events?status=draft')).json() as { total: number }).total).toBeGreaterThan(0);
  });

  it('refuses a bad event with every field named and changes nothing', async () => {
    const [before] = await q<{ n: number }>(`select count(*)::int as n from events`);
    const res = await city.send('POST', '/api/events', {
      kind: 'exchange_centre',
      title: ' ',
      programmeYear: 2026,
      startsAt: isoIn(5 * hour),
      endsAt: isoIn(4 * hour),
      place: '',
      capacity: 5,
      hostName: '交流中心',
      targetRules: [{ kind: 'title', titles: ['no_such_title'], effect: 'priority' }],
    });
    expect(res.statusCode).toBe(400);
    expect((res.json().error.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(
      ['endsAt', 'place', 'programmeYear', 'targetRules[0]', 'title'].sort(),
    );
    expect(
      (
        await ent.send('POST', '/api/events', {
          kind: 'course',
          title: 'x',
          startsAt: isoIn(hour),
          endsAt: isoIn(2 * hour),
          place: 'p',
          capacity: 1,
          hostName: 'h',
        })
      ).statusCode,
    ).toBe(403);
    const [after] = await q<{ n: number }>(`select count(*)::int as n from events`);
    expect(after!.n).toBe(before!.n);
  });

  it('never seats more than the capacity when many enterprises enrol at the same moment', async () => {
    const ev = await newEvent(city, { capacity: 3 });
    const all = [...plain.slice(0, 7), ...spec.slice(0, 2)];
    const res = await Promise.all(
      all.map((c) => c.send('POST', `/api/events/${ev.id}/enrolments`, { participant: PARTICIPANT })),
    );
    expect(res.map((r) => r.statusCode)).toEqual(all.map(() => 201));
    const statuses = res.map((r) => (r.json() as EnrolmentBody).status);
    expect(statuses.filter((x) => x === 'confirmed')).toHaveLength(3);
    expect(statuses.filter((x) => x === 'waitlisted')).toHaveLength(6);
    const [row] = await q<{ confirmed_count: number; n: number }>(
      `select confirmed_count, (select count(*)::int from event_enrolments where event_id = $1 and status = 'confirmed') as n from events where id = $1`,
      [ev.id],
    );
    expect(row).toEqual({ confirmed_count: 3, n: 3 });
    // A double click: the same enterprise twice at once — one enrolment, one conflict.
    const twice = await Promise.all(
      [0, 1].map(() => plain[8]!.send('POST', `/api/events/${ev.id}/enrolments`, { participant: PARTICIPANT })),
    );
    expect(twice.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('holds the capacity in the database even for a writer that skips the lock', async () => {
    const ev = await newEvent(city, { capacity: 2 });
    const ids = (await q<{ id: number }>(`select id from enterprises order by id desc limit 4`)).map((r) => Number(r.id));
    const insert = (eid: number) =>
      q(
        `insert into event_enrolments (event_id, enterprise_id, status, participant_name_enc, participant_phone_enc, participant_position, checkin_nonce, confirmed_at)
         values ($1, $2, 'confirmed', 'sm4:00:00', 'sm4:00:00', '经理', 'nonce-${eid}', now())`,
        [ev.id, eid],
      ).then(
        () => 'ok',
        (e: { code?: string; message: string }) => (e.code ?? '') + e.message,
      );
    const out = await Promise.all(ids.map(insert));
    expect(out.filter((o) => o === 'ok')).toHaveLength(2);
    expect(out.filter((o) => o !== 'ok').every((o) => /events_seats/.test(o))).toBe(true);
    const [row] = await q<{ confirmed_count: number }>(`select confirmed_count from events where id = $1`, [ev.id]);
    expect(row!.confirmed_count).toBe(2);
    // An event always starts with no seat taken (a restore reinserts events, then their enrolments).
    const [copy] = await q<{ confirmed_count: number }>(
      `insert into events (kind, title, starts_at, ends_at, enrolment_closes_at, place, capacity, host_name, confirmed_count)
       values ('course', '复制', now(), now() + interval '1 hour', now(), '济南', 5, '主办', 5) returning confirmed_count`,
    );
    expect(copy!.confirmed_count).toBe(0);
  });

  it('promotes the 专精特新 enterprise first when a seat frees, and tells it', async () => {
    const ev = await newEvent(city, { capacity: 1 });
    const first = (
      await plain[0]!.send('POST', `/api/events/${ev.id}/enrolments`, { participant: PARTICIPANT })
    ).json() as EnrolmentBody;
    const plainWait = (
      await plain[1]!.send('POST', `/api/events/${ev.id}/enrolments`, { participant: PARTICIPANT })
    ).json() as EnrolmentBody;
    const specWait = (
      await spec[2]!.send('POST', `/api/events/${ev.id}/enrolments`, { participant: PARTICIPANT })
    ).json() as EnrolmentBody;
    expect([first.status, plainWait.status, specWait.status]).toEqual(['confirmed', 'waitlisted', 'waitlisted']);
    expect(specWait.priority).toBe(20);
    expect(specWait.waitingPosition).toBe(1);
    expect((await plain[1]!.get(`/api/events/enrolments/${plainWait.id}`)).json().waitingPosition).toBe(2);
    // The enterprise's own list carries the same position and the event it waits for.
    const mine = (await plain[1]!.get('/api/events/my/enrolments')).json() as (EnrolmentBody & {
      event: { id: number; title: string };
    })[];
    const listed = mine.find((m) => m.id === plainWait.id)!;
    expect(listed.waitingPosition).toBe(2);
    expect(listed.event.id).toBe(ev.id);
    expect(listed.event.title).toBe(ev.title);
    const cancelled = await plain[0]!.send('POST', `/api/events/enrolments/${first.id}/cancel`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().promoted).toEqual([specWait.id]);
    expect((await spec[2]!.get(`/api/events/enrolments/${specWait.id}`)).json().status).toBe('confirmed');
    expect((await plain[1]!.get(`/api/events/enrolments/${plainWait.id}`)).json().waitingPosition).toBe(1);
    const [note] = await q<{ n: number }>(
      `select count(*)::int as n from notifications n join users u on u.id = n.user_id where u.enterprise_id = $1 and n.text_zh like '候补转正%'`,
      [specWait.enterpriseId],
    );
    expect(note!.n).toBe(1);
    // Cancelling twice changes nothing more.
    expect((await plain[0]!.send('POST', `/api/events/enrolments/${first.id}/cancel`)).json().promoted).toEqual([]);
    // More seats: the waiting list moves up at once.
    const cur = (await city.get(`/api/events/${ev.id}`)).json().event as EventBody & Record<string, unknown>;
    const upd = await city.send('PUT', `/api/events/${ev.id}`, {
      kind: 'course',
      title: '扩容后的研修班',
      programmeYear: 2026,
      startsAt: cur.startsAt,
      endsAt: cur.endsAt,
      place: cur.place,
      capacity: 2,
      hostName: cur.hostName,
      targetRules: cur.targetRules,
      version: cur.version,
    });
    expect(upd.statusCode, upd.body).toBe(200);
    expect((await plain[1]!.get(`/api/events/enrolments/${plainWait.id}`)).json().status).toBe('confirmed');
    const lower = await city.send('PUT', `/api/events/${ev.id}`, {
      ...(upd.json() as object),
      capacity: 1,
      version: (upd.json() as EventBody).version,
    });
    expect(lower.statusCode).toBe(400);
    expect(lower.json().error.fields[0].field).toBe('capacity');
  });

  it('stores participants encrypted, masks them in lists and shows them in full to organisers and the enterprise only', async () => {
    const ev = await newEvent(city, { capacity: 5 });
    const mine = (
      await ent.send('POST', `/api/events/${ev.id}/enrolments`, { participant: PARTICIPANT })
    ).json() as EnrolmentBody;
    expect(mine.participant).toEqual({ name: '张晓明', phone: '13805311234', position: '总经理', masked: false });
    const [raw] = await q<{ participant_name_enc: string; participant_phone_enc: string }>(
      `select participant_name_enc, participant_phone_enc from event_enrolments where id = $1`,
      [mine.id],
    );
    expect(raw!.participant_name_enc).toMatch(/^sm4:/);
    expect(raw!.participant_phone_enc).not.toContain('1234');
    const list = (await city.get(`/api/events/${ev.id}/enrolments`)).json() as EnrolmentBody[];
    expect(list[0]!.participant).toMatchObject({ name: '张*明', phone: '138****1234', masked: true });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await city.get(`/api/events/${ev.id}/enrolments.xlsx`)).rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('报名名单')!;
    expect(sheet.getRow(2).values).toEqual(expect.arrayContaining(['张*明', '138****1234']));
    expect((await ent.get(`/api/events/${ev.id}/enrolments.xlsx`)).statusCode).toBe(404);
    expect((await city.get(`/api/events/enrolments/${mine.id}`)).json().participant.name).toBe('张晓明');
    expect((await plain[2]!.get(`/api/events/enrolments/${mine.id}`)).statusCode).toBe(404);
    expect((await bank.get(`/api/events/enrolments/${mine.id}`)).statusCode).toBe(404);
    expect((await bank.get(`/api/events/${ev.id}/enrolments`)).statusCode).toBe(404);
    expect((await lixia.get(`/api/events/enrolments/${mine.id}`)).statusCode).toBe(404);
    const bad = await plain[2]!.send('POST', `/api/events/${ev.id}/enrolments`, {
      participant: { name: '', phone: '123', position: '经理' },
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.json().error.fields as { field: string }[]).map((f) => f.field)).toEqual([
      'participant.name',
      'participant.phone',
    ]);
    const audit = await q<{ after: unknown }>(`select after from audit_log where entity = 'event_enrolment' and entity_id = $1`, [
      String(mine.id),
    ]);
    expect(JSON.stringify(audit)).not.toContain('13805311234');
  });

  it('checks a participant in once by the signed QR token on the day, then issues the certificate and takes feedback', async () => {
    const ev = await newEvent(city, {
      capacity: 5,
      startsAt: isoIn(-1 * hour),
      endsAt: isoIn(2 * hour),
      enrolmentClosesAt: isoIn(hour),
    });
    const e = (await ent.send('POST', `/api/events/${ev.id}/enrolments`, { participant: PARTICIPANT })).json() as EnrolmentBody;
    // No certificate and no feedback before attendance.
    expect((await ent.get(`/api/events/enrolments/${e.id}/certificate.pdf`)).statusCode).toBe(400);
    expect((await ent.send('POST', `/api/events/enrolments/${e.id}/feedback`, { rating: 5 })).statusCode).toBe(400);
    const png = await ent.get(`/api/events/enrolments/${e.id}/qr`);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(0, 4).toString('hex')).toBe('89504e47');
    expect((await ent.get(`/api/events/enrolments/${e.id}/qr?format=svg`)).body).toContain('<svg');
    const { token, url } = (await ent.get(`/api/events/enrolments/${e.id}/checkin-link`)).json() as {
      token: string;
      url: string;
    };
    expect(url).toContain('/events/check-in?t=');
    // Only organisers check in; a forged token is refused.
    expect((await ent.send('POST', '/api/events/check-in', { token })).statusCode).toBe(404);
    expect((await lixia.send('POST', '/api/events/check-in', { token })).statusCode).toBe(404);
    const forged = await city.send('POST', '/api/events/check-in', { token: token.slice(0, -2) + 'xx' });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error.fields[0].field).toBe('token');
    const preview = (await city.get(`/api/events/check-in?token=${encodeURIComponent(token)}`)).json();
    expect(preview).toMatchObject({ alreadyCheckedIn: false, enrolment: { participant: { name: '张晓明' } } });
    const both = await Promise.all([0, 1].map(() => city.send('POST', '/api/events/check-in', { token })));
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(both.map((r) => r.json().alreadyCheckedIn).sort()).toEqual([false, true]);
    const [n] = await q<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'events.check_in' and entity_id = $1`,
      [String(e.id)],
    );
    expect(n!.n).toBe(1);

    const pdf = await ent.get(`/api/events/enrolments/${e.id}/certificate.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const no1 = (await ent.get(`/api/events/enrolments/${e.id}`)).json().certificateNo as string;
    await city.get(`/api/events/enrolments/${e.id}/certificate.pdf`);
    expect((await ent.get(`/api/events/enrolments/${e.id}`)).json().certificateNo).toBe(no1);
    expect(no1).toMatch(/^JNZX-2026-PX-\d{6}$/);
    expect((await plain[3]!.get(`/api/events/enrolments/${e.id}/certificate.pdf`)).statusCode).toBe(404);
    // Anyone signed in can check a certificate by its number; participant masked.
    expect((await bank.get(`/api/events/certificates/${no1}`)).json()).toMatchObject({ number: no1, participant: '张*明' });
    expect((await bank.get('/api/events/certificates/JNZX-2026-PX-999999')).statusCode).toBe(404);

    const badFb = await ent.send('POST', `/api/events/enrolments/${e.id}/feedback`, { rating: 6, intentions: 2 });
    expect((badFb.json().error.fields as { field: string }[]).map((f) => f.field)).toEqual(['rating', 'intentions']);
    expect(
      (await ent.send('POST', `/api/events/enrolments/${e.id}/feedback`, { rating: 4, comment: '很有收获' })).statusCode,
    ).toBe(200);
    expect(
      (await ent.send('POST', `/api/events/enrolments/${e.id}/feedback`, { rating: 5, comment: '很有收获' })).statusCode,
    ).toBe(200);
    const summary = (await city.get(`/api/events/${ev.id}/feedback`)).json();
    expect(summary).toMatchObject({ count: 1, average: 5, distribution: [0, 0, 0, 0, 1] });
    // An attended enrolment can no longer be cancelled.
    expect((await ent.send('POST', `/api/events/enrolments/${e.id}/cancel`)).statusCode).toBe(400);
  });

  it('refuses a QR check-in on another day, but takes a manual check-in after the start', async () => {
    const ev = await newEvent(city, { capacity: 5 });
    const e = (
      await plain[4]!.send('POST', `/api/events/${ev.id}/enrolments`, { participant: PARTICIPANT })
    ).json() as EnrolmentBody;
    const { token } = (await plain[4]!.get(`/api/events/enrolments/${e.id}/checkin-link`)).json() as { token: string };
    const early = await city.send('POST', '/api/events/check-in', { token });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0].field).toBe('token');
    expect((await city.send('POST', `/api/events/enrolments/${e.id}/check-in`)).statusCode).toBe(400);
    await q(
      `update events set starts_at = now() - interval '3 days', ends_at = now() - interval '3 days' + interval '8 hours', enrolment_closes_at = now() - interval '3 days' where id = $1`,
      [ev.id],
    );
    expect((await city.send('POST', '/api/events/check-in', { token })).statusCode).toBe(400);
    const manual = await city.send('POST', `/api/events/enrolments/${e.id}/check-in`);
    expect(manual.statusCode).toBe(200);
    expect(manual.json().enrolment.checkedInAt).not.toBeNull();
    // Enrolment has closed meanwhile.
    const late = await plain[5]!.send('POST', `/api/events/${ev.id}/enrolments`, { participant: PARTICIPANT });
    expect(late.statusCode).toBe(409);
  });

  it('records matchmaking outcomes and reports statistics by district, title and industry (scoped) with a workbook', async () => {
    const ev = await newEvent(city, {
      kind: 'matchmaking',
      programmeYear: null,
      capacity: 10,
      startsAt: isoIn(-hour),
      endsAt: isoIn(hour),
      enrolmentClosesAt: isoIn(hour),
    });
    const e = (
      await plain[6]!.send('POST', `/api/events/${ev.id}/enrolments`, { participant: PARTICIPANT })
    ).json() as EnrolmentBody;
    await city.send('POST', `/api/events/enrolments/${e.id}/check-in`);
    const fb = await plain[6]!.send('POST', `/api/events/enrolments/${e.id}/feedback`, {
      rating: 5,
      intentions: 2,
      contracts: 1,
      contractAmount: 1_200_000,
    });
    expect(fb.statusCode, fb.body).toBe(200);
    const year = new Date().getFullYear();
    const st = (await city.get(`/api/events/stats?year=${year}&kind=matchmaking`)).json();
    expect(st.totals.contracts).toBeGreaterThanOrEqual(1);
    expect(st.totals.contractAmount).toBeGreaterThanOrEqual(1_200_000);
    const all = (await city.get('/api/events/stats')).json();
    const sum = (xs: { attended: number }[]) => xs.reduce((a, x) => a + x.attended, 0);
    expect(sum(all.byUnit)).toBe(all.totals.attended);
    expect(sum(all.byIndustry)).toBe(all.totals.attended);
    expect(sum(all.byTitle)).toBeGreaterThanOrEqual(all.totals.attended);
    const mine = (await lixia.get('/api/events/stats')).json();
    expect(mine.byUnit.map((u: { key: string }) => u.key)).toEqual(mine.byUnit.length ? ['370102'] : []);
    expect((await ent.get('/api/events/stats')).statusCode).toBe(404);
    const x = await city.get('/api/events/stats.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按活动类型', '按区县', '按称号', '按行业']);
    expect(wb.getWorksheet('按区县')!.rowCount).toBe(all.byUnit.length + 1);
  });

  it('cancels an event for everyone and tells the enrolled enterprises', async () => {
    const ev = await newEvent(city, { capacity: 5 });
    await plain[7]!.send('POST', `/api/events/${ev.id}/enrolments`, { participant: PARTICIPANT });
    const cur = (await city.get(`/api/events/${ev.id}`)).json().event as EventBody;
    expect(
      (await lixia.send('POST', `/api/events/${ev.id}/status`, { status: 'cancelled', version: cur.version })).statusCode,
    ).toBe(404);
    expect(
      (await city.send('POST', `/api/events/${ev.id}/status`, { status: 'cancelled', version: cur.version })).statusCode,
    ).toBe(200);
    expect(
      (await city.send('POST', `/api/events/${ev.id}/status`, { status: 'published', version: cur.version + 1 })).statusCode,
    ).toBe(400);
    expect((await plain[8]!.send('POST', `/api/events/${ev.id}/enrolments`, { participant: PARTICIPANT })).statusCode).toBe(409);
  });
});

describe('certificate font', () => {
  it('fails clearly when the CJK font is missing', () => {
    expect(() => findCjkFonts([{ file: '/nonexistent/font.ttc', postscript: 'X' }], [])).toThrow(/fonts-noto-cjk/);
  });
});
