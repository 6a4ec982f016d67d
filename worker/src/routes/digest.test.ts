import { env } from 'cloudflare:workers';
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { api, seedCouncil } from '../../test/helpers.ts';
import { fileTestMail } from '../../test/digest-helpers.ts';
import { sendDigests } from '../digest/send-digests.ts';
import worker from '../index.ts';
import type { Digest } from '../digest/summary.ts';

describe('daily digest', () => {
  it('counts what waits for review by severity, with open threat alerts, for officers only', async () => {
    const s = await seedCouncil();
    await fileTestMail(s, 'threat_to_life');
    await fileTestMail(s, 'abuse');
    await fileTestMail(s, 'abuse');
    const res = await api(s.officer.token, '/digest');
    expect(res.status).toBe(200);
    const d = (await res.json()) as Digest;
    expect(d.waiting).toMatchObject({ threat_to_life: 1, abuse: 2, threat: 0 });
    expect(d.unacknowledgedAlerts).toBe(1);
    expect(d.oldestWaitingAt).not.toBeNull();
    expect((await api(s.alice.token, '/digest')).status).toBe(403);
    const other = (await (await api(s.otherOfficer.token, '/digest')).json()) as Digest;
    expect(other.waiting.abuse).toBe(0);
  });

  it('is built for every council when the cron trigger fires', async () => {
    const s = await seedCouncil();
    await fileTestMail(s, 'threat');
    const { digests } = await sendDigests(env);
    expect(digests.find((d) => d.councilId === s.council.id)?.waiting.threat).toBe(1);
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: '0 7 * * *', scheduledTime: Date.now() }), env, ctx);
    await expect(waitOnExecutionContext(ctx)).resolves.toBeUndefined();
  });
});
