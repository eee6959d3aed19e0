import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Integration suites start real brokers and browsers: keep files in separate forks but bound parallelism
    // to the machine's two cores.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    // The JSON report lets .ci/run print its one-line summary without parsing vitest's console output.
    reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]],
  },
});
