/**
 * `/talent` 人才培训: the management talent programme (Measure 十一, 企业经营管理人才素质提升工程) by
 * edition — its figures for officers (programmeTotals, the same numbers the progress report uses),
 * the enterprise's own enrolments and certificates, and the edition's courses, visits and meetings.
 */
import { Button, Card, Col, Empty, List, Row, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useUser } from '../../auth/AuthContext.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../util/errors.ts';
import { useUrlQuery } from '../../util/useUrlQuery.ts';
import {
  certificateUrl,
  fetchEditions,
  fetchMyEnrolments,
  fetchProgrammeTotals,
  PROGRAMME_KINDS,
  type Enrolment,
  type EventItem,
  type ProgrammeTotals,
} from '../events/api.ts';
import { EventDrawer } from '../events/EventDrawer.tsx';
import { EventsTable } from '../events/EventsTable.tsx';
import { EnrolmentTag, KindTag, timeRange } from '../events/shared.tsx';

export default function TalentPage() {
  const { t, pick } = useI18n();
  const user = useUser();
  const [query, setQuery] = useUrlQuery(['year', 'open', 'kind'] as const);
  const [editions, setEditions] = useState<{ year: number; title: string; theme: string }[]>([]);
  const [totals, setTotals] = useState<ProgrammeTotals | null>(null);
  const [mine, setMine] = useState<(Enrolment & { event: EventItem })[]>([]);
  const [reload, setReload] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const officer = user.role === 'city_officer' || user.role === 'district_officer';
  useEffect(() => {
    void fetchEditions()
      .then(setEditions)
      .catch((e: unknown) => setError(errorText(e, pick)));
  }, []);
  const year = query.year ? Number(query.year) : editions[0]?.year;
  const edition = editions.find((e) => e.year === year);
  useEffect(() => {
    if (officer && year)
      void fetchProgrammeTotals(year)
        .then(setTotals)
        .catch((e: unknown) => setError(errorText(e, pick)));
    if (user.role === 'enterprise_user')
      void fetchMyEnrolments()
        .then(setMine)
        .catch((e: unknown) => setError(errorText(e, pick)));
  }, [year, reload]);
  const myInEdition = mine.filter((m) => m.event.programmeYear === year && m.status !== 'cancelled');
  const kind = PROGRAMME_KINDS.find((k) => k === query.kind);

  return (
    <div data-testid="talent-page">
      <div className="page-header" style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <div>
          <Typography.Title level={3} style={{ marginBottom: 0 }}>
            {t('talent.title')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {edition ? `${edition.title} · ${t('talent.theme')}：${edition.theme}` : t('talent.intro')}
          </Typography.Text>
        </div>
        <Select
          style={{ width: 140 }}
          value={year}
          onChange={(v: number) => setQuery({ year: String(v) })}
          options={editions.map((e) => ({ value: e.year, label: t('ev.edition', { year: e.year }) }))}
          data-testid="edition"
        />
      </div>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {officer && totals && (
        <Row gutter={12} style={{ marginBottom: 16 }} data-testid="programme-totals">
          {PROGRAMME_KINDS.map((k) => (
            <Col span={4} key={k}>
              <Card size="small">
                <Statistic
                  title={t(`ev.kind.${k}`)}
                  value={totals.sessions[k as 'course'].held}
                  suffix={`/ ${totals.sessions[k as 'course'].planned} ${t('talent.sessions')}`}
                />
              </Card>
            </Col>
          ))}
          <Col span={3}>
            <Card size="small">
              <Statistic title={t('ev.attendedN')} value={totals.attended} />
            </Card>
          </Col>
          <Col span={3}>
            <Card size="small">
              <Statistic
                title={t('talent.enterprises')}
                value={totals.enterprisesAttended}
                suffix={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('talent.specialised', { n: totals.specialisedEnterprisesAttended })}
                  </Typography.Text>
                }
              />
            </Card>
          </Col>
          <Col span={3}>
            <Card size="small">
              <Statistic title={t('talent.certificates')} value={totals.certificates} />
            </Card>
          </Col>
          <Col span={3}>
            <Card size="small">
              <Statistic title={t('ev.avgRating')} value={totals.averageRating ?? '—'} suffix={`(${totals.feedbackCount})`} />
            </Card>
          </Col>
        </Row>
      )}
      {user.role === 'enterprise_user' && (
        <Card size="small" title={t('talent.mine')} style={{ marginBottom: 16 }} data-testid="my-programme">
          {myInEdition.length === 0 ? (
            <Empty description={t('talent.noneYet')} />
          ) : (
            <List
              dataSource={myInEdition}
              renderItem={(m) => (
                <List.Item
                  actions={[
                    m.checkedInAt ? (
                      <Button key="c" size="small" href={certificateUrl(m.id)}>
                        {t('ev.certificate')}
                      </Button>
                    ) : null,
                    <Button key="o" size="small" type="link" onClick={() => setQuery({ open: String(m.eventId) })}>
                      {t('talent.open')}
                    </Button>,
                  ].filter(Boolean)}
                >
                  <Space wrap>
                    <KindTag kind={m.event.kind} />
                    <span>{m.event.title}</span>
                    <Typography.Text type="secondary">{timeRange(m.event)}</Typography.Text>
                    {m.checkedInAt ? (
                      <Tag color="green">{t('ev.attended')}</Tag>
                    ) : (
                      <EnrolmentTag status={m.status} position={m.waitingPosition} />
                    )}
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
      <Space style={{ marginBottom: 12 }}>
        {[undefined, ...PROGRAMME_KINDS].map((k) => (
          <Button key={k ?? 'all'} type={kind === k ? 'primary' : 'default'} size="small" onClick={() => setQuery({ kind: k })}>
            {k ? t(`ev.kind.${k}`) : t('ev.allKinds')}
          </Button>
        ))}
        <Button type="link" href="/events">
          {t('talent.allEvents')}
        </Button>
      </Space>
      {year && (
        <EventsTable
          filters={{ programme: true, year, kind }}
          onOpen={(id) => setQuery({ open: String(id) })}
          reloadKey={reload}
        />
      )}
      <EventDrawer
        id={query.open ? Number(query.open) : null}
        onClose={() => setQuery({ open: undefined })}
        onChanged={() => setReload((n) => n + 1)}
      />
    </div>
  );
}
