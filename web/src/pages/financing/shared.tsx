/** Pieces every financing view uses: labels, the demand table and drawer, products, statistics. */
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Empty,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { lazy, Suspense, useEffect, useState } from 'react';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useReferenceData } from '../../auth/ReferenceData.tsx';
import { TitleTags } from '../../components/TitleTags.tsx';
import type { TitleKind } from '../../api/types.ts';
import { useI18n, type MessageKey, type Translate } from '../../i18n/index.tsx';
import { formatCount, formatDate, formatMoney } from '../../util/format.ts';
import {
  fetchDemand,
  fetchStats,
  percent,
  statsExportUrl,
  type Demand,
  type DemandDetail,
  type Loan,
  type Product,
  type ResponseRow,
  type SharedEnterprise,
  type Stats,
} from './api.ts';

const Chart = lazy(() => import('../dashboard/Chart.tsx'));

export const STATUS_COLOURS: Record<string, string> = { open: 'blue', funded: 'green', closed: 'default' };
export const RESPONSE_COLOURS: Record<string, string> = { interested: 'gold', offer: 'green', declined: 'red' };

export const collateralLabel = (t: Translate, c: string) => t(`fin.collateral.${c}` as MessageKey);
export const statusLabel = (t: Translate, s: string) => t(`fin.status.${s}` as MessageKey);
export const responseLabel = (t: Translate, k: string) => t(`fin.response.${k}` as MessageKey);
export const productLabel = (t: Translate, k: string) => t(`fin.product.${k}` as MessageKey);

export function dateTime(iso: string | null): string {
  if (!iso) return '—';
  // Shown in Asia/Shanghai whatever the browser's zone.
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** Hours up to two days, then days: "26.5小时", "5.2天". */
export function waitText(t: Translate, hours: number): string {
  return hours < 48 ? t('fin.stats.hours', { n: hours }) : t('fin.days', { n: Math.round((hours / 24) * 10) / 10 });
}

/** The green channel: how long a demand waited for its (first, or our) answer, and whether that was late. */
export function GreenChannelCell({ demand }: { demand: Demand }) {
  const { t } = useI18n();
  const g = demand.greenChannel;
  return (
    <Space direction="vertical" size={0} data-testid="green-channel">
      <span className="num">
        {g.answered
          ? t('fin.answeredIn', { n: waitText(t, g.waitedHours) })
          : t('fin.waitingFor', { n: waitText(t, g.waitedHours) })}
      </span>
      {g.late ? (
        <Tag color="red">{t('fin.late')}</Tag>
      ) : !g.answered && demand.status === 'open' ? (
        <Typography.Text type="secondary">{t('fin.dueOn', { date: g.dueOn })}</Typography.Text>
      ) : null}
    </Space>
  );
}

export function demandColumns(
  t: Translate,
  opts: { showEnterprise: boolean; institution: boolean; actions?: (d: Demand) => React.ReactNode },
): TableProps<Demand>['columns'] {
  const cols: NonNullable<TableProps<Demand>['columns']> = [{ key: 'id', title: '#', dataIndex: 'id', width: 64 }];
  if (opts.showEnterprise)
    cols.push({ key: 'enterprise', title: t('fin.col.enterprise'), width: 200, render: (_: unknown, d) => d.enterprise.name });
  cols.push(
    {
      key: 'amount',
      title: `${t('fin.col.amount')} / ${t('fin.col.term')}`,
      width: 150,
      align: 'right',
      render: (_: unknown, d) => (
        <Space direction="vertical" size={0} style={{ alignItems: 'flex-end' }}>
          <span className="num">{formatMoney(d.amount)}</span>
          <Typography.Text type="secondary">{t('fin.months', { n: d.termMonths })}</Typography.Text>
        </Space>
      ),
    },
    {
      key: 'collateral',
      title: t('fin.col.collateral'),
      dataIndex: 'collateral',
      width: 110,
      render: (c: string) => collateralLabel(t, c),
    },
    { key: 'purpose', title: t('fin.col.purpose'), dataIndex: 'purpose', ellipsis: { showTitle: true } },
    {
      key: 'status',
      title: t('fin.col.status'),
      dataIndex: 'status',
      width: 84,
      render: (s: string) => <Tag color={STATUS_COLOURS[s]}>{statusLabel(t, s)}</Tag>,
    },
    { key: 'posted', title: t('fin.col.posted'), dataIndex: 'postedAt', width: 140, render: dateTime },
    { key: 'waited', title: t('fin.col.waited'), width: 150, render: (_: unknown, d) => <GreenChannelCell demand={d} /> },
  );
  if (opts.institution)
    cols.push({
      key: 'mine',
      title: t('fin.col.myResponse'),
      width: 100,
      render: (_: unknown, d) =>
        d.ownResponse ? (
          <Tag color={RESPONSE_COLOURS[d.ownResponse.kind]}>{responseLabel(t, d.ownResponse.kind)}</Tag>
        ) : (
          <Typography.Text type="secondary">{t('fin.response.none')}</Typography.Text>
        ),
    });
  else cols.push({ key: 'responses', title: t('fin.col.responses'), dataIndex: 'responseCount', width: 80, align: 'right' });
  if (opts.actions)
    cols.push({
      key: 'actions',
      title: t('fin.col.actions'),
      width: opts.institution ? 210 : 150,
      render: (_: unknown, d) => opts.actions!(d),
    });
  return cols;
}

export function loanColumns(t: Translate, showEnterprise: boolean): TableProps<Loan>['columns'] {
  const cols: NonNullable<TableProps<Loan>['columns']> = [
    { key: 'grantedOn', title: t('fin.col.grantedOn'), dataIndex: 'grantedOn', width: 110, render: formatDate },
  ];
  if (showEnterprise) cols.push({ key: 'enterprise', title: t('fin.col.enterprise'), dataIndex: 'enterpriseName' });
  cols.push(
    { key: 'institution', title: t('fin.col.institution'), dataIndex: 'institutionName' },
    { key: 'type', title: t('fin.col.type'), dataIndex: 'loanType', width: 120, render: (c: string) => collateralLabel(t, c) },
    {
      key: 'amount',
      title: t('fin.col.amount'),
      dataIndex: 'amount',
      width: 130,
      align: 'right',
      render: (v: number) => <span className="num">{formatMoney(v)}</span>,
    },
    { key: 'rate', title: t('fin.col.rate'), dataIndex: 'rateBp', width: 80, align: 'right', render: (v: number) => percent(v) },
    { key: 'term', title: t('fin.col.term'), dataIndex: 'termMonths', width: 90, render: (n: number) => t('fin.months', { n }) },
    {
      key: 'guarantor',
      title: t('fin.col.guarantor'),
      render: (_: unknown, l) => (l.guarantorName ? `${l.guarantorName}（${percent(l.guaranteeFeeBp)}）` : '—'),
    },
  );
  return cols;
}

/** The fields the enterprise shared, and only those (the server sent nothing else). */
function SharedItems({ e }: { e: SharedEnterprise }) {
  const { t } = useI18n();
  const ref = useReferenceData();
  const items: [string, React.ReactNode][] = [];
  if (e.unitCode) items.push([t('fin.field.unit'), ref.unitName(e.unitCode, e.unitName ?? '')]);
  if (e.industryCode) items.push([t('fin.field.industry'), ref.industry(e.industryCode)]);
  if (e.sizeClass) items.push([t('fin.field.sizeClass'), ref.sizeClass(e.sizeClass)]);
  if (e.establishedOn) items.push([t('fin.field.establishedOn'), e.establishedOn]);
  if (e.titles)
    items.push([t('fin.field.titles'), <TitleTags key="t" kinds={[...new Set(e.titles.map((x) => x.kind))] as TitleKind[]} />]);
  if (e.revenue !== undefined) items.push([`${t('fin.field.revenue')}（${e.year ?? ''}）`, formatMoney(e.revenue)]);
  if (e.rdExpense !== undefined) items.push([`${t('fin.field.rdExpense')}（${e.year ?? ''}）`, formatMoney(e.rdExpense)]);
  if (e.employees !== undefined) items.push([t('fin.field.employees'), formatCount(e.employees)]);
  if (e.inventionPatents !== undefined)
    items.push([t('fin.field.ip'), `${formatCount(e.inventionPatents)} / ${formatCount(e.class1HighValue)}`]);
  return (
    <Descriptions size="small" column={2} bordered title={t('fin.col.shared')} data-testid="shared-items">
      {items.map(([label, value]) => (
        <Descriptions.Item key={label} label={label}>
          {value}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** One demand with the answers and loans the viewer may see (the server decides which). */
export function DemandDrawer({
  id,
  onClose,
  institution,
  reloadKey,
}: {
  id: number | null;
  onClose: () => void;
  institution: boolean;
  reloadKey?: number;
}) {
  const { t } = useI18n();
  const [detail, setDetail] = useState<DemandDetail | null>(null);
  useEffect(() => {
    setDetail(null);
    if (id !== null) void fetchDemand(id).then(setDetail);
  }, [id, reloadKey]);
  const d = detail?.demand;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={id !== null ? t('fin.detail.title', { id }) : ''}
      data-testid="demand-drawer"
    >
      {!d ? (
        <PageSpinner />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('fin.col.enterprise')} span={2}>
              {d.enterprise.name}（{d.enterprise.uscc}）
            </Descriptions.Item>
            <Descriptions.Item label={t('fin.col.amount')}>{formatMoney(d.amount)}</Descriptions.Item>
            <Descriptions.Item label={t('fin.col.term')}>{t('fin.months', { n: d.termMonths })}</Descriptions.Item>
            <Descriptions.Item label={t('fin.col.collateral')}>{collateralLabel(t, d.collateral)}</Descriptions.Item>
            <Descriptions.Item label={t('fin.col.status')}>
              <Tag color={STATUS_COLOURS[d.status]}>{statusLabel(t, d.status)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('fin.col.purpose')} span={2}>
              {d.purpose}
            </Descriptions.Item>
            <Descriptions.Item label={t('fin.col.posted')}>{dateTime(d.postedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('fin.col.waited')}>
              <GreenChannelCell demand={d} />
            </Descriptions.Item>
          </Descriptions>
          {institution && <SharedItems e={d.enterprise} />}
          <Typography.Title level={5}>{t('fin.detail.responses')}</Typography.Title>
          {institution && <Alert type="info" showIcon message={t('fin.detail.ownOnly')} />}
          <Table<ResponseRow>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={detail.responses}
            data-testid="demand-responses"
            locale={{ emptyText: t('fin.none') }}
            columns={[
              { key: 'institution', title: t('fin.col.institution'), dataIndex: 'institutionName' },
              {
                key: 'kind',
                title: t('fin.respond.kind'),
                dataIndex: 'kind',
                width: 90,
                render: (k: string) => <Tag color={RESPONSE_COLOURS[k]}>{responseLabel(t, k)}</Tag>,
              },
              {
                key: 'offer',
                title: t('fin.response.offer'),
                render: (_: unknown, r) =>
                  r.kind === 'offer'
                    ? `${formatMoney(r.offerAmount)} · ${percent(r.offerRateBp)} · ${t('fin.months', { n: r.offerTermMonths ?? 0 })}`
                    : (r.note ?? '—'),
              },
              { key: 'at', title: t('fin.col.posted'), dataIndex: 'respondedAt', width: 150, render: dateTime },
            ]}
          />
          <Typography.Title level={5}>{t('fin.detail.loans')}</Typography.Title>
          <Table<Loan>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={detail.loans}
            columns={loanColumns(t, false)}
            locale={{ emptyText: t('fin.none') }}
            data-testid="demand-loans"
          />
        </Space>
      )}
    </Drawer>
  );
}

export function ProductTable({ products, showFit }: { products: Product[]; showFit: boolean }) {
  const { t } = useI18n();
  return (
    <Table<Product>
      rowKey="id"
      size="middle"
      pagination={false}
      dataSource={products}
      data-testid="product-table"
      scroll={{ x: 1000 }}
      columns={[
        {
          key: 'name',
          title: t('fin.tab.products'),
          render: (_: unknown, p) => (
            <Space direction="vertical" size={0}>
              <Space size={4}>
                <Typography.Text strong>{p.name}</Typography.Text>
                {showFit && p.fits && <Tag color="green">{t('fin.products.fits')}</Tag>}
                {!p.active && <Tag>{t('fin.product.inactive')}</Tag>}
              </Space>
              <Typography.Text type="secondary">{p.description}</Typography.Text>
            </Space>
          ),
        },
        { key: 'institution', title: t('fin.col.institution'), dataIndex: 'institutionName', width: 200 },
        { key: 'kind', title: t('fin.col.type'), dataIndex: 'kind', width: 130, render: (k: string) => productLabel(t, k) },
        {
          key: 'titles',
          title: t('fin.products.eligible'),
          width: 220,
          render: (_: unknown, p) => <TitleTags kinds={p.eligibleTitles as TitleKind[]} />,
        },
        {
          key: 'amount',
          title: t('fin.products.amountRange'),
          width: 170,
          render: (_: unknown, p) => `${p.minAmount ? formatMoney(p.minAmount) : ''}–${formatMoney(p.maxAmount)}`,
        },
        {
          key: 'price',
          title: t('fin.products.price'),
          width: 120,
          render: (_: unknown, p) =>
            p.feeRateBp !== null ? percent(p.feeRateBp) : `${percent(p.rateMinBp)}–${percent(p.rateMaxBp)}`,
        },
        {
          key: 'term',
          title: t('fin.col.term'),
          dataIndex: 'maxTermMonths',
          width: 90,
          render: (n: number) => t('fin.months', { n }),
        },
      ]}
      locale={{ emptyText: <Empty description={t('fin.none')} /> }}
    />
  );
}

const wan = (v: number) => Math.round(v / 100) / 100;

/** Statistics: KPI cards, loans by month, by type and by institution, answer times, Excel. */
export function StatsPanel() {
  const { t, lang } = useI18n();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [stats, setStats] = useState<Stats | null>(null);
  useEffect(() => {
    void fetchStats(year).then(setStats);
  }, [year]);
  if (!stats) return <PageSpinner />;
  const thisYear = new Date().getFullYear();
  const typeName = (k: string) => collateralLabel(t, k);
  const wanLabel = lang === 'zh' ? '万元' : '10k yuan';
  const paren = (x: string) => (lang === 'zh' ? `（${x}）` : ` (${x})`);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="financing-stats">
      <Space wrap>
        <Typography.Text type="secondary">{t('fin.stats.scope', { label: stats.scope.label })}</Typography.Text>
        <Select<number>
          style={{ width: 140 }}
          value={year ?? 0}
          onChange={(y) => setYear(y === 0 ? undefined : y)}
          options={[
            { value: 0, label: t('fin.stats.allYears') },
            ...[0, 1, 2].map((k) => ({ value: thisYear - k, label: String(thisYear - k) })),
          ]}
          data-testid="stats-year"
        />
        <Button icon={<DownloadOutlined />} href={statsExportUrl(year)} data-testid="export-stats">
          {t('common.exportExcel')}
        </Button>
      </Space>
      <Row gutter={[12, 12]}>
        {[
          ['loans', t('fin.stats.loans'), formatCount(stats.totals.loans)],
          ['amount', t('fin.stats.amount'), formatMoney(stats.totals.amount)],
          ['avgRate', t('fin.stats.avgRate'), percent(stats.totals.avgRateBp)],
          [
            'ip',
            t('fin.stats.ipPledge'),
            `${formatMoney(stats.totals.ipPledgeAmount)}${paren(t('fin.stats.ipPledgeCount', { n: stats.totals.ipPledgeLoans }))}`,
          ],
          ['enterprises', t('fin.stats.enterprises'), formatCount(stats.totals.enterprises)],
          ['keyList', t('fin.stats.keyList'), formatCount(stats.keyList.enterprises)],
          [
            'wait',
            t('fin.stats.avgWait'),
            stats.demands.avgHoursToFirstResponse === null ? '—' : waitText(t, stats.demands.avgHoursToFirstResponse),
          ],
          ['late', t('fin.stats.lateDemands'), `${formatCount(stats.demands.late)} / ${formatCount(stats.demands.total)}`],
        ].map(([key, title, value]) => (
          <Col key={key} xs={12} md={6}>
            <Card size="small" data-testid={`kpi-${key}`}>
              <Statistic title={title} value={value} valueStyle={{ fontSize: 20 }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Suspense fallback={<PageSpinner />}>
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={14}>
            <Card size="small" title={t('fin.stats.byMonth')}>
              <Chart
                testId="chart-by-month"
                height={280}
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { bottom: 0 },
                  grid: { left: 60, right: 50, top: 20, bottom: 50 },
                  xAxis: { type: 'category', data: stats.byMonth.map((m) => m.key) },
                  yAxis: [
                    { type: 'value', name: wanLabel },
                    { type: 'value', name: '%', min: (v: { min: number }) => Math.floor(v.min * 10) / 10 },
                  ],
                  series: [
                    {
                      name: `${t('fin.stats.amount')}${paren(wanLabel)}`,
                      type: 'bar',
                      data: stats.byMonth.map((m) => wan(m.amount)),
                      itemStyle: { color: '#1d4ed8' },
                    },
                    {
                      name: `${t('fin.stats.avgRate')}${paren('%')}`,
                      type: 'line',
                      yAxisIndex: 1,
                      data: stats.byMonth.map((m) => (m.avgRateBp === null ? null : m.avgRateBp / 100)),
                      itemStyle: { color: '#fa541c' },
                    },
                  ],
                }}
              />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title={t('fin.stats.byType')}>
              <Chart
                testId="chart-by-type"
                height={280}
                option={{
                  tooltip: { trigger: 'axis' },
                  grid: { left: 100, right: 30, top: 10, bottom: 30 },
                  xAxis: { type: 'value', name: wanLabel },
                  yAxis: { type: 'category', data: stats.byType.map((g) => typeName(g.key)) },
                  series: [
                    {
                      type: 'bar',
                      data: stats.byType.map((g) => wan(g.amount)),
                      itemStyle: { color: '#52c41a' },
                      label: { show: true, position: 'right' },
                    },
                  ],
                }}
              />
            </Card>
          </Col>
        </Row>
      </Suspense>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('fin.stats.byInstitution')}>
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={stats.byInstitution}
              data-testid="stats-by-institution"
              columns={[
                { key: 'label', title: t('fin.col.institution'), dataIndex: 'label' },
                { key: 'loans', title: t('fin.stats.loans'), dataIndex: 'loans', align: 'right' as const },
                {
                  key: 'amount',
                  title: t('fin.stats.amount'),
                  dataIndex: 'amount',
                  align: 'right' as const,
                  render: (v: number) => formatMoney(v),
                },
                {
                  key: 'rate',
                  title: t('fin.stats.avgRate'),
                  dataIndex: 'avgRateBp',
                  align: 'right' as const,
                  render: (v: number | null) => percent(v),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('fin.stats.responseTimes')}>
            <Table
              rowKey="institutionId"
              size="small"
              pagination={false}
              dataSource={stats.responseTimes}
              columns={[
                { key: 'label', title: t('fin.col.institution'), dataIndex: 'label' },
                { key: 'n', title: t('fin.stats.responsesCol'), dataIndex: 'responses', align: 'right' as const },
                { key: 'h', title: t('fin.stats.avgHours'), dataIndex: 'avgHours', align: 'right' as const },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
