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
    // expect.poll gives up after 1 s by default: too short for a page or a mailbox to catch up
    // on a busy 2-core machine. A wait still ends as soon as its condition holds.
    expect: { poll: { timeout: 15_000 } },
  },
});
