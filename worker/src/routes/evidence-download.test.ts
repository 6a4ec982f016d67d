import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { sha256Hex, type Receipt } from '@wardguard/shared';
import { api, errorCode, manifestFor, pngBytes, seedCouncil, upload } from '../../test/helpers.ts';

async function filed() {
  const s = await seedCouncil();
  const f = [{ name: 'shot.png', mediaType: 'image/png', bytes: pngBytes(2048, 3) }];
  const receipt = (await (await upload(s.alice.token, await manifestFor(f), f)).json()) as Receipt;
  const artifact = receipt.artifacts[0]!;
  const row = await env.DB.prepare('SELECT r2_key FROM artifacts WHERE id = ?').bind(artifact.id).first<{ r2_key: string }>();
  return { s, receipt, artifact, r2Key: row!.r2_key, path: `/evidence/${receipt.itemId}/artifacts/${artifact.id}` };
}

const actions = async (token: string, itemId: string) =>
  ((await (await api(token, `/custody?itemId=${itemId}`)).json()) as { events: { action: string; details: Record<string, unknown> }[] }).events;

describe('downloading an artifact whose stored file has changed', () => {
  it('refuses to send a file overwritten with other bytes (and their own checksum), and puts the failure on the record', async () => {
    const { s, receipt, path, r2Key } = await filed();
    const other = pngBytes(2048, 9);
    await env.EVIDENCE.put(r2Key, other, { sha256: await sha256Hex(other) });
    const res = await api(s.officer.token, path);
    expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 503, code: 'STORAGE_FAILED' });
    const events = await actions(s.officer.token, receipt.itemId);
    expect(events.map((e) => e.action)).toEqual(['captured', 'uploaded', 'integrity_failed']);
  });

  it('refuses a file overwritten without a checksum: every file we store has one', async () => {
    const { s, receipt, path, r2Key } = await filed();
    await env.EVIDENCE.put(r2Key, pngBytes(2048, 9));
    const res = await api(s.officer.token, path);
    expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 503, code: 'STORAGE_FAILED' });
    expect((await actions(s.officer.token, receipt.itemId)).map((e) => e.action)).toEqual(['captured', 'uploaded', 'integrity_failed']);
  });

  it('refuses a file whose size is not the recorded size', async () => {
    const { s, receipt, artifact, path, r2Key } = await filed();
    const shorter = pngBytes(1024, 3);
    const sha256 = await sha256Hex(shorter);
    await env.EVIDENCE.put(r2Key, shorter, { sha256 });
    // Someone rewrote the hash in D1 as well; the recorded size still gives it away.
    await env.DB.prepare('UPDATE artifacts SET sha256 = ? WHERE id = ?').bind(sha256, artifact.id).run();
    const res = await api(s.officer.token, path);
    expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 503, code: 'STORAGE_FAILED' });
    expect((await actions(s.officer.token, receipt.itemId)).at(-1)).toMatchObject({ action: 'integrity_failed', details: { stored: { size: 1024 } } });
  });

  it('still sends an untouched file whole, hashed as it goes', async () => {
    const { s, receipt, artifact, path } = await filed();
    const res = await api(s.alice.token, path);
    expect(res.status).toBe(200);
    expect(await sha256Hex(new Uint8Array(await res.arrayBuffer()))).toBe(artifact.sha256);
    expect((await actions(s.alice.token, receipt.itemId)).map((e) => e.action)).toEqual(['captured', 'uploaded', 'downloaded']);
  });
});
