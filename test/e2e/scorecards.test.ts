/**
 * Scorecards in the browser against the real server: a district officer opens the ranking, goes to
 * the district's page (score, weak links, radar) and downloads its Word report; the demo
 * enterprise fills in the digital-level questionnaire and sees its score (42, worked out by hand in
 * policy/scorecards/scorecards.test.ts), its level and the advice. Screenshots go to .tmp/screens/.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SCREENS, launchBrowser, signInAs } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ enterprises: 400 });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENS, `scorecards-${name}.png`), fullPage: true });

describe('scorecards in the browser', () => {
  test('a district officer opens the district report page and downloads the Word report', async () => {
    const page = await signInAs(browser, server.url, 'lixia');
    await page.getByTestId('nav-scorecards').click();
    await page.getByTestId('sc-ranking').waitFor();
    await page.getByTestId('sc-ranking').getByRole('link', { name: '历下区' }).click();
    await page.getByTestId('sc-district-page').waitFor();
    expect(page.url()).toContain('/scorecards/districts/370102?year=');
    const total = Number(await page.getByTestId('sc-district-total').textContent());
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(100);
    await page.getByTestId('sc-weak-links').waitFor();
    await page.getByTestId('sc-district-radar').locator('canvas').waitFor();
    const href = await page.getByTestId('sc-report-docx').getAttribute('href');
    const res = await page.request.get(new URL(href ?? '', server.url).toString());
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(0, 2).toString()).toBe('PK');
    await shot(page, 'district');
    // another district's page is not theirs to see
    await page.goto(`${server.url}/scorecards/districts/370103?year=2024`);
    await expect.poll(() => page.getByText('未找到，或无权访问').count()).toBeGreaterThan(0);
  }, 120_000);

  test('the enterprise fills in the questionnaire and sees 42 points, level 2 and advice', async () => {
    const page = await signInAs(browser, server.url, 'enterprise');
    await page.getByTestId('nav-scorecards').click();
    await page.getByTestId('sc-questionnaire').waitFor();
    const check = (id: string, label: string) => page.getByTestId(`sc-q-${id}`).getByLabel(label, { exact: true }).check();
    const multi: [string, string][] = [
      ['network', '工控网络'],
      ['network', '应用系统网络（大规模设备人员系统互联）'],
      ['data_collection', '质量管理'],
      ['data_collection', '设备管理'],
      ['data_collection', '能耗管理'],
      ['data_collection', '人力资源'],
      ['network_security', '网络安全管理制度'],
      ['network_security', '使用网络安全产品或服务'],
      ['data_security', '数据安全管理制度'],
      ['mechanisms', '转型实施工作流程'],
      ['talent', '专职或兼职数字化人才'],
      ['talent', '定期开展培训'],
    ];
    for (const [id, label] of multi) await check(id, label);
    const single: [string, string][] = [
      ['equipment_digital', '20%–40%'],
      ['equipment_connected', '10%–20%'],
      ['information_systems', '多个（≥2）业务环节'],
      ['planning', '制定数字化转型规划或计划'],
      ['funding', '10%–20%'],
      ['energy', '持平'],
      ['quality_rate', '增加'],
      ['revenue_per_head', '持平'],
      ['cost', '增加'],
    ];
    for (const [id, label] of single) await check(id, label);
    await page.getByTestId('sc-digital-submit').click();
    await page.getByTestId('sc-digital-result').waitFor();
    await expect
      .poll(() => page.getByTestId('sc-digital-result').locator('.ant-statistic-content-value').first().textContent())
      .toBe('42');
    expect(await page.getByTestId('sc-digital-level').textContent()).toBe('二级');
    const advice = await page.getByTestId('sc-digital-advice').locator('.ant-list-item-meta-title').allTextContents();
    expect(advice.map((a) => a.split('：')[0])).toEqual(['价值效益', '管理机制', '资金保障']);
    await page.getByTestId('sc-digital-radar').locator('canvas').waitFor();
    await shot(page, 'digital-result');
    // the level is now the enterprise's declared digital level for the tier assessment
    const [row] = await server.ctx.database.query<{ facts: { digitalLevel?: number } }>(
      `select f.facts from enterprise_declared_facts f join users u on u.enterprise_id = f.enterprise_id where u.username = 'enterprise'`,
    );
    expect(row?.facts.digitalLevel).toBe(2);
  }, 120_000);
});
