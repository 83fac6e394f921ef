import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { signIn, type ApiClient } from '../helpers/client.ts';
import { ENGINES } from '../helpers/db.ts';
import { todayShanghai } from '../../src/shared/dates.ts';

interface List<T = Record<string, unknown>> {
  items: T[];
  total: number;
}
interface Demand {
  id: number;
  version: number;
  status: string;
  title: string;
}
interface Application {
  id: number;
  version: number;
  status: string;
  contractAmount: number | null;
  supportAmount: number | null;
}
interface Match {
  score: number;
  reason: { sharedTerms: string[]; sameField: boolean; sameDistrict: boolean; industryFits?: boolean };
}

const addDays = (n: number) => new Date(Date.parse(todayShanghai() + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
const DEMAND = {
  title: '数控机床主轴热变形误差补偿',
  description: '我公司生产立式加工中心，主轴温升导致加工尺寸漂移，寻求热误差补偿技术',
  field: 'intelligent_manufacturing',
  budget: 800_000,
  deadline: addDays(120),
};
const ACHIEVEMENT = {
  title: '五轴数控机床主轴热误差实时补偿技术',
  summary: '建立主轴温度场模型，在线补偿热变形，加工精度提升40%',
  field: 'intelligent_manufacturing',
  maturity: 'pilot',
  ipKind: 'invention_patent',
  ipNumber: 'ZL202310123456.7',
  team: '精密制造课题组',
  unitCode: '370102',
  contactName: '王建国',
  contactPhone: '13912345678',
};

function multipart(file: { name: string; bytes: Buffer }) {
  const boundary = '----smeladder' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: application/octet-stream\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function sheet(headers: string[], rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(ENGINES)('innovation API on %s', (engine) => {
  let s: TestServer;
  let ent: ApiClient;
  let uni: ApiClient;
  let city: ApiClient;
  let lixia: ApiClient;
  let carrier: ApiClient;
  let bank: ApiClient;
  let demandId = 0;
  let achievementId = 0;
  const q = <T>(text: string, params: unknown[] = []) => s.ctx.database.query<T>(text, params);
  const count = async (table: string) => Number((await q<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n);

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false, enterprises: 300 });
    const sign = (u: string) => signIn(s.app, u);
    [ent, uni, city, lixia, carrier, bank] = await Promise.all([
      sign('enterprise'),
      sign('university'),
      sign('city'),
      sign('lixia'),
      sign('carrier'),
      sign('bank'),
    ]);
  });
  afterAll(() => s.close());

  it('seeds both catalogues with segmented words and 揭榜 through to contracts', async () => {
    const list = (await carrier.get('/api/innovation/achievements?pageSize=5')).json() as List<{
      title: string;
      contactPhone: string | null;
      contactMasked: boolean;
    }>;
    expect(list.total).toBeGreaterThanOrEqual(60);
    // A carrier operator reads the catalogue, with contacts masked.
    expect(list.items[0]!.contactMasked).toBe(true);
    expect(list.items[0]!.contactPhone).toMatch(/\*{4}/);
    const [withTerms] = await q<{ n: number }>(
      `select count(*)::int as n from tech_achievements where cardinality(terms) > 0 and length(search::text) > 0`,
    );
    expect(withTerms!.n).toBe(await count('tech_achievements'));
    expect(await count('tech_demands')).toBeGreaterThanOrEqual(40);
    // Contacts are encrypted at rest.
    const [raw] = await q<{ contact_phone_enc: string }>(`select contact_phone_enc from tech_achievements limit 1`);
    expect(raw!.contact_phone_enc).toMatch(/^sm4:/);
    expect((await bank.get('/api/innovation/achievements')).statusCode).toBe(404);
  });

  it('refuses a bad demand naming every field, and changes nothing', async () => {
    const before = await count('tech_demands');
    const res = await ent.send('POST', '/api/innovation/demands', {
      ...DEMAND,
      title: 'ab',
      budget: -5,
      deadline: '2020-01-01',
      field: 'astrology',
    });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .error.fields.map((f: { field: string }) => f.field)
      .sort();
    expect(fields).toEqual(['budget', 'deadline', 'field', 'title']);
    expect(res.json().error.fields.find((f: { field: string }) => f.field === 'budget').reason.zh).toContain('整数元');
    expect(await count('tech_demands')).toBe(before);
    // Only enterprises publish demands, only universities achievements.
    expect((await uni.send('POST', '/api/innovation/demands', DEMAND)).statusCode).toBe(403);
    expect((await ent.send('POST', '/api/innovation/achievements', ACHIEVEMENT)).statusCode).toBe(403);
  });

  it('publishes a demand and an achievement that find each other, with the reason', async () => {
    const d = await ent.send('POST', '/api/innovation/demands', DEMAND);
    expect(d.statusCode).toBe(201);
    demandId = (d.json() as Demand).id;
    const a = await uni.send('POST', '/api/innovation/achievements', ACHIEVEMENT);
    expect(a.statusCode).toBe(201);
    achievementId = a.json().id;
    expect(a.json().contactPhone).toBe('13912345678');

    const m = (await ent.get(`/api/innovation/demands/${demandId}/matches`)).json() as {
      items: (Match & { achievement: { id: number; contactPhone: string; team: string } })[];
    };
    const top = m.items[0]!;
    expect(top.achievement.id).toBe(achievementId);
    expect(top.achievement.team).toBe('精密制造课题组');
    expect(top.achievement.contactPhone).toBe('139****5678');
    expect(top.reason.sharedTerms).toEqual(expect.arrayContaining(['数控机床', '主轴', '热变形']));
    expect(top.reason.sameField).toBe(true);
    // Ranked best first.
    const scores = m.items.map((x) => x.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    // Research teams: the ranked achievements grouped by owner and team, their scores summed.
    const teams = (
      (await ent.get(`/api/innovation/demands/${demandId}/matches`)).json() as {
        teams: { owner: string; team: string; achievementIds: number[]; score: number; sharedTerms: string[] }[];
      }
    ).teams;
    expect(teams.length).toBeGreaterThan(0);
    expect(teams.length).toBeLessThanOrEqual(5);
    expect([...teams].sort((x, y) => y.score - x.score)).toEqual(teams);
    const ours = teams.find((x) => x.achievementIds.includes(achievementId))!;
    expect(ours.team).toBe('精密制造课题组');
    expect(ours.owner).toBe((await city.get(`/api/innovation/achievements/${achievementId}`)).json().owner);
    expect(ours.sharedTerms).toEqual(expect.arrayContaining(['数控机床']));
    for (const team of teams.slice(0, 2)) {
      let sum = 0;
      for (const id of team.achievementIds) {
        const a = (await city.get(`/api/innovation/achievements/${id}`)).json() as { owner: string; team: string };
        expect([a.owner, a.team]).toEqual([team.owner, team.team]);
        sum += m.items.find((x) => x.achievement.id === id)?.score ?? 0;
      }
      // Its achievements shown among the ten count in full towards its score.
      expect(team.score + 1e-3).toBeGreaterThanOrEqual(sum);
    }

    const back = (await uni.get(`/api/innovation/achievements/${achievementId}/matches`)).json() as {
      items: (Match & { demand: { id: number; enterpriseName: string } })[];
    };
    expect(back.items.map((x) => x.demand.id)).toContain(demandId);
    const mine = back.items.find((x) => x.demand.id === demandId)!;
    expect(mine.reason.sharedTerms.length).toBeGreaterThan(1);
    // The city sees the owner's contact in full.
    expect((await city.get(`/api/innovation/achievements/${achievementId}`)).json().contactPhone).toBe('13912345678');
  });

  it('edits with a version and refuses a stale one', async () => {
    const cur = (await ent.get(`/api/innovation/demands/${demandId}`)).json() as Demand;
    const ok = await ent.send('PUT', `/api/innovation/demands/${demandId}`, { ...DEMAND, budget: 900_000, version: cur.version });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().budget).toBe(900_000);
    const stale = await ent.send('PUT', `/api/innovation/demands/${demandId}`, { ...DEMAND, version: cur.version });
    expect(stale.json().error.id).toBe('stale_version');
    // Someone else's demand is not found.
    const [other] = await q<{ id: number }>(
      `select d.id from tech_demands d join users u on u.username = 'enterprise' where d.enterprise_id <> u.enterprise_id and d.status = 'published' limit 1`,
    );
    expect((await ent.send('POST', `/api/innovation/demands/${other!.id}/status`, { status: 'closed' })).statusCode).toBe(404);
  });

  it('揭榜: one application per organisation, the enterprise chooses once, contract, completion, support', async () => {
    const body = {
      team: '精密制造课题组',
      proposal: '采用温度场建模与实时补偿，三个月完成样机验证',
      quote: 700_000,
      achievementId,
    };
    const apply = await uni.send('POST', `/api/innovation/demands/${demandId}/applications`, body);
    expect(apply.statusCode).toBe(201);
    const app = apply.json() as Application;
    const again = await uni.send('POST', `/api/innovation/demands/${demandId}/applications`, body);
    expect(again.json().error.id).toBe('conflict');
    expect((await ent.send('POST', `/api/innovation/demands/${demandId}/applications`, body)).statusCode).toBe(403);

    // A second organisation applies too (another university user).
    await q(
      `insert into users (username, display_name, role, organisation, password_hash) select 'uni2', '济南大学用户', 'university', '济南大学', password_hash from users where username = 'university'`,
    );
    const uni2 = await signIn(s.app, 'uni2');
    const app2 = (
      await uni2.send('POST', `/api/innovation/demands/${demandId}/applications`, {
        ...body,
        achievementId: null,
        team: '智能制造团队',
      })
    ).json() as Application;
    // uni2 cannot cite another organisation's achievement.
    expect(app2.id).toBeGreaterThan(0);

    // The enterprise sees both; two choices at once: exactly one wins.
    const list = (await ent.get(`/api/innovation/applications?demandId=${demandId}`)).json() as List<Application>;
    expect(list.total).toBe(2);
    const [r1, r2] = await Promise.all([
      ent.send('POST', `/api/innovation/applications/${app.id}/choose`, { version: app.version }),
      ent.send('POST', `/api/innovation/applications/${app2.id}/choose`, { version: app2.version }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const [chosen] = await q<{ n: number }>(
      `select count(*)::int as n from tech_applications where demand_id = $1 and status = 'chosen'`,
      [demandId],
    );
    expect(chosen!.n).toBe(1);
    const winner = (r1.statusCode === 200 ? r1 : r2).json() as Application;

    // Contract: amount must be a whole positive number of yuan.
    const bad = await ent.send('POST', `/api/innovation/applications/${winner.id}/contract`, {
      version: winner.version,
      amount: 0,
      signedOn: todayShanghai(),
    });
    expect(bad.json().error.fields[0].field).toBe('amount');
    const contracted = (
      await ent.send('POST', `/api/innovation/applications/${winner.id}/contract`, {
        version: winner.version,
        amount: 750_000,
        signedOn: todayShanghai(),
      })
    ).json() as Application;
    expect(contracted.status).toBe('contracted');
    expect(contracted.contractAmount).toBe(750_000);
    // Not the university's to complete; the district officer does not record support.
    expect(
      (await uni.send('POST', `/api/innovation/applications/${winner.id}/complete`, { version: contracted.version })).statusCode,
    ).toBe(404);
    expect(
      (
        await lixia.send('PUT', `/api/innovation/applications/${winner.id}/support`, {
          version: contracted.version,
          amount: 100_000,
          note: '市级产学研项目',
        })
      ).statusCode,
    ).toBe(404);
    const supported = (
      await city.send('PUT', `/api/innovation/applications/${winner.id}/support`, {
        version: contracted.version,
        amount: 100_000,
        note: '市级产学研项目',
      })
    ).json() as Application;
    expect(supported.supportAmount).toBe(100_000);
    const done = (
      await ent.send('POST', `/api/innovation/applications/${winner.id}/complete`, {
        version: supported.version,
        completedOn: todayShanghai(),
      })
    ).json() as Application;
    expect(done.status).toBe('completed');
    const audit = await q<{ action: string }>(
      `select action from audit_log where entity = 'tech_application' and entity_id = $1 order by seq`,
      [String(winner.id)],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'innovation.application.apply',
      'innovation.application.choose',
      'innovation.application.contract',
      'innovation.application.support',
      'innovation.application.complete',
    ]);
  });

  it('imports an Excel sheet whole, or nothing when one row is bad (the row and field named)', async () => {
    const before = await count('tech_achievements');
    const headers = [
      '成果名称',
      '成果简介',
      '技术领域',
      '成熟度',
      '知识产权类型',
      '知识产权号',
      '研究团队',
      '联系人',
      '联系电话',
    ];
    const good = [
      '工业机器人视觉引导抓取技术',
      '基于深度学习的无序抓取',
      '高端装备与智能制造',
      '中试',
      '发明专利',
      'ZL202210000001.1',
      '机器人课题组',
      '李明',
      '13800001111',
    ];
    const badRow = ['储能电池热管理', '', '不存在的领域', '中试', '发明专利', '', '储能团队', '', '12345'];
    const bad = multipart({ name: 'a.xlsx', bytes: await sheet(headers, [good, badRow]) });
    const res = await uni.send('POST', '/api/innovation/achievements/import', bad.body, bad.headers);
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['rows[3].field', 'rows[3].ipNumber', 'rows[3].contactPhone']));
    expect(await count('tech_achievements')).toBe(before);
    const ok = multipart({ name: 'a.xlsx', bytes: await sheet(headers, [good, ['光伏组件缺陷电致发光检测', ...good.slice(1)]]) });
    const done = await uni.send('POST', '/api/innovation/achievements/import', ok.body, ok.headers);
    expect(done.statusCode).toBe(200);
    expect(done.json().imported).toBe(2);
    expect(await count('tech_achievements')).toBe(before + 2);

    const dem = multipart({
      name: 'd.xlsx',
      bytes: await sheet(
        ['需求名称', '需求描述', '技术领域', '预算金额', '截止日期'],
        [['锂电池热失控预警', '电池包安全', '新能源与节能环保', '300,000', addDays(60)]],
      ),
    });
    const d = await ent.send('POST', '/api/innovation/demands/import', dem.body, dem.headers);
    expect(d.json().imported).toBe(1);
  });

  it('shares resources of a large enterprise: one open request per SME, answered by the owner', async () => {
    const [large] = await q<{ id: number }>(`select id from enterprises where size_class = 'large' order by id limit 1`);
    await q(
      `insert into users (username, display_name, role, enterprise_id, password_hash) select 'bigco', '龙头企业用户', 'enterprise_user', $1, password_hash from users where username = 'enterprise'`,
      [large!.id],
    );
    const big = await signIn(s.app, 'bigco');
    expect(
      (await ent.send('POST', '/api/innovation/resources', { kind: 'instrument', title: '三坐标测量机共享' })).statusCode,
    ).toBe(403);
    const r = await big.send('POST', '/api/innovation/resources', {
      kind: 'instrument',
      title: '三坐标测量机共享',
      description: '精度1.5μm',
      terms: '按成本价收费',
    });
    expect(r.statusCode).toBe(201);
    const resourceId = r.json().id;
    const req = { purpose: '新产品尺寸检测', fromDate: addDays(3), toDate: addDays(5) };
    const first = await ent.send('POST', `/api/innovation/resources/${resourceId}/requests`, req);
    expect(first.statusCode).toBe(201);
    expect((await ent.send('POST', `/api/innovation/resources/${resourceId}/requests`, req)).json().error.id).toBe('conflict');
    expect((await big.send('POST', `/api/innovation/resources/${resourceId}/requests`, req)).statusCode).toBe(409);
    const badDates = await ent.send('POST', `/api/innovation/resources/${resourceId}/requests`, { ...req, toDate: addDays(1) });
    expect(badDates.json().error.fields.map((f: { field: string }) => f.field)).toContain('toDate');
    // The requester cannot accept its own request; the owner must give a reason to decline.
    const reqId = first.json().id;
    expect((await ent.send('POST', `/api/innovation/requests/${reqId}/accepted`, { version: 1 })).statusCode).toBe(404);
    expect((await big.send('POST', `/api/innovation/requests/${reqId}/declined`, { version: 1 })).statusCode).toBe(400);
    const accepted = await big.send('POST', `/api/innovation/requests/${reqId}/accepted`, { version: 1, answer: '请按时到场' });
    expect(accepted.json().status).toBe('accepted');
    const mine = (await ent.get('/api/innovation/requests')).json() as List<{ id: number; side: string }>;
    expect(mine.items.find((x) => x.id === reqId)!.side).toBe('requester');
  });

  it('counts matches, contracts and amounts by field and district; a district sees its own; Excel', async () => {
    const res = await city.get('/api/innovation/stats');
    expect(res.statusCode, res.body).toBe(200);
    const st = res.json();
    const [sql] = await q<{ c: number; amount: number }>(
      `select count(*) filter (where status in ('contracted','completed'))::int as c, coalesce(sum(contract_amount),0)::bigint as amount from tech_applications`,
    );
    expect(st.totals.contracts).toBe(sql!.c);
    expect(st.totals.contractAmount).toBe(Number(sql!.amount));
    expect(st.byField.reduce((s: number, x: { contracts: number }) => s + x.contracts, 0)).toBe(sql!.c);
    const local = (await lixia.get('/api/innovation/stats')).json();
    expect(local.byDistrict.every((x: { key: string }) => x.key === '370102')).toBe(true);
    expect(local.totals.demands).toBeLessThanOrEqual(st.totals.demands);
    expect((await ent.get('/api/innovation/stats')).statusCode).toBe(404);
    const x = await city.get('/api/innovation/stats.xlsx');
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按技术领域', '按区县', '揭榜状态', '大中小融通']);
  });

  it('matches a hand-labelled set well: precision@5 on 20 demands', async () => {
    const fx = JSON.parse(fs.readFileSync(new URL('../fixtures/innovation-matching.json', import.meta.url), 'utf8')) as {
      achievements: { key: string; title: string; summary: string; field: string }[];
      demands: { title: string; description: string; field: string; relevant: string[] }[];
    };
    // Only the labelled catalogue: close everything else (labels cover exactly these entries).
    await q(`update tech_achievements set status = 'closed'`);
    const keyOf = new Map<number, string>();
    for (const a of fx.achievements) {
      const res = await uni.send('POST', '/api/innovation/achievements', {
        ...a,
        key: undefined,
        maturity: 'pilot',
        ipKind: 'know_how',
        team: '课题组',
      });
      expect(res.statusCode).toBe(201);
      keyOf.set(res.json().id, a.key);
    }
    let hits = 0;
    let capped = 0;
    let firstRight = 0;
    for (const d of fx.demands) {
      const res = await ent.send('POST', '/api/innovation/demands', {
        ...d,
        relevant: undefined,
        budget: 500_000,
        deadline: addDays(90),
      });
      const m = (await ent.get(`/api/innovation/demands/${res.json().id}/matches`)).json() as {
        items: { achievement: { id: number } }[];
      };
      const top5 = m.items.slice(0, 5).map((x) => keyOf.get(x.achievement.id));
      const rel = top5.filter((k) => k && d.relevant.includes(k)).length;
      hits += rel;
      capped += rel / Math.min(5, d.relevant.length);
      if (top5[0] && d.relevant.includes(top5[0])) firstRight++;
    }
    const n = fx.demands.length;
    const p5 = hits / (5 * n);
    const relevantPerDemand = fx.demands.reduce((s, d) => s + d.relevant.length, 0) / n;
    console.log(
      `[innovation ${engine}] precision@5 = ${p5.toFixed(3)} (ceiling ${(fx.demands.reduce((s, d) => s + Math.min(5, d.relevant.length), 0) / (5 * n)).toFixed(3)} with ${relevantPerDemand.toFixed(1)} relevant per demand), ` +
        `recall-capped precision@5 = ${(capped / n).toFixed(3)}, top-1 correct = ${firstRight}/${n}`,
    );
    expect(capped / n).toBeGreaterThanOrEqual(0.9);
    expect(firstRight).toBeGreaterThanOrEqual(18);
  });
});
