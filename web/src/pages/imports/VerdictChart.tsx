/**
 * The verdicts of an import as a ring, loaded lazily so echarts is fetched only with a preview.
 * Driven directly (init / setOption / resize) like policy/BarChart.
 */
import { PieChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ImportCounts } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { VERDICT_COLOURS, VERDICTS } from './importShared.tsx';

echarts.use([PieChart, LegendComponent, TooltipComponent, CanvasRenderer]);

interface Props {
  counts: ImportCounts;
  height?: number;
}

export default function VerdictChart({ counts, height = 200 }: Props) {
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
    const data = VERDICTS.filter((v) => counts[v] > 0).map((v) => ({
      name: t(`imp.verdict.${v}`),
      value: counts[v],
      itemStyle: { color: VERDICT_COLOURS[v] },
    }));
    chart.current?.setOption(
      {
        tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
        legend: { orient: 'vertical', right: 0, top: 'middle', itemWidth: 12, itemHeight: 12 },
        series: [
          {
            type: 'pie',
            radius: ['45%', '75%'],
            center: ['32%', '50%'],
            avoidLabelOverlap: true,
            label: { show: false },
            data,
          },
        ],
      },
      { notMerge: true },
    );
  }, [counts, t]);

  return <div ref={element} data-testid="verdict-chart" style={{ height, width: '100%' }} />;
}
