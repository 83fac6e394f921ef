/**
 * Registry service: reads are narrowed by the principal's scope (src/modules/access), every
 * write is one transaction with its audit event.
 */
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Database, type DbOrTx } from '../../db/client.ts';
import { carriers, enterpriseYearly, enterprises, residencies, titles, units } from '../../db/schema/index.ts';
import { AppError, Problems } from '../../shared/errors.ts';
import { maskName, maskPhone, type PersonalDataCipher } from '../../shared/crypto.ts';
import { isIsoDate, todayShanghai } from '../../shared/dates.ts';
import { TITLE_TARGETS } from '../../../policy/jinan-quality-sme-measures/clause-01-targets.ts';
import { pinyinInitials } from '../../shared/chinese.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import {
  assertUnitWritable,
  canEditOwnEnterprise,
  canReadCarriers,
  canSeePersonalData,
  canWriteCarriers,
  canWriteRegistry,
  canWriteTitles,
  enterpriseScope,
  ensure,
  type Principal,
} from '../access/principal.ts';
import {
  titleStatus,
  validateCarrier,
  validateEnterprise,
  validateResidency,
  validateTitle,
  validateYearly,
  type CarrierInput,
  type EnterpriseInput,
  type TitleInput,
  type YearlyInput,
} from './domain.ts';
import { TITLE_KIND_IDS } from './reference.ts';

export interface RegistryDeps {
  database: Database;
  cipher: PersonalDataCipher;
}

export function actorOf(p: Principal): Actor {
  return { id: p.userId, name: p.username };
}

let unitCache: { at: number; set: Set<string> } | undefined;
export async function knownUnits(database: Database): Promise<Set<string>> {
  if (unitCache && Date.now() - unitCache.at < 60_000) return unitCache.set;
  const rows = await database.db.select({ code: units.code }).from(units);
  unitCache = { at: Date.now(), set: new Set(rows.map((r) => r.code)) };
  return unitCache.set;
}

// ---------- listing ----------

export interface EnterpriseFilters {
  q?: string | undefined;
  unitCode?: string | undefined;
  industry?: string | undefined;
  sizeClass?: string | undefined;
  /** A title kind id, or "quality": any kind with a target in item 一(1) (the dashboard's drill-down). */
  titleKind?: string | undefined;
  /** With titleKind: only titles at this level. */
  level?: string | undefined;
  /** The date titles are counted in force on (default today); also the date of the titles column. */
  on?: string | undefined;
  sort?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

const SORTS: Record<string, string> = {
  // Pinyin initials first, so names sort the way Chinese users expect (拼音序), not by code point.
  name: 'e.name_initials asc, e.name asc, e.id asc',
  '-name': 'e.name_initials desc, e.name desc, e.id desc',
  establishedOn: 'e.established_on asc, e.id asc',
  '-establishedOn': 'e.established_on desc, e.id desc',
  revenue: 'revenue asc nulls first, e.id asc',
  '-revenue': 'revenue desc nulls last, e.id desc',
  uscc: 'e.uscc asc',
  '-uscc': 'e.uscc desc',
};

/** Builds the WHERE clause for the scope and filters; `params` receives the values. */
function enterpriseWhere(p: Principal, f: EnterpriseFilters, params: unknown[], today: string): string {
  const where: string[] = [];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const scope = enterpriseScope(p);
  switch (scope.kind) {
    case 'all':
      break;
    case 'unit':
      where.push(`e.unit_code = ${add(scope.unitCode)}`);
      break;
    case 'enterprise':
      where.push(`e.id = ${add(scope.enterpriseId)}`);
      break;
    case 'carrier':
      where.push(`exists (select 1 from residencies r where r.enterprise_id = e.id and r.carrier_id = ${add(scope.carrierId)})`);
      break;
    case 'none':
      where.push('false');
  }
  const q = f.q?.trim();
  if (q) {
    if (/^[0-9A-Za-z]{6,18}$/.test(q) && /\d/.test(q)) {
      where.push(`e.uscc like ${add(q.toUpperCase() + '%')}`);
    } else if (/^[A-Za-z]+$/.test(q)) {
      where.push(`e.name_initials like ${add(q.toLowerCase() + '%')}`);
    } else {
      const like = add('%' + q.replace(/[\\%_]/g, (c) => '\\' + c) + '%');
      where.push(
        `(e.name ilike ${like} or exists (select 1 from enterprise_former_names fn where fn.enterprise_id = e.id and fn.name ilike ${like}))`,
      );
    }
  }
  if (f.unitCode) where.push(`e.unit_code = ${add(f.unitCode)}`);
  if (f.industry) where.push(`e.industry_code like ${add(f.industry + '%')}`);
  if (f.sizeClass === 'sme') where.push(`e.size_class <> 'large'`);
  else if (f.sizeClass) where.push(`e.size_class = ${add(f.sizeClass)}::size_class`);
  if (f.titleKind) {
    const kinds = f.titleKind === 'quality' ? TITLE_TARGETS.map((t) => t.kind) : [f.titleKind];
    const level = f.level ? ` and t.level = ${add(f.level)}::title_level` : '';
    where.push(
      `exists (select 1 from titles t where t.enterprise_id = e.id and t.kind::text = any(${add(kinds)}::text[])${level}
        and t.recognised_on <= ${add(today)} and (t.valid_until is null or t.valid_until >= $${params.length})
        and (t.revoked_on is null or t.revoked_on > $${params.length}))`,
    );
  }
  return where.length ? 'where ' + where.join(' and ') : '';
}

export interface EnterpriseListItem {
  id: number;
  uscc: string;
  name: string;
  unitCode: string;
  unitName: string;
  industryCode: string;
  sizeClass: string;
  establishedOn: string;
  titles: string[];
  revenue: number | null;
  contactName: string | null;
  contactPhone: string | null;
}

export function checkListFilters(f: EnterpriseFilters): void {
  const p = new Problems();
  if (f.sort && !(f.sort in SORTS)) p.add('sort', `不支持的排序“${f.sort}”`, `unsupported sort '${f.sort}'`);
  if (f.titleKind && f.titleKind !== 'quality' && !TITLE_KIND_IDS.includes(f.titleKind as never)) p.add('titleKind', '未知称号类型', 'unknown title kind');
  if (f.level && !['national', 'provincial', 'city'].includes(f.level)) p.add('level', '未知级别', 'unknown level');
  if (f.on && !isIsoDate(f.on)) p.add('on', '日期格式应为 YYYY-MM-DD', 'must be a date YYYY-MM-DD');
  if (f.sizeClass && !['micro', 'small', 'medium', 'large', 'sme'].includes(f.sizeClass)) p.add('sizeClass', '未知企业规模', 'unknown size class');
  p.throwIfAny();
}

export async function listEnterprises(
  deps: RegistryDeps,
  p: Principal,
  f: EnterpriseFilters,
  opts: { limit?: number; offset?: number; withTotal?: boolean } = {},
): Promise<{ items: EnterpriseListItem[]; total: number }> {
  checkListFilters(f);
  const today = f.on || todayShanghai();
  const params: unknown[] = [];
  const where = enterpriseWhere(p, f, params, today);
  const pageSize = opts.limit ?? Math.min(Math.max(f.pageSize ?? 20, 1), 200);
  const offset = opts.offset ?? (Math.max(f.page ?? 1, 1) - 1) * pageSize;
  const order = SORTS[f.sort ?? 'name'] ?? SORTS.name!;
  const todayParam = `$${params.length + 1}`;
  const rows = await deps.database.query<{
    id: number;
    uscc: string;
    name: string;
    unit_code: string;
    unit_name: string;
    industry_code: string;
    size_class: string;
    established_on: string;
    contact_name_enc: string | null;
    contact_phone_enc: string | null;
    revenue: number | null;
    titles: string[] | null;
  }>(
    `select e.id, e.uscc, e.name, e.unit_code, u.name_zh as unit_name, e.industry_code, e.size_class, e.established_on,
            e.contact_name_enc, e.contact_phone_enc,
            (select y.revenue from enterprise_yearly y where y.enterprise_id = e.id order by y.year desc limit 1) as revenue,
            (select array_agg(distinct t.kind::text) from titles t where t.enterprise_id = e.id
               and t.recognised_on <= ${todayParam} and (t.valid_until is null or t.valid_until >= ${todayParam})
               and (t.revoked_on is null or t.revoked_on > ${todayParam})) as titles
       from enterprises e join units u on u.code = e.unit_code
       ${where}
      order by ${order}
      limit ${pageSize} offset ${offset}`,
    [...params, today],
  );
  let total = rows.length;
  if (opts.withTotal !== false) {
    const [c] = await deps.database.query<{ n: number }>(`select count(*)::int as n from enterprises e ${where}`, params);
    total = c?.n ?? 0;
  }
  return {
    total,
    items: rows.map((r) => ({
      id: Number(r.id),
      uscc: r.uscc,
      name: r.name,
      unitCode: r.unit_code,
      unitName: r.unit_name,
      industryCode: r.industry_code,
      sizeClass: r.size_class,
      establishedOn: r.established_on,
      titles: r.titles ?? [],
      revenue: r.revenue === null ? null : Number(r.revenue),
      // Lists always mask personal data, whoever looks.
      contactName: maskName(deps.cipher.decrypt(r.contact_name_enc)),
      contactPhone: maskPhone(deps.cipher.decrypt(r.contact_phone_enc)),
    })),
  };
}

// ---------- one enterprise ----------

async function loadScopedEnterprise(deps: RegistryDeps, p: Principal, id: number, tx: DbOrTx = deps.database.db) {
  const [row] = await tx.select().from(enterprises).where(eq(enterprises.id, id));
  if (!row) throw new AppError('not_found');
  const scope = enterpriseScope(p);
  const visible =
    scope.kind === 'all' ||
    (scope.kind === 'unit' && row.unitCode === scope.unitCode) ||
    (scope.kind === 'enterprise' && row.id === scope.enterpriseId) ||
    (scope.kind === 'carrier' &&
      (
        await tx
          .select({ id: residencies.id })
          .from(residencies)
          .where(and(eq(residencies.enterpriseId, id), eq(residencies.carrierId, scope.carrierId)))
      ).length > 0);
  ensure(visible);
  return row;
}

export async function getEnterprise(deps: RegistryDeps, p: Principal, id: number) {
  const e = await loadScopedEnterprise(deps, p, id);
  const q = deps.database.query.bind(deps.database);
  const [unit] = await q<{ name_zh: string }>('select name_zh from units where code = $1', [e.unitCode]);
  const [formerNames, yearly, ip, honours, titleRows, res] = await Promise.all([
    q('select name, used_until as "usedUntil" from enterprise_former_names where enterprise_id = $1 order by used_until', [id]),
    q(
      `select year, revenue, main_business_revenue as "mainBusinessRevenue", rd_expense as "rdExpense", net_profit as "netProfit",
              total_assets as "totalAssets", total_liabilities as "totalLiabilities", employees, rd_staff as "rdStaff"
         from enterprise_yearly where enterprise_id = $1 order by year`,
      [id],
    ),
    q(
      `select year, invention_patents as "inventionPatents", utility_models as "utilityModels", design_patents as "designPatents",
              software_copyrights as "softwareCopyrights", trademarks, class1, class2, class1_high_value as "class1HighValue"
         from enterprise_ip where enterprise_id = $1 order by year`,
      [id],
    ),
    q('select kind, name, level, year from enterprise_honours where enterprise_id = $1 order by year', [id]),
    q<{
      id: number;
      kind: string;
      level: string;
      batch: string;
      recognisedOn: string;
      validUntil: string | null;
      recognition: string;
      revokedOn: string | null;
      revokeReason: string | null;
    }>(
      `select id, kind, level, batch, recognised_on as "recognisedOn", valid_until as "validUntil", recognition,
              revoked_on as "revokedOn", revoke_reason as "revokeReason"
         from titles where enterprise_id = $1 order by recognised_on, id`,
      [id],
    ),
    q(
      `select r.id, r.carrier_id as "carrierId", c.name as "carrierName", r.from_date as "fromDate", r.to_date as "toDate"
         from residencies r join carriers c on c.id = r.carrier_id where r.enterprise_id = $1 order by r.from_date`,
      [id],
    ),
  ]);
  const today = todayShanghai();
  const personal = canSeePersonalData(p);
  const contactName = deps.cipher.decrypt(e.contactNameEnc);
  const contactPhone = deps.cipher.decrypt(e.contactPhoneEnc);
  return {
    enterprise: {
      id: e.id,
      uscc: e.uscc,
      name: e.name,
      unitCode: e.unitCode,
      unitName: unit?.name_zh ?? e.unitCode,
      industryCode: e.industryCode,
      establishedOn: e.establishedOn,
      sizeClass: e.sizeClass,
      address: e.address,
      strategicEmerging: e.strategicEmerging,
      contactName: personal ? contactName : maskName(contactName),
      contactPhone: personal ? contactPhone : maskPhone(contactPhone),
      version: e.version,
    },
    formerNames,
    yearly,
    ip,
    honours,
    titles: titleRows.map((t) => ({ ...t, id: Number(t.id), status: titleStatus(t, today) })),
    residencies: res,
  };
}

// ---------- writes ----------

async function assertUsccFree(tx: DbOrTx, uscc: string, exceptId?: number): Promise<void> {
  const [dup] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.uscc, uscc));
  if (dup && dup.id !== exceptId)
    throw new AppError('conflict', {
      fields: [{ field: 'uscc', reason: { zh: '该统一社会信用代码已登记', en: 'an enterprise with this code is already registered' } }],
    });
}

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string; cause?: { code?: string } }).code ?? (e as { cause?: { code?: string } }).cause?.code;
  return code === '23505';
}

export async function createEnterprise(deps: RegistryDeps, p: Principal, input: EnterpriseInput): Promise<number> {
  if (!canWriteRegistry(p)) throw new AppError('forbidden');
  const v = validateEnterprise(input, await knownUnits(deps.database), { partial: false, today: todayShanghai() }) as EnterpriseInput;
  assertUnitWritable(p, v.unitCode);
  try {
    return await deps.database.db.transaction(async (tx) => {
      await assertUsccFree(tx, v.uscc);
      const [row] = await tx
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
          strategicEmerging: v.strategicEmerging ?? false,
          contactNameEnc: deps.cipher.encrypt(v.contactName),
          contactPhoneEnc: deps.cipher.encrypt(v.contactPhone),
        })
        .returning({ id: enterprises.id });
      const id = row!.id;
      await recordAudit(tx, actorOf(p), 'enterprise.create', 'enterprise', id, null, auditView(v));
      return id;
    });
  } catch (e) {
    // Two officers registering the same code at once: the unique index decides.
    if (isUniqueViolation(e)) await assertUsccFree(deps.database.db, v.uscc);
    throw e;
  }
}

/** What the audit log keeps of an enterprise: personal data only as "changed". */
function auditView(v: Partial<EnterpriseInput>): Record<string, unknown> {
  const { contactName, contactPhone, ...rest } = v;
  return {
    ...rest,
    ...(contactName !== undefined ? { contactName: contactName ? '(set)' : null } : {}),
    ...(contactPhone !== undefined ? { contactPhone: contactPhone ? '(set)' : null } : {}),
  };
}

export async function updateEnterprise(
  deps: RegistryDeps,
  p: Principal,
  id: number,
  patch: Partial<Omit<EnterpriseInput, 'uscc' | 'sizeClass'>> & { sizeClass?: string; version: number },
) {
  const { version, ...fields } = patch;
  const v = validateEnterprise(fields as Partial<EnterpriseInput>, await knownUnits(deps.database), { partial: true, today: todayShanghai() });
  await deps.database.db.transaction(async (tx) => {
    const before = await loadScopedEnterprise(deps, p, id, tx);
    const own = canEditOwnEnterprise(p, id);
    if (!canWriteRegistry(p) && !own) throw new AppError('forbidden');
    if (own) {
      // An enterprise may correct its contacts and address, not its registry classification.
      const allowed = new Set(['contactName', 'contactPhone', 'address']);
      const p2 = new Problems();
      for (const k of Object.keys(v)) if (!allowed.has(k)) p2.add(k, '企业用户不能修改此项', 'enterprise users cannot change this');
      p2.throwIfAny();
    } else {
      assertUnitWritable(p, before.unitCode, 'id');
      if (v.unitCode) assertUnitWritable(p, v.unitCode);
    }
    const set: Partial<typeof enterprises.$inferInsert> = {};
    if (v.name !== undefined) {
      set.name = v.name;
      set.nameInitials = pinyinInitials(v.name);
    }
    if (v.unitCode !== undefined) set.unitCode = v.unitCode;
    if (v.industryCode !== undefined) set.industryCode = v.industryCode;
    if (v.establishedOn !== undefined) set.establishedOn = v.establishedOn;
    if (v.sizeClass !== undefined) set.sizeClass = v.sizeClass;
    if (v.address !== undefined) set.address = v.address;
    if (v.strategicEmerging !== undefined) set.strategicEmerging = v.strategicEmerging;
    if (v.contactName !== undefined) set.contactNameEnc = deps.cipher.encrypt(v.contactName);
    if (v.contactPhone !== undefined) set.contactPhoneEnc = deps.cipher.encrypt(v.contactPhone);
    const updated = await tx
      .update(enterprises)
      .set({ ...set, version: sql`${enterprises.version} + 1`, updatedAt: new Date() })
      .where(and(eq(enterprises.id, id), eq(enterprises.version, version)))
      .returning({ id: enterprises.id });
    if (updated.length === 0) throw new AppError('stale_version');
    if (v.name !== undefined && v.name !== before.name) {
      await tx.execute(
        sql`insert into enterprise_former_names (enterprise_id, name, used_until) values (${id}, ${before.name}, ${todayShanghai()})`,
      );
    }
    const beforeView = Object.fromEntries(Object.keys(v).map((k) => [k, (before as Record<string, unknown>)[k] ?? null]));
    await recordAudit(tx, actorOf(p), 'enterprise.update', 'enterprise', id, auditView(beforeView), auditView(v));
  });
  return getEnterprise(deps, p, id);
}

export async function putYearly(deps: RegistryDeps, p: Principal, id: number, year: number, y: YearlyInput): Promise<void> {
  validateYearly(year, y, todayShanghai());
  await deps.database.db.transaction(async (tx) => {
    const e = await loadScopedEnterprise(deps, p, id, tx);
    if (!canEditOwnEnterprise(p, id)) {
      if (!canWriteRegistry(p)) throw new AppError('forbidden');
      assertUnitWritable(p, e.unitCode, 'id');
    }
    const [before] = await tx
      .select()
      .from(enterpriseYearly)
      .where(and(eq(enterpriseYearly.enterpriseId, id), eq(enterpriseYearly.year, year)));
    await tx
      .insert(enterpriseYearly)
      .values({ enterpriseId: id, year, ...y })
      .onConflictDoUpdate({ target: [enterpriseYearly.enterpriseId, enterpriseYearly.year], set: y });
    await recordAudit(tx, actorOf(p), 'enterprise.yearly.put', 'enterprise', id, before ?? null, { year, ...y });
  });
}

export async function addTitle(deps: RegistryDeps, p: Principal, enterpriseId: number, t: TitleInput): Promise<number> {
  if (!canWriteTitles(p)) throw new AppError('forbidden');
  validateTitle(t);
  return deps.database.db.transaction(async (tx) => {
    await loadScopedEnterprise(deps, p, enterpriseId, tx);
    const inserted = await tx
      .insert(titles)
      .values({
        enterpriseId,
        kind: t.kind,
        level: t.level,
        batch: t.batch ?? '',
        recognisedOn: t.recognisedOn,
        validUntil: t.validUntil ?? null,
        recognition: t.recognition,
        source: 'manual',
      })
      .onConflictDoNothing()
      .returning({ id: titles.id });
    if (!inserted[0])
      throw new AppError('conflict', {
        fields: [
          { field: 'recognisedOn', reason: { zh: '该企业在此日期已有同类同级称号', en: 'this title at this level and date is already recorded' } },
        ],
      });
    await recordAudit(tx, actorOf(p), 'title.create', 'title', inserted[0].id, null, { enterpriseId, ...t });
    return inserted[0].id;
  });
}

export async function revokeTitle(deps: RegistryDeps, p: Principal, titleId: number, revokedOn: string, reason: string): Promise<void> {
  if (!canWriteTitles(p)) throw new AppError('forbidden');
  const problems = new Problems();
  if (!reason || reason.trim().length < 2) problems.add('reason', '请填写撤销原因', 'give the reason for revocation');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(revokedOn)) problems.add('revokedOn', '日期格式应为YYYY-MM-DD', 'must be a date YYYY-MM-DD');
  problems.throwIfAny();
  await deps.database.db.transaction(async (tx) => {
    const [t] = await tx.select().from(titles).where(eq(titles.id, titleId)).for('update');
    if (!t) throw new AppError('not_found');
    await loadScopedEnterprise(deps, p, t.enterpriseId, tx);
    if (t.revokedOn) throw new AppError('conflict', { fields: [{ field: 'revokedOn', reason: { zh: '该称号已被撤销', en: 'already revoked' } }] });
    if (revokedOn < t.recognisedOn)
      throw new AppError('validation_failed', {
        fields: [{ field: 'revokedOn', reason: { zh: '撤销日期不能早于认定日期', en: 'cannot be before the recognition date' } }],
      });
    await tx.update(titles).set({ revokedOn, revokeReason: reason.trim() }).where(eq(titles.id, titleId));
    await recordAudit(tx, actorOf(p), 'title.revoke', 'title', titleId, { revokedOn: null }, { revokedOn, reason: reason.trim() });
  });
}

// ---------- carriers ----------

export interface CarrierFilters {
  id?: number | undefined;
  kind?: string | undefined;
  q?: string | undefined;
  unitCode?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface CarrierListItem {
  id: number;
  kind: string;
  name: string;
  level: string;
  unitCode: string;
  unitName: string;
  recognisedOn: string;
  validUntil: string | null;
  operatorUscc: string | null;
  leadingIndustry: string | null;
  inForce: boolean;
  residents: number;
}

export async function listCarriers(deps: RegistryDeps, p: Principal, f: CarrierFilters, opts: { limit?: number } = {}) {
  if (!canReadCarriers(p)) throw new AppError('not_found');
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (p.role === 'carrier_operator') where.push(`c.id = ${add(p.carrierId ?? -1)}`);
  if (f.id !== undefined) where.push(`c.id = ${add(f.id)}`);
  if (f.kind) where.push(`c.kind = ${add(f.kind)}::carrier_kind`);
  if (f.unitCode) where.push(`c.unit_code = ${add(f.unitCode)}`);
  if (f.q?.trim()) where.push(`c.name ilike ${add('%' + f.q.trim().replace(/[\\%_]/g, (c) => '\\' + c) + '%')}`);
  const w = where.length ? 'where ' + where.join(' and ') : '';
  const pageSize = opts.limit ?? Math.min(Math.max(f.pageSize ?? 20, 1), 200);
  const offset = opts.limit ? 0 : (Math.max(f.page ?? 1, 1) - 1) * pageSize;
  const today = todayShanghai();
  const rows = await deps.database.query<CarrierListItem>(
    `select c.id, c.kind, c.name, c.level, c.unit_code as "unitCode", u.name_zh as "unitName",
            c.recognised_on as "recognisedOn", c.valid_until as "validUntil", c.operator_uscc as "operatorUscc",
            c.leading_industry as "leadingIndustry",
            (c.recognised_on <= $${params.length + 1} and (c.valid_until is null or c.valid_until >= $${params.length + 1})) as "inForce",
            (select count(*)::int from residencies r where r.carrier_id = c.id
               and (r.to_date is null or r.to_date >= $${params.length + 1})) as residents
       from carriers c join units u on u.code = c.unit_code ${w}
      order by c.kind, c.name limit ${pageSize} offset ${offset}`,
    [...params, today],
  );
  const [c] = await deps.database.query<{ n: number }>(`select count(*)::int as n from carriers c ${w}`, params);
  return { items: rows.map((r) => ({ ...r, id: Number(r.id) })), total: c?.n ?? 0 };
}

export async function getCarrier(deps: RegistryDeps, p: Principal, id: number) {
  if (!canReadCarriers(p)) throw new AppError('not_found');
  if (p.role === 'carrier_operator' && p.carrierId !== id) throw new AppError('not_found');
  const { items } = await listCarriers(deps, p, { id });
  const carrier = items[0];
  if (!carrier) throw new AppError('not_found');
  const scope = enterpriseScope(p);
  const params: unknown[] = [id];
  let extra = '';
  if (scope.kind === 'unit') {
    params.push(scope.unitCode);
    extra = ' and e.unit_code = $2';
  }
  const residents = await deps.database.query(
    `select r.id as "residencyId", e.id as "enterpriseId", e.name as "enterpriseName", e.uscc,
            r.from_date as "fromDate", r.to_date as "toDate"
       from residencies r join enterprises e on e.id = r.enterprise_id
      where r.carrier_id = $1${extra} order by r.from_date desc`,
    params,
  );
  return { carrier, residents };
}

export async function createCarrier(deps: RegistryDeps, p: Principal, input: CarrierInput): Promise<number> {
  if (!canWriteCarriers(p)) throw new AppError('forbidden');
  const c = validateCarrier(input, await knownUnits(deps.database));
  return deps.database.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(carriers)
      .values({
        kind: c.kind,
        name: c.name,
        level: c.level,
        unitCode: c.unitCode,
        recognisedOn: c.recognisedOn,
        validUntil: c.validUntil ?? null,
        operatorUscc: c.operatorUscc ?? null,
        leadingIndustry: c.leadingIndustry ?? null,
      })
      .onConflictDoNothing()
      .returning({ id: carriers.id });
    if (!inserted[0])
      throw new AppError('conflict', { fields: [{ field: 'name', reason: { zh: '同类载体名称已存在', en: 'a carrier of this kind with this name exists' } }] });
    await recordAudit(tx, actorOf(p), 'carrier.create', 'carrier', inserted[0].id, null, c);
    return inserted[0].id;
  });
}

export async function addResidency(
  deps: RegistryDeps,
  p: Principal,
  r: { enterpriseId: number; carrierId: number; fromDate: string; toDate?: string | null },
): Promise<number> {
  if (!canWriteRegistry(p)) throw new AppError('forbidden');
  validateResidency(r.fromDate, r.toDate);
  return deps.database.db.transaction(async (tx) => {
    const e = await loadScopedEnterprise(deps, p, r.enterpriseId, tx);
    assertUnitWritable(p, e.unitCode, 'enterpriseId');
    const [c] = await tx.select({ id: carriers.id, kind: carriers.kind }).from(carriers).where(eq(carriers.id, r.carrierId));
    if (!c) throw new AppError('validation_failed', { fields: [{ field: 'carrierId', reason: { zh: '载体不存在', en: 'no such carrier' } }] });
    const overlap = await rowsOf(
      tx,
      sql`select 1 from residencies where enterprise_id = ${r.enterpriseId} and carrier_id = ${r.carrierId}
            and from_date <= coalesce(${r.toDate ?? null}::date, 'infinity'::date)
            and coalesce(to_date, 'infinity'::date) >= ${r.fromDate}::date`,
    );
    if (overlap.length)
      throw new AppError('conflict', {
        fields: [{ field: 'fromDate', reason: { zh: '与该企业在此载体的已有入驻期重叠', en: 'overlaps an existing residency in this carrier' } }],
      });
    const [row] = await tx
      .insert(residencies)
      .values({ enterpriseId: r.enterpriseId, carrierId: r.carrierId, fromDate: r.fromDate, toDate: r.toDate ?? null })
      .returning({ id: residencies.id });
    await recordAudit(tx, actorOf(p), 'residency.create', 'residency', row!.id, null, r);
    return row!.id;
  });
}
