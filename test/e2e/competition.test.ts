/**
 * A 创客济南 season in the browser against the real server: the enterprise registers and sees its
 * eligibility with reasons; the organiser enters a maker team, sets the pool and assigns judges
 * (conflicts shown, never assigned); judges score blind (the demo judge on a phone-sized screen);
 * the organiser cannot rank early, then ranks, publishes and the winner advances; the public page
 * shows the result without sign-in. Screenshots go to .tmp/screens/.
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
let editionId = 0;
let stageId = 0;
const today = todayShanghai();
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const SUMMARY = '面向济南重点产业链的工业视觉质检系统，已完成样机并在两家企业试点应用，计划一年内推广。';
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENS, `competition-${name}.png`), fullPage: true });

beforeAll(async () => {
  server = await startTestServer({ enterprises: 300 });
  browser = await launchBrowser();
  const city = await apiSignIn(server.app, 'city');
  const res = await city.send('POST', '/api/competition/editions', {
    year: 2035,
    name: '2035年“创客济南”大赛（测试）',
    tracks: [
      { code: 'ict', nameZh: '新一代信息技术', nameEn: 'Next-generation IT' },
      { code: 'bio', nameZh: '生物医药', nameEn: 'Biomedicine' },
    ],
    stages: [
      { kind: 'registration', opensOn: addDays(today, -3), closesOn: today },
      { kind: 'preliminary', opensOn: today, closesOn: addDays(today, 5), judgesPerEntry: 3, advanceCount: 1 },
      { kind: 'semi_final', opensOn: addDays(today, 6), closesOn: addDays(today, 9), judgesPerEntry: 3, advanceCount: 1 },
    ],
  });
  const ed = res.json() as { id: number; tracks: { id: number }[]; stages: { id: number; kind: string }[] };
  editionId = ed.id;
  stageId = ed.stages.find((s) => s.kind === 'preliminary')!.id;
  // Two teams registered on paper beforehand; a third is entered in the browser below.
  const teams: [string, string][] = [
    ['泉城芯团队', '济南大学'],
    ['明湖团队', '山东大学'],
  ];
  for (const [teamName, organisation] of teams)
    await city.send('POST', `/api/competition/editions/${editionId}/entries`, {
      group: 'maker',
      trackId: ed.tracks[0]!.id,
      projectName: `${teamName.slice(0, 2)}智能检测`,
      summary: SUMMARY,
      leaderName: '李磊',
      teamName,
      organisation,
      unitCode: '370102',
      teamHasCompany: false,
    });
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

describe('a competition season in the browser', () => {
  test('registration, assignment, blind scoring, ranking, advancement and public results', async () => {
    // The enterprise registers; founded in 2012 it is recorded but not eligible, with the reason.
    const ent = await openCompetition('enterprise');
    await ent.getByTestId('register-card').waitFor();
    await chooseOption(ent, ent.getByTestId('register-track'), '新一代信息技术');
    await ent.getByTestId('register-project').fill('老企业的数字化新项目');
    await ent.getByTestId('register-summary').fill(SUMMARY);
    await ent.getByTestId('register-leader').fill('王敏');
    await ent.getByTestId('register-submit').click();
    await ent.getByTestId('entry-card-2035-E-001').waitFor();
    const reasons = await ent.getByTestId('entry-card-2035-E-001').getByTestId('eligibility-reasons').textContent();
    expect(reasons).toContain('已满5年');
    await shot(ent, 'entrant');

    // The organiser enters a third maker team from a paper form.
    const city = await openCompetition('city');
    await city.getByTestId('organiser-view').waitFor();
    await city.getByTestId('add-team').click();
    await city.getByTestId('team-name').fill('鹊华团队');
    await city.getByTestId('team-org').fill('山东师范大学');
    await chooseOption(city, city.getByTestId('team-track'), '生物医药');
    await city.getByTestId('team-project').fill('快速核酸检测试剂');
    await city.getByTestId('team-summary').fill(SUMMARY);
    await city.getByTestId('team-leader').fill('赵静');
    await city.getByTestId('team-ok').click();
    // The new entry's row, or the refusal's reason (a message or a field error) instead of a bare timeout.
    const teamRow = city.getByTestId('entries-table').locator('tr', { hasText: '2035-M-003' });
    const teamRefused = city.locator('.ant-message-error, .ant-form-item-explain-error');
    await teamRow.or(teamRefused).first().waitFor({ timeout: 60_000 });
    if (!(await teamRow.isVisible())) throw new Error(`team registration refused: ${await teamRefused.first().textContent()}`);
    await shot(city, 'organiser-entries');

    // Pool: every judge; assignment skips the 山东大学 judge for 明湖团队 and says why.
    await city.getByRole('tab', { name: '评审分配' }).click();
    const boxes = city.getByTestId('pool').locator('input[type=checkbox]');
    for (let i = 0; i < (await boxes.count()); i++) if (!(await boxes.nth(i).isChecked())) await boxes.nth(i).check();
    await city.getByTestId('pool-save').click();
    await city.waitForTimeout(300);
    await city.getByTestId('auto-assign').click();
    await city.getByTestId('assign-result').waitFor();
    expect(await city.getByTestId('assign-result').textContent()).toContain('山东大学');
    await shot(city, 'organiser-assignment');

    // Ranking now is refused: no project has its judges' scores yet.
    await city.getByRole('tab', { name: '排名与公布' }).click();
    await city.getByTestId('rank').click();
    await city.getByTestId('rank-incomplete').waitFor();

    // The demo judge scores on a phone; the others through the API.
    const [judgeRow] = await server.ctx.database.query<{ id: number }>(`select id from users where username = 'judge'`);
    const assignments = await server.ctx.database.query<{ entry_id: number; username: string; code: string }>(
      `select a.entry_id, u.username, x.code from competition_assignments a join users u on u.id = a.judge_id
         join competition_entries x on x.id = a.entry_id where a.stage_id = $1 order by x.code, u.id`,
      [stageId],
    );
    expect(assignments.length).toBe(9);
    const quality: Record<string, number> = { '2035-M-001': 82, '2035-M-002': 91, '2035-M-003': 76 };
    const mine = assignments.filter((a) => a.username === 'judge');
    if (mine.length) {
      const ctx = await browser.newContext({
        viewport: { width: 390, height: 844 },
        locale: 'zh-CN',
        isMobile: true,
        reducedMotion: 'reduce',
        hasTouch: true,
      });
      const phone = await ctx.newPage();
      await phone.goto(server.url);
      await phone.getByTestId('login-username').fill('judge');
      await phone.getByTestId('login-password').fill(DEMO_PASSWORD);
      await phone.getByTestId('login-submit').click();
      await phone.getByTestId('current-user').waitFor();
      await phone.goto(`${server.url}/competition`);
      await phone.getByTestId('judge-view').waitFor();
      const view = await phone.getByTestId('judge-view').textContent();
      for (const name of ['泉城芯团队', '明湖团队', '鹊华团队', '济南大学', '山东师范大学']) expect(view).not.toContain(name);
      await shot(phone, 'judge-phone-list');
      for (const a of mine) {
        const card = phone.getByTestId(`judge-card-${a.code}`);
        await card.getByTestId('score-open').click();
        for (const key of ['innovation', 'market', 'business_model', 'team', 'social_value'])
          await card
            .locator(`input[data-testid="score-input-${key}"], [data-testid="score-input-${key}"] input`)
            .fill(String(quality[a.code]));
        expect(await card.getByTestId('score-total').textContent()).toContain(`${quality[a.code]}.00`);
        if (a === mine[0]) await shot(phone, 'judge-phone-scoring');
        await card.getByTestId('score-submit').click();
        await card.waitFor({ state: 'detached' });
      }
      await ctx.close();
    }
    expect(Number(judgeRow!.id)).toBeGreaterThan(0);
    const clients = new Map<string, ApiClient>();
    for (const a of assignments.filter((x) => x.username !== 'judge')) {
      if (!clients.has(a.username)) clients.set(a.username, await apiSignIn(server.app, a.username));
      const v = quality[a.code]!;
      const res = await clients.get(a.username)!.send('PUT', `/api/competition/stages/${stageId}/scores/${a.entry_id}`, {
        scores: { innovation: v, market: v, business_model: v, team: v, social_value: v },
      });
      expect(res.statusCode).toBe(200);
    }

    // Rank, publish, advance.
    await city.reload();
    await city.getByTestId('organiser-view').waitFor();
    await city.getByRole('tab', { name: '排名与公布' }).click();
    await city.getByTestId('rank').click();
    await city.getByTestId('results-table').locator('tr', { hasText: '2035-M-002' }).waitFor();
    const first = await city.getByTestId('results-table').locator('tbody tr.ant-table-row').first().textContent();
    expect(first).toContain('2035-M-002');
    expect(first).toContain('91.00');
    await city.getByTestId('publish').click();
    await city.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    // The stage's 'published' tag stays (the success toast goes after 3 s); a refusal fails with its reason.
    const refused = city.locator('.ant-message-error');
    await city.getByTestId('stage-published').or(refused).waitFor();
    if (await refused.isVisible()) throw new Error(`publish refused: ${await refused.textContent()}`);
    await city.getByTestId('results-table').waitFor();
    await shot(city, 'organiser-ranking');
    const reached = await server.ctx.database.query<{ code: string; reached_stage: string }>(
      `select code, reached_stage from competition_entries where edition_id = $1 order by code`,
      [editionId],
    );
    expect(reached.map((r) => [r.code, r.reached_stage])).toEqual([
      ['2035-E-001', 'registration'],
      ['2035-M-001', 'preliminary'],
      ['2035-M-002', 'semi_final'],
      ['2035-M-003', 'preliminary'],
    ]);

    // The public page, without signing in.
    const visitor = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })).newPage();
    await visitor.goto(`${server.url}/public/competition`);
    await visitor.getByTestId('public-results').getByText('明湖智能检测').waitFor();
    await shot(visitor, 'public');
  }, 300_000);
});
