/**
 * The policy screens in the browser against the real server: the clause text beside its
 * parameters, entitlements recomputed and explained, and a what-if that lowers an amount.
 * Screenshots go to .tmp/screens/ for a human to look at.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SCREENS, launchBrowser, signInAs } from '../helpers/browser.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';

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
