/** IP-pledge loans recorded against items, with totals by bank, district and industry (a bank sees its own). */
import { Button, Card, Col, Empty, Popconfirm, Row, Space, Statistic, Table, Tag, message } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { formatMoney } from '../../util/format.ts';
import { todayIso } from '../../util/format.ts';
import { fetchPledgeLoans, releasePledge, type PledgeLoan, type PledgeLoans, type Totals } from './api.ts';

const Chart = lazy(() => import('../dashboard/Chart.tsx'));

function TotalsChart({ rows, testId, title }: { rows: Totals[]; testId: string; title: string }) {
  const { t } = useI18n();
  const top = rows.slice(0, 12).reverse();
  return (
    <Card size="small" title={title}>
      {top.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Chart
          testId={testId}
          height={Math.max(160, top.length * 26 + 40)}
          option={{
            tooltip: { trigger: 'axis' },
            grid: { left: 130, right: 60, top: 10, bottom: 25 },
            xAxis: { type: 'value', name: t('ip.unit.wan') },
            yAxis: { type: 'category', data: top.map((r) => r.name) },
            series: [
              {
                type: 'bar',
                data: top.map((r) => Math.round(r.amount / 10000)),
                itemStyle: { color: '#7c3aed' },
                barMaxWidth: 28,
                label: { show: true, position: 'right' },
              },
            ],
          }}
        />
      )}
    </Card>
  );
}

export function PledgeLoansPanel({ canRelease = false, reloadKey = 0 }: { canRelease?: boolean; reloadKey?: number }) {
  const { t, pick } = useI18n();
  const [data, setData] = useState<PledgeLoans | null>(null);
  const load = useCallback(() => void fetchPledgeLoans().then(setData), []);
  useEffect(load, [load, reloadKey]);
  if (!data) return <PageSpinner />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="ip-pledge-loans">
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('ip.loans.count')} value={data.total.loans} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('ip.loans.amount')} value={formatMoney(data.total.amount)} />
          </Card>
        </Col>
      </Row>
      <Suspense fallback={<PageSpinner />}>
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={8}>
            <TotalsChart rows={data.byBank} testId="chart-pledge-bank" title={t('ip.loans.byBank')} />
          </Col>
          <Col xs={24} lg={8}>
            <TotalsChart rows={data.byUnit} testId="chart-pledge-unit" title={t('ip.loans.byUnit')} />
          </Col>
          <Col xs={24} lg={8}>
            <TotalsChart rows={data.byIndustry} testId="chart-pledge-industry" title={t('ip.loans.byIndustry')} />
          </Col>
        </Row>
      </Suspense>
      <Table<PledgeLoan>
        rowKey="loanId"
        size="small"
        dataSource={data.loans}
        scroll={{ x: 1100 }}
        pagination={{ pageSize: 10, showTotal: (n) => t('common.total', { n }) }}
        columns={[
          { key: 'e', title: t('ip.col.enterprise'), dataIndex: 'enterpriseName', width: 220 },
          { key: 'u', title: t('ip.col.unit'), dataIndex: 'unitName', width: 100 },
          { key: 'b', title: t('ip.col.bank'), dataIndex: 'institutionName', width: 100 },
          {
            key: 'a',
            title: t('ip.loans.amount'),
            align: 'right' as const,
            width: 130,
            render: (_: unknown, l) => formatMoney(l.amount),
          },
          {
            key: 'r',
            title: t('ip.loan.rate'),
            align: 'right' as const,
            width: 80,
            render: (_: unknown, l) => `${(l.rateBp / 100).toFixed(2)}%`,
          },
          { key: 'g', title: t('ip.loan.grantedOn'), dataIndex: 'grantedOn', width: 110 },
          {
            key: 'i',
            title: t('ip.loans.items'),
            render: (_: unknown, l) => (
              <Space direction="vertical" size={2}>
                {l.items.map((i) => (
                  <Space key={i.pledgeId} size={4}>
                    <span>
                      {i.number} {i.title}
                    </span>
                    {i.releasedOn ? (
                      <Tag>{t('ip.pledge.releasedOn', { d: i.releasedOn })}</Tag>
                    ) : (
                      <>
                        <Tag color="orange">{t('ip.pledge.active')}</Tag>
                        {canRelease && (
                          <Popconfirm
                            title={t('ip.pledge.releaseConfirm')}
                            onConfirm={() =>
                              releasePledge(i.pledgeId, todayIso())
                                .then(load)
                                .catch((e: unknown) => void message.error(errorText(e, pick)))
                            }
                          >
                            <Button size="small">{t('ip.pledge.release')}</Button>
                          </Popconfirm>
                        )}
                      </>
                    )}
                  </Space>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
