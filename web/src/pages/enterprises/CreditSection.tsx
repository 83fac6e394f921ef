/** The enterprise's administrative-penalty records and their repair status (Measure 9), with the details drawer of the credit page. */
import { Alert, Button, Empty, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { creditApi, type DecisionSummary } from '../credit/api.ts';
import { DecisionDrawer } from '../credit/DecisionDrawer.tsx';
import { SeverityTag, StatusTag } from '../credit/shared.tsx';

export function CreditSection({ enterpriseId }: { enterpriseId: number }) {
  const { t, pick } = useI18n();
  const [items, setItems] = useState<DecisionSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<number | null>(null);
  const load = useCallback(() => {
    creditApi.enterpriseRecords(enterpriseId).then((r) => setItems(r.items), setError);
  }, [enterpriseId]);
  useEffect(load, [load]);

  if (error) return <Alert type="error" showIcon title={errorText(error, pick)} />;
  if (items && items.length === 0) return <Empty description={t('credit.noRecords')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <>
      <Table
        size="small"
        rowKey="id"
        loading={!items}
        pagination={false}
        dataSource={items ?? []}
        data-testid="enterprise-credit-records"
        columns={[
          {
            title: t('credit.decisionNo'),
            dataIndex: 'decisionNo',
            // The agency under the number keeps the table narrow enough for the page's right column.
            render: (v: string, r) => (
              <>
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(r.id)}>
                  {v}
                </Button>
                <div className="small-text" style={{ color: '#8c8c8c' }}>
                  {r.agencyName}
                </div>
              </>
            ),
          },
          {
            title: t('credit.decisionDate'),
            dataIndex: 'decisionDate',
            render: (v: string) => <span className="num nowrap">{v}</span>,
          },
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
            title: t('credit.status'),
            dataIndex: 'status',
            render: (v: DecisionSummary['status'], r) => (
              <>
                {<StatusTag status={v} />}
                {r.repairedOn && <Tag>{r.repairedOn}</Tag>}
              </>
            ),
          },
        ]}
      />
      <div style={{ marginTop: 8 }}>
        <Link to="/credit-repair">{t('nav.creditRepair')} →</Link>
      </div>
      <DecisionDrawer id={open} onClose={() => setOpen(null)} onChanged={load} />
    </>
  );
}
