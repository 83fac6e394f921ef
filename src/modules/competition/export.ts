/** The recommendation list (推荐名单) for the provincial and national rounds, as a printable workbook. */
import { sheetOf, toXlsxBook, type Column } from '../../shared/xlsx.ts';

interface Row {
  code: string;
  projectName: string;
  entrantName: string;
  group: string;
  trackZh: string;
  unitZh: string | null;
  scoreCenti: number;
  rank: number;
  recommendation: string | null;
}

const GROUP_ZH: Record<string, string> = { enterprise: '企业组', maker: '创客组' };
const LEVEL_ZH: Record<string, string> = { national: '推荐全国赛', provincial: '推荐省赛' };

export async function recommendationWorkbook(year: number, rows: readonly Row[]): Promise<Buffer> {
  const listed = rows.filter((r) => r.recommendation);
  const numbered = listed.map((r, i) => ({ ...r, seq: i + 1 }));
  const columns: Column<Row & { seq: number }>[] = [
    { header: '序号', width: 6, value: (r) => r.seq },
    { header: '项目编号', width: 12, value: (r) => r.code },
    { header: '项目名称', width: 32, value: (r) => r.projectName },
    { header: '参赛主体', width: 32, value: (r) => r.entrantName },
    { header: '组别', width: 8, value: (r) => GROUP_ZH[r.group] ?? r.group },
    { header: '赛道', width: 14, value: (r) => r.trackZh },
    { header: '所属区县', width: 12, value: (r) => r.unitZh ?? '' },
    { header: '得分', width: 8, numFmt: '0.00', value: (r) => r.scoreCenti / 100 },
    { header: '排名', width: 6, value: (r) => r.rank },
    { header: '推荐等次', width: 12, value: (r) => (r.recommendation ? (LEVEL_ZH[r.recommendation] ?? '') : '') },
  ];
  return toXlsxBook([
    {
      ...sheetOf(`${year}推荐名单`, columns, numbered),
      print: { title: `${year}年“创客济南”大赛推荐省赛和全国大赛项目名单`, landscape: true },
    },
  ]);
}

const STATUS_ZH: Record<string, string> = {
  intent: '投资意向',
  due_diligence: '尽职调查',
  signed: '已签约',
  disbursed: '资金到位',
  withdrawn: '已撤回',
};
const FUND_ZH: Record<string, string> = { national: '国家级', provincial: '省级', city: '市级', district: '区县级' };
const INTEREST_ZH: Record<string, string> = { strong: '强烈', moderate: '一般', watching: '观望' };

interface FollowUpBook {
  year: number;
  rows: {
    code: string;
    projectName: string;
    entrantName: string;
    group: string;
    interests: { investorName: string; level: string; recordedOn: string; note: string }[];
    investments: {
      fundName: string;
      fundLevel: string;
      amountYuan: number;
      status: string;
      statusOn: string;
      note: string;
      history: { toStatus: string; statusOn: string }[];
    }[];
  }[];
}

/** The roadshow follow-up (路演与投资跟踪): one sheet of investors' interest, one of fund investments with their path. */
export async function followUpWorkbook(book: FollowUpBook): Promise<Buffer> {
  type P = FollowUpBook['rows'][number];
  const interests = book.rows.flatMap((r) => r.interests.map((i) => ({ p: r, i })));
  const investments = book.rows.flatMap((r) => r.investments.map((v) => ({ p: r, v })));
  const project: Column<{ p: P }>[] = [
    { header: '项目编号', width: 12, value: (r) => r.p.code },
    { header: '项目名称', width: 30, value: (r) => r.p.projectName },
    { header: '参赛主体', width: 28, value: (r) => r.p.entrantName },
    { header: '组别', width: 8, value: (r) => GROUP_ZH[r.p.group] ?? r.p.group },
  ];
  const i = interests as { p: P; i: P['interests'][number] }[];
  const v = investments as { p: P; v: P['investments'][number] }[];
  return toXlsxBook([
    sheetOf(
      '投资意向',
      [
        ...(project as Column<(typeof i)[number]>[]),
        { header: '投资机构', width: 28, value: (r) => r.i.investorName },
        { header: '意向程度', width: 10, value: (r) => INTEREST_ZH[r.i.level] ?? r.i.level },
        { header: '记录日期', width: 12, value: (r) => r.i.recordedOn },
        { header: '备注', width: 30, value: (r) => r.i.note },
      ],
      i,
    ),
    sheetOf(
      '基金投资',
      [
        ...(project as Column<(typeof v)[number]>[]),
        { header: '基金名称', width: 28, value: (r) => r.v.fundName },
        { header: '基金级别', width: 10, value: (r) => FUND_ZH[r.v.fundLevel] ?? r.v.fundLevel },
        { header: '金额（元）', width: 14, numFmt: '#,##0', value: (r) => r.v.amountYuan },
        { header: '当前状态', width: 10, value: (r) => STATUS_ZH[r.v.status] ?? r.v.status },
        { header: '状态日期', width: 12, value: (r) => r.v.statusOn },
        {
          header: '状态历程',
          width: 40,
          value: (r) => r.v.history.map((h) => `${h.statusOn} ${STATUS_ZH[h.toStatus] ?? h.toStatus}`).join(' → '),
        },
        { header: '备注', width: 30, value: (r) => r.v.note },
      ],
      v,
    ),
  ]);
}
