/** Registry HTTP routes: validate → authenticate (hook) → call a service → present. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../server/context.ts';
import { principalOf } from '../../server/auth-plugin.ts';
import { toXlsx } from '../../shared/xlsx.ts';
import { CARRIER_KINDS, INDUSTRIES, LEVELS, RECOGNITION_KINDS, SIZE_CLASSES, TITLE_KINDS } from './reference.ts';
import { ROLES } from '../access/principal.ts';
import {
  addResidency,
  addTitle,
  createCarrier,
  createEnterprise,
  getCarrier,
  getEnterprise,
  listCarriers,
  listEnterprises,
  putYearly,
  revokeTitle,
  updateEnterprise,
  type RegistryDeps,
} from './service.ts';

const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Enum = <T extends readonly { id: string }[]>(list: T) => Type.Union(list.map((x) => Type.Literal(x.id)));

const EnterpriseFields = {
  name: Type.String({ minLength: 2, maxLength: 100 }),
  unitCode: Type.String({ minLength: 1, maxLength: 20 }),
  industryCode: Type.String({ minLength: 1, maxLength: 10 }),
  establishedOn: DateStr,
  sizeClass: Enum(SIZE_CLASSES),
  address: Type.Optional(Type.String({ maxLength: 200 })),
  strategicEmerging: Type.Optional(Type.Boolean()),
  contactName: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
  contactPhone: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
};
const EnterpriseCreate = Type.Object({ uscc: Type.String({ minLength: 1, maxLength: 40 }), ...EnterpriseFields }, { additionalProperties: false });
const EnterprisePatch = Type.Object(
  { version: Type.Integer({ minimum: 1, description: 'the version read; a stale one is refused' }), ...Type.Partial(Type.Object(EnterpriseFields)).properties },
  { additionalProperties: false },
);

const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  unitCode: Type.Optional(Type.String({ maxLength: 20 })),
  industry: Type.Optional(Type.String({ maxLength: 10 })),
  sizeClass: Type.Optional(Type.String({ maxLength: 10 })),
  titleKind: Type.Optional(Type.String({ maxLength: 30, description: 'a title kind, or "quality" (any kind with a target in item 一(1))' })),
  level: Type.Optional(Type.String({ maxLength: 20, description: 'with titleKind: national | provincial | city' })),
  on: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY-MM-DD: titles in force on this date (default today)' })),
  sort: Type.Optional(Type.String({ maxLength: 20 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});

const Yearly = Type.Object(
  {
    revenue: Type.Integer(),
    mainBusinessRevenue: Type.Integer(),
    rdExpense: Type.Integer(),
    netProfit: Type.Integer(),
    totalAssets: Type.Integer(),
    totalLiabilities: Type.Integer(),
    employees: Type.Integer(),
    rdStaff: Type.Integer(),
  },
  { additionalProperties: false },
);

const TitleBody = Type.Object(
  {
    kind: Enum(TITLE_KINDS),
    level: Enum(LEVELS),
    batch: Type.String({ maxLength: 60 }),
    recognisedOn: DateStr,
    validUntil: Type.Optional(Type.Union([DateStr, Type.Null()])),
    recognition: Enum(RECOGNITION_KINDS),
  },
  { additionalProperties: false },
);

const CarrierBody = Type.Object(
  {
    kind: Enum(CARRIER_KINDS),
    name: Type.String({ minLength: 2, maxLength: 100 }),
    level: Enum(LEVELS),
    unitCode: Type.String({ minLength: 1, maxLength: 20 }),
    recognisedOn: DateStr,
    validUntil: Type.Optional(Type.Union([DateStr, Type.Null()])),
    operatorUscc: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
    leadingIndustry: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Null()])),
  },
  { additionalProperties: false },
);

const CarrierQuery = Type.Object({
  kind: Type.Optional(Enum(CARRIER_KINDS)),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  unitCode: Type.Optional(Type.String({ maxLength: 20 })),
  page: Type.Optional(Type.Integer({ minimum: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});

const EXPORT_LIMIT = 100_000;
const SIZE_ZH = Object.fromEntries(SIZE_CLASSES.map((s) => [s.id, s.zh]));
const TITLE_ZH = Object.fromEntries(TITLE_KINDS.map((t) => [t.id, t.zh]));
const CARRIER_ZH = Object.fromEntries(CARRIER_KINDS.map((t) => [t.id, t.zh]));
const LEVEL_ZH = Object.fromEntries(LEVELS.map((t) => [t.id, t.zh]));

function sendXlsx(reply: FastifyReply, name: string, buf: Buffer) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${name}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}.xlsx`)
    .send(buf);
}

function stamp(): string {
  return new Date().toISOString().slice(0, 10);
}

export function registryRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const deps: RegistryDeps = { database: ctx.database, cipher: ctx.cipher };
  const tags = ['registry'];

  r.get('/api/meta', { schema: { tags, summary: '参考数据 Reference data' } }, async () => ({
    titleKinds: TITLE_KINDS,
    levels: LEVELS,
    sizeClasses: SIZE_CLASSES,
    carrierKinds: CARRIER_KINDS,
    recognitionKinds: RECOGNITION_KINDS,
    roles: ROLES,
    industries: INDUSTRIES,
  }));

  r.get('/api/units', { schema: { tags, summary: '区县与功能区 Districts and zones' } }, async () =>
    ctx.database.query('select code, name_zh as "nameZh", name_en as "nameEn", kind, overlays from units order by sort, code'),
  );

  r.get('/api/enterprises', { schema: { tags, summary: '企业列表 Enterprises', querystring: ListQuery } }, async (req) => {
    const { items, total } = await listEnterprises(deps, principalOf(req), req.query);
    return { items, total, page: req.query.page ?? 1, pageSize: req.query.pageSize ?? 20 };
  });

  r.get('/api/enterprises/export.xlsx', { schema: { tags, summary: '导出企业 Export enterprises', querystring: ListQuery } }, async (req, reply) => {
    const { items } = await listEnterprises(deps, principalOf(req), req.query, { limit: EXPORT_LIMIT, offset: 0, withTotal: false });
    const buf = await toXlsx('企业 Enterprises', [
      { header: '统一社会信用代码 USCC', width: 22, value: (e) => e.uscc },
      { header: '企业名称 Name', width: 36, value: (e) => e.name },
      { header: '区县/功能区 District', width: 12, value: (e) => e.unitName },
      { header: '行业 Industry', width: 10, value: (e) => e.industryCode },
      { header: '规模 Size', width: 8, value: (e) => SIZE_ZH[e.sizeClass] ?? e.sizeClass },
      { header: '成立日期 Established', width: 12, value: (e) => e.establishedOn },
      { header: '营业收入(元) Revenue', width: 16, value: (e) => e.revenue },
      { header: '有效称号 Titles in force', width: 30, value: (e) => e.titles.map((t) => TITLE_ZH[t] ?? t).join('、') },
      { header: '联系人 Contact', width: 10, value: (e) => e.contactName },
      { header: '电话 Phone', width: 14, value: (e) => e.contactPhone },
    ], items);
    return sendXlsx(reply, `enterprises-${stamp()}`, buf);
  });

  r.get('/api/enterprises/:id', { schema: { tags, summary: '企业详情 Enterprise', params: Id } }, async (req) =>
    getEnterprise(deps, principalOf(req), req.params.id),
  );

  r.post('/api/enterprises', { schema: { tags, summary: '新增企业 Register an enterprise', body: EnterpriseCreate } }, async (req, reply) => {
    const id = await createEnterprise(deps, principalOf(req), req.body);
    return reply.status(201).send({ id });
  });

  r.patch(
    '/api/enterprises/:id',
    {
      schema: {
        tags,
        summary: '修改企业 Edit an enterprise',
        params: Id,
        body: EnterprisePatch,
      },
    },
    async (req) => updateEnterprise(deps, principalOf(req), req.params.id, req.body),
  );

  r.put(
    '/api/enterprises/:id/yearly/:year',
    {
      schema: {
        tags,
        summary: '年度经营数据 Yearly figures',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }), year: Type.Integer() }),
        body: Yearly,
      },
    },
    async (req) => {
      await putYearly(deps, principalOf(req), req.params.id, req.params.year, req.body);
      return { ok: true };
    },
  );

  r.post('/api/enterprises/:id/titles', { schema: { tags, summary: '登记称号 Record a title', params: Id, body: TitleBody } }, async (req, reply) => {
    const id = await addTitle(deps, principalOf(req), req.params.id, req.body);
    return reply.status(201).send({ id });
  });

  r.post(
    '/api/titles/:id/revoke',
    {
      schema: {
        tags,
        summary: '撤销称号 Revoke a title',
        params: Id,
        body: Type.Object({ revokedOn: DateStr, reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false }),
      },
    },
    async (req) => {
      await revokeTitle(deps, principalOf(req), req.params.id, req.body.revokedOn, req.body.reason);
      return { ok: true };
    },
  );

  r.get('/api/carriers', { schema: { tags, summary: '服务载体 Carriers', querystring: CarrierQuery } }, async (req) => {
    const { items, total } = await listCarriers(deps, principalOf(req), req.query);
    return { items, total, page: req.query.page ?? 1, pageSize: req.query.pageSize ?? 20 };
  });

  r.get('/api/carriers/export.xlsx', { schema: { tags, summary: '导出载体 Export carriers', querystring: CarrierQuery } }, async (req, reply) => {
    const { items } = await listCarriers(deps, principalOf(req), req.query, { limit: EXPORT_LIMIT });
    const buf = await toXlsx('载体 Carriers', [
      { header: '类型 Kind', width: 28, value: (c) => CARRIER_ZH[c.kind] ?? c.kind },
      { header: '名称 Name', width: 40, value: (c) => c.name },
      { header: '级别 Level', width: 8, value: (c) => LEVEL_ZH[c.level] ?? c.level },
      { header: '区县 District', width: 12, value: (c) => c.unitName },
      { header: '认定日期 Recognised', width: 12, value: (c) => c.recognisedOn },
      { header: '有效期至 Valid until', width: 12, value: (c) => c.validUntil ?? '' },
      { header: '在有效期 In force', width: 8, value: (c) => (c.inForce ? '是' : '否') },
      { header: '在驻企业 Residents', width: 10, value: (c) => c.residents },
    ], items);
    return sendXlsx(reply, `carriers-${stamp()}`, buf);
  });

  r.get('/api/carriers/:id', { schema: { tags, summary: '载体详情 Carrier', params: Id } }, async (req) =>
    getCarrier(deps, principalOf(req), req.params.id),
  );

  r.post('/api/carriers', { schema: { tags, summary: '新增载体 Register a carrier', body: CarrierBody } }, async (req, reply) => {
    const id = await createCarrier(deps, principalOf(req), req.body);
    return reply.status(201).send({ id });
  });

  r.post(
    '/api/residencies',
    {
      schema: {
        tags,
        summary: '登记入驻 Record residency',
        body: Type.Object(
          {
            enterpriseId: Type.Integer({ minimum: 1 }),
            carrierId: Type.Integer({ minimum: 1 }),
            fromDate: DateStr,
            toDate: Type.Optional(Type.Union([DateStr, Type.Null()])),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      const id = await addResidency(deps, principalOf(req), req.body);
      return reply.status(201).send({ id });
    },
  );
}
