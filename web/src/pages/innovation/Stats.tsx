/** Statistics: matches, contracts and amounts by technology field and district, with charts and Excel. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Statistic, Table, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { formatCount, formatMoney, toWan } from '../../util/format.ts';
import { fetchStats, statsExportUrl, type StatRow, type Stats } from './api.ts';
import { useInnovation, useLabel } from './shared.tsx';

const Chart = lazy(() => import('../dashboard/Chart.tsx'));

export function StatsPanel() {
  const { t } = useI18n();
  const { vocab } = useInnovation();
  const label = useLabel();
  const [stats, setStats] = useState<Stats | null>(null);
  useEffect(() => void fetchStats().then(setStats), []);
  if (!stats) return <PageSpinner />;
  const s = stats.totals;
  const cards: [MessageKey, number, boolean][] = [
    ['inno.stats.demands', s.demands, false],
    ['inno.stats.achievements', s.achievements, false],
    ['inno.stats.applications', s.applications, false],
    ['inno.stats.matched', s.matched, false],
    ['inno.stats.contracts', s.contracts, false],
    ['inno.stats.contractAmount', s.contractAmount, true],
    ['inno.stats.supportAmount', s.supportAmount, true],
    ['inno.stats.resources', s.resources, false],
    ['inno.stats.requests', s.requests, false],
  ];
  const wanLabel = t('common.wanYuan');
  const fieldName = (r: StatRow) => label(vocab.fields, r.key);
  const bars = (rows: StatRow[], name: (r: StatRow) => string) => ({
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 150, right: 60, top: 10, bottom: 50 },
    xAxis: [
      { type: 'value', name: t('inno.stats.count') },
      { type: 'value', name: wanLabel },
    ],
    yAxis: { type: 'category', data: rows.map(name), inverse: true },
    series: [
      { name: t('inno.stats.matched'), type: 'bar', data: rows.map((r) => r.matched), itemStyle: { color: '#1d4ed8' } },
      { name: t('inno.stats.contracts'), type: 'bar', data: rows.map((r) => r.contracts), itemStyle: { color: '#52c41a' } },
      {
        name: `${t('inno.stats.contractAmount')}（${wanLabel}）`,
        type: 'bar',
        xAxisIndex: 1,
        data: rows.map((r) => Math.round(toWan(r.contractAmount))),
        itemStyle: { color: '#fa8c16' },
      },
    ],
  });
  const columns = (first: string, name: (r: StatRow) => string) => [
    { title: first, render: (_v: unknown, r: StatRow) => name(r) },
    { title: t('inno.stats.demands'), dataIndex: 'demands', align: 'right' as const },
    { title: t('inno.stats.achievements'), dataIndex: 'achievements', align: 'right' as const },
    { title: t('inno.stats.applications'), dataIndex: 'applications', align: 'right' as const },
    { title: t('inno.stats.matched'), dataIndex: 'matched', align: 'right' as const },
    { title: t('inno.stats.contracts'), dataIndex: 'contracts', align: 'right' as const },
    {
      title: t('inno.stats.contractAmount'),
      align: 'right' as const,
      render: (_v: unknown, r: StatRow) => formatMoney(r.contractAmount),
    },
    {
      title: t('inno.stats.supportAmount'),
      align: 'right' as const,
      render: (_v: unknown, r: StatRow) => formatMoney(r.supportAmount),
    },
  ];
  return (
    <div data-testid="innovation-stats">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('inno.stats.asOf', { d: stats.asOf })}</Typography.Text>
        <Button icon={<DownloadOutlined />} href={statsExportUrl()} data-testid="export-stats">
          {t('common.exportExcel')}
        </Button>
      </Space>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {cards.map(([k, v, money]) => (
          <Col key={k} xs={12} md={8} lg={6} xl={4}>
            <Card size="small">
              <Statistic
                title={t(k)}
                value={money ? toWan(v) : v}
                precision={money ? 1 : 0}
                suffix={money ? wanLabel : undefined}
                formatter={money ? undefined : (x) => formatCount(Number(x))}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Suspense fallback={<PageSpinner />}>
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('inno.stats.byField')}>
              <Chart testId="chart-by-field" height={340} option={bars(stats.byField, fieldName)} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('inno.stats.byDistrict')}>
              <Chart testId="chart-by-district" height={340} option={bars(stats.byDistrict, (r) => r.name)} />
            </Card>
          </Col>
        </Row>
      </Suspense>
      <Card size="small" title={t('inno.stats.byField')} style={{ marginTop: 12 }}>
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={stats.byField}
          columns={columns(t('inno.field'), fieldName)}
        />
      </Card>
      <Card size="small" title={t('inno.stats.byDistrict')} style={{ marginTop: 12 }}>
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={stats.byDistrict}
          columns={columns(t('inno.col.unit'), (r) => r.name)}
        />
      </Card>
    </div>
  );
}
