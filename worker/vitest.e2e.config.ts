import { defineConfig } from 'vitest/config';

// The dashboard: its pure parts, and the whole of it in real Chromium against the real
// Worker (wrangler dev). Runs in Node.
export default defineConfig({
  test: {
    name: 'dashboard',
    include: ['test/e2e/**/*.test.ts', 'dashboard/src/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    // Each e2e file runs its own wrangler dev and Chromium; on a 2-core CI machine running
    // them side by side (next to the other projects) starved page loads past their timeouts.
    fileParallelism: false,
    // expect.poll gives up after 1 s by default: too short for a page or a mailbox to catch up
    // on a busy 2-core machine. A wait still ends as soon as its condition holds.
    expect: { poll: { timeout: 15_000 } },
  },
});
