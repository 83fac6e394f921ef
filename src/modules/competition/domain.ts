/**
 * 创客济南 competition rules, pure: eligibility with reasons, conflicts of interest, the weighted
 * rubric, aggregation (trimmed mean), ranking with a stated tie-break, advancement and
 * recommendation. Scores are integer centi-points (8650 = 86.50) so that no float decides a place;
 * means are compared as exact fractions (sum / count).
 */
import type { Bilingual, FieldProblem } from '../../shared/errors.ts';
import { problem } from '../../shared/errors.ts';

export const GROUPS = ['enterprise', 'maker'] as const;
export type Group = (typeof GROUPS)[number];
export const STAGE_KINDS = ['registration', 'preliminary', 'semi_final', 'final', 'roadshow'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];
/** Stages judges score. */
export const SCORED_STAGES: readonly StageKind[] = ['preliminary', 'semi_final', 'final'];
export const stageOrder = (k: StageKind): number => STAGE_KINDS.indexOf(k);
export const nextStage = (k: StageKind): StageKind | null => STAGE_KINDS[stageOrder(k) + 1] ?? null;
/** The stages' names in messages (the screens have their own in the i18n tables). */
export const STAGE_NAMES: Record<StageKind, Bilingual> = {
  registration: { zh: '报名', en: 'registration' },
  preliminary: { zh: '初赛', en: 'preliminary' },
  semi_final: { zh: '复赛', en: 'semi-final' },
  final: { zh: '决赛', en: 'final' },
  roadshow: { zh: '路演', en: 'roadshow' },
};

// ---------- eligibility ----------

export interface EligibilitySettings {
  enterpriseMustBeInJinan: boolean;
  enterpriseMaxAgeYears: number;
  enterpriseRevenueCap: number;
  makerMustBeUnregistered: boolean;
}

export interface EligibilityFacts {
  group: Group;
  /** The registration date the rules are applied on. */
  onDate: string;
  /** Enterprise group: from the registry. */
  registeredInJinan?: boolean;
  establishedOn?: string | null;
  lastRevenue?: number | null;
  lastRevenueYear?: number | null;
  /** Maker group: declared by the team. */
  teamHasCompany?: boolean;
}

export interface RuleOutcome {
  rule: string;
  passed: boolean;
  reason: Bilingual;
}

export interface Eligibility {
  eligible: boolean;
  rules: RuleOutcome[];
}

const yuan = (n: number) => `¥${n.toLocaleString('en-US')}`;

/** Years between `from` and `to` counted by calendar anniversaries. */
export function fullYearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) years -= 1;
  return years;
}

export function checkEligibility(f: EligibilityFacts, s: EligibilitySettings): Eligibility {
  const rules: RuleOutcome[] = [];
  if (f.group === 'enterprise') {
    if (s.enterpriseMustBeInJinan) {
      const ok = f.registeredInJinan === true;
      rules.push({
        rule: 'registered_in_jinan',
        passed: ok,
        reason: ok
          ? { zh: '在济南市注册登记', en: 'registered in Jinan' }
          : { zh: '未在济南市注册登记', en: 'not registered in Jinan' },
      });
    }
    if (!f.establishedOn) {
      rules.push({ rule: 'founded_within', passed: false, reason: { zh: '缺少成立日期', en: 'the founding date is missing' } });
    } else {
      const age = fullYearsBetween(f.establishedOn, f.onDate);
      const ok = age < s.enterpriseMaxAgeYears;
      rules.push({
        rule: 'founded_within',
        passed: ok,
        reason: ok
          ? {
              zh: `成立于${f.establishedOn}，不满${s.enterpriseMaxAgeYears}年`,
              en: `founded on ${f.establishedOn}, less than ${s.enterpriseMaxAgeYears} years ago`,
            }
          : {
              zh: `成立于${f.establishedOn}，已满${s.enterpriseMaxAgeYears}年（上限${s.enterpriseMaxAgeYears}年）`,
              en: `founded on ${f.establishedOn}, ${s.enterpriseMaxAgeYears} or more years ago (limit ${s.enterpriseMaxAgeYears})`,
            },
      });
    }
    if (f.lastRevenue === null || f.lastRevenue === undefined) {
      rules.push({
        rule: 'revenue_below_cap',
        passed: false,
        reason: { zh: '未填报上年度营业收入', en: "last year's revenue has not been reported" },
      });
    } else {
      const ok = f.lastRevenue < s.enterpriseRevenueCap;
      const year = f.lastRevenueYear ?? '';
      rules.push({
        rule: 'revenue_below_cap',
        passed: ok,
        reason: ok
          ? {
              zh: `${year}年营业收入${yuan(f.lastRevenue)}，低于${yuan(s.enterpriseRevenueCap)}`,
              en: `${year} revenue ${yuan(f.lastRevenue)}, below ${yuan(s.enterpriseRevenueCap)}`,
            }
          : {
              zh: `${year}年营业收入${yuan(f.lastRevenue)}，不低于上限${yuan(s.enterpriseRevenueCap)}`,
              en: `${year} revenue ${yuan(f.lastRevenue)}, not below the cap ${yuan(s.enterpriseRevenueCap)}`,
            },
      });
    }
  } else if (s.makerMustBeUnregistered) {
    const ok = f.teamHasCompany === false;
    rules.push({
      rule: 'team_unregistered',
      passed: ok,
      reason: ok
        ? { zh: '团队尚未注册成立企业', en: 'the team has not registered a company' }
        : { zh: '团队已注册成立企业，应报名企业组', en: 'the team has registered a company; it belongs in the enterprise group' },
    });
  }
  return { eligible: rules.every((r) => r.passed), rules };
}

// ---------- conflicts of interest ----------

export interface JudgeFacts {
  judgeId: number;
  name: string;
  organisation: string | null;
  /** Declared ties: to an entry, or to an organisation. */
  ties: { entryId: number | null; organisation: string | null; note: string }[];
}

export interface EntryParty {
  entryId: number;
  entrantName: string;
  organisation: string | null;
}

/** Names compared as organisations: full-width brackets and spaces folded, case ignored. */
export function sameOrganisation(a: string | null | undefined, b: string | null | undefined): boolean {
  const norm = (s: string) =>
    s
      .replace(/（/g, '(')
      .replace(/）/g, ')')
      .replace(/[\s\u3000]/g, '')
      .toLowerCase();
  return !!a && !!b && norm(a) !== '' && norm(a) === norm(b);
}

/** Why this judge may not judge this entry ([] = no conflict). */
export function conflictsOf(j: JudgeFacts, e: EntryParty): Bilingual[] {
  const out: Bilingual[] = [];
  for (const t of j.ties) {
    if (t.entryId === e.entryId)
      out.push({ zh: `评审专家申报了与该项目的关联关系：${t.note}`, en: `the judge declared a tie to this project: ${t.note}` });
    else if (
      t.organisation &&
      (sameOrganisation(t.organisation, e.entrantName) || sameOrganisation(t.organisation, e.organisation))
    )
      out.push({
        zh: `评审专家申报了与“${t.organisation}”的关联关系：${t.note}`,
        en: `the judge declared a tie to '${t.organisation}': ${t.note}`,
      });
  }
  if (sameOrganisation(j.organisation, e.entrantName) || sameOrganisation(j.organisation, e.organisation))
    out.push({
      zh: `评审专家与参赛主体同属“${j.organisation}”`,
      en: `the judge and the entrant belong to the same organisation '${j.organisation}'`,
    });
  return out;
}

export interface AssignmentPlan {
  assignments: { entryId: number; judgeId: number }[];
  /** Judge–entry pairs left out, with the reasons. */
  conflicts: { entryId: number; judgeId: number; reasons: Bilingual[] }[];
  /** Entries with fewer judges than wanted, because the pool is too small or conflicted. */
  shortfalls: { entryId: number; wanted: number; got: number }[];
}

/**
 * Assigns `perEntry` judges of the pool to each entry, never a conflicted one; among the free
 * judges the least loaded (then the lowest id) is chosen, so the load spreads evenly.
 * `existing` assignments count towards both the entry and the judge's load.
 */
export function planAssignments(
  entries: readonly EntryParty[],
  pool: readonly JudgeFacts[],
  perEntry: number,
  existing: readonly { entryId: number; judgeId: number }[] = [],
): AssignmentPlan {
  const load = new Map<number, number>(pool.map((j) => [j.judgeId, 0]));
  const has = new Map<number, Set<number>>();
  for (const a of existing) {
    load.set(a.judgeId, (load.get(a.judgeId) ?? 0) + 1);
    if (!has.has(a.entryId)) has.set(a.entryId, new Set());
    has.get(a.entryId)!.add(a.judgeId);
  }
  const plan: AssignmentPlan = { assignments: [], conflicts: [], shortfalls: [] };
  for (const e of entries) {
    const mine = has.get(e.entryId) ?? new Set<number>();
    const free: JudgeFacts[] = [];
    for (const j of pool) {
      if (mine.has(j.judgeId)) continue;
      const reasons = conflictsOf(j, e);
      if (reasons.length) plan.conflicts.push({ entryId: e.entryId, judgeId: j.judgeId, reasons });
      else free.push(j);
    }
    free.sort((a, b) => (load.get(a.judgeId) ?? 0) - (load.get(b.judgeId) ?? 0) || a.judgeId - b.judgeId);
    const need = Math.max(0, perEntry - mine.size);
    for (const j of free.slice(0, need)) {
      plan.assignments.push({ entryId: e.entryId, judgeId: j.judgeId });
      load.set(j.judgeId, (load.get(j.judgeId) ?? 0) + 1);
    }
    const got = mine.size + Math.min(need, free.length);
    if (got < perEntry) plan.shortfalls.push({ entryId: e.entryId, wanted: perEntry, got });
  }
  return plan;
}

// ---------- the rubric ----------

export interface Criterion {
  key: string;
  zh: string;
  en: string;
  /** Integer percent; a rubric's weights add up to 100. */
  weight: number;
}

export const MAX_POINTS = 100;

export function checkRubric(rubric: readonly Criterion[], field = 'rubric'): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (rubric.length === 0) out.push(problem(field, '评分细则至少需要一项指标', 'the rubric needs at least one criterion'));
  const keys = new Set<string>();
  rubric.forEach((c, i) => {
    if (!/^[a-z][a-z0-9_]{0,39}$/.test(c.key))
      out.push(
        problem(
          `${field}[${i}].key`,
          '指标代码须为小写英文字母、数字或下划线',
          'the key must be lower-case letters, digits or _',
        ),
      );
    if (keys.has(c.key)) out.push(problem(`${field}[${i}].key`, '指标代码重复', 'the key is used twice'));
    keys.add(c.key);
    if (!Number.isInteger(c.weight) || c.weight < 1 || c.weight > 100)
      out.push(problem(`${field}[${i}].weight`, '权重须为1至100的整数', 'the weight must be a whole number from 1 to 100'));
  });
  const sum = rubric.reduce((s, c) => s + c.weight, 0);
  if (rubric.length && sum !== 100)
    out.push(problem(field, `各项权重之和须为100（现为${sum}）`, `the weights must add up to 100 (they add up to ${sum})`));
  return out;
}

/**
 * A judge's weighted total in centi-points: each criterion is scored 0–100 (whole points), the
 * total is Σ points × weight / 100 points, i.e. Σ points × weight centi-points — exact.
 */
export function weightedTotal(
  rubric: readonly Criterion[],
  points: Record<string, unknown>,
): { totalCenti: number; criteria: Record<string, number> } | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const criteria: Record<string, number> = {};
  let total = 0;
  for (const c of rubric) {
    const v = points[c.key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > MAX_POINTS) {
      problems.push(
        problem(
          `scores.${c.key}`,
          `“${c.zh}”须为0至${MAX_POINTS}的整数`,
          `'${c.en}' must be a whole number from 0 to ${MAX_POINTS}`,
        ),
      );
      continue;
    }
    criteria[c.key] = v;
    total += v * c.weight;
  }
  for (const k of Object.keys(points))
    if (!rubric.some((c) => c.key === k))
      problems.push(problem(`scores.${k}`, '评分细则中没有该指标', 'no such criterion in the rubric'));
  return problems.length ? { problems } : { totalCenti: total, criteria };
}

/** The heaviest criterion (the first of equal weights), used by the tie-break. */
export function heaviestCriterion(rubric: readonly Criterion[]): Criterion | null {
  let best: Criterion | null = null;
  for (const c of rubric) if (!best || c.weight > best.weight) best = c;
  return best;
}

// ---------- aggregation ----------

export interface AggregationRules {
  /** A project is rankable only when at least this many judges scored it. */
  minJudges: number;
  /** From this many scores on, the highest and the lowest are dropped. */
  trimFromJudges: number;
}

export type Aggregate =
  | { status: 'incomplete'; scored: number; required: number }
  | {
      status: 'complete';
      scored: number;
      /** Scores counted after trimming. */
      used: number;
      sumCenti: number;
      /** The dropped highest and lowest, when trimmed. */
      dropped: { highest: number; lowest: number } | null;
      /** sumCenti / used, rounded half up to a whole centi-point, for display and storage only. */
      meanCenti: number;
    };

export function aggregate(totals: readonly number[], rules: AggregationRules): Aggregate {
  const scored = totals.length;
  if (scored < rules.minJudges || scored === 0) return { status: 'incomplete', scored, required: Math.max(1, rules.minJudges) };
  const sorted = [...totals].sort((a, b) => a - b);
  const trim = scored >= rules.trimFromJudges && scored >= 3;
  const used = trim ? sorted.slice(1, -1) : sorted;
  const sumCenti = used.reduce((s, v) => s + v, 0);
  return {
    status: 'complete',
    scored,
    used: used.length,
    sumCenti,
    dropped: trim ? { highest: sorted[sorted.length - 1]!, lowest: sorted[0]! } : null,
    meanCenti: Math.floor((2 * sumCenti + used.length) / (2 * used.length)),
  };
}

/** Compares a/b with c/d exactly (positive denominators): <0, 0, >0. */
const compareFractions = (a: number, b: number, c: number, d: number): number => a * d - c * b;

// ---------- ranking ----------

export interface RankInput {
  entryId: number;
  code: string;
  registeredAt: string;
  /** Each judge's total and points per criterion. */
  scores: { totalCenti: number; criteria: Record<string, number> }[];
}

export interface RankedEntry {
  entryId: number;
  code: string;
  rank: number;
  aggregate: Extract<Aggregate, { status: 'complete' }>;
  /** Mean points of the heaviest criterion over all judges (tie-break 2), as a fraction. */
  heaviest: { sum: number; count: number };
  /** How the place against the entry just above was decided, when their trimmed means are equal. */
  tieBreak: Bilingual | null;
}

export type Ranking =
  | { status: 'incomplete'; incomplete: { entryId: number; code: string; scored: number; required: number }[] }
  | { status: 'ranked'; entries: RankedEntry[] };

export const TIE_BREAK_RULE: Bilingual = {
  zh: '排序规则：①去掉最高分和最低分后的平均分（评审不足规定人数时不去分）高者在前；②相同时，权重最大指标的平均得分高者在前；③仍相同时，报名时间早者在前；④再相同时按项目编号。',
  en: 'Order: (1) the higher trimmed mean (highest and lowest dropped when enough judges scored); (2) if equal, the higher mean on the heaviest criterion; (3) if still equal, the earlier registration; (4) finally the project code.',
};

/** Ranks one group of one stage. Any project short of judges makes the whole group unrankable. */
export function rankEntries(inputs: readonly RankInput[], rubric: readonly Criterion[], rules: AggregationRules): Ranking {
  const heavy = heaviestCriterion(rubric);
  const incomplete: { entryId: number; code: string; scored: number; required: number }[] = [];
  const rows: Omit<RankedEntry, 'rank' | 'tieBreak'>[] = [];
  const registered = new Map<number, string>();
  for (const e of inputs) {
    registered.set(e.entryId, e.registeredAt);
    const a = aggregate(
      e.scores.map((s) => s.totalCenti),
      rules,
    );
    if (a.status === 'incomplete') {
      incomplete.push({ entryId: e.entryId, code: e.code, scored: a.scored, required: a.required });
      continue;
    }
    const hs = heavy ? e.scores.map((s) => s.criteria[heavy.key] ?? 0) : [];
    rows.push({
      entryId: e.entryId,
      code: e.code,
      aggregate: a,
      heaviest: { sum: hs.reduce((x, y) => x + y, 0), count: Math.max(1, hs.length) },
    });
  }
  if (incomplete.length) return { status: 'incomplete', incomplete };
  const byMean = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
    compareFractions(b.aggregate.sumCenti, b.aggregate.used, a.aggregate.sumCenti, a.aggregate.used);
  const byHeavy = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
    compareFractions(b.heaviest.sum, b.heaviest.count, a.heaviest.sum, a.heaviest.count);
  const byTime = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
    Date.parse(registered.get(a.entryId)!) - Date.parse(registered.get(b.entryId)!);
  const byCode = (a: (typeof rows)[number], b: (typeof rows)[number]) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  rows.sort((a, b) => byMean(a, b) || byHeavy(a, b) || byTime(a, b) || byCode(a, b));
  const entries: RankedEntry[] = rows.map((r, i) => {
    const above = rows[i - 1];
    let tieBreak: Bilingual | null = null;
    if (above && byMean(above, r) === 0) {
      const mean = (r.aggregate.meanCenti / 100).toFixed(2);
      if (byHeavy(above, r) !== 0)
        tieBreak = {
          zh: `与${above.code}平均分同为${mean}，按“${heavy?.zh ?? ''}”平均得分排在其后`,
          en: `same mean ${mean} as ${above.code}; placed after it on the mean of '${heavy?.en ?? ''}'`,
        };
      else if (byTime(above, r) !== 0)
        tieBreak = {
          zh: `与${above.code}平均分及“${heavy?.zh ?? ''}”得分均相同，按报名时间排在其后`,
          en: `same mean and same '${heavy?.en ?? ''}' as ${above.code}; placed after it by registration time`,
        };
      else
        tieBreak = {
          zh: `与${above.code}各项均相同，按项目编号排在其后`,
          en: `equal to ${above.code} in every respect; placed after it by project code`,
        };
    }
    return { ...r, rank: i + 1, tieBreak };
  });
  return { status: 'ranked', entries };
}

// ---------- advancement and recommendation ----------

/** How many of `n` ranked projects advance: a count, or a share (rounded up), never more than n. */
export function advancingCount(n: number, rule: { count: number | null; sharePercent: number | null }): number {
  if (rule.count !== null) return Math.min(n, Math.max(0, rule.count));
  if (rule.sharePercent !== null) return Math.min(n, Math.ceil((n * rule.sharePercent) / 100));
  return 0;
}

export type Recommendation = 'national' | 'provincial';

/** Final-stage places recommended onwards: the first `national`, then `provincial` more. */
export function recommendationFor(rank: number, quota: { national: number; provincial: number }): Recommendation | null {
  if (rank <= quota.national) return 'national';
  if (rank <= quota.national + quota.provincial) return 'provincial';
  return null;
}

/** A stage accepts registrations or scores from `opensOn` to `closesOn`, both included. */
export function stageOpenOn(stage: { opensOn: string; closesOn: string }, today: string): boolean {
  return stage.opensOn <= today && today <= stage.closesOn;
}

/** The blind project code: 2026-E-007 (E enterprise group, M maker group). */
export function projectCode(year: number, group: Group, seq: number): string {
  return `${year}-${group === 'enterprise' ? 'E' : 'M'}-${String(seq).padStart(3, '0')}`;
}

export const DEFAULT_RUBRIC: readonly Criterion[] = [
  { key: 'innovation', zh: '技术创新性', en: 'Technical innovation', weight: 30 },
  { key: 'market', zh: '市场前景', en: 'Market prospects', weight: 25 },
  { key: 'business_model', zh: '商业模式', en: 'Business model', weight: 15 },
  { key: 'team', zh: '团队能力', en: 'Team', weight: 20 },
  { key: 'social_value', zh: '社会与产业带动', en: 'Social and industrial value', weight: 10 },
];

// ---------- the season's setup: editions, stages, groups, tracks ----------

export interface StageDates {
  kind: StageKind;
  opensOn: string;
  closesOn: string;
}

/** Each stage closes on or after it opens, and opens on or after the previous stage (in kind order) closes. */
export function checkStageDates(stages: readonly StageDates[], field = 'stages'): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const s of stages)
    if (s.closesOn < s.opensOn)
      out.push(problem(`${field}.${s.kind}.closesOn`, '截止日期不能早于开始日期', 'the closing date is before the opening date'));
  const ordered = [...stages].sort((a, b) => stageOrder(a.kind) - stageOrder(b.kind));
  for (let i = 1; i < ordered.length; i++) {
    const prev = ordered[i - 1]!;
    const cur = ordered[i]!;
    if (cur.opensOn < prev.closesOn)
      out.push(
        problem(
          `${field}.${cur.kind}.opensOn`,
          `该阶段须在上一阶段（${prev.kind}，${prev.closesOn}截止）结束后开始`,
          `this stage must open on or after the previous stage (${prev.kind}) closes on ${prev.closesOn}`,
        ),
      );
  }
  return out;
}

/** A stage added to an edition: its kind is not there yet, and it does not come before a stage already ranked. */
export function checkNewStage(
  kind: StageKind,
  existing: readonly { kind: StageKind; rankedAt: string | null }[],
): FieldProblem[] {
  if (existing.some((s) => s.kind === kind)) return [problem('kind', '本届已有该阶段', 'this edition has this stage already')];
  const ranked = existing.filter((s) => s.rankedAt && stageOrder(s.kind) > stageOrder(kind));
  if (ranked.length)
    return [
      problem(
        'kind',
        `不能在已排名的阶段（${ranked.map((s) => STAGE_NAMES[s.kind].zh).join('、')}）之前新增阶段`,
        `a stage cannot be added before a stage already ranked (${ranked.map((s) => STAGE_NAMES[s.kind].en).join(', ')})`,
      ),
    ];
  return [];
}

export interface StageSettings {
  opensOn: string;
  closesOn: string;
  rubric: Criterion[];
  judgesPerEntry: number;
  minJudges: number;
  trimAtLeast: number;
  advanceCount: number | null;
  advanceSharePercent: number | null;
}

const sameRubric = (a: readonly Criterion[], b: readonly Criterion[]) => JSON.stringify(a) === JSON.stringify(b);

export interface StageProgress {
  kind: StageKind;
  rankedAt: string | null;
  publishedAt: string | null;
}

/**
 * Why a stage's settings are locked (null = open): its results are published, or the season has
 * moved past it — a later stage of the edition is ranked or published, so moving, say, the
 * registration window would change the terms entries were admitted and judged on. The roadshow,
 * last and unscored, is never passed, so its dates stay correctable.
 */
export function stageLock(stage: StageProgress, stages: readonly StageProgress[]): Bilingual | null {
  if (stage.publishedAt)
    return { zh: '该阶段结果已公布，设置已锁定', en: 'the results of this stage are published; its settings are locked' };
  const later = stages
    .filter((s) => stageOrder(s.kind) > stageOrder(stage.kind) && (s.rankedAt || s.publishedAt))
    .sort((a, b) => stageOrder(b.kind) - stageOrder(a.kind))[0];
  if (later)
    return {
      zh: `赛程已进入${STAGE_NAMES[later.kind].zh}（已${later.publishedAt ? '公布' : '排名'}），该阶段设置已锁定`,
      en: `the season has moved past this stage (the ${STAGE_NAMES[later.kind].en} is ${later.publishedAt ? 'published' : 'ranked'}); its settings are locked`,
    };
  return null;
}

/**
 * Why a stage change is refused (null = allowed): a locked stage (`stageLock`: published, or the
 * season has moved past it) takes no change, and the rubric is frozen once any judge has scored in
 * the stage (scores were weighted by it).
 */
export function stageChangeRefusal(
  stage: StageSettings & StageProgress,
  next: StageSettings,
  scoringStarted: boolean,
  stages: readonly StageProgress[] = [],
): Bilingual | null {
  const lock = stageLock(stage, stages);
  if (lock) return lock;
  if (scoringStarted && !sameRubric(stage.rubric, next.rubric))
    return {
      zh: '已有评审专家评分，评分细则已冻结',
      en: 'judges have started scoring; the rubric is frozen',
    };
  return null;
}

/** A change of anything a ranking is computed from (everything but the dates) clears the stage's ranking. */
export function changeClearsRanking(before: StageSettings, after: StageSettings): boolean {
  return (
    !sameRubric(before.rubric, after.rubric) ||
    before.judgesPerEntry !== after.judgesPerEntry ||
    before.minJudges !== after.minJudges ||
    before.trimAtLeast !== after.trimAtLeast ||
    before.advanceCount !== after.advanceCount ||
    before.advanceSharePercent !== after.advanceSharePercent
  );
}

/** A group or track with registered entries cannot be removed (null = may be removed). */
export function removalRefusal(what: 'group' | 'track', label: string, entries: number): Bilingual | null {
  if (entries === 0) return null;
  return what === 'group'
    ? { zh: `“${label}”已有${entries}个报名项目，不能取消`, en: `'${label}' has ${entries} entries; it cannot be removed` }
    : {
        zh: `赛道“${label}”已有${entries}个报名项目，不能删除`,
        en: `track '${label}' has ${entries} entries; it cannot be removed`,
      };
}

/** Where the projects advancing from `kind` go: the next stage the edition has (stages may be skipped). */
export function nextConfiguredStage(kind: StageKind, configured: readonly StageKind[]): StageKind | null {
  const later = configured.filter((k) => stageOrder(k) > stageOrder(kind)).sort((a, b) => stageOrder(a) - stageOrder(b));
  return later[0] ?? null;
}

// ---------- investments ----------

/** The forward path of a fund investment; `disbursed` is 资金到位 (funded). Withdrawal ends it at any point before. */
export const INVESTMENT_PATH = ['intent', 'due_diligence', 'signed', 'disbursed'] as const;
export const INVESTMENT_STATUSES = [...INVESTMENT_PATH, 'withdrawn'] as const;
export type InvestmentStatus = (typeof INVESTMENT_STATUSES)[number];

/** Why an investment may not move from `from` to `to` (null = it may; staying put is no move). */
export function investmentMoveRefusal(from: InvestmentStatus, to: InvestmentStatus): Bilingual | null {
  if (from === to) return null;
  if (from === 'withdrawn')
    return { zh: '该投资已撤回，状态不能再变更', en: 'the investment was withdrawn; its status is final' };
  if (from === 'disbursed') return { zh: '资金已到位，状态不能再变更', en: 'the investment is funded; its status is final' };
  if (to === 'withdrawn') return null;
  const a = INVESTMENT_PATH.indexOf(from);
  const b = INVESTMENT_PATH.indexOf(to);
  if (b < a)
    return {
      zh: '投资状态只能向前推进（意向→尽职调查→签约→资金到位），或撤回',
      en: 'an investment only moves forward (intent → due diligence → signed → funded), or is withdrawn',
    };
  return null;
}
