import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Keychain tests share one Secret Service and some stop it on purpose: run files one by one.
    fileParallelism: false,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
