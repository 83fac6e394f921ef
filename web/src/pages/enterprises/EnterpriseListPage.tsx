/** `/enterprises`: the registry list with server-side paging, sorting and filters kept in the URL. */
import { App, Button, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import * as api from '../../api/endpoints.ts';
import type { EnterpriseRow, EnterpriseSort, Page } from '../../api/types.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { useReferenceData, type ReferenceData } from '../../auth/ReferenceData.tsx';
import { TitleTags } from '../../components/TitleTags.tsx';
import { useI18n, type Translate } from '../../i18n/index.tsx';
import { canEditEnterprises } from '../../layout/nav.ts';
import { errorText } from '../../util/errors.ts';
import { formatDate, formatWanYuan } from '../../util/format.ts';
import { toPositiveInt, useUrlQuery } from '../../util/useUrlQuery.ts';
import { ENTERPRISE_FILTER_KEYS, EnterpriseFilters } from './EnterpriseFilters.tsx';
import { EnterpriseFormDrawer } from './EnterpriseFormDrawer.tsx';

const QUERY_KEYS = [...ENTERPRISE_FILTER_KEYS, 'sort', 'page', 'pageSize'] as const;
const SORTABLE = ['name', 'establishedOn', 'revenue'] as const;
type SortableColumn = (typeof SORTABLE)[number];

function isSortable(key: unknown): key is SortableColumn {
  return SORTABLE.some((s) => s === key);
}

/** `-revenue` ↔ antd's (columnKey "revenue", order "descend"). */
function sortOrderOf(sort: string | undefined, column: SortableColumn): 'ascend' | 'descend' | null {
  if (sort === column) return 'ascend';
  if (sort === `-${column}`) return 'descend';
  return null;
}

function columns(t: Translate, ref: ReferenceData, sort: string | undefined): TableProps<EnterpriseRow>['columns'] {
  return [
    {
      key: 'name',
      title: t('ent.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'name'),
      width: 280,
      // The credit code sits under the name: officers read them together, and it saves a column.
      render: (name: string, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/enterprises/${row.id}`} data-testid="enterprise-link">
            {name}
          </Link>
          <Typography.Text type="secondary" className="num" data-testid="cell-uscc">
            {row.uscc}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'unit',
      title: t('ent.unit'),
      dataIndex: 'unitName',
      width: 110,
      render: (name: string, row) => <span data-testid="cell-unit">{ref.unitName(row.unitCode, name)}</span>,
    },
    {
      key: 'industry',
      title: t('ent.industry'),
      dataIndex: 'industryCode',
      width: 150,
      ellipsis: true,
      render: (code: string) => ref.industry(code),
    },
    { key: 'size', title: t('ent.sizeClass'), dataIndex: 'sizeClass', width: 80, render: (s: string) => ref.sizeClass(s) },
    {
      key: 'establishedOn',
      title: t('ent.establishedOn'),
      dataIndex: 'establishedOn',
      width: 110,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'establishedOn'),
      render: formatDate,
    },
    { key: 'titles', title: t('ent.titles'), dataIndex: 'titles', width: 190, render: (titles: EnterpriseRow['titles']) => <TitleTags kinds={titles} /> },
    {
      key: 'revenue',
      title: t('ent.revenue'),
      dataIndex: 'revenue',
      align: 'right',
      width: 140,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'revenue'),
      render: (v: number | null) => <span className="num">{formatWanYuan(v)}</span>,
    },
    {
      key: 'contact',
      title: t('ent.contact'),
      width: 120,
      render: (_: unknown, row) =>
        row.contactName || row.contactPhone ? (
          <Space orientation="vertical" size={0}>
            <span>{row.contactName}</span>
            <Typography.Text type="secondary" className="num">
              {row.contactPhone}
            </Typography.Text>
          </Space>
        ) : (
          '—'
        ),
    },
  ];
}

export default function EnterpriseListPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const ref = useReferenceData();
  const user = useUser();
  const navigate = useNavigate();
  const [query, setQuery] = useUrlQuery(QUERY_KEYS);
  const [data, setData] = useState<Page<EnterpriseRow> | null>(null);
  const [loading, setLoading] = useState(false);
  const [creating, setCreating] = useState(false);

  const page = toPositiveInt(query.page, 1);
  const pageSize = toPositiveInt(query.pageSize, 20);
  const filters = {
    q: query.q,
    unitCode: query.unitCode,
    industry: query.industry,
    sizeClass: query.sizeClass,
    titleKind: query.titleKind,
    level: query.level,
    on: query.on,
    sort: query.sort,
  };
  const requestKey = JSON.stringify({ ...filters, page, pageSize });

  useEffect(() => {
    // Abort the previous request so a slow answer never overwrites a newer one.
    const controller = new AbortController();
    setLoading(true);
    api
      .listEnterprises({ ...filters, page, pageSize }, controller.signal)
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

  const onTableChange: TableProps<EnterpriseRow>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = s?.columnKey;
      const sort: EnterpriseSort | undefined =
        isSortable(key) && s?.order ? (s.order === 'descend' ? `-${key}` : key) : undefined;
      setQuery({ sort });
      return;
    }
    setQuery(
      { page: String(pagination.current ?? 1), pageSize: String(pagination.pageSize ?? 20) },
      { keepPage: true },
    );
  };

  return (
    <div data-testid="enterprise-list-page">
      <div className="page-header">
        <Typography.Title level={3}>{t('ent.list.title')}</Typography.Title>
        <Space>
          <Button icon={<DownloadOutlined />} href={api.enterpriseExportUrl(filters)} data-testid="export-enterprises">
            {t('common.exportExcel')}
          </Button>
          {canEditEnterprises(user) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-enterprise">
              {t('ent.new')}
            </Button>
          )}
        </Space>
      </div>
      <EnterpriseFilters value={query} onChange={setQuery} showUnit={user.role !== 'district_officer'} />
      {(query.on || query.level) && (
        // Set by the targets dashboard's drill-down: the list counts titles in force on that date.
        <Space className="filters" data-testid="dashboard-filters">
          {query.on && (
            <Tag closable onClose={() => setQuery({ on: undefined })} data-testid="filter-on">
              {t('dash.filter.on', { date: query.on })}
            </Tag>
          )}
          {query.level && (
            <Tag closable onClose={() => setQuery({ level: undefined })} data-testid="filter-level">
              {t('dash.filter.level', { level: ref.level(query.level) })}
            </Tag>
          )}
        </Space>
      )}
      <Table<EnterpriseRow>
        rowKey="id"
        size="middle"
        data-testid="enterprise-table"
        loading={loading}
        dataSource={data?.items ?? []}
        columns={columns(t, ref, query.sort)}
        onChange={onTableChange}
        scroll={{ x: 1100 }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (n) => t('common.total', { n }),
        }}
      />
      <EnterpriseFormDrawer
        open={creating}
        mode={{ kind: 'create', defaultUnit: user.role === 'district_officer' ? user.unitCode : null }}
        onClose={() => setCreating(false)}
        onSaved={(id) => {
          setCreating(false);
          void message.success(t('ent.created'));
          void navigate(`/enterprises/${id}`);
        }}
      />
    </div>
  );
}
