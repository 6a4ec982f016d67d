import { utf8Encode } from '../encoding/utf8.ts';
import { ed25519 } from '@noble/curves/ed25519.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACK_PATHS } from './format.ts';
import { buildTestPack, publicKeyOf, rezip, type TestPack, type TestPackOptions } from './test-pack.ts';
import { formatPackReport } from './verify-format.ts';
import { bytesSource, parsePackKey, verifyPack, type PackReport, type TrustedKey } from './verify.ts';

// Every pack signs with its own random key unless told otherwise; one key keeps the tests short.
const secretKey = ed25519.utils.randomSecretKey();
let key: TrustedKey;
let pack: TestPack;

beforeAll(async () => {
  pack = await buildTestPack({ secretKey });
  key = parsePackKey(pack.publicKey.raw);
});

const verify = async (opts: TestPackOptions, k: TrustedKey | null = key) =>
  verifyPack(bytesSource((await buildTestPack({ secretKey, ...opts })).zip), { key: k });
const codes = (r: PackReport) => r.problems.map((p) => `${p.code} ${p.path}`);
const CHECKPOINT = PACK_PATHS.custodyCheckpoint;

describe('custody/checkpoint.json in a pack', () => {
  it('holds for an untouched pack: signed by the council key, same council, naming the head the custody log ends at', async () => {
    const report = await verifyPack(bytesSource(pack.zip), { key });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checkpoint).toMatchObject({
      status: 'verified',
      reach: 'head',
      checkpoint: { councilId: pack.manifest.council.id, seq: pack.manifest.custody.headSeq, hash: pack.manifest.custody.headHash },
      keyFingerprint: pack.publicKey.fingerprint,
    });
    expect(formatPackReport(report, 'pack.zip')).toMatch(/Checkpoint: seq \d+ .*signed by the council key/);
  });

  it('says an older pack has no checkpoint, without failing it or claiming one held', async () => {
    const report = await verify({ withoutCheckpoint: true });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checkpoint).toMatchObject({ status: 'absent', checkpoint: null, reach: null });
    expect(formatPackReport(report, 'old.zip')).toMatch(/Checkpoint: none/);
  });

  it('reports a checkpoint whose bytes changed after it was signed', async () => {
    const report = await verify({ checkpointBytes: (json) => utf8Encode(new TextDecoder().decode(json).replace('"events": 12', '"events": 11')) });
    expect(codes(report)).toEqual([`CHECKPOINT_SIGNATURE_INVALID ${CHECKPOINT}`]);
    expect(report.ok).toBe(false);
    expect(report.checkpoint.status).toBe('failed');
  });

  it('reports a checkpoint swapped in after the manifest was signed, as a changed file and a broken signature', async () => {
    const forged = { ...pack.checkpoint!, checkpoint: { ...pack.checkpoint!.checkpoint, hash: 'f'.repeat(64) } };
    const zip = await rezip(pack, (es) => es.map((e) => (e.name === CHECKPOINT ? { ...e, bytes: utf8Encode(JSON.stringify(forged)) } : e)));
    const report = await verifyPack(bytesSource(zip), { key });
    expect(codes(report).sort()).toEqual([`CHECKPOINT_SIGNATURE_INVALID ${CHECKPOINT}`, `FILE_CHANGED ${CHECKPOINT}`]);
  });

  it('reports a checkpoint signed with another key than the council key', async () => {
    const report = await verify({ checkpointKey: ed25519.utils.randomSecretKey() });
    expect(codes(report)).toEqual([`CHECKPOINT_WRONG_KEY ${CHECKPOINT}`]);
  });

  it('does not repeat WRONG_KEY for a checkpoint signed, like the whole pack, with another key than the one supplied', async () => {
    const report = await verifyPack(bytesSource(pack.zip), { key: parsePackKey((await buildTestPack()).publicKey.raw) });
    expect(codes(report)).toEqual([`WRONG_KEY ${PACK_PATHS.signature}`]);
    expect(report.checkpoint.status).toBe('failed');
  });

  it('accepts a checkpoint signed by a previous council key only when that key is supplied as one', async () => {
    const oldKey = ed25519.utils.randomSecretKey();
    const zip = (await buildTestPack({ secretKey, checkpointKey: oldKey })).zip;
    const previous = parsePackKey(publicKeyOf(oldKey).raw);
    const listed = await verifyPack(bytesSource(zip), { key, previousKeys: [previous] });
    expect(listed.problems).toEqual([]);
    expect(listed.checkpoint).toMatchObject({ status: 'verified', keyFingerprint: publicKeyOf(oldKey).fingerprint });
    expect(listed.checkpoint.explanation).toMatch(/previous council key/);
    // Another previous key does not stand in for it, and a broken signature is still broken.
    const unrelated = await verifyPack(bytesSource(zip), { key, previousKeys: [parsePackKey(publicKeyOf(ed25519.utils.randomSecretKey()).raw)] });
    expect(codes(unrelated)).toEqual([`CHECKPOINT_WRONG_KEY ${CHECKPOINT}`]);
    const edited = await buildTestPack({
      secretKey,
      checkpointKey: oldKey,
      checkpointBytes: (json) => utf8Encode(new TextDecoder().decode(json).replace('"events": 12', '"events": 13')),
    });
    expect(codes(await verifyPack(bytesSource(edited.zip), { key, previousKeys: [previous] }))).toEqual([`CHECKPOINT_SIGNATURE_INVALID ${CHECKPOINT}`]);
  });

  it("reports a checkpoint, validly signed, of another council's chain", async () => {
    const report = await verify({
      editCheckpoint: (c) => {
        c.councilId = 'council-other';
      },
    });
    expect(codes(report)).toEqual([`CHECKPOINT_COUNCIL_MISMATCH ${CHECKPOINT}`]);
  });

  it('reports a checkpoint, validly signed, whose head hash is not the head of the custody log', async () => {
    const report = await verify({
      editCheckpoint: (c) => {
        c.hash = 'e'.repeat(64);
      },
    });
    expect(codes(report)).toEqual([`CHECKPOINT_HEAD_MISMATCH ${CHECKPOINT}`]);
    expect(report.problems[0]!.message).toMatch(/seq 9/);
  });

  it('accepts an earlier checkpoint the custody log passes through with the same hash', async () => {
    const report = await verify({
      editCheckpoint: (c) => {
        c.seq = pack.custodyLines[2]!.seq;
        c.hash = pack.custodyLines[2]!.hash;
      },
    });
    expect(report.problems).toEqual([]);
    expect(report.checkpoint).toMatchObject({ status: 'verified', reach: 'in-log' });
  });

  it('reports an earlier checkpoint the custody log passes with another hash, or skips over', async () => {
    const wrongHash = await verify({
      editCheckpoint: (c) => {
        c.seq = pack.custodyLines[2]!.seq;
        c.hash = pack.custodyLines[1]!.hash;
      },
    });
    expect(codes(wrongHash)).toEqual([`CHECKPOINT_HEAD_MISMATCH ${CHECKPOINT}`]);
    // seq 7 lies between the log's seq 6 and 8: the council's chain never had an event there.
    const skipped = await verify({
      editCheckpoint: (c) => {
        c.seq = 7;
      },
    });
    expect(codes(skipped)).toEqual([`CHECKPOINT_HEAD_MISMATCH ${CHECKPOINT}`]);
  });

  it('says what it cannot check: a checkpoint after the head the pack carries, or before its log begins', async () => {
    const after = await verify({
      editCheckpoint: (c) => {
        c.seq = 40;
        c.hash = 'a'.repeat(64);
      },
    });
    expect(after.problems).toEqual([]);
    expect(after.checkpoint).toMatchObject({ status: 'verified', reach: 'after-log' });
    expect(after.checkpoint.explanation).toMatch(/cannot/);
    const before = await verify({
      editCheckpoint: (c) => {
        c.seq = 1;
      },
    });
    expect(before.checkpoint).toMatchObject({ status: 'verified', reach: 'before-log' });
  });

  it('reports a checkpoint file that is not a signed checkpoint', async () => {
    const report = await verify({ checkpointBytes: () => utf8Encode('{"checkpoint": "no"}') });
    expect(codes(report)).toEqual([`CHECKPOINT_INVALID ${CHECKPOINT}`]);
    expect(report.checkpoint.status).toBe('failed');
  });

  it("checks the checkpoint with the pack's own key when only its fingerprint was supplied", async () => {
    const report = await verify({}, parsePackKey(pack.publicKey.fingerprint));
    expect(report.ok).toBe(true);
    expect(report.checkpoint.status).toBe('verified');
  });

  it('does not claim a checkpoint held when there is no key to check it with', async () => {
    const broken = await rezip(pack, (es) => es.map((e) => (e.name === PACK_PATHS.manifest ? { ...e, bytes: utf8Encode('{') } : e)));
    const report = await verifyPack(bytesSource(broken), { key: null });
    expect(report.checkpoint.status).toBe('not-checked');
    expect(formatPackReport(report, 'broken.zip')).toMatch(/Checkpoint: seq \d+ .*not-checked/);
    const notZip = await verifyPack(bytesSource(utf8Encode('not a zip')), { key });
    expect(formatPackReport(notZip, 'x.zip')).toContain('Checkpoint: not-checked. Nothing was checked.');
  });
});
