/**
 * `/cases/batches`: the disbursement batches (finance acts, the city reads), and for finance the
 * builder: choose cases in finance review (the 公示 passed), name the batch, create it.
 */
import { Alert, Button, Drawer, Input, Space, Table, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useUser } from '../../auth/AuthContext.tsx';
import { useReferenceData } from '../../auth/ReferenceData.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { formatMoney, todayIso } from '../../util/format.ts';
import { clauseName, itemName } from '../policy/policyShared.tsx';
import * as api from './api.ts';
import type { Batch, CaseRow } from './api.ts';
import { BatchStateTag, CasesTabs, formatDateTime, useLoad } from './casesShared.tsx';

function Builder({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, lang, pick } = useI18n();
  const ref = useReferenceData();
  const navigate = useNavigate();
  const [title, setTitle] = useState(() => t('batch.defaultTitle', { date: todayIso() }));
  const [selected, setSelected] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const candidates = useLoad(
    () => (open ? api.listCases({ state: 'finance_review', pageSize: 200 }) : Promise.resolve(null)),
    [open],
  );
  const rows = candidates.data?.items ?? [];
  const total = rows.filter((r) => selected.includes(r.id)).reduce((s, r) => s + r.amount, 0);

  async function create() {
    setBusy(true);
    setError(null);
    try {
      const b = await api.createBatch({ title, caseIds: selected });
      navigate(`/cases/batches/${b.batch.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const columns: TableProps<CaseRow>['columns'] = [
    {
      key: 'id',
      title: t('case.col.id'),
      dataIndex: 'id',
      width: 70,
      render: (id: number) => <Link to={`/cases/${id}`}>#{id}</Link>,
    },
    { key: 'b', title: t('case.col.beneficiary'), dataIndex: 'beneficiaryName' },
    { key: 'u', title: t('ent.unit'), width: 100, render: (_: unknown, r) => ref.unit(r.unitCode) },
    {
      key: 'c',
      title: t('case.col.clause'),
      render: (_: unknown, r) => `${clauseName(r.clause, t, lang)} ${itemName(r.item, ref, pick)}`,
    },
    {
      key: 'a',
      title: t('case.col.amount'),
      align: 'right',
      width: 120,
      render: (_: unknown, r) => <span className="num">{formatMoney(r.amount)}</span>,
    },
  ];

  return (
    <Drawer open={open} onClose={onClose} size={900} title={t('batch.build')} destroyOnHidden data-testid="batch-builder">
      <Typography.Paragraph type="secondary">{t('batch.buildIntro')}</Typography.Paragraph>
      <Input
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        maxLength={200}
        addonBefore={t('batch.col.title')}
        style={{ marginBottom: 16 }}
        data-testid="batch-title"
      />
      <Typography.Paragraph>
        {t('batch.candidates', { n: rows.length })} · {t('notice.selected', { n: selected.length, amount: formatMoney(total) })}
      </Typography.Paragraph>
      <Table<CaseRow>
        rowKey="id"
        size="small"
        data-testid="batch-candidates"
        loading={!candidates.data && !candidates.error}
        dataSource={rows}
        columns={columns}
        pagination={false}
        scroll={{ y: 460 }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) }}
      />
      {error ? (
        <Alert type="error" showIcon title={errorText(error, pick)} style={{ marginTop: 16 }} data-testid="batch-error" />
      ) : null}
      <Space style={{ marginTop: 16 }}>
        <Button
          type="primary"
          disabled={selected.length === 0 || !title.trim()}
          loading={busy}
          onClick={() => void create()}
          data-testid="batch-create"
        >
          {t('batch.create', { n: selected.length })}
        </Button>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
      </Space>
    </Drawer>
  );
}

export default function BatchListPage() {
  const { t, pick } = useI18n();
  const user = useUser();
  const [open, setOpen] = useState(false);
  const { data, error } = useLoad(() => api.listBatches(), []);
  const columns: TableProps<Batch>['columns'] = [
    { key: 'id', title: t('case.col.id'), dataIndex: 'id', width: 70, render: (id: number) => `#${id}` },
    {
      key: 'title',
      title: t('batch.col.title'),
      render: (_: unknown, b) => (
        <Link to={`/cases/batches/${b.id}`} data-testid="batch-link">
          {b.title}
        </Link>
      ),
    },
    { key: 'state', title: t('batch.col.state'), width: 100, render: (_: unknown, b) => <BatchStateTag state={b.state} /> },
    { key: 'n', title: t('batch.col.items'), dataIndex: 'itemCount', width: 80, align: 'right' },
    {
      key: 'amount',
      title: t('batch.col.amount'),
      width: 150,
      align: 'right',
      render: (_: unknown, b) => <span className="num">{formatMoney(Number(b.totalAmount))}</span>,
    },
    {
      key: 'created',
      title: t('batch.col.created'),
      width: 200,
      render: (_: unknown, b) => `${formatDateTime(b.createdAt)} · ${b.createdBy}`,
    },
    {
      key: 'paid',
      title: t('batch.col.paid'),
      width: 200,
      render: (_: unknown, b) => (b.paidAt ? `${formatDateTime(b.paidAt)} · ${b.paidBy ?? ''}` : '—'),
    },
  ];
  return (
    <div data-testid="batches-page">
      <div className="page-header">
        <Typography.Title level={3}>{t('batch.list')}</Typography.Title>
        {user.role === 'finance_officer' && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="batch-build">
            {t('batch.build')}
          </Button>
        )}
      </div>
      <CasesTabs />
      {error ? <Alert type="error" showIcon title={errorText(error, pick)} /> : null}
      <Table<Batch>
        rowKey="id"
        size="middle"
        data-testid="batches-table"
        loading={!data && !error}
        dataSource={data ?? []}
        columns={columns}
      />
      {user.role === 'finance_officer' && <Builder open={open} onClose={() => setOpen(false)} />}
    </div>
  );
}
