/**
 * 两书同达 in the browser against the real server: the market regulator's agency user registers
 * a penalty decision (dated five months back, so the earliest repair date has passed — there is
 * no test clock), sees the class and periods explained, downloads the notice, records that both
 * documents were delivered; the enterprise sees the record on its page and applies for repair
 * with the listed materials; the agency approves; the city's statistics count the delivery.
 * Screenshots go to .tmp/screens/.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SCREENS, launchBrowser, signInAs } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { addMonths } from '../../policy/core/dates.ts';
import { todayShanghai } from '../../src/shared/dates.ts';

let server: TestServer;
let browser: Browser;
let demo: { id: number; name: string; uscc: string };
const decisionDate = addMonths(todayShanghai(), -5);
const earliest = addMonths(decisionDate, 3);
const decisionNo = '济市监处罚〔2026〕E2E-1号';
const query = <T>(sql: string, params: unknown[] = []) => server.ctx.database.query<T>(sql, params);

beforeAll(async () => {
  server = await startTestServer({ enterprises: 300 });
  browser = await launchBrowser();
  const [row] = await query<{ id: number; name: string; uscc: string }>(
    `select e.id, e.name, e.uscc from users u join enterprises e on e.id = u.enterprise_id where u.username = 'enterprise'`,
  );
  demo = { ...row!, id: Number(row!.id) };
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openDecision(page: Page): Promise<void> {
  await page.getByTestId('credit-decisions').getByText(decisionNo).click();
  await page.getByTestId('credit-drawer').getByTestId('credit-assessment').waitFor();
}

describe('credit repair in the browser', () => {
  test('an agency registers a decision, downloads the notice and records that both documents were delivered', async () => {
    const page = await signInAs(browser, server.url, 'agency');
    await page.goto(`${server.url}/credit-repair`);
    await page.getByTestId('credit-register-form').waitFor();
    await page.getByTestId('credit-party').fill(demo.name);
    await page.getByTestId('credit-uscc').fill(demo.uscc);
    await page.getByTestId('credit-decision-no').fill(decisionNo);
    // antd puts data-* attributes of DatePicker and InputNumber on the <input> itself.
    const date = page.getByTestId('credit-decision-date');
    await date.click();
    await date.fill(decisionDate);
    await date.press('Enter');
    await page.getByTestId('credit-penalty-amount-0').fill('30000');
    await page.getByTestId('credit-legal-basis').fill('《中华人民共和国广告法》第五十七条');

    await page.getByTestId('credit-preview').click();
    await expect.poll(() => page.getByTestId('credit-earliest').textContent()).toBe(earliest);
    await page.screenshot({ path: path.join(SCREENS, 'credit-register.png'), fullPage: true });

    await page.getByTestId('credit-register').click();
    const drawer = page.getByTestId('credit-drawer');
    await drawer.getByTestId('credit-download-notice').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), drawer.getByTestId('credit-download-notice').click()]);
    const file = path.join(SCREENS, 'credit-notice.docx');
    await download.saveAs(file);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');
    expect(xml.replace(/<[^>]+>/g, '')).toContain('行政处罚信息信用修复告知书');

    await drawer.getByTestId('credit-record-delivery').click();
    await page.getByTestId('credit-recipient').fill('法定代表人 王强');
    await page.getByTestId('credit-receipt').fill('SDHZ-2026-E2E');
    await page.getByTestId('credit-delivery-ok').click();
    await expect.poll(() => drawer.getByTestId('credit-delivery').textContent()).toContain('两书同达');
    await page.screenshot({ path: path.join(SCREENS, 'credit-drawer-agency.png'), fullPage: true });
    const [row] = await query<{ documents: string }>(
      `select v.documents from penalty_deliveries v join penalty_decisions d on d.id = v.decision_id where d.decision_no = $1`,
      [decisionNo],
    );
    expect(row?.documents).toBe('both');
  });

  test('the enterprise sees the record on its page and applies for repair with the listed materials', async () => {
    const page = await signInAs(browser, server.url, 'enterprise');
    await page.goto(`${server.url}/enterprises/${demo.id}`);
    const section = page.getByTestId('enterprise-credit');
    await section.getByText(decisionNo).waitFor();
    await expect
      .poll(() => section.locator('tr', { hasText: decisionNo }).getByTestId('credit-status').textContent())
      .toBe('可申请修复');
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENS, 'credit-enterprise-section.png'), fullPage: true });

    await page.goto(`${server.url}/credit-repair`);
    await openDecision(page);
    const drawer = page.getByTestId('credit-drawer');
    await drawer.getByTestId('credit-apply').click();
    await page.getByTestId('credit-material-fulfilment_proof').fill('罚款缴纳凭证-2026-0815.pdf');
    await page.getByTestId('credit-material-credit_commitment').fill('信用修复承诺书.pdf');
    await page.getByTestId('credit-statement').fill('已于规定期限内缴清罚款，并下架涉案广告、完成整改。');
    await page.getByTestId('credit-commitment').check();
    await page.screenshot({ path: path.join(SCREENS, 'credit-apply.png') });
    await page.getByTestId('credit-apply-ok').click();
    await expect.poll(() => drawer.getByTestId('credit-status').first().textContent()).toBe('修复办理中');
    await drawer.getByTestId('credit-applications').waitFor();
  });

  test('the agency approves the repair within the working-day limit', async () => {
    const page = await signInAs(browser, server.url, 'agency');
    await page.goto(`${server.url}/credit-repair`);
    await page.getByRole('tab', { name: '处罚决定', exact: true }).click();
    await openDecision(page);
    const drawer = page.getByTestId('credit-drawer');
    await drawer.getByTestId('credit-decide').click();
    await page.getByTestId('credit-decide-ok').click();
    await expect.poll(() => drawer.getByTestId('credit-status').first().textContent()).toBe('已修复');
    const [app] = await query<{ state: string }>(
      `select r.state from repair_applications r join penalty_decisions d on d.id = r.decision_id where d.decision_no = $1`,
      [decisionNo],
    );
    expect(app?.state).toBe('approved');
  });

  test("the city's statistics count the decision as delivered with the notice", async () => {
    const year = Number(decisionDate.slice(0, 4));
    const [expected] = await query<{ n: number }>(
      `select count(*)::int as n from penalty_decisions d join penalty_deliveries v on v.decision_id = d.id join penalty_agencies a on a.id = d.agency_id
        where a.name = '济南市市场监督管理局' and d.notice_required and v.documents = 'both' and extract(year from d.decision_date) = $1`,
      [year],
    );
    const page = await signInAs(browser, server.url, 'city');
    await page.goto(`${server.url}/credit-repair`);
    const stats = page.getByTestId('credit-stats');
    await stats.getByTestId('credit-stats-chart').waitFor();
    const yearBox = page.getByTestId('credit-stats-year');
    await yearBox.fill(String(year));
    await yearBox.press('Enter');
    const row = page.getByTestId('credit-stats-agencies').locator('tr', { hasText: '济南市市场监督管理局' });
    await expect.poll(async () => (await row.locator('td').nth(3).textContent())?.trim()).toBe(String(expected!.n));
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SCREENS, 'credit-stats.png'), fullPage: true });
  });
});
