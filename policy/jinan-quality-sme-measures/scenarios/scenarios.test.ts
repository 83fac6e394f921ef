import { describe, expect, it } from 'vitest';
import { clause2Scenarios } from './clause-02.scenarios.ts';
import { clause4Scenarios } from './clause-04.scenarios.ts';
import { clause5Scenarios } from './clause-05.scenarios.ts';
import { runScenario, type Scenario } from './scenario.ts';

function check(s: Scenario): void {
  const full = runScenario(s, true);
  const bulk = runScenario(s, false);

  const got = full.entitlements
    .map((e) => ({
      item: e.item,
      to: e.beneficiary.id,
      amount: e.amount,
      trigger: e.trigger.kind === 'title' ? e.trigger.titleId : e.trigger.carrierId,
      version: e.policyVersion,
    }))
    .sort((a, b) => (a.item + a.to + a.trigger < b.item + b.to + b.trigger ? -1 : 1));
  const want = [...s.owed].sort((a, b) => (a.item + a.to + (a.trigger ?? '') < b.item + b.to + (b.trigger ?? '') ? -1 : 1));
  expect(got.map(({ item, to, amount }) => ({ item, to, amount }))).toEqual(
    want.map(({ item, to, amount }) => ({ item, to, amount })),
  );
  want.forEach((w, i) => {
    if (w.trigger !== undefined) expect(got[i]?.trigger).toBe(w.trigger);
    if (w.version !== undefined) expect(got[i]?.version).toBe(w.version);
  });

  for (const n of s.notOwed ?? []) {
    const match = full.notOwed.find(
      (x) => x.item === n.item && x.beneficiary.id === n.to && x.reasons.some((r) => r.code === n.reason),
    );
    expect(
      match,
      `not-owed ${n.item} → ${n.to} for ${n.reason}; got ${JSON.stringify(full.notOwed.map((x) => [x.item, x.beneficiary.id, x.reasons.map((r) => r.code)]))}`,
    ).toBeDefined();
  }

  // Every amount is an integer of yuan, and the keys the database makes unique are unique.
  for (const e of full.entitlements) expect(Number.isSafeInteger(e.amount)).toBe(true);
  const keys = [...full.entitlements, ...full.notOwed].map((x) => x.key);
  expect(new Set(keys).size).toBe(keys.length);

  // The trace explains the verdict: an entitlement's conditions all hold; a not-owed verdict has a failing one.
  for (const e of full.entitlements) {
    expect(e.trace).not.toBeNull();
    expect(e.trace?.conditions.filter((c) => !c.value).map((c) => c.name)).toEqual([]);
    expect(e.trace?.parameters.length).toBeGreaterThan(0);
  }
  for (const n of full.notOwed) {
    expect(n.reasons.length).toBeGreaterThan(0);
    expect(n.trace?.conditions.some((c) => !c.value)).toBe(true);
  }

  // Bulk mode (no traces) owes exactly the same.
  expect(bulk.entitlements.map((e) => [e.key, e.amount])).toEqual(full.entitlements.map((e) => [e.key, e.amount]));
  expect(bulk.entitlements.every((e) => e.trace === null)).toBe(true);
}

describe('clause 2 (ladder rewards) scenarios', () => {
  for (const s of clause2Scenarios) it(s.name, () => check(s));
});

describe('clause 4 (service parks) scenarios', () => {
  for (const s of clause4Scenarios) it(s.name, () => check(s));
});

describe('clause 5 (service carriers) scenarios', () => {
  for (const s of clause5Scenarios) it(s.name, () => check(s));
});
