import { defineConfig } from 'vitest/config';

// The dashboard: its pure parts, and the whole of it in real Chromium against the real
// Worker (wrangler dev). Runs in Node.
export default defineConfig({
  test: {
    name: 'dashboard',
    include: ['test/e2e/**/*.test.ts', 'dashboard/src/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
