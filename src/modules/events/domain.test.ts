import { describe, expect, it } from 'vitest';
import {
  canMove,
  certificateNumber,
  checkEvent,
  checkFeedback,
  checkParticipant,
  checkTargetRules,
  enrolmentClosedReason,
  evaluateTargets,
  manualCheckinOpen,
  qrCheckinOpen,
  seatFor,
  toPromote,
  waitingOrder,
  type TargetRule,
} from './domain.ts';
import { checkinKey, readCheckinToken, signCheckinToken } from './checkin.ts';

const SPEC: TargetRule = { kind: 'title', titles: ['specialized_sme', 'little_giant'], effect: 'priority', weight: 20 };
const at = (s: string) => new Date(s);

describe('seats and the waiting list', () => {
  it('gives a seat while one is free and puts the next enrolment on the waiting list', () => {
    expect(seatFor(0, 1)).toBe('confirmed');
    expect(seatFor(29, 30)).toBe('confirmed');
    expect(seatFor(30, 30)).toBe('waitlisted');
    expect(seatFor(31, 30)).toBe('waitlisted');
  });

  it('offers freed seats to higher priority first, then to whoever enrolled first', () => {
    const list = [
      { id: 1, priority: 0, enrolledAt: at('2025-05-01T08:00:00Z') },
      { id: 2, priority: 20, enrolledAt: at('2025-05-02T08:00:00Z') },
      { id: 3, priority: 0, enrolledAt: at('2025-04-30T08:00:00Z') },
      { id: 4, priority: 20, enrolledAt: at('2025-05-01T09:00:00Z') },
    ];
    expect(waitingOrder(list).map((e) => e.id)).toEqual([4, 2, 3, 1]);
    expect(toPromote(list, 1).map((e) => e.id)).toEqual([4]);
    expect(toPromote(list, 3).map((e) => e.id)).toEqual([4, 2, 3]);
    expect(toPromote(list, 0)).toEqual([]);
    expect(toPromote(list, -2)).toEqual([]);
    expect(toPromote(list, 10)).toHaveLength(4);
  });

  it('breaks a tie of priority and time by the enrolment number, so the order is total', () => {
    const t = at('2025-05-01T08:00:00Z');
    expect(
      waitingOrder([
        { id: 9, priority: 0, enrolledAt: t },
        { id: 7, priority: 0, enrolledAt: t },
      ]).map((e) => e.id),
    ).toEqual([7, 9]);
  });
});

describe('target groups', () => {
  const facts = { titles: ['specialized_sme'], unitCode: '370102', sizeClass: 'small' };

  it('puts 专精特新 managers first by the rule weight and says why', () => {
    const v = evaluateTargets([SPEC], facts);
    expect(v).toMatchObject({ eligible: true, priority: 20 });
    expect(v.met[0]!.zh).toContain('specialized_sme');
    expect(evaluateTargets([SPEC], { ...facts, titles: [] })).toMatchObject({ eligible: true, priority: 0, met: [] });
  });

  it('adds up priority rules and refuses an enterprise that misses a required rule', () => {
    const rules: TargetRule[] = [
      SPEC,
      { kind: 'unit', unitCodes: ['370102'], effect: 'priority' },
      { kind: 'size', sizeClasses: ['micro'], effect: 'required' },
    ];
    const v = evaluateTargets(rules, facts);
    expect(v.priority).toBe(30);
    expect(v.eligible).toBe(false);
    expect(v.unmet).toHaveLength(1);
    expect(evaluateTargets(rules, { ...facts, sizeClass: 'micro' }).eligible).toBe(true);
  });

  it('names each bad rule field', () => {
    const known = { titles: ['specialized_sme'], units: ['370102'], sizes: ['small'] };
    expect(checkTargetRules([SPEC], known).map((p) => p.field)).toEqual(['targetRules[0]']);
    expect(checkTargetRules([{ kind: 'unit', unitCodes: [], effect: 'maybe' }], known).map((p) => p.field)).toEqual([
      'targetRules[0].effect',
      'targetRules[0]',
    ]);
    expect(
      checkTargetRules([{ kind: 'size', sizeClasses: ['small'], effect: 'priority', weight: 0 }], known).map((p) => p.field),
    ).toEqual(['targetRules[0].weight']);
    expect(checkTargetRules('x', known)).toHaveLength(1);
  });
});

describe('events, enrolment and attendance', () => {
  const ok = {
    kind: 'course' as const,
    title: '研修班',
    startsAt: '2025-05-20T09:00:00+08:00',
    endsAt: '2025-05-20T17:00:00+08:00',
    place: '济南',
    capacity: 30,
    hostName: '山东大学',
  };

  it('checks an event field by field', () => {
    expect(checkEvent(ok)).toEqual([]);
    const bad = checkEvent({
      ...ok,
      title: ' ',
      capacity: 0,
      endsAt: '2025-05-20T08:00:00+08:00',
      enrolmentClosesAt: '2025-05-21T00:00:00+08:00',
    });
    expect(bad.map((p) => p.field)).toEqual(['title', 'capacity', 'endsAt', 'enrolmentClosesAt']);
    expect(checkEvent({ ...ok, kind: 'exchange_centre', programmeYear: 2025 }).map((p) => p.field)).toEqual(['programmeYear']);
  });

  it('moves draft → published → closed, and never back', () => {
    expect(canMove('draft', 'published')).toBe(true);
    expect(canMove('published', 'closed')).toBe(true);
    expect(canMove('published', 'cancelled')).toBe(true);
    expect(canMove('closed', 'published')).toBe(false);
    expect(canMove('cancelled', 'published')).toBe(false);
    expect(canMove('draft', 'closed')).toBe(false);
  });

  it('takes enrolments only while published and before the deadline', () => {
    const closes = at('2025-05-20T01:00:00Z');
    expect(enrolmentClosedReason({ status: 'published', enrolmentClosesAt: closes }, at('2025-05-20T00:59:59Z'))).toBeNull();
    expect(enrolmentClosedReason({ status: 'published', enrolmentClosesAt: closes }, at('2025-05-20T01:00:01Z'))?.en).toMatch(
      /closed/,
    );
    expect(enrolmentClosedReason({ status: 'draft', enrolmentClosesAt: closes }, at('2025-05-01T00:00:00Z'))).not.toBeNull();
  });

  it('opens QR check-in on the event days in Shanghai time only; manual check-in from the first day on', () => {
    const e = { startsAt: at('2025-05-20T01:00:00Z'), endsAt: at('2025-05-21T09:00:00Z') };
    expect(qrCheckinOpen(e, at('2025-05-19T15:59:00Z'))).toBe(false); // 23:59 on the 19th in Jinan
    expect(qrCheckinOpen(e, at('2025-05-19T16:01:00Z'))).toBe(true); // 00:01 on the 20th
    expect(qrCheckinOpen(e, at('2025-05-21T15:59:00Z'))).toBe(true);
    expect(qrCheckinOpen(e, at('2025-05-21T16:01:00Z'))).toBe(false);
    expect(manualCheckinOpen(e, at('2025-06-30T00:00:00Z'))).toBe(true);
    expect(manualCheckinOpen(e, at('2025-05-19T00:00:00Z'))).toBe(false);
  });

  it('checks the participant: name, a mobile or landline, a position', () => {
    expect(checkParticipant({ name: '张晓明', phone: '13805310000', position: '总经理' })).toEqual([]);
    expect(checkParticipant({ name: '李华', phone: '0531-88886666', position: '董事长' })).toEqual([]);
    expect(checkParticipant({ name: '', phone: '1380531', position: ' ' }).map((p) => p.field)).toEqual([
      'participant.name',
      'participant.phone',
      'participant.position',
    ]);
  });

  it('numbers certificates by year, kind and enrolment', () => {
    expect(certificateNumber(2025, 'course', 123)).toBe('JNZX-2025-PX-000123');
    expect(certificateNumber(2026, 'matchmaking', 7)).toBe('JNZX-2026-DJ-000007');
  });

  it('records deals only for matchmaking events and rates 1 to 5', () => {
    expect(checkFeedback({ rating: 5 }, 'course')).toEqual([]);
    expect(checkFeedback({ rating: 0 }, 'course').map((p) => p.field)).toEqual(['rating']);
    expect(checkFeedback({ rating: 4, intentions: 2 }, 'course').map((p) => p.field)).toEqual(['intentions']);
    expect(checkFeedback({ rating: 4, intentions: 2, contracts: 1, contractAmount: 500000 }, 'matchmaking')).toEqual([]);
    expect(checkFeedback({ rating: 4, contracts: 0, contractAmount: 1 }, 'matchmaking').map((p) => p.field)).toEqual([
      'contractAmount',
    ]);
    expect(checkFeedback({ rating: 4, contracts: -1 }, 'matchmaking').map((p) => p.field)).toContain('contracts');
  });
});

describe('the check-in token', () => {
  const key = checkinKey('0123456789abcdef0123456789abcdef');

  it('reads back what it signed and refuses a changed id, nonce or signature, or another key', () => {
    const t = signCheckinToken(key, 42, 'abcdefghijkl');
    expect(readCheckinToken(key, t)).toEqual({ enrolmentId: 42, nonce: 'abcdefghijkl' });
    expect(readCheckinToken(key, t.replace(/^42\./, '43.'))).toBeNull();
    expect(readCheckinToken(key, t.replace('abcdefghijkl', 'abcdefghijkm'))).toBeNull();
    expect(readCheckinToken(key, t.slice(0, -1) + (t.endsWith('A') ? 'B' : 'A'))).toBeNull();
    expect(readCheckinToken(checkinKey('ffffffffffffffffffffffffffffffff'), t)).toBeNull();
    expect(readCheckinToken(key, 'garbage')).toBeNull();
  });
});
