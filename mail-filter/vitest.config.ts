import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'mail-filter',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One Worker for the project (started in global setup); the fault tests stop and
    // restart it, so integration files run one after another.
    globalSetup: ['./test/global-setup.ts'],
    fileParallelism: false,
  },
});
