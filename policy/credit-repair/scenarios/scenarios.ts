/**
 * Scenarios written as data: a decision, and what each rule set must make of it. Boundaries:
 * the first day of 58号令 (and the day before, which no rule set covers), the 2026-04-01 switch
 * (2026-03-31 vs 2026-04-01), month ends (29 February, 31 March), and the National Day holidays
 * for working-day limits.
 */
import type { PenaltyFacts, Severity } from '../types.ts';

export interface CreditScenario {
  name: string;
  facts: PenaltyFacts;
  /** Exactly these fields of the assessment (others are not checked); `error` when no rule set applies. */
  expect:
    | {
        ruleSet: 'ndrc-58-2023' | 'ndrc-36-2026';
        severity: Severity;
        published: boolean;
        noticeRequired: boolean;
        minimumEndsOn?: string | null;
        earliestRepairOn?: string | null;
        publicityEndsOn?: string | null;
        repairWorkingDays?: number;
        materials?: number;
        sector?: {
          published: boolean;
          publishBy?: string | null;
          publicityEndsOn?: string | null;
          earlyStopAllowed?: boolean;
        } | null;
      }
    | { error: 'no_rule_set' };
  /** A repair application received on this day must be decided by `dueOn`. */
  repair?: { receivedOn: string; dueOn: string };
}

const fine = (amountYuan: number) => ({ type: 'fine' as const, amountYuan });
const ordinary = (decisionDate: string, extra: Partial<PenaltyFacts> = {}): PenaltyFacts => ({
  decisionDate,
  procedure: 'ordinary',
  sector: 'ecology_environment',
  penalties: [fine(50_000)],
  ...extra,
});

export const CREDIT_SCENARIOS: CreditScenario[] = [
  // ---------- NDRC order No. 58 ----------
  {
    name: 'a fine under 58号令 is general: public at least 3 months and at most 3 years from the decision',
    facts: ordinary('2025-06-15'),
    expect: {
      ruleSet: 'ndrc-58-2023',
      severity: 'general',
      published: true,
      noticeRequired: true,
      minimumEndsOn: '2025-09-14',
      earliestRepairOn: '2025-09-15',
      publicityEndsOn: '2028-06-14',
      repairWorkingDays: 10,
      materials: 3,
      sector: null,
    },
    repair: { receivedOn: '2025-09-30', dueOn: '2025-10-21' },
  },
  {
    name: 'a work-safety fine under 58号令 needs one year, and from 29 February the year ends on 28 February',
    facts: ordinary('2024-02-29', { sector: 'work_safety' }),
    expect: {
      ruleSet: 'ndrc-58-2023',
      severity: 'general',
      published: true,
      noticeRequired: true,
      minimumEndsOn: '2025-02-27',
      earliestRepairOn: '2025-02-28',
      publicityEndsOn: '2027-02-27',
    },
  },
  {
    name: 'a fire-safety fine under 58号令 also needs one year',
    facts: ordinary('2025-01-10', { sector: 'fire_safety' }),
    expect: {
      ruleSet: 'ndrc-58-2023',
      severity: 'general',
      published: true,
      noticeRequired: true,
      earliestRepairOn: '2026-01-10',
    },
  },
  {
    name: 'a warning alone under 58号令 is minor and not published, so no notice is due',
    facts: ordinary('2025-01-10', { penalties: [{ type: 'warning' }] }),
    expect: {
      ruleSet: 'ndrc-58-2023',
      severity: 'minor',
      published: false,
      noticeRequired: false,
      earliestRepairOn: null,
      publicityEndsOn: null,
    },
  },
  {
    name: 'a fine under the simple procedure is outside 两书同达',
    facts: ordinary('2025-03-03', { procedure: 'simple', penalties: [fine(200)] }),
    expect: { ruleSet: 'ndrc-58-2023', severity: 'general', published: false, noticeRequired: false },
  },
  {
    name: 'an order to suspend production under 58号令 is serious but keeps the 3-month / 3-year periods',
    facts: ordinary('2025-08-01', { penalties: [fine(300_000), { type: 'production_suspension' }] }),
    expect: {
      ruleSet: 'ndrc-58-2023',
      severity: 'serious',
      published: true,
      noticeRequired: true,
      earliestRepairOn: '2025-11-01',
      publicityEndsOn: '2028-07-31',
    },
  },
  {
    name: 'the first day of 58号令 is governed by it',
    facts: ordinary('2023-05-01'),
    expect: {
      ruleSet: 'ndrc-58-2023',
      severity: 'general',
      published: true,
      noticeRequired: true,
      earliestRepairOn: '2023-08-01',
    },
  },
  {
    name: 'a decision before 58号令 took effect has no encoded rule set',
    facts: ordinary('2023-04-30'),
    expect: { error: 'no_rule_set' },
  },
  // ---------- the 2026-04-01 switch ----------
  {
    name: 'a fine decided on 31 March 2026 stays under 58号令: repair from 30 June, public until 30 March 2029',
    facts: ordinary('2026-03-31'),
    expect: {
      ruleSet: 'ndrc-58-2023',
      severity: 'general',
      published: true,
      noticeRequired: true,
      minimumEndsOn: '2026-06-29',
      earliestRepairOn: '2026-06-30',
      publicityEndsOn: '2029-03-30',
      materials: 3,
    },
  },
  {
    name: 'the same fine decided on 1 April 2026 falls under 36号令: repair from 1 July, public for one year only',
    facts: ordinary('2026-04-01'),
    expect: {
      ruleSet: 'ndrc-36-2026',
      severity: 'general',
      published: true,
      noticeRequired: true,
      minimumEndsOn: '2026-06-30',
      earliestRepairOn: '2026-07-01',
      publicityEndsOn: '2027-03-31',
      materials: 2,
    },
  },
  {
    name: 'a serious record decided on 31 March 2026 can be repaired after 3 months under 58号令',
    facts: ordinary('2026-03-31', { penalties: [{ type: 'licence_revocation' }] }),
    expect: {
      ruleSet: 'ndrc-58-2023',
      severity: 'serious',
      published: true,
      noticeRequired: true,
      earliestRepairOn: '2026-06-30',
      publicityEndsOn: '2029-03-30',
    },
  },
  {
    name: 'a serious record decided on 1 April 2026 waits one year under 36号令 and is public three years',
    facts: ordinary('2026-04-01', { penalties: [{ type: 'licence_revocation' }] }),
    expect: {
      ruleSet: 'ndrc-36-2026',
      severity: 'serious',
      published: true,
      noticeRequired: true,
      minimumEndsOn: '2027-03-31',
      earliestRepairOn: '2027-04-01',
      publicityEndsOn: '2029-03-31',
    },
  },
  {
    name: 'a warning on 1 April 2026 is minor and not published under 36号令',
    facts: ordinary('2026-04-01', { penalties: [{ type: 'warning' }] }),
    expect: { ruleSet: 'ndrc-36-2026', severity: 'minor', published: false, noticeRequired: false, earliestRepairOn: null },
  },
  // ---------- NDRC order No. 36 ----------
  {
    name: 'a minor record the sector publishes is public at most 3 months and repairable at once',
    facts: ordinary('2026-05-10', { penalties: [{ type: 'circulated_criticism' }], publishMinor: true }),
    expect: {
      ruleSet: 'ndrc-36-2026',
      severity: 'minor',
      published: true,
      noticeRequired: true,
      minimumEndsOn: null,
      earliestRepairOn: '2026-05-10',
      publicityEndsOn: '2026-08-09',
    },
  },
  {
    name: 'an agency classifying a fine serious under its sector standard makes it wait one year',
    facts: ordinary('2026-06-01', { agencySeverity: 'serious' }),
    expect: {
      ruleSet: 'ndrc-36-2026',
      severity: 'serious',
      published: true,
      noticeRequired: true,
      earliestRepairOn: '2027-06-01',
      publicityEndsOn: '2029-05-31',
    },
  },
  {
    name: 'a general record decided on 30 November is repairable on 28 February',
    facts: ordinary('2026-11-30'),
    expect: {
      ruleSet: 'ndrc-36-2026',
      severity: 'general',
      published: true,
      noticeRequired: true,
      minimumEndsOn: '2027-02-27',
      earliestRepairOn: '2027-02-28',
      publicityEndsOn: '2027-11-29',
    },
  },
  {
    name: 'a repair received before National Day 2026 is due ten working days later, the holidays not counted',
    facts: ordinary('2026-04-20'),
    expect: { ruleSet: 'ndrc-36-2026', severity: 'general', published: true, noticeRequired: true, repairWorkingDays: 10 },
    repair: { receivedOn: '2026-09-28', dueOn: '2026-10-16' },
  },
  // ---------- SAMR order No. 45 (market regulation) ----------
  {
    name: 'a market-regulation fine is published within 20 working days and stays 3 years; early stop is possible',
    facts: ordinary('2026-09-28', {
      sector: 'market_regulation',
      penalties: [fine(80_000), { type: 'confiscation', amountYuan: 12_000 }],
    }),
    expect: {
      ruleSet: 'ndrc-36-2026',
      severity: 'general',
      published: true,
      noticeRequired: true,
      earliestRepairOn: '2026-12-28',
      sector: { published: true, publishBy: '2026-10-30', publicityEndsOn: '2029-09-27', earlyStopAllowed: true },
    },
  },
  {
    name: 'a market-regulation fine the agency states is low under the provincial standard is published 3 months',
    facts: ordinary('2025-06-16', { sector: 'market_regulation', penalties: [fine(2_000)], lowAmountFine: true }),
    expect: {
      ruleSet: 'ndrc-58-2023',
      severity: 'general',
      published: true,
      noticeRequired: true,
      sector: { published: true, publishBy: '2025-07-14', publicityEndsOn: '2025-09-15', earlyStopAllowed: true },
    },
  },
  {
    name: 'a four-year business restriction is published for its real length and may not be stopped early',
    facts: ordinary('2026-05-06', { sector: 'market_regulation', penalties: [{ type: 'business_restriction', months: 48 }] }),
    expect: {
      ruleSet: 'ndrc-36-2026',
      severity: 'serious',
      published: true,
      noticeRequired: true,
      earliestRepairOn: '2027-05-06',
      sector: { published: true, publicityEndsOn: '2030-05-05', earlyStopAllowed: false },
    },
  },
  {
    name: 'a market-regulation warning is published by neither system',
    facts: ordinary('2026-05-06', { sector: 'market_regulation', penalties: [{ type: 'warning' }] }),
    expect: { ruleSet: 'ndrc-36-2026', severity: 'minor', published: false, noticeRequired: false, sector: { published: false } },
  },
  {
    name: 'market-regulation circulated criticism under 58号令 is not published by NDRC but is by SAMR for 3 months, so the notice is due',
    facts: ordinary('2025-04-07', { sector: 'market_regulation', penalties: [{ type: 'circulated_criticism' }] }),
    expect: {
      ruleSet: 'ndrc-58-2023',
      severity: 'minor',
      published: false,
      noticeRequired: true,
      sector: { published: true, publicityEndsOn: '2025-07-06' },
    },
  },
];
