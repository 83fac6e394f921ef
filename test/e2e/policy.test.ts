/**
 * The policy screens in the browser against the real server: the clause text beside its
 * parameters, entitlements recomputed and explained, and a what-if that lowers an amount.
 * Screenshots go to .tmp/screens/ for a human to look at.
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
  server = await startTestServer({ enterprises: 600 });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

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

const rows = (page: Page) => page.locator('[data-testid="entitlement-table"] tbody tr.ant-table-row');

describe('policy and entitlements in the browser', () => {
  test('a city officer reads clause 二 beside its parameters', async () => {
    const page = await signIn('city');
    await page.getByTestId('nav-policy').click();
    await page.getByTestId('clause-2').waitFor();
    const text = await page.getByTestId('clause-text-2').textContent();
    expect(text).toContain('对新获评的专精特新“小巨人”企业，给予一次性奖励200万元');
    expect(await page.getByTestId('responsible-2').textContent()).toContain('市工业和信息化局');
    const littleGiant = await page.getByTestId('param-value-clause_2_little_giant_first_amount').textContent();
    expect(littleGiant).toContain('¥2,000,000');
    expect(littleGiant).toContain('200万元');
    expect(await page.getByTestId('version-status').first().textContent()).toBe('征求意见稿');
    expect(await page.getByTestId('unverified').count()).toBeGreaterThan(0);
    await shoot(page, 'policy-city');
    await page.context().close();
  });

  test('a city officer recomputes 2025 and opens an explained entitlement', async () => {
    const page = await signIn('city');
    await page.goto(`${server.url}/entitlements?fiscalYear=2025`);
    await page.getByTestId('entitlement-list-page').waitFor();
    await page.getByTestId('recompute').click();
    // The counts come back in a message; the list reloads with the stored rows.
    await page.locator('.ant-message').getByText('2025 年度已重新计算').waitFor({ timeout: 60_000 });
    await rows(page).first().waitFor();
    expect(await rows(page).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('owed-total').textContent()).toMatch(/¥[\d,]+/);
    await shoot(page, 'entitlements-city');

    await rows(page).first().getByTestId('cell-item').click();
    await page.waitForURL((url) => url.searchParams.has('item'));
    await page.getByTestId('entitlement-explanation').waitFor();
    expect(await page.getByTestId('trace-condition').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('condition-true').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('trace-parameter').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('trace-computation').textContent()).toMatch(/1 × \d+ = \d+/);
    await page.screenshot({ path: path.join(SCREENS, 'entitlement-explanation-city.png') });
    await page.context().close();
  }, 120_000);

  test('a what-if lowering the 小巨人 reward shows a negative difference', async () => {
    const page = await signIn('city');
    await page.getByTestId('nav-budget').click();
    await page.getByTestId('budget-summary').waitFor({ timeout: 60_000 });
    await page.getByTestId('budget-chart').waitFor();
    expect(await page.getByTestId('joint-note').isVisible()).toBe(true);

    const input = page.locator('[data-testid="whatif-param-clause_2_little_giant_first_amount"] input');
    await input.fill('1000000');
    await page.getByTestId('whatif-compute').click();
    await page.getByTestId('whatif-result').waitFor({ timeout: 60_000 });
    const difference = (await page.getByTestId('whatif-difference').textContent()) ?? '';
    // The seed has national 小巨人 recognitions from 2023 on, so lowering the reward costs less.
    expect(difference).toMatch(/-¥[\d,]+/);
    expect(await page.getByTestId('beneficiary-difference').first().textContent()).toMatch(/^-¥/);
    await shoot(page, 'budget-whatif-city');
    await page.context().close();
  }, 120_000);

  test('finance sees the budget; an enterprise user sees only its own money and no budget', async () => {
    const finance = await signIn('finance');
    await expect.poll(async () => finance.getByTestId('nav-budget').count()).toBe(1);
    await finance.getByTestId('nav-entitlements').click();
    await finance.getByTestId('entitlement-list-page').waitFor();
    expect(await finance.getByTestId('recompute').count()).toBe(0);
    await finance.context().close();

    const enterprise = await signIn('enterprise');
    await expect.poll(async () => enterprise.getByTestId('nav-entitlements').textContent()).toBe('我的资金');
    expect(await enterprise.getByTestId('nav-budget').count()).toBe(0);
    await enterprise.context().close();
  });
});
