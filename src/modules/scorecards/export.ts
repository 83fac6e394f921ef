/**
 * Scorecard documents: the district report for the performance review (.docx after GB/T 9704 via
 * the cases module's `gbDocx`, and the same figures as .xlsx), the ranking workbook, and the
 * import template (one row per unit and year, one column per indicator).
 */
import ExcelJS from 'exceljs';
import { AlignmentType, LineRuleType, Paragraph } from 'docx';
import { CHAR, FONTS, LINE, SIZE, blank, body, chineseDate, gbDocx, run } from '../cases/documents.ts';
import { sheetOf, toXlsxBook } from '../../shared/xlsx.ts';
import { districtEnvironmentScorecard } from '../../../policy/scorecards/index.ts';
import { IMPORT_LEAD, IMPORT_SHEET, enterableIndicators, importHeader } from './domain.ts';
import type { DistrictDetail, DistrictResults } from './service.ts';

const fmt = (v: number | null | undefined, d = 2) =>
  v === null || v === undefined ? '—' : String(Math.round(v * 10 ** d) / 10 ** d);

function heading(text: string): Paragraph {
  return new Paragraph({
    children: [run(text, FONTS.heading1, SIZE.body)],
    indent: { firstLine: 2 * CHAR },
    keepNext: true,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
  });
}

function title(text: string): Paragraph {
  return new Paragraph({
    children: [run(text, FONTS.title, SIZE.title)],
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: LineRuleType.EXACT },
  });
}

/** The district's report: totals, dimensions against the city average and the best benchmark, weak links, trend, basis. */
export async function districtReportDocx(d: DistrictDetail, today: string): Promise<Buffer> {
  const name = d.unit.nameZh;
  const paras: Paragraph[] = [title(`${name}${d.year}年度中小企业发展环境评估报告`), blank()];
  paras.push(heading('一、总体情况'));
  paras.push(
    body(
      d.total === null
        ? `${name}${d.year}年度尚未填报评估数据（已填报${d.entered}项，应填报${d.required}项），暂不计分。`
        : `${name}${d.year}年度中小企业发展环境综合得分${fmt(d.total)}分，等级“${d.levelZh ?? '—'}”，在${d.of}个参评区县中排名第${d.rank ?? '—'}位。已填报${d.entered}项指标（应填报${d.required}项），另有${d.indicators.filter((i) => i.source === 'platform').length}项由平台根据业务数据计算。`,
    ),
  );
  paras.push(heading('二、分维度得分'));
  for (const dim of d.dimensions)
    paras.push(
      body(
        `${dim.nameZh}：${fmt(dim.score)}分（全市区县平均${fmt(dim.cityAverage)}分，对标城市最高${fmt(dim.benchmarkBest)}分）。`,
      ),
    );
  paras.push(heading('三、薄弱环节'));
  const weak = d.indicators.filter((i) => i.weakLink);
  if (weak.length === 0) paras.push(body(`未发现标准化得分落后最优单位${d.weakLinkMargin}及以上的指标。`));
  weak.forEach((i, k) =>
    paras.push(
      body(
        `${k + 1}. ${i.nameZh}：本区县${fmt(i.value)}${i.unitZh}，标准化得分${fmt(i.normalised, 3)}；最优为${i.best?.nameZh ?? '—'}（${fmt(i.best?.value ?? null)}${i.unitZh}，标准化得分${fmt(i.best?.normalised ?? null, 3)}）；全市区县平均${fmt(i.cityAverage)}${i.unitZh}。`,
      ),
    ),
  );
  const missing = d.indicators.filter((i) => i.value === null);
  if (missing.length)
    paras.push(
      body(
        `无数据的指标（权重在本维度内其余指标间分配）：${missing.map((i) => `${i.nameZh}（${i.absentReason?.zh ?? '未填报'}）`).join('；')}。`,
      ),
    );
  paras.push(heading('四、历年变化'));
  paras.push(
    body(
      d.trend.years.length
        ? d.trend.years.map((y, k) => `${y}年${fmt(d.trend.totals[k] ?? null)}分（第${d.trend.ranks[k] ?? '—'}位）`).join('；') +
            '。'
        : '暂无历年数据。',
    ),
  );
  paras.push(heading('五、评估依据与说明'));
  const def = districtEnvironmentScorecard(`${d.year}-12-31`);
  const bands = [...def.bands]
    .reverse()
    .map((b) => (b.min > 0 ? `${b.labelZh}≥${b.min}` : `${b.labelZh}<${def.bands[1]?.min ?? b.min}`))
    .join('、');
  paras.push(
    body(
      `指标体系按全国中小企业发展环境评估的五个一级指标（市场环境、法治环境、融资环境、创新环境、政策环境）设置。国家评估的二、三级指标及权重未公开，本报告所用指标、权重、等级分档（${bands}）和薄弱环节差距（${def.weakLinkMargin}）均为本平台提议的参数，可由市工信局调整。`,
    ),
  );
  const dates = [...new Set(Object.values(d.parameterDates))].sort();
  paras.push(body(`所用参数自${dates.map((x) => chineseDate(x)).join('、')}起适用。`));
  paras.push(blank());
  paras.push(
    new Paragraph({
      children: [run(`济南市工业和信息化局\u3000${chineseDate(today)}`, FONTS.body, SIZE.body)],
      alignment: AlignmentType.RIGHT,
      indent: { right: 4 * CHAR },
    }),
  );
  return gbDocx(`${name}${d.year}年度中小企业发展环境评估报告`, [paras]);
}

export async function districtReportXlsx(d: DistrictDetail): Promise<Buffer> {
  const dims = new Map(d.dimensions.map((x) => [x.id, x.nameZh]));
  return toXlsxBook([
    sheetOf(
      '指标明细',
      [
        { header: '维度', value: (i: DistrictDetail['indicators'][number]) => dims.get(i.dimensionId) ?? i.dimensionId },
        { header: '指标', width: 34, value: (i) => i.nameZh },
        { header: '单位', value: (i) => i.unitZh },
        { header: '数值', value: (i) => i.value },
        { header: '来源', value: (i) => (i.source === 'platform' ? '平台计算' : '填报') },
        { header: '标准化得分', value: (i) => i.normalised },
        { header: '维度内得分', value: (i) => i.points },
        { header: '全市平均', value: (i) => i.cityAverage },
        { header: '最优单位', value: (i) => i.best?.nameZh ?? '' },
        { header: '最优数值', value: (i) => i.best?.value ?? null },
        { header: '薄弱环节', value: (i) => (i.weakLink ? '是' : '') },
        { header: '说明', width: 60, value: (i) => i.absentReason?.zh ?? i.explanationZh },
      ],
      d.indicators,
    ),
    sheetOf(
      '维度得分',
      [
        { header: '维度', value: (x: DistrictDetail['dimensions'][number]) => x.nameZh },
        { header: '得分', value: (x) => x.score },
        { header: '全市平均', value: (x) => x.cityAverage },
        { header: '对标城市最高', value: (x) => x.benchmarkBest },
      ],
      d.dimensions,
    ),
    sheetOf(
      '历年变化',
      [
        { header: '年度', value: (k: number) => d.trend.years[k] ?? null },
        { header: '综合得分', value: (k) => d.trend.totals[k] ?? null },
        { header: '排名', value: (k) => d.trend.ranks[k] ?? null },
      ],
      d.trend.years.map((_, k) => k),
    ),
  ]);
}

export async function rankingXlsx(r: DistrictResults): Promise<Buffer> {
  const def = districtEnvironmentScorecard(`${r.year}-12-31`);
  type Row = DistrictResults['rows'][number];
  return toXlsxBook([
    {
      ...sheetOf(
        `${r.year}年度排名`,
        [
          { header: '排名', value: (x: Row) => x.rank },
          { header: '单位', value: (x) => x.nameZh },
          { header: '类型', value: (x) => (x.kind === 'district' ? '区县' : '对标城市') },
          { header: '综合得分', value: (x) => x.total },
          { header: '等级', value: (x) => x.levelZh },
          ...def.dimensions.map((d) => ({ header: d.nameZh, value: (x: Row) => x.dimensions[d.id] ?? null })),
          { header: '薄弱环节数', value: (x) => (x.kind === 'district' ? x.weakLinks : null) },
          { header: '已填报/应填报', value: (x) => (x.kind === 'district' ? `${x.entered}/${x.required}` : '') },
        ],
        r.rows,
      ),
      print: { title: `济南市${r.year}年度区县中小企业发展环境评估排名` },
    },
  ]);
}

/** The import template: the lead columns and every enterable indicator, with one example row. */
export async function importTemplate(year: number): Promise<Buffer> {
  const def = districtEnvironmentScorecard(`${year}-12-31`);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(IMPORT_SHEET);
  const inds = enterableIndicators(def.dimensions, 'benchmark');
  ws.addRow([...IMPORT_LEAD, ...inds.map(importHeader)]);
  ws.addRow(['区县', '370102', year]);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 18));
  const help = wb.addWorksheet('说明');
  help.addRow(['单位类型填“区县”或“对标城市”；区县代码为GB/T 2260代码；空白单元格不改变已有数据。']);
  help.addRow(['以下指标由平台计算，区县行请留空：']);
  for (const i of inds.filter((x) => !enterableIndicators(def.dimensions, 'district').some((y) => y.id === x.id)))
    help.addRow([importHeader(i)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads the first sheet: the header row and the non-empty rows with their spreadsheet numbers. */
export async function readValuesBook(
  bytes: Buffer,
): Promise<{ header: unknown[]; rows: { n: number; cells: unknown[] }[] } | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const ws = wb.getWorksheet(IMPORT_SHEET) ?? wb.worksheets[0];
  if (!ws) return null;
  const plain = (v: unknown) =>
    v && typeof v === 'object' && !(v instanceof Date) && 'result' in (v as object)
      ? (v as { result: unknown }).result
      : v && typeof v === 'object' && 'text' in (v as object)
        ? (v as { text: unknown }).text
        : v;
  const width = ws.getRow(1).cellCount;
  const header: unknown[] = [];
  for (let c = 1; c <= width; c++) header.push(plain(ws.getRow(1).getCell(c).value));
  const rows: { n: number; cells: unknown[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const cells: unknown[] = [];
    for (let c = 1; c <= width; c++) cells.push(plain(row.getCell(c).value));
    if (cells.some((x) => x !== null && x !== undefined && String(x).trim() !== '')) rows.push({ n, cells });
  });
  return { header, rows };
}
