/**
 * `/cases/notices/:id`: one 公示 as the public reads it — each line with clause, basis and
 * amount — the counting rule in words, objections filed during the period, and for the city the
 * resolution of each objection.
 */
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useUser } from '../../auth/AuthContext.tsx';
import { useReferenceData } from '../../auth/ReferenceData.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { formatDate, formatMoney, todayIso } from '../../util/format.ts';
import { clauseName } from '../policy/policyShared.tsx';
import * as api from './api.ts';
import type { NoticeItem } from './api.ts';
import { CasesTabs, canObject, formatDateTime, useLoad } from './casesShared.tsx';

function TextDialog({
  title,
  label,
  open,
  min,
  onClose,
  onSubmit,
  testId,
}: {
  title: string;
  label: string;
  open: boolean;
  min: number;
  onClose: () => void;
  onSubmit: (text: string) => Promise<void>;
  testId: string;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<{ text: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
      data-testid={testId}
      okButtonProps={{ 'data-testid': `${testId}-ok` }}
    >
      {error ? <Alert type="error" showIcon title={errorText(error, pick)} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => {
          setBusy(true);
          setError(null);
          onSubmit(v.text).then(
            () => setBusy(false),
            (e: unknown) => {
              setBusy(false);
              setError(e);
            },
          );
        }}
      >
        <Form.Item
          name="text"
          label={label}
          rules={[{ required: true, whitespace: true, min, message: t('notice.textMin', { n: min }) }]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount data-testid={`${testId}-text`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function NoticePage() {
  const { id } = useParams();
  const noticeId = Number(id);
  const { t, lang, pick } = useI18n();
  const ref = useReferenceData();
  const user = useUser();
  const { message } = App.useApp();
  const { data, error, reload } = useLoad(() => api.getNotice(noticeId), [noticeId]);
  const [objectTo, setObjectTo] = useState<NoticeItem | null>(null);
  const [resolving, setResolving] = useState<number | null>(null);

  if (error && !data) return <Alert type="error" showIcon title={errorText(error, pick)} />;
  if (!data) return <PageSpinner />;
  const n = data.notice;
  const open = n.status === 'open' && n.publishedOn <= todayIso() && todayIso() <= n.endsOn;
  const total = data.items.reduce((s, i) => s + i.amount, 0);

  const columns: TableProps<NoticeItem>['columns'] = [
    { key: 'no', title: t('notice.col.no'), width: 60, render: (_: unknown, _r, i) => i + 1 },
    {
      key: 'beneficiary',
      title: t('case.col.beneficiary'),
      render: (_: unknown, r) =>
        user.role === 'enterprise_user' || user.role === 'carrier_operator' ? (
          r.beneficiaryName
        ) : (
          <Link to={`/cases/${r.caseId}`}>{r.beneficiaryName}</Link>
        ),
    },
    {
      key: 'uscc',
      title: t('ent.uscc'),
      dataIndex: 'uscc',
      width: 190,
      render: (v: string | null) => <span className="num">{v ?? '—'}</span>,
    },
    { key: 'unit', title: t('ent.unit'), width: 110, render: (_: unknown, r) => ref.unit(r.unitCode) },
    { key: 'clause', title: t('case.col.clause'), width: 90, render: (_: unknown, r) => clauseName(r.clause, t, lang) },
    { key: 'basis', title: t('notice.col.basis'), dataIndex: 'basis' },
    {
      key: 'amount',
      title: t('case.col.amount'),
      width: 130,
      align: 'right',
      render: (_: unknown, r) => <span className="num">{formatMoney(r.amount)}</span>,
    },
    {
      key: 'outcome',
      title: t('notice.col.outcome'),
      width: 110,
      render: (_: unknown, r) => (
        <Tag color={r.outcome === 'objected' ? 'orange' : r.outcome === 'passed' ? 'green' : 'purple'}>
          {t(`notice.outcome.${r.outcome ?? 'open'}`)}
        </Tag>
      ),
    },
  ];
  if (open && canObject(user))
    columns.push({
      key: 'object',
      title: '',
      width: 100,
      render: (_: unknown, r) =>
        r.outcome === null ? (
          <Button size="small" onClick={() => setObjectTo(r)} data-testid={`object-${r.caseId}`}>
            {t('notice.object')}
          </Button>
        ) : null,
    });

  return (
    <div data-testid="notice-page">
      <div className="page-header">
        <Space orientation="vertical" size={0}>
          <Typography.Title level={3}>{n.title}</Typography.Title>
          <Space>
            <Tag color={n.status === 'open' ? 'purple' : 'default'} data-testid={`notice-status-${n.status}`}>
              {t(`notice.status.${n.status}`)}
            </Tag>
            <Typography.Text type="secondary" className="num">
              {formatDate(n.publishedOn)} ~ {formatDate(n.endsOn)}
            </Typography.Text>
          </Space>
        </Space>
      </div>
      <CasesTabs />
      <Alert
        type="info"
        showIcon
        title={t('notice.rule')}
        description={pick(data.rule)}
        style={{ marginBottom: 16 }}
        data-testid="notice-rule"
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 4 }}>
          <Descriptions.Item label={t('notice.col.items')}>{data.items.length}</Descriptions.Item>
          <Descriptions.Item label={t('notice.col.amount')}>
            <span className="num">{formatMoney(total)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('notice.col.by')}>{n.publishedByName}</Descriptions.Item>
          <Descriptions.Item label={t('notice.closedAt')}>{formatDateTime(n.closedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Table<NoticeItem>
        rowKey="caseId"
        size="middle"
        data-testid="notice-items"
        dataSource={data.items}
        columns={columns}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
      {data.objections.length > 0 && (
        <Card size="small" title={t('notice.objections')} style={{ marginTop: 16 }} data-testid="notice-objections">
          {data.objections.map((o) => (
            <Alert
              key={o.id}
              type={o.resolution ? 'info' : 'warning'}
              style={{ marginBottom: 8 }}
              title={
                <Space wrap>
                  <Link to={`/cases/${o.caseId}`}>{t('case.heading', { id: o.caseId })}</Link>
                  <span>
                    {o.filedByName} · {formatDateTime(o.at)}
                  </span>
                  {o.resolution ? (
                    <Tag color="green">{t('notice.resolved')}</Tag>
                  ) : (
                    <Tag color="orange">{t('notice.unresolved')}</Tag>
                  )}
                </Space>
              }
              description={
                <>
                  <div>{o.text}</div>
                  {o.resolution && (
                    <div>
                      {t('notice.resolution')}：{o.resolution}
                    </div>
                  )}
                </>
              }
              action={
                !o.resolution && user.role === 'city_officer' ? (
                  <Button size="small" onClick={() => setResolving(o.id)} data-testid={`resolve-${o.id}`}>
                    {t('notice.resolve')}
                  </Button>
                ) : undefined
              }
            />
          ))}
        </Card>
      )}
      <TextDialog
        open={objectTo !== null}
        title={t('notice.objectTitle', { name: objectTo?.beneficiaryName ?? '' })}
        label={t('notice.objectionText')}
        min={5}
        testId="objection-dialog"
        onClose={() => setObjectTo(null)}
        onSubmit={async (text) => {
          await api.fileObjection(noticeId, { caseId: objectTo!.caseId, text });
          setObjectTo(null);
          void message.success(t('notice.objected'));
          reload();
        }}
      />
      <TextDialog
        open={resolving !== null}
        title={t('notice.resolve')}
        label={t('notice.resolution')}
        min={2}
        testId="resolve-dialog"
        onClose={() => setResolving(null)}
        onSubmit={async (text) => {
          await api.resolveObjection(resolving!, text);
          setResolving(null);
          reload();
        }}
      />
    </div>
  );
}
