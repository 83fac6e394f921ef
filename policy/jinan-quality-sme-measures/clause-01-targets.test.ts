import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLAUSE_1_TEXT, targetGap } from './clause-01-targets.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('clause 1 targets', () => {
  it('quotes the draft verbatim', () => {
    const source = fs.readFileSync(path.join(here, 'source-draft.zh.txt'), 'utf8');
    expect(source).toContain(CLAUSE_1_TEXT.textZh);
  });

  it('prices the gap to each target with the clause 2 first-recognition reward', () => {
    const lines = targetGap({ specialized_sme: 2500, little_giant: 150, gazelle: 2100, unicorn: 6, innovative_sme: 1000 }, '2025-06-30');
    const by = Object.fromEntries(lines.map((l) => [l.kind, l]));
    expect(by.specialized_sme).toMatchObject({ target: 2800, gap: 300, rewardEach: 300_000, cost: 90_000_000 });
    expect(by.little_giant).toMatchObject({ target: 200, gap: 50, rewardEach: 2_000_000, cost: 100_000_000 });
    expect(by.gazelle).toMatchObject({ gap: 0, cost: 0 });
    expect(by.unicorn).toMatchObject({ target: 10, gap: 4, cost: 12_000_000 });
    expect(by.innovative_sme).toMatchObject({ gap: 2000, rewardEach: null, cost: 0 });
  });

  it('has no targets before the draft applies', () => {
    expect(targetGap({}, '2022-12-31').every((l) => l.target === 0)).toBe(true);
  });
});
