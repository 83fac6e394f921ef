/**
 * The tier standards' input: one enterprise's facts, format `sme-ladder/tier-facts@1`
 * (docs/schemas/tier-facts.v1.schema.json, examples in docs/examples/tier-facts*.json).
 *
 * Every fact is optional. A fact the source does not have is ABSENT, and the indicator that needs
 * it reports "no data" — never a guess. The registry supplies yearly figures, IP counts, honours,
 * titles, the industry and the founding date; the rest (years in the niche market, digital level,
 * equity financing, market share, credit score …) come from a facts file or a declaration.
 */

export const TIER_FACTS_FORMAT = 'sme-ladder/tier-facts@1';

export interface YearFigures {
  year: number;
  /** 营业收入, yuan. */
  revenue?: number;
  /** 主营业务收入, yuan. */
  mainBusinessRevenue?: number;
  /** 研发费用, yuan. */
  rdExpense?: number;
  /** 净利润, yuan. */
  netProfit?: number;
  totalAssets?: number;
  totalLiabilities?: number;
  /** 从业人员 / 职工总数. */
  employees?: number;
  /** 研发人员. */
  rdStaff?: number;
}

/** IP related to the main products, counted at the end of a year. */
export interface IpHoldings {
  year: number;
  /** Ⅰ类 (发明专利、植物新品种、集成电路布图设计 …). */
  class1?: number;
  /** of which 自主研发 (not acquired). */
  class1SelfDeveloped?: number;
  /** of which Ⅰ类高价值. */
  class1HighValue?: number;
  /** of which 实际应用并已产生经济效益. */
  class1Applied?: number;
  /** Ⅱ类 (实用新型、外观设计、软件著作权). */
  class2?: number;
  inventionPatents?: number;
  utilityModels?: number;
  softwareCopyrights?: number;
}

export type Level = 'national' | 'provincial' | 'city' | 'below_city';

/** Honours: 高新技术企业, 企业技术中心, science awards (with the rank among the winners) … */
export interface Honour {
  kind: string;
  level: Level;
  year: number;
  name?: string;
  /** For awards: the enterprise's rank among the winning units (1 = first). */
  rank?: number;
}

export interface HeldTitle {
  kind: string;
  level: 'national' | 'provincial' | 'city';
  recognisedOn: string;
  validUntil?: string | null;
  revokedOn?: string | null;
}

export interface TierFacts {
  enterpriseId: string;
  name?: string;
  uscc?: string;
  unitCode?: string;
  /** GB/T 4754-2017 class, e.g. "C3421". */
  industryCode?: string;
  establishedOn?: string;
  /** Registered in Shandong (山东省内注册). */
  registeredInShandong?: boolean;
  /** 属于《战略性新兴产业分类(2018)》. */
  strategicEmerging?: boolean;
  years?: YearFigures[];
  ip?: IpHoldings[];
  honours?: Honour[];
  titles?: HeldTitle[];

  // ---- facts the registry does not hold (a facts file or a declaration supplies them) ----
  /** 从事特定细分市场 since (ISO date). */
  nicheMarketSince?: string;
  /** 新增股权融资 (合格机构投资者的实缴额), yuan, by year. */
  equityFinancing?: { year: number; amount: number }[];
  /** 专精特新 2022 #4: key_link (补短板/锻长板/填空白 成效), six_foundations (工业六基/老字号/龙头配套), other. */
  leadingProductDomain?: 'key_link' | 'six_foundations' | 'other';
  /** 中小企业数字化水平评测 level (1–4). */
  digitalLevel?: number;
  /** 专精特新 2022 #6 quality items (A–D). */
  quality?: {
    provincialQualityAward?: boolean;
    managementCertification?: boolean;
    ownBrand?: boolean;
    standardsDrafting?: boolean;
  };
  /** Main product's domestic niche-market share (0.12 = 12%) and rank. */
  marketShare?: { domestic?: number; domesticRank?: number; provinceRank?: number; leading?: boolean };
  /** Shandong's 特色化 block (专精特新 2022 #9). */
  shandong?: {
    /** 9.1 重点产业领域: A–D, or none. */
    priorityIndustry?: 'A' | 'B' | 'C' | 'D' | 'none';
    /** 9.2 创新生产经营 items met (A–F). */
    innovationItems?: string[];
    /** 9.4 上市进展: listed = 已完成上市或在新三板挂牌. */
    listing?: 'listed' | 'other';
  };
  /** 小巨人 精/链/品 facts. */
  littleGiant?: {
    /** 至少1项核心业务采用信息系统支撑. */
    informationSystem?: boolean;
    /** 取得相关管理体系认证, 或产品通过发达国家和地区产品认证. */
    certification?: boolean;
    /** 链: 位于产业链关键环节, 发挥补短板/锻长板/填空白作用. */
    keyChainLink?: boolean;
    /** 品: 主导产品属于六基 / 制造强国十大重点领域 / 网络强国重点领域 (2026: 六基 or 传统/新兴/未来产业关键环节). */
    productDomain?: boolean;
    /** 2026: 已获制造业单项冠军 — not recommended. */
    review?: boolean;
  };
  /** 专精特新发展评价得分 (platform-computed, 工信厅企业〔2024〕75号), by year. */
  developmentScore?: { year: number; score: number }[];
  /** 创客中国 national ranking: best rank reached in a year. */
  makerChina?: { year: number; rank: number }[];
  /** Independent third-party credit score. */
  creditScore?: number;
  /** 已在境内外股票市场上市 (新三板 and OTC markets excluded). */
  listed?: boolean;
  /** Controlled or acquired by a listed company. */
  controlledByListed?: boolean;
  /** Has private equity financing (私募融资, money received). */
  privateFinancing?: boolean;
  /** Latest valuation, US dollars. */
  valuationUsd?: number;
  /** 新技术、新模式、新业态、新产业 domain (独角兽). */
  newEconomyDomain?: boolean;
  /** 主导制定国际/国家/行业标准 count (瞪羚 IP alternative). */
  standardsLed?: number;
}

export interface TierFactsFile {
  format: typeof TIER_FACTS_FORMAT;
  enterprises: TierFacts[];
}

export interface FactsProblem {
  path: string;
  zh: string;
  en: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks untrusted JSON against the format and names every bad field. Returns the file or the
 * problems (never throws on bad data).
 */
export function parseTierFacts(json: unknown): { ok: true; value: TierFactsFile } | { ok: false; problems: FactsProblem[] } {
  const problems: FactsProblem[] = [];
  const bad = (path: string, zh: string, en: string) => problems.push({ path, zh, en });
  if (typeof json !== 'object' || json === null)
    return { ok: false, problems: [{ path: '', zh: '不是 JSON 对象', en: 'not a JSON object' }] };
  const o = json as Record<string, unknown>;
  if (o.format !== TIER_FACTS_FORMAT) bad('format', `必须为 ${TIER_FACTS_FORMAT}`, `must be ${TIER_FACTS_FORMAT}`);
  if (!Array.isArray(o.enterprises)) {
    bad('enterprises', '必须为数组', 'must be an array');
    return { ok: false, problems };
  }
  const num = (v: unknown, path: string, opts: { int?: boolean; min?: number } = {}) => {
    if (v === undefined || v === null) return;
    if (
      typeof v !== 'number' ||
      !Number.isFinite(v) ||
      (opts.int === true && !Number.isInteger(v)) ||
      (opts.min !== undefined && v < opts.min)
    )
      bad(
        path,
        `必须为${opts.int === true ? '整数' : '数字'}${opts.min !== undefined ? `且不小于 ${opts.min}` : ''}`,
        `must be a ${opts.int === true ? 'whole ' : ''}number${opts.min !== undefined ? ` ≥ ${opts.min}` : ''}`,
      );
  };
  const date = (v: unknown, path: string) => {
    if (v === undefined || v === null) return;
    if (typeof v !== 'string' || !ISO.test(v)) bad(path, '必须为 YYYY-MM-DD 日期', 'must be a YYYY-MM-DD date');
  };
  const bool = (v: unknown, path: string) => {
    if (v !== undefined && v !== null && typeof v !== 'boolean') bad(path, '必须为 true 或 false', 'must be true or false');
  };
  const list = (v: unknown, path: string, each: (x: Record<string, unknown>, p: string) => void) => {
    if (v === undefined || v === null) return;
    if (!Array.isArray(v)) return bad(path, '必须为数组', 'must be an array');
    v.forEach((x, i) => {
      if (typeof x !== 'object' || x === null) bad(`${path}[${i}]`, '必须为对象', 'must be an object');
      else each(x as Record<string, unknown>, `${path}[${i}]`);
    });
  };
  o.enterprises.forEach((raw, i) => {
    const p = `enterprises[${i}]`;
    if (typeof raw !== 'object' || raw === null) return bad(p, '必须为对象', 'must be an object');
    const e = raw as Record<string, unknown>;
    if (typeof e.enterpriseId !== 'string' || e.enterpriseId === '') bad(`${p}.enterpriseId`, '必填字符串', 'required string');
    date(e.establishedOn, `${p}.establishedOn`);
    date(e.nicheMarketSince, `${p}.nicheMarketSince`);
    bool(e.strategicEmerging, `${p}.strategicEmerging`);
    bool(e.registeredInShandong, `${p}.registeredInShandong`);
    list(e.years, `${p}.years`, (y, q) => {
      num(y.year, `${q}.year`, { int: true, min: 1900 });
      for (const k of ['revenue', 'mainBusinessRevenue', 'rdExpense', 'totalAssets', 'totalLiabilities', 'employees', 'rdStaff'])
        num(y[k], `${q}.${k}`, { min: 0 });
      num(y.netProfit, `${q}.netProfit`);
    });
    list(e.ip, `${p}.ip`, (y, q) => {
      num(y.year, `${q}.year`, { int: true, min: 1900 });
      for (const k of [
        'class1',
        'class1SelfDeveloped',
        'class1HighValue',
        'class1Applied',
        'class2',
        'inventionPatents',
        'utilityModels',
        'softwareCopyrights',
      ])
        num(y[k], `${q}.${k}`, { int: true, min: 0 });
    });
    list(e.honours, `${p}.honours`, (h, q) => {
      if (typeof h.kind !== 'string') bad(`${q}.kind`, '必填字符串', 'required string');
      if (!['national', 'provincial', 'city', 'below_city'].includes(h.level as string))
        bad(`${q}.level`, '必须为 national/provincial/city/below_city', 'must be national/provincial/city/below_city');
      num(h.year, `${q}.year`, { int: true, min: 1900 });
      num(h.rank, `${q}.rank`, { int: true, min: 1 });
    });
    list(e.titles, `${p}.titles`, (t, q) => {
      if (typeof t.kind !== 'string') bad(`${q}.kind`, '必填字符串', 'required string');
      date(t.recognisedOn, `${q}.recognisedOn`);
      if (t.recognisedOn === undefined) bad(`${q}.recognisedOn`, '必填日期', 'required date');
      date(t.validUntil, `${q}.validUntil`);
      date(t.revokedOn, `${q}.revokedOn`);
    });
    list(e.equityFinancing, `${p}.equityFinancing`, (x, q) => {
      num(x.year, `${q}.year`, { int: true, min: 1900 });
      num(x.amount, `${q}.amount`, { min: 0 });
    });
    list(e.developmentScore, `${p}.developmentScore`, (x, q) => {
      num(x.year, `${q}.year`, { int: true, min: 1900 });
      num(x.score, `${q}.score`, { min: 0 });
    });
    list(e.makerChina, `${p}.makerChina`, (x, q) => {
      num(x.year, `${q}.year`, { int: true, min: 1900 });
      num(x.rank, `${q}.rank`, { int: true, min: 1 });
    });
    num(e.digitalLevel, `${p}.digitalLevel`, { int: true, min: 1 });
    num(e.creditScore, `${p}.creditScore`, { min: 0 });
    num(e.valuationUsd, `${p}.valuationUsd`, { min: 0 });
    num(e.standardsLed, `${p}.standardsLed`, { int: true, min: 0 });
    if (
      e.leadingProductDomain !== undefined &&
      !['key_link', 'six_foundations', 'other'].includes(e.leadingProductDomain as string)
    )
      bad(`${p}.leadingProductDomain`, '必须为 key_link/six_foundations/other', 'must be key_link/six_foundations/other');
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: o as unknown as TierFactsFile };
}
