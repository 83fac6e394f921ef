/**
 * Revenue and R&D expense over the years. Loaded lazily by the enterprise page so echarts (a few
 * hundred KB) is fetched only where a chart is shown; only the parts used are registered.
 */
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { YearlyFigures } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { toWan } from '../../util/format.ts';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export default function YearlyChart({ yearly }: { yearly: readonly YearlyFigures[] }) {
  const { t } = useI18n();
  const rows = [...yearly].sort((a, b) => a.year - b.year);
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('yearly.revenue'), t('yearly.rdExpense')] },
    grid: { left: 64, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: rows.map((r) => String(r.year)) },
    yAxis: { type: 'value', name: t('common.wanYuan') },
    series: [
      { name: t('yearly.revenue'), type: 'line', smooth: true, data: rows.map((r) => toWan(r.revenue)) },
      { name: t('yearly.rdExpense'), type: 'line', smooth: true, data: rows.map((r) => toWan(r.rdExpense)) },
    ],
  };
  return (
    <div data-testid="yearly-chart">
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 280 }} />
    </div>
  );
}
