/** Routes for intellectual property: items, import, evaluation, IP-pledge loans, statistics. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../server/context.ts';
import { principalOf } from '../../server/auth-plugin.ts';
import { AppError, invalid } from '../../shared/errors.ts';
import {
  bankCandidates,
  createIp,
  deleteIp,
  enterpriseIp,
  importIp,
  ipEnterprises,
  ipStats,
  ipViewer,
  pledgeLoans,
  readImportBook,
  recordPledgeLoan,
  releasePledge,
  updateIp,
} from './service.ts';
import { importTemplate, itemsWorkbook, statsWorkbook } from './export.ts';
import { NullableInteger } from '../../shared/schema.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const DateQ = Type.Object({ date: Type.Optional(Type.String({ maxLength: 10 })) });
const NullableDate = Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 20 })]));
/** Loose types on purpose: the domain names each field's problem in Chinese and English. */
const IpBody = Type.Object(
  {
    kind: Type.String({ maxLength: 40 }),
    number: Type.String({ maxLength: 60 }),
    title: Type.String({ maxLength: 300 }),
    appliedOn: Type.String({ maxLength: 20 }),
    grantedOn: NullableDate,
    expiresOn: NullableDate,
    legalStatus: Type.String({ maxLength: 20 }),
    maintenanceYearsPaid: Type.Optional(Type.Integer()),
    foreignFamilyCount: Type.Optional(Type.Integer()),
    citations: Type.Optional(NullableInteger()),
    awards: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 })),
    origin: Type.String({ maxLength: 20 }),
    acquiredOn: NullableDate,
    relatedToMainProduct: Type.Boolean(),
  },
  { additionalProperties: false },
);

const download = (name: string) => `attachment; filename="${name}.xlsx"`;

export function ipRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['ip'];
  const db = ctx.database;

  r.get('/api/ip/me', { schema: { tags, summary: '我的知识产权视图 Which IP view is mine' } }, async (req) =>
    ipViewer(db, principalOf(req)),
  );

  r.get(
    '/api/ip/enterprises/:id',
    {
      schema: {
        tags,
        summary: '企业知识产权 An enterprise’s IP with classes, counts and scores on a date',
        params: Id,
        querystring: DateQ,
      },
    },
    async (req) => enterpriseIp(db, principalOf(req), req.params.id, req.query.date),
  );
  r.get(
    '/api/ip/enterprises/:id/export.xlsx',
    { schema: { tags, summary: '导出企业知识产权 The enterprise’s IP as .xlsx', params: Id, querystring: DateQ } },
    async (req, reply) => {
      const v = await enterpriseIp(db, principalOf(req), req.params.id, req.query.date);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', download(`ip-${v.enterprise.id}`))
        .send(await itemsWorkbook(v));
    },
  );
  r.post(
    '/api/ip/enterprises/:id/records',
    { schema: { tags, summary: '登记知识产权 The enterprise records an item', params: Id, body: IpBody } },
    async (req, reply) => reply.code(201).send(await createIp(db, principalOf(req), req.params.id, req.body)),
  );
  r.put(
    '/api/ip/records/:id',
    {
      schema: {
        tags,
        summary: '修改知识产权 The enterprise changes an item (optimistic version)',
        params: Id,
        body: Type.Object({ version: Type.Integer({ minimum: 1 }), item: IpBody }, { additionalProperties: false }),
      },
    },
    async (req) => updateIp(db, principalOf(req), req.params.id, req.body.version, req.body.item),
  );
  r.delete(
    '/api/ip/records/:id',
    { schema: { tags, summary: '删除知识产权 Delete an item without pledges', params: Id } },
    async (req, reply) => {
      await deleteIp(db, principalOf(req), req.params.id);
      return reply.code(204).send();
    },
  );
  r.get('/api/ip/import-template.xlsx', { schema: { tags, summary: '导入模板 The import template' } }, async (_req, reply) =>
    reply
      .header('content-type', XLSX)
      .header('content-disposition', download('ip-import-template'))
      .send(await importTemplate()),
  );
  r.post(
    '/api/ip/enterprises/:id/import',
    {
      schema: {
        tags,
        summary: '导入知识产权 Import an .xlsx (base64): every row checked, all applied or none; known items skipped',
        params: Id,
        body: Type.Object({ fileBase64: Type.String({ maxLength: 1_800_000 }) }, { additionalProperties: false }),
      },
    },
    async (req) => {
      const bytes = Buffer.from(req.body.fileBase64, 'base64');
      if (bytes.length === 0) throw invalid({ field: 'file', reason: { zh: '文件为空', en: 'the file is empty' } });
      return importIp(db, principalOf(req), req.params.id, await readImportBook(bytes));
    },
  );

  // ---------- banks ----------
  r.get(
    '/api/ip/bank/candidates',
    {
      schema: {
        tags,
        summary: '可评估企业 Firms on the key-service list sharing their IP, with their IP score',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          page: Type.Optional(Type.Integer({ minimum: 1 })),
          pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
        }),
      },
    },
    async (req) => bankCandidates(db, principalOf(req), req.query.page, req.query.pageSize, req.query.q),
  );
  r.post(
    '/api/ip/enterprises/:id/pledge-loans',
    {
      schema: {
        tags,
        summary: '登记知识产权质押贷款 The bank records an IP-pledge loan secured on named items',
        params: Id,
        body: Type.Object(
          {
            ipRecordIds: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 50 }),
            amount: Type.Integer({ minimum: 1 }),
            rateBp: Type.Integer({ minimum: 0, maximum: 100000 }),
            termMonths: Type.Integer({ minimum: 1, maximum: 360 }),
            grantedOn: Type.String({ maxLength: 10 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => reply.code(201).send(await recordPledgeLoan(db, principalOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/ip/pledges/:id/release',
    {
      schema: {
        tags,
        summary: '解除质押 The lending bank releases a pledge',
        params: Id,
        body: Type.Object({ releasedOn: Type.String({ maxLength: 10 }) }, { additionalProperties: false }),
      },
    },
    async (req, reply) => {
      await releasePledge(db, principalOf(req), req.params.id, req.body.releasedOn);
      return reply.code(204).send();
    },
  );
  const YearQ = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) });
  r.get(
    '/api/ip/pledge-loans',
    { schema: { tags, summary: '知识产权质押贷款 IP-pledge loans with totals by bank, district, industry', querystring: YearQ } },
    async (req) => pledgeLoans(db, principalOf(req), req.query.year),
  );

  // ---------- officers ----------
  r.get(
    '/api/ip/enterprises',
    {
      schema: {
        tags,
        summary: '有知识产权记录的企业 Enterprises with IP records in scope',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          page: Type.Optional(Type.Integer({ minimum: 1 })),
          pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
        }),
      },
    },
    async (req) => ipEnterprises(db, principalOf(req), req.query),
  );
  r.get(
    '/api/ip/stats',
    {
      schema: {
        tags,
        summary: '知识产权统计 IP by class, district, industry; high-value IP per quality SME',
        querystring: DateQ,
      },
    },
    async (req) => ipStats(db, principalOf(req), req.query.date),
  );
  r.get(
    '/api/ip/stats.xlsx',
    { schema: { tags, summary: '导出统计 Statistics and pledge loans as .xlsx', querystring: DateQ } },
    async (req, reply) => {
      const p = principalOf(req);
      if (p.role === 'bank_officer') throw new AppError('not_found');
      const [s, l] = await Promise.all([ipStats(db, p, req.query.date), pledgeLoans(db, p)]);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', download('ip-stats'))
        .send(await statsWorkbook(s, l));
    },
  );
}
