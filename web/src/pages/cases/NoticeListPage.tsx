/**
 * `/cases/notices`: the 公示 published so far (open first), and for city officers the composer:
 * choose cases in city review, a title and the day of publication, see the period the server
 * computes (N working days, the day itself not counted, holidays and 调休 included), publish.
 */
import { Alert, App, Button, DatePicker, Drawer, Form, Input, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useUser } from '../../auth/AuthContext.tsx';
import { useReferenceData } from '../../auth/ReferenceData.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { formatDate, formatMoney, todayIso } from '../../util/format.ts';
import { clauseName, itemName } from '../policy/policyShared.tsx';
import * as api from './api.ts';
import type { CaseRow, NoticePeriod, NoticeSummary } from './api.ts';
import { CasesTabs, useLoad } from './casesShared.tsx';

function Composer({ open, preselect, onClose }: { open: boolean; preselect: number[]; onClose: () => void }) {
  const { t, lang, pick } = useI18n();
  const ref = useReferenceData();
  const navigate = useNavigate();
  const [title, setTitle] = useState(() => t('notice.defaultTitle', { year: todayIso().slice(0, 4) }));
  const [publishedOn, setPublishedOn] = useState<string>(todayIso());
  const [period, setPeriod] = useState<NoticePeriod | null>(null);
  const [periodError, setPeriodError] = useState<unknown>(null);
  const [selected, setSelected] = useState<number[]>(preselect);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const candidates = useLoad(
    () => (open ? api.listCases({ state: 'city_review', pageSize: 200 }) : Promise.resolve(null)),
    [open],
  );

  useEffect(() => {
    if (!open) return;
    let live = true;
    setPeriodError(null);
    api.noticePeriod(publishedOn).then(
      (p) => live && setPeriod(p),
      (e: unknown) => {
        if (!live) return;
        setPeriod(null);
        setPeriodError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [publishedOn, open]);

  const rows = candidates.data?.items ?? [];
  const total = rows.filter((r) => selected.includes(r.id)).reduce((s, r) => s + r.amount, 0);

  async function publish() {
    setBusy(true);
    setError(null);
    try {
      const n = await api.publishNotice({ title, caseIds: selected, publishedOn });
      navigate(`/cases/notices/${n.notice.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const columns: TableProps<CaseRow>['columns'] = [
    {
      key: 'id',
      title: t('case.col.id'),
      dataIndex: 'id',
      width: 70,
      render: (id: number) => <Link to={`/cases/${id}`}>#{id}</Link>,
    },
    { key: 'b', title: t('case.col.beneficiary'), dataIndex: 'beneficiaryName' },
    { key: 'u', title: t('ent.unit'), width: 100, render: (_: unknown, r) => ref.unit(r.unitCode) },
    {
      key: 'c',
      title: t('case.col.clause'),
      render: (_: unknown, r) => `${clauseName(r.clause, t, lang)} ${itemName(r.item, ref, pick)}`,
    },
    {
      key: 'a',
      title: t('case.col.amount'),
      align: 'right',
      width: 120,
      render: (_: unknown, r) => <span className="num">{formatMoney(r.amount)}</span>,
    },
  ];

  return (
    <Drawer open={open} onClose={onClose} size={900} title={t('notice.compose')} destroyOnHidden data-testid="notice-composer">
      <Form layout="vertical">
        <Form.Item label={t('notice.col.title')} required>
          <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} data-testid="notice-title" />
        </Form.Item>
        <Form.Item label={t('notice.publishedOn')} required>
          <DatePicker
            value={dayjs(publishedOn)}
            allowClear={false}
            disabledDate={(d: Dayjs) => d.format('YYYY-MM-DD') < todayIso()}
            onChange={(d: Dayjs | null) => d && setPublishedOn(d.format('YYYY-MM-DD'))}
            data-testid="notice-published-on"
          />
        </Form.Item>
      </Form>
      {period && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="notice-period"
          title={t('notice.periodPreview', { days: period.workingDays, from: period.publishedOn, to: period.endsOn })}
          description={pick(period.rule)}
        />
      )}
      {periodError ? <Alert type="error" showIcon title={errorText(periodError, pick)} style={{ marginBottom: 16 }} /> : null}
      <Typography.Paragraph>
        {t('notice.candidates', { n: rows.length })} · {t('notice.selected', { n: selected.length, amount: formatMoney(total) })}
      </Typography.Paragraph>
      <Table<CaseRow>
        rowKey="id"
        size="small"
        data-testid="notice-candidates"
        loading={!candidates.data && !candidates.error}
        dataSource={rows}
        columns={columns}
        pagination={false}
        scroll={{ y: 420 }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) }}
      />
      {error ? (
        <Alert type="error" showIcon title={errorText(error, pick)} style={{ marginTop: 16 }} data-testid="notice-error" />
      ) : null}
      <Space style={{ marginTop: 16 }}>
        <Button
          type="primary"
          disabled={selected.length === 0 || !title.trim()}
          loading={busy}
          onClick={() => void publish()}
          data-testid="notice-publish"
        >
          {t('notice.publish', { n: selected.length })}
        </Button>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
      </Space>
    </Drawer>
  );
}

export default function NoticeListPage() {
  const { t, pick } = useI18n();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const compose = params.get('compose');
  const [open, setOpen] = useState(compose !== null);
  const { data, error } = useLoad(() => api.listNotices(), []);
  App.useApp();

  const columns: TableProps<NoticeSummary>['columns'] = [
    { key: 'id', title: t('case.col.id'), dataIndex: 'id', width: 70, render: (id: number) => `#${id}` },
    {
      key: 'title',
      title: t('notice.col.title'),
      render: (_: unknown, n) => (
        <Link to={`/cases/notices/${n.id}`} data-testid="notice-link">
          {n.title}
        </Link>
      ),
    },
    {
      key: 'period',
      title: t('notice.col.period'),
      width: 260,
      render: (_: unknown, n) => (
        <span className="num">
          {formatDate(n.publishedOn)} ~ {formatDate(n.endsOn)} ({t('notice.workingDays', { n: n.workingDays })})
        </span>
      ),
    },
    {
      key: 'status',
      title: t('notice.col.status'),
      width: 90,
      render: (_: unknown, n) => <Tag color={n.status === 'open' ? 'purple' : 'default'}>{t(`notice.status.${n.status}`)}</Tag>,
    },
    { key: 'items', title: t('notice.col.items'), dataIndex: 'itemCount', width: 80, align: 'right' },
    {
      key: 'amount',
      title: t('notice.col.amount'),
      width: 140,
      align: 'right',
      render: (_: unknown, n) => <span className="num">{formatMoney(Number(n.totalAmount ?? 0))}</span>,
    },
    {
      key: 'obj',
      title: t('notice.col.objections'),
      dataIndex: 'objectionCount',
      width: 80,
      align: 'right',
      render: (v: number) => (v ? <Typography.Text type="warning">{v}</Typography.Text> : v),
    },
    { key: 'by', title: t('notice.col.by'), dataIndex: 'publishedByName', width: 90 },
  ];

  return (
    <div data-testid="notices-page">
      <div className="page-header">
        <Typography.Title level={3}>{t('notice.list')}</Typography.Title>
        {user.role === 'city_officer' && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="notice-compose">
            {t('notice.compose')}
          </Button>
        )}
      </div>
      <CasesTabs />
      {error ? <Alert type="error" showIcon title={errorText(error, pick)} /> : null}
      <Table<NoticeSummary>
        rowKey="id"
        size="middle"
        data-testid="notices-table"
        loading={!data && !error}
        dataSource={data ?? []}
        columns={columns}
      />
      {user.role === 'city_officer' && (
        <Composer
          open={open}
          preselect={compose ? [Number(compose)] : []}
          onClose={() => {
            setOpen(false);
            if (compose) setParams({});
          }}
        />
      )}
    </div>
  );
}
