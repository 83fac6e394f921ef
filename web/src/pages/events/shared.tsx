/** Small pieces shared by the events and talent pages: labels, tags, times. */
import { Tag } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import type { EnrolmentStatus, EventItem, EventKind, EventStatus } from './api.ts';

export const KIND_COLOURS: Record<EventKind, string> = {
  course: 'blue',
  visit: 'purple',
  exchange_meeting: 'cyan',
  matchmaking: 'orange',
  exchange_centre: 'geekblue',
};
const STATUS_COLOURS: Record<EventStatus, string> = { draft: 'default', published: 'green', closed: 'default', cancelled: 'red' };
const ENROLMENT_COLOURS: Record<EnrolmentStatus, string> = { confirmed: 'green', waitlisted: 'gold', cancelled: 'default' };

export function KindTag({ kind }: { kind: EventKind }) {
  const { t } = useI18n();
  return <Tag color={KIND_COLOURS[kind]}>{t(`ev.kind.${kind}`)}</Tag>;
}

export function StatusTag({ status }: { status: EventStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOURS[status]}>{t(`ev.status.${status}`)}</Tag>;
}

export function EnrolmentTag({ status, position }: { status: EnrolmentStatus; position?: number | null }) {
  const { t } = useI18n();
  return (
    <Tag color={ENROLMENT_COLOURS[status]} data-testid="enrolment-status">
      {t(`ev.enrolment.${status}`)}
      {status === 'waitlisted' && position ? ` · ${t('ev.position', { n: position })}` : ''}
    </Tag>
  );
}

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
/** Day and time in Jinan (Asia/Shanghai), whatever the browser's zone: ["2025-05-20", "09:00"]. */
export function shanghai(iso: string): [string, string] {
  const p = Object.fromEntries(parts.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return [`${p.year}-${p.month}-${p.day}`, `${p.hour}:${p.minute}`];
}

/** 2025-05-20 09:00–17:00, or across days 2025-05-20 09:00 – 05-21 17:00, in Jinan time. */
export function timeRange(e: Pick<EventItem, 'startsAt' | 'endsAt'>): string {
  const [sd, st] = shanghai(e.startsAt);
  const [ed, et] = shanghai(e.endsAt);
  return sd === ed ? `${sd} ${st}–${et}` : `${sd} ${st} – ${ed.slice(5)} ${et}`;
}
