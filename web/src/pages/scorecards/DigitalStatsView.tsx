/** Officers' statistics of the digital-level questionnaires: totals, levels, by district and industry. */
import { Alert, Card, Col, Row, Statistic, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { fetchDigitalStats, type DigitalGroup, type DigitalStats } from './api.ts';
import { RankingBars } from './Charts.tsx';

export function DigitalStatsView() {
  const { t, pick, lang } = useI18n();
  const [stats, setStats] = useState<DigitalStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetchDigitalStats()
      .then(setStats)
      .catch((e: unknown) => setError(errorText(e, pick)));
  }, [pick]);
  if (error) return <Alert type="error" title={error} />;
  if (!stats) return null;
  const levelNames = [t('sc.digital.below'), t('sc.digital.l1'), t('sc.digital.l2'), t('sc.digital.l3'), t('sc.digital.l4')];
  const columns = (label: string) => [
    { title: label, key: 'n', render: (_: unknown, g: DigitalGroup) => (lang === 'zh' ? g.nameZh : g.nameEn) },
    { title: t('sc.digital.assessed'), dataIndex: 'assessed' },
    { title: t('sc.digital.average'), dataIndex: 'average' },
    ...levelNames.map((n, k) => ({ title: n, key: `l${k}`, render: (_: unknown, g: DigitalGroup) => g.levels[k] ?? 0 })),
  ];
  return (
    <div data-testid="sc-digital-stats">
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Statistic title={t('sc.digital.assessed')} value={stats.assessed} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('sc.digital.specializedShare')}
            value={stats.specializedAssessed}
            suffix={`/ ${stats.specializedInForce}`}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('sc.digital.average')} value={stats.average} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('sc.digital.l2plus')} value={stats.levels.slice(2).reduce((a, b) => a + b, 0)} />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('sc.digital.levels')} style={{ marginBottom: 16 }}>
            <RankingBars names={levelNames} values={stats.levels} testId="sc-digital-levels" max={Math.max(...stats.levels, 1)} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('sc.digital.byDistrict')} style={{ marginBottom: 16 }}>
            <Table size="small" rowKey="key" pagination={false} dataSource={stats.byDistrict} columns={columns(t('sc.unit'))} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('sc.digital.byIndustry')}>
        <Table
          size="small"
          rowKey="key"
          pagination={{ pageSize: 10 }}
          dataSource={stats.byIndustry}
          columns={columns(t('sc.digital.industry'))}
        />
      </Card>
    </div>
  );
}
