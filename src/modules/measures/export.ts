/** The leadership view as a workbook for the meeting: the measures, then every figure with its source. */
import { AlignmentType, LineRuleType, Paragraph } from 'docx';
import { sheetOf, toXlsxBook } from '../../shared/xlsx.ts';
import { blank, CHAR, FONTS, gbDocx, LINE, run, SIZE } from '../cases/documents.ts';
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

const CN_NUMBERS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三'];

function line(text: string, font: string = FONTS.body, opts: { center?: boolean; indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    children: [run(text, font, font === FONTS.title ? SIZE.title : SIZE.body)],
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    ...(opts.center ? { alignment: AlignmentType.CENTER } : { alignment: AlignmentType.JUSTIFIED }),
    ...(opts.indent === false ? {} : { indent: { firstLine: 2 * CHAR } }),
  });
}

const figureText = (i: IndicatorFigure) =>
  `${i.label.zh}：${i.value === null ? '暂无' : i.unit.zh === '%' ? `${i.value}%` : `${i.value.toLocaleString('zh-CN')}${i.unit.zh}`}` +
  (i.target === null ? '' : `（目标${i.target}，本季度应达${i.expected}，${i.onTrack ? '达到' : '未达到'}）`) +
  `（${i.kind === 'computed' ? '平台数据' : '单位填报'}）`;

/** The leadership view as a Word report after GB/T 9704 (the cases module's `gbDocx`), for the meeting's papers. */
export async function overviewDocx(o: {
  period: string;
  asOf: string;
  dueOn: string;
  counts: Record<MeasureRow['status'], number>;
  measures: MeasureRow[];
}): Promise<Buffer> {
  const title = `关于《济南市关于加快培育优质中小企业若干措施》${o.period}推进情况的报告`;
  const body: Paragraph[] = [
    line(title, FONTS.title, { center: true, indent: false }),
    blank(),
    line(
      `截至${o.period}末，13项措施中正常推进${o.counts.on_track}项、进度滞后${o.counts.behind}项、未报告${o.counts.no_report}项（报告期限${o.dueOn}；数据时间${o.asOf.slice(0, 16).replace('T', ' ')}）。具体情况如下：`,
    ),
  ];
  for (const m of o.measures) {
    body.push(
      line(`${CN_NUMBERS[m.number]}、${m.titleZh}（牵头单位：${m.leadZh}；${MEASURE_STATUS[m.status]}）`, FONTS.heading1),
    );
    if (m.reasons.length > 0) body.push(line(`说明：${m.reasons.map((r) => r.zh).join('；')}。`));
    body.push(
      line(
        `报告情况：${m.reports.map((r) => `${r.unitZh}${r.status ? STATUS_LABELS[r.status].zh : '未填报'}${r.overdue ? '（逾期）' : ''}`).join('，')}。`,
      ),
    );
    for (const i of m.indicators) body.push(line(figureText(i)));
  }
  return gbDocx(title, [body]);
}
