import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'extension',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    // Each e2e file builds with wxt (one shared .wxt/ folder) and runs its own wrangler dev and
    // Chromium: one file at a time on a 2-core machine.
    fileParallelism: false,
    // expect.poll gives up after 1 s by default: too short for a page or a mailbox to catch up
    // on a busy 2-core machine. A wait still ends as soon as its condition holds.
    expect: { poll: { timeout: 15_000 } },
  },
});
