/**
 * One ECharts canvas driven directly (init / setOption / resize, as BarChart.tsx), loaded lazily
 * with the dashboard. `onItemClick` receives the clicked category, for drill-downs.
 */
import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, FunnelChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

interface Props {
  option: echarts.EChartsCoreOption;
  testId: string;
  height?: number;
  onItemClick?: (name: string, dataIndex: number) => void;
}

export default function Chart({ option, testId, height = 300, onItemClick }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onItemClick);
  click.current = onItemClick;

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current);
    chart.current = instance;
    instance.on('click', (params) => {
      const p = params as { name?: string; dataIndex?: number };
      if (p.name !== undefined) click.current?.(p.name, p.dataIndex ?? 0);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    // Printing changes the page width: redraw for the paper, then back.
    const resize = () => instance.resize();
    window.addEventListener('beforeprint', resize);
    window.addEventListener('afterprint', resize);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', resize);
      window.removeEventListener('afterprint', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={element} data-testid={testId} style={{ height, width: '100%', cursor: onItemClick ? 'pointer' : 'default' }} />;
}
