import { env } from 'cloudflare:workers';
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FileMailResult } from '@wardguard/shared/api/mail';
import { api, seedCouncil } from '../../test/helpers.ts';
import { fileMessage } from '../../test/mail-helpers.ts';
import worker from '../index.ts';

const HOOK = 'https://duty.council.example/wardguard-hook';
const THREAT_TO_LIFE = 'I am going to kill you, you will be dead by Friday';
const REPEAT_S = 60;

/** Records every POST to the duty webhook (the Worker's outbound fetch, in this isolate). */
function recordWebhook() {
  const pushes: Array<Record<string, unknown>> = [];
  const real = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url !== HOOK) return real(input, init);
    pushes.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
    return new Response('ok');
  });
  return pushes;
}
afterEach(() => vi.restoreAllMocks());

/** Fires one cron trigger at a given time, as Cloudflare would, with the duty webhook set. */
async function fire(cron: string, atMs: number) {
  const ctx = createExecutionContext();
  await worker.scheduled(
    createScheduledController({ cron, scheduledTime: atMs }),
    { ...env, ALERT_WEBHOOK_URL: HOOK, ALERT_REPEAT_SECONDS: String(REPEAT_S) },
    ctx,
  );
  await waitOnExecutionContext(ctx);
}

describe('threat-to-life webhook repeats from the Worker cron', () => {
  it('pushes an unacknowledged alert every ALERT_REPEAT_SECONDS with no mail filter involved, and stops once an officer acknowledges', async () => {
    const s = await seedCouncil();
    const pushes = recordWebhook();
    const mine = () => pushes.filter((p) => p.alertId === alertId);
    // Filed where no webhook is configured (the test env has none): nothing pushed yet.
    const { res } = await fileMessage(s.service.token, s.alice.id, { subject: 'tonight', body: THREAT_TO_LIFE });
    const { alertId } = (await res.json()) as FileMailResult;
    expect(alertId).not.toBeNull();
    expect(mine()).toEqual([]);

    const t0 = Date.now();
    await fire('* * * * *', t0);
    expect(mine()).toEqual([expect.objectContaining({ type: 'wardguard.threat_to_life', alertId, repeat: 0 })]);
    await fire('* * * * *', t0 + 30_000);
    expect(mine()).toHaveLength(1);
    await fire('* * * * *', t0 + (REPEAT_S + 1) * 1000);
    expect(mine().map((p) => p.repeat)).toEqual([0, 1]);

    // The filter's duty emails are tracked apart: reporting one pushes no webhook.
    const notified = await api(s.service.token, `/mail/service/alerts/${alertId}/notified`, { method: 'POST' });
    expect(await notified.json()).toMatchObject({ notifyCount: 1 });
    expect(mine()).toHaveLength(2);
    // The daily digest cron is a different job.
    await fire('0 7 * * *', t0 + 3 * (REPEAT_S + 1) * 1000);
    expect(mine()).toHaveLength(2);

    expect((await api(s.officer.token, `/mail/alerts/${alertId}/ack`, { method: 'POST' })).status).toBe(200);
    await fire('* * * * *', t0 + 10 * (REPEAT_S + 1) * 1000);
    expect(mine()).toHaveLength(2);

    // Each notice that got through, by webhook or by the filter's email, is in the custody log.
    const { itemId } = (await env.DB.prepare('SELECT r.item_id AS itemId FROM mail_alerts a JOIN mail_records r ON r.id = a.record_id WHERE a.id = ?')
      .bind(alertId)
      .first<{ itemId: string }>())!;
    const notices = await env.DB.prepare(
      "SELECT actor_id, item_id, details FROM custody_events WHERE action = 'alert_notified' AND json_extract(details, '$.alertId') = ? ORDER BY seq",
    )
      .bind(alertId)
      .all<{ actor_id: string; item_id: string | null; details: string }>();
    expect(notices.results.map((r) => ({ actor: r.actor_id, itemId: r.item_id, ...(JSON.parse(r.details) as object) }))).toEqual([
      { actor: 'wardguard-worker', itemId, alertId, channel: 'webhook', count: 1 },
      { actor: 'wardguard-worker', itemId, alertId, channel: 'webhook', count: 2 },
      { actor: s.service.id, itemId, alertId, channel: 'email', count: 1 },
    ]);
  });

  it('names the council and links straight to the message, so a duty officer on a phone opens it in one tap', async () => {
    const s = await seedCouncil();
    const pushes = recordWebhook();
    const { res } = await fileMessage(s.service.token, s.alice.id, { subject: 'tonight', body: THREAT_TO_LIFE });
    const { alertId, recordId } = (await res.json()) as FileMailResult;
    const ctx = createExecutionContext();
    const withUrl = { ...env, ALERT_WEBHOOK_URL: HOOK, PUBLIC_URL: 'https://wardguard.council.example/' };
    await worker.scheduled(createScheduledController({ cron: '* * * * *', scheduledTime: Date.now() }), withUrl, ctx);
    await waitOnExecutionContext(ctx);
    expect(pushes.find((p) => p.alertId === alertId)).toMatchObject({
      councilId: s.council.id,
      councilName: 'Test Borough Council',
      link: `https://wardguard.council.example/#/message/${recordId}`,
    });
  });

  it('retries at the next minute a push the webhook did not accept', async () => {
    const s = await seedCouncil();
    const { res } = await fileMessage(s.service.token, s.alice.id, { subject: 'tonight', body: THREAT_TO_LIFE });
    const { alertId } = (await res.json()) as FileMailResult;
    let up = false;
    const tries: unknown[] = [];
    const real = globalThis.fetch;
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url !== HOOK) return real(input, init);
      const body = JSON.parse(String(init?.body)) as { alertId: string; repeat: number };
      if (body.alertId === alertId) tries.push({ up, repeat: body.repeat });
      return new Response(up ? 'ok' : 'down', { status: up ? 200 : 503 });
    });
    const t0 = Date.now();
    await fire('* * * * *', t0);
    up = true;
    await fire('* * * * *', t0 + 60_000);
    await fire('* * * * *', t0 + 90_000);
    expect(tries).toEqual([
      { up: false, repeat: 0 },
      { up: true, repeat: 0 },
    ]);
    // Only the push that got through is logged as a notice.
    const logged = await env.DB.prepare("SELECT COUNT(*) AS n FROM custody_events WHERE action = 'alert_notified' AND json_extract(details, '$.alertId') = ?")
      .bind(alertId)
      .first<{ n: number }>();
    expect(logged?.n).toBe(1);
  });
});
