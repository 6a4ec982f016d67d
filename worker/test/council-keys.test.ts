import { env } from 'cloudflare:workers';
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { bytesToBase64, type CustodyVerifyResult, type ExportView, type SignedCustodyCheckpoint } from '@wardguard/shared';
import { createApp } from '../src/app.ts';
import type { Bindings } from '../src/env.ts';
import worker from '../src/index.ts';
import { checkpointSignatureHolds } from '../src/custody/checkpoint.ts';
import { authedInit, errorCode, seedCouncil, type Actor } from './helpers.ts';
import { captureOn, checkPack, openPack } from './export-helpers.ts';

type PublishedKey = { raw: string; fingerprint: string };

/** A new Ed25519 key as base64 PKCS#8, the form `npm run admin -- create-pack-key` prints. */
async function newPackKey(): Promise<string> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  return bytesToBase64(new Uint8Array((await crypto.subtle.exportKey('pkcs8', pair.privateKey)) as ArrayBuffer));
}

/** The Worker with PACK_SIGNING_KEYS set (PACK_SIGNING_KEY stays the test env's shared key). */
function deployment(keys: Record<string, string> | null): Bindings {
  return keys ? { ...env, PACK_SIGNING_KEYS: JSON.stringify(keys) } : { ...env };
}

function call(bindings: Bindings, token: string | null, path: string, init: RequestInit & { json?: unknown } = {}) {
  return createApp().request(`http://wardguard.test${path}`, authedInit(token, init), bindings);
}

const published = async (bindings: Bindings, councilId: string) => {
  const res = await call(bindings, null, `/.well-known/wardguard-pack-key/${councilId}`);
  expect(res.status).toBe(200);
  return (await res.json()) as PublishedKey;
};

/** One capture by a councillor, prepared as a police pack by an officer of the same council. */
async function preparedPack(bindings: Bindings, councillor: Actor, officer: Actor) {
  const { receipt } = await captureOn(councillor, 'x', { postId: `p-${crypto.randomUUID()}` });
  const res = await call(bindings, officer.token, '/api/v1/exports', {
    method: 'POST',
    json: { scope: { kind: 'selection', itemIds: [receipt.itemId] }, variant: 'police', recipient: 'DC Jones' },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as ExportView;
}

describe('each council signs with its own pack key', () => {
  it("signs council 2's pack and checkpoint with council 2's published key, which council 1's key does not verify", async () => {
    const s = await seedCouncil();
    const otherId = s.otherOfficer.councilId;
    const d = deployment({ [s.council.id]: await newPackKey(), [otherId]: await newPackKey() });
    const mine = await published(d, s.council.id);
    const theirs = await published(d, otherId);
    expect(theirs.fingerprint).not.toBe(mine.fingerprint);

    const view = await preparedPack(d, s.otherCouncillor, s.otherOfficer);
    const zip = await call(d, s.otherOfficer.token, `/api/v1/exports/${view.id}/pack.zip`);
    expect(zip.status).toBe(200);
    const pack = openPack(new Uint8Array(await zip.arrayBuffer()));
    expect(await checkPack(pack, theirs.raw)).toEqual([]);
    expect(await checkPack(pack, mine.raw)).toContain('signature');
    expect(pack.signature.publicKeyFingerprint).toBe(theirs.fingerprint);

    // The checkpoint in the pack and in R2 is council 2's, under council 2's key.
    const signed = JSON.parse(new TextDecoder().decode(pack.entries['custody/checkpoint.json']!)) as SignedCustodyCheckpoint;
    expect(signed.checkpoint.councilId).toBe(otherId);
    expect(await checkpointSignatureHolds(signed, theirs.raw)).toBe(true);
    expect(await checkpointSignatureHolds(signed, mine.raw)).toBe(false);

    // The reader with only the ZIP is sent to council 2's key, not the deployment's bare URL.
    const readme = new TextDecoder().decode(pack.entries['README.txt']);
    expect(readme).toContain(`http://wardguard.test/.well-known/wardguard-pack-key/${otherId}`);
    expect(readme).toContain(`http://wardguard.test/#/verify/${otherId}`);

    const verified = await call(d, s.otherOfficer.token, '/api/v1/custody/verify');
    expect((await verified.json()) as CustodyVerifyResult).toMatchObject({ ok: true, checkpoint: { councilId: otherId } });
  });

  it("refuses council 1's pack with 503 PACK_KEY_MISSING when the key map has no entry for it, rather than using another key", async () => {
    const s = await seedCouncil();
    // PACK_SIGNING_KEY is still set (the test env's); with a map present it is no council's key.
    const d = deployment({ [s.otherOfficer.councilId]: await newPackKey() });
    const view = await preparedPack(d, s.alice, s.officer);
    const res = await call(d, s.officer.token, `/api/v1/exports/${view.id}/pack.zip`);
    expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 503, code: 'PACK_KEY_MISSING' });
    const completed = await env.DB.prepare("SELECT COUNT(*) AS n FROM custody_events WHERE action IN ('exported', 'export_completed') AND council_id = ?")
      .bind(s.council.id)
      .first<{ n: number }>();
    expect(completed?.n).toBe(0);

    const key = await call(d, null, `/.well-known/wardguard-pack-key/${s.council.id}`);
    expect({ status: key.status, code: await errorCode(key) }).toEqual({ status: 503, code: 'PACK_KEY_MISSING' });
  });

  it('asks which council when the bare key URL is fetched from a deployment with a key map, and keeps it working without one', async () => {
    const s = await seedCouncil();
    const d = deployment({ [s.council.id]: await newPackKey() });
    const bare = await call(d, null, '/.well-known/wardguard-pack-key');
    expect(bare.status).toBe(400);
    const body = (await bare.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('COUNCIL_REQUIRED');
    expect(body.error.message).toContain('/.well-known/wardguard-pack-key/<councilId>');
    expect((await call(d, null, '/.well-known/wardguard-pack-key/no-such-council')).status).toBe(404);

    // One key for the whole deployment (PACK_SIGNING_KEY only): the bare URL and each council's URL give it.
    const single = deployment(null);
    const shared = (await (await call(single, null, '/.well-known/wardguard-pack-key')).json()) as PublishedKey;
    expect(await published(single, s.council.id)).toEqual(shared);
  });

  it("anchors each council's chain with its own key from the cron, and still accepts the checkpoint the shared key signed before the map was set", async () => {
    const s = await seedCouncil();
    const otherId = s.otherOfficer.councilId;
    // Before: one shared key anchors council 2's chain.
    await preparedPack(deployment(null), s.otherCouncillor, s.otherOfficer);
    await cron(deployment(null));
    const shared = (await (await call(deployment(null), null, '/.well-known/wardguard-pack-key')).json()) as PublishedKey;
    const before = await latestCheckpoint(otherId);
    expect(await checkpointSignatureHolds(before, shared.raw)).toBe(true);

    // After: council 2 gets its own key; its old checkpoint still verifies, new ones are its own.
    const d = deployment({ [s.council.id]: env.PACK_SIGNING_KEY!, [otherId]: await newPackKey() });
    const theirs = await published(d, otherId);
    const check = async () => (await (await call(d, s.otherOfficer.token, '/api/v1/custody/verify')).json()) as CustodyVerifyResult;
    expect(await check()).toMatchObject({ ok: true });
    await preparedPack(d, s.otherCouncillor, s.otherOfficer);
    await cron(d);
    const after = await latestCheckpoint(otherId);
    expect(after.checkpoint.seq).toBeGreaterThan(before.checkpoint.seq);
    expect(await checkpointSignatureHolds(after, theirs.raw)).toBe(true);
    expect(await checkpointSignatureHolds(after, shared.raw)).toBe(false);
    expect(await check()).toMatchObject({ ok: true, checkpoint: { seq: after.checkpoint.seq } });
  });
});

async function cron(bindings: Bindings) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: '* * * * *', scheduledTime: Date.now() }), bindings, ctx);
  await waitOnExecutionContext(ctx);
}

async function latestCheckpoint(councilId: string): Promise<SignedCustodyCheckpoint> {
  const obj = await env.EVIDENCE.get(`custody/checkpoints/${councilId}/latest.json`);
  expect(obj).not.toBeNull();
  return JSON.parse(await obj!.text()) as SignedCustodyCheckpoint;
}
