/** Scorecards (measures 七 and 八): the one mechanism, the district environment and the digital level. */
export * from './scorecard.ts';
export * from './district-environment.ts';
export * from './digital-level.ts';
