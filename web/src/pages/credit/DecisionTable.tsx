/** Penalty decisions as the server scopes them, with class, repair dates, delivery and status. */
import { Alert, Button, Input, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { creditApi, type DecisionSummary } from './api.ts';
import { SeverityTag, StatusTag, usePenaltyText } from './shared.tsx';

export function DecisionTable({
  refreshKey,
  onOpen,
  showAgency,
}: {
  refreshKey: number;
  onOpen: (id: number) => void;
  showAgency: boolean;
}) {
  const { t, pick } = useI18n();
  const penaltyText = usePenaltyText();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: DecisionSummary[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setError(null);
    creditApi.list({ q, page, pageSize: 20 }).then(setData, setError);
  }, [q, page, refreshKey]);

  if (error) return <Alert type="error" showIcon title={errorText(error, pick)} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input.Search
        placeholder={t('credit.search')}
        allowClear
        onSearch={(v) => (setQ(v), setPage(1))}
        style={{ maxWidth: 360 }}
        data-testid="credit-search"
      />
      <Table
        size="small"
        rowKey="id"
        loading={!data}
        dataSource={data?.items ?? []}
        data-testid="credit-decisions"
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => t('common.total', { n }),
        }}
        onRow={(r) => ({ 'data-testid': `credit-row-${r.id}` }) as object}
        columns={[
          {
            title: t('credit.decisionNo'),
            dataIndex: 'decisionNo',
            render: (v: string, r) => (
              <Button type="link" size="small" onClick={() => onOpen(r.id)} data-testid="credit-open">
                {v}
              </Button>
            ),
          },
          ...(showAgency ? [{ title: t('credit.agency'), dataIndex: 'agencyName' }] : []),
          { title: t('credit.partyName'), dataIndex: 'partyName' },
          {
            title: t('credit.decisionDate'),
            dataIndex: 'decisionDate',
            render: (v: string) => <span className="num nowrap">{v}</span>,
          },
          { title: t('credit.penalties'), dataIndex: 'penalties', render: (v: DecisionSummary['penalties']) => penaltyText(v) },
          {
            title: t('credit.severity'),
            dataIndex: 'severity',
            render: (v: DecisionSummary['severity']) => <SeverityTag severity={v} />,
          },
          {
            title: t('credit.earliestRepair'),
            dataIndex: 'earliestRepairOn',
            render: (v: string | null) => <span className="num nowrap">{v ?? '—'}</span>,
          },
          {
            title: t('credit.publicityEnds'),
            dataIndex: 'publicityEndsOn',
            render: (v: string | null) => <span className="num nowrap">{v ?? '—'}</span>,
          },
          {
            title: t('credit.delivery'),
            dataIndex: 'deliveredDocuments',
            render: (v: DecisionSummary['deliveredDocuments'], r) =>
              !r.noticeRequired && !v ? (
                '—'
              ) : v ? (
                <Tag color={v === 'both' ? 'green' : 'orange'}>{t(`credit.delivered.${v}`)}</Tag>
              ) : (
                <Tag>{t('credit.undelivered')}</Tag>
              ),
          },
          { title: t('credit.status'), dataIndex: 'status', render: (v: DecisionSummary['status']) => <StatusTag status={v} /> },
        ]}
      />
    </Space>
  );
}
