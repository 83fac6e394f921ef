/**
 * `/events` 活动: the one event list of the platform — talent-programme courses, visits and exchange
 * meetings, matchmaking events (供需对接活动, linked from the catalogues as `/events?kind=matchmaking`)
 * and the innovation exchange centre's events. Organisers create and run events and see statistics.
 */
import { Button, Input, Segmented, Select, Space, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useUser } from '../../auth/AuthContext.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useUrlQuery } from '../../util/useUrlQuery.ts';
import { EVENT_KINDS, fetchEditions, type EventItem, type EventKind } from './api.ts';
import { EventDrawer } from './EventDrawer.tsx';
import { EventForm } from './EventForm.tsx';
import { EventsTable } from './EventsTable.tsx';
import { StatsPanel } from './StatsPanel.tsx';

const KEYS = ['kind', 'year', 'status', 'q', 'open', 'tab'] as const;

export default function EventsPage() {
  const { t } = useI18n();
  const user = useUser();
  const [query, setQuery] = useUrlQuery(KEYS);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<EventItem | null>(null);
  const [edits, setEdits] = useState(0);
  const [reload, setReload] = useState(0);
  const [years, setYears] = useState<number[]>([]);
  useEffect(() => {
    void fetchEditions()
      .then((e) => setYears(e.map((x) => x.year)))
      .catch(() => setYears([]));
  }, []);
  const organiser = user.role === 'city_officer' || user.role === 'district_officer';
  const kind = EVENT_KINDS.find((k) => k === query.kind);
  const filters = { kind, year: query.year ? Number(query.year) : undefined, status: query.status, q: query.q };
  const list = (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented<string>
          value={kind ?? 'all'}
          onChange={(v) => setQuery({ kind: v === 'all' ? undefined : v })}
          options={[
            { value: 'all', label: t('ev.allKinds') },
            ...EVENT_KINDS.map((k) => ({ value: k, label: t(`ev.kind.${k}`) })),
          ]}
          data-testid="kind-filter"
        />
        <Select
          style={{ width: 110 }}
          allowClear
          placeholder={t('ev.year')}
          value={query.year}
          onChange={(v?: string) => setQuery({ year: v })}
          options={[2027, 2026, 2025].map((y) => ({ value: String(y), label: String(y) }))}
        />
        <Select
          style={{ width: 120 }}
          allowClear
          placeholder={t('ev.col.status')}
          value={query.status}
          onChange={(v?: string) => setQuery({ status: v })}
          options={(['draft', 'published', 'closed', 'cancelled'] as const)
            .filter((s) => organiser || s !== 'draft')
            .map((s) => ({ value: s, label: t(`ev.status.${s}`) }))}
        />
        <Input.Search
          allowClear
          placeholder={t('ev.search')}
          defaultValue={query.q}
          onSearch={(v) => setQuery({ q: v })}
          style={{ width: 240 }}
        />
      </Space>
      <EventsTable filters={filters} onOpen={(id) => setQuery({ open: String(id) }, { keepPage: true })} reloadKey={reload} />
    </Space>
  );
  return (
    <div data-testid="events-page">
      <div className="page-header" style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <div>
          <Typography.Title level={3} style={{ marginBottom: 0 }}>
            {kind === 'matchmaking' ? t('ev.matchmakingTitle') : t('ev.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('ev.intro')}</Typography.Text>
        </div>
        {organiser && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="new-event">
            {t('ev.new')}
          </Button>
        )}
      </div>
      {organiser || user.role === 'finance_officer' ? (
        <Tabs
          activeKey={query.tab ?? 'list'}
          onChange={(k) => setQuery({ tab: k === 'list' ? undefined : k }, { keepPage: true })}
          items={[
            { key: 'list', label: t('ev.tab.list'), children: list },
            { key: 'stats', label: t('ev.tab.stats'), children: <StatsPanel years={years} /> },
          ]}
        />
      ) : (
        list
      )}
      <EventForm
        open={creating || editing !== null}
        editing={editing}
        defaultKind={kind as EventKind | undefined}
        onClose={() => {
          setCreating(false);
          setEditing(null);
        }}
        onCreated={(e) => {
          if (editing) setEdits((n) => n + 1);
          setCreating(false);
          setEditing(null);
          setReload((n) => n + 1);
          setQuery({ open: String(e.id) }, { keepPage: true });
        }}
      />
      <EventDrawer
        id={query.open ? Number(query.open) : null}
        onClose={() => setQuery({ open: undefined }, { keepPage: true })}
        onChanged={() => setReload((n) => n + 1)}
        onEdit={setEditing}
        refresh={edits}
      />
    </div>
  );
}
