/**
 * The pipeline (梯度培育库) and the self-assessment in the browser against the real server: the
 * page shows the API's counts, the funnel is drawn, the margin filter changes the list, the export
 * downloads, an officer opens one enterprise's assessment (with the reward clause 二 would pay),
 * and an enterprise account sees only its own self-assessment. Screenshots go to .tmp/screens/.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SCREENS, launchBrowser, signInAs } from '../helpers/browser.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { signIn as apiSignIn } from '../helpers/client.ts';

let server: TestServer;
let browser: Browser;
const DATE = '2025-06-01';

beforeAll(async () => {
  server = await startTestServer({ enterprises: 800 });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(username: string): Promise<Page> {
  return signInAs(browser, server.url, username);
}

const digits = (s: string | null) => Number((s ?? '').replace(/[^\d]/g, ''));

interface PipelineBody {
  enterprises: number;
  totalItems: number;
  byUnit: { eligible: number; close: number }[];
  items: { enterpriseId: number; standard: string; standing: string }[];
}

describe('pipeline and self-assessment in the browser', () => {
  test('a city officer sees the API’s counts, the funnel and the table; a tighter margin lists fewer; the export downloads', async () => {
    const api = await apiSignIn(server.app, 'city');
    const body = (await api.get(`/api/tiers/pipeline?date=${DATE}&marginPoints=10&marginPercent=10`)).json() as PipelineBody;
    const tight = (await api.get(`/api/tiers/pipeline?date=${DATE}&marginPoints=0&marginPercent=0`)).json() as PipelineBody;
    expect(body.totalItems).toBeGreaterThan(tight.totalItems);

    const page = await signIn('city');
    await page.getByTestId('nav-pipeline').click();
    await page.getByTestId('pipeline-page').waitFor();
    await page.goto(`${server.url}/pipeline?date=${DATE}`);
    await page.getByTestId('pipeline-table').waitFor();
    await page.getByTestId('pipeline-funnel').locator('canvas').waitFor();
    await expect
      .poll(async () => page.locator('.ant-statistic-content-value').first().textContent())
      .toContain(String(body.enterprises));
    const shown = page.getByText(`共 ${body.totalItems} 条`);
    await shown.waitFor();
    await page.screenshot({ path: path.join(SCREENS, 'pipeline.png'), fullPage: true });

    await page.goto(`${server.url}/pipeline?date=${DATE}&points=0&percent=0`);
    await page.getByText(`共 ${tight.totalItems} 条`).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pipeline-export').click()]);
    expect(download.suggestedFilename()).toBe(`pipeline-${DATE}.xlsx`);
    await page.context().close();
  }, 120_000);

  test('an officer opens an eligible enterprise’s assessment: what it meets, what it lacks, and the reward clause 二 would pay', async () => {
    const api = await apiSignIn(server.app, 'city');
    const body = (
      await api.get(`/api/tiers/pipeline?date=${DATE}&standard=specialized_sme&standing=eligible`)
    ).json() as PipelineBody;
    const one = body.items[0];
    expect(one, 'the seed has an enterprise meeting 专精特新 without holding it').toBeDefined();
    const page = await signIn('city');
    await page.goto(`${server.url}/pipeline?date=${DATE}&standard=specialized_sme&standing=eligible`);
    await page.getByTestId('pipeline-table').locator('a').first().click();
    await page.getByTestId('self-assessment').waitFor();
    const reward = page.getByTestId('self-specialized_sme-reward');
    await expect.poll(async () => reward.textContent()).toContain('300,000');
    expect(await page.getByTestId('self-specialized_sme').textContent()).toContain('specialized_sme@2022');
    await page.screenshot({ path: path.join(SCREENS, 'pipeline-assessment.png'), fullPage: true });
    await page.context().close();
  }, 120_000);

  test('an enterprise sees its own self-assessment with scores and gaps, in both languages, and nothing of others', async () => {
    const api = await apiSignIn(server.app, 'enterprise');
    const page = await signIn('enterprise');
    await page.getByTestId('nav-pipeline').click();
    await page.goto(`${server.url}/pipeline?date=${DATE}`);
    await page.getByTestId('self-assessment').waitFor();
    for (const s of ['innovative_sme', 'specialized_sme', 'little_giant', 'gazelle', 'unicorn'])
      await page.getByTestId(`self-${s}`).waitFor();
    const score = await page.getByTestId('self-innovative_sme-score').textContent();
    expect(digits(score?.split('/')[0] ?? '')).toBeGreaterThanOrEqual(0);
    expect(await page.getByTestId('self-assessment').textContent()).toContain('还差什么');
    await page.screenshot({ path: path.join(SCREENS, 'self-assessment.png'), fullPage: true });
    await page.getByTestId('lang-switch').click();
    await page.getByText('What is missing').first().waitFor();
    await page.screenshot({ path: path.join(SCREENS, 'self-assessment-en.png'), fullPage: true });
    expect((await api.get(`/api/tiers/pipeline`)).statusCode).toBe(404);
    await page.context().close();
  }, 120_000);
});
