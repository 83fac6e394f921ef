/** The leadership view as a workbook for the meeting: the measures, then every figure with its source. */
import { sheetOf, toXlsxBook } from '../../shared/xlsx.ts';
import type { IndicatorFigure, MeasureRow } from './service.ts';
import { STATUS_LABELS } from './domain.ts';

const MEASURE_STATUS: Record<MeasureRow['status'], string> = { on_track: '正常推进', behind: '进度滞后', no_report: '未报告' };

export async function overviewWorkbook(o: {
  period: string;
  asOf: string;
  dueOn: string;
  measures: MeasureRow[];
}): Promise<Buffer> {
  const measures = sheetOf<MeasureRow>(
    '措施推进情况',
    [
      { header: '序号', width: 6, value: (m) => m.number },
      { header: '措施', width: 30, value: (m) => m.titleZh },
      { header: '牵头单位', width: 22, value: (m) => m.leadZh },
      { header: '配合单位', width: 36, value: (m) => m.coZh.join('、') },
      { header: '状态', width: 10, value: (m) => MEASURE_STATUS[m.status] },
      { header: '原因', width: 36, value: (m) => m.reasons.map((r) => r.zh).join('；') },
      {
        header: '各单位报告',
        width: 50,
        value: (m) =>
          m.reports
            .map((r) => `${r.unitZh}：${r.status ? STATUS_LABELS[r.status].zh : '未填报'}${r.overdue ? '（逾期）' : ''}`)
            .join('；'),
      },
    ],
    o.measures,
  );
  const figures = o.measures.flatMap((m) => m.indicators.map((i) => ({ m, i })));
  const indicators = sheetOf<{ m: MeasureRow; i: IndicatorFigure }>(
    '指标',
    [
      { header: '序号', width: 6, value: (x) => x.m.number },
      { header: '指标', width: 34, value: (x) => x.i.label.zh },
      { header: '数值', width: 14, numFmt: '#,##0.##', value: (x) => x.i.value },
      { header: '单位', width: 8, value: (x) => x.i.unit.zh },
      { header: '目标', width: 12, value: (x) => x.i.target },
      { header: '本季度应达', width: 12, value: (x) => x.i.expected },
      { header: '是否达到', width: 10, value: (x) => (x.i.onTrack === null ? '' : x.i.onTrack ? '是' : '否') },
      { header: '来源', width: 10, value: (x) => (x.i.kind === 'computed' ? '平台数据' : '单位填报') },
      { header: '口径', width: 60, value: (x) => x.i.source.zh },
      { header: '数据时间', width: 22, value: (x) => x.i.asOf },
    ],
    figures,
  );
  const title = `济南市加快培育优质中小企业若干措施推进情况（${o.period}，报告期限${o.dueOn}）`;
  return toXlsxBook([
    { ...measures, print: { title } },
    { ...indicators, print: { title: `${title}——指标` } },
  ]);
}
