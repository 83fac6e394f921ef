import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'policy/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Browser tests poll the page for a state the server has just changed; vitest's default of 1 s
    // is too short on a loaded two-core CI machine (a credit-repair status missed it once).
    expect: { poll: { timeout: 15_000 } },
    // Two cores: database-heavy files run two at a time.
    maxWorkers: 2,
    reporters: ['default', './test/summary-reporter.ts'],
    globalSetup: ['./test/global-setup.ts'],
  },
});
