import { defineConfig } from 'vitest/config';

// One run over every workspace: each project brings its own environment
// (workerd for the Worker, Node for the rest).
export default defineConfig({
  test: {
    projects: ['shared', 'worker', 'worker/vitest.e2e.config.ts', 'mail-filter', 'extension'],
  },
});
