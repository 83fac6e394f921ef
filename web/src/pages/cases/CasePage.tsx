/**
 * `/cases/:id`: one case — where it is on the path, what I can do now (the server lists the
 * buttons), the pre-computed amount with its clause-by-clause explanation, the account and
 * application, the 公示 and objections, the batch and payment, and every transition with its reason.
 */
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Space,
  Steps,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { DownloadOutlined, MinusCircleOutlined, PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { useReferenceData } from '../../auth/ReferenceData.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText, fieldErrors } from '../../util/errors.ts';
import { formatDate, formatMoney } from '../../util/format.ts';
import { Explanation } from '../policy/EntitlementDrawer.tsx';
import { clauseName, itemName } from '../policy/policyShared.tsx';
import * as api from './api.ts';
import { MAIN_PATH, type CaseAction, type CaseDetail } from './api.ts';
import { BatchStateTag, CaseStateTag, CasesTabs, formatDateTime, useLoad } from './casesShared.tsx';

interface ActionValues {
  reason?: string;
  accountName?: string;
  bankName?: string;
  accountNo?: string;
  statement?: string;
  documents?: { name: string; ref: string }[];
}
const FORM_FIELDS = ['reason', 'accountName', 'bankName', 'accountNo', 'statement'] as const;

function ActionDialog({
  detail,
  action,
  onClose,
  onDone,
}: {
  detail: CaseDetail;
  action: CaseAction | null;
  onClose: () => void;
  onDone: (d: CaseDetail) => void;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<ActionValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const needs = action?.needs ?? [];
  const account = detail.case.account;
  const initial: ActionValues = {
    accountName: account?.accountName ?? detail.case.beneficiaryName,
    bankName: account?.bankName ?? '',
    accountNo: account?.accountNo ?? '',
    statement: detail.case.application?.statement ?? '',
    documents: detail.case.application?.documents ?? [{ name: '', ref: '' }],
  };

  async function submit(v: ActionValues) {
    if (!action) return;
    setBusy(true);
    setProblem(null);
    try {
      const body: api.TransitionBody = { action: action.action, version: detail.case.version };
      if (needs.includes('reason')) body.reason = v.reason ?? '';
      if (needs.includes('account'))
        body.account = { accountName: v.accountName ?? '', bankName: v.bankName ?? '', accountNo: v.accountNo ?? '' };
      if (needs.includes('application'))
        body.application = { statement: v.statement ?? '', documents: (v.documents ?? []).filter((d) => d.name) };
      onDone(await api.transition(detail.case.id, body));
    } catch (e) {
      const mapped = fieldErrors(e, pick, FORM_FIELDS);
      const renamed =
        e instanceof ApiError ? e.fields.filter((f) => f.field.startsWith('account.') || f.field.startsWith('application.')) : [];
      form.setFields([
        ...mapped.onForm,
        ...renamed.map((f) => ({
          name: f.field.replace(/^account\./, '').replace(/^application\./, '') as (typeof FORM_FIELDS)[number],
          errors: [pick(f.reason)],
        })),
      ]);
      setProblem([errorText(e, pick), ...mapped.leftOver].join('；'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={action !== null}
      title={action ? pick(action.label) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('case.action.submit')}
      confirmLoading={busy}
      destroyOnHidden
      width={620}
      data-testid="action-dialog"
      okButtonProps={{ 'data-testid': 'action-submit' }}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="action-error" />}
      <Form<ActionValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} preserve={false}>
        {needs.includes('account') && (
          <>
            <Typography.Paragraph type="secondary">{t('case.account.intro')}</Typography.Paragraph>
            <Form.Item
              name="accountName"
              label={t('case.account.name')}
              rules={[{ required: true, message: t('case.required') }]}
            >
              <Input data-testid="account-name" />
            </Form.Item>
            <Form.Item name="bankName" label={t('case.account.bank')} rules={[{ required: true, message: t('case.required') }]}>
              <Input data-testid="account-bank" />
            </Form.Item>
            <Form.Item
              name="accountNo"
              label={t('case.account.no')}
              extra={t('case.account.noHint')}
              rules={[{ required: true, message: t('case.required') }]}
            >
              <Input className="num" data-testid="account-no" />
            </Form.Item>
          </>
        )}
        {needs.includes('application') && (
          <>
            <Form.Item
              name="statement"
              label={t('case.application.statement')}
              rules={[{ required: true, message: t('case.required') }]}
            >
              <Input.TextArea rows={4} maxLength={5000} showCount data-testid="application-statement" />
            </Form.Item>
            <Typography.Text strong>{t('case.application.documents')}</Typography.Text>
            <Typography.Paragraph type="secondary" className="small-text">
              {t('case.application.documentsHint')}
            </Typography.Paragraph>
            <Form.List name="documents">
              {(fields, { add, remove }) => (
                <>
                  <Upload
                    accept=".pdf,.ofd,.png,.jpg,.jpeg,.docx,.xlsx"
                    showUploadList={false}
                    customRequest={(o) => {
                      setProblem(null);
                      api.uploadDocument(detail.case.id, o.file as File).then(
                        (d) => {
                          // Empty lines are dropped rather than left to fail validation.
                          const docs = (
                            (form.getFieldValue('documents') as { name?: string; ref?: string }[] | undefined) ?? []
                          ).filter((x) => x && (x.name || x.ref));
                          if (!docs.some((x) => x.ref === `doc:${d.id}`)) docs.push({ name: d.fileName, ref: `doc:${d.id}` });
                          form.setFieldValue('documents', docs);
                          o.onSuccess?.(d);
                        },
                        (e: unknown) => {
                          const mapped = fieldErrors(e, pick, ['file'] as const);
                          setProblem(
                            [errorText(e, pick), ...mapped.onForm.flatMap((f) => f.errors), ...mapped.leftOver].join('；'),
                          );
                          o.onError?.(e as Error);
                        },
                      );
                    }}
                  >
                    <Button icon={<UploadOutlined />} data-testid="document-upload" style={{ marginBottom: 12 }}>
                      {t('case.application.upload')}
                    </Button>
                  </Upload>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline">
                      <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: t('case.required') }]}>
                        <Input placeholder={t('case.application.docName')} style={{ width: 260 }} data-testid="document-name" />
                      </Form.Item>
                      <Form.Item name={[f.name, 'ref']} rules={[{ required: true, message: t('case.required') }]}>
                        <Input placeholder={t('case.application.docRef')} style={{ width: 220 }} data-testid="document-ref" />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', ref: '' })}>
                    {t('case.application.addDocument')}
                  </Button>
                </>
              )}
            </Form.List>
          </>
        )}
        {needs.includes('reason') && (
          <Form.Item
            name="reason"
            label={t('case.reason')}
            rules={[{ required: true, whitespace: true, message: t('case.reasonRequired') }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount data-testid="action-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function Progress({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const state = detail.case.state;
  const idx = MAIN_PATH.indexOf(state === 'archived' ? 'paid' : state);
  // Off the path (returned, rejected, cancelled): show the last step reached before it.
  const lastOnPath = detail.events.reduce((n, e) => Math.max(n, MAIN_PATH.indexOf(e.fromState ?? 'opened')), 0);
  const current = idx >= 0 ? idx : lastOnPath;
  const status =
    state === 'rejected' || state === 'cancelled'
      ? 'error'
      : state === 'returned'
        ? 'wait'
        : state === 'paid' || state === 'archived'
          ? 'finish'
          : 'process';
  return (
    <Steps
      size="small"
      current={current}
      status={status}
      data-testid="case-progress"
      items={MAIN_PATH.map((s) => ({ title: t(`case.step.${s}` as 'case.step.opened') }))}
      style={{ marginBottom: 16 }}
    />
  );
}

export default function CasePage() {
  const { id } = useParams();
  const caseId = Number(id);
  const { t, lang, pick } = useI18n();
  const ref = useReferenceData();
  const { message } = App.useApp();
  const { data, error, reload, setData } = useLoad(() => api.getCase(caseId), [caseId]);
  const [action, setAction] = useState<CaseAction | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  if (error && !data) return <Alert type="error" showIcon title={errorText(error, pick)} />;
  if (!data) return <PageSpinner />;
  const c = data.case;

  async function direct(a: CaseAction) {
    setActionError(null);
    try {
      setData(await api.transition(caseId, { action: a.action, version: c.version }));
      void message.success(t('case.action.done'));
    } catch (e) {
      setActionError(errorText(e, pick));
      reload();
    }
  }

  return (
    <div data-testid="case-page">
      <div className="page-header">
        <Space orientation="vertical" size={0}>
          <Typography.Title level={3}>
            {t('case.heading', { id: c.id })} · {c.beneficiaryName}
          </Typography.Title>
          <Space wrap>
            <CaseStateTag state={c.state} />
            <Tag>{t(`case.track.${c.track}`)}</Tag>
            <Typography.Text type="secondary">
              {clauseName(c.clause, t, lang)} · {itemName(c.item, ref, pick)} · {c.fiscalYear}
            </Typography.Text>
          </Space>
        </Space>
        <Typography.Text strong className="num" style={{ fontSize: 24 }} data-testid="case-amount">
          {formatMoney(c.amount)}
        </Typography.Text>
      </div>
      <CasesTabs />
      <Progress detail={data} />
      {c.lastReason &&
        (c.state === 'returned' || c.state === 'rejected' || c.state === 'cancelled' || c.state === 'city_review') && (
          <Alert
            type={c.state === 'rejected' || c.state === 'cancelled' ? 'error' : 'warning'}
            showIcon
            style={{ marginBottom: 16 }}
            title={t('case.lastReason')}
            description={c.lastReason}
            data-testid="case-last-reason"
          />
        )}
      {actionError && (
        <Alert type="error" showIcon closable style={{ marginBottom: 16 }} title={actionError} data-testid="case-action-error" />
      )}
      <Card size="small" title={t('case.actions')} style={{ marginBottom: 16 }} data-testid="case-actions">
        {data.actions.length === 0 ? (
          <Typography.Text type="secondary" data-testid="case-no-actions">
            {t('case.noActions')}
          </Typography.Text>
        ) : (
          <Space wrap>
            {data.actions.map((a) => {
              const danger = a.action.endsWith('_reject');
              const btn = (
                <Button
                  key={a.action}
                  type={a.action.endsWith('_return') || danger ? 'default' : 'primary'}
                  danger={danger}
                  data-testid={`action-${a.action}`}
                  onClick={a.needs.length ? () => setAction(a) : undefined}
                >
                  {pick(a.label)}
                </Button>
              );
              return a.needs.length ? (
                btn
              ) : (
                <Popconfirm
                  key={a.action}
                  title={t('case.action.confirm', { action: pick(a.label) })}
                  onConfirm={() => void direct(a)}
                  okButtonProps={{ 'data-testid': 'confirm-ok' }}
                >
                  {btn}
                </Popconfirm>
              );
            })}
          </Space>
        )}
        {c.state === 'city_review' && data.actions.some((a) => a.action === 'city_return') && (
          <div style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">
              {t('case.publishHint')} <Link to={`/cases/notices?compose=${c.id}`}>{t('notice.compose')}</Link>
            </Typography.Text>
          </div>
        )}
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('case.details')} style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={1} bordered styles={{ label: { width: 130 } }}>
              <Descriptions.Item label={t('case.col.beneficiary')}>
                <Link
                  to={c.beneficiaryType === 'enterprise' ? `/enterprises/${c.beneficiaryId}` : `/carriers/${c.beneficiaryId}`}
                >
                  {c.beneficiaryName}
                </Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('ent.unit')}>{ref.unitName(c.unitCode, c.unitName)}</Descriptions.Item>
              <Descriptions.Item label={t('case.col.amount')}>{formatMoney(c.amount)}</Descriptions.Item>
              <Descriptions.Item label={t('case.col.since')}>{formatDateTime(c.stateSince)}</Descriptions.Item>
              <Descriptions.Item label={t('case.account')}>
                {c.account ? (
                  <span data-testid="case-account">
                    {c.account.accountName} · {c.account.bankName} · <span className="num">{c.account.accountNo}</span>
                  </span>
                ) : (
                  '—'
                )}
              </Descriptions.Item>
              {c.application && (
                <Descriptions.Item label={t('case.application')}>
                  <div>{c.application.statement}</div>
                  <Space size={[4, 4]} wrap>
                    {c.application.documents.map((d) => {
                      const id = api.uploadedId(d.ref);
                      return id === null ? (
                        <Tag key={d.ref}>
                          {d.name} · {d.ref}
                        </Tag>
                      ) : (
                        <a key={d.ref} href={api.documentUrl(c.id, id)} data-testid="case-document">
                          <PaperClipOutlined /> {d.name}
                        </a>
                      );
                    })}
                  </Space>
                </Descriptions.Item>
              )}
              {data.batch && (
                <Descriptions.Item label={t('batch.one')}>
                  <Space>
                    <Link to={`/cases/batches/${data.batch.id}`}>{data.batch.title}</Link>
                    <BatchStateTag state={data.batch.state} />
                    <Button
                      size="small"
                      icon={<DownloadOutlined />}
                      href={api.casePaymentNoticeUrl(c.id)}
                      data-testid="case-payment-notice"
                    >
                      {t('batch.noticeDocx')}
                    </Button>
                  </Space>
                </Descriptions.Item>
              )}
              {data.payment && (
                <Descriptions.Item label={t('case.payment')}>
                  <span data-testid="case-payment">
                    {formatMoney(Number(data.payment.amount))} · {formatDateTime(data.payment.paidAt)} · {data.payment.recordedBy}
                  </span>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          {data.notices.length > 0 && (
            <Card size="small" title={t('notice.title')} style={{ marginBottom: 16 }} data-testid="case-notices">
              {data.notices.map((n) => (
                <div key={n.id} style={{ marginBottom: 8 }}>
                  <Link to={`/cases/notices/${n.id}`}>{n.title}</Link>{' '}
                  <Typography.Text type="secondary" className="num">
                    {formatDate(n.publishedOn)} ~ {formatDate(n.endsOn)}
                  </Typography.Text>{' '}
                  <Tag color={n.outcome === 'objected' ? 'orange' : n.outcome === 'passed' ? 'green' : 'purple'}>
                    {t(`notice.outcome.${n.outcome ?? 'open'}`)}
                  </Tag>
                  <div>
                    <Typography.Text type="secondary">{n.basis}</Typography.Text>
                  </div>
                </div>
              ))}
              {data.objections.map((o) => (
                <Alert
                  key={o.id}
                  type={o.resolution ? 'info' : 'warning'}
                  style={{ marginTop: 8 }}
                  title={`${t('notice.objection')} · ${o.filedByName} · ${formatDateTime(o.at)}`}
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
                />
              ))}
            </Card>
          )}
          <Card size="small" title={t('case.timeline')} style={{ marginBottom: 16 }}>
            {data.events.length === 0 ? (
              <Empty />
            ) : (
              <Timeline
                data-testid="case-timeline"
                titleSpan="140px"
                items={data.events.map((e) => ({
                  key: e.id,
                  color:
                    e.toState === 'rejected' || e.toState === 'cancelled'
                      ? 'red'
                      : e.toState === 'returned'
                        ? 'orange'
                        : e.toState === 'paid'
                          ? 'green'
                          : 'blue',
                  title: <span className="num small-text">{formatDateTime(e.at)}</span>,
                  content: (
                    <div data-testid="case-event">
                      <Space size={4} wrap>
                        <Typography.Text strong>{t(`case.event.${e.action}` as 'case.event.open')}</Typography.Text>
                        <span>→</span>
                        <CaseStateTag state={e.toState} />
                      </Space>
                      <div>
                        <Typography.Text type="secondary">
                          {e.actorName}
                          {e.actorRole ? ` · ${t(`role.${e.actorRole}` as 'role.city_officer')}` : ''}
                        </Typography.Text>
                      </div>
                      {e.reason && <div className="small-text">{e.reason}</div>}
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('case.explanation')} data-testid="case-explanation">
            {data.entitlement ? <Explanation detail={data.entitlement} /> : <Empty description={t('case.noExplanation')} />}
          </Card>
        </Col>
      </Row>
      <ActionDialog
        detail={data}
        action={action}
        onClose={() => setAction(null)}
        onDone={(d) => {
          setAction(null);
          setData(d);
          void message.success(t('case.action.done'));
        }}
      />
    </div>
  );
}
