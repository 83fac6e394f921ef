/**
 * A bank: firms on the key-service list that share their IP, with their IP score; open one to see
 * the evaluation item by item and record an IP-pledge loan secured on chosen items.
 */
import { Alert, Button, Card, Drawer, Form, Input, InputNumber, Space, Table, Tabs, Typography, DatePicker, message } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { errorText, fieldErrors } from '../../util/errors.ts';
import { fetchCandidates, recordPledgeLoan, type Candidate, type Viewer } from './api.ts';
import { EnterpriseIpView } from './EnterpriseIpView.tsx';
import { PledgeLoansPanel } from './PledgeLoansPanel.tsx';

const LOAN_FIELDS = ['amount', 'rateBp', 'termMonths', 'grantedOn', 'ipRecordIds'] as const;

function LoanForm({ enterpriseId, selected, onDone }: { enterpriseId: number; selected: number[]; onDone: () => void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<{ amountWan: number; ratePct: number; termMonths: number; grantedOn: dayjs.Dayjs }>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await recordPledgeLoan(enterpriseId, {
        ipRecordIds: selected,
        amount: Math.round(v.amountWan * 10000),
        rateBp: Math.round(v.ratePct * 100),
        termMonths: v.termMonths,
        grantedOn: v.grantedOn.format('YYYY-MM-DD'),
      });
      void message.success(t('ip.loan.recorded'));
      onDone();
    } catch (e) {
      const fe = fieldErrors(e, pick, LOAN_FIELDS);
      setError(
        [...fe.onForm.map((f) => `${t(`ip.loan.field.${f.name}` as never)}：${f.errors.join('')}`), ...fe.leftOver].join('；') ||
          errorText(e, pick),
      );
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title={t('ip.loan.title')} data-testid="ip-loan-card">
      <Typography.Paragraph type="secondary">{t('ip.loan.hint', { n: selected.length })}</Typography.Paragraph>
      {error && <Alert type="error" message={error} style={{ marginBottom: 8 }} data-testid="ip-loan-error" />}
      <Form form={form} layout="inline" initialValues={{ termMonths: 12, ratePct: 3.6, grantedOn: dayjs() }}>
        <Form.Item name="amountWan" label={t('ip.loan.amountWan')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={1} data-testid="ip-loan-amount" />
        </Form.Item>
        <Form.Item name="ratePct" label={t('ip.loan.ratePct')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={0.01} step={0.05} data-testid="ip-loan-rate" />
        </Form.Item>
        <Form.Item name="termMonths" label={t('ip.loan.term')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={1} max={360} precision={0} />
        </Form.Item>
        <Form.Item name="grantedOn" label={t('ip.loan.grantedOn')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Button
          type="primary"
          loading={saving}
          disabled={selected.length === 0}
          onClick={() => void submit()}
          data-testid="ip-loan-submit"
        >
          {t('ip.loan.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function Candidates({ viewer, onLoan }: { viewer: Viewer; onLoan: () => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: Candidate[]; total: number } | null>(null);
  const [open, setOpen] = useState<Candidate | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [key, setKey] = useState(0);
  const load = useCallback(() => void fetchCandidates({ q, page, pageSize: 20 }).then(setData), [q, page]);
  useEffect(load, [load]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.Search
        allowClear
        placeholder={t('ip.bank.search')}
        style={{ maxWidth: 360 }}
        onSearch={(v) => {
          setPage(1);
          setQ(v);
        }}
        data-testid="ip-bank-search"
      />
      <Table<Candidate>
        rowKey="id"
        size="middle"
        loading={!data}
        dataSource={data?.items ?? []}
        data-testid="ip-candidates"
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => t('common.total', { n }),
        }}
        columns={[
          { key: 'name', title: t('ip.col.enterprise'), dataIndex: 'name' },
          { key: 'unit', title: t('ip.col.unit'), dataIndex: 'unitName', width: 110 },
          { key: 'items', title: t('ip.col.items'), dataIndex: 'items', width: 80, align: 'right' as const },
          { key: 'c1', title: t('ip.count.class1'), dataIndex: 'class1', width: 90, align: 'right' as const },
          { key: 'hv', title: t('ip.count.highValue'), dataIndex: 'class1HighValue', width: 110, align: 'right' as const },
          {
            key: 'score',
            title: t('ip.score.enterprise'),
            width: 110,
            align: 'right' as const,
            render: (_: unknown, c) => <b>{c.score.toFixed(1)}</b>,
          },
          {
            key: 'a',
            title: t('ip.col.actions'),
            width: 100,
            render: (_: unknown, c) => (
              <Button
                size="small"
                type="primary"
                onClick={() => {
                  setSelected([]);
                  setOpen(c);
                }}
              >
                {t('ip.bank.evaluate')}
              </Button>
            ),
          },
        ]}
      />
      <Drawer
        open={open !== null}
        width="85%"
        title={open ? `${open.name} · ${t('ip.bank.evaluation')}` : ''}
        onClose={() => setOpen(null)}
        destroyOnHidden
      >
        {open && (
          <EnterpriseIpView
            key={key}
            enterpriseId={open.id}
            {...(viewer.canRecordLoans ? { selection: { selected, onChange: setSelected } } : {})}
            extra={() =>
              viewer.canRecordLoans ? (
                <LoanForm
                  enterpriseId={open.id}
                  selected={selected}
                  onDone={() => {
                    setSelected([]);
                    setKey((k) => k + 1);
                    onLoan();
                  }}
                />
              ) : null
            }
          />
        )}
      </Drawer>
    </Space>
  );
}

export function BankView({ viewer }: { viewer: Viewer }) {
  const { t } = useI18n();
  const [loans, setLoans] = useState(0);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('ip.intro.bank')}</Typography.Paragraph>
      <Tabs
        data-testid="ip-tabs"
        items={[
          {
            key: 'candidates',
            label: t('ip.tab.candidates'),
            children: <Candidates viewer={viewer} onLoan={() => setLoans((n) => n + 1)} />,
          },
          {
            key: 'loans',
            label: t('ip.tab.myLoans'),
            children: <PledgeLoansPanel canRelease={viewer.canRecordLoans} reloadKey={loans} />,
          },
        ]}
      />
    </Space>
  );
}
