/**
 * A bar chart (stacked or grouped) in 万元, loaded lazily by the budget page so echarts is fetched
 * only there. Drawn through useEChart.
 */
import { BarChart as EBarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useEChart } from '../../components/useEChart.ts';
import { useI18n } from '../../i18n/index.tsx';
import { formatMoney, toWan } from '../../util/format.ts';

echarts.use([EBarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface BarSeries {
  name: string;
  /** Yuan, one per category. */
  data: number[];
  stack?: string;
  color?: string;
}

interface Props {
  categories: string[];
  series: BarSeries[];
  testId: string;
  height?: number;
}

export default function BarChart({ categories, series, testId, height = 300 }: Props) {
  const { t } = useI18n();
  const option = useMemo(
    () => ({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) => (typeof v === 'number' ? formatMoney(Math.round(v * 10_000)) : ''),
      },
      legend: { data: series.map((s) => s.name), top: 0, right: 0 },
      grid: { left: 72, right: 24, top: 48, bottom: 32 },
      xAxis: { type: 'category', data: categories },
      yAxis: { type: 'value', name: t('common.wanYuan') },
      series: series.map((s) => ({
        name: s.name,
        type: 'bar',
        barMaxWidth: 48,
        ...(s.stack ? { stack: s.stack } : {}),
        ...(s.color ? { itemStyle: { color: s.color } } : {}),
        emphasis: { focus: 'series' },
        data: s.data.map(toWan),
      })),
    }),
    [categories, series, t],
  );
  const element = useEChart(option);
  return <div ref={element} data-testid={testId} style={{ height, width: '100%' }} />;
}
