import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { signIn, type ApiClient } from '../helpers/client.ts';
import { ENGINES } from '../helpers/db.ts';
import { todayShanghai } from '../../src/shared/dates.ts';

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
interface Edition {
  id: number;
  year: number;
  tracks: { id: number }[];
  stages: { id: number; kind: string; publishedAt: string | null }[];
}
interface Entry {
  id: number;
  code: string;
  eligible: boolean;
  eligibility: { rules: { rule: string; passed: boolean; reason: { zh: string } }[] };
  reachedStage: string;
}
const SUMMARY = '面向济南重点产业链的工业质检视觉系统，已完成样机并在两家企业试点应用。';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function multipart(name: string, bytes: Buffer): { body: Buffer; headers: Record<string, string> } {
  const boundary = '----competition' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(ENGINES)('competition API on %s', (engine) => {
  let s: TestServer;
  let city: ApiClient;
  let ent: ApiClient;
  let judge: ApiClient;
  let judge2: ApiClient;
  let lixia: ApiClient;
  const today = todayShanghai();
  const q = <T>(text: string, params: unknown[] = []) => s.ctx.database.query<T>(text, params);

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false, enterprises: 300 });
    [city, ent, judge, judge2, lixia] = await Promise.all([
      signIn(s.app, 'city'),
      signIn(s.app, 'enterprise'),
      signIn(s.app, 'judge'),
      signIn(s.app, 'judge2'),
      signIn(s.app, 'lixia'),
    ]);
  });
  afterAll(() => s.close());

  it('seeds a completed 2025 edition with published results and recommendations, and a 2026 edition in progress', async () => {
    const eds = (await city.get('/api/competition/editions')).json() as Edition[];
    expect(eds.map((e) => e.year)).toEqual([2026, 2025]);
    const e2025 = eds.find((e) => e.year === 2025)!;
    expect(
      e2025.stages
        .filter((x) => x.publishedAt)
        .map((x) => x.kind)
        .sort(),
    ).toEqual(['final', 'preliminary', 'semi_final']);
    const e2026 = eds.find((e) => e.year === 2026)!;
    expect(e2026.stages.filter((x) => x.publishedAt).map((x) => x.kind)).toEqual(['preliminary']);
    const [rec] = await q<{ national: number; provincial: number }>(
      `select count(*) filter (where recommendation = 'national')::int as national, count(*) filter (where recommendation = 'provincial')::int as provincial
         from competition_results r join competition_stages s on s.id = r.stage_id where s.edition_id = $1 and s.kind = 'final'`,
      [e2025.id],
    );
    expect(rec!.national).toBeGreaterThan(0);
    const mine = (await judge.get('/api/competition/my-assignments')).json() as {
      year: number;
      myScore: unknown;
      open: boolean;
    }[];
    expect(mine.some((a) => a.year === 2026 && a.myScore === null)).toBe(true);
  });

  it('shows published results without sign-in, and nothing else', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/competition/public/results' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { stages: { year: number; kind: string; results: Record<string, unknown>[] }[] };
    expect(body.stages.some((x) => x.year === 2025 && x.kind === 'final')).toBe(true);
    expect(body.stages.some((x) => x.kind === 'semi_final' && x.year === 2026)).toBe(false);
    expect(Object.keys(body.stages[0]!.results[0]!)).not.toContain('leaderName');
    expect((await s.app.inject({ method: 'GET', url: '/api/competition/editions' })).statusCode).toBe(401);
  });

  it('exports the recommendation list with the official columns', async () => {
    const eds = (await city.get('/api/competition/editions')).json() as Edition[];
    const res = await city.get(`/api/competition/editions/${eds.find((e) => e.year === 2025)!.id}/recommendations.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      '序号',
      '项目编号',
      '项目名称',
      '参赛主体',
      '组别',
      '赛道',
      '所属区县',
      '得分',
      '排名',
      '推荐等次',
    ]);
    expect(ws.rowCount).toBeGreaterThan(1);
    expect(String(ws.getRow(2).getCell(10).value)).toBe('推荐全国赛');
    expect((await judge.get(`/api/competition/editions/${eds[0]!.id}/recommendations.xlsx`)).statusCode).toBe(404);
  });

  it('refuses registration after the deadline, and a duplicate edition year names the field', async () => {
    const body = {
      year: 2030,
      name: '已截止的届次',
      tracks: [{ code: 'ict', nameZh: '信息技术', nameEn: 'IT' }],
      stages: [{ kind: 'registration', opensOn: addDays(today, -30), closesOn: addDays(today, -1) }],
    };
    const created = await city.send('POST', '/api/competition/editions', body);
    expect(created.statusCode).toBe(201);
    const ed = created.json() as Edition;
    const res = await ent.send('POST', `/api/competition/editions/${ed.id}/entries`, {
      group: 'enterprise',
      trackId: ed.tracks[0]!.id,
      projectName: '截止后报名',
      summary: SUMMARY,
      leaderName: '张伟',
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain(addDays(today, -1));
    const dup = await city.send('POST', '/api/competition/editions', body);
    expect(dup.statusCode).toBe(400);
    expect((dup.json() as { error: { fields: { field: string }[] } }).error.fields[0]!.field).toBe('year');
    const badWeights = await city.send('POST', '/api/competition/editions', {
      ...body,
      year: 2032,
      stages: [
        ...body.stages,
        { kind: 'preliminary', opensOn: today, closesOn: today, rubric: [{ key: 'a', zh: '甲', en: 'A', weight: 90 }] },
      ],
    });
    expect(badWeights.statusCode).toBe(400);
    expect(badWeights.body).toContain('stages[1].rubric');
  });

  describe('a season: registration, assignment without conflicts, blind scoring, ranking, advancement', () => {
    let ed: Edition;
    const entries: Entry[] = [];
    const stage = (kind: string) => ed.stages.find((x) => x.kind === kind)!;

    it('opens an edition whose registration closes today and whose preliminary opens today', async () => {
      const res = await city.send('POST', '/api/competition/editions', {
        year: 2031,
        name: '测试届',
        tracks: [{ code: 'ict', nameZh: '信息技术', nameEn: 'IT' }],
        stages: [
          { kind: 'registration', opensOn: addDays(today, -5), closesOn: today },
          { kind: 'preliminary', opensOn: today, closesOn: addDays(today, 3), judgesPerEntry: 3, advanceCount: 2 },
          { kind: 'semi_final', opensOn: addDays(today, 10), closesOn: addDays(today, 12), judgesPerEntry: 3, advanceCount: 1 },
        ],
      });
      expect(res.statusCode).toBe(201);
      ed = res.json() as Edition;
    });

    it('registers the demo enterprise but finds it ineligible with its reason, once only', async () => {
      const body = {
        group: 'enterprise',
        trackId: ed.tracks[0]!.id,
        projectName: '老企业的新项目',
        summary: SUMMARY,
        leaderName: '王敏',
      };
      const [a, b] = await Promise.all([
        ent.send('POST', `/api/competition/editions/${ed.id}/entries`, body),
        ent.send('POST', `/api/competition/editions/${ed.id}/entries`, body),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
      const e = (a.statusCode === 201 ? a : b).json() as Entry;
      expect(e.eligible).toBe(false);
      expect(e.eligibility.rules.find((r) => r.rule === 'founded_within')!.reason.zh).toContain('已满5年');
      expect(e.reachedStage).toBe('registration');
      const bad = await ent.send('POST', `/api/competition/editions/${ed.id}/entries`, {
        ...body,
        projectName: '',
        summary: '短',
      });
      expect(bad.statusCode).toBe(400);
      expect((bad.json() as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field)).toEqual([
        'projectName',
        'summary',
      ]);
    });

    it('lets the organiser register maker teams; a team with a company is refused with the reason', async () => {
      const teams = [
        ['山大视觉团队', '山东大学', false],
        ['泉城芯团队', '济南大学', false],
        ['明湖团队', '齐鲁软件园创业孵化器', false],
        ['鹊华团队', '山东师范大学', false],
        ['已注册团队', '济南大学', true],
      ] as const;
      for (const [teamName, organisation, teamHasCompany] of teams) {
        const res = await city.send('POST', `/api/competition/editions/${ed.id}/entries`, {
          group: 'maker',
          trackId: ed.tracks[0]!.id,
          projectName: `智能检测项目${entries.length + 1}号`,
          summary: SUMMARY,
          leaderName: '李磊',
          teamName,
          organisation,
          unitCode: '370102',
          teamHasCompany,
        });
        expect(res.statusCode).toBe(201);
        entries.push(res.json() as Entry);
      }
      expect(entries.map((e) => e.eligible)).toEqual([true, true, true, true, false]);
      expect(entries.map((e) => e.code)).toEqual(['2031-M-001', '2031-M-002', '2031-M-003', '2031-M-004', '2031-M-005']);
      // The district officer sees the entries of 历下区 (the teams and the demo enterprise), the enterprise only its own entry.
      expect(((await lixia.get(`/api/competition/entries?editionId=${ed.id}`)).json() as Entry[]).length).toBe(6);
      expect(((await ent.get(`/api/competition/entries?editionId=${ed.id}`)).json() as Entry[]).length).toBe(1);
    });

    it('stores attachments recognised by content, once per file', async () => {
      const url = `/api/competition/entries/${entries[0]!.id}/attachments`;
      const ok = multipart('商业计划书.pdf', pdf);
      expect((await city.send('POST', url, ok.body, ok.headers)).statusCode).toBe(201);
      expect((await city.send('POST', url, ok.body, ok.headers)).statusCode).toBe(200);
      const fake = multipart('plan.pdf', Buffer.from('not a pdf'));
      const res = await city.send('POST', url, fake.body, fake.headers);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('"field":"file"');
      expect((await ent.send('POST', url, ok.body, ok.headers)).statusCode).toBe(404);
    });

    it('never assigns a conflicted judge and says why', async () => {
      const judges = (await city.get(`/api/competition/editions/${ed.id}/judges`)).json() as {
        id: number;
        organisation: string;
        name: string;
      }[];
      const sdu = judges.find((j) => j.organisation === '山东大学')!;
      const demo = judges.find((j) => j.name.startsWith('周教授'))!;
      const pool = judges.slice(0, 5).map((j) => j.id);
      if (!pool.includes(sdu.id)) pool.push(sdu.id);
      if (!pool.includes(demo.id)) pool.push(demo.id);
      expect(
        (await city.send('PUT', `/api/competition/stages/${stage('preliminary').id}/pool`, { judgeIds: pool })).statusCode,
      ).toBe(200);
      // The demo judge declares a tie to team 2 themself.
      expect(
        (await judge.send('POST', `/api/competition/editions/${ed.id}/ties`, { entryId: entries[1]!.id, note: '指导教师' }))
          .statusCode,
      ).toBe(201);
      const res = await city.send('POST', `/api/competition/stages/${stage('preliminary').id}/assign`);
      const plan = res.json() as {
        added: number;
        conflicts: { entryId: number; judgeId: number; reasons: { zh: string }[] }[];
        shortfalls: unknown[];
      };
      expect(plan.added).toBe(12);
      expect(plan.shortfalls).toEqual([]);
      expect(plan.conflicts.find((c) => c.entryId === entries[0]!.id && c.judgeId === sdu.id)!.reasons[0]!.zh).toContain(
        '山东大学',
      );
      expect(plan.conflicts.find((c) => c.entryId === entries[1]!.id && c.judgeId === demo.id)!.reasons[0]!.zh).toContain(
        '指导教师',
      );
      const pairs = await q<{ n: number }>(
        `select count(*)::int as n from competition_assignments where stage_id = $1 and ((entry_id = $2 and judge_id = $3) or (entry_id = $4 and judge_id = $5))`,
        [stage('preliminary').id, entries[0]!.id, sdu.id, entries[1]!.id, demo.id],
      );
      expect(pairs[0]!.n).toBe(0);
      const manual = await city.send('POST', `/api/competition/stages/${stage('preliminary').id}/assignments`, {
        entryId: entries[0]!.id,
        judgeId: sdu.id,
      });
      expect(manual.statusCode).toBe(400);
      expect(manual.body).toContain('利益冲突');
      expect((await judge.send('POST', `/api/competition/stages/${stage('preliminary').id}/assign`)).statusCode).toBe(404);
    });

    it('shows judges the project code and content only, and checks every score', async () => {
      const mine = ((await judge.get('/api/competition/my-assignments')).json() as Record<string, unknown>[]).filter(
        (a) => a.year === 2031,
      );
      expect(mine.length).toBeGreaterThan(0);
      const text = JSON.stringify(mine);
      for (const name of ['山大视觉团队', '泉城芯团队', '明湖团队', '鹊华团队', '山东大学', '济南大学'])
        expect(text).not.toContain(name);
      expect(Object.keys(mine[0]!)).not.toContain('entrantName');
      const target = mine[0]!;
      const url = `/api/competition/stages/${String(target.stageId)}/scores/${String(target.entryId)}`;
      const bad = await judge.send('PUT', url, { scores: { innovation: 120, market: 80 } });
      expect(bad.statusCode).toBe(400);
      expect((bad.json() as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field)).toContain(
        'scores.innovation',
      );
      const notMine = entries.find((e) => !mine.some((m) => m.entryId === e.id) && e.eligible)!;
      expect(
        (await judge.send('PUT', `/api/competition/stages/${stage('preliminary').id}/scores/${notMine.id}`, { scores: {} }))
          .statusCode,
      ).toBe(404);
    });

    it('cannot rank while projects lack judges, then ranks, explains, publishes once and advances the top 2', async () => {
      const pid = stage('preliminary').id;
      const early = (await city.send('POST', `/api/competition/stages/${pid}/rank`)).json() as {
        status: string;
        incomplete: { code: string }[];
      };
      expect(early.status).toBe('incomplete');
      expect(early.incomplete).toHaveLength(4);
      const assignments = await q<{ entry_id: number; username: string }>(
        `select a.entry_id, u.username from competition_assignments a join users u on u.id = a.judge_id where a.stage_id = $1 order by a.entry_id, u.id`,
        [pid],
      );
      const clients = new Map<string, ApiClient>([
        ['judge', judge],
        ['judge2', judge2],
      ]);
      const quality = new Map(entries.map((e, i) => [e.id, 90 - i * 5]));
      for (const a of assignments) {
        if (!clients.has(a.username)) clients.set(a.username, await signIn(s.app, a.username));
        const v = quality.get(Number(a.entry_id))!;
        const scores = { innovation: v, market: v, business_model: v, team: v, social_value: v };
        const url = `/api/competition/stages/${pid}/scores/${a.entry_id}`;
        // A double click stores one score.
        const [r1, r2] = await Promise.all([
          clients.get(a.username)!.send('PUT', url, { scores }),
          clients.get(a.username)!.send('PUT', url, { scores }),
        ]);
        expect([r1.statusCode, r2.statusCode]).toEqual([200, 200]);
      }
      const [cnt] = await q<{ n: number }>(`select count(*)::int as n from competition_scores where stage_id = $1`, [pid]);
      expect(cnt!.n).toBe(assignments.length);
      const ranked = (await city.send('POST', `/api/competition/stages/${pid}/rank`)).json() as {
        status: string;
        results: { code: string; rank: number; scoreCenti: number; advanced: boolean }[];
      };
      expect(ranked.status).toBe('ranked');
      expect(ranked.results.map((r) => [r.code, r.rank, r.scoreCenti, r.advanced])).toEqual([
        ['2031-M-001', 1, 9000, true],
        ['2031-M-002', 2, 8500, true],
        ['2031-M-003', 3, 8000, false],
        ['2031-M-004', 4, 7500, false],
      ]);
      expect((await s.app.inject({ method: 'GET', url: '/api/competition/public/results' })).body).not.toContain('2031-M-001');
      const [p1, p2] = await Promise.all([
        city.send('POST', `/api/competition/stages/${pid}/publish`),
        city.send('POST', `/api/competition/stages/${pid}/publish`),
      ]);
      expect([p1.statusCode, p2.statusCode].sort()).toEqual([200, 409]);
      const reached = await q<{ code: string; reached_stage: string }>(
        `select code, reached_stage from competition_entries where edition_id = $1 order by code`,
        [ed.id],
      );
      expect(reached.filter((r) => r.reached_stage === 'semi_final').map((r) => r.code)).toEqual(['2031-M-001', '2031-M-002']);
      expect((await s.app.inject({ method: 'GET', url: '/api/competition/public/results' })).body).toContain('2031-M-001');
      // No scoring after publication, nor before the semi-final opens.
      const a0 = assignments[0]!;
      const late = await clients.get(a0.username)!.send('PUT', `/api/competition/stages/${pid}/scores/${a0.entry_id}`, {
        scores: { innovation: 1, market: 1, business_model: 1, team: 1, social_value: 1 },
      });
      expect(late.statusCode).toBe(409);
      const sid = stage('semi_final').id;
      const allJudges = (await q<{ id: number }>(`select id from users where role = 'judge'`)).map((r) => Number(r.id));
      await city.send('PUT', `/api/competition/stages/${sid}/pool`, { judgeIds: allJudges });
      expect(((await city.send('POST', `/api/competition/stages/${sid}/assign`)).json() as { added: number }).added).toBe(6);
      const semi = (
        (await judge2.get('/api/competition/my-assignments')).json() as { stageId: number; entryId: number; open: boolean }[]
      ).find((a) => a.stageId === sid);
      if (semi) {
        expect(semi.open).toBe(false);
        const early2 = await judge2.send('PUT', `/api/competition/stages/${sid}/scores/${semi.entryId}`, {
          scores: { innovation: 80, market: 80, business_model: 80, team: 80, social_value: 80 },
        });
        expect(early2.statusCode).toBe(409);
        expect(early2.body).toContain(addDays(today, 10));
      }
      const [audits] = await q<{ n: number }>(`select count(*)::int as n from audit_log where action like 'competition.%'`);
      expect(audits!.n).toBeGreaterThan(20);
    });
  });
});
