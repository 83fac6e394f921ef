/** Routes for cases, 公示 notices and objections, disbursement batches, exports, queues, reports, notifications. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../server/context.ts';
import { principalOf } from '../../server/auth-plugin.ts';
import { AppError } from '../../shared/errors.ts';
import { todayShanghai } from '../../shared/dates.ts';
import { sheetOf, toXlsx, toXlsxBook } from '../../shared/xlsx.ts';
import { canManageNotices } from '../access/principal.ts';
import { ACTIONS, CASE_STATES, STATE_LABELS, itemNameZh, type CaseState } from './domain.ts';
import {
  actorOf,
  caseReports,
  getCase,
  listCases,
  listNotifications,
  markNotificationRead,
  syncCases,
  transitionCase,
  workQueues,
} from './service.ts';
import {
  closeDueNotices,
  fileObjection,
  getNotice,
  listNotices,
  noticePeriod,
  publishNotice,
  resolveObjection,
} from './notices.ts';
import { approveBatch, createBatch, getBatch, listBatches, payBatch, paymentNoticeLine, removeFromBatch } from './batches.ts';
import { paymentNoticesDocx } from './documents.ts';

const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Literals = <T extends readonly string[]>(xs: T) => Type.Union(xs.map((x) => Type.Literal(x)));
const Account = Type.Object(
  {
    accountName: Type.String({ maxLength: 100 }),
    bankName: Type.String({ maxLength: 100 }),
    accountNo: Type.String({ maxLength: 64 }),
  },
  { additionalProperties: false },
);
const Application = Type.Object(
  {
    statement: Type.String({ maxLength: 5000 }),
    documents: Type.Array(
      Type.Object(
        { name: Type.String({ maxLength: 200 }), ref: Type.String({ maxLength: 500 }) },
        { additionalProperties: false },
      ),
      { maxItems: 50 },
    ),
  },
  { additionalProperties: false },
);
const CaseIds = Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 5000 });

function sendFile(reply: FastifyReply, buf: Buffer, type: string, name: string) {
  return reply.header('content-type', type).header('content-disposition', `attachment; filename="${name}"`).send(buf);
}
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function caseRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['cases'];
  const db = ctx.database;
  // Notices whose period ended are closed on the requests that show or act on what they hold.
  const closeDue = () => closeDueNotices(db, todayShanghai());

  r.post(
    '/api/cases/sync',
    {
      schema: {
        tags,
        summary: '由应兑现资金生成案件 Open cases from owed entitlements; cancel withdrawn ones',
        body: Type.Object(
          { fiscalYear: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const p = principalOf(req);
      if (!canManageNotices(p)) throw new AppError('forbidden');
      return syncCases(db, actorOf(p), req.body.fiscalYear === undefined ? {} : { fiscalYear: req.body.fiscalYear });
    },
  );

  r.get(
    '/api/cases',
    {
      schema: {
        tags,
        summary: '案件列表 Cases (scoped)',
        querystring: Type.Object({
          state: Type.Optional(Literals(CASE_STATES)),
          clause: Type.Optional(Literals(['2', '4', '5'] as const)),
          unitCode: Type.Optional(Type.String({ maxLength: 20 })),
          fiscalYear: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
          track: Type.Optional(Literals(['no_application', 'application'] as const)),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          queue: Type.Optional(Literals(['mine', 'all'] as const)),
          page: Type.Optional(Type.Integer({ minimum: 1 })),
          pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        }),
      },
    },
    async (req) => {
      await closeDue();
      const out = await listCases(db, principalOf(req), req.query);
      return { ...out, page: req.query.page ?? 1, pageSize: req.query.pageSize ?? 20 };
    },
  );

  r.get('/api/cases/queues', { schema: { tags, summary: '我的待办 Work queues with counts and ages' } }, async (req) => {
    await closeDue();
    return workQueues(db, principalOf(req));
  });

  r.get(
    '/api/cases/reports',
    {
      schema: {
        tags,
        summary: '统计 Cases by status, district, clause, month; time per step',
        querystring: Type.Object({ fiscalYear: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }),
      },
    },
    async (req) => {
      await closeDue();
      return caseReports(db, principalOf(req), req.query);
    },
  );

  r.get(
    '/api/cases/reports/export.xlsx',
    {
      schema: {
        tags,
        summary: '统计导出 The reports as .xlsx (one sheet each)',
        querystring: Type.Object({ fiscalYear: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }),
      },
    },
    async (req, reply) => {
      await closeDue();
      const r = await caseReports(db, principalOf(req), req.query);
      const num = (v: unknown) => Number(v ?? 0);
      const buf = await toXlsxBook([
        sheetOf(
          '按状态 By status',
          [
            { header: '状态 State', width: 22, value: (x: (typeof r.byStatus)[number]) => `${x.label.zh} ${x.label.en}` },
            { header: '件数 Cases', width: 10, value: (x) => x.count },
            { header: '金额(元) Amount', width: 16, value: (x) => num(x.amount) },
          ],
          r.byStatus,
        ),
        sheetOf(
          '按区县 By district',
          [
            { header: '区县 Unit', width: 16, value: (x: Record<string, unknown>) => String(x.unitName) },
            { header: '代码 Code', width: 10, value: (x) => String(x.unitCode) },
            { header: '件数 Cases', width: 10, value: (x) => num(x.count) },
            { header: '金额(元) Amount', width: 16, value: (x) => num(x.amount) },
            { header: '已拨付(元) Paid', width: 16, value: (x) => num(x.paidAmount) },
          ],
          r.byDistrict,
        ),
        sheetOf(
          '按条款 By clause',
          [
            { header: '条款 Clause', width: 10, value: (x: Record<string, unknown>) => `第${String(x.clause)}条` },
            { header: '项目 Item', width: 30, value: (x) => String(x.item) },
            { header: '件数 Cases', width: 10, value: (x) => num(x.count) },
            { header: '金额(元) Amount', width: 16, value: (x) => num(x.amount) },
            { header: '已拨付(元) Paid', width: 16, value: (x) => num(x.paidAmount) },
          ],
          r.byClause,
        ),
        sheetOf(
          '按月份 By month',
          [
            { header: '月份 Month', width: 10, value: (x: (typeof r.byMonth)[number]) => x.month },
            { header: '立案 Opened', width: 10, value: (x) => x.opened },
            { header: '立案金额 Opened amount', width: 18, value: (x) => x.openedAmount },
            { header: '拨付 Paid', width: 10, value: (x) => x.paid },
            { header: '拨付金额 Paid amount', width: 18, value: (x) => x.paidAmount },
          ],
          r.byMonth,
        ),
        sheetOf(
          '环节用时 Time per step',
          [
            { header: '环节 Step', width: 22, value: (x: (typeof r.stepDurations)[number]) => `${x.label.zh} ${x.label.en}` },
            { header: '件数 Cases', width: 10, value: (x) => x.count },
            { header: '平均天数 Avg days', width: 14, value: (x) => x.avgDays },
            { header: '最长天数 Max days', width: 14, value: (x) => x.maxDays },
          ],
          r.stepDurations,
        ),
      ]);
      return sendFile(reply, buf, XLSX, `case-reports${req.query.fiscalYear ? '-' + String(req.query.fiscalYear) : ''}.xlsx`);
    },
  );

  r.get(
    '/api/cases/:id',
    {
      schema: {
        tags,
        summary: '案件详情 Case with events, notices, objections, payment and the entitlement explanation',
        params: Id,
      },
    },
    async (req) => {
      await closeDue();
      return getCase(db, principalOf(req), req.params.id);
    },
  );

  r.post(
    '/api/cases/:id/transitions',
    {
      schema: {
        tags,
        summary: '办理 Take an action on a case (optimistic version check)',
        params: Id,
        body: Type.Object(
          {
            action: Literals(ACTIONS),
            version: Type.Integer({ minimum: 1 }),
            reason: Type.Optional(Type.String({ maxLength: 2000 })),
            account: Type.Optional(Account),
            application: Type.Optional(Application),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => transitionCase(db, principalOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/cases/:id/payment-notice.docx',
    { schema: { tags, summary: '资金拨付通知（GB/T 9704 版式） Payment notice as .docx', params: Id } },
    async (req, reply) => {
      const { line, paidAt } = await paymentNoticeLine(db, principalOf(req), req.params.id);
      const notices = [toNoticeInput(line, paidAt)];
      return sendFile(reply, await paymentNoticesDocx(notices), DOCX, `payment-notice-${req.params.id}.docx`);
    },
  );

  // ---------- notices (公示) ----------

  r.get(
    '/api/notices',
    {
      schema: {
        tags,
        summary: '公示列表 Public notices',
        querystring: Type.Object({ status: Type.Optional(Literals(['open', 'closed'] as const)) }),
      },
    },
    async (req) => {
      await closeDue();
      return listNotices(db, principalOf(req), req.query);
    },
  );

  r.get(
    '/api/notices/period',
    {
      schema: {
        tags,
        summary: '公示期预览 The period of a notice published on a date (working days, last day)',
        querystring: Type.Object({ publishedOn: Type.Optional(Type.String({ maxLength: 10 })) }),
      },
    },
    async (req) => {
      if (!canManageNotices(principalOf(req))) throw new AppError('forbidden');
      return noticePeriod(req.query.publishedOn ?? todayShanghai());
    },
  );

  r.get(
    '/api/notices/:id',
    { schema: { tags, summary: '公示详情 A notice with its items and objections', params: Id } },
    async (req) => {
      await closeDue();
      return getNotice(db, principalOf(req), req.params.id);
    },
  );

  r.post(
    '/api/notices',
    {
      schema: {
        tags,
        summary: '发布公示 Publish cases in city review (N working days)',
        body: Type.Object(
          {
            title: Type.String({ maxLength: 200 }),
            caseIds: CaseIds,
            publishedOn: Type.Optional(Type.String({ format: 'date' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => reply.code(201).send(await publishNotice(db, principalOf(req), req.body)),
  );

  r.post(
    '/api/notices/:id/objections',
    {
      schema: {
        tags,
        summary: '提出异议 Object to a case during the notice',
        params: Id,
        body: Type.Object(
          { caseId: Type.Integer({ minimum: 1 }), text: Type.String({ maxLength: 5000 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => reply.code(201).send(await fileObjection(db, principalOf(req), req.params.id, req.body)),
  );

  r.post(
    '/api/objections/:id/resolve',
    {
      schema: {
        tags,
        summary: '异议处理意见 Record the resolution of an objection',
        params: Id,
        body: Type.Object({ resolution: Type.String({ maxLength: 5000 }) }, { additionalProperties: false }),
      },
    },
    async (req) => resolveObjection(db, principalOf(req), req.params.id, req.body.resolution),
  );

  r.post(
    '/api/notices/close-due',
    { schema: { tags, summary: '关闭到期公示 Close notices whose period ended (idempotent)' } },
    async (req) => {
      const p = principalOf(req);
      if (!canManageNotices(p)) throw new AppError('forbidden');
      return closeDueNotices(db, todayShanghai(), actorOf(p));
    },
  );

  // ---------- batches ----------

  r.get(
    '/api/batches',
    {
      schema: {
        tags,
        summary: '拨付批次 Disbursement batches',
        querystring: Type.Object({ state: Type.Optional(Literals(['draft', 'approved', 'paid'] as const)) }),
      },
    },
    async (req) => listBatches(db, principalOf(req), req.query),
  );

  r.get('/api/batches/:id', { schema: { tags, summary: '批次详情 A batch with its items', params: Id } }, async (req) =>
    getBatch(db, principalOf(req), req.params.id),
  );

  r.post(
    '/api/batches',
    {
      schema: {
        tags,
        summary: '建立拨付批次 Build a batch from cases in finance review',
        body: Type.Object({ title: Type.String({ maxLength: 200 }), caseIds: CaseIds }, { additionalProperties: false }),
      },
    },
    async (req, reply) => {
      await closeDue();
      return reply.code(201).send(await createBatch(db, principalOf(req), req.body));
    },
  );

  const Version = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
  r.post(
    '/api/batches/:id/remove',
    {
      schema: {
        tags,
        summary: '移出案件 Take a case out of a draft batch',
        params: Id,
        body: Type.Object(
          { caseId: Type.Integer({ minimum: 1 }), version: Type.Integer({ minimum: 1 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => removeFromBatch(db, principalOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/batches/:id/approve',
    { schema: { tags, summary: '审批批次 Approve a draft batch', params: Id, body: Version } },
    async (req) => approveBatch(db, principalOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/batches/:id/pay',
    { schema: { tags, summary: '登记拨付 Record an approved batch as paid (one transaction)', params: Id, body: Version } },
    async (req) => payBatch(db, principalOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/batches/:id/export.xlsx',
    { schema: { tags, summary: '导出批次 The batch as .xlsx', params: Id } },
    async (req, reply) => {
      const { batch, items } = await getBatch(db, principalOf(req), req.params.id);
      const buf = await toXlsx(
        `批次${batch.id}`,
        [
          { header: '案件 Case', width: 8, value: (i) => i.caseId || null },
          { header: '区县 Unit', width: 12, value: (i) => i.unitName },
          { header: '对象 Beneficiary', width: 44, value: (i) => i.beneficiaryName },
          { header: '统一社会信用代码 USCC', width: 22, value: (i) => i.uscc },
          { header: '条款 Clause', width: 10, value: (i) => (i.clause ? `第${i.clause}条` : null) },
          { header: '项目 Item', width: 28, value: (i) => (i.item ? itemNameZh(i.item) : null) },
          { header: '年度 Year', width: 8, value: (i) => i.fiscalYear },
          { header: '金额(元) Amount', width: 14, numFmt: '#,##0', value: (i) => i.amount },
          { header: '开户银行 Bank', width: 20, value: (i) => i.account?.bankName },
          { header: '账户名称 Account name', width: 30, value: (i) => i.account?.accountName },
          { header: '账号 Account no.', width: 24, value: (i) => i.account?.accountNo },
          { header: '公示期 Notice period', width: 24, value: (i) => i.noticePeriod },
          { header: '状态 State', width: 12, value: (i) => (i.state ? STATE_LABELS[i.state as CaseState].zh : null) },
          { header: '拨付时间 Paid at', width: 18, value: (i) => (i.paidAt ? shanghaiDateTime(i.paidAt) : null) },
        ],
        [
          ...items,
          {
            caseId: 0,
            unitName: '合计 Total',
            beneficiaryName: `${items.length} 项`,
            amount: batch.totalAmount,
          } as (typeof items)[number],
        ],
        { title: `${batch.title}（批次 ${batch.id}）`, boldLastRow: true },
      );
      return sendFile(reply, buf, XLSX, `batch-${batch.id}.xlsx`);
    },
  );

  r.get(
    '/api/batches/:id/payment-notices.docx',
    { schema: { tags, summary: '批次全部拨付通知 Payment notices of a batch as one .docx', params: Id } },
    async (req, reply) => {
      const { batch, items } = await getBatch(db, principalOf(req), req.params.id);
      return sendFile(
        reply,
        await paymentNoticesDocx(items.map((i) => toNoticeInput(i, batch.paidAt))),
        DOCX,
        `batch-${batch.id}-notices.docx`,
      );
    },
  );

  // ---------- notifications ----------

  r.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: '我的消息 Notifications for me and my team',
        querystring: Type.Object({ unread: Type.Optional(Type.Boolean()) }),
      },
    },
    async (req) => listNotifications(db, principalOf(req), { unreadOnly: req.query.unread }),
  );
  r.post('/api/notifications/:id/read', { schema: { tags, summary: '标记已读 Mark read', params: Id } }, async (req) => {
    await markNotificationRead(db, principalOf(req), req.params.id);
    return { ok: true };
  });
}

function toNoticeInput(
  i: {
    caseId: number;
    beneficiaryName: string;
    unitName: string;
    fiscalYear: number;
    clause: string;
    item: string;
    amount: number;
    account: { accountName: string; bankName: string; accountNo: string } | null;
    noticePeriod: string | null;
  },
  paidAt: string | Date | null,
) {
  const issuedOn = paidAt ? todayShanghai(new Date(paidAt)) : todayShanghai();
  return {
    caseId: i.caseId,
    beneficiaryName: i.beneficiaryName,
    unitName: i.unitName,
    fiscalYear: i.fiscalYear,
    clause: i.clause,
    item: itemNameZh(i.item),
    amount: i.amount,
    account: i.account,
    noticePeriod: i.noticePeriod,
    issuedOn,
  };
}

/** 2026-11-28 10:03 in Asia/Shanghai, as an officer reads a time on paper. */
function shanghaiDateTime(at: string | Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(at));
}
