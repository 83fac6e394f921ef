/** The title history of one enterprise as an antd Timeline, newest event first. */
import { Empty, Space, Tag, Timeline, Typography } from 'antd';
import type { Title } from '../../api/types.ts';
import { useReferenceData } from '../../auth/ReferenceData.tsx';
import { TitleTag } from '../../components/TitleTags.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { todayIso } from '../../util/format.ts';
import { titleEvents, type TitleEventKind } from './titleEvents.ts';

const EVENT_COLOURS: Record<TitleEventKind, string> = {
  first: 'green',
  renewal: 'blue',
  expired: 'gray',
  revoked: 'red',
};

export function TitleTimeline({ titles }: { titles: readonly Title[] }) {
  const { t } = useI18n();
  const ref = useReferenceData();
  const events = titleEvents(titles, todayIso());
  if (!events.length) return <Empty description={t('ent.titleHistoryEmpty')} data-testid="title-timeline-empty" />;
  return (
    <Timeline
      data-testid="title-timeline"
      // Dates are fixed-width; the default half-and-half split squeezes the event text.
      titleSpan="96px"
      items={events.map((event) => ({
        key: event.key,
        color: EVENT_COLOURS[event.kind],
        title: <span className="num">{event.date}</span>,
        content: (
          <div data-testid="title-event">
            <Space size={4} wrap>
              <Typography.Text strong>{t(`ent.event.${event.kind}`)}</Typography.Text>
              <TitleTag kind={event.titleKind} />
              <Tag>{ref.level(event.level)}</Tag>
            </Space>
            <div>
              <Typography.Text type="secondary">
                {[
                  event.batch ? t('ent.event.batch', { batch: event.batch }) : null,
                  (event.kind === 'first' || event.kind === 'renewal') && event.validUntil
                    ? t('ent.event.validUntil', { date: event.validUntil })
                    : null,
                  event.reason ? t('ent.event.reason', { reason: event.reason }) : null,
                ]
                  .filter(Boolean)
                  .join('；')}
              </Typography.Text>
            </div>
          </div>
        ),
      }))}
    />
  );
}
