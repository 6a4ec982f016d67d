import { createApp } from './app.ts';
import type { Bindings } from './env.ts';
import { sendDigests } from './digest/send-digests.ts';

const app = createApp();

export default {
  fetch: app.fetch,
  async scheduled(_controller: ScheduledController, env: Bindings, ctx: ExecutionContext) {
    ctx.waitUntil(sendDigests(env));
  },
} satisfies ExportedHandler<Bindings>;
