/**
 * Excel export. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the
 * start) are neutralised with a leading apostrophe, so exported data can never execute.
 */
import ExcelJS from 'exceljs';

export interface Column<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | boolean | null | undefined;
}

export function neutraliseCell(v: unknown): unknown {
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(v)) return "'" + v;
  return v;
}

export async function toXlsx<T>(sheetName: string, columns: Column<T>[], rows: Iterable<T>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SME Ladder';
  wb.created = new Date();
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c, i) => ({ header: c.header, key: 'c' + i, width: c.width ?? 16 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    ws.addRow(columns.map((c) => neutraliseCell(c.value(r) ?? null)));
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One sheet of a workbook with several, its row type already applied (see `sheet`). */
export interface Sheet {
  name: string;
  fill(ws: ExcelJS.Worksheet): void;
}

/** A sheet for `toXlsxSheets`: header row bold and frozen, cells neutralised as in `toXlsx`. */
export function sheet<T>(name: string, columns: Column<T>[], rows: Iterable<T>): Sheet {
  return {
    name,
    fill(ws) {
      ws.columns = columns.map((c, i) => ({ header: c.header, key: 'c' + i, width: c.width ?? 16 }));
      ws.getRow(1).font = { bold: true };
      for (const r of rows) ws.addRow(columns.map((c) => neutraliseCell(c.value(r) ?? null)));
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    },
  };
}

/** A workbook with several sheets, e.g. a report and the cases behind it. */
export async function toXlsxSheets(sheets: Sheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SME Ladder';
  wb.created = new Date();
  for (const s of sheets) s.fill(wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
