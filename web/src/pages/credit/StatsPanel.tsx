/** Officers' (and an agency's own) compliance statistics: share delivered with the notice by agency and month, overdue repairs, Excel. */
import { Alert, Button, Card, Col, InputNumber, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { lazy, Suspense, useEffect, useState } from 'react';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { creditApi, type Statistics } from './api.ts';

const StatsChart = lazy(() => import('./StatsChart.tsx'));
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

export function StatsPanel({ refreshKey }: { refreshKey: number }) {
  const { t, pick } = useI18n();
  const [year, setYear] = useState(new Date().getFullYear());
  const [stats, setStats] = useState<Statistics | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setError(null);
    creditApi.statistics(year).then(setStats, setError);
  }, [year, refreshKey]);

  if (error) return <Alert type="error" showIcon title={errorText(error, pick)} />;
  if (!stats) return <PageSpinner />;
  const columns = [
    { title: t('credit.decisions'), dataIndex: 'decisions', align: 'right' as const },
    { title: t('credit.noticeRequiredCount'), dataIndex: 'noticeRequired', align: 'right' as const },
    { title: t('credit.deliveredWithNotice'), dataIndex: 'deliveredWithNotice', align: 'right' as const },
    { title: t('credit.deliveredDecisionOnly'), dataIndex: 'deliveredDecisionOnly', align: 'right' as const },
    { title: t('credit.undeliveredCount'), dataIndex: 'undelivered', align: 'right' as const },
    {
      title: t('credit.share'),
      dataIndex: 'share',
      align: 'right' as const,
      render: (v: number | null) => <span className="num">{pct(v)}</span>,
    },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="credit-stats">
      <Space wrap>
        <span>{t('credit.year')}</span>
        <InputNumber value={year} min={2023} max={2100} onChange={(v) => v && setYear(v)} data-testid="credit-stats-year" />
        <Button icon={<DownloadOutlined />} href={creditApi.statisticsXlsxUrl(year)} data-testid="credit-stats-xlsx">
          {t('common.exportExcel')}
        </Button>
      </Space>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('credit.noticeRequiredCount')} value={stats.totals.noticeRequired} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('credit.deliveredWithNotice')} value={stats.totals.deliveredWithNotice} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('credit.share')} value={pct(stats.totals.share)} data-testid="credit-share-total" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('credit.overdueRepairs')}
              value={stats.repairs.overdue}
              styles={{ content: { color: stats.repairs.overdue ? '#cf1322' : undefined } }}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('credit.byMonth')}>
        <Suspense fallback={<PageSpinner />}>
          <StatsChart rows={stats.byAgencyMonth} year={stats.year} />
        </Suspense>
      </Card>
      <Card size="small" title={t('credit.byAgency')}>
        <Table
          size="small"
          rowKey="agencyId"
          pagination={false}
          dataSource={stats.byAgency}
          data-testid="credit-stats-agencies"
          columns={[{ title: t('credit.agency'), dataIndex: 'agencyName' }, ...columns]}
        />
      </Card>
      <Card size="small" title={t('credit.overdueRepairs')}>
        <Typography.Paragraph type="secondary">{t('credit.repairsSummary', stats.repairs)}</Typography.Paragraph>
        <Table
          size="small"
          rowKey="applicationId"
          pagination={{ pageSize: 10 }}
          dataSource={stats.overdue}
          columns={[
            { title: t('credit.agency'), dataIndex: 'agencyName' },
            { title: t('credit.partyName'), dataIndex: 'partyName' },
            { title: t('credit.decisionNo'), dataIndex: 'decisionNo' },
            { title: t('credit.receivedOn'), dataIndex: 'receivedOn', render: (v: string) => <span className="num">{v}</span> },
            { title: t('credit.dueOn'), dataIndex: 'dueOn', render: (v: string) => <span className="num">{v}</span> },
            {
              title: t('credit.decidedOn'),
              dataIndex: 'decidedOn',
              render: (v: string | null) =>
                v ? <span className="num">{v}</span> : <Tag color="red">{t('credit.state.pending')}</Tag>,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
