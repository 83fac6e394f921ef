import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { signIn, type ApiClient } from '../helpers/client.ts';
import { ENGINES } from '../helpers/db.ts';
import { ACCOUNT } from '../helpers/cases.ts';
import { recompute } from '../../src/modules/entitlements/service.ts';
import { syncCases } from '../../src/modules/cases/service.ts';
import { verifyAudit } from '../../src/modules/audit/service.ts';

/** A multipart body as a browser's FormData would send it. */
function multipart(file: { name: string; bytes: Buffer }, field = 'file') {
  const boundary = '----smeladder' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="${field}"; filename="${file.name}"\r\ncontent-type: application/octet-stream\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);

describe.each(ENGINES)('application documents on %s', (engine) => {
  let s: TestServer;
  let owner: ApiClient;
  let city: ApiClient;
  let lixia: ApiClient;
  let caseId = 0;
  let otherCaseId = 0;
  const q = <T>(text: string, params: unknown[] = []) => s.ctx.database.query<T>(text, params);
  const upload = (c: ApiClient, id: number, name: string, bytes: Buffer, field?: string) => {
    const m = multipart({ name, bytes }, field);
    return c.send('POST', `/api/cases/${id}/documents`, m.body, m.headers);
  };

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false, enterprises: 300 });
    for (const y of [2023, 2024, 2025, 2026]) await recompute(s.ctx.database, { id: null, name: 'test' }, { fiscalYear: y });
    await syncCases(s.ctx.database, { id: null, name: 'test' });
    // An application-track case (clause 4: a service park); the demo operator account is made that park's.
    const [c] = await q<{ id: number; carrier_id: number }>(
      `select id, carrier_id from cases where track = 'application' and state = 'opened' order by id limit 1`,
    );
    expect(c).toBeDefined();
    caseId = Number(c!.id);
    await q(`update users set carrier_id = $1 where username = 'carrier'`, [c!.carrier_id]);
    owner = await signIn(s.app, 'carrier');
    const [o] = await q<{ id: number }>(`select id from cases where id <> $1 order by id limit 1`, [caseId]);
    otherCaseId = Number(o!.id);
    city = await signIn(s.app, 'city');
    lixia = await signIn(s.app, 'lixia');
  });
  afterAll(() => s.close());

  it('stores an uploaded PDF with its size and SHA-256, lists it, and gives back the same bytes', async () => {
    const res = await upload(owner, caseId, '年度工作方案.pdf', PDF);
    expect(res.statusCode).toBe(201);
    const d = res.json() as { id: number; fileName: string; mediaType: string; size: number; sha256: string };
    expect(d).toMatchObject({
      fileName: '年度工作方案.pdf',
      mediaType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    // The same file again is the same document, stored once.
    const again = await upload(owner, caseId, '年度工作方案.pdf', PDF);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(d.id);
    const list = (await city.get(`/api/cases/${caseId}/documents`)).json() as { id: number }[];
    expect(list.map((x) => x.id)).toEqual([d.id]);
    const file = await city.get(`/api/cases/${caseId}/documents/${d.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('年度工作方案.pdf')}`);
    expect(Buffer.compare(file.rawPayload, PDF)).toBe(0);
    const [a] = await q<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'case.document.upload' and entity_id = $1`,
      [String(d.id)],
    );
    expect(a!.n).toBe(1);
    expect((await verifyAudit(s.ctx.database)).problem).toBeNull();
  });

  it('refuses a file whose content is not what its name says, an unknown type, and one over 10 MB, naming the field and storing nothing', async () => {
    const before = (await q<{ n: number }>(`select count(*)::int as n from case_documents`))[0]!.n;
    const fake = await upload(owner, caseId, 'scan.pdf', Buffer.from('MZ this is an executable'));
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.fields[0]).toMatchObject({
      field: 'file',
      reason: { zh: expect.stringContaining('PDF'), en: expect.stringContaining('not PDF') },
    });
    const exe = await upload(owner, caseId, 'setup.exe', Buffer.from('MZ'));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.fields[0].reason.zh).toContain('只接受');
    const big = await upload(owner, caseId, 'big.pdf', Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.statusCode).toBe(400);
    expect(big.json().error.fields[0]).toMatchObject({ field: 'file', reason: { en: 'the file must not exceed 10 MB' } });
    const wrongField = await upload(owner, caseId, 'a.pdf', PDF, 'attachment');
    expect(wrongField.statusCode).toBe(400);
    expect((await q<{ n: number }>(`select count(*)::int as n from case_documents`))[0]!.n).toBe(before);
  });

  it('lets only the beneficiary attach, and only while the case waits for it; others’ cases look absent', async () => {
    expect((await upload(city, caseId, 'x.pdf', PDF)).statusCode).toBe(403);
    expect((await upload(owner, otherCaseId, 'x.pdf', PDF)).statusCode).toBe(404);
    expect((await owner.get(`/api/cases/${otherCaseId}/documents`)).statusCode).toBe(404);
    const [unit] = await q<{ unit_code: string }>(`select unit_code from cases where id = $1`, [caseId]);
    if (unit!.unit_code !== '370102') expect((await lixia.get(`/api/cases/${caseId}/documents`)).statusCode).toBe(404);
  });

  it('accepts an application only with documents of its own case, then takes no more uploads', async () => {
    const [doc] = await q<{ id: number }>(`select id from case_documents where case_id = $1`, [caseId]);
    const d = (await owner.get(`/api/cases/${caseId}`)).json() as { case: { version: number } };
    const foreign = await owner.send('POST', `/api/cases/${caseId}/transitions`, {
      action: 'submit_application',
      version: d.case.version,
      account: ACCOUNT,
      application: { statement: '申请运营奖励', documents: [{ name: '别人的文件.pdf', ref: 'doc:999999' }] },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields[0].field).toBe('application.documents');
    const ok = await owner.send('POST', `/api/cases/${caseId}/transitions`, {
      action: 'submit_application',
      version: d.case.version,
      account: ACCOUNT,
      application: { statement: '申请运营奖励', documents: [{ name: '年度工作方案.pdf', ref: `doc:${doc!.id}` }] },
    });
    expect(ok.statusCode).toBe(200);
    const late = await upload(
      owner,
      caseId,
      'late.png',
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]),
    );
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message.zh).toContain('不能上传材料');
  });

  it('holds the limits in the database too', async () => {
    await expect(
      q(
        `insert into case_documents (case_id, file_name, media_type, size_bytes, sha256, content, uploaded_by_name) values ($1, 'x.pdf', 'application/pdf', 5, 'nothex', '\\x2550444625'::bytea, 't')`,
        [caseId],
      ),
    ).rejects.toThrow();
    await expect(
      q(
        `insert into case_documents (case_id, file_name, media_type, size_bytes, sha256, content, uploaded_by_name) values ($1, 'x.pdf', 'application/pdf', 99, $2, '\\x2550444625'::bytea, 't')`,
        [caseId, 'a'.repeat(64)],
      ),
    ).rejects.toThrow();
  });
});
