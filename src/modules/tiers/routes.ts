/** Tier assessment routes: the standards, one enterprise's assessment, the pipeline and its export. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../server/context.ts';
import { principalOf } from '../../server/auth-plugin.ts';
import { toXlsx } from '../../shared/xlsx.ts';
import { STANDARD_IDS, VERSIONS } from '../../../policy/tier-standards/index.ts';
import { assessEnterprise, pipeline, pipelineJson, type PipelineItem } from './service.ts';

const DateQ = Type.Optional(
  Type.String({ maxLength: 10, description: 'assessment date YYYY-MM-DD (default today, Asia/Shanghai)' }),
);
const StandardQ = Type.Optional(Type.String({ maxLength: 40, description: STANDARD_IDS.join(' | ') }));
const Margin = {
  marginPoints: Type.Optional(Type.Number({ description: 'points short that still count as close (default 10)' })),
  marginPercent: Type.Optional(
    Type.Number({ description: 'percent short of a threshold that still counts as close (default 10)' }),
  ),
};
const PipelineQ = Type.Object({
  date: DateQ,
  standard: StandardQ,
  ...Margin,
  unitCode: Type.Optional(Type.String({ maxLength: 20 })),
  industry: Type.Optional(Type.String({ maxLength: 10 })),
  standing: Type.Optional(Type.Union([Type.Literal('eligible'), Type.Literal('close')])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000 })),
});

const STANDING_ZH: Record<string, string> = { eligible: '已符合未获评', close: '接近' };

export function tierRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['tiers'];

  r.get('/api/tiers/standards', { schema: { tags, summary: '认定标准与版本 Tier standards and versions' } }, async () =>
    STANDARD_IDS.map((id) => ({
      id,
      versions: VERSIONS[id].map((v) => ({
        id: v.id,
        titleZh: v.titleZh,
        titleEn: v.titleEn,
        documentZh: v.documentZh,
        effectiveFrom: v.effectiveFrom,
        effectiveFromReference: v.effectiveFromReference,
        formula: v.formula,
        parameters: v.parameters,
      })),
    })),
  );

  r.get(
    '/api/tiers/enterprises/:id/assessment',
    {
      schema: {
        tags,
        summary: '企业梯度评价 Assess one enterprise',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        querystring: Type.Object({ date: DateQ, standard: StandardQ, ...Margin }),
      },
    },
    async (req) => assessEnterprise(ctx.database, principalOf(req), req.params.id, req.query),
  );

  r.get('/api/tiers/pipeline', { schema: { tags, summary: '梯度培育库 Pipeline', querystring: PipelineQ } }, async (req, reply) =>
    // Over every enterprise in scope: kept a minute in the shared cache, sent as the cached text.
    reply.type('application/json; charset=utf-8').send(await pipelineJson(ctx.database, principalOf(req), req.query)),
  );

  r.get(
    '/api/tiers/pipeline/export.xlsx',
    { schema: { tags, summary: '导出培育库 Export the pipeline', querystring: PipelineQ } },
    async (req, reply) => {
      const all: PipelineItem[] = [];
      const p = await pipeline(ctx.database, principalOf(req), { ...req.query, limit: 1 }, (i) => all.push(i));
      const buf = await toXlsx(
        `培育库 ${p.date}`,
        [
          { header: '统一社会信用代码 USCC', width: 22, value: (i) => i.uscc },
          { header: '企业名称 Enterprise', width: 36, value: (i) => i.name },
          { header: '区县 Unit', width: 10, value: (i) => i.unitCode },
          { header: '行业 Industry', width: 10, value: (i) => i.industryCode },
          { header: '标准 Standard', width: 18, value: (i) => i.standard },
          { header: '标准版本 Version', width: 22, value: (i) => i.standardVersion },
          { header: '状态 Standing', width: 14, value: (i) => `${STANDING_ZH[i.standing] ?? i.standing} ${i.standing}` },
          { header: '得分 Score', width: 8, value: (i) => i.score },
          { header: '差距 Missing', width: 60, value: (i) => i.missingZh },
          { header: 'Missing (en)', width: 60, value: (i) => i.missingEn },
        ],
        all,
      );
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="pipeline-${p.date}.xlsx"`)
        .send(buf);
    },
  );
}
