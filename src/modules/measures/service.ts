/**
 * Carrying out the measures (督办): the responsible units, the quarterly progress reports (draft →
 * submitted → returned / accepted) with their history and attachments, overdue reminders, and the
 * leadership view of the thirteen measures with the figures behind each status.
 *
 * Every change runs in one transaction with its audit entry and its history event; a report is
 * unique per measure, unit and quarter, and every change checks the report's version.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Tx } from '../../db/client.ts';
import { AppError, type Bilingual, type FieldProblem } from '../../shared/errors.ts';
import { todayShanghai } from '../../shared/dates.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import {
  canReadMeasures,
  canReportForUnit,
  isGeneralOffice,
  type MeasureMembership,
  type Principal,
} from '../access/principal.ts';
import { recogniseDocument } from '../cases/case-documents.ts';
import {
  leadUnitOf,
  MEASURES,
  measureOf,
  measuresOnTrackTolerance,
  measuresReportDueWorkingDays,
  reportingUnitsOf,
  RESPONSIBLE_UNITS,
  type MeasureDefinition,
} from '../../../policy/jinan-quality-sme-measures/measures.ts';
import {
  canTransition,
  dueOn,
  FIRST_PERIOD,
  isOverdue,
  judgeIndicator,
  measureStatus,
  parsePeriod,
  periodOf,
  periodsBetween,
  reportingPeriod,
  statusAfter,
  STATUS_LABELS,
  type MeasureStatus,
  type Progress,
  type Quarter,
  type ReportAction,
  type ReportStatus,
} from './domain.ts';
import { computedIndicator, INDICATORS } from './indicators.ts';

export const ATTACHMENT_LIMITS = { maxBytes: 5 * 1024 * 1024, perReport: 10 } as const;

const actorOf = (p: Principal): Actor => ({ id: p.userId, name: p.username });
const problem = (field: string, zh: string, en: string): FieldProblem => ({ field, reason: { zh, en } });
const invalid = (...fields: FieldProblem[]) => new AppError('validation_failed', { fields });

// ---------- units and memberships ----------

const ensured = new WeakSet<Database>();

/** The units of policy/…/measures.ts in the database (idempotent; names are the key). */
export async function ensureResponsibleUnits(tx: Tx | Database['db']): Promise<void> {
  for (const [i, u] of RESPONSIBLE_UNITS.entries())
    await tx.execute(
      sql`insert into responsible_units (name_zh, name_en, kind, sort) values (${u.nameZh}, ${u.nameEn}, ${u.kind}, ${i})
          on conflict (name_zh) do nothing`,
    );
}

async function unitsReady(database: Database): Promise<void> {
  if (ensured.has(database)) return;
  await database.db.transaction(async (tx) => ensureResponsibleUnits(tx));
  ensured.add(database);
}

export interface UnitRow {
  id: number;
  nameZh: string;
  nameEn: string;
  kind: 'department' | 'group' | 'office';
}

async function unitsByName(database: Database): Promise<Map<string, UnitRow>> {
  await unitsReady(database);
  const rows = await database.query<UnitRow>(
    `select id, name_zh as "nameZh", name_en as "nameEn", kind from responsible_units order by sort, id`,
  );
  return new Map(rows.map((r) => [r.nameZh, { ...r, id: Number(r.id) }]));
}

export async function membershipsOf(database: Database, p: Principal): Promise<MeasureMembership[]> {
  const rows = await database.query<{ unit_id: number; kind: MeasureMembership['kind'] }>(
    `select m.unit_id, u.kind from responsible_unit_members m join responsible_units u on u.id = m.unit_id where m.user_id = $1`,
    [p.userId],
  );
  return rows.map((r) => ({ unitId: Number(r.unit_id), kind: r.kind }));
}

async function readable(database: Database, p: Principal): Promise<MeasureMembership[]> {
  await unitsReady(database);
  const m = await membershipsOf(database, p);
  if (!canReadMeasures(p, m)) throw new AppError('not_found');
  return m;
}

/** Who I am here: the units I report for, whether I am the general office, the quarter being collected. */
export async function measuresViewer(database: Database, p: Principal, today = todayShanghai()) {
  const m = await readable(database, p);
  const units = await unitsByName(database);
  const mine = [...units.values()].filter((u) => m.some((x) => x.unitId === u.id));
  return {
    units: mine,
    isOffice: isGeneralOffice(m),
    reportingPeriod: reportingPeriod(today),
    currentPeriod: periodOf(today),
    firstPeriod: FIRST_PERIOD,
    rules: {
      dueWorkingDays: measuresReportDueWorkingDays.values.at(-1)!.value,
      dueInterpretation: measuresReportDueWorkingDays.interpretation,
      tolerance: measuresOnTrackTolerance.values.at(-1)!.value,
      toleranceInterpretation: measuresOnTrackTolerance.interpretation,
    },
  };
}

// ---------- periods ----------

function quarterOrThrow(period: string, today: string, field = 'period'): Quarter {
  const q = parsePeriod(period);
  if (!q) throw invalid(problem(field, '季度格式应为“2026Q3”', 'the quarter must look like 2026Q3'));
  if (period < FIRST_PERIOD || period > periodOf(today))
    throw invalid(
      problem(
        field,
        `季度须在${FIRST_PERIOD}至本季度之间`,
        `the quarter must be between ${FIRST_PERIOD} and the current quarter`,
      ),
    );
  return q;
}

// ---------- reports ----------

export interface ReportValue {
  indicatorId: string;
  value: number;
  note: string;
}

interface ReportRow {
  id: number;
  measure: number;
  unit_id: number;
  period: string;
  status: ReportStatus;
  progress: Progress | null;
  summary: string;
  values: ReportValue[];
  due_on: string;
  submitted_at: Date | null;
  decided_at: Date | null;
  return_reason: string | null;
  version: number;
  updated_at: Date;
}

const REPORT_COLUMNS = `r.id, r.measure, r.unit_id, r.period, r.status, r.progress, r.summary, r.values, r.due_on, r.submitted_at,
  r.decided_at, r.return_reason, r.version, r.updated_at`;

function presentReport(r: ReportRow, unit: UnitRow | undefined, today: string) {
  return {
    id: Number(r.id),
    measure: r.measure,
    unitId: Number(r.unit_id),
    unitZh: unit?.nameZh ?? '',
    unitEn: unit?.nameEn ?? '',
    period: r.period,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    progress: r.progress,
    summary: r.summary,
    values: r.values,
    dueOn: r.due_on,
    overdue: isOverdue(r.status, r.due_on, today),
    submittedAt: r.submitted_at,
    decidedAt: r.decided_at,
    returnReason: r.return_reason,
    version: r.version,
    updatedAt: r.updated_at,
  };
}
export type Report = ReturnType<typeof presentReport>;

/** The indicators of a measure that units enter (those without a computation in the registry). */
export function enteredIndicators(m: MeasureDefinition) {
  return m.indicators.filter((i) => !computedIndicator(i.id));
}

function checkValues(m: MeasureDefinition, values: readonly ReportValue[]): FieldProblem[] {
  const allowed = new Set(enteredIndicators(m).map((i) => i.id));
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  values.forEach((v, i) => {
    if (!allowed.has(v.indicatorId))
      problems.push(
        problem(
          `values[${i}].indicatorId`,
          `指标“${v.indicatorId}”不由本措施的责任单位填报`,
          `indicator '${v.indicatorId}' is not entered for this measure`,
        ),
      );
    else if (seen.has(v.indicatorId))
      problems.push(problem(`values[${i}].indicatorId`, '指标重复填报', 'the indicator is given twice'));
    seen.add(v.indicatorId);
    if (!Number.isFinite(v.value) || v.value < 0 || v.value > 1e13)
      problems.push(problem(`values[${i}].value`, '数值须为不小于0的数', 'the value must be a number of at least 0'));
    if (v.note.length > 500)
      problems.push(problem(`values[${i}].note`, '说明不超过500字', 'the note must be at most 500 characters'));
  });
  return problems;
}

async function addEvent(tx: Tx, reportId: number, action: string, status: ReportStatus, p: Principal, reason: string | null) {
  await tx.execute(
    sql`insert into measure_report_events (report_id, action, status_after, reason, actor_id, actor_name)
        values (${reportId}, ${action}, ${status}, ${reason}, ${p.userId || null}, ${p.displayName})`,
  );
}

async function lockReport(tx: Tx, id: number): Promise<ReportRow | undefined> {
  const [r] = await rowsOf<ReportRow>(
    tx,
    sql`select ${sql.raw(REPORT_COLUMNS)} from measure_reports r where r.id = ${id} for update`,
  );
  return r;
}

function stale(r: ReportRow, expected: number | undefined): void {
  if (expected !== undefined && expected !== r.version)
    throw new AppError('stale_version', {
      detail: { zh: `报告 ${r.id} 已被他人修改，请刷新后重试`, en: `Report ${r.id} was changed meanwhile; reload and try again` },
    });
}

function wrongState(r: { id: number; status: ReportStatus } | null, action: ReportAction): AppError {
  const s = r ? STATUS_LABELS[r.status] : { zh: '未填报', en: 'not started' };
  const a: Record<ReportAction, Bilingual> = {
    save: { zh: '保存', en: 'saved' },
    submit: { zh: '报送', en: 'submitted' },
    return: { zh: '退回', en: 'returned' },
    accept: { zh: '审核通过', en: 'accepted' },
  };
  return new AppError('conflict', {
    detail: { zh: `报告当前为“${s.zh}”，不能${a[action].zh}`, en: `The report is ${s.en}; it cannot be ${a[action].en} now` },
  });
}

export interface SaveInput {
  measure: number;
  unitId: number;
  period: string;
  summary: string;
  progress?: Progress | null | undefined;
  values?: ReportValue[] | undefined;
  /** The version the user edited; omitted for a new report. */
  version?: number | undefined;
  submit: boolean;
}

/** Saves (or saves and submits) a unit's report for a measure and quarter; creates it on first save. */
export async function saveReport(database: Database, p: Principal, input: SaveInput, today = todayShanghai()) {
  const memberships = await readable(database, p);
  const units = await unitsByName(database);
  const m = measureOf(input.measure);
  if (!m) throw invalid(problem('measure', '措施编号应为1至13', 'the measure must be 1 to 13'));
  const q = quarterOrThrow(input.period, today);
  const unit = [...units.values()].find((u) => u.id === input.unitId);
  if (!unit || !reportingUnitsOf(m).includes(unit.nameZh))
    throw invalid(problem('unitId', '该单位不是本措施的责任单位', 'the unit is not responsible for this measure'));
  if (!canReportForUnit(memberships, unit.id)) throw new AppError('forbidden');
  const values = input.values ?? [];
  const summary = input.summary.trim();
  const problems = checkValues(m, values);
  if (summary.length > 5000)
    problems.push(problem('summary', '进展情况不超过5000字', 'the summary must be at most 5000 characters'));
  if (input.submit) {
    if (summary.length < 10)
      problems.push(
        problem(
          'summary',
          '报送前请填写进展情况（至少10字）',
          'describe the progress (at least 10 characters) before submitting',
        ),
      );
    if (!input.progress)
      problems.push(problem('progress', '报送前请选择进度判断', 'choose whether the measure is on track before submitting'));
  }
  if (problems.length > 0) throw invalid(...problems);
  const action: ReportAction = input.submit ? 'submit' : 'save';
  const due = dueOn(q).dueOn;

  const report = await database.db.transaction(async (tx) => {
    const created = await rowsOf<{ id: number }>(
      tx,
      sql`insert into measure_reports (measure, unit_id, period, due_on, created_by) values (${m.number}, ${unit.id}, ${q.period}, ${due}, ${p.userId || null})
          on conflict (measure, unit_id, period) do nothing returning id`,
    );
    const [{ id } = { id: 0 }] = created.length
      ? created
      : await rowsOf<{ id: number }>(
          tx,
          sql`select id from measure_reports where measure = ${m.number} and unit_id = ${unit.id} and period = ${q.period}`,
        );
    const row = (await lockReport(tx, Number(id)))!;
    if (created.length === 0) stale(row, input.version);
    const from: ReportStatus | null = created.length ? null : row.status;
    if (!canTransition(action, from)) throw wrongState({ id: row.id, status: row.status }, action);
    const to = statusAfter(action, from);
    const before = { status: row.status, summary: row.summary, progress: row.progress, values: row.values, version: row.version };
    const [updated] = await rowsOf<ReportRow>(
      tx,
      sql`update measure_reports r set status = ${to}, summary = ${summary}, progress = ${input.progress ?? null},
                 values = ${JSON.stringify(values)}::jsonb, version = version + 1, updated_at = now(),
                 submitted_at = case when ${to} = 'submitted' then now() else submitted_at end
           where id = ${row.id} returning ${sql.raw(REPORT_COLUMNS)}`,
    );
    await addEvent(tx, row.id, action, to, p, null);
    await recordAudit(tx, actorOf(p), `measures.report.${action}`, 'measure_report', row.id, before, {
      measure: m.number,
      unit: unit.nameZh,
      period: q.period,
      status: to,
      summary,
      progress: input.progress ?? null,
      values,
    });
    if (to === 'submitted') await notifyOffice(tx, m.number, unit.nameZh, q.period, row.id);
    return updated!;
  });
  return presentReport(report, unit, today);
}

/** The general office returns (with a reason) or accepts a submitted report. */
export async function decideReport(
  database: Database,
  p: Principal,
  id: number,
  input: { action: 'return' | 'accept'; reason?: string | undefined; version?: number | undefined },
  today = todayShanghai(),
) {
  const memberships = await readable(database, p);
  if (!isGeneralOffice(memberships)) throw new AppError('forbidden');
  const reason = input.reason?.trim() ?? '';
  if (input.action === 'return' && reason.length < 2)
    throw invalid(problem('reason', '退回时请说明原因', 'give the reason for returning the report'));
  if (reason.length > 1000) throw invalid(problem('reason', '原因不超过1000字', 'the reason must be at most 1000 characters'));
  const units = await unitsByName(database);
  const report = await database.db.transaction(async (tx) => {
    const row = await lockReport(tx, id);
    if (!row) throw new AppError('not_found');
    stale(row, input.version);
    if (!canTransition(input.action, row.status)) throw wrongState({ id: row.id, status: row.status }, input.action);
    const to = statusAfter(input.action, row.status);
    const [updated] = await rowsOf<ReportRow>(
      tx,
      sql`update measure_reports r set status = ${to}, decided_at = now(), decided_by = ${p.userId || null},
                 return_reason = ${input.action === 'return' ? reason : null}, version = version + 1, updated_at = now()
           where id = ${id} returning ${sql.raw(REPORT_COLUMNS)}`,
    );
    await addEvent(tx, id, input.action, to, p, reason || null);
    await recordAudit(
      tx,
      actorOf(p),
      `measures.report.${input.action}`,
      'measure_report',
      id,
      { status: row.status },
      {
        status: to,
        reason: reason || null,
      },
    );
    const text: Bilingual =
      input.action === 'return'
        ? {
            zh: `措施${row.measure} ${row.period} 进展报告已被退回：${reason}`,
            en: `Progress report on measure ${row.measure} for ${row.period} was returned: ${reason}`,
          }
        : {
            zh: `措施${row.measure} ${row.period} 进展报告已审核通过`,
            en: `Progress report on measure ${row.measure} for ${row.period} was accepted`,
          };
    await notifyUnit(tx, Number(row.unit_id), text, `/measures/reports/${id}`);
    return updated!;
  });
  const unit = [...units.values()].find((u) => u.id === Number(report.unit_id));
  return presentReport(report, unit, today);
}

async function notifyUnit(tx: Tx, unitId: number, text: Bilingual, link: string): Promise<number> {
  const members = await rowsOf<{ user_id: number }>(
    tx,
    sql`select user_id from responsible_unit_members where unit_id = ${unitId}`,
  );
  for (const u of members) {
    await tx.execute(
      sql`insert into notifications (user_id, text_zh, text_en, link) values (${u.user_id}, ${text.zh}, ${text.en}, ${link})`,
    );
    await tx.execute(
      sql`insert into outbox (channel, payload) values ('email', ${JSON.stringify({ to: { userId: Number(u.user_id) }, subject: text.zh, text, link })}::jsonb)`,
    );
  }
  return members.length;
}

async function notifyOffice(tx: Tx, measure: number, unitZh: string, period: string, reportId: number): Promise<void> {
  const [office] = await rowsOf<{ id: number }>(
    tx,
    sql`select id from responsible_units where kind = 'office' order by id limit 1`,
  );
  if (!office) return;
  await notifyUnit(
    tx,
    Number(office.id),
    {
      zh: `${unitZh}报送了措施${measure} ${period} 进展报告，待审核`,
      en: `${unitZh} submitted the ${period} report on measure ${measure}; it waits for review`,
    },
    `/measures/reports/${reportId}`,
  );
}

export async function getReport(database: Database, p: Principal, id: number, today = todayShanghai()) {
  const memberships = await readable(database, p);
  const units = await unitsByName(database);
  const [row] = await database.query<ReportRow>(`select ${REPORT_COLUMNS} from measure_reports r where r.id = $1`, [id]);
  if (!row) throw new AppError('not_found');
  const unit = [...units.values()].find((u) => u.id === Number(row.unit_id));
  const events = await database.query<{
    id: number;
    action: string;
    statusAfter: ReportStatus;
    reason: string | null;
    actorName: string;
    at: Date;
  }>(
    `select id, action, status_after as "statusAfter", reason, actor_name as "actorName", at from measure_report_events where report_id = $1 order by at, id`,
    [id],
  );
  const attachments = await listAttachments(database, id);
  const m = measureOf(row.measure)!;
  return {
    report: presentReport(row, unit, today),
    measure: { number: m.number, titleZh: m.titleZh, titleEn: m.titleEn },
    enteredIndicators: enteredIndicators(m).map((i) => ({
      id: i.id,
      labelZh: i.labelZh,
      labelEn: i.labelEn,
      unitZh: i.unitZh,
      unitEn: i.unitEn,
    })),
    events: events.map((e) => ({ ...e, id: Number(e.id) })),
    attachments,
    can: {
      edit: canReportForUnit(memberships, Number(row.unit_id)) && canTransition('save', row.status),
      decide: isGeneralOffice(memberships) && row.status === 'submitted',
    },
  };
}

/**
 * The reports expected for a quarter, one row per measure and reporting unit (with the report when
 * there is one): a unit's members see their units' rows, the office and officers see all.
 */
export async function listReports(
  database: Database,
  p: Principal,
  f: { period: string; mine?: boolean | undefined; status?: ReportStatus | undefined },
  today = todayShanghai(),
) {
  const memberships = await readable(database, p);
  const q = quarterOrThrow(f.period, today);
  const units = await unitsByName(database);
  const rows = await database.query<ReportRow>(`select ${REPORT_COLUMNS} from measure_reports r where r.period = $1`, [q.period]);
  const byKey = new Map(rows.map((r) => [`${r.measure}|${Number(r.unit_id)}`, r]));
  const due = dueOn(q).dueOn;
  const out = [];
  for (const m of MEASURES) {
    for (const name of reportingUnitsOf(m)) {
      const unit = units.get(name)!;
      if (f.mine && !memberships.some((x) => x.unitId === unit.id)) continue;
      const r = byKey.get(`${m.number}|${unit.id}`);
      const status = r ? r.status : null;
      if (f.status && status !== f.status) continue;
      out.push({
        measure: m.number,
        measureTitleZh: m.titleZh,
        measureTitleEn: m.titleEn,
        unitId: unit.id,
        unitZh: unit.nameZh,
        unitEn: unit.nameEn,
        lead: leadUnitOf(m) === name,
        reportId: r ? Number(r.id) : null,
        status,
        dueOn: r?.due_on ?? due,
        overdue: isOverdue(status, r?.due_on ?? due, today),
        submittedAt: r?.submitted_at ?? null,
        version: r?.version ?? null,
        canReport: canReportForUnit(memberships, unit.id),
      });
    }
  }
  return { period: q.period, dueOn: due, rows: out };
}

// ---------- attachments ----------

export interface Attachment {
  id: number;
  fileName: string;
  mediaType: string;
  size: number;
  uploadedByName: string;
  uploadedAt: Date;
}

async function listAttachments(database: Database, reportId: number): Promise<Attachment[]> {
  const rows = await database.query<Attachment>(
    `select id, file_name as "fileName", media_type as "mediaType", size_bytes as size, uploaded_by_name as "uploadedByName", uploaded_at as "uploadedAt"
       from measure_report_attachments where report_id = $1 order by id`,
    [reportId],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), size: Number(r.size) }));
}

/** A unit attaches a file to its own report while it can still edit it. Checked by content (cases' recogniser). */
export async function uploadAttachment(
  database: Database,
  p: Principal,
  reportId: number,
  file: { fileName: string; bytes: Buffer },
): Promise<{ attachment: Attachment; created: boolean }> {
  const memberships = await readable(database, p);
  if (file.bytes.length > ATTACHMENT_LIMITS.maxBytes)
    throw invalid(problem('file', '附件不能超过5MB', 'the attachment must not exceed 5 MB'));
  const recognised = recogniseDocument(file.fileName, file.bytes);
  return database.db.transaction(async (tx) => {
    const row = await lockReport(tx, reportId);
    if (!row) throw new AppError('not_found');
    if (!canReportForUnit(memberships, Number(row.unit_id))) throw new AppError('forbidden');
    if (!canTransition('save', row.status)) throw wrongState({ id: row.id, status: row.status }, 'save');
    if ('field' in recognised) throw invalid(recognised);
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const [same] = await rowsOf<{ id: number }>(
      tx,
      sql`select id from measure_report_attachments where report_id = ${reportId} and sha256 = ${sha256}`,
    );
    if (!same) {
      const [n] = await rowsOf<{ n: number }>(
        tx,
        sql`select count(*)::int as n from measure_report_attachments where report_id = ${reportId}`,
      );
      if ((n?.n ?? 0) >= ATTACHMENT_LIMITS.perReport)
        throw invalid(
          problem(
            'file',
            `每份报告最多${ATTACHMENT_LIMITS.perReport}个附件`,
            `at most ${ATTACHMENT_LIMITS.perReport} attachments per report`,
          ),
        );
    }
    const [ins] = same
      ? [same]
      : await rowsOf<{ id: number }>(
          tx,
          sql`insert into measure_report_attachments (report_id, file_name, media_type, size_bytes, sha256, content, uploaded_by, uploaded_by_name)
              values (${reportId}, ${file.fileName.trim()}, ${recognised.mediaType}, ${file.bytes.length}, ${sha256}, ${file.bytes}, ${p.userId || null}, ${p.displayName})
              returning id`,
        );
    const id = Number(ins!.id);
    if (!same) {
      await addEvent(tx, reportId, 'attach', row.status, p, file.fileName.trim());
      await recordAudit(tx, actorOf(p), 'measures.report.attach', 'measure_report_attachment', id, null, {
        reportId,
        fileName: file.fileName.trim(),
        mediaType: recognised.mediaType,
        size: file.bytes.length,
        sha256,
      });
    }
    const [a] = await rowsOf<Attachment>(
      tx,
      sql`select id, file_name as "fileName", media_type as "mediaType", size_bytes as size, uploaded_by_name as "uploadedByName", uploaded_at as "uploadedAt"
            from measure_report_attachments where id = ${id}`,
    );
    return { attachment: { ...a!, id: Number(a!.id), size: Number(a!.size) }, created: !same };
  });
}

export async function readAttachment(database: Database, p: Principal, reportId: number, attachmentId: number) {
  await readable(database, p);
  const [r] = await database.query<{ file_name: string; media_type: string; content: Buffer | Uint8Array }>(
    `select file_name, media_type, content from measure_report_attachments where id = $1 and report_id = $2`,
    [attachmentId, reportId],
  );
  if (!r) throw new AppError('not_found');
  return {
    fileName: r.file_name,
    mediaType: r.media_type,
    content: Buffer.isBuffer(r.content) ? r.content : Buffer.from(r.content),
  };
}

// ---------- overdue reminders ----------

/**
 * Reminds the members of every unit whose report for a past-due quarter is not with the office:
 * once per measure, unit and quarter (measure_reminders), with a notification and an e-mail each.
 */
export async function sendOverdueReminders(database: Database, p: Principal | null, today = todayShanghai()) {
  if (p) {
    const memberships = await readable(database, p);
    if (!isGeneralOffice(memberships)) throw new AppError('forbidden');
  }
  const units = await unitsByName(database);
  const periods = periodsBetween(FIRST_PERIOD, reportingPeriod(today)).filter((x) => x >= FIRST_PERIOD);
  let reminded = 0;
  let notified = 0;
  await database.db.transaction(async (tx) => {
    for (const period of periods) {
      const q = parsePeriod(period)!;
      const due = dueOn(q).dueOn;
      if (!(today > due)) continue;
      const rows = await rowsOf<{ measure: number; unit_id: number; status: ReportStatus }>(
        tx,
        sql`select measure, unit_id, status from measure_reports where period = ${period}`,
      );
      const status = new Map(rows.map((r) => [`${r.measure}|${Number(r.unit_id)}`, r.status]));
      for (const m of MEASURES)
        for (const name of reportingUnitsOf(m)) {
          const unit = units.get(name)!;
          if (!isOverdue(status.get(`${m.number}|${unit.id}`) ?? null, due, today)) continue;
          const inserted = await rowsOf<{ measure: number }>(
            tx,
            sql`insert into measure_reminders (measure, unit_id, period) values (${m.number}, ${unit.id}, ${period})
                on conflict do nothing returning measure`,
          );
          if (inserted.length === 0) continue;
          reminded++;
          notified += await notifyUnit(
            tx,
            unit.id,
            {
              zh: `措施${m.number}（${m.titleZh}）${period} 进展报告已逾期（应于${due}前报送），请尽快报送`,
              en: `The ${period} progress report on measure ${m.number} was due on ${due}; please submit it`,
            },
            `/measures/reports?period=${period}`,
          );
        }
    }
    if (reminded > 0)
      await recordAudit(tx, p ? actorOf(p) : { id: null, name: 'system' }, 'measures.remind', 'measure_reminders', today, null, {
        reminded,
        notified,
      });
  });
  return { reminded, notified };
}

// ---------- the leadership view ----------

export interface IndicatorFigure {
  id: string;
  label: Bilingual;
  unit: Bilingual;
  kind: 'computed' | 'entered';
  value: number | null;
  breakdown: { label: Bilingual; value: number }[];
  source: Bilingual;
  asOf: string;
  target: number | null;
  expected: number | null;
  targetKind: 'flow' | 'level' | null;
  onTrack: boolean | null;
  notes: { unitZh: string; period: string; note: string }[];
}

async function figuresFor(
  database: Database,
  m: MeasureDefinition,
  q: Quarter,
  accepted: readonly { measure: number; period: string; unitZh: string; values: ReportValue[] }[],
  asOf: string,
): Promise<IndicatorFigure[]> {
  const defs = [...m.indicators];
  // Registry entries that measures.ts does not define are shown too (without a target).
  for (const extra of INDICATORS.filter((i) => i.measure === m.number && !defs.some((d) => d.id === i.id)))
    defs.push({
      id: extra.id,
      measure: m.number,
      labelZh: extra.label.zh,
      labelEn: extra.label.en,
      unitZh: extra.unit.zh,
      unitEn: extra.unit.en,
    });
  const out: IndicatorFigure[] = [];
  for (const d of defs) {
    const c = computedIndicator(d.id);
    let value: number | null;
    let breakdown: IndicatorFigure['breakdown'] = [];
    let source: Bilingual;
    const notes: IndicatorFigure['notes'] = [];
    if (c) {
      const v = await c.compute(database, q);
      value = v.value;
      breakdown = v.breakdown ?? [];
      source = c.source;
    } else {
      const mine = accepted.filter((a) => a.measure === m.number);
      let sum = 0;
      let any = false;
      for (const a of mine)
        for (const v of a.values)
          if (v.indicatorId === d.id) {
            sum += v.value;
            any = true;
            if (v.note) notes.push({ unitZh: a.unitZh, period: a.period, note: v.note });
          }
      value = any ? sum : null;
      source = {
        zh: `责任单位填报：本年${q.yearFrom.slice(0, 4)}Q1至${q.period}审核通过的进展报告中本项数值之和`,
        en: `Entered by the units: the sum of this value in the accepted reports from ${q.year}Q1 to ${q.period}`,
      };
    }
    const j = judgeIndicator(d, value, q, c ? c.isCount : true);
    out.push({
      id: d.id,
      label: { zh: d.labelZh, en: d.labelEn },
      unit: { zh: d.unitZh, en: d.unitEn },
      kind: c ? 'computed' : 'entered',
      value,
      breakdown,
      source,
      asOf,
      target: j.target,
      expected: j.expected,
      targetKind: d.target?.kind ?? null,
      onTrack: j.onTrack,
      notes,
    });
  }
  return out;
}

export interface MeasureRow {
  number: number;
  titleZh: string;
  titleEn: string;
  leadZh: string;
  coZh: string[];
  status: MeasureStatus;
  reasons: Bilingual[];
  reports: {
    unitZh: string;
    reportId: number | null;
    status: ReportStatus | null;
    overdue: boolean;
    progress: Progress | null;
  }[];
  indicators: IndicatorFigure[];
}

/** The thirteen measures for a quarter: status, the reports behind it, the figures behind it. */
export async function measuresOverview(database: Database, p: Principal, period: string, today = todayShanghai()) {
  await readable(database, p);
  const q = quarterOrThrow(period, today);
  const units = await unitsByName(database);
  const unitName = new Map([...units.values()].map((u) => [u.id, u.nameZh]));
  const asOf = new Date().toISOString();
  const due = dueOn(q).dueOn;
  const reports = await database.query<ReportRow>(
    `select ${REPORT_COLUMNS} from measure_reports r where r.period between $1 and $2`,
    [`${q.year}Q1`, q.period],
  );
  const accepted = reports
    .filter((r) => r.status === 'accepted')
    .map((r) => ({ measure: r.measure, period: r.period, unitZh: unitName.get(Number(r.unit_id)) ?? '', values: r.values }));
  const rows: MeasureRow[] = [];
  for (const m of MEASURES) {
    const mine = reports.filter((r) => r.measure === m.number && r.period === q.period);
    const briefs = reportingUnitsOf(m).map((name) => {
      const u = units.get(name)!;
      const r = mine.find((x) => Number(x.unit_id) === u.id);
      return {
        unitZh: name,
        reportId: r ? Number(r.id) : null,
        status: r?.status ?? null,
        overdue: isOverdue(r?.status ?? null, r?.due_on ?? due, today),
        progress: r?.progress ?? null,
      };
    });
    const indicators = await figuresFor(database, m, q, accepted, asOf);
    const s = measureStatus(briefs, indicators);
    rows.push({
      number: m.number,
      titleZh: m.titleZh,
      titleEn: m.titleEn,
      leadZh: leadUnitOf(m),
      coZh: m.text.responsibleUnitsZh.slice(1),
      status: s.status,
      reasons: s.reasons,
      reports: briefs,
      indicators,
    });
  }
  const counts = { on_track: 0, behind: 0, no_report: 0 } as Record<MeasureStatus, number>;
  for (const r of rows) counts[r.status]++;
  return { period: q.period, dueOn: due, asOf, elapsedShare: q.quarter / 4, counts, measures: rows };
}

/** One measure: its text, tasks, the quarter's figures and every report of the year so far (the history). */
export async function measureDetail(database: Database, p: Principal, n: number, period: string, today = todayShanghai()) {
  const overview = await measuresOverview(database, p, period, today);
  const row = overview.measures.find((m) => m.number === n);
  const m = measureOf(n);
  if (!row || !m) throw new AppError('not_found');
  const units = await unitsByName(database);
  const history = await database.query<ReportRow>(
    `select ${REPORT_COLUMNS} from measure_reports r where r.measure = $1 order by r.period desc, r.id`,
    [n],
  );
  return {
    ...row,
    text: m.text,
    tasksZh: m.tasksZh,
    tasksEn: m.tasksEn,
    period: overview.period,
    asOf: overview.asOf,
    history: history.map((r) =>
      presentReport(
        r,
        [...units.values()].find((u) => u.id === Number(r.unit_id)),
        today,
      ),
    ),
  };
}
