/**
 * One enterprise's IP: the enterprise score with its parts, the tier counts, and the items with
 * their class (Ⅰ类 / Ⅱ类 / Ⅰ类高价值), whether they count, their score and, expanded, the reasons
 * and the indicator-by-indicator explanation. The enterprise itself adds, edits, imports and exports.
 */
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Popconfirm,
  Progress,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  Upload,
  message,
} from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useI18n, type Translate } from '../../i18n/index.tsx';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../util/errors.ts';
import { deleteIp, fetchEnterpriseIp, importIp, itemsExportUrl, templateUrl, type EnterpriseIp, type IpItemView } from './api.ts';
import { IpForm } from './IpForm.tsx';

export function ClassTag({ item, t }: { item: IpItemView; t: Translate }) {
  const c = item.classification;
  if (c.highValue) return <Tag color="magenta">{t('ip.class.highValue')}</Tag>;
  if (c.class === 'I') return <Tag color="blue">{t('ip.class.I')}</Tag>;
  if (c.class === 'II') return <Tag color="cyan">{t('ip.class.II')}</Tag>;
  return <Tag>{t('ip.class.none')}</Tag>;
}

function ItemDetail({ item }: { item: IpItemView }) {
  const { t, pick } = useI18n();
  return (
    <Row gutter={16}>
      <Col xs={24} lg={10}>
        <Typography.Text strong>{t('ip.detail.reasons')}</Typography.Text>
        <ul style={{ marginTop: 4 }}>
          {item.classification.reasons.map((r, i) => (
            <li key={i}>{pick(r)}</li>
          ))}
        </ul>
        {item.pledges.length > 0 && (
          <>
            <Typography.Text strong>{t('ip.detail.pledges')}</Typography.Text>
            <ul style={{ marginTop: 4 }}>
              {item.pledges.map((p) => (
                <li key={p.id}>
                  {p.registeredOn} {p.pledgee} {(p.amount / 10000).toLocaleString()}
                  {t('ip.unit.wan')} {p.releasedOn ? t('ip.pledge.releasedOn', { d: p.releasedOn }) : t('ip.pledge.active')}
                </li>
              ))}
            </ul>
          </>
        )}
      </Col>
      <Col xs={24} lg={14}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={item.evaluation.indicators}
          columns={[
            { key: 'id', title: t('ip.col.indicator'), render: (_: unknown, x) => t(`ip.indicator.${x.id}` as never) },
            { key: 'p', title: t('ip.col.points'), align: 'right' as const, render: (_: unknown, x) => `${x.points} / ${x.max}` },
            { key: 'e', title: t('ip.col.explain'), render: (_: unknown, x) => pick(x.explain) },
          ]}
        />
      </Col>
    </Row>
  );
}

const COLUMN_KEYS: Record<string, string> = {
  kind: 'ip.col.kind',
  number: 'ip.col.number',
  title: 'ip.col.title',
  appliedOn: 'ip.col.appliedOn',
  grantedOn: 'ip.col.grantedOn',
  expiresOn: 'ip.col.expiresOn',
  legalStatus: 'ip.col.status',
  maintenanceYearsPaid: 'ip.col.maintenance',
  foreignFamilyCount: 'ip.col.family',
  citations: 'ip.col.citations',
  awards: 'ip.col.awards',
  origin: 'ip.col.origin',
  acquiredOn: 'ip.col.acquiredOn',
  relatedToMainProduct: 'ip.col.related',
};

/** "rows[6].number" → "第6行 申请号/登记号" (the spreadsheet row and the column header). */
function fieldLabel(field: string, t: Translate): string {
  const m = /^rows\[(\d+)\]\.(\w+)$/.exec(field);
  if (!m) return field;
  const key = COLUMN_KEYS[m[2]!];
  return t('ip.import.row', { row: m[1]!, column: key ? t(key as never) : m[2]! });
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:.*?;base64,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export function EnterpriseIpView({
  enterpriseId,
  selection,
  extra,
}: {
  enterpriseId: number;
  /** Banks: choose items to pledge. */
  selection?: { selected: number[]; onChange: (ids: number[]) => void };
  extra?: (data: EnterpriseIp, reload: () => void) => ReactNode;
}) {
  const { t, pick } = useI18n();
  const [data, setData] = useState<EnterpriseIp | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<IpItemView | 'new' | null>(null);
  const [importProblems, setImportProblems] = useState<string[]>([]);
  const load = useCallback(() => {
    fetchEnterpriseIp(enterpriseId)
      .then(setData)
      .catch((e: unknown) => setError(errorText(e, pick)));
  }, [enterpriseId, pick]);
  useEffect(load, [load]);
  if (error) return <Alert type="error" message={error} />;
  if (!data) return <PageSpinner />;
  const ev = data.evaluation;
  const onImport = async (file: File) => {
    setImportProblems([]);
    try {
      const r = await importIp(enterpriseId, await readBase64(file));
      void message.success(t('ip.import.done', { inserted: r.inserted, skipped: r.skipped }));
      load();
    } catch (e) {
      if (e instanceof ApiError && e.fields.length)
        setImportProblems(e.fields.map((f) => `${fieldLabel(f.field, t)}：${pick(f.reason)}`));
      else void message.error(errorText(e, pick));
    }
    return false;
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="ip-enterprise">
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('ip.col.enterprise')}>{data.enterprise.name}</Descriptions.Item>
        <Descriptions.Item label={t('ip.col.unit')}>{data.enterprise.unitName}</Descriptions.Item>
        <Descriptions.Item label={t('ip.asOf')}>{data.asOf}</Descriptions.Item>
      </Descriptions>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={8}>
          <Card size="small" title={t('ip.score.enterprise')} data-testid="ip-score">
            <Space align="center">
              <Progress type="dashboard" percent={ev.score} format={() => ev.score.toFixed(1)} size={110} />
              <div>
                {ev.parts.map((p) => (
                  <div key={p.id}>
                    <Typography.Text type="secondary">{pick(p.explain)}</Typography.Text> = <b>{p.points}</b>
                  </div>
                ))}
              </div>
            </Space>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
              {t('ip.score.note')}
            </Typography.Paragraph>
          </Card>
        </Col>
        {(
          [
            ['class1', t('ip.count.class1'), data.holdings.class1],
            ['selfDeveloped', t('ip.count.selfDeveloped'), data.holdings.class1SelfDeveloped],
            ['highValue', t('ip.count.highValue'), data.holdings.class1HighValue],
            ['class2', t('ip.count.class2'), data.holdings.class2],
          ] as const
        ).map(([k, label, v]) => (
          <Col key={k} xs={12} md={4}>
            <Card size="small" data-testid={`ip-count-${k}`}>
              <Statistic title={label} value={v} />
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary">{t('ip.count.note')}</Typography.Text>
      <Space wrap>
        {data.canEdit && (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="ip-add">
              {t('ip.action.add')}
            </Button>
            <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => onImport(f)}>
              <Button icon={<UploadOutlined />} data-testid="ip-import">
                {t('ip.action.import')}
              </Button>
            </Upload>
            <Button icon={<DownloadOutlined />} href={templateUrl}>
              {t('ip.action.template')}
            </Button>
          </>
        )}
        <Button icon={<DownloadOutlined />} href={itemsExportUrl(enterpriseId)}>
          {t('common.exportExcel')}
        </Button>
      </Space>
      {importProblems.length > 0 && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setImportProblems([])}
          message={t('ip.import.failed')}
          description={
            <ul style={{ margin: 0 }} data-testid="ip-import-problems">
              {importProblems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
      {extra?.(data, load)}
      <Table<IpItemView>
        rowKey="id"
        size="middle"
        dataSource={data.items}
        data-testid="ip-items"
        scroll={{ x: 1100 }}
        pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { n }) }}
        expandable={{ expandedRowRender: (item) => <ItemDetail item={item} /> }}
        {...(selection
          ? {
              rowSelection: {
                selectedRowKeys: selection.selected,
                onChange: (keys) => selection.onChange(keys.map(Number)),
                getCheckboxProps: (r: IpItemView) => ({ disabled: r.activePledge || !!r.evaluation.notInForce }),
              },
            }
          : {})}
        columns={[
          { key: 'kind', title: t('ip.col.kind'), width: 120, render: (_: unknown, r) => t(`ip.kind.${r.kind}` as never) },
          {
            key: 'number',
            title: t('ip.col.number'),
            width: 170,
            render: (_: unknown, r) => (
              <span>
                {r.number} {r.numberVerified && <Tag color="green">{t('ip.verified')}</Tag>}
              </span>
            ),
          },
          { key: 'title', title: t('ip.col.title'), dataIndex: 'title', ellipsis: true },
          {
            key: 'status',
            title: t('ip.col.status'),
            width: 90,
            render: (_: unknown, r) => t(`ip.status.${r.legalStatus}` as never),
          },
          {
            key: 'origin',
            title: t('ip.col.origin'),
            width: 100,
            render: (_: unknown, r) =>
              r.origin === 'acquired' ? `${t('ip.origin.acquired')} ${r.acquiredOn ?? ''}` : t('ip.origin.self_developed'),
          },
          { key: 'class', title: t('ip.col.class'), width: 110, render: (_: unknown, r) => <ClassTag item={r} t={t} /> },
          {
            key: 'counted',
            title: t('ip.col.counted'),
            width: 80,
            render: (_: unknown, r) =>
              r.classification.counted ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>,
          },
          {
            key: 'pledge',
            title: t('ip.col.pledge'),
            width: 80,
            render: (_: unknown, r) => (r.activePledge ? <Tag color="orange">{t('ip.pledge.active')}</Tag> : '—'),
          },
          {
            key: 'score',
            title: t('ip.col.score'),
            width: 80,
            align: 'right' as const,
            render: (_: unknown, r) => <b>{r.evaluation.score.toFixed(1)}</b>,
          },
          ...(data.canEdit
            ? [
                {
                  key: 'actions',
                  title: t('ip.col.actions'),
                  width: 130,
                  render: (_: unknown, r: IpItemView) => (
                    <Space size="small">
                      <Button size="small" onClick={() => setEditing(r)}>
                        {t('ip.action.edit')}
                      </Button>
                      <Popconfirm
                        title={t('ip.action.deleteConfirm')}
                        onConfirm={() =>
                          deleteIp(r.id)
                            .then(load)
                            .catch((e: unknown) => void message.error(errorText(e, pick)))
                        }
                      >
                        <Button size="small" danger disabled={r.pledges.length > 0}>
                          {t('ip.action.delete')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <IpForm
          enterpriseId={enterpriseId}
          item={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      )}
    </Space>
  );
}
