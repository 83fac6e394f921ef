/**
 * A quarter's reporting cycle (督办) in the browser against the real server: 市科技局 (user
 * `science`) reports on measure 13, the general office (`office`) returns it with a reason, 市科技局
 * corrects and resubmits, 市财政局 (`finance`) reports, the office accepts both, and the leadership
 * view shows measure 13 with a status instead of "no report", with the units' figures summed.
 * Screenshots go to .tmp/screens/.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SCREENS, launchBrowser, signInAs } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { reportingPeriod } from '../../src/modules/measures/domain.ts';
import { todayShanghai } from '../../src/shared/dates.ts';

let server: TestServer;
let browser: Browser;
const PERIOD = reportingPeriod(todayShanghai());
const units: Record<string, number> = {};
const query = <T>(sql: string, params: unknown[] = []) => server.ctx.database.query<T>(sql, params);

beforeAll(async () => {
  server = await startTestServer({ enterprises: 300 });
  browser = await launchBrowser();
  for (const r of await query<{ id: number; name_zh: string }>(`select id, name_zh from responsible_units`))
    units[r.name_zh] = Number(r.id);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openReport(page: Page, unit: string): Promise<void> {
  await page.goto(`${server.url}/measures?tab=reports&period=${PERIOD}`);
  await page.getByTestId('reports-table').waitFor();
  await page.getByTestId(`open-13-${units[unit]}`).click();
  await page.getByTestId('report-panel').waitFor();
}

async function fillAndSubmit(page: Page, summary: string, roadshows: string): Promise<void> {
  await page.getByTestId('report-summary').fill(summary);
  await page.getByTestId('report-progress').getByText('正常推进').click();
  await page.getByTestId('value-m13.roadshows_held').fill(roadshows);
  await page.getByTestId('report-submit').click();
  await expect.poll(() => page.getByTestId('report-status').textContent()).toContain('已报送');
}

const statusOf = async (unit: string) =>
  (
    await query<{ status: string }>(`select status from measure_reports where measure = 13 and period = $1 and unit_id = $2`, [
      PERIOD,
      units[unit],
    ])
  )[0]?.status;

describe('a quarter of 督办 in the browser', () => {
  test('unit A submits, the office returns it, unit A resubmits', async () => {
    const sci = await signInAs(browser, server.url, 'science');
    await openReport(sci, '市科技局');
    await fillAndSubmit(sci, '本季度组织重点产业链项目路演两场。', '2');
    await sci.screenshot({ path: path.join(SCREENS, 'measures-report-unit.png') });

    const office = await signInAs(browser, server.url, 'office');
    await openReport(office, '市科技局');
    await office.getByTestId('report-reason').fill('请补充路演项目清单');
    await office.getByTestId('report-return').click();
    await expect.poll(() => office.getByTestId('report-status').textContent()).toContain('已退回');
    expect(await statusOf('市科技局')).toBe('returned');

    await openReport(sci, '市科技局');
    await expect.poll(() => sci.getByTestId('report-panel').textContent()).toContain('请补充路演项目清单');
    await fillAndSubmit(sci, '本季度组织重点产业链项目路演两场，项目清单见附件说明：智能制造、生物医药。', '2');
    expect(await statusOf('市科技局')).toBe('submitted');
    await expect.poll(() => sci.getByTestId('report-history').textContent()).toContain('退回');
    await sci.screenshot({ path: path.join(SCREENS, 'measures-report-resubmitted.png') });
  }, 240_000);

  test('unit B submits, the office accepts both, and the leadership view shows the measure’s status', async () => {
    const fin = await signInAs(browser, server.url, 'finance');
    await openReport(fin, '市财政局');
    await fillAndSubmit(fin, '安排创新创业大赛奖补资金，支持路演活动一场。', '1');

    const office = await signInAs(browser, server.url, 'office');
    await office.goto(`${server.url}/measures?period=${PERIOD}`);
    await office.getByTestId('measures-table').waitFor();
    expect(await office.getByTestId('measure-13-status').getAttribute('data-status')).toBe('no_report');

    for (const unit of ['市科技局', '市财政局']) {
      await openReport(office, unit);
      await office.getByTestId('report-accept').click();
      await expect.poll(() => office.getByTestId('report-status').textContent()).toContain('已通过');
      await office.screenshot({ path: path.join(SCREENS, `measures-office-accepted-${unit}.png`) });
    }
    expect(await statusOf('市财政局')).toBe('accepted');

    await office.goto(`${server.url}/measures?period=${PERIOD}`);
    await office.getByTestId('measures-table').waitFor();
    await expect.poll(() => office.getByTestId('measure-13-status').getAttribute('data-status')).toBe('on_track');
    // The entered figure is the sum of the accepted reports of the year (past quarters' seeded ones included).
    const [sum] = await query<{ n: number }>(
      `select coalesce(sum((v->>'value')::numeric), 0)::int as n from measure_reports r, jsonb_array_elements(r.values) v
        where r.measure = 13 and r.status = 'accepted' and r.period between $1 and $2 and v->>'indicatorId' = 'm13.roadshows_held'`,
      [`${PERIOD.slice(0, 4)}Q1`, PERIOD],
    );
    await office.locator('tr[data-row-key="13"] .ant-table-row-expand-icon').click();
    await expect.poll(() => office.getByTestId('figure-m13.roadshows_held').textContent()).toContain(String(sum!.n));
    await office.screenshot({ path: path.join(SCREENS, 'measures-leadership.png'), fullPage: true });
  }, 240_000);
});
