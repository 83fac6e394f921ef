/**
 * The browser app against the real server: sign-in, the enterprise list (search, scope) and the
 * enterprise page, in Debian's Chromium. Screenshots go to .tmp/screens/ for a human to look at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../helpers/server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCREENS = path.join(ROOT, '.tmp', 'screens');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** The server serves web/dist, so build it first when missing or older than the sources. */
function buildWebIfStale(): void {
  const index = path.join(ROOT, 'web', 'dist', 'index.html');
  const sources = Math.max(newestMtime(path.join(ROOT, 'web', 'src')), fs.statSync(path.join(ROOT, 'web', 'index.html')).mtimeMs);
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(SCREENS, { recursive: true });
  buildWebIfStale();
  server = await startTestServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh context per test: no cookies, no remembered language. */
async function signIn(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
  return page;
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
