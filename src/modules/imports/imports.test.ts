import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import zlib from 'node:zlib';
import { makeUscc } from '../../shared/uscc.ts';
import { AppError } from '../../shared/errors.ts';
import { canonicalName, coreName, nameSimilarity } from './names.ts';
import { MatchIndex } from './matcher.ts';
import { assignVerdicts, classifyRegion, contentHash, defaultValidUntil, extractRows, unitCodeOfRegion, validateOptions } from './domain.ts';
import { detectFileType, readCsvText, readPastedText, readUpload, readXlsx } from './parse.ts';

const CODE_A = makeUscc('9', '1', '370102', 'MA3LUXN1');
const CODE_B = makeUscc('9', '1', '370112', 'MA3HUAN2');
const registry = new MatchIndex([
  { id: 1, uscc: CODE_A, name: '济南鲁信精密机械有限公司', unitCode: '370102' },
  { id: 2, uscc: CODE_B, name: '浪潮软件(山东)有限公司', unitCode: '370112' },
  { id: 3, uscc: makeUscc('9', '1', '370104', 'MA3QLU03'), name: '济南齐鲁云计算股份有限公司', unitCode: '370104', formerNames: ['济南齐鲁网络科技有限公司'] },
  { id: 4, uscc: makeUscc('9', '1', '370105', 'MA3TAH04'), name: '济南泰和检测技术有限公司', unitCode: '370105' },
  { id: 5, uscc: makeUscc('9', '1', '370105', 'MA3TAH05'), name: '山东泰和检测技术有限公司', unitCode: '370105' },
]);
const options = validateOptions({ kind: 'specialized_sme', level: 'provincial', batch: '2024', recognisedOn: '2024-07-01' });

function errorFields(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.fields.map((f) => `${f.field}: ${f.reason.zh}`);
    throw e;
  }
  throw new Error('expected a validation error');
}

async function errorFieldsAsync(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.fields.map((f) => `${f.field}: ${f.reason.zh}`);
    throw e;
  }
  throw new Error('expected a validation error');
}

describe('names', () => {
  it('treats full-width and half-width brackets, spaces and traditional characters as the same name', () => {
    expect(canonicalName('浪潮软件（山东） 有限公司')).toBe(canonicalName('浪潮软件(山东)有限公司'));
    expect(canonicalName('濟南魯信精密機械有限公司')).toBe('济南鲁信精密机械有限公司');
  });

  it('reduces company-form variants and a 山东/济南 prefix to the same core', () => {
    const core = coreName(canonicalName('济南鲁信精密机械有限公司'));
    expect(coreName(canonicalName('山东省济南市鲁信精密机械有限责任公司'))).toBe(core);
    expect(coreName(canonicalName('鲁信精密机械股份有限公司'))).toBe(core);
  });

  it('scores a one-character typo high and an unrelated name low', () => {
    expect(nameSimilarity('鲁信精密机械', '鲁信精蜜机械')).toBeGreaterThanOrEqual(0.8);
    expect(nameSimilarity('鲁信精密机械', '华天生物医药')).toBeLessThan(0.3);
  });
});

describe('matching a row against the registry', () => {
  it('matches by code first, even when the list writes the name differently', () => {
    const m = registry.match('鲁信机械', CODE_A);
    expect(m).toMatchObject({ verdict: 'matched', method: 'uscc', enterpriseId: 1 });
  });

  it('calls a row ambiguous when its code and its name point to different enterprises', () => {
    const m = registry.match('济南鲁信精密机械有限公司', CODE_B);
    expect(m.verdict).toBe('ambiguous');
    expect(m.candidates.map((c) => c.enterpriseId).sort()).toEqual([1, 2]);
  });

  it('matches bracket variants exactly and company-form variants by the normalised name', () => {
    expect(registry.match('浪潮软件（山东）有限公司', null)).toMatchObject({ verdict: 'matched', method: 'name', enterpriseId: 2 });
    expect(registry.match('济南鲁信精密机械有限责任公司', null)).toMatchObject({ verdict: 'matched', method: 'normalised', enterpriseId: 1 });
  });

  it('finds an enterprise by its former name', () => {
    expect(registry.match('济南齐鲁网络科技有限公司', null)).toMatchObject({ verdict: 'matched', method: 'former_name', enterpriseId: 3 });
  });

  it('leaves two firms with the same normalised name to the officer', () => {
    const m = registry.match('泰和检测技术有限公司', null);
    expect(m.verdict).toBe('ambiguous');
    expect(m.candidates.map((c) => c.enterpriseId).sort()).toEqual([4, 5]);
  });

  it('offers fuzzy candidates for a misspelt name and never matches it silently', () => {
    const m = registry.match('济南鲁信精蜜机械有限公司', null);
    expect(m.verdict).toBe('ambiguous');
    expect(m.method).toBe('fuzzy');
    expect(m.candidates[0]).toMatchObject({ enterpriseId: 1 });
    expect(m.candidates[0]!.score).toBeGreaterThanOrEqual(0.75);
  });

  it('reports an unknown firm as not found', () => {
    expect(registry.match('济南星河航天动力有限公司', null).verdict).toBe('not_found');
  });
});

describe('regions', () => {
  it('knows Jinan’s districts, other cities and the undecided', () => {
    expect(classifyRegion('济南市')).toBe('jinan');
    expect(classifyRegion('历城区')).toBe('jinan');
    expect(classifyRegion('青岛市')).toBe('other');
    expect(classifyRegion('山东省烟台市')).toBe('other');
    expect(classifyRegion('山东省')).toBe('unknown');
    expect(unitCodeOfRegion('济南市历下区')).toBe('370102');
    expect(unitCodeOfRegion('高新区')).toBe('Z-HTZ');
  });
});

const PROVINCE_LIST = `2024年度山东省专精特新中小企业名单
序号\t所在市\t企业名称
一、新认定企业
1\t济南市\t济南鲁信精密机械有限责任公司
2\t青岛市\t青岛海之源科技有限公司
3\t烟台市\t烟台蓝海食品有限公司
4\t济南市\t济南鲁信精蜜机械有限公司
二、复核通过企业
5\t济南市\t浪潮软件（山东）有限公司
6\t济南市\t浪潮软件(山东)有限公司
注：排名不分先后`;

describe('reading a published list', () => {
  it('finds the header under the title, the sections, and gives every row its verdict', () => {
    const sheet = readPastedText(PROVINCE_LIST);
    const { mapping, rows } = extractRows(sheet.rows, { defaultRecognition: 'first' });
    expect(mapping).toMatchObject({ headerRow: 2, columns: { seq: 1, region: 2, name: 3 }, confidence: 'header' });
    const v = assignVerdicts(rows, registry);
    expect(v.map((r) => [r.rowNo, r.verdict, r.recognition])).toEqual([
      [4, 'matched', 'first'],
      [5, 'other_city', 'first'],
      [6, 'other_city', 'first'],
      [7, 'ambiguous', 'first'],
      [9, 'matched', 'renewal'],
      [10, 'duplicate', 'renewal'],
    ]);
    expect(v[5]!.duplicateOf).toBe(9);
  });

  it('splits text copied from a PDF at runs of spaces', () => {
    const sheet = readPastedText('序号  企业名称  所在地区\n1  济南鲁信精密机械有限公司  历下区\n');
    expect(sheet.rows[1]!.cells).toEqual(['1', '济南鲁信精密机械有限公司', '历下区']);
  });

  it('reads a CSV with quoted fields and a code column, and takes the category from a column', () => {
    const csv = `序号,企业名称,统一社会信用代码,类别\r\n1,"鲁信机械",${CODE_A},复核通过\r\n2,"济南齐鲁网络科技有限公司",,新认定\r\n`;
    const { rows } = extractRows(readCsvText(csv).rows, { defaultRecognition: 'first' });
    const v = assignVerdicts(rows, registry);
    expect(v.map((r) => [r.verdict, r.matchMethod, r.enterpriseId, r.recognition])).toEqual([
      ['matched', 'uscc', 1, 'renewal'],
      ['matched', 'former_name', 3, 'first'],
    ]);
  });

  it('guesses the name column of a list without a header, and asks for a mapping when it cannot', () => {
    const guessed = extractRows(readPastedText('1\t济南鲁信精密机械有限公司\n2\t浪潮软件(山东)有限公司\n').rows, { defaultRecognition: 'first' });
    expect(guessed.mapping).toMatchObject({ confidence: 'guessed', columns: { name: 2 } });
    expect(errorFields(() => extractRows(readPastedText('甲\t乙\n丙\t丁\n').rows, { defaultRecognition: 'first' }))[0]).toMatch(/^mapping: /);
  });

  it('gives the same fingerprint to the same list in another order and layout, and another one to another batch', () => {
    const a = extractRows(readPastedText(PROVINCE_LIST).rows, { defaultRecognition: 'first' }).rows;
    const b = [...a].reverse();
    expect(contentHash(a, options)).toBe(contentHash(b, options));
    expect(contentHash(a, { ...options, batch: '2025' })).not.toBe(contentHash(a, options));
  });

  it('defaults validity to recognition + 3 years − 1 day', () => {
    expect(defaultValidUntil('2024-07-01')).toBe('2027-06-30');
    expect(defaultValidUntil('2024-02-29')).toBe('2027-02-28');
    expect(options.validUntil).toBe('2027-06-30');
  });
});

async function workbook(rows: (string | number | { formula: string; result: string })[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('reading files safely', () => {
  it('reads an xlsx and reports a formula in the name column as an invalid row with its cell', async () => {
    const bytes = await workbook([
      ['序号', '企业名称', '所在地区'],
      [1, '济南鲁信精密机械有限公司', '历下区'],
      [2, { formula: 'CONCAT("济南","泰和")', result: '济南泰和检测技术有限公司' }, '天桥区'],
    ]);
    const sheet = await readXlsx(bytes);
    const v = assignVerdicts(extractRows(sheet.rows, { defaultRecognition: 'first' }).rows, registry);
    expect(v.map((r) => r.verdict)).toEqual(['matched', 'invalid']);
    expect(v[1]!.notes[0]!.zh).toContain('B3');
  });

  it('refuses a file whose content is not what its name says', async () => {
    expect(errorFields(() => detectFileType('list.xlsx', Buffer.from('序号,企业名称\n')))[0]).toContain('不是Excel');
    const xlsx = await workbook([['企业名称'], ['济南鲁信精密机械有限公司']]);
    expect(errorFields(() => detectFileType('list.csv', xlsx))[0]).toContain('二进制');
    expect(errorFields(() => detectFileType('list.pdf', Buffer.from('%PDF-1.7')))[0]).toContain('不支持的文件类型');
  });

  it('refuses a zip bomb before unpacking it', async () => {
    const xlsx = await workbook([['企业名称'], ['济南鲁信精密机械有限公司']]);
    // Append a highly compressible 20 MB part to a real workbook's zip.
    const bomb = zlib.deflateRawSync(Buffer.alloc(20 * 1024 * 1024, 0x41));
    const crafted = addZipEntry(xlsx, 'xl/bomb.xml', bomb, 20 * 1024 * 1024);
    expect((await errorFieldsAsync(readUpload({ fileName: 'bomb.xlsx', bytes: crafted })))[0]).toContain('压缩炸弹');
  });

  it('names the row where a sheet exceeds the row limit', () => {
    const lines = ['企业名称', ...Array.from({ length: 20_001 }, (_, i) => `济南测试${i}有限公司`)].join('\n');
    expect(errorFields(() => readPastedText(lines))[0]).toContain('第20001行');
  });
});

/** Rebuilds a zip with one more stored-as-deflate entry (a minimal writer for the bomb test). */
function addZipEntry(zip: Buffer, name: string, deflated: Buffer, size: number): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  const cdSize = zip.readUInt32LE(eocd + 12);
  const cdOffset = zip.readUInt32LE(eocd + 16);
  const nameBuf = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(nameBuf.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(nameBuf.length, 28);
  central.writeUInt32LE(cdOffset, 42);
  const newCdOffset = cdOffset + local.length + nameBuf.length + deflated.length;
  const end = Buffer.from(zip.subarray(eocd, eocd + 22));
  end.writeUInt16LE(count + 1, 8);
  end.writeUInt16LE(count + 1, 10);
  end.writeUInt32LE(cdSize + central.length + nameBuf.length, 12);
  end.writeUInt32LE(newCdOffset, 16);
  return Buffer.concat([zip.subarray(0, cdOffset), local, nameBuf, deflated, zip.subarray(cdOffset, cdOffset + cdSize), central, nameBuf, end]);
}
