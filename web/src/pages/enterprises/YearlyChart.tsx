/**
 * Revenue and R&D expense over the years. Loaded lazily by the enterprise page so echarts is
 * fetched only where a chart is shown; only the parts used are registered. Drawn through useEChart.
 */
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useEChart } from '../../components/useEChart.ts';
import type { YearlyFigures } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { formatWanYuan, toWan } from '../../util/format.ts';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export default function YearlyChart({ yearly }: { yearly: readonly YearlyFigures[] }) {
  const { t } = useI18n();
  const option = useMemo(() => {
    const rows = [...yearly].sort((a, b) => a.year - b.year);
    const revenue = t('yearly.revenue');
    const rd = t('yearly.rdExpense');
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatWanYuan(v * 10_000) : '') },
      legend: { data: [revenue, rd], top: 0, right: 0 },
      grid: { left: 72, right: 24, top: 48, bottom: 32 },
      xAxis: { type: 'category', data: rows.map((r) => String(r.year)) },
      yAxis: { type: 'value', name: t('common.wanYuan') },
      series: [
        { name: revenue, type: 'line', data: rows.map((r) => toWan(r.revenue)) },
        { name: rd, type: 'line', data: rows.map((r) => toWan(r.rdExpense)) },
      ],
    };
  }, [yearly, t]);
  const element = useEChart(option);
  return <div ref={element} data-testid="yearly-chart" style={{ height: 280, width: '100%' }} />;
}
