/**
 * Excel export. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the
 * start) are neutralised with a leading apostrophe, so exported data can never execute.
 */
import ExcelJS from 'exceljs';

export interface Column<T> {
  header: string;
  width?: number;
  /** Excel number format, e.g. '#,##0' for yuan. */
  numFmt?: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

export function neutraliseCell(v: unknown): unknown {
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(v)) return "'" + v;
  return v;
}

export async function toXlsx<T>(sheetName: string, columns: Column<T>[], rows: Iterable<T>, print?: PrintSetup): Promise<Buffer> {
  return toXlsxBook([{ ...sheetOf(sheetName, columns, rows), ...(print ? { print } : {}) }]);
}

/**
 * How a sheet prints (officers print batch lists for signature): A4, landscape by default, all
 * columns on one page width, the header row repeated on every page, the title in the page header
 * and "第 n 页 / 共 N 页" in the footer; `boldLastRow` for a total line.
 */
export interface PrintSetup {
  title: string;
  landscape?: boolean;
  boldLastRow?: boolean;
}

/** One worksheet's content, already turned into cells (so sheets of different row types share a book). */
export interface Sheet {
  name: string;
  columns: { header: string; width?: number | undefined; numFmt?: string | undefined }[];
  rows: unknown[][];
  print?: PrintSetup;
  /** Number formats of single cells where a column mixes kinds (e.g. a summary sheet): { B7: '0.00%' }. */
  cellFormats?: Record<string, string>;
}

export function sheetOf<T>(name: string, columns: Column<T>[], rows: Iterable<T>): Sheet {
  return {
    name,
    columns: columns.map((c) => ({ header: c.header, width: c.width, numFmt: c.numFmt })),
    rows: [...rows].map((r) => columns.map((c) => c.value(r) ?? null)),
  };
}

/** A workbook of several sheets, each with a bold frozen header row and a filter. */
export async function toXlsxBook(sheets: Sheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SME Ladder';
  wb.created = new Date();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c, i) => ({ header: c.header, key: 'c' + i, width: c.width ?? 16 }));
    ws.getRow(1).font = { bold: true };
    sheet.columns.forEach((c, i) => {
      if (c.numFmt) ws.getColumn(i + 1).numFmt = c.numFmt;
    });
    for (const r of sheet.rows) ws.addRow(r.map((v) => neutraliseCell(v)));
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
    for (const [cell, numFmt] of Object.entries(sheet.cellFormats ?? {})) ws.getCell(cell).numFmt = numFmt;
    if (sheet.print) applyPrint(ws, sheet.print);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function applyPrint(ws: ExcelJS.Worksheet, print: PrintSetup): void {
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: print.landscape === false ? 'portrait' : 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  const title = print.title.replace(/&/g, '&&');
  ws.headerFooter = { oddHeader: `&C&"-,Bold"${title}`, oddFooter: '&C第 &P 页 / 共 &N 页' };
  ws.getRow(1).alignment = { vertical: 'middle', wrapText: true };
  if (print.boldLastRow && ws.rowCount > 1) ws.getRow(ws.rowCount).font = { bold: true };
}
