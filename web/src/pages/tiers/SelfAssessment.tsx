/**
 * One enterprise against every standard: what it qualifies for, what it lacks, which reward
 * clause 二 of the measures would pay. The enterprise's own page (`/pipeline`), and for officers
 * `/pipeline/enterprises/:id`.
 */
import { Alert, Card, Collapse, DatePicker, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { formatMoney, todayIso } from '../../util/format.ts';
import { useUrlQuery } from '../../util/useUrlQuery.ts';
import { fetchAssessment, type Assessment, type Condition, type Indicator, type Result, type Status } from './api.ts';

const STATUS_COLOUR: Record<Status, string> = { met: 'green', not_met: 'red', no_data: 'default' };

export function EnterpriseAssessmentPage() {
  const { id } = useParams();
  return <SelfAssessment enterpriseId={Number(id)} />;
}

export default function SelfAssessment({ enterpriseId }: { enterpriseId: number | null }) {
  const { t, pick } = useI18n();
  const [q, setQ] = useUrlQuery(['date'] as const);
  const date = q.date ?? todayIso();
  const [data, setData] = useState<Assessment | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!enterpriseId) return;
    let live = true;
    fetchAssessment(enterpriseId, date)
      .then((d) => live && (setData(d), setError(null)))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [enterpriseId, date]);
  if (!enterpriseId) return <Alert type="warning" message={t('tiers.self.noEnterprise')} />;
  if (error !== null) return <Alert type="error" showIcon message={errorText(error, pick)} />;
  if (!data) return <PageSpinner />;
  const titles = data.results.filter((r) => r.standard !== 'sme_size');
  const sme = data.results.find((r) => r.standard === 'sme_size');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="self-assessment">
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {t('tiers.self.title')} · {data.enterprise.name}
        </Typography.Title>
        <Typography.Text type="secondary">{t('tiers.self.intro')}</Typography.Text>
      </div>
      <Space>
        <Typography.Text>{t('tiers.date')}</Typography.Text>
        <DatePicker
          data-testid="self-date"
          allowClear={false}
          value={dayjs(date)}
          onChange={(d) => d && setQ({ date: d.format('YYYY-MM-DD') })}
        />
        {sme && (
          <Tag color={STATUS_COLOUR[sme.status]} data-testid="self-sme">
            {pick({ zh: sme.titleZh, en: sme.titleEn })}：{sme.route ? pick(sme.route) : t(`tiers.self.status.${sme.status}`)}
          </Tag>
        )}
      </Space>
      {titles.map((r) => (
        <ResultCard key={r.standard} r={r} />
      ))}
    </Space>
  );
}

function ResultCard({ r }: { r: Result }) {
  const { t, pick } = useI18n();
  const head = r.holds ? (
    <Tag color="blue">{t('tiers.self.holds')}</Tag>
  ) : (
    <Tag color={STATUS_COLOUR[r.status]}>{t(`tiers.self.status.${r.status}`)}</Tag>
  );
  return (
    <Card
      size="small"
      data-testid={`self-${r.standard}`}
      title={
        <Space>
          <span>{pick({ zh: r.titleZh, en: r.titleEn })}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.standardVersion}
          </Typography.Text>
          {head}
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        {r.route && <Descriptions.Item label={t('tiers.self.route')}>{pick(r.route)}</Descriptions.Item>}
        {r.score && (
          <Descriptions.Item label={t('tiers.self.score')}>
            <span data-testid={`self-${r.standard}-score`}>
              {t('tiers.self.scoreOf', { total: r.score.total, max: r.score.max, pass: r.score.pass, upTo: r.score.upTo })}
            </span>
          </Descriptions.Item>
        )}
        {r.met && !r.holds && (
          <Descriptions.Item label={t('tiers.self.reward')}>
            <span data-testid={`self-${r.standard}-reward`}>
              {r.reward && r.reward.amount > 0
                ? `第${r.reward.clause === '2' ? '二' : r.reward.clause}条 ${r.reward.item}：${formatMoney(r.reward.amount)}（${r.reward.policyVersion}）`
                : `${t('tiers.self.rewardNone')}${r.reward?.reasons[0] ? `：${pick(r.reward.reasons[0])}` : ''}`}
            </span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('tiers.self.document')} span={2}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.documentZh}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      {!r.met && (
        <div data-testid={`self-${r.standard}-missing`}>
          {/* A title already held is not failed: what the standard now lacks matters at its review (复核). */}
          <Typography.Text strong type={r.holds ? 'secondary' : undefined}>
            {t(r.holds ? 'tiers.self.missingForReview' : 'tiers.self.missing')}
          </Typography.Text>
          {r.missing.length === 0 ? (
            <div>{t('tiers.self.nothingMissing')}</div>
          ) : (
            <ul style={{ margin: '4px 0 8px', paddingLeft: 20 }}>
              {r.missing.slice(0, 8).map((m, i) => (
                <li key={i}>{pick(m)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <Collapse
        size="small"
        items={[
          ...(r.indicators.length
            ? [{ key: 'i', label: t('tiers.self.indicators'), children: <IndicatorTable rows={r.indicators} /> }]
            : []),
          ...(r.conditions.length
            ? [{ key: 'c', label: t('tiers.self.conditions'), children: <ConditionTable rows={r.conditions} /> }]
            : []),
        ]}
      />
    </Card>
  );
}

function IndicatorTable({ rows }: { rows: Indicator[] }) {
  const { t } = useI18n();
  return rows.length === 0 ? (
    <Empty />
  ) : (
    <Table<Indicator>
      size="small"
      pagination={false}
      rowKey="id"
      dataSource={rows}
      columns={[
        { title: t('tiers.self.col.no'), dataIndex: 'no', width: 50 },
        { title: t('tiers.self.col.indicator'), dataIndex: 'nameZh', width: 220 },
        {
          title: t('tiers.self.col.value'),
          dataIndex: 'value',
          width: 180,
          render: (v: string | null) => v ?? <Tag>无数据</Tag>,
        },
        {
          title: t('tiers.self.col.band'),
          key: 'band',
          width: 150,
          render: (_, r) => (r.band ? `${r.band} ${r.bandZh ?? ''}` : (r.bandZh ?? '—')),
        },
        {
          title: t('tiers.self.col.points'),
          key: 'points',
          width: 90,
          render: (_, r) => `${r.points} / ${r.max}${r.upTo > r.points ? `（≤${r.upTo}）` : ''}`,
        },
      ]}
    />
  );
}

function ConditionTable({ rows }: { rows: Condition[] }) {
  const { t } = useI18n();
  return (
    <Table<Condition>
      size="small"
      pagination={false}
      rowKey="id"
      dataSource={rows}
      columns={[
        { title: t('tiers.self.col.condition'), dataIndex: 'textZh' },
        { title: t('tiers.self.col.value'), dataIndex: 'value', width: 200, render: (v: string | null) => v ?? '—' },
        { title: t('tiers.self.col.need'), dataIndex: 'need', width: 200 },
        {
          title: t('tiers.self.col.status'),
          dataIndex: 'status',
          width: 100,
          render: (s: Status) => <Tag color={STATUS_COLOUR[s]}>{t(`tiers.self.status.${s}`)}</Tag>,
        },
      ]}
    />
  );
}
