/**
 * List import service: reads an upload, matches its rows against the registry and stores the
 * preview; records the officer's decisions; applies the import in one transaction (titles with
 * source `import:<id>`, enterprises the officer chose to register); reverts it while none of
 * its entitlements has been paid. City officers only (titles are recorded by the city).
 */
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Database, type DbOrTx } from '../../db/client.ts';
import { enterprises, listImportRows, listImports } from '../../db/schema/index.ts';
import { AppError, Problems, type Bilingual, type FieldProblem } from '../../shared/errors.ts';
import { todayShanghai } from '../../shared/dates.ts';
import { pinyinInitials } from '../../shared/chinese.ts';
import { recordAudit } from '../audit/service.ts';
import { canWriteTitles, type Principal } from '../access/principal.ts';
import { actorOf, knownUnits, type RegistryDeps } from '../registry/service.ts';
import { validateEnterprise, type EnterpriseInput } from '../registry/domain.ts';
import {
  assignVerdicts,
  contentHash,
  countVerdicts,
  extractRows,
  unitCodeOfRegion,
  validateOptions,
  VERDICTS,
  type ColumnMapping,
  type ColumnRole,
  type Counts,
  type ImportOptions,
  type Recognition,
  type Verdict,
} from './domain.ts';
import { MatchIndex, type Candidate, type RegistryEntry } from './matcher.ts';
import { readUpload, type Upload } from './parse.ts';

export type ImportDeps = RegistryDeps;

function ensureImporter(p: Principal): void {
  if (!canWriteTitles(p)) throw new AppError('forbidden');
}

const sourceOf = (id: number) => `import:${id}`;

// ---------- reading the registry ----------

/** The whole registry as matching entries (current and former names). */
export async function loadRegistry(tx: DbOrTx): Promise<RegistryEntry[]> {
  const rows = await rowsOf<{ id: number; uscc: string; name: string; unit_code: string }>(
    tx,
    sql`select id, uscc, name, unit_code from enterprises`,
  );
  const former = await rowsOf<{ enterprise_id: number; name: string }>(tx, sql`select enterprise_id, name from enterprise_former_names`);
  const byId = new Map<number, string[]>();
  for (const f of former) {
    const id = Number(f.enterprise_id);
    const list = byId.get(id);
    if (list) list.push(f.name);
    else byId.set(id, [f.name]);
  }
  return rows.map((r) => ({ id: Number(r.id), uscc: r.uscc, name: r.name, unitCode: r.unit_code, formerNames: byId.get(Number(r.id)) }));
}

/**
 * The matching index of the current registry. Building it over a million names takes seconds,
 * matching a list a fraction of one, so the index is kept between imports and rebuilt when the
 * registry's fingerprint (counts, highest ids, last update) changes. The fingerprint is read
 * from the database on every import, so several app instances never match against stale data.
 */
const cachedIndex = new WeakMap<Database, { fingerprint: string; index: MatchIndex }>();

export async function registryIndex(database: Database): Promise<MatchIndex> {
  const [f] = await rowsOf<{ fingerprint: string }>(
    database.db,
    sql`select concat_ws('/', (select count(*) from enterprises), (select max(id) from enterprises),
                (select max(updated_at)::text from enterprises), (select count(*) from enterprise_former_names),
                (select max(id) from enterprise_former_names)) as fingerprint`,
  );
  const fingerprint = f?.fingerprint ?? '';
  const cached = cachedIndex.get(database);
  if (cached?.fingerprint === fingerprint) return cached.index;
  const index = new MatchIndex(await loadRegistry(database.db));
  cachedIndex.set(database, { fingerprint, index });
  return index;
}

// ---------- inspect (no storage) ----------

export interface MappingInput {
  headerRow?: number | null | undefined;
  columns: Partial<Record<ColumnRole, number>>;
}

/** The first rows and what detection makes of them, for the officer to confirm or correct a mapping. */
export async function inspectUpload(p: Principal, upload: Upload) {
  ensureImporter(p);
  const sheet = await readUpload(upload);
  let detected: ColumnMapping | null = null;
  let problem: FieldProblem[] = [];
  try {
    detected = extractRows(sheet.rows, { defaultRecognition: 'first' }).mapping;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    problem = e.fields;
  }
  return {
    sourceType: sheet.sourceType,
    sheetName: sheet.sheetName,
    sheetNames: sheet.sheetNames,
    totalRows: sheet.rows.length,
    preview: sheet.rows.slice(0, 30).map((r) => ({ rowNo: r.rowNo, cells: r.cells })),
    detected,
    problems: problem,
  };
}

// ---------- create (preview) ----------

export interface ImportSummary {
  id: number;
  kind: string;
  level: string;
  batch: string;
  recognisedOn: string;
  validUntil: string | null;
  defaultRecognition: string;
  sourceType: string;
  fileName: string;
  fileSize: number;
  status: string;
  counts: Counts & Record<string, unknown>;
  mapping: unknown;
  createdByName: string;
  createdAt: string;
  appliedAt: string | null;
  revertedAt: string | null;
  revertReason: string | null;
}

const SUMMARY_COLUMNS = `id, kind, level, batch, recognised_on as "recognisedOn", valid_until as "validUntil",
  default_recognition as "defaultRecognition", source_type as "sourceType", file_name as "fileName", file_size as "fileSize",
  status, counts, mapping, created_by_name as "createdByName", created_at as "createdAt", applied_at as "appliedAt",
  reverted_at as "revertedAt", revert_reason as "revertReason"`;

function present(r: ImportSummary): ImportSummary {
  const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());
  return { ...r, id: Number(r.id), fileSize: Number(r.fileSize), createdAt: iso(r.createdAt)!, appliedAt: iso(r.appliedAt), revertedAt: iso(r.revertedAt) };
}

async function summary(tx: DbOrTx, id: number, lock = false): Promise<ImportSummary> {
  const [row] = await rowsOf<ImportSummary>(tx, sql`select ${sql.raw(SUMMARY_COLUMNS)} from list_imports where id = ${id} ${sql.raw(lock ? 'for update' : '')}`);
  if (!row) throw new AppError('not_found');
  return present(row);
}

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code;
  return code === '23505';
}

/**
 * Reads, matches and stores a preview. The same list with the same title choice as a live
 * (previewed or applied) import returns that import: nothing is stored twice.
 */
export async function createImport(
  deps: ImportDeps,
  p: Principal,
  upload: Upload,
  rawOptions: Partial<Record<keyof ImportOptions, unknown>>,
  mapping?: MappingInput,
): Promise<{ import: ImportSummary; reused: boolean }> {
  ensureImporter(p);
  const options = validateOptions(rawOptions);
  const sheet = await readUpload(upload);
  const extraction = extractRows(sheet.rows, { defaultRecognition: options.defaultRecognition, mapping });
  const hash = contentHash(extraction.rows, options);
  const existing = await findLive(deps, hash);
  if (existing) return { import: existing, reused: true };

  const index = await registryIndex(deps.database);
  const verdicts = assignVerdicts(extraction.rows, index);
  const matchedIds = verdicts.filter((v) => v.verdict === 'matched').map((v) => v.enterpriseId!);
  const holders = await titleHolders(deps.database.db, options, matchedIds);
  const counts = countVerdicts(verdicts, verdicts.filter((v) => v.verdict === 'matched' && holders.has(v.enterpriseId!)).length);
  try {
    const id = await deps.database.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(listImports)
        .values({
          kind: options.kind,
          level: options.level,
          batch: options.batch,
          recognisedOn: options.recognisedOn,
          validUntil: options.validUntil,
          defaultRecognition: options.defaultRecognition,
          sourceType: sheet.sourceType,
          fileName: upload.fileName.slice(0, 200),
          fileBytes: upload.bytes,
          fileSize: upload.bytes.length,
          contentHash: hash,
          mapping: { ...extraction.mapping, sheetName: sheet.sheetName },
          counts,
          createdBy: p.userId,
          createdByName: p.username,
        })
        .returning({ id: listImports.id });
      const importId = row!.id;
      for (let i = 0; i < verdicts.length; i += 500) {
        await tx.insert(listImportRows).values(
          verdicts.slice(i, i + 500).map((v) => ({
            importId,
            rowNo: v.rowNo,
            raw: v.raw,
            name: v.name,
            nameKey: v.nameKey,
            uscc: v.uscc,
            region: v.region,
            product: v.product,
            section: v.section,
            recognition: v.recognition,
            verdict: v.verdict,
            matchMethod: v.matchMethod,
            enterpriseId: v.enterpriseId,
            candidates: v.candidates,
            notes: v.notes,
            duplicateOf: v.duplicateOf,
            titleExists: v.verdict === 'matched' && holders.has(v.enterpriseId!),
          })),
        );
      }
      await recordAudit(tx, actorOf(p), 'import.preview', 'list_import', importId, null, {
        fileName: upload.fileName,
        fileSize: upload.bytes.length,
        contentHash: hash,
        ...options,
        counts,
      });
      return importId;
    });
    return { import: await summary(deps.database.db, id), reused: false };
  } catch (e) {
    // Two officers uploading the same list at once: the unique index keeps one.
    if (isUniqueViolation(e)) {
      const again = await findLive(deps, hash);
      if (again) return { import: again, reused: true };
    }
    throw e;
  }
}

async function findLive(deps: ImportDeps, hash: string): Promise<ImportSummary | null> {
  const [row] = await deps.database.query<{ id: number }>(`select id from list_imports where content_hash = $1 and status in ('preview', 'applied')`, [hash]);
  return row ? summary(deps.database.db, Number(row.id)) : null;
}

/** Enterprises (of `ids`) that already hold the chosen title on the chosen date. */
async function titleHolders(tx: DbOrTx, o: { kind: string; level: string; recognisedOn: string }, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await rowsOf<{ enterprise_id: number }>(
    tx,
    sql`select enterprise_id from titles where kind = ${o.kind}::title_kind and level = ${o.level}::title_level
          and recognised_on = ${o.recognisedOn}::date
          and enterprise_id in (select value::bigint from json_array_elements_text(${JSON.stringify(ids)}::json))`,
  );
  return new Set(rows.map((r) => Number(r.enterprise_id)));
}

// ---------- reading imports ----------

export async function listImportsOf(deps: ImportDeps, p: Principal, f: { status?: string | undefined; page?: number | undefined; pageSize?: number | undefined }) {
  ensureImporter(p);
  const pageSize = Math.min(Math.max(f.pageSize ?? 20, 1), 200);
  const offset = (Math.max(f.page ?? 1, 1) - 1) * pageSize;
  const params: unknown[] = [];
  let where = '';
  if (f.status) {
    if (!['preview', 'applied', 'reverted'].includes(f.status))
      throw new AppError('validation_failed', { fields: [{ field: 'status', reason: { zh: '应为preview、applied或reverted', en: 'must be preview, applied or reverted' } }] });
    params.push(f.status);
    where = 'where status = $1::import_status';
  }
  const items = await deps.database.query<ImportSummary>(
    `select ${SUMMARY_COLUMNS} from list_imports ${where} order by created_at desc, id desc limit ${pageSize} offset ${offset}`,
    params,
  );
  const [c] = await deps.database.query<{ n: number }>(`select count(*)::int as n from list_imports ${where}`, params);
  return { items: items.map(present), total: c?.n ?? 0 };
}

export interface ImportRowView {
  rowNo: number;
  raw: Record<string, string>;
  name: string;
  uscc: string | null;
  region: string | null;
  product: string | null;
  section: string | null;
  recognition: Recognition;
  verdict: Verdict;
  matchMethod: string | null;
  enterpriseId: number | null;
  enterpriseName: string | null;
  candidates: Candidate[];
  notes: Bilingual[];
  duplicateOf: number | null;
  titleExists: boolean;
  decision: Decision | null;
  outcome: string | null;
  titleId: number | null;
}

const ROW_COLUMNS = `r.row_no as "rowNo", r.raw, r.name, r.uscc, r.region, r.product, r.section, r.recognition, r.verdict,
  r.match_method as "matchMethod", r.enterprise_id as "enterpriseId", e.name as "enterpriseName", r.candidates, r.notes,
  r.duplicate_of as "duplicateOf", r.title_exists as "titleExists", r.decision, r.outcome, r.title_id as "titleId"`;

function presentRow(r: ImportRowView): ImportRowView {
  return { ...r, enterpriseId: r.enterpriseId === null ? null : Number(r.enterpriseId), titleId: r.titleId === null ? null : Number(r.titleId) };
}

export async function getImport(
  deps: ImportDeps,
  p: Principal,
  id: number,
  f: { verdict?: string | undefined; page?: number | undefined; pageSize?: number | undefined },
) {
  ensureImporter(p);
  const imp = await summary(deps.database.db, id);
  if (f.verdict && !VERDICTS.includes(f.verdict as Verdict))
    throw new AppError('validation_failed', { fields: [{ field: 'verdict', reason: { zh: `应为${VERDICTS.join('、')}之一`, en: `must be one of ${VERDICTS.join(', ')}` } }] });
  const pageSize = Math.min(Math.max(f.pageSize ?? 100, 1), 1000);
  const offset = (Math.max(f.page ?? 1, 1) - 1) * pageSize;
  const params: unknown[] = [id];
  let where = 'r.import_id = $1';
  if (f.verdict) {
    params.push(f.verdict);
    where += ' and r.verdict = $2::import_row_verdict';
  }
  const rows = await deps.database.query<ImportRowView>(
    `select ${ROW_COLUMNS} from list_import_rows r left join enterprises e on e.id = r.enterprise_id
      where ${where} order by r.row_no limit ${pageSize} offset ${offset}`,
    params,
  );
  const [c] = await deps.database.query<{ n: number }>(`select count(*)::int as n from list_import_rows r where ${where}`, params);
  return { import: imp, rows: rows.map(presentRow), total: c?.n ?? 0 };
}

/** Rows that did not end matched (for the officer's follow-up), as an export reads them. */
export async function unmatchedRows(deps: ImportDeps, p: Principal, id: number): Promise<{ import: ImportSummary; rows: ImportRowView[] }> {
  ensureImporter(p);
  const imp = await summary(deps.database.db, id);
  const rows = await deps.database.query<ImportRowView>(
    `select ${ROW_COLUMNS} from list_import_rows r left join enterprises e on e.id = r.enterprise_id
      where r.import_id = $1 and (r.verdict <> 'matched' or r.outcome = 'skipped') and coalesce(r.outcome, '') <> 'created'
        and coalesce(r.decision->>'action', '') not in ('match', 'create')
      order by r.row_no`,
    [id],
  );
  return { import: imp, rows: rows.map(presentRow) };
}

export async function importFile(deps: ImportDeps, p: Principal, id: number): Promise<{ fileName: string; sourceType: string; bytes: Buffer }> {
  ensureImporter(p);
  const [row] = await deps.database.db
    .select({ fileName: listImports.fileName, sourceType: listImports.sourceType, bytes: listImports.fileBytes })
    .from(listImports)
    .where(eq(listImports.id, id));
  if (!row) throw new AppError('not_found');
  return row;
}

// ---------- decisions ----------

export type Decision =
  | { action: 'match'; enterpriseId: number }
  | { action: 'skip' }
  | {
      action: 'create';
      enterprise: {
        uscc: string;
        name: string;
        unitCode: string;
        industryCode: string;
        establishedOn: string;
        sizeClass: EnterpriseInput['sizeClass'];
        address?: string | undefined;
      };
    };

export interface DecisionInput {
  action: 'match' | 'skip' | 'create' | 'clear';
  enterpriseId?: number | undefined;
  uscc?: string | undefined;
  name?: string | undefined;
  unitCode?: string | undefined;
  industryCode?: string | undefined;
  establishedOn?: string | undefined;
  sizeClass?: string | undefined;
  address?: string | undefined;
}

function conflict(field: string, zh: string, en: string): AppError {
  return new AppError('conflict', { fields: [{ field, reason: { zh, en } }] });
}

/**
 * Records the officer's choice for one row: the enterprise it is (match), register it as a
 * new enterprise on apply (create: a valid code, a Jinan unit and the registry's required
 * fields), or leave it out (skip). Only while the import is a preview.
 */
export async function decideRow(deps: ImportDeps, p: Principal, id: number, rowNo: number, input: DecisionInput): Promise<ImportRowView> {
  ensureImporter(p);
  const units = await knownUnits(deps.database);
  await deps.database.db.transaction(async (tx) => {
    const imp = await summary(tx, id, true);
    if (imp.status !== 'preview') throw conflict('status', '该导入已应用或已撤销，不能再修改', 'this import is applied or reverted; it cannot be changed');
    const [row] = await tx
      .select()
      .from(listImportRows)
      .where(and(eq(listImportRows.importId, id), eq(listImportRows.rowNo, rowNo)));
    if (!row) throw new AppError('not_found');
    if ((row.verdict === 'invalid' || row.verdict === 'duplicate') && (input.action === 'match' || input.action === 'create'))
      throw new AppError('validation_failed', {
        fields: [{ field: 'action', reason: { zh: `第${rowNo}行无效或重复，只能跳过`, en: `row ${rowNo} is invalid or a duplicate; it can only be skipped` } }],
      });
    let decision: Decision | null = null;
    if (input.action === 'skip') decision = { action: 'skip' };
    else if (input.action === 'match') {
      if (!input.enterpriseId) throw new AppError('validation_failed', { fields: [{ field: 'enterpriseId', reason: { zh: '必填', en: 'is required' } }] });
      const [e] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, input.enterpriseId));
      if (!e) throw new AppError('validation_failed', { fields: [{ field: 'enterpriseId', reason: { zh: '企业不存在', en: 'no such enterprise' } }] });
      const [other] = await rowsOf<{ row_no: number }>(
        tx,
        sql`select row_no from list_import_rows where import_id = ${id} and row_no <> ${rowNo}
              and ((decision->>'action' = 'match' and (decision->>'enterpriseId')::bigint = ${input.enterpriseId})
                or (decision is null and verdict = 'matched' and enterprise_id = ${input.enterpriseId}))`,
      );
      if (other)
        throw conflict('enterpriseId', `第${other.row_no}行已对应该企业`, `row ${other.row_no} already points to this enterprise`);
      decision = { action: 'match', enterpriseId: input.enterpriseId };
    } else if (input.action === 'create') {
      const candidate = {
        uscc: input.uscc ?? row.uscc ?? '',
        name: input.name ?? row.name,
        unitCode: input.unitCode ?? unitCodeOfRegion(row.region) ?? '',
        industryCode: input.industryCode ?? '',
        establishedOn: input.establishedOn ?? '',
        sizeClass: (input.sizeClass ?? '') as EnterpriseInput['sizeClass'],
        address: input.address,
      };
      const v = validateEnterprise(candidate, units, { partial: false, today: todayShanghai() }) as EnterpriseInput;
      const [dup] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.uscc, v.uscc));
      if (dup) throw conflict('uscc', '该统一社会信用代码已登记，请选择“对应已有企业”', 'this code is already registered; match the row to that enterprise instead');
      const [other] = await rowsOf<{ row_no: number }>(
        tx,
        sql`select row_no from list_import_rows where import_id = ${id} and row_no <> ${rowNo}
              and decision->>'action' = 'create' and decision->'enterprise'->>'uscc' = ${v.uscc}`,
      );
      if (other) throw conflict('uscc', `第${other.row_no}行已使用该代码登记新企业`, `row ${other.row_no} already registers this code`);
      decision = {
        action: 'create',
        enterprise: {
          uscc: v.uscc,
          name: v.name,
          unitCode: v.unitCode,
          industryCode: v.industryCode,
          establishedOn: v.establishedOn,
          sizeClass: v.sizeClass,
          ...(v.address ? { address: v.address } : {}),
        },
      };
    }
    await tx
      .update(listImportRows)
      .set({ decision, decidedBy: decision ? p.userId : null, decidedAt: decision ? new Date() : null })
      .where(and(eq(listImportRows.importId, id), eq(listImportRows.rowNo, rowNo)));
    await recordAudit(tx, actorOf(p), 'import.decide', 'list_import', id, { rowNo, decision: row.decision ?? null }, { rowNo, decision });
  });
  const [view] = await deps.database.query<ImportRowView>(
    `select ${ROW_COLUMNS} from list_import_rows r left join enterprises e on e.id = r.enterprise_id where r.import_id = $1 and r.row_no = $2`,
    [id, rowNo],
  );
  return presentRow(view!);
}

// ---------- apply ----------

interface StoredRow {
  row_no: number;
  verdict: Verdict;
  enterprise_id: number | null;
  recognition: Recognition;
  decision: Decision | null;
}

export interface ApplyResult {
  created: number;
  alreadyRecorded: number;
  skipped: number;
  duplicate: number;
  enterprisesCreated: number;
}

/**
 * Applies a preview in one transaction: registers the enterprises the officer chose to create,
 * records one title per matched enterprise (an existing identical title is left alone), and
 * marks every row's outcome. Refuses, changing nothing, while ambiguous rows are undecided
 * (unless `skipUndecided`).
 */
export async function applyImport(deps: ImportDeps, p: Principal, id: number, opts: { skipUndecided?: boolean | undefined } = {}): Promise<ImportSummary> {
  ensureImporter(p);
  await deps.database.db.transaction(async (tx) => {
    const imp = await summary(tx, id, true);
    if (imp.status !== 'preview')
      throw conflict(
        'status',
        imp.status === 'applied' ? '该导入已应用，不能重复应用' : '该导入已撤销；如需重新导入请重新上传',
        imp.status === 'applied' ? 'this import is already applied' : 'this import was reverted; upload the list again to import it',
      );
    const rows = await rowsOf<StoredRow>(
      tx,
      sql`select row_no, verdict, enterprise_id, recognition, decision from list_import_rows where import_id = ${id} order by row_no`,
    );
    const undecided = rows.filter((r) => !r.decision && r.verdict === 'ambiguous');
    if (undecided.length && !opts.skipUndecided) {
      throw new AppError('conflict', {
        detail: {
          zh: `有${undecided.length}行待确认（名称相近或对应多家企业），请逐行选择或跳过`,
          en: `${undecided.length} rows need a decision (similar names or several enterprises); choose or skip each`,
        },
        fields: undecided.slice(0, 50).map((r) => ({
          field: `rows[${r.row_no}]`,
          reason: { zh: `第${r.row_no}行：请选择对应企业或跳过`, en: `row ${r.row_no}: choose the enterprise or skip` },
        })),
      });
    }
    const outcome = new Map<number, { outcome: string; enterpriseId: number | null; titleId: number | null }>();
    const targets: { rowNo: number; enterpriseId: number; recognition: Recognition }[] = [];
    let enterprisesCreated = 0;
    const units = await knownUnits(deps.database);
    for (const r of rows) {
      const d = r.decision;
      let enterpriseId: number | null = null;
      if (d?.action === 'match') enterpriseId = d.enterpriseId;
      else if (d?.action === 'create') {
        enterpriseId = await registerEnterprise(tx, p, d.enterprise, units, r.row_no);
        enterprisesCreated++;
      } else if (!d && r.verdict === 'matched') enterpriseId = Number(r.enterprise_id);
      if (enterpriseId === null) outcome.set(r.row_no, { outcome: 'skipped', enterpriseId: null, titleId: null });
      else targets.push({ rowNo: r.row_no, enterpriseId, recognition: r.recognition });
    }
    // The registry may have changed since the preview.
    const ids = [...new Set(targets.map((t) => t.enterpriseId))];
    const present = new Set(
      (await rowsOf<{ id: number }>(tx, sql`select id from enterprises where id in (select value::bigint from json_array_elements_text(${JSON.stringify(ids)}::json))`)).map((r) =>
        Number(r.id),
      ),
    );
    const gone = targets.filter((t) => !present.has(t.enterpriseId));
    if (gone.length)
      throw new AppError('conflict', {
        fields: gone.slice(0, 50).map((t) => ({
          field: `rows[${t.rowNo}]`,
          reason: { zh: `第${t.rowNo}行对应的企业已不在库中，请重新选择`, en: `row ${t.rowNo}: the enterprise is no longer registered; choose again` },
        })),
      });
    const firstRow = new Map<number, number>();
    const toInsert: { e: number; r: Recognition }[] = [];
    for (const t of targets) {
      if (firstRow.has(t.enterpriseId)) {
        outcome.set(t.rowNo, { outcome: 'duplicate', enterpriseId: t.enterpriseId, titleId: null });
        continue;
      }
      firstRow.set(t.enterpriseId, t.rowNo);
      toInsert.push({ e: t.enterpriseId, r: t.recognition });
    }
    const inserted = toInsert.length
      ? await rowsOf<{ id: number; enterprise_id: number }>(
          tx,
          sql`insert into titles (enterprise_id, kind, level, batch, recognised_on, valid_until, recognition, source)
              select x.e, ${imp.kind}::title_kind, ${imp.level}::title_level, ${imp.batch}, ${imp.recognisedOn}::date,
                     ${imp.validUntil}::date, x.r::recognition_kind, ${sourceOf(id)}
                from json_to_recordset(${JSON.stringify(toInsert)}::json) as x(e bigint, r text)
              on conflict on constraint titles_once do nothing
              returning id, enterprise_id`,
        )
      : [];
    const titleOf = new Map(inserted.map((t) => [Number(t.enterprise_id), Number(t.id)]));
    for (const [enterpriseId, rowNo] of firstRow) {
      const titleId = titleOf.get(enterpriseId) ?? null;
      outcome.set(rowNo, { outcome: titleId ? 'created' : 'already_recorded', enterpriseId, titleId });
    }
    const updates = [...outcome].map(([rowNo, o]) => ({ n: rowNo, o: o.outcome, e: o.enterpriseId, t: o.titleId }));
    await tx.execute(
      sql`update list_import_rows r set outcome = u.o, title_id = u.t,
                 enterprise_id = coalesce(u.e, r.enterprise_id)
            from json_to_recordset(${JSON.stringify(updates)}::json) as u(n int, o text, e bigint, t bigint)
           where r.import_id = ${id} and r.row_no = u.n`,
    );
    const result: ApplyResult = { created: 0, alreadyRecorded: 0, skipped: 0, duplicate: 0, enterprisesCreated };
    for (const o of outcome.values()) {
      if (o.outcome === 'created') result.created++;
      else if (o.outcome === 'already_recorded') result.alreadyRecorded++;
      else if (o.outcome === 'duplicate') result.duplicate++;
      else result.skipped++;
    }
    await tx
      .update(listImports)
      .set({ status: 'applied', appliedAt: new Date(), appliedBy: p.userId, counts: { ...imp.counts, applied: result } })
      .where(eq(listImports.id, id));
    await recordAudit(tx, actorOf(p), 'import.apply', 'list_import', id, { status: 'preview' }, {
      status: 'applied',
      ...result,
      titleIds: inserted.map((t) => Number(t.id)),
    });
  });
  return summary(deps.database.db, id);
}

async function registerEnterprise(
  tx: DbOrTx,
  p: Principal,
  e: Extract<Decision, { action: 'create' }>['enterprise'],
  units: ReadonlySet<string>,
  rowNo: number,
): Promise<number> {
  // Re-validated: the reference data may have changed since the decision.
  const v = validateEnterprise({ ...e }, units, { partial: false, today: todayShanghai() }) as EnterpriseInput;
  const [inserted] = await tx
    .insert(enterprises)
    .values({
      uscc: v.uscc,
      name: v.name,
      nameInitials: pinyinInitials(v.name),
      unitCode: v.unitCode,
      industryCode: v.industryCode,
      establishedOn: v.establishedOn,
      sizeClass: v.sizeClass,
      address: v.address ?? '',
    })
    .onConflictDoNothing()
    .returning({ id: enterprises.id });
  if (!inserted)
    throw conflict(`rows[${rowNo}].uscc`, `第${rowNo}行：该统一社会信用代码已被登记，请改为对应已有企业`, `row ${rowNo}: the code has been registered meanwhile; match the row instead`);
  await recordAudit(tx, actorOf(p), 'enterprise.create', 'enterprise', inserted.id, null, { ...v, source: 'import', rowNo });
  return inserted.id;
}

// ---------- revert ----------

/**
 * Reverts an applied import: deletes the titles it created and withdraws their unpaid
 * entitlements. Refuses, changing nothing, if any entitlement of those titles has been paid.
 * Enterprises the import registered stay registered (they are real firms; edit them if not).
 */
export async function revertImport(deps: ImportDeps, p: Principal, id: number, reason: string): Promise<ImportSummary> {
  ensureImporter(p);
  const problems = new Problems();
  if (!reason || reason.trim().length < 2) problems.add('reason', '请填写撤销原因', 'give the reason for reverting');
  problems.throwIfAny();
  await deps.database.db.transaction(async (tx) => {
    const imp = await summary(tx, id, true);
    if (imp.status !== 'applied') throw conflict('status', '只有已应用的导入可以撤销', 'only an applied import can be reverted');
    const titleRows = await rowsOf<{ id: number }>(tx, sql`select id from titles where source = ${sourceOf(id)} for update`);
    const titleIds = JSON.stringify(titleRows.map((t) => String(t.id)));
    const paid = await rowsOf<{ id: number; title_id: string; name: string | null; row_no: number | null }>(
      tx,
      sql`select en.id, en.trigger->>'titleId' as title_id, e.name, r.row_no
            from entitlements en
            left join enterprises e on e.id = en.enterprise_id
            left join list_import_rows r on r.import_id = ${id} and r.title_id::text = en.trigger->>'titleId'
           where en.trigger->>'titleId' in (select value from json_array_elements_text(${titleIds}::json))
             and en.paid_at is not null
           order by r.row_no`,
    );
    if (paid.length)
      throw new AppError('conflict', {
        detail: {
          zh: `该导入产生的称号已有${paid.length}笔奖励资金已拨付，不能撤销；请改为逐个撤销称号并办理追回`,
          en: `${paid.length} entitlements of this import's titles have been paid; it cannot be reverted — revoke the titles one by one and recover the money`,
        },
        fields: paid.slice(0, 50).map((x) => ({
          field: x.row_no ? `rows[${x.row_no}]` : `titles[${x.title_id}]`,
          reason: {
            zh: `${x.row_no ? `第${x.row_no}行` : ''}${x.name ?? ''}的奖励已拨付（奖励编号${x.id}）`,
            en: `${x.row_no ? `row ${x.row_no}: ` : ''}the entitlement of ${x.name ?? 'this enterprise'} has been paid (entitlement ${x.id})`,
          },
        })),
      });
    const statusReason = {
      zh: `称号来自的名单导入（编号${id}）已撤销：${reason.trim()}`,
      en: `the list import (#${id}) that recorded the title was reverted: ${reason.trim()}`,
    };
    const withdrawn = await rowsOf<{ id: number }>(
      tx,
      sql`update entitlements set status = 'withdrawn', status_reason = ${JSON.stringify(statusReason)}::jsonb, updated_at = now()
           where trigger->>'titleId' in (select value from json_array_elements_text(${titleIds}::json))
             and paid_at is null and status = 'owed'
          returning id`,
    );
    await tx.execute(sql`delete from titles where source = ${sourceOf(id)}`);
    const reverted = { titlesDeleted: titleRows.length, entitlementsWithdrawn: withdrawn.length };
    await tx
      .update(listImports)
      .set({ status: 'reverted', revertedAt: new Date(), revertedBy: p.userId, revertReason: reason.trim(), counts: { ...imp.counts, reverted } })
      .where(eq(listImports.id, id));
    await recordAudit(tx, actorOf(p), 'import.revert', 'list_import', id, { status: 'applied' }, {
      status: 'reverted',
      reason: reason.trim(),
      ...reverted,
      titleIds: titleRows.map((t) => Number(t.id)),
      entitlementIds: withdrawn.map((w) => Number(w.id)),
    });
  });
  return summary(deps.database.db, id);
}
