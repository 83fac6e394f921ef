/**
 * Pure rules of list import: finding the header row and the columns of a published list,
 * reading its sections (一、新认定企业 / 二、复核通过企业), deciding which rows belong to Jinan,
 * and giving each row a verdict against the registry. Data in, data out: the service reads the
 * file (parse.ts) and the registry, and stores what comes out.
 */
import crypto from 'node:crypto';
import { Problems, type Bilingual } from '../../shared/errors.ts';
import { isIsoDate } from '../../shared/dates.ts';
import { normaliseUscc, validateUscc } from '../../shared/uscc.ts';
import { JINAN_UNITS, LEVELS, TITLE_KINDS, type Level, type TitleKind } from '../registry/reference.ts';
import { canonicalName, coreName } from './names.ts';
import type { Candidate, MatchIndex, MatchMethod } from './matcher.ts';

// ---------- the sheet as parse.ts hands it over ----------

export interface SheetRow {
  /** The row number the officer sees (Excel row, CSV record, pasted line), 1-based. */
  rowNo: number;
  cells: string[];
  /** 0-based columns whose cell holds a formula (its cached value is in `cells`). */
  formulas: number[];
}

export type Recognition = 'first' | 'renewal';
export type ColumnRole = 'seq' | 'name' | 'uscc' | 'region' | 'product' | 'recognition';
export const MAPPED_ROLES: readonly ColumnRole[] = ['name', 'uscc', 'region', 'product', 'recognition'];

export interface ColumnMapping {
  /** The header row's number, or null when the list has no header. */
  headerRow: number | null;
  /** 1-based column numbers. */
  columns: Partial<Record<ColumnRole, number>>;
  /** detected from a header, guessed from the content, or given by the officer. */
  confidence: 'header' | 'guessed' | 'manual';
  headers: string[];
}

/** Excel's column letters for a 1-based column number. */
export function columnLetter(n: number): string {
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A column given as "C" or 3 → 3; undefined if neither. */
export function columnNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1) return v;
  if (typeof v === 'string' && /^[A-Za-z]{1,3}$/.test(v)) {
    let n = 0;
    for (const ch of v.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n;
  }
  if (typeof v === 'string' && /^\d{1,3}$/.test(v) && Number(v) >= 1) return Number(v);
  return undefined;
}

// ---------- header detection ----------

function headerKey(cell: string): string {
  return canonicalName(cell).replace(/\(.*?\)|\*|:|：/g, '');
}

/** The role a header cell announces, or null. Exact synonyms first, then telling fragments. */
export function headerRole(cell: string): ColumnRole | null {
  const k = headerKey(cell);
  if (!k || k.length > 20) return null;
  if (/^(序号|编号|NO\.?)$/.test(k)) return 'seq';
  if (/信用代码|^统一代码$|^代码$|^USCC$/.test(k)) return 'uscc';
  if (/^(企业名称|单位名称|公司名称|企业全称|名称|企业|申报单位|申报企业|企业\(单位\)名称|集群名称|平台名称|基地名称)$/.test(k)) return 'name';
  if (/(企业|单位|公司).*名称|名称.*(企业|单位)/.test(k)) return 'name';
  if (/^(所在地区|地区|所属市|所在市|地市|市|所属地区|区县|所在区县|所属区县|属地|省份|所在省份|所属省份|所在地|城市|所属地市|市县区|所属区域|区域)$/.test(k))
    return 'region';
  if (/所在|所属|地区|区县|省份|地市/.test(k) && !/名称|产品|行业/.test(k)) return 'region';
  if (/产品/.test(k)) return 'product';
  if (/^(类别|类型|认定类型|认定类别|申报类型|认定方式|新认定\/复核|认定情况)$/.test(k)) return 'recognition';
  return null;
}

const HEADER_SCAN_ROWS = 30;

/** Finds the header row among the first rows: the first with a name column. */
export function detectHeader(rows: readonly SheetRow[]): ColumnMapping | null {
  for (const row of rows.slice(0, HEADER_SCAN_ROWS)) {
    const columns: Partial<Record<ColumnRole, number>> = {};
    row.cells.forEach((cell, i) => {
      const role = headerRole(cell);
      if (role && columns[role] === undefined) columns[role] = i + 1;
    });
    if (columns.name !== undefined) return { headerRow: row.rowNo, columns, confidence: 'header', headers: row.cells.slice() };
  }
  return null;
}

const COMPANY_END = /(公司|厂|中心|研究院|研究所|院|所|合作社|集团|商行|工作室|事务所|基地|平台|园区|集群|店)(\))?$/;
const USCC_LIKE = /^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/;

/** Without a header: the column whose cells read like company names, and one of codes. */
export function guessColumns(rows: readonly SheetRow[]): ColumnMapping | null {
  const sample = rows.slice(0, 200);
  const width = Math.max(0, ...sample.map((r) => r.cells.length));
  let bestName = -1;
  let bestNameShare = 0;
  let usccCol = -1;
  for (let c = 0; c < width; c++) {
    const values = sample.map((r) => (r.cells[c] ?? '').trim()).filter(Boolean);
    if (values.length === 0) continue;
    const nameShare = values.filter((v) => v.length >= 4 && COMPANY_END.test(canonicalName(v))).length / values.length;
    if (nameShare > bestNameShare) {
      bestNameShare = nameShare;
      bestName = c;
    }
    if (usccCol < 0 && values.filter((v) => USCC_LIKE.test(normaliseUscc(v))).length / values.length >= 0.6) usccCol = c;
  }
  if (bestName < 0 || bestNameShare < 0.5) return null;
  const columns: Partial<Record<ColumnRole, number>> = { name: bestName + 1 };
  if (usccCol >= 0) columns.uscc = usccCol + 1;
  // A region column: short place names in most cells.
  for (let c = 0; c < width; c++) {
    if (c === bestName || c === usccCol) continue;
    const values = sample.map((r) => (r.cells[c] ?? '').trim()).filter(Boolean);
    if (values.length && values.filter((v) => v.length <= 12 && classifyRegion(v) !== 'unknown').length / values.length >= 0.6) {
      columns.region = c + 1;
      break;
    }
  }
  return { headerRow: null, columns, confidence: 'guessed', headers: [] };
}

// ---------- sections and recognition ----------

const RENEWAL_WORDS = /复核|重新认定|复审|续期|延续|再认定/;
const FIRST_WORDS = /新认定|首次|新申报|新获评|新入选|新培育|新增|新晋/;

/** 'renewal' for 复核通过 and the like, 'first' for 新认定, else null. */
export function recognitionOf(text: string): Recognition | null {
  const t = canonicalName(text);
  if (!t) return null;
  if (RENEWAL_WORDS.test(t)) return 'renewal';
  if (FIRST_WORDS.test(t)) return 'first';
  return null;
}

const SECTION_MARK = /^([一二三四五六七八九十]+[、.．]|\(?[一二三四五六七八九十]+\)|第[一二三四五六七八九十\d]+(部分|批|类))/;
const NOTE_ROW = /^(注|备注|说明|合计|共计|总计|小计)/;

export type RowKind = { kind: 'section'; label: string; recognition: Recognition | null; region: string | null } | { kind: 'note' } | { kind: 'data' };

/** Distinct non-empty values of a row (merged title rows repeat one value). */
function distinctValues(cells: readonly string[]): string[] {
  return [...new Set(cells.map((c) => c.trim()).filter(Boolean))];
}

/**
 * What a row is: a section heading (一、新认定企业；济南市), a note (注：…；合计), or data.
 * A heading has a single value that is marked as one or names a recognition or a place.
 */
export function classifyRow(cells: readonly string[], nameCol: number): RowKind {
  const values = distinctValues(cells);
  if (values.length !== 1) return { kind: 'data' };
  const v = values[0]!;
  const canon = canonicalName(v);
  if (NOTE_ROW.test(canon)) return { kind: 'note' };
  // A company name is data, even when it happens to contain 新增 or a place.
  if (COMPANY_END.test(canon)) return { kind: 'data' };
  const onlyName = (cells[nameCol - 1] ?? '').trim() === v;
  const recognition = recognitionOf(v);
  const place = canon.replace(/\(\d+家?\)$/, '');
  const region = place.length <= 10 && /(省|市|区|县)$/.test(place) && classifyRegion(place) !== 'unknown' ? place : null;
  if (SECTION_MARK.test(canon) || recognition || region || (!onlyName && canon.length <= 30 && !/^\d+$/.test(canon)))
    return { kind: 'section', label: v, recognition, region };
  return { kind: 'data' };
}

// ---------- regions ----------

const OTHER_PLACES = [
  '青岛', '淄博', '枣庄', '东营', '烟台', '潍坊', '济宁', '泰安', '威海', '日照', '临沂', '德州', '聊城', '滨州', '菏泽',
  '北京', '天津', '上海', '重庆', '深圳', '大连', '宁波', '厦门', '兵团',
  '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '河南', '湖北', '湖南', '广东',
  '广西', '海南', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆',
];
/** Jinan's districts, counties and zones as lists name them (莱芜 merged into Jinan in 2019). */
const JINAN_PLACES: { name: string; unitCode: string }[] = [
  ...JINAN_UNITS.map((u) => ({ name: u.nameZh.replace(/^济南/, ''), unitCode: u.code })),
  { name: '高新区', unitCode: 'Z-HTZ' },
  { name: '高新技术产业开发区', unitCode: 'Z-HTZ' },
  { name: '先行区', unitCode: 'Z-SUA' },
  { name: '莱芜', unitCode: '370116' },
];

/** 'jinan', 'other' (another city or province), or 'unknown' (empty, 山东省, an unnamed zone). */
export function classifyRegion(text: string | null | undefined): 'jinan' | 'other' | 'unknown' {
  const t = canonicalName(text ?? '');
  if (!t) return 'unknown';
  if (t.includes('济南')) return 'jinan';
  if (OTHER_PLACES.some((p) => t.includes(p))) return 'other';
  if (JINAN_PLACES.some((p) => t.includes(p.name) && p.name.length >= 2 && !['市中区', '高新区'].includes(p.name))) return 'jinan';
  return 'unknown';
}

/** The managing unit a Jinan place name points to (for registering a new enterprise), if any. */
export function unitCodeOfRegion(text: string | null | undefined): string | null {
  const t = canonicalName(text ?? '');
  if (!t || classifyRegion(t) === 'other') return null;
  const hit = JINAN_PLACES.filter((p) => t.includes(p.name)).sort((a, b) => b.name.length - a.name.length)[0];
  return hit?.unitCode ?? null;
}

// ---------- rows ----------

export interface ExtractedRow {
  rowNo: number;
  raw: Record<string, string>;
  name: string;
  nameKey: string;
  uscc: string | null;
  region: string | null;
  product: string | null;
  section: string | null;
  recognition: Recognition;
  /** Problems that make the row unusable (verdict invalid). */
  invalid: Bilingual[];
  notes: Bilingual[];
}

export interface ExtractOptions {
  defaultRecognition: Recognition;
  /** The officer's mapping, when detection was unsure or wrong. */
  mapping?: { headerRow?: number | null | undefined; columns: Partial<Record<ColumnRole, number>> } | undefined;
}

export interface Extraction {
  mapping: ColumnMapping;
  rows: ExtractedRow[];
}

/** Reads the list's rows: header, sections, fields. Throws a validation error when no name column is known. */
export function extractRows(sheet: readonly SheetRow[], opts: ExtractOptions): Extraction {
  const problems = new Problems();
  if (sheet.length === 0) problems.add('file', '文件中没有数据', 'the file holds no data').throwIfAny();
  let mapping: ColumnMapping | null;
  if (opts.mapping) {
    const detected = opts.mapping.headerRow === undefined ? detectHeader(sheet) : null;
    const headerRow = opts.mapping.headerRow === undefined ? (detected?.headerRow ?? null) : opts.mapping.headerRow;
    const headerCells = headerRow === null ? [] : (sheet.find((r) => r.rowNo === headerRow)?.cells ?? []);
    mapping = { headerRow, columns: { ...opts.mapping.columns }, confidence: 'manual', headers: headerCells.slice() };
    const width = Math.max(...sheet.map((r) => r.cells.length));
    if (mapping.columns.name === undefined) problems.add('mapping.name', '请指定企业名称所在列', 'name the column that holds the enterprise name');
    for (const [role, col] of Object.entries(mapping.columns))
      if (col !== undefined && (col < 1 || col > width))
        problems.add(`mapping.${role}`, `第${col}列不存在（共${width}列）`, `column ${col} does not exist (the sheet has ${width})`);
    if (headerRow !== null && !sheet.some((r) => r.rowNo === headerRow))
      problems.add('mapping.headerRow', `第${headerRow}行不存在或为空`, `row ${headerRow} does not exist or is empty`);
    problems.throwIfAny();
  } else {
    mapping = detectHeader(sheet) ?? guessColumns(sheet);
  }
  if (!mapping || mapping.columns.name === undefined) {
    problems
      .add(
        'mapping',
        `前${HEADER_SCAN_ROWS}行中未找到“企业名称”列，也无法从内容判断；请手工指定列`,
        `no enterprise-name column found in the first ${HEADER_SCAN_ROWS} rows, nor recognisable from the content; give the column mapping`,
      )
      .throwIfAny();
  }
  const m = mapping!;
  const nameCol = m.columns.name!;
  const headerName = m.headerRow === null ? null : (m.headers[nameCol - 1] ?? '').trim();
  const cell = (r: SheetRow, role: ColumnRole): string => {
    const c = m.columns[role];
    return c === undefined ? '' : (r.cells[c - 1] ?? '').trim();
  };
  const keyOf = (i: number) => (m.headers[i]?.trim() ? `${columnLetter(i + 1)} ${m.headers[i]!.trim()}` : columnLetter(i + 1));

  const out: ExtractedRow[] = [];
  let section: string | null = null;
  let sectionRecognition: Recognition | null = null;
  let sectionRegion: string | null = null;
  for (const r of sheet) {
    if (m.headerRow !== null && r.rowNo <= m.headerRow) continue;
    // PDF copies repeat the header on every page.
    if (headerName && (r.cells[nameCol - 1] ?? '').trim() === headerName) continue;
    const kind = classifyRow(r.cells, nameCol);
    if (kind.kind === 'note') continue;
    if (kind.kind === 'section') {
      section = kind.label;
      if (kind.recognition) sectionRecognition = kind.recognition;
      sectionRegion = kind.region;
      continue;
    }
    const name = cell(r, 'name');
    const codeText = cell(r, 'uscc');
    const others = r.cells.some((c, i) => c.trim() && i + 1 !== m.columns.seq);
    if (!name && !codeText && !others) continue;
    const invalid: Bilingual[] = [];
    const notes: Bilingual[] = [];
    for (const col of r.formulas) {
      const role = (Object.entries(m.columns) as [ColumnRole, number][]).find(([, c]) => c === col + 1)?.[0];
      const where = `${columnLetter(col + 1)}${r.rowNo}`;
      if (role && role !== 'seq')
        invalid.push({ zh: `单元格${where}是公式，不能作为名单内容；请粘贴为数值后重新导入`, en: `cell ${where} is a formula, not list content; paste it as values and import again` });
      else notes.push({ zh: `单元格${where}是公式，已按其保存的结果读取`, en: `cell ${where} is a formula; its saved result was read` });
    }
    let uscc: string | null = null;
    if (codeText) {
      const code = normaliseUscc(codeText);
      const v = validateUscc(code);
      if (v.valid) uscc = code;
      else notes.push({ zh: `统一社会信用代码“${codeText}”无效：${v.reasonI18n.zh}`, en: `code '${codeText}' is not valid: ${v.reason}` });
    }
    if (!name && !uscc) invalid.push({ zh: '缺少企业名称', en: 'the enterprise name is missing' });
    if (name.length > 100) invalid.push({ zh: '企业名称超过100个字符', en: 'the enterprise name is longer than 100 characters' });
    else if (name && canonicalName(name).length < 2) invalid.push({ zh: '企业名称过短', en: 'the enterprise name is too short' });
    const recognitionCell = cell(r, 'recognition');
    const recognition = recognitionOf(recognitionCell) ?? sectionRecognition ?? opts.defaultRecognition;
    if (recognitionCell && !recognitionOf(recognitionCell))
      notes.push({ zh: `无法识别类别“${recognitionCell}”，按所在部分或默认处理`, en: `category '${recognitionCell}' not understood; the section or the default applies` });
    const raw: Record<string, string> = {};
    r.cells.forEach((c, i) => {
      if (c !== '') raw[keyOf(i)] = c;
    });
    out.push({
      rowNo: r.rowNo,
      raw,
      name,
      nameKey: coreName(canonicalName(name)),
      uscc,
      region: cell(r, 'region') || sectionRegion || null,
      product: cell(r, 'product') || null,
      section,
      recognition,
      invalid,
      notes,
    });
  }
  if (out.length === 0) problems.add('file', '表头下方没有数据行', 'there are no data rows below the header').throwIfAny();
  return { mapping: m, rows: out };
}

// ---------- verdicts ----------

export type Verdict = 'matched' | 'ambiguous' | 'not_found' | 'other_city' | 'duplicate' | 'invalid';
export const VERDICTS: readonly Verdict[] = ['matched', 'ambiguous', 'not_found', 'other_city', 'duplicate', 'invalid'];

export interface RowVerdict extends ExtractedRow {
  verdict: Verdict;
  matchMethod: MatchMethod | null;
  enterpriseId: number | null;
  candidates: Candidate[];
  duplicateOf: number | null;
}

/**
 * Gives every row its verdict. Order of the rules: unusable rows are invalid; a repeat of an
 * earlier row (same code or same canonical name) is a duplicate; a row whose region names
 * another city is set aside; the rest is matched against the registry, and a second row that
 * lands on an enterprise already matched is a duplicate too.
 */
export function assignVerdicts(rows: readonly ExtractedRow[], index: MatchIndex): RowVerdict[] {
  const seenCode = new Map<string, number>();
  const seenName = new Map<string, number>();
  const seenEnterprise = new Map<number, number>();
  return rows.map((r) => {
    const base = { ...r, matchMethod: null, enterpriseId: null, candidates: [], duplicateOf: null };
    if (r.invalid.length) return { ...base, verdict: 'invalid', notes: [...r.invalid, ...r.notes] };
    const canon = canonicalName(r.name);
    const earlier = (r.uscc ? seenCode.get(r.uscc) : undefined) ?? (canon ? seenName.get(canon) : undefined);
    if (earlier !== undefined)
      return {
        ...base,
        verdict: 'duplicate',
        duplicateOf: earlier,
        notes: [{ zh: `与第${earlier}行重复`, en: `repeats row ${earlier}` }, ...r.notes],
      };
    if (r.uscc) seenCode.set(r.uscc, r.rowNo);
    if (canon) seenName.set(canon, r.rowNo);
    const m = index.match(r.name, r.uscc);
    if (classifyRegion(r.region) === 'other') {
      const known =
        m.verdict === 'matched'
          ? [{ zh: '库中有同名或同代码企业，如确属济南请手工指定', en: 'the registry has a firm with this name or code; decide by hand if it is in Jinan' }]
          : [];
      return {
        ...base,
        verdict: 'other_city',
        candidates: m.verdict === 'not_found' ? [] : m.candidates,
        notes: [{ zh: `所在地区“${r.region}”不属于济南`, en: `region '${r.region}' is not in Jinan` }, ...known, ...r.notes],
      };
    }
    if (m.verdict === 'matched' && m.enterpriseId !== null) {
      const first = seenEnterprise.get(m.enterpriseId);
      if (first !== undefined)
        return {
          ...base,
          verdict: 'duplicate',
          matchMethod: m.method,
          candidates: m.candidates,
          duplicateOf: first,
          notes: [{ zh: `与第${first}行指向同一企业`, en: `the same enterprise as row ${first}` }, ...m.notes, ...r.notes],
        };
      seenEnterprise.set(m.enterpriseId, r.rowNo);
    }
    return {
      ...base,
      verdict: m.verdict,
      matchMethod: m.method,
      enterpriseId: m.enterpriseId,
      candidates: m.candidates,
      notes: [...m.notes, ...r.notes],
    };
  });
}

export type Counts = Record<Verdict, number> & { total: number; first: number; renewal: number; alreadyRecorded: number };

export function countVerdicts(rows: readonly { verdict: Verdict; recognition: Recognition }[], alreadyRecorded = 0): Counts {
  const c: Counts = { total: rows.length, matched: 0, ambiguous: 0, not_found: 0, other_city: 0, duplicate: 0, invalid: 0, first: 0, renewal: 0, alreadyRecorded };
  for (const r of rows) {
    c[r.verdict]++;
    if (r.verdict === 'matched') c[r.recognition]++;
  }
  return c;
}

// ---------- the officer's choice of title ----------

export interface ImportOptions {
  kind: TitleKind;
  level: Level;
  batch: string;
  recognisedOn: string;
  validUntil?: string | null | undefined;
  defaultRecognition?: Recognition | undefined;
}

/** The registry reads valid_until as the last valid day: recognition + 3 years − 1 day. */
export function defaultValidUntil(recognisedOn: string): string {
  const d = new Date(recognisedOn + 'T00:00:00Z');
  const y = d.getUTCFullYear() + 3;
  const m = d.getUTCMonth();
  // 29 February + 3 years: 28 February (the anniversary is 1 March; its eve is 28 February).
  const anniversary = new Date(Date.UTC(y, m, d.getUTCDate()));
  if (anniversary.getUTCMonth() !== m) anniversary.setUTCDate(0);
  else anniversary.setUTCDate(anniversary.getUTCDate() - 1);
  return anniversary.toISOString().slice(0, 10);
}

export function validateOptions(o: Partial<Record<keyof ImportOptions, unknown>>): Required<ImportOptions> {
  const p = new Problems();
  if (!TITLE_KINDS.some((k) => k.id === o.kind)) p.add('kind', '请选择称号类型', 'choose the title kind');
  if (!LEVELS.some((l) => l.id === o.level)) p.add('level', '请选择级别', 'choose the level');
  const batch = typeof o.batch === 'string' ? o.batch.trim() : '';
  if (batch.length > 60) p.add('batch', '批次不超过60个字符', 'must be at most 60 characters');
  const recognisedOn = typeof o.recognisedOn === 'string' ? o.recognisedOn : '';
  if (!isIsoDate(recognisedOn)) p.add('recognisedOn', '请填写认定日期（YYYY-MM-DD）', 'give the recognition date (YYYY-MM-DD)');
  let validUntil: string | null = null;
  if (o.validUntil !== undefined && o.validUntil !== null && o.validUntil !== '') {
    if (typeof o.validUntil !== 'string' || !isIsoDate(o.validUntil)) p.add('validUntil', '有效期截止日格式应为YYYY-MM-DD', 'must be a date YYYY-MM-DD');
    else if (isIsoDate(recognisedOn) && o.validUntil <= recognisedOn) p.add('validUntil', '有效期截止日须晚于认定日期', 'must be after the recognition date');
    else validUntil = o.validUntil;
  } else if (isIsoDate(recognisedOn)) validUntil = defaultValidUntil(recognisedOn);
  const dr = o.defaultRecognition ?? 'first';
  if (dr !== 'first' && dr !== 'renewal') p.add('defaultRecognition', '应为first（新认定）或renewal（复核）', 'must be first or renewal');
  p.throwIfAny();
  return {
    kind: o.kind as TitleKind,
    level: o.level as Level,
    batch,
    recognisedOn,
    validUntil,
    defaultRecognition: dr as Recognition,
  };
}

/**
 * The fingerprint of an import: the rows' normalised content (in any order, any layout, any
 * file type) and the title choice. The same list with the same choice is one import.
 */
export function contentHash(rows: readonly ExtractedRow[], o: Required<ImportOptions>): string {
  const tuples = rows
    .map((r) => [canonicalName(r.name), r.uscc ?? '', canonicalName(r.region ?? ''), r.recognition].join('\u0001'))
    .sort();
  const head = [o.kind, o.level, o.batch, o.recognisedOn, o.validUntil ?? '', o.defaultRecognition].join('\u0001');
  return crypto.createHash('sha256').update(head + '\u0002' + tuples.join('\u0002')).digest('hex');
}
