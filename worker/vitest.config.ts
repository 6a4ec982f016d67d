import { mkdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';

// wrangler.toml points static assets at worker/public; the dashboard build fills it, but
// the Worker's own tests need only the folder to exist.
mkdirSync(new URL('./public', import.meta.url), { recursive: true });

export default defineConfig(async () => ({
  plugins: [
    cloudflareTest({
      main: './src/index.ts',
      wrangler: { configPath: '../wrangler.toml' },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations(new URL('./migrations', import.meta.url).pathname),
          // Small limits so the oversize tests stay fast.
          MAX_BUNDLE_BYTES: String(3 * 1024 * 1024),
          MAX_ARTIFACT_BYTES: String(2.5 * 1024 * 1024),
        },
      },
    }),
  ],
  test: { name: 'worker', include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**'], setupFiles: ['./test/apply-migrations.ts'] },
}));
