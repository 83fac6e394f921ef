/** `/measures/:n`: one measure — its text and responsible units, tasks, the quarter's figures, and every report so far. */
import { Alert, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { measuresApi, type MeasureDetail, type Report } from './api.ts';
import { FigureTable } from './MeasuresPage.tsx';
import { MeasureStatusTag, ReportStatusTag } from './shared.tsx';

export default function MeasurePage() {
  const { t, pick } = useI18n();
  const n = Number(useParams().n);
  const [params] = useSearchParams();
  const [m, setM] = useState<MeasureDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const run = async () => {
      const period = params.get('period') ?? (await measuresApi.viewer()).reportingPeriod;
      setM(await measuresApi.measure(n, period));
    };
    run().catch((e: unknown) => setError(errorText(e, pick)));
  }, [n, params, pick]);
  if (error) return <Alert type="error" message={error} />;
  if (!m) return <PageSpinner />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="measure-page">
      <Typography.Title level={3}>
        <Link to={`/measures?period=${m.period}`}>{t('ms.title')}</Link> / {m.number}. {pick({ zh: m.titleZh, en: m.titleEn })}{' '}
        <MeasureStatusTag status={m.status} t={t} />
      </Typography.Title>
      <Card size="small" title={t('ms.text')}>
        <Typography.Paragraph>{m.text.textZh}</Typography.Paragraph>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('ms.col.lead')}>{m.leadZh}</Descriptions.Item>
          <Descriptions.Item label={t('ms.col.co')}>{m.coZh.join('、') || t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('ms.tasks')}>
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {m.tasksZh.map((task, i) => (
                <li key={task}>{pick({ zh: task, en: m.tasksEn[i] ?? task })}</li>
              ))}
            </ul>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={`${m.period} · ${m.reasons.map((r) => pick(r)).join('；')}`}>
        <FigureTable figures={m.indicators} />
      </Card>
      <Card size="small" title={t('ms.reportsHistory')}>
        <Table<Report>
          rowKey="id"
          size="small"
          dataSource={m.history}
          pagination={{ pageSize: 20 }}
          locale={{ emptyText: t('ms.noReportsYet') }}
          columns={[
            { title: t('ms.period'), dataIndex: 'period', width: 90 },
            { title: t('ms.col.unit'), dataIndex: 'unitZh', width: 180 },
            {
              title: t('ms.col.status'),
              width: 160,
              render: (_, r) => <ReportStatusTag status={r.status} overdue={r.overdue} t={t} />,
            },
            {
              title: t('ms.form.progress'),
              width: 100,
              render: (_, r) => (r.progress ? <Tag>{t(`ms.status.${r.progress}`)}</Tag> : '—'),
            },
            { title: t('ms.form.summary'), render: (_, r) => <Link to={`/measures/reports/${r.id}`}>{r.summary || '—'}</Link> },
          ]}
        />
      </Card>
    </Space>
  );
}
