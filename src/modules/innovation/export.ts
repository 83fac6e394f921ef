/** Excel for innovation services: the statistics workbook and the import templates. */
import { sheetOf, toXlsxBook, type Column } from '../../shared/xlsx.ts';
import { ACHIEVEMENT_COLUMNS, APPLICATION_STATUS_LABELS, DEMAND_COLUMNS } from './domain.ts';
import type { InnovationStatRow, InnovationStats } from './service.ts';

const YUAN = '#,##0';

function statColumns(first: string): Column<InnovationStatRow>[] {
  return [
    { header: first, width: 26, value: (r) => r.name },
    { header: '技术需求', width: 10, value: (r) => r.demands },
    { header: '技术成果', width: 10, value: (r) => r.achievements },
    { header: '揭榜申请', width: 10, value: (r) => r.applications },
    { header: '对接成功', width: 10, value: (r) => r.matched },
    { header: '签约项目', width: 10, value: (r) => r.contracts },
    { header: '合同金额（元）', width: 16, numFmt: YUAN, value: (r) => r.contractAmount },
    { header: '政府支持（元）', width: 16, numFmt: YUAN, value: (r) => r.supportAmount },
  ];
}

export async function statsWorkbook(s: InnovationStats): Promise<Buffer> {
  const t = s.totals;
  const total: InnovationStatRow = { key: 'total', name: '合计', ...t };
  return toXlsxBook([
    {
      ...sheetOf('按技术领域', statColumns('技术领域'), [...s.byField, total]),
      print: { title: `产学研对接统计（按技术领域，截至${s.asOf}）`, boldLastRow: true },
    },
    {
      ...sheetOf('按区县', statColumns('区县（功能区）'), s.byDistrict),
      print: { title: `产学研对接统计（按区县，截至${s.asOf}）` },
    },
    sheetOf(
      '揭榜状态',
      [
        {
          header: '状态',
          width: 16,
          value: (r: { status: string; count: number }) =>
            APPLICATION_STATUS_LABELS[r.status as keyof typeof APPLICATION_STATUS_LABELS]?.zh ?? r.status,
        },
        { header: '数量', width: 10, value: (r: { status: string; count: number }) => r.count },
      ],
      s.byStatus,
    ),
    sheetOf(
      '大中小融通',
      [
        { header: '指标', width: 20, value: (r: [string, number]) => r[0] },
        { header: '数量', width: 10, value: (r: [string, number]) => r[1] },
      ],
      [
        ['开放资源', t.resources],
        ['资源申请', t.requests],
        ['已同意申请', t.requestsAccepted],
      ] as [string, number][],
    ),
  ]);
}

/** An empty sheet with the accepted headers and one example row (to be deleted before upload). */
export async function importTemplate(kind: 'achievements' | 'demands'): Promise<Buffer> {
  const headers = Object.keys(kind === 'achievements' ? ACHIEVEMENT_COLUMNS : DEMAND_COLUMNS);
  const example =
    kind === 'achievements'
      ? [
          '五轴数控机床热误差补偿技术',
          '基于温度场建模的主轴热变形实时补偿',
          '高端装备与智能制造',
          '中试',
          '发明专利',
          'ZL202310000000.1',
          '精密制造课题组',
          '张老师',
          '13800000000',
        ]
      : ['数控机床主轴热变形补偿', '加工精度受温升影响，需在线补偿', '高端装备与智能制造', '500000', '2027-06-30'];
  return toXlsxBook([
    {
      name: kind === 'achievements' ? '技术成果' : '技术需求',
      columns: headers.map((h) => ({ header: h, width: 22 })),
      rows: [example],
    },
  ]);
}
