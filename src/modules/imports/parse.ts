/**
 * Turns an upload into rows of strings, with limits: xlsx (checked as a zip first: magic bytes,
 * declared and actual uncompressed sizes, so a zip bomb is refused before ExcelJS sees it),
 * CSV (UTF-8 or GB18030, as Chinese Excel saves it), or text pasted from a PDF or a web page
 * (tab- or multi-space-separated). Cells are read as values; formulas are never evaluated,
 * their columns are reported. Errors name the row as the officer sees it, and nothing is stored.
 */
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { AppError, Problems } from '../../shared/errors.ts';
import { columnLetter, type SheetRow } from './domain.ts';

export const LIMITS = {
  /** Upload size, bytes. */
  fileBytes: 5 * 1024 * 1024,
  /** Sum of the uncompressed parts of an xlsx, bytes. */
  unzippedBytes: 80 * 1024 * 1024,
  /** Compression ratio above which one xlsx part is taken for a bomb. */
  ratio: 200,
  rows: 20_000,
  columns: 50,
  cellChars: 1000,
} as const;

export type SourceType = 'xlsx' | 'csv' | 'text';

function fail(field: string, zh: string, en: string): never {
  throw new AppError('validation_failed', { fields: [{ field, reason: { zh, en } }] });
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (b: Uint8Array, magic: number[]) => magic.every((x, i) => b[i] === x);

/** The type an upload claims by its name, checked against what its bytes are. */
export function detectFileType(fileName: string, bytes: Uint8Array): 'xlsx' | 'csv' {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (bytes.length === 0) fail('file', '文件为空', 'the file is empty');
  if (bytes.length > LIMITS.fileBytes) throw new AppError('payload_too_large');
  if (ext === 'xls' || (startsWith(bytes, OLE_MAGIC) && ext !== 'xlsx'))
    fail('file', '不支持旧版.xls格式，请在Excel中另存为.xlsx后上传', 'the old .xls format is not supported; save it as .xlsx in Excel and upload that');
  if (ext === 'xlsx') {
    if (startsWith(bytes, OLE_MAGIC))
      fail('file', '该.xlsx文件已加密或实为旧版.xls，请取消密码并另存为.xlsx', 'this .xlsx is encrypted or really an old .xls; remove the password and save it as .xlsx');
    if (!startsWith(bytes, ZIP_MAGIC)) fail('file', '文件扩展名为.xlsx，但内容不是Excel工作簿', 'the file is named .xlsx but is not an Excel workbook');
    return 'xlsx';
  }
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') {
    if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, OLE_MAGIC))
      fail('file', `文件扩展名为.${ext}，但内容是Excel等二进制文件`, `the file is named .${ext} but holds binary (Excel-like) content`);
    if (bytes.subarray(0, 8192).includes(0)) fail('file', `文件扩展名为.${ext}，但内容不是文本`, `the file is named .${ext} but is not text`);
    return 'csv';
  }
  return fail('file', `不支持的文件类型“.${ext || '?'}”，请上传.xlsx或.csv`, `unsupported file type '.${ext || '?'}'; upload .xlsx or .csv`);
}

// ---------- zip inspection ----------

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

function zipEntries(buf: Buffer): ZipEntry[] {
  const bad = () => fail('file', 'Excel文件已损坏（压缩结构无效）', 'the Excel file is damaged (invalid zip structure)');
  const min = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) bad();
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) fail('file', 'Excel文件过大（ZIP64）', 'the Excel file is too large (ZIP64)');
  const out: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) bad();
    const nameLen = buf.readUInt16LE(p + 28);
    out.push({
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      uncompressed: buf.readUInt32LE(p + 24),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

const tooBig = (): never => {
  throw new AppError('validation_failed', {
    fields: [
      {
        field: 'file',
        reason: {
          zh: `Excel文件解压后超过${LIMITS.unzippedBytes / 1024 / 1024}MB或压缩比异常，已拒绝（疑似压缩炸弹）`,
          en: `the Excel file unpacks to more than ${LIMITS.unzippedBytes / 1024 / 1024} MB or is compressed suspiciously well; refused (a zip bomb?)`,
        },
      },
    ],
  });
};

/**
 * Refuses a zip bomb: checks the declared sizes and then really inflates every part with a cap
 * (declared sizes can lie), so nothing larger than the limit is ever held in memory.
 */
export function checkXlsxZip(buf: Buffer): void {
  const entries = zipEntries(buf);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml'))
    fail('file', '压缩包中没有Excel工作簿（可能是Word等其他文件改了扩展名）', 'the zip holds no Excel workbook (another file renamed to .xlsx?)');
  let budget: number = LIMITS.unzippedBytes;
  for (const e of entries) {
    if (e.flags & 1) fail('file', 'Excel文件已加密', 'the Excel file is encrypted');
    if (e.uncompressed > budget || (e.uncompressed > 1024 * 1024 && e.uncompressed / Math.max(1, e.compressed) > LIMITS.ratio)) tooBig();
    const lh = e.localOffset;
    if (lh + 30 > buf.length || buf.readUInt32LE(lh) !== 0x04034b50) fail('file', 'Excel文件已损坏', 'the Excel file is damaged');
    const start = lh + 30 + buf.readUInt16LE(lh + 26) + buf.readUInt16LE(lh + 28);
    const data = buf.subarray(start, start + e.compressed);
    let size = data.length;
    if (e.method === 8) {
      try {
        size = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
      } catch (err) {
        if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') tooBig();
        fail('file', 'Excel文件已损坏（无法解压）', 'the Excel file is damaged (cannot be unpacked)');
      }
    } else if (e.method !== 0) fail('file', 'Excel文件使用了不支持的压缩方式', 'the Excel file uses an unsupported compression method');
    if (size > 1024 * 1024 && size / Math.max(1, data.length) > LIMITS.ratio) tooBig();
    budget -= size;
    if (budget < 0) tooBig();
  }
}

// ---------- limits on rows ----------

class RowLimits {
  private count = 0;
  private readonly problems = new Problems();
  private problemCount = 0;
  add(rows: SheetRow[], row: SheetRow): void {
    this.count++;
    if (this.count > LIMITS.rows)
      fail('file', `数据超过${LIMITS.rows}行（第${row.rowNo}行起），请拆分后导入`, `more than ${LIMITS.rows} rows (from row ${row.rowNo}); split the list`);
    let last = row.cells.length;
    while (last > 0 && row.cells[last - 1] === '') last--;
    if (last > LIMITS.columns)
      fail(`file.rows[${row.rowNo}]`, `第${row.rowNo}行超过${LIMITS.columns}列`, `row ${row.rowNo} has more than ${LIMITS.columns} columns`);
    row.cells.length = last;
    row.cells.forEach((c, i) => {
      if (c.length > LIMITS.cellChars && this.problemCount++ < 20)
        this.problems.add(
          `file.rows[${row.rowNo}].${columnLetter(i + 1)}`,
          `单元格${columnLetter(i + 1)}${row.rowNo}超过${LIMITS.cellChars}个字符`,
          `cell ${columnLetter(i + 1)}${row.rowNo} is longer than ${LIMITS.cellChars} characters`,
        );
    });
    if (last > 0) rows.push(row);
  }
  done(): void {
    this.problems.throwIfAny();
  }
}

// ---------- xlsx ----------

function cellText(cell: ExcelJS.Cell): { text: string; formula: boolean } {
  const v = cell.value;
  if (v === null || v === undefined) return { text: '', formula: false };
  if (typeof v === 'string') return { text: v, formula: false };
  if (typeof v === 'number') return { text: Number.isInteger(v) ? String(v) : String(v), formula: false };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE', formula: false };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10), formula: false };
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: unknown }).result;
    const text =
      result === undefined || result === null
        ? ''
        : result instanceof Date
          ? result.toISOString().slice(0, 10)
          : typeof result === 'object'
            ? ''
            : String(result);
    return { text, formula: true };
  }
  if ('richText' in v) return { text: v.richText.map((t) => t.text).join(''), formula: false };
  if ('hyperlink' in v) return { text: String((v as { text?: unknown }).text ?? ''), formula: false };
  if ('error' in v) return { text: String(v.error), formula: false };
  return { text: '', formula: false };
}

export interface ReadSheet {
  rows: SheetRow[];
  sheetName: string | null;
  sheetNames: string[];
}

export async function readXlsx(bytes: Buffer, opts: { sheet?: string | undefined } = {}): Promise<ReadSheet> {
  checkXlsxZip(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    fail('file', 'Excel文件无法读取（已损坏或格式不符）', 'the Excel file cannot be read (damaged or not a workbook)');
  }
  const sheets = wb.worksheets.filter((w) => w.state !== 'hidden' && w.state !== 'veryHidden');
  const names = sheets.map((w) => w.name);
  const ws = opts.sheet !== undefined ? sheets.find((w) => w.name === opts.sheet) : (sheets.find((w) => w.actualRowCount > 0) ?? sheets[0]);
  if (!ws) {
    if (opts.sheet !== undefined) fail('sheet', `找不到工作表“${opts.sheet}”`, `no worksheet named '${opts.sheet}'`);
    fail('file', '工作簿中没有工作表', 'the workbook has no worksheet');
  }
  const rows: SheetRow[] = [];
  const limits = new RowLimits();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const formulas: number[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col > LIMITS.columns) {
        if (cellText(cell).text.trim())
          fail(`file.rows[${rowNumber}]`, `第${rowNumber}行超过${LIMITS.columns}列`, `row ${rowNumber} has more than ${LIMITS.columns} columns`);
        return;
      }
      // A merged range repeats its value in every cell; keep it in the first only.
      if (cell.isMerged && cell.master !== cell) return;
      const { text, formula } = cellText(cell);
      while (cells.length < col - 1) cells.push('');
      cells[col - 1] = text.trim();
      if (formula) formulas.push(col - 1);
    });
    limits.add(rows, { rowNo: rowNumber, cells, formulas });
  });
  limits.done();
  return { rows, sheetName: ws.name, sheetNames: names };
}

// ---------- CSV and pasted text ----------

/** Decodes UTF-8 (with or without BOM), else GB18030 (what Chinese Excel writes for CSV). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** RFC 4180 CSV with the delimiter guessed from the first line (comma, tab or semicolon). */
export function readCsvText(text: string): ReadSheet {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', '\t', ';', '，'].map((d) => ({ d, n: firstLine.split(d).length }));
  const delim = counts.sort((a, b) => b.n - a.n)[0]!.d;
  const rows: SheetRow[] = [];
  const limits = new RowLimits();
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let record = 1;
  const endRecord = () => {
    cells.push(field.trim());
    limits.add(rows, { rowNo: record, cells, formulas: [] });
    record++;
    cells = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (ch === delim) {
      cells.push(field.trim());
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else field += ch;
  }
  if (field !== '' || cells.length > 0) endRecord();
  limits.done();
  return { rows, sheetName: null, sheetNames: [] };
}

/**
 * Text copied from a PDF or a web page: tab-separated when it has tabs, otherwise columns
 * split at two or more spaces (or an ideographic space). When that finds no columns at all
 * (some PDFs keep single spaces), single spaces separate, and a name broken by a space is
 * joined again by the header's column count.
 */
export function readPastedText(text: string): ReadSheet {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const hasTabs = lines.some((l) => l.includes('\t'));
  let split = (l: string) => l.split(hasTabs ? '\t' : /\s{2,}|\u3000+/).map((c) => c.trim());
  const nonEmpty = lines.filter((l) => l.trim());
  if (!hasTabs && nonEmpty.length > 0 && nonEmpty.filter((l) => split(l.trim()).length > 1).length < nonEmpty.length / 2) {
    split = (l: string) => l.trim().split(/\s+/);
  }
  const rows: SheetRow[] = [];
  const limits = new RowLimits();
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    limits.add(rows, { rowNo: i + 1, cells: split(hasTabs ? line : line.trim()), formulas: [] });
  });
  limits.done();
  return { rows, sheetName: null, sheetNames: [] };
}

export interface Upload {
  fileName: string;
  bytes: Buffer;
  /** True when the officer pasted text (stored as UTF-8 bytes). */
  pasted?: boolean;
  sheet?: string | undefined;
}

export async function readUpload(u: Upload): Promise<ReadSheet & { sourceType: SourceType }> {
  if (u.pasted) {
    if (u.bytes.length > LIMITS.fileBytes) throw new AppError('payload_too_large');
    const text = u.bytes.toString('utf8');
    if (!text.trim()) fail('text', '粘贴的内容为空', 'the pasted text is empty');
    return { ...readPastedText(text), sourceType: 'text' };
  }
  const type = detectFileType(u.fileName, u.bytes);
  if (type === 'xlsx') return { ...(await readXlsx(u.bytes, { sheet: u.sheet })), sourceType: 'xlsx' };
  const text = decodeText(u.bytes);
  const sheet = /\.txt$/i.test(u.fileName) && !text.includes(',') ? readPastedText(text) : readCsvText(text);
  return { ...sheet, sourceType: 'csv' };
}


