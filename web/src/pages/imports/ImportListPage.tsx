/**
 * `/imports`: the history of list imports (newest first) with who, when, which file, the title it
 * records and what came of it; city officers start a new import here.
 */
import { Alert, App, Button, Select, Space, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import * as api from '../../api/endpoints.ts';
import type { ImportStatus, ImportSummary, Page } from '../../api/types.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { useReferenceData, type ReferenceData } from '../../auth/ReferenceData.tsx';
import { TITLE_COLOURS } from '../../components/TitleTags.tsx';
import { useI18n, type I18n } from '../../i18n/index.tsx';
import { canImportLists } from '../../layout/nav.ts';
import { errorText } from '../../util/errors.ts';
import { toPositiveInt, useUrlQuery } from '../../util/useUrlQuery.ts';
import { ImportStatusTag, VERDICT_COLOURS, fileSize, formatDateTime } from './importShared.tsx';

const STATUSES: readonly ImportStatus[] = ['preview', 'applied', 'reverted'];

function columns(i18n: I18n, ref: ReferenceData): TableProps<ImportSummary>['columns'] {
  const { t } = i18n;
  return [
    { key: 'id', title: t('imp.col.id'), dataIndex: 'id', width: 70, render: (id: number) => <Link to={`/imports/${id}`}>#{id}</Link> },
    {
      key: 'createdAt',
      title: t('imp.col.createdAt'),
      dataIndex: 'createdAt',
      width: 140,
      render: (v: string) => <span className="num nowrap">{formatDateTime(v)}</span>,
    },
    { key: 'by', title: t('imp.col.createdBy'), dataIndex: 'createdByName', width: 90 },
    {
      key: 'file',
      title: t('imp.col.file'),
      dataIndex: 'fileName',
      width: 230,
      render: (name: string, row) => (
        <Space orientation="vertical" size={0}>
          <span data-testid="import-file-name">
            <PaperClipOutlined /> {row.sourceType === 'text' && name === 'pasted.txt' ? t('imp.source.text') : name}
          </span>
          <Typography.Text type="secondary" className="small-text">
            {row.sourceType.toUpperCase()} · {fileSize(row.fileSize)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'title',
      title: t('imp.col.title'),
      width: 220,
      render: (_: unknown, row) => (
        <Space orientation="vertical" size={2}>
          <Space size={4} wrap>
            <Tag color={TITLE_COLOURS[row.kind] ?? 'default'}>{ref.titleKind(row.kind)}</Tag>
            <Tag>{ref.level(row.level)}</Tag>
          </Space>
          <Typography.Text type="secondary" className="small-text">
            {[row.batch ? t('imp.batchLabel', { batch: row.batch }) : null, t('imp.recognisedOn', { date: row.recognisedOn })]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('imp.col.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: ImportStatus) => <ImportStatusTag status={s} />,
    },
    {
      key: 'counts',
      title: t('imp.col.counts'),
      width: 200,
      render: (_: unknown, row) => {
        const c = row.counts;
        return (
          <Space orientation="vertical" size={0} data-testid="import-counts-cell">
            <span className="num">{t('imp.countsShort', { matched: c.matched, total: c.total })}</span>
            <Space size={8} wrap className="small-text">
              {c.ambiguous > 0 && <span style={{ color: VERDICT_COLOURS.ambiguous }}>? {t('imp.verdict.ambiguous')} {c.ambiguous}</span>}
              {c.not_found > 0 && <span style={{ color: VERDICT_COLOURS.not_found }}>✗ {t('imp.verdict.not_found')} {c.not_found}</span>}
              {c.other_city > 0 && <span style={{ color: VERDICT_COLOURS.other_city }}>↗ {t('imp.verdict.other_city')} {c.other_city}</span>}
              {c.duplicate + c.invalid > 0 && (
                <span style={{ color: VERDICT_COLOURS.duplicate }}>
                  {t('imp.verdict.duplicate')}/{t('imp.verdict.invalid')} {c.duplicate + c.invalid}
                </span>
              )}
            </Space>
          </Space>
        );
      },
    },
    {
      key: 'result',
      title: t('imp.col.result'),
      width: 120,
      render: (_: unknown, row) => {
        if (row.status === 'reverted' && row.counts.reverted)
          return (
            <Tooltip title={row.revertReason ?? undefined}>
              <span>{t('imp.revertedN', { n: row.counts.reverted.titlesDeleted })}</span>
            </Tooltip>
          );
        if (row.counts.applied) return <span>{t('imp.createdN', { n: row.counts.applied.created })}</span>;
        return <Typography.Text type="secondary">—</Typography.Text>;
      },
    },
  ];
}

export default function ImportListPage() {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const { message } = App.useApp();
  const ref = useReferenceData();
  const user = useUser();
  const navigate = useNavigate();
  const [query, setQuery] = useUrlQuery(['status', 'page', 'pageSize'] as const);
  const [data, setData] = useState<Page<ImportSummary> | null>(null);
  const [loading, setLoading] = useState(false);
  const allowed = canImportLists(user);
  const page = toPositiveInt(query.page, 1);
  const pageSize = toPositiveInt(query.pageSize, 20);

  useEffect(() => {
    if (!allowed) return;
    const controller = new AbortController();
    setLoading(true);
    api
      .listImports({ status: query.status, page, pageSize }, controller.signal)
      .then(setData)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) void message.error(errorText(e, pick));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [allowed, query.status, page, pageSize]);

  if (!allowed) return <Alert type="warning" showIcon title={t('imp.forbidden')} data-testid="imports-forbidden" />;

  return (
    <div data-testid="import-list-page">
      <div className="page-header">
        <Typography.Title level={3}>{t('imp.list.title')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/imports/new')} data-testid="new-import">
          {t('imp.new')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t('imp.list.intro')}</Typography.Paragraph>
      <Space wrap className="filters">
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('imp.col.status')}
          value={query.status}
          options={STATUSES.map((s) => ({ value: s, label: t(`imp.status.${s}`) }))}
          onChange={(status?: string) => setQuery({ status })}
          data-testid="filter-import-status"
        />
      </Space>
      <Table<ImportSummary>
        rowKey="id"
        size="middle"
        data-testid="import-table"
        loading={loading}
        dataSource={data?.items ?? []}
        columns={columns(i18n, ref)}
        scroll={{ x: 1150 }}
        rowClassName={() => 'clickable-row'}
        onRow={(row) => ({ onClick: () => navigate(`/imports/${row.id}`) })}
        locale={{ emptyText: t('imp.empty') }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, size) => setQuery({ page: String(p), pageSize: String(size) }, { keepPage: true }),
        }}
      />
    </div>
  );
}
