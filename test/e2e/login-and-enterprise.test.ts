/**
 * The browser app against the real server: sign-in, the enterprise list (search, scope) and the
 * enterprise page, in Debian's Chromium. Screenshots go to .tmp/screens/ for a human to look at.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SCREENS, launchBrowser, signInAs } from '../helpers/browser.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh context per test: no cookies, no remembered language. */
async function signIn(username: string): Promise<Page> {
  return signInAs(browser, server.url, username);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
}

const rows = (page: Page) => page.locator('[data-testid="enterprise-table"] tbody tr.ant-table-row');

describe('the browser app', () => {
  test('a city officer signs in, searches the registry and opens an enterprise with its title history', async () => {
    const page = await signIn('city');
    await page.getByTestId('count-enterprises').waitFor();
    await shoot(page, 'home-city');

    // Enterprises holding a title, so the page has a history to show; filters live in the URL.
    await page.goto(`${server.url}/enterprises?titleKind=specialized_sme`);
    await rows(page).first().waitFor();
    await shoot(page, 'enterprise-list-city');
    const name = (await rows(page).first().getByTestId('enterprise-link').textContent())?.trim() ?? '';
    expect(name).not.toBe('');

    await page.getByTestId('enterprise-search').locator('input').fill(name);
    await page.getByTestId('enterprise-search').locator('input').press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === name);
    await expect.poll(async () => rows(page).first().getByTestId('enterprise-link').textContent()).toBe(name);

    await rows(page).first().getByTestId('enterprise-link').click();
    await page.getByTestId('enterprise-page').waitFor();
    expect(await page.getByTestId('enterprise-name').textContent()).toBe(name);
    await page.getByTestId('title-timeline').waitFor();
    expect(await page.getByTestId('title-event').count()).toBeGreaterThan(0);
    await page.getByTestId('yearly-chart').waitFor();
    await shoot(page, 'enterprise-page-city');
    await page.context().close();
  });

  test('a Lixia district officer sees only enterprises of 历下区', async () => {
    const page = await signIn('lixia');
    await page.getByTestId('nav-enterprises').click();
    await rows(page).first().waitFor();
    await shoot(page, 'enterprise-list-lixia');
    const units = await page.getByTestId('cell-unit').allTextContents();
    expect(units.length).toBeGreaterThan(0);
    expect(new Set(units)).toEqual(new Set(['历下区']));
    await page.context().close();
  });

  test('switching to English relabels the menu and is remembered', async () => {
    const page = await signIn('city');
    await expect.poll(async () => page.getByTestId('nav-enterprises').textContent()).toBe('企业');
    await page.getByTestId('lang-switch').click();
    await expect.poll(async () => page.getByTestId('nav-enterprises').textContent()).toBe('Enterprises');
    await page.reload();
    await expect.poll(async () => page.getByTestId('nav-enterprises').textContent()).toBe('Enterprises');
    await shoot(page, 'home-city-en');
    await page.context().close();
  });
});
