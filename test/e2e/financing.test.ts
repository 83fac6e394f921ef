/**
 * Financing in the browser against the real server: an enterprise consents and posts a demand;
 * the bank finds it on the key-service list and in its inbox, offers and records the loan; the
 * city sees the loan in the statistics; after the enterprise withdraws, the bank no longer sees
 * it. Screenshots go to .tmp/screens/.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SCREENS, chooseOption, launchBrowser, signInAs } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { signIn as apiSignIn } from '../helpers/client.ts';

let server: TestServer;
let browser: Browser;
let enterpriseName = '';

beforeAll(async () => {
  server = await startTestServer({ enterprises: 400 });
  browser = await launchBrowser();
  const [row] = await server.ctx.database.query<{ name: string }>(
    `select e.name from users u join enterprises e on e.id = u.enterprise_id where u.username = 'enterprise'`,
  );
  enterpriseName = row!.name;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENS, `financing-${name}.png`), fullPage: true });

async function openFinancing(username: string): Promise<Page> {
  const page = await signInAs(browser, server.url, username);
  await page.getByTestId('nav-financing').click();
  await page.getByTestId('financing-page').waitFor();
  return page;
}

async function bankFindsOnList(page: Page): Promise<number> {
  await page.getByTestId('key-list-search').locator('input').fill(enterpriseName);
  await page.getByTestId('key-list-search').locator('input').press('Enter');
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  return page.getByTestId('key-list-table').locator('tbody tr.ant-table-row', { hasText: enterpriseName }).count();
}

describe('financing in the browser', () => {
  let demandId = 0;

  test('from consent to a recorded loan, visible in the city’s statistics', async () => {
    // The enterprise consents to share all but its revenue, and posts a demand.
    const ent = await openFinancing('enterprise');
    await ent.getByTestId('consent-card').waitFor();
    expect(await ent.getByTestId('consent-state').textContent()).toBe('未授权');
    await ent.getByTestId('consent-fields').getByText('上年营业收入').click();
    await ent.getByTestId('consent-grant').click();
    await ent.getByTestId('consent-withdraw').waitFor();
    expect(await ent.getByTestId('key-list-state').textContent()).toBe('已纳入重点服务名单');
    await shot(ent, 'enterprise-consent');

    await ent.getByRole('tab', { name: '我的融资需求' }).click();
    await ent.getByTestId('new-demand').click();
    await ent.getByTestId('demand-amount').fill('4000000');
    await ent.getByTestId('demand-purpose').fill('购置五轴数控加工中心，扩大精密零部件产能');
    await ent.getByRole('button', { name: /提\s*交/ }).click();
    await ent.getByTestId('my-demands').getByText('购置五轴数控加工中心').waitFor();
    const own = await apiSignIn(server.app, 'enterprise');
    demandId = ((await own.get('/api/financing/demands')).json() as { items: { id: number }[] }).items[0]!.id;

    // The bank sees the firm on the list (without the revenue it did not share) and answers in its inbox.
    const bank = await openFinancing('bank');
    await bank.getByTestId('key-list-table').waitFor();
    expect(await bankFindsOnList(bank)).toBe(1);
    const row = bank.getByTestId('key-list-table').locator('tbody tr.ant-table-row', { hasText: enterpriseName });
    expect(await row.textContent()).toContain('未共享');
    await shot(bank, 'bank-key-list');

    await bank.getByRole('tab', { name: '融资需求' }).click();
    await bank.getByTestId(`respond-${demandId}`).click();
    await bank.getByTestId('offer-rate').fill('3.45');
    await bank.waitForTimeout(400); // let the dialog finish opening before the screenshot
    await shot(bank, 'bank-respond');
    await bank.getByRole('button', { name: /提\s*交/ }).click();
    // The loan is secured on the firm's patent: the dialog offers the borrower's IP free to pledge.
    const enterpriseId = Number(
      (
        await server.ctx.database.query<{ enterprise_id: number }>(
          `select enterprise_id from users where username = 'enterprise'`,
        )
      )[0]!.enterprise_id,
    );
    const patent = await own.send('POST', `/api/ip/enterprises/${enterpriseId}/records`, {
      kind: 'invention_patent',
      number: 'ZL201710601862.3',
      title: '一种五轴数控机床主轴热误差补偿方法',
      appliedOn: '2017-07-20',
      grantedOn: '2019-03-15',
      legalStatus: 'valid',
      maintenanceYearsPaid: 9,
      foreignFamilyCount: 0,
      citations: null,
      awards: [],
      origin: 'self_developed',
      relatedToMainProduct: true,
    });
    expect(patent.statusCode).toBe(201);
    await bank.getByTestId(`record-loan-${demandId}`).click();
    await bank.getByTestId('loan-rate').fill('3.40');
    await chooseOption(bank, bank.getByTestId('loan-type'), '知识产权质押');
    await chooseOption(bank, bank.getByTestId('loan-pledged'), '五轴数控机床主轴热误差补偿方法');
    await bank.keyboard.press('Escape');
    await shot(bank, 'bank-record-ip-pledge-loan');
    await bank
      .getByTestId('loan-dialog')
      .getByRole('button', { name: /提\s*交/ })
      .click();
    await bank.getByText('已登记放款').waitFor();
    const [pledge] = await server.ctx.database.query<{ loan_type: string; title: string }>(
      `select l.loan_type, r.title from ip_pledges p join financing_loans l on l.id = p.loan_id join ip_records r on r.id = p.ip_record_id
        where l.demand_id = $1 and p.released_on is null`,
      [demandId],
    );
    expect(pledge).toEqual({ loan_type: 'ip_pledge', title: '一种五轴数控机床主轴热误差补偿方法' });

    const api = await apiSignIn(server.app, 'bank');
    const detail = (await api.get(`/api/financing/demands/${demandId}`)).json() as {
      demand: { status: string };
      loans: { amount: number; rateBp: number }[];
    };
    expect(detail.demand.status).toBe('funded');
    expect(detail.loans).toEqual([expect.objectContaining({ amount: 4_000_000, rateBp: 340 })]);

    // The city sees the loan counted.
    const cityApi = await apiSignIn(server.app, 'city');
    const stats = (await cityApi.get('/api/financing/stats')).json() as { totals: { loans: number } };
    const city = await openFinancing('city');
    await city.getByTestId('chart-by-month').waitFor();
    expect(
      Number((await city.getByTestId('kpi-loans').locator('.ant-statistic-content').textContent())!.replace(/[^\d]/g, '')),
    ).toBe(stats.totals.loans);
    await shot(city, 'city-stats');
    await city.getByRole('tab', { name: '贷款登记' }).click();
    await city.getByTestId('loans-table').getByText(enterpriseName).first().waitFor();
  });

  test('after the enterprise withdraws, the bank no longer sees it or its demand', async () => {
    const ent = await openFinancing('enterprise');
    await ent.getByTestId('consent-withdraw').click();
    await ent.getByRole('button', { name: /是/ }).click();
    await ent.getByTestId('consent-grant').waitFor();
    expect(await ent.getByTestId('consent-state').textContent()).toBe('未授权');
    expect(await ent.getByTestId('consent-history').textContent()).toContain('撤回');

    const bank = await openFinancing('bank');
    await bank.getByTestId('key-list-table').waitFor();
    expect(await bankFindsOnList(bank)).toBe(0);
    await bank.getByRole('tab', { name: '融资需求' }).click();
    await bank.getByTestId('inbox-status').getByText('全部').click();
    await bank.getByTestId('inbox-table').waitFor();
    await bank.waitForLoadState('networkidle');
    expect(await bank.getByTestId(`respond-${demandId}`).count()).toBe(0);
    expect(await bank.getByTestId('inbox-table').getByText(enterpriseName).count()).toBe(0);
    await shot(bank, 'bank-after-withdrawal');
  });
});
