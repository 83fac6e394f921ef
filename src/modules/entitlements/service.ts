/**
 * Entitlements in the database: recomputed per fiscal year from the registry by the policy engine,
 * stored idempotently under the engine's stable key. Recomputing twice changes nothing; an
 * entitlement that is no longer owed is withdrawn when unpaid and flagged for recovery when
 * paid — never deleted.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { rowsOf } from '../../db/client.ts';
import { unnestInsert } from '../../db/bulk.ts';
import { AppError, Problems } from '../../shared/errors.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import { compile, compileRegistry, evaluate, evaluateRegistry, type Overrides } from '../../../policy/core/engine.ts';
import type { Entitlement, Evaluation, NotOwed, Reason, Trace } from '../../../policy/core/results.ts';
import { sha256 } from '../../shared/crypto.ts';
import type { PolicyRegistry } from '../../../policy/core/version.ts';
import { jinanQualitySmeRegistry } from '../../../policy/jinan-quality-sme-measures/index.ts';
import { loadFacts } from './facts.ts';
import { enterpriseScope, type Principal } from '../access/principal.ts';

const BATCH = 1000;

export interface RecomputeOptions {
  fiscalYear: number;
  /** Computation date: revocations on or before it count (default: today). */
  asOf?: string;
  registry?: PolicyRegistry;
  overrides?: Overrides;
}

export interface RecomputeCounts {
  computed: number;
  inserted: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
  recoveryDue: number;
  restored: number;
  total: number;
}

interface StoredRow {
  id: number;
  key: string;
  amount: number;
  status: 'owed' | 'withdrawn' | 'recovery_due';
  paid_at: string | null;
  policy_version: string;
  trace_hash: string;
}

export function checkFiscalYear(y: number): void {
  const p = new Problems();
  if (!Number.isInteger(y) || y < 2000 || y > 2100) p.add('fiscalYear', '财政年度应为2000至2100之间的整数', 'must be a year from 2000 to 2100');
  p.throwIfAny();
}

/** Evaluates without storing (also used by the CLI with facts from a file). */
export function computeEvaluation(
  facts: Parameters<typeof evaluateRegistry>[1],
  opts: {
    fiscalYear: number;
    asOf?: string;
    registry?: PolicyRegistry;
    overrides?: Overrides;
    policyId?: string;
    trace?: boolean;
    notOwed?: boolean;
  },
): Evaluation {
  const registry = opts.registry ?? jinanQualitySmeRegistry();
  const evalOpts = {
    fiscalYear: opts.fiscalYear,
    ...(opts.asOf ? { asOf: opts.asOf } : {}),
    ...(opts.trace !== undefined ? { trace: opts.trace } : {}),
    ...(opts.notOwed !== undefined ? { notOwed: opts.notOwed } : {}),
  };
  if (opts.policyId) {
    // One named version, over its own window (e.g. to see what the draft would give).
    const v = registry.get(opts.policyId);
    if (!v)
      throw new AppError('validation_failed', {
        fields: [{ field: 'policy', reason: { zh: `未知的政策版本“${opts.policyId}”`, en: `unknown policy version '${opts.policyId}'` } }],
      });
    return evaluate(compile(v, opts.overrides ?? {}, registry.windowOf(v)), facts, evalOpts);
  }
  return evaluateRegistry(compileRegistry(registry, () => opts.overrides ?? {}), facts, evalOpts);
}

/**
 * Splits a trace into its own part (conditions, computation) and its parameter set, which is
 * stored once in trace_parameter_sets under its SHA-256.
 */
function splitTrace(trace: Trace | null, sets: Map<string, { hash: string; text: string }>): { own: unknown; hash: string | null } {
  if (!trace) return { own: null, hash: null };
  const { parameters, ...own } = trace;
  // A dated value is fixed by its parameter, its start date, value and source, so this short key
  // identifies the set without serialising every reference for every entitlement.
  let key = trace.policyVersion;
  for (const p of parameters) key += `|${p.id}@${p.from}=${JSON.stringify(p.value)}:${p.reference.document}`;
  let set = sets.get(key);
  if (set === undefined) {
    const text = JSON.stringify(parameters);
    set = { hash: sha256(text), text };
    sets.set(key, set);
  }
  return { own: { ...own, parametersHash: set.hash }, hash: set.hash };
}

/** Puts the parameter set back into a stored trace. */
export function joinTrace(own: unknown, parameters: unknown): unknown {
  if (!own || typeof own !== 'object') return own;
  const { parametersHash: _h, ...rest } = own as Record<string, unknown>;
  return { ...rest, parameters: parameters ?? [] };
}

function reasonsOf(n: NotOwed | undefined): Reason[] {
  return n?.reasons ?? [{ code: 'no_longer_computed', zh: '按现行登记数据已不再产生该项资金', en: 'the registry no longer yields this entitlement' }];
}

/**
 * Recomputes one fiscal year in one transaction, serialised per year with an advisory lock so
 * two officers (or two instances) recomputing at once do not interleave.
 */
export async function recompute(database: Database, actor: Actor, opts: RecomputeOptions): Promise<RecomputeCounts> {
  checkFiscalYear(opts.fiscalYear);
  const startedAt = new Date();
  const facts = await loadFacts(database, [opts.fiscalYear]);
  // Not-owed verdicts are only needed for the reasons of entitlements that disappear, which is
  // rare: they are computed (without traces) only then, instead of a trace for every title.
  const evaluation = computeEvaluation(facts, { ...opts, notOwed: false });
  const computed = new Map(evaluation.entitlements.map((e) => [e.key, e]));
  let notOwed: Map<string, NotOwed> | undefined;
  const notOwedFor = (key: string): NotOwed | undefined => {
    notOwed ??= new Map(computeEvaluation(facts, { ...opts, trace: false }).notOwed.map((n) => [n.key, n]));
    return notOwed.get(key);
  };
  const counts: RecomputeCounts = { computed: computed.size, inserted: 0, updated: 0, unchanged: 0, withdrawn: 0, recoveryDue: 0, restored: 0, total: 0 };

  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727276, ${opts.fiscalYear})`);
    const stored = await rowsOf<StoredRow>(
      tx,
      sql`select id, key, amount, status, paid_at, policy_version, md5(coalesce(trace::text, '')) as trace_hash
            from entitlements where fiscal_year = ${opts.fiscalYear}`,
    );
    const byKey = new Map(stored.map((r) => [r.key, r]));
    const toInsert: Entitlement[] = [];
    const toUpdate: Entitlement[] = [];
    const toRestore: Entitlement[] = [];
    for (const e of computed.values()) {
      const s = byKey.get(e.key);
      if (!s) toInsert.push(e);
      else if (s.paid_at) counts.unchanged++; // a paid amount is history: never rewritten
      else if (s.status !== 'owed') toRestore.push(e);
      else if (Number(s.amount) !== e.amount || s.policy_version !== e.policyVersion) toUpdate.push(e);
      else counts.unchanged++;
    }
    const gone = stored.filter((s) => !computed.has(s.key) && s.status === 'owed');

    const sets = new Map<string, { hash: string; text: string }>();
    const split = new Map<string, { own: unknown; hash: string | null }>();
    for (const e of [...toInsert, ...toUpdate, ...toRestore]) split.set(e.key, splitTrace(e.trace, sets));
    const setRows = [...sets.values()].map((x) => [x.hash, x.text]);
    for (let i = 0; i < setRows.length; i += BATCH) {
      await unnestInsert(tx, 'trace_parameter_sets', [['hash', 'text'], ['parameters', 'jsonb']], setRows.slice(i, i + BATCH), undefined, 'on conflict do nothing');
    }
    for (let i = 0; i < toInsert.length; i += BATCH) {
      const chunk = toInsert.slice(i, i + BATCH);
      await unnestInsert(
        tx,
        'entitlements',
        [
          ['key', 'text'],
          ['fiscal_year', 'integer'],
          ['clause', 'text'],
          ['item', 'text'],
          ['beneficiary_type', 'text'],
          ['enterprise_id', 'bigint'],
          ['carrier_id', 'bigint'],
          ['amount', 'bigint'],
          ['policy_version', 'text'],
          ['trigger', 'jsonb'],
          ['trace', 'jsonb'],
        ],
        chunk.map((e) => [
          e.key,
          e.fiscalYear,
          e.clause,
          e.item,
          e.beneficiary.type,
          e.beneficiary.type === 'enterprise' ? e.beneficiary.id : null,
          e.beneficiary.type === 'carrier' ? e.beneficiary.id : null,
          e.amount,
          e.policyVersion,
          JSON.stringify(e.trigger),
          JSON.stringify(split.get(e.key)?.own ?? null),
        ]),
      );
    }
    counts.inserted = toInsert.length;
    for (const e of [...toUpdate, ...toRestore]) {
      await tx.execute(
        sql`update entitlements set amount = ${e.amount}, policy_version = ${e.policyVersion}, trace = ${JSON.stringify(split.get(e.key)?.own ?? null)}::jsonb,
                   trigger = ${JSON.stringify(e.trigger)}::jsonb, status = 'owed', status_reason = null, updated_at = now()
             where key = ${e.key} and paid_at is null`,
      );
    }
    counts.updated = toUpdate.length;
    counts.restored = toRestore.length;
    for (const s of gone) {
      const reasons = reasonsOf(notOwedFor(s.key));
      // Decided inside the UPDATE: a payment committed meanwhile (it locks the row) makes this a
      // recovery, never a silent withdrawal.
      const [after] = await rowsOf<{ status: string }>(
        tx,
        sql`update entitlements
               set status = (case when paid_at is null then 'withdrawn' else 'recovery_due' end)::entitlement_status,
                   status_reason = ${JSON.stringify(reasons)}::jsonb, updated_at = now()
             where id = ${s.id} and status = 'owed'
         returning status`,
      );
      if (after?.status === 'withdrawn') counts.withdrawn++;
      else if (after?.status === 'recovery_due') counts.recoveryDue++;
    }
    const [t] = await rowsOf<{ n: number }>(tx, sql`select count(*)::int as n from entitlements where fiscal_year = ${opts.fiscalYear}`);
    counts.total = t?.n ?? 0;
    const policyVersion = evaluation.policyVersions.join(',');
    await tx.execute(
      sql`insert into entitlement_runs (fiscal_year, policy_version, actor_name, started_at, finished_at, counts)
          values (${opts.fiscalYear}, ${policyVersion}, ${actor.name}, ${startedAt.toISOString()}, now(), ${JSON.stringify(counts)}::jsonb)`,
    );
    const changed = counts.inserted + counts.updated + counts.withdrawn + counts.recoveryDue + counts.restored;
    if (changed > 0) {
      await recordAudit(tx, actor, 'entitlements.recompute', 'fiscal_year', opts.fiscalYear, null, {
        policyVersion,
        counts,
        noLongerOwed: gone.map((g) => g.key).slice(0, 200),
      });
    }
  });
  return counts;
}

// ---------- reading ----------

export interface EntitlementFilters {
  fiscalYear?: number | undefined;
  clause?: string | undefined;
  status?: string | undefined;
  unitCode?: string | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** Who may see entitlements: officers (district: own unit), finance; enterprises their own. */
function scopeWhere(p: Principal, params: unknown[]): string {
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (p.role === 'finance_officer' || p.role === 'city_officer') return 'true';
  if (p.role === 'carrier_operator') return `x.carrier_id = ${add(p.carrierId ?? -1)}`;
  const scope = enterpriseScope(p);
  if (scope.kind === 'unit') return `coalesce(e.unit_code, c.unit_code) = ${add(scope.unitCode)}`;
  if (scope.kind === 'enterprise') return `x.enterprise_id = ${add(scope.enterpriseId)}`;
  return 'false';
}

export async function listEntitlements(database: Database, p: Principal, f: EntitlementFilters, opts: { limit?: number } = {}) {
  const params: unknown[] = [];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = [scopeWhere(p, params)];
  if (f.fiscalYear) where.push(`x.fiscal_year = ${add(f.fiscalYear)}`);
  if (f.clause) where.push(`x.clause = ${add(f.clause)}`);
  if (f.status) where.push(`x.status = ${add(f.status)}::entitlement_status`);
  if (f.unitCode) where.push(`coalesce(e.unit_code, c.unit_code) = ${add(f.unitCode)}`);
  if (f.q?.trim()) where.push(`coalesce(e.name, c.name) ilike ${add('%' + f.q.trim().replace(/[\\%_]/g, (m) => '\\' + m) + '%')}`);
  const w = where.join(' and ');
  const pageSize = opts.limit ?? Math.min(Math.max(f.pageSize ?? 20, 1), 200);
  const offset = opts.limit ? 0 : (Math.max(f.page ?? 1, 1) - 1) * pageSize;
  const from = `from entitlements x left join enterprises e on e.id = x.enterprise_id left join carriers c on c.id = x.carrier_id`;
  const items = await database.query<{
    id: number;
    key: string;
    fiscalYear: number;
    clause: string;
    item: string;
    beneficiaryType: string;
    beneficiaryId: number;
    beneficiaryName: string;
    unitCode: string;
    amount: number;
    status: string;
    statusReason: unknown;
    policyVersion: string;
    trigger: unknown;
    paidAt: string | null;
  }>(
    `select x.id, x.key, x.fiscal_year as "fiscalYear", x.clause, x.item, x.beneficiary_type as "beneficiaryType",
            coalesce(x.enterprise_id, x.carrier_id) as "beneficiaryId", coalesce(e.name, c.name) as "beneficiaryName",
            coalesce(e.unit_code, c.unit_code) as "unitCode", x.amount, x.status, x.status_reason as "statusReason",
            x.policy_version as "policyVersion", x.trigger, x.paid_at as "paidAt"
       ${from} where ${w} order by x.fiscal_year desc, x.clause, x.amount desc, x.id limit ${pageSize} offset ${offset}`,
    params,
  );
  const [sum] = await database.query<{ n: number; amount: number }>(
    `select count(*)::int as n, coalesce(sum(x.amount) filter (where x.status = 'owed'), 0)::bigint as amount ${from} where ${w}`,
    params,
  );
  return { items: items.map((i) => ({ ...i, id: Number(i.id), beneficiaryId: Number(i.beneficiaryId), amount: Number(i.amount) })), total: sum?.n ?? 0, owedAmount: Number(sum?.amount ?? 0) };
}

export async function getEntitlement(database: Database, p: Principal, id: number) {
  const params: unknown[] = [id];
  const rows = await database.query<Record<string, unknown>>(
    `select x.*, coalesce(e.name, c.name) as beneficiary_name, coalesce(e.unit_code, c.unit_code) as unit_code,
            ps.parameters as trace_parameters
       from entitlements x left join enterprises e on e.id = x.enterprise_id left join carriers c on c.id = x.carrier_id
       left join trace_parameter_sets ps on ps.hash = x.trace->>'parametersHash'
      where x.id = $1 and ${scopeWhere(p, params)}`,
    params,
  );
  const r = rows[0];
  if (!r) throw new AppError('not_found');
  return {
    id: Number(r.id),
    key: r.key,
    fiscalYear: r.fiscal_year,
    clause: r.clause,
    item: r.item,
    beneficiaryType: r.beneficiary_type,
    beneficiaryId: Number(r.enterprise_id ?? r.carrier_id),
    beneficiaryName: r.beneficiary_name,
    unitCode: r.unit_code,
    amount: Number(r.amount),
    status: r.status,
    statusReason: r.status_reason,
    policyVersion: r.policy_version,
    trigger: r.trigger,
    trace: joinTrace(r.trace, r.trace_parameters),
    paidAt: r.paid_at,
    computedAt: r.computed_at,
  };
}

/** Totals per fiscal year, clause and status: the stored side of the budget. */
export async function storedTotals(database: Database, p: Principal) {
  const params: unknown[] = [];
  return database.query<{ fiscalYear: number; clause: string; status: string; count: number; amount: number }>(
    `select x.fiscal_year as "fiscalYear", x.clause, x.status, count(*)::int as count, sum(x.amount)::bigint as amount
       from entitlements x left join enterprises e on e.id = x.enterprise_id left join carriers c on c.id = x.carrier_id
      where ${scopeWhere(p, params)}
      group by 1, 2, 3 order by 1, 2, 3`,
    params,
  );
}

