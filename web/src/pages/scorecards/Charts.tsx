/**
 * Scorecard charts — radar, ranking bars, trend lines — drawn through useEChart; only the parts
 * used are registered.
 */
import { BarChart, LineChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useEChart } from '../../components/useEChart.ts';

echarts.use([RadarChart, BarChart, LineChart, GridComponent, LegendComponent, RadarComponent, TooltipComponent, CanvasRenderer]);

/** These options are plain data (no functions), so they are compared by value: a re-render with the same data does not redraw. */
function useChart(option: Record<string, unknown>) {
  const key = JSON.stringify(option);
  const stable = useMemo(() => JSON.parse(key) as Record<string, unknown>, [key]);
  return useEChart(stable);
}

export interface RadarSeries {
  name: string;
  values: (number | null)[];
}

/** Axes 0..max; a missing value is drawn at 0 (the tooltip shows “—”). */
export function Radar({
  axes,
  series,
  max = 100,
  testId,
  height = 320,
}: {
  axes: string[];
  series: RadarSeries[];
  max?: number;
  testId: string;
  height?: number;
}) {
  const ref = useChart({
    tooltip: {},
    legend: { data: series.map((s) => s.name), bottom: 0 },
    radar: { indicator: axes.map((name) => ({ name, max })), radius: '62%' },
    series: [
      {
        type: 'radar',
        data: series.map((s) => ({ name: s.name, value: s.values.map((v) => v ?? 0) })),
        areaStyle: { opacity: 0.08 },
      },
    ],
  });
  return <div ref={ref} data-testid={testId} style={{ height, width: '100%' }} />;
}

export function RankingBars({
  names,
  values,
  testId,
  max = 100,
}: {
  names: string[];
  values: (number | null)[];
  testId: string;
  max?: number;
}) {
  const ref = useChart({
    tooltip: { trigger: 'axis' },
    grid: { left: 72, right: 24, top: 16, bottom: 24 },
    xAxis: { type: 'value', max },
    yAxis: { type: 'category', data: [...names].reverse() },
    series: [{ type: 'bar', data: [...values].reverse(), label: { show: true, position: 'right' } }],
  });
  return <div ref={ref} data-testid={testId} style={{ height: Math.max(200, names.length * 26 + 40), width: '100%' }} />;
}

export function TrendLines({
  years,
  series,
  testId,
  yMax = 100,
}: {
  years: number[];
  series: RadarSeries[];
  testId: string;
  yMax?: number;
}) {
  const ref = useChart({
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', data: series.map((s) => s.name), top: 0 },
    grid: { left: 48, right: 24, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', max: yMax },
    series: series.map((s) => ({ name: s.name, type: 'line', data: s.values, connectNulls: false })),
  });
  return <div ref={ref} data-testid={testId} style={{ height: 320, width: '100%' }} />;
}
