/** Small pieces shared by the competition views: stage and group labels, eligibility reasons, the score chart. */
import { Space, Tag, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useEChart } from '../../components/useEChart.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import type { Group, Result, Rule, StageKind } from './api.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export const stageKey = (k: StageKind): MessageKey => `comp.stage.${k}`;
export const groupKey = (g: Group): MessageKey => `comp.group.${g}`;
export const points = (centi: number) => (centi / 100).toFixed(2);

export function EligibilityReasons({ rules }: { rules: Rule[] }) {
  const { pick } = useI18n();
  return (
    <Space direction="vertical" size={2}>
      {rules.map((r) => (
        <Typography.Text key={r.rule} type={r.passed ? 'success' : 'danger'}>
          {r.passed ? '✓ ' : '✗ '}
          {pick(r.reason)}
        </Typography.Text>
      ))}
    </Space>
  );
}

export function RecommendationTag({ value }: { value: string | null }) {
  const { t } = useI18n();
  if (value === 'national') return <Tag color="red">{t('comp.rec.national')}</Tag>;
  if (value === 'provincial') return <Tag color="orange">{t('comp.rec.provincial')}</Tag>;
  return null;
}

/** Scores of a ranked group as bars, advancing projects highlighted. */
export function ScoreChart({ results }: { results: Result[] }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 44, right: 12, top: 16, bottom: 40 },
      xAxis: { type: 'category', data: results.map((r) => r.code), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', min: (v: { min: number }) => Math.max(0, Math.floor(v.min - 5)), max: 100 },
      series: [
        {
          type: 'bar',
          data: results.map((r) => ({ value: r.scoreCenti / 100, itemStyle: { color: r.advanced ? '#1d4ed8' : '#94a3b8' } })),
        },
      ],
    }),
    [results],
  );
  const el = useEChart(option);
  return <div ref={el} style={{ height: 220, width: '100%' }} data-testid="score-chart" />;
}
