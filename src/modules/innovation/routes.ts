/** Routes for innovation services: catalogues, imports, two-way matches, 揭榜, shared resources, statistics. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import type { AppContext } from '../../server/context.ts';
import { principalOf } from '../../server/auth-plugin.ts';
import { AppError } from '../../shared/errors.ts';
import { LIMITS } from '../imports/parse.ts';
import { IP_KINDS, MATURITIES, RESOURCE_KINDS, TECH_FIELDS } from './domain.ts';
import {
  actOnApplication,
  applyForDemand,
  createAchievement,
  createDemand,
  createResource,
  getAchievement,
  getApplication,
  getDemand,
  importAchievements,
  importDemands,
  innovationMe,
  innovationStats,
  listAchievements,
  listApplications,
  listDemands,
  listRequests,
  listResources,
  matchesForAchievement,
  matchesForDemand,
  moveRequest,
  recordSupport,
  requestResource,
  setAchievementStatus,
  setDemandStatus,
  setResourceStatus,
  updateAchievement,
  updateDemand,
  type InnovationDeps,
} from './service.ts';
import { importTemplate, statsWorkbook } from './export.ts';
import { NullableInteger } from '../../shared/schema.ts';

const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Lit = <T extends readonly string[]>(xs: T) => Type.Union(xs.map((x) => Type.Literal(x)));
const idsOf = (xs: readonly { id: string }[]) => xs.map((x) => x.id);
const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
};
const CatalogueQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  field: Type.Optional(Lit(idsOf(TECH_FIELDS))),
  status: Type.Optional(Lit(['published', 'closed'] as const)),
  mine: Type.Optional(Type.Boolean()),
  ...Paging,
});
const Str = (max: number) => Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: max })]));
/** Bodies are loose on purpose: domain.ts checks every field and names each problem in zh/en. */
const AchievementBody = Type.Object(
  {
    title: Str(400),
    summary: Str(8000),
    field: Str(60),
    maturity: Str(60),
    ipKind: Str(60),
    ipNumber: Str(120),
    team: Str(200),
    unitCode: Str(20),
    contactName: Str(80),
    contactPhone: Str(40),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
const DemandBody = Type.Object(
  {
    title: Str(400),
    description: Str(8000),
    field: Str(60),
    budget: Type.Optional(Type.Union([Type.Null(), Type.Integer(), Type.String({ maxLength: 20 })])),
    deadline: Str(20),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
const StatusBody = Type.Object({ status: Lit(['published', 'closed'] as const) }, { additionalProperties: false });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendXlsx(reply: FastifyReply, name: string, buf: Buffer) {
  return reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename="innovation.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}.xlsx`)
    .send(buf);
}

async function readFile(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart())
    throw new AppError('validation_failed', {
      fields: [
        { field: 'file', reason: { zh: '请以multipart/form-data上传文件', en: 'upload the file as multipart/form-data' } },
      ],
    });
  let file: Buffer | undefined;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const buf = await part.toBuffer();
      if (part.fieldname === 'file' && !file) file = buf;
    }
  }
  if (!file)
    throw new AppError('validation_failed', {
      fields: [{ field: 'file', reason: { zh: '请选择要上传的Excel文件', en: 'choose an Excel file to upload' } }],
    });
  return file;
}

export async function innovationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['innovation'];
  const deps: InnovationDeps = { database: ctx.database, cipher: ctx.cipher };

  r.get('/api/innovation/me', { schema: { tags, summary: '我的创新服务视图 Which innovation view is mine' } }, async (req) =>
    innovationMe(deps, principalOf(req)),
  );
  r.get(
    '/api/innovation/vocabulary',
    { schema: { tags, summary: '词表 Fields, maturity, IP kinds, resource kinds' } },
    async () => ({
      fields: TECH_FIELDS.map(({ id, zh, en }) => ({ id, zh, en })),
      maturities: MATURITIES,
      ipKinds: IP_KINDS,
      resourceKinds: RESOURCE_KINDS,
    }),
  );

  // ---------- achievements ----------
  r.get(
    '/api/innovation/achievements',
    { schema: { tags, summary: '技术成果目录 Achievements', querystring: CatalogueQuery } },
    async (req) => listAchievements(deps, principalOf(req), req.query),
  );
  r.post(
    '/api/innovation/achievements',
    { schema: { tags, summary: '发布技术成果 Publish an achievement (university)', body: AchievementBody } },
    async (req, reply) => reply.code(201).send(await createAchievement(deps, principalOf(req), req.body)),
  );
  r.get('/api/innovation/achievements/:id', { schema: { tags, summary: '技术成果 One achievement', params: Id } }, async (req) =>
    getAchievement(deps, principalOf(req), req.params.id),
  );
  r.put(
    '/api/innovation/achievements/:id',
    { schema: { tags, summary: '修改技术成果 Edit (version required)', params: Id, body: AchievementBody } },
    async (req) => updateAchievement(deps, principalOf(req), req.params.id, req.body, req.body.version ?? 0),
  );
  r.post(
    '/api/innovation/achievements/:id/status',
    { schema: { tags, summary: '发布/关闭 Publish or close', params: Id, body: StatusBody } },
    async (req) => setAchievementStatus(deps, principalOf(req), req.params.id, req.body.status),
  );
  r.get(
    '/api/innovation/achievements/:id/matches',
    {
      schema: {
        tags,
        summary: '成果匹配的企业需求 Demands (and their enterprises) that fit an achievement, with reasons',
        params: Id,
      },
    },
    async (req) => matchesForAchievement(deps, principalOf(req), req.params.id),
  );

  // ---------- demands ----------
  r.get(
    '/api/innovation/demands',
    { schema: { tags, summary: '技术需求目录 R&D demands', querystring: CatalogueQuery } },
    async (req) => listDemands(deps, principalOf(req), req.query),
  );
  r.post(
    '/api/innovation/demands',
    { schema: { tags, summary: '发布技术需求 Publish a demand (enterprise)', body: DemandBody } },
    async (req, reply) => reply.code(201).send(await createDemand(deps, principalOf(req), req.body)),
  );
  r.get('/api/innovation/demands/:id', { schema: { tags, summary: '技术需求 One demand', params: Id } }, async (req) =>
    getDemand(deps, principalOf(req), req.params.id),
  );
  r.put(
    '/api/innovation/demands/:id',
    { schema: { tags, summary: '修改技术需求 Edit (version required)', params: Id, body: DemandBody } },
    async (req) => updateDemand(deps, principalOf(req), req.params.id, req.body, req.body.version ?? 0),
  );
  r.post(
    '/api/innovation/demands/:id/status',
    { schema: { tags, summary: '发布/关闭 Publish or close', params: Id, body: StatusBody } },
    async (req) => setDemandStatus(deps, principalOf(req), req.params.id, req.body.status),
  );
  r.get(
    '/api/innovation/demands/:id/matches',
    {
      schema: { tags, summary: '需求匹配的技术成果 Achievements (and their teams) that fit a demand, with reasons', params: Id },
    },
    async (req) => matchesForDemand(deps, principalOf(req), req.params.id),
  );

  // ---------- 揭榜 ----------
  r.post(
    '/api/innovation/demands/:id/applications',
    {
      schema: {
        tags,
        summary: '揭榜 Take up a demand (university)',
        params: Id,
        body: Type.Object(
          {
            team: Str(200),
            proposal: Str(8000),
            quote: Type.Optional(NullableInteger()),
            achievementId: Type.Optional(NullableInteger()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => reply.code(201).send(await applyForDemand(deps, principalOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/innovation/applications',
    {
      schema: {
        tags,
        summary: '揭榜申请 Applications (university: own; enterprise: to its demands; officers: scope)',
        querystring: Type.Object({
          demandId: Type.Optional(Type.Integer({ minimum: 1 })),
          status: Type.Optional(Type.String({ maxLength: 20 })),
          ...Paging,
        }),
      },
    },
    async (req) => listApplications(deps, principalOf(req), req.query),
  );
  r.get('/api/innovation/applications/:id', { schema: { tags, summary: '揭榜申请 One application', params: Id } }, async (req) =>
    getApplication(deps, principalOf(req), req.params.id),
  );
  r.post(
    '/api/innovation/applications/:id/:action',
    {
      schema: {
        tags,
        summary: '选定/签约/完成/撤回 choose | contract (amount, signedOn) | complete (completedOn) | withdraw',
        params: Type.Object({
          id: Type.Integer({ minimum: 1 }),
          action: Lit(['choose', 'contract', 'complete', 'withdraw'] as const),
        }),
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            amount: Type.Optional(Type.Union([Type.Integer(), Type.String({ maxLength: 20 })])),
            signedOn: Type.Optional(Type.String({ maxLength: 20 })),
            completedOn: Type.Optional(Type.String({ maxLength: 20 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => actOnApplication(deps, principalOf(req), req.params.id, req.params.action, req.body, req.body.version),
  );
  r.put(
    '/api/innovation/applications/:id/support',
    {
      schema: {
        tags,
        summary: '政府助题 Record government support (city officer)',
        params: Id,
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            amount: Type.Union([Type.Integer(), Type.String({ maxLength: 20 })]),
            note: Str(1000),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => recordSupport(deps, principalOf(req), req.params.id, req.body, req.body.version),
  );

  // ---------- shared resources ----------
  r.get(
    '/api/innovation/resources',
    {
      schema: {
        tags,
        summary: '大企业开放资源 Resources offered by large enterprises',
        querystring: Type.Object({
          kind: Type.Optional(Lit(idsOf(RESOURCE_KINDS))),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          mine: Type.Optional(Type.Boolean()),
          ...Paging,
        }),
      },
    },
    async (req) => listResources(deps, principalOf(req), req.query),
  );
  r.post(
    '/api/innovation/resources',
    {
      schema: {
        tags,
        summary: '发布开放资源 Offer a resource (large enterprise)',
        body: Type.Object(
          { kind: Str(40), title: Str(400), description: Str(8000), terms: Str(2000) },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => reply.code(201).send(await createResource(deps, principalOf(req), req.body)),
  );
  r.post(
    '/api/innovation/resources/:id/status',
    { schema: { tags, summary: '开放/停止 Offer or withdraw', params: Id, body: StatusBody } },
    async (req) => setResourceStatus(deps, principalOf(req), req.params.id, req.body.status),
  );
  r.post(
    '/api/innovation/resources/:id/requests',
    {
      schema: {
        tags,
        summary: '申请使用资源 Request a resource (SME)',
        params: Id,
        body: Type.Object({ purpose: Str(2000), fromDate: Str(20), toDate: Str(20) }, { additionalProperties: false }),
      },
    },
    async (req, reply) => reply.code(201).send(await requestResource(deps, principalOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/innovation/requests',
    {
      schema: {
        tags,
        summary: '资源申请 Requests (mine, to my resources; officers: scope)',
        querystring: Type.Object({ status: Type.Optional(Type.String({ maxLength: 20 })), ...Paging }),
      },
    },
    async (req) => listRequests(deps, principalOf(req), req.query),
  );
  r.post(
    '/api/innovation/requests/:id/:to',
    {
      schema: {
        tags,
        summary: '答复/完成/撤回 accepted | declined (answer) | completed | withdrawn',
        params: Type.Object({
          id: Type.Integer({ minimum: 1 }),
          to: Lit(['accepted', 'declined', 'completed', 'withdrawn'] as const),
        }),
        body: Type.Object(
          { version: Type.Integer({ minimum: 1 }), answer: Type.Optional(Type.String({ maxLength: 1000 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => moveRequest(deps, principalOf(req), req.params.id, req.params.to, req.body.answer, req.body.version),
  );

  // ---------- statistics ----------
  r.get(
    '/api/innovation/stats',
    { schema: { tags, summary: '统计 Matches, contracts and amounts by field and district' } },
    async (req) => innovationStats(deps, principalOf(req)),
  );
  r.get('/api/innovation/stats.xlsx', { schema: { tags, summary: '统计 Excel' } }, async (req, reply) =>
    sendXlsx(
      reply,
      `产学研对接统计-${new Date().toISOString().slice(0, 10)}`,
      await statsWorkbook(await innovationStats(deps, principalOf(req))),
    ),
  );
  r.get(
    '/api/innovation/templates/:kind',
    {
      schema: {
        tags,
        summary: '导入模板 Import template (achievements | demands)',
        params: Type.Object({ kind: Lit(['achievements', 'demands'] as const) }),
      },
    },
    async (req, reply) =>
      sendXlsx(
        reply,
        req.params.kind === 'achievements' ? '技术成果导入模板' : '技术需求导入模板',
        await importTemplate(req.params.kind),
      ),
  );

  // ---------- Excel imports (multipart in this scope only) ----------
  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: LIMITS.fileBytes, files: 1, fields: 5, parts: 6 },
      throwFileSizeLimit: true,
    });
    const s = scope.withTypeProvider<TypeBoxTypeProvider>();
    s.post(
      '/api/innovation/achievements/import',
      {
        schema: {
          tags,
          summary: '导入技术成果 Import achievements from xlsx (multipart: file); all rows or none',
          consumes: ['multipart/form-data'],
        },
      },
      async (req) => importAchievements(deps, principalOf(req), await readFile(req)),
    );
    s.post(
      '/api/innovation/demands/import',
      {
        schema: {
          tags,
          summary: '导入技术需求 Import demands from xlsx (multipart: file); all rows or none',
          consumes: ['multipart/form-data'],
        },
      },
      async (req) => importDemands(deps, principalOf(req), await readFile(req)),
    );
  });
}
