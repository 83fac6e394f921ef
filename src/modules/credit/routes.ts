/** Routes of the credit module (两书同达): thin — validate, take the principal, call one service function. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../server/context.ts';
import { principalOf } from '../../server/auth-plugin.ts';
import { AppError } from '../../shared/errors.ts';
import { sheetOf, toXlsxBook } from '../../shared/xlsx.ts';
import { PENALTY_TYPES, SECTORS, SEVERITIES } from '../../../policy/credit-repair/index.ts';
import { DELIVERY_METHODS, REPAIR_STATUSES } from './domain.ts';
import {
  agencyOf,
  applyForRepair,
  decideRepair,
  enterpriseCreditRecords,
  getDecision,
  listDecisions,
  noticeDocx,
  previewDecision,
  recordDelivery,
  registerDecision,
} from './service.ts';
import { creditStatistics } from './statistics.ts';

const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Literals = <T extends readonly string[]>(xs: T) => Type.Union(xs.map((x) => Type.Literal(x)));
const Decision = Type.Object(
  {
    partyName: Type.String({ maxLength: 200 }),
    uscc: Type.String({ maxLength: 40 }),
    decisionNo: Type.String({ maxLength: 100 }),
    decisionDate: Type.String({ maxLength: 10 }),
    procedure: Literals(['simple', 'ordinary'] as const),
    sector: Type.Optional(Literals(SECTORS)),
    penalties: Type.Array(
      Type.Object(
        {
          type: Literals(PENALTY_TYPES),
          // No null: Fastify's coercion would turn it into 0.
          amountYuan: Type.Optional(Type.Integer()),
          months: Type.Optional(Type.Integer()),
        },
        { additionalProperties: false },
      ),
      { maxItems: 12 },
    ),
    legalBasis: Type.String({ maxLength: 2000 }),
    violation: Type.Optional(Type.String({ maxLength: 5000 })),
    agencySeverity: Type.Optional(Type.Union([Literals(SEVERITIES), Type.Null()])),
    publishMinor: Type.Optional(Type.Boolean()),
    lowAmountFine: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const sendFile = (reply: FastifyReply, buf: Buffer, type: string, name: string) =>
  reply.header('content-type', type).header('content-disposition', `attachment; filename="${name}"`).send(buf);

export function creditRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['credit'];
  const db = ctx.database;

  r.get(
    '/api/credit/agency',
    { schema: { tags, summary: '我的处罚机关 The agency the signed-in agency user acts for' } },
    async (req) => {
      const agency = await agencyOf(db.db, principalOf(req));
      if (!agency) throw new AppError('not_found');
      return agency;
    },
  );

  r.post(
    '/api/credit/decisions/preview',
    { schema: { tags, summary: '试算 Classification and periods of a decision, not stored', body: Decision } },
    async (req) => previewDecision(db, principalOf(req), req.body),
  );

  r.post(
    '/api/credit/decisions',
    {
      schema: {
        tags,
        summary: '登记处罚决定 Register a penalty decision (classified and dated at registration)',
        body: Decision,
      },
    },
    async (req, reply) => {
      const out = await registerDecision(db, principalOf(req), req.body);
      return reply.code(201).send(out);
    },
  );

  r.get(
    '/api/credit/decisions',
    {
      schema: {
        tags,
        summary: '处罚决定列表 Penalty decisions (an agency its own, an enterprise its own, a district its unit, the city all)',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          enterpriseId: Type.Optional(Type.Integer({ minimum: 1 })),
          status: Type.Optional(Literals(REPAIR_STATUSES)),
          undelivered: Type.Optional(Type.Boolean()),
          page: Type.Optional(Type.Integer({ minimum: 1 })),
          pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        }),
      },
    },
    async (req) => ({
      ...(await listDecisions(db, principalOf(req), req.query)),
      page: req.query.page ?? 1,
      pageSize: req.query.pageSize ?? 20,
    }),
  );

  r.get(
    '/api/credit/decisions/:id',
    { schema: { tags, summary: '处罚决定详情 Decision with its assessment, delivery and repair applications', params: Id } },
    async (req) => getDecision(db, principalOf(req), req.params.id),
  );

  r.get(
    '/api/credit/decisions/:id/notice.docx',
    { schema: { tags, summary: '信用修复告知书（GB/T 9704 版式） The credit-repair notice as .docx', params: Id } },
    async (req, reply) => {
      const { buffer, name } = await noticeDocx(db, principalOf(req), req.params.id);
      return sendFile(reply, buffer, DOCX, name);
    },
  );

  r.post(
    '/api/credit/decisions/:id/delivery',
    {
      schema: {
        tags,
        summary: '登记送达 Record the delivery of the decision (and the notice with it)',
        params: Id,
        body: Type.Object(
          {
            deliveredAt: Type.String({ maxLength: 40 }),
            method: Literals(DELIVERY_METHODS),
            documents: Literals(['both', 'decision_only'] as const),
            recipient: Type.String({ maxLength: 100 }),
            receiptRef: Type.String({ maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => recordDelivery(db, principalOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/credit/decisions/:id/repair-applications',
    {
      schema: {
        tags,
        summary: '申请信用修复 Apply for repair (the enterprise, after the earliest date)',
        params: Id,
        body: Type.Object(
          {
            materials: Type.Array(
              Type.Object(
                { material: Type.String({ maxLength: 80 }), ref: Type.String({ maxLength: 500 }) },
                { additionalProperties: false },
              ),
              { maxItems: 20 },
            ),
            statement: Type.String({ maxLength: 5000 }),
            commitment: Type.Boolean(),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => reply.code(201).send(await applyForRepair(db, principalOf(req), req.params.id, req.body)),
  );

  r.post(
    '/api/credit/repair-applications/:id/decision',
    {
      schema: {
        tags,
        summary: '修复决定 Approve or reject a repair application (the issuing agency)',
        params: Id,
        body: Type.Object(
          { outcome: Literals(['approved', 'rejected'] as const), reason: Type.Optional(Type.String({ maxLength: 2000 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => decideRepair(db, principalOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/enterprises/:id/credit-records',
    { schema: { tags, summary: '企业信用记录 Penalty records of an enterprise and their repair status', params: Id } },
    async (req) => ({
      items: await enterpriseCreditRecords(db, principalOf(req), req.params.id),
    }),
  );

  const Year = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });
  r.get(
    '/api/credit/statistics',
    {
      schema: {
        tags,
        summary: '两书同达统计 Share delivered with the notice by agency and month; overdue repairs',
        querystring: Year,
      },
    },
    async (req) => creditStatistics(db, principalOf(req), req.query),
  );

  r.get(
    '/api/credit/statistics.xlsx',
    { schema: { tags, summary: '导出统计 The statistics as .xlsx', querystring: Year } },
    async (req, reply) => {
      const s = await creditStatistics(db, principalOf(req), req.query);
      const pct = (v: number | null) => (v === null ? '' : `${(v * 100).toFixed(1)}%`);
      type Row = (typeof s.byAgencyMonth)[number];
      type Late = (typeof s.overdue)[number];
      const buf = await toXlsxBook([
        sheetOf<Row>(
          `两书同达${s.year}`,
          [
            { header: '处罚机关 Agency', width: 28, value: (m) => m.agencyName },
            { header: '月份 Month', width: 10, value: (m) => m.month },
            { header: '处罚决定 Decisions', value: (m) => m.decisions },
            { header: '应告知 Notice required', value: (m) => m.noticeRequired },
            { header: '两书同达 Delivered with notice', value: (m) => m.deliveredWithNotice },
            { header: '仅送达决定书 Decision only', value: (m) => m.deliveredDecisionOnly },
            { header: '未登记送达 Not recorded', value: (m) => m.undelivered },
            { header: '同达率 Share', value: (m) => pct(m.share) },
          ],
          s.byAgencyMonth,
        ),
        sheetOf<Late>(
          '超期修复申请 Overdue',
          [
            { header: '处罚机关 Agency', width: 28, value: (a) => a.agencyName },
            { header: '当事人 Party', width: 30, value: (a) => a.partyName },
            { header: '处罚决定书文号 Decision', width: 24, value: (a) => a.decisionNo },
            { header: '收到日期 Received', width: 12, value: (a) => a.receivedOn },
            { header: '办结期限 Due', width: 12, value: (a) => a.dueOn },
            { header: '决定日期 Decided', width: 12, value: (a) => a.decidedOn },
          ],
          s.overdue,
        ),
      ]);
      return sendFile(reply, buf, XLSX, `credit-repair-statistics-${s.year}.xlsx`);
    },
  );
}
