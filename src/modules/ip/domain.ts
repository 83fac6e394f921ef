/**
 * IP module, pure part: validating an item as entered in the form or a spreadsheet row (every
 * problem named by its field), the import sheet's columns, and the mapping from a stored row to
 * the policy's `IpItem`. No I/O.
 */
import { problem, type FieldProblem } from '../../shared/errors.ts';
import { isIsoDate } from '../../shared/dates.ts';
import {
  IP_AWARDS,
  IP_KINDS,
  LEGAL_STATUSES,
  ORIGINS,
  checkIpNumber,
  type IpAward,
  type IpItem,
  type IpKind,
  type LegalStatus,
  type Origin,
} from '../../../policy/ip/index.ts';

export interface IpInput {
  kind: string;
  number: string;
  title: string;
  appliedOn: string;
  grantedOn?: string | null | undefined;
  expiresOn?: string | null | undefined;
  legalStatus: string;
  maintenanceYearsPaid?: number | undefined;
  foreignFamilyCount?: number | undefined;
  citations?: number | null | undefined;
  awards?: string[] | undefined;
  origin: string;
  acquiredOn?: string | null | undefined;
  relatedToMainProduct: boolean;
}

/** A checked item, ready to store. */
export interface IpValues {
  kind: IpKind;
  number: string;
  numberVerified: boolean;
  title: string;
  appliedOn: string;
  grantedOn: string | null;
  expiresOn: string | null;
  legalStatus: LegalStatus;
  maintenanceYearsPaid: number;
  foreignFamilyCount: number;
  citations: number | null;
  awards: IpAward[];
  origin: Origin;
  acquiredOn: string | null;
  relatedToMainProduct: boolean;
}

export const KIND_ZH: Record<IpKind, string> = {
  invention_patent: '发明专利',
  utility_model: '实用新型专利',
  design_patent: '外观设计专利',
  software_copyright: '软件著作权',
  plant_variety: '植物新品种',
  ic_layout: '集成电路布图设计',
  trademark: '商标',
};
export const STATUS_ZH: Record<LegalStatus, string> = {
  pending: '审查中',
  valid: '有效',
  lapsed: '失效',
  expired: '届满',
  invalidated: '被宣告无效',
};
export const ORIGIN_ZH: Record<Origin, string> = { self_developed: '自主研发', acquired: '受让' };
export const AWARD_LABEL_ZH: Record<IpAward, string> = {
  china_patent_gold: '中国专利金奖',
  china_patent_silver: '中国专利银奖',
  china_patent_excellence: '中国专利优秀奖',
  national_sci_tech: '国家科学技术奖',
  provincial_sci_tech: '省级科学技术奖',
};

const optDate = (v: string | null | undefined): string | null => (v === undefined || v === null || v === '' ? null : v);

/** Every problem of one item, fields prefixed by `at` (e.g. "rows[3]."); `today` bounds the dates. */
export function checkIp(input: IpInput, today: string, at = ''): { values: IpValues | null; problems: FieldProblem[] } {
  const out: FieldProblem[] = [];
  const f = (name: string) => at + name;
  if (!(IP_KINDS as readonly string[]).includes(input.kind))
    out.push(
      problem(
        f('kind'),
        '类型须为发明专利、实用新型、外观设计、软件著作权、植物新品种、集成电路布图设计或商标',
        'must be one of the IP kinds',
      ),
    );
  const kind = input.kind as IpKind;
  let number = String(input.number ?? '').trim();
  let numberVerified = false;
  if ((IP_KINDS as readonly string[]).includes(input.kind)) {
    const n = checkIpNumber(kind, number);
    if (!n.ok) out.push({ field: f('number'), reason: n.problem! });
    number = n.normalised;
    numberVerified = n.checked;
  }
  const title = String(input.title ?? '').trim();
  if (!title) out.push(problem(f('title'), '请填写名称', 'is required'));
  else if (title.length > 200) out.push(problem(f('title'), '名称不超过200字', 'at most 200 characters'));
  const dates: [string, string | null][] = [
    ['appliedOn', optDate(input.appliedOn)],
    ['grantedOn', optDate(input.grantedOn)],
    ['expiresOn', optDate(input.expiresOn)],
    ['acquiredOn', optDate(input.acquiredOn)],
  ];
  let datesOk = true;
  for (const [name, v] of dates) {
    if (v === null) continue;
    if (!isIsoDate(v)) {
      out.push(problem(f(name), '日期格式应为YYYY-MM-DD', 'must be a date YYYY-MM-DD'));
      datesOk = false;
    } else if (name !== 'expiresOn' && v > today) {
      out.push(problem(f(name), '日期不能晚于今天', 'cannot be in the future'));
      datesOk = false;
    }
  }
  const appliedOn = optDate(input.appliedOn);
  if (appliedOn === null) {
    out.push(problem(f('appliedOn'), '请填写申请日', 'is required'));
    datesOk = false;
  }
  const grantedOn = optDate(input.grantedOn);
  const expiresOn = optDate(input.expiresOn);
  const acquiredOn = optDate(input.acquiredOn);
  if (datesOk && appliedOn) {
    if (grantedOn && grantedOn < appliedOn)
      out.push(problem(f('grantedOn'), '授权日不能早于申请日', 'cannot be before the filing date'));
    if (expiresOn && expiresOn < appliedOn)
      out.push(problem(f('expiresOn'), '届满日不能早于申请日', 'cannot be before the filing date'));
  }
  if (!(LEGAL_STATUSES as readonly string[]).includes(input.legalStatus))
    out.push(
      problem(
        f('legalStatus'),
        '法律状态须为审查中、有效、失效、届满或被宣告无效',
        'must be pending, valid, lapsed, expired or invalidated',
      ),
    );
  else if (input.legalStatus !== 'pending' && grantedOn === null)
    out.push(problem(f('grantedOn'), '已授权（登记）的须填写授权日', 'is required unless the status is pending'));
  const int = (name: string, v: number | null | undefined, max: number, nullable = false): number | null => {
    if (v === undefined || v === null) return nullable ? null : 0;
    if (!Number.isInteger(v) || v < 0 || v > max) {
      out.push(problem(f(name), `须为0至${max}的整数`, `must be a whole number from 0 to ${max}`));
      return 0;
    }
    return v;
  };
  const maintenanceYearsPaid = int('maintenanceYearsPaid', input.maintenanceYearsPaid, 50) ?? 0;
  const foreignFamilyCount = int('foreignFamilyCount', input.foreignFamilyCount, 500) ?? 0;
  const citations = int('citations', input.citations, 100000, true);
  const awards = [...new Set(input.awards ?? [])];
  const unknownAwards = awards.filter((a) => !(IP_AWARDS as readonly string[]).includes(a));
  if (unknownAwards.length)
    out.push(problem(f('awards'), `未知奖项：${unknownAwards.join('、')}`, `unknown awards: ${unknownAwards.join(', ')}`));
  if (!(ORIGINS as readonly string[]).includes(input.origin))
    out.push(problem(f('origin'), '来源须为自主研发或受让', 'must be self_developed or acquired'));
  else if (input.origin === 'acquired' && acquiredOn === null)
    out.push(problem(f('acquiredOn'), '受让的须填写受让日期', 'is required for acquired IP'));
  else if (input.origin === 'self_developed' && acquiredOn !== null)
    out.push(problem(f('acquiredOn'), '自主研发的不填受让日期', 'only acquired IP has an acquisition date'));
  if (typeof input.relatedToMainProduct !== 'boolean')
    out.push(problem(f('relatedToMainProduct'), '请选择是否与主导产品相关', 'must be yes or no'));
  if (out.length) return { values: null, problems: out };
  return {
    values: {
      kind,
      number,
      numberVerified,
      title,
      appliedOn: appliedOn!,
      grantedOn,
      expiresOn,
      legalStatus: input.legalStatus as LegalStatus,
      maintenanceYearsPaid,
      foreignFamilyCount,
      citations,
      awards: awards as IpAward[],
      origin: input.origin as Origin,
      acquiredOn,
      relatedToMainProduct: input.relatedToMainProduct,
    },
    problems: [],
  };
}

// ---------- the import sheet ----------

/** The import sheet's columns: header (zh), the field it fills, how to read it. */
export const IMPORT_COLUMNS: {
  header: string;
  field: keyof IpInput;
  kind: 'text' | 'date' | 'int' | 'enum' | 'bool' | 'list';
}[] = [
  { header: '类型', field: 'kind', kind: 'enum' },
  { header: '申请号/登记号', field: 'number', kind: 'text' },
  { header: '名称', field: 'title', kind: 'text' },
  { header: '申请日', field: 'appliedOn', kind: 'date' },
  { header: '授权日', field: 'grantedOn', kind: 'date' },
  { header: '届满日', field: 'expiresOn', kind: 'date' },
  { header: '法律状态', field: 'legalStatus', kind: 'enum' },
  { header: '已缴年费年度', field: 'maintenanceYearsPaid', kind: 'int' },
  { header: '海外同族数', field: 'foreignFamilyCount', kind: 'int' },
  { header: '被引次数', field: 'citations', kind: 'int' },
  { header: '获奖', field: 'awards', kind: 'list' },
  { header: '来源', field: 'origin', kind: 'enum' },
  { header: '受让日期', field: 'acquiredOn', kind: 'date' },
  { header: '与主导产品相关', field: 'relatedToMainProduct', kind: 'bool' },
];

const REVERSE: Record<string, Record<string, string>> = {
  kind: Object.fromEntries(Object.entries(KIND_ZH).map(([k, v]) => [v, k])),
  legalStatus: Object.fromEntries(Object.entries(STATUS_ZH).map(([k, v]) => [v, k])),
  origin: Object.fromEntries(Object.entries(ORIGIN_ZH).map(([k, v]) => [v, k])),
  awards: Object.fromEntries(Object.entries(AWARD_LABEL_ZH).map(([k, v]) => [v, k])),
};

/**
 * One sheet row (cells as read: strings, numbers, Dates, booleans, null) into an IpInput, with
 * problems for cells that cannot be read at all. Chinese labels and the English ids are accepted.
 */
export function rowToInput(cells: unknown[], at: string): { input: IpInput; problems: FieldProblem[] } {
  const out: FieldProblem[] = [];
  const rec: Record<string, unknown> = {};
  IMPORT_COLUMNS.forEach((c, i) => {
    const raw = cells[i];
    const s = raw === null || raw === undefined ? '' : raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw).trim();
    switch (c.kind) {
      case 'text':
        rec[c.field] = s;
        break;
      case 'date':
        rec[c.field] =
          s === ''
            ? null
            : s
                .replace(/[/.]/g, '-')
                .replace(/^(\d{4})-(\d)-/, '$1-0$2-')
                .replace(/-(\d)$/, '-0$1');
        break;
      case 'int':
        if (s === '') rec[c.field] = c.field === 'citations' ? null : 0;
        else if (/^\d+$/.test(s)) rec[c.field] = Number(s);
        else {
          out.push(problem(at + c.field, `“${s}”不是整数`, `'${s}' is not a whole number`));
          rec[c.field] = 0;
        }
        break;
      case 'enum':
        rec[c.field] = REVERSE[c.field]?.[s] ?? s;
        break;
      case 'list':
        rec[c.field] = s === '' ? [] : s.split(/[、,，;；]/).map((x) => REVERSE.awards?.[x.trim()] ?? x.trim());
        break;
      case 'bool':
        if (['是', 'true', 'TRUE', 'yes', 'Y', '1'].includes(s)) rec[c.field] = true;
        else if (['否', 'false', 'FALSE', 'no', 'N', '0'].includes(s)) rec[c.field] = false;
        else {
          out.push(problem(at + c.field, '请填“是”或“否”', "must be '是' or '否'"));
          rec[c.field] = false;
        }
        break;
    }
  });
  return { input: rec as unknown as IpInput, problems: out };
}

// ---------- stored rows → policy items ----------

export interface PledgeRow {
  registeredOn: string;
  releasedOn: string | null;
  amount: number;
}

export function toItem(v: IpValues, pledges: readonly PledgeRow[]): IpItem {
  return {
    kind: v.kind,
    number: v.number,
    appliedOn: v.appliedOn,
    grantedOn: v.grantedOn,
    expiresOn: v.expiresOn,
    legalStatus: v.legalStatus,
    maintenanceYearsPaid: v.maintenanceYearsPaid,
    foreignFamilyCount: v.foreignFamilyCount,
    citations: v.citations,
    awards: v.awards,
    origin: v.origin,
    acquiredOn: v.acquiredOn,
    relatedToMainProduct: v.relatedToMainProduct,
    pledges,
  };
}
