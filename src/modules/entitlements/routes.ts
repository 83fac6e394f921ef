/** Policy and entitlement routes: the clauses with their parameters, entitlements, budget, what-if. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../server/context.ts';
import { principalOf } from '../../server/auth-plugin.ts';
import { AppError } from '../../shared/errors.ts';
import { toXlsx } from '../../shared/xlsx.ts';
import { actorOf } from '../registry/service.ts';
import { jinanQualitySmeRegistry } from '../../../policy/jinan-quality-sme-measures/index.ts';
import { budget, entitlementsForYears, whatIf } from '../../../policy/jinan-quality-sme-measures/budget.ts';
import type { OverrideValue } from '../../../policy/core/engine.ts';
import { loadFacts } from './facts.ts';
import { targetGap } from '../../../policy/jinan-quality-sme-measures/clause-01-targets.ts';
import type { TitleKind } from '../../../policy/core/facts.ts';
import { todayShanghai } from '../../shared/dates.ts';
import { checkFiscalYear, getEntitlement, listEntitlements, recompute, storedTotals } from './service.ts';

const Query = Type.Object({
  fiscalYear: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  clause: Type.Optional(Type.Union([Type.Literal('2'), Type.Literal('4'), Type.Literal('5')])),
  status: Type.Optional(Type.Union([Type.Literal('owed'), Type.Literal('withdrawn'), Type.Literal('recovery_due')])),
  unitCode: Type.Optional(Type.String({ maxLength: 20 })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  page: Type.Optional(Type.Integer({ minimum: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});

const Years = Type.Array(Type.Integer({ minimum: 2000, maximum: 2100 }), { minItems: 1, maxItems: 10 });

function mayCompute(role: string): boolean {
  return role === 'city_officer';
}
function maySeeBudget(role: string): boolean {
  return role === 'city_officer' || role === 'finance_officer';
}

export function entitlementRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['policy'];

  /** The policy as the platform encodes it: every version, clause text and dated parameter. */
  r.get('/api/policy/versions', { schema: { tags, summary: '政策版本与条款 Policy versions and clauses' } }, async () => {
    const registry = jinanQualitySmeRegistry();
    return registry.versions().map((v) => ({
      id: v.id,
      titleZh: v.titleZh,
      status: v.status,
      effectiveFrom: v.effectiveFrom,
      effectiveFromReference: v.effectiveFromReference ?? null,
      window: registry.windowOf(v),
      clauses: v.clauses.map((c) => ({
        clause: c.clause,
        formulaId: c.formulaId,
        formulaVersion: c.formulaVersion,
        text: c.text,
        parameters: c.parameters,
      })),
    }));
  });

  r.get('/api/entitlements', { schema: { tags, summary: '应兑现资金 Entitlements', querystring: Query } }, async (req) => {
    const out = await listEntitlements(ctx.database, principalOf(req), req.query);
    return { ...out, page: req.query.page ?? 1, pageSize: req.query.pageSize ?? 20 };
  });

  r.get('/api/entitlements/export.xlsx', { schema: { tags, summary: '导出 Export entitlements', querystring: Query } }, async (req, reply) => {
    const { items } = await listEntitlements(ctx.database, principalOf(req), req.query, { limit: 100_000 });
    const buf = await toXlsx('资金 Entitlements', [
      { header: '年度 Year', width: 8, value: (e) => e.fiscalYear },
      { header: '条款 Clause', width: 8, value: (e) => `第${e.clause}条` },
      { header: '项目 Item', width: 28, value: (e) => e.item },
      { header: '对象 Beneficiary', width: 36, value: (e) => e.beneficiaryName },
      { header: '区县 Unit', width: 10, value: (e) => e.unitCode },
      { header: '金额(元) Amount', width: 14, value: (e) => e.amount },
      { header: '状态 Status', width: 12, value: (e) => e.status },
      { header: '政策版本 Policy version', width: 30, value: (e) => e.policyVersion },
    ], items);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="entitlements.xlsx"`)
      .send(buf);
  });

  r.get('/api/entitlements/totals', { schema: { tags, summary: '按年度条款状态汇总 Totals' } }, async (req) =>
    storedTotals(ctx.database, principalOf(req)),
  );

  r.get('/api/entitlements/:id', { schema: { tags, summary: '资金明细与计算依据 Entitlement with its explanation', params: Type.Object({ id: Type.Integer({ minimum: 1 }) }) } }, async (req) =>
    getEntitlement(ctx.database, principalOf(req), req.params.id),
  );

  r.post(
    '/api/entitlements/recompute',
    { schema: { tags, summary: '按登记数据重新计算 Recompute a fiscal year', body: Type.Object({ fiscalYear: Type.Integer() }, { additionalProperties: false }) } },
    async (req) => {
      const p = principalOf(req);
      if (!mayCompute(p.role)) throw new AppError('forbidden');
      checkFiscalYear(req.body.fiscalYear);
      return recompute(ctx.database, actorOf(p), { fiscalYear: req.body.fiscalYear });
    },
  );

  r.get(
    '/api/budget',
    { schema: { tags, summary: '预算 Budget from the registry', querystring: Type.Object({ years: Type.Optional(Type.String({ pattern: '^\\d{4}(,\\d{4}){0,9}$' })) }) } },
    async (req) => {
      const p = principalOf(req);
      if (!maySeeBudget(p.role)) throw new AppError('forbidden');
      const years = (req.query.years ?? '2023,2024,2025,2026').split(',').map(Number);
      const facts = await loadFacts(ctx.database, years);
      const today = todayShanghai();
      const inForce = await ctx.database.query<{ kind: TitleKind; n: number }>(
        `select kind, count(distinct enterprise_id)::int as n from titles
          where recognised_on <= $1 and (valid_until is null or valid_until >= $1) and (revoked_on is null or revoked_on > $1)
          group by kind`,
        [today],
      );
      const targets = targetGap(Object.fromEntries(inForce.map((r) => [r.kind, r.n])), today);
      return { fiscalYears: years, ...budget(entitlementsForYears(facts, years)), targets, targetsOn: today };
    },
  );

  r.post(
    '/api/budget/what-if',
    {
      schema: {
        tags,
        summary: '情景模拟 What-if with other parameters',
        body: Type.Object(
          {
            fiscalYears: Years,
            // Values are checked by the engine against each parameter's own type; a schema union
            // here would let type coercion turn `true` into 1 or 1 into `true`.
            parameters: Type.Record(Type.String({ maxLength: 100 }), Type.Unknown()),
            label: Type.Optional(Type.String({ maxLength: 100 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const p = principalOf(req);
      if (!maySeeBudget(p.role)) throw new AppError('forbidden');
      for (const y of req.body.fiscalYears) checkFiscalYear(y);
      const facts = await loadFacts(ctx.database, req.body.fiscalYears);
      try {
        const w = whatIf(facts, {}, { parameters: req.body.parameters as Record<string, OverrideValue>, label: req.body.label ?? 'what-if' }, {
          fiscalYears: req.body.fiscalYears,
        });
        return { ...w, beneficiaries: w.beneficiaries.slice(0, 500), beneficiaryCount: w.beneficiaries.length };
      } catch (e) {
        // The engine rejects unknown parameter ids and values of the wrong type; name the parameter.
        const message = (e as Error).message;
        const one = /^override ([\w.]+):/.exec(message)?.[1];
        const unknown = /unknown parameter ids in overrides or amendments: (.+)$/.exec(message)?.[1]?.split(', ');
        const ids = one ? [one] : (unknown ?? []);
        throw new AppError('validation_failed', {
          fields: (ids.length ? ids : ['']).map((id) => ({
            field: id ? `parameters.${id}` : 'parameters',
            reason: { zh: `参数无效：${message}`, en: `invalid parameter: ${message}` },
          })),
        });
      }
    },
  );
}
