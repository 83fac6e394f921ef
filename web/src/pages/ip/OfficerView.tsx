/** Officers (city, finance bureau; a district officer for their unit): IP statistics, enterprises, IP-pledge loans. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Drawer, Input, Row, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { fetchIpEnterprises, fetchStats, statsExportUrl, type EnterpriseHead, type IpStats } from './api.ts';
import { EnterpriseIpView } from './EnterpriseIpView.tsx';
import { PledgeLoansPanel } from './PledgeLoansPanel.tsx';

const Chart = lazy(() => import('../dashboard/Chart.tsx'));
const COLORS = { class1: '#1d4ed8', hv: '#c026d3', class2: '#0891b2' };

function StatsPanel() {
  const { t, lang } = useI18n();
  const [s, setS] = useState<IpStats | null>(null);
  useEffect(() => void fetchStats().then(setS), []);
  if (!s) return <PageSpinner />;
  const cls = (c: string) => t(`ip.class.${c === 'high_value' ? 'highValue' : c === 'other' ? 'trademark' : c}` as never);
  const byClass = Object.fromEntries(s.byClass.map((c) => [c.class, c.counted]));
  const stacked = (rows: { name: string; class1: number; class1HighValue: number; class2: number }[]) => ({
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 50, right: 20, top: 20, bottom: 80 },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { rotate: 35, interval: 0 } },
    yAxis: { type: 'value' },
    series: [
      {
        name: t('ip.class.I'),
        type: 'bar',
        data: rows.map((r) => r.class1 - r.class1HighValue),
        stack: 'c1',
        itemStyle: { color: COLORS.class1 },
      },
      {
        name: t('ip.class.highValue'),
        type: 'bar',
        data: rows.map((r) => r.class1HighValue),
        stack: 'c1',
        itemStyle: { color: COLORS.hv },
      },
      { name: t('ip.class.II'), type: 'bar', data: rows.map((r) => r.class2), itemStyle: { color: COLORS.class2 } },
    ],
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="ip-stats">
      <Space wrap>
        <Typography.Text type="secondary">{t('ip.stats.asOf', { d: s.asOf })}</Typography.Text>
        <Button icon={<DownloadOutlined />} href={statsExportUrl} data-testid="ip-stats-export">
          {t('common.exportExcel')}
        </Button>
      </Space>
      <Row gutter={[12, 12]}>
        {(
          [
            ['ents', t('ip.stats.enterprises'), s.enterprisesWithRecords],
            ['items', t('ip.stats.items'), s.items],
            ['c1', t('ip.count.class1'), byClass.I ?? 0],
            ['hv', t('ip.count.highValue'), byClass.high_value ?? 0],
            ['c2', t('ip.count.class2'), byClass.II ?? 0],
          ] as const
        ).map(([k, label, v]) => (
          <Col key={k} xs={12} md={4}>
            <Card size="small" data-testid={`ip-kpi-${k}`}>
              <Statistic title={label} value={v} />
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary">{t('ip.stats.note')}</Typography.Text>
      <Suspense fallback={<PageSpinner />}>
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={9}>
            <Card size="small" title={t('ip.stats.byKind')}>
              <Chart
                testId="chart-ip-kind"
                height={300}
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { bottom: 0 },
                  grid: { left: 110, right: 30, top: 10, bottom: 50 },
                  xAxis: { type: 'value' },
                  yAxis: { type: 'category', data: s.byKind.map((k) => t(`ip.kind.${k.kind}` as never)).reverse() },
                  series: [
                    {
                      name: t('ip.stats.all'),
                      type: 'bar',
                      data: s.byKind.map((k) => k.items).reverse(),
                      itemStyle: { color: '#94a3b8' },
                    },
                    {
                      name: t('ip.stats.inForce'),
                      type: 'bar',
                      data: s.byKind.map((k) => k.inForce).reverse(),
                      itemStyle: { color: '#16a34a' },
                    },
                  ],
                }}
              />
            </Card>
          </Col>
          <Col xs={24} lg={15}>
            <Card size="small" title={t('ip.stats.byUnit')}>
              <Chart testId="chart-ip-unit" height={300} option={stacked(s.byUnit.map((u) => ({ ...u, name: u.unitName })))} />
            </Card>
          </Col>
          <Col xs={24}>
            <Card size="small" title={t('ip.stats.byIndustry')}>
              <Chart
                testId="chart-ip-industry"
                height={320}
                option={stacked(s.byIndustry.slice(0, 15).map((u) => ({ ...u, name: u.industryName })))}
              />
            </Card>
          </Col>
        </Row>
      </Suspense>
      <Card size="small" title={t('ip.stats.perQualitySme')}>
        <Table
          rowKey="titleKind"
          size="small"
          pagination={false}
          dataSource={s.highValuePerQualitySme}
          data-testid="ip-per-title"
          columns={[
            { key: 'n', title: t('ip.col.title_kind'), render: (_: unknown, r) => (lang === 'zh' ? r.titleName : r.titleNameEn) },
            { key: 'e', title: t('ip.stats.enterprises'), dataIndex: 'enterprises', align: 'right' as const },
            { key: 'h', title: t('ip.count.highValue'), dataIndex: 'class1HighValue', align: 'right' as const },
            { key: 'p', title: t('ip.stats.perEnterprise'), dataIndex: 'perEnterprise', align: 'right' as const },
          ]}
        />
      </Card>
      <Typography.Text type="secondary">
        {cls('other')}：{byClass.other ?? 0}
      </Typography.Text>
    </Space>
  );
}

function Enterprises() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: (EnterpriseHead & { records: number })[]; total: number } | null>(null);
  const [open, setOpen] = useState<EnterpriseHead | null>(null);
  useEffect(() => void fetchIpEnterprises({ q, page, pageSize: 20 }).then(setData), [q, page]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.Search
        allowClear
        placeholder={t('ip.bank.search')}
        style={{ maxWidth: 360 }}
        onSearch={(v) => (setPage(1), setQ(v))}
      />
      <Table
        rowKey="id"
        size="middle"
        loading={!data}
        dataSource={data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => t('common.total', { n }),
        }}
        columns={[
          { key: 'name', title: t('ip.col.enterprise'), dataIndex: 'name' },
          { key: 'uscc', title: 'USCC', dataIndex: 'uscc', width: 200 },
          { key: 'unit', title: t('ip.col.unit'), dataIndex: 'unitName', width: 120 },
          { key: 'n', title: t('ip.col.items'), dataIndex: 'records', width: 90, align: 'right' as const },
          {
            key: 'a',
            title: t('ip.col.actions'),
            width: 90,
            render: (_: unknown, e: EnterpriseHead) => (
              <Button size="small" onClick={() => setOpen(e)}>
                {t('ip.action.view')}
              </Button>
            ),
          },
        ]}
      />
      <Drawer open={open !== null} width="85%" title={open?.name} onClose={() => setOpen(null)} destroyOnHidden>
        {open && <EnterpriseIpView enterpriseId={open.id} />}
      </Drawer>
    </Space>
  );
}

export function OfficerView() {
  const { t } = useI18n();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('ip.intro.officer')}</Typography.Paragraph>
      <Tabs
        data-testid="ip-tabs"
        items={[
          { key: 'stats', label: t('ip.tab.stats'), children: <StatsPanel /> },
          { key: 'enterprises', label: t('ip.tab.enterprises'), children: <Enterprises /> },
          { key: 'loans', label: t('ip.tab.loans'), children: <PledgeLoansPanel /> },
        ]}
      />
    </Space>
  );
}
