/** 揭榜项目: applications to demands and their steps — choose, contract, completion, government support. */
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { formatDate, formatMoney } from '../../util/format.ts';
import { actOnApplication, fetchApplications, recordSupport, type Application } from './api.ts';
import { StatusTag, useInnovation, useSubmit } from './shared.tsx';

type Step = 'contract' | 'support';

function StepForm({ app, step, onClose }: { app: Application | null; step: Step; onClose: (saved: boolean) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const submit = useSubmit();
  return (
    <Modal
      open={app !== null}
      title={step === 'contract' ? t('inno.act.contract') : t('inno.act.support')}
      onCancel={() => onClose(false)}
      onOk={() =>
        void form.validateFields().then(async (v: Record<string, unknown>) => {
          if (!app) return;
          const ok =
            step === 'contract'
              ? await submit(form, ['amount', 'signedOn'] as const, () =>
                  actOnApplication(app.id, 'contract', {
                    version: app.version,
                    amount: v.amount,
                    signedOn: (v.signedOn as dayjs.Dayjs).format('YYYY-MM-DD'),
                  }),
                )
              : await submit(form, ['amount', 'note'] as const, () =>
                  recordSupport(app.id, { version: app.version, amount: v.amount, note: v.note }),
                );
          if (ok) onClose(true);
        })
      }
      okButtonProps={{ 'data-testid': `${step}-submit` }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ signedOn: dayjs(), amount: app?.quote ?? undefined }}
        data-testid={`${step}-form`}
      >
        <Form.Item
          name="amount"
          label={step === 'contract' ? t('inno.f.amount') : t('inno.f.support')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={step === 'contract' ? 1 : 0} step={10000} style={{ width: 220 }} />
        </Form.Item>
        {step === 'contract' ? (
          <Form.Item name="signedOn" label={t('inno.f.signedOn')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        ) : (
          <Form.Item name="note" label={t('inno.f.note')} rules={[{ required: true, message: t('common.required') }]}>
            <Input maxLength={500} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function ProjectsPanel() {
  const { t } = useI18n();
  const { me } = useInnovation();
  const submit = useSubmit();
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: Application[]; total: number } | null>(null);
  const [stepping, setStepping] = useState<{ app: Application; step: Step } | null>(null);
  const load = useCallback(() => {
    void fetchApplications({ status, page, pageSize: 20 }).then(setData);
  }, [status, page]);
  useEffect(load, [load]);
  const act = (a: Application, action: 'choose' | 'complete' | 'withdraw') =>
    void submit(null, [], () => actOnApplication(a.id, action, { version: a.version })).then(load);
  const statuses = ['applied', 'chosen', 'not_chosen', 'withdrawn', 'contracted', 'completed'];
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('inno.status')}
          style={{ width: 160 }}
          options={statuses.map((s) => ({ value: s, label: t(`inno.app.${s}` as 'inno.app.applied') }))}
          onChange={(v?: string) => {
            setPage(1);
            setStatus(v);
          }}
        />
      </Space>
      <Table<Application>
        rowKey="id"
        size="middle"
        loading={!data}
        dataSource={data?.items ?? []}
        data-testid="applications-table"
        scroll={{ x: 1500 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => t('common.total', { n }),
        }}
        columns={[
          {
            title: t('inno.col.demand'),
            dataIndex: 'demandTitle',
            width: 260,
            render: (v: string, a) => <span title={a.proposal}>{v}</span>,
          },
          { title: t('inno.col.enterprise'), dataIndex: 'enterpriseName', width: 200 },
          { title: t('inno.col.organisation'), width: 200, render: (_v, a) => `${a.organisation} · ${a.team}` },
          { title: t('inno.f.quote'), width: 110, align: 'right', render: (_v, a) => formatMoney(a.quote) },
          { title: t('inno.status'), width: 90, render: (_v, a) => <StatusTag status={a.status} prefix="app" /> },
          { title: t('inno.col.contract'), width: 120, align: 'right', render: (_v, a) => formatMoney(a.contractAmount) },
          { title: t('inno.f.signedOn'), width: 110, render: (_v, a) => formatDate(a.contractSignedOn) },
          {
            title: t('inno.col.supportAmt'),
            width: 120,
            align: 'right',
            render: (_v, a) => (a.supportAmount === null ? '—' : formatMoney(a.supportAmount)),
          },
          {
            title: t('inno.col.actions'),
            width: 200,
            fixed: 'right',
            render: (_v, a) => (
              <Space size="small">
                {me.kind === 'enterprise' && a.status === 'applied' && (
                  <Button size="small" type="primary" onClick={() => act(a, 'choose')} data-testid={`choose-${a.id}`}>
                    {t('inno.act.choose')}
                  </Button>
                )}
                {me.kind === 'enterprise' && a.status === 'chosen' && (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setStepping({ app: a, step: 'contract' })}
                    data-testid={`contract-${a.id}`}
                  >
                    {t('inno.act.contract')}
                  </Button>
                )}
                {me.kind === 'enterprise' && a.status === 'contracted' && (
                  <Button size="small" onClick={() => act(a, 'complete')}>
                    {t('inno.act.complete')}
                  </Button>
                )}
                {me.kind === 'university' && (a.status === 'applied' || a.status === 'chosen') && (
                  <Button size="small" onClick={() => act(a, 'withdraw')}>
                    {t('inno.act.withdraw')}
                  </Button>
                )}
                {me.canRecordSupport && (a.status === 'contracted' || a.status === 'completed') && (
                  <Button size="small" onClick={() => setStepping({ app: a, step: 'support' })}>
                    {t('inno.act.support')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <StepForm
        app={stepping?.app ?? null}
        step={stepping?.step ?? 'contract'}
        onClose={(saved) => {
          setStepping(null);
          if (saved) load();
        }}
      />
    </>
  );
}
