/** `/carriers`: demonstration bases, public-service platforms, parks and clusters. */
import { App, Button, Input, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import * as api from '../../api/endpoints.ts';
import type { CarrierRow, Page } from '../../api/types.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { useReferenceData, type ReferenceData } from '../../auth/ReferenceData.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { useI18n, type Translate } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { formatCount, formatDate } from '../../util/format.ts';
import { toPositiveInt, useUrlQuery } from '../../util/useUrlQuery.ts';

const QUERY_KEYS = ['kind', 'q', 'unitCode', 'page', 'pageSize'] as const;

export function InForceTag({ inForce }: { inForce: boolean }) {
  const { t } = useI18n();
  return <Tag color={inForce ? 'green' : 'default'}>{t(inForce ? 'car.inForce.yes' : 'car.inForce.no')}</Tag>;
}

function columns(t: Translate, ref: ReferenceData): TableProps<CarrierRow>['columns'] {
  return [
    {
      key: 'name',
      title: t('car.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Link to={`/carriers/${row.id}`} data-testid="carrier-link">
          {name}
        </Link>
      ),
    },
    { key: 'kind', title: t('car.kind'), dataIndex: 'kind', width: 160, render: (k: string) => ref.carrierKind(k) },
    { key: 'level', title: t('car.level'), dataIndex: 'level', width: 90, render: (l: string) => ref.level(l) },
    {
      key: 'unit',
      title: t('car.unit'),
      dataIndex: 'unitName',
      width: 130,
      render: (name: string, row) => ref.unitName(row.unitCode, name),
    },
    { key: 'recognisedOn', title: t('car.recognisedOn'), dataIndex: 'recognisedOn', width: 120, render: formatDate },
    { key: 'validUntil', title: t('car.validUntil'), dataIndex: 'validUntil', width: 120, render: formatDate },
    { key: 'inForce', title: t('car.inForce'), dataIndex: 'inForce', width: 90, render: (v: boolean) => <InForceTag inForce={v} /> },
    {
      key: 'residents',
      title: t('car.residents'),
      dataIndex: 'residents',
      width: 110,
      align: 'right',
      render: (n: number) => <span className="num">{formatCount(n)}</span>,
    },
  ];
}

export default function CarrierListPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const ref = useReferenceData();
  const user = useUser();
  const [query, setQuery] = useUrlQuery(QUERY_KEYS);
  const [data, setData] = useState<Page<CarrierRow> | null>(null);
  const [loading, setLoading] = useState(false);
  const [text, setText] = useState(query.q ?? '');
  useEffect(() => setText(query.q ?? ''), [query.q]);

  const page = toPositiveInt(query.page, 1);
  const pageSize = toPositiveInt(query.pageSize, 20);
  const filters = { kind: query.kind, q: query.q, unitCode: query.unitCode };
  const requestKey = JSON.stringify({ ...filters, page, pageSize });

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api
      .listCarriers({ ...filters, page, pageSize }, controller.signal)
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

  return (
    <div data-testid="carrier-list-page">
      <div className="page-header">
        <Typography.Title level={3}>{t('car.list.title')}</Typography.Title>
        <Button icon={<DownloadOutlined />} href={api.carrierExportUrl(filters)} data-testid="export-carriers">
          {t('common.exportExcel')}
        </Button>
      </div>
      <Space wrap className="filters">
        <Input.Search
          allowClear
          style={{ width: 260 }}
          placeholder={t('car.search.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(q) => setQuery({ q: q.trim() || undefined })}
          enterButton={t('common.search')}
          data-testid="carrier-search"
        />
        <Select
          allowClear
          style={{ width: 200 }}
          placeholder={t('car.kind')}
          value={query.kind}
          options={(ref.meta?.carrierKinds ?? []).map((k) => ({ value: k.id, label: ref.carrierKind(k.id) }))}
          onChange={(kind?: string) => setQuery({ kind })}
          data-testid="filter-carrier-kind"
        />
        {user.role !== 'district_officer' && (
          <UnitSelect
            style={{ width: 180 }}
            placeholder={t('car.unit')}
            value={query.unitCode}
            onChange={(unitCode) => setQuery({ unitCode })}
          />
        )}
      </Space>
      <Table<CarrierRow>
        rowKey="id"
        size="middle"
        data-testid="carrier-table"
        loading={loading}
        dataSource={data?.items ?? []}
        columns={columns(t, ref)}
        scroll={{ x: 1000 }}
        onChange={(p) => setQuery({ page: String(p.current ?? 1), pageSize: String(p.pageSize ?? 20) }, { keepPage: true })}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { n }),
        }}
      />
    </div>
  );
}
