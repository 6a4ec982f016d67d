import { env, exports } from 'cloudflare:workers';
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { api, seedCouncil } from '../../test/helpers.ts';
import { fileTestMail } from '../../test/digest-helpers.ts';
import { sendDigests } from '../digest/send-digests.ts';
import worker from '../index.ts';
import type { Digest } from '../digest/summary.ts';
import { appendCustody } from '../db/custody.ts';
import { anchorAllCouncils } from '../custody/anchor-all.ts';
import { checkpointSignatureHolds } from '../custody/checkpoint.ts';
import type { SignedCustodyCheckpoint } from '@wardguard/shared';

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

  it("names the council's latest signed checkpoint and where R2 keeps it, so its recipients hold a copy outside the database", async () => {
    const s = await seedCouncil();
    const digestOf = async () => (await (await api(s.officer.token, '/digest')).json()) as Digest;
    // Nothing anchored yet: the digest says so rather than inventing one.
    expect((await digestOf()).custodyCheckpoint).toBeNull();

    await appendCustody(env.DB, [{ councilId: s.council.id, actorId: s.officer.id, action: 'viewed' }]);
    await anchorAllCouncils(env);
    const latest = JSON.parse(await (await env.EVIDENCE.get(`custody/checkpoints/${s.council.id}/latest.json`))!.text()) as SignedCustodyCheckpoint;
    const ref = (await digestOf()).custodyCheckpoint!;
    expect(ref).toMatchObject(latest);
    expect(ref.checkpoint).toMatchObject({
      councilId: s.council.id,
      seq: expect.any(Number),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      at: expect.any(String),
    });
    // The numbered copy it names is the same checkpoint, and stays when latest.json moves on.
    expect(JSON.parse(await (await env.EVIDENCE.get(ref.r2Key))!.text())).toEqual(latest);
    const published = (await (await exports.default.fetch(`http://wardguard.test/.well-known/wardguard-pack-key`)).json()) as { raw: string };
    expect(await checkpointSignatureHolds(ref, published.raw)).toBe(true);

    // The cron's digest carries the same, and another council's digest does not carry this one.
    const { digests } = await sendDigests(env);
    expect(digests.find((d) => d.councilId === s.council.id)?.custodyCheckpoint).toEqual(ref);
    for (const d of digests) if (d.custodyCheckpoint) expect(d.custodyCheckpoint.checkpoint.councilId).toBe(d.councilId);
  });
});
