/**
 * `/pipeline` 梯度培育库. Officers: every enterprise in scope against the standards — meets a title it
 * does not hold, close within the margin — with the ladder funnel, counts by district, the table
 * and the Excel export. An enterprise account sees its own self-assessment here instead.
 */
import { Alert, Button, Card, Col, DatePicker, InputNumber, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useUser } from '../../auth/AuthContext.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { formatCount, todayIso } from '../../util/format.ts';
import { useUrlQuery } from '../../util/useUrlQuery.ts';
import {
  fetchPipeline,
  pipelineExportUrl,
  STANDARD_NAMES,
  STANDARDS,
  type Pipeline,
  type PipelineItem,
  type PipelineParams,
  type Standing,
} from './api.ts';
import SelfAssessment from './SelfAssessment.tsx';

const Chart = lazy(() => import('../dashboard/Chart.tsx'));

const STANDING_COLOUR: Record<Standing, string> = {
  holds: 'default',
  eligible: 'green',
  close: 'gold',
  no_data: 'default',
  far: 'default',
};

export default function PipelinePage() {
  const user = useUser();
  if (user.role === 'enterprise_user') return <SelfAssessment enterpriseId={user.enterpriseId} />;
  return <OfficerPipeline />;
}

function OfficerPipeline() {
  const { t, pick } = useI18n();
  const user = useUser();
  const [q, setQ] = useUrlQuery(['date', 'standard', 'points', 'percent', 'unit', 'standing'] as const);
  const params: PipelineParams = useMemo(
    () => ({
      date: q.date ?? todayIso(),
      standard: q.standard,
      marginPoints: q.points ?? '10',
      marginPercent: q.percent ?? '10',
      unitCode: q.unit,
      industry: undefined,
      standing: q.standing,
    }),
    [q],
  );
  const [data, setData] = useState<Pipeline | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    let live = true;
    setLoading(true);
    fetchPipeline(params)
      .then((d) => live && (setData(d), setError(null)))
      .catch((e: unknown) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [params]);

  const funnelOption = useMemo(() => {
    if (!data) return null;
    const stages = data.funnel.map((f) => ({
      name: pick(STANDARD_NAMES[f.standard]),
      value: f.holds + f.eligible,
      close: f.close,
    }));
    return {
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'funnel',
          sort: 'descending',
          minSize: '12%',
          left: '4%',
          width: '58%',
          gap: 2,
          labelLine: { show: true },
          label: {
            show: true,
            position: 'right',
            formatter: (p: { name: string; value: number; dataIndex: number }) =>
              `${p.name}  ${formatCount(p.value)}（${formatCount(stages[p.dataIndex]?.close ?? 0)}）`,
          },
          data: stages.map((s) => ({ name: s.name, value: s.value })),
        },
      ],
    };
  }, [data, pick]);

  const unitOption = useMemo(() => {
    if (!data) return null;
    const rows = data.byUnit.slice(0, 15);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, right: 10, data: [t('tiers.eligible'), t('tiers.close')] },
      grid: { left: 90, right: 20, top: 34, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.nameZh) },
      series: [
        {
          name: t('tiers.eligible'),
          type: 'bar',
          stack: 'a',
          itemStyle: { color: '#52c41a' },
          data: rows.map((r) => r.eligible),
        },
        { name: t('tiers.close'), type: 'bar', stack: 'a', itemStyle: { color: '#faad14' }, data: rows.map((r) => r.close) },
      ],
    };
  }, [data, t]);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="pipeline-page">
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {t('tiers.pipeline.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('tiers.pipeline.intro')}</Typography.Text>
      </div>
      <Card size="small">
        <Space wrap size="middle">
          <Space direction="vertical" size={2}>
            <Typography.Text type="secondary">{t('tiers.date')}</Typography.Text>
            <DatePicker
              data-testid="pipeline-date"
              allowClear={false}
              value={dayjs(params.date as string)}
              onChange={(d) => d && setQ({ date: d.format('YYYY-MM-DD') })}
            />
          </Space>
          <Space direction="vertical" size={2}>
            <Typography.Text type="secondary">{t('tiers.standard')}</Typography.Text>
            <Select
              data-testid="pipeline-standard"
              style={{ width: 180 }}
              value={q.standard ?? ''}
              onChange={(v: string) => setQ({ standard: v || undefined })}
              options={[
                { value: '', label: t('tiers.standard.all') },
                ...STANDARDS.filter((s) => s !== 'sme_size').map((s) => ({ value: s, label: pick(STANDARD_NAMES[s]) })),
              ]}
            />
          </Space>
          <Space direction="vertical" size={2}>
            <Typography.Text type="secondary">{t('tiers.marginPoints')}</Typography.Text>
            <InputNumber
              data-testid="pipeline-points"
              min={0}
              max={100}
              value={Number(params.marginPoints)}
              onChange={(v) => setQ({ points: v === null ? undefined : String(v) })}
            />
          </Space>
          <Space direction="vertical" size={2}>
            <Typography.Text type="secondary">{t('tiers.marginPercent')}</Typography.Text>
            <InputNumber
              data-testid="pipeline-percent"
              min={0}
              max={100}
              value={Number(params.marginPercent)}
              onChange={(v) => setQ({ percent: v === null ? undefined : String(v) })}
            />
          </Space>
          {user.role === 'city_officer' && (
            <Space direction="vertical" size={2}>
              <Typography.Text type="secondary">{t('tiers.unit')}</Typography.Text>
              <UnitSelect value={q.unit} onChange={(v) => setQ({ unit: v })} style={{ width: 160 }} testId="pipeline-unit" />
            </Space>
          )}
          <Space direction="vertical" size={2}>
            <Typography.Text type="secondary">{t('tiers.standing')}</Typography.Text>
            <Select
              data-testid="pipeline-standing"
              style={{ width: 150 }}
              value={q.standing ?? ''}
              onChange={(v: string) => setQ({ standing: v || undefined })}
              options={[
                { value: '', label: t('common.all') },
                { value: 'eligible', label: t('tiers.standing.eligible') },
                { value: 'close', label: t('tiers.standing.close') },
              ]}
            />
          </Space>
          <Button icon={<DownloadOutlined />} href={pipelineExportUrl(params)} data-testid="pipeline-export">
            {t('tiers.export')}
          </Button>
        </Space>
      </Card>
      {error !== null && <Alert type="error" showIcon message={errorText(error, pick)} />}
      {!data && loading && <PageSpinner />}
      {data && (
        <>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('tiers.enterprises')} value={data.enterprises} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="pipeline-computed-at">
                  {t('tiers.computedAt', { time: dayjs(data.computedAt).format('YYYY-MM-DD HH:mm') })}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('tiers.eligible')}
                  value={data.byUnit.reduce((a, u) => a + u.eligible, 0)}
                  valueStyle={{ color: '#389e0d' }}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('tiers.close')}
                  value={data.byUnit.reduce((a, u) => a + u.close, 0)}
                  valueStyle={{ color: '#d48806' }}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small" title={t('tiers.versions')} styles={{ body: { padding: 8, fontSize: 12 } }}>
                {Object.entries(data.versions)
                  .filter(([k]) => k !== 'sme_size' && k !== 'unicorn')
                  .map(([k, v]) => (
                    <div key={k}>{v ?? '—'}</div>
                  ))}
              </Card>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card
                size="small"
                title={t('tiers.funnel')}
                extra={<Typography.Text type="secondary">{t('tiers.funnel.note')}</Typography.Text>}
              >
                <Suspense fallback={<PageSpinner />}>
                  {funnelOption && <Chart option={funnelOption} testId="pipeline-funnel" height={300} />}
                </Suspense>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('tiers.byUnit')}>
                <Suspense fallback={<PageSpinner />}>
                  {unitOption && <Chart option={unitOption} testId="pipeline-units" height={300} />}
                </Suspense>
              </Card>
            </Col>
          </Row>
          <Card
            size="small"
            title={t('tiers.items')}
            extra={
              <Typography.Text type="secondary">
                {t('tiers.items.shown', { shown: data.items.length, total: data.totalItems })}
              </Typography.Text>
            }
          >
            <Table<PipelineItem>
              data-testid="pipeline-table"
              size="small"
              rowKey={(r) => `${r.enterpriseId}:${r.standard}`}
              dataSource={data.items}
              loading={loading}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              columns={[
                {
                  title: t('tiers.col.enterprise'),
                  key: 'name',
                  width: 260,
                  render: (_, r) => <Link to={`/pipeline/enterprises/${r.enterpriseId}?date=${data.date}`}>{r.name}</Link>,
                },
                { title: t('tiers.col.unit'), dataIndex: 'unitCode', width: 80 },
                {
                  title: t('tiers.col.standard'),
                  key: 'std',
                  width: 190,
                  render: (_, r) => (
                    <span>
                      {pick(STANDARD_NAMES[r.standard])}{' '}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.standardVersion.split('@')[1]}
                      </Typography.Text>
                    </span>
                  ),
                },
                {
                  title: t('tiers.standing'),
                  dataIndex: 'standing',
                  width: 110,
                  render: (s: Standing) => <Tag color={STANDING_COLOUR[s]}>{t(`tiers.standing.${s}`)}</Tag>,
                },
                { title: t('tiers.col.score'), dataIndex: 'score', width: 70, render: (s: number | null) => s ?? '—' },
                {
                  title: t('tiers.col.missing'),
                  key: 'missing',
                  render: (_, r) => (
                    <Typography.Text style={{ fontSize: 12 }}>
                      {pick({ zh: r.missingZh, en: r.missingEn }) || '—'}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
