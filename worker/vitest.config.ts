import { mkdirSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
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
          // A fresh pack-signing key per run, in the form `npm run admin -- create-pack-key` makes.
          PACK_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
        },
      },
    }),
  ],
  test: {
    name: 'worker',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**'],
    setupFiles: ['./test/apply-migrations.ts'],
    // As in the e2e configs: vitest's 1 s default is short on a busy 2-core machine.
    expect: { poll: { timeout: 15_000 } },
  },
}));
