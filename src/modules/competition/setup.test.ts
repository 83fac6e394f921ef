import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RUBRIC,
  changeClearsRanking,
  checkNewStage,
  checkStageDates,
  investmentMoveRefusal,
  nextConfiguredStage,
  removalRefusal,
  stageChangeRefusal,
  stageLock,
  type StageProgress,
  type StageSettings,
} from './domain.ts';

const settings: StageSettings = {
  opensOn: '2026-05-01',
  closesOn: '2026-05-20',
  rubric: [...DEFAULT_RUBRIC],
  judgesPerEntry: 5,
  minJudges: 3,
  trimAtLeast: 5,
  advanceCount: 10,
  advanceSharePercent: null,
};

describe('stage dates', () => {
  it('accept stages that follow one another, a stage opening the day the previous closes included', () => {
    expect(
      checkStageDates([
        { kind: 'preliminary', opensOn: '2026-04-01', closesOn: '2026-04-20' },
        { kind: 'registration', opensOn: '2026-03-01', closesOn: '2026-04-01' },
        { kind: 'final', opensOn: '2026-05-01', closesOn: '2026-05-01' },
      ]),
    ).toEqual([]);
  });
  it('name a stage closing before it opens, and one opening before the previous closes', () => {
    const p = checkStageDates([
      { kind: 'registration', opensOn: '2026-03-01', closesOn: '2026-04-10' },
      { kind: 'semi_final', opensOn: '2026-04-09', closesOn: '2026-04-08' },
    ]);
    expect(p.map((x) => x.field)).toEqual(['stages.semi_final.closesOn', 'stages.semi_final.opensOn']);
  });
});

describe('a new stage', () => {
  const existing = [
    { kind: 'registration' as const, rankedAt: null },
    { kind: 'final' as const, rankedAt: '2026-06-01T00:00:00.000Z' },
  ];
  it('must be a kind the edition lacks', () => {
    expect(checkNewStage('registration', existing)[0]!.reason.en).toBe('this edition has this stage already');
  });
  it('may not come before a ranked stage, but may come after it', () => {
    expect(checkNewStage('semi_final', existing)[0]!.field).toBe('kind');
    expect(checkNewStage('roadshow', existing)).toEqual([]);
    expect(checkNewStage('semi_final', [{ kind: 'final', rankedAt: null }])).toEqual([]);
  });
});

describe('stage changes', () => {
  it('are refused once the stage is published', () => {
    expect(
      stageChangeRefusal(
        { ...settings, kind: 'preliminary', rankedAt: null, publishedAt: '2026-05-21T00:00:00Z' },
        settings,
        false,
      )?.en,
    ).toMatch(/locked/);
  });
  it('freeze the rubric once scoring started, yet still allow other settings', () => {
    const rubric = [
      { key: 'innovation', zh: '创新', en: 'Innovation', weight: 60 },
      { key: 'market', zh: '市场', en: 'Market', weight: 40 },
    ];
    expect(
      stageChangeRefusal({ ...settings, kind: 'preliminary', rankedAt: null, publishedAt: null }, { ...settings, rubric }, true)
        ?.en,
    ).toMatch(/frozen/);
    expect(
      stageChangeRefusal({ ...settings, kind: 'preliminary', rankedAt: null, publishedAt: null }, { ...settings, rubric }, false),
    ).toBeNull();
    expect(
      stageChangeRefusal(
        { ...settings, kind: 'preliminary', rankedAt: null, publishedAt: null },
        { ...settings, advanceCount: 8 },
        true,
      ),
    ).toBeNull();
  });
  it('are refused once the season has moved past the stage, with the stage it moved to', () => {
    const registration: StageProgress = { kind: 'registration', rankedAt: null, publishedAt: null };
    const season = (p: Partial<StageProgress>): StageProgress[] => [
      registration,
      { kind: 'preliminary', rankedAt: null, publishedAt: null, ...p },
      { kind: 'final', rankedAt: null, publishedAt: null },
      { kind: 'roadshow', rankedAt: null, publishedAt: null },
    ];
    // Scoring under way in the preliminary: registration is still open to correction.
    expect(stageLock(registration, season({}))).toBeNull();
    const ranked = stageLock(registration, season({ rankedAt: '2026-05-22T02:00:00Z' }));
    expect(ranked).toEqual({
      zh: '赛程已进入初赛（已排名），该阶段设置已锁定',
      en: 'the season has moved past this stage (the preliminary is ranked); its settings are locked',
    });
    // The furthest stage is named; published wins over ranked in the wording.
    const published = season({ rankedAt: '2026-05-22T02:00:00Z', publishedAt: '2026-05-23T02:00:00Z' });
    published[2] = { kind: 'final', rankedAt: '2026-07-21T02:00:00Z', publishedAt: null };
    expect(stageLock(registration, published)?.zh).toBe('赛程已进入决赛（已排名），该阶段设置已锁定');
    expect(stageLock(published[1]!, published)?.en).toMatch(/published/);
    // A ranked earlier stage does not lock a later one, and the roadshow is never passed.
    expect(stageLock(published[2]!, published)).toBeNull();
    expect(stageLock(published[3]!, published)).toBeNull();
    expect(
      stageChangeRefusal(
        { ...settings, ...registration },
        { ...settings, closesOn: '2026-05-02' },
        false,
        season({ rankedAt: '2026-05-22T02:00:00Z' }),
      )?.en,
    ).toMatch(/moved past/);
  });
  it('clear a ranking when a scoring or advancement setting changes, not when only the dates move', () => {
    expect(changeClearsRanking(settings, { ...settings, closesOn: '2026-05-25' })).toBe(false);
    expect(changeClearsRanking(settings, { ...settings, advanceCount: 8 })).toBe(true);
    expect(changeClearsRanking(settings, { ...settings, advanceCount: null, advanceSharePercent: 30 })).toBe(true);
    expect(changeClearsRanking(settings, { ...settings, minJudges: 4 })).toBe(true);
  });
});

describe('removals', () => {
  it('allow an empty group or track and refuse one with entries, saying how many', () => {
    expect(removalRefusal('track', '智能制造', 0)).toBeNull();
    expect(removalRefusal('track', '智能制造', 3)!.zh).toBe('赛道“智能制造”已有3个报名项目，不能删除');
    expect(removalRefusal('group', '创客组', 1)!.en).toBe("'创客组' has 1 entries; it cannot be removed");
  });
});

describe('advancement past skipped stages', () => {
  it('goes to the next stage the edition has', () => {
    expect(nextConfiguredStage('preliminary', ['registration', 'preliminary', 'final', 'roadshow'])).toBe('final');
    expect(nextConfiguredStage('final', ['registration', 'preliminary', 'final'])).toBeNull();
    expect(nextConfiguredStage('preliminary', ['roadshow', 'semi_final', 'preliminary'])).toBe('semi_final');
  });
});

describe('investment status', () => {
  it('moves forward, skipping steps if need be, or is withdrawn', () => {
    expect(investmentMoveRefusal('intent', 'due_diligence')).toBeNull();
    expect(investmentMoveRefusal('intent', 'signed')).toBeNull();
    expect(investmentMoveRefusal('signed', 'disbursed')).toBeNull();
    expect(investmentMoveRefusal('due_diligence', 'withdrawn')).toBeNull();
    expect(investmentMoveRefusal('signed', 'signed')).toBeNull();
  });
  it('never moves back, and a funded or withdrawn investment is final', () => {
    expect(investmentMoveRefusal('signed', 'intent')!.en).toMatch(/only moves forward/);
    expect(investmentMoveRefusal('disbursed', 'withdrawn')!.en).toMatch(/funded/);
    expect(investmentMoveRefusal('withdrawn', 'intent')!.en).toMatch(/withdrawn/);
  });
});
