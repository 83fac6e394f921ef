/**
 * The registry as a matching index, built once per import and queried per row: exact maps for
 * the code, the canonical name, former names and the core name, and a bigram inverted index
 * (compressed: one Int32Array of postings) for fuzzy candidates. Pure: the service supplies the
 * registry rows. Built for a million names: matching 10,000 rows stays well under a second
 * (bench/import.ts).
 */
import { bigrams, canonicalName, coreName, nameSimilarity } from './names.ts';

export interface RegistryEntry {
  id: number;
  uscc: string;
  name: string;
  unitCode: string;
  formerNames?: readonly string[] | undefined;
}

export type MatchMethod = 'uscc' | 'name' | 'former_name' | 'normalised' | 'fuzzy';

export interface Candidate {
  enterpriseId: number;
  name: string;
  uscc: string;
  unitCode: string;
  /** 0…1; 1 for exact and normalised matches. */
  score: number;
  via: MatchMethod;
  /** The registry name that matched when it was a former name. */
  matchedName?: string;
}

export interface MatchResult {
  verdict: 'matched' | 'ambiguous' | 'not_found';
  method: MatchMethod | null;
  enterpriseId: number | null;
  candidates: Candidate[];
  /** Why a result is ambiguous, or facts the officer should see. */
  notes: { zh: string; en: string }[];
}

/** A fuzzy candidate at or above this score makes the row ambiguous (officer picks); below, not found. */
export const FUZZY_AMBIGUOUS = 0.75;
/** Fuzzy suggestions shown with a not-found row. */
export const FUZZY_SUGGEST = 0.5;
const MAX_CANDIDATES = 5;
/** Bigrams shared by more than this share of names (and at least MIN) are too common to find candidates with (e.g. 科技). */
const MAX_POSTING_SHARE = 0.005;
const MAX_POSTING_MIN = 2_000;
/** How many probe-count leaders get an exact similarity score. */
const RESCORE = 60;

/** string → one entry index, or several (kept in `multi`). Saves a million small arrays. */
class KeyIndex {
  private readonly single = new Map<string, number>();
  private readonly multi = new Map<string, number[]>();
  add(key: string, entry: number): void {
    if (!key) return;
    const m = this.multi.get(key);
    if (m) {
      if (!m.includes(entry)) m.push(entry);
      return;
    }
    const s = this.single.get(key);
    if (s === undefined) this.single.set(key, entry);
    else if (s !== entry) {
      this.single.delete(key);
      this.multi.set(key, [s, entry]);
    }
  }
  get(key: string): readonly number[] {
    if (!key) return [];
    const s = this.single.get(key);
    if (s !== undefined) return [s];
    return this.multi.get(key) ?? [];
  }
}

/** Character ids, dense, so that a bigram is a small integer (a V8 small integer: fast map keys). */
const CHAR_BITS = 14;
const MAX_CHARS = 1 << CHAR_BITS;

export class MatchIndex {
  private readonly entries: readonly RegistryEntry[];
  private readonly byUscc = new Map<string, number>();
  private readonly exact = new KeyIndex();
  private readonly former = new KeyIndex();
  private readonly core = new KeyIndex();
  /** Fuzzy documents: the core of every current and former name, and the entry it belongs to. */
  private readonly docKey: string[] = [];
  private readonly docEntry: Int32Array;
  private readonly charId = new Int32Array(65536).fill(-1);
  private chars = 0;
  private readonly gramId = new Map<number, number>();
  private readonly offsets: Int32Array;
  private readonly postings: Int32Array;
  private readonly counts: Uint16Array;
  private readonly scratch = new Int32Array(256);

  constructor(entries: readonly RegistryEntry[]) {
    this.entries = entries;
    let docs = entries.length;
    for (const e of entries) docs += e.formerNames?.length ?? 0;
    this.docEntry = new Int32Array(docs);
    entries.forEach((e, i) => {
      this.byUscc.set(e.uscc, i);
      const canon = canonicalName(e.name);
      const c = coreName(canon);
      this.exact.add(canon, i);
      this.core.add(c, i);
      this.docEntry[this.docKey.length] = i;
      this.docKey.push(c);
      for (const f of e.formerNames ?? []) {
        const fc = canonicalName(f);
        const fcore = coreName(fc);
        this.former.add(fc, i);
        this.core.add(fcore, i);
        this.docEntry[this.docKey.length] = i;
        this.docKey.push(fcore);
      }
    });
    // Compressed posting lists in two passes over the keys (no per-name arrays): count, then fill.
    const sizes: number[] = [];
    let total = 0;
    for (const key of this.docKey) {
      const n = this.grams(key, true);
      for (let k = 0; k < n; k++) {
        const g = this.scratch[k]!;
        let id = this.gramId.get(g);
        if (id === undefined) {
          id = sizes.length;
          this.gramId.set(g, id);
          sizes.push(0);
        }
        sizes[id]!++;
      }
      total += n;
    }
    this.offsets = new Int32Array(sizes.length + 1);
    for (let i = 0; i < sizes.length; i++) this.offsets[i + 1] = this.offsets[i]! + sizes[i]!;
    this.postings = new Int32Array(total);
    const fill = this.offsets.slice(0, sizes.length);
    this.docKey.forEach((key, doc) => {
      const n = this.grams(key, false);
      for (let k = 0; k < n; k++) this.postings[fill[this.gramId.get(this.scratch[k]!)!]!++] = doc;
    });
    this.counts = new Uint16Array(this.docKey.length);
  }

  /**
   * The distinct bigrams of a key into `scratch` (returns how many). `learn` gives new
   * characters an id; a query's unknown character yields no gram (nothing could share it).
   */
  private grams(key: string, learn: boolean): number {
    let n = 0;
    let prev = -1;
    const len = Math.min(key.length, this.scratch.length);
    for (let i = 0; i < len; i++) {
      const code = key.charCodeAt(i);
      let id = this.charId[code]!;
      if (id < 0 && learn) {
        id = this.chars < MAX_CHARS - 1 ? this.chars++ : MAX_CHARS - 1;
        this.charId[code] = id;
      }
      if (len === 1 && id >= 0) this.scratch[n++] = -(id + 1);
      if (prev >= 0 && id >= 0) {
        const g = prev * MAX_CHARS + id + 1;
        let seen = false;
        for (let k = 0; k < n; k++) if (this.scratch[k] === g) seen = true;
        if (!seen) this.scratch[n++] = g;
      }
      prev = id;
    }
    return n;
  }

  get size(): number {
    return this.entries.length;
  }

  private candidate(i: number, score: number, via: MatchMethod, matchedName?: string): Candidate {
    const e = this.entries[i]!;
    return {
      enterpriseId: e.id,
      name: e.name,
      uscc: e.uscc,
      unitCode: e.unitCode,
      score: Math.round(score * 1000) / 1000,
      via,
      ...(matchedName !== undefined ? { matchedName } : {}),
    };
  }

  private formerNameOf(i: number, canon: string): string | undefined {
    return this.entries[i]!.formerNames?.find((f) => canonicalName(f) === canon);
  }

  /** Finds the registry enterprise for one list row: the code first, then names, then fuzzy. */
  match(name: string, uscc: string | null): MatchResult {
    const canon = canonicalName(name);
    const core = coreName(canon);
    const byName = this.exact.get(canon);
    const byFormer = this.former.get(canon);
    const byCore = this.core.get(core);
    const codeHit = uscc ? this.byUscc.get(uscc) : undefined;

    if (codeHit !== undefined) {
      const named = new Set([...byName, ...byFormer, ...byCore]);
      if (canon && named.size > 0 && !named.has(codeHit)) {
        return {
          verdict: 'ambiguous',
          method: 'uscc',
          enterpriseId: null,
          candidates: [this.candidate(codeHit, 1, 'uscc'), ...[...named].slice(0, MAX_CANDIDATES - 1).map((i) => this.candidate(i, 1, 'name'))],
          notes: [{ zh: '统一社会信用代码与企业名称指向不同的企业', en: 'the code and the name point to different enterprises' }],
        };
      }
      const notes =
        canon && !named.has(codeHit)
          ? [{ zh: `按代码匹配；登记名称为“${this.entries[codeHit]!.name}”`, en: `matched by code; the registered name is '${this.entries[codeHit]!.name}'` }]
          : [];
      return { verdict: 'matched', method: 'uscc', enterpriseId: this.entries[codeHit]!.id, candidates: [this.candidate(codeHit, 1, 'uscc')], notes };
    }
    const notes: MatchResult['notes'] = [];
    if (uscc) notes.push({ zh: '名单中的统一社会信用代码未在库中登记', en: 'the code on the list is not registered' });
    if (!canon) return { verdict: 'not_found', method: null, enterpriseId: null, candidates: [], notes };

    const decide = (hits: readonly number[], method: MatchMethod): MatchResult | null => {
      if (hits.length === 0) return null;
      const candidates = hits.slice(0, MAX_CANDIDATES).map((i) =>
        this.candidate(i, 1, method, method === 'former_name' ? this.formerNameOf(i, canon) : undefined),
      );
      if (hits.length === 1) {
        const formerNote =
          method === 'former_name'
            ? [{ zh: `曾用名；现名“${this.entries[hits[0]!]!.name}”`, en: `a former name; now '${this.entries[hits[0]!]!.name}'` }]
            : [];
        return { verdict: 'matched', method, enterpriseId: this.entries[hits[0]!]!.id, candidates, notes: [...notes, ...formerNote] };
      }
      return {
        verdict: 'ambiguous',
        method,
        enterpriseId: null,
        candidates,
        notes: [...notes, { zh: `名称对应${hits.length}家企业`, en: `the name fits ${hits.length} enterprises` }],
      };
    };
    const exactResult = decide(byName, 'name') ?? decide(byFormer, 'former_name') ?? decide(byCore, 'normalised');
    if (exactResult) return exactResult;

    const fuzzy = this.fuzzy(core);
    const strong = fuzzy.filter((c) => c.score >= FUZZY_AMBIGUOUS);
    if (strong.length > 0) {
      return {
        verdict: 'ambiguous',
        method: 'fuzzy',
        enterpriseId: null,
        candidates: strong.slice(0, MAX_CANDIDATES),
        notes: [...notes, { zh: '名称相近，请确认是否为同一企业', en: 'similar names: confirm which enterprise it is' }],
      };
    }
    return { verdict: 'not_found', method: null, enterpriseId: null, candidates: fuzzy.filter((c) => c.score >= FUZZY_SUGGEST).slice(0, 3), notes };
  }

  /**
   * Fuzzy candidates for a core name, best first. Prefix filtering: probing the rarest
   * |q| − minOverlap + 1 bigrams finds every name sharing at least minOverlap bigrams.
   */
  fuzzy(core: string): Candidate[] {
    const qn = this.grams(core, false);
    if (qn === 0) return [];
    const lists: { start: number; end: number }[] = [];
    for (let k = 0; k < qn; k++) {
      const id = this.gramId.get(this.scratch[k]!);
      if (id !== undefined) lists.push({ start: this.offsets[id]!, end: this.offsets[id + 1]! });
    }
    if (lists.length === 0) return [];
    lists.sort((a, b) => a.end - a.start - (b.end - b.start));
    const t = FUZZY_SUGGEST;
    const minOverlap = Math.max(1, Math.ceil((t * qn) / (2 - t)));
    const probes = Math.max(1, qn - minOverlap + 1);
    const common = Math.max(MAX_POSTING_MIN, Math.floor(this.docKey.length * MAX_POSTING_SHARE));
    const touched: number[] = [];
    let top = 0;
    for (let k = 0; k < lists.length && k < probes; k++) {
      const { start, end } = lists[k]!;
      // A very common bigram (科技, 机械) adds little; skip it once rarer ones have found something.
      if (end - start > common && touched.length > 0) break;
      for (let p = start; p < end; p++) {
        const doc = this.postings[p]!;
        const c = this.counts[doc]!;
        if (c === 0) touched.push(doc);
        if (c < 65535) {
          this.counts[doc] = c + 1;
          if (c + 1 > top) top = c + 1;
        }
      }
    }
    // Rescore only the leaders: names sharing the most probed bigrams.
    let leaders = touched.filter((d) => this.counts[d]! >= Math.max(1, top - 1));
    if (leaders.length > RESCORE) leaders = leaders.sort((a, b) => this.counts[b]! - this.counts[a]!).slice(0, RESCORE);
    for (const doc of touched) this.counts[doc] = 0;
    const q = bigrams(core);
    const best = new Map<number, Candidate>();
    for (const doc of leaders) {
      const key = this.docKey[doc]!;
      const score = nameSimilarity(core, key, q);
      const entry = this.docEntry[doc]!;
      const prev = best.get(entry);
      if (!prev || prev.score < score) best.set(entry, this.candidate(entry, score, 'fuzzy'));
    }
    return [...best.values()].sort((a, b) => b.score - a.score || a.enterpriseId - b.enterpriseId).slice(0, MAX_CANDIDATES);
  }
}
