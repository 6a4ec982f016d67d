import { Hono } from 'hono';
import type { AppEnv } from './env.ts';

export function createApp() {
  const app = new Hono<AppEnv>();
  app.get('/api/v1/health', (c) => c.json({ ok: true }));
  return app;
}
