import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { signIn, type ApiClient } from '../helpers/client.ts';
import { ENGINES } from '../helpers/db.ts';

const YEAR = 2019; // no seeded scorecard data that year: every figure below is ours

interface Detail {
  total: number | null;
  dimensions: { id: string; score: number | null; benchmarkBest: number | null }[];
  indicators: {
    id: string;
    dimensionId: string;
    value: number | null;
    normalised: number | null;
    weakLink: boolean;
    source: string;
    absentReason: { zh: string } | null;
  }[];
  weakLinks: string[];
}

async function book(rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  ws.addRow([
    '单位类型（区县/对标城市）',
    '单位代码',
    '年度',
    '拖欠中小企业账款清偿率（law_arrears_cleared）',
    '企业政策知晓满意度（pol_awareness）',
  ]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe.each(ENGINES)('scorecards API on %s', (engine) => {
  let s: TestServer;
  let city: ApiClient;
  let lixia: ApiClient;
  let ent: ApiClient;
  let bank: ApiClient;
  let enterpriseId = 0;
  let unitCode = '';
  const q = <T>(text: string, params: unknown[] = []) => s.ctx.database.query<T>(text, params);
  const valuesCount = async () =>
    Number((await q<{ n: number }>(`select count(*)::int as n from scorecard_values where year = $1`, [YEAR]))[0]!.n);

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false, enterprises: 300 });
    [city, lixia, ent, bank] = await Promise.all([
      signIn(s.app, 'city'),
      signIn(s.app, 'lixia'),
      signIn(s.app, 'enterprise'),
      signIn(s.app, 'bank'),
    ]);
    const [u] = await q<{ enterprise_id: number; unit_code: string }>(
      `select u.enterprise_id, e.unit_code from users u join enterprises e on e.id = u.enterprise_id where u.username = 'enterprise'`,
    );
    enterpriseId = Number(u!.enterprise_id);
    unitCode = u!.unit_code;
  });
  afterAll(() => s.close());

  it('scores the rule-of-law dimension and its weak links as computed by hand', async () => {
    const created = await city.send('POST', '/api/scorecards/benchmarks', {
      code: 'T-SH',
      nameZh: '测试上海',
      nameEn: 'Test Shanghai',
      note: '',
    });
    expect(created.statusCode).toBe(201);
    const put = (c: ApiClient, kind: string, code: string, values: Record<string, number | null>) =>
      c.send('PUT', `/api/scorecards/values/${kind}/${code}/${YEAR}`, { values });
    expect(
      (await put(lixia, 'district', '370102', { law_arrears_cleared: 90, law_trial_days: 60, law_ip_protection: 80 })).statusCode,
    ).toBe(200);
    expect(
      (await put(city, 'district', '370103', { law_arrears_cleared: 100, law_trial_days: 100, law_ip_protection: 60 }))
        .statusCode,
    ).toBe(200);
    expect(
      (await put(city, 'benchmark', 'T-SH', { law_arrears_cleared: 100, law_trial_days: 40, law_ip_protection: 100 })).statusCode,
    ).toBe(200);

    const d = (await lixia.get(`/api/scorecards/districts/370102?year=${YEAR}`)).json() as Detail;
    const law = (id: string) => d.indicators.find((i) => i.id === id)!;
    // arrears 90 / target 100 = 0.9; trial days (lower) over 40..100: (100 − 60)/60 = 0.6667; IP over 60..100: (80 − 60)/40 = 0.5
    expect([
      law('law_arrears_cleared').normalised,
      law('law_trial_days').normalised,
      law('law_ip_protection').normalised,
    ]).toEqual([0.9, 0.6667, 0.5]);
    // law = (0.9 + 0.6667 + 0.5)/3 × 100 = 68.89; the benchmark's law = 100
    const dim = d.dimensions.find((x) => x.id === 'law')!;
    expect(dim.score).toBe(68.89);
    expect(dim.benchmarkBest).toBe(100);
    // weak (best − own ≥ 0.3): trial days 1 − 0.6667, IP 1 − 0.5; arrears trails by 0.1 only
    expect(d.indicators.filter((i) => i.dimensionId === 'law' && i.weakLink).map((i) => i.id)).toEqual([
      'law_trial_days',
      'law_ip_protection',
    ]);
    // equal dimension weights: the total is the mean of the dimensions with a value
    const present = d.dimensions.flatMap((x) => (x.score === null ? [] : [x.score]));
    expect(d.total).toBeCloseTo(present.reduce((a, b) => a + b, 0) / present.length, 1);
    // a platform indicator with no value says why
    for (const i of d.indicators.filter((x) => x.value === null && x.source === 'platform'))
      expect(i.absentReason?.zh).toBe('平台该年度无数据');

    // what-if: law weighted 4, the others 1 → (4 × law + Σ others)/(4 + n − 1)
    const wi = (await city.send('POST', '/api/scorecards/districts/what-if', { year: YEAR, weights: { law: 4 } })).json() as {
      rows: { code: string; total: number; dimensions: Record<string, number | null> }[];
    };
    const row = wi.rows.find((r) => r.code === '370102')!;
    const others = Object.entries(row.dimensions)
      .filter(([k, v]) => k !== 'law' && v !== null)
      .map(([, v]) => v as number);
    expect(row.total).toBeCloseTo((4 * 68.89 + others.reduce((a, b) => a + b, 0)) / (4 + others.length), 1);
    const bad = await city.send('POST', '/api/scorecards/districts/what-if', { year: YEAR, weights: { law: -1, nope: 2 } });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field).sort()).toEqual([
      'weights.law',
      'weights.nope',
    ]);
  });

  it('keeps a district officer to their district and refuses platform indicators and bad values, changing nothing', async () => {
    expect((await lixia.get(`/api/scorecards/districts/370103?year=${YEAR}`)).statusCode).toBe(404);
    expect(
      (await lixia.send('PUT', `/api/scorecards/values/district/370103/${YEAR}`, { values: { law_trial_days: 1 } })).statusCode,
    ).toBe(404);
    expect((await bank.get(`/api/scorecards/districts/results?year=${YEAR}`)).statusCode).toBe(404);
    expect((await ent.get(`/api/scorecards/districts/results?year=${YEAR}`)).statusCode).toBe(404);
    const before = await valuesCount();
    const res = await lixia.send('PUT', `/api/scorecards/values/district/370102/${YEAR}`, {
      values: { law_trial_days: 50, market_titles_per_100: 3, pol_awareness: 130 },
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json() as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field).sort();
    expect(fields).toEqual(['values.market_titles_per_100', 'values.pol_awareness']);
    expect(await valuesCount()).toBe(before);
    const [v] = await q<{ value: number }>(
      `select value from scorecard_values where unit_code = '370102' and year = $1 and indicator_id = 'law_trial_days'`,
      [YEAR],
    );
    expect(Number(v!.value)).toBe(60);
  });

  it('imports all rows or none, naming sheet, row and column', async () => {
    const before = await valuesCount();
    const bad = await city.send('POST', '/api/scorecards/import', {
      fileBase64: await book([
        ['区县', '370104', YEAR, 95, 88],
        ['区县', '379999', YEAR, 90, 80],
        ['区县', '370105', YEAR, 101, 80],
      ]),
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field)).toEqual([
      '数据!B3',
      '数据!D4',
    ]);
    expect(await valuesCount()).toBe(before);
    const own = await lixia.send('POST', '/api/scorecards/import', {
      fileBase64: await book([['区县', '370104', YEAR, 95, 88]]),
    });
    expect(own.statusCode).toBe(400); // another district's row is unknown to a district officer
    const mine = await lixia.send('POST', '/api/scorecards/import', {
      fileBase64: await book([['区县', '370102', YEAR, 92, null]]),
    });
    expect(mine.statusCode).toBe(200);
    const [arrears] = await q<{ value: number; source: string }>(
      `select value, source from scorecard_values where unit_code = '370102' and year = $1 and indicator_id = 'law_arrears_cleared'`,
      [YEAR],
    );
    expect([Number(arrears!.value), arrears!.source]).toEqual([92, 'import']);
    await lixia.send('POST', '/api/scorecards/import', { fileBase64: await book([['区县', '370102', YEAR, 90, null]]) });
    const ok = await city.send('POST', '/api/scorecards/import', {
      fileBase64: await book([
        ['区县', '370104', YEAR, 95, 88],
        ['对标城市', 'T-SH', YEAR, null, 92],
      ]),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ values: 3, units: 2 });
    expect(await valuesCount()).toBe(before + 3);
    const audits = await q<{ n: number }>(
      `select count(*)::int as n from audit_log where action in ('scorecard.values_imported', 'scorecard.values_saved')`,
    );
    expect(Number(audits[0]!.n)).toBeGreaterThanOrEqual(6);
  });

  it('exports the district report as Word and Excel and the ranking as Excel', async () => {
    const docx = await lixia.get(`/api/scorecards/districts/370102/report.docx?year=${YEAR}`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const xlsx = await lixia.get(`/api/scorecards/districts/370102/report.xlsx?year=${YEAR}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['指标明细', '维度得分', '历年变化']);
    const rank = await city.get(`/api/scorecards/districts/ranking.xlsx?year=${YEAR}`);
    expect(rank.statusCode).toBe(200);
    expect(String(rank.headers['content-disposition'])).toContain('district-ranking-2019');
  });

  it('scores an enterprise’s questionnaire, keeps one per day and writes its level as the tier fact', async () => {
    const qn = (await ent.get('/api/scorecards/digital/questionnaire')).json() as {
      questions: { id: string; options: { id: string }[] }[];
    };
    const lowest = Object.fromEntries(qn.questions.map((x) => [x.id, [x.options[0]!.id]]));
    const mixed = {
      ...lowest,
      network: ['industrial', 'systems'],
      equipment_digital: ['r20'],
      equipment_connected: ['r10'],
      data_collection: ['quality', 'equipment', 'energy', 'hr'],
      information_systems: ['several'],
      network_security: ['policy', 'products'],
      data_security: ['policy'],
      planning: ['plan'],
      mechanisms: ['workflow'],
      talent: ['staff', 'training'],
      funding: ['r10'],
      energy: ['flat'],
      quality_rate: ['up'],
      revenue_per_head: ['flat'],
    };
    const bad = await ent.send('POST', `/api/scorecards/digital/enterprises/${enterpriseId}`, {
      answers: { ...mixed, planning: ['plan', 'aware'] },
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { fields: { field: string }[] } }).error.fields[0]!.field).toBe('answers.planning');
    const res = await ent.send('POST', `/api/scorecards/digital/enterprises/${enterpriseId}`, { answers: mixed });
    expect(res.statusCode).toBe(201);
    const r = res.json() as { score: number; level: number; advice: { questionId: string }[] };
    // 20.25 + 9.75 + 12 = 42 (policy test shows the sum) → 二级
    expect([r.score, r.level]).toEqual([42, 2]);
    expect(r.advice.map((a) => a.questionId)).toEqual(['cost', 'mechanisms', 'funding']);
    const fact = async () =>
      (
        await q<{ facts: { digitalLevel?: number } }>(`select facts from enterprise_declared_facts where enterprise_id = $1`, [
          enterpriseId,
        ])
      )[0]?.facts.digitalLevel;
    expect(await fact()).toBe(2);
    // … which the 专精特新 2022 standard scores under indicator 5: 二级 → band B, 3 points
    const digitalIndicator = async () => {
      const a = (
        await ent.get(`/api/tiers/enterprises/${enterpriseId}/assessment?standard=specialized_sme&date=2025-06-30`)
      ).json() as {
        results: {
          standardVersion: string;
          indicators: { id: string; points: number; value: string | null; status: string }[];
        }[];
      };
      expect(a.results[0]!.standardVersion).toBe('specialized_sme@2022');
      return a.results[0]!.indicators.find((i) => i.id === 'digital')!;
    };
    expect((await digitalIndicator()).points).toBe(3);
    // the same day again (a double click, or a correction): still one questionnaire; below level 1 removes the fact
    const [a, b] = await Promise.all([
      ent.send('POST', `/api/scorecards/digital/enterprises/${enterpriseId}`, { answers: lowest }),
      ent.send('POST', `/api/scorecards/digital/enterprises/${enterpriseId}`, { answers: lowest }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    const rows = await q<{ n: number; level: number }>(
      `select count(*)::int as n, max(level) as level from digital_assessments where enterprise_id = $1`,
      [enterpriseId],
    );
    expect([Number(rows[0]!.n), Number(rows[0]!.level)]).toEqual([1, 0]);
    expect(await fact()).toBeUndefined();
    expect((await digitalIndicator()).status).not.toBe('scored');
    const audit = await q<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'scorecard.digital_assessed' and entity_id is not null`,
    );
    expect(Number(audit[0]!.n)).toBeGreaterThanOrEqual(3);

    expect((await city.get(`/api/scorecards/digital/enterprises/${enterpriseId}`)).statusCode).toBe(200);
    expect((await lixia.get(`/api/scorecards/digital/enterprises/${enterpriseId}`)).statusCode).toBe(
      unitCode === '370102' ? 200 : 404,
    );
    expect((await city.send('POST', `/api/scorecards/digital/enterprises/${enterpriseId}`, { answers: lowest })).statusCode).toBe(
      404,
    );
    const stats = (await city.get('/api/scorecards/digital/stats')).json() as {
      assessed: number;
      byDistrict: { key: string; assessed: number }[];
    };
    expect(stats.byDistrict.find((g) => g.key === unitCode)?.assessed).toBeGreaterThanOrEqual(1);
  });

  it('counts districts assessed (measure 8) from the previous year’s complete entries', async () => {
    const { INDICATORS } = await import('../../src/modules/measures/indicators.ts');
    const m8 = INDICATORS.find((i) => i.id === 'm8.districts_assessed')!;
    const quarter = {
      period: `${YEAR + 1}Q1`,
      year: YEAR + 1,
      quarter: 1 as const,
      from: `${YEAR + 1}-01-01`,
      to: `${YEAR + 1}-03-31`,
      yearFrom: `${YEAR + 1}-01-01`,
    };
    expect((await m8.compute(s.ctx.database, quarter)).value).toBe(0);
    const all = {
      market_new_entities_growth: 5,
      market_online_services: 90,
      law_arrears_cleared: 95,
      law_trial_days: 70,
      law_ip_protection: 85,
      fin_inclusive_loan_growth: 12,
      inn_rd_intensity: 2.4,
      pol_days_to_pay: 30,
      pol_awareness: 85,
    };
    expect((await lixia.send('PUT', `/api/scorecards/values/district/370102/${YEAR}`, { values: all })).statusCode).toBe(200);
    expect((await m8.compute(s.ctx.database, quarter)).value).toBe(1);
  });
});
