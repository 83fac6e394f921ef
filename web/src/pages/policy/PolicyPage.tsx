/**
 * `/policy`: the money clauses as the platform encodes them. For each version, each clause's
 * Chinese text (verbatim, with 责任单位) on the left and its dated, cited parameters on the right.
 */
import { Alert, Card, Col, Empty, Row, Space, Table, Tag, Typography, type TableProps } from 'antd';
import type { DatedValue, PolicyClause, PolicyParameter, PolicyVersion } from '../../api/types.ts';
import { useReferenceData } from '../../auth/ReferenceData.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { formatDate } from '../../util/format.ts';
import { ReferenceText, clauseName, currentValue, formatParamValue, usePolicyVersions } from './policyShared.tsx';

function useValueFormatter() {
  const { t, lang, pick } = useI18n();
  const ref = useReferenceData();
  return (param: PolicyParameter, value: unknown) => formatParamValue(param.unit, value, { t, lang, ref, pick });
}

function History({ param }: { param: PolicyParameter }) {
  const { t } = useI18n();
  const format = useValueFormatter();
  const columns: TableProps<DatedValue>['columns'] = [
    { key: 'from', title: t('policy.from'), dataIndex: 'from', width: 110, render: formatDate },
    {
      key: 'value',
      title: t('policy.historyValue'),
      width: 200,
      render: (_: unknown, v) => <span className="num">{format(param, v.value)}</span>,
    },
    { key: 'ref', title: t('policy.reference'), render: (_: unknown, v) => <ReferenceText reference={v.reference} /> },
  ];
  return (
    <div data-testid="param-history">
      <Typography.Text strong>{t('policy.history')}</Typography.Text>
      <Table<DatedValue>
        rowKey="from"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={param.values}
        style={{ marginTop: 8 }}
      />
    </div>
  );
}

function ParameterTable({ clause }: { clause: PolicyClause }) {
  const { t, lang } = useI18n();
  const format = useValueFormatter();
  const columns: TableProps<PolicyParameter>['columns'] = [
    {
      key: 'description',
      title: t('policy.param'),
      render: (_: unknown, p) => (
        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
          <span data-testid="param-description">{lang === 'zh' ? p.descriptionZh : p.descriptionEn}</span>
          <Typography.Text type="secondary" code style={{ fontSize: 11 }}>
            {p.id}
          </Typography.Text>
          {p.interpretation && (
            <div data-testid="param-interpretation" className="interpretation">
              <Tag color="purple">{t('policy.interpretation')}</Tag>
              <Typography.Paragraph
                type="secondary"
                style={{ display: 'inline', fontSize: 12, margin: 0 }}
                ellipsis={{ rows: 2, expandable: true }}
              >
                {p.interpretation}
              </Typography.Paragraph>
            </div>
          )}
        </Space>
      ),
    },
    {
      key: 'value',
      title: t('policy.value'),
      width: 190,
      render: (_: unknown, p) => {
        const v = currentValue(p);
        return (
          <Space orientation="vertical" size={2}>
            <span className="num param-value" data-testid={`param-value-${p.id}`}>
              {format(p, v?.value)}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('policy.from')} {formatDate(v?.from)}
            </Typography.Text>
          </Space>
        );
      },
    },
    {
      key: 'reference',
      title: t('policy.reference'),
      width: 130,
      render: (_: unknown, p) => {
        const v = currentValue(p);
        return v ? <ReferenceText reference={v.reference} compact /> : '—';
      },
    },
  ];
  return (
    <Table<PolicyParameter>
      rowKey="id"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={clause.parameters}
      data-testid={`param-table-${clause.clause}`}
      expandable={{
        expandedRowRender: (p) => <History param={p} />,
        columnTitle: '',
        columnWidth: 32,
      }}
    />
  );
}

function ClauseCard({ clause }: { clause: PolicyClause }) {
  const { t, lang } = useI18n();
  const text = clause.text;
  return (
    <Card
      className="section-card"
      data-testid={`clause-${clause.clause}`}
      title={
        <Space wrap>
          <span>{clauseName(clause.clause, t, lang)}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {text.partZh}
          </Typography.Text>
        </Space>
      }
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('policy.formula', { id: clause.formulaId, version: clause.formulaVersion })}
        </Typography.Text>
      }
    >
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={9}>
          <div className="clause-sticky">
            <Typography.Text type="secondary">{t('policy.clauseText')}</Typography.Text>
            <Typography.Paragraph className="clause-text" data-testid={`clause-text-${clause.clause}`} lang="zh-CN">
              {text.textZh}
            </Typography.Paragraph>
            <div data-testid={`responsible-${clause.clause}`} style={{ marginBottom: 12 }}>
              <Typography.Text type="secondary">{t('policy.responsibleUnits')}：</Typography.Text>
              {text.responsibleUnitsZh.map((u) => (
                <Tag key={u} color="geekblue">
                  {u}
                </Tag>
              ))}
            </div>
            {lang === 'en' && <Alert type="info" showIcon={false} title={t('policy.summaryEn')} description={text.summaryEn} />}
          </div>
        </Col>
        <Col xs={24} xl={15}>
          <Typography.Text type="secondary">{t('policy.parameters')}</Typography.Text>
          <div style={{ marginTop: 8 }}>
            <ParameterTable clause={clause} />
          </div>
        </Col>
      </Row>
    </Card>
  );
}

function VersionSection({ version }: { version: PolicyVersion }) {
  const { t } = useI18n();
  const until = version.window.until ? t('policy.windowUntil', { until: version.window.until }) : '';
  return (
    <section data-testid={`version-${version.id}`} style={{ marginBottom: 24 }}>
      <Card className="section-card" size="small">
        <Space wrap size="middle">
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="version-title">
            {version.titleZh}
          </Typography.Title>
          <Tag color={version.status === 'draft' ? 'orange' : 'green'} data-testid="version-status">
            {t(version.status === 'draft' ? 'policy.draft' : 'policy.final')}
          </Tag>
          <Typography.Text type="secondary" data-testid="version-window">
            {t('policy.window', { from: version.window.from, until })}
          </Typography.Text>
        </Space>
      </Card>
      {version.clauses.map((c) => (
        <ClauseCard key={c.clause} clause={c} />
      ))}
    </section>
  );
}

export default function PolicyPage() {
  const { t, pick } = useI18n();
  const { versions, error } = usePolicyVersions();
  return (
    <div data-testid="policy-page">
      <div className="page-header">
        <Typography.Title level={3}>{t('policy.title')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('policy.intro')}</Typography.Paragraph>
      {error ? (
        <Alert type="error" title={t('error.load')} description={errorText(error, pick)} />
      ) : !versions ? (
        <PageSpinner />
      ) : versions.length === 0 ? (
        <Empty description={t('policy.noClauses')} />
      ) : (
        // Newest version first: officers mostly want the text in force.
        [...versions].reverse().map((v) => <VersionSection key={v.id} version={v} />)
      )}
    </div>
  );
}
