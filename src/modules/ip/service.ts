/**
 * IP service: an enterprise's IP items with their classes and scores, form entry and spreadsheet
 * import by the enterprise, the evaluation a bank sees for a firm on its key-service list, IP-pledge
 * loans recorded against the pledged items, and statistics. Every read is narrowed with
 * access/principal.ts (and financing's `keyListMembers` for banks); every change is one transaction
 * with its audit entry.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { rowsOf, type Database, type DbOrTx } from '../../db/client.ts';
import { AppError, invalid, type FieldProblem } from '../../shared/errors.ts';
import { todayShanghai, isIsoDate } from '../../shared/dates.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import {
  canRecordLoans,
  canWriteIp,
  ipScope,
  ipStatisticsScope,
  type EnterpriseScope,
  type Principal,
} from '../access/principal.ts';
import { institutionOf, keyListMembers, type Institution } from '../financing/service.ts';
import { checkLoan } from '../financing/domain.ts';
import { INDUSTRIES, TITLE_KINDS } from '../registry/reference.ts';
import {
  classify,
  evaluateEnterprise,
  holdingsOf,
  inForce,
  type Classification,
  type EnterpriseEvaluation,
  type ItemEvaluation,
} from '../../../policy/ip/index.ts';
import type { IpHoldings } from '../../../policy/tier-standards/facts.ts';
import { IMPORT_COLUMNS, checkIp, rowToInput, type IpInput, type IpValues } from './domain.ts';
import { groupByEnterprise, itemOf, readRecords, type IpRow } from './records.ts';
import { NO_PLEDGE_ITEMS, checkPledgeItems, insertPledges } from './pledges.ts';

const actorOf = (p: Principal): Actor => ({ id: p.userId, name: p.username });
const sqlState = (e: unknown): string | undefined => {
  const err = e as { code?: string; cause?: { code?: string } } | null;
  return err?.code ?? err?.cause?.code;
};
const MAX_IMPORT_ROWS = 2000;

// ---------- who is asking ----------

export type IpViewerKind = 'enterprise' | 'officer' | 'bank' | 'none';

export async function ipViewer(
  database: Database,
  p: Principal,
): Promise<{ viewer: IpViewerKind; enterpriseId: number | null; institution: Institution | null; canRecordLoans: boolean }> {
  if (p.role === 'bank_officer') {
    const inst = await institutionOf(database.db, p);
    return {
      viewer: inst ? 'bank' : 'none',
      enterpriseId: null,
      institution: inst,
      canRecordLoans: canRecordLoans(p, inst?.id ?? null, inst?.kind ?? null),
    };
  }
  const s = ipScope(p);
  if (s.kind === 'enterprise')
    return { viewer: 'enterprise', enterpriseId: s.enterpriseId, institution: null, canRecordLoans: false };
  if (s.kind === 'all' || s.kind === 'unit')
    return { viewer: 'officer', enterpriseId: null, institution: null, canRecordLoans: false };
  return { viewer: 'none', enterpriseId: null, institution: null, canRecordLoans: false };
}

/** SQL over `e` narrowing enterprises to a scope ($n from `k`). */
function scopeWhere(s: EnterpriseScope, k: number): { sql: string; params: unknown[] } {
  switch (s.kind) {
    case 'all':
      return { sql: 'true', params: [] };
    case 'unit':
      return { sql: `e.unit_code = $${k}`, params: [s.unitCode] };
    case 'enterprise':
      return { sql: `e.id = $${k}`, params: [s.enterpriseId] };
    default:
      return { sql: 'false', params: [] };
  }
}

/** Whether the enterprise is on the key-service list today sharing its IP. */
async function sharesIpWithBanks(db: DbOrTx, enterpriseId: number): Promise<boolean> {
  const rows = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from (${keyListMembers(todayShanghai())}) k where k.enterprise_id = ${enterpriseId} and 'ip' = any(k.fields)`,
  );
  return Number(rows[0]?.n ?? 0) > 0;
}

/** Reads the enterprise's header if the principal may see its IP; otherwise not found. */
async function visibleEnterprise(database: Database, p: Principal, enterpriseId: number): Promise<EnterpriseHead> {
  const [e] = await database.query<Record<string, unknown>>(
    `select e.id, e.name, e.uscc, e.unit_code, u.name_zh as unit_name, e.industry_code from enterprises e join units u on u.code = e.unit_code where e.id = $1`,
    [enterpriseId],
  );
  if (!e) throw new AppError('not_found');
  const head: EnterpriseHead = {
    id: Number(e.id),
    name: String(e.name),
    uscc: String(e.uscc),
    unitCode: String(e.unit_code),
    unitName: String(e.unit_name),
    industryCode: String(e.industry_code),
  };
  if (p.role === 'bank_officer') {
    const inst = await institutionOf(database.db, p);
    if (inst && (await sharesIpWithBanks(database.db, enterpriseId))) return head;
    throw new AppError('not_found');
  }
  const s = ipScope(p);
  const ok =
    s.kind === 'all' ||
    (s.kind === 'unit' && s.unitCode === head.unitCode) ||
    (s.kind === 'enterprise' && s.enterpriseId === head.id);
  if (!ok) throw new AppError('not_found');
  return head;
}

export interface EnterpriseHead {
  id: number;
  name: string;
  uscc: string;
  unitCode: string;
  unitName: string;
  industryCode: string;
}

export interface ItemView extends IpRow {
  classification: Classification;
  evaluation: Omit<ItemEvaluation, 'classification'>;
  activePledge: boolean;
}

export interface EnterpriseIpView {
  enterprise: EnterpriseHead;
  asOf: string;
  evaluation: EnterpriseEvaluation;
  holdings: IpHoldings;
  items: ItemView[];
  canEdit: boolean;
}

/** One enterprise's IP with classes and scores on `date` (today by default). */
export async function enterpriseIp(
  database: Database,
  p: Principal,
  enterpriseId: number,
  date?: string,
): Promise<EnterpriseIpView> {
  const asOf = date ?? todayShanghai();
  if (!isIsoDate(asOf))
    throw invalid({ field: 'date', reason: { zh: '日期格式应为YYYY-MM-DD', en: 'must be a date YYYY-MM-DD' } });
  const enterprise = await visibleEnterprise(database, p, enterpriseId);
  const rows = await readRecords(database, 'r.enterprise_id = $1', [enterpriseId]);
  const items = rows.map(itemOf);
  const ev = evaluateEnterprise(items, asOf);
  return {
    enterprise,
    asOf,
    evaluation: ev.enterprise,
    holdings: holdingsOf(items, asOf, Number(asOf.slice(0, 4)) - 1),
    items: rows.map((r, i) => {
      const { classification, ...evaluation } = ev.items[i]!;
      return { ...r, classification, evaluation, activePledge: r.pledges.some((x) => x.releasedOn === null) };
    }),
    canEdit: canWriteIp(p, enterpriseId),
  };
}

// ---------- entry by the enterprise ----------

const INSERT_COLUMNS = `enterprise_id, kind, number, number_verified, title, applied_on, granted_on, expires_on, legal_status,
  maintenance_years_paid, foreign_family_count, citations, awards, origin, acquired_on, related_to_main_product, created_by`;

function insertValues(enterpriseId: number, v: IpValues, userId: number) {
  return sql`(${enterpriseId}, ${v.kind}::ip_kind, ${v.number}, ${v.numberVerified}, ${v.title}, ${v.appliedOn}::date, ${v.grantedOn}::date,
    ${v.expiresOn}::date, ${v.legalStatus}::ip_legal_status, ${v.maintenanceYearsPaid}, ${v.foreignFamilyCount}, ${v.citations},
    ${'{' + v.awards.join(',') + '}'}::text[], ${v.origin}::ip_origin, ${v.acquiredOn}::date, ${v.relatedToMainProduct}, ${userId})`;
}

function duplicate(field = 'number'): AppError {
  return new AppError('conflict', {
    fields: [
      {
        field,
        reason: { zh: '本企业已登记该编号的同类知识产权', en: 'your enterprise has recorded this number for this kind already' },
      },
    ],
  });
}

function requireWriter(p: Principal, enterpriseId: number): void {
  if (!canWriteIp(p, enterpriseId)) throw new AppError('not_found');
}

export async function createIp(database: Database, p: Principal, enterpriseId: number, input: IpInput): Promise<{ id: number }> {
  requireWriter(p, enterpriseId);
  const { values, problems } = checkIp(input, todayShanghai());
  if (!values) throw invalid(...problems);
  try {
    return await database.db.transaction(async (tx) => {
      const [row] = await rowsOf<{ id: number }>(
        tx,
        sql`insert into ip_records (${sql.raw(INSERT_COLUMNS)}) values ${insertValues(enterpriseId, values, p.userId)} returning id`,
      );
      const id = Number(row!.id);
      await recordAudit(tx, actorOf(p), 'ip.record.create', 'ip_record', id, null, { enterpriseId, ...values });
      return { id };
    });
  } catch (e) {
    if (sqlState(e) === '23505') throw duplicate();
    throw e;
  }
}

async function lockOwn(tx: DbOrTx, p: Principal, id: number): Promise<IpRow & { raw: Record<string, unknown> }> {
  const [r] = await rowsOf<Record<string, unknown>>(tx, sql`select * from ip_records where id = ${id} for update`);
  if (!r || !canWriteIp(p, Number(r.enterprise_id))) throw new AppError('not_found');
  return { raw: r, id, enterpriseId: Number(r.enterprise_id), version: Number(r.version) } as IpRow & {
    raw: Record<string, unknown>;
  };
}

export async function updateIp(
  database: Database,
  p: Principal,
  id: number,
  version: number,
  input: IpInput,
): Promise<{ id: number }> {
  const { values, problems } = checkIp(input, todayShanghai());
  if (!values) throw invalid(...problems);
  try {
    return await database.db.transaction(async (tx) => {
      const cur = await lockOwn(tx, p, id);
      if (cur.version !== version) throw new AppError('stale_version');
      await tx.execute(sql`update ip_records set kind = ${values.kind}::ip_kind, number = ${values.number}, number_verified = ${values.numberVerified},
          title = ${values.title}, applied_on = ${values.appliedOn}::date, granted_on = ${values.grantedOn}::date, expires_on = ${values.expiresOn}::date,
          legal_status = ${values.legalStatus}::ip_legal_status, maintenance_years_paid = ${values.maintenanceYearsPaid},
          foreign_family_count = ${values.foreignFamilyCount}, citations = ${values.citations}, awards = ${'{' + values.awards.join(',') + '}'}::text[],
          origin = ${values.origin}::ip_origin, acquired_on = ${values.acquiredOn}::date, related_to_main_product = ${values.relatedToMainProduct},
          updated_at = now(), version = version + 1 where id = ${id}`);
      await recordAudit(tx, actorOf(p), 'ip.record.update', 'ip_record', id, cur.raw, values);
      return { id };
    });
  } catch (e) {
    if (sqlState(e) === '23505') throw duplicate();
    throw e;
  }
}

export async function deleteIp(database: Database, p: Principal, id: number): Promise<void> {
  await database.db.transaction(async (tx) => {
    const cur = await lockOwn(tx, p, id);
    const [pl] = await rowsOf<{ n: number }>(tx, sql`select count(*)::int as n from ip_pledges where ip_record_id = ${id}`);
    if (Number(pl?.n) > 0)
      throw new AppError('conflict', {
        detail: { zh: '该知识产权有质押记录，不能删除', en: 'This item has pledges and cannot be deleted' },
      });
    await tx.execute(sql`delete from ip_records where id = ${id}`);
    await recordAudit(tx, actorOf(p), 'ip.record.delete', 'ip_record', id, cur.raw, null);
  });
}

// ---------- spreadsheet import: all rows or none ----------

/** The rows of the first sheet after the header row (cells as ExcelJS reads them). */
export async function readImportBook(bytes: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw invalid({
      field: 'file',
      reason: { zh: '无法读取该文件，请上传.xlsx文件', en: 'cannot read the file; upload an .xlsx file' },
    });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw invalid({ field: 'file', reason: { zh: '文件没有工作表', en: 'the file has no sheet' } });
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const cells: unknown[] = [];
    for (let c = 1; c <= IMPORT_COLUMNS.length; c++) {
      const v = row.getCell(c).value as unknown;
      cells.push(
        v && typeof v === 'object' && !(v instanceof Date) && 'text' in (v as object)
          ? (v as { text: unknown }).text
          : v && typeof v === 'object' && 'result' in (v as object)
            ? (v as { result: unknown }).result
            : v,
      );
    }
    if (cells.some((x) => x !== null && x !== undefined && String(x).trim() !== '')) out.push(cells);
  });
  return out;
}

/**
 * Imports rows for the enterprise: every row is checked first and every problem named as
 * `rows[i].field` (i = the spreadsheet row number); if any row is bad nothing is applied. Items
 * already recorded (same kind and number) are skipped, so re-importing a sheet changes nothing.
 */
export async function importIp(
  database: Database,
  p: Principal,
  enterpriseId: number,
  rows: unknown[][],
): Promise<{ inserted: number; skipped: number }> {
  requireWriter(p, enterpriseId);
  if (rows.length === 0) throw invalid({ field: 'file', reason: { zh: '文件中没有数据行', en: 'the file has no data rows' } });
  if (rows.length > MAX_IMPORT_ROWS)
    throw invalid({
      field: 'file',
      reason: { zh: `一次最多导入${MAX_IMPORT_ROWS}行`, en: `at most ${MAX_IMPORT_ROWS} rows at a time` },
    });
  const today = todayShanghai();
  const problems: FieldProblem[] = [];
  const values: IpValues[] = [];
  const seen = new Set<string>();
  rows.forEach((cells, i) => {
    const at = `rows[${i + 2}].`;
    const r = rowToInput(cells, at);
    const c = checkIp(r.input, today, at);
    problems.push(...r.problems, ...c.problems.filter((x) => !r.problems.some((y) => y.field === x.field)));
    if (c.values && r.problems.length === 0) {
      const key = `${c.values.kind}|${c.values.number}`;
      if (seen.has(key)) problems.push({ field: `${at}number`, reason: { zh: '与上方某行重复', en: 'repeats an earlier row' } });
      seen.add(key);
      values.push(c.values);
    }
  });
  if (problems.length) throw invalid(...problems);
  return database.db.transaction(async (tx) => {
    const inserted = await rowsOf<{ id: number }>(
      tx,
      sql`insert into ip_records (${sql.raw(INSERT_COLUMNS)}) values ${sql.join(
        values.map((v) => insertValues(enterpriseId, v, p.userId)),
        sql`, `,
      )} on conflict on constraint ip_records_number do nothing returning id`,
    );
    await recordAudit(tx, actorOf(p), 'ip.record.import', 'enterprise', enterpriseId, null, {
      rows: values.length,
      inserted: inserted.map((r) => Number(r.id)),
    });
    return { inserted: inserted.length, skipped: values.length - inserted.length };
  });
}

// ---------- banks: evaluations and IP-pledge loans ----------

async function requireBank(database: Database, p: Principal): Promise<Institution> {
  const inst = await institutionOf(database.db, p);
  if (!inst) throw new AppError('not_found');
  return inst;
}

/** Firms on the key-service list sharing their IP, with their IP score today (a page at a time). */
export async function bankCandidates(
  database: Database,
  p: Principal,
  page = 1,
  pageSize = 20,
  q?: string,
): Promise<{
  items: (EnterpriseHead & { score: number; class1: number; class1HighValue: number; items: number })[];
  total: number;
  asOf: string;
}> {
  await requireBank(database, p);
  const today = todayShanghai();
  const like = q?.trim() ? `%${q.trim().replace(/[\\%_]/g, (m) => '\\' + m)}%` : null;
  const rows = await rowsOf<Record<string, unknown>>(
    database.db,
    sql`with k as (${keyListMembers(today)})
        select e.id, e.name, e.uscc, e.unit_code, u.name_zh as unit_name, e.industry_code, count(*) over ()::int as total
          from k join enterprises e on e.id = k.enterprise_id join units u on u.code = e.unit_code
         where 'ip' = any(k.fields) and exists (select 1 from ip_records r where r.enterprise_id = e.id)
           and (${like}::text is null or e.name ilike ${like} or e.uscc ilike ${like})
         order by e.id limit ${Math.min(pageSize, 100)} offset ${(Math.max(page, 1) - 1) * pageSize}`,
  );
  const ids = rows.map((r) => Number(r.id));
  const byEnt = groupByEnterprise(ids.length ? await readRecords(database, 'r.enterprise_id = any($1::bigint[])', [ids]) : []);
  return {
    items: rows.map((r) => {
      const ev = evaluateEnterprise((byEnt.get(Number(r.id)) ?? []).map(itemOf), today).enterprise;
      return {
        id: Number(r.id),
        name: String(r.name),
        uscc: String(r.uscc),
        unitCode: String(r.unit_code),
        unitName: String(r.unit_name),
        industryCode: String(r.industry_code),
        score: ev.score,
        class1: ev.counts.class1,
        class1HighValue: ev.counts.class1HighValue,
        items: ev.counts.items,
      };
    }),
    total: Number(rows[0]?.total ?? 0),
    asOf: today,
  };
}

export interface PledgeLoanInput {
  ipRecordIds: number[];
  amount: number;
  rateBp: number;
  termMonths: number;
  grantedOn: string;
}

/**
 * A bank records an IP-pledge loan to a firm on its key-service list (sharing IP), secured on the
 * named items: one financing loan (type ip_pledge) and one active pledge per item, in one
 * transaction. An item already under an active pledge is refused by the database.
 */
export async function recordPledgeLoan(
  database: Database,
  p: Principal,
  enterpriseId: number,
  input: PledgeLoanInput,
): Promise<{ loanId: number; pledgeIds: number[] }> {
  const inst = await requireBank(database, p);
  if (!canRecordLoans(p, inst.id, inst.kind))
    throw new AppError('forbidden', { detail: { zh: '贷款由放款银行登记', en: 'Loans are recorded by the lending bank' } });
  const today = todayShanghai();
  const problems = checkLoan(
    {
      amount: input.amount,
      rateBp: input.rateBp,
      termMonths: input.termMonths,
      loanType: 'ip_pledge',
      grantedOn: input.grantedOn,
    },
    today,
    null,
  );
  if (input.ipRecordIds.length === 0) problems.push(NO_PLEDGE_ITEMS);
  if (problems.length) throw invalid(...problems);
  if (!(await sharesIpWithBanks(database.db, enterpriseId))) throw new AppError('not_found');
  const ids = await checkPledgeItems(database, enterpriseId, input.ipRecordIds, input.grantedOn);
  try {
    return await database.db.transaction(async (tx) => {
      const [loan] = await rowsOf<{ id: number }>(
        tx,
        sql`insert into financing_loans (enterprise_id, institution_id, amount, rate_bp, term_months, loan_type, granted_on, recorded_by)
            values (${enterpriseId}, ${inst.id}, ${input.amount}, ${input.rateBp}, ${input.termMonths}, 'ip_pledge', ${input.grantedOn}::date, ${p.userId}) returning id`,
      );
      const loanId = Number(loan!.id);
      const pledgeIds = await insertPledges(tx, loanId, ids, {
        pledgee: inst.name,
        amount: input.amount,
        registeredOn: input.grantedOn,
        recordedBy: p.userId,
      });
      await recordAudit(tx, actorOf(p), 'ip.pledge_loan.record', 'financing_loan', loanId, null, {
        enterpriseId,
        institutionId: inst.id,
        ...input,
      });
      return { loanId, pledgeIds };
    });
  } catch (e) {
    if (sqlState(e) === '23505')
      throw new AppError('conflict', {
        fields: [
          {
            field: 'ipRecordIds',
            reason: { zh: '所选知识产权已在质押中，不能重复质押', en: 'an item is under an active pledge already' },
          },
        ],
      });
    throw e;
  }
}

/** The lending bank releases a pledge (the loan repaid). */
export async function releasePledge(database: Database, p: Principal, pledgeId: number, releasedOn: string): Promise<void> {
  const inst = await requireBank(database, p);
  if (!isIsoDate(releasedOn) || releasedOn > todayShanghai())
    throw invalid({ field: 'releasedOn', reason: { zh: '解除日期须为不晚于今天的日期', en: 'must be a date not after today' } });
  await database.db.transaction(async (tx) => {
    const [row] = await rowsOf<{ registered_on: string; released_on: string | null }>(
      tx,
      sql`select p.registered_on::text as registered_on, p.released_on::text as released_on from ip_pledges p join financing_loans l on l.id = p.loan_id
           where p.id = ${pledgeId} and l.institution_id = ${inst.id} for update of p`,
    );
    if (!row) throw new AppError('not_found');
    if (row.released_on !== null)
      throw new AppError('conflict', { detail: { zh: '该质押已解除', en: 'This pledge is released already' } });
    if (releasedOn < row.registered_on)
      throw invalid({ field: 'releasedOn', reason: { zh: '解除日期不能早于登记日期', en: 'cannot be before the registration' } });
    await tx.execute(sql`update ip_pledges set released_on = ${releasedOn}::date where id = ${pledgeId}`);
    await recordAudit(tx, actorOf(p), 'ip.pledge.release', 'ip_pledge', pledgeId, row, { releasedOn });
  });
}

export interface PledgeLoanView {
  loanId: number;
  enterpriseId: number;
  enterpriseName: string;
  unitCode: string;
  unitName: string;
  industryCode: string;
  institutionId: number;
  institutionName: string;
  amount: number;
  rateBp: number;
  termMonths: number;
  grantedOn: string;
  items: { pledgeId: number; ipRecordId: number; kind: string; number: string; title: string; releasedOn: string | null }[];
}

export interface PledgeTotals {
  key: string;
  name: string;
  loans: number;
  amount: number;
}

/**
 * IP-pledge loans recorded against items (financing loans with pledges linked): a bank its own,
 * officers their scope; with totals by bank, district and industry.
 */
export async function pledgeLoans(
  database: Database,
  p: Principal,
  year?: number,
): Promise<{
  loans: PledgeLoanView[];
  byBank: PledgeTotals[];
  byUnit: PledgeTotals[];
  byIndustry: PledgeTotals[];
  total: PledgeTotals;
}> {
  let where: string;
  let params: unknown[];
  if (p.role === 'bank_officer') {
    const inst = await requireBank(database, p);
    where = 'l.institution_id = $1';
    params = [inst.id];
  } else {
    const s = ipStatisticsScope(p);
    if (s.kind !== 'all' && s.kind !== 'unit') throw new AppError('not_found');
    const w = scopeWhere(s, 1);
    where = w.sql;
    params = w.params;
  }
  if (year !== undefined) {
    params.push(year);
    where += ` and extract(year from l.granted_on) = $${params.length}`;
  }
  const rows = await database.query<Record<string, unknown>>(
    `select l.id, l.enterprise_id, e.name as enterprise_name, e.unit_code, u.name_zh as unit_name, e.industry_code, l.institution_id,
            f.short_name as institution_name, l.amount, l.rate_bp, l.term_months, l.granted_on::text as granted_on,
            json_agg(json_build_object('pledgeId', p.id, 'ipRecordId', r.id, 'kind', r.kind, 'number', r.number, 'title', r.title, 'releasedOn', p.released_on) order by r.id) as items
       from financing_loans l join ip_pledges p on p.loan_id = l.id join ip_records r on r.id = p.ip_record_id
       join enterprises e on e.id = l.enterprise_id join units u on u.code = e.unit_code join financial_institutions f on f.id = l.institution_id
      where ${where}
      group by l.id, e.id, u.name_zh, f.short_name
      order by l.granted_on desc, l.id desc`,
    params,
  );
  const loans: PledgeLoanView[] = rows.map((r) => ({
    loanId: Number(r.id),
    enterpriseId: Number(r.enterprise_id),
    enterpriseName: String(r.enterprise_name),
    unitCode: String(r.unit_code),
    unitName: String(r.unit_name),
    industryCode: String(r.industry_code),
    institutionId: Number(r.institution_id),
    institutionName: String(r.institution_name),
    amount: Number(r.amount),
    rateBp: Number(r.rate_bp),
    termMonths: Number(r.term_months),
    grantedOn: String(r.granted_on),
    items: (typeof r.items === 'string' ? JSON.parse(r.items) : r.items) as PledgeLoanView['items'],
  }));
  const industryName = new Map(INDUSTRIES.map((i) => [i.code, i.zh]));
  const totals = (key: (l: PledgeLoanView) => string, name: (l: PledgeLoanView) => string): PledgeTotals[] => {
    const m = new Map<string, PledgeTotals>();
    for (const l of loans) {
      const k = key(l);
      const t = m.get(k) ?? { key: k, name: name(l), loans: 0, amount: 0 };
      t.loans++;
      t.amount += l.amount;
      m.set(k, t);
    }
    return [...m.values()].sort((a, b) => b.amount - a.amount);
  };
  return {
    loans,
    byBank: totals(
      (l) => String(l.institutionId),
      (l) => l.institutionName,
    ),
    byUnit: totals(
      (l) => l.unitCode,
      (l) => l.unitName,
    ),
    byIndustry: totals(
      (l) => l.industryCode,
      (l) => industryName.get(l.industryCode) ?? l.industryCode,
    ),
    total: { key: 'total', name: '合计', loans: loans.length, amount: loans.reduce((a, l) => a + l.amount, 0) },
  };
}

// ---------- statistics ----------

export interface IpStats {
  asOf: string;
  enterprisesWithRecords: number;
  items: number;
  byKind: { kind: string; items: number; inForce: number }[];
  byClass: { class: 'I' | 'II' | 'high_value' | 'other'; counted: number }[];
  byUnit: { unitCode: string; unitName: string; class1: number; class1HighValue: number; class2: number; enterprises: number }[];
  byIndustry: {
    industryCode: string;
    industryName: string;
    class1: number;
    class1HighValue: number;
    class2: number;
    enterprises: number;
  }[];
  /** Quality SMEs (a title in force) by title: holders, high-value IP among them, per holder. */
  highValuePerQualitySme: {
    titleKind: string;
    titleName: string;
    titleNameEn: string;
    enterprises: number;
    class1HighValue: number;
    perEnterprise: number;
  }[];
}

/** IP by kind, class, district and industry, and high-value IP per quality SME, on `date`, in the officer's scope. */
export async function ipStats(database: Database, p: Principal, date?: string): Promise<IpStats> {
  const s = ipStatisticsScope(p);
  if (s.kind !== 'all' && s.kind !== 'unit') throw new AppError('not_found');
  const asOf = date ?? todayShanghai();
  if (!isIsoDate(asOf))
    throw invalid({ field: 'date', reason: { zh: '日期格式应为YYYY-MM-DD', en: 'must be a date YYYY-MM-DD' } });
  const w = scopeWhere(s, 1);
  const k = w.params.length + 1;
  // Two reads (in parallel on PostgreSQL): the enterprises with records and their titles in force
  // (one grouped join, not a subquery per enterprise), and the records themselves.
  const [ents, records] = await Promise.all([
    database.query<Record<string, unknown>>(
      `select e.id, e.unit_code, u.name_zh as unit_name, e.industry_code, coalesce(t.kinds, '') as titles
         from enterprises e join units u on u.code = e.unit_code
         left join (select enterprise_id, string_agg(distinct kind::text, ',') as kinds from titles
                     where recognised_on <= $${k}::date and (valid_until is null or valid_until >= $${k}::date)
                       and (revoked_on is null or revoked_on > $${k}::date) group by enterprise_id) t on t.enterprise_id = e.id
        where ${w.sql} and e.id in (select distinct enterprise_id from ip_records)`,
      [...w.params, asOf],
    ),
    readRecords(database, `r.enterprise_id in (select e.id from enterprises e where ${w.sql})`, w.params),
  ]);
  const byEnt = groupByEnterprise(records);
  const kinds = new Map<string, { kind: string; items: number; inForce: number }>();
  const cls = { I: 0, II: 0, high_value: 0, other: 0 };
  const units = new Map<string, IpStats['byUnit'][number]>();
  const inds = new Map<string, IpStats['byIndustry'][number]>();
  const industryName = new Map(INDUSTRIES.map((i) => [i.code, i.zh]));
  const perTitle = new Map<string, { enterprises: number; hv: number }>();
  for (const e of ents) {
    const rs = byEnt.get(Number(e.id)) ?? [];
    let c1 = 0;
    let c2 = 0;
    let hv = 0;
    for (const r of rs) {
      const item = itemOf(r);
      const k = kinds.get(r.kind) ?? { kind: r.kind, items: 0, inForce: 0 };
      k.items++;
      if (inForce(item, asOf) === null) k.inForce++;
      kinds.set(r.kind, k);
      const c = classify(item, asOf);
      if (!c.counted) continue;
      if (c.class === 'I') c1++;
      else if (c.class === 'II') c2++;
      if (c.highValue) hv++;
    }
    for (const r of rs) if (r.kind === 'trademark' && inForce(itemOf(r), asOf) === null) cls.other++;
    cls.I += c1;
    cls.II += c2;
    cls.high_value += hv;
    const uc = String(e.unit_code);
    const u = units.get(uc) ?? {
      unitCode: uc,
      unitName: String(e.unit_name),
      class1: 0,
      class1HighValue: 0,
      class2: 0,
      enterprises: 0,
    };
    u.class1 += c1;
    u.class2 += c2;
    u.class1HighValue += hv;
    u.enterprises++;
    units.set(uc, u);
    const ic = String(e.industry_code);
    const ind = inds.get(ic) ?? {
      industryCode: ic,
      industryName: industryName.get(ic) ?? ic,
      class1: 0,
      class1HighValue: 0,
      class2: 0,
      enterprises: 0,
    };
    ind.class1 += c1;
    ind.class2 += c2;
    ind.class1HighValue += hv;
    ind.enterprises++;
    inds.set(ic, ind);
    const titles = String(e.titles).split(',').filter(Boolean);
    for (const t of titles) {
      const x = perTitle.get(t) ?? { enterprises: 0, hv: 0 };
      x.enterprises++;
      x.hv += hv;
      perTitle.set(t, x);
    }
  }
  return {
    asOf,
    enterprisesWithRecords: ents.length,
    items: records.length,
    byKind: [...kinds.values()].sort((a, b) => b.items - a.items),
    byClass: [
      { class: 'I', counted: cls.I },
      { class: 'high_value', counted: cls.high_value },
      { class: 'II', counted: cls.II },
      { class: 'other', counted: cls.other },
    ],
    byUnit: [...units.values()].sort((a, b) => b.class1 - a.class1),
    byIndustry: [...inds.values()].sort((a, b) => b.class1 - a.class1),
    highValuePerQualitySme: TITLE_KINDS.filter((t) => perTitle.has(t.id)).map((t) => {
      const x = perTitle.get(t.id)!;
      return {
        titleKind: t.id,
        titleName: t.zh,
        titleNameEn: t.en,
        enterprises: x.enterprises,
        class1HighValue: x.hv,
        perEnterprise: Math.round((x.hv / x.enterprises) * 100) / 100,
      };
    }),
  };
}

/** Officers' list of enterprises with IP records in scope (for drilling into one). */
export async function ipEnterprises(
  database: Database,
  p: Principal,
  q: { q?: string | undefined; page?: number | undefined; pageSize?: number | undefined },
): Promise<{ items: (EnterpriseHead & { records: number })[]; total: number }> {
  const s = ipStatisticsScope(p);
  if (s.kind !== 'all' && s.kind !== 'unit') throw new AppError('not_found');
  const w = scopeWhere(s, 1);
  const params = [...w.params];
  let cond = w.sql;
  if (q.q?.trim()) {
    params.push(`%${q.q.trim().replace(/[\\%_]/g, (m) => '\\' + m)}%`);
    cond += ` and (e.name ilike $${params.length} or e.uscc ilike $${params.length})`;
  }
  const pageSize = Math.min(q.pageSize ?? 20, 100);
  params.push(pageSize, ((q.page ?? 1) - 1) * pageSize);
  const rows = await database.query<Record<string, unknown>>(
    `select e.id, e.name, e.uscc, e.unit_code, u.name_zh as unit_name, e.industry_code, c.n as records, count(*) over ()::int as total
       from (select enterprise_id, count(*)::int as n from ip_records group by enterprise_id) c
       join enterprises e on e.id = c.enterprise_id join units u on u.code = e.unit_code
      where ${cond} order by c.n desc, e.id limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      name: String(r.name),
      uscc: String(r.uscc),
      unitCode: String(r.unit_code),
      unitName: String(r.unit_name),
      industryCode: String(r.industry_code),
      records: Number(r.records),
    })),
    total: Number(rows[0]?.total ?? 0),
  };
}
