/** A page of events with the filters the caller gives (kind, year, programme …); a row opens the event. */
import { Progress, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { QueryValue } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { fetchEvents, type EventItem } from './api.ts';
import { EnrolmentTag, KindTag, StatusTag, timeRange } from './shared.tsx';

export function EventsTable({
  filters,
  onOpen,
  reloadKey,
}: {
  filters: Record<string, QueryValue>;
  onOpen: (id: number) => void;
  reloadKey: number;
}) {
  const { t, pick } = useI18n();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: EventItem[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(filters);
  useEffect(() => setPage(1), [key]);
  useEffect(() => {
    let live = true;
    fetchEvents({ ...filters, page, pageSize: 15 })
      .then((d) => live && (setData(d), setError(null)))
      .catch((e: unknown) => live && setError(errorText(e, pick)));
    return () => {
      live = false;
    };
  }, [key, page, reloadKey]);
  return (
    <>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Table<EventItem>
        data-testid="events-table"
        rowKey="id"
        size="middle"
        loading={!data && !error}
        dataSource={data?.items ?? []}
        onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: 15, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          {
            title: t('ev.col.title'),
            render: (_, r) => (
              <Space direction="vertical" size={2}>
                <Typography.Link>{r.title}</Typography.Link>
                <Space size={4}>
                  <KindTag kind={r.kind} />
                  {r.programmeYear ? (
                    <Typography.Text type="secondary">{t('ev.edition', { year: r.programmeYear })}</Typography.Text>
                  ) : null}
                </Space>
              </Space>
            ),
          },
          { title: t('ev.col.time'), width: 200, render: (_, r) => timeRange(r) },
          { title: t('ev.col.place'), dataIndex: 'place', ellipsis: true },
          { title: t('ev.col.host'), dataIndex: 'hostName', ellipsis: true },
          {
            title: t('ev.col.seats'),
            width: 150,
            render: (_, r) => (
              <div>
                <Progress
                  percent={Math.round((r.confirmed / r.capacity) * 100)}
                  size="small"
                  showInfo={false}
                  status={r.seatsLeft === 0 ? 'exception' : 'normal'}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.confirmed}/{r.capacity}
                  {r.waitlisted ? ` · ${t('ev.waiting', { n: r.waitlisted })}` : ''}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t('ev.col.status'),
            width: 110,
            render: (_, r) => (
              <Space direction="vertical" size={2}>
                <StatusTag status={r.status} />
                {r.myEnrolment ? <EnrolmentTag status={r.myEnrolment.status} /> : null}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
