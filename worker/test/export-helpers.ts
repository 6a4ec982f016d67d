import { unzipSync } from 'fflate';
import { custodyChainHash, custodyEventBody, sha256Hex, type CustodyLine, type PackManifest, type PackSignature } from '@wardguard/shared';
import { api, manifestFor, pngBytes, text, upload, type Actor } from './helpers.ts';
import { fileMessage } from './mail-helpers.ts';

/** A web capture as the extension files it: screenshots, page HTML and the post's metadata. */
export async function captureOn(
  actor: Actor,
  platform: string,
  opts: { caseId?: string; perpetratorId?: string; postId: string; capturedAt?: string; seed?: number },
) {
  const files = [
    { name: 'full-page-annotated.png', mediaType: 'image/png', bytes: pngBytes(2048, opts.seed ?? 1) },
    { name: 'viewport.png', mediaType: 'image/png', bytes: pngBytes(1024, (opts.seed ?? 1) + 1) },
    { name: 'page.html', mediaType: 'text/html', bytes: text(`<html><body><p>post ${opts.postId}</p></body></html>`) },
  ];
  const manifest = await manifestFor(files, {
    title: `Abusive post ${opts.postId}`,
    capturedAt: opts.capturedAt ?? '2026-11-20T10:15:00.000Z',
    ...(opts.caseId ? { caseId: opts.caseId } : {}),
    ...(opts.perpetratorId ? { perpetratorId: opts.perpetratorId } : {}),
    metadata: {
      url: `https://${platform}.example/status/${opts.postId}`,
      canonicalUrl: `https://${platform}.example/status/${opts.postId}`,
      capturedAtLocal: { timeZone: 'Europe/London', local: '20/11/2026, 10:15:00' },
      browser: { name: 'Chromium', version: '156', userAgent: 'Mozilla/5.0 Chromium/156' },
      extension: { name: 'Wardguard', version: '0.1.0' },
      pageActions: ['expanded "see more"'],
      post: {
        platform,
        authorHandle: '@troll',
        authorDisplayName: 'A Troll',
        authorId: '1234567890',
        authorProfileUrl: `https://${platform}.example/troll`,
        postId: opts.postId,
        permalink: `https://${platform}.example/troll/status/${opts.postId}`,
        postText: '=HYPERLINK("http://evil") you will regret it, councillor',
        postTimestamp: '2026-11-20T09:00:00.000Z',
        postTimestampText: '1h',
        replyTo: null,
        mediaUrls: [],
        pageState: 'ok',
        warnings: [],
        fieldSources: {},
      },
    },
  });
  const res = await upload(actor.token, manifest, files);
  if (res.status !== 201) throw new Error(`capture upload failed: ${res.status} ${await res.text()}`);
  return { receipt: (await res.json()) as { itemId: string; exhibitRef: string }, files };
}

/** Alice's case: two X captures, one Facebook capture, a quarantined email and a diary entry, with a perpetrator. */
export async function seedCaseForExport(s: { alice: Actor; officer: Actor; service: Actor }) {
  const kase = (await (
    await api(s.officer.token, '/cases', { method: 'POST', json: { title: 'Harassment of Cllr Brown', councillorId: s.alice.id } })
  ).json()) as { id: string };
  // Alice records the perpetrator: a councillor can file captures only against perpetrators they can see.
  const perp = (await (
    await api(s.alice.token, '/perpetrators', {
      method: 'POST',
      json: { displayName: 'The Troll', handles: [{ platform: 'x', handle: '@troll', accountId: '1234567890' }], emails: ['angry@example.net'] },
    })
  ).json()) as { id: string };
  const x1 = await captureOn(s.alice, 'x', { caseId: kase.id, perpetratorId: perp.id, postId: '1001', capturedAt: '2026-11-20T10:15:00.000Z', seed: 3 });
  const x2 = await captureOn(s.alice, 'x', { caseId: kase.id, perpetratorId: perp.id, postId: '1002', capturedAt: '2026-11-21T10:15:00.000Z', seed: 5 });
  const fb = await captureOn(s.alice, 'facebook', { caseId: kase.id, postId: '2001', capturedAt: '2026-11-22T10:15:00.000Z', seed: 7 });
  const mail = await fileMessage(s.service.token, s.alice.id, { subject: 'You', body: 'I know where you live and I am coming for you' });
  const filed = (await mail.res.json()) as { recordId: string };
  const record = (await (await api(s.officer.token, `/mail/records/${filed.recordId}`)).json()) as { itemId: string };
  const link = await api(s.officer.token, `/evidence/${record.itemId}`, { method: 'PATCH', json: { caseId: kase.id, perpetratorId: perp.id } });
  if (!link.ok) throw new Error(`link failed: ${link.status} ${await link.text()}`);
  const diary = await api(s.alice.token, '/diary', {
    method: 'POST',
    json: { occurredAt: '2026-11-22T18:00:00.000Z', whatHappened: 'Saw the posts at home', impact: 'Could not sleep', caseId: kase.id },
  });
  if (diary.status !== 201) throw new Error(`diary failed: ${diary.status} ${await diary.text()}`);
  return { caseId: kase.id, perpetratorId: perp.id, x1, x2, fb, mail, emailItemId: record.itemId };
}

export interface OpenedPack {
  entries: Record<string, Uint8Array>;
  names: string[];
  manifestBytes: Uint8Array;
  manifest: PackManifest;
  signature: PackSignature;
  custody: CustodyLine[];
}

export function openPack(zip: Uint8Array): OpenedPack {
  const entries = unzipSync(zip);
  const names = Object.keys(entries);
  const manifestBytes = entries['manifest.json']!;
  const dec = new TextDecoder();
  return {
    entries,
    names,
    manifestBytes,
    manifest: JSON.parse(dec.decode(manifestBytes)) as PackManifest,
    signature: JSON.parse(dec.decode(entries['manifest.sig']!)) as PackSignature,
    custody: dec
      .decode(entries['custody/custody.jsonl']!)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as CustodyLine),
  };
}

const fromB64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

/** An independent check inside workerd (WebCrypto only): hashes, signature, custody links. */
export async function checkPack(p: OpenedPack, publicKeyB64: string): Promise<string[]> {
  const problems: string[] = [];
  const key = await crypto.subtle.importKey('raw', fromB64(publicKeyB64), { name: 'Ed25519' }, false, ['verify']);
  if (!(await crypto.subtle.verify({ name: 'Ed25519' }, key, fromB64(p.signature.signature), p.manifestBytes))) problems.push('signature');
  for (const f of p.manifest.files) {
    const bytes = p.entries[f.path];
    if (!bytes) problems.push(`missing ${f.path}`);
    else if ((await sha256Hex(bytes)) !== f.sha256 || bytes.byteLength !== f.size) problems.push(`altered ${f.path}`);
  }
  const listed = new Set([...p.manifest.files.map((f) => f.path), 'manifest.json', 'manifest.sig']);
  for (const n of p.names) if (!listed.has(n)) problems.push(`unlisted ${n}`);
  let prev: string | null = null;
  for (const line of p.custody) {
    if (prev !== null && line.prevHash !== prev) problems.push(`custody link ${line.seq}`);
    if (!('redacted' in line) && (await custodyChainHash(line.prevHash, custodyEventBody(line))) !== line.hash) problems.push(`custody hash ${line.seq}`);
    prev = line.hash;
  }
  const last = p.custody[p.custody.length - 1];
  if (last?.hash !== p.manifest.custody.headHash || last?.seq !== p.manifest.custody.headSeq) problems.push('custody head');
  return problems;
}

export async function download(token: string, exportId: string): Promise<Response> {
  return api(token, `/exports/${exportId}/pack.zip`);
}
