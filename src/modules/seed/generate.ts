/**
 * The deterministic synthetic Jinan data set (pure: no I/O, no clock, no Math.random).
 *
 * Same `seed` + `enterprises` + `asOf` → identical output. Enterprises are referred to by their
 * index in `enterprises`, carriers by their index in `carriers`; the seeding service maps the
 * indices to database ids.
 *
 * Conventions (documented choices):
 * - Title validity: `validUntil` = recognisedOn + 3 years − 1 day, the last day of validity
 *   (inclusive, as registry/domain.ts `titleStatus` reads it). Unicorns have no validity end
 *   (null): the list is annual and DOMAIN.md gives no validity.
 * - All titles in one batch share the batch's publication date (fixed calendar below).
 * - A renewal is a new row with recognition 'renewal': either 复核 at the batch nearest the
 *   expiry (validity continues) or re-application at a later batch (a gap).
 * - Money is integer yuan; yearly figures for 2023–2025 (only years the firm existed).
 */
import { makeUscc } from '../../shared/uscc.ts';
import { INDUSTRIES, JINAN_UNITS, type Level, type SizeClass, type TitleKind } from '../registry/reference.ts';
import { Rng } from './prng.ts';
import {
  BUILDINGS,
  GIVEN_CHARS,
  INDUSTRY_WEIGHTS,
  INDUSTRY_WORDS,
  MOBILE_PREFIXES,
  OLD_INDUSTRY_WORDS,
  REVOKE_REASONS,
  ROADS,
  SOFTWARE_INDUSTRIES,
  SURNAMES,
  TECH_INDUSTRIES,
  TRADE_FIRST,
  TRADE_SECOND,
  TRADE_WHOLE,
  UNIT_ADDRESS_NAME,
  UNIT_NAME_PREFIX,
  UNIT_WEIGHTS,
} from './vocabulary.ts';

export const DEFAULT_AS_OF = '2026-11-27';
export const DEMO_PASSWORD = 'Jinan@2025!';
export const FIGURE_YEARS = [2023, 2024, 2025] as const;

export interface GenerateOptions {
  seed: number;
  enterprises: number;
  /** The "today" of the data set: nothing is recognised or dated after it. */
  asOf?: string;
}

export interface GenEnterprise {
  uscc: string;
  name: string;
  unitCode: string;
  industryCode: string;
  establishedOn: string;
  sizeClass: SizeClass;
  address: string;
  strategicEmerging: boolean;
  /** Plain text here; the service encrypts both. */
  contactName: string;
  contactPhone: string;
}

export interface GenFormerName {
  enterprise: number;
  name: string;
  usedUntil: string;
}

export interface GenYearly {
  enterprise: number;
  year: number;
  revenue: number;
  mainBusinessRevenue: number;
  rdExpense: number;
  netProfit: number;
  totalAssets: number;
  totalLiabilities: number;
  employees: number;
  rdStaff: number;
}

export interface GenIp {
  enterprise: number;
  year: number;
  inventionPatents: number;
  utilityModels: number;
  designPatents: number;
  softwareCopyrights: number;
  trademarks: number;
  class1: number;
  class2: number;
  class1HighValue: number;
}

export interface GenHonour {
  enterprise: number;
  kind: string;
  name: string;
  level: Level;
  year: number;
}

export interface GenTitle {
  enterprise: number;
  kind: TitleKind;
  level: Level;
  batch: string;
  recognisedOn: string;
  validUntil: string | null;
  recognition: 'first' | 'renewal';
  revokedOn: string | null;
  revokeReason: string | null;
}

export type GenCarrierKind = 'demo_base' | 'service_platform' | 'park' | 'cluster';

export interface GenCarrier {
  kind: GenCarrierKind;
  name: string;
  level: Level;
  unitCode: string;
  operatorUscc: string | null;
  recognisedOn: string;
  validUntil: string | null;
  leadingIndustry: string | null;
}

export interface GenResidency {
  enterprise: number;
  carrier: number;
  fromDate: string;
  toDate: string | null;
}

export type GenRole =
  | 'city_officer'
  | 'district_officer'
  | 'finance_officer'
  | 'bank_officer'
  | 'enterprise_user'
  | 'carrier_operator'
  | 'university'
  | 'judge'
  | 'penalty_agency'
  | 'admin';

export interface GenUser {
  username: string;
  displayName: string;
  role: GenRole;
  unitCode: string | null;
  enterprise: number | null;
  carrier: number | null;
  organisation: string | null;
}

export interface Dataset {
  seed: number;
  asOf: string;
  enterprises: GenEnterprise[];
  formerNames: GenFormerName[];
  yearly: GenYearly[];
  ip: GenIp[];
  honours: GenHonour[];
  titles: GenTitle[];
  carriers: GenCarrier[];
  residencies: GenResidency[];
  users: GenUser[];
}

// ---------------------------------------------------------------------------------------------
// Dates (ISO strings, UTC arithmetic: calendar dates only)

const DAY = 86_400_000;
function toDay(iso: string): number {
  return Date.parse(iso + 'T00:00:00Z') / DAY;
}
function fromDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}
export function addDays(iso: string, days: number): string {
  return fromDay(toDay(iso) + days);
}
export function addYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5);
  // 29 February → 28 February in a common year.
  if (md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return `${y}-02-28`;
  return `${y}${iso.slice(4)}`;
}
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(yy, mm + 1, 0)).getUTCDate();
  const d = Math.min(Number(iso.slice(8, 10)), last);
  return `${yy}-${String(mm + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
/** Last day of validity for a 3-year title recognised on `iso`. */
export function threeYearValidity(iso: string): string {
  return addDays(addYears(iso, 3), -1);
}
function randomDate(rng: Rng, from: string, to: string): string {
  const a = toDay(from);
  const b = toDay(to);
  if (b <= a) return from;
  return fromDay(rng.int(a, b));
}
function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

// ---------------------------------------------------------------------------------------------
// Batch calendar: one fixed publication date per batch.

interface Batch {
  date: string;
  batch: string;
}

const CN_NUM = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

function yearlyBatches(years: [number, number], monthDays: string[][], label: (year: number, i: number) => string): Batch[] {
  const out: Batch[] = [];
  for (let y = years[0]; y <= years[1]; y++) {
    const md = monthDays[y - years[0]] ?? monthDays[monthDays.length - 1]!;
    md.forEach((d, i) => out.push({ date: `${y}-${d}`, batch: label(y, i) }));
  }
  return out;
}

type TitleKey = `${TitleKind}:${Level}`;

/** Publication dates of the batches, by title and level (typical months; synthetic days). */
export const BATCH_CALENDAR: Record<string, Batch[]> = {
  // Shandong 创新型中小企业 (evaluated since the 2022 梯度培育 rules): two or three batches a year.
  'innovative_sme:provincial': yearlyBatches(
    [2022, 2026],
    [
      ['08-26', '12-20'],
      ['05-19', '09-15', '12-22'],
      ['05-24', '09-20', '12-20'],
      ['05-23', '09-19', '12-19'],
      ['05-22', '09-18', '12-18'],
    ],
    (y, i) => `${y}年第${CN_NUM[i + 1]}批`,
  ),
  // Shandong 专精特新中小企业: June and December.
  'specialized_sme:provincial': yearlyBatches(
    [2019, 2026],
    [
      ['06-20', '12-18'],
      ['06-19', '12-18'],
      ['06-18', '12-17'],
      ['06-17', '12-16'],
      ['06-16', '12-15'],
      ['06-14', '12-13'],
      ['06-13', '12-12'],
      ['06-12', '12-11'],
    ],
    (y, i) => `${y}年第${CN_NUM[i + 1]}批`,
  ),
  // MIIT 专精特新"小巨人": one batch a year, July–August (第一批 2019).
  'little_giant:national': yearlyBatches(
    [2019, 2026],
    [['07-26'], ['08-14'], ['07-19'], ['08-11'], ['07-28'], ['08-02'], ['07-25'], ['08-07']],
    (y) => `第${CN_NUM[y - 2018]}批（${y}年）`,
  ),
  // MIIT 制造业单项冠军: November–December (第四批 2019).
  'manufacturing_champion:national': yearlyBatches(
    [2019, 2026],
    [['11-28'], ['12-04'], ['11-25'], ['11-18'], ['12-08'], ['12-13'], ['12-05'], ['12-04']],
    (y) => `第${CN_NUM[y - 2015]}批（${y}年）`,
  ),
  // Shandong 瞪羚: yearly list, November–December.
  'gazelle:provincial': yearlyBatches(
    [2019, 2026],
    [['12-20'], ['12-18'], ['12-17'], ['12-16'], ['12-15'], ['12-13'], ['12-12'], ['11-20']],
    (y) => `${y}年度`,
  ),
  // Jinan 市级瞪羚: yearly, October.
  'gazelle:city': yearlyBatches(
    [2019, 2026],
    [['10-18'], ['10-16'], ['10-15'], ['10-21'], ['10-20'], ['10-18'], ['10-17'], ['10-16']],
    (y) => `${y}年度`,
  ),
  // Shandong 独角兽: yearly, December (2026 list earlier).
  'unicorn:provincial': yearlyBatches(
    [2019, 2026],
    [['12-27'], ['12-25'], ['12-24'], ['12-23'], ['12-22'], ['12-20'], ['12-19'], ['11-13']],
    (y) => `${y}年度`,
  ),
};

/** Relative number of first recognitions per year, 2019 … 2026 (more each year). */
const FIRST_YEAR_WEIGHTS: Record<string, number[]> = {
  'innovative_sme:provincial': [0, 0, 0, 15, 20, 23, 25, 25],
  'specialized_sme:provincial': [6, 8, 11, 14, 17, 19, 18, 16],
  'little_giant:national': [5, 6, 9, 12, 14, 15, 17, 18],
  'manufacturing_champion:national': [1, 1, 2, 2, 3, 3, 3, 0],
  'gazelle:provincial': [6, 8, 10, 13, 16, 18, 18, 16],
  'gazelle:city': [6, 8, 10, 13, 16, 18, 18, 16],
  'unicorn:provincial': [0, 1, 1, 1, 1, 1, 1, 1],
};

const RENEW_PROBABILITY: Record<string, number> = {
  'innovative_sme:provincial': 0.6,
  'specialized_sme:provincial': 0.72,
  'little_giant:national': 0.82,
  'manufacturing_champion:national': 0.75,
  'gazelle:provincial': 0.5,
  'gazelle:city': 0.45,
  'unicorn:provincial': 0,
};
const REVOKE_PROBABILITY = 0.01;

/** Distinct holders per title for 20,000 enterprises (scaled linearly). */
export const TARGETS_PER_20000 = {
  innovative: 2300,
  specialized: 1100,
  littleGiant: 85,
  champion: 15,
  gazelleProvincial: 560,
  gazelleCityOnly: 170,
  unicorn: 6,
};

// ---------------------------------------------------------------------------------------------

interface Draft {
  unitCode: string;
  industryCode: string;
  tech: boolean;
  software: boolean;
  manufacturing: boolean;
  establishedOn: string;
  sizeClass: SizeClass;
  /** Gazelle-like growth (set for gazelle holders and some others). */
  fastGrowth: boolean;
  /** Holds any of innovative / specialized / little giant. */
  quality: boolean;
}

const SIZE_WEIGHTS: Record<SizeClass, number> = { micro: 60, small: 30, medium: 8.5, large: 1.5 };

function scaled(perTwenty: number, n: number, atLeastOne: boolean): number {
  const v = Math.round((perTwenty * n) / 20000);
  return atLeastOne && n >= 100 ? Math.max(1, v) : v;
}

export function generateDataset(opts: GenerateOptions): Dataset {
  const asOf = opts.asOf ?? DEFAULT_AS_OF;
  const n = Math.max(0, Math.floor(opts.enterprises));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`asOf must be an ISO date, got '${asOf}'`);
  const root = new Rng(opts.seed);
  const rngBase = root.fork('enterprises');
  const rngNames = root.fork('names');
  const rngTitles = root.fork('titles');
  const rngFigures = root.fork('figures');
  const rngIp = root.fork('ip');
  const rngHonours = root.fork('honours');
  const rngCarriers = root.fork('carriers');
  const rngResidency = root.fork('residencies');

  const industryByCode = new Map(INDUSTRIES.map((i) => [i.code, i]));
  const industryCodes = INDUSTRIES.map((i) => i.code);
  const unitCodes = JINAN_UNITS.map((u) => u.code);
  const unitByCode = new Map(JINAN_UNITS.map((u) => [u.code, u]));
  const lastEstablished = minDate('2025-12-31', addDays(asOf, -1));
  const lastYear = Number(lastEstablished.slice(0, 4));

  // ---- 1. enterprises: base attributes ----
  const drafts: Draft[] = [];
  const yearChoices: number[] = [];
  const yearWeights: number[] = [];
  for (let y = 1995; y <= lastYear; y++) {
    yearChoices.push(y);
    // More firms founded in recent years (survivors of earlier cohorts are fewer).
    yearWeights.push(1 + (y - 1995) * 0.35);
  }
  for (let i = 0; i < n; i++) {
    const unitCode = rngBase.weighted(
      unitCodes,
      unitCodes.map((c) => UNIT_WEIGHTS[c] ?? 1),
    );
    const industryCode = rngBase.weighted(
      industryCodes,
      industryCodes.map((c) => INDUSTRY_WEIGHTS[c] ?? 1),
    );
    const estYear = rngBase.weighted(yearChoices, yearWeights);
    const establishedOn = minDate(randomDate(rngBase, `${estYear}-01-01`, `${estYear}-12-31`), lastEstablished);
    const age = Number(asOf.slice(0, 4)) - estYear;
    const sw = { ...SIZE_WEIGHTS };
    if (age < 3) {
      sw.micro *= 1.6;
      sw.medium *= 0.3;
      sw.large *= 0.1;
    } else if (age > 15) {
      sw.micro *= 0.6;
      sw.medium *= 1.7;
      sw.large *= 1.8;
    }
    const sizes: SizeClass[] = ['micro', 'small', 'medium', 'large'];
    const sizeClass = rngBase.weighted(
      sizes,
      sizes.map((s) => sw[s]),
    );
    drafts.push({
      unitCode,
      industryCode,
      tech: TECH_INDUSTRIES.has(industryCode),
      software: SOFTWARE_INDUSTRIES.has(industryCode),
      manufacturing: industryCode.startsWith('C'),
      establishedOn,
      sizeClass,
      fastGrowth: false,
      quality: false,
    });
  }

  // The demo enterprise (user `enterprise`): a small, established firm in 历下区 holding titles.
  let demo = -1;
  if (n > 0) {
    demo = drafts.findIndex(
      (d) => d.unitCode === '370102' && d.sizeClass === 'small' && d.tech && d.establishedOn <= '2016-12-31',
    );
    if (demo < 0) {
      demo = 0;
      const d = drafts[0]!;
      d.unitCode = '370102';
      d.sizeClass = 'small';
      d.industryCode = 'I6513';
      d.tech = true;
      d.software = true;
      d.manufacturing = false;
      d.establishedOn = '2012-05-16';
    }
  }

  // ---- 2. titles ----
  const titles: GenTitle[] = [];
  const firstDate = new Map<string, string>(); // `${i}|${key}` → first recognition date
  const noRevoke = new Set<number>([demo]);

  const batchesOf = (key: TitleKey) => (BATCH_CALENDAR[key] ?? []).filter((b) => b.date <= asOf);

  /** Picks a first-recognition batch for `key` strictly after `after` and not after `before`. */
  const pickFirstBatch = (key: TitleKey, after: string, before: string = asOf): number => {
    const batches = batchesOf(key);
    const weights = FIRST_YEAR_WEIGHTS[key]!;
    const idx: number[] = [];
    const w: number[] = [];
    batches.forEach((b, k) => {
      if (b.date > after && b.date <= before) {
        const yw = weights[Number(b.date.slice(0, 4)) - 2019] ?? 0;
        const perYear = batches.filter((x) => x.date.slice(0, 4) === b.date.slice(0, 4)).length;
        if (yw > 0) {
          idx.push(k);
          w.push(yw / perYear);
        }
      }
    });
    if (idx.length === 0) return -1;
    return rngTitles.weighted(idx, w);
  };

  /** Writes the rows of one title chain (first recognition and any renewals). */
  const addChain = (i: number, key: TitleKey, firstBatch: number, opts2: { forceInForce?: boolean } = {}): void => {
    const [kind, level] = key.split(':') as [TitleKind, Level];
    const batches = batchesOf(key);
    let k = firstBatch;
    let recognition: 'first' | 'renewal' = 'first';
    for (let guard = 0; guard < 6 && k >= 0 && k < batches.length; guard++) {
      const b = batches[k]!;
      const validUntil = kind === 'unicorn' ? null : threeYearValidity(b.date);
      const row: GenTitle = {
        enterprise: i,
        kind,
        level,
        batch: b.batch,
        recognisedOn: b.date,
        validUntil,
        recognition,
        revokedOn: null,
        revokeReason: null,
      };
      titles.push(row);
      if (recognition === 'first') firstDate.set(`${i}|${key}`, b.date);
      if (!noRevoke.has(i) && rngTitles.chance(REVOKE_PROBABILITY)) {
        const end = minDate(validUntil ?? asOf, asOf);
        const from = addDays(b.date, 60);
        if (from <= end) {
          row.revokedOn = randomDate(rngTitles, from, end);
          row.revokeReason = rngTitles.pick(REVOKE_REASONS);
          return;
        }
      }
      if (!validUntil || validUntil >= asOf) return;
      if (!opts2.forceInForce && !rngTitles.chance(RENEW_PROBABILITY[key] ?? 0)) return;
      // 复核 at the batch nearest the expiry (±200 days), else re-application at a later batch.
      const reapply = !opts2.forceInForce && rngTitles.chance(0.3);
      let next = -1;
      for (let j = k + 1; j < batches.length; j++) {
        const d = batches[j]!.date;
        if (!reapply && d >= addDays(validUntil, -200) && d <= addDays(validUntil, 200)) {
          next = j;
          break;
        }
        if (reapply && d > addDays(validUntil, 150)) {
          next = j;
          break;
        }
      }
      if (next < 0) return;
      k = next;
      recognition = 'renewal';
    }
  };

  const sizeW = (d: Draft, w: Record<SizeClass, number>) => w[d.sizeClass];
  const eligibleAfter = (d: Draft, years: number) => addYears(d.establishedOn, years);

  // 2a. 专精特新 (provincial): SMEs, ≥ 2 years old.
  const kSpecialized = scaled(TARGETS_PER_20000.specialized, n, true);
  const specialized = new Set<number>();
  if (demo >= 0) {
    const b = batchesOf('specialized_sme:provincial').findIndex((x) => x.date.startsWith('2024-06'));
    addChain(demo, 'specialized_sme:provincial', b >= 0 ? b : pickFirstBatch('specialized_sme:provincial', '2000-01-01'), {
      forceInForce: true,
    });
    specialized.add(demo);
  }
  {
    const weights = drafts.map((d, i) => {
      if (i === demo || d.sizeClass === 'large') return 0;
      if (eligibleAfter(d, 2) > asOf) return 0;
      let w = sizeW(d, { micro: 0.15, small: 3, medium: 4, large: 0 });
      w *= d.tech ? 2.2 : d.manufacturing ? 1.5 : 0.2;
      return w;
    });
    for (const i of rngTitles.sampleWeighted(weights, kSpecialized - specialized.size)) {
      const b = pickFirstBatch('specialized_sme:provincial', eligibleAfter(drafts[i]!, 2));
      if (b < 0) continue;
      addChain(i, 'specialized_sme:provincial', b);
      specialized.add(i);
    }
  }

  // 2b. 小巨人 (national): from the specialized SMEs, after their first specialized recognition.
  const kGiant = scaled(TARGETS_PER_20000.littleGiant, n, true);
  const giants = new Set<number>();
  {
    const pool = [...specialized].filter((i) => i !== demo);
    const weights = pool.map((i) => {
      const d = drafts[i]!;
      // Earlier specialized SMEs had more time to grow into little giants.
      const sYear = Number(firstDate.get(`${i}|specialized_sme:provincial`)!.slice(0, 4));
      const seniority = Math.max(0.3, Number(asOf.slice(0, 4)) - sYear);
      return sizeW(d, { micro: 0.2, small: 2, medium: 3, large: 0 }) * (d.manufacturing ? 2 : 1) * seniority * seniority;
    });
    for (const p of rngTitles.sampleWeighted(weights, kGiant)) {
      const i = pool[p]!;
      const after = firstDate.get(`${i}|specialized_sme:provincial`)!;
      const b = pickFirstBatch('little_giant:national', after);
      if (b < 0) continue;
      addChain(i, 'little_giant:national', b);
      giants.add(i);
    }
  }

  // 2c. 创新型 (provincial, since 2022): most specialized SMEs recognised from 2023 passed through
  // it first; then other firms.
  const kInnovative = scaled(TARGETS_PER_20000.innovative, n, true);
  const innovative = new Set<number>();
  if (demo >= 0) {
    const b = batchesOf('innovative_sme:provincial').findIndex((x) => x.date.startsWith('2022-12'));
    if (b >= 0) {
      addChain(demo, 'innovative_sme:provincial', b, { forceInForce: true });
      innovative.add(demo);
    }
  }
  for (const i of specialized) {
    if (innovative.has(i)) continue;
    const sDate = firstDate.get(`${i}|specialized_sme:provincial`)!;
    const before = addDays(sDate, -1);
    if (sDate >= '2023-01-01' ? rngTitles.chance(0.85) : rngTitles.chance(0.25)) {
      const b =
        sDate >= '2023-01-01'
          ? pickFirstBatch('innovative_sme:provincial', eligibleAfter(drafts[i]!, 1), before)
          : pickFirstBatch('innovative_sme:provincial', eligibleAfter(drafts[i]!, 1));
      if (b < 0) continue;
      addChain(i, 'innovative_sme:provincial', b);
      innovative.add(i);
    }
  }
  {
    const weights = drafts.map((d, i) => {
      if (innovative.has(i) || specialized.has(i) || d.sizeClass === 'large') return 0;
      if (eligibleAfter(d, 1) > asOf) return 0;
      return sizeW(d, { micro: 1, small: 2.2, medium: 1.6, large: 0 }) * (d.tech ? 2.5 : d.manufacturing ? 1 : 0.25);
    });
    for (const i of rngTitles.sampleWeighted(weights, Math.max(0, kInnovative - innovative.size))) {
      const b = pickFirstBatch('innovative_sme:provincial', eligibleAfter(drafts[i]!, 1));
      if (b < 0) continue;
      addChain(i, 'innovative_sme:provincial', b);
      innovative.add(i);
    }
  }

  // 2d. 单项冠军 (national): established manufacturers (≥ 10 years), mostly medium and large.
  const kChampion = scaled(TARGETS_PER_20000.champion, n, true);
  const champions = new Set<number>();
  {
    const weights = drafts.map((d) => {
      if (!d.manufacturing || eligibleAfter(d, 10) > asOf) return 0;
      return sizeW(d, { micro: 0, small: 0.3, medium: 2, large: 6 }) * (d.tech ? 1.5 : 1);
    });
    for (const i of rngTitles.sampleWeighted(weights, kChampion)) {
      const b = pickFirstBatch('manufacturing_champion:national', eligibleAfter(drafts[i]!, 10));
      if (b < 0) continue;
      addChain(i, 'manufacturing_champion:national', b);
      champions.add(i);
    }
  }

  // 2e. 瞪羚: provincial (some came through the city list first) and city-only.
  const kGazelleP = scaled(TARGETS_PER_20000.gazelleProvincial, n, true);
  const kGazelleC = scaled(TARGETS_PER_20000.gazelleCityOnly, n, false);
  const gazelles = new Set<number>();
  {
    const weights = drafts.map((d, i) => {
      if (i === demo || d.sizeClass === 'large' || eligibleAfter(d, 3) > asOf) return 0;
      let w = sizeW(d, { micro: 0.4, small: 2, medium: 2.2, large: 0 });
      w *= d.tech ? 2 : d.manufacturing ? 1 : 0.4;
      if (d.establishedOn >= '2010-01-01') w *= 1.6;
      if (specialized.has(i)) w *= 1.5;
      return w;
    });
    const chosen = rngTitles.sampleWeighted(weights, kGazelleP + kGazelleC);
    chosen.forEach((i, pos) => {
      const provincial = pos < kGazelleP;
      const start = eligibleAfter(drafts[i]!, 3);
      if (provincial) {
        const b = pickFirstBatch('gazelle:provincial', start);
        if (b < 0) return;
        const pDate = batchesOf('gazelle:provincial')[b]!.date;
        if (rngTitles.chance(0.3)) {
          const c = pickFirstBatch('gazelle:city', start, addDays(pDate, -1));
          if (c >= 0) addChain(i, 'gazelle:city', c);
        }
        addChain(i, 'gazelle:provincial', b);
      } else {
        const c = pickFirstBatch('gazelle:city', start);
        if (c < 0) return;
        addChain(i, 'gazelle:city', c);
      }
      gazelles.add(i);
    });
  }

  // 2f. 独角兽 (provincial): young (founded ≥ 2016), emerging industries, medium or large.
  const kUnicorn = scaled(TARGETS_PER_20000.unicorn, n, true);
  const unicorns = new Set<number>();
  {
    const weights = drafts.map((d, i) => {
      if (i === demo || d.establishedOn < '2016-01-01' || !industryByCode.get(d.industryCode)?.emerging) return 0;
      if (eligibleAfter(d, 2) > asOf) return 0;
      return sizeW(d, { micro: 0, small: 0.3, medium: 3, large: 4 });
    });
    for (const i of rngTitles.sampleWeighted(weights, kUnicorn)) {
      const d = drafts[i]!;
      const b = pickFirstBatch('unicorn:provincial', eligibleAfter(d, 2), addYears(d.establishedOn, 10));
      if (b < 0) continue;
      addChain(i, 'unicorn:provincial', b);
      unicorns.add(i);
    }
  }

  for (const i of [...innovative, ...specialized, ...giants]) drafts[i]!.quality = true;
  for (const i of [...gazelles, ...unicorns]) drafts[i]!.fastGrowth = true;
  drafts.forEach((d) => {
    if (!d.fastGrowth && d.sizeClass !== 'large' && rngFigures.chance(0.06)) d.fastGrowth = true;
  });

  // ---- 3. identity: USCC, names, addresses, contacts ----
  const usedUscc = new Set<string>();
  const newUscc = (rng: Rng, area6: string, established: string): string => {
    for (;;) {
      let body: string;
      if (established >= '2015-10-01') {
        const prefix = established >= '2021-01-01' ? rng.pick(['MAC', 'MAD', 'MA9']) : 'MA3';
        const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
        body = prefix;
        while (body.length < 8) body += alphabet[rng.int(0, alphabet.length - 1)];
      } else {
        body = '';
        // Older codes: eight digits, often starting with 1/5/6/7 in Shandong samples.
        body += rng.pick(['0', '1', '5', '6', '7', '7', '6', '5']);
        while (body.length < 8) body += String(rng.int(0, 9));
      }
      const code = makeUscc('9', '1', area6, body);
      if (!usedUscc.has(code)) {
        usedUscc.add(code);
        return code;
      }
    }
  };
  const areaFor = (rng: Rng, unitCode: string): string => {
    const r = rng.next();
    if (r < 0.05) return '370000';
    if (r < 0.5) return '370100';
    const unit = unitByCode.get(unitCode);
    if (unit?.kind === 'zone') return unitCode === 'Z-HTZ' && rng.chance(0.5) ? '370100' : rng.pick(unit.overlays);
    return unitCode;
  };

  const usedNames = new Set<string>();
  const tradeName = (rng: Rng): string => {
    if (rng.chance(0.04)) return rng.pick(TRADE_WHOLE);
    const a = rng.pick(TRADE_FIRST);
    let b = rng.pick(TRADE_SECOND);
    while (b === a) b = rng.pick(TRADE_SECOND);
    if (rng.chance(0.08)) return a + b + rng.pick(TRADE_SECOND);
    return a + b;
  };
  const suffixFor = (rng: Rng, size: SizeClass): string => {
    const share = size === 'large' ? 0.55 : size === 'medium' ? 0.3 : 0.07;
    const r = rng.next();
    if (r < share) return '股份有限公司';
    if (r < share + 0.09) return '有限责任公司';
    return '有限公司';
  };
  const composeName = (rng: Rng, d: Draft, opts2: { industryWord?: string; region?: string } = {}): string => {
    const trade = tradeName(rng);
    const word = opts2.industryWord ?? rng.pick(INDUSTRY_WORDS[d.industryCode] ?? ['科技']);
    const suffix = suffixFor(rng, d.sizeClass);
    const local = UNIT_NAME_PREFIX[d.unitCode];
    const region =
      opts2.region ??
      (local && rng.chance(0.45)
        ? rng.chance(0.5)
          ? '济南' + local
          : local
        : rng.weightedPairs([
            ['济南', 45],
            ['山东', 35],
            ['', 6],
            ['(', 14],
          ] as const));
    if (region === '(') return `${trade}（${rng.chance(0.6) ? '济南' : '山东'}）${word}${suffix}`;
    return `${region}${trade}${word}${suffix}`;
  };
  const uniqueName = (rng: Rng, make: () => string): string => {
    for (let tries = 0; ; tries++) {
      const name = make();
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
      if (tries > 200) {
        // Practically unreachable; keeps the loop finite for huge data sets.
        const numbered = name.replace(/(有限公司|有限责任公司|股份有限公司)$/, `第${tries}$1`);
        if (!usedNames.has(numbered)) {
          usedNames.add(numbered);
          return numbered;
        }
      }
    }
  };
  const personName = (rng: Rng): string => {
    const s = rng.weightedPairs(SURNAMES);
    return s + rng.pick(GIVEN_CHARS) + (rng.chance(0.65) ? rng.pick(GIVEN_CHARS) : '');
  };
  const mobile = (rng: Rng): string => {
    let p = rng.pick(MOBILE_PREFIXES);
    while (p.length < 11) p += String(rng.int(0, 9));
    return p;
  };

  const enterprises: GenEnterprise[] = [];
  const formerNames: GenFormerName[] = [];
  drafts.forEach((d, i) => {
    const name = uniqueName(rngNames, () => composeName(rngNames, d));
    const uscc = newUscc(rngNames, areaFor(rngNames, d.unitCode), d.establishedOn);
    const roads = ROADS[d.unitCode] ?? ['经十路'];
    let address = `济南市${UNIT_ADDRESS_NAME[d.unitCode] ?? ''}${rngNames.pick(roads)}${rngNames.int(1, 3999)}号`;
    if (rngNames.chance(0.4))
      address += `${rngNames.pick(BUILDINGS)}${rngNames.int(1, 20)}号楼${rngNames.int(1, 25)}${String(rngNames.int(1, 20)).padStart(2, '0')}室`;
    enterprises.push({
      uscc,
      name,
      unitCode: d.unitCode,
      industryCode: d.industryCode,
      establishedOn: d.establishedOn,
      sizeClass: d.sizeClass,
      address,
      strategicEmerging: industryByCode.get(d.industryCode)?.emerging ?? false,
      contactName: personName(rngNames),
      contactPhone: mobile(rngNames),
    });
    // Former names (~6%, more for older firms): a local firm that "upgraded" its name.
    const age = Number(asOf.slice(0, 4)) - Number(d.establishedOn.slice(0, 4));
    if (age >= 3 && rngNames.chance(age > 12 ? 0.1 : 0.05)) {
      const count = rngNames.chance(0.15) ? 2 : 1;
      let until = randomDate(rngNames, addYears(d.establishedOn, 1), addDays(asOf, -60));
      for (let c = 0; c < count; c++) {
        const former = uniqueName(rngNames, () =>
          c === 0 && name.startsWith('山东') && rngNames.chance(0.6)
            ? // A 济南 firm that later registered a 山东-prefixed name (省名冠名).
              name.replace(/^山东/, '济南').replace(/(股份有限公司|有限责任公司)$/, '有限公司')
            : composeName(rngNames, d, { industryWord: rngNames.pick(OLD_INDUSTRY_WORDS) }),
        );
        formerNames.push({ enterprise: i, name: former, usedUntil: until });
        const earlier = addDays(until, -365);
        if (earlier <= addYears(d.establishedOn, 1)) break;
        until = randomDate(rngNames, addYears(d.establishedOn, 1), earlier);
      }
    }
  });

  // ---- 4. yearly figures ----
  const yearly: GenYearly[] = [];
  const revenue2025: number[] = [];
  drafts.forEach((d, i) => {
    const r = rngFigures;
    let employees25: number;
    let revenue25: number;
    switch (d.sizeClass) {
      case 'micro':
        employees25 = Math.round(r.clampedNormal(8, 4, 2, 19));
        revenue25 = r.logNormal(1_600_000, 0.6);
        revenue25 = Math.min(2_950_000, Math.max(120_000, revenue25));
        break;
      case 'small':
        employees25 = Math.round(Math.min(299, Math.max(20, r.logNormal(60, 0.55))));
        revenue25 = Math.min(19_900_000, Math.max(3_000_000, r.logNormal(9_000_000, 0.5)));
        break;
      case 'medium':
        employees25 = Math.round(Math.min(999, Math.max(300, r.logNormal(420, 0.35))));
        revenue25 = Math.min(399_000_000, Math.max(20_000_000, r.logNormal(80_000_000, 0.6)));
        break;
      default:
        employees25 = Math.round(Math.min(12_000, Math.max(1000, r.logNormal(2000, 0.5))));
        revenue25 = Math.min(20_000_000_000, Math.max(400_000_000, r.logNormal(1_200_000_000, 0.7)));
    }
    // Specialized SMEs (2022 rules) have revenue ≥ ¥10m.
    if ((specialized.has(i) || giants.has(i)) && revenue25 < 10_000_000) revenue25 = r.real(10_000_000, 19_000_000);
    revenue2025.push(revenue25);
    const growth = d.fastGrowth ? r.real(0.24, 0.65) : r.clampedNormal(0.07, 0.12, -0.35, 0.6);
    const rdMean = d.quality ? 0.048 : d.tech ? 0.035 : 0.012;
    const rdSd = d.quality ? 0.012 : d.tech ? 0.015 : 0.008;
    const rdLo = d.quality ? 0.03 : 0;
    const rdIntensity = r.clampedNormal(rdMean, rdSd, rdLo, 0.15);
    const rdShare = d.quality
      ? r.clampedNormal(0.22, 0.06, 0.1, 0.6)
      : d.tech
        ? r.clampedNormal(0.15, 0.07, 0, 0.5)
        : r.clampedNormal(0.04, 0.03, 0, 0.2);
    const margin = r.normal(d.fastGrowth ? 0.08 : 0.05, 0.08);
    const assetTurn = r.logNormal(d.software ? 0.8 : 1.2, 0.35);
    const leverage = r.real(0.15, 0.78);
    const mainShare = r.real(0.86, 1.0);

    const estYear = Number(d.establishedOn.slice(0, 4));
    let rev = revenue25;
    let emp = employees25;
    const rows: GenYearly[] = [];
    for (let y = 2025; y >= 2023; y--) {
      if (y >= estYear) {
        let yRev = rev;
        if (y === estYear) {
          // Partial first year.
          const frac = (toDay(`${y}-12-31`) - toDay(d.establishedOn) + 1) / 365;
          yRev = rev * Math.max(0.05, Math.min(1, frac));
        }
        const revenue = Math.max(0, Math.round(yRev));
        const intensity = Math.max(rdLo, rdIntensity + r.normal(0, 0.003));
        const employees = Math.max(1, Math.round(emp));
        const rdStaff = Math.min(employees, Math.max(0, Math.round(employees * rdShare)));
        const totalAssets = Math.max(0, Math.round(revenue * assetTurn * r.real(0.95, 1.05)));
        rows.push({
          enterprise: i,
          year: y,
          revenue,
          mainBusinessRevenue: Math.min(revenue, Math.round(revenue * Math.min(1, mainShare + r.normal(0, 0.01)))),
          rdExpense: Math.max(0, Math.round(revenue * intensity)),
          netProfit: Math.round(revenue * (margin + r.normal(0, 0.02))),
          totalAssets,
          totalLiabilities: Math.round(totalAssets * Math.min(0.95, Math.max(0.05, leverage + r.normal(0, 0.03)))),
          employees,
          rdStaff,
        });
      }
      const g = Math.max(-0.4, growth + r.normal(0, d.fastGrowth ? 0.04 : 0.05));
      rev = rev / (1 + g);
      emp = emp / (1 + Math.max(-0.2, g * 0.45));
    }
    rows.reverse();
    yearly.push(...rows);
  });

  // ---- 5. IP holdings at each year end ----
  const ip: GenIp[] = [];
  drafts.forEach((d, i) => {
    const r = rngIp;
    const size = { micro: 1, small: 2.5, medium: 6, large: 15 }[d.sizeClass];
    let boost = 1;
    if (innovative.has(i)) boost *= 1.5;
    if (specialized.has(i)) boost *= 2;
    if (giants.has(i)) boost *= 2.2;
    if (champions.has(i)) boost *= 2;
    const inv = r.poisson((d.tech ? 0.8 : 0.15) * size * boost);
    const util = r.poisson((d.manufacturing ? 2.2 : d.software ? 0.2 : 0.6) * size * Math.sqrt(boost));
    const design = r.poisson((d.manufacturing ? 0.5 : 0.05) * size);
    const soft = r.poisson((d.software ? 4 : d.tech ? 1.2 : 0.3) * size * Math.sqrt(boost));
    const tm = r.poisson(1 + size * 0.8);
    let extra = 0;
    if (['C2710', 'C2761', 'C3581'].includes(d.industryCode) && r.chance(0.2)) extra = r.int(1, 2);
    if (d.industryCode === 'C3971' && r.chance(0.1)) extra = 1;
    const hvShare = r.real(0.1, 0.6);
    const estYear = Number(d.establishedOn.slice(0, 4));
    let cur = { inv, util, design, soft, tm };
    const rows: GenIp[] = [];
    for (let y = 2025; y >= 2023 && y >= estYear; y--) {
      const class1 = cur.inv + (cur.inv > 0 || y === 2025 ? extra : 0);
      rows.push({
        enterprise: i,
        year: y,
        inventionPatents: cur.inv,
        utilityModels: cur.util,
        designPatents: cur.design,
        softwareCopyrights: cur.soft,
        trademarks: cur.tm,
        class1,
        class2: cur.util + cur.design + cur.soft,
        class1HighValue: Math.min(class1, Math.floor(class1 * hvShare)),
      });
      const shrink = (v: number) => Math.max(0, Math.floor(v * r.real(0.7, 0.95)));
      cur = {
        inv: shrink(cur.inv),
        util: shrink(cur.util),
        design: shrink(cur.design),
        soft: shrink(cur.soft),
        tm: shrink(cur.tm),
      };
    }
    rows.reverse();
    ip.push(...rows);
  });

  // ---- 6. honours ----
  const honours: GenHonour[] = [];
  const asOfYear = Number(asOf.slice(0, 4));
  drafts.forEach((d, i) => {
    const r = rngHonours;
    const estYear = Number(d.establishedOn.slice(0, 4));
    const from = Math.max(2016, estYear + 1);
    if (from > Math.min(2025, asOfYear)) return;
    const pHighTech = giants.has(i) ? 0.95 : specialized.has(i) ? 0.85 : innovative.has(i) ? 0.6 : d.tech ? 0.18 : 0.03;
    if (i === demo || r.chance(pHighTech)) {
      // 高新技术企业: valid 3 years; most re-certify.
      let y = r.int(from, Math.min(2025, asOfYear));
      honours.push({ enterprise: i, kind: 'high_tech_enterprise', name: '高新技术企业', level: 'national', year: y });
      while (y - 3 >= from && r.chance(0.75)) {
        y -= 3;
        honours.unshift({ enterprise: i, kind: 'high_tech_enterprise', name: '高新技术企业', level: 'national', year: y });
      }
    }
    const addOnce = (p: number, kind: string, name: string, level: Level) => {
      if (r.chance(p)) honours.push({ enterprise: i, kind, name, level, year: r.int(from, Math.min(2025, asOfYear)) });
    };
    const big = d.sizeClass === 'medium' || d.sizeClass === 'large';
    addOnce(
      giants.has(i) ? 0.7 : big && d.manufacturing ? 0.3 : specialized.has(i) ? 0.2 : 0.005,
      'provincial_tech_center',
      '省级企业技术中心',
      'provincial',
    );
    addOnce(
      champions.has(i) ? 1 : giants.has(i) ? 0.3 : specialized.has(i) && d.manufacturing ? 0.05 : 0,
      'provincial_champion',
      '省级制造业单项冠军',
      'provincial',
    );
    addOnce(specialized.has(i) ? 0.15 : 0.002, 'one_firm_one_tech', '山东省“一企一技术”研发中心', 'provincial');
    addOnce(specialized.has(i) ? 0.25 : d.manufacturing ? 0.03 : 0.005, 'city_tech_center', '济南市企业技术中心', 'city');
    addOnce(champions.has(i) ? 0.4 : giants.has(i) ? 0.2 : 0.001, 'ip_advantage', '国家知识产权优势企业', 'national');
    addOnce(specialized.has(i) ? 0.05 : 0.002, 'provincial_tech_innovation_demo', '山东省技术创新示范企业', 'provincial');
  });
  // Stable order: by enterprise, then year.
  honours.sort((a, b) => a.enterprise - b.enterprise || a.year - b.year || a.kind.localeCompare(b.kind));

  // ---- 7. carriers ----
  const carriers = buildCarriers(rngCarriers, asOf, (area) => newUscc(rngCarriers, area, '2016-01-01'));

  // ---- 8. residencies in demonstration bases ----
  const residencies: GenResidency[] = [];
  const bases = carriers.map((c, k) => ({ c, k })).filter((x) => x.c.kind === 'demo_base');
  const inForce = (c: GenCarrier, on: string) => c.recognisedOn <= on && (!c.validUntil || c.validUntil >= on);
  const resident = new Set<number>();
  const target = Math.round(n * 0.05);
  const pickBase = (r: Rng, unitCode: string, candidates: { c: GenCarrier; k: number }[]) =>
    r.weighted(
      candidates,
      candidates.map((x) => (x.c.unitCode === unitCode ? 6 : 1)),
    );
  if (bases.length > 0 && n > 0) {
    // 8a. Clause-5 cases: new 专精特新 / 小巨人 / 瞪羚 / 独角兽 of 2024 and 2025 in in-force bases.
    const rewardKeys = ['specialized_sme:provincial', 'little_giant:national', 'gazelle:provincial', 'unicorn:provincial'];
    const candidates: { i: number; date: string }[] = [];
    for (const t of titles) {
      if (t.recognition !== 'first' || !rewardKeys.includes(`${t.kind}:${t.level}`)) continue;
      if (t.recognisedOn < '2024-01-01' || t.recognisedOn > '2025-12-31') continue;
      candidates.push({ i: t.enterprise, date: t.recognisedOn });
    }
    const r = rngResidency;
    // The demo enterprise first: resident in an in-force base for a long time.
    if (demo >= 0) {
      const sDate = firstDate.get(`${demo}|specialized_sme:provincial`) ?? asOf;
      const open = bases.filter((x) => inForce(x.c, sDate) && inForce(x.c, asOf));
      const choice = open.length ? pickBase(r, '370102', open) : bases[0]!;
      residencies.push({
        enterprise: demo,
        carrier: choice.k,
        fromDate: maxDate(drafts[demo]!.establishedOn, addMonths(sDate, -30)),
        toDate: null,
      });
      resident.add(demo);
    }
    const cap = Math.max(2, Math.round(target * 0.6));
    let caseCount = 0;
    for (const cand of r.shuffle(candidates)) {
      if (caseCount >= cap) break;
      if (resident.has(cand.i) || !r.chance(0.4)) continue;
      const open = bases.filter((x) => inForce(x.c, cand.date));
      if (open.length === 0) continue;
      const base = pickBase(r, drafts[cand.i]!.unitCode, open);
      const long = r.chance(0.85);
      let fromDate = long ? addMonths(cand.date, -r.int(13, 60)) : addMonths(cand.date, -r.int(2, 11));
      fromDate = maxDate(fromDate, drafts[cand.i]!.establishedOn);
      const toDate = r.chance(0.2) ? randomDate(r, addDays(cand.date, 30), asOf) : null;
      residencies.push({ enterprise: cand.i, carrier: base.k, fromDate, toDate: toDate && toDate >= fromDate ? toDate : null });
      resident.add(cand.i);
      caseCount++;
    }
    // 8b. Everyone else: random firms, random dates, some moved out.
    const others = r.shuffle(drafts.map((_, i) => i).filter((i) => !resident.has(i)));
    for (const i of others) {
      if (residencies.length >= target) break;
      const d = drafts[i]!;
      const base = pickBase(r, d.unitCode, bases);
      const earliest = maxDate(d.establishedOn, addYears(base.c.recognisedOn, -3));
      const latest = addDays(asOf, -30);
      if (earliest > latest) continue;
      const fromDate = randomDate(r, earliest, latest);
      const toDate = r.chance(0.25) && addDays(fromDate, 90) <= asOf ? randomDate(r, addDays(fromDate, 90), asOf) : null;
      residencies.push({ enterprise: i, carrier: base.k, fromDate, toDate });
      resident.add(i);
    }
  }

  // ---- 9. demo users ----
  const carrierUser = (() => {
    const open = bases.filter((x) => inForce(x.c, asOf));
    return (open.find((x) => x.c.level === 'national') ?? open[0] ?? bases[0])?.k ?? null;
  })();
  const users: GenUser[] = [
    {
      username: 'city',
      displayName: '王主任',
      role: 'city_officer',
      unitCode: null,
      enterprise: null,
      carrier: null,
      organisation: '济南市工业和信息化局',
    },
    {
      username: 'lixia',
      displayName: '李科长（历下区）',
      role: 'district_officer',
      unitCode: '370102',
      enterprise: null,
      carrier: null,
      organisation: '历下区工业和信息化局',
    },
    {
      username: 'gaoxin',
      displayName: '张科长（高新区）',
      role: 'district_officer',
      unitCode: 'Z-HTZ',
      enterprise: null,
      carrier: null,
      organisation: '济南高新区科技经济运行部',
    },
    {
      username: 'finance',
      displayName: '刘科长（财政）',
      role: 'finance_officer',
      unitCode: null,
      enterprise: null,
      carrier: null,
      organisation: '济南市财政局',
    },
    {
      username: 'bank',
      displayName: '陈经理',
      role: 'bank_officer',
      unitCode: null,
      enterprise: null,
      carrier: null,
      organisation: '齐鲁银行济南分行',
    },
  ];
  if (demo >= 0)
    users.push({
      username: 'enterprise',
      displayName: enterprises[demo]!.contactName,
      role: 'enterprise_user',
      unitCode: null,
      enterprise: demo,
      carrier: null,
      organisation: enterprises[demo]!.name,
    });
  if (carrierUser !== null)
    users.push({
      username: 'carrier',
      displayName: '赵经理',
      role: 'carrier_operator',
      unitCode: null,
      enterprise: null,
      carrier: carrierUser,
      organisation: carriers[carrierUser]!.name,
    });
  users.push(
    {
      username: 'university',
      displayName: '孙老师',
      role: 'university',
      unitCode: null,
      enterprise: null,
      carrier: null,
      organisation: '山东大学',
    },
    {
      username: 'judge',
      displayName: '周教授（评审专家）',
      role: 'judge',
      unitCode: null,
      enterprise: null,
      carrier: null,
      organisation: '创客济南大赛评审委员会',
    },
    {
      username: 'agency',
      displayName: '吴科长（执法）',
      role: 'penalty_agency',
      unitCode: null,
      enterprise: null,
      carrier: null,
      organisation: '济南市市场监督管理局',
    },
    {
      username: 'admin',
      displayName: '系统管理员',
      role: 'admin',
      unitCode: null,
      enterprise: null,
      carrier: null,
      organisation: null,
    },
  );

  // Titles in a stable, readable order: by enterprise, then date.
  titles.sort(
    (a, b) =>
      a.enterprise - b.enterprise ||
      (a.recognisedOn < b.recognisedOn ? -1 : a.recognisedOn > b.recognisedOn ? 1 : 0) ||
      a.kind.localeCompare(b.kind),
  );

  return { seed: opts.seed, asOf, enterprises, formerNames, yearly, ip, honours, titles, carriers, residencies, users };
}

// ---------------------------------------------------------------------------------------------
// Carriers: a fixed, realistic-sounding list (synthetic names and dates).

interface CarrierDef {
  kind: GenCarrierKind;
  name: string;
  level: Level;
  unitCode: string;
  recognisedOn: string;
  leadingIndustry?: string;
  area: string;
}

const CARRIER_DEFS: CarrierDef[] = [
  // 小型微型企业创业创新示范基地 (3 years).
  {
    kind: 'demo_base',
    name: '济南齐鲁软件园小微企业创业创新示范基地',
    level: 'national',
    unitCode: 'Z-HTZ',
    recognisedOn: '2024-03-15',
    area: '370100',
  },
  {
    kind: 'demo_base',
    name: '济南药谷小型微型企业创业创新示范基地',
    level: 'provincial',
    unitCode: 'Z-HTZ',
    recognisedOn: '2023-09-20',
    area: '370100',
  },
  {
    kind: 'demo_base',
    name: '山东大学科技园小微企业创业创新示范基地',
    level: 'provincial',
    unitCode: '370102',
    recognisedOn: '2022-11-18',
    area: '370102',
  },
  {
    kind: 'demo_base',
    name: '济南创新谷小型微型企业创业创新示范基地',
    level: 'national',
    unitCode: 'Z-HTZ',
    recognisedOn: '2023-04-21',
    area: '370100',
  },
  {
    kind: 'demo_base',
    name: '中国（济南）留学人员创业园小微企业创业创新示范基地',
    level: 'provincial',
    unitCode: 'Z-HTZ',
    recognisedOn: '2024-10-18',
    area: '370100',
  },
  {
    kind: 'demo_base',
    name: '济南海右产业园小微企业创业创新示范基地',
    level: 'provincial',
    unitCode: '370102',
    recognisedOn: '2025-10-17',
    area: '370102',
  },
  {
    kind: 'demo_base',
    name: '济南槐荫齐鲁创新创业园小微企业创业创新示范基地',
    level: 'provincial',
    unitCode: '370104',
    recognisedOn: '2021-10-15',
    area: '370104',
  },
  {
    kind: 'demo_base',
    name: '济南天桥北湖创新谷小微企业创业创新示范基地',
    level: 'provincial',
    unitCode: '370105',
    recognisedOn: '2023-10-20',
    area: '370105',
  },
  {
    kind: 'demo_base',
    name: '济南章丘明水经济技术开发区小微企业创业创新示范基地',
    level: 'provincial',
    unitCode: '370114',
    recognisedOn: '2024-10-18',
    area: '370114',
  },
  {
    kind: 'demo_base',
    name: '莱芜高新区创业园小微企业创业创新示范基地',
    level: 'provincial',
    unitCode: '370116',
    recognisedOn: '2020-10-16',
    area: '370116',
  },
  {
    kind: 'demo_base',
    name: '济南市中大学科技园小微企业创业创新示范基地',
    level: 'provincial',
    unitCode: '370103',
    recognisedOn: '2025-10-17',
    area: '370103',
  },
  {
    kind: 'demo_base',
    name: '济南历城港沟创新创业园小微企业创业创新示范基地',
    level: 'national',
    unitCode: '370112',
    recognisedOn: '2023-04-21',
    area: '370112',
  },
  // 中小企业公共服务示范平台.
  {
    kind: 'service_platform',
    name: '济南新动能中小企业创新交流中心公共服务平台',
    level: 'national',
    unitCode: '370102',
    recognisedOn: '2024-12-06',
    area: '370100',
  },
  {
    kind: 'service_platform',
    name: '济南工业互联网公共服务平台',
    level: 'national',
    unitCode: 'Z-HTZ',
    recognisedOn: '2022-12-09',
    area: '370100',
  },
  {
    kind: 'service_platform',
    name: '齐鲁工业大学科技成果转化公共服务平台',
    level: 'provincial',
    unitCode: '370113',
    recognisedOn: '2023-11-24',
    area: '370113',
  },
  {
    kind: 'service_platform',
    name: '济南高新区中小企业公共服务平台',
    level: 'provincial',
    unitCode: 'Z-HTZ',
    recognisedOn: '2025-11-21',
    area: '370100',
  },
  {
    kind: 'service_platform',
    name: '济南检验检测公共服务平台',
    level: 'provincial',
    unitCode: '370104',
    recognisedOn: '2021-11-19',
    area: '370104',
  },
  {
    kind: 'service_platform',
    name: '济南知识产权公共服务平台',
    level: 'provincial',
    unitCode: '370103',
    recognisedOn: '2024-11-22',
    area: '370103',
  },
  {
    kind: 'service_platform',
    name: '章丘区中小企业公共服务平台',
    level: 'provincial',
    unitCode: '370114',
    recognisedOn: '2020-11-20',
    area: '370114',
  },
  {
    kind: 'service_platform',
    name: '济南工业设计公共服务平台',
    level: 'provincial',
    unitCode: '370105',
    recognisedOn: '2025-11-21',
    area: '370105',
  },
  // 优质培育服务园区 (clause 4): the national one recognised in 2024.
  {
    kind: 'park',
    name: '济南高新技术产业开发区齐鲁软件园',
    level: 'national',
    unitCode: 'Z-HTZ',
    recognisedOn: '2024-09-20',
    area: '370100',
  },
  {
    kind: 'park',
    name: '济南新旧动能转换起步区科创园',
    level: 'provincial',
    unitCode: 'Z-SUA',
    recognisedOn: '2025-09-19',
    area: '370100',
  },
  {
    kind: 'park',
    name: '章丘明水经济技术开发区智能装备产业园',
    level: 'provincial',
    unitCode: '370114',
    recognisedOn: '2023-09-15',
    area: '370114',
  },
  // 中小企业特色产业集群 (one or two new each year).
  {
    kind: 'cluster',
    name: '济南市高新区工业软件中小企业特色产业集群',
    level: 'national',
    unitCode: 'Z-HTZ',
    recognisedOn: '2022-11-25',
    leadingIndustry: '工业软件',
    area: '370100',
  },
  {
    kind: 'cluster',
    name: '济南市章丘区风机中小企业特色产业集群',
    level: 'national',
    unitCode: '370114',
    recognisedOn: '2023-11-10',
    leadingIndustry: '风机及流体装备',
    area: '370114',
  },
  {
    kind: 'cluster',
    name: '济南市莱芜区粉末冶金中小企业特色产业集群',
    level: 'national',
    unitCode: '370116',
    recognisedOn: '2024-11-08',
    leadingIndustry: '粉末冶金',
    area: '370116',
  },
  {
    kind: 'cluster',
    name: '济南市平阴县玫瑰中小企业特色产业集群',
    level: 'provincial',
    unitCode: '370124',
    recognisedOn: '2022-09-16',
    leadingIndustry: '玫瑰深加工',
    area: '370124',
  },
  {
    kind: 'cluster',
    name: '济南市济阳区食品加工中小企业特色产业集群',
    level: 'provincial',
    unitCode: '370115',
    recognisedOn: '2023-09-15',
    leadingIndustry: '食品加工',
    area: '370115',
  },
  {
    kind: 'cluster',
    name: '济南市钢城区钢铁新材料中小企业特色产业集群',
    level: 'provincial',
    unitCode: '370117',
    recognisedOn: '2024-09-20',
    leadingIndustry: '钢铁新材料',
    area: '370117',
  },
  {
    kind: 'cluster',
    name: '济南市长清区汽车零部件中小企业特色产业集群',
    level: 'provincial',
    unitCode: '370113',
    recognisedOn: '2022-09-16',
    leadingIndustry: '汽车零部件',
    area: '370113',
  },
  {
    kind: 'cluster',
    name: '济南市天桥区智能输配电装备中小企业特色产业集群',
    level: 'provincial',
    unitCode: '370105',
    recognisedOn: '2025-09-19',
    leadingIndustry: '智能输配电装备',
    area: '370105',
  },
  {
    kind: 'cluster',
    name: '济南市商河县钢结构中小企业特色产业集群',
    level: 'provincial',
    unitCode: '370126',
    recognisedOn: '2024-09-20',
    leadingIndustry: '钢结构',
    area: '370126',
  },
  {
    kind: 'cluster',
    name: '济南市槐荫区医疗器械中小企业特色产业集群',
    level: 'provincial',
    unitCode: '370104',
    recognisedOn: '2025-09-19',
    leadingIndustry: '医疗器械',
    area: '370104',
  },
];

function buildCarriers(rng: Rng, asOf: string, uscc: (area: string) => string): GenCarrier[] {
  return CARRIER_DEFS.filter((c) => c.recognisedOn <= asOf).map((c) => ({
    kind: c.kind,
    name: c.name,
    level: c.level,
    unitCode: c.unitCode,
    // Clusters are groups of firms without one operator; the rest have an operating company.
    operatorUscc: c.kind === 'cluster' ? null : uscc(rng.chance(0.7) ? c.area : '370100'),
    recognisedOn: c.recognisedOn,
    validUntil: threeYearValidity(c.recognisedOn),
    leadingIndustry: c.leadingIndustry ?? null,
  }));
}

// ---------------------------------------------------------------------------------------------
// Summary (pure): what the data set holds, for the seeding report and the tests.

export interface DatasetSummary {
  enterprises: number;
  formerNames: number;
  yearly: number;
  ip: number;
  honours: number;
  titles: number;
  /** Per `${kind}:${level}`: rows, distinct enterprises, in force on asOf, renewals, revoked. */
  titlesBy: Record<string, { rows: number; enterprises: number; inForce: number; renewals: number; revoked: number }>;
  /** First recognitions per kind and year. */
  firstByYear: Record<string, Record<number, number>>;
  carriers: Record<string, number>;
  residencies: number;
  users: number;
}

export function summariseDataset(ds: Dataset): DatasetSummary {
  const titlesBy: DatasetSummary['titlesBy'] = {};
  const holders = new Map<string, Set<number>>();
  const firstByYear: DatasetSummary['firstByYear'] = {};
  for (const t of ds.titles) {
    const key = `${t.kind}:${t.level}`;
    const s = (titlesBy[key] ??= { rows: 0, enterprises: 0, inForce: 0, renewals: 0, revoked: 0 });
    s.rows++;
    if (t.recognition === 'renewal') s.renewals++;
    if (t.revokedOn) s.revoked++;
    const live =
      !(t.revokedOn && t.revokedOn <= ds.asOf) && t.recognisedOn <= ds.asOf && !(t.validUntil && t.validUntil < ds.asOf);
    if (live) s.inForce++;
    let h = holders.get(key);
    if (!h) holders.set(key, (h = new Set()));
    h.add(t.enterprise);
    if (t.recognition === 'first') {
      const y = Number(t.recognisedOn.slice(0, 4));
      const f = (firstByYear[key] ??= {});
      f[y] = (f[y] ?? 0) + 1;
    }
  }
  for (const [key, h] of holders) titlesBy[key]!.enterprises = h.size;
  const carriers: Record<string, number> = {};
  for (const c of ds.carriers) carriers[c.kind] = (carriers[c.kind] ?? 0) + 1;
  return {
    enterprises: ds.enterprises.length,
    formerNames: ds.formerNames.length,
    yearly: ds.yearly.length,
    ip: ds.ip.length,
    honours: ds.honours.length,
    titles: ds.titles.length,
    titlesBy,
    firstByYear,
    carriers,
    residencies: ds.residencies.length,
    users: ds.users.length,
  };
}
