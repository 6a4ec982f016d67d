import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { sha256Hex, type Receipt } from '@wardguard/shared';
import { api, bundleForm, errorCode, manifestFor, pngBytes, seedCouncil, storedCounts, text, upload } from '../../test/helpers.ts';

const files = () => [
  { name: 'viewport.png', mediaType: 'image/png', bytes: pngBytes(4096, 1) },
  { name: 'page.html', mediaType: 'text/html', bytes: text('<html><body><p>You will regret this</p></body></html>') },
];

describe('uploading an evidence bundle', () => {
  it('stores every file in R2 with the hash it was captured with and answers with a receipt', async () => {
    const s = await seedCouncil();
    const f = files();
    const manifest = await manifestFor(f);
    const res = await upload(s.alice.token, manifest, f);
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as Receipt;
    expect(receipt.exhibitRef).toBe('AB/1');
    expect(receipt.duplicate).toBe(false);
    expect(Date.parse(receipt.serverTime)).not.toBeNaN();
    expect(receipt.artifacts.map((a) => [a.name, a.sha256])).toEqual(
      await Promise.all(f.map(async (x) => [x.name, await sha256Hex(x.bytes)])).then((r) => r.sort((a, b) => a[0]!.localeCompare(b[0]!))),
    );
    for (const a of receipt.artifacts) {
      const row = await env.DB.prepare('SELECT r2_key FROM artifacts WHERE id = ?').bind(a.id).first<{ r2_key: string }>();
      const obj = await env.EVIDENCE.get(row!.r2_key);
      expect(await sha256Hex(new Uint8Array(await obj!.arrayBuffer()))).toBe(a.sha256);
    }
  });

  it('numbers exhibits per producer, AB/1 then AB/2', async () => {
    const s = await seedCouncil();
    const f = files();
    const r1 = (await (await upload(s.alice.token, await manifestFor(f), f)).json()) as Receipt;
    const r2 = (await (await upload(s.alice.token, await manifestFor(f), f)).json()) as Receipt;
    const r3 = (await (await upload(s.bob.token, await manifestFor(f), f)).json()) as Receipt;
    expect([r1.exhibitRef, r2.exhibitRef, r3.exhibitRef]).toEqual(['AB/1', 'AB/2', 'BG/1']);
  });

  it('files the same bundle only once however often it is sent', async () => {
    const s = await seedCouncil();
    const f = files();
    const manifest = await manifestFor(f);
    const first = (await (await upload(s.alice.token, manifest, f)).json()) as Receipt;
    const before = await storedCounts();
    const again = await upload(s.alice.token, manifest, f);
    expect(again.status).toBe(200);
    const second = (await again.json()) as Receipt;
    expect(second).toMatchObject({ itemId: first.itemId, exhibitRef: first.exhibitRef, duplicate: true });
    expect(await storedCounts()).toEqual(before);
  });

  it('files concurrent retries of one bundle once', async () => {
    const s = await seedCouncil();
    const f = files();
    const manifest = await manifestFor(f);
    const before = await storedCounts();
    const results = await Promise.all([1, 2, 3].map(() => upload(s.alice.token, manifest, f)));
    const receipts = (await Promise.all(results.map((r) => r.json()))) as Receipt[];
    expect(new Set(receipts.map((r) => r.itemId)).size).toBe(1);
    const after = await storedCounts();
    expect(after.items - before.items).toBe(1);
    expect(after.objects - before.objects).toBe(2);
  });

  it('refuses a different bundle under an idempotency key already used', async () => {
    const s = await seedCouncil();
    const f = files();
    const manifest = await manifestFor(f);
    await upload(s.alice.token, manifest, f);
    const res = await upload(s.alice.token, { ...manifest, title: 'Something else' }, f);
    expect(res.status).toBe(409);
    expect(await errorCode(res)).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('lets an officer file for a councillor of their council but not for another council', async () => {
    const s = await seedCouncil();
    const f = files();
    const ok = await upload(s.officer.token, await manifestFor(f, { councillorId: s.bob.id }), f);
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as Receipt).exhibitRef).toBe('BG/1');
    const cross = await upload(s.otherOfficer.token, await manifestFor(f, { councillorId: s.bob.id }), f);
    expect(cross.status).toBe(404);
    const missing = await upload(s.officer.token, await manifestFor(f), f);
    expect(await errorCode(missing)).toBe('VALIDATION_FAILED');
  });

  it('does not let a councillor file under another councillor, nor the mail filter file web captures', async () => {
    const s = await seedCouncil();
    const f = files();
    const res = await upload(s.alice.token, await manifestFor(f, { councillorId: s.bob.id }), f);
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('FORBIDDEN');
    const svc = await upload(s.service.token, await manifestFor(f, { councillorId: s.bob.id }), f);
    expect(svc.status).toBe(403);
  });
});

describe('a bundle that does not match its manifest', () => {
  async function expectRefused(res: Response, status: number, code: string, before: Awaited<ReturnType<typeof storedCounts>>) {
    expect({ status: res.status, code: await errorCode(res) }).toEqual({ status, code });
    expect(await storedCounts()).toEqual(before);
  }

  it('is refused whole when one file hash differs, leaving no rows or R2 objects', async () => {
    const s = await seedCouncil();
    const f = files();
    const manifest = await manifestFor(f);
    const tampered = [f[0]!, { ...f[1]!, bytes: text('<html><body><p>You will regre7 this</p></body></html>') }];
    const before = await storedCounts();
    await expectRefused(await upload(s.alice.token, manifest, tampered), 422, 'HASH_MISMATCH', before);
  });

  it('is refused when a size differs, a file is missing or an extra file is sent', async () => {
    const s = await seedCouncil();
    const f = files();
    const manifest = await manifestFor(f);
    const before = await storedCounts();
    const wrongSize = { ...manifest, artifacts: manifest.artifacts.map((a, i) => (i === 0 ? { ...a, size: a.size + 1 } : a)) };
    await expectRefused(await upload(s.alice.token, wrongSize, f), 422, 'SIZE_MISMATCH', before);
    await expectRefused(await upload(s.alice.token, manifest, [f[0]!]), 422, 'MISSING_FILE', before);
    await expectRefused(await upload(s.alice.token, manifest, [...f, { name: 'extra.png', bytes: pngBytes(10) }]), 422, 'UNEXPECTED_FILE', before);
    await expectRefused(await upload(s.alice.token, manifest, [...f, f[0]!]), 400, 'DUPLICATE_ARTIFACT_NAME', before);
  });

  it.each([['../../etc/passwd'], ['/absolute.png'], ['sub/dir.png'], ['nul\u0000.png'], ['..'], ['C:\\evil.png']])(
    'refuses the path trick %j in an artifact name',
    async (name) => {
      const s = await seedCouncil();
      const bytes = pngBytes(64);
      const manifest = await manifestFor([{ name: 'ok.png', mediaType: 'image/png', bytes }]);
      manifest.artifacts[0]!.name = name;
      const before = await storedCounts();
      await expectRefused(await upload(s.alice.token, manifest, [{ name: 'ok.png', bytes }]), 400, 'INVALID_ARTIFACT_NAME', before);
    },
  );

  it('refuses media types that are not evidence, and content that is not what it claims', async () => {
    const s = await seedCouncil();
    const exe = text('MZ\x90\x00 this is not a screenshot');
    const before = await storedCounts();
    const badType = await manifestFor([{ name: 'tool.exe', mediaType: 'application/x-msdownload', bytes: exe }]);
    await expectRefused(await upload(s.alice.token, badType, [{ name: 'tool.exe', bytes: exe }]), 415, 'UNSUPPORTED_MEDIA_TYPE', before);
    const disguised = await manifestFor([{ name: 'shot.png', mediaType: 'image/png', bytes: exe }]);
    await expectRefused(await upload(s.alice.token, disguised, [{ name: 'shot.png', bytes: exe }]), 415, 'MEDIA_TYPE_MISMATCH', before);
  });

  it('refuses an oversized bundle before storing anything', async () => {
    const s = await seedCouncil();
    const big = pngBytes(Number(env.MAX_BUNDLE_BYTES) + 1024);
    const manifest = await manifestFor([{ name: 'huge.png', mediaType: 'image/png', bytes: big }]);
    const before = await storedCounts();
    await expectRefused(await upload(s.alice.token, manifest, [{ name: 'huge.png', bytes: big }]), 413, 'BUNDLE_TOO_LARGE', before);
  });

  it('refuses a single file over the per-file limit', async () => {
    const s = await seedCouncil();
    const big = pngBytes(Number(env.MAX_ARTIFACT_BYTES) + 1);
    const manifest = await manifestFor([{ name: 'big.png', mediaType: 'image/png', bytes: big }]);
    const before = await storedCounts();
    await expectRefused(await upload(s.alice.token, manifest, [{ name: 'big.png', bytes: big }]), 413, 'ARTIFACT_TOO_LARGE', before);
  });

  it('explains a malformed manifest, a missing manifest and a body that is not multipart', async () => {
    const s = await seedCouncil();
    const before = await storedCounts();
    await expectRefused(await upload(s.alice.token, '{"version": 1, "artifacts": [', []), 400, 'INVALID_MANIFEST', before);
    await expectRefused(await upload(s.alice.token, { version: 1 }, []), 400, 'INVALID_MANIFEST', before);
    const noManifest = new FormData();
    noManifest.append('file', new File([pngBytes(10)], 'a.png'));
    await expectRefused(await api(s.alice.token, '/evidence', { method: 'POST', body: noManifest }), 400, 'INVALID_MANIFEST', before);
    await expectRefused(await api(s.alice.token, '/evidence', { method: 'POST', json: { hello: 1 } }), 415, 'EXPECTED_MULTIPART', before);
    const garbage = await api(s.alice.token, '/evidence', {
      method: 'POST',
      body: 'garbage',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
    });
    await expectRefused(garbage, 400, 'MALFORMED_MULTIPART', before);
  });

  it('refuses an unauthenticated upload without reading it', async () => {
    const f = files();
    const before = await storedCounts();
    const res = await api(null, '/evidence', { method: 'POST', body: bundleForm(await manifestFor(f), f) });
    await expectRefused(res, 401, 'UNAUTHENTICATED', before);
  });
});

describe('reading evidence', () => {
  async function filed() {
    const s = await seedCouncil();
    const f = files();
    const receipt = (await (await upload(s.alice.token, await manifestFor(f), f)).json()) as Receipt;
    return { s, f, receipt };
  }

  it("shows a councillor their own items, officers the council's, and nobody else anything", async () => {
    const { s, receipt } = await filed();
    expect((await api(s.alice.token, `/evidence/${receipt.itemId}`)).status).toBe(200);
    expect((await api(s.officer.token, `/evidence/${receipt.itemId}`)).status).toBe(200);
    expect((await api(s.bob.token, `/evidence/${receipt.itemId}`)).status).toBe(404);
    expect((await api(s.otherOfficer.token, `/evidence/${receipt.itemId}`)).status).toBe(404);
    expect((await api(s.service.token, `/evidence/${receipt.itemId}`)).status).toBe(404);
    const bobList = (await (await api(s.bob.token, '/evidence')).json()) as { items: unknown[] };
    expect(bobList.items).toHaveLength(0);
    const officerList = (await (await api(s.officer.token, `/evidence?councillorId=${s.alice.id}`)).json()) as { items: { id: string }[] };
    expect(officerList.items.map((i) => i.id)).toContain(receipt.itemId);
    const otherList = (await (await api(s.otherOfficer.token, '/evidence')).json()) as { items: { id: string }[] };
    expect(otherList.items.map((i) => i.id)).not.toContain(receipt.itemId);
  });

  it('lists the items in no case yet, so a capture filed without one is never out of sight', async () => {
    const { s, receipt } = await filed();
    const kase = (await (await api(s.alice.token, '/cases', { method: 'POST', json: { title: 'Linked' } })).json()) as { id: string };
    const f = files();
    const linked = (await (await upload(s.alice.token, await manifestFor(f, { caseId: kase.id }), f)).json()) as Receipt;
    const unlinked = (await (await api(s.officer.token, `/evidence?caseId=none&councillorId=${s.alice.id}`)).json()) as {
      items: { id: string; caseId: string | null }[];
    };
    expect(unlinked.items.map((i) => i.id)).toEqual([receipt.itemId]);
    const own = (await (await api(s.alice.token, '/evidence?caseId=none')).json()) as { items: { id: string }[] };
    expect(own.items.map((i) => i.id)).toEqual([receipt.itemId]);
    const inCase = (await (await api(s.officer.token, `/evidence?caseId=${kase.id}`)).json()) as { items: { id: string }[] };
    expect(inCase.items.map((i) => i.id)).toEqual([linked.itemId]);
  });

  it('streams an artifact with its hash, never as a page the browser would render, and logs the download', async () => {
    const { s, f, receipt } = await filed();
    const html = receipt.artifacts.find((a) => a.name === 'page.html')!;
    const res = await api(s.officer.token, `/evidence/${receipt.itemId}/artifacts/${html.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="page.html"');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(f[1]!.bytes);
    const log = (await (await api(s.officer.token, `/custody?itemId=${receipt.itemId}`)).json()) as { events: { action: string; actorId: string }[] };
    expect(log.events.map((e) => e.action)).toEqual(['captured', 'uploaded', 'downloaded']);
    expect(log.events[2]!.actorId).toBe(s.officer.id);
    expect((await api(s.bob.token, `/evidence/${receipt.itemId}/artifacts/${html.id}`)).status).toBe(404);
  });

  it('links an item to a case and a perpetrator, on the record', async () => {
    const { s, receipt } = await filed();
    const kase = (await (await api(s.alice.token, '/cases', { method: 'POST', json: { title: 'Harassment by @troll' } })).json()) as { id: string };
    const perp = (await (
      await api(s.alice.token, '/perpetrators', {
        method: 'POST',
        json: { displayName: 'Troll', handles: [{ platform: 'x', handle: '@troll', accountId: '12345' }] },
      })
    ).json()) as { id: string };
    const res = await api(s.alice.token, `/evidence/${receipt.itemId}`, { method: 'PATCH', json: { caseId: kase.id, perpetratorId: perp.id } });
    expect(res.status).toBe(200);
    const byCase = (await (await api(s.alice.token, `/evidence?caseId=${kase.id}`)).json()) as { items: { id: string; perpetratorId: string }[] };
    expect(byCase.items).toEqual([expect.objectContaining({ id: receipt.itemId, perpetratorId: perp.id })]);
    const bobCase = (await (await api(s.bob.token, '/cases', { method: 'POST', json: { title: "Bob's" } })).json()) as { id: string };
    const cross = await api(s.alice.token, `/evidence/${receipt.itemId}`, { method: 'PATCH', json: { caseId: bobCase.id } });
    expect(cross.status).toBe(404);
    const log = (await (await api(s.alice.token, `/custody?itemId=${receipt.itemId}`)).json()) as { events: { action: string }[] };
    expect(log.events.map((e) => e.action)).toContain('linked');
  });

  it('answers malformed JSON with a clear code', async () => {
    const { s, receipt } = await filed();
    const res = await api(s.alice.token, `/evidence/${receipt.itemId}`, {
      method: 'PATCH',
      body: '{not json',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(await errorCode(res)).toBe('INVALID_JSON');
  });
});
