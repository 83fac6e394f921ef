/**
 * Innovation services: the two catalogues (achievements, demands) with forms and Excel import,
 * two-way matching with reasons, 揭榜 applications through to completion and government support,
 * large enterprises' shared resources and SMEs' requests, statistics. Every read is narrowed by
 * access/principal.ts (innovationRole); every change is one transaction with its audit entry.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Database, type DbOrTx } from '../../db/client.ts';
import { AppError, invalid, problem, type FieldProblem } from '../../shared/errors.ts';
import { maskName, maskPhone, type PersonalDataCipher } from '../../shared/crypto.ts';
import { todayShanghai } from '../../shared/dates.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import { readXlsx } from '../imports/parse.ts';
import {
  canRecordInnovationSupport,
  canSeeAchievementContact,
  innovationRole,
  type InnovationRole,
  type Principal,
} from '../access/principal.ts';
import {
  ACHIEVEMENT_COLUMNS,
  DEMAND_COLUMNS,
  IP_KINDS,
  MATURITIES,
  TECH_FIELDS,
  canMove,
  checkAchievement,
  checkApplication,
  checkContract,
  checkDemand,
  checkResource,
  checkResourceRequest,
  checkSupport,
  matchReason,
  vocabularyId,
  REQUEST_TRANSITIONS,
  type AchievementInput,
  type ApplicationStatus,
  type DemandInput,
  type MatchReason,
  type RequestStatus,
} from './domain.ts';
import { terms, tsvectorLiteral } from './segment.ts';
import { countTerms, rankAchievements, rankDemands } from './match.ts';

export interface InnovationDeps {
  database: Database;
  cipher: PersonalDataCipher;
}

const actorOf = (p: Principal): Actor => ({ id: p.userId, name: p.username });

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } } | null;
  return err?.code === '23505' || err?.cause?.code === '23505';
}

function roleOf(p: Principal): InnovationRole {
  const r = innovationRole(p);
  if (r.kind === 'none') throw new AppError('not_found');
  return r;
}

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

// ---------- who is asking ----------

export interface InnovationMe {
  kind: InnovationRole['kind'];
  enterpriseId: number | null;
  enterpriseName: string | null;
  /** Large enterprises offer resources; the others request them. */
  large: boolean;
  organisation: string | null;
  unitCode: string | null;
  canRecordSupport: boolean;
}

export async function innovationMe(deps: InnovationDeps, p: Principal): Promise<InnovationMe> {
  const r = roleOf(p);
  let name: string | null = null;
  let large = false;
  if (r.kind === 'enterprise') {
    const [e] = await deps.database.query<{ name: string; size_class: string }>(
      `select name, size_class from enterprises where id = $1`,
      [r.enterpriseId],
    );
    name = e?.name ?? null;
    large = e?.size_class === 'large';
  }
  return {
    kind: r.kind,
    enterpriseId: r.kind === 'enterprise' ? r.enterpriseId : null,
    enterpriseName: name,
    large,
    organisation: r.kind === 'university' ? r.organisation : null,
    unitCode: r.kind === 'officer' ? r.unitCode : null,
    canRecordSupport: canRecordInnovationSupport(r),
  };
}

// ---------- achievements ----------

interface AchievementRow {
  id: number;
  title: string;
  summary: string;
  field: string;
  maturity: string;
  ip_kind: string;
  ip_number: string | null;
  owner: string;
  team: string;
  unit_code: string | null;
  unit_name: string | null;
  contact_name_enc: string | null;
  contact_phone_enc: string | null;
  status: string;
  terms: string[];
  created_at: Date | string;
  updated_at: Date | string;
  version: number;
}

export interface AchievementView {
  id: number;
  title: string;
  summary: string;
  field: string;
  maturity: string;
  ipKind: string;
  ipNumber: string | null;
  owner: string;
  team: string;
  unitCode: string | null;
  unitName: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactMasked: boolean;
  status: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  mine: boolean;
}

const ACHIEVEMENT_COLS = sql`a.id, a.title, a.summary, a.field, a.maturity, a.ip_kind, a.ip_number, a.owner, a.team, a.unit_code, u.name_zh as unit_name,
  a.contact_name_enc, a.contact_phone_enc, a.status, a.terms, a.created_at, a.updated_at, a.version`;

function presentAchievement(deps: InnovationDeps, r: InnovationRole, row: AchievementRow): AchievementView {
  const full = canSeeAchievementContact(r, row.owner);
  const name = deps.cipher.decrypt(row.contact_name_enc);
  const phone = deps.cipher.decrypt(row.contact_phone_enc);
  return {
    id: Number(row.id),
    title: row.title,
    summary: row.summary,
    field: row.field,
    maturity: row.maturity,
    ipKind: row.ip_kind,
    ipNumber: row.ip_number,
    owner: row.owner,
    team: row.team,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    contactName: full ? name : maskName(name),
    contactPhone: full ? phone : maskPhone(phone),
    contactMasked: !full,
    status: row.status,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    version: row.version,
    mine: r.kind === 'university' && r.organisation === row.owner,
  };
}

/** Published achievements are public to the service's users; closed ones only to the owner and officers. */
function achievementVisible(r: InnovationRole): SQL {
  if (r.kind === 'officer') return sql`true`;
  if (r.kind === 'university') return sql`(a.status = 'published' or a.owner = ${r.organisation})`;
  return sql`a.status = 'published'`;
}

export interface CatalogueFilters {
  q?: string | undefined;
  field?: string | undefined;
  status?: string | undefined;
  mine?: boolean | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

function likeOf(q: string): string {
  return `%${q.trim().replace(/[\\%_]/g, (m) => '\\' + m)}%`;
}

export async function listAchievements(
  deps: InnovationDeps,
  p: Principal,
  f: CatalogueFilters = {},
): Promise<{ items: AchievementView[]; total: number }> {
  const r = roleOf(p);
  const conds: SQL[] = [achievementVisible(r)];
  if (f.field) conds.push(sql`a.field::text = ${f.field}`);
  if (f.status) conds.push(sql`a.status::text = ${f.status}`);
  if (f.mine) conds.push(r.kind === 'university' ? sql`a.owner = ${r.organisation}` : sql`false`);
  if (f.q?.trim()) conds.push(sql`(a.title ilike ${likeOf(f.q)} or a.owner ilike ${likeOf(f.q)} or a.team ilike ${likeOf(f.q)})`);
  const pageSize = Math.min(f.pageSize ?? 20, 200);
  const rows = await rowsOf<AchievementRow & { total: number }>(
    deps.database.db,
    sql`select ${ACHIEVEMENT_COLS}, count(*) over ()::int as total
          from tech_achievements a left join units u on u.code = a.unit_code
         where ${sql.join(conds, sql` and `)}
         order by a.created_at desc, a.id desc limit ${pageSize} offset ${((f.page ?? 1) - 1) * pageSize}`,
  );
  return { items: rows.map((x) => presentAchievement(deps, r, x)), total: Number(rows[0]?.total ?? 0) };
}

async function achievementRow(db: DbOrTx, r: InnovationRole, id: number, lock = false): Promise<AchievementRow> {
  const [row] = await rowsOf<AchievementRow>(
    db,
    sql`select ${ACHIEVEMENT_COLS} from tech_achievements a left join units u on u.code = a.unit_code
         where a.id = ${id} and ${achievementVisible(r)} ${lock ? sql`for update of a` : sql``}`,
  );
  if (!row) throw new AppError('not_found');
  return row;
}

export async function getAchievement(deps: InnovationDeps, p: Principal, id: number): Promise<AchievementView> {
  const r = roleOf(p);
  return presentAchievement(deps, r, await achievementRow(deps.database.db, r, id));
}

function ownerOrg(r: InnovationRole): string {
  if (r.kind !== 'university')
    throw new AppError('forbidden', {
      detail: { zh: '只有高校、科研院所用户可以发布技术成果', en: 'Only university and institute users publish achievements' },
    });
  return r.organisation;
}

async function checkUnit(db: DbOrTx, unitCode: string | null | undefined): Promise<string | null> {
  if (!unitCode) return null;
  const [u] = await rowsOf<{ code: string }>(db, sql`select code from units where code = ${unitCode}`);
  if (!u) throw invalid(problem('unitCode', `区县代码无效：${unitCode}`, `unknown unit '${unitCode}'`));
  return unitCode;
}

async function insertAchievement(
  tx: DbOrTx,
  deps: InnovationDeps,
  p: Principal,
  owner: string,
  v: AchievementInput,
  unitCode: string | null,
): Promise<number> {
  await countTerms(tx, 'achievement', terms(v.title, v.summary), [], 1);
  const [row] = await rowsOf<{ id: number }>(
    tx,
    sql`insert into tech_achievements (title, summary, field, maturity, ip_kind, ip_number, owner, team, unit_code, contact_name_enc, contact_phone_enc, terms, search, created_by)
        values (${v.title}, ${v.summary}, ${v.field}, ${v.maturity}, ${v.ipKind}, ${v.ipNumber}, ${owner}, ${v.team}, ${unitCode},
                ${deps.cipher.encrypt(v.contactName)}, ${deps.cipher.encrypt(v.contactPhone)},
                ${toArray(terms(v.title, v.summary))}::text[], ${tsvectorLiteral(v.title, v.summary)}::tsvector, ${p.userId})
        returning id`,
  );
  return Number(row!.id);
}

/** A PostgreSQL array literal of words (segment.ts keeps words to Han, Latin letters and digits). */
function toArray(words: string[]): string {
  return '{' + words.map((w) => `"${w}"`).join(',') + '}';
}

const auditView = (v: AchievementInput | DemandInput): Record<string, unknown> => {
  const { ...rest } = v as unknown as Record<string, unknown>;
  delete rest.contactName;
  delete rest.contactPhone;
  return rest;
};

export async function createAchievement(
  deps: InnovationDeps,
  p: Principal,
  raw: Record<string, unknown>,
): Promise<AchievementView> {
  const r = roleOf(p);
  const owner = ownerOrg(r);
  const { value, problems } = checkAchievement(raw);
  if (problems.length) throw invalid(...problems);
  const id = await deps.database.db.transaction(async (tx) => {
    const unitCode = await checkUnit(tx, raw.unitCode as string | undefined);
    const id = await insertAchievement(tx, deps, p, owner, value, unitCode);
    await recordAudit(tx, actorOf(p), 'innovation.achievement.create', 'tech_achievement', id, null, auditView(value));
    return id;
  });
  return getAchievement(deps, p, id);
}

export async function updateAchievement(
  deps: InnovationDeps,
  p: Principal,
  id: number,
  raw: Record<string, unknown>,
  version: number,
): Promise<AchievementView> {
  const r = roleOf(p);
  const owner = ownerOrg(r);
  const { value, problems } = checkAchievement(raw);
  if (problems.length) throw invalid(...problems);
  await deps.database.db.transaction(async (tx) => {
    const before = await achievementRow(tx, r, id, true);
    if (before.owner !== owner) throw new AppError('not_found');
    if (before.version !== version) throw new AppError('stale_version');
    const unitCode = raw.unitCode === undefined ? before.unit_code : await checkUnit(tx, raw.unitCode as string | null);
    await countTerms(tx, 'achievement', terms(value.title, value.summary), before.terms);
    await tx.execute(
      sql`update tech_achievements set title = ${value.title}, summary = ${value.summary}, field = ${value.field}, maturity = ${value.maturity},
             ip_kind = ${value.ipKind}, ip_number = ${value.ipNumber}, team = ${value.team}, unit_code = ${unitCode},
             contact_name_enc = ${deps.cipher.encrypt(value.contactName)}, contact_phone_enc = ${deps.cipher.encrypt(value.contactPhone)},
             terms = ${toArray(terms(value.title, value.summary))}::text[], search = ${tsvectorLiteral(value.title, value.summary)}::tsvector,
             updated_at = now(), version = version + 1
           where id = ${id}`,
    );
    await recordAudit(
      tx,
      actorOf(p),
      'innovation.achievement.update',
      'tech_achievement',
      id,
      { title: before.title, field: before.field, version },
      auditView(value),
    );
  });
  return getAchievement(deps, p, id);
}

export async function setAchievementStatus(
  deps: InnovationDeps,
  p: Principal,
  id: number,
  status: 'published' | 'closed',
): Promise<AchievementView> {
  const r = roleOf(p);
  const owner = ownerOrg(r);
  await deps.database.db.transaction(async (tx) => {
    const before = await achievementRow(tx, r, id, true);
    if (before.owner !== owner) throw new AppError('not_found');
    if (before.status === status) return;
    await tx.execute(
      sql`update tech_achievements set status = ${status}, updated_at = now(), version = version + 1 where id = ${id}`,
    );
    await recordAudit(
      tx,
      actorOf(p),
      `innovation.achievement.${status === 'closed' ? 'close' : 'publish'}`,
      'tech_achievement',
      id,
      { status: before.status },
      { status },
    );
  });
  return getAchievement(deps, p, id);
}

// ---------- demands ----------

interface DemandRow {
  id: number;
  enterprise_id: number;
  enterprise_name: string;
  unit_code: string;
  unit_name: string;
  industry_code: string;
  title: string;
  description: string;
  field: string;
  budget: number;
  deadline: string;
  status: string;
  terms: string[];
  posted_at: Date | string;
  updated_at: Date | string;
  version: number;
  applications: number;
}

export interface DemandView {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  unitCode: string;
  unitName: string;
  title: string;
  description: string;
  field: string;
  budget: number;
  deadline: string;
  status: string;
  postedAt: string;
  updatedAt: string;
  version: number;
  applications: number;
  mine: boolean;
  /** University users: their organisation's application to this demand, if any. */
  ownApplication?: { id: number; status: string } | null;
}

const DEMAND_COLS = sql`d.id, d.enterprise_id, e.name as enterprise_name, e.unit_code, u.name_zh as unit_name, e.industry_code, d.title, d.description,
  d.field, d.budget, d.deadline, d.status, d.terms, d.posted_at, d.updated_at, d.version,
  (select count(*)::int from tech_applications x where x.demand_id = d.id) as applications`;

/** Enterprises see the published catalogue and their own; a district officer the unit's enterprises; the city all. */
function demandVisible(r: InnovationRole): SQL {
  switch (r.kind) {
    case 'officer':
      return r.unitCode ? sql`e.unit_code = ${r.unitCode}` : sql`true`;
    case 'enterprise':
      return sql`(d.status = 'published' or d.enterprise_id = ${r.enterpriseId})`;
    default:
      return sql`d.status = 'published'`;
  }
}

function presentDemand(r: InnovationRole, row: DemandRow): DemandView {
  return {
    id: Number(row.id),
    enterpriseId: Number(row.enterprise_id),
    enterpriseName: row.enterprise_name,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    title: row.title,
    description: row.description,
    field: row.field,
    budget: Number(row.budget),
    deadline: row.deadline,
    status: row.status,
    postedAt: iso(row.posted_at)!,
    updatedAt: iso(row.updated_at)!,
    version: row.version,
    applications: Number(row.applications),
    mine: r.kind === 'enterprise' && r.enterpriseId === Number(row.enterprise_id),
  };
}

export async function listDemands(
  deps: InnovationDeps,
  p: Principal,
  f: CatalogueFilters = {},
): Promise<{ items: DemandView[]; total: number }> {
  const r = roleOf(p);
  const conds: SQL[] = [demandVisible(r)];
  if (f.field) conds.push(sql`d.field::text = ${f.field}`);
  if (f.status) conds.push(sql`d.status::text = ${f.status}`);
  if (f.mine) conds.push(r.kind === 'enterprise' ? sql`d.enterprise_id = ${r.enterpriseId}` : sql`false`);
  if (f.q?.trim()) conds.push(sql`(d.title ilike ${likeOf(f.q)} or e.name ilike ${likeOf(f.q)})`);
  const pageSize = Math.min(f.pageSize ?? 20, 200);
  const rows = await rowsOf<DemandRow & { total: number }>(
    deps.database.db,
    sql`select ${DEMAND_COLS}, count(*) over ()::int as total
          from tech_demands d join enterprises e on e.id = d.enterprise_id join units u on u.code = e.unit_code
         where ${sql.join(conds, sql` and `)}
         order by d.posted_at desc, d.id desc limit ${pageSize} offset ${((f.page ?? 1) - 1) * pageSize}`,
  );
  const items = rows.map((x) => presentDemand(r, x));
  await attachOwnApplications(deps.database.db, r, items);
  return { items, total: Number(rows[0]?.total ?? 0) };
}

async function attachOwnApplications(db: DbOrTx, r: InnovationRole, items: DemandView[]): Promise<void> {
  if (r.kind !== 'university' || !items.length) return;
  const rows = await rowsOf<{ id: number; demand_id: number; status: string }>(
    db,
    sql`select id, demand_id, status from tech_applications where organisation = ${r.organisation} and demand_id = any(${toArray(items.map((i) => String(i.id)))}::bigint[])`,
  );
  const by = new Map(rows.map((x) => [Number(x.demand_id), { id: Number(x.id), status: x.status }]));
  for (const i of items) i.ownApplication = by.get(i.id) ?? null;
}

async function demandRow(db: DbOrTx, r: InnovationRole, id: number, lock = false): Promise<DemandRow> {
  const [row] = await rowsOf<DemandRow>(
    db,
    sql`select ${DEMAND_COLS} from tech_demands d join enterprises e on e.id = d.enterprise_id join units u on u.code = e.unit_code
         where d.id = ${id} and ${demandVisible(r)} ${lock ? sql`for update of d` : sql``}`,
  );
  if (!row) throw new AppError('not_found');
  return row;
}

export async function getDemand(deps: InnovationDeps, p: Principal, id: number): Promise<DemandView> {
  const r = roleOf(p);
  const view = presentDemand(r, await demandRow(deps.database.db, r, id));
  await attachOwnApplications(deps.database.db, r, [view]);
  return view;
}

function ownEnterprise(r: InnovationRole): number {
  if (r.kind !== 'enterprise')
    throw new AppError('forbidden', {
      detail: { zh: '只有企业用户可以发布技术需求', en: 'Only enterprise users publish R&D demands' },
    });
  return r.enterpriseId;
}

async function insertDemand(tx: DbOrTx, p: Principal, enterpriseId: number, v: DemandInput): Promise<number> {
  await countTerms(tx, 'demand', terms(v.title, v.description), [], 1);
  const [row] = await rowsOf<{ id: number }>(
    tx,
    sql`insert into tech_demands (enterprise_id, title, description, field, budget, deadline, terms, search, posted_by)
        values (${enterpriseId}, ${v.title}, ${v.description}, ${v.field}, ${v.budget}, ${v.deadline},
                ${toArray(terms(v.title, v.description))}::text[], ${tsvectorLiteral(v.title, v.description)}::tsvector, ${p.userId})
        returning id`,
  );
  return Number(row!.id);
}

export async function createDemand(deps: InnovationDeps, p: Principal, raw: Record<string, unknown>): Promise<DemandView> {
  const r = roleOf(p);
  const enterpriseId = ownEnterprise(r);
  const { value, problems } = checkDemand(raw, todayShanghai());
  if (problems.length) throw invalid(...problems);
  const id = await deps.database.db.transaction(async (tx) => {
    const id = await insertDemand(tx, p, enterpriseId, value);
    await recordAudit(tx, actorOf(p), 'innovation.demand.create', 'tech_demand', id, null, auditView(value));
    return id;
  });
  return getDemand(deps, p, id);
}

export async function updateDemand(
  deps: InnovationDeps,
  p: Principal,
  id: number,
  raw: Record<string, unknown>,
  version: number,
): Promise<DemandView> {
  const r = roleOf(p);
  const enterpriseId = ownEnterprise(r);
  const { value, problems } = checkDemand(raw, todayShanghai());
  if (problems.length) throw invalid(...problems);
  await deps.database.db.transaction(async (tx) => {
    const before = await demandRow(tx, r, id, true);
    if (Number(before.enterprise_id) !== enterpriseId) throw new AppError('not_found');
    if (before.version !== version) throw new AppError('stale_version');
    await countTerms(tx, 'demand', terms(value.title, value.description), before.terms);
    await tx.execute(
      sql`update tech_demands set title = ${value.title}, description = ${value.description}, field = ${value.field}, budget = ${value.budget},
             deadline = ${value.deadline}, terms = ${toArray(terms(value.title, value.description))}::text[],
             search = ${tsvectorLiteral(value.title, value.description)}::tsvector, updated_at = now(), version = version + 1
           where id = ${id}`,
    );
    await recordAudit(
      tx,
      actorOf(p),
      'innovation.demand.update',
      'tech_demand',
      id,
      { title: before.title, budget: before.budget, deadline: before.deadline, version },
      auditView(value),
    );
  });
  return getDemand(deps, p, id);
}

export async function setDemandStatus(
  deps: InnovationDeps,
  p: Principal,
  id: number,
  status: 'published' | 'closed',
): Promise<DemandView> {
  const r = roleOf(p);
  const enterpriseId = ownEnterprise(r);
  await deps.database.db.transaction(async (tx) => {
    const before = await demandRow(tx, r, id, true);
    if (Number(before.enterprise_id) !== enterpriseId) throw new AppError('not_found');
    if (before.status === status) return;
    await tx.execute(sql`update tech_demands set status = ${status}, updated_at = now(), version = version + 1 where id = ${id}`);
    await recordAudit(
      tx,
      actorOf(p),
      `innovation.demand.${status === 'closed' ? 'close' : 'publish'}`,
      'tech_demand',
      id,
      { status: before.status },
      { status },
    );
  });
  return getDemand(deps, p, id);
}

// ---------- Excel import: every row checked, nothing applied if one is bad ----------

const IMPORT_MAX_ROWS = 2000;

async function readRows(
  bytes: Buffer,
  columns: Record<string, string>,
): Promise<{ rowNo: number; values: Record<string, string> }[]> {
  const sheet = await readXlsx(bytes);
  const [header, ...body] = sheet.rows;
  if (!header) throw invalid(problem('file', '文件中没有数据', 'the file has no rows'));
  const map = header.cells.map((h) => columns[h.trim()] ?? (Object.values(columns).includes(h.trim()) ? h.trim() : null));
  const required = ['title', 'field'];
  const missing = required.filter((k) => !map.includes(k));
  if (missing.length) {
    const names = Object.entries(columns)
      .filter(([, v]) => missing.includes(v))
      .map(([k]) => k);
    throw invalid(problem('file', `表头缺少列：${names.join('、')}`, `the header lacks the columns: ${missing.join(', ')}`));
  }
  if (body.length > IMPORT_MAX_ROWS)
    throw invalid(problem('file', `一次最多导入${IMPORT_MAX_ROWS}行`, `at most ${IMPORT_MAX_ROWS} rows per import`));
  return body
    .filter((row) => row.cells.some((c) => c.trim()))
    .map((row) => {
      const values: Record<string, string> = {};
      map.forEach((key, i) => {
        if (key) values[key] = row.cells[i] ?? '';
      });
      return { rowNo: row.rowNo, values };
    });
}

function rowProblems(rowNo: number, list: FieldProblem[]): FieldProblem[] {
  return list.map((x) => ({
    field: `rows[${rowNo}].${x.field}`,
    reason: { zh: `第${rowNo}行：${x.reason.zh}`, en: `row ${rowNo}: ${x.reason.en}` },
  }));
}

export async function importAchievements(
  deps: InnovationDeps,
  p: Principal,
  bytes: Buffer,
): Promise<{ imported: number; ids: number[] }> {
  const r = roleOf(p);
  const owner = ownerOrg(r);
  const rows = await readRows(bytes, ACHIEVEMENT_COLUMNS);
  const problems: FieldProblem[] = [];
  const values = rows.map(({ rowNo, values: v }) => {
    const checked = checkAchievement({
      ...v,
      field: vocabularyId(TECH_FIELDS, v.field ?? ''),
      maturity: vocabularyId(MATURITIES, v.maturity ?? ''),
      ipKind: v.ipKind ? vocabularyId(IP_KINDS, v.ipKind) : 'none',
    });
    problems.push(...rowProblems(rowNo, checked.problems));
    return checked.value;
  });
  if (!rows.length) problems.push(problem('file', '文件中没有数据行', 'the file has no data rows'));
  if (problems.length) throw invalid(...problems.slice(0, 200));
  const ids = await deps.database.db.transaction(async (tx) => {
    const ids: number[] = [];
    for (const v of values) ids.push(await insertAchievement(tx, deps, p, owner, v, null));
    await recordAudit(tx, actorOf(p), 'innovation.achievement.import', 'tech_achievement', ids[0]!, null, {
      count: ids.length,
      ids,
    });
    return ids;
  });
  return { imported: ids.length, ids };
}

export async function importDemands(
  deps: InnovationDeps,
  p: Principal,
  bytes: Buffer,
): Promise<{ imported: number; ids: number[] }> {
  const r = roleOf(p);
  const enterpriseId = ownEnterprise(r);
  const rows = await readRows(bytes, DEMAND_COLUMNS);
  const today = todayShanghai();
  const problems: FieldProblem[] = [];
  const values = rows.map(({ rowNo, values: v }) => {
    const checked = checkDemand({ ...v, field: vocabularyId(TECH_FIELDS, v.field ?? '') }, today);
    problems.push(...rowProblems(rowNo, checked.problems));
    return checked.value;
  });
  if (!rows.length) problems.push(problem('file', '文件中没有数据行', 'the file has no data rows'));
  if (problems.length) throw invalid(...problems.slice(0, 200));
  const ids = await deps.database.db.transaction(async (tx) => {
    const ids: number[] = [];
    for (const v of values) ids.push(await insertDemand(tx, p, enterpriseId, v));
    await recordAudit(tx, actorOf(p), 'innovation.demand.import', 'tech_demand', ids[0]!, null, { count: ids.length, ids });
    return ids;
  });
  return { imported: ids.length, ids };
}

// ---------- matching ----------

export interface AchievementMatch {
  achievement: AchievementView;
  score: number;
  reason: MatchReason;
}

/** A research team (owner + team) among a demand's best achievements: how many fit, and how well. */
export interface TeamMatch {
  owner: string;
  team: string;
  unitName: string | null;
  /** The team's achievements among the ranked ones, best first. */
  achievementIds: number[];
  /** The team's score: the sum of its ranked achievements' scores (several good fits beat one). */
  score: number;
  sharedTerms: string[];
}

/** How many ranked achievements the team list draws on, beyond the achievements shown. */
export const TEAM_POOL = 30;

export async function matchesForDemand(
  deps: InnovationDeps,
  p: Principal,
  demandId: number,
  limit = 10,
): Promise<{ demand: DemandView; items: AchievementMatch[]; teams: TeamMatch[] }> {
  const r = roleOf(p);
  const db = deps.database.db;
  const d = await demandRow(db, r, demandId);
  const pool = await rankAchievements(db, {
    terms: d.terms,
    field: d.field,
    unitCode: d.unit_code,
    limit: Math.max(limit, TEAM_POOL),
  });
  const ranked = pool.slice(0, limit);
  const byId = new Map<number, AchievementRow>();
  if (pool.length) {
    const rows = await rowsOf<AchievementRow>(
      db,
      sql`select ${ACHIEVEMENT_COLS} from tech_achievements a left join units u on u.code = a.unit_code where a.id = any(${toArray(pool.map((x) => String(x.id)))}::bigint[])`,
    );
    for (const row of rows) byId.set(Number(row.id), row);
  }
  const teams = new Map<string, TeamMatch>();
  for (const x of pool) {
    const a = byId.get(x.id)!;
    const key = `${a.owner}\u0000${a.team}`;
    const t = teams.get(key) ?? {
      owner: a.owner,
      team: a.team,
      unitName: a.unit_name,
      achievementIds: [],
      score: 0,
      sharedTerms: [],
    };
    t.achievementIds.push(x.id);
    t.score += x.score;
    for (const w of matchReason(d.terms, x.terms, false, false).sharedTerms)
      if (!t.sharedTerms.includes(w)) t.sharedTerms.push(w);
    teams.set(key, t);
  }
  return {
    demand: presentDemand(r, d),
    teams: [...teams.values()]
      .map((t) => ({ ...t, score: round(t.score), sharedTerms: t.sharedTerms.slice(0, 8) }))
      .sort(
        (a, b) =>
          b.score - a.score ||
          b.achievementIds.length - a.achievementIds.length ||
          (a.owner + a.team < b.owner + b.team ? -1 : 1),
      )
      .slice(0, 5),
    items: ranked.map((x) => {
      const a = byId.get(x.id)!;
      return {
        achievement: presentAchievement(deps, r, a),
        score: round(x.score),
        reason: matchReason(d.terms, x.terms, a.field === d.field, a.unit_code === d.unit_code),
      };
    }),
  };
}

export interface DemandMatch {
  demand: DemandView;
  score: number;
  reason: MatchReason;
}

export async function matchesForAchievement(
  deps: InnovationDeps,
  p: Principal,
  achievementId: number,
  limit = 10,
): Promise<{ achievement: AchievementView; items: DemandMatch[] }> {
  const r = roleOf(p);
  const db = deps.database.db;
  const a = await achievementRow(db, r, achievementId);
  const field = TECH_FIELDS.find((f) => f.id === a.field);
  const ranked = await rankDemands(db, {
    terms: a.terms,
    field: a.field,
    unitCode: a.unit_code,
    industryPrefixes: field ? [...field.industries] : [],
    limit: limit * 2,
    today: todayShanghai(),
  });
  const byId = new Map<number, DemandRow>();
  if (ranked.length) {
    const rows = await rowsOf<DemandRow>(
      db,
      sql`select ${DEMAND_COLS} from tech_demands d join enterprises e on e.id = d.enterprise_id join units u on u.code = e.unit_code
           where d.id = any(${toArray(ranked.map((x) => String(x.id)))}::bigint[]) and ${demandVisible(r)}`,
    );
    for (const row of rows) byId.set(Number(row.id), row);
  }
  const items = ranked
    .filter((x) => byId.has(x.id))
    .slice(0, limit)
    .map((x) => {
      const d = byId.get(x.id)!;
      return {
        demand: presentDemand(r, d),
        score: round(x.score),
        reason: {
          ...matchReason(a.terms, x.terms, a.field === d.field, a.unit_code === d.unit_code),
          industryFits: x.industryFits,
        },
      };
    });
  await attachOwnApplications(
    db,
    r,
    items.map((i) => i.demand),
  );
  return { achievement: presentAchievement(deps, r, a), items };
}

const round = (n: number) => Math.round(n * 10000) / 10000;

// ---------- 揭榜 applications ----------

interface ApplicationRow {
  id: number;
  demand_id: number;
  demand_title: string;
  enterprise_id: number;
  enterprise_name: string;
  unit_code: string;
  organisation: string;
  team: string;
  achievement_id: number | null;
  achievement_title: string | null;
  proposal: string;
  quote: number | null;
  status: ApplicationStatus;
  contract_amount: number | null;
  contract_signed_on: string | null;
  completed_on: string | null;
  support_amount: number | null;
  support_note: string | null;
  applied_at: Date | string;
  updated_at: Date | string;
  version: number;
}

export interface ApplicationView {
  id: number;
  demandId: number;
  demandTitle: string;
  enterpriseId: number;
  enterpriseName: string;
  organisation: string;
  team: string;
  achievementId: number | null;
  achievementTitle: string | null;
  proposal: string;
  quote: number | null;
  status: ApplicationStatus;
  contractAmount: number | null;
  contractSignedOn: string | null;
  completedOn: string | null;
  supportAmount: number | null;
  supportNote: string | null;
  appliedAt: string;
  updatedAt: string;
  version: number;
}

const APPLICATION_COLS = sql`x.id, x.demand_id, d.title as demand_title, d.enterprise_id, e.name as enterprise_name, e.unit_code, x.organisation, x.team,
  x.achievement_id, a.title as achievement_title, x.proposal, x.quote, x.status, x.contract_amount, x.contract_signed_on, x.completed_on,
  x.support_amount, x.support_note, x.applied_at, x.updated_at, x.version`;
const APPLICATION_FROM = sql`tech_applications x join tech_demands d on d.id = x.demand_id join enterprises e on e.id = d.enterprise_id
  left join tech_achievements a on a.id = x.achievement_id`;

function applicationVisible(r: InnovationRole): SQL {
  switch (r.kind) {
    case 'officer':
      return r.unitCode ? sql`e.unit_code = ${r.unitCode}` : sql`true`;
    case 'enterprise':
      return sql`d.enterprise_id = ${r.enterpriseId}`;
    case 'university':
      return sql`x.organisation = ${r.organisation}`;
    default:
      return sql`false`;
  }
}

function presentApplication(x: ApplicationRow): ApplicationView {
  const n = (v: number | null) => (v === null ? null : Number(v));
  return {
    id: Number(x.id),
    demandId: Number(x.demand_id),
    demandTitle: x.demand_title,
    enterpriseId: Number(x.enterprise_id),
    enterpriseName: x.enterprise_name,
    organisation: x.organisation,
    team: x.team,
    achievementId: n(x.achievement_id),
    achievementTitle: x.achievement_title,
    proposal: x.proposal,
    quote: n(x.quote),
    status: x.status,
    contractAmount: n(x.contract_amount),
    contractSignedOn: x.contract_signed_on,
    completedOn: x.completed_on,
    supportAmount: n(x.support_amount),
    supportNote: x.support_note,
    appliedAt: iso(x.applied_at)!,
    updatedAt: iso(x.updated_at)!,
    version: x.version,
  };
}

export async function listApplications(
  deps: InnovationDeps,
  p: Principal,
  f: {
    demandId?: number | undefined;
    status?: string | undefined;
    page?: number | undefined;
    pageSize?: number | undefined;
  } = {},
): Promise<{ items: ApplicationView[]; total: number }> {
  const r = roleOf(p);
  const conds: SQL[] = [applicationVisible(r)];
  if (f.demandId) conds.push(sql`x.demand_id = ${f.demandId}`);
  if (f.status) conds.push(sql`x.status::text = ${f.status}`);
  const pageSize = Math.min(f.pageSize ?? 20, 200);
  const rows = await rowsOf<ApplicationRow & { total: number }>(
    deps.database.db,
    sql`select ${APPLICATION_COLS}, count(*) over ()::int as total from ${APPLICATION_FROM}
         where ${sql.join(conds, sql` and `)} order by x.updated_at desc, x.id desc limit ${pageSize} offset ${((f.page ?? 1) - 1) * pageSize}`,
  );
  return { items: rows.map(presentApplication), total: Number(rows[0]?.total ?? 0) };
}

async function applicationRow(db: DbOrTx, r: InnovationRole, id: number, lock = false): Promise<ApplicationRow> {
  const [row] = await rowsOf<ApplicationRow>(
    db,
    sql`select ${APPLICATION_COLS} from ${APPLICATION_FROM} where x.id = ${id} and ${applicationVisible(r)} ${lock ? sql`for update of x` : sql``}`,
  );
  if (!row) throw new AppError('not_found');
  return row;
}

export async function getApplication(deps: InnovationDeps, p: Principal, id: number): Promise<ApplicationView> {
  return presentApplication(await applicationRow(deps.database.db, roleOf(p), id));
}

/** A university team takes up a published demand before its deadline: once per organisation (a key). */
export async function applyForDemand(
  deps: InnovationDeps,
  p: Principal,
  demandId: number,
  raw: Record<string, unknown>,
): Promise<ApplicationView> {
  const r = roleOf(p);
  if (r.kind !== 'university')
    throw new AppError('forbidden', {
      detail: { zh: '只有高校、科研院所用户可以揭榜', en: 'Only university and institute users take up demands' },
    });
  const { value, problems } = checkApplication(raw);
  if (problems.length) throw invalid(...problems);
  let id: number;
  try {
    id = await deps.database.db.transaction(async (tx) => {
      const d = await demandRow(tx, r, demandId, true);
      if (d.status !== 'published' || d.deadline < todayShanghai())
        throw new AppError('conflict', {
          detail: { zh: '该需求已关闭或已过截止日期', en: 'The demand is closed or past its deadline' },
        });
      if (value.achievementId !== null) {
        const [a] = await rowsOf<{ owner: string }>(
          tx,
          sql`select owner from tech_achievements where id = ${value.achievementId}`,
        );
        if (a?.owner !== r.organisation)
          throw invalid(problem('achievementId', '只能引用本单位的技术成果', 'achievementId must be one of your organisation'));
      }
      const [row] = await rowsOf<{ id: number }>(
        tx,
        sql`insert into tech_applications (demand_id, organisation, team, achievement_id, proposal, quote, applied_by)
            values (${demandId}, ${r.organisation}, ${value.team}, ${value.achievementId}, ${value.proposal}, ${value.quote}, ${p.userId})
            returning id`,
      );
      const id = Number(row!.id);
      await recordAudit(tx, actorOf(p), 'innovation.application.apply', 'tech_application', id, null, { demandId, ...value });
      return id;
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError('conflict', {
        detail: { zh: '本单位已揭榜该需求，不能重复揭榜', en: 'Your organisation has already taken up this demand' },
      });
    throw e;
  }
  return getApplication(deps, p, id);
}

type ApplicationAction = 'choose' | 'contract' | 'complete' | 'withdraw';

/**
 * Moves an application on: the enterprise chooses one (the others of the demand become
 * not_chosen), records the contract, and its completion; the team may withdraw before a contract.
 * The partial unique index `tech_applications_one_chosen` makes a second choice fail even when two
 * requests race.
 */
export async function actOnApplication(
  deps: InnovationDeps,
  p: Principal,
  id: number,
  action: ApplicationAction,
  raw: Record<string, unknown>,
  version: number,
): Promise<ApplicationView> {
  const r = roleOf(p);
  const today = todayShanghai();
  try {
    await deps.database.db.transaction(async (tx) => {
      // Lock order: the demand, then the application. Two "choose" on different applications of
      // one demand serialise on the demand (and never deadlock on each other's application rows).
      await tx.execute(
        sql`select d.id from tech_demands d join tech_applications x on x.demand_id = d.id where x.id = ${id} for update of d`,
      );
      const x = await applicationRow(tx, r, id, true);
      const isEnterprise = r.kind === 'enterprise' && r.enterpriseId === Number(x.enterprise_id);
      const isTeam = r.kind === 'university' && r.organisation === x.organisation;
      if (action === 'withdraw' ? !isTeam : !isEnterprise) throw new AppError('not_found');
      if (x.version !== version) throw new AppError('stale_version');
      const to: ApplicationStatus =
        action === 'choose' ? 'chosen' : action === 'contract' ? 'contracted' : action === 'complete' ? 'completed' : 'withdrawn';
      if (!canMove(x.status, to))
        throw new AppError('conflict', {
          detail: { zh: `当前状态（${x.status}）不能执行此操作`, en: `not possible while the application is ${x.status}` },
        });
      let set: SQL = sql`status = ${to}`;
      let after: Record<string, unknown> = { status: to };
      if (action === 'contract') {
        const c = checkContract(raw, today);
        if (c.problems.length) throw invalid(...c.problems);
        set = sql`status = ${to}, contract_amount = ${c.value.amount}, contract_signed_on = ${c.value.signedOn}`;
        after = { ...after, contractAmount: c.value.amount, contractSignedOn: c.value.signedOn };
      } else if (action === 'complete') {
        const completedOn = typeof raw.completedOn === 'string' ? raw.completedOn : today;
        if (
          !/^\d{4}-\d{2}-\d{2}$/.test(completedOn) ||
          completedOn > today ||
          (x.contract_signed_on && completedOn < x.contract_signed_on)
        )
          throw invalid(
            problem('completedOn', '完成日期须在签约日期与今天之间', 'completedOn must fall between the contract date and today'),
          );
        set = sql`status = ${to}, completed_on = ${completedOn}`;
        after = { ...after, completedOn };
      }
      if (action === 'choose') {
        const [taken] = await rowsOf<{ id: number }>(
          tx,
          sql`select id from tech_applications where demand_id = ${x.demand_id} and id <> ${id} and status in ('chosen', 'contracted', 'completed')`,
        );
        if (taken)
          throw new AppError('conflict', {
            detail: { zh: '该需求已选定揭榜团队', en: 'A team has already been chosen for this demand' },
          });
      }
      await tx.execute(sql`update tech_applications set ${set}, updated_at = now(), version = version + 1 where id = ${id}`);
      if (action === 'choose')
        await tx.execute(
          sql`update tech_applications set status = 'not_chosen', updated_at = now(), version = version + 1 where demand_id = ${x.demand_id} and id <> ${id} and status = 'applied'`,
        );
      await recordAudit(tx, actorOf(p), `innovation.application.${action}`, 'tech_application', id, { status: x.status }, after);
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError('conflict', {
        detail: { zh: '该需求已选定揭榜团队', en: 'A team has already been chosen for this demand' },
      });
    throw e;
  }
  return getApplication(deps, p, id);
}

/** 政府助题: the city records the support given to a contracted project. */
export async function recordSupport(
  deps: InnovationDeps,
  p: Principal,
  id: number,
  raw: Record<string, unknown>,
  version: number,
): Promise<ApplicationView> {
  const r = roleOf(p);
  if (!canRecordInnovationSupport(r)) throw new AppError('not_found');
  const { value, problems } = checkSupport(raw);
  if (problems.length) throw invalid(...problems);
  await deps.database.db.transaction(async (tx) => {
    const x = await applicationRow(tx, r, id, true);
    if (x.version !== version) throw new AppError('stale_version');
    if (x.status !== 'contracted' && x.status !== 'completed')
      throw new AppError('conflict', {
        detail: { zh: '只有已签约的项目可以登记政府支持', en: 'Support is recorded for contracted projects only' },
      });
    await tx.execute(
      sql`update tech_applications set support_amount = ${value.amount}, support_note = ${value.note}, updated_at = now(), version = version + 1 where id = ${id}`,
    );
    await recordAudit(
      tx,
      actorOf(p),
      'innovation.application.support',
      'tech_application',
      id,
      { supportAmount: x.support_amount, supportNote: x.support_note },
      { supportAmount: value.amount, supportNote: value.note },
    );
  });
  return getApplication(deps, p, id);
}

// ---------- shared resources (large–small integration) ----------

export interface ResourceView {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  unitName: string;
  kind: string;
  title: string;
  description: string;
  terms: string;
  status: string;
  postedAt: string;
  version: number;
  openRequests: number;
  mine: boolean;
}

interface ResourceRow {
  id: number;
  enterprise_id: number;
  enterprise_name: string;
  unit_name: string;
  unit_code: string;
  kind: string;
  title: string;
  description: string;
  terms_of_use: string;
  status: string;
  posted_at: Date | string;
  version: number;
  open_requests: number;
}

const RESOURCE_COLS = sql`s.id, s.enterprise_id, e.name as enterprise_name, u.name_zh as unit_name, e.unit_code, s.kind, s.title, s.description, s.terms_of_use,
  s.status, s.posted_at, s.version, (select count(*)::int from resource_requests q where q.resource_id = s.id and q.status in ('requested', 'accepted')) as open_requests`;

function resourceVisible(r: InnovationRole): SQL {
  if (r.kind === 'officer') return r.unitCode ? sql`e.unit_code = ${r.unitCode}` : sql`true`;
  if (r.kind === 'enterprise') return sql`(s.status = 'published' or s.enterprise_id = ${r.enterpriseId})`;
  return sql`s.status = 'published'`;
}

function presentResource(r: InnovationRole, x: ResourceRow): ResourceView {
  return {
    id: Number(x.id),
    enterpriseId: Number(x.enterprise_id),
    enterpriseName: x.enterprise_name,
    unitName: x.unit_name,
    kind: x.kind,
    title: x.title,
    description: x.description,
    terms: x.terms_of_use,
    status: x.status,
    postedAt: iso(x.posted_at)!,
    version: x.version,
    openRequests: Number(x.open_requests),
    mine: r.kind === 'enterprise' && r.enterpriseId === Number(x.enterprise_id),
  };
}

export async function listResources(
  deps: InnovationDeps,
  p: Principal,
  f: {
    kind?: string | undefined;
    q?: string | undefined;
    mine?: boolean | undefined;
    page?: number | undefined;
    pageSize?: number | undefined;
  } = {},
): Promise<{ items: ResourceView[]; total: number }> {
  const r = roleOf(p);
  const conds: SQL[] = [resourceVisible(r)];
  if (f.kind) conds.push(sql`s.kind::text = ${f.kind}`);
  if (f.mine) conds.push(r.kind === 'enterprise' ? sql`s.enterprise_id = ${r.enterpriseId}` : sql`false`);
  if (f.q?.trim()) conds.push(sql`(s.title ilike ${likeOf(f.q)} or e.name ilike ${likeOf(f.q)})`);
  const pageSize = Math.min(f.pageSize ?? 20, 200);
  const rows = await rowsOf<ResourceRow & { total: number }>(
    deps.database.db,
    sql`select ${RESOURCE_COLS}, count(*) over ()::int as total
          from shared_resources s join enterprises e on e.id = s.enterprise_id join units u on u.code = e.unit_code
         where ${sql.join(conds, sql` and `)} order by s.posted_at desc, s.id desc limit ${pageSize} offset ${((f.page ?? 1) - 1) * pageSize}`,
  );
  return { items: rows.map((x) => presentResource(r, x)), total: Number(rows[0]?.total ?? 0) };
}

async function resourceRow(db: DbOrTx, r: InnovationRole, id: number, lock = false): Promise<ResourceRow> {
  const [row] = await rowsOf<ResourceRow>(
    db,
    sql`select ${RESOURCE_COLS} from shared_resources s join enterprises e on e.id = s.enterprise_id join units u on u.code = e.unit_code
         where s.id = ${id} and ${resourceVisible(r)} ${lock ? sql`for update of s` : sql``}`,
  );
  if (!row) throw new AppError('not_found');
  return row;
}

/** Large enterprises (size class `large`) open resources to SMEs (measure 十一). */
export async function createResource(deps: InnovationDeps, p: Principal, raw: Record<string, unknown>): Promise<ResourceView> {
  const r = roleOf(p);
  const me = await innovationMe(deps, p);
  if (r.kind !== 'enterprise' || !me.large)
    throw new AppError('forbidden', {
      detail: { zh: '只有大型企业可以发布开放资源', en: 'Only large enterprises offer resources' },
    });
  const { value, problems } = checkResource(raw);
  if (problems.length) throw invalid(...problems);
  const id = await deps.database.db.transaction(async (tx) => {
    const [row] = await rowsOf<{ id: number }>(
      tx,
      sql`insert into shared_resources (enterprise_id, kind, title, description, terms_of_use, posted_by)
          values (${r.enterpriseId}, ${value.kind}, ${value.title}, ${value.description}, ${value.terms}, ${p.userId}) returning id`,
    );
    const id = Number(row!.id);
    await recordAudit(tx, actorOf(p), 'innovation.resource.create', 'shared_resource', id, null, value);
    return id;
  });
  return presentResource(r, await resourceRow(deps.database.db, r, id));
}

export async function setResourceStatus(
  deps: InnovationDeps,
  p: Principal,
  id: number,
  status: 'published' | 'closed',
): Promise<ResourceView> {
  const r = roleOf(p);
  await deps.database.db.transaction(async (tx) => {
    const x = await resourceRow(tx, r, id, true);
    if (r.kind !== 'enterprise' || r.enterpriseId !== Number(x.enterprise_id)) throw new AppError('not_found');
    if (x.status === status) return;
    await tx.execute(sql`update shared_resources set status = ${status}, version = version + 1 where id = ${id}`);
    await recordAudit(
      tx,
      actorOf(p),
      `innovation.resource.${status === 'closed' ? 'close' : 'publish'}`,
      'shared_resource',
      id,
      { status: x.status },
      { status },
    );
  });
  return presentResource(r, await resourceRow(deps.database.db, r, id));
}

export interface RequestView {
  id: number;
  resourceId: number;
  resourceTitle: string;
  resourceKind: string;
  ownerName: string;
  enterpriseId: number;
  enterpriseName: string;
  purpose: string;
  fromDate: string;
  toDate: string;
  status: RequestStatus;
  answer: string | null;
  requestedAt: string;
  version: number;
  /** The resource's owner may answer; the requester may withdraw. */
  side: 'owner' | 'requester' | 'officer';
}

interface RequestRow {
  id: number;
  resource_id: number;
  resource_title: string;
  resource_kind: string;
  owner_id: number;
  owner_name: string;
  enterprise_id: number;
  enterprise_name: string;
  purpose: string;
  from_date: string;
  to_date: string;
  status: RequestStatus;
  answer: string | null;
  requested_at: Date | string;
  version: number;
}

const REQUEST_COLS = sql`q.id, q.resource_id, s.title as resource_title, s.kind as resource_kind, s.enterprise_id as owner_id, o.name as owner_name,
  q.enterprise_id, e.name as enterprise_name, q.purpose, q.from_date, q.to_date, q.status, q.answer, q.requested_at, q.version`;
const REQUEST_FROM = sql`resource_requests q join shared_resources s on s.id = q.resource_id join enterprises o on o.id = s.enterprise_id join enterprises e on e.id = q.enterprise_id`;

function requestVisible(r: InnovationRole): SQL {
  if (r.kind === 'officer') return r.unitCode ? sql`(e.unit_code = ${r.unitCode} or o.unit_code = ${r.unitCode})` : sql`true`;
  if (r.kind === 'enterprise') return sql`(q.enterprise_id = ${r.enterpriseId} or s.enterprise_id = ${r.enterpriseId})`;
  return sql`false`;
}

function presentRequest(r: InnovationRole, x: RequestRow): RequestView {
  return {
    id: Number(x.id),
    resourceId: Number(x.resource_id),
    resourceTitle: x.resource_title,
    resourceKind: x.resource_kind,
    ownerName: x.owner_name,
    enterpriseId: Number(x.enterprise_id),
    enterpriseName: x.enterprise_name,
    purpose: x.purpose,
    fromDate: x.from_date,
    toDate: x.to_date,
    status: x.status,
    answer: x.answer,
    requestedAt: iso(x.requested_at)!,
    version: x.version,
    side: r.kind === 'enterprise' ? (r.enterpriseId === Number(x.owner_id) ? 'owner' : 'requester') : 'officer',
  };
}

export async function listRequests(
  deps: InnovationDeps,
  p: Principal,
  f: { status?: string | undefined; page?: number | undefined; pageSize?: number | undefined } = {},
): Promise<{ items: RequestView[]; total: number }> {
  const r = roleOf(p);
  const conds: SQL[] = [requestVisible(r)];
  if (f.status) conds.push(sql`q.status::text = ${f.status}`);
  const pageSize = Math.min(f.pageSize ?? 20, 200);
  const rows = await rowsOf<RequestRow & { total: number }>(
    deps.database.db,
    sql`select ${REQUEST_COLS}, count(*) over ()::int as total from ${REQUEST_FROM} where ${sql.join(conds, sql` and `)}
         order by q.requested_at desc, q.id desc limit ${pageSize} offset ${((f.page ?? 1) - 1) * pageSize}`,
  );
  return { items: rows.map((x) => presentRequest(r, x)), total: Number(rows[0]?.total ?? 0) };
}

async function requestRow(db: DbOrTx, r: InnovationRole, id: number, lock = false): Promise<RequestRow> {
  const [row] = await rowsOf<RequestRow>(
    db,
    sql`select ${REQUEST_COLS} from ${REQUEST_FROM} where q.id = ${id} and ${requestVisible(r)} ${lock ? sql`for update of q` : sql``}`,
  );
  if (!row) throw new AppError('not_found');
  return row;
}

/** An SME asks for a resource: one open request per enterprise and resource (a partial unique index). */
export async function requestResource(
  deps: InnovationDeps,
  p: Principal,
  resourceId: number,
  raw: Record<string, unknown>,
): Promise<RequestView> {
  const r = roleOf(p);
  if (r.kind !== 'enterprise')
    throw new AppError('forbidden', {
      detail: { zh: '只有企业用户可以申请使用资源', en: 'Only enterprise users request resources' },
    });
  const { value, problems } = checkResourceRequest(raw, todayShanghai());
  if (problems.length) throw invalid(...problems);
  let id: number;
  try {
    id = await deps.database.db.transaction(async (tx) => {
      const s = await resourceRow(tx, r, resourceId);
      if (Number(s.enterprise_id) === r.enterpriseId)
        throw new AppError('conflict', { detail: { zh: '不能申请本企业的资源', en: 'You cannot request your own resource' } });
      if (s.status !== 'published')
        throw new AppError('conflict', { detail: { zh: '该资源已停止开放', en: 'The resource is no longer offered' } });
      const [row] = await rowsOf<{ id: number }>(
        tx,
        sql`insert into resource_requests (resource_id, enterprise_id, purpose, from_date, to_date, requested_by)
            values (${resourceId}, ${r.enterpriseId}, ${value.purpose}, ${value.fromDate}, ${value.toDate}, ${p.userId}) returning id`,
      );
      const id = Number(row!.id);
      await recordAudit(tx, actorOf(p), 'innovation.request.create', 'resource_request', id, null, { resourceId, ...value });
      return id;
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError('conflict', {
        detail: { zh: '已有进行中的申请，不能重复申请', en: 'There is already an open request for this resource' },
      });
    throw e;
  }
  return presentRequest(r, await requestRow(deps.database.db, r, id));
}

export async function moveRequest(
  deps: InnovationDeps,
  p: Principal,
  id: number,
  to: RequestStatus,
  answer: string | undefined,
  version: number,
): Promise<RequestView> {
  const r = roleOf(p);
  await deps.database.db.transaction(async (tx) => {
    const x = await requestRow(tx, r, id, true);
    const isOwner = r.kind === 'enterprise' && r.enterpriseId === Number(x.owner_id);
    const isRequester = r.kind === 'enterprise' && r.enterpriseId === Number(x.enterprise_id);
    const allowed = to === 'withdrawn' ? isRequester : isOwner;
    if (!allowed) throw new AppError('not_found');
    if (x.version !== version) throw new AppError('stale_version');
    if (!REQUEST_TRANSITIONS[x.status].includes(to))
      throw new AppError('conflict', {
        detail: { zh: `当前状态（${x.status}）不能执行此操作`, en: `not possible while the request is ${x.status}` },
      });
    if (to === 'declined' && !answer?.trim())
      throw invalid(problem('answer', '请填写不同意的原因', 'answer (the reason) is required to decline'));
    await tx.execute(
      sql`update resource_requests set status = ${to}, answer = coalesce(${answer?.trim() || null}, answer), updated_at = now(), version = version + 1 where id = ${id}`,
    );
    await recordAudit(
      tx,
      actorOf(p),
      `innovation.request.${to}`,
      'resource_request',
      id,
      { status: x.status },
      { status: to, answer: answer ?? null },
    );
  });
  return presentRequest(r, await requestRow(deps.database.db, r, id));
}

// ---------- statistics ----------

export interface InnovationStatRow {
  key: string;
  name: string;
  demands: number;
  achievements: number;
  applications: number;
  matched: number;
  contracts: number;
  contractAmount: number;
  supportAmount: number;
}

export interface InnovationStats {
  asOf: string;
  totals: Omit<InnovationStatRow, 'key' | 'name'> & { resources: number; requests: number; requestsAccepted: number };
  byField: InnovationStatRow[];
  byDistrict: InnovationStatRow[];
  byStatus: { status: string; count: number }[];
}

/** Officers (a district its own enterprises) and read-only viewers; matches counted as chosen-or-later applications. */
export async function innovationStats(deps: InnovationDeps, p: Principal): Promise<InnovationStats> {
  const r = roleOf(p);
  if (r.kind !== 'officer' && r.kind !== 'viewer') throw new AppError('not_found');
  const unit = r.kind === 'officer' ? r.unitCode : null;
  const db = deps.database.db;
  const scope = unit ? sql`e.unit_code = ${unit}` : sql`true`;
  const agg = (group: SQL) => sql`
    select ${group} as key, count(distinct d.id)::int as demands, count(x.id)::int as applications,
           count(x.id) filter (where x.status in ('chosen', 'contracted', 'completed'))::int as matched,
           count(x.id) filter (where x.status in ('contracted', 'completed'))::int as contracts,
           coalesce(sum(x.contract_amount), 0)::bigint as contract_amount, coalesce(sum(x.support_amount), 0)::bigint as support_amount
      from tech_demands d join enterprises e on e.id = d.enterprise_id left join tech_applications x on x.demand_id = d.id
     where ${scope} group by 1`;
  type Agg = {
    key: string;
    demands: number;
    applications: number;
    matched: number;
    contracts: number;
    contract_amount: number;
    support_amount: number;
  };
  const [fieldRows, unitRows, achRows, statusRows, res] = await Promise.all([
    rowsOf<Agg>(db, agg(sql`d.field::text`)),
    rowsOf<Agg>(db, agg(sql`e.unit_code`)),
    rowsOf<{ field: string; unit_code: string | null; n: number }>(
      db,
      sql`select field::text as field, unit_code, count(*)::int as n from tech_achievements group by 1, 2`,
    ),
    rowsOf<{ status: string; n: number }>(
      db,
      sql`select x.status::text as status, count(*)::int as n from tech_applications x join tech_demands d on d.id = x.demand_id join enterprises e on e.id = d.enterprise_id where ${scope} group by 1 order by 1`,
    ),
    rowsOf<{ resources: number; requests: number; accepted: number }>(
      db,
      sql`select (select count(*)::int from shared_resources s join enterprises e on e.id = s.enterprise_id where ${scope}) as resources,
                 (select count(*)::int from resource_requests q join enterprises e on e.id = q.enterprise_id where ${scope}) as requests,
                 (select count(*)::int from resource_requests q join enterprises e on e.id = q.enterprise_id where ${scope} and q.status in ('accepted', 'completed')) as accepted`,
    ),
  ]);
  const units = await deps.database.query<{ code: string; name_zh: string }>(
    `select code, name_zh from units order by sort, code`,
  );
  const row = (key: string, name: string, a: Agg | undefined, achievements: number): InnovationStatRow => ({
    key,
    name,
    demands: Number(a?.demands ?? 0),
    achievements,
    applications: Number(a?.applications ?? 0),
    matched: Number(a?.matched ?? 0),
    contracts: Number(a?.contracts ?? 0),
    contractAmount: Number(a?.contract_amount ?? 0),
    supportAmount: Number(a?.support_amount ?? 0),
  });
  const achBy = (pred: (x: { field: string; unit_code: string | null }) => boolean) =>
    achRows.filter(pred).reduce((s, x) => s + Number(x.n), 0);
  const byField = TECH_FIELDS.map((f) =>
    row(
      f.id,
      f.zh,
      fieldRows.find((x) => x.key === f.id),
      achBy((x) => x.field === f.id),
    ),
  );
  const byDistrict = units
    .filter((u) => !unit || u.code === unit)
    .map((u) =>
      row(
        u.code,
        u.name_zh,
        unitRows.find((x) => x.key === u.code),
        achBy((x) => x.unit_code === u.code),
      ),
    )
    .filter((x) => x.demands > 0 || x.achievements > 0);
  const sum = (k: keyof Omit<InnovationStatRow, 'key' | 'name'>) => byField.reduce((s, x) => s + x[k], 0);
  return {
    asOf: todayShanghai(),
    totals: {
      demands: sum('demands'),
      achievements: sum('achievements'),
      applications: sum('applications'),
      matched: sum('matched'),
      contracts: sum('contracts'),
      contractAmount: sum('contractAmount'),
      supportAmount: sum('supportAmount'),
      resources: Number(res[0]?.resources ?? 0),
      requests: Number(res[0]?.requests ?? 0),
      requestsAccepted: Number(res[0]?.accepted ?? 0),
    },
    byField,
    byDistrict,
    byStatus: statusRows.map((x) => ({ status: x.status, count: Number(x.n) })),
  };
}
