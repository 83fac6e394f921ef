/**
 * A financial institution's view: the key-service list (only the fields each firm shares), the
 * demand inbox with the answer dialog, loan recording (banks, on their own offer), the loans,
 * products and the institution's own statistics.
 */
import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
  type TableProps,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useReferenceData, type ReferenceData } from '../../auth/ReferenceData.tsx';
import { TitleTags } from '../../components/TitleTags.tsx';
import type { TitleKind } from '../../api/types.ts';
import { useI18n, type MessageKey, type Translate } from '../../i18n/index.tsx';

/** The field groups an enterprise can share (src/modules/financing/domain.ts SHAREABLE_FIELDS). */
const SHAREABLE_COUNT = 9;
import { errorText, fieldErrors } from '../../util/errors.ts';
import { formatCount, formatWanYuan } from '../../util/format.ts';
import {
  fetchDemand,
  fetchDemands,
  fetchInstitutions,
  fetchPledgeable,
  fetchKeyList,
  fetchLoans,
  fetchProducts,
  recordLoan,
  respond,
  updateResponse,
  type Collateral,
  type Demand,
  type Institution,
  type KeyListRow,
  type Loan,
  type PledgeableItem,
  type Product,
  type ResponseKind,
} from './api.ts';
import {
  DemandDrawer,
  ProductTable,
  StatsPanel,
  collateralLabel,
  dateTime,
  demandColumns,
  loanColumns,
  responseLabel,
} from './shared.tsx';

function keyListColumns(t: Translate, ref: ReferenceData): TableProps<KeyListRow>['columns'] {
  const hidden = <Typography.Text type="secondary">{t('fin.notShared')}</Typography.Text>;
  return [
    {
      key: 'name',
      title: t('fin.col.enterprise'),
      dataIndex: 'name',
      render: (n: string, r) => (
        <Space direction="vertical" size={0}>
          <span>{n}</span>
          <Typography.Text type="secondary" className="num">
            {r.uscc}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'unit',
      title: t('fin.col.unit'),
      width: 120,
      render: (_: unknown, r) => (r.unitCode ? ref.unitName(r.unitCode, r.unitName ?? '') : hidden),
    },
    {
      key: 'industry',
      title: t('fin.col.industry'),
      width: 180,
      render: (_: unknown, r) => (r.industryCode ? ref.industry(r.industryCode) : hidden),
    },
    {
      key: 'titles',
      title: t('fin.col.titles'),
      width: 200,
      render: (_: unknown, r) =>
        r.titles ? <TitleTags kinds={[...new Set(r.titles.map((x) => x.kind))] as TitleKind[]} /> : hidden,
    },
    {
      key: 'revenue',
      title: t('fin.col.revenue'),
      width: 130,
      align: 'right',
      render: (_: unknown, r) => (r.revenue !== undefined ? <span className="num">{formatWanYuan(r.revenue)}</span> : hidden),
    },
    {
      key: 'shared',
      title: t('fin.col.shared'),
      width: 90,
      align: 'right',
      render: (_: unknown, r) => (
        <Tooltip title={(r.sharedFields ?? []).map((f) => t(`fin.field.${f}` as MessageKey)).join('、')}>
          <span className="num" data-testid="shared-count">
            {formatCount(r.sharedFields?.length ?? 0)} / {SHAREABLE_COUNT}
          </span>
        </Tooltip>
      ),
    },
    { key: 'since', title: t('fin.col.since'), dataIndex: 'consentSince', width: 150, render: dateTime },
    { key: 'open', title: t('fin.col.openDemands'), dataIndex: 'openDemands', width: 90, align: 'right' },
  ];
}

export function KeyList() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const ref = useReferenceData();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: KeyListRow[]; total: number; asOf: string } | null>(null);
  useEffect(() => {
    fetchKeyList({ q: q || undefined, page, pageSize: 20 })
      .then(setData)
      .catch((e: unknown) => void message.error(errorText(e, pick)));
  }, [q, page]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.Search
        allowClear
        style={{ width: 300 }}
        placeholder={t('fin.search')}
        onSearch={(v) => (setQ(v.trim()), setPage(1))}
        enterButton={t('common.search')}
        data-testid="key-list-search"
      />
      <Table<KeyListRow>
        rowKey="enterpriseId"
        size="middle"
        data-testid="key-list-table"
        loading={!data}
        dataSource={data?.items ?? []}
        columns={keyListColumns(t, ref)}
        scroll={{ x: 1100 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (n) => t('common.total', { n }),
        }}
      />
    </Space>
  );
}

const RESPONSE_FIELDS = ['kind', 'offerAmount', 'offerRateBp', 'offerTermMonths', 'note'] as const;
interface ResponseForm {
  kind: ResponseKind;
  offerAmount?: number;
  ratePercent?: number;
  offerTermMonths?: number;
  note?: string;
}

function RespondDialog({ demand, onClose, onDone }: { demand: Demand | null; onClose: () => void; onDone: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResponseForm>();
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form);
  useEffect(() => {
    if (demand)
      form.setFieldsValue({
        kind: 'offer',
        offerAmount: demand.amount,
        offerTermMonths: demand.termMonths,
        ratePercent: undefined,
        note: undefined,
      });
  }, [demand]);
  const submit = async (v: ResponseForm) => {
    if (!demand) return;
    setBusy(true);
    const body =
      v.kind === 'offer'
        ? {
            kind: v.kind,
            offerAmount: v.offerAmount,
            offerRateBp: v.ratePercent === undefined ? undefined : Math.round(v.ratePercent * 100),
            offerTermMonths: v.offerTermMonths,
            note: v.note || undefined,
          }
        : { kind: v.kind, note: v.note || undefined };
    try {
      if (demand.ownResponse)
        await updateResponse(demand.ownResponse.id, {
          ...body,
          version: (await currentVersion(demand.id, demand.ownResponse.id)) ?? 1,
        });
      else await respond(demand.id, body);
      void message.success(t('fin.saved.response'));
      onDone();
    } catch (e) {
      const { onForm, leftOver } = fieldErrors(e, pick, RESPONSE_FIELDS);
      form.setFields(onForm.map((f) => ({ name: f.name === 'offerRateBp' ? 'ratePercent' : f.name, errors: f.errors })));
      if (!onForm.length || leftOver.length) void message.error([errorText(e, pick), ...leftOver].join('；'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={demand !== null}
      title={demand ? t('fin.respond.title', { id: demand.id }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('common.submit')}
      destroyOnHidden
      data-testid="respond-dialog"
    >
      {demand && (
        <Typography.Paragraph type="secondary">
          {demand.enterprise.name} · {collateralLabel(t, demand.collateral)} · {demand.purpose}
        </Typography.Paragraph>
      )}
      <Form<ResponseForm> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="kind" label={t('fin.respond.kind')}>
          <Radio.Group
            optionType="button"
            options={(['offer', 'interested', 'declined'] as const).map((k) => ({ value: k, label: responseLabel(t, k) }))}
            data-testid="respond-kind"
          />
        </Form.Item>
        {kind === 'offer' && (
          <Space size="middle" wrap>
            <Form.Item name="offerAmount" label={t('fin.respond.amount')}>
              <InputNumber min={1} step={100000} style={{ width: 180 }} data-testid="offer-amount" />
            </Form.Item>
            <Form.Item name="ratePercent" label={t('fin.respond.rate')}>
              <InputNumber min={0.01} max={50} step={0.05} precision={2} style={{ width: 120 }} data-testid="offer-rate" />
            </Form.Item>
            <Form.Item name="offerTermMonths" label={t('fin.respond.term')}>
              <InputNumber min={1} max={360} style={{ width: 110 }} data-testid="offer-term" />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="note" label={t('fin.respond.note')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="respond-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The version of our answer, for the optimistic check when changing it. */
async function currentVersion(demandId: number, responseId: number): Promise<number | undefined> {
  const d = await fetchDemand(demandId);
  return d.responses.find((r) => r.id === responseId)?.version;
}

const LOAN_FIELDS = [
  'amount',
  'rateBp',
  'termMonths',
  'loanType',
  'grantedOn',
  'guarantorId',
  'guaranteeFeeBp',
  'ipRecordIds',
] as const;
interface LoanForm {
  amount: number;
  ratePercent: number;
  termMonths: number;
  loanType: Collateral;
  grantedOn: dayjs.Dayjs;
  guarantorId?: number;
  feePercent?: number;
  ipRecordIds?: number[];
}

function LoanDialog({
  demand,
  institutions,
  onClose,
  onDone,
}: {
  demand: Demand | null;
  institutions: Institution[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<LoanForm>();
  const [busy, setBusy] = useState(false);
  const loanType = Form.useWatch('loanType', form);
  const [pledgeable, setPledgeable] = useState<PledgeableItem[] | null>(null);
  useEffect(() => {
    setPledgeable(null);
    if (demand && loanType === 'ip_pledge') void fetchPledgeable(demand.id).then(setPledgeable, () => setPledgeable([]));
  }, [demand?.id, loanType]);
  useEffect(() => {
    if (demand)
      form.setFieldsValue({
        amount: demand.amount,
        termMonths: demand.termMonths,
        loanType: demand.collateral,
        grantedOn: dayjs(),
        ratePercent: undefined,
        guarantorId: undefined,
        feePercent: undefined,
        ipRecordIds: undefined,
      });
  }, [demand]);
  const guarantorKind = loanType === 'guarantee' ? 'guarantee' : loanType === 'insurance' ? 'insurer' : null;
  const submit = async (v: LoanForm) => {
    if (!demand) return;
    setBusy(true);
    try {
      await recordLoan(demand.id, {
        amount: v.amount,
        rateBp: Math.round((v.ratePercent ?? 0) * 100),
        termMonths: v.termMonths,
        loanType: v.loanType,
        grantedOn: v.grantedOn.format('YYYY-MM-DD'),
        ...(guarantorKind && v.guarantorId ? { guarantorId: v.guarantorId } : {}),
        ...(guarantorKind && v.feePercent !== undefined && v.feePercent !== null
          ? { guaranteeFeeBp: Math.round(v.feePercent * 100) }
          : {}),
        ...(v.loanType === 'ip_pledge' ? { ipRecordIds: v.ipRecordIds ?? [] } : {}),
      });
      void message.success(t('fin.saved.loan'));
      onDone();
    } catch (e) {
      const { onForm, leftOver } = fieldErrors(e, pick, LOAN_FIELDS);
      const rename: Record<string, string> = { rateBp: 'ratePercent', guaranteeFeeBp: 'feePercent' };
      form.setFields(onForm.map((f) => ({ name: (rename[f.name] ?? f.name) as keyof LoanForm, errors: f.errors })));
      if (!onForm.length || leftOver.length) void message.error([errorText(e, pick), ...leftOver].join('；'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={demand !== null}
      title={demand ? t('fin.loan.title', { id: demand.id }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('common.submit')}
      destroyOnHidden
      data-testid="loan-dialog"
    >
      <Form<LoanForm> form={form} layout="vertical" onFinish={submit}>
        <Space size="middle" wrap>
          <Form.Item name="amount" label={t('fin.loan.amount')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={1} step={100000} style={{ width: 180 }} data-testid="loan-amount" />
          </Form.Item>
          <Form.Item name="ratePercent" label={t('fin.loan.rate')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={0.01} max={50} step={0.05} precision={2} style={{ width: 130 }} data-testid="loan-rate" />
          </Form.Item>
          <Form.Item name="termMonths" label={t('fin.respond.term')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={1} max={360} style={{ width: 110 }} data-testid="loan-term" />
          </Form.Item>
        </Space>
        <Space size="middle" wrap>
          <Form.Item name="loanType" label={t('fin.loan.type')}>
            <Select
              style={{ width: 160 }}
              options={(['credit', 'ip_pledge', 'guarantee', 'insurance'] as const).map((c) => ({
                value: c,
                label: collateralLabel(t, c),
              }))}
              data-testid="loan-type"
            />
          </Form.Item>
          <Form.Item name="grantedOn" label={t('fin.loan.grantedOn')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="loan-date" />
          </Form.Item>
        </Space>
        {loanType === 'ip_pledge' && (
          <Form.Item
            name="ipRecordIds"
            label={t('fin.loan.pledged')}
            extra={pledgeable && pledgeable.length === 0 ? t('fin.loan.noPledgeable') : t('fin.loan.pledgedHint')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              mode="multiple"
              loading={pledgeable === null}
              options={(pledgeable ?? []).map((i) => ({
                value: i.id,
                label: `${t(`ip.kind.${i.kind}` as MessageKey)} ${i.number} ${i.title}`,
              }))}
              optionFilterProp="label"
              data-testid="loan-pledged"
            />
          </Form.Item>
        )}
        {guarantorKind && (
          <Space size="middle" wrap>
            <Form.Item name="guarantorId" label={t('fin.loan.guarantor')}>
              <Select
                style={{ width: 300 }}
                options={institutions.filter((i) => i.kind === guarantorKind).map((i) => ({ value: i.id, label: i.name }))}
                data-testid="loan-guarantor"
              />
            </Form.Item>
            <Form.Item name="feePercent" label={t('fin.loan.fee')}>
              <InputNumber min={0} max={10} step={0.1} precision={2} style={{ width: 130 }} />
            </Form.Item>
          </Space>
        )}
      </Form>
    </Modal>
  );
}

function Inbox({ institution }: { institution: Institution | null }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<string | undefined>('open');
  const [data, setData] = useState<{ items: Demand[]; total: number } | null>(null);
  const [institutions, setInstitutions] = useState<Institution[]>([]);
  const [answering, setAnswering] = useState<Demand | null>(null);
  const [lending, setLending] = useState<Demand | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    void fetchDemands({ status, pageSize: 200 }).then(setData);
  }, [status, reload]);
  useEffect(() => {
    void fetchInstitutions().then(setInstitutions);
  }, []);
  const isBank = institution?.kind === 'bank';
  const done = () => {
    setAnswering(null);
    setLending(null);
    setReload((n) => n + 1);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Radio.Group
        value={status ?? 'all'}
        onChange={(e) => setStatus(e.target.value === 'all' ? undefined : String(e.target.value))}
        optionType="button"
        data-testid="inbox-status"
        options={[
          { value: 'open', label: t('fin.status.open') },
          { value: 'funded', label: t('fin.status.funded') },
          { value: 'all', label: t('common.all') },
        ]}
      />
      <Table<Demand>
        rowKey="id"
        size="middle"
        loading={!data}
        dataSource={data?.items ?? []}
        data-testid="inbox-table"
        scroll={{ x: 1320 }}
        pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { n }) }}
        columns={demandColumns(t, {
          showEnterprise: true,
          institution: true,
          actions: (d) => (
            <Space size={4}>
              <Button size="small" onClick={() => setViewing(d.id)}>
                {t('fin.action.view')}
              </Button>
              {d.status === 'open' && (
                <Button
                  size="small"
                  type={d.ownResponse ? 'default' : 'primary'}
                  onClick={() => setAnswering(d)}
                  data-testid={`respond-${d.id}`}
                >
                  {d.ownResponse ? t('fin.action.changeResponse') : t('fin.action.respond')}
                </Button>
              )}
              {isBank && d.status === 'open' && d.ownResponse?.kind === 'offer' && (
                <Button size="small" type="primary" onClick={() => setLending(d)} data-testid={`record-loan-${d.id}`}>
                  {t('fin.action.recordLoan')}
                </Button>
              )}
            </Space>
          ),
        })}
      />
      <RespondDialog demand={answering} onClose={() => setAnswering(null)} onDone={done} />
      <LoanDialog demand={lending} institutions={institutions} onClose={() => setLending(null)} onDone={done} />
      <DemandDrawer id={viewing} onClose={() => setViewing(null)} institution reloadKey={reload} />
    </Space>
  );
}

export function Loans() {
  const { t } = useI18n();
  const [loans, setLoans] = useState<Loan[] | null>(null);
  useEffect(() => {
    void fetchLoans().then(setLoans);
  }, []);
  return (
    <Table<Loan>
      rowKey="id"
      size="middle"
      loading={!loans}
      dataSource={loans ?? []}
      columns={loanColumns(t, true)}
      data-testid="loans-table"
      pagination={{ pageSize: 20 }}
    />
  );
}

function Products() {
  const [products, setProducts] = useState<Product[] | null>(null);
  useEffect(() => {
    void fetchProducts().then(setProducts);
  }, []);
  return <ProductTable products={products ?? []} showFit={false} />;
}

export function InstitutionView({ institution }: { institution: Institution | null }) {
  const { t } = useI18n();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">
        {institution && <Tag color="blue">{institution.name}</Tag>}
        {t('fin.intro.institution')}
      </Typography.Paragraph>
      <Tabs
        data-testid="financing-tabs"
        items={[
          { key: 'list', label: t('fin.tab.keyList'), children: <KeyList /> },
          { key: 'inbox', label: t('fin.tab.inbox'), children: <Inbox institution={institution} /> },
          { key: 'loans', label: t('fin.tab.loans'), children: <Loans /> },
          { key: 'products', label: t('fin.tab.products'), children: <Products /> },
          { key: 'stats', label: t('fin.tab.stats'), children: <StatsPanel /> },
        ]}
      />
    </Space>
  );
}
