import { env } from 'cloudflare:workers';
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FileMailResult } from '@wardguard/shared/api/mail';
import { actor, api, errorCode, seedCouncil } from '../../test/helpers.ts';
import { fileMessage } from '../../test/mail-helpers.ts';
import worker from '../index.ts';

// Storage is shared by the tests of this file: they run in order, and once the first has given
// councils their own hooks the deployment-wide hook is no council's any more.
const HOOK_1 = 'https://duty.test-borough.example/hook';
const HOOK_2 = 'https://duty.elsewhere.example/hook';
const DEPLOYMENT_HOOK = 'https://duty.hosting.example/hook';
const THREAT_TO_LIFE = 'I am going to kill you, you will be dead by Friday';

/** Every POST the Worker makes to a webhook, with where it went. */
function recordHooks() {
  const pushes: Array<{ url: string; body: Record<string, unknown> }> = [];
  const real = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (![HOOK_1, HOOK_2, DEPLOYMENT_HOOK].includes(url)) return real(input, init);
    pushes.push({ url, body: JSON.parse(String(init?.body)) as Record<string, unknown> });
    return new Response('ok');
  });
  return pushes;
}
afterEach(() => vi.restoreAllMocks());

async function fire(cron: string, atMs = Date.now()) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron, scheduledTime: atMs }), { ...env, ALERT_WEBHOOK_URL: DEPLOYMENT_HOOK }, ctx);
  await waitOnExecutionContext(ctx);
}

const setHooks = (token: string, json: unknown) => api(token, '/council', { method: 'PATCH', json });

describe("each council's own webhooks", () => {
  it("sends council 2's threat-to-life alert and digest only to council 2's hook, naming council 2", async () => {
    const s = await seedCouncil();
    const otherId = s.otherOfficer.councilId;
    const otherAdmin = await actor(otherId, 'Ada Elsewhere', 'admin');
    const otherService = await actor(otherId, 'Elsewhere Mail Filter', 'service');
    expect((await setHooks(s.admin.token, { alertWebhookUrl: HOOK_1 })).status).toBe(200);
    const set = await setHooks(otherAdmin.token, { alertWebhookUrl: HOOK_2 });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ id: otherId, name: 'Elsewhere District Council', alertWebhookUrl: HOOK_2, digestWebhookUrl: null });

    const pushes = recordHooks();
    const { res } = await fileMessage(otherService.token, s.otherCouncillor.id, { subject: 'tonight', body: THREAT_TO_LIFE });
    const { alertId } = (await res.json()) as FileMailResult;
    expect(alertId).not.toBeNull();
    const t0 = Date.now();
    await fire('* * * * *', t0 + 11 * 60_000);
    const about = pushes.filter((p) => p.body.alertId === alertId);
    expect(about.map((p) => p.url)).toEqual([HOOK_2, HOOK_2]);
    expect(about[0]!.body).toMatchObject({ councilId: otherId, councilName: 'Elsewhere District Council', councillorName: 'Carla Elsewhere', repeat: 0 });

    await fire('0 7 * * *');
    const digests = pushes.filter((p) => p.body.type === 'wardguard.daily_digest');
    expect(digests.filter((d) => d.body.councilId === otherId).map((d) => d.url)).toEqual([HOOK_2]);
    expect(digests.filter((d) => d.body.councilId === s.council.id).map((d) => d.url)).toEqual([HOOK_1]);
    // The deployment's hook is nobody's once councils have their own.
    expect(pushes.filter((p) => p.url === DEPLOYMENT_HOOK && (p.body.councilId === otherId || p.body.councilId === s.council.id))).toEqual([]);
  });

  it("pushes nothing for a council with no hook of its own to the deployment's hook once other councils have theirs", async () => {
    const s = await seedCouncil();
    const pushes = recordHooks();
    const { res } = await fileMessage(s.service.token, s.alice.id, { subject: 'tonight', body: THREAT_TO_LIFE });
    const { alertId } = (await res.json()) as FileMailResult;
    await fire('* * * * *');
    expect(pushes.filter((p) => p.body.alertId === alertId)).toEqual([]);
    // The alert itself is kept and waits on the dashboard, as with no webhook at all.
    const row = await env.DB.prepare('SELECT acknowledged_at FROM mail_alerts WHERE id = ?').bind(alertId).first<{ acknowledged_at: string | null }>();
    expect(row).toEqual({ acknowledged_at: null });
  });

  it("lets only an admin set their own council's hooks, to http(s) URLs, and logs that they changed without the URL", async () => {
    const s = await seedCouncil();
    const officer = await setHooks(s.officer.token, { alertWebhookUrl: HOOK_1 });
    expect({ status: officer.status, code: await errorCode(officer) }).toEqual({ status: 403, code: 'FORBIDDEN' });
    for (const bad of ['javascript:alert(1)', 'ftp://duty.example/hook', 'not a url', 42]) {
      const res = await setHooks(s.admin.token, { alertWebhookUrl: bad });
      expect({ bad, status: res.status, code: await errorCode(res) }).toEqual({ bad, status: 400, code: 'VALIDATION_FAILED' });
    }
    expect((await setHooks(s.admin.token, { nope: 1 })).status).toBe(400);

    const ok = await setHooks(s.admin.token, { alertWebhookUrl: HOOK_1, digestWebhookUrl: HOOK_2 });
    expect(await ok.json()).toMatchObject({ id: s.council.id, alertWebhookUrl: HOOK_1, digestWebhookUrl: HOOK_2 });
    const cleared = await setHooks(s.admin.token, { digestWebhookUrl: null });
    expect(await cleared.json()).toMatchObject({ alertWebhookUrl: HOOK_1, digestWebhookUrl: null });
    expect(await (await api(s.admin.token, '/council')).json()).toMatchObject({ alertWebhookUrl: HOOK_1, digestWebhookUrl: null });
    expect((await api(s.officer.token, '/council')).status).toBe(403);

    const events = await env.DB.prepare(
      "SELECT actor_id, details FROM custody_events WHERE council_id = ? AND action = 'council_settings_changed' ORDER BY seq",
    )
      .bind(s.council.id)
      .all<{ actor_id: string; details: string }>();
    expect(events.results.map((e) => ({ actor: e.actor_id, ...(JSON.parse(e.details) as object) }))).toEqual([
      { actor: s.admin.id, changed: ['alertWebhookUrl', 'digestWebhookUrl'] },
      { actor: s.admin.id, changed: ['digestWebhookUrl'] },
    ]);
    expect(events.results.map((e) => e.details).join('')).not.toContain('duty.');
  });
});
