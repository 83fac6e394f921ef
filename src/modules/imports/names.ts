/**
 * Enterprise names as published lists write them, made comparable with the registry: widths,
 * brackets, spaces, common traditional characters, company-form variants, a leading 山东/济南
 * prefix; and a similarity score for names that still differ (bigram Dice and edit distance).
 * Pure functions, no I/O.
 */

/**
 * Traditional → simplified for characters common in company names. Deliberately small: lists
 * from MIIT and the province are simplified; this catches names pasted from Hong Kong, Taiwan
 * or old documents without pulling in a full conversion table.
 */
const TRADITIONAL =
  '東东業业發发國国華华電电機机資资產产廠厂務务貿贸進进開开際际藥药醫医療疗術术網网絡络訊讯軟软體体設设備备營营實实驗验測测環环農农糧粮飛飞龍龙鳳凤興兴順顺達达遠远門门聯联創创壓压鋼钢鐵铁鋁铝銅铜礦矿車车輪轮氣气紡纺織织製制億亿萬万廣广濟济魯鲁齊齐長长陽阳橋桥裝装運运輸输點点線线質质標标檢检證证權权區区縣县鎮镇總总經经銷销專专豐丰寶宝萊莱蕪芜陰阴歷历層层圖图書书學学園园傳传動动熱热燈灯鏈链價价圓圆鹽盐號号嶺岭灣湾歐欧爾尔蘇苏滬沪寧宁盤盘雲云匯汇滙汇協协會会眾众碼码庫库貨货買买賣卖幣币銀银錢钱財财稅税費费計计鍵键優优島岛邊边節节約约麗丽禮礼養养場场準准確确儀仪視视聽听讀读語语車车陸陆潤润澤泽濱滨灣湾嚴严勝胜異异義义邁迈還还適适將将當当無无爲为為为聖圣與与個个們们來来時时間间後后從从係系紅红綠绿藍蓝銳锐鋒锋韓韩馬马鳥鸟魚鱼麥麦黃黄龜龟齒齿';
const TRAD_MAP = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL.length; i += 2) TRAD_MAP.set(TRADITIONAL[i]!, TRADITIONAL[i + 1]!);

const TRAD_RE = new RegExp('[' + [...TRAD_MAP.keys()].join('') + ']');
/** Names already in canonical form (most registry names): CJK, upper-case Latin, digits, (), ·, -. */
const CLEAN = /^[\u4e00-\u9fa5A-Z0-9()·-]*$/;

const OPEN = /[（【〔［｛[{〈《]/g;
const CLOSE = /[）】〕］｝\]}〉》]/g;

/**
 * The name as written, made comparable character by character: full-width → half-width,
 * all brackets → (), no whitespace or quotes, traditional → simplified, Latin upper case.
 * Two spellings of the same registered name give the same canonical name.
 */
export function canonicalName(input: string): string {
  if (CLEAN.test(input) && !TRAD_RE.test(input)) return input;
  let s = input.normalize('NFKC');
  s = s.replace(OPEN, '(').replace(CLOSE, ')');
  s = s.replace(/[\s\u3000\u00a0\u200b\ufeff"'“”‘’「」『』]/g, '');
  s = s.replace(/[－—–‐]/g, '-').replace(/[·•・．]/g, '·');
  if (TRAD_RE.test(s)) {
    let out = '';
    for (const ch of s) out += TRAD_MAP.get(ch) ?? ch;
    s = out;
  }
  return s.toUpperCase();
}

/** Company forms, longest first: published lists swap 有限责任公司 and 有限公司 freely. */
const COMPANY_FORM = /(股份有限公司|有限责任公司|股份合作公司|有限公司|股份公司|公司)$/;
const REGION_PREFIX = /^(山东省|山东|济南市|济南)/;
const BRACKET_REGION = /\((山东省|山东|济南市|济南|中国)\)/g;

/**
 * The core of a canonical name for matching across variants: without the company form, a
 * leading 山东(省)/济南(市) (repeated, as in 山东省济南市…), and a bracketed (山东)/(济南).
 * Different firms can share a core (济南X有限公司 and 山东X股份有限公司): a core match with
 * more than one firm is ambiguous, never decided silently.
 */
export function coreName(canonical: string): string {
  let s = canonical.replace(BRACKET_REGION, '');
  s = s.replace(COMPANY_FORM, '');
  for (let i = 0; i < 2; i++) {
    const stripped = s.replace(REGION_PREFIX, '');
    // Keep at least two characters: "济南公司" stays recognisable.
    if (stripped.length >= 2) s = stripped;
  }
  return s;
}

/** Distinct character bigrams of a string as numbers (two UTF-16 units); a 1-char string is its own gram. */
export function bigrams(s: string): number[] {
  if (s.length === 0) return [];
  if (s.length === 1) return [s.charCodeAt(0)];
  const out: number[] = [];
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);
    if (!out.includes(g)) out.push(g);
  }
  return out;
}

/** Sørensen–Dice coefficient of two bigram sets (0…1). */
export function diceOf(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let common = 0;
  for (const g of a) if (b.includes(g)) common++;
  return (2 * common) / (a.length + b.length);
}

/** Levenshtein distance (two rows of memory; names are short). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * Similarity of two core names, 0…1: the better of bigram Dice (robust to reordering and long
 * names) and 1 − edit distance / length (a one-character typo in a short name still scores high).
 */
export function nameSimilarity(a: string, b: string, ga: readonly number[] = bigrams(a), gb: readonly number[] = bigrams(b)): number {
  if (a === b) return 1;
  const dice = diceOf(ga, gb);
  const len = Math.max(a.length, b.length);
  const edit = len === 0 ? 0 : 1 - editDistance(a, b) / len;
  return Math.max(dice, edit);
}
