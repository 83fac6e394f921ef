/** The statistics as an Excel workbook: one sheet per breakdown, and the loans behind them. */
import { toXlsxBook, type Sheet } from '../../shared/xlsx.ts';
import type { FinancingStats, LoanView, StatsGroup } from './service.ts';

const TYPE_ZH: Record<string, string> = { credit: '信用', ip_pledge: '知识产权质押', guarantee: '担保', insurance: '保险' };
const pct = (bp: number | null) => (bp === null ? null : bp / 10000);
const MONEY = '#,##0';
const PERCENT = '0.00%';

const groupSheet = (name: string, first: string, gs: StatsGroup[], label: (g: StatsGroup) => string): Sheet => ({
  name,
  columns: [
    { header: first, width: 24 },
    { header: '笔数 Loans', width: 10, numFmt: MONEY },
    { header: '金额(元) Amount (yuan)', width: 18, numFmt: MONEY },
    { header: '加权平均利率 Avg. rate', width: 16, numFmt: PERCENT },
  ],
  rows: gs.map((g) => [label(g), g.loans, g.amount, pct(g.avgRateBp)]),
});

export async function statsWorkbook(stats: FinancingStats, loans: LoanView[]): Promise<Buffer> {
  const t = stats.totals;
  return toXlsxBook([
    {
      name: '汇总 Summary',
      columns: [
        { header: '项目 Item', width: 40 },
        { header: '数值 Value', width: 20, numFmt: MONEY },
      ],
      rows: [
        ['范围 Scope', stats.scope.label],
        ['年度 Year', stats.year ?? '全部 all'],
        ['贷款笔数 Loans', t.loans],
        ['贷款金额(元) Amount (yuan)', t.amount],
        ['获贷企业数 Enterprises', t.enterprises],
        ['加权平均利率 Average rate', pct(t.avgRateBp)],
        ['知识产权质押笔数 IP-pledge loans', t.ipPledgeLoans],
        ['知识产权质押金额(元) IP-pledge amount', t.ipPledgeAmount],
        ['融资需求数 Demands', stats.demands.total],
        ['已响应需求 Answered', stats.demands.answered],
        ['超期未响应/超期响应 Late', stats.demands.late],
        ['首次响应平均用时(小时) Avg. hours to first answer', stats.demands.avgHoursToFirstResponse],
        ['首次响应中位用时(小时) Median hours', stats.demands.medianHoursToFirstResponse],
        ['重点服务名单企业数 On the key-service list', stats.keyList.enterprises],
      ],
      // the year is a label, not an amount; the rate is a percentage; hours keep their decimals
      cellFormats: { B3: '0', B7: PERCENT, B13: '0.0', B14: '0.0' },
    },
    groupSheet('按机构 By institution', '机构 Institution', stats.byInstitution, (g) => g.label ?? g.key),
    groupSheet('按类型 By type', '类型 Type', stats.byType, (g) => `${TYPE_ZH[g.key] ?? g.key} ${g.key}`),
    groupSheet('按月份 By month', '月份 Month', stats.byMonth, (g) => g.key),
    {
      name: '响应时间 Answer times',
      columns: [
        { header: '机构 Institution', width: 24 },
        { header: '响应数 Answers', width: 12, numFmt: MONEY },
        { header: '平均用时(小时) Avg. hours', width: 18, numFmt: '0.0' },
      ],
      rows: stats.responseTimes.map((r) => [r.label, r.responses, r.avgHours]),
    },
    {
      name: '贷款明细 Loans',
      columns: [
        { header: '放款日期 Granted on', width: 14 },
        { header: '企业 Enterprise', width: 36 },
        { header: '机构 Institution', width: 24 },
        { header: '类型 Type', width: 14 },
        { header: '金额(元) Amount', width: 16, numFmt: MONEY },
        { header: '年利率 Rate', width: 10, numFmt: PERCENT },
        { header: '期限(月) Term', width: 10 },
        { header: '担保/保险机构 Guarantor', width: 24 },
        { header: '费率 Fee rate', width: 10, numFmt: PERCENT },
      ],
      rows: loans.map((l) => [
        l.grantedOn,
        l.enterpriseName,
        l.institutionName,
        TYPE_ZH[l.loanType] ?? l.loanType,
        l.amount,
        pct(l.rateBp),
        l.termMonths,
        l.guarantorName,
        pct(l.guaranteeFeeBp),
      ]),
    },
  ]);
}
