import { createApp } from './app.ts';
import type { Bindings } from './env.ts';
import { sendDigests } from './digest/send-digests.ts';
import { repeatAlertWebhooks } from './mail/alert-repeat.ts';
import { anchorAllCouncils } from './custody/anchor-all.ts';
import { abortAbandonedOriginals } from './mail/abandoned-originals.ts';

const app = createApp();

/** The cron strings in wrangler.toml [triggers]; each names one job. */
const DAILY_DIGEST_CRON = '0 7 * * *';
const ALERT_REPEAT_CRON = '* * * * *';

export default {
  fetch: app.fetch,
  async scheduled(controller: ScheduledController, env: Bindings, ctx: ExecutionContext) {
    if (controller.cron === ALERT_REPEAT_CRON) {
      ctx.waitUntil(repeatAlertWebhooks(env, controller.scheduledTime));
      // Each minute the chain moved, its head is signed into R2 (custody/checkpoint.ts).
      ctx.waitUntil(anchorAllCouncils(env));
    } else if (controller.cron === DAILY_DIGEST_CRON) {
      ctx.waitUntil(sendDigests(env));
      ctx.waitUntil(abortAbandonedOriginals(env, controller.scheduledTime));
    } else console.error('scheduled: no job for cron', controller.cron);
  },
} satisfies ExportedHandler<Bindings>;
