/**
 * One event in a drawer. Organisers: publish / close / cancel, the enrolment list (participants
 * masked) with manual check-in, the feedback summary. Enterprise users: enrol a participant, their
 * enrolment (seat or place on the waiting list), the check-in QR code, the certificate, feedback.
 */
import {
  App,
  Alert,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Rate,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useUser } from '../../auth/AuthContext.tsx';
import { useReferenceData } from '../../auth/ReferenceData.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText, fieldErrors } from '../../util/errors.ts';
import { formatMoney } from '../../util/format.ts';
import {
  cancelEnrolment,
  certificateUrl,
  enrol,
  fetchEnrolment,
  fetchEnrolments,
  fetchEvent,
  fetchFeedback,
  manualCheckin,
  qrUrl,
  setStatus,
  submitFeedback,
  type Enrolment,
  type EventItem,
  type EventStatus,
  type FeedbackSummary,
  type Verdict,
} from './api.ts';
import { EnrolmentTag, KindTag, StatusTag, timeRange } from './shared.tsx';

type ParticipantField = 'participant.name' | 'participant.phone' | 'participant.position';

export function EventDrawer({
  id,
  onClose,
  onChanged,
  onEdit,
  refresh = 0,
}: {
  id: number | null;
  onClose: () => void;
  onChanged: () => void;
  /** Opens the form on this event (organisers, while it is a draft or open for enrolment). */
  onEdit?: (e: EventItem) => void;
  /** Changes when the event was edited elsewhere, so the drawer reads it again. */
  refresh?: number;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const user = useUser();
  const ref = useReferenceData();
  const [event, setEvent] = useState<EventItem | null>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [mine, setMine] = useState<Enrolment | null>(null);
  const [list, setList] = useState<Enrolment[]>([]);
  const [feedback, setFeedback] = useState<FeedbackSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (id === null) return;
    try {
      const d = await fetchEvent(id);
      setEvent(d.event);
      setVerdict(d.verdict);
      setMine(d.myEnrolment ? await fetchEnrolment(d.myEnrolment.id) : null);
      if (d.event.organiser) {
        setList(await fetchEnrolments(id));
        setFeedback(d.event.status === 'draft' ? null : await fetchFeedback(id));
      }
      setError(null);
    } catch (e) {
      setError(errorText(e, pick));
    }
  }, [id, pick]);
  useEffect(() => {
    setEvent(null);
    setMine(null);
    setList([]);
    setFeedback(null);
    void load();
  }, [load, refresh]);

  const act = async (f: () => Promise<unknown>, ok: string) => {
    try {
      await f();
      void message.success(ok);
      await load();
      onChanged();
    } catch (e) {
      void message.error(errorText(e, pick));
    }
  };
  const move = (status: EventStatus) => act(() => setStatus(event!.id, status, event!.version), t(`ev.moved.${status}`));

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={880}
      title={event?.title ?? t('ev.loading')}
      destroyOnHidden
      data-testid="event-drawer"
    >
      {error && <Alert type="error" message={error} style={{ marginBottom: 12 }} />}
      {event && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('ev.col.kind')}>
              <KindTag kind={event.kind} /> {event.programmeTitle ?? ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('ev.col.status')}>
              <StatusTag status={event.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('ev.col.time')}>{timeRange(event)}</Descriptions.Item>
            <Descriptions.Item label={t('ev.col.place')}>{event.place}</Descriptions.Item>
            <Descriptions.Item label={t('ev.col.host')}>{event.hostName}</Descriptions.Item>
            <Descriptions.Item label={t('ev.col.seats')}>
              {t('ev.seatsLine', {
                confirmed: event.confirmed,
                capacity: event.capacity,
                waiting: event.waitlisted,
                attended: event.attended,
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('ev.targets')} span={2}>
              {event.targetRules.length === 0
                ? t('ev.targets.all')
                : event.targetRules.map((r, i) => (
                    <Tag key={i} color={r.effect === 'required' ? 'red' : 'gold'}>
                      {t(r.effect === 'required' ? 'ev.targets.required' : 'ev.targets.priority')}：
                      {(r.kind === 'title'
                        ? (r.titles ?? []).map(ref.titleKind)
                        : r.kind === 'unit'
                          ? (r.unitCodes ?? []).map(ref.unit)
                          : (r.sizeClasses ?? []).map(ref.sizeClass)
                      ).join('、')}
                    </Tag>
                  ))}
            </Descriptions.Item>
            {event.description ? (
              <Descriptions.Item label={t('ev.description')} span={2}>
                {event.description}
              </Descriptions.Item>
            ) : null}
          </Descriptions>

          {event.organiser && (
            <Space wrap>
              {event.status === 'draft' && (
                <Button type="primary" onClick={() => void move('published')} data-testid="publish">
                  {t('ev.publish')}
                </Button>
              )}
              {(event.status === 'draft' || event.status === 'published') && onEdit && (
                <Button onClick={() => onEdit(event)} data-testid="edit-event">
                  {t('ev.edit')}
                </Button>
              )}
              {event.status === 'published' && <Button onClick={() => void move('closed')}>{t('ev.close')}</Button>}
              {(event.status === 'draft' || event.status === 'published') && (
                <Popconfirm title={t('ev.cancelEventConfirm')} onConfirm={() => void move('cancelled')}>
                  <Button danger>{t('ev.cancelEvent')}</Button>
                </Popconfirm>
              )}
            </Space>
          )}

          {user.role === 'enterprise_user' && <EnterprisePart event={event} verdict={verdict} mine={mine} act={act} />}

          {event.organiser && (
            <>
              <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                <Typography.Title level={5}>{t('ev.enrolments', { n: list.length })}</Typography.Title>
                <Button size="small" href={`/api/events/${event.id}/enrolments.xlsx`} data-testid="enrolments-export">
                  {t('ev.exportXlsx')}
                </Button>
              </Space>
              <Table<Enrolment>
                rowKey="id"
                size="small"
                dataSource={list}
                data-testid="enrolments-table"
                pagination={{ pageSize: 10, showSizeChanger: false }}
                columns={[
                  { title: t('ev.col.enterprise'), dataIndex: 'enterpriseName', ellipsis: true },
                  { title: t('ev.col.participant'), render: (_, r) => `${r.participant.name} · ${r.participant.position}` },
                  { title: t('ev.col.phone'), render: (_, r) => r.participant.phone },
                  { title: t('ev.col.priority'), dataIndex: 'priority', width: 70 },
                  {
                    title: t('ev.col.enrolment'),
                    width: 130,
                    render: (_, r) => <EnrolmentTag status={r.status} position={r.waitingPosition} />,
                  },
                  {
                    title: t('ev.col.attendance'),
                    width: 140,
                    render: (_, r) =>
                      r.checkedInAt ? (
                        <Tag color="green">{t(r.checkinMethod === 'qr' ? 'ev.checkedInQr' : 'ev.checkedInManual')}</Tag>
                      ) : r.status === 'confirmed' && event.status !== 'draft' && event.status !== 'cancelled' ? (
                        <Button size="small" onClick={() => void act(() => manualCheckin(r.id), t('ev.checkedIn'))}>
                          {t('ev.manualCheckin')}
                        </Button>
                      ) : (
                        '—'
                      ),
                  },
                  { title: t('ev.col.rating'), width: 70, render: (_, r) => r.feedbackRating ?? '—' },
                ]}
              />
              {feedback && feedback.count > 0 && (
                <Descriptions size="small" column={3} title={t('ev.feedbackSummary')} bordered>
                  <Descriptions.Item label={t('ev.avgRating')}>{feedback.average}</Descriptions.Item>
                  <Descriptions.Item label={t('ev.feedbackCount')}>{feedback.count}</Descriptions.Item>
                  <Descriptions.Item label={t('ev.distribution')}>
                    {feedback.distribution.map((n, i) => `${i + 1}★ ${n}`).join(' · ')}
                  </Descriptions.Item>
                  {event.kind === 'matchmaking' && (
                    <>
                      <Descriptions.Item label={t('ev.intentions')}>{feedback.intentions}</Descriptions.Item>
                      <Descriptions.Item label={t('ev.contracts')}>{feedback.contracts}</Descriptions.Item>
                      <Descriptions.Item label={t('ev.contractAmount')}>{formatMoney(feedback.contractAmount)}</Descriptions.Item>
                    </>
                  )}
                </Descriptions>
              )}
            </>
          )}
        </Space>
      )}
    </Drawer>
  );
}

function EnterprisePart({
  event,
  verdict,
  mine,
  act,
}: {
  event: EventItem;
  verdict: Verdict | null;
  mine: Enrolment | null;
  act: (f: () => Promise<unknown>, ok: string) => Promise<void>;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<{ name: string; phone: string; position: string }>();
  const [fbForm] = Form.useForm<{
    rating: number;
    comment?: string;
    intentions?: number;
    contracts?: number;
    contractAmount?: number;
  }>();
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const active = mine && mine.status !== 'cancelled' ? mine : null;
  const open = event.status === 'published' && Date.now() <= Date.parse(event.enrolmentClosesAt);

  const onEnrol = async (v: { name: string; phone: string; position: string }) => {
    setBusy(true);
    try {
      await act(async () => {
        try {
          await enrol(event.id, v);
        } catch (e) {
          const fe = fieldErrors<ParticipantField>(e, pick, ['participant.name', 'participant.phone', 'participant.position']);
          form.setFields(fe.onForm.map((f) => ({ name: f.name.split('.')[1] as 'name', errors: f.errors })));
          throw e;
        }
      }, t('ev.enrolled'));
    } finally {
      setBusy(false);
    }
  };

  const onFeedback = async (v: {
    rating: number;
    comment?: string;
    intentions?: number;
    contracts?: number;
    contractAmount?: number;
  }) => {
    await act(() => submitFeedback(active!.id, v), t('ev.feedbackThanks'));
  };

  return (
    <div data-testid="my-enrolment">
      {verdict && verdict.priority > 0 && !active && (
        <Alert
          type="success"
          showIcon
          message={t('ev.youArePriority')}
          description={verdict.met.map(pick).join('；')}
          style={{ marginBottom: 12 }}
        />
      )}
      {verdict && !verdict.eligible && (
        <Alert
          type="warning"
          showIcon
          message={t('ev.notEligible')}
          description={verdict.unmet.map(pick).join('；')}
          style={{ marginBottom: 12 }}
        />
      )}
      {active ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Title level={5}>{t('ev.myEnrolment')}</Typography.Title>
          <Space wrap>
            <EnrolmentTag status={active.status} position={active.waitingPosition} />
            <span>
              {active.participant.name} · {active.participant.position} · {active.participant.phone}
            </span>
            {!active.checkedInAt && (
              <Popconfirm
                title={t('ev.cancelEnrolmentConfirm')}
                onConfirm={() => void act(() => cancelEnrolment(active.id), t('ev.enrolmentCancelled'))}
              >
                <Button size="small" danger>
                  {t('ev.cancelEnrolment')}
                </Button>
              </Popconfirm>
            )}
          </Space>
          {active.status === 'confirmed' && !active.checkedInAt && (
            <Space align="start">
              <img
                src={qrUrl(active.id)}
                alt={t('ev.qr')}
                width={180}
                height={180}
                data-testid="qr"
                style={{ border: '1px solid #eee' }}
              />
              <Typography.Paragraph type="secondary" style={{ maxWidth: 360 }}>
                {t('ev.qrHelp')}
                <br />
                <a href={qrUrl(active.id, 'svg')} download={`checkin-${active.id}.svg`}>
                  {t('ev.qrSvg')}
                </a>
              </Typography.Paragraph>
            </Space>
          )}
          {active.checkedInAt && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Alert
                type="success"
                showIcon
                message={t('ev.attended')}
                action={
                  <Button type="primary" href={certificateUrl(active.id)} data-testid="certificate">
                    {t('ev.certificate')}
                  </Button>
                }
              />
              <Typography.Title level={5}>{t('ev.feedback')}</Typography.Title>
              <Form
                form={fbForm}
                layout="inline"
                onFinish={(v) => void onFeedback(v).catch((e: unknown) => void message.error(errorText(e, pick)))}
                initialValues={{ rating: active.feedbackRating ?? 5 }}
                data-testid="feedback-form"
              >
                <Form.Item name="rating" label={t('ev.rating')} rules={[{ required: true }]}>
                  <Rate />
                </Form.Item>
                <Form.Item name="comment" label={t('ev.comment')}>
                  <Input.TextArea rows={1} style={{ width: 280 }} maxLength={2000} />
                </Form.Item>
                {event.kind === 'matchmaking' && (
                  <>
                    <Form.Item name="intentions" label={t('ev.intentions')}>
                      <InputNumber min={0} />
                    </Form.Item>
                    <Form.Item name="contracts" label={t('ev.contracts')}>
                      <InputNumber min={0} />
                    </Form.Item>
                    <Form.Item name="contractAmount" label={t('ev.contractAmount')}>
                      <InputNumber min={0} step={10000} style={{ width: 160 }} />
                    </Form.Item>
                  </>
                )}
                <Form.Item>
                  <Button htmlType="submit" data-testid="feedback-submit">
                    {active.feedbackRating ? t('ev.feedbackUpdate') : t('ev.feedbackSubmit')}
                  </Button>
                </Form.Item>
              </Form>
            </Space>
          )}
        </Space>
      ) : open && (!verdict || verdict.eligible) ? (
        <>
          <Typography.Title level={5}>{event.seatsLeft > 0 ? t('ev.enrol') : t('ev.enrolWaiting')}</Typography.Title>
          <Form form={form} layout="inline" onFinish={(v) => void onEnrol(v)} data-testid="enrol-form">
            <Form.Item name="name" label={t('ev.participantName')} rules={[{ required: true, message: t('ev.required') }]}>
              <Input style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="phone" label={t('ev.participantPhone')} rules={[{ required: true, message: t('ev.required') }]}>
              <Input style={{ width: 150 }} />
            </Form.Item>
            <Form.Item
              name="position"
              label={t('ev.participantPosition')}
              rules={[{ required: true, message: t('ev.required') }]}
            >
              <Input style={{ width: 120 }} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="enrol-submit">
                {t('ev.enrolSubmit')}
              </Button>
            </Form.Item>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('ev.privacy')}
          </Typography.Paragraph>
        </>
      ) : (
        <Typography.Text type="secondary">{t('ev.enrolmentClosed')}</Typography.Text>
      )}
    </div>
  );
}
