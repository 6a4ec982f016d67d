import type { MailAlert } from '@wardguard/shared/api/mail';
import type { Bindings } from '../env.ts';
import { readConfig } from '../config.ts';
import { claimWebhookPush, listWebhookDueAlerts, releaseWebhookPush } from '../db/mail-alerts.ts';
import { appendCustody, WORKER_ACTOR } from '../db/custody.ts';
import { sendAlertWebhook } from './webhook.ts';
import { councilHookCensus } from '../db/councils.ts';
import { councilWebhook } from './webhook-target.ts';
import { messageLink } from './message-link.ts';

/** Seconds between pushes of one unacknowledged alert (ALERT_REPEAT_SECONDS, default 600). */
export const alertRepeatSeconds = (env: Bindings): number => readConfig(env).alertRepeatSeconds;

/**
 * Pushes one alert to its council's duty webhook (webhook-target.ts) if it is due, claiming the push first so two
 * callers never both send it; a push that fails is released and due again next minute.
 * `repeat` in the body is 0 for the first push. A push that got through is an
 * `alert_notified` event (channel webhook) on the message's exhibit, as the filter's duty
 * emails are: the log shows who was told of a threat to life, and when.
 */
export async function pushAlertWebhook(
  env: Bindings,
  alert: MailAlert,
  where: { councilId: string; itemId: string; origin?: string },
  previous: { at: string | null; count: number },
  nowMs: number,
): Promise<boolean> {
  const hook = await councilWebhook(env, where.councilId, 'alert');
  if (!hook) return false;
  const at = new Date(nowMs).toISOString();
  const dueBefore = new Date(nowMs - alertRepeatSeconds(env) * 1000).toISOString();
  if (!(await claimWebhookPush(env.DB, alert.id, at, dueBefore))) return false;
  const about = {
    councilId: where.councilId,
    councilName: hook.councilName,
    link: messageLink(readConfig(env).publicUrl ?? where.origin ?? null, alert.recordId),
  };
  const ok = await sendAlertWebhook(hook.url, alert, previous.count, about);
  if (!ok) {
    await releaseWebhookPush(env.DB, alert.id, at, previous.at);
    return false;
  }
  try {
    await appendCustody(env.DB, [
      {
        councilId: where.councilId,
        actorId: WORKER_ACTOR,
        action: 'alert_notified',
        itemId: where.itemId,
        at,
        details: { alertId: alert.id, channel: 'webhook', count: previous.count + 1 },
      },
    ]);
  } catch (err) {
    // The duty officer has been told; failing to log it must not make the push look undone.
    console.error('alert webhook pushed but not logged', alert.id, String(err));
  }
  return true;
}

/**
 * The every-minute cron: repeats the webhook for every unacknowledged threat-to-life alert
 * whose last push is older than ALERT_REPEAT_SECONDS, in every council, each to its own hook. Independent of
 * the mail filter, which repeats its duty emails on its own schedule.
 */
export async function repeatAlertWebhooks(env: Bindings, nowMs: number): Promise<{ due: number; pushed: number }> {
  if (!readConfig(env).alertWebhookUrl && (await councilHookCensus(env.DB)).withHooks === 0) return { due: 0, pushed: 0 };
  const dueBefore = new Date(nowMs - alertRepeatSeconds(env) * 1000).toISOString();
  const due = await listWebhookDueAlerts(env.DB, dueBefore);
  let pushed = 0;
  for (const d of due) {
    if (await pushAlertWebhook(env, d.alert, { councilId: d.councilId, itemId: d.itemId }, { at: d.webhookPushedAt, count: d.webhookPushCount }, nowMs))
      pushed += 1;
  }
  return { due: due.length, pushed };
}
