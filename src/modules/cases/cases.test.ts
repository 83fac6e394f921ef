import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/db.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { CITY, FINANCE, caseRow, dayAfter, districtOf, principal, throughNotice, toCityReview, beneficiaryOf } from '../../../test/helpers/cases.ts';
import { recompute } from '../entitlements/service.ts';
import { verifyAudit } from '../audit/service.ts';
import { AppError } from '../../shared/errors.ts';
import { todayShanghai } from '../../shared/dates.ts';
import { getCase, syncCases, transitionCase } from './service.ts';
import { closeDueNotices, fileObjection, publishNotice } from './notices.ts';
import { approveBatch, createBatch, payBatch } from './batches.ts';

const actor = { id: null, name: 'test' };
const today = todayShanghai();

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe.each(ENGINES)('cases on %s', (engine) => {
  let s: TestServer;
  const q = <T>(text: string, params: unknown[] = []) => s.ctx.database.query<T>(text, params);
  const ids = async (where: string) => (await q<{ id: number }>(`select id from cases where ${where} order by id`)).map((r) => Number(r.id));

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false, enterprises: 300 });
    for (const y of [2023, 2024, 2025]) await recompute(s.ctx.database, actor, { fiscalYear: y });
  });
  afterAll(() => s.close());

  it('opens one case per owed entitlement, with the track of its clause, and opening again changes nothing', async () => {
    const [a, b] = await Promise.all([syncCases(s.ctx.database, actor), syncCases(s.ctx.database, actor)]);
    const [owed] = await q<{ n: number }>(`select count(*)::int as n from entitlements where status = 'owed' and paid_at is null and amount > 0`);
    expect(a.opened + b.opened).toBe(owed!.n);
    expect(owed!.n).toBeGreaterThan(10);
    expect(await syncCases(s.ctx.database, actor)).toEqual({ opened: 0, cancelled: 0 });
    const tracks = await q<{ clause: string; track: string }>(`select distinct clause, track from cases order by clause`);
    expect(tracks).toEqual([
      { clause: '2', track: 'no_application' },
      { clause: '4', track: 'application' },
      { clause: '5', track: 'no_application' },
    ]);
    const [ev] = await q<{ n: number }>(`select count(*)::int as n from case_events where action = 'open'`);
    expect(ev!.n).toBe(owed!.n);
  });

  it('walks a case from opening to paid and archived, with one event per step', async () => {
    const [id] = await ids(`clause = '2' and state = 'opened'`);
    await toCityReview(s.ctx.database, [id!]);
    await throughNotice(s.ctx.database, [id!], today);
    expect((await caseRow(s.ctx.database, id!)).version).toBe(5);
    const b = await createBatch(s.ctx.database, FINANCE, { title: '单件批次', caseIds: [id!] });
    const approved = await approveBatch(s.ctx.database, FINANCE, b.batch.id, { version: 1 });
    await payBatch(s.ctx.database, FINANCE, b.batch.id, { version: Number(approved.batch.version) });
    const r = await caseRow(s.ctx.database, id!);
    await transitionCase(s.ctx.database, CITY, id!, { action: 'archive', version: r.version });
    const d = await getCase(s.ctx.database, CITY, id!);
    expect(d.case.state).toBe('archived');
    expect(d.events.map((e) => e.toState)).toEqual(['opened', 'district_review', 'city_review', 'in_notice', 'finance_review', 'in_batch', 'paid', 'archived']);
    expect(d.payment).toMatchObject({ amount: d.case.amount });
    const [x] = await q<{ paid_at: string | null }>(`select paid_at from entitlements where id = $1`, [d.case.entitlementId]);
    expect(x!.paid_at).not.toBeNull();
    expect((d.entitlement as { trace: { clause: string } }).trace.clause).toBe('2');
    expect((await verifyAudit(s.ctx.database)).problem).toBeNull();
  });

  it('lets exactly one of two simultaneous approvals of the same version win; the other gets stale_version', async () => {
    const [id] = await ids(`state = 'opened' and track = 'no_application'`);
    let r = await caseRow(s.ctx.database, id!);
    await transitionCase(s.ctx.database, beneficiaryOf(r), id!, { action: 'confirm_account', version: r.version, account: { accountName: '某公司', bankName: '某银行', accountNo: '12345678' } });
    r = await caseRow(s.ctx.database, id!);
    const results = await Promise.allSettled([
      transitionCase(s.ctx.database, districtOf(r), id!, { action: 'district_approve', version: r.version }),
      transitionCase(s.ctx.database, districtOf(r), id!, { action: 'district_return', version: r.version, reason: '材料不全' }),
    ]);
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((x) => x.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(AppError);
    expect((lost.reason as AppError).id).toBe('stale_version');
    expect((lost.reason as AppError).detail?.zh).toContain('已被他人处理');
    const [ev] = await q<{ n: number }>(`select count(*)::int as n from case_events where case_id = $1 and from_state = 'district_review'`, [id]);
    expect(ev!.n).toBe(1);
  });

  it('refuses the wrong person, the wrong state and the wrong track with distinct errors', async () => {
    const [id] = await ids(`state = 'opened' and track = 'no_application'`);
    const r = await caseRow(s.ctx.database, id!);
    const other = principal('district_officer', { unitCode: r.unit_code === '370102' ? '370103' : '370102' });
    expect((await errorOf(transitionCase(s.ctx.database, other, id!, { action: 'district_approve', version: r.version }))).id).toBe('not_found');
    expect((await errorOf(transitionCase(s.ctx.database, districtOf(r), id!, { action: 'district_approve', version: r.version }))).id).toBe('conflict');
    expect((await errorOf(transitionCase(s.ctx.database, CITY, id!, { action: 'district_approve', version: r.version }))).id).toBe('forbidden');
    const wrongTrack = await errorOf(transitionCase(s.ctx.database, beneficiaryOf(r), id!, { action: 'submit_application', version: r.version, account: { accountName: 'a', bankName: 'b', accountNo: '12345678' }, application: { statement: 's', documents: [{ name: 'n', ref: 'r' }] } }));
    expect(wrongTrack.id).toBe('conflict');
    expect(wrongTrack.detail?.zh).toContain('免申即享');
    expect((await errorOf(transitionCase(s.ctx.database, CITY, id!, { action: 'city_publish', version: r.version }))).id).toBe('validation_failed');
    expect((await caseRow(s.ctx.database, id!)).version).toBe(r.version);
  });

  it('accepts an objection during the notice, sending the case back to city review, and refuses one after the period', async () => {
    const two = (await ids(`state = 'opened'`)).slice(0, 2);
    await toCityReview(s.ctx.database, two);
    const n = await publishNotice(s.ctx.database, CITY, { title: '异议测试公示', caseIds: two }, today);
    const objector = principal('enterprise_user', { enterpriseId: 1 });
    const o = await fileObjection(s.ctx.database, objector, n.notice.id, { caseId: two[0]!, text: '该企业认定年度有误，请核实' }, today);
    expect(o.caseState).toBe('city_review');
    const late = await errorOf(fileObjection(s.ctx.database, objector, n.notice.id, { caseId: two[1]!, text: '逾期提出的异议内容' }, dayAfter(String(n.notice.endsOn))));
    expect(late.id).toBe('conflict');
    expect(late.detail?.en).toContain('outside that period');
    // The late request itself closed the notice (due notices are closed on each relevant request):
    // the unobjected case moved on, the objected one stays in city review; closing again changes nothing.
    const [status] = await q<{ status: string }>(`select status from public_notices where id = $1`, [n.notice.id]);
    expect(status!.status).toBe('closed');
    expect(await closeDueNotices(s.ctx.database, dayAfter(String(n.notice.endsOn)))).toEqual({ closed: 0, advanced: 0 });
    const states = await q<{ id: number; state: string }>(`select id, state from cases where id = any($1::bigint[]) order by id`, [`{${two.join(',')}}`]);
    expect(states.map((x) => x.state)).toEqual(['city_review', 'finance_review']);
    // The objected case can be published again in a new notice.
    const again = await publishNotice(s.ctx.database, CITY, { title: '重新公示', caseIds: [two[0]!] }, today);
    expect(again.items).toHaveLength(1);
  });

  it('leaves nothing paid when paying is killed halfway, and pays each case exactly once on retry', async () => {
    const batchIds = (await ids(`state = 'opened'`)).slice(0, 6);
    await toCityReview(s.ctx.database, batchIds);
    await throughNotice(s.ctx.database, batchIds, today);
    const b = await createBatch(s.ctx.database, FINANCE, { title: '中断测试批次', caseIds: batchIds });
    const a = await approveBatch(s.ctx.database, FINANCE, b.batch.id, { version: 1 });
    const version = Number(a.batch.version);
    const crash = await payBatch(s.ctx.database, FINANCE, b.batch.id, { version }, {
      chunkSize: 1,
      afterChunk: (done, total) => {
        if (done >= total / 2) throw new Error('process killed');
      },
    }).catch((e: Error) => e);
    expect((crash as Error).message).toBe('process killed');
    const list = `{${batchIds.join(',')}}`;
    const after = async () => ({
      payments: (await q<{ n: number }>(`select count(*)::int as n from payments where case_id = any($1::bigint[])`, [list]))[0]!.n,
      paidEntitlements: (await q<{ n: number }>(`select count(*)::int as n from entitlements x join cases k on k.entitlement_id = x.id where k.id = any($1::bigint[]) and x.paid_at is not null`, [list]))[0]!.n,
      paidCases: (await q<{ n: number }>(`select count(*)::int as n from cases where id = any($1::bigint[]) and state = 'paid'`, [list]))[0]!.n,
      batch: (await q<{ state: string }>(`select state from disbursement_batches where id = $1`, [b.batch.id]))[0]!.state,
    });
    expect(await after()).toEqual({ payments: 0, paidEntitlements: 0, paidCases: 0, batch: 'approved' });
    await payBatch(s.ctx.database, FINANCE, b.batch.id, { version });
    expect(await after()).toEqual({ payments: 6, paidEntitlements: 6, paidCases: 6, batch: 'paid' });
    const again = await errorOf(payBatch(s.ctx.database, FINANCE, b.batch.id, { version: version + 1 }));
    expect(again.id).toBe('conflict');
    expect(again.detail?.zh).toContain('不会重复拨付');
    expect((await after()).payments).toBe(6);
  });

  it('holds "paid once" in the database even against code that tries twice', async () => {
    const [p] = await q<{ case_id: number; entitlement_id: number; batch_id: number }>(`select case_id, entitlement_id, batch_id from payments limit 1`);
    await expect(q(`insert into payments (case_id, entitlement_id, batch_id, amount, paid_at, recorded_by) values ($1, $2, $3, 1, now(), 'x')`, [p!.case_id, p!.entitlement_id, p!.batch_id])).rejects.toThrow();
    await expect(q(`insert into batch_items (batch_id, case_id, amount) values ($1, $2, 1)`, [p!.batch_id, p!.case_id])).rejects.toThrow();
    await expect(q(`insert into cases (entitlement_id, track, amount, fiscal_year, clause, item, beneficiary_type, unit_code) select entitlement_id, track, amount, fiscal_year, clause, item, beneficiary_type, unit_code from cases where id = $1`, [p!.case_id])).rejects.toThrow();
  });

  it('cancels an unpaid case when its entitlement is withdrawn, taking it out of its draft batch', async () => {
    const two = (await ids(`state = 'opened'`)).slice(0, 2);
    await toCityReview(s.ctx.database, two);
    await throughNotice(s.ctx.database, two, today);
    const b = await createBatch(s.ctx.database, FINANCE, { title: '撤销测试批次', caseIds: two });
    await q(`update entitlements set status = 'withdrawn', status_reason = '[{"code":"revoked","zh":"称号已被撤销","en":"revoked"}]' where id = (select entitlement_id from cases where id = $1)`, [two[0]]);
    const r = await syncCases(s.ctx.database, actor);
    expect(r.cancelled).toBe(1);
    const d = await getCase(s.ctx.database, CITY, two[0]!);
    expect(d.case.state).toBe('cancelled');
    expect(String(d.case.lastReason)).toContain('称号已被撤销');
    const [batch] = await q<{ item_count: number; total_amount: number }>(`select item_count, total_amount from disbursement_batches where id = $1`, [b.batch.id]);
    const [other] = await q<{ amount: number }>(`select amount from cases where id = $1`, [two[1]]);
    expect(batch).toEqual({ item_count: 1, total_amount: Number(other!.amount) });
  });
});
