/**
 * List import in the browser against the real server: a realistic provincial list (title row,
 * 序号/企业名称/所在地区 header, a 新认定 and a 复核通过 section, names in the variants lists print —
 * (济南) for （济南）, 有限公司 for 有限责任公司 and back — a firm from 青岛市 and a misspelt name) is
 * uploaded, previewed, decided, applied; the same file again changes nothing; revert is refused
 * while money is paid and works once it is not. Screenshots go to .tmp/screens/.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { SCREENS, launchBrowser, signInAs } from '../helpers/browser.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const FILE_NAME = '2025年山东省专精特新中小企业名单.xlsx';

let server: TestServer;
let browser: Browser;
let list: Buffer;
/** The seeded enterprises the list names, by the role they play in it. */
let firms: {
  bracket: { id: number; name: string };
  shortSuffix: { id: number; name: string };
  exact: { id: number; name: string };
  longSuffix: { id: number; name: string };
  misspelt: { id: number; name: string };
};

const query = <T>(sql: string, params: unknown[] = []) => server.ctx.database.query<T>(sql, params);

async function pickFirms(): Promise<typeof firms> {
  const taken: number[] = [];
  const one = async (where: string) => {
    const [row] = await query<{ id: number; name: string }>(
      `select id, name from enterprises e
        where ${where}
          and not exists (select 1 from enterprise_former_names f where f.enterprise_id = e.id)
          and not (id = any($1::bigint[]))
        order by id limit 1`,
      [taken],
    );
    if (!row) throw new Error(`no seeded enterprise where ${where}`);
    taken.push(Number(row.id));
    return { id: Number(row.id), name: row.name };
  };
  return {
    bracket: await one(`name like '%（济南）%有限公司' and name not like '%股份%' and name not like '%有限责任公司'`),
    shortSuffix: await one(`name like '%有限责任公司' and name not like '%（%'`),
    exact: await one(`name like '%有限公司' and name not like '%（%' and char_length(name) >= 10`),
    longSuffix: await one(
      `name like '%有限公司' and name not like '%有限责任公司' and name not like '%股份%' and name not like '%（%'`,
    ),
    misspelt: await one(`name like '%有限公司' and name not like '%（%' and char_length(name) >= 12`),
  };
}

/** One character changed in the middle of the trade name, as a typo in a published list. */
function misspell(name: string): string {
  const chars = [...name];
  const i = chars.length - 7;
  chars[i] = chars[i] === '鑫' ? '淼' : '鑫';
  return chars.join('');
}

async function buildList(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件');
  ws.addRow(['2025年山东省专精特新中小企业名单']);
  ws.mergeCells('A1:C1');
  ws.addRow(['序号', '企业名称', '所在地区']);
  ws.addRow(['一、新认定企业']);
  ws.mergeCells('A3:C3');
  ws.addRow([1, firms.bracket.name.replace('（济南）', '(济南)'), '济南市']);
  ws.addRow([2, firms.shortSuffix.name.replace(/有限责任公司$/, '有限公司'), '济南市']);
  ws.addRow([3, '青岛海之源海洋科技有限公司', '青岛市']);
  ws.addRow([4, misspell(firms.misspelt.name), '济南市']);
  ws.addRow(['二、复核通过企业']);
  ws.mergeCells('A8:C8');
  ws.addRow([5, firms.exact.name, '济南市']);
  ws.addRow([6, firms.longSuffix.name.replace(/有限公司$/, '有限责任公司'), '济南市']);
  ws.addRow(['注：排名不分先后']);
  ws.getColumn(2).width = 40;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  server = await startTestServer({ enterprises: 600 });
  firms = await pickFirms();
  list = await buildList();
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

async function setDate(page: Page, testId: string, date: string): Promise<void> {
  const input = page.locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`).first();
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** Step 1: the title and the file; then read it. */
async function startImport(page: Page, bytes: Buffer, name = FILE_NAME): Promise<void> {
  await page.goto(`${server.url}/imports/new`);
  await page.getByTestId('new-import-page').waitFor();
  await page.getByTestId('opt-batch').fill('2025年度');
  await setDate(page, 'opt-recognised-on', '2025-06-30');
  await expect.poll(async () => page.getByTestId('valid-until-default').textContent()).toContain('2028-06-29');
  await page.locator('[data-testid="upload-dragger"] input[type="file"], input[type="file"]').first().setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: bytes,
  });
  await page.getByTestId('chosen-file').waitFor();
  await page.getByTestId('read-list').click();
}

const tableRows = (page: Page) => page.locator('[data-testid="import-row-table"] tbody tr.ant-table-row');
const titlesOf = async (id: number) =>
  (await query<{ n: number }>(`select count(*)::int as n from titles where source = $1`, [`import:${id}`]))[0]!.n;

describe('list import in the browser', () => {
  let importId = 0;
  let expectedTitles = 0;

  test('a city officer uploads a provincial list, decides the unsure rows and applies it', async () => {
    const page = await signIn('city');
    await page.getByTestId('nav-imports').click();
    await page.getByTestId('import-list-page').waitFor();
    await page.getByTestId('new-import').click();
    await page.getByTestId('new-import-page').waitFor();
    expect(await page.getByTestId('upload-hint').textContent()).toContain('5 MB');
    await shoot(page, 'import-new-city');

    await startImport(page, list);
    // Step 2: the header was found, and both sections.
    await page.getByTestId('mapping-card').waitFor();
    await page.getByTestId('mapping-detected').waitFor();
    const sections = await page.getByTestId('detected-section').allTextContents();
    expect(sections).toHaveLength(2);
    expect(sections[0]).toContain('新认定');
    expect(sections[1]).toContain('复核通过');
    await shoot(page, 'import-mapping-city');

    // Step 3: the preview.
    await page.getByTestId('make-preview').click();
    await page.getByTestId('import-counts').waitFor();
    await page.getByTestId('verdict-chart').waitFor();
    expect(await page.getByTestId('count-total').textContent()).toContain('6');
    expect(await page.getByTestId('count-other_city').textContent()).toContain('1');
    const matched = Number((await page.getByTestId('count-matched').textContent())?.replace(/\D/g, ''));
    expect(matched).toBeGreaterThanOrEqual(4);

    await page.getByTestId('verdict-filter-all').click();
    await expect.poll(async () => tableRows(page).count()).toBe(6);
    // Row numbers as in Excel: the title row, the header and the section headings are counted.
    expect(await page.getByTestId('row-no').allTextContents()).toEqual(['4', '5', '6', '7', '9', '10']);
    const links = await page.getByTestId('row-enterprise').allTextContents();
    expect(links).toEqual(expect.arrayContaining([firms.bracket.name, firms.exact.name]));
    await shoot(page, 'import-preview-city');

    // The misspelt name: ambiguous (pick the candidate) or not found (skip).
    const ambiguous = Number((await page.getByTestId('count-ambiguous').textContent())?.replace(/\D/g, ''));
    if (ambiguous > 0) {
      await page.getByTestId('verdict-filter-ambiguous').click();
      await expect.poll(async () => tableRows(page).count()).toBe(ambiguous);
      for (let i = 0; i < ambiguous; i++) {
        const row = tableRows(page).nth(i);
        const rowNo = (await row.getByTestId('row-no').textContent())?.trim() ?? '';
        await page.getByTestId(`pick-${rowNo}`).click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
        await page.getByTestId(`decision-${rowNo}`).waitFor();
      }
      await shoot(page, 'import-decided-city');
    }
    const notFound = Number((await page.getByTestId('count-not_found').textContent())?.replace(/\D/g, ''));
    if (notFound > 0) {
      await page.getByTestId('verdict-filter-not_found').click();
      await expect.poll(async () => tableRows(page).count()).toBe(notFound);
      for (let i = 0; i < notFound; i++) {
        const rowNo = (await tableRows(page).nth(i).getByTestId('row-no').textContent())?.trim() ?? '';
        await page.getByTestId(`skip-${rowNo}`).click();
        await page.getByTestId(`decision-${rowNo}`).waitFor();
      }
    }
    await expect.poll(async () => page.getByTestId('undecided-alert').textContent()).toContain('均已处理');

    // Step 4: apply, confirming how many titles it creates.
    await page.getByTestId('apply-import').click();
    const plan = page.getByTestId('apply-plan');
    await plan.waitFor();
    expectedTitles = Number(/将为 (\d+) 家企业/.exec((await plan.textContent()) ?? '')?.[1]);
    expect(expectedTitles).toBe(matched + ambiguous);
    await shoot(page, 'import-apply-confirm-city');
    await page.getByTestId('apply-confirm').click();
    await page.getByTestId('apply-result').waitFor();
    expect(await page.getByTestId('apply-result').textContent()).toContain(`登记称号 ${expectedTitles} 个`);
    await page.getByTestId('open-import').click();
    await page.waitForURL(/\/imports\/\d+$/);
    importId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByTestId('import-status-applied').waitFor();
    await tableRows(page).first().waitFor();
    expect(await page.getByTestId('export-unmatched').getAttribute('href')).toBe(`/api/imports/${importId}/unmatched.xlsx`);
    await shoot(page, 'import-applied-city');

    // The titles exist, once each, for the enterprises the list named.
    expect(await titlesOf(importId)).toBe(expectedTitles);
    const holders = await query<{ enterprise_id: number; recognition: string }>(
      `select enterprise_id, recognition from titles where source = $1 and kind = 'specialized_sme' and level = 'provincial'
          and recognised_on = '2025-06-30' and valid_until = '2028-06-29'`,
      [`import:${importId}`],
    );
    const by = new Map(holders.map((h) => [Number(h.enterprise_id), h.recognition]));
    expect(by.get(firms.bracket.id)).toBe('first');
    expect(by.get(firms.exact.id)).toBe('renewal');
    await page.context().close();
  }, 120_000);

  test('the same file again changes nothing', async () => {
    const before = await query<{ n: number }>(`select count(*)::int as n from titles`);
    const imports = await query<{ n: number }>(`select count(*)::int as n from list_imports`);
    const page = await signIn('city');
    await startImport(page, list, 'copy.xlsx');
    await page.getByTestId('make-preview').click();
    // The server recognises the list and opens the applied import instead of storing a second one.
    await page.waitForURL(new RegExp(`/imports/${importId}$`));
    await page.getByTestId('import-status-applied').waitFor();
    expect(await page.getByTestId('apply-import').count()).toBe(0);
    expect(await query(`select count(*)::int as n from titles`)).toEqual(before);
    expect(await query(`select count(*)::int as n from list_imports`)).toEqual(imports);
    await page.context().close();
  }, 60_000);

  test('revert is refused while an entitlement is paid, then reverts the titles', async () => {
    const [title] = await query<{ id: number; enterprise_id: number }>(
      `select id, enterprise_id from titles where source = $1 order by id limit 1`,
      [`import:${importId}`],
    );
    const [paid] = await query<{ id: number }>(
      `insert into entitlements (key, fiscal_year, clause, item, beneficiary_type, enterprise_id, amount, policy_version, trigger, paid_at)
       values ($1, 2025, '2', 'new_specialized', 'enterprise', $2, 300000, 'test', $3::jsonb, now()) returning id`,
      [`e2e-import-${title!.id}`, title!.enterprise_id, JSON.stringify({ kind: 'title', titleId: String(title!.id) })],
    );
    const page = await signIn('city');
    await page.goto(`${server.url}/imports/${importId}`);
    await page.getByTestId('revert-import').click();
    await page.getByTestId('revert-reason').fill('名单附件有误，待省厅更正');
    await page.getByTestId('revert-confirm').click();
    await page.getByTestId('revert-error').waitFor();
    expect(await page.getByTestId('revert-error').textContent()).toContain('已拨付');
    await shoot(page, 'import-revert-refused-city');
    expect(await titlesOf(importId)).toBe(expectedTitles);

    await query(`update entitlements set paid_at = null where id = $1`, [paid!.id]);
    await page.getByTestId('revert-confirm').click();
    await page.getByTestId('import-status-reverted').waitFor();
    expect(await page.getByTestId('reverted-counts').textContent()).toContain(`删除称号 ${expectedTitles} 个`);
    expect(await titlesOf(importId)).toBe(0);

    await page.getByTestId('lang-switch').click();
    await expect.poll(async () => page.getByTestId('import-title').textContent()).toBe(`List import #${importId}`);
    await shoot(page, 'import-reverted-city-en');
    await page.getByTestId('nav-imports').click();
    await page.locator('[data-testid="import-table"] tbody tr.ant-table-row').first().waitFor();
    await shoot(page, 'import-list-city-en');
    await page.context().close();
  }, 60_000);

  test('a file that is not what it claims is refused with the reason; district officers have no entry', async () => {
    const page = await signIn('city');
    await startImport(page, Buffer.from('序号,企业名称\n1,济南鲁信精密机械有限公司\n'), 'fake.xlsx');
    await page.getByTestId('file-problems').waitFor();
    expect(await page.getByTestId('problem-item').count()).toBeGreaterThan(0);
    await page.context().close();

    const lixia = await signIn('lixia');
    expect(await lixia.getByTestId('nav-imports').count()).toBe(0);
    await lixia.goto(`${server.url}/imports`);
    await lixia.getByTestId('imports-forbidden').waitFor();
    await lixia.context().close();
  }, 60_000);
});
