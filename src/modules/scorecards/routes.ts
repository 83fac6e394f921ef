/** Routes for the scorecards: district environment (measure 八) and enterprise digital level (measure 七). */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../server/context.ts';
import { principalOf } from '../../server/auth-plugin.ts';
import { invalid } from '../../shared/errors.ts';
import { todayShanghai } from '../../shared/dates.ts';
import {
  createBenchmark,
  digitalStats,
  districtDetail,
  districtResults,
  districtScorecardInfo,
  districtTrends,
  enterpriseDigital,
  importValues,
  listBenchmarks,
  listWeightSets,
  questionnaireView,
  saveValues,
  saveWeightSet,
  scorecardViewer,
  submitDigital,
  unitValues,
} from './service.ts';
import { FIRST_YEAR } from './domain.ts';
import { districtReportDocx, districtReportXlsx, importTemplate, rankingXlsx, readValuesBook } from './export.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const Year = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });
const OptYear = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) });
const Code = Type.Object({ code: Type.String({ maxLength: 20 }) });
const UnitParams = Type.Object({
  kind: Type.Union([Type.Literal('district'), Type.Literal('benchmark')]),
  code: Type.String({ maxLength: 20 }),
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
});
const Weights = Type.Record(Type.String({ maxLength: 60 }), Type.Number());
const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const attachment = (name: string, ext: string) => `attachment; filename="${name}.${ext}"`;

export function scorecardRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['scorecards'];
  const db = ctx.database;
  const thisYear = () => Number(todayShanghai().slice(0, 4));

  r.get('/api/scorecards/me', { schema: { tags, summary: '我的评估视图 Which scorecard view is mine' } }, async (req) =>
    scorecardViewer(principalOf(req)),
  );

  // ---------- district environment ----------
  r.get(
    '/api/scorecards/districts/scorecard',
    { schema: { tags, summary: '指标体系 The indicator system, bands and cited parameters', querystring: OptYear } },
    async (req) => districtScorecardInfo(principalOf(req), req.query.year ?? thisYear()),
  );
  r.get(
    '/api/scorecards/districts/results',
    {
      schema: {
        tags,
        summary: '区县得分与排名 Scores, levels and ranks of the districts (and benchmark cities) for a year',
        querystring: Year,
      },
    },
    async (req) => districtResults(db, principalOf(req), req.query.year),
  );
  r.post(
    '/api/scorecards/districts/what-if',
    {
      schema: {
        tags,
        summary: '权重模拟 Results under other weights (dimension or indicator id → weight); nothing is saved',
        body: Type.Object(
          { year: Type.Integer({ minimum: 2000, maximum: 2100 }), weights: Weights },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => districtResults(db, principalOf(req), req.body.year, req.body.weights),
  );
  r.get(
    '/api/scorecards/districts/ranking.xlsx',
    { schema: { tags, summary: '排名导出 The ranking as .xlsx', querystring: Year } },
    async (req, reply) => {
      const res = await districtResults(db, principalOf(req), req.query.year);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`district-ranking-${res.year}`, 'xlsx'))
        .send(await rankingXlsx(res));
    },
  );
  r.get(
    '/api/scorecards/districts/trends',
    { schema: { tags, summary: '历年趋势 Totals and ranks per district and year' } },
    async (req) => districtTrends(db, principalOf(req)),
  );
  r.get(
    '/api/scorecards/districts/:code',
    {
      schema: {
        tags,
        summary: '区县详情 A district’s indicators, weak links, comparison and trend',
        params: Code,
        querystring: Year,
      },
    },
    async (req) => districtDetail(db, principalOf(req), req.params.code, req.query.year),
  );
  r.get(
    '/api/scorecards/districts/:code/report.docx',
    {
      schema: {
        tags,
        summary: '区县评估报告 The district report for the performance review (.docx)',
        params: Code,
        querystring: Year,
      },
    },
    async (req, reply) => {
      const d = await districtDetail(db, principalOf(req), req.params.code, req.query.year);
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', attachment(`district-report-${d.unit.code}-${d.year}`, 'docx'))
        .send(await districtReportDocx(d, todayShanghai()));
    },
  );
  r.get(
    '/api/scorecards/districts/:code/report.xlsx',
    { schema: { tags, summary: '区县评估数据 The district report’s figures (.xlsx)', params: Code, querystring: Year } },
    async (req, reply) => {
      const d = await districtDetail(db, principalOf(req), req.params.code, req.query.year);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`district-report-${d.unit.code}-${d.year}`, 'xlsx'))
        .send(await districtReportXlsx(d));
    },
  );
  r.get(
    '/api/scorecards/values/:kind/:code/:year',
    { schema: { tags, summary: '填报数据 A unit’s entered values for a year', params: UnitParams } },
    async (req) => unitValues(db, principalOf(req), req.params.kind, req.params.code, req.params.year),
  );
  r.put(
    '/api/scorecards/values/:kind/:code/:year',
    {
      schema: {
        tags,
        summary: '填报 Save a unit’s values for a year (null clears one); platform indicators are refused',
        params: UnitParams,
        body: Type.Object(
          { values: Type.Record(Type.String({ maxLength: 60 }), Type.Union([Type.Number(), Type.Null()])) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => saveValues(db, principalOf(req), req.params.kind, req.params.code, req.params.year, req.body.values),
  );
  r.get(
    '/api/scorecards/import-template.xlsx',
    { schema: { tags, summary: '导入模板 The import template', querystring: OptYear } },
    async (req, reply) =>
      reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment('scorecard-import-template', 'xlsx'))
        .send(await importTemplate(Math.min(Math.max(req.query.year ?? thisYear(), FIRST_YEAR), thisYear()))),
  );
  r.post(
    '/api/scorecards/import',
    {
      schema: {
        tags,
        summary: '导入 Import values from an .xlsx (base64): every row checked (sheet!cell named), all applied or none',
        body: Type.Object({ fileBase64: Type.String({ maxLength: 1_800_000 }) }, { additionalProperties: false }),
      },
    },
    async (req) => {
      const bytes = Buffer.from(req.body.fileBase64, 'base64');
      if (bytes.length === 0) throw invalid({ field: 'file', reason: { zh: '文件为空', en: 'the file is empty' } });
      const book = await readValuesBook(bytes);
      if (!book)
        throw invalid({
          field: 'file',
          reason: { zh: '无法读取该文件，请上传.xlsx文件', en: 'cannot read the file; upload an .xlsx file' },
        });
      return importValues(db, principalOf(req), book.header, book.rows);
    },
  );
  r.get('/api/scorecards/benchmarks', { schema: { tags, summary: '对标城市 Benchmark cities' } }, async (req) =>
    listBenchmarks(db, principalOf(req)),
  );
  r.post(
    '/api/scorecards/benchmarks',
    {
      schema: {
        tags,
        summary: '新增对标城市 Add a benchmark city',
        body: Type.Object(
          {
            code: Type.String({ maxLength: 20 }),
            nameZh: Type.String({ maxLength: 40 }),
            nameEn: Type.String({ maxLength: 60 }),
            note: Type.String({ maxLength: 500 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => reply.code(201).send(await createBenchmark(db, principalOf(req), req.body)),
  );
  r.get('/api/scorecards/weight-sets', { schema: { tags, summary: '权重方案 Saved weight sets' } }, async (req) =>
    listWeightSets(db, principalOf(req)),
  );
  r.post(
    '/api/scorecards/weight-sets',
    {
      schema: {
        tags,
        summary: '保存权重方案 Save a named weight set',
        body: Type.Object({ name: Type.String({ maxLength: 60 }), weights: Weights }, { additionalProperties: false }),
      },
    },
    async (req, reply) => reply.code(201).send(await saveWeightSet(db, principalOf(req), req.body.name, req.body.weights)),
  );

  // ---------- digital level ----------
  r.get(
    '/api/scorecards/digital/questionnaire',
    { schema: { tags, summary: '数字化水平评测问卷 The questionnaire (2024) with its cited parameters' } },
    async (req) => {
      principalOf(req);
      return questionnaireView();
    },
  );
  r.get(
    '/api/scorecards/digital/enterprises/:id',
    { schema: { tags, summary: '企业数字化评测 The enterprise’s latest result and history', params: Id } },
    async (req) => enterpriseDigital(db, principalOf(req), req.params.id),
  );
  r.post(
    '/api/scorecards/digital/enterprises/:id',
    {
      schema: {
        tags,
        summary: '提交问卷 The enterprise submits its questionnaire; the level becomes its tier fact digitalLevel',
        params: Id,
        body: Type.Object(
          { answers: Type.Record(Type.String({ maxLength: 40 }), Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => reply.code(201).send(await submitDigital(db, principalOf(req), req.params.id, req.body.answers)),
  );
  r.get(
    '/api/scorecards/digital/stats',
    { schema: { tags, summary: '数字化水平统计 Results by district and industry' } },
    async (req) => digitalStats(db, principalOf(req)),
  );
}
