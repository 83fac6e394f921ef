/** Routes for events: editions, events, enrolments, check-in (QR and manual), certificates, feedback, statistics. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../server/context.ts';
import { principalOf } from '../../server/auth-plugin.ts';
import { AppError } from '../../shared/errors.ts';
import { loadDataKey } from '../../shared/crypto.ts';
import { todayShanghai } from '../../shared/dates.ts';
import { EVENT_KINDS, EVENT_STATUSES, TARGET_EFFECTS, shanghaiDay } from './domain.ts';
import { checkinKey, checkinUrl, qrPng, qrSvg } from './checkin.ts';
import { certificatePdf, findCjkFonts } from './certificate.ts';
import {
  cancelEnrolment,
  checkinByToken,
  createEvent,
  enrol,
  enrolmentToken,
  eventFeedback,
  getEvent,
  getEnrolment,
  issueCertificate,
  listEditions,
  listEnrolments,
  listEvents,
  manualCheckin,
  myEnrolments,
  previewCheckin,
  setEventStatus,
  submitFeedback,
  updateEvent,
  verifyCertificate,
  type EventDeps,
} from './service.ts';
import { enrolmentsWorkbook, eventStats, programmeTotals, statsWorkbook } from './statistics.ts';
import { NullableInteger } from '../../shared/schema.ts';

const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Literals = <T extends readonly string[]>(xs: T) => Type.Union(xs.map((x) => Type.Literal(x)));
const Time = Type.String({ minLength: 10, maxLength: 40 });
const Rule = Type.Object({
  kind: Literals(['title', 'unit', 'size'] as const),
  titles: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
  unitCodes: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 20 })),
  sizeClasses: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 10 })),
  effect: Literals(TARGET_EFFECTS),
  weight: Type.Optional(Type.Integer()),
});
const EventBody = {
  kind: Literals(EVENT_KINDS),
  title: Type.String({ maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 5000 })),
  programmeYear: Type.Optional(NullableInteger({ minimum: 2020, maximum: 2100 })),
  startsAt: Time,
  endsAt: Time,
  enrolmentClosesAt: Type.Optional(Time),
  place: Type.String({ maxLength: 300 }),
  capacity: Type.Integer({ minimum: 1, maximum: 100000 }),
  hostName: Type.String({ maxLength: 200 }),
  hostEnterpriseId: Type.Optional(NullableInteger({ minimum: 1 })),
  targetRules: Type.Optional(Type.Array(Rule, { maxItems: 10 })),
};
const Participant = Type.Object({
  name: Type.String({ maxLength: 60 }),
  phone: Type.String({ maxLength: 20 }),
  position: Type.String({ maxLength: 60 }),
});
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const zhDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

export function eventRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['events'];
  const deps: EventDeps = {
    database: ctx.database,
    cipher: ctx.cipher,
    checkinKey: checkinKey(loadDataKey(ctx.config.dataKeyHex, ctx.config.dataDir)),
  };
  const db = ctx.database;

  r.get('/api/events/editions', { schema: { tags, summary: '人才工程年度 Programme editions' } }, async () => listEditions(db));

  r.get(
    '/api/events',
    {
      schema: {
        tags,
        summary: '活动列表 Events (drafts only to their organisers)',
        querystring: Type.Object({
          kind: Type.Optional(Literals(EVENT_KINDS)),
          year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
          status: Type.Optional(Literals(EVENT_STATUSES)),
          programme: Type.Optional(Type.Boolean()),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          page: Type.Optional(Type.Integer({ minimum: 1 })),
          pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        }),
      },
    },
    async (req) => listEvents(db, principalOf(req), req.query),
  );

  r.post(
    '/api/events',
    { schema: { tags, summary: '新建活动（草稿） Create an event (draft)', body: Type.Object(EventBody) } },
    async (req, reply) =>
      reply.code(201).send(await createEvent(db, principalOf(req), req.body as Parameters<typeof createEvent>[2])),
  );

  r.get(
    '/api/events/:id',
    { schema: { tags, summary: '活动 One event, with my enrolment and how the target rules see me', params: Id } },
    async (req) => getEvent(db, principalOf(req), req.params.id),
  );

  r.put(
    '/api/events/:id',
    {
      schema: {
        tags,
        summary: '修改活动 Edit an event at a version',
        params: Id,
        body: Type.Object({ ...EventBody, version: Type.Integer({ minimum: 1 }) }),
      },
    },
    async (req) => updateEvent(db, principalOf(req), req.params.id, req.body as Parameters<typeof updateEvent>[3]),
  );

  r.post(
    '/api/events/:id/status',
    {
      schema: {
        tags,
        summary: '发布、结束或取消活动 Publish, close or cancel',
        params: Id,
        body: Type.Object({
          status: Literals(['published', 'closed', 'cancelled'] as const),
          version: Type.Integer({ minimum: 1 }),
        }),
      },
    },
    async (req) => setEventStatus(db, principalOf(req), req.params.id, req.body.status, req.body.version),
  );

  r.get(
    '/api/events/:id/enrolments',
    { schema: { tags, summary: '报名名单（参加人信息脱敏） Enrolments, participants masked', params: Id } },
    async (req) => listEnrolments(deps, principalOf(req), req.params.id),
  );

  r.get(
    '/api/events/:id/enrolments.xlsx',
    { schema: { tags, summary: '导出报名名单（脱敏） Enrolments as .xlsx, participants masked', params: Id } },
    async (req, reply) => {
      const p = principalOf(req);
      const { event } = await getEvent(db, p, req.params.id);
      if (!event.organiser) throw new AppError('not_found');
      const rows = await listEnrolments(deps, p, req.params.id);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="event-${event.id}-enrolments.xlsx"`)
        .send(await enrolmentsWorkbook(event.title, rows));
    },
  );

  r.post(
    '/api/events/:id/enrolments',
    {
      schema: {
        tags,
        summary: '报名 Enrol a participant (seat or waiting list)',
        params: Id,
        body: Type.Object({ participant: Participant }),
      },
    },
    async (req, reply) => reply.code(201).send(await enrol(deps, principalOf(req), req.params.id, req.body.participant)),
  );

  r.get(
    '/api/events/:id/feedback',
    { schema: { tags, summary: '活动评价汇总 Feedback summary (organisers)', params: Id } },
    async (req) => eventFeedback(db, principalOf(req), req.params.id),
  );

  r.get('/api/events/my/enrolments', { schema: { tags, summary: '本企业的报名 My enterprise’s enrolments' } }, async (req) =>
    myEnrolments(deps, principalOf(req)),
  );

  r.get(
    '/api/events/enrolments/:id',
    { schema: { tags, summary: '报名详情（完整） One enrolment in full', params: Id } },
    async (req) => getEnrolment(deps, principalOf(req), req.params.id),
  );

  r.post(
    '/api/events/enrolments/:id/cancel',
    { schema: { tags, summary: '取消报名（候补自动递补） Cancel; the waiting list moves up', params: Id } },
    async (req) => cancelEnrolment(deps, principalOf(req), req.params.id),
  );

  r.get(
    '/api/events/enrolments/:id/qr',
    {
      schema: {
        tags,
        summary: '签到二维码 The check-in QR code (png or svg)',
        params: Id,
        querystring: Type.Object({ format: Type.Optional(Literals(['png', 'svg'] as const)) }),
      },
    },
    async (req, reply) => {
      const token = await enrolmentToken(deps, principalOf(req), req.params.id);
      const url = checkinUrl(`${req.protocol}://${req.host}`, token);
      reply.header('cache-control', 'no-store');
      if (req.query.format === 'svg') return reply.type('image/svg+xml').send(await qrSvg(url));
      return reply.type('image/png').send(await qrPng(url));
    },
  );

  r.get(
    '/api/events/enrolments/:id/checkin-link',
    { schema: { tags, summary: '签到链接 The check-in URL in the QR code', params: Id } },
    async (req) => {
      const token = await enrolmentToken(deps, principalOf(req), req.params.id);
      return { token, url: checkinUrl(`${req.protocol}://${req.host}`, token) };
    },
  );

  r.post(
    '/api/events/enrolments/:id/check-in',
    { schema: { tags, summary: '手工签到 Manual check-in (organisers)', params: Id } },
    async (req) => manualCheckin(deps, principalOf(req), req.params.id),
  );

  const Token = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) });
  r.get(
    '/api/events/check-in',
    { schema: { tags, summary: '扫码预览 What the scanned code is (organisers)', querystring: Token } },
    async (req) => previewCheckin(deps, principalOf(req), req.query.token),
  );
  r.post(
    '/api/events/check-in',
    { schema: { tags, summary: '扫码签到（一次性） QR check-in, once', body: Token } },
    async (req) => checkinByToken(deps, principalOf(req), req.body.token),
  );

  r.get(
    '/api/events/enrolments/:id/certificate.pdf',
    { schema: { tags, summary: '结业证书 PDF Certificate of attendance', params: Id } },
    async (req, reply) => {
      const c = await issueCertificate(deps, principalOf(req), req.params.id);
      const fonts = findCjkFonts();
      const pdf = await certificatePdf(
        {
          number: c.number,
          participantName: c.participantName,
          enterpriseName: c.enterpriseName,
          eventTitle: c.event.title,
          eventKindZh: c.event.kindLabel.zh,
          programmeTitle: c.event.programmeTitle,
          dateZh: zhDate(shanghaiDay(new Date(c.event.startsAt))),
          place: c.event.place,
          hostName: c.event.hostName,
          issuer: c.issuer,
          issuedOnZh: zhDate(todayShanghai()),
        },
        fonts,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="certificate-${c.number}.pdf"`)
        .send(pdf);
    },
  );

  r.get(
    '/api/events/certificates/:number',
    {
      schema: {
        tags,
        summary: '按编号核验证书 Verify a certificate by its number',
        params: Type.Object({ number: Type.String({ pattern: '^JNZX-\\d{4}-[A-Z]{2}-\\d{6,}$' }) }),
      },
    },
    async (req) => verifyCertificate(deps, req.params.number),
  );

  r.post(
    '/api/events/enrolments/:id/feedback',
    {
      schema: {
        tags,
        summary: '评价与成果 Feedback and outcomes',
        params: Id,
        body: Type.Object({
          rating: Type.Integer(),
          comment: Type.Optional(Type.String({ maxLength: 4000 })),
          intentions: Type.Optional(Type.Integer()),
          contracts: Type.Optional(Type.Integer()),
          contractAmount: Type.Optional(Type.Integer()),
        }),
      },
    },
    async (req) => submitFeedback(deps, principalOf(req), req.params.id, req.body),
  );

  const StatsQuery = Type.Object({
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    kind: Type.Optional(Literals(EVENT_KINDS)),
  });
  r.get(
    '/api/events/stats',
    { schema: { tags, summary: '统计：按区县、称号、行业 Statistics', querystring: StatsQuery } },
    async (req) => eventStats(db, principalOf(req), req.query, todayShanghai()),
  );
  r.get(
    '/api/events/stats.xlsx',
    { schema: { tags, summary: '导出统计 Statistics as .xlsx', querystring: StatsQuery } },
    async (req, reply) => {
      const s = await eventStats(db, principalOf(req), req.query, todayShanghai());
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="events-stats${req.query.year ? '-' + req.query.year : ''}.xlsx"`)
        .send(await statsWorkbook(s));
    },
  );

  r.get(
    '/api/events/programmes/:year/totals',
    {
      schema: {
        tags,
        summary: '人才工程年度汇总（措施十一） Programme totals of an edition',
        params: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
      },
    },
    async (req) => {
      const p = principalOf(req);
      if (p.role !== 'city_officer' && p.role !== 'district_officer' && p.role !== 'finance_officer') {
        throw new AppError('not_found');
      }
      return programmeTotals(db, req.params.year);
    },
  );
}
