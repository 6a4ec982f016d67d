import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'extension',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    // Each e2e file builds with wxt (one shared .wxt/ folder) and runs its own wrangler dev and
    // Chromium: one file at a time on a 2-core machine.
    fileParallelism: false,
  },
});
