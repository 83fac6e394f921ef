/**
 * The enterprise's view: consent (exactly which fields are shared, with whom, the history), its
 * demands with the answers they got, and the products that fit its titles.
 */
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone, LockOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { TitleTags } from '../../components/TitleTags.tsx';
import type { TitleKind } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { errorText, fieldErrors } from '../../util/errors.ts';
import {
  closeDemand,
  fetchConsent,
  fetchDemands,
  fetchProducts,
  grantConsent,
  postDemand,
  withdrawConsent,
  type Collateral,
  type Consent,
  type Demand,
  type Product,
} from './api.ts';
import { DemandDrawer, ProductTable, collateralLabel, dateTime, demandColumns } from './shared.tsx';

function ConsentCard({ consent, onChange }: { consent: Consent; onChange: (c: Consent) => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [fields, setFields] = useState<string[]>(consent.granted ? consent.fields : consent.shareable.map((s) => s.id));
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (consent.granted) setFields(consent.fields);
  }, [consent]);
  const run = async (action: () => Promise<Consent>, done: string) => {
    setBusy(true);
    try {
      onChange(await action());
      void message.success(done);
    } catch (e) {
      void message.error(errorText(e, pick));
    } finally {
      setBusy(false);
    }
  };
  const changed = consent.granted && (fields.length !== consent.fields.length || fields.some((f) => !consent.fields.includes(f)));
  return (
    <Card
      data-testid="consent-card"
      title={
        <Space>
          {t('fin.consent.title')}
          <Tag color={consent.granted ? 'green' : 'default'} data-testid="consent-state">
            {consent.granted ? t('fin.consent.on') : t('fin.consent.off')}
          </Tag>
          <Tag color={consent.onKeyList ? 'blue' : 'default'} data-testid="key-list-state">
            {consent.onKeyList ? t('fin.consent.onList') : t('fin.consent.notOnList')}
          </Tag>
        </Space>
      }
    >
      <Row gutter={24}>
        <Col xs={24} lg={14}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {consent.qualifyingTitles.length ? (
              <Space wrap>
                <Typography.Text type="secondary">{t('fin.consent.qualifying')}</Typography.Text>
                <TitleTags kinds={[...new Set(consent.qualifyingTitles.map((x) => x.kind))] as TitleKind[]} />
              </Space>
            ) : (
              <Alert type="warning" showIcon message={t('fin.consent.noTitle')} />
            )}
            <Typography.Text>
              <CheckCircleTwoTone twoToneColor="#52c41a" /> {t('fin.consent.always')}：{pick(consent.alwaysShared)}
            </Typography.Text>
            <Typography.Text strong>{t('fin.consent.choose')}</Typography.Text>
            <Checkbox.Group value={fields} onChange={(v) => setFields(v as string[])} data-testid="consent-fields">
              <Row gutter={[8, 8]}>
                {consent.shareable.map((s) => (
                  <Col key={s.id} xs={24} sm={12}>
                    <Checkbox value={s.id}>{pick(s.label)}</Checkbox>
                  </Col>
                ))}
              </Row>
            </Checkbox.Group>
            <Typography.Text type="secondary">
              <LockOutlined /> {t('fin.consent.never')}：{pick(consent.neverShared)}
            </Typography.Text>
            <Space>
              {!consent.granted ? (
                <Button
                  type="primary"
                  loading={busy}
                  disabled={fields.length === 0}
                  onClick={() => void run(() => grantConsent(fields), t('fin.consent.done'))}
                  data-testid="consent-grant"
                >
                  {t('fin.consent.grant')}
                </Button>
              ) : (
                <>
                  <Button
                    type="primary"
                    loading={busy}
                    disabled={!changed || fields.length === 0}
                    onClick={() => void run(() => grantConsent(fields), t('fin.consent.done'))}
                    data-testid="consent-update"
                  >
                    {t('fin.consent.update')}
                  </Button>
                  <Popconfirm
                    title={t('fin.consent.withdrawConfirm')}
                    onConfirm={() => void run(withdrawConsent, t('fin.consent.withdrawDone'))}
                    okText={t('common.yes')}
                    cancelText={t('common.no')}
                  >
                    <Button danger loading={busy} data-testid="consent-withdraw">
                      {t('fin.consent.withdraw')}
                    </Button>
                  </Popconfirm>
                </>
              )}
            </Space>
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Typography.Text strong>{t('fin.consent.institutions')}</Typography.Text>
          <List
            size="small"
            dataSource={consent.institutions}
            renderItem={(i) => <List.Item>{i.name}</List.Item>}
            style={{ maxHeight: 180, overflow: 'auto', marginBottom: 12 }}
          />
          <Typography.Text strong>{t('fin.consent.history')}</Typography.Text>
          <Timeline
            style={{ marginTop: 8 }}
            data-testid="consent-history"
            items={consent.history.slice(0, 8).map((h) => ({
              color: h.action === 'grant' ? 'green' : 'gray',
              dot:
                h.action === 'grant' ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#999" />,
              children: (
                <span>
                  {dateTime(h.at)} {h.action === 'grant' ? t('fin.consent.granted') : t('fin.consent.withdrawn')}
                  {h.action === 'grant' && (
                    <Typography.Text type="secondary">
                      （
                      {h.fields.map((f) => pick(consent.shareable.find((s) => s.id === f)?.label ?? { zh: f, en: f })).join('、')}
                      ）
                    </Typography.Text>
                  )}
                </span>
              ),
            }))}
          />
        </Col>
      </Row>
    </Card>
  );
}

const DEMAND_FIELDS = ['amount', 'termMonths', 'purpose', 'collateral'] as const;
interface DemandForm {
  amount: number;
  termMonths: number;
  purpose: string;
  collateral: Collateral;
}

function Demands({ consent }: { consent: Consent | null }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<DemandForm>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [data, setData] = useState<Demand[] | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    void fetchDemands({ pageSize: 200 }).then((r) => setData(r.items));
  }, [reload]);
  const submit = async (v: DemandForm) => {
    setBusy(true);
    try {
      await postDemand(v);
      void message.success(t('fin.demand.posted'));
      setOpen(false);
      form.resetFields();
      setReload((n) => n + 1);
    } catch (e) {
      const { onForm, leftOver } = fieldErrors(e, pick, DEMAND_FIELDS);
      form.setFields(onForm);
      if (!onForm.length || leftOver.length) void message.error([errorText(e, pick), ...leftOver].join('；'));
    } finally {
      setBusy(false);
    }
  };
  const close = async (d: Demand) => {
    try {
      await closeDemand(d.id, d.version);
      setReload((n) => n + 1);
    } catch (e) {
      void message.error(errorText(e, pick));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Button type="primary" onClick={() => setOpen(true)} data-testid="new-demand">
          {t('fin.demand.new')}
        </Button>
        {consent && !consent.onKeyList && <Typography.Text type="warning">{t('fin.demand.invisible')}</Typography.Text>}
      </Space>
      <Table<Demand>
        rowKey="id"
        size="middle"
        loading={!data}
        dataSource={data ?? []}
        data-testid="my-demands"
        scroll={{ x: 1200 }}
        pagination={{ pageSize: 10 }}
        columns={demandColumns(t, {
          showEnterprise: false,
          institution: false,
          actions: (d) => (
            <Space size={4}>
              <Button size="small" onClick={() => setViewing(d.id)} data-testid={`view-demand-${d.id}`}>
                {t('fin.action.view')}
              </Button>
              {d.status === 'open' && (
                <Popconfirm
                  title={t('fin.action.close')}
                  onConfirm={() => void close(d)}
                  okText={t('common.yes')}
                  cancelText={t('common.no')}
                >
                  <Button size="small">{t('fin.action.close')}</Button>
                </Popconfirm>
              )}
            </Space>
          ),
        })}
      />
      <Modal
        open={open}
        title={t('fin.demand.new')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        okText={t('common.submit')}
        data-testid="demand-dialog"
      >
        <Form<DemandForm>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ termMonths: 12, collateral: 'credit' }}
        >
          <Space size="middle" wrap>
            <Form.Item name="amount" label={t('fin.demand.amount')} rules={[{ required: true, message: t('common.required') }]}>
              <InputNumber min={1} step={100000} style={{ width: 200 }} data-testid="demand-amount" />
            </Form.Item>
            <Form.Item name="termMonths" label={t('fin.demand.term')} rules={[{ required: true, message: t('common.required') }]}>
              <InputNumber min={1} max={360} style={{ width: 120 }} data-testid="demand-term" />
            </Form.Item>
            <Form.Item name="collateral" label={t('fin.col.collateral')}>
              <Select
                style={{ width: 160 }}
                options={(['credit', 'ip_pledge', 'guarantee', 'insurance'] as const).map((c) => ({
                  value: c,
                  label: collateralLabel(t, c),
                }))}
                data-testid="demand-collateral"
              />
            </Form.Item>
          </Space>
          <Form.Item name="purpose" label={t('fin.col.purpose')} rules={[{ required: true, message: t('common.required') }]}>
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="demand-purpose" />
          </Form.Item>
        </Form>
      </Modal>
      <DemandDrawer id={viewing} onClose={() => setViewing(null)} institution={false} reloadKey={reload} />
    </Space>
  );
}

function Products() {
  const { t } = useI18n();
  const [fitOnly, setFitOnly] = useState(true);
  const [products, setProducts] = useState<Product[] | null>(null);
  useEffect(() => {
    void fetchProducts({ fitsMe: fitOnly || undefined }).then(setProducts);
  }, [fitOnly]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Switch checked={fitOnly} onChange={setFitOnly} data-testid="fit-only" />
        {t('fin.products.fitOnly')}
      </Space>
      <ProductTable products={products ?? []} showFit />
    </Space>
  );
}

export function EnterpriseView() {
  const { t } = useI18n();
  const [consent, setConsent] = useState<Consent | null>(null);
  useEffect(() => {
    void fetchConsent().then(setConsent);
  }, []);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('fin.intro.enterprise')}</Typography.Paragraph>
      <Tabs
        data-testid="financing-tabs"
        items={[
          {
            key: 'consent',
            label: t('fin.tab.consent'),
            children: consent ? <ConsentCard consent={consent} onChange={setConsent} /> : null,
          },
          { key: 'demands', label: t('fin.tab.demands'), children: <Demands consent={consent} /> },
          { key: 'products', label: t('fin.tab.products'), children: <Products /> },
        ]}
      />
    </Space>
  );
}
