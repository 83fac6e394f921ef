import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { signIn, type ApiClient } from '../helpers/client.ts';
import { ENGINES } from '../helpers/db.ts';
import { makeUscc } from '../../src/shared/uscc.ts';
import { verifyAudit } from '../../src/modules/audit/service.ts';

interface Row {
  rowNo: number;
  name: string;
  verdict: string;
  recognition: string;
  matchMethod: string | null;
  enterpriseId: number | null;
  candidates: { enterpriseId: number; score: number }[];
  outcome: string | null;
  titleId: number | null;
}

const NEW_CODE = makeUscc('9', '1', '370102', 'MA3XH0A1');
const OPTIONS = { kind: 'specialized_sme', level: 'provincial', batch: '2024年度', recognisedOn: '2024-07-15' };

/** A multipart body as a browser's FormData would send it. */
function multipart(fields: Record<string, string>, file?: { name: string; bytes: Buffer }) {
  const boundary = '----smeladder' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file)
    parts.push(
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: application/octet-stream\r\n\r\n`),
      file.bytes,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(ENGINES)('list import API on %s', (engine) => {
  let s: TestServer;
  let city: ApiClient;
  let lixia: ApiClient;
  let firms: { id: number; name: string; uscc: string }[];
  let former: { id: number; name: string };
  let listXlsx: Buffer;
  let importId: number;

  const count = async (table: string, where = 'true') =>
    (await s.ctx.database.query<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`))[0]!.n;
  const upload = (client: ApiClient, name: string, bytes: Buffer, fields: Record<string, string> = OPTIONS) => {
    const m = multipart(fields, { name, bytes });
    return client.send('POST', '/api/imports', m.body, m.headers);
  };
  const rowsOf = async (id: number): Promise<Row[]> => ((await city.get(`/api/imports/${id}?pageSize=1000`)).json() as { rows: Row[] }).rows;

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false, enterprises: 300 });
    city = await signIn(s.app, 'city');
    lixia = await signIn(s.app, 'lixia');
    firms = await s.ctx.database.query(
      `select id, name, uscc from enterprises e where name like '%有限公司' and name not like '%股份有限公司'
         and not exists (select 1 from enterprise_former_names f where f.enterprise_id = e.id)
         and char_length(name) >= 10 order by id limit 4`,
    );
    const formers = await s.ctx.database.query<{ id: number; name: string }>(
      `select f.enterprise_id as id, f.name from enterprise_former_names f
        where not exists (select 1 from enterprises e where e.name = f.name) order by f.id limit 1`,
    );
    former = formers[0]!;
    const [a, b, c, d] = firms;
    const chars = [...c!.name];
    chars[chars.length - 6] = chars[chars.length - 6] === '鑫' ? '淼' : '鑫';
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('附件');
    ws.addRow(['2024年度山东省“专精特新”中小企业名单']);
    ws.mergeCells('A1:D1');
    ws.addRow(['序号', '企业名称', '统一社会信用代码', '所在地区']);
    ws.addRow(['一、新认定企业']);
    ws.mergeCells('A3:D3');
    ws.addRow([1, a!.name.replace(/有限公司$/, '有限责任公司').replace(/\(/g, '（').replace(/\)/g, '）'), '', '济南市']);
    ws.addRow([2, '鲁某某公司', b!.uscc, '济南市']);
    ws.addRow([3, chars.join(''), '', '济南市']);
    ws.addRow([4, '青岛海之源海洋科技有限公司', '', '青岛市']);
    ws.addRow([5, '烟台蓝海食品有限公司', '', '烟台市']);
    ws.addRow([6, a!.name, '', '济南市']);
    ws.addRow([7, '济南星河航天动力装备有限公司', '', '历下区']);
    ws.addRow(['二、复核通过企业']);
    ws.mergeCells('A11:D11');
    ws.addRow([8, d!.name, '', '济南市']);
    ws.addRow([9, former.name, '', '济南市']);
    listXlsx = Buffer.from(await wb.xlsx.writeBuffer());
  });
  afterAll(() => s.close());

  it('previews an Excel list: variants, code-only, misspelt, other cities, duplicates, renewal section', async () => {
    const res = await upload(city, '2024专精特新名单.xlsx', listXlsx);
    expect(res.statusCode).toBe(201);
    const body = res.json() as { import: { id: number; status: string; counts: Record<string, number>; validUntil: string }; reused: boolean };
    importId = body.import.id;
    expect(body.import).toMatchObject({ status: 'preview', validUntil: '2027-07-14' });
    expect(body.import.counts).toMatchObject({ total: 9, matched: 4, ambiguous: 1, other_city: 2, duplicate: 1, not_found: 1, invalid: 0 });
    const rows = await rowsOf(importId);
    const [a, b, c, d] = firms;
    const by = (rowNo: number) => rows.find((r) => r.rowNo === rowNo)!;
    expect(by(4)).toMatchObject({ verdict: 'matched', enterpriseId: a!.id, recognition: 'first' });
    expect(by(5)).toMatchObject({ verdict: 'matched', matchMethod: 'uscc', enterpriseId: b!.id });
    expect(by(6)).toMatchObject({ verdict: 'ambiguous', matchMethod: 'fuzzy' });
    expect(by(6).candidates[0]!.enterpriseId).toBe(c!.id);
    expect([by(7).verdict, by(8).verdict]).toEqual(['other_city', 'other_city']);
    expect(by(9).verdict).toBe('duplicate');
    expect(by(10).verdict).toBe('not_found');
    expect(by(12)).toMatchObject({ verdict: 'matched', enterpriseId: d!.id, recognition: 'renewal' });
    expect(by(13)).toMatchObject({ verdict: 'matched', matchMethod: 'former_name', enterpriseId: former.id, recognition: 'renewal' });
  });

  it('keeps imports to city officers', async () => {
    expect((await upload(lixia, 'x.xlsx', listXlsx)).statusCode).toBe(403);
    expect((await lixia.get(`/api/imports/${importId}`)).statusCode).toBe(403);
  });

  it('refuses to apply while a row awaits a decision, changing nothing', async () => {
    const before = await count('titles');
    const res = await city.send('POST', `/api/imports/${importId}/apply`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields[0].field).toBe('rows[6]');
    expect(await count('titles')).toBe(before);
  });

  it('takes the officer’s decisions: the fuzzy candidate, and a new firm to register', async () => {
    const pick = await city.send('POST', `/api/imports/${importId}/rows/6/decision`, { action: 'match', enterpriseId: firms[2]!.id });
    expect(pick.statusCode).toBe(200);
    const badCreate = await city.send('POST', `/api/imports/${importId}/rows/10/decision`, { action: 'create', uscc: '91370102MA3XH0A1X0' });
    expect(badCreate.statusCode).toBe(400);
    expect(badCreate.json().error.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['uscc', 'industryCode']));
    const create = await city.send('POST', `/api/imports/${importId}/rows/10/decision`, {
      action: 'create',
      uscc: NEW_CODE,
      industryCode: 'C3421',
      establishedOn: '2019-03-01',
      sizeClass: 'small',
    });
    expect(create.statusCode).toBe(200);
    expect(create.json().decision).toMatchObject({ action: 'create', enterprise: { unitCode: '370102', name: '济南星河航天动力装备有限公司' } });
  });

  it('applies in one go: titles with source import:<id>, first and renewal, the new firm registered', async () => {
    const res = await city.send('POST', `/api/imports/${importId}/apply`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().import).toMatchObject({ status: 'applied', counts: { applied: { created: 6, enterprisesCreated: 1, alreadyRecorded: 0 } } });
    const titles = await s.ctx.database.query<{ recognition: string; n: number }>(
      `select recognition, count(*)::int as n from titles where source = $1 group by recognition order by recognition`,
      [`import:${importId}`],
    );
    expect(titles).toEqual([
      { recognition: 'first', n: 4 },
      { recognition: 'renewal', n: 2 },
    ]);
    expect(await count('enterprises', `uscc = '${NEW_CODE}'`)).toBe(1);
    expect((await verifyAudit(s.ctx.database)).problem).toBeNull();
  });

  it('changes nothing when the same list is imported again', async () => {
    const titles = await count('titles');
    const imports = await count('list_imports');
    const again = await upload(city, 'copy.xlsx', listXlsx);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ reused: true, import: { id: importId, status: 'applied' } });
    expect((await city.send('POST', `/api/imports/${importId}/apply`, {})).statusCode).toBe(409);
    expect(await count('titles')).toBe(titles);
    expect(await count('list_imports')).toBe(imports);
  });

  it('skips titles already recorded when an overlapping list is imported', async () => {
    const text = `企业名称\n${firms[0]!.name}\n${firms[3]!.name}\n`;
    const res = await city.send('POST', '/api/imports/text', { text, ...OPTIONS });
    expect(res.statusCode).toBe(201);
    const id = res.json().import.id as number;
    expect(res.json().import.counts).toMatchObject({ matched: 2, alreadyRecorded: 2 });
    const applied = await city.send('POST', `/api/imports/${id}/apply`, {});
    expect(applied.json().import.counts.applied).toMatchObject({ created: 0, alreadyRecorded: 2 });
  });

  it('exports the rows that did not match as xlsx', async () => {
    const res = await city.get(`/api/imports/${importId}/unmatched.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const names = wb.worksheets[0]!.getColumn(2).values.slice(2);
    expect(names).toEqual(expect.arrayContaining(['青岛海之源海洋科技有限公司', '烟台蓝海食品有限公司']));
    expect(names).not.toContain(firms[3]!.name);
  });

  it('keeps the original file and the history', async () => {
    const file = await city.get(`/api/imports/${importId}/file`);
    expect(Buffer.compare(file.rawPayload, listXlsx)).toBe(0);
    const list = (await city.get('/api/imports')).json() as { items: { id: number; createdByName: string }[] };
    expect(list.items.find((i) => i.id === importId)?.createdByName).toBe('city');
  });

  it('refuses to revert once an entitlement of its titles is paid, and reverts when none is', async () => {
    const [t] = await s.ctx.database.query<{ id: number; enterprise_id: number }>(
      `select id, enterprise_id from titles where source = $1 order by id limit 1`,
      [`import:${importId}`],
    );
    const [ent] = await s.ctx.database.query<{ id: number }>(
      `insert into entitlements (key, fiscal_year, clause, item, beneficiary_type, enterprise_id, amount, policy_version, trigger, paid_at)
       values ($1, 2025, '2', 'new_specialized', 'enterprise', $2, 300000, 'test', $3::jsonb, now()) returning id`,
      [`test-import-${t!.id}`, t!.enterprise_id, JSON.stringify({ kind: 'title', titleId: String(t!.id) })],
    );
    const titles = await count('titles', `source = 'import:${importId}'`);
    const refused = await city.send('POST', `/api/imports/${importId}/revert`, { reason: '名单有误' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message.zh).toContain('已拨付');
    expect(await count('titles', `source = 'import:${importId}'`)).toBe(titles);

    await s.ctx.database.query(`update entitlements set paid_at = null where id = $1`, [ent!.id]);
    const res = await city.send('POST', `/api/imports/${importId}/revert`, { reason: '名单有误' });
    expect(res.statusCode).toBe(200);
    expect(res.json().import).toMatchObject({ status: 'reverted', counts: { reverted: { titlesDeleted: titles, entitlementsWithdrawn: 1 } } });
    expect(await count('titles', `source = 'import:${importId}'`)).toBe(0);
    const [e] = await s.ctx.database.query<{ status: string; status_reason: { zh: string } }>(`select status, status_reason from entitlements where id = $1`, [ent!.id]);
    expect(e!.status).toBe('withdrawn');
    expect(e!.status_reason.zh).toContain('名单有误');
  });

  it('rejects bad files with a clear reason and stores nothing', async () => {
    const imports = await count('list_imports');
    const fake = await upload(city, 'list.xlsx', Buffer.from('序号,企业名称\n1,济南鲁信精密机械有限公司\n'));
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.fields[0]).toMatchObject({ field: 'file' });
    const noName = await city.send('POST', '/api/imports/text', { text: '甲\t乙\n丙\t丁\n', ...OPTIONS });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.fields[0].field).toBe('mapping');
    const badOptions = await upload(city, 'list.xlsx', listXlsx, { kind: 'specialized_sme', level: 'provincial', recognisedOn: '2024-13-01' });
    expect(badOptions.statusCode).toBe(400);
    expect(badOptions.json().error.fields[0].field).toBe('recognisedOn');
    const huge = await upload(city, 'big.csv', Buffer.alloc(5 * 1024 * 1024 + 10, 0x41));
    expect(huge.statusCode).toBe(413);
    expect(await count('list_imports')).toBe(imports);
  });

  it('reads a list with a manual column mapping', async () => {
    const text = `x\ty\n济南\t${firms[1]!.name}\n`;
    const res = await city.send('POST', '/api/imports/text', { text, ...OPTIONS, batch: 'manual', mapping: { headerRow: 1, columns: { name: 'B', region: 1 } } });
    expect(res.statusCode).toBe(201);
    expect(res.json().import.counts).toMatchObject({ total: 1, matched: 1 });
  });
});
