import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { bytesToBase64, type CustodyVerifyResult, type ExportView, type SignedCustodyCheckpoint } from '@wardguard/shared';
import { createApp } from '../src/app.ts';
import type { Bindings } from '../src/env.ts';
import { anchorAllCouncils } from '../src/custody/anchor-all.ts';
import { appendCustody } from '../src/db/custody.ts';
import { packSigner } from '../src/export/signing-key.ts';
import { errorCode, seedCouncil } from './helpers.ts';
import { seedCaseForExport } from './export-helpers.ts';

/** A new Ed25519 key as base64 PKCS#8, the form `npm run admin -- create-pack-key` prints. */
async function newPackKey(): Promise<string> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  return bytesToBase64(new Uint8Array((await crypto.subtle.exportKey('pkcs8', pair.privateKey)) as ArrayBuffer));
}

function call(bindings: Bindings, token: string, path: string, init: RequestInit & { json?: unknown } = {}) {
  const headers = new Headers({ authorization: `Bearer ${token}` });
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  return createApp().request(
    `http://wardguard.test/api/v1${path}`,
    { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body },
    bindings,
  );
}

const latest = async (councilId: string) =>
  JSON.parse(await (await env.EVIDENCE.get(`custody/checkpoints/${councilId}/latest.json`))!.text()) as SignedCustodyCheckpoint;

/** A council whose chain was anchored under key A, then given key B in its place. */
async function rotated() {
  const s = await seedCouncil();
  const [a, b] = [await newPackKey(), await newPackKey()];
  const before: Bindings = { ...env, PACK_SIGNING_KEYS: JSON.stringify({ [s.council.id]: a }) };
  await appendCustody(env.DB, [{ councilId: s.council.id, actorId: s.officer.id, action: 'viewed' }]);
  expect((await anchorAllCouncils(before))[s.council.id]).toBe('written');
  const oldKey = (await packSigner(a)).publicKey;
  expect((await latest(s.council.id)).keyFingerprint).toBe(oldKey.fingerprint);
  const after = (previous?: Record<string, string[]>): Bindings => ({
    ...env,
    PACK_SIGNING_KEYS: JSON.stringify({ [s.council.id]: b }),
    ...(previous ? { PACK_PREVIOUS_KEYS: JSON.stringify(previous) } : {}),
  });
  return { s, oldKey, newKey: (await packSigner(b)).publicKey, after };
}

async function exportStatus(bindings: Bindings, s: Awaited<ReturnType<typeof seedCouncil>>) {
  const c = await seedCaseForExport(s);
  const res = await call(bindings, s.officer.token, '/exports', {
    method: 'POST',
    json: { scope: { kind: 'case', id: c.caseId }, variant: 'police', recipient: 'DC Jones' },
  });
  const view = (await res.json()) as ExportView;
  const zip = await call(bindings, s.officer.token, `/exports/${view.id}/pack.zip`);
  const status = zip.status;
  const code = status === 200 ? null : await errorCode(zip);
  if (status === 200) await zip.arrayBuffer();
  return { status, code };
}

describe('rotating a council key', () => {
  it('without the old key listed, the checkpoint it signed no longer vouches: verify fails and no pack is issued', async () => {
    const { s, after } = await rotated();
    const bindings = after();
    const verify = (await (await call(bindings, s.officer.token, '/custody/verify')).json()) as CustodyVerifyResult;
    expect(verify).toMatchObject({ ok: false, firstBroken: { reason: 'checkpoint' } });
    expect(await exportStatus(bindings, s)).toEqual({ status: 409, code: 'CUSTODY_CHECKPOINT_MISMATCH' });
  });

  it('with the old public key in PACK_PREVIOUS_KEYS, its checkpoint still verifies and the next is signed with the new key', async () => {
    const { s, oldKey, newKey, after } = await rotated();
    const bindings = after({ [s.council.id]: [oldKey.raw] });
    const verify = (await (await call(bindings, s.officer.token, '/custody/verify')).json()) as CustodyVerifyResult;
    expect(verify).toMatchObject({ ok: true, firstBroken: null });
    await appendCustody(env.DB, [{ councilId: s.council.id, actorId: s.officer.id, action: 'viewed' }]);
    expect((await anchorAllCouncils(bindings))[s.council.id]).toBe('written');
    expect((await latest(s.council.id)).keyFingerprint).toBe(newKey.fingerprint);
    expect(await exportStatus(bindings, s)).toEqual({ status: 200, code: null });
  });

  it("does not let one council's listed old key vouch for another council's checkpoint", async () => {
    const { s, oldKey, after } = await rotated();
    const bindings = after({ 'some-other-council': [oldKey.raw] });
    const verify = (await (await call(bindings, s.officer.token, '/custody/verify')).json()) as CustodyVerifyResult;
    expect(verify.ok).toBe(false);
  });

  it('refuses a PACK_PREVIOUS_KEYS that is not council ids to lists of 32-byte public keys, naming the variable', async () => {
    const s = await seedCouncil();
    for (const value of ['not json', '{"c": "AAAA"}', '{"c": ["AAAA"]}']) {
      const res = await call({ ...env, PACK_PREVIOUS_KEYS: value }, s.officer.token, '/custody/verify');
      expect(res.status, value).toBe(500);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('INVALID_CONFIG');
      expect(body.error.message).toContain('PACK_PREVIOUS_KEYS');
    }
  });
});
