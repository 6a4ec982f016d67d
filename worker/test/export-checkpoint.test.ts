import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { ExportView, SignedCustodyCheckpoint } from '@wardguard/shared';
import { api, errorCode, seedCouncil } from './helpers.ts';
import { checkPack, download, openPack, seedCaseForExport } from './export-helpers.ts';
import { checkpointSignatureHolds } from '../src/custody/checkpoint.ts';
import { bytesSource, parsePackKey, verifyPack } from '@wardguard/shared/pack/verify';

const publicKey = async () =>
  (await (await exports.default.fetch('http://wardguard.test/.well-known/wardguard-pack-key')).json()) as { raw: string; fingerprint: string };

async function prepared() {
  const s = await seedCouncil();
  const c = await seedCaseForExport(s);
  const res = await api(s.officer.token, '/exports', {
    method: 'POST',
    json: { scope: { kind: 'case', id: c.caseId }, variant: 'police', recipient: 'DC Jones' },
  });
  return { s, view: (await res.json()) as ExportView };
}

describe('custody checkpoints and packs', () => {
  it('carries the signed checkpoint of the chain head, export event included, and writes the same one to R2', async () => {
    const { s, view } = await prepared();
    const zip = await download(s.officer.token, view.id);
    expect(zip.status).toBe(200);
    const pack = openPack(new Uint8Array(await zip.arrayBuffer()));
    const key = await publicKey();
    expect(await checkPack(pack, key.raw)).toEqual([]);
    const signed = JSON.parse(new TextDecoder().decode(pack.entries['custody/checkpoint.json']!)) as SignedCustodyCheckpoint;
    expect(signed.checkpoint).toMatchObject({ councilId: s.council.id, seq: pack.manifest.custody.headSeq, hash: pack.manifest.custody.headHash });
    expect(await checkpointSignatureHolds(signed, key.raw)).toBe(true);
    const inR2 = JSON.parse(await (await env.EVIDENCE.get(`custody/checkpoints/${s.council.id}/latest.json`))!.text()) as SignedCustodyCheckpoint;
    expect(inR2).toEqual(signed);
  });

  it("passes the offline verifier's checkpoint checks: council key, same council, the head the custody log ends at", async () => {
    const { s, view } = await prepared();
    const zip = new Uint8Array(await (await download(s.officer.token, view.id)).arrayBuffer());
    const report = await verifyPack(bytesSource(zip), { key: parsePackKey((await publicKey()).raw) });
    expect(report.problems).toEqual([]);
    expect(report.checkpoint).toMatchObject({ status: 'verified', reach: 'head', checkpoint: { councilId: s.council.id } });
  });

  it("gives the downloader a receipt of the checkpoint the pack carries, and records it on the download's export_completed event", async () => {
    const { s, view } = await prepared();
    const res = await download(s.officer.token, view.id);
    const pack = openPack(new Uint8Array(await res.arrayBuffer()));
    const { checkpoint } = JSON.parse(new TextDecoder().decode(pack.entries['custody/checkpoint.json']!)) as SignedCustodyCheckpoint;
    const r2Key = `custody/checkpoints/${s.council.id}/${String(checkpoint.seq).padStart(16, '0')}.json`;
    expect(res.headers.get('x-wardguard-checkpoint')).toBe(`seq=${checkpoint.seq}; hash=${checkpoint.hash}; r2=${r2Key}`);
    const completed = async () =>
      (
        await env.DB.prepare("SELECT details FROM custody_events WHERE council_id = ? AND action = 'export_completed'")
          .bind(s.council.id)
          .first<{ details: string }>()
      )?.details;
    await expect.poll(completed).toBeTruthy();
    expect(JSON.parse((await completed())!).checkpoint).toEqual({ seq: checkpoint.seq, hash: checkpoint.hash, at: checkpoint.at, r2Key });
    expect(await env.EVIDENCE.head(r2Key)).not.toBeNull();
  });

  it('issues no pack from a chain cut after its last checkpoint, and records no export', async () => {
    const { s, view } = await prepared();
    const first = await download(s.officer.token, view.id);
    expect(first.status).toBe(200);
    await first.arrayBuffer();
    const exported = async () =>
      (await env.DB.prepare("SELECT COUNT(*) AS n FROM custody_events WHERE action = 'exported' AND council_id = ?").bind(s.council.id).first<{ n: number }>())!
        .n;
    const before = await exported();
    await env.DB.prepare('DROP TRIGGER custody_no_delete').run();
    try {
      // Cut the chain back to before the first download's export event, which the checkpoint names.
      const { checkpoint } = JSON.parse(await (await env.EVIDENCE.get(`custody/checkpoints/${s.council.id}/latest.json`))!.text()) as SignedCustodyCheckpoint;
      const cut = await env.DB.prepare('DELETE FROM custody_events WHERE council_id = ? AND seq >= ?').bind(s.council.id, checkpoint.seq).run();
      expect(cut.meta.changes).toBeGreaterThan(0);
      const res = await download(s.officer.token, view.id);
      expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 409, code: 'CUSTODY_CHECKPOINT_MISMATCH' });
      // The one export event left is gone with the cut; the refused download added none.
      expect(await exported()).toBe(before - 1);
    } finally {
      await env.DB.prepare(
        "CREATE TRIGGER IF NOT EXISTS custody_no_delete BEFORE DELETE ON custody_events BEGIN SELECT RAISE(ABORT, 'custody log is append-only'); END",
      ).run();
    }
  });
});
