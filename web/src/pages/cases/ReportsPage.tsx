/**
 * `/cases/reports`: cases and amounts by status, district, clause and month, and the time cases
 * spend in each step — as charts (ECharts, like the dashboard), with the workbook for Excel.
 */
import { Alert, Button, Card, Col, Row, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useReferenceData } from '../../auth/ReferenceData.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { formatMoney, toWan } from '../../util/format.ts';
import { budgetYearOptions, clauseName, itemName } from '../policy/policyShared.tsx';
import * as api from './api.ts';
import { STATE_COLOURS, CasesTabs, useLoad } from './casesShared.tsx';

const Chart = lazy(() => import('../dashboard/Chart.tsx'));

const PALETTE: Record<string, string> = {
  gold: '#d4b106',
  blue: '#1677ff',
  geekblue: '#2f54eb',
  purple: '#722ed1',
  cyan: '#13c2c2',
  orange: '#fa8c16',
  green: '#52c41a',
  default: '#8c8c8c',
  volcano: '#fa541c',
  red: '#f5222d',
};

export default function ReportsPage() {
  const { t, lang, pick } = useI18n();
  const ref = useReferenceData();
  const [year, setYear] = useState<number | undefined>(undefined);
  const { data, error } = useLoad(() => api.fetchReports(year), [year]);
  const wan = t('report.wan');

  const options = useMemo(() => {
    if (!data) return null;
    const bar = (
      categories: string[],
      series: { name: string; data: number[]; color?: string; yAxisIndex?: number; type?: string }[],
      extra: object = {},
    ) => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 50, top: 56, bottom: 60 },
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
      yAxis: [
        { type: 'value', name: wan },
        { type: 'value', name: t('report.count'), splitLine: { show: false } },
      ],
      series: series.map((s) => ({
        type: s.type ?? 'bar',
        name: s.name,
        data: s.data,
        yAxisIndex: s.yAxisIndex ?? 0,
        itemStyle: s.color ? { color: s.color } : undefined,
      })),
      ...extra,
    });
    return {
      status: {
        tooltip: { trigger: 'axis' },
        grid: { left: 60, right: 50, top: 36, bottom: 60 },
        legend: { top: 0 },
        xAxis: {
          type: 'category',
          data: data.byStatus.map((s) => t(`case.state.${s.state}`)),
          axisLabel: { interval: 0, rotate: 30 },
        },
        yAxis: [
          { type: 'value', name: t('report.count') },
          { type: 'value', name: wan, splitLine: { show: false } },
        ],
        series: [
          {
            type: 'bar',
            name: t('report.count'),
            data: data.byStatus.map((s) => ({ value: s.count, itemStyle: { color: PALETTE[STATE_COLOURS[s.state]] } })),
          },
          { type: 'line', name: t('report.amountWan'), yAxisIndex: 1, data: data.byStatus.map((s) => toWan(Number(s.amount))) },
        ],
      },
      district: bar(
        data.byDistrict.map((d) => ref.unitName(d.unitCode, d.unitName)),
        [
          { name: t('report.amountWan'), data: data.byDistrict.map((d) => toWan(Number(d.amount))), color: '#1677ff' },
          { name: t('report.paidWan'), data: data.byDistrict.map((d) => toWan(Number(d.paidAmount))), color: '#52c41a' },
          {
            name: t('report.count'),
            data: data.byDistrict.map((d) => Number(d.count)),
            yAxisIndex: 1,
            type: 'line',
            color: '#fa8c16',
          },
        ],
      ),
      clause: {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
        xAxis: { type: 'value', name: wan },
        yAxis: {
          type: 'category',
          inverse: true,
          data: data.byClause.map((c) => `${clauseName(c.clause, t, lang)} ${itemName(c.item, ref, pick)}`),
          axisLabel: { width: 260, overflow: 'truncate' },
        },
        series: [
          {
            type: 'bar',
            name: t('report.amountWan'),
            data: data.byClause.map((c) => toWan(Number(c.amount))),
            itemStyle: { color: '#2f54eb' },
          },
          {
            type: 'bar',
            name: t('report.paidWan'),
            data: data.byClause.map((c) => toWan(Number(c.paidAmount))),
            itemStyle: { color: '#52c41a' },
          },
        ],
      },
      month: bar(
        data.byMonth.map((m) => m.month),
        [
          { name: t('report.openedWan'), data: data.byMonth.map((m) => toWan(m.openedAmount)), color: '#1677ff' },
          { name: t('report.paidWan'), data: data.byMonth.map((m) => toWan(m.paidAmount)), color: '#52c41a' },
          { name: t('report.opened'), data: data.byMonth.map((m) => m.opened), yAxisIndex: 1, type: 'line', color: '#722ed1' },
          { name: t('report.paid'), data: data.byMonth.map((m) => m.paid), yAxisIndex: 1, type: 'line', color: '#13c2c2' },
        ],
      ),
      steps: {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 60, right: 30, top: 36, bottom: 60 },
        xAxis: {
          type: 'category',
          data: data.stepDurations.map((s) => t(`case.state.${s.state}`)),
          axisLabel: { interval: 0, rotate: 30 },
        },
        yAxis: { type: 'value', name: t('report.days') },
        series: [
          {
            type: 'bar',
            name: t('report.avgDays'),
            data: data.stepDurations.map((s) => s.avgDays),
            itemStyle: { color: '#1677ff' },
          },
          {
            type: 'bar',
            name: t('report.maxDays'),
            data: data.stepDurations.map((s) => s.maxDays),
            itemStyle: { color: '#fa8c16' },
          },
        ],
      },
    };
  }, [data, t, lang, pick, ref, wan]);

  const totals = data
    ? data.byStatus.reduce((s, x) => ({ n: s.n + x.count, amount: s.amount + Number(x.amount) }), { n: 0, amount: 0 })
    : null;

  return (
    <div data-testid="reports-page">
      <div className="page-header">
        <Typography.Title level={3}>{t('report.title')}</Typography.Title>
        <Space>
          <Select
            allowClear
            placeholder={t('report.allYears')}
            value={year}
            onChange={(v?: number) => setYear(v)}
            options={budgetYearOptions().map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 140 }}
            data-testid="report-year"
          />
          <Button icon={<DownloadOutlined />} href={api.reportsExportUrl(year)} data-testid="report-export">
            {t('report.export')}
          </Button>
        </Space>
      </div>
      <CasesTabs />
      {error ? <Alert type="error" showIcon title={errorText(error, pick)} /> : null}
      {!options || !data ? (
        <PageSpinner />
      ) : (
        <Suspense fallback={<PageSpinner />}>
          {totals && (
            <Typography.Paragraph data-testid="report-totals">
              {t('report.totals', { n: totals.n, amount: formatMoney(totals.amount) })}
            </Typography.Paragraph>
          )}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('report.byStatus')}>
                <Chart option={options.status} testId="chart-status" />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('report.steps')}>
                <Chart option={options.steps} testId="chart-steps" />
              </Card>
            </Col>
            <Col xs={24}>
              <Card size="small" title={t('report.byDistrict')}>
                <Chart option={options.district} testId="chart-district" height={340} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('report.byClause')}>
                <Chart option={options.clause} testId="chart-clause" height={Math.max(300, data.byClause.length * 34 + 60)} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('report.byMonth')}>
                <Chart option={options.month} testId="chart-month" height={Math.max(300, data.byClause.length * 34 + 60)} />
              </Card>
            </Col>
            <Col xs={24}>
              <Card size="small" title={t('report.stepsTable')}>
                <Table
                  rowKey="state"
                  size="small"
                  pagination={false}
                  dataSource={data.stepDurations}
                  columns={[
                    { key: 's', title: t('report.step'), render: (_: unknown, s) => t(`case.state.${s.state}`) },
                    { key: 'n', title: t('report.leftCount'), dataIndex: 'count', align: 'right' },
                    { key: 'a', title: t('report.avgDays'), dataIndex: 'avgDays', align: 'right' },
                    { key: 'm', title: t('report.maxDays'), dataIndex: 'maxDays', align: 'right' },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </Suspense>
      )}
    </div>
  );
}
