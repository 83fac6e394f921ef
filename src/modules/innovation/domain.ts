/**
 * Innovation services, the pure part: the vocabularies (technology fields and the industries
 * each fits, maturity, IP kinds, resource kinds), checks of every input (each problem names its
 * field, in Chinese and English), the 揭榜 state machine, and the reason a match is shown.
 * No I/O here.
 */
import type { FieldProblem } from '../../shared/errors.ts';
import { problem } from '../../shared/errors.ts';

type Label = { zh: string; en: string };

/**
 * Technology fields (技术领域) after Jinan's leading industries, each with the GB/T 4754 class
 * prefixes of the enterprises it serves (used for "industry fits" when an achievement looks for
 * enterprises).
 */
export const TECH_FIELDS = [
  {
    id: 'intelligent_manufacturing',
    zh: '高端装备与智能制造',
    en: 'High-end equipment & smart manufacturing',
    industries: ['C34', 'C35', 'C36', 'C40'],
  },
  {
    id: 'industrial_internet',
    zh: '新一代信息技术与工业互联网',
    en: 'Next-generation IT & industrial internet',
    industries: ['I64', 'I65', 'C39'],
  },
  { id: 'biomedicine', zh: '生物医药与医疗器械', en: 'Biomedicine & medical devices', industries: ['C27', 'C358'] },
  { id: 'new_materials', zh: '新材料', en: 'New materials', industries: ['C26', 'C29', 'C33', 'M732'] },
  { id: 'new_energy', zh: '新能源与节能环保', en: 'New energy & environmental protection', industries: ['C38', 'N77'] },
  { id: 'food_agriculture', zh: '现代农业与食品', en: 'Modern agriculture & food', industries: ['C13', 'C14', 'C357', 'A0'] },
  { id: 'testing_services', zh: '检验检测与科技服务', en: 'Testing & technology services', industries: ['M74', 'M75'] },
  { id: 'green_construction', zh: '绿色建造', en: 'Green construction', industries: ['E4', 'C30'] },
] as const;
export type TechField = (typeof TECH_FIELDS)[number]['id'];
export const TECH_FIELD_IDS = TECH_FIELDS.map((f) => f.id) as unknown as readonly [TechField, ...TechField[]];

export const MATURITIES = [
  { id: 'lab', zh: '实验室阶段', en: 'Laboratory' },
  { id: 'prototype', zh: '小试/样机', en: 'Prototype' },
  { id: 'pilot', zh: '中试', en: 'Pilot' },
  { id: 'industrialised', zh: '已产业化', en: 'Industrialised' },
] as const;
export type Maturity = (typeof MATURITIES)[number]['id'];

export const IP_KINDS = [
  { id: 'invention_patent', zh: '发明专利', en: 'Invention patent' },
  { id: 'utility_model', zh: '实用新型专利', en: 'Utility model' },
  { id: 'software_copyright', zh: '软件著作权', en: 'Software copyright' },
  { id: 'know_how', zh: '技术秘密', en: 'Know-how' },
  { id: 'none', zh: '无', en: 'None' },
] as const;
export type IpKind = (typeof IP_KINDS)[number]['id'];

export const RESOURCE_KINDS = [
  { id: 'instrument', zh: '仪器设备', en: 'Instruments' },
  { id: 'test_site', zh: '试验场地', en: 'Test sites' },
  { id: 'capacity', zh: '共享产能', en: 'Production capacity' },
  { id: 'brand', zh: '品牌', en: 'Brand' },
  { id: 'design', zh: '设计研发能力', en: 'Design & R&D capability' },
  { id: 'rd', zh: '研发平台', en: 'R&D platform' },
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number]['id'];

export const APPLICATION_STATUSES = ['applied', 'chosen', 'not_chosen', 'withdrawn', 'contracted', 'completed'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const REQUEST_STATUSES = ['requested', 'accepted', 'declined', 'withdrawn', 'completed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

const ids = <T extends readonly { id: string }[]>(xs: T): string[] => xs.map((x) => x.id);
export const labelOf = (xs: readonly { id: string; zh: string; en: string }[], id: string): Label => {
  const x = xs.find((v) => v.id === id);
  return x ? { zh: x.zh, en: x.en } : { zh: id, en: id };
};

/** Which technology field an enterprise's industry class falls into (the longest prefix wins). */
export function fieldOfIndustry(industryCode: string): TechField | null {
  let best: { id: TechField; len: number } | null = null;
  for (const f of TECH_FIELDS)
    for (const p of f.industries)
      if (industryCode.startsWith(p) && (!best || p.length > best.len)) best = { id: f.id, len: p.length };
  return best?.id ?? null;
}

// ---------- checks ----------

const MAX_MONEY = 10_000_000_000;

function text(
  problems: FieldProblem[],
  field: string,
  v: unknown,
  zhName: string,
  min: number,
  max: number,
  required = true,
): string {
  const s = typeof v === 'string' ? v.trim() : v === null || v === undefined ? '' : String(v).trim();
  if (!s) {
    if (required) problems.push(problem(field, `请填写${zhName}`, `${field} is required`));
    return '';
  }
  if ([...s].length < min) problems.push(problem(field, `${zhName}至少${min}个字`, `${field} needs at least ${min} characters`));
  if ([...s].length > max)
    problems.push(problem(field, `${zhName}不能超过${max}个字`, `${field} may not exceed ${max} characters`));
  return s;
}

function oneOf(problems: FieldProblem[], field: string, v: unknown, allowed: string[], zhName: string): string {
  const s = typeof v === 'string' ? v.trim() : '';
  if (!allowed.includes(s))
    problems.push(problem(field, `${zhName}无效：${s || '（空）'}`, `${field} is not one of ${allowed.join(', ')}`));
  return s;
}

function money(
  problems: FieldProblem[],
  field: string,
  v: unknown,
  zhName: string,
  required: boolean,
  allowZero = false,
): number | null {
  if (v === null || v === undefined || v === '') {
    if (required) problems.push(problem(field, `请填写${zhName}`, `${field} is required`));
    return null;
  }
  const n = typeof v === 'number' ? v : Number(String(v).replace(/[,，\s]/g, ''));
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1) || n > MAX_MONEY) {
    problems.push(
      problem(
        field,
        `${zhName}须为${allowZero ? '不小于0' : '正'}的整数元（不超过100亿）`,
        `${field} must be a whole number of yuan, ${allowZero ? '≥ 0' : '> 0'}, at most 10 billion`,
      ),
    );
    return null;
  }
  return n;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
function isoDate(problems: FieldProblem[], field: string, v: unknown, zhName: string): string {
  const s = typeof v === 'string' ? v.trim() : '';
  const d = new Date(s + 'T00:00:00Z');
  if (!DATE.test(s) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
    problems.push(problem(field, `${zhName}须为有效日期（YYYY-MM-DD）`, `${field} must be a date (YYYY-MM-DD)`));
    return '';
  }
  return s;
}

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export interface AchievementInput {
  title: string;
  summary: string;
  field: TechField;
  maturity: Maturity;
  ipKind: IpKind;
  ipNumber: string | null;
  team: string;
  contactName: string | null;
  contactPhone: string | null;
}

export function checkAchievement(
  raw: Record<string, unknown>,
  prefix = '',
): { value: AchievementInput; problems: FieldProblem[] } {
  const p: FieldProblem[] = [];
  const f = (n: string) => prefix + n;
  const ipKind = oneOf(p, f('ipKind'), raw.ipKind ?? 'none', ids(IP_KINDS), '知识产权类型') as IpKind;
  const ipNumber = text(p, f('ipNumber'), raw.ipNumber, '知识产权号', 4, 60, false) || null;
  if (ipKind !== 'none' && ipKind !== 'know_how' && !ipNumber)
    p.push(problem(f('ipNumber'), '请填写专利号或登记号', 'ipNumber is required for a patent or copyright'));
  const contactPhone = text(p, f('contactPhone'), raw.contactPhone, '联系电话', 0, 20, false) || null;
  if (contactPhone && !PHONE.test(contactPhone))
    p.push(problem(f('contactPhone'), '联系电话格式不正确', 'contactPhone is not a phone number'));
  return {
    value: {
      title: text(p, f('title'), raw.title, '成果名称', 4, 200),
      summary: text(p, f('summary'), raw.summary, '成果简介', 0, 4000, false),
      field: oneOf(p, f('field'), raw.field, TECH_FIELD_IDS as unknown as string[], '技术领域') as TechField,
      maturity: oneOf(p, f('maturity'), raw.maturity, ids(MATURITIES), '成熟度') as Maturity,
      ipKind,
      ipNumber,
      team: text(p, f('team'), raw.team, '研究团队', 2, 100),
      contactName: text(p, f('contactName'), raw.contactName, '联系人', 2, 40, false) || null,
      contactPhone,
    },
    problems: p,
  };
}

export interface DemandInput {
  title: string;
  description: string;
  field: TechField;
  budget: number;
  deadline: string;
}

export function checkDemand(
  raw: Record<string, unknown>,
  today: string,
  prefix = '',
): { value: DemandInput; problems: FieldProblem[] } {
  const p: FieldProblem[] = [];
  const f = (n: string) => prefix + n;
  const deadline = isoDate(p, f('deadline'), raw.deadline, '截止日期');
  if (deadline && deadline < today) p.push(problem(f('deadline'), '截止日期不能早于今天', 'deadline may not be in the past'));
  return {
    value: {
      title: text(p, f('title'), raw.title, '需求名称', 4, 200),
      description: text(p, f('description'), raw.description, '需求描述', 0, 4000, false),
      field: oneOf(p, f('field'), raw.field, TECH_FIELD_IDS as unknown as string[], '技术领域') as TechField,
      budget: money(p, f('budget'), raw.budget, '预算金额', true) ?? 0,
      deadline,
    },
    problems: p,
  };
}

export interface ApplicationInput {
  team: string;
  proposal: string;
  quote: number | null;
  achievementId: number | null;
}

export function checkApplication(raw: Record<string, unknown>): { value: ApplicationInput; problems: FieldProblem[] } {
  const p: FieldProblem[] = [];
  const a = raw.achievementId;
  return {
    value: {
      team: text(p, 'team', raw.team, '研究团队', 2, 100),
      proposal: text(p, 'proposal', raw.proposal, '解决方案', 10, 4000),
      quote: money(p, 'quote', raw.quote, '报价', false),
      achievementId: typeof a === 'number' && Number.isInteger(a) && a > 0 ? a : null,
    },
    problems: p,
  };
}

export function checkContract(
  raw: Record<string, unknown>,
  today: string,
): { value: { amount: number; signedOn: string }; problems: FieldProblem[] } {
  const p: FieldProblem[] = [];
  const signedOn = isoDate(p, 'signedOn', raw.signedOn, '签约日期');
  if (signedOn && signedOn > today) p.push(problem('signedOn', '签约日期不能晚于今天', 'signedOn may not be in the future'));
  return { value: { amount: money(p, 'amount', raw.amount, '合同金额', true) ?? 0, signedOn }, problems: p };
}

export function checkSupport(raw: Record<string, unknown>): {
  value: { amount: number; note: string };
  problems: FieldProblem[];
} {
  const p: FieldProblem[] = [];
  return {
    value: {
      amount: money(p, 'amount', raw.amount, '支持金额', true, true) ?? 0,
      note: text(p, 'note', raw.note, '支持说明', 2, 500),
    },
    problems: p,
  };
}

export interface ResourceInput {
  kind: ResourceKind;
  title: string;
  description: string;
  terms: string;
}

export function checkResource(raw: Record<string, unknown>): { value: ResourceInput; problems: FieldProblem[] } {
  const p: FieldProblem[] = [];
  return {
    value: {
      kind: oneOf(p, 'kind', raw.kind, ids(RESOURCE_KINDS), '资源类型') as ResourceKind,
      title: text(p, 'title', raw.title, '资源名称', 2, 200),
      description: text(p, 'description', raw.description, '资源说明', 0, 4000, false),
      terms: text(p, 'terms', raw.terms, '共享条件', 0, 1000, false),
    },
    problems: p,
  };
}

export function checkResourceRequest(
  raw: Record<string, unknown>,
  today: string,
): { value: { purpose: string; fromDate: string; toDate: string }; problems: FieldProblem[] } {
  const p: FieldProblem[] = [];
  const fromDate = isoDate(p, 'fromDate', raw.fromDate, '开始日期');
  const toDate = isoDate(p, 'toDate', raw.toDate, '结束日期');
  if (fromDate && fromDate < today) p.push(problem('fromDate', '开始日期不能早于今天', 'fromDate may not be in the past'));
  if (fromDate && toDate && toDate < fromDate)
    p.push(problem('toDate', '结束日期不能早于开始日期', 'toDate may not precede fromDate'));
  return { value: { purpose: text(p, 'purpose', raw.purpose, '使用用途', 4, 1000), fromDate, toDate }, problems: p };
}

// ---------- 揭榜: the application's state machine ----------

/** Which application statuses may follow which (who acts is decided in access/ and the service). */
export const APPLICATION_TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  applied: ['chosen', 'not_chosen', 'withdrawn'],
  chosen: ['contracted', 'withdrawn'],
  not_chosen: [],
  withdrawn: [],
  contracted: ['completed'],
  completed: [],
};

export function canMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return APPLICATION_TRANSITIONS[from].includes(to);
}

export const REQUEST_TRANSITIONS: Record<RequestStatus, readonly RequestStatus[]> = {
  requested: ['accepted', 'declined', 'withdrawn'],
  accepted: ['completed', 'withdrawn'],
  declined: [],
  withdrawn: [],
  completed: [],
};

// ---------- why a match is shown ----------

export interface MatchReason {
  sharedTerms: string[];
  sameField: boolean;
  sameDistrict: boolean;
  industryFits?: boolean;
}

/** Shared words in the query's order (the query's words are what the user asked about). */
export function matchReason(
  queryTerms: readonly string[],
  candidateTerms: readonly string[],
  sameField: boolean,
  sameDistrict: boolean,
  max = 6,
): MatchReason {
  const have = new Set(candidateTerms);
  // A longer shared word already says what its parts say: drop parts contained in a kept word.
  const shared = queryTerms.filter((t, i) => have.has(t) && queryTerms.indexOf(t) === i);
  const kept = shared.filter((t) => !shared.some((o) => o !== t && o.length > t.length && o.includes(t)));
  return { sharedTerms: kept.slice(0, max), sameField, sameDistrict };
}

/** The reason in words, for lists and exports. */
export function reasonText(r: MatchReason, lang: 'zh' | 'en'): string {
  const parts: string[] = [];
  if (r.sharedTerms.length)
    parts.push(lang === 'zh' ? `共同关键词：${r.sharedTerms.join('、')}` : `shared terms: ${r.sharedTerms.join(', ')}`);
  if (r.sameField) parts.push(lang === 'zh' ? '技术领域相同' : 'same field');
  if (r.industryFits) parts.push(lang === 'zh' ? '所属行业契合' : 'industry fits');
  if (r.sameDistrict) parts.push(lang === 'zh' ? '同一区县' : 'same district');
  return parts.join(lang === 'zh' ? '；' : '; ');
}

// ---------- Excel import: column names ----------

/** Header names accepted in an import sheet (Chinese as officers write them, or the API names). */
export const ACHIEVEMENT_COLUMNS: Record<string, string> = {
  成果名称: 'title',
  成果简介: 'summary',
  技术领域: 'field',
  成熟度: 'maturity',
  知识产权类型: 'ipKind',
  知识产权号: 'ipNumber',
  研究团队: 'team',
  联系人: 'contactName',
  联系电话: 'contactPhone',
};
export const DEMAND_COLUMNS: Record<string, string> = {
  需求名称: 'title',
  需求描述: 'description',
  技术领域: 'field',
  预算金额: 'budget',
  截止日期: 'deadline',
};

/** Accepts a vocabulary cell given by id or by its Chinese or English label. */
export function vocabularyId(list: readonly { id: string; zh: string; en: string }[], cell: string): string {
  const s = cell.trim();
  return list.find((x) => x.id === s || x.zh === s || x.en.toLowerCase() === s.toLowerCase())?.id ?? s;
}

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, Label> = {
  applied: { zh: '已揭榜', en: 'Applied' },
  chosen: { zh: '已选定', en: 'Chosen' },
  not_chosen: { zh: '未选定', en: 'Not chosen' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  contracted: { zh: '已签约', en: 'Contracted' },
  completed: { zh: '已完成', en: 'Completed' },
};
