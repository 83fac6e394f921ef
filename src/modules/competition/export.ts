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
