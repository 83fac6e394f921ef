/**
 * The credit-repair rule sets as code. The NDRC rule set in force on the decision date
 * (处罚决定日期) classifies the record and sets its publicity on "信用中国" and the repair
 * window; for market-regulation decisions SAMR order No. 45 adds the publication on
 * 国家企业信用信息公示系统. Formulas are small and chosen by rule set, not by date branches:
 * the registry picks the rule set, the parameters carry the numbers.
 */
import { traceParameter } from '../core/clause.ts';
import { addMonths, dayBefore, isIsoDate } from '../core/dates.ts';
import { valueAt, type Parameter, type Reference } from '../core/parameter.ts';
import { PolicyRegistry, type PolicyVersion } from '../core/version.ts';
import type { TraceParameter } from '../core/results.ts';
import { NDRC_36_FROM, NDRC_36_ZH, NDRC_58_FROM, NDRC_58_ZH, SAMR_45_FROM, SAMR_45_ZH, ref36, ref45, ref58 } from './document.ts';
import * as P from './parameters.ts';
import {
  PENALTY_TYPE_ZH,
  SEVERITY_ZH,
  type CreditAssessment,
  type PenaltyFacts,
  type PenaltyType,
  type SectorAssessment,
  type Severity,
  type Step,
  type WorkingDayCalendar,
} from './types.ts';

export const NDRC_58: PolicyVersion = {
  id: 'ndrc-58-2023',
  titleZh: NDRC_58_ZH,
  status: 'final',
  effectiveFrom: NDRC_58_FROM,
  effectiveFromReference: ref58('附则（自2023年5月1日起施行）'),
  clauses: [],
};

export const NDRC_36: PolicyVersion = {
  id: 'ndrc-36-2026',
  titleZh: NDRC_36_ZH,
  status: 'final',
  effectiveFrom: NDRC_36_FROM,
  effectiveFromReference: ref36(
    '附则（自2026年4月1日起施行）',
    'Whether 36号令 formally repeals 58号令 was not visible; it is treated as the successor from 2026-04-01.',
  ),
  clauses: [],
};

/** The NDRC rule sets, each governing the decisions dated in its window. */
export function creditRuleSets(): PolicyRegistry {
  return new PolicyRegistry().register(NDRC_58).register(NDRC_36);
}

const REGISTRY = creditRuleSets();

export class NoRuleSet extends Error {
  constructor(readonly date: string) {
    super(`no credit-repair rule set is encoded for decisions dated ${date} (the first starts ${NDRC_58_FROM})`);
  }
}

// ---------- helpers that record what they read ----------

class Reader {
  readonly used: TraceParameter[] = [];
  constructor(private readonly date: string) {}
  get<T>(param: Parameter<T>): T {
    const v = valueAt(param, this.date);
    this.used.push(traceParameter(param as Parameter<never>, v as never));
    if (v === undefined) throw new Error(`${param.id} has no value on ${this.date}`);
    return v.value;
  }
  /** A parameter that may have no value (a repealed or unknown figure). */
  maybe<T>(param: Parameter<T>): T | undefined {
    const v = valueAt(param, this.date);
    this.used.push(traceParameter(param as Parameter<never>, v as never));
    return v?.value;
  }
  /** The parameters read since the last call, for one step. */
  take(): TraceParameter[] {
    return this.used.splice(0, this.used.length);
  }
}

function step(r: Reader, id: string, zh: string, en: string, value: Step['value'], references: Reference[]): Step {
  return { id, zh, en, value, references, parameters: r.take() };
}

const typesOf = (f: PenaltyFacts): PenaltyType[] => [...new Set(f.penalties.map((l) => l.type))];
const names = (ts: readonly PenaltyType[]) => ts.map((t) => PENALTY_TYPE_ZH[t]).join('、');

// ---------- classification (shared by both NDRC rule sets) ----------

function classify(f: PenaltyFacts, r: Reader, steps: Step[], classRef: Reference): Severity {
  const types = typesOf(f);
  if (f.agencySeverity) {
    steps.push(
      step(
        r,
        'severity_by_agency',
        `认定单位依行业分类标准认定为${SEVERITY_ZH[f.agencySeverity]}失信信息`,
        `Classified ${f.agencySeverity} by the agency under its sector standard`,
        f.agencySeverity,
        [classRef],
      ),
    );
    return f.agencySeverity;
  }
  const serious = r.get(P.seriousPenaltyTypes);
  const hit = types.filter((t) => serious.includes(t));
  if (hit.length) {
    steps.push(
      step(
        r,
        'severity_serious_penalty',
        `处罚种类含${names(hit)}，属较为严重的行政处罚，列为严重失信信息`,
        `Includes ${hit.join(', ')}: serious`,
        'serious',
        [classRef],
      ),
    );
    return 'serious';
  }
  const minor = r.get(P.minorPenaltyTypes);
  if (types.length > 0 && types.every((t) => minor.includes(t))) {
    steps.push(
      step(
        r,
        'severity_minor_penalty',
        `仅受到${names(types)}处罚，列为轻微失信信息`,
        `Only ${types.join(', ')}: minor`,
        'minor',
        [classRef],
      ),
    );
    return 'minor';
  }
  steps.push(
    step(
      r,
      'severity_general',
      `处罚种类为${names(types)}，列为一般失信信息`,
      `Penalties ${types.join(', ')}: general`,
      'general',
      [classRef],
    ),
  );
  return 'general';
}

/** Simple-procedure decisions are outside 两书同达 and not published (both rule sets). */
function simpleProcedureExcluded(f: PenaltyFacts, r: Reader, steps: Step[]): boolean {
  const excluded = f.procedure === 'simple' && r.get(P.simpleProcedureOutOfScope);
  if (f.procedure === 'simple') {
    steps.push(
      step(
        r,
        'simple_procedure',
        excluded ? '适用简易程序作出的处罚，不予公示，无须送达信用修复告知书' : '简易程序处罚，仍按普通规则处理',
        excluded ? 'Simple procedure: not published, no notice' : 'Simple procedure, treated as ordinary',
        excluded,
        [ref45('第二条')],
      ),
    );
  } else r.take();
  return excluded;
}

function periods(from: string, minMonths: number, maxMonths: number) {
  const earliest = addMonths(from, minMonths);
  const stops = addMonths(from, maxMonths);
  return {
    publicityFrom: from,
    minimumEndsOn: dayBefore(earliest),
    earliestRepairOn: earliest,
    publicityEndsOn: dayBefore(stops),
  };
}

type Core = Pick<
  CreditAssessment,
  | 'severity'
  | 'severitySource'
  | 'noticeRequired'
  | 'published'
  | 'publicityFrom'
  | 'minimumEndsOn'
  | 'earliestRepairOn'
  | 'publicityEndsOn'
  | 'repairWorkingDays'
  | 'materials'
>;

const unpublished = (
  severity: Severity,
  source: Core['severitySource'],
  repairWorkingDays: number,
  materials: readonly string[],
): Core => ({
  severity,
  severitySource: source,
  noticeRequired: false,
  published: false,
  publicityFrom: null,
  minimumEndsOn: null,
  earliestRepairOn: null,
  publicityEndsOn: null,
  repairWorkingDays,
  materials,
});

// ---------- NDRC order No. 58 ----------

function formula58(f: PenaltyFacts, r: Reader, steps: Step[]): Core {
  const limit = r.get(P.ndrc58RepairLimit);
  const materials = r.get(P.ndrc58Materials);
  steps.push(
    step(
      r,
      'repair_limit',
      `修复申请自提交之次日起${limit}个工作日内办结；申请材料${materials.length}项`,
      `Repair decided within ${limit} working days; ${materials.length} materials`,
      limit,
      [ref58('（修复办理时限）')],
    ),
  );
  const source = f.agencySeverity ? 'agency' : 'rule';
  const severity = classify(f, r, steps, ref58('（行政处罚信息公示范围）'));
  if (simpleProcedureExcluded(f, r, steps)) return unpublished(severity, source, limit, materials);
  if (severity === 'minor') {
    const publish = r.get(P.ndrc58PublishMinor);
    steps.push(
      step(
        r,
        'minor_published',
        publish ? '轻微失信信息按规定公示' : '仅受到警告、通报批评的行政处罚信息不予公示',
        publish ? 'Minor records are published' : 'Warning or criticism only: not published',
        publish,
        [ref58('（公示范围）')],
      ),
    );
    if (!publish) return unpublished(severity, source, limit, materials);
  }
  const special = r.get(P.ndrc58SpecialSectors).includes(f.sector);
  const min = special ? r.get(P.ndrc58MinMonthsSpecial) : r.get(P.ndrc58MinMonths);
  const max = r.get(P.ndrc58MaxMonths);
  const out = periods(f.decisionDate, min, max);
  steps.push(
    step(
      r,
      'publicity_period',
      `公示期自处罚决定作出之日（${f.decisionDate}）起算，最短${min}个月${special ? '（特种设备、安全生产、消防领域）' : ''}、最长${max}个月：最短公示期至${out.minimumEndsOn}，${out.earliestRepairOn}起可申请信用修复，最长至${out.publicityEndsOn}自动停止公示`,
      `From the decision date ${f.decisionDate}: minimum ${min} months (until ${out.minimumEndsOn}; repair from ${out.earliestRepairOn}), maximum ${max} months (until ${out.publicityEndsOn})`,
      out.earliestRepairOn,
      [ref58('（公示期限）')],
    ),
  );
  return { severity, severitySource: source, noticeRequired: true, published: true, ...out, repairWorkingDays: limit, materials };
}

// ---------- NDRC order No. 36 ----------

function formula36(f: PenaltyFacts, r: Reader, steps: Step[]): Core {
  const limit = r.get(P.ndrc36RepairLimit);
  const materials = r.get(P.ndrc36Materials);
  steps.push(
    step(
      r,
      'repair_limit',
      `修复申请自受理之次日起${limit}个工作日内反馈结果；申请材料${materials.length}项`,
      `Repair decided within ${limit} working days; ${materials.length} materials`,
      limit,
      [ref36('（修复办理时限）')],
    ),
  );
  const source = f.agencySeverity ? 'agency' : 'rule';
  const severity = classify(f, r, steps, ref36('（失信信息分类）'));
  if (simpleProcedureExcluded(f, r, steps)) return unpublished(severity, source, limit, materials);
  if (severity === 'minor') {
    if (!f.publishMinor) {
      steps.push(
        step(r, 'minor_published', '轻微失信信息原则上不予公示', 'Minor records are in principle not published', false, [
          ref36('（轻微失信信息）'),
        ]),
      );
      return unpublished(severity, source, limit, materials);
    }
    const max = r.get(P.ndrc36MinorMaxMonths);
    const out = periods(f.decisionDate, 0, max);
    steps.push(
      step(
        r,
        'publicity_period',
        `行业主管部门认为确有必要公示的轻微失信信息，公示期最长${max}个月（至${out.publicityEndsOn}）；法定责任履行完毕即可申请修复（${out.earliestRepairOn}起）`,
        `Minor record published as necessary: at most ${max} months (until ${out.publicityEndsOn}); repair once obligations are fulfilled (from ${out.earliestRepairOn})`,
        out.earliestRepairOn,
        [ref36('（轻微失信信息）')],
      ),
    );
    return {
      severity,
      severitySource: source,
      noticeRequired: true,
      published: true,
      ...out,
      minimumEndsOn: null,
      repairWorkingDays: limit,
      materials,
    };
  }
  const min = severity === 'serious' ? r.get(P.ndrc36SeriousMinMonths) : r.get(P.ndrc36GeneralMinMonths);
  const max = severity === 'serious' ? r.get(P.ndrc36SeriousMaxMonths) : r.get(P.ndrc36GeneralMaxMonths);
  const out = periods(f.decisionDate, min, max);
  steps.push(
    step(
      r,
      'publicity_period',
      `${SEVERITY_ZH[severity]}失信信息公示期自认定之日（${f.decisionDate}）起算，最短${min}个月、最长${max}个月：最短公示期至${out.minimumEndsOn}，${out.earliestRepairOn}起可申请信用修复，最长至${out.publicityEndsOn}自动停止公示`,
      `${severity} record from ${f.decisionDate}: minimum ${min} months (until ${out.minimumEndsOn}; repair from ${out.earliestRepairOn}), maximum ${max} months (until ${out.publicityEndsOn})`,
      out.earliestRepairOn,
      [ref36('（失信信息分类与公示期限）')],
    ),
  );
  return { severity, severitySource: source, noticeRequired: true, published: true, ...out, repairWorkingDays: limit, materials };
}

const FORMULAS: Record<string, { id: string; version: string; run: typeof formula36 }> = {
  [NDRC_58.id]: { id: 'ndrc_58_publicity', version: '2023-05', run: formula58 },
  [NDRC_36.id]: { id: 'ndrc_36_publicity', version: '2026-04', run: formula36 },
};

// ---------- SAMR order No. 45 (market regulation) ----------

function samr45(f: PenaltyFacts, cal: WorkingDayCalendar, r: Reader, steps: Step[]): SectorAssessment | null {
  if (f.sector !== 'market_regulation' || f.decisionDate < SAMR_45_FROM) return null;
  const types = typesOf(f);
  const base = { ruleSet: 'samr-45-2021' as const, titleZh: SAMR_45_ZH };
  const notPublished = r.get(P.samr45NotPublished);
  if (f.procedure === 'simple' || types.every((t) => notPublished.includes(t))) {
    steps.push(
      step(
        r,
        'samr45_not_published',
        '市场监管：简易程序或仅受警告处罚的，不予公示',
        'Market regulation: simple procedure or warning only, not published',
        false,
        [ref45('第二条')],
      ),
    );
    return { ...base, published: false, publishBy: null, publicityEndsOn: null, earlyStopAllowed: false };
  }
  const within = r.get(P.samr45PublishWithin);
  const publishBy = cal.addWorkingDays(f.decisionDate, within);
  steps.push(
    step(
      r,
      'samr45_publish_by',
      `市场监管：自作出决定之日起${within}个工作日内（${publishBy}前）在国家企业信用信息公示系统公示`,
      `Market regulation: publish within ${within} working days (by ${publishBy})`,
      publishBy,
      [ref45('第九条')],
    ),
  );
  const threshold = r.maybe(P.samr45LowFineThreshold);
  const fines = f.penalties.filter((l) => l.type === 'fine');
  const lowFine =
    fines.length > 0 &&
    (threshold !== undefined ? fines.every((l) => (l.amountYuan ?? 0) < threshold) : f.lowAmountFine === true);
  const shortTypes = r.get(P.samr45ShortTypes);
  const short = types.every((t) => [...notPublished, ...shortTypes].includes(t) || (t === 'fine' && lowFine));
  const months = short ? r.get(P.samr45ShortMonths) : r.get(P.samr45LongMonths);
  r.get(P.samr45PublicityStart);
  const restriction = Math.max(
    0,
    ...f.penalties
      .filter((l) => l.type === 'business_restriction' || l.type === 'practice_restriction')
      .map((l) => l.months ?? 0),
  );
  const effective = Math.max(months, restriction);
  const endsOn = dayBefore(addMonths(f.decisionDate, effective));
  steps.push(
    step(
      r,
      'samr45_publicity_period',
      `市场监管：${short ? '仅受到通报批评或较低数额罚款' : '其他行政处罚'}信息公示${effective}个月${effective > months ? '（按实际限制期限）' : ''}，自决定日起算至${endsOn}`,
      `Market regulation: published ${effective} months, until ${endsOn}`,
      endsOn,
      [ref45('第十三条')],
    ),
  );
  const noEarly = r.get(P.samr45NoEarlyStop);
  const earlyStopAllowed = !types.some((t) => noEarly.includes(t));
  steps.push(
    step(
      r,
      'samr45_early_stop',
      earlyStopAllowed ? '符合第十四条条件的，可申请提前停止公示' : '属较为严重的行政处罚，不得提前停止公示',
      earlyStopAllowed ? 'Early stop may be applied for' : 'No early stop',
      earlyStopAllowed,
      [ref45('第十四条')],
    ),
  );
  return { ...base, published: true, publishBy, publicityEndsOn: endsOn, earlyStopAllowed };
}

/** Classifies a decision and computes its periods under the rule set in force on its date. */
export function assessPenalty(f: PenaltyFacts, cal: WorkingDayCalendar, registry: PolicyRegistry = REGISTRY): CreditAssessment {
  if (!isIsoDate(f.decisionDate)) throw new Error(`not a date: ${f.decisionDate}`);
  const version = registry.versionFor(f.decisionDate);
  const formula = version ? FORMULAS[version.id] : undefined;
  if (!version || !formula) throw new NoRuleSet(f.decisionDate);
  const window = registry.windowOf(version);
  const r = new Reader(f.decisionDate);
  const steps: Step[] = [
    {
      id: 'rule_set',
      zh: `处罚决定日期${f.decisionDate}，适用《${version.titleZh}》（${window.from}起${window.until ? `至${window.until}` : ''}）`,
      en: `Decision dated ${f.decisionDate}: rule set ${version.id} (${window.from}–${window.until ?? 'open'})`,
      value: version.id,
      references: [version.effectiveFromReference],
      parameters: [],
    },
  ];
  const core = formula.run(f, r, steps);
  const sector = samr45(f, cal, r, steps);
  return {
    ruleSet: { id: version.id, titleZh: version.titleZh, effectiveFrom: window.from, effectiveUntil: window.until },
    formula: { id: formula.id, version: formula.version },
    ...core,
    // A market-regulation decision published under 45号令 is also within 两书同达 (第八条: written notice at delivery).
    noticeRequired: core.noticeRequired || (sector?.published ?? false),
    sector,
    steps,
  };
}

export interface RepairDue {
  dueOn: string;
  step: Step;
}

/** The last day to decide a repair application received on `receivedOn` (that day not counted). */
export function repairDecisionDue(
  a: Pick<CreditAssessment, 'repairWorkingDays' | 'ruleSet'>,
  receivedOn: string,
  cal: WorkingDayCalendar,
): RepairDue {
  const dueOn = cal.addWorkingDays(receivedOn, a.repairWorkingDays);
  return {
    dueOn,
    step: {
      id: 'repair_due',
      zh: `修复申请${receivedOn}收到，按《${a.ruleSet.titleZh}》于${a.repairWorkingDays}个工作日内（${dueOn}前，收到当日不计）作出决定`,
      en: `Application received ${receivedOn}: decide within ${a.repairWorkingDays} working days, by ${dueOn} (the day of receipt not counted)`,
      value: dueOn,
      references: [],
      parameters: [],
    },
  };
}

/** Whether a repair may be applied for on `date`. */
export function repairOpen(
  a: Pick<CreditAssessment, 'published' | 'earliestRepairOn' | 'publicityEndsOn'>,
  date: string,
): boolean {
  return (
    a.published &&
    a.earliestRepairOn !== null &&
    a.earliestRepairOn <= date &&
    (a.publicityEndsOn === null || date <= a.publicityEndsOn)
  );
}
