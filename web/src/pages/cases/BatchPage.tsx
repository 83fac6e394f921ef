/**
 * `/cases/batches/:id`: one disbursement batch — its cases, accounts and notice periods, the
 * Excel export and the Word payment notices, approval, and marking it paid after a confirmation
 * (one transaction on the server; a second payment is refused and the refusal is shown as is).
 */
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Modal,
  Popconfirm,
  Space,
  Steps,
  Table,
  Typography,
  type TableProps,
} from 'antd';
import { DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useUser } from '../../auth/AuthContext.tsx';
import { useReferenceData } from '../../auth/ReferenceData.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { formatMoney } from '../../util/format.ts';
import { clauseName, itemName } from '../policy/policyShared.tsx';
import * as api from './api.ts';
import type { BatchItem } from './api.ts';
import { BatchStateTag, CaseStateTag, CasesTabs, formatDateTime, useLoad } from './casesShared.tsx';

export default function BatchPage() {
  const { id } = useParams();
  const batchId = Number(id);
  const { t, lang, pick } = useI18n();
  const ref = useReferenceData();
  const user = useUser();
  const { message } = App.useApp();
  const { data, error, reload, setData } = useLoad(() => api.getBatch(batchId), [batchId]);
  const [actionError, setActionError] = useState<unknown>(null);
  const [paying, setPaying] = useState(false);
  const [confirmPay, setConfirmPay] = useState(false);

  if (error && !data) return <Alert type="error" showIcon title={errorText(error, pick)} />;
  if (!data) return <PageSpinner />;
  const b = data.batch;
  const finance = user.role === 'finance_officer';

  async function act(run: () => Promise<api.BatchDetail>, done: string) {
    setActionError(null);
    try {
      setData(await run());
      void message.success(done);
    } catch (e) {
      setActionError(e);
      reload();
    }
  }

  const columns: TableProps<BatchItem>['columns'] = [
    {
      key: 'id',
      title: t('case.col.id'),
      width: 70,
      render: (_: unknown, r) => <Link to={`/cases/${r.caseId}`}>#{r.caseId}</Link>,
    },
    {
      key: 'b',
      title: t('case.col.beneficiary'),
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.beneficiaryName}</span>
          <Typography.Text type="secondary" className="small-text num">
            {r.uscc ?? ''} · {ref.unitName(r.unitCode, r.unitName)}
          </Typography.Text>
        </Space>
      ),
    },
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
    {
      key: 'acc',
      title: t('case.account'),
      width: 260,
      render: (_: unknown, r) =>
        r.account ? (
          <Space orientation="vertical" size={0}>
            <span>{r.account.bankName}</span>
            <Typography.Text className="small-text num">{r.account.accountNo}</Typography.Text>
          </Space>
        ) : (
          '—'
        ),
    },
    {
      key: 'np',
      title: t('batch.col.noticePeriod'),
      dataIndex: 'noticePeriod',
      width: 200,
      render: (v: string | null) => <span className="num small-text">{v ?? '—'}</span>,
    },
    { key: 's', title: t('case.col.state'), width: 110, render: (_: unknown, r) => <CaseStateTag state={r.state} /> },
  ];
  if (finance && b.state === 'draft')
    columns.push({
      key: 'rm',
      title: '',
      width: 80,
      render: (_: unknown, r) => (
        <Popconfirm
          title={t('batch.removeConfirm')}
          onConfirm={() => void act(() => api.removeFromBatch(b.id, r.caseId, b.version), t('batch.removed'))}
        >
          <Button size="small" type="link" danger>
            {t('batch.remove')}
          </Button>
        </Popconfirm>
      ),
    });

  return (
    <div data-testid="batch-page">
      <div className="page-header">
        <Space orientation="vertical" size={0}>
          <Typography.Title level={3}>{b.title}</Typography.Title>
          <Space>
            <BatchStateTag state={b.state} />
            <Typography.Text type="secondary">
              {t('batch.summary', { n: b.itemCount, amount: formatMoney(Number(b.totalAmount)) })}
            </Typography.Text>
          </Space>
        </Space>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={api.batchExportUrl(b.id)} data-testid="batch-export">
            {t('batch.exportXlsx')}
          </Button>
          <Button icon={<FileWordOutlined />} href={api.batchNoticesUrl(b.id)} data-testid="batch-notices">
            {t('batch.noticesDocx')}
          </Button>
          {finance && b.state === 'draft' && (
            <Popconfirm
              title={t('batch.approveConfirm')}
              onConfirm={() => void act(() => api.approveBatch(b.id, b.version), t('batch.approved'))}
              okButtonProps={{ 'data-testid': 'confirm-ok' }}
            >
              <Button type="primary" data-testid="batch-approve">
                {t('batch.approve')}
              </Button>
            </Popconfirm>
          )}
          {finance && b.state === 'approved' && (
            <Button type="primary" danger onClick={() => setConfirmPay(true)} data-testid="batch-pay">
              {t('batch.pay')}
            </Button>
          )}
        </Space>
      </div>
      <CasesTabs />
      <Steps
        size="small"
        current={b.state === 'draft' ? 0 : b.state === 'approved' ? 1 : 2}
        status={b.state === 'paid' ? 'finish' : 'process'}
        style={{ marginBottom: 16 }}
        items={[
          { title: t('batch.state.draft'), content: `${formatDateTime(b.createdAt)} ${b.createdBy}` },
          {
            title: t('batch.state.approved'),
            content: b.approvedAt ? `${formatDateTime(b.approvedAt)} ${b.approvedBy ?? ''}` : '',
          },
          { title: t('batch.state.paid'), content: b.paidAt ? `${formatDateTime(b.paidAt)} ${b.paidBy ?? ''}` : '' },
        ]}
      />
      {actionError ? (
        <Alert
          type="error"
          showIcon
          closable
          style={{ marginBottom: 16 }}
          data-testid="batch-action-error"
          title={t('batch.refused')}
          description={errorText(actionError, pick)}
          onClose={() => setActionError(null)}
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('batch.col.items')}>{b.itemCount}</Descriptions.Item>
          <Descriptions.Item label={t('batch.col.amount')}>
            <span className="num" data-testid="batch-total">
              {formatMoney(Number(b.totalAmount))}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('batch.col.version')}>{b.version}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Table<BatchItem>
        rowKey="caseId"
        size="middle"
        data-testid="batch-items"
        dataSource={data.items}
        columns={columns}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
      <Modal
        open={confirmPay}
        title={t('batch.payTitle')}
        onCancel={() => setConfirmPay(false)}
        confirmLoading={paying}
        okText={t('batch.payOk')}
        okButtonProps={{ danger: true, 'data-testid': 'pay-confirm' }}
        onOk={() => {
          setPaying(true);
          void act(() => api.payBatch(b.id, b.version), t('batch.paid')).finally(() => {
            setPaying(false);
            setConfirmPay(false);
          });
        }}
        data-testid="pay-dialog"
      >
        <Typography.Paragraph>
          {t('batch.payBody', { n: b.itemCount, amount: formatMoney(Number(b.totalAmount)) })}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('batch.payNote')}</Typography.Paragraph>
      </Modal>
    </div>
  );
}
