/**
 * One decision: its periods and their explanation, the delivery (recorded by the issuing agency),
 * the repair applications (the enterprise applies, the agency decides), the notice download.
 */
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { DELIVERY_METHODS, creditApi, type Application, type DecisionDetail } from './api.ts';
import { AssessmentCard } from './RegisterForm.tsx';
import { StatusTag, fullErrorText, usePenaltyText } from './shared.tsx';

export function DecisionDrawer({ id, onClose, onChanged }: { id: number | null; onClose: () => void; onChanged: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const penaltyText = usePenaltyText();
  const [detail, setDetail] = useState<DecisionDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [delivering, setDelivering] = useState(false);
  const [applying, setApplying] = useState(false);
  const [deciding, setDeciding] = useState<Application | null>(null);

  const load = useCallback(async () => {
    if (id === null) return;
    setError(null);
    try {
      setDetail(await creditApi.get(id));
    } catch (e) {
      setError(e);
    }
  }, [id]);
  useEffect(() => {
    setDetail(null);
    void load();
  }, [load]);

  const changed = (d: DecisionDetail, text: string) => {
    setDetail(d);
    void message.success(text);
    onChanged();
  };

  const d = detail?.decision;
  return (
    <Drawer
      open={id !== null}
      size={720}
      title={d ? `${d.decisionNo} · ${d.partyName}` : t('credit.detail')}
      onClose={onClose}
      destroyOnHidden
      data-testid="credit-drawer"
    >
      {error ? <Alert type="error" showIcon title={errorText(error, pick)} /> : null}
      {!detail || !d ? (
        !error && <PageSpinner />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('credit.agency')}>{d.agencyName}</Descriptions.Item>
            <Descriptions.Item label={t('credit.decisionDate')}>
              <span className="num">{d.decisionDate}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('credit.uscc')}>
              <span className="num">{d.uscc}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('credit.procedure')}>{t(`credit.procedure.${d.procedure}`)}</Descriptions.Item>
            <Descriptions.Item label={t('credit.penalties')} span={2}>
              {penaltyText(d.penalties)}
            </Descriptions.Item>
            <Descriptions.Item label={t('credit.legalBasis')} span={2}>
              {d.legalBasis}
            </Descriptions.Item>
            <Descriptions.Item label={t('credit.status')}>
              <StatusTag status={d.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('credit.delivery')}>
              {detail.delivery ? (
                <span data-testid="credit-delivery">
                  <Tag color={detail.delivery.documents === 'both' ? 'green' : 'orange'}>
                    {t(`credit.delivered.${detail.delivery.documents}`)}
                  </Tag>
                  {t(`credit.method.${detail.delivery.method as (typeof DELIVERY_METHODS)[number]}`)} ·{' '}
                  {dayjs(detail.delivery.deliveredAt).format('YYYY-MM-DD HH:mm')} · {detail.delivery.receiptRef}
                </span>
              ) : (
                <Tag>{t('credit.undelivered')}</Tag>
              )}
            </Descriptions.Item>
          </Descriptions>
          <Space wrap>
            {detail.can.downloadNotice && (
              <Button icon={<DownloadOutlined />} href={creditApi.noticeUrl(d.id)} data-testid="credit-download-notice">
                {t('credit.downloadNotice')}
              </Button>
            )}
            {detail.can.recordDelivery && (
              <Button type="primary" onClick={() => setDelivering(true)} data-testid="credit-record-delivery">
                {t('credit.recordDelivery')}
              </Button>
            )}
            {detail.can.apply && (
              <Button type="primary" onClick={() => setApplying(true)} data-testid="credit-apply">
                {t('credit.apply')}
              </Button>
            )}
          </Space>
          <AssessmentCard a={detail.assessment} />
          {detail.applications.length > 0 && (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              title={() => t('credit.applications')}
              dataSource={detail.applications}
              data-testid="credit-applications"
              columns={[
                {
                  title: t('credit.receivedOn'),
                  dataIndex: 'receivedOn',
                  render: (v: string) => <span className="num">{v}</span>,
                },
                {
                  title: t('credit.dueOn'),
                  dataIndex: 'dueOn',
                  render: (v: string, a) => (
                    <span className="num">
                      {v} {a.overdue && <Tag color="red">{t('credit.overdue')}</Tag>}
                    </span>
                  ),
                },
                {
                  title: t('credit.status'),
                  dataIndex: 'state',
                  render: (s: Application['state']) => (
                    <Tag color={s === 'approved' ? 'green' : s === 'rejected' ? 'red' : 'processing'}>
                      {t(`credit.state.${s}`)}
                    </Tag>
                  ),
                },
                {
                  title: t('credit.decidedOn'),
                  dataIndex: 'decidedOn',
                  render: (v: string | null) => <span className="num">{v ?? '—'}</span>,
                },
                { title: t('credit.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
                {
                  key: 'act',
                  render: (_: unknown, a) =>
                    detail.can.decide && a.state === 'pending' ? (
                      <Button size="small" type="primary" onClick={() => setDeciding(a)} data-testid="credit-decide">
                        {t('credit.approve')} / {t('credit.reject')}
                      </Button>
                    ) : null,
                },
              ]}
            />
          )}
          <DeliveryModal
            open={delivering}
            id={d.id}
            decisionDate={d.decisionDate}
            onClose={() => setDelivering(false)}
            onDone={(x) => (setDelivering(false), changed(x, t('common.saved')))}
          />
          <ApplyModal
            open={applying}
            detail={detail}
            onClose={() => setApplying(false)}
            onDone={(x) => (setApplying(false), changed(x, t('credit.applied', { due: x.applications.at(-1)?.dueOn ?? '' })))}
          />
          <DecideModal
            application={deciding}
            onClose={() => setDeciding(null)}
            onDone={(x) => (setDeciding(null), changed(x, t('common.saved')))}
          />
        </Space>
      )}
    </Drawer>
  );
}

function DeliveryModal({
  open,
  id,
  decisionDate,
  onClose,
  onDone,
}: {
  open: boolean;
  id: number;
  decisionDate: string;
  onClose: () => void;
  onDone: (d: DecisionDetail) => void;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<{ deliveredAt: Dayjs; method: string; documents: string; recipient: string; receiptRef: string }>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      onDone(await creditApi.deliver(id, { ...v, deliveredAt: v.deliveredAt.toISOString() }));
    } catch (e) {
      setProblem(fullErrorText(e, pick));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('credit.recordDelivery')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'credit-delivery-ok' }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ deliveredAt: dayjs(), method: 'direct', documents: 'both' }}
        data-testid="credit-delivery-form"
      >
        <Form.Item name="deliveredAt" label={t('credit.deliveredAt')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker
            showTime
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(dayjs(decisionDate), 'day') || d.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
        <Form.Item name="method" label={t('credit.method')}>
          <Select options={DELIVERY_METHODS.map((m) => ({ value: m, label: t(`credit.method.${m}`) }))} />
        </Form.Item>
        <Form.Item name="documents" label={t('credit.documents')}>
          <Radio.Group>
            <Radio value="both">{t('credit.delivered.both')}</Radio>
            <Radio value="decision_only">{t('credit.delivered.decision_only')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="recipient" label={t('credit.recipient')} rules={[{ required: true, message: t('common.required') }]}>
          <Input data-testid="credit-recipient" />
        </Form.Item>
        <Form.Item name="receiptRef" label={t('credit.receiptRef')} rules={[{ required: true, message: t('common.required') }]}>
          <Input data-testid="credit-receipt" />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} />}
      </Form>
    </Modal>
  );
}

function ApplyModal({
  open,
  detail,
  onClose,
  onDone,
}: {
  open: boolean;
  detail: DecisionDetail;
  onClose: () => void;
  onDone: (d: DecisionDetail) => void;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<{ refs: Record<string, string>; statement: string; commitment: boolean }>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const materials = detail.assessment.materials;
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setProblem(null);
    try {
      onDone(
        await creditApi.apply(detail.decision.id, {
          materials: materials.map((m) => ({ material: m, ref: v.refs?.[m] ?? '' })),
          statement: v.statement ?? '',
          commitment: v.commitment === true,
        }),
      );
    } catch (e) {
      setProblem(fullErrorText(e, pick));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('credit.apply')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      destroyOnHidden
      width={640}
      okButtonProps={{ 'data-testid': 'credit-apply-ok' }}
    >
      <Typography.Paragraph type="secondary">
        {t('credit.applyHint', { days: detail.assessment.repairWorkingDays })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" data-testid="credit-apply-form">
        {materials.map((m) => (
          <Form.Item
            key={m}
            name={['refs', m]}
            label={t(`credit.material.${m}` as 'credit.material.fulfilment_proof')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input placeholder={t('credit.materialRef')} data-testid={`credit-material-${m}`} />
          </Form.Item>
        ))}
        <Form.Item name="statement" label={t('credit.statement')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.TextArea rows={3} data-testid="credit-statement" />
        </Form.Item>
        <Form.Item
          name="commitment"
          valuePropName="checked"
          rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('common.required')))) }]}
        >
          <Checkbox data-testid="credit-commitment">{t('credit.commitment')}</Checkbox>
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} />}
      </Form>
    </Modal>
  );
}

function DecideModal({
  application,
  onClose,
  onDone,
}: {
  application: Application | null;
  onClose: () => void;
  onDone: (d: DecisionDetail) => void;
}) {
  const { t, pick } = useI18n();
  const [outcome, setOutcome] = useState<'approved' | 'rejected'>('approved');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    if (!application) return;
    setBusy(true);
    setProblem(null);
    try {
      onDone(await creditApi.decide(application.id, { outcome, ...(reason ? { reason } : {}) }));
    } catch (e) {
      setProblem(fullErrorText(e, pick));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={application !== null}
      title={`${t('credit.approve')} / ${t('credit.reject')}`}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'credit-decide-ok' }}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Radio.Group
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as 'approved' | 'rejected')}
          data-testid="credit-outcome"
        >
          <Radio value="approved">{t('credit.approve')}</Radio>
          <Radio value="rejected">{t('credit.reject')}</Radio>
        </Radio.Group>
        {outcome === 'rejected' && (
          <Input.TextArea
            rows={3}
            placeholder={t('credit.rejectReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
        {application && (
          <Typography.Text type="secondary">
            {t('credit.dueOn')}: <span className="num">{application.dueOn}</span>{' '}
            {application.overdue && <Tag color="red">{t('credit.overdue')}</Tag>}
          </Typography.Text>
        )}
        {problem && <Alert type="error" showIcon title={problem} />}
      </Space>
    </Modal>
  );
}
