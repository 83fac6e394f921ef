/**
 * A title's life as dated events for the timeline: recognition (first or renewal), then either
 * revocation or expiry. Pure, so the ordering rules are easy to test.
 */
import type { Title, TitleKind, TitleLevel } from '../../api/types.ts';

export type TitleEventKind = 'first' | 'renewal' | 'expired' | 'revoked';

export interface TitleEvent {
  key: string;
  date: string;
  kind: TitleEventKind;
  titleKind: TitleKind;
  level: TitleLevel;
  batch: string;
  validUntil: string | null;
  reason: string | null;
}

export function titleEvents(titles: readonly Title[], today: string): TitleEvent[] {
  const events: TitleEvent[] = [];
  for (const title of titles) {
    const base = { titleKind: title.kind, level: title.level, batch: title.batch, validUntil: title.validUntil };
    events.push({ ...base, key: `${title.id}-rec`, date: title.recognisedOn, kind: title.recognition, reason: null });
    if (title.revokedOn) {
      events.push({ ...base, key: `${title.id}-rev`, date: title.revokedOn, kind: 'revoked', reason: title.revokeReason });
    } else if (title.validUntil && title.validUntil < today) {
      events.push({ ...base, key: `${title.id}-exp`, date: title.validUntil, kind: 'expired', reason: null });
    }
  }
  // Newest first: officers read the current state at the top.
  return events.sort((a, b) => (a.date === b.date ? a.key.localeCompare(b.key) : b.date.localeCompare(a.date)));
}
