/**
 * Revenue and R&D expense over the years. Loaded lazily by the enterprise page so echarts is
 * fetched only where a chart is shown; only the parts used are registered. echarts is driven
 * directly (init / setOption / resize) rather than through echarts-for-react, whose CommonJS
 * default export does not survive Vite's dev-server interop.
 */
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { YearlyFigures } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { formatWanYuan, toWan } from '../../util/format.ts';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export default function YearlyChart({ yearly }: { yearly: readonly YearlyFigures[] }) {
  const { t } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const rows = [...yearly].sort((a, b) => a.year - b.year);
    const revenue = t('yearly.revenue');
    const rd = t('yearly.rdExpense');
    chart.current?.setOption(
      {
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatWanYuan(v * 10_000) : '') },
        legend: { data: [revenue, rd], top: 0, right: 0 },
        grid: { left: 72, right: 24, top: 48, bottom: 32 },
        xAxis: { type: 'category', data: rows.map((r) => String(r.year)) },
        yAxis: { type: 'value', name: t('common.wanYuan') },
        series: [
          { name: revenue, type: 'line', data: rows.map((r) => toWan(r.revenue)) },
          { name: rd, type: 'line', data: rows.map((r) => toWan(r.rdExpense)) },
        ],
      },
      { notMerge: true },
    );
  }, [yearly, t]);

  return <div ref={element} data-testid="yearly-chart" style={{ height: 280, width: '100%' }} />;
}
