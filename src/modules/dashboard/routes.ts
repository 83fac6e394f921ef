/** Targets dashboard routes: the figures as JSON and the dashboard tables as a workbook. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import ExcelJS from 'exceljs';
import type { AppContext } from '../../server/context.ts';
import { principalOf } from '../../server/auth-plugin.ts';
import { neutraliseCell } from '../../shared/xlsx.ts';
import { LEVELS, TITLE_KINDS } from '../registry/reference.ts';
import { getDashboard, getDashboardJson, type DashboardResponse } from './service.ts';

const Query = Type.Object({
  on: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD; default today (Asia/Shanghai)' })),
});

const TITLE_ZH = Object.fromEntries(TITLE_KINDS.map((t) => [t.id, `${t.zh} ${t.en}`]));
const LINE_ZH: Record<string, string> = { titles: '称号合计 Titles (sum)', enterprises: '优质企业（去重） Distinct enterprises', ...TITLE_ZH };

type Cell = string | number | null;
interface Sheet {
  name: string;
  header: string[];
  rows: Cell[][];
}

function sheets(d: DashboardResponse): Sheet[] {
  const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
  return [
    {
      name: '目标进度 Targets',
      header: ['指标 Figure', '目标 Target', `有效 In force ${d.on}`, '进度% Progress', '差距 Gap', `目标日实际 At ${d.targetDate}`, '预测 Projection', '参数 Parameter'],
      rows: [...d.targets, ...(d.laterPlan ? [d.laterPlan] : [])].map((t) => [
        LINE_ZH[t.id] ?? t.id,
        t.target,
        t.inForce,
        pct(t.progress),
        t.gap,
        t.atTargetDate,
        t.projection ? `${t.projection.value} @ ${t.projection.targetDate}` : null,
        t.parameterId,
      ]),
    },
    {
      name: '称号 Titles',
      header: ['称号 Title', '合计 Total', ...LEVELS.map((l) => `${l.zh} ${l.en}`), '目标 Target'],
      rows: d.titleKinds.map((k) => [TITLE_ZH[k.kind] ?? k.kind, k.total, ...LEVELS.map((l) => k.byLevel[l.id] ?? 0), k.target]),
    },
    {
      name: '区县 Units',
      header: ['排名 Rank', '代码 Code', '区县 Unit', '在库企业 Registered', '占比% Share', '称号合计 Titles', '优质企业 Enterprises', '分解目标 Share of target', '差距 Gap', '进度% Progress'],
      rows: d.units.map((u) => [u.rank, u.unitCode, `${u.nameZh} ${u.nameEn}`, u.registered, pct(u.share), u.titles, u.qualityEnterprises, u.target, u.gap, pct(u.progress)]),
    },
    {
      name: '行业 Industries',
      header: ['层级 Level', '代码 Code', '称号合计 Titles', '优质企业 Enterprises', ...TITLE_KINDS.map((t) => t.zh)],
      rows: d.industries.map((i) => [i.level === 'section' ? '门类 Section' : '小类 Class', i.code, i.titles, i.qualityEnterprises, ...TITLE_KINDS.map((t) => i.byKind[t.id] ?? 0)]),
    },
    {
      name: '年度趋势 Trend',
      header: ['日期 Date', '称号合计 Titles', '优质企业 Enterprises', ...TITLE_KINDS.map((t) => t.zh)],
      rows: d.trend.map((p) => [p.date, p.titles, p.qualityEnterprises, ...TITLE_KINDS.map((t) => p.byKind[t.id] ?? 0)]),
    },
    {
      name: '集群 Clusters',
      header: ['年度 Year', '新增集群 New clusters', '年度目标 Per-year target'],
      rows: [...d.clusters.newByYear.map((y) => [y.year, y.count, y.target] as Cell[]), ['省级以上有效 In force (provincial+)', d.clusters.inForce, d.clusters.target]],
    },
    {
      name: '资金 Money',
      header: ['条款 Clause', '应兑现笔数 Owed count', '应兑现金额 Owed (yuan)', '已发放笔数 Paid count', '已发放金额 Paid (yuan)', '待追回 Recovery due', '已撤销 Withdrawn'],
      rows: d.money.clauses.map((c) => [`第${c.clause}条`, c.owedCount, c.owedAmount, c.paidCount, c.paidAmount, c.recoveryDueAmount, c.withdrawnAmount]),
    },
  ];
}

async function workbook(d: DashboardResponse): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SME Ladder';
  for (const s of sheets(d)) {
    const ws = wb.addWorksheet(s.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.header.map((h, i) => ({ header: h, key: 'c' + i, width: i === 0 ? 30 : 16 }));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) ws.addRow(r.map((v) => neutraliseCell(v)));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function dashboardRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['dashboard'];

  r.get('/api/dashboard', { schema: { tags, summary: '目标看板 Targets dashboard', querystring: Query } }, async (req, reply) =>
    // Sent as the cached text, not re-serialised: the hot path of a busy dashboard.
    reply.type('application/json; charset=utf-8').send(await getDashboardJson(ctx.database, principalOf(req), req.query.on)),
  );

  r.get('/api/dashboard/export.xlsx', { schema: { tags, summary: '导出看板 Export the dashboard tables', querystring: Query } }, async (req, reply) => {
    const d = await getDashboard(ctx.database, principalOf(req), req.query.on);
    const name = `目标看板-${d.on}`;
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="dashboard-${d.on}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}.xlsx`)
      .send(await workbook(d));
  });
}
