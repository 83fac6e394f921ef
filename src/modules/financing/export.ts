/** The statistics as an Excel workbook: one sheet per breakdown, and the loans behind them. */
import ExcelJS from 'exceljs';
import { neutraliseCell } from '../../shared/xlsx.ts';
import type { FinancingStats, LoanView, StatsGroup } from './service.ts';

const TYPE_ZH: Record<string, string> = { credit: '信用', ip_pledge: '知识产权质押', guarantee: '担保', insurance: '保险' };
const pct = (bp: number | null) => (bp === null ? null : bp / 10000);

function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  headers: [string, number][],
  rows: unknown[][],
  percentCols: number[] = [],
): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = headers.map(([header, width], i) => ({ header, key: 'c' + i, width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r.map(neutraliseCell));
  for (const c of percentCols) ws.getColumn(c).numFmt = '0.00%';
  for (let c = 1; c <= headers.length; c++) if (!percentCols.includes(c) && c > 1) ws.getColumn(c).numFmt = '#,##0';
}

const groupRows = (gs: StatsGroup[], name: (g: StatsGroup) => string) =>
  gs.map((g) => [name(g), g.loans, g.amount, pct(g.avgRateBp)]);
const GROUP_HEADERS = (first: string): [string, number][] => [
  [first, 24],
  ['笔数 Loans', 10],
  ['金额(元) Amount (yuan)', 18],
  ['加权平均利率 Avg. rate', 16],
];

export async function statsWorkbook(stats: FinancingStats, loans: LoanView[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SME Ladder';
  wb.created = new Date();
  const t = stats.totals;
  sheet(
    wb,
    '汇总 Summary',
    [
      ['项目 Item', 40],
      ['数值 Value', 20],
    ],
    [
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
  );
  wb.getWorksheet('汇总 Summary')!.getCell('B7').numFmt = '0.00%';
  sheet(
    wb,
    '按机构 By institution',
    GROUP_HEADERS('机构 Institution'),
    groupRows(stats.byInstitution, (g) => g.label ?? g.key),
    [4],
  );
  sheet(
    wb,
    '按类型 By type',
    GROUP_HEADERS('类型 Type'),
    groupRows(stats.byType, (g) => `${TYPE_ZH[g.key] ?? g.key} ${g.key}`),
    [4],
  );
  sheet(
    wb,
    '按月份 By month',
    GROUP_HEADERS('月份 Month'),
    groupRows(stats.byMonth, (g) => g.key),
    [4],
  );
  sheet(
    wb,
    '响应时间 Answer times',
    [
      ['机构 Institution', 24],
      ['响应数 Answers', 12],
      ['平均用时(小时) Avg. hours', 18],
    ],
    stats.responseTimes.map((r) => [r.label, r.responses, r.avgHours]),
  );
  sheet(
    wb,
    '贷款明细 Loans',
    [
      ['放款日期 Granted on', 14],
      ['企业 Enterprise', 36],
      ['机构 Institution', 24],
      ['类型 Type', 14],
      ['金额(元) Amount', 16],
      ['年利率 Rate', 10],
      ['期限(月) Term', 10],
      ['担保/保险机构 Guarantor', 24],
      ['费率 Fee rate', 10],
    ],
    loans.map((l) => [
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
    [6, 9],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
