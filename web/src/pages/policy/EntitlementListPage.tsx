/**
 * `/entitlements`: what the stored computation says is owed, withdrawn or to be recovered.
 * Filters and the open item live in the URL; paging is on the server; city officers recompute a
 * fiscal year from the registry here.
 */
import { App, Button, Card, Input, Select, Space, Statistic, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { DownloadOutlined, SyncOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import * as api from '../../api/endpoints.ts';
import type { EntitlementPage, EntitlementRow } from '../../api/types.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { useReferenceData, type ReferenceData } from '../../auth/ReferenceData.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { useI18n, type I18n } from '../../i18n/index.tsx';
import { canRecompute, isBeneficiary } from '../../layout/nav.ts';
import { errorText } from '../../util/errors.ts';
import { formatMoney, formatWanText, formatYuan, todayIso } from '../../util/format.ts';
import { toPositiveInt, useUrlQuery } from '../../util/useUrlQuery.ts';
import { EntitlementDrawer } from './EntitlementDrawer.tsx';
import { CLAUSES, StatusTag, clauseName, itemName } from './policyShared.tsx';

const FILTER_KEYS = ['fiscalYear', 'clause', 'status', 'unitCode', 'q'] as const;
const QUERY_KEYS = [...FILTER_KEYS, 'page', 'pageSize', 'item'] as const;
const STATUSES = ['owed', 'withdrawn', 'recovery_due'] as const;

/** The years a reward can fall in: from the policy's first year to next year. */
export function fiscalYearOptions(): number[] {
  const thisYear = Number(todayIso().slice(0, 4));
  const years: number[] = [];
  for (let y = thisYear + 1; y >= 2023; y--) years.push(y);
  return years;
}

function columns(i18n: I18n, ref: ReferenceData): TableProps<EntitlementRow>['columns'] {
  const { t, lang, pick } = i18n;
  return [
    { key: 'fiscalYear', title: t('entl.fiscalYear'), dataIndex: 'fiscalYear', width: 90 },
    {
      key: 'clause',
      title: t('entl.clause'),
      dataIndex: 'clause',
      width: 90,
      render: (c: string) => clauseName(c, t, lang),
    },
    {
      key: 'item',
      title: t('entl.item'),
      dataIndex: 'item',
      width: 260,
      render: (item: string) => <span data-testid="cell-item">{itemName(item, ref, pick)}</span>,
    },
    {
      key: 'beneficiary',
      title: t('entl.beneficiary'),
      dataIndex: 'beneficiaryName',
      render: (name: string, row) => (
        <Space size={4}>
          {row.beneficiaryType === 'enterprise' ? (
            <Link to={`/enterprises/${row.beneficiaryId}`} onClick={(e) => e.stopPropagation()} data-testid="beneficiary-link">
              {name}
            </Link>
          ) : (
            <span>{name}</span>
          )}
          {row.beneficiaryType === 'carrier' && <Tag>{t('entl.beneficiary.carrier')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'unit',
      title: t('ent.unit'),
      dataIndex: 'unitCode',
      width: 120,
      render: (code: string | null) => (code ? ref.unit(code) : '—'),
    },
    {
      key: 'amount',
      title: t('entl.amount'),
      dataIndex: 'amount',
      width: 140,
      align: 'right',
      render: (v: number, row) => (
        <span
          className="num"
          data-testid="cell-amount"
          style={row.status === 'owed' ? undefined : { color: '#8c8c8c', textDecoration: 'line-through' }}
        >
          {formatYuan(v)}
        </span>
      ),
    },
    {
      key: 'status',
      title: t('entl.status'),
      dataIndex: 'status',
      width: 100,
      render: (_: unknown, row) => <StatusTag status={row.status} />,
    },
  ];
}

interface RecomputeProps {
  defaultYear: number;
  /** The year being recomputed, or null when done: the table shows a spinner meanwhile. */
  onRunning: (year: number | null) => void;
  onDone: () => void;
}

function RecomputeControl({ defaultYear, onRunning, onDone }: RecomputeProps) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [year, setYear] = useState(defaultYear);
  const [running, setRunning] = useState(false);
  useEffect(() => setYear(defaultYear), [defaultYear]);

  const run = async () => {
    setRunning(true);
    onRunning(year);
    try {
      const counts = await api.recomputeEntitlements(year);
      void message.success({ content: t('entl.recomputed', { year, ...counts }), duration: 8 });
      onDone();
    } catch (e) {
      void message.error(errorText(e, pick));
    } finally {
      setRunning(false);
      onRunning(null);
    }
  };

  return (
    <Space.Compact>
      <Select
        value={year}
        style={{ width: 100 }}
        disabled={running}
        options={fiscalYearOptions().map((y) => ({ value: y, label: String(y) }))}
        onChange={(y: number) => setYear(y)}
        aria-label={t('entl.recomputeYear')}
        data-testid="recompute-year"
      />
      <Button icon={<SyncOutlined spin={running} />} loading={running} onClick={() => void run()} data-testid="recompute">
        {t('entl.recompute')}
      </Button>
    </Space.Compact>
  );
}

export default function EntitlementListPage() {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const { message } = App.useApp();
  const ref = useReferenceData();
  const user = useUser();
  const [query, setQuery] = useUrlQuery(QUERY_KEYS);
  const [data, setData] = useState<EntitlementPage | null>(null);
  const [loading, setLoading] = useState(false);
  const [reloads, setReloads] = useState(0);
  const [recomputing, setRecomputing] = useState<number | null>(null);
  const [text, setText] = useState(query.q ?? '');
  useEffect(() => setText(query.q ?? ''), [query.q]);

  const page = toPositiveInt(query.page, 1);
  const pageSize = toPositiveInt(query.pageSize, 20);
  const filters = {
    fiscalYear: query.fiscalYear,
    clause: query.clause,
    status: query.status,
    unitCode: query.unitCode,
    q: query.q,
  };
  const requestKey = JSON.stringify({ ...filters, page, pageSize, reloads });
  const openId = query.item ? Number(query.item) : null;

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api
      .listEntitlements({ ...filters, page, pageSize }, controller.signal)
      .then(setData)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) void message.error(errorText(e, pick));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
    // requestKey captures every input of the request.
  }, [requestKey]);

  const onTableChange: TableProps<EntitlementRow>['onChange'] = (pagination) =>
    setQuery({ page: String(pagination.current ?? 1), pageSize: String(pagination.pageSize ?? 20) }, { keepPage: true });

  const showUnit = user.role === 'city_officer' || user.role === 'finance_officer';
  const defaultRecomputeYear = Number(query.fiscalYear ?? todayIso().slice(0, 4));
  const owed = data?.owedAmount ?? 0;

  return (
    <div data-testid="entitlement-list-page">
      <div className="page-header">
        <Typography.Title level={3}>{t(isBeneficiary(user) ? 'entl.mine' : 'nav.entitlements')}</Typography.Title>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={api.entitlementExportUrl(filters)} data-testid="export-entitlements">
            {t('common.exportExcel')}
          </Button>
          {canRecompute(user) && (
            <RecomputeControl
              defaultYear={defaultRecomputeYear}
              onRunning={setRecomputing}
              onDone={() => setReloads((n) => n + 1)}
            />
          )}
        </Space>
      </div>

      <Space wrap className="filters" data-testid="entitlement-filters">
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('entl.fiscalYear')}
          value={query.fiscalYear}
          options={fiscalYearOptions().map((y) => ({ value: String(y), label: String(y) }))}
          onChange={(fiscalYear?: string) => setQuery({ fiscalYear })}
          data-testid="filter-year"
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('entl.clause')}
          value={query.clause}
          options={CLAUSES.map((c) => ({ value: c, label: clauseName(c, t, i18n.lang) }))}
          onChange={(clause?: string) => setQuery({ clause })}
          data-testid="filter-clause"
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('entl.status')}
          value={query.status}
          options={STATUSES.map((s) => ({ value: s, label: t(`entl.status.${s}`) }))}
          onChange={(status?: string) => setQuery({ status })}
          data-testid="filter-status"
        />
        {showUnit && (
          <UnitSelect
            style={{ width: 180 }}
            value={query.unitCode}
            placeholder={t('ent.unit')}
            onChange={(unitCode) => setQuery({ unitCode })}
            testId="filter-unit"
          />
        )}
        <Input.Search
          allowClear
          style={{ width: 280 }}
          placeholder={t('entl.searchName')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(q) => setQuery({ q: q.trim() || undefined })}
          enterButton={t('common.search')}
          data-testid="entitlement-search"
        />
        <Button
          onClick={() =>
            setQuery({ fiscalYear: undefined, clause: undefined, status: undefined, unitCode: undefined, q: undefined })
          }
        >
          {t('common.reset')}
        </Button>
      </Space>

      <Card size="small" className="section-card" data-testid="owed-total-card">
        <Space size={48} wrap>
          <Tooltip title={t('entl.owedTotalHint')}>
            <Statistic
              title={t('entl.owedTotal')}
              value={formatMoney(owed)}
              suffix={
                i18n.lang === 'zh' && owed > 0 ? (
                  <Typography.Text type="secondary" style={{ fontSize: 14 }}>
                    （{formatWanText(owed)}）
                  </Typography.Text>
                ) : undefined
              }
              styles={{ content: { fontVariantNumeric: 'tabular-nums' } }}
              data-testid="owed-total"
            />
          </Tooltip>
          <Statistic title={t('budget.count')} value={data?.total ?? 0} />
        </Space>
      </Card>

      <Table<EntitlementRow>
        rowKey="id"
        size="middle"
        data-testid="entitlement-table"
        loading={{
          spinning: loading || recomputing !== null,
          ...(recomputing !== null ? { description: t('entl.recomputing', { year: recomputing }) } : {}),
        }}
        dataSource={data?.items ?? []}
        columns={columns(i18n, ref)}
        onChange={onTableChange}
        scroll={{ x: 1000 }}
        rowClassName={() => 'clickable-row'}
        onRow={(row) => ({ onClick: () => setQuery({ item: String(row.id) }, { keepPage: true }) })}
        locale={{ emptyText: t('entl.emptyHint') }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (n) => t('common.total', { n }),
        }}
      />
      <EntitlementDrawer id={openId} onClose={() => setQuery({ item: undefined }, { keepPage: true })} />
    </div>
  );
}
