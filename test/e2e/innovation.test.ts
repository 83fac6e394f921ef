/**
 * Innovation services in the browser against the real server: an enterprise publishes an R&D
 * demand; the university finds it among the matches of its achievement (with the reason) and
 * takes it up (揭榜); the enterprise chooses the team and records the contract; the city's
 * statistics show it. Screenshots go to .tmp/screens/.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SCREENS, chooseOption, launchBrowser, signInAs } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { signIn as apiSignIn } from '../helpers/client.ts';

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
  page.screenshot({ path: path.join(SCREENS, `innovation-${name}.png`), fullPage: true });
const DEMAND_TITLE = '氢燃料电池膜电极低铂催化剂国产化';
const ACHIEVEMENT_TITLE = '氢燃料电池低铂膜电极制备技术';

async function openInnovation(username: string): Promise<Page> {
  const page = await signInAs(browser, server.url, username);
  await page.getByTestId('nav-innovation').click();
  await page.getByTestId('innovation-page').waitFor();
  return page;
}

describe('innovation services in the browser', () => {
  test('an enterprise publishes a demand, the university finds it and applies, the enterprise chooses and signs', async () => {
    // The enterprise publishes a demand through the form.
    const ent = await openInnovation('enterprise');
    await ent.getByTestId('demands-table').waitFor();
    await ent.getByTestId('publish-demand').click();
    const form = ent.getByTestId('demand-form');
    await form.locator('#title').fill(DEMAND_TITLE);
    await form.locator('#description').fill('我公司燃料电池电堆功率密度低、铂用量大，寻求膜电极与催化剂技术合作');
    await chooseOption(ent, form.getByTestId('demand-field'), '新能源与节能环保');
    await form.locator('#budget').fill('1200000');
    await form.locator('#deadline').click();
    await form.locator('#deadline').fill('2027-12-31');
    await form.locator('#deadline').press('Enter');
    await shot(ent, 'publish-demand');
    await ent.getByTestId('demand-submit').click();
    await ent.getByTestId('demands-table').getByText(DEMAND_TITLE).waitFor();
    await shot(ent, 'enterprise-demands');

    // The enterprise corrects the budget of its own demand: the form opens filled in, the edit
    // is saved at the version read, and the list shows the new amount.
    const [mine] = await server.ctx.database.query<{ id: number }>(`select id from tech_demands where title = $1`, [
      DEMAND_TITLE,
    ]);
    await ent.getByTestId(`edit-demand-${Number(mine!.id)}`).click();
    expect(await form.locator('#title').inputValue()).toBe(DEMAND_TITLE);
    expect(await form.locator('#budget').inputValue()).toBe('1200000');
    await form.locator('#budget').fill('1300000');
    await shot(ent, 'edit-demand');
    await ent.getByTestId('demand-submit').click();
    await ent.getByTestId('demands-table').locator('tr', { hasText: DEMAND_TITLE }).getByText('¥1,300,000').waitFor();
    const [edited] = await server.ctx.database.query<{ budget: number; version: number }>(
      `select budget, version from tech_demands where title = $1`,
      [DEMAND_TITLE],
    );
    expect({ budget: Number(edited!.budget), version: Number(edited!.version) }).toEqual({ budget: 1_300_000, version: 2 });

    // The university's achievement (published through the API here; the form is the same kind) finds the demand.
    const uniApi = await apiSignIn(server.app, 'university');
    const created = await uniApi.send('POST', '/api/innovation/achievements', {
      title: ACHIEVEMENT_TITLE,
      summary: '低铂催化剂与膜电极一体化制备，提升电堆功率密度',
      field: 'new_energy',
      maturity: 'pilot',
      ipKind: 'invention_patent',
      ipNumber: 'ZL202210765432.1',
      team: '燃料电池课题组',
      contactName: '赵明',
      contactPhone: '13700001234',
    });
    expect(created.statusCode).toBe(201);
    const achievementId = (created.json() as { id: number }).id;

    const uni = await openInnovation('university');
    await uni.getByRole('tab', { name: '技术成果' }).click();
    await uni.getByTestId('achievements-table').waitFor();
    await uni.getByTestId(`match-achievement-${achievementId}`).click();
    const drawer = uni.getByTestId('achievement-matches');
    const row = drawer.locator('tr', { hasText: DEMAND_TITLE });
    await row.waitFor();
    // The reason is shown: shared words and the same field.
    const reason = await row.getByTestId('match-reason').textContent();
    expect(reason).toContain('膜电极');
    expect(reason).toContain('技术领域相同');
    await shot(uni, 'university-matches');

    // The enterprise's own demand, matched the other way, names the research team behind the achievement.
    await ent.reload();
    await ent.getByTestId(`match-demand-${Number(mine!.id)}`).click();
    const teams = ent.getByTestId('team-matches');
    const teamRow = teams.locator('tr', { hasText: '燃料电池课题组' });
    await teamRow.waitFor();
    expect(await teamRow.textContent()).toContain('膜电极');
    await shot(ent, 'enterprise-team-matches');
    await ent.keyboard.press('Escape');
    await ent.getByTestId('demand-matches').waitFor({ state: 'hidden' });

    await row.getByRole('button', { name: /揭\s*榜/ }).click();
    const apply = uni.getByTestId('apply-form');
    await apply.locator('#team').fill('燃料电池课题组');
    await apply.locator('#proposal').fill('以低铂催化剂与膜电极一体化工艺为基础，六个月完成样件验证');
    await apply.locator('#quote').fill('1000000');
    await uni.getByTestId('apply-submit').click();
    await row.getByText('已揭榜').waitFor();

    // The enterprise chooses the team and records the contract.
    await ent.getByRole('tab', { name: '揭榜项目' }).click();
    const table = ent.getByTestId('applications-table');
    const app = table.locator('tr.ant-table-row', { hasText: DEMAND_TITLE });
    await app.waitFor();
    expect(await app.textContent()).toContain('山东大学');
    await app.getByRole('button', { name: /选\s*定/ }).click();
    await app.getByText('已选定').waitFor();
    await app.getByRole('button', { name: '登记合同' }).click();
    await ent.getByTestId('contract-form').locator('#amount').fill('950000');
    await ent.getByTestId('contract-submit').click();
    await app.getByText('已签约').waitFor();
    expect(await app.textContent()).toContain('950,000');
    await shot(ent, 'enterprise-projects');

    const [db] = await server.ctx.database.query<{ status: string; contract_amount: number }>(
      `select x.status, x.contract_amount from tech_applications x join tech_demands d on d.id = x.demand_id where d.title = $1`,
      [DEMAND_TITLE],
    );
    expect(db).toEqual({ status: 'contracted', contract_amount: 950_000 });

    await ent.getByRole('tab', { name: '资源共享' }).click();
    await ent.getByTestId('resources-table').waitFor();
    await ent.getByTestId('matchmaking-events').getByRole('link').waitFor();
    expect(await ent.getByTestId('matchmaking-events').getByRole('link').getAttribute('href')).toBe('/events?kind=matchmaking');
    await shot(ent, 'enterprise-resources');
  }, 180_000);

  test('the city’s statistics load with charts and the new contract', async () => {
    const city = await openInnovation('city');
    await city.getByRole('tab', { name: '统计分析' }).click();
    await city.getByTestId('innovation-stats').waitFor();
    await city.getByTestId('chart-by-field').locator('canvas').waitFor();
    await city.getByTestId('chart-by-district').locator('canvas').waitFor();
    const api = await apiSignIn(server.app, 'city');
    const stats = (await api.get('/api/innovation/stats')).json() as { totals: { contracts: number } };
    expect(stats.totals.contracts).toBeGreaterThan(0);
    expect(await city.getByTestId('innovation-stats').textContent()).toContain(String(stats.totals.contracts));
    await shot(city, 'city-stats');
    await city.getByRole('tab', { name: '技术需求' }).click();
    await city.getByTestId('demands-table').waitFor();
    await shot(city, 'city-demands');
  }, 120_000);
});
