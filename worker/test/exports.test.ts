import { env, exports } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { exhibitDir, sha256Hex, type ExportView, type PackIndexEntry } from '@wardguard/shared';
import { api, errorCode, seedCouncil } from './helpers.ts';
import { checkPack, download, openPack, seedCaseForExport } from './export-helpers.ts';

type Seed = Awaited<ReturnType<typeof seedCouncil>>;
let s: Seed;
let c: Awaited<ReturnType<typeof seedCaseForExport>>;

const prepare = async (token: string, body: unknown) => api(token, '/exports', { method: 'POST', json: body });
const policeCase = () => ({ scope: { kind: 'case', id: c.caseId }, variant: 'police', recipient: 'DC Jones, Thames Valley Police' });

async function exportAndOpen(body: unknown) {
  const res = await prepare(s.officer.token, body);
  expect(res.status).toBe(201);
  const view = (await res.json()) as ExportView;
  const zip = await download(s.officer.token, view.id);
  expect(zip.status).toBe(200);
  const bytes = new Uint8Array(await zip.arrayBuffer());
  // Sent without a length: the report and the manifest that signs it are made as the exhibits stream.
  expect(zip.headers.get('content-length')).toBeNull();
  return { view, zip, size: bytes.byteLength, pack: openPack(bytes) };
}

const publicKey = async () =>
  (await (await exports.default.fetch('http://wardguard.test/.well-known/wardguard-pack-key')).json()) as { raw: string; fingerprint: string };

beforeEach(async () => {
  s = await seedCouncil();
  c = await seedCaseForExport(s);
});

describe('evidence packs', () => {
  it('publishes the public key without authentication', async () => {
    const key = await publicKey();
    expect(atob(key.raw)).toHaveLength(32);
    expect(key.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('exports a whole case as a signed police pack that verifies, with every file and the custody chain', async () => {
    const { pack, zip } = await exportAndOpen(policeCase());
    expect(await checkPack(pack, (await publicKey()).raw)).toEqual([]);
    expect(zip.headers.get('content-disposition')).toMatch(/^attachment; filename="wardguard-police-harassment-of-cllr-brown-\d{4}-\d{2}-\d{2}\.zip"$/);
    const refs = [c.x1, c.x2, c.fb].map((x) => x.receipt.exhibitRef);
    for (const ref of refs) {
      for (const f of ['full-page-annotated.png', 'viewport.png', 'page.html']) expect(pack.names).toContain(exhibitDir(ref) + f);
    }
    // The original email byte for byte, and the diary with its versions.
    const emailPath = pack.manifest.files.find((f) => f.path.endsWith('/message.eml'))!.path;
    expect(pack.entries[emailPath]).toEqual(c.mail.eml);
    expect(pack.names.some((n) => n.endsWith('/diary.json'))).toBe(true);
    // Stored files are exactly what was captured.
    expect(pack.entries[exhibitDir(c.x1.receipt.exhibitRef) + 'viewport.png']).toEqual(c.x1.files[1]!.bytes);
    for (const n of ['README.txt', 'report.pdf', 'index.json', 'index.csv', 'custody/custody.jsonl', 'preservation/x.txt', 'preservation/facebook.txt'])
      expect(pack.names).toContain(n);
    expect(pack.names.slice(-2)).toEqual(['manifest.json', 'manifest.sig']);
    expect(pack.manifest).toMatchObject({
      variant: 'police',
      platform: null,
      exhibits: 5,
      recipient: 'DC Jones, Thames Valley Police',
      scope: { kind: 'case', id: c.caseId },
    });
    expect(new TextDecoder().decode(pack.entries['report.pdf']!.slice(0, 5))).toBe('%PDF-');
  });

  it('indexes each exhibit with account ids, post and capture times, and neutralises spreadsheet formulas', async () => {
    const { pack } = await exportAndOpen(policeCase());
    const index = JSON.parse(new TextDecoder().decode(pack.entries['index.json'])) as { exhibits: PackIndexEntry[] };
    const x1 = index.exhibits.find((e) => e.exhibitRef === c.x1.receipt.exhibitRef)!;
    expect(x1).toMatchObject({
      platform: 'x',
      authorId: '1234567890',
      postId: '1001',
      postTime: '2026-11-20T09:00:00.000Z',
      capturedAt: '2026-11-20T10:15:00.000Z',
      captureTimeZone: 'Europe/London',
      capturedBy: 'Alice Brown',
      perpetrator: { displayName: 'The Troll' },
    });
    const email = index.exhibits.find((e) => e.kind === 'email')!;
    expect(email.email).toMatchObject({ from: 'Angry Person <angry@example.net>', subject: 'You' });
    expect(email.email!.messageId).toBe(c.mail.record.messageId);
    // Timeline order: oldest capture first.
    expect(index.exhibits.map((e) => e.capturedAt)).toEqual([...index.exhibits.map((e) => e.capturedAt)].sort());
    const csv = new TextDecoder().decode(pack.entries['index.csv']);
    expect(csv.split('\r\n')[0]).toMatch(/^exhibit_ref,kind,title,platform,url,permalink,author_handle/);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    const sheet = new TextDecoder().decode(pack.entries['preservation/x.txt']);
    expect(sheet).toContain('account id: 1234567890');
    expect(sheet).toContain('post id 1001');
    expect(sheet).toMatch(/plan for legal process before \d{4}-\d{2}-\d{2}/);
  });

  it("makes a platform pack with only that platform's captures: no email, diary, perpetrator or internal custody detail", async () => {
    const { pack } = await exportAndOpen({ scope: { kind: 'case', id: c.caseId }, variant: 'platform', platform: 'x', recipient: 'X Safety' });
    expect(await checkPack(pack, (await publicKey()).raw)).toEqual([]);
    expect(pack.manifest.exhibits).toBe(2);
    expect(
      pack.names
        .filter((n) => n.startsWith('exhibits/'))
        .every((n) => n.startsWith(exhibitDir(c.x1.receipt.exhibitRef)) || n.startsWith(exhibitDir(c.x2.receipt.exhibitRef))),
    ).toBe(true);
    expect(pack.names.some((n) => n.endsWith('.eml') || n.endsWith('diary.json'))).toBe(false);
    expect(pack.names.filter((n) => n.startsWith('preservation/'))).toEqual(['preservation/x.txt']);
    const index = new TextDecoder().decode(pack.entries['index.json']);
    expect(index).not.toContain('The Troll');
    expect(index).not.toContain('Could not sleep');
    // Events about other items (the email, the diary, Facebook) travel only as hash links.
    const full = pack.custody.filter((l) => !('redacted' in l));
    const included = new Set([c.x1.receipt.itemId, c.x2.receipt.itemId]);
    expect(full.every((l) => ('itemId' in l && l.itemId && included.has(l.itemId)) || ('action' in l && l.action === 'exported'))).toBe(true);
    expect(JSON.stringify(pack.custody)).not.toContain('Could not sleep');
  });

  it('records every download in the custody log: what left, to whom, and the manifest that went', async () => {
    const { view, pack, size } = await exportAndOpen(policeCase());
    const head = pack.custody[pack.custody.length - 1]!;
    expect(head).toMatchObject({ action: 'exported', details: { exportId: view.id, recipient: 'DC Jones, Thames Valley Police', variant: 'police' } });
    expect((head as { details: { exhibits: unknown[] } }).details.exhibits).toHaveLength(5);
    // Completion is recorded once the last byte has gone.
    await expect
      .poll(async () => (await api(s.officer.token, `/exports/${view.id}`).then((r) => r.json())) as ExportView)
      .toMatchObject({ downloads: 1, lastManifestSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const events = (await (await api(s.officer.token, '/custody?limit=1000')).json()) as { events: { action: string; details: Record<string, unknown> }[] };
    const done = events.events.find((e) => e.action === 'export_completed')!;
    // The manifest is signed after the exhibits have streamed, so its hash and the pack's length are on this record, not in the response headers.
    const manifestSha256 = await sha256Hex(pack.manifestBytes);
    expect(done.details).toMatchObject({ exportId: view.id, packId: pack.manifest.packId, manifestSha256, bytes: size });
    expect(((await (await api(s.officer.token, `/exports/${view.id}`)).json()) as ExportView).lastManifestSha256).toBe(manifestSha256);
    expect((await (await api(s.officer.token, '/custody/verify')).json()) as { ok: boolean }).toMatchObject({ ok: true });
  });

  it('refuses councillors, other councils, unknown scopes, empty platform packs and bad requests', async () => {
    expect(await errorCode(await prepare(s.alice.token, policeCase()))).toBe('FORBIDDEN');
    expect(await errorCode(await prepare(s.otherOfficer.token, policeCase()))).toBe('NOT_FOUND');
    expect(await errorCode(await prepare(s.officer.token, { ...policeCase(), scope: { kind: 'case', id: 'nope' } }))).toBe('NOT_FOUND');
    expect(
      await errorCode(await prepare(s.officer.token, { scope: { kind: 'case', id: c.caseId }, variant: 'platform', platform: 'tiktok', recipient: 'TikTok' })),
    ).toBe('EMPTY_PACK');
    expect(await errorCode(await prepare(s.officer.token, { scope: { kind: 'case', id: c.caseId }, variant: 'platform', recipient: 'X' }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(await errorCode(await prepare(s.officer.token, { ...policeCase(), recipient: '  ' }))).toBe('VALIDATION_FAILED');
    expect(
      await errorCode(
        await prepare(s.officer.token, {
          scope: { kind: 'selection', itemIds: [c.x1.receipt.itemId, 'missing-id'] },
          variant: 'police',
          recipient: 'DC Jones',
        }),
      ),
    ).toBe('NOT_FOUND');
    const ok = (await (await prepare(s.officer.token, policeCase())).json()) as ExportView;
    expect(await errorCode(await download(s.otherOfficer.token, ok.id))).toBe('NOT_FOUND');
    expect(await errorCode(await download(s.alice.token, ok.id))).toBe('FORBIDDEN');
  });

  it('exports a perpetrator across cases and a hand-picked selection', async () => {
    const byPerp = await exportAndOpen({ scope: { kind: 'perpetrator', id: c.perpetratorId }, variant: 'police', recipient: 'DC Jones' });
    expect(byPerp.pack.manifest.exhibits).toBe(3);
    expect(byPerp.pack.manifest.scope.title).toBe('Incidents attributed to The Troll');
    const picked = await exportAndOpen({ scope: { kind: 'selection', itemIds: [c.fb.receipt.itemId] }, variant: 'police', recipient: 'DC Jones' });
    expect(picked.pack.manifest.exhibits).toBe(1);
    expect(await checkPack(picked.pack, (await publicKey()).raw)).toEqual([]);
  });

  it('breaks the download and records the failure when a stored file no longer matches its hash', async () => {
    const view = (await (await prepare(s.officer.token, policeCase())).json()) as ExportView;
    const art = await env.DB.prepare("SELECT r2_key FROM artifacts WHERE item_id = ? AND name = 'viewport.png'")
      .bind(c.x2.receipt.itemId)
      .first<{ r2_key: string }>();
    await env.EVIDENCE.put(art!.r2_key, new Uint8Array(1024).fill(7));
    const res = await download(s.officer.token, view.id);
    expect(res.status).toBe(200);
    await expect(res.arrayBuffer()).rejects.toThrow();
    await expect
      .poll(
        async () =>
          ((await (await api(s.officer.token, '/custody?limit=1000')).json()) as { events: { action: string; details: { reason?: string } }[] }).events.find(
            (e) => e.action === 'export_failed',
          )?.details.reason,
      )
      .toMatch(/viewport\.png does not match its recorded hash/);
  });

  it('refuses to issue an unsigned pack when no key is configured', async () => {
    const { createApp } = await import('../src/app.ts');
    const view = (await (await prepare(s.officer.token, policeCase())).json()) as ExportView;
    const exportedCount = async () => (await env.DB.prepare("SELECT COUNT(*) AS n FROM custody_events WHERE action = 'exported'").first<{ n: number }>())?.n;
    const before = await exportedCount();
    const res = await createApp().request(
      `/api/v1/exports/${view.id}/pack.zip`,
      { headers: { authorization: `Bearer ${s.officer.token}` } },
      { ...env, PACK_SIGNING_KEY: undefined },
    );
    expect(res.status).toBe(503);
    expect(await errorCode(res)).toBe('PACK_KEY_MISSING');
    expect(await exportedCount()).toBe(before);
  });
});
