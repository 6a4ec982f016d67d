import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Receipt } from '@wardguard/shared';
import { api, bundleForm, errorCode, manifestFor, pngBytes, seedCouncil, signWithDeviceKey, storedCounts, upload } from '../../test/helpers.ts';
import { storeBundle } from './store-bundle.ts';
import { countingEnv } from '../../test/counting-env.ts';

const shot = () => [{ name: 'shot.png', mediaType: 'image/png', bytes: pngBytes(512, 5) }];

describe('filing an upload against a perpetrator', () => {
  it("refuses a councillor's upload naming another councillor's perpetrator, storing nothing", async () => {
    const s = await seedCouncil();
    const bobs = (await (await api(s.bob.token, '/perpetrators', { method: 'POST', json: { displayName: "Bob's troll" } })).json()) as { id: string };
    const f = shot();
    const before = await storedCounts();
    const res = await upload(s.alice.token, await manifestFor(f, { perpetratorId: bobs.id }), f);
    expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(await storedCounts()).toEqual(before);
  });

  it("files under the councillor's own perpetrator, and lets an officer name any in the council", async () => {
    const s = await seedCouncil();
    const alices = (await (await api(s.alice.token, '/perpetrators', { method: 'POST', json: { displayName: "Alice's troll" } })).json()) as { id: string };
    const bobs = (await (await api(s.bob.token, '/perpetrators', { method: 'POST', json: { displayName: "Bob's troll" } })).json()) as { id: string };
    const f = shot();
    const own = await upload(s.alice.token, await manifestFor(f, { perpetratorId: alices.id }), f);
    expect(own.status).toBe(201);
    const byOfficer = await upload(s.officer.token, await manifestFor(f, { perpetratorId: bobs.id, councillorId: s.alice.id }), f);
    expect(byOfficer.status).toBe(201);
    const item = (await (await api(s.officer.token, `/evidence/${((await byOfficer.json()) as Receipt).itemId}`)).json()) as { perpetratorId: string };
    expect(item.perpetratorId).toBe(bobs.id);
  });
});

describe('an upload whose records cannot be written', () => {
  it('removes the files it already put in R2, leaving no objects, rows or custody events', async () => {
    const s = await seedCouncil();
    const f = [
      { name: 'viewport.png', mediaType: 'image/png', bytes: pngBytes(2048, 1) },
      { name: 'full-page.png', mediaType: 'image/png', bytes: pngBytes(4096, 2) },
    ];
    const manifest = await manifestFor(f);
    const before = await storedCounts();
    // The bundle is valid, so both files reach R2; then D1 refuses the artifact rows.
    await env.DB.prepare("CREATE TRIGGER test_artifacts_fail BEFORE INSERT ON artifacts BEGIN SELECT RAISE(ABORT, 'simulated D1 failure'); END").run();
    try {
      const res = await upload(s.alice.token, manifest, f);
      expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 503, code: 'STORAGE_FAILED' });
      expect(await storedCounts()).toEqual(before);
    } finally {
      await env.DB.prepare('DROP TRIGGER test_artifacts_fail').run();
    }
    // Nothing was half-kept: the same bundle files now, as the councillor's first exhibit.
    const again = await upload(s.alice.token, manifest, f);
    expect(again.status).toBe(201);
    expect(((await again.json()) as Receipt).exhibitRef).toBe('AB/1');
  });
});

describe('recording a stored bundle', () => {
  it('makes one D1 round trip once its file is in R2: the item, artifacts, custody events and receipt together', async () => {
    const s = await seedCouncil();
    const f = shot();
    const manifest = await manifestFor(f);
    const text = JSON.stringify(manifest);
    const req = new Request('http://wardguard.test/api/v1/evidence', {
      method: 'POST',
      body: bundleForm(text, f, await signWithDeviceKey(s.alice.token, text)),
    });
    const counted = countingEnv();
    const p = { userId: s.alice.id, councilId: s.council.id, role: 'councillor' as const, name: 'Alice Brown', tokenId: s.alice.tokenId };
    const { receipt, created } = await storeBundle(counted.bindings, p, req, { maxBundleBytes: 1024 * 1024, maxArtifactBytes: 1024 * 1024 }, () => s.alice.id);
    expect({ created, exhibitRef: receipt.exhibitRef, artifacts: receipt.artifacts.map((a) => a.name) }).toEqual({
      created: true,
      exhibitRef: 'AB/1',
      artifacts: ['shot.png'],
    });
    expect(counted.afterStored()).toBe(1);
    // What that one trip wrote is whole: the item reads back as the receipt says, its events chained.
    const item = (await (await api(s.alice.token, `/evidence/${receipt.itemId}`)).json()) as { exhibitRef: string };
    expect(item.exhibitRef).toBe('AB/1');
    const verify = (await (await api(s.officer.token, '/custody/verify')).json()) as { ok: boolean };
    expect(verify.ok).toBe(true);
  });
});
