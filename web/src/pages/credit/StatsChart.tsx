/** Share of decisions delivered with the notice, by month (bars: counts; line: share), loaded lazily with echarts. */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useEChart } from '../../components/useEChart.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { AgencyMonth } from './api.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export default function StatsChart({ rows, year }: { rows: AgencyMonth[]; year: number }) {
  const { t } = useI18n();
  const option = useMemo(() => {
    // Every month of the year, so a month without decisions shows as a gap rather than disappearing.
    const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
    const sum = (m: string, k: 'deliveredWithNotice' | 'deliveredDecisionOnly' | 'undelivered' | 'noticeRequired') =>
      rows.filter((r) => r.month === m).reduce((s, r) => s + r[k], 0);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 50, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: months },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        {
          name: t('credit.deliveredWithNotice'),
          type: 'bar',
          stack: 'd',
          color: '#52c41a',
          data: months.map((m) => sum(m, 'deliveredWithNotice')),
        },
        {
          name: t('credit.deliveredDecisionOnly'),
          type: 'bar',
          stack: 'd',
          color: '#fa8c16',
          data: months.map((m) => sum(m, 'deliveredDecisionOnly')),
        },
        {
          name: t('credit.undeliveredCount'),
          type: 'bar',
          stack: 'd',
          color: '#bfbfbf',
          data: months.map((m) => sum(m, 'undelivered')),
        },
        {
          name: t('credit.share'),
          type: 'line',
          yAxisIndex: 1,
          color: '#1677ff',
          data: months.map((m) => {
            const req = sum(m, 'noticeRequired');
            return req ? Math.round((sum(m, 'deliveredWithNotice') / req) * 1000) / 10 : null;
          }),
        },
      ],
    };
  }, [rows, year, t]);
  const element = useEChart(option);
  return <div ref={element} style={{ height: 300 }} data-testid="credit-stats-chart" />;
}
