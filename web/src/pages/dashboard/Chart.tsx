/**
 * One ECharts canvas (drawn through useEChart), loaded lazily with the dashboard. `onItemClick` receives the clicked category, for drill-downs.
 */
import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEChart } from '../../components/useEChart.ts';

echarts.use([
  BarChart,
  LineChart,
  FunnelChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

interface Props {
  option: echarts.EChartsCoreOption;
  testId: string;
  height?: number;
  onItemClick?: (name: string, dataIndex: number) => void;
}

export default function Chart({ option, testId, height = 300, onItemClick }: Props) {
  const element = useEChart(option, onItemClick);
  return (
    <div ref={element} data-testid={testId} style={{ height, width: '100%', cursor: onItemClick ? 'pointer' : 'default' }} />
  );
}
