/**
 * `/cases`: what waits for me (one card per state in which I act: count, amount, oldest age,
 * overdue count) and the list of cases I may see, with where each one waits and for how long.
 * Beneficiaries see "my cases"; officers' list opens on their own queues (the states where they act),
 * with every case in their scope one switch away. City officers open cases from
 * the owed entitlements here.
 */
import {
  Alert,
  App,
  Button,
  Segmented,
  Card,
  Col,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableProps,
} from 'antd';
import { SyncOutlined, WarningOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useUser } from '../../auth/AuthContext.tsx';
import { useReferenceData } from '../../auth/ReferenceData.tsx';
import { useI18n, type I18n } from '../../i18n/index.tsx';
import { isBeneficiary } from '../../layout/nav.ts';
import { errorText } from '../../util/errors.ts';
import { formatDate, formatMoney } from '../../util/format.ts';
import { toPositiveInt, useUrlQuery } from '../../util/useUrlQuery.ts';
import { clauseName, itemName } from '../policy/policyShared.tsx';
import type { ReferenceData } from '../../auth/ReferenceData.tsx';
import * as api from './api.ts';
import { CASE_STATES, type CaseRow, type Queues } from './api.ts';
import { CaseStateTag, CasesTabs, useLoad, waiterKey } from './casesShared.tsx';

const KEYS = ['state', 'clause', 'q', 'page', 'fiscalYear', 'track', 'queue'] as const;

function columns(i18n: I18n, ref: ReferenceData, beneficiary: boolean, overdueAfterDays: number): TableProps<CaseRow>['columns'] {
  const { t, lang, pick } = i18n;
  const cols: TableProps<CaseRow>['columns'] = [
    {
      key: 'id',
      title: t('case.col.id'),
      dataIndex: 'id',
      width: 80,
      render: (id: number) => (
        <Link to={`/cases/${id}`} data-testid="case-link">
          #{id}
        </Link>
      ),
    },
  ];
  if (!beneficiary)
    cols.push({
      key: 'beneficiary',
      title: t('case.col.beneficiary'),
      width: 280,
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.beneficiaryName}</span>
          <Typography.Text type="secondary" className="small-text">
            {ref.unit(r.unitCode)} · {t(`entl.beneficiary.${r.beneficiaryType}`)}
          </Typography.Text>
        </Space>
      ),
    });
  cols.push(
    {
      key: 'clause',
      title: t('case.col.clause'),
      width: 240,
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={0}>
          <span>{clauseName(r.clause, t, lang)}</span>
          <Typography.Text type="secondary" className="small-text">
            {itemName(r.item, ref, pick)}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'year', title: t('case.col.fiscalYear'), dataIndex: 'fiscalYear', width: 80 },
    { key: 'track', title: t('case.col.track'), width: 110, render: (_: unknown, r) => <Tag>{t(`case.track.${r.track}`)}</Tag> },
    {
      key: 'amount',
      title: t('case.col.amount'),
      align: 'right',
      width: 130,
      render: (_: unknown, r) => <span className="num">{formatMoney(r.amount)}</span>,
    },
    { key: 'state', title: t('case.col.state'), width: 130, render: (_: unknown, r) => <CaseStateTag state={r.state} /> },
    { key: 'waits', title: t('case.col.waits'), width: 120, render: (_: unknown, r) => t(waiterKey(r.waitsFor)) },
    {
      key: 'age',
      title: t('case.col.age'),
      width: 110,
      align: 'right',
      render: (_: unknown, r) =>
        r.overdue && !beneficiary ? (
          <Tooltip title={t('case.overdueHint', { days: overdueAfterDays })}>
            <Typography.Text type="danger" strong data-testid="case-overdue">
              <WarningOutlined /> {t('case.days', { n: r.ageDays })}
            </Typography.Text>
          </Tooltip>
        ) : (
          <span className="num">{t('case.days', { n: r.ageDays })}</span>
        ),
    },
    {
      key: 'since',
      title: t('case.col.since'),
      width: 110,
      render: (_: unknown, r) => <span className="num">{formatDate(r.stateSince)}</span>,
    },
  );
  return cols;
}

function QueueCards({ queues, onPick }: { queues: Queues; onPick: (state: string) => void }) {
  const { t } = useI18n();
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="queues">
      {queues.queues.map((q) => (
        <Col key={q.state} xs={24} sm={12} lg={6}>
          <Card size="small" hoverable onClick={() => onPick(q.state)} data-testid={`queue-${q.state}`}>
            <Statistic
              title={t(`case.queue.${q.state}` as 'case.queue.opened')}
              value={q.count}
              suffix={t('case.unit')}
              styles={{ content: { color: q.overdueCount ? '#cf1322' : undefined } }}
            />
            <Typography.Text type="secondary" className="small-text">
              {formatMoney(q.amount)}
              {q.count > 0 && ` · ${t('case.queue.oldest', { n: q.maxAgeDays })} · ${t('case.queue.avg', { n: q.avgAgeDays })}`}
            </Typography.Text>
            {q.overdueCount > 0 && (
              <div>
                <Tag color="red" data-testid="queue-overdue">
                  {t('case.queue.overdue', { n: q.overdueCount, days: queues.overdueAfterDays })}
                </Tag>
              </div>
            )}
          </Card>
        </Col>
      ))}
      {queues.noticesOpen !== undefined && (
        <Col xs={24} sm={12} lg={6}>
          <Card size="small">
            <Statistic title={t('case.queue.noticesOpen')} value={queues.noticesOpen} />
            <Typography.Text type="secondary" className="small-text">
              <Link to="/cases/notices">{t('case.queue.toNotices')}</Link>
            </Typography.Text>
          </Card>
        </Col>
      )}
      {queues.objectionsUnresolved !== undefined && (
        <Col xs={24} sm={12} lg={6}>
          <Card size="small">
            <Statistic
              title={t('case.queue.objections')}
              value={queues.objectionsUnresolved}
              styles={{ content: { color: queues.objectionsUnresolved ? '#d46b08' : undefined } }}
            />
          </Card>
        </Col>
      )}
      {queues.batches?.map((b) => (
        <Col key={b.state} xs={24} sm={12} lg={6}>
          <Card size="small">
            <Statistic title={t(`case.queue.batch.${b.state}` as 'case.queue.batch.draft')} value={b.count} />
            <Typography.Text type="secondary" className="small-text">
              {formatMoney(Number(b.amount))} · <Link to="/cases/batches">{t('case.queue.toBatches')}</Link>
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export default function CaseListPage() {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const { message } = App.useApp();
  const user = useUser();
  const ref = useReferenceData();
  const beneficiary = isBeneficiary(user);
  const [query, setQuery] = useUrlQuery(KEYS);
  const page = toPositiveInt(query.page, 1);
  const queue = beneficiary ? undefined : query.queue === 'all' ? ('all' as const) : ('mine' as const);
  const filters = {
    state: query.state,
    queue,
    clause: query.clause,
    q: query.q,
    track: query.track,
    fiscalYear: query.fiscalYear ? Number(query.fiscalYear) : undefined,
    page,
    pageSize: 20,
  };
  const list = useLoad(() => api.listCases(filters), [JSON.stringify(filters)]);
  const queues = useLoad(() => api.fetchQueues(), []);

  async function sync() {
    try {
      const r = await api.syncCases();
      void message.success(t('case.synced', { opened: r.opened, cancelled: r.cancelled }));
      list.reload();
      queues.reload();
    } catch (e) {
      void message.error(errorText(e, pick));
    }
  }

  return (
    <div data-testid="cases-page">
      <div className="page-header">
        <Typography.Title level={3}>{t(beneficiary ? 'case.title.mine' : 'case.title')}</Typography.Title>
        {user.role === 'city_officer' && (
          <Button icon={<SyncOutlined />} onClick={() => void sync()} data-testid="cases-sync">
            {t('case.sync')}
          </Button>
        )}
      </div>
      <CasesTabs />
      {queues.data && <QueueCards queues={queues.data} onPick={(state) => setQuery({ state })} />}
      <Space wrap className="filters">
        {queue && (
          <Segmented
            value={queue}
            onChange={(v) => setQuery({ queue: v === 'all' ? 'all' : undefined })}
            options={[
              { value: 'mine', label: t('case.list.mine') },
              { value: 'all', label: t('case.list.all') },
            ]}
            data-testid="cases-queue"
          />
        )}
        {!beneficiary && (
          <Input.Search
            allowClear
            placeholder={t('case.search')}
            defaultValue={query.q}
            onSearch={(q) => setQuery({ q })}
            style={{ width: 240 }}
            data-testid="cases-search"
          />
        )}
        <Select
          allowClear
          placeholder={t('case.col.state')}
          value={query.state}
          onChange={(state?: string) => setQuery({ state })}
          options={CASE_STATES.map((s) => ({ value: s, label: t(`case.state.${s}`) }))}
          style={{ width: 160 }}
          data-testid="cases-filter-state"
        />
        <Select
          allowClear
          placeholder={t('case.col.clause')}
          value={query.clause}
          onChange={(clause?: string) => setQuery({ clause })}
          options={['2', '4', '5'].map((c) => ({ value: c, label: clauseName(c, t, i18n.lang) }))}
          style={{ width: 120 }}
        />
        <Select
          allowClear
          placeholder={t('case.col.track')}
          value={query.track}
          onChange={(track?: string) => setQuery({ track })}
          options={(['no_application', 'application'] as const).map((c) => ({ value: c, label: t(`case.track.${c}`) }))}
          style={{ width: 140 }}
        />
      </Space>
      {list.error ? <Alert type="error" showIcon title={errorText(list.error, pick)} /> : null}
      <Table<CaseRow>
        rowKey="id"
        size="middle"
        data-testid="cases-table"
        loading={!list.data && !list.error}
        dataSource={list.data?.items ?? []}
        columns={columns(i18n, ref, beneficiary, list.data?.overdueAfterDays ?? 0)}
        rowClassName={(r) => (r.overdue && !beneficiary ? 'row-overdue' : '')}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => t('case.total', { n, amount: formatMoney(list.data?.amount ?? 0) }),
          onChange: (p) => setQuery({ page: String(p) }, { keepPage: true }),
        }}
      />
    </div>
  );
}
