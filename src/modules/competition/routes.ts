/** Routes for the 创客济南 competition: editions, registration, judges, blind scoring, ranking, results, follow-up. */
import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../server/context.ts';
import { principalOf } from '../../server/auth-plugin.ts';
import { AppError } from '../../shared/errors.ts';
import { todayShanghai } from '../../shared/dates.ts';
import { GROUPS, INVESTMENT_STATUSES, STAGE_KINDS } from './domain.ts';
import { NullableInteger } from '../../shared/schema.ts';
import { followUpWorkbook, recommendationWorkbook } from './export.ts';
import {
  ATTACHMENT_LIMITS,
  assignJudge,
  autoAssign,
  competitionSettings,
  createEdition,
  declareTie,
  followUp,
  getEntry,
  listEditions,
  listEntries,
  listJudges,
  myAssignments,
  publicResults,
  publishStage,
  rankStage,
  readAttachment,
  recommendationList,
  recordInterest,
  createInvestment,
  updateInvestment,
  followUpSummary,
  updateEdition,
  addStage,
  updateStage,
  listTies,
  deleteTie,
  registerEntry,
  setPool,
  stageProgress,
  stageResults,
  submitScore,
  uploadAttachment,
} from './service.ts';

const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Literals = <T extends readonly string[]>(xs: T) => Type.Union(xs.map((x) => Type.Literal(x)));
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Criterion = Type.Object(
  {
    key: Type.String({ maxLength: 40 }),
    zh: Type.String({ maxLength: 40 }),
    en: Type.String({ maxLength: 80 }),
    weight: Type.Integer(),
  },
  { additionalProperties: false },
);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function readFile(req: FastifyRequest): Promise<{ fileName: string; bytes: Buffer }> {
  const refuse = (zh: string, en: string) =>
    new AppError('validation_failed', { fields: [{ field: 'file', reason: { zh, en } }] });
  if (!req.isMultipart()) throw refuse('请以multipart/form-data上传文件', 'upload the file as multipart/form-data');
  let file: { fileName: string; bytes: Buffer } | undefined;
  for await (const part of req.parts()) {
    if (part.type !== 'file') continue;
    const bytes = await part.toBuffer();
    if (part.file.truncated) throw refuse('文件不能超过10MB', 'the file must not exceed 10 MB');
    if (part.fieldname !== 'file' || file)
      throw refuse('一次上传一个文件（字段名file）', 'upload one file at a time, in the field "file"');
    file = { fileName: part.filename || '', bytes };
  }
  if (!file) throw refuse('请选择要上传的文件', 'choose a file to upload');
  return file;
}

export async function competitionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['competition'];
  const db = ctx.database;

  // The one public route: published results, for visitors without an account.
  r.get(
    '/api/competition/public/results',
    { config: { public: true }, schema: { tags, summary: '公开的大赛结果 Published results (no sign-in)' } },
    async () => publicResults(db),
  );

  r.get('/api/competition/editions', { schema: { tags, summary: '大赛届次 Editions with tracks and stages' } }, async (req) =>
    listEditions(db, principalOf(req)),
  );
  r.get('/api/competition/settings', { schema: { tags, summary: '组委会参数 The organiser’s dated settings' } }, async (req) => {
    principalOf(req);
    return competitionSettings(todayShanghai());
  });
  r.post(
    '/api/competition/editions',
    {
      schema: {
        tags,
        summary: '创建届次 Create an edition with its tracks and stages',
        body: Type.Object(
          {
            year: Type.Integer({ minimum: 2000, maximum: 2100 }),
            name: Type.String({ maxLength: 100 }),
            groups: Type.Optional(Type.Array(Literals(GROUPS), { maxItems: 2 })),
            tracks: Type.Array(
              Type.Object({
                code: Type.String({ minLength: 1, maxLength: 20 }),
                nameZh: Type.String({ minLength: 1, maxLength: 40 }),
                nameEn: Type.String({ maxLength: 80 }),
              }),
              { maxItems: 20 },
            ),
            stages: Type.Array(
              Type.Object(
                {
                  kind: Literals(STAGE_KINDS),
                  opensOn: IsoDate,
                  closesOn: IsoDate,
                  rubric: Type.Optional(Type.Array(Criterion, { maxItems: 20 })),
                  judgesPerEntry: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
                  advanceCount: Type.Optional(NullableInteger({ minimum: 0 })),
                  advanceSharePercent: Type.Optional(NullableInteger({ minimum: 0, maximum: 100 })),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 5 },
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => reply.code(201).send(await createEdition(db, principalOf(req), req.body)),
  );

  r.post(
    '/api/competition/editions/:id/entries',
    {
      schema: {
        tags,
        summary: '报名 Register a project (eligibility decided with reasons)',
        params: Id,
        body: Type.Object(
          {
            group: Literals(GROUPS),
            trackId: Type.Integer({ minimum: 1 }),
            projectName: Type.String({ maxLength: 100 }),
            summary: Type.String({ maxLength: 5000 }),
            leaderName: Type.String({ maxLength: 50 }),
            enterpriseId: Type.Optional(Type.Integer({ minimum: 1 })),
            teamName: Type.Optional(Type.String({ maxLength: 100 })),
            organisation: Type.Optional(Type.String({ maxLength: 100 })),
            unitCode: Type.Optional(Type.String({ maxLength: 20 })),
            teamHasCompany: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => reply.code(201).send(await registerEntry(db, principalOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/competition/entries',
    {
      schema: {
        tags,
        summary: '参赛项目 Entries in my scope',
        querystring: Type.Object({
          editionId: Type.Optional(Type.Integer({ minimum: 1 })),
          group: Type.Optional(Literals(GROUPS)),
          stage: Type.Optional(Literals(STAGE_KINDS)),
        }),
      },
    },
    async (req) => listEntries(db, principalOf(req), req.query),
  );
  r.get('/api/competition/entries/:id', { schema: { tags, summary: '项目详情 One entry', params: Id } }, async (req) =>
    getEntry(db, principalOf(req), req.params.id),
  );

  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: ATTACHMENT_LIMITS.maxBytes, files: 1, fields: 5, parts: 6, headerPairs: 200 },
      throwFileSizeLimit: false,
    });
    scope
      .withTypeProvider<TypeBoxTypeProvider>()
      .post(
        '/api/competition/entries/:id/attachments',
        { schema: { tags, summary: '上传附件 Attach a file (multipart: file)', params: Id, consumes: ['multipart/form-data'] } },
        async (req, reply) => {
          const file = await readFile(req);
          const res = await uploadAttachment(db, principalOf(req), req.params.id, file);
          return reply.code(res.created ? 201 : 200).send(res);
        },
      );
  });
  r.get(
    '/api/competition/entries/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: '下载附件 Download an attachment',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }), attachmentId: Type.Integer({ minimum: 1 }) }),
      },
    },
    async (req, reply) => {
      const a = await readAttachment(db, principalOf(req), req.params.id, req.params.attachmentId);
      const ascii = a.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return reply
        .header('content-type', a.mediaType)
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(a.content);
    },
  );

  r.get(
    '/api/competition/editions/:id/judges',
    { schema: { tags, summary: '评审专家、评审库与关联关系 Judges, pools, ties', params: Id } },
    async (req) => listJudges(db, principalOf(req), req.params.id),
  );
  r.put(
    '/api/competition/stages/:id/pool',
    {
      schema: {
        tags,
        summary: '设置评审库 Set the stage’s judge pool',
        params: Id,
        body: Type.Object(
          { judgeIds: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 200 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => setPool(db, principalOf(req), req.params.id, req.body.judgeIds),
  );
  r.post(
    '/api/competition/editions/:id/ties',
    {
      schema: {
        tags,
        summary: '申报关联关系 Declare a judge’s tie (judge for themself, organiser for any judge)',
        params: Id,
        body: Type.Object(
          {
            judgeId: Type.Optional(Type.Integer({ minimum: 1 })),
            entryId: Type.Optional(Type.Integer({ minimum: 1 })),
            organisation: Type.Optional(Type.String({ maxLength: 100 })),
            note: Type.String({ maxLength: 500 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => reply.code(201).send(await declareTie(db, principalOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/competition/stages/:id/assign',
    { schema: { tags, summary: '自动分配评审 Assign judges, skipping conflicts', params: Id } },
    async (req) => autoAssign(db, principalOf(req), req.params.id),
  );
  r.post(
    '/api/competition/stages/:id/assignments',
    {
      schema: {
        tags,
        summary: '指定评审 Assign one judge (refused when conflicted)',
        params: Id,
        body: Type.Object(
          { entryId: Type.Integer({ minimum: 1 }), judgeId: Type.Integer({ minimum: 1 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => assignJudge(db, principalOf(req), req.params.id, req.body.entryId, req.body.judgeId),
  );
  r.get(
    '/api/competition/stages/:id/progress',
    { schema: { tags, summary: '评审进度 Scoring progress', params: Id } },
    async (req) => stageProgress(db, principalOf(req), req.params.id),
  );

  r.get(
    '/api/competition/my-assignments',
    { schema: { tags, summary: '我的评审任务（盲评） My projects to score, blind' } },
    async (req) => myAssignments(db, principalOf(req)),
  );
  r.put(
    '/api/competition/stages/:id/scores/:entryId',
    {
      schema: {
        tags,
        summary: '提交评分 Submit or revise my score while the stage is open',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }), entryId: Type.Integer({ minimum: 1 }) }),
        body: Type.Object(
          {
            scores: Type.Record(Type.String({ maxLength: 40 }), Type.Number()),
            comment: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => submitScore(db, principalOf(req), req.params.id, req.params.entryId, req.body),
  );

  r.post(
    '/api/competition/stages/:id/rank',
    { schema: { tags, summary: '排名 Rank the stage (or list what is incomplete)', params: Id } },
    async (req) => rankStage(db, principalOf(req), req.params.id),
  );
  r.get(
    '/api/competition/stages/:id/results',
    { schema: { tags, summary: '阶段结果 Results with explanations', params: Id } },
    async (req) => stageResults(db, principalOf(req), req.params.id),
  );
  r.post(
    '/api/competition/stages/:id/publish',
    { schema: { tags, summary: '公布并晋级 Publish and advance', params: Id } },
    async (req) => publishStage(db, principalOf(req), req.params.id),
  );
  r.get(
    '/api/competition/editions/:id/recommendations.xlsx',
    { schema: { tags, summary: '推荐名单 Recommendation list to the provincial and national rounds (xlsx)', params: Id } },
    async (req, reply) => {
      const list = await recommendationList(db, principalOf(req), req.params.id);
      const buf = await recommendationWorkbook(list.year, list.rows);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="competition-${list.year}-recommendations.xlsx"`)
        .send(buf);
    },
  );
  r.get(
    '/api/competition/editions/:id/follow-up',
    { schema: { tags, summary: '路演与投资跟踪 Roadshow interest and investments', params: Id } },
    async (req) => followUp(db, principalOf(req), req.params.id),
  );
  r.post(
    '/api/competition/entries/:id/interests',
    {
      schema: {
        tags,
        summary: '记录投资意向 Record an investor’s interest at the roadshow',
        params: Id,
        body: Type.Object(
          {
            investorName: Type.String({ maxLength: 100 }),
            level: Literals(['strong', 'moderate', 'watching'] as const),
            note: Type.Optional(Type.String({ maxLength: 500 })),
            recordedOn: IsoDate,
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => reply.code(201).send(await recordInterest(db, principalOf(req), req.params.id, req.body)),
  );
  const FundLevel = Literals(['national', 'provincial', 'city', 'district'] as const);
  const InvestmentStatusSchema = Literals(INVESTMENT_STATUSES);
  r.post(
    '/api/competition/entries/:id/investments',
    {
      schema: {
        tags,
        summary: '记录基金投资 Record a fund investment (starts its status history)',
        params: Id,
        body: Type.Object(
          {
            fundName: Type.String({ maxLength: 100 }),
            fundLevel: FundLevel,
            amountYuan: Type.Integer({ minimum: 1 }),
            status: Type.Optional(InvestmentStatusSchema),
            statusOn: IsoDate,
            note: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => reply.code(201).send(await createInvestment(db, principalOf(req), req.params.id, req.body)),
  );
  r.patch(
    '/api/competition/investments/:id',
    {
      schema: {
        tags,
        summary: '推进投资状态 Move an investment forward or withdraw it; correct its amount (row version required)',
        params: Id,
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            status: Type.Optional(InvestmentStatusSchema),
            statusOn: Type.Optional(IsoDate),
            amountYuan: Type.Optional(Type.Integer({ minimum: 1 })),
            fundLevel: Type.Optional(FundLevel),
            note: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => updateInvestment(db, principalOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/competition/editions/:id/follow-up/summary',
    { schema: { tags, summary: '路演与投资汇总 The season’s follow-up: counts, sums, projects, history', params: Id } },
    async (req) => followUpSummary(db, principalOf(req), req.params.id),
  );
  r.get(
    '/api/competition/editions/:id/follow-up.xlsx',
    { schema: { tags, summary: '路演与投资跟踪表 Follow-up workbook (xlsx)', params: Id } },
    async (req, reply) => {
      const sum = await followUpSummary(db, principalOf(req), req.params.id);
      const buf = await followUpWorkbook(sum);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="competition-${sum.year}-follow-up.xlsx"`)
        .send(buf);
    },
  );

  // ---------- the season's setup ----------
  const StageSettingsBody = {
    opensOn: IsoDate,
    closesOn: IsoDate,
    rubric: Type.Array(Criterion, { maxItems: 20 }),
    judgesPerEntry: Type.Integer({ minimum: 1, maximum: 30 }),
    advanceCount: NullableInteger({ minimum: 0 }),
    advanceSharePercent: NullableInteger({ minimum: 0, maximum: 100 }),
  };
  r.patch(
    '/api/competition/editions/:id',
    {
      schema: {
        tags,
        summary: '修改届次 Edit an edition: name, groups, tracks (row version required)',
        params: Id,
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            name: Type.Optional(Type.String({ maxLength: 100 })),
            groups: Type.Optional(Type.Array(Literals(GROUPS), { maxItems: 2 })),
            tracks: Type.Optional(
              Type.Array(
                Type.Object(
                  {
                    id: Type.Optional(Type.Integer({ minimum: 1 })),
                    code: Type.String({ minLength: 1, maxLength: 20 }),
                    nameZh: Type.String({ maxLength: 40 }),
                    nameEn: Type.String({ maxLength: 80 }),
                  },
                  { additionalProperties: false },
                ),
                { maxItems: 20 },
              ),
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => updateEdition(db, principalOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/competition/editions/:id/stages',
    {
      schema: {
        tags,
        summary: '新增阶段 Add a stage to an edition',
        params: Id,
        body: Type.Object(
          {
            kind: Literals(STAGE_KINDS),
            opensOn: IsoDate,
            closesOn: IsoDate,
            rubric: Type.Optional(StageSettingsBody.rubric),
            judgesPerEntry: Type.Optional(StageSettingsBody.judgesPerEntry),
            advanceCount: Type.Optional(StageSettingsBody.advanceCount),
            advanceSharePercent: Type.Optional(StageSettingsBody.advanceSharePercent),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => reply.code(201).send(await addStage(db, principalOf(req), req.params.id, req.body)),
  );
  r.patch(
    '/api/competition/stages/:id',
    {
      schema: {
        tags,
        summary: '修改阶段 Change a stage’s dates and settings (row version required; clears a ranking it affects)',
        params: Id,
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            opensOn: Type.Optional(StageSettingsBody.opensOn),
            closesOn: Type.Optional(StageSettingsBody.closesOn),
            rubric: Type.Optional(StageSettingsBody.rubric),
            judgesPerEntry: Type.Optional(StageSettingsBody.judgesPerEntry),
            minJudges: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
            advanceCount: Type.Optional(StageSettingsBody.advanceCount),
            advanceSharePercent: Type.Optional(StageSettingsBody.advanceSharePercent),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => updateStage(db, principalOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/competition/editions/:id/ties',
    { schema: { tags, summary: '已申报的关联关系 Declared ties (a judge sees their own)', params: Id } },
    async (req) => listTies(db, principalOf(req), req.params.id),
  );
  r.delete(
    '/api/competition/editions/:id/ties/:tieId',
    {
      schema: {
        tags,
        summary: '撤销关联关系申报 Withdraw a declared tie',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }), tieId: Type.Integer({ minimum: 1 }) }),
      },
    },
    async (req) => deleteTie(db, principalOf(req), req.params.id, req.params.tieId),
  );
}
