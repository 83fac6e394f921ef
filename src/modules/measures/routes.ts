/** Routes for carrying out the measures (督办): the leadership view and its workbook, a measure, reports, attachments, reminders. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../server/context.ts';
import { principalOf } from '../../server/auth-plugin.ts';
import { AppError } from '../../shared/errors.ts';
import { REPORT_STATUSES } from './domain.ts';
import { overviewDocx, overviewWorkbook } from './export.ts';
import {
  ATTACHMENT_LIMITS,
  decideReport,
  getReport,
  listReports,
  measureDetail,
  measuresOverview,
  measuresViewer,
  readAttachment,
  saveReport,
  sendOverdueReminders,
  uploadAttachment,
} from './service.ts';

const Literals = <T extends readonly string[]>(xs: T) => Type.Union(xs.map((x) => Type.Literal(x)));
const Period = Type.String({ maxLength: 10 });
const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function measureRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['measures'];
  const db = ctx.database;

  r.get(
    '/api/measures/me',
    { schema: { tags, summary: '督办：我的单位与当前报告季度 My units and the quarter being reported' } },
    async (req) => measuresViewer(db, principalOf(req)),
  );

  r.get(
    '/api/measures/overview',
    {
      schema: {
        tags,
        summary: '领导视图：13项措施的推进状态与指标 The thirteen measures: status, reports and figures for a quarter',
        querystring: Type.Object({ period: Period }),
      },
    },
    async (req) => measuresOverview(db, principalOf(req), req.query.period),
  );

  r.get(
    '/api/measures/overview.xlsx',
    {
      schema: {
        tags,
        summary: '领导视图导出 Excel The leadership view as a workbook for the meeting',
        querystring: Type.Object({ period: Period }),
      },
    },
    async (req, reply) => {
      const o = await measuresOverview(db, principalOf(req), req.query.period);
      const buf = await overviewWorkbook(o);
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="measures-${o.period}.xlsx"; filename*=UTF-8''${encodeURIComponent(`措施推进情况-${o.period}.xlsx`)}`,
        )
        .send(buf);
    },
  );

  r.get(
    '/api/measures/overview.docx',
    {
      schema: {
        tags,
        summary: '领导视图导出 Word（GB/T 9704） The leadership view as a Word report for the meeting',
        querystring: Type.Object({ period: Period }),
      },
    },
    async (req, reply) => {
      const o = await measuresOverview(db, principalOf(req), req.query.period);
      const buf = await overviewDocx(o);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header(
          'content-disposition',
          `attachment; filename="measures-${o.period}.docx"; filename*=UTF-8''${encodeURIComponent(`措施推进情况报告-${o.period}.docx`)}`,
        )
        .send(buf);
    },
  );

  r.get(
    '/api/measures/reports',
    {
      schema: {
        tags,
        summary: '进展报告（按季度，每项措施每个责任单位一行） Expected reports of a quarter, one row per measure and unit',
        querystring: Type.Object({
          period: Period,
          mine: Type.Optional(Type.Boolean()),
          status: Type.Optional(Literals(REPORT_STATUSES)),
        }),
      },
    },
    async (req) => listReports(db, principalOf(req), req.query),
  );

  r.post(
    '/api/measures/reports',
    {
      schema: {
        tags,
        summary: '保存或报送进展报告 Save (or save and submit) a unit’s report for a measure and quarter',
        body: Type.Object({
          measure: Type.Integer(),
          unitId: Type.Integer({ minimum: 1 }),
          period: Period,
          summary: Type.String({ maxLength: 6000 }),
          progress: Type.Optional(Type.Union([Literals(['on_track', 'behind'] as const), Type.Null()])),
          values: Type.Optional(
            Type.Array(
              Type.Object({
                indicatorId: Type.String({ maxLength: 80 }),
                value: Type.Number(),
                note: Type.String({ maxLength: 1000 }),
              }),
              { maxItems: 20 },
            ),
          ),
          version: Type.Optional(Type.Integer({ minimum: 1 })),
          submit: Type.Optional(Type.Boolean()),
        }),
      },
    },
    async (req) => saveReport(db, principalOf(req), { ...req.body, submit: req.body.submit ?? false }),
  );

  r.get(
    '/api/measures/reports/:id',
    { schema: { tags, summary: '进展报告详情与历史 A report with its history and attachments', params: Id } },
    async (req) => getReport(db, principalOf(req), req.params.id),
  );

  r.post(
    '/api/measures/reports/:id/decision',
    {
      schema: {
        tags,
        summary: '办公厅审核：退回或通过 The general office returns (with a reason) or accepts a report',
        params: Id,
        body: Type.Object({
          action: Literals(['return', 'accept'] as const),
          reason: Type.Optional(Type.String({ maxLength: 2000 })),
          version: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
      },
    },
    async (req) => decideReport(db, principalOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/measures/reports/:id/attachments',
    {
      bodyLimit: Math.ceil((ATTACHMENT_LIMITS.maxBytes * 4) / 3) + 64 * 1024,
      schema: {
        tags,
        summary: '上传附件（JSON：文件名与Base64内容，不超过5MB） Attach a file (name and base64 content, at most 5 MB)',
        params: Id,
        body: Type.Object({ fileName: Type.String({ maxLength: 300 }), contentBase64: Type.String() }),
      },
    },
    async (req, reply) => {
      const b64 = req.body.contentBase64;
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64))
        throw new AppError('validation_failed', {
          fields: [{ field: 'contentBase64', reason: { zh: '文件内容须为Base64编码', en: 'the content must be base64' } }],
        });
      const { attachment, created } = await uploadAttachment(db, principalOf(req), req.params.id, {
        fileName: req.body.fileName,
        bytes: Buffer.from(b64, 'base64'),
      });
      return reply.code(created ? 201 : 200).send(attachment);
    },
  );

  r.get(
    '/api/measures/reports/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: '下载附件 Download an attachment',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }), attachmentId: Type.Integer({ minimum: 1 }) }),
      },
    },
    async (req, reply) => {
      const a = await readAttachment(db, principalOf(req), req.params.id, req.params.attachmentId);
      return reply
        .header('content-type', a.mediaType)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`)
        .send(a.content);
    },
  );

  r.post(
    '/api/measures/reminders',
    { schema: { tags, summary: '发送逾期提醒（每单位每季度一次） Remind units whose reports are overdue' } },
    async (req) => sendOverdueReminders(db, principalOf(req)),
  );

  r.get(
    '/api/measures/:id',
    {
      schema: {
        tags,
        summary: '单项措施：原文、任务、指标及报告历史 One measure: text, tasks, figures and its reports',
        params: Id,
        querystring: Type.Object({ period: Period }),
      },
    },
    async (req) => measureDetail(db, principalOf(req), req.params.id, req.query.period),
  );
}
