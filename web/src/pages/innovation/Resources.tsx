/**
 * 大中小企业融通 (measure 十一): large enterprises open instruments, test sites, capacity, brand
 * and design capability; SMEs request them. Matchmaking events (供需对接活动) live in the events
 * module: this screen links to them.
 */
import { Alert, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/index.tsx';
import { formatDate } from '../../util/format.ts';
import {
  createResource,
  fetchRequests,
  fetchResources,
  moveRequest,
  requestResource,
  type Resource,
  type ResourceRequest,
} from './api.ts';
import { StatusTag, useInnovation, useLabel, useSubmit } from './shared.tsx';

function OfferForm({ open, onClose }: { open: boolean; onClose: (saved: boolean) => void }) {
  const { t, pick } = useI18n();
  const { vocab } = useInnovation();
  const [form] = Form.useForm();
  const submit = useSubmit();
  return (
    <Modal
      open={open}
      title={t('inno.res.offer')}
      onCancel={() => onClose(false)}
      onOk={() =>
        void form
          .validateFields()
          .then(async (v: Record<string, unknown>) =>
            onClose(await submit(form, ['kind', 'title', 'description', 'terms'] as const, () => createResource(v))),
          )
      }
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="kind" label={t('inno.f.kind')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={vocab.resourceKinds.map((x) => ({ value: x.id, label: pick(x) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('inno.f.title')} rules={[{ required: true, message: t('common.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('inno.f.description')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="terms" label={t('inno.f.terms')}>
          <Input maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RequestForm({ resource, onClose }: { resource: Resource | null; onClose: (saved: boolean) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const submit = useSubmit();
  return (
    <Modal
      open={resource !== null}
      title={`${t('inno.res.request')}：${resource?.title ?? ''}`}
      onCancel={() => onClose(false)}
      onOk={() =>
        void form.validateFields().then(async (v: Record<string, unknown>) => {
          const [from, to] = v.period as [dayjs.Dayjs, dayjs.Dayjs];
          if (!resource) return;
          onClose(
            await submit(form, ['purpose'] as const, () =>
              requestResource(resource.id, {
                purpose: v.purpose,
                fromDate: from.format('YYYY-MM-DD'),
                toDate: to.format('YYYY-MM-DD'),
              }),
            ),
          );
        })
      }
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="purpose" label={t('inno.f.purpose')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item
          name="period"
          label={`${t('inno.f.from')} – ${t('inno.f.to')}`}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker.RangePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The owner declines with a reason the requester will read; cancelling declines nothing. */
function DeclineForm({ request, onClose }: { request: ResourceRequest | null; onClose: (saved: boolean) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const submit = useSubmit();
  return (
    <Modal
      open={request !== null}
      title={t('inno.act.decline')}
      onCancel={() => onClose(false)}
      okButtonProps={{ danger: true, 'data-testid': 'decline-submit' }}
      onOk={() =>
        void form.validateFields().then(async (v: { answer: string }) => {
          if (!request) return;
          const ok = await submit(form, ['answer'] as const, () =>
            moveRequest(request.id, 'declined', { version: request.version, answer: v.answer }),
          );
          if (ok) {
            form.resetFields();
            onClose(true);
          }
        })
      }
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{request?.resourceTitle}</Typography.Paragraph>
      <Form form={form} layout="vertical" data-testid="decline-form">
        <Form.Item
          name="answer"
          label={t('inno.f.answer')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Requests({ version }: { version: number }) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [data, setData] = useState<ResourceRequest[] | null>(null);
  const [declining, setDeclining] = useState<ResourceRequest | null>(null);
  const load = useCallback(() => void fetchRequests({ pageSize: 100 }).then((r) => setData(r.items)), []);
  useEffect(load, [load, version]);
  const move = (r: ResourceRequest, to: 'accepted' | 'completed' | 'withdrawn') => {
    void submit(null, [], () => moveRequest(r.id, to, { version: r.version })).then(load);
  };
  return (
    <>
      <Table<ResourceRequest>
        rowKey="id"
        size="small"
        loading={!data}
        dataSource={data ?? []}
        pagination={{ pageSize: 10 }}
        data-testid="requests-table"
        columns={[
          { title: t('inno.col.title'), dataIndex: 'resourceTitle' },
          { title: t('inno.res.owner'), dataIndex: 'ownerName', width: 200 },
          { title: t('inno.col.enterprise'), dataIndex: 'enterpriseName', width: 200 },
          { title: t('inno.f.purpose'), dataIndex: 'purpose' },
          {
            title: `${t('inno.f.from')} – ${t('inno.f.to')}`,
            width: 200,
            render: (_v, r) => `${formatDate(r.fromDate)} – ${formatDate(r.toDate)}`,
          },
          { title: t('inno.status'), width: 90, render: (_v, r) => <StatusTag status={r.status} prefix="req" /> },
          {
            title: t('inno.col.actions'),
            width: 170,
            render: (_v, r) => (
              <Space size="small">
                {r.side === 'owner' && r.status === 'requested' && (
                  <>
                    <Button size="small" type="primary" onClick={() => move(r, 'accepted')}>
                      {t('inno.act.accept')}
                    </Button>
                    <Button size="small" onClick={() => setDeclining(r)} data-testid={`decline-${r.id}`}>
                      {t('inno.act.decline')}
                    </Button>
                  </>
                )}
                {r.side === 'owner' && r.status === 'accepted' && (
                  <Button size="small" onClick={() => move(r, 'completed')}>
                    {t('inno.act.finish')}
                  </Button>
                )}
                {r.side === 'requester' && (r.status === 'requested' || r.status === 'accepted') && (
                  <Button size="small" onClick={() => move(r, 'withdrawn')}>
                    {t('inno.act.withdraw')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <DeclineForm
        request={declining}
        onClose={(saved) => {
          setDeclining(null);
          if (saved) load();
        }}
      />
    </>
  );
}

export function ResourcesPanel() {
  const { t, pick } = useI18n();
  const { me, vocab } = useInnovation();
  const label = useLabel();
  const [kind, setKind] = useState<string | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: Resource[]; total: number } | null>(null);
  const [offering, setOffering] = useState(false);
  const [requesting, setRequesting] = useState<Resource | null>(null);
  const [version, setVersion] = useState(0);
  const load = useCallback(() => void fetchResources({ kind, q, page, pageSize: 20 }).then(setData), [kind, q, page]);
  useEffect(load, [load, version]);
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="matchmaking-events"
        message={t('inno.events.title')}
        description={
          <Space>
            {t('inno.events.text')}
            <Link to="/events?kind=matchmaking">{t('inno.events.link')}</Link>
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('inno.search')}
            style={{ width: 240 }}
            onSearch={(v) => (setPage(1), setQ(v))}
          />
          <Select
            allowClear
            placeholder={t('inno.f.kind')}
            style={{ width: 160 }}
            options={vocab.resourceKinds.map((x) => ({ value: x.id, label: pick(x) }))}
            onChange={(v?: string) => (setPage(1), setKind(v))}
          />
        </Space>
        {me.kind === 'enterprise' && me.large && (
          <Button type="primary" onClick={() => setOffering(true)}>
            {t('inno.res.offer')}
          </Button>
        )}
      </Space>
      <Table<Resource>
        rowKey="id"
        size="middle"
        loading={!data}
        dataSource={data?.items ?? []}
        data-testid="resources-table"
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => t('common.total', { n }),
        }}
        columns={[
          { title: t('inno.col.title'), dataIndex: 'title', render: (v: string, r) => <span title={r.description}>{v}</span> },
          { title: t('inno.f.kind'), width: 120, render: (_v, r) => label(vocab.resourceKinds, r.kind) },
          { title: t('inno.res.owner'), width: 220, render: (_v, r) => `${r.enterpriseName}（${r.unitName}）` },
          { title: t('inno.f.terms'), dataIndex: 'terms', width: 240 },
          { title: t('inno.res.open'), dataIndex: 'openRequests', width: 90, align: 'right' },
          {
            title: t('inno.col.actions'),
            width: 110,
            render: (_v, r) =>
              me.kind === 'enterprise' && !r.mine && r.status === 'published' ? (
                <Button size="small" onClick={() => setRequesting(r)}>
                  {t('inno.res.request')}
                </Button>
              ) : null,
          },
        ]}
      />
      {(me.kind === 'enterprise' || me.kind === 'officer') && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('inno.res.requests')}
          </Typography.Title>
          <Requests version={version} />
        </>
      )}
      <OfferForm open={offering} onClose={(saved) => (setOffering(false), saved && setVersion((n) => n + 1))} />
      <RequestForm resource={requesting} onClose={(saved) => (setRequesting(null), saved && setVersion((n) => n + 1))} />
    </>
  );
}
