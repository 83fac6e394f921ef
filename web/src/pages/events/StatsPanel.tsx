/** Statistics by kind, district, title and industry, with charts and the Excel workbook. */
import { Button, Card, Col, Row, Select, Space, Statistic, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useState } from 'react';
import { useEChart } from '../../components/useEChart.ts';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { formatMoney } from '../../util/format.ts';
import { EVENT_KINDS, fetchStats, statsXlsxUrl, type EventKind, type EventStats, type StatLine } from './api.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

function Bars({ rows, height = 300, testId }: { rows: StatLine[]; height?: number; testId: string }) {
  const { t, lang } = useI18n();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map((r) => (lang === 'en' ? r.labelEn : r.label)),
        axisLabel: { interval: 0, rotate: rows.length > 4 ? 30 : 0, fontSize: 11 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('ev.enrolledN'), type: 'bar', data: rows.map((r) => r.enrolled), color: '#91caff' },
        { name: t('ev.attendedN'), type: 'bar', data: rows.map((r) => r.attended), color: '#1d4ed8' },
      ],
    }),
    [rows, t, lang],
  );
  const el = useEChart(option);
  return <div ref={el} style={{ height, width: '100%' }} data-testid={testId} />;
}

export function StatsPanel({ years }: { years: number[] }) {
  const { t, pick } = useI18n();
  const [year, setYear] = useState<number | undefined>(years[0]);
  const [kind, setKind] = useState<EventKind | undefined>(undefined);
  const [stats, setStats] = useState<EventStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetchStats({ year, kind })
      .then((s) => (setStats(s), setError(null)))
      .catch((e: unknown) => setError(errorText(e, pick)));
  }, [year, kind]);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="events-stats">
      <Space wrap>
        <Select
          style={{ width: 120 }}
          allowClear
          placeholder={t('ev.allYears')}
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
        <Select
          style={{ width: 180 }}
          allowClear
          placeholder={t('ev.allKinds')}
          value={kind}
          onChange={setKind}
          options={EVENT_KINDS.map((k) => ({ value: k, label: t(`ev.kind.${k}`) }))}
        />
        <Button href={statsXlsxUrl({ year, kind })}>{t('ev.exportXlsx')}</Button>
      </Space>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {stats && (
        <>
          <Row gutter={12}>
            <Col span={4}>
              <Card size="small">
                <Statistic title={t('ev.eventsN')} value={stats.totals.events} />
              </Card>
            </Col>
            <Col span={4}>
              <Card size="small">
                <Statistic title={t('ev.enrolledN')} value={stats.totals.enrolled} />
              </Card>
            </Col>
            <Col span={4}>
              <Card size="small">
                <Statistic title={t('ev.attendedN')} value={stats.totals.attended} />
              </Card>
            </Col>
            <Col span={4}>
              <Card size="small">
                <Statistic title={t('ev.enterprisesN')} value={stats.totals.enterprises} />
              </Card>
            </Col>
            <Col span={4}>
              <Card size="small">
                <Statistic title={t('ev.avgRating')} value={stats.totals.averageRating ?? '—'} />
              </Card>
            </Col>
            <Col span={4}>
              <Card size="small">
                <Statistic
                  title={t('ev.contracts')}
                  value={stats.totals.contracts}
                  suffix={
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatMoney(stats.totals.contractAmount)}
                    </Typography.Text>
                  }
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={12}>
              <Card size="small" title={t('ev.byUnit')}>
                <Bars rows={stats.byUnit} testId="chart-unit" />
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small" title={t('ev.byTitle')}>
                <Bars rows={stats.byTitle} testId="chart-title" />
              </Card>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={12}>
              <Card size="small" title={t('ev.byKind')}>
                <Bars rows={stats.byKind} testId="chart-kind" />
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small" title={t('ev.byIndustry')}>
                <Bars rows={stats.byIndustry.slice(0, 12)} testId="chart-industry" />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
