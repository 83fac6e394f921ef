/** The whole season in one place: editing editions and stages, declared ties, investments and the follow-up summary. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { signIn, type ApiClient } from '../helpers/client.ts';
import { ENGINES } from '../helpers/db.ts';
import { todayShanghai } from '../../src/shared/dates.ts';

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
interface Stage {
  id: number;
  kind: string;
  version: number;
  opensOn: string;
  closesOn: string;
  advanceCount: number | null;
  advanceSharePercent: number | null;
  rankedAt: string | null;
  lockedBecause?: { zh: string; en: string } | null;
}
interface Edition {
  id: number;
  year: number;
  name: string;
  version: number;
  groups: string[];
  tracks: { id: number; code: string; nameZh: string; entries: number }[];
  stages: Stage[];
}
interface Investment {
  id: number;
  status: string;
  version: number;
  amountYuan: number;
  history: { fromStatus: string | null; toStatus: string; statusOn: string }[];
}
const SUMMARY = '面向济南重点产业链的工业质检视觉系统，已完成样机并在两家企业试点应用。';
const fieldsOf = (body: string) =>
  (JSON.parse(body) as { error: { fields?: { field: string }[] } }).error.fields?.map((f) => f.field);

describe.each(ENGINES)('competition season API on %s', (engine) => {
  let s: TestServer;
  let city: ApiClient;
  let judge: ApiClient;
  let judge2: ApiClient;
  let ent: ApiClient;
  const today = todayShanghai();
  const q = <T>(text: string, params: unknown[] = []) => s.ctx.database.query<T>(text, params);
  const editions = async () => (await city.get('/api/competition/editions')).json() as Edition[];

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false, enterprises: 300 });
    [city, judge, judge2, ent] = await Promise.all([
      signIn(s.app, 'city'),
      signIn(s.app, 'judge'),
      signIn(s.app, 'judge2'),
      signIn(s.app, 'enterprise'),
    ]);
  });
  afterAll(() => s.close());

  describe('editing an edition', () => {
    it('renames, adds and renames tracks, bumping the version; a stale version is refused with both versions named', async () => {
      const e2026 = (await editions()).find((e) => e.year === 2026)!;
      const res = await city.send('PATCH', `/api/competition/editions/${e2026.id}`, {
        version: e2026.version,
        name: '2026年“创客济南”大赛（修订）',
        tracks: [
          ...e2026.tracks.map((t) => ({ id: t.id, code: t.code, nameZh: t.nameZh, nameEn: '' })),
          { code: 'zz_new', nameZh: '新增赛道', nameEn: 'New track' },
        ],
      });
      expect(res.statusCode).toBe(200);
      const after = res.json() as Edition;
      expect(after.version).toBe(e2026.version + 1);
      expect(after.name).toBe('2026年“创客济南”大赛（修订）');
      expect(after.tracks.map((t) => t.code)).toContain('zz_new');
      const stale = await city.send('PATCH', `/api/competition/editions/${e2026.id}`, { version: e2026.version, name: 'x' });
      expect(stale.statusCode).toBe(409);
      expect(stale.body).toContain(`now version ${e2026.version + 1}, you sent version ${e2026.version}`);
      expect((await editions()).find((e) => e.id === e2026.id)!.name).toBe('2026年“创客济南”大赛（修订）');
    });

    it('lets two simultaneous edits of the same version through once', async () => {
      const e = (await editions()).find((x) => x.year === 2026)!;
      const [a, b] = await Promise.all([
        city.send('PATCH', `/api/competition/editions/${e.id}`, { version: e.version, name: '甲' }),
        city.send('PATCH', `/api/competition/editions/${e.id}`, { version: e.version, name: '乙' }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    });

    it('names the field of bad input and changes nothing', async () => {
      const e = (await editions()).find((x) => x.year === 2026)!;
      const bad = await city.send('PATCH', `/api/competition/editions/${e.id}`, {
        version: e.version,
        name: ' ',
        tracks: [
          { code: 'a', nameZh: '甲', nameEn: '' },
          { code: 'a', nameZh: '乙', nameEn: '' },
        ],
      });
      expect(bad.statusCode).toBe(400);
      expect(fieldsOf(bad.body)).toEqual(['name', 'tracks[1].code']);
      const noVersion = await city.send('PATCH', `/api/competition/editions/${e.id}`, { name: '丙' });
      expect(noVersion.statusCode).toBe(400);
      expect(noVersion.body).toContain('version');
      expect((await editions()).find((x) => x.id === e.id)!.version).toBe(e.version);
      expect(
        (await judge.send('PATCH', `/api/competition/editions/${e.id}`, { version: e.version, name: '丁' })).statusCode,
      ).toBe(404);
    });

    it('refuses to remove a group or a track that has entries, saying how many', async () => {
      const e = (await editions()).find((x) => x.year === 2025)!;
      const [{ n }] = (await q<{ n: number }>(
        `select count(*)::int as n from competition_entries where edition_id = $1 and "group" = 'maker'`,
        [e.id],
      )) as [{ n: number }];
      const g = await city.send('PATCH', `/api/competition/editions/${e.id}`, { version: e.version, groups: ['enterprise'] });
      expect(g.statusCode).toBe(409);
      expect(g.body).toContain(`'创客组' has ${n} entries`);
      const used = e.tracks.find((t) => t.entries > 0)!;
      const t = await city.send('PATCH', `/api/competition/editions/${e.id}`, {
        version: e.version,
        tracks: e.tracks.filter((x) => x.id !== used.id).map((x) => ({ id: x.id, code: x.code, nameZh: x.nameZh, nameEn: '' })),
      });
      expect(t.statusCode).toBe(409);
      expect(t.body).toContain(`track '${used.nameZh}' has ${used.entries} entries`);
      expect((await editions()).find((x) => x.id === e.id)!.tracks).toHaveLength(e.tracks.length);
    });
  });

  describe('a maker-only edition that skips the semi-final', () => {
    let ed: Edition;
    const teams: number[] = [];
    const stage = (kind: string) => ed.stages.find((x) => x.kind === kind)!;
    const refresh = async () => {
      ed = (await editions()).find((e) => e.id === ed.id)!;
    };

    it('is created with one group; the enterprise group cannot register', async () => {
      const res = await city.send('POST', '/api/competition/editions', {
        year: 2032,
        name: '创客专场',
        groups: ['maker'],
        tracks: [{ code: 'ict', nameZh: '信息技术', nameEn: 'IT' }],
        stages: [
          { kind: 'registration', opensOn: addDays(today, -5), closesOn: today },
          { kind: 'preliminary', opensOn: today, closesOn: addDays(today, 3), judgesPerEntry: 1, advanceCount: 1 },
          { kind: 'final', opensOn: addDays(today, 20), closesOn: addDays(today, 21), judgesPerEntry: 1 },
        ],
      });
      expect(res.statusCode).toBe(201);
      ed = res.json() as Edition;
      expect(ed.groups).toEqual(['maker']);
      const refused = await ent.send('POST', `/api/competition/editions/${ed.id}/entries`, {
        group: 'enterprise',
        trackId: ed.tracks[0]!.id,
        projectName: '企业项目',
        summary: SUMMARY,
        leaderName: '王敏',
      });
      expect(refused.statusCode).toBe(400);
      expect(fieldsOf(refused.body)).toEqual(['group']);
      for (const [teamName, organisation] of [
        ['甲团队', '甲大学'],
        ['乙团队', '乙（济南）研究院'],
      ]) {
        const r = await city.send('POST', `/api/competition/editions/${ed.id}/entries`, {
          group: 'maker',
          trackId: ed.tracks[0]!.id,
          projectName: `${teamName}的项目`,
          summary: SUMMARY,
          leaderName: '李磊',
          teamName,
          organisation,
          unitCode: '370102',
          teamHasCompany: false,
        });
        expect(r.statusCode).toBe(201);
        teams.push((r.json() as { id: number }).id);
      }
    });

    it('adds a stage only in order and only once; a null advancement stays null, not 0', async () => {
      const url = `/api/competition/editions/${ed.id}/stages`;
      const badDate = await city.send('POST', url, { kind: 'roadshow', opensOn: '2026-13-01x', closesOn: addDays(today, 31) });
      expect(badDate.statusCode).toBe(400);
      expect(badDate.body).toContain('opensOn');
      const badRubric = await city.send('POST', `/api/competition/editions/${ed.id}/stages`, {
        kind: 'semi_final',
        opensOn: addDays(today, 5),
        closesOn: addDays(today, 6),
        rubric: [{ key: 'innovation', zh: '创新', en: 'Innovation', weight: 90 }],
      });
      expect(badRubric.statusCode).toBe(400);
      expect(badRubric.body).toContain('the weights must add up to 100 (they add up to 90)');
      const dup = await city.send('POST', url, { kind: 'final', opensOn: addDays(today, 30), closesOn: addDays(today, 31) });
      expect(dup.statusCode).toBe(400);
      expect(fieldsOf(dup.body)).toEqual(['kind']);
      const order = await city.send('POST', url, {
        kind: 'semi_final',
        opensOn: addDays(today, 19),
        closesOn: addDays(today, 25),
      });
      expect(order.statusCode).toBe(400);
      expect(fieldsOf(order.body)).toEqual(['stages.final.opensOn']);
      const road = await city.send('POST', url, {
        kind: 'roadshow',
        opensOn: addDays(today, 30),
        closesOn: addDays(today, 30),
        advanceCount: null,
      });
      expect(road.statusCode).toBe(201);
      expect((road.json() as Stage).advanceCount).toBeNull();
      await refresh();
      const p = stage('preliminary');
      const share = await city.send('PATCH', `/api/competition/stages/${p.id}`, {
        version: p.version,
        advanceCount: null,
        advanceSharePercent: 50,
      });
      expect(share.statusCode).toBe(200);
      const st = (share.json() as { stage: Stage }).stage;
      expect([st.advanceCount, st.advanceSharePercent, st.version]).toEqual([null, 50, p.version + 1]);
      const back = await city.send('PATCH', `/api/competition/stages/${p.id}`, { version: st.version, advanceCount: 1 });
      expect((back.json() as { stage: Stage }).stage.advanceSharePercent).toBeNull();
      await refresh();
    });

    it('refuses stage dates out of order and a stale stage version', async () => {
      const p = stage('preliminary');
      const bad = await city.send('PATCH', `/api/competition/stages/${p.id}`, {
        version: p.version,
        closesOn: addDays(today, -1),
      });
      expect(bad.statusCode).toBe(400);
      expect(fieldsOf(bad.body)).toEqual(['stages.preliminary.closesOn']);
      const late = await city.send('PATCH', `/api/competition/stages/${p.id}`, {
        version: p.version,
        closesOn: addDays(today, 22),
      });
      expect(fieldsOf(late.body)).toEqual(['stages.final.opensOn']);
      const stale = await city.send('PATCH', `/api/competition/stages/${p.id}`, {
        version: p.version - 1,
        closesOn: addDays(today, 4),
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.body).toContain('stale_version');
    });

    it('removes a late-declared tie’s assignment by the same organisation matching as assignment', async () => {
      const p = stage('preliminary');
      const ids = await q<{ id: number; username: string }>(
        `select id, username from users where username in ('judge', 'judge2') order by id`,
      );
      expect(
        (await city.send('PUT', `/api/competition/stages/${p.id}/pool`, { judgeIds: ids.map((i) => Number(i.id)) })).statusCode,
      ).toBe(200);
      expect(((await city.send('POST', `/api/competition/stages/${p.id}/assign`)).json() as { added: number }).added).toBe(2);
      const [holder] = await q<{ username: string }>(
        `select u.username from competition_assignments a join users u on u.id = a.judge_id where a.stage_id = $1 and a.entry_id = $2`,
        [p.id, teams[1]],
      );
      const who = holder!.username === 'judge' ? judge : judge2;
      const other = holder!.username === 'judge' ? judge2 : judge;
      // Half-width brackets and a space, where the entry says 乙（济南）研究院.
      const tie = await who.send('POST', `/api/competition/editions/${ed.id}/ties`, {
        organisation: '乙(济南) 研究院',
        note: '兼职',
      });
      expect(tie.statusCode).toBe(201);
      expect((tie.json() as { removedAssignments: number }).removedAssignments).toBe(1);
      const mine = (await who.get(`/api/competition/editions/${ed.id}/ties`)).json() as {
        id: number;
        organisation: string;
        projectName: null;
      }[];
      expect(mine.map((t) => t.organisation)).toEqual(['乙(济南) 研究院']);
      expect((await other.get(`/api/competition/editions/${ed.id}/ties`)).json()).toEqual([]);
      const all = (await city.get(`/api/competition/editions/${ed.id}/ties`)).json() as {
        id: number;
        judgeName: string;
        selfDeclared: boolean;
      }[];
      expect(all).toHaveLength(1);
      expect(all[0]!.selfDeclared).toBe(true);
      expect((await other.send('DELETE', `/api/competition/editions/${ed.id}/ties/${all[0]!.id}`)).statusCode).toBe(404);
      expect((await ent.get(`/api/competition/editions/${ed.id}/ties`)).statusCode).toBe(404);
      // Re-assigning gives the project to the other judge while the tie stands.
      expect(((await city.send('POST', `/api/competition/stages/${p.id}/assign`)).json() as { added: number }).added).toBe(1);
      const [now] = await q<{ username: string }>(
        `select u.username from competition_assignments a join users u on u.id = a.judge_id where a.stage_id = $1 and a.entry_id = $2`,
        [p.id, teams[1]],
      );
      expect(now!.username).toBe(other.username);
      expect((await city.send('DELETE', `/api/competition/editions/${ed.id + 1000}/ties/${all[0]!.id}`)).statusCode).toBe(404);
      expect((await city.send('DELETE', `/api/competition/editions/${ed.id}/ties/${all[0]!.id}`)).statusCode).toBe(200);
      expect((await city.send('DELETE', `/api/competition/editions/${ed.id}/ties/${all[0]!.id}`)).statusCode).toBe(404);
      expect((await city.get(`/api/competition/editions/${ed.id}/ties`)).json()).toEqual([]);
    });

    it('freezes the rubric once scored, clears a ranking when its settings change, then advances past the skipped semi-final', async () => {
      const p = stage('preliminary');
      const rows = await q<{ entry_id: number; username: string }>(
        `select a.entry_id, u.username from competition_assignments a join users u on u.id = a.judge_id where a.stage_id = $1`,
        [p.id],
      );
      for (const a of rows) {
        const c = a.username === 'judge' ? judge : judge2;
        const v = Number(a.entry_id) === teams[0] ? 90 : 70;
        const scores = { innovation: v, market: v, business_model: v, team: v, social_value: v };
        expect((await c.send('PUT', `/api/competition/stages/${p.id}/scores/${a.entry_id}`, { scores })).statusCode).toBe(200);
      }
      await refresh();
      const p1 = stage('preliminary');
      const frozen = await city.send('PATCH', `/api/competition/stages/${p1.id}`, {
        version: p1.version,
        rubric: [{ key: 'innovation', zh: '创新', en: 'Innovation', weight: 100 }],
      });
      expect(frozen.statusCode).toBe(409);
      expect(frozen.body).toContain('the rubric is frozen');
      const ranked = (await city.send('POST', `/api/competition/stages/${p1.id}/rank`)).json() as { status: string };
      expect(ranked.status).toBe('ranked');
      await refresh();
      const p2 = stage('preliminary');
      expect(p2.rankedAt).not.toBeNull();
      const dates = await city.send('PATCH', `/api/competition/stages/${p2.id}`, {
        version: p2.version,
        closesOn: addDays(today, 4),
      });
      expect((dates.json() as { rankingCleared: boolean }).rankingCleared).toBe(false);
      const cleared = await city.send('PATCH', `/api/competition/stages/${p2.id}`, { version: p2.version + 1, advanceCount: 2 });
      expect(cleared.statusCode).toBe(200);
      expect((cleared.json() as { rankingCleared: boolean; stage: Stage }).rankingCleared).toBe(true);
      expect((cleared.json() as { stage: Stage }).stage.rankedAt).toBeNull();
      const [left] = await q<{ n: number }>(`select count(*)::int as n from competition_results where stage_id = $1`, [p2.id]);
      expect(left!.n).toBe(0);
      const [again] = await q<{ version: number }>(`select version from competition_stages where id = $1`, [p2.id]);
      await city.send('PATCH', `/api/competition/stages/${p2.id}`, { version: Number(again!.version), advanceCount: 1 });
      expect(((await city.send('POST', `/api/competition/stages/${p2.id}/rank`)).json() as { status: string }).status).toBe(
        'ranked',
      );
      const pub = await city.send('POST', `/api/competition/stages/${p2.id}/publish`);
      expect(pub.json()).toMatchObject({ advanced: 1, nextStage: 'final' });
      const reached = await q<{ id: number; reached_stage: string }>(
        `select id, reached_stage from competition_entries where edition_id = $1 order by id`,
        [ed.id],
      );
      expect(reached.map((r) => r.reached_stage)).toEqual(['final', 'preliminary']);
      await refresh();
      const locked = await city.send('PATCH', `/api/competition/stages/${p2.id}`, {
        version: stage('preliminary').version,
        closesOn: addDays(today, 5),
      });
      expect(locked.statusCode).toBe(409);
      expect(locked.body).toContain('locked');
      // The season has moved past registration: its window is locked too, and the edition says why.
      const registration = stage('registration');
      expect(registration.lockedBecause?.zh).toBe('赛程已进入初赛（已公布），该阶段设置已锁定');
      expect(stage('final').lockedBecause).toBeNull();
      const moved = await city.send('PATCH', `/api/competition/stages/${registration.id}`, {
        version: registration.version,
        closesOn: addDays(today, -1),
      });
      expect(moved.statusCode).toBe(409);
      expect(moved.body).toContain('moved past this stage');
      const [kept] = await q<{ closes_on: string }>(`select closes_on::text from competition_stages where id = $1`, [
        registration.id,
      ]);
      expect(kept!.closes_on).toBe(registration.closesOn);
      // A stage may not be added before a ranked one.
      await q(`update competition_stages set ranked_at = now() where id = $1`, [stage('final').id]);
      const before = await city.send('POST', `/api/competition/editions/${ed.id}/stages`, {
        kind: 'semi_final',
        opensOn: addDays(today, 10),
        closesOn: addDays(today, 12),
      });
      expect(before.statusCode).toBe(400);
      expect(before.body).toContain('before a stage already ranked');
    });
  });

  describe('investments and the follow-up', () => {
    let e2025: Edition;
    let roadshowEntry: number;
    let inv: Investment;

    it('sums the seeded follow-up as the tables do', async () => {
      e2025 = (await editions()).find((e) => e.year === 2025)!;
      const sum = (await city.get(`/api/competition/editions/${e2025.id}/follow-up/summary`)).json() as {
        projects: number;
        committedYuan: number;
        fundedYuan: number;
        rows: { entryId: number; investments: Investment[] }[];
      };
      const [t] = await q<{ projects: number; committed: string; funded: string }>(
        `select (select count(*)::int from competition_entries where edition_id = $1 and reached_stage = 'roadshow') as projects,
                (select coalesce(sum(amount_yuan), 0)::text from competition_investments v join competition_entries x on x.id = v.entry_id where x.edition_id = $1 and status <> 'withdrawn') as committed,
                (select coalesce(sum(amount_yuan), 0)::text from competition_investments v join competition_entries x on x.id = v.entry_id where x.edition_id = $1 and status = 'disbursed') as funded`,
        [e2025.id],
      );
      expect(sum.projects).toBe(t!.projects);
      expect(sum.committedYuan).toBe(Number(t!.committed));
      expect(sum.fundedYuan).toBe(Number(t!.funded));
      expect(sum.rows.flatMap((r) => r.investments).every((v) => v.history.length === 1)).toBe(true);
      expect((await city.get('/api/competition/editions/999999/follow-up/summary')).statusCode).toBe(404);
      expect((await judge.get(`/api/competition/editions/${e2025.id}/follow-up/summary`)).statusCode).toBe(404);
      roadshowEntry = sum.rows.find((r) => r.investments.length === 0)?.entryId ?? sum.rows[0]!.entryId;
    });

    it('records an investment once, refusing bad input by field and a project off the roadshow', async () => {
      const url = `/api/competition/entries/${roadshowEntry}/investments`;
      const body = { fundName: '济南市新旧动能转换引导基金', fundLevel: 'city', amountYuan: 5_000_000, statusOn: '2025-11-01' };
      const [a, b] = await Promise.all([city.send('POST', url, body), city.send('POST', url, body)]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
      inv = (a.statusCode === 201 ? a : b).json() as Investment;
      expect([inv.status, inv.version, inv.history.length]).toEqual(['intent', 1, 1]);
      const bad = await city.send('POST', url, { ...body, fundName: '另一基金', amountYuan: 0 });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('amountYuan');
      const [off] = await q<{ id: number }>(
        `select id from competition_entries where edition_id = $1 and reached_stage <> 'roadshow' limit 1`,
        [e2025.id],
      );
      const offRes = await city.send('POST', `/api/competition/entries/${off!.id}/investments`, {
        ...body,
        fundName: '另一基金',
      });
      expect(offRes.statusCode).toBe(400);
      expect(fieldsOf(offRes.body)).toEqual(['entryId']);
      expect((await city.send('PUT', url, body)).statusCode).toBe(404);
    });

    it('moves forward only, keeps the history, refuses a stale version, and a funded investment is final', async () => {
      const url = `/api/competition/investments/${inv.id}`;
      const dd = await city.send('PATCH', url, { version: 1, status: 'due_diligence', statusOn: '2025-11-10' });
      expect(dd.statusCode).toBe(200);
      expect((dd.json() as Investment).version).toBe(2);
      const stale = await city.send('PATCH', url, { version: 1, status: 'signed', statusOn: '2025-11-20' });
      expect(stale.statusCode).toBe(409);
      expect(stale.body).toContain('now version 2, you sent version 1');
      const back = await city.send('PATCH', url, { version: 2, status: 'intent', statusOn: '2025-11-20' });
      expect(back.statusCode).toBe(409);
      expect(back.body).toContain('only moves forward');
      const unknown = await city.send('PATCH', url, { version: 2, status: 'funded', statusOn: '2025-11-20' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.body).toContain('status');
      const noDate = await city.send('PATCH', url, { version: 2, status: 'signed' });
      expect(fieldsOf(noDate.body)).toEqual(['statusOn']);
      expect((await city.send('PATCH', '/api/competition/investments/999999', { version: 1, note: 'x' })).statusCode).toBe(404);
      const early = await city.send('PATCH', url, { version: 2, status: 'signed', statusOn: '2025-11-09' });
      expect(fieldsOf(early.body)).toEqual(['statusOn']);
      expect(
        (await city.send('PATCH', url, { version: 2, status: 'signed', statusOn: '2025-11-20', amountYuan: 6_000_000 }))
          .statusCode,
      ).toBe(200);
      const funded = (
        await city.send('PATCH', url, { version: 3, status: 'disbursed', statusOn: '2025-12-01' })
      ).json() as Investment;
      expect(funded.history.map((h) => [h.fromStatus, h.toStatus, h.statusOn])).toEqual([
        [null, 'intent', '2025-11-01'],
        ['intent', 'due_diligence', '2025-11-10'],
        ['due_diligence', 'signed', '2025-11-20'],
        ['signed', 'disbursed', '2025-12-01'],
      ]);
      const withdraw = await city.send('PATCH', url, { version: 4, status: 'withdrawn', statusOn: '2025-12-02' });
      expect(withdraw.statusCode).toBe(409);
      expect(withdraw.body).toContain('funded');
      const [audits] = await q<{ n: number }>(
        `select count(*)::int as n from audit_log where action in ('competition.investment.create', 'competition.investment.update') and entity_id = $1`,
        [String(inv.id)],
      );
      expect(audits!.n).toBe(4);
    });

    it('exports the follow-up with each investment’s path', async () => {
      const res = await city.get(`/api/competition/editions/${e2025.id}/follow-up.xlsx`);
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['投资意向', '基金投资']);
      const sheet = wb.getWorksheet('基金投资')!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header).toContain('状态历程');
      const texts: string[] = [];
      sheet.eachRow((row) => texts.push(JSON.stringify(row.values)));
      expect(texts.join('\n')).toContain('2025-11-01 投资意向 → 2025-11-10 尽职调查 → 2025-11-20 已签约 → 2025-12-01 资金到位');
      expect((await judge.get(`/api/competition/editions/${e2025.id}/follow-up.xlsx`)).statusCode).toBe(404);
    });
  });
});
