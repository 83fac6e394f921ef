/**
 * The season in one place, in the browser: the organiser edits an edition and its stages (a stale
 * edit is refused with its reason), records and withdraws a judge's tie while the judge declares
 * their own on a phone, follows the roadshow up (an investment recorded and moved forward with its
 * history, the Excel export), and an organiser without any edition lands on the setup and creates
 * one. Screenshots go to .tmp/screens/.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../helpers/server.ts';
import { SCREENS, chooseOption, launchBrowser, signInAs } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { signIn as apiSignIn, type ApiClient } from '../helpers/client.ts';
import { todayShanghai } from '../../src/shared/dates.ts';

let server: TestServer;
let browser: Browser;
let city: ApiClient;
let editionId = 0;
const today = todayShanghai();
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENS, `competition-season-${name}.png`), fullPage: true });

beforeAll(async () => {
  server = await startTestServer({ enterprises: 300 });
  browser = await launchBrowser();
  city = await apiSignIn(server.app, 'city');
  const res = await city.send('POST', '/api/competition/editions', {
    year: 2036,
    name: '2036年“创客济南”大赛（测试）',
    tracks: [{ code: 'ict', nameZh: '新一代信息技术', nameEn: 'Next-generation IT' }],
    stages: [
      { kind: 'registration', opensOn: addDays(today, -3), closesOn: today },
      { kind: 'preliminary', opensOn: addDays(today, 1), closesOn: addDays(today, 5), judgesPerEntry: 3, advanceCount: 2 },
    ],
  });
  editionId = (res.json() as { id: number }).id;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openCompetition(username: string): Promise<Page> {
  const page = await signInAs(browser, server.url, username);
  await page.getByTestId('nav-competition').click();
  await page.getByTestId('competition-page').waitFor();
  return page;
}

async function chooseEdition(page: Page, name: string) {
  await chooseOption(page, page.getByTestId('edition-select'), name);
}

describe('the season in one place', () => {
  test('edition and stages: edit, add a stage, change a stage; a stale edit is refused', async () => {
    const page = await openCompetition('city');
    await chooseEdition(page, '2036年“创客济南”大赛（测试）');
    await page.getByRole('tab', { name: '届次与阶段' }).click();
    await page.getByTestId('setup-tab').waitFor();
    await page.getByTestId('edition-name').fill('2036年“创客济南”大赛（修订）');
    await page.getByTestId('add-track').click();
    const rows = page.getByTestId('track-row');
    await rows.nth(1).locator('input').nth(0).fill('bio');
    await rows.nth(1).locator('input').nth(1).fill('生物医药');
    await page.getByTestId('edition-save').click();
    await page.getByText('已保存').first().waitFor();
    const [ed] = await server.ctx.database.query<{ name: string; version: number }>(
      `select name, version from competition_editions where id = $1`,
      [editionId],
    );
    expect(ed!.name).toBe('2036年“创客济南”大赛（修订）');
    expect(Number(ed!.version)).toBe(2);
    await expect.poll(() => page.getByTestId('track-row').count()).toBe(2);

    // Add the final after the preliminary.
    await page.getByTestId('add-stage').click();
    await chooseOption(page, page.getByTestId('stage-kind'), '决赛');
    await page.getByTestId('stage-opens').fill(addDays(today, 10));
    await page.getByTestId('stage-closes').fill(addDays(today, 12));
    await page.getByTestId('stage-ok').click();
    await page.getByText('阶段已新增').waitFor();
    await page.getByTestId('edit-stage-final').waitFor();

    // A stage whose dates overlap the next one is refused with the field's reason.
    await page.getByTestId('edit-stage-preliminary').click();
    await expect.poll(() => page.getByTestId('criterion-row').count()).toBe(5);
    await shot(page, 'stage-modal');
    await page.getByTestId('stage-closes').fill(addDays(today, 11));
    await page.getByTestId('stage-ok').click();
    await expect.poll(async () => (await page.getByTestId('stage-error').textContent()) ?? '').toContain('上一阶段');
    await page.getByTestId('stage-closes').fill(addDays(today, 6));
    await page.getByTestId('stage-ok').click();
    await page.getByText('已保存').first().waitFor();
    await shot(page, 'setup');

    // Someone else renames the edition meanwhile: this page's save is refused, not overwritten.
    await city.send('PATCH', `/api/competition/editions/${editionId}`, { version: 2, name: '他人修改的名称' });
    await page.getByTestId('edition-name').fill('本页的名称');
    await page.getByTestId('edition-save').click();
    await page.getByText('已被他人修改').waitFor();
    const [after] = await server.ctx.database.query<{ name: string }>(`select name from competition_editions where id = $1`, [
      editionId,
    ]);
    expect(after!.name).toBe('他人修改的名称');

    // A finished edition: registration is locked because the season has moved past it, and says so;
    // the roadshow's dates stay correctable.
    await chooseEdition(page, '2025');
    await page.getByTestId('stage-passed-registration').waitFor();
    expect(await page.getByTestId('edit-stage-registration').isDisabled()).toBe(true);
    expect(await page.getByTestId('edit-stage-roadshow').isDisabled()).toBe(false);
    await page.getByTestId('stage-passed-registration').hover();
    await page.getByText('赛程已进入决赛（已公布），该阶段设置已锁定').waitFor();
    await shot(page, 'setup-finished');
    await page.context().close();
  }, 120_000);

  test('declared ties: the judge declares on a phone, the organiser sees, records and withdraws', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      isMobile: true,
      reducedMotion: 'reduce',
    });
    const phone = await ctx.newPage();
    await phone.goto(server.url);
    await phone.getByTestId('login-username').fill('judge');
    await phone.getByTestId('login-password').fill(DEMO_PASSWORD);
    await phone.getByTestId('login-submit').click();
    await phone.getByTestId('current-user').waitFor();
    await phone.goto(`${server.url}/competition`);
    await phone.getByTestId('my-ties').getByText('2026').waitFor();
    await phone.getByTestId('my-tie-organisation').fill('济南某创投有限公司');
    await phone.getByTestId('my-tie-note').fill('曾任该公司顾问');
    await phone.getByTestId('my-tie-submit').click();
    await phone.getByTestId('my-tie').filter({ hasText: '济南某创投有限公司' }).waitFor();
    await shot(phone, 'judge-ties');
    await ctx.close();

    const page = await openCompetition('city');
    // The judge's tie went to the edition the judge is scoring now (2026's semi-final).
    await chooseEdition(page, '2026');
    await page.getByRole('tab', { name: '回避申报' }).click();
    await page.getByTestId('ties-tab').waitFor();
    await page.getByTestId('ties-table').getByText('济南某创投有限公司').waitFor();
    await chooseOption(page, page.getByTestId('tie-judge'));
    await page.getByTestId('tie-organisation').fill('山东某研究院');
    await page.getByTestId('tie-note').fill('兼职研究员');
    await page.getByTestId('tie-submit').click();
    const row = page.getByTestId('ties-table').locator('tr', { hasText: '山东某研究院' });
    await row.waitFor();
    await shot(page, 'ties');
    await row.getByTestId('tie-delete').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => row.count()).toBe(0);
    await page.context().close();
  }, 120_000);

  test('roadshow follow-up: summary, chart, an investment recorded and moved forward with its history, Excel', async () => {
    const page = await openCompetition('city');
    // This year's edition has not reached its roadshow: no investments, and the chart says so instead of an empty axis.
    await page.getByRole('tab', { name: '路演与投资' }).click();
    await page.getByTestId('investment-chart-empty').waitFor();
    await chooseEdition(page, '2025');
    await page.getByRole('tab', { name: '路演与投资' }).click();
    await page.getByTestId('followup-tab').waitFor();
    await page.getByTestId('investment-chart').locator('canvas').waitFor();
    expect(await page.getByTestId('export-followup').getAttribute('href')).toMatch(/follow-up\.xlsx$/);
    const first = page.getByTestId('followup-table').locator('tbody tr.ant-table-row').first();
    const code = (await first.locator('td').nth(1).textContent())!.trim();
    await first.locator('.ant-table-row-expand-icon').click();
    const detail = page.getByTestId(`followup-detail-${code}`);
    await detail.waitFor();
    await detail.getByTestId('inv-fund').fill('山东省新动能基金（测试）');
    await detail.getByTestId('inv-amount').fill('3000000');
    await detail.getByTestId('inv-submit').click();
    const inv = detail.getByTestId('investment-row').filter({ hasText: '山东省新动能基金（测试）' });
    await inv.waitFor();
    await inv.getByText('投资意向').waitFor();
    await inv.getByTestId('investment-move').click();
    await chooseOption(page, page.getByTestId('move-status'), '尽职调查');
    await page.getByTestId('move-ok').click();
    await inv.getByText('尽职调查').waitFor();
    await inv.getByTestId('investment-move').click();
    const history = page.getByTestId('investment-history');
    await expect.poll(async () => (await history.textContent()) ?? '').toContain('尽职调查');
    expect(await history.textContent()).toContain('投资意向');
    await shot(page, 'followup');
    await page.keyboard.press('Escape');
    await page.context().close();
  }, 120_000);

  test('an organiser with no edition lands on the setup and creates one', async () => {
    await server.ctx.database.query(`delete from competition_editions`);
    const page = await openCompetition('city');
    await page.getByTestId('create-edition').waitFor();
    await shot(page, 'first-edition');
    await page.getByTestId('new-track-code').fill('ict');
    await page.getByTestId('new-track-name').fill('新一代信息技术');
    await page.getByTestId('new-opens').fill(today);
    await page.getByTestId('new-closes').fill(addDays(today, 30));
    await page.getByTestId('new-submit').click();
    await page.getByTestId('edition-select').waitFor();
    const [n] = await server.ctx.database.query<{ n: number }>(`select count(*)::int as n from competition_editions`);
    expect(n!.n).toBe(1);
    await page.context().close();
  }, 120_000);
});
