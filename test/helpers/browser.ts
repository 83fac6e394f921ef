/**
 * Browser tests' shared parts: Debian's Chromium through playwright-core, sign-in through the
 * real login form, and the folder for screenshots a person looks at. The web app itself is built
 * once by test/global-setup.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from './server.ts';

export const SCREENS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '.tmp', 'screens');

export async function launchBrowser(): Promise<Browser> {
  fs.mkdirSync(SCREENS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * A fresh context (no cookies, no remembered language), signed in through the login form. It asks
 * for reduced motion, which the app honours by opening dialogs and dropdowns without animation: under
 * CI load a click while a dialog or dropdown is still moving into place can be lost (a select's option
 * was, reproducibly; a payment dialog's confirmation very likely was, leaving no refusal to see).
 */
export async function signInAs(browser: Browser, url: string, username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
  return page;
}

/**
 * Chooses an option of an Ant Design Select (`select` is the select or its input) and checks that the
 * select now shows it. Under CI load a click on an option while the dropdown (or the dialog around it)
 * is still animating can be lost, leaving the field empty and a later submit refused by validation;
 * so a lost click is tried again (reopening the dropdown if it closed), up to three times, and the test never goes on with an empty field.
 * Without `option`, the first option offered is taken.
 */
export async function chooseOption(page: Page, select: Locator, option?: string): Promise<string> {
  const root = select.locator(
    'xpath=ancestor-or-self::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  const open = page.locator('.ant-select-dropdown:visible');
  // Another select's dropdown may still be fading out; its options must not be taken for this one's.
  await expect.poll(() => open.count(), { timeout: 5_000 }).toBe(0);
  for (let attempt = 1; ; attempt++) {
    if ((await open.count()) === 0) await root.click();
    const choice = open.locator('.ant-select-item-option', option ? { hasText: option } : {}).first();
    const text = option ?? ((await choice.textContent()) ?? '').trim();
    await choice.click();
    try {
      await expect.poll(async () => (await root.textContent()) ?? '', { timeout: 3_000 }).toContain(text);
      return text;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}
