/**
 * The talent programme in the browser against the real server: the city officer creates and
 * publishes a course of the 2026 edition; the enterprise user enrols a manager and sees the seat
 * and the check-in QR code; the officer opens the QR code's URL (as a phone would after scanning)
 * and checks the participant in; the enterprise downloads the certificate (a PDF) and submits
 * feedback; the officer sees the programme's figures. Screenshots go to .tmp/screens/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SCREENS, chooseOption, launchBrowser, signInAs } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ enterprises: 300 });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENS, `talent-${name}.png`), fullPage: true });
const pad = (n: number) => String(n).padStart(2, '0');
/** "YYYY-MM-DD HH:mm" in the browser's (= this machine's) zone, as the date picker reads it. */
const pickerTime = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;

/**
 * A QR check-in works only on the event's own day in Asia/Shanghai, and enrolment closes when the
 * course starts: a course starting a few minutes from now must still start today in Shanghai. Close
 * to Shanghai midnight the test waits for the new day rather than fail for the calendar's sake.
 */
const LEAD_MS = 4 * 60_000;
async function untilCourseFitsShanghaiDay(): Promise<void> {
  const shanghaiMs = Date.now() + 8 * 3600_000; // Asia/Shanghai has no daylight saving
  const toMidnight = 86_400_000 - (shanghaiMs % 86_400_000);
  if (toMidnight < LEAD_MS + 60_000) await new Promise((r) => setTimeout(r, toMidnight + 2_000));
}

describe('the talent programme in the browser', () => {
  test('a course runs from publication to certificates and feedback', async () => {
    await untilCourseFitsShanghaiDay();
    const title = `专精特新企业数字化转型研修班（浏览器测试 ${Date.now() % 100000}）`;
    // The city officer creates the course as a draft of the 2026 edition, then publishes it.
    const city = await signInAs(browser, server.url, 'city');
    await city.getByTestId('nav-events').click();
    await city.getByTestId('events-page').waitFor();
    await city.getByTestId('events-table').locator('tbody tr.ant-table-row').first().waitFor();
    await shot(city, 'events-list-city');
    await city.getByTestId('new-event').click();
    const form = city.getByTestId('event-form');
    await form.waitFor();
    await form.getByLabel('活动名称').fill(title);
    await chooseOption(city, form.getByLabel('所属人才工程年度'), '2026年度');
    const start = new Date(Date.now() + LEAD_MS);
    const end = new Date(Date.now() + 3 * 3600_000);
    const inputs = form.locator('.ant-picker-range input');
    await inputs.nth(0).click();
    await inputs.nth(0).fill(pickerTime(start));
    await inputs.nth(0).press('Enter');
    await inputs.nth(1).fill(pickerTime(end));
    await inputs.nth(1).press('Enter');
    await form.getByLabel('地点').fill('济南新动能中小企业创新交流中心');
    await form.getByLabel('承办单位（如领军企业、国有企业）').fill('山东重工集团有限公司');
    await form.getByLabel('名额').fill('20');
    await shot(city, 'event-form');
    await city.getByRole('button', { name: '保存为草稿' }).click();
    const drawer = city.getByTestId('event-drawer');
    // The officer corrects the place of the draft: the form opens filled in and the drawer shows the change.
    await drawer.getByTestId('edit-event').click();
    expect(await form.getByLabel('活动名称').inputValue()).toBe(title);
    await form.getByLabel('地点').fill('济南新动能中小企业创新交流中心（二楼报告厅）');
    await city.getByRole('button', { name: '保存修改' }).click();
    await drawer.getByText('济南新动能中小企业创新交流中心（二楼报告厅）').waitFor();
    await drawer.getByTestId('publish').click();
    await drawer.getByText('报名中').first().waitFor();
    const eventId = Number(new URL(city.url()).searchParams.get('open'));
    expect(eventId).toBeGreaterThan(0);

    // The enterprise user finds it and enrols a manager: a seat and a QR code.
    const ent = await signInAs(browser, server.url, 'enterprise');
    await ent.goto(`${server.url}/events?kind=course&q=${encodeURIComponent('浏览器测试')}`);
    await ent.getByTestId('events-table').locator('tbody tr.ant-table-row', { hasText: title }).click();
    const enrolForm = ent.getByTestId('enrol-form');
    await enrolForm.waitFor();
    await enrolForm.getByLabel('参加人').fill('王建国');
    await enrolForm.getByLabel('手机').fill('1380531');
    await enrolForm.getByLabel('职务').fill('总经理');
    await ent.getByTestId('enrol-submit').click();
    // A wrong phone is refused with the field named; nothing is enrolled.
    await enrolForm.getByText('请填写 11 位手机号或带区号的固定电话').waitFor();
    await enrolForm.getByLabel('手机').fill('13805310001');
    await ent.getByTestId('enrol-submit').click();
    await ent.getByTestId('my-enrolment').getByTestId('enrolment-status').filter({ hasText: '已确认' }).waitFor();
    await ent.getByTestId('qr').waitFor();
    expect(
      await ent
        .getByTestId('qr')
        .evaluate(
          (img) =>
            (img as unknown as { complete: boolean; naturalWidth: number }).complete &&
            (img as unknown as { naturalWidth: number }).naturalWidth > 100,
        ),
    ).toBe(true);
    await shot(ent, 'enrolled-with-qr');

    // The officer's phone opens the URL inside the QR code and checks the participant in.
    const [row] = await server.ctx.database.query<{ id: number }>(`select id from event_enrolments where event_id = $1`, [
      eventId,
    ]);
    const link = (await ent.evaluate(
      async (id) => (await fetch(`/api/events/enrolments/${id}/checkin-link`)).json(),
      Number(row!.id),
    )) as { url: string };
    expect(link.url).toContain('/events/check-in?t=');
    await city.setViewportSize({ width: 414, height: 860 });
    await city.goto(link.url);
    await city.getByTestId('checkin-page').getByText('王建国').waitFor();
    await shot(city, 'checkin-phone');
    await city.getByTestId('checkin-confirm').click();
    await city.getByTestId('checkin-result').getByText('签到成功').waitFor();
    await shot(city, 'checkin-done');
    // Scanning the same code again checks in nobody twice.
    await city.reload();
    await city.getByTestId('checkin-result').getByText('已签到（此二维码已使用）').waitFor();

    // The enterprise downloads the certificate and gives feedback.
    await ent.reload();
    const cert = ent.getByTestId('certificate');
    await cert.waitFor();
    const [download] = await Promise.all([ent.waitForEvent('download'), cert.click()]);
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/^certificate-JNZX-2026-PX-\d{6}\.pdf$/);
    fs.copyFileSync(file, path.join(SCREENS, 'talent-certificate.pdf'));
    const fb = ent.getByTestId('feedback-form');
    await fb.locator('.ant-rate-star').nth(3).click();
    await fb.getByLabel('意见建议').fill('案例贴近实际，希望增加走访环节');
    await ent.getByTestId('feedback-submit').click();
    await ent.getByText('感谢您的评价').waitFor();
    await shot(ent, 'attended-feedback');
    const [saved] = await server.ctx.database.query<{ rating: number; comment: string }>(
      `select f.rating, f.comment from event_feedback f join event_enrolments n on n.id = f.enrolment_id where n.event_id = $1`,
      [eventId],
    );
    expect(saved).toEqual({ rating: 4, comment: '案例贴近实际，希望增加走访环节' });

    // The enterprise's programme page lists the course with its certificate.
    await ent.goto(`${server.url}/talent?year=2026`);
    await ent.getByTestId('my-programme').getByText(title).waitFor();
    await shot(ent, 'talent-enterprise');

    // The officer sees the edition's figures (the same programmeTotals the progress report calls).
    await city.setViewportSize({ width: 1440, height: 900 });
    await city.goto(`${server.url}/talent?year=2026`);
    await city.getByTestId('programme-totals').waitFor();
    await city.getByTestId('events-table').locator('tbody tr.ant-table-row').first().waitFor();
    await shot(city, 'talent-city');
    await city.goto(`${server.url}/events?open=${eventId}`);
    await city.getByTestId('enrolments-table').getByText('已签到（扫码）').waitFor();
    // The organiser's list shows the participant masked.
    await city.getByTestId('enrolments-table').getByText('王*国 · 总经理').waitFor();
    await shot(city, 'event-organiser');
    await city.goto(`${server.url}/events?tab=stats`);
    await city.getByTestId('chart-unit').locator('canvas').waitFor();
    await city.waitForTimeout(600);
    await shot(city, 'stats');
  }, 600_000);
});
