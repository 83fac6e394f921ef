/**
 * The targets dashboard in the browser against the real server: a KPI shows the API's number,
 * and clicking it lands on the enterprise list filtered to the same enterprises. Screenshots of
 * the page (Chinese, English, print view) go to .tmp/screens/.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SCREENS, launchBrowser, signInAs } from '../helpers/browser.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { signIn as apiSignIn } from '../helpers/client.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ enterprises: 600 });
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

describe('targets dashboard in the browser', () => {
  test('a city officer sees the API’s number on a KPI, and clicking it opens the filtered enterprise list', async () => {
    const on = '2025-06-30';
    const api = await apiSignIn(server.app, 'city');
    const dash = (await api.get(`/api/dashboard?on=${on}`)).json() as { targets: { id: string; inForce: number }[] };
    const expected = dash.targets.find((t) => t.id === 'specialized_sme')!.inForce;
    expect(expected).toBeGreaterThan(0);

    const page = await signIn('city');
    await page.getByTestId('nav-targets').click();
    await page.getByTestId('dashboard-page').waitFor();
    await page.goto(`${server.url}/targets?on=${on}`);
    await page.getByTestId('chart-trend').waitFor();
    const kpi = page.getByTestId('kpi-specialized_sme').getByTestId('kpi-value');
    expect(digits(await kpi.textContent())).toBe(expected);

    await kpi.click();
    await page.waitForURL((url) => url.pathname === '/enterprises');
    const url = new URL(page.url());
    expect(url.searchParams.get('titleKind')).toBe('specialized_sme');
    expect(url.searchParams.get('on')).toBe(on);
    await page.getByTestId('filter-on').waitFor();
    await expect.poll(async () => page.locator('.ant-pagination-total-text').textContent()).toContain(String(expected));
    await page.context().close();
  }, 120_000);

  test('a district officer’s dashboard shows their unit only; an enterprise user has no dashboard', async () => {
    const page = await signIn('lixia');
    await page.getByTestId('nav-targets').click();
    await page.getByTestId('unit-table').waitFor();
    const rows = page.locator('[data-testid="unit-table"] tbody tr.ant-table-row');
    expect(await rows.count()).toBe(1);
    await page.context().close();

    const enterprise = await signIn('enterprise');
    expect(await enterprise.getByTestId('nav-targets').count()).toBe(0);
    await enterprise.context().close();
  }, 60_000);

  test('screenshots: Chinese, English and the print view', async () => {
    const page = await signIn('city');
    await page.goto(`${server.url}/targets?on=2025-06-30`);
    await page.getByTestId('chart-districts').waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(SCREENS, 'dashboard-zh.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ path: path.join(SCREENS, 'dashboard.pdf'), preferCSSPageSize: true, printBackground: true });
    // The printable report is one page (A4 landscape, from the print stylesheet).
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    // The print view as the paper sees it: A4 landscape less the margins, in CSS pixels.
    await page.setViewportSize({ width: 1047, height: 718 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(SCREENS, 'dashboard-print.png'), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: /Targets dashboard/ }).waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(SCREENS, 'dashboard-en.png'), fullPage: true });
    await page.context().close();
  }, 60_000);
});
