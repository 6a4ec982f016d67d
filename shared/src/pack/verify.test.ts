import { utf8Encode } from '../encoding/utf8.ts';
import { ed25519 } from '@noble/curves/ed25519.js';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACK_PATHS } from './format.ts';
import { buildTestPack, flipByteInZip, publicKeyOf, rezip, signManifest, type TestPack } from './test-pack.ts';
import { blobSource, bytesSource, parsePackKey, verifyPack, type PackReport, type TrustedKey } from './verify.ts';

let pack: TestPack;
let key: TrustedKey;

beforeAll(async () => {
  pack = await buildTestPack();
  key = parsePackKey(pack.publicKey.raw);
});

const verify = (zip: Uint8Array, k: TrustedKey | null = key) => verifyPack(bytesSource(zip), { key: k });
const codes = (r: PackReport) => r.problems.map((p) => `${p.code} ${p.path}`);

describe('verifyPack on an untouched pack', () => {
  it('verifies every file, the signature and the custody chain with the council key', async () => {
    const report = await verify(pack.zip);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.signature).toBe('valid');
    expect(report.key).toMatchObject({ source: 'supplied', trusted: true, fingerprint: pack.publicKey.fingerprint });
    expect(report.files).toMatchObject({ listed: pack.manifest.files.length, checked: pack.manifest.files.length });
    expect(report.custody).toMatchObject({ lines: 5, full: 4, redacted: 1, headSeq: pack.manifest.custody.headSeq, firstBrokenSeq: null });
    expect(report.pack).toMatchObject({ packId: 'pack-test-1', recipient: 'DC Jones, Thames Valley Police', exhibits: 2 });
  });

  it('accepts the fingerprint alone, read out over the phone, in place of the key', async () => {
    const grouped = pack.publicKey.fingerprint.toUpperCase().replace(/(.{4})/g, '$1 ');
    const report = await verify(pack.zip, parsePackKey(grouped));
    expect(report.ok).toBe(true);
    expect(report.key).toMatchObject({ source: 'fingerprint', trusted: true });
  });

  it('is not ok without a key, and says the key in the pack proves nothing on its own', async () => {
    const report = await verify(pack.zip, null);
    expect(report.ok).toBe(false);
    expect(codes(report)).toEqual([`KEY_NOT_SUPPLIED ${PACK_PATHS.signature}`]);
    expect(report.key).toMatchObject({ source: 'self-asserted', trusted: false });
    expect(report.key.explanation).toMatch(/proves nothing/);
    expect(report.signature).toBe('valid');
  });

  it('reads a browser File/Blob a range at a time', async () => {
    const blob = new Blob([pack.zip]);
    let slices = 0;
    const counting = { size: blob.size, slice: (a?: number, b?: number) => (slices++, blob.slice(a, b)) };
    const report = await verifyPack(blobSource(counting), { key });
    expect(report.ok).toBe(true);
    expect(slices).toBeGreaterThan(1);
  });

  it('verifies a pack someone re-zipped with compression, since the files inside are unchanged', async () => {
    const deflated = zipSync(Object.fromEntries(pack.entries.map((e) => [e.name, e.bytes])), { level: 6 });
    expect(deflated.byteLength).toBeLessThan(pack.zip.byteLength);
    const report = await verify(deflated);
    expect(report.problems).toEqual([]);
  });

  it('streams a large exhibit through SHA-256 in chunks and still finds one flipped byte in the middle', async () => {
    const big = new Uint8Array(3 * 1024 * 1024 + 17).map((_, i) => (i * 31) % 251);
    const large = await buildTestPack({ exhibits: [{ exhibitRef: 'AB/1', name: 'video.mp4', bytes: big }] });
    const progress: number[] = [];
    const good = await verifyPack(bytesSource(large.zip), { key: parsePackKey(large.publicKey.raw), onProgress: (p) => progress.push(p.bytesDone) });
    expect(good.problems).toEqual([]);
    expect(progress.length).toBeGreaterThan(2);
    const bad = await verify(flipByteInZip(large.zip, big.subarray(2_000_000, 2_000_032)), parsePackKey(large.publicKey.raw));
    expect(codes(bad)).toEqual(['FILE_CHANGED exhibits/AB-1/video.mp4']);
  });
});

describe('verifyPack names what was tampered with', () => {
  it('names the one exhibit file whose bytes changed in place', async () => {
    const target = pack.entries.find((e) => e.name === 'exhibits/AB-1/page.html')!;
    const report = await verify(flipByteInZip(pack.zip, target.bytes, 40));
    expect(report.ok).toBe(false);
    expect(codes(report)).toEqual(['FILE_CHANGED exhibits/AB-1/page.html']);
    expect(report.problems[0]!.message).toMatch(/SHA-256/);
  });

  it('names a file whose size changed', async () => {
    const zip = await rezip(pack, (es) =>
      es.map((e) => (e.name === 'exhibits/AB-2/message.eml' ? { ...e, bytes: utf8Encode('From: someone-else@example.net\r\n') } : e)),
    );
    const report = await verify(zip);
    expect(codes(report)).toEqual(['FILE_CHANGED exhibits/AB-2/message.eml']);
    expect(report.problems[0]!.message).toMatch(/bytes/);
  });

  it('names a file that was removed', async () => {
    const report = await verify(await rezip(pack, (es) => es.filter((e) => e.name !== 'exhibits/AB-1/screenshot-full.png')));
    expect(codes(report)).toEqual(['FILE_MISSING exhibits/AB-1/screenshot-full.png']);
  });

  it('names a file that was added', async () => {
    const report = await verify(
      await rezip(pack, (es) => [...es.slice(0, 3), { name: 'exhibits/AB-1/extra.png', bytes: utf8Encode('planted') }, ...es.slice(3)]),
    );
    expect(codes(report)).toEqual(['FILE_ADDED exhibits/AB-1/extra.png']);
  });

  it('says manifest.json was changed after signing, even when the change is well-formed', async () => {
    const edited = utf8Encode(new TextDecoder().decode(pack.manifestBytes).replace('DC Jones', 'DC Smith'));
    const report = await verify(await rezip(pack, (es) => es.map((e) => (e.name === PACK_PATHS.manifest ? { ...e, bytes: edited } : e))));
    expect(codes(report)).toEqual([`MANIFEST_CHANGED ${PACK_PATHS.manifest}`]);
    expect(report.signature).toBe('invalid');
  });

  it('says manifest.json is unreadable when it was broken, and still checks the custody chain', async () => {
    const report = await verify(await rezip(pack, (es) => es.map((e) => (e.name === PACK_PATHS.manifest ? { ...e, bytes: e.bytes.subarray(0, 50) } : e))));
    expect(codes(report)).toEqual([`MANIFEST_INVALID ${PACK_PATHS.manifest}`, `MANIFEST_CHANGED ${PACK_PATHS.manifest}`]);
    expect(report.custody).toMatchObject({ lines: 5, firstBrokenSeq: null });
  });

  it('says the signature in manifest.sig was altered', async () => {
    const sig = { ...pack.signature, signature: pack.signature.signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) };
    const report = await verify(
      await rezip(pack, (es) => es.map((e) => (e.name === PACK_PATHS.signature ? { ...e, bytes: utf8Encode(JSON.stringify(sig)) } : e))),
    );
    expect(codes(report)).toEqual([`SIGNATURE_INVALID ${PACK_PATHS.signature}`]);
  });

  it('says manifest.sig was edited when only its recorded manifest hash changed', async () => {
    const sig = { ...pack.signature, manifestSha256: '0'.repeat(64) };
    const report = await verify(
      await rezip(pack, (es) => es.map((e) => (e.name === PACK_PATHS.signature ? { ...e, bytes: utf8Encode(JSON.stringify(sig)) } : e))),
    );
    expect(codes(report)).toEqual([`SIGNATURE_FILE_CHANGED ${PACK_PATHS.signature}`]);
  });

  it('says manifest.sig is malformed or missing', async () => {
    const garbled = await verify(await rezip(pack, (es) => es.map((e) => (e.name === PACK_PATHS.signature ? { ...e, bytes: utf8Encode('not json') } : e))));
    expect(codes(garbled)).toEqual([`SIGNATURE_MALFORMED ${PACK_PATHS.signature}`]);
    const missing = await verify(await rezip(pack, (es) => es.filter((e) => e.name !== PACK_PATHS.signature)));
    expect(codes(missing)).toEqual([`SIGNATURE_MISSING ${PACK_PATHS.signature}`]);
    expect(missing.ok).toBe(false);
  });

  it('says the pack was signed with another key than the council key supplied', async () => {
    const otherCouncil = parsePackKey(publicKeyOf(ed25519.utils.randomSecretKey()).raw);
    const report = await verify(pack.zip, otherCouncil);
    expect(codes(report)).toEqual([`WRONG_KEY ${PACK_PATHS.signature}`]);
    expect(report.signature).toBe('invalid');
  });

  it('catches a pack rewritten and re-signed by someone else, which would pass on its own key', async () => {
    const forged = await buildTestPack({ editManifest: (m) => void (m.recipient = 'someone else') });
    expect((await verify(forged.zip, null)).signature).toBe('valid');
    expect(codes(await verify(forged.zip))).toEqual([`WRONG_KEY ${PACK_PATHS.signature}`]);
    expect(codes(await verify(forged.zip, { kind: 'fingerprint', fingerprint: pack.publicKey.fingerprint }))).toEqual([`WRONG_KEY ${PACK_PATHS.signature}`]);
  });

  it('catches a forger who re-signs but copies the council fingerprint into the manifest', async () => {
    const forgerKey = ed25519.utils.randomSecretKey();
    const manifestBytes = utf8Encode(JSON.stringify({ ...pack.manifest, recipient: 'someone else' }));
    const sig = { ...signManifest(manifestBytes, forgerKey), publicKeyFingerprint: pack.publicKey.fingerprint };
    const zip = await rezip(pack, (es) =>
      es.map((e) =>
        e.name === PACK_PATHS.manifest
          ? { ...e, bytes: manifestBytes }
          : e.name === PACK_PATHS.signature
            ? { ...e, bytes: utf8Encode(JSON.stringify(sig)) }
            : e,
      ),
    );
    expect(codes(await verify(zip))).toEqual([`SIGNATURE_INVALID ${PACK_PATHS.signature}`]);
  });

  it('names entries whose names climb out of the folder, are absolute, use backslashes or repeat', async () => {
    const zip = await rezip(pack, (es) => [
      ...es,
      { name: '../evil.txt', bytes: utf8Encode('x') },
      { name: '/etc/cron.d/evil', bytes: utf8Encode('x') },
      { name: 'exhibits\\AB-1\\screenshot-full.png', bytes: utf8Encode('x') },
      { name: 'README.txt', bytes: utf8Encode('a second readme that some tools would show instead') },
      { name: 'readme.TXT', bytes: utf8Encode('x') },
    ]);
    const report = await verify(zip);
    expect(codes(report)).toEqual(
      expect.arrayContaining([
        'PATH_TRAVERSAL ../evil.txt',
        'PATH_ABSOLUTE /etc/cron.d/evil',
        'PATH_BACKSLASH exhibits\\AB-1\\screenshot-full.png',
        'PATH_DUPLICATE README.txt',
        'PATH_DUPLICATE readme.TXT',
        'FILE_CHANGED README.txt',
        'FILE_ADDED ../evil.txt',
      ]),
    );
    expect(report.ok).toBe(false);
  });

  it('names an entry that unzips as a symbolic link instead of a file', async () => {
    const report = await verify(await rezip(pack, (es) => [...es, { name: 'exhibits/AB-1/photo.jpg', bytes: utf8Encode('/etc/passwd'), mode: 0o120777 }]));
    expect(codes(report)).toEqual(['PATH_INVALID exhibits/AB-1/photo.jpg', 'FILE_ADDED exhibits/AB-1/photo.jpg']);
  });

  it('names an exhibit file the manifest does not tie to an exhibit', async () => {
    const orphan = await buildTestPack({
      editManifest: (m) => {
        const f = m.files.find((x) => x.role === 'exhibit')!;
        delete f.exhibitRef;
      },
    });
    const report = await verify(orphan.zip, parsePackKey(orphan.publicKey.raw));
    expect(codes(report)).toEqual(['EXHIBIT_REF_MISSING exhibits/AB-1/screenshot-full.png']);
  });

  it('says plainly when the file is not a ZIP at all', async () => {
    const report = await verify(utf8Encode('%PDF-1.7 not a zip'));
    expect(codes(report)).toEqual(['ZIP_UNREADABLE null']);
    expect(report.ok).toBe(false);
  });
});

describe('verifyPack checks the custody chain in a validly signed pack', () => {
  const signedWith = async (edit: Parameters<typeof buildTestPack>[0]) => {
    const p = await buildTestPack(edit);
    return { p, report: await verify(p.zip, parsePackKey(p.publicKey.raw)) };
  };

  it('names the seq of an event whose details were edited', async () => {
    const { p, report } = await signedWith({
      editCustody: (ls) => ls.map((l, i) => (i === 2 && !('redacted' in l) ? { ...l, details: { note: 'nothing to see' } } : l)),
    });
    const seq = p.custodyLines[2]!.seq;
    expect(codes(report)).toEqual([`CUSTODY_HASH_MISMATCH ${PACK_PATHS.custody}`]);
    expect(report.problems[0]!.seq).toBe(seq);
    expect(report.problems[0]!.message).toContain(`seq ${seq}`);
    expect(report.custody?.firstBrokenSeq).toBe(seq);
  });

  it('names the seq after an event removed from the middle', async () => {
    const { p, report } = await signedWith({ editCustody: (ls) => ls.filter((_, i) => i !== 2) });
    expect(codes(report)).toEqual([`CUSTODY_LINK_BROKEN ${PACK_PATHS.custody}`]);
    expect(report.custody?.firstBrokenSeq).toBe(p.custodyLines[2]!.seq);
    expect(report.problems[0]!.message).toMatch(/removed, inserted or reordered/);
  });

  it('notices the last events cut off, against the head the manifest signed', async () => {
    const { report } = await signedWith({ editCustody: (ls) => ls.slice(0, -1) });
    expect(codes(report)).toEqual([`CUSTODY_HEAD_MISMATCH ${PACK_PATHS.custody}`]);
  });

  it('notices a redacted link whose hash was changed', async () => {
    const { p, report } = await signedWith({ editCustody: (ls) => ls.map((l) => ('redacted' in l ? { ...l, hash: 'f'.repeat(64) } : l)) });
    expect(codes(report)).toEqual([`CUSTODY_LINK_BROKEN ${PACK_PATHS.custody}`]);
    expect(report.custody?.firstBrokenSeq).toBe(p.custodyLines[2]!.seq);
  });

  it('notices events swapped out of order', async () => {
    const { report } = await signedWith({ editCustody: (ls) => [ls[0]!, ls[2]!, ls[1]!, ls[3]!, ls[4]!] });
    expect(codes(report)).toContain(`CUSTODY_SEQ_ORDER ${PACK_PATHS.custody}`);
    expect(codes(report)).toContain(`CUSTODY_LINK_BROKEN ${PACK_PATHS.custody}`);
  });

  it('names a line that is not JSON, and a blank line in the middle', async () => {
    const { report } = await signedWith({
      custodyBytes: (jsonl) => {
        const lines = new TextDecoder().decode(jsonl).split('\n');
        lines.splice(1, 0, '');
        lines[3] = lines[3]!.slice(0, 20);
        return utf8Encode(lines.join('\n'));
      },
    });
    expect(report.problems.map((p) => p.message)).toEqual([expect.stringMatching(/Line 2 .* blank/), expect.stringMatching(/Line 4 .* not valid JSON/)]);
  });
});
