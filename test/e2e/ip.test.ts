/**
 * Intellectual property in the browser against the real server: the enterprise records a patent
 * through the form and imports a sheet (a bad sheet first: nothing applied, the rows named), and
 * sees the classes, counts and score; it consents to share its IP; the bank finds it, reads the
 * evaluation and records an IP-pledge loan on a chosen item; the city sees the statistics.
 * Screenshots go to .tmp/screens/.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SCREENS, launchBrowser, signInAs } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { signIn as apiSignIn } from '../helpers/client.ts';
import { IMPORT_COLUMNS } from '../../src/modules/ip/domain.ts';

let server: TestServer;
let browser: Browser;
let enterpriseName = '';
let enterpriseId = 0;

beforeAll(async () => {
  server = await startTestServer({ enterprises: 400 });
  browser = await launchBrowser();
  const [row] = await server.ctx.database.query<{ name: string; id: number }>(
    `select e.name, e.id from users u join enterprises e on e.id = u.enterprise_id where u.username = 'enterprise'`,
  );
  enterpriseName = row!.name;
  enterpriseId = Number(row!.id);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENS, `ip-${name}.png`), fullPage: true });

async function openIp(username: string): Promise<Page> {
  const page = await signInAs(browser, server.url, username);
  await page.getByTestId('nav-ip').click();
  await page.getByTestId('ip-page').waitFor();
  return page;
}

async function sheet(file: string, rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('知识产权');
  ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(r);
  const p = path.join(SCREENS, file);
  fs.writeFileSync(p, Buffer.from(await wb.xlsx.writeBuffer()));
  return p;
}

const kpi = async (page: Page, id: string) =>
  Number(await page.getByTestId(id).locator('.ant-statistic-content-value').textContent());

describe('intellectual property in the browser', () => {
  test('the enterprise records and imports IP and sees classes, counts and score', async () => {
    const ent = await openIp('enterprise');
    await ent.getByTestId('ip-enterprise').waitFor();
    expect(await kpi(ent, 'ip-count-class1')).toBe(0);

    // The form: a self-developed invention patent with a family member abroad (Ⅰ类高价值).
    await ent.getByTestId('ip-add').click();
    await ent.getByTestId('ip-form-number').fill('201710601862.4');
    await ent.getByTestId('ip-form-title').fill('一种数控机床主轴热误差补偿方法');
    await ent.getByTestId('ip-form-applied').click();
    await ent.keyboard.type('2017-07-20');
    await ent.keyboard.press('Enter');
    await ent.getByTestId('ip-form-granted').click();
    await ent.keyboard.type('2019-03-15');
    await ent.keyboard.press('Enter');
    await ent.getByTestId('ip-form-maintenance').fill('8');
    await ent.getByTestId('ip-form-family').fill('2');
    await ent.getByTestId('ip-form-save').click();
    // A wrong check digit is named on the field; nothing is stored.
    await ent.getByText('校验位应为3').waitFor();
    await shot(ent, 'enterprise-form-error');
    await ent.getByTestId('ip-form-number').fill('201710601862.3');
    await ent.getByTestId('ip-form-save').click();
    await ent.getByTestId('ip-items').getByText('201710601862.3').waitFor();

    // A bad sheet: nothing is applied and the rows are named.
    const good = [
      [
        '实用新型专利',
        '202220123456.7',
        '一种数控机床用快速夹紧装置',
        '2022-05-01',
        '2022-11-01',
        '',
        '有效',
        4,
        0,
        2,
        '',
        '自主研发',
        '',
        '是',
      ],
      [
        '软件著作权',
        '2023SR0456789',
        '机床远程监控平台V1.0',
        '2023-02-01',
        '2023-04-01',
        '',
        '有效',
        0,
        0,
        '',
        '',
        '自主研发',
        '',
        '是',
      ],
      [
        '发明专利',
        '95115608.X',
        '一种刀具磨损在线监测方法',
        '1995-06-01',
        '1998-03-01',
        '',
        '有效',
        12,
        0,
        5,
        '中国专利优秀奖',
        '受让',
        '2021-03-01',
        '是',
      ],
      ['商标', '12345678', '泉精工', '2019-01-01', '2020-01-01', '', '有效', 0, 0, '', '', '自主研发', '', '是'],
    ];
    const bad = [
      ...good,
      ['发明专利', '201810000001.1', '一种方法', '2018-01-01', '2020-01-01', '', '有效', 'x', 0, '', '', '自主研发', '', '也许'],
    ];
    await ent.locator('input[type=file]').setInputFiles(await sheet('ip-bad.xlsx', bad));
    await ent.getByTestId('ip-import-problems').waitFor();
    const problems = await ent.getByTestId('ip-import-problems').textContent();
    expect(problems).toContain('第6行「申请号/登记号」：校验位应为4');
    expect(problems).toContain('第6行「与主导产品相关」');
    expect(await ent.getByTestId('ip-items').locator('tbody tr.ant-table-row').count()).toBe(1);
    await shot(ent, 'enterprise-import-error');

    await ent.locator('input[type=file]').setInputFiles(await sheet('ip-good.xlsx', good));
    await ent.getByText('导入完成：新增4项').waitFor();
    await ent.getByTestId('ip-items').getByText('95115608.X').waitFor();
    // Ⅰ类: the patent (high value by its family) and the acquired 1995 patent (acquired 2021: counted,
    // not self-developed; maintained 12 years: high value); Ⅱ类: the utility model and the copyright.
    expect(await kpi(ent, 'ip-count-class1')).toBe(2);
    expect(await kpi(ent, 'ip-count-selfDeveloped')).toBe(1);
    expect(await kpi(ent, 'ip-count-highValue')).toBe(2);
    expect(await kpi(ent, 'ip-count-class2')).toBe(2);
    const api = await apiSignIn(server.app, 'enterprise');
    const score = (await api.get(`/api/ip/enterprises/${enterpriseId}`)).json() as { evaluation: { score: number } };
    expect(await ent.getByTestId('ip-score').textContent()).toContain(score.evaluation.score.toFixed(1));
    await ent
      .getByTestId('ip-items')
      .locator('tbody tr.ant-table-row', { hasText: '201710601862.3' })
      .locator('.ant-table-row-expand-icon')
      .click();
    await ent.getByText('海外同族2件').first().waitFor();
    await shot(ent, 'enterprise');

    // Consent to share (all fields, IP included) through the financing page.
    await ent.getByTestId('nav-financing').click();
    await ent.getByTestId('consent-grant').click();
    await ent.getByTestId('consent-withdraw').waitFor();
  });

  test('the bank sees the evaluation of the consenting firm and records an IP-pledge loan', async () => {
    const bank = await openIp('bank');
    await bank.getByTestId('ip-candidates').waitFor();
    await bank.getByTestId('ip-bank-search').locator('input').fill(enterpriseName);
    await bank.getByTestId('ip-bank-search').locator('input').press('Enter');
    const row = bank.getByTestId('ip-candidates').locator('tbody tr.ant-table-row', { hasText: enterpriseName });
    await row.waitFor();
    await shot(bank, 'bank-candidates');
    await row.getByRole('button').click();
    await bank.getByTestId('ip-loan-card').waitFor();
    const items = bank.getByTestId('ip-items');
    await items.locator('tbody tr.ant-table-row', { hasText: '201710601862.3' }).locator('.ant-checkbox-input').check();
    await bank.getByTestId('ip-loan-amount').fill('500');
    await bank.waitForTimeout(300);
    await shot(bank, 'bank-evaluation');
    await bank.getByTestId('ip-loan-submit').click();
    await bank.getByText('已登记质押贷款').waitFor();
    await items.locator('tbody tr.ant-table-row', { hasText: '201710601862.3' }).getByText('质押中').waitFor();
    const api = await apiSignIn(server.app, 'bank');
    const loans = (await api.get('/api/ip/pledge-loans')).json() as {
      loans: { enterpriseId: number; amount: number; items: { number: string }[] }[];
    };
    expect(loans.loans.find((l) => l.enterpriseId === enterpriseId)).toMatchObject({
      amount: 5_000_000,
      items: [{ number: '201710601862.3' }],
    });
    await bank.keyboard.press('Escape');
    await bank.getByRole('tab', { name: '我行质押贷款' }).click();
    await bank.getByTestId('ip-pledge-loans').getByText(enterpriseName).first().waitFor();
    await shot(bank, 'bank-loans');
  });

  test('the city sees IP by class, district and industry, and the pledge loans', async () => {
    const city = await openIp('city');
    await city.getByTestId('chart-ip-unit').waitFor();
    const api = await apiSignIn(server.app, 'city');
    const st = (await api.get('/api/ip/stats')).json() as { byClass: { class: string; counted: number }[] };
    expect(await kpi(city, 'ip-kpi-c1')).toBe(st.byClass.find((c) => c.class === 'I')!.counted);
    await city.waitForTimeout(500);
    await shot(city, 'city-stats');
    await city.getByRole('tab', { name: '质押贷款' }).click();
    await city.getByTestId('chart-pledge-bank').waitFor();
    await city.waitForTimeout(500);
    await shot(city, 'city-loans');
  });
});
