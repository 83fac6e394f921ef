/**
 * The verdicts of an import as a ring, loaded lazily so echarts is fetched only with a preview.
 * Drawn through useEChart.
 */
import { PieChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useEChart } from '../../components/useEChart.ts';
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
  const option = useMemo(() => {
    const data = VERDICTS.filter((v) => counts[v] > 0).map((v) => ({
      name: t(`imp.verdict.${v}`),
      value: counts[v],
      itemStyle: { color: VERDICT_COLOURS[v] },
    }));
    return {
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
    };
  }, [counts, t]);
  const element = useEChart(option);
  return <div ref={element} data-testid="verdict-chart" style={{ height, width: '100%' }} />;
}
