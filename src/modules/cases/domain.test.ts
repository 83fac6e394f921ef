import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '../access/principal.ts';
import {
  ACTIONS,
  CASE_STATES,
  SYSTEM,
  TRACKS,
  availableActions,
  checkInput,
  decide,
  itemNameZh,
  ruleOf,
  waitingStatesFor,
  yuanInCapitals,
  type Acting,
  type CaseFacts,
  type CaseState,
  type Track,
} from './domain.ts';

const user = (role: Role, extra: Partial<Principal> = {}): Principal => ({
  userId: 1,
  username: role,
  displayName: role,
  role,
  unitCode: null,
  enterpriseId: null,
  carrierId: null,
  organisation: null,
  ...extra,
});

/** Everyone who might try: the case's own parties and their look-alikes elsewhere. */
const ACTORS: Record<string, Acting> = {
  system: SYSTEM,
  city: user('city_officer'),
  finance: user('finance_officer'),
  district_own: user('district_officer', { unitCode: '370102' }),
  district_other: user('district_officer', { unitCode: '370103' }),
  district_none: user('district_officer'),
  enterprise_own: user('enterprise_user', { enterpriseId: 10 }),
  enterprise_other: user('enterprise_user', { enterpriseId: 11 }),
  carrier_own: user('carrier_operator', { carrierId: 20 }),
  carrier_other: user('carrier_operator', { carrierId: 21 }),
  bank: user('bank_officer'),
  admin: user('admin'),
  university: user('university'),
};

const OBJECTORS = [
  'city',
  'district_own',
  'district_other',
  'enterprise_own',
  'enterprise_other',
  'carrier_own',
  'carrier_other',
];
const UNPAID: CaseState[] = ['opened', 'district_review', 'city_review', 'in_notice', 'finance_review', 'in_batch', 'returned'];

/**
 * Every allowed transition, written out by hand: [action, from, to, actors, track or null for
 * both]; `beneficiary` is enterprise_own on an enterprise's case and carrier_own on a carrier's.
 * Anything not listed must be refused.
 */
const ALLOWED: [string, CaseState[], CaseState, string[], Track | null][] = [
  ['confirm_account', ['opened', 'returned'], 'district_review', ['beneficiary'], 'no_application'],
  ['submit_application', ['opened', 'returned'], 'district_review', ['beneficiary'], 'application'],
  ['district_approve', ['district_review'], 'city_review', ['district_own'], null],
  ['district_return', ['district_review'], 'returned', ['district_own'], null],
  ['district_reject', ['district_review'], 'rejected', ['district_own'], null],
  ['city_publish', ['city_review'], 'in_notice', ['city'], null],
  ['city_return', ['city_review'], 'returned', ['city'], null],
  ['city_reject', ['city_review'], 'rejected', ['city'], null],
  ['object', ['in_notice'], 'city_review', OBJECTORS, null],
  ['notice_pass', ['in_notice'], 'finance_review', ['system'], null],
  ['finance_return', ['finance_review'], 'returned', ['finance'], null],
  ['finance_reject', ['finance_review'], 'rejected', ['finance'], null],
  ['batch_add', ['finance_review'], 'in_batch', ['finance'], null],
  ['batch_remove', ['in_batch'], 'finance_review', ['finance'], null],
  ['pay', ['in_batch'], 'paid', ['finance'], null],
  ['archive', ['paid'], 'archived', ['city'], null],
  ['cancel', UNPAID, 'cancelled', ['system'], null],
];

const enterpriseCase = (state: CaseState, track: Track): CaseFacts => ({
  state,
  track,
  beneficiaryType: 'enterprise',
  enterpriseId: 10,
  carrierId: null,
  unitCode: '370102',
});
const carrierCase = (state: CaseState, track: Track): CaseFacts => ({
  state,
  track,
  beneficiaryType: 'carrier',
  enterpriseId: null,
  carrierId: 20,
  unitCode: '370102',
});

function expected(action: string, from: CaseState, actor: string, track: Track, beneficiary: string): CaseState | null {
  for (const [a, froms, to, who, t] of ALLOWED) {
    const actors = who.map((w) => (w === 'beneficiary' ? beneficiary : w));
    if (a === action && froms.includes(from) && actors.includes(actor) && (t === null || t === track)) return to;
  }
  return null;
}

// The full product: every action × every state × both tracks × every actor, for both kinds of beneficiary.
const cells: { kind: string; action: string; from: CaseState; track: Track; actor: string; to: CaseState | null }[] = [];
for (const kind of ['enterprise', 'carrier'])
  for (const action of ACTIONS)
    for (const from of CASE_STATES)
      for (const track of TRACKS)
        for (const actor of Object.keys(ACTORS))
          cells.push({
            kind,
            action,
            from,
            track,
            actor,
            to: expected(action, from, actor, track, kind === 'enterprise' ? 'enterprise_own' : 'carrier_own'),
          });

describe('the case state machine', () => {
  it('has exactly the actions listed in the expected table', () => {
    expect([...ACTIONS].sort()).toEqual(ALLOWED.map((a) => a[0]).sort());
  });

  const allowed = cells.filter((c) => c.to !== null);
  const refused = cells.filter((c) => c.to === null);

  it.each(allowed)(
    'lets $actor $action a $kind case from $from ($track) into $to',
    ({ kind, action, from, track, actor, to }) => {
      const c = kind === 'enterprise' ? enterpriseCase(from, track) : carrierCase(from, track);
      const v = decide(c, action, ACTORS[actor]!);
      expect(v.ok && v.to).toBe(to);
    },
  );

  it(`refuses the other ${refused.length} combinations of action, state, track and actor`, () => {
    const wronglyAllowed = refused.filter(({ kind, action, from, track, actor }) => {
      const c = kind === 'enterprise' ? enterpriseCase(from, track) : carrierCase(from, track);
      return decide(c, action, ACTORS[actor]!).ok;
    });
    expect(wronglyAllowed).toEqual([]);
    expect(refused.length).toBeGreaterThan(allowed.length * 10);
  });

  it.each([
    [
      'tells a stranger it is not theirs before telling the state',
      'district_approve',
      'opened',
      'enterprise_other',
      'not_permitted',
    ],
    ['tells the right officer the state is wrong', 'district_approve', 'city_review', 'district_own', 'wrong_state'],
    ['tells the beneficiary the track is wrong', 'submit_application', 'opened', 'enterprise_own', 'wrong_track'],
    ['does not know made-up actions', 'approve_everything', 'opened', 'city', 'unknown_action'],
  ] as const)('%s', (_name, action, from, actor, why) => {
    const v = decide(enterpriseCase(from, 'no_application'), action, ACTORS[actor]!);
    expect(v.ok ? 'ok' : v.why).toBe(why);
  });

  it('offers only direct actions as buttons: the district officer sees approve, return, reject', () => {
    const acts = availableActions(enterpriseCase('district_review', 'application'), ACTORS.district_own!).map((r) => r.action);
    expect(acts.sort()).toEqual(['district_approve', 'district_reject', 'district_return']);
    expect(availableActions(enterpriseCase('in_batch', 'application'), ACTORS.finance!)).toEqual([]);
  });

  it('lists the states each role has work in', () => {
    expect(waitingStatesFor('enterprise_user')).toEqual(['opened', 'returned']);
    expect(waitingStatesFor('district_officer')).toEqual(['district_review']);
    expect(waitingStatesFor('city_officer')).toEqual(['city_review', 'paid']);
    expect(waitingStatesFor('finance_officer')).toEqual(['finance_review', 'in_batch']);
    expect(waitingStatesFor('bank_officer')).toEqual([]);
  });
});

describe('what an action needs', () => {
  it('asks for a reason to return, reject or object', () => {
    for (const a of ['district_return', 'city_reject', 'finance_return', 'object', 'cancel']) {
      expect(checkInput(ruleOf(a)!, {}).map((p) => p.field)).toEqual(['reason']);
      expect(checkInput(ruleOf(a)!, { reason: '材料不全' })).toEqual([]);
    }
  });

  it('asks the beneficiary for a valid account, and for documents on the application track', () => {
    const account = { accountName: '济南某某有限公司', bankName: '齐鲁银行', accountNo: '6222 0212 3456 7890' };
    expect(checkInput(ruleOf('confirm_account')!, { account })).toEqual([]);
    expect(checkInput(ruleOf('confirm_account')!, { account: { ...account, accountNo: '12AB' } }).map((p) => p.field)).toEqual([
      'account.accountNo',
    ]);
    expect(checkInput(ruleOf('submit_application')!, { account }).map((p) => p.field)).toEqual(['application']);
    expect(
      checkInput(ruleOf('submit_application')!, { account, application: { statement: '申请园区扶持资金', documents: [] } }).map(
        (p) => p.field,
      ),
    ).toEqual(['application.documents']);
  });
});

describe('amounts in capitals (大写)', () => {
  it.each([
    [2_000_000, '贰佰万元整'],
    [300_000, '叁拾万元整'],
    [10_000_000, '壹仟万元整'],
    [100_000, '壹拾万元整'],
    [1_005, '壹仟零伍元整'],
    [100_010_000, '壹亿零壹万元整'],
    [120_050, '壹拾贰万零伍拾元整'],
    [0, '零元整'],
  ])('writes %i as %s', (n, s) => {
    expect(yuanInCapitals(n)).toBe(s);
  });
});

describe('item names for notices', () => {
  it('reads an item id as the public reads it', () => {
    expect(itemNameZh('2.little_giant.first')).toBe('专精特新“小巨人”企业（新认定）');
    expect(itemNameZh('4.service_park.year_2')).toBe('服务园区（第2年）');
    expect(itemNameZh('5.platform.national')).toBe('公共服务示范平台（国家级）');
    expect(itemNameZh('9.unknown')).toBe('9.unknown');
  });
});
