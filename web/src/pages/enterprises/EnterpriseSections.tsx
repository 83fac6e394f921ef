/** The read-only blocks of the enterprise page, one small component each. */
import { Button, Empty, Table, Tag, type TableProps } from 'antd';
import { Link } from 'react-router-dom';
import type { Honour, IpCounts, Residency, Title, YearlyFigures } from '../../api/types.ts';
import { useReferenceData } from '../../auth/ReferenceData.tsx';
import { TitleTag } from '../../components/TitleTags.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { formatCount, formatDate, formatWanYuan } from '../../util/format.ts';

const MONEY_FIELDS = [
  'revenue',
  'mainBusinessRevenue',
  'rdExpense',
  'netProfit',
  'totalAssets',
  'totalLiabilities',
] as const satisfies readonly (keyof YearlyFigures)[];

export function YearlyTable({ yearly }: { yearly: readonly YearlyFigures[] }) {
  const { t } = useI18n();
  const rows = [...yearly].sort((a, b) => b.year - a.year);
  const columns: TableProps<YearlyFigures>['columns'] = [
    { key: 'year', title: t('yearly.year'), dataIndex: 'year', width: 70 },
    ...MONEY_FIELDS.map((field) => ({
      key: field,
      title: t(`yearly.${field}`),
      dataIndex: field,
      align: 'right' as const,
      render: (v: number) => <span className="num">{formatWanYuan(v)}</span>,
    })),
    { key: 'employees', title: t('yearly.employees'), dataIndex: 'employees', align: 'right', render: formatCount },
    { key: 'rdStaff', title: t('yearly.rdStaff'), dataIndex: 'rdStaff', align: 'right', render: formatCount },
  ];
  return (
    <Table<YearlyFigures>
      rowKey="year"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={columns}
      scroll={{ x: 900 }}
      data-testid="yearly-table"
    />
  );
}

const IP_FIELDS = [
  'inventionPatents',
  'utilityModels',
  'designPatents',
  'softwareCopyrights',
  'trademarks',
  'class1',
  'class2',
  'class1HighValue',
] as const satisfies readonly (keyof IpCounts)[];

export function IpTable({ ip }: { ip: readonly IpCounts[] }) {
  const { t } = useI18n();
  const rows = [...ip].sort((a, b) => b.year - a.year);
  const columns: TableProps<IpCounts>['columns'] = [
    { key: 'year', title: t('yearly.year'), dataIndex: 'year', width: 70 },
    ...IP_FIELDS.map((field) => ({
      key: field,
      title: t(`ip.${field}`),
      dataIndex: field,
      align: 'right' as const,
    })),
  ];
  return (
    <Table<IpCounts> rowKey="year" size="small" pagination={false} dataSource={rows} columns={columns} scroll={{ x: 800 }} data-testid="ip-table" />
  );
}

export function HonoursTable({ honours }: { honours: readonly Honour[] }) {
  const { t } = useI18n();
  const ref = useReferenceData();
  if (!honours.length) return <Empty description={t('ent.noData')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Table<Honour>
      rowKey={(h) => `${h.kind}-${h.name}-${h.year}`}
      size="small"
      pagination={false}
      dataSource={[...honours]}
      columns={[
        { key: 'year', title: t('honour.year'), dataIndex: 'year', width: 70 },
        { key: 'name', title: t('honour.name'), dataIndex: 'name' },
        { key: 'level', title: t('honour.level'), dataIndex: 'level', render: (l: string) => ref.level(l) },
      ]}
    />
  );
}

export function ResidencyTable({ residencies }: { residencies: readonly Residency[] }) {
  const { t } = useI18n();
  if (!residencies.length) return <Empty description={t('ent.noData')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Table<Residency>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...residencies]}
      data-testid="residency-table"
      columns={[
        {
          key: 'carrier',
          title: t('res.carrier'),
          dataIndex: 'carrierName',
          render: (name: string, r) => <Link to={`/carriers/${r.carrierId}`}>{name}</Link>,
        },
        { key: 'from', title: t('res.fromDate'), dataIndex: 'fromDate', render: formatDate },
        {
          key: 'to',
          title: t('res.toDate'),
          dataIndex: 'toDate',
          render: (d: string | null) => (d ? formatDate(d) : <Tag color="green">{t('res.current')}</Tag>),
        },
      ]}
    />
  );
}

const STATUS_COLOURS: Record<Title['status'], string> = { in_force: 'green', expired: 'default', revoked: 'red' };

interface TitleTableProps {
  titles: readonly Title[];
  onRevoke: ((title: Title) => void) | null;
}

export function TitleTable({ titles, onRevoke }: TitleTableProps) {
  const { t } = useI18n();
  const ref = useReferenceData();
  const rows = [...titles].sort((a, b) => b.recognisedOn.localeCompare(a.recognisedOn));
  const columns: TableProps<Title>['columns'] = [
    { key: 'kind', title: t('title.kind'), dataIndex: 'kind', render: (k: Title['kind']) => <TitleTag kind={k} /> },
    { key: 'level', title: t('title.level'), dataIndex: 'level', render: (l: string) => ref.level(l) },
    { key: 'batch', title: t('title.batch'), dataIndex: 'batch' },
    {
      key: 'recognition',
      title: t('title.recognition'),
      dataIndex: 'recognition',
      render: (r: Title['recognition']) => t(`ent.event.${r}`),
    },
    { key: 'recognisedOn', title: t('title.recognisedOn'), dataIndex: 'recognisedOn', render: formatDate },
    { key: 'validUntil', title: t('title.validUntil'), dataIndex: 'validUntil', render: formatDate },
    {
      key: 'status',
      title: t('title.status'),
      dataIndex: 'status',
      render: (s: Title['status'], row) => (
        <Tag color={STATUS_COLOURS[s]} title={row.revokeReason ?? undefined}>
          {t(`title.status.${s}`)}
        </Tag>
      ),
    },
  ];
  if (onRevoke) {
    columns.push({
      key: 'actions',
      title: t('title.actions'),
      render: (_: unknown, row) =>
        row.status === 'in_force' ? (
          <Button size="small" danger onClick={() => onRevoke(row)} data-testid="revoke-title">
            {t('ent.revoke')}
          </Button>
        ) : null,
    });
  }
  return <Table<Title> rowKey="id" size="small" pagination={false} dataSource={rows} columns={columns} />;
}
