/**
 * Browser tests' shared parts: Debian's Chromium through playwright-core, sign-in through the
 * real login form, and the folder for screenshots a person looks at. The web app itself is built
 * once by test/global-setup.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from './server.ts';

export const SCREENS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '.tmp', 'screens');

export async function launchBrowser(): Promise<Browser> {
  fs.mkdirSync(SCREENS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A fresh context (no cookies, no remembered language), signed in through the login form. */
export async function signInAs(browser: Browser, url: string, username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
  return page;
}
