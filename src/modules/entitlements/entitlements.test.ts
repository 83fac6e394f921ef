import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/db.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { signIn, type ApiClient } from '../../../test/helpers/client.ts';
import { recompute } from './service.ts';
import { loadFacts } from './facts.ts';
import { computeEvaluation } from './service.ts';

const actor = { id: null, name: 'test' };

describe.each(ENGINES)('stored entitlements on %s', (engine) => {
  let s: TestServer;
  let city: ApiClient;
  let lixia: ApiClient;
  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false, enterprises: 1500 });
    city = await signIn(s.app, 'city');
    lixia = await signIn(s.app, 'lixia');
  });
  afterAll(() => s.close());

  const q = <T>(text: string, params: unknown[] = []) => s.ctx.database.query<T>(text, params);

  it('stores every computed entitlement of a year, with its trace citing the clause', async () => {
    const counts = await recompute(s.ctx.database, actor, { fiscalYear: 2025 });
    expect(counts.computed).toBeGreaterThan(0);
    expect(counts.inserted).toBe(counts.computed);
    const [row] = await q<{ n: number; sum: number }>(`select count(*)::int as n, sum(amount)::bigint as sum from entitlements where fiscal_year = 2025`);
    const expected = computeEvaluation(await loadFacts(s.ctx.database, [2025]), { fiscalYear: 2025 });
    expect(row!.n).toBe(expected.entitlements.length);
    expect(Number(row!.sum)).toBe(expected.entitlements.reduce((a, e) => a + e.amount, 0));
    const [one] = await q<{ trace: { clause: string; parametersHash: string; conditions: unknown[] } }>(
      `select trace from entitlements where fiscal_year = 2025 and clause = '2' limit 1`,
    );
    expect(one!.trace.clause).toBe('2');
    expect(one!.trace.parametersHash).toMatch(/^[0-9a-f]{64}$/);
    const [set] = await q<{ parameters: unknown[] }>(`select parameters from trace_parameter_sets where hash = $1`, [one!.trace.parametersHash]);
    expect(set!.parameters.length).toBeGreaterThan(0);
  });

  it('changes nothing when run again', async () => {
    const before = await q<{ id: number; amount: number; updated_at: string }>(`select id, amount, updated_at from entitlements order by id`);
    const auditBefore = await q<{ n: number }>(`select count(*)::int as n from audit_log`);
    const counts = await recompute(s.ctx.database, actor, { fiscalYear: 2025 });
    expect(counts).toMatchObject({ inserted: 0, updated: 0, withdrawn: 0, recoveryDue: 0, restored: 0 });
    expect(await q(`select id, amount, updated_at from entitlements order by id`)).toEqual(before);
    expect(await q(`select count(*)::int as n from audit_log`)).toEqual(auditBefore);
  });

  it('gives exactly one result when two recomputations run at once', async () => {
    const [a, b] = await Promise.all([
      recompute(s.ctx.database, actor, { fiscalYear: 2024 }),
      recompute(s.ctx.database, actor, { fiscalYear: 2024 }),
    ]);
    expect(a.inserted + b.inserted).toBe(a.computed);
    const [dups] = await q<{ n: number }>(`select count(*)::int as n from (select key from entitlements group by key having count(*) > 1) d`);
    expect(dups!.n).toBe(0);
  });

  it('withdraws an unpaid entitlement when its title is revoked, and flags a paid one for recovery', async () => {
    const titled = await q<{ id: number; title_id: string }>(
      `select id, trigger->>'titleId' as title_id from entitlements where fiscal_year = 2025 and clause = '2' and status = 'owed' order by id limit 2`,
    );
    const [unpaid, paid] = titled;
    await q(`update entitlements set paid_at = now() where id = $1`, [paid!.id]);
    for (const t of [unpaid!, paid!])
      await q(`update titles set revoked_on = recognised_on + 30, revoke_reason = '数据造假' where id = $1`, [Number(t.title_id)]);
    const counts = await recompute(s.ctx.database, actor, { fiscalYear: 2025 });
    expect(counts.withdrawn).toBeGreaterThanOrEqual(1);
    expect(counts.recoveryDue).toBeGreaterThanOrEqual(1);
    const rows = await q<{ id: number; status: string; status_reason: { en: string }[] }>(
      `select id, status, status_reason from entitlements where id = any($1::bigint[]) order by id`,
      [[unpaid!.id, paid!.id]],
    );
    expect(rows.find((r) => r.id === unpaid!.id)).toMatchObject({ status: 'withdrawn' });
    expect(rows.find((r) => r.id === paid!.id)).toMatchObject({ status: 'recovery_due' });
    expect(rows[0]!.status_reason[0]!.en).toMatch(/revoked/i);
    const [still] = await q<{ n: number }>(`select count(*)::int as n from entitlements where id = any($1::bigint[])`, [[unpaid!.id, paid!.id]]);
    expect(still!.n).toBe(2);
  });

  it('refuses a second entitlement with the same key in the database itself', async () => {
    await expect(
      q(`insert into entitlements (key, fiscal_year, clause, item, beneficiary_type, enterprise_id, amount, policy_version, trigger)
         select key, fiscal_year, clause, item, beneficiary_type, enterprise_id, amount, policy_version, trigger from entitlements
          where enterprise_id is not null limit 1`),
    ).rejects.toThrow(/duplicate|unique/i);
  });

  it('lets only a city officer recompute, and scopes the list to a district officer’s unit', async () => {
    expect((await lixia.send('POST', '/api/entitlements/recompute', { fiscalYear: 2025 })).statusCode).toBe(403);
    const ok = await city.send('POST', '/api/entitlements/recompute', { fiscalYear: 2025 });
    expect(ok.statusCode).toBe(200);
    const own = (await lixia.get('/api/entitlements?pageSize=200')).json();
    expect(own.items.every((e: { unitCode: string }) => e.unitCode === '370102')).toBe(true);
    const detail = await city.get(`/api/entitlements/${own.items[0]?.id ?? 1}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().trace.parameters.length).toBeGreaterThan(0);
    expect(detail.json().trace.conditions.length).toBeGreaterThan(0);
  });

  it('computes a what-if with a lower amount and shows the difference', async () => {
    const res = await city.send('POST', '/api/budget/what-if', {
      fiscalYears: [2025],
      parameters: { clause_2_specialized_sme_first_amount: 200000 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const w = res.json();
    expect(w.totals.difference).toBeLessThan(0);
    const bad = await city.send('POST', '/api/budget/what-if', { fiscalYears: [2025], parameters: { no_such_parameter: 1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('parameters.no_such_parameter');
    const wrongType = await city.send('POST', '/api/budget/what-if', { fiscalYears: [2025], parameters: { clause_2_little_giant_first_amount: 'lots' } });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.fields[0].field).toBe('parameters.clause_2_little_giant_first_amount');
  });

  it('models 就高不重复 in a what-if without turning the switch into a number', async () => {
    const res = await city.send('POST', '/api/budget/what-if', { fiscalYears: [2024, 2025], parameters: { interpretation_highest_only: true } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().totals.difference).toBeLessThanOrEqual(0);
  });
});
