/**
 * From a computed entitlement to money paid, in the browser, across the roles: the enterprise
 * confirms its account, the district approves, the city publishes the 公示, the notice closes
 * when its period has ended (the clock is moved by closing notices "as of" the day after; that
 * is what `sme notices close --today` does), finance builds the batch, downloads the Excel and
 * the Word payment notices, approves and marks it paid (a second payment is refused and the
 * refusal is shown), and the enterprise sees its case paid. Screenshots go to .tmp/screens/.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SCREENS, launchBrowser, signInAs } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { signIn as apiSignIn } from '../helpers/client.ts';
import { dayAfter, throughNotice, toCityReview } from '../helpers/cases.ts';
import { todayShanghai } from '../../src/shared/dates.ts';
import { recompute } from '../../src/modules/entitlements/service.ts';
import { closeDueNotices } from '../../src/modules/cases/notices.ts';
import { syncCases } from '../../src/modules/cases/service.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ enterprises: 300 });
  for (const y of [2023, 2024, 2025, 2026]) await recompute(server.ctx.database, { id: null, name: 'test' }, { fiscalYear: y });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const q = <T>(text: string, params: unknown[] = []) => server.ctx.database.query<T>(text, params);
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENS, `cases-${name}.png`), fullPage: true });

async function stateOf(id: number): Promise<string> {
  const [r] = await q<{ state: string }>(`select state from cases where id = $1`, [id]);
  return r!.state;
}

describe('payment workflow in the browser', () => {
  test('a case goes from a computed entitlement to paid across the enterprise, district, city and finance', async () => {
    // The city opens the cases from the owed entitlements.
    const city = await signInAs(browser, server.url, 'city');
    await city.getByTestId('nav-cases').click();
    await city.getByTestId('cases-page').waitFor();
    await city.getByTestId('cases-sync').click();
    await city
      .locator('.ant-message')
      .getByText(/新建案件 \d+ 件/)
      .waitFor();

    // The enterprise user's own case, 免申即享: it sees the amount and its explanation and confirms the account.
    const [u] = await q<{ enterprise_id: number }>(`select enterprise_id from users where username = 'enterprise'`);
    const [own] = await q<{ id: number; amount: number; unit_code: string }>(
      `select id, amount, unit_code from cases where enterprise_id = $1 and track = 'no_application' and state = 'opened' order by id limit 1`,
      [u!.enterprise_id],
    );
    expect(own).toBeDefined();
    const caseId = Number(own!.id);
    const ent = await signInAs(browser, server.url, 'enterprise');
    await ent.getByTestId('nav-cases').click();
    await ent.getByTestId('cases-table').getByText(`#${caseId}`).click();
    await ent.getByTestId('case-explanation').getByTestId('trace-computation').waitFor();
    expect(Number((await ent.getByTestId('case-amount').textContent())!.replace(/[^\d]/g, ''))).toBe(Number(own!.amount));
    await ent.getByTestId('action-confirm_account').click();
    await ent.getByTestId('account-bank').fill('齐鲁银行济南分行');
    await ent.getByTestId('account-no').fill('12');
    await ent.getByTestId('action-submit').click();
    // The server's validation reason appears on the field, nothing changes.
    await ent
      .getByTestId('action-dialog')
      .getByText(/8至32位数字|8 to 32 digits/)
      .first()
      .waitFor();
    expect(await stateOf(caseId)).toBe('opened');
    await ent.getByTestId('account-no').fill('6222 0212 3456 7890');
    await ent.getByTestId('action-submit').click();
    await ent.getByTestId('case-state-district_review').first().waitFor();
    await shot(ent, 'enterprise-confirmed');

    // The district officer of the case's unit approves it from the work queue.
    const [districtUser] = await q<{ username: string }>(
      `select username from users where role = 'district_officer' and unit_code = $1 limit 1`,
      [own!.unit_code],
    );
    if (!districtUser) {
      // The demo district officers cover 历下区 and 高新区; another unit's case is approved through the API as its officer would.
      throw new Error(`no demo district officer for ${own!.unit_code}`);
    }
    const district = await signInAs(browser, server.url, districtUser.username);
    await district.goto(`${server.url}/cases?state=district_review`);
    await district.getByTestId('queue-district_review').waitFor();
    await district.getByTestId('cases-table').getByText(`#${caseId}`).click();
    // Returning needs a reason: the dialog will not submit without one.
    await district.getByTestId('action-district_return').click();
    await district.getByTestId('action-submit').click();
    await district.getByText(/请填写意见|Give a reason/).waitFor();
    await district.keyboard.press('Escape');
    // The closing dialog hands focus back to its button: approve only once it has gone.
    await district.getByTestId('action-dialog').waitFor({ state: 'hidden' });
    await district.getByTestId('action-district_approve').click();
    await district.getByTestId('confirm-ok').click();
    // Either the new state or the server's refusal shows; a refusal fails with its reason.
    await district.getByTestId('case-state-city_review').first().or(district.getByTestId('case-action-error')).waitFor();
    if (await district.getByTestId('case-action-error').isVisible())
      throw new Error(`approval refused: ${await district.getByTestId('case-action-error').textContent()}`);
    expect(await stateOf(caseId)).toBe('city_review');

    // The city publishes it in a 公示; the composer shows the computed period.
    await city.goto(`${server.url}/cases/notices?compose=${caseId}`);
    await city.getByTestId('notice-period').waitFor();
    expect(await city.getByTestId('notice-period').textContent()).toMatch(/5 个工作日/);
    await city.getByTestId('notice-publish').click();
    await city.getByTestId('notice-items').waitFor();
    await shot(city, 'notice');
    const noticeId = Number(new URL(city.url()).pathname.split('/').pop());
    expect(await city.getByTestId('notice-items').textContent()).toContain('第二条');
    expect(await stateOf(caseId)).toBe('in_notice');

    // The period ends: close the notice as of the day after its last day.
    const [n] = await q<{ ends_on: string }>(`select ends_on from public_notices where id = $1`, [noticeId]);
    expect(await closeDueNotices(server.ctx.database, dayAfter(String(n!.ends_on)))).toMatchObject({ closed: 1, advanced: 1 });
    await city.reload();
    await city.getByTestId('notice-status-closed').waitFor();

    // Finance builds the batch, downloads both exports, approves and pays it.
    const fin = await signInAs(browser, server.url, 'finance');
    await fin.goto(`${server.url}/cases/batches`);
    await fin.getByTestId('batch-build').click();
    await fin.getByTestId('batch-candidates').getByText(`#${caseId}`).waitFor();
    await fin
      .getByTestId('batch-candidates')
      .locator('tr', { hasText: `#${caseId}` })
      .locator('input[type=checkbox]')
      .check();
    await fin.getByTestId('batch-create').click();
    await fin.getByTestId('batch-items').waitFor();
    const batchId = Number(new URL(fin.url()).pathname.split('/').pop());
    const [xlsx] = await Promise.all([fin.waitForEvent('download'), fin.getByTestId('batch-export').click()]);
    expect(xlsx.suggestedFilename()).toBe(`batch-${batchId}.xlsx`);
    const [docx] = await Promise.all([fin.waitForEvent('download'), fin.getByTestId('batch-notices').click()]);
    expect(docx.suggestedFilename()).toBe(`batch-${batchId}-notices.docx`);
    await fin.getByTestId('batch-approve').click();
    await fin.getByTestId('confirm-ok').click();
    await fin.getByTestId('batch-pay').waitFor();
    await fin.getByTestId('batch-pay').click();
    await fin
      .getByTestId('pay-dialog')
      .getByText(/登记为已拨付/)
      .waitFor();
    await shot(fin, 'pay-confirm');
    await fin.getByTestId('pay-confirm').click();
    await fin.getByTestId('batch-state-paid').first().waitFor();
    expect(await stateOf(caseId)).toBe('paid');
    const [paid] = await q<{ n: number }>(`select count(*)::int as n from payments where case_id = $1`, [caseId]);
    expect(paid!.n).toBe(1);
    await shot(fin, 'batch-paid');

    // Paying again (another tab, an old version) is refused by the server, and the page says so.
    const api = await apiSignIn(server.app, 'finance');
    const again = await api.send('POST', `/api/batches/${batchId}/pay`, { version: 3 });
    expect(again.statusCode).toBe(409);

    // The enterprise sees its case paid, with the payment and the progress through every step.
    await ent.goto(`${server.url}/cases/${caseId}`);
    await ent.getByTestId('case-payment').waitFor();
    await ent.getByTestId('case-state-paid').first().waitFor();
    expect(await ent.getByTestId('case-event').count()).toBeGreaterThanOrEqual(7);
    await shot(ent, 'enterprise-paid');
    for (const p of [city, ent, district, fin]) await p.context().close();
  }, 240_000);

  test('a batch paid meanwhile elsewhere: pressing "mark paid" shows the refusal, nothing is paid twice', async () => {
    const [c] = await q<{ id: number }>(
      `select id from cases where state = 'opened' and unit_code = '370102' order by id limit 1`,
    );
    const id = Number(c!.id);
    await toCityReview(server.ctx.database, [id]);
    await throughNotice(server.ctx.database, [id], todayShanghai());
    const api = await apiSignIn(server.app, 'finance');
    const created = (await api.send('POST', '/api/batches', { title: '并发测试批次', caseIds: [id] })).json() as {
      batch: { id: number };
    };
    const batchId = created.batch.id;
    expect((await api.send('POST', `/api/batches/${batchId}/approve`, { version: 1 })).statusCode).toBe(200);
    const fin = await signInAs(browser, server.url, 'finance');
    await fin.goto(`${server.url}/cases/batches/${batchId}`);
    await fin.getByTestId('batch-pay').waitFor();
    // Another officer (or instance) pays it while this page is open.
    expect((await api.send('POST', `/api/batches/${batchId}/pay`, { version: 2 })).statusCode).toBe(200);
    await fin.getByTestId('batch-pay').click();
    await fin.getByTestId('pay-confirm').click();
    const error = fin.getByTestId('batch-action-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/操作未完成/);
    await fin.getByTestId('batch-state-paid').first().waitFor();
    await shot(fin, 'pay-conflict');
    const [paid] = await q<{ n: number }>(`select count(*)::int as n from payments where case_id = $1`, [id]);
    expect(paid!.n).toBe(1);
    await fin.context().close();
  }, 90_000);

  test('a park operator applies with an uploaded document, which the district can open', async () => {
    await syncCases(server.ctx.database, { id: null, name: 'test' }); // idempotent; the first test opened them through the page
    const [c] = await q<{ id: number; carrier_id: number; unit_code: string }>(
      `select id, carrier_id, unit_code from cases where track = 'application' and state = 'opened' order by id limit 1`,
    );
    const id = Number(c!.id);
    await q(`update users set carrier_id = $1 where username = 'carrier'`, [c!.carrier_id]);
    const op = await signInAs(browser, server.url, 'carrier');
    await op.goto(`${server.url}/cases/${id}`);
    await op.getByTestId('action-submit_application').click();
    await op.getByTestId('account-bank').fill('齐鲁银行济南分行');
    await op.getByTestId('account-no').fill('6222021234567890');
    await op.getByTestId('application-statement').fill('申请园区第一年度运营奖励资金。');
    // A file whose content is not what its name says is refused with the server's reason.
    await op
      .locator('input[type=file]')
      .setInputFiles({ name: '伪装.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') });
    await op
      .getByTestId('action-error')
      .getByText(/不是PDF格式/)
      .waitFor();
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(500, 0x20), Buffer.from('\n%%EOF\n')]);
    await op
      .locator('input[type=file]')
      .setInputFiles({ name: '园区年度工作方案.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect.poll(async () => op.getByTestId('document-name').first().inputValue()).toBe('园区年度工作方案.pdf');
    await shot(op, 'application-dialog');
    await op.getByTestId('action-submit').click();
    await op.getByTestId('case-state-district_review').first().waitFor();
    const [d] = await q<{ id: number }>(`select id from case_documents where case_id = $1`, [id]);
    expect(d).toBeDefined();
    await op.context().close();

    const [officer] = await q<{ username: string }>(
      `select username from users where role = 'district_officer' and unit_code = $1`,
      [c!.unit_code],
    );
    const viewer = await signInAs(browser, server.url, officer?.username ?? 'city');
    await viewer.goto(`${server.url}/cases/${id}`);
    const link = viewer.getByTestId('case-document');
    expect(await link.getAttribute('href')).toBe(`/api/cases/${id}/documents/${d!.id}`);
    const [download] = await Promise.all([viewer.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('园区年度工作方案.pdf');
    await viewer.context().close();
  }, 90_000);

  test('each role sees its queue; reports draw charts; the bell counts what waits', async () => {
    const city = await signInAs(browser, server.url, 'city');
    await city.goto(`${server.url}/cases/reports`);
    await city.getByTestId('chart-steps').waitFor();
    await city.waitForTimeout(600);
    await shot(city, 'reports-zh');
    const unread = ((await (await apiSignIn(server.app, 'city')).get('/api/notifications?unread=true')).json() as unknown[])
      .length;
    expect(unread).toBeGreaterThan(0);
    const badge = city.locator('.ant-badge', { has: city.getByTestId('notification-bell') }).locator('.ant-badge-count');
    await expect.poll(async () => (await badge.getAttribute('title')) ?? (await badge.textContent())).toBe(String(unread));
    const bell = city.getByTestId('notification-bell');
    await bell.click();
    await city.getByTestId('notifications').waitFor();
    await city.getByTestId('lang-switch').click();
    await city.goto(`${server.url}/cases`);
    await city.getByRole('heading', { name: /Payment cases/ }).waitFor();
    await shot(city, 'list-en');
    await city.context().close();

    const ent = await signInAs(browser, server.url, 'enterprise');
    await ent.goto(`${server.url}/cases`);
    await ent.getByTestId('queue-opened').waitFor();
    expect(await ent.getByTestId('cases-tab-reports').count()).toBe(0);
    await ent.context().close();
  }, 60_000);
});
