/** Routes for financing: the key-service list, consent, demands, responses, loans, products, statistics. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../server/context.ts';
import { principalOf } from '../../server/auth-plugin.ts';
import { COLLATERALS, PRODUCT_KINDS, RESPONSE_KINDS, SHAREABLE_FIELDS } from './domain.ts';
import { TITLE_KIND_IDS } from '../registry/reference.ts';
import {
  closeDemand,
  createProduct,
  financingStats,
  financingViewer,
  getConsent,
  getDemand,
  grantConsent,
  keyList,
  listDemands,
  listInstitutions,
  listLoans,
  listProducts,
  postDemand,
  recordLoan,
  pledgeableForDemand,
  respond,
  setProductActive,
  updateResponse,
  withdrawConsent,
} from './service.ts';
import { statsWorkbook } from './export.ts';

const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Literals = <T extends readonly string[]>(xs: T) => Type.Union(xs.map((x) => Type.Literal(x)));
const Amount = Type.Integer({ minimum: 1 });
const Months = Type.Integer({ minimum: 1, maximum: 360 });
const Bp = Type.Integer({ minimum: 0, maximum: 100000 });
const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
};
const ResponseBody = {
  kind: Literals(RESPONSE_KINDS),
  offerAmount: Type.Optional(Amount),
  offerRateBp: Type.Optional(Bp),
  offerTermMonths: Type.Optional(Months),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
};
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function financingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['financing'];
  const db = ctx.database;

  r.get(
    '/api/financing/me',
    { schema: { tags, summary: '我的融资视图 Which financing view is mine, and my institution' } },
    async (req) => financingViewer(db, principalOf(req)),
  );

  r.get(
    '/api/financing/institutions',
    { schema: { tags, summary: '金融机构 Banks, guarantee institutions and insurers on the platform' } },
    async () => listInstitutions(db),
  );

  r.get(
    '/api/financing/key-list',
    {
      schema: {
        tags,
        summary: '重点服务名单 The key-service list now: consenting enterprises with a title in force (shared fields only)',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          unitCode: Type.Optional(Type.String({ maxLength: 20 })),
          titleKind: Type.Optional(Literals(TITLE_KIND_IDS)),
          ...Paging,
        }),
      },
    },
    async (req) => ({
      ...(await keyList(db, principalOf(req), req.query)),
      page: req.query.page ?? 1,
      pageSize: req.query.pageSize ?? 20,
    }),
  );

  // ---------- consent (the enterprise's own) ----------
  r.get(
    '/api/financing/consent',
    { schema: { tags, summary: '我的授权 My consent, what it shares, its history' } },
    async (req) => getConsent(db, principalOf(req)),
  );
  r.post(
    '/api/financing/consent',
    {
      schema: {
        tags,
        summary: '授权共享 Grant consent to share the named fields with financial institutions',
        body: Type.Object(
          { fields: Type.Array(Type.String({ maxLength: 40 }), { maxItems: SHAREABLE_FIELDS.length + 5 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => grantConsent(db, principalOf(req), req.body.fields),
  );
  r.post(
    '/api/financing/consent/withdraw',
    { schema: { tags, summary: '撤回授权 Withdraw consent (takes effect on the next read)' } },
    async (req) => withdrawConsent(db, principalOf(req)),
  );

  // ---------- demands ----------
  r.get(
    '/api/financing/demands',
    {
      schema: {
        tags,
        summary: '融资需求 Demands (enterprise: own; institution: inbox of listed firms; officers: scope)',
        querystring: Type.Object({ status: Type.Optional(Literals(['open', 'funded', 'closed'] as const)), ...Paging }),
      },
    },
    async (req) => listDemands(db, principalOf(req), req.query),
  );
  r.post(
    '/api/financing/demands',
    {
      schema: {
        tags,
        summary: '发布融资需求 Post a financing demand',
        body: Type.Object(
          {
            amount: Amount,
            termMonths: Type.Integer(),
            purpose: Type.String({ maxLength: 1000 }),
            collateral: Literals(COLLATERALS),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => reply.code(201).send(await postDemand(db, principalOf(req), req.body)),
  );
  r.get(
    '/api/financing/demands/:id',
    { schema: { tags, summary: '需求详情 A demand with the answers and loans the viewer may see', params: Id } },
    async (req) => getDemand(db, principalOf(req), req.params.id),
  );
  r.post(
    '/api/financing/demands/:id/close',
    {
      schema: {
        tags,
        summary: '关闭需求 The enterprise closes its open demand',
        params: Id,
        body: Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
      },
    },
    async (req) => closeDemand(db, principalOf(req), req.params.id, req.body.version),
  );
  r.post(
    '/api/financing/demands/:id/responses',
    {
      schema: {
        tags,
        summary: '响应需求 Answer a demand: interested, offer or declined (one per institution)',
        params: Id,
        body: Type.Object(ResponseBody, { additionalProperties: false }),
      },
    },
    async (req, reply) => reply.code(201).send(await respond(db, principalOf(req), req.params.id, req.body)),
  );
  r.put(
    '/api/financing/responses/:id',
    {
      schema: {
        tags,
        summary: '修改响应 Change your institution’s answer while the demand is open',
        params: Id,
        body: Type.Object({ ...ResponseBody, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
      },
    },
    async (req) => updateResponse(db, principalOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/financing/demands/:id/loans',
    {
      schema: {
        tags,
        summary: '登记放款 The lending bank records the loan granted on its offer',
        params: Id,
        body: Type.Object(
          {
            amount: Amount,
            rateBp: Bp,
            termMonths: Type.Integer(),
            loanType: Literals(COLLATERALS),
            grantedOn: Type.String({ maxLength: 10 }),
            guarantorId: Type.Optional(Type.Integer({ minimum: 1 })),
            guaranteeFeeBp: Type.Optional(Bp),
            ipRecordIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 50 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => reply.code(201).send(await recordLoan(db, principalOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/financing/demands/:id/pledgeable-ip',
    {
      schema: {
        tags,
        summary: '可质押知识产权 The borrower’s IP items a bank could pledge today (in force, not pledged)',
        params: Id,
      },
    },
    async (req) => pledgeableForDemand(db, principalOf(req), req.params.id),
  );
  r.get('/api/financing/loans', { schema: { tags, summary: '贷款 Loans the viewer may see' } }, async (req) =>
    listLoans(db, principalOf(req)),
  );

  // ---------- products ----------
  r.get(
    '/api/financing/products',
    {
      schema: {
        tags,
        summary: '金融产品 Products; for an enterprise with `fits` by its titles in force',
        querystring: Type.Object({ fitsMe: Type.Optional(Type.Boolean()), kind: Type.Optional(Literals(PRODUCT_KINDS)) }),
      },
    },
    async (req) => listProducts(db, principalOf(req), req.query),
  );
  r.post(
    '/api/financing/products',
    {
      schema: {
        tags,
        summary: '发布产品 An institution publishes a product',
        body: Type.Object(
          {
            kind: Literals(PRODUCT_KINDS),
            name: Type.String({ maxLength: 100 }),
            description: Type.Optional(Type.String({ maxLength: 2000 })),
            eligibleTitles: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 }),
            minAmount: Type.Optional(Amount),
            maxAmount: Amount,
            maxTermMonths: Type.Integer(),
            rateMinBp: Type.Optional(Bp),
            rateMaxBp: Type.Optional(Bp),
            feeRateBp: Type.Optional(Bp),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => reply.code(201).send(await createProduct(db, principalOf(req), req.body)),
  );
  r.post(
    '/api/financing/products/:id/active',
    {
      schema: {
        tags,
        summary: '上架/下架 Switch your product on or off',
        params: Id,
        body: Type.Object({ active: Type.Boolean() }, { additionalProperties: false }),
      },
    },
    async (req) => setProductActive(db, principalOf(req), req.params.id, req.body.active),
  );

  // ---------- statistics ----------
  const YearQuery = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) });
  r.get(
    '/api/financing/stats',
    {
      schema: {
        tags,
        summary: '融资统计 Loans by institution, type, month; rates; IP pledge; answer times',
        querystring: YearQuery,
      },
    },
    async (req) => financingStats(db, principalOf(req), req.query),
  );
  r.get(
    '/api/financing/stats.xlsx',
    { schema: { tags, summary: '导出统计 Statistics and loans as .xlsx', querystring: YearQuery } },
    async (req, reply) => {
      const p = principalOf(req);
      const stats = await financingStats(db, p, req.query);
      const loans = (await listLoans(db, p)).filter(
        (l) => req.query.year === undefined || l.grantedOn.startsWith(String(req.query.year)),
      );
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="financing-stats${req.query.year ? '-' + req.query.year : ''}.xlsx"`)
        .send(await statsWorkbook(stats, loans));
    },
  );
}
