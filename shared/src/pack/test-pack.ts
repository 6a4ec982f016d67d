// Test-only: builds evidence packs in the exporter's format (client-zip, stored entries,
// Ed25519 over the exact manifest bytes) so the verifier's tests, the CLI test and the
// dashboard's browser test can tamper with known-good packs. Not used by runtime code.
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { makeZip } from 'client-zip';
import { custodyChainHash, custodyEventBody, type CustodyHashedFields } from '../evidence/custody-hash.ts';
import { bytesToBase64 } from '../encoding/base64.ts';
import { toHex } from '../encoding/hex.ts';
import { utf8Encode } from '../encoding/utf8.ts';
import { GENESIS_HASH, type CustodyCheckpoint, type SignedCustodyCheckpoint } from '../api/custody.ts';
import { canonicalJson } from '../evidence/canonical-json.ts';
import {
  exhibitDir,
  PACK_FORMAT,
  PACK_PATHS,
  PACK_SIGNATURE_FORMAT,
  type CustodyLine,
  type PackFile,
  type PackManifest,
  type PackPublicKey,
  type PackSignature,
} from './format.ts';

export interface ZipInput {
  name: string;
  bytes: Uint8Array;
  /** Unix mode, e.g. 0o120777 for a symbolic link whose target is `bytes`. */
  mode?: number;
}

export interface TestPack {
  zip: Uint8Array;
  /** Every entry in ZIP order, manifest.json and manifest.sig last, for re-zipping after a change. */
  entries: ZipInput[];
  manifest: PackManifest;
  manifestBytes: Uint8Array;
  signature: PackSignature;
  secretKey: Uint8Array;
  publicKey: PackPublicKey;
  custodyLines: CustodyLine[];
  /** custody/checkpoint.json as written, or null when the pack has none (an older pack). */
  checkpoint: SignedCustodyCheckpoint | null;
}

/** A stored ZIP of exactly these entries, names unchecked (tests need hostile ones too). */
export async function zipEntries(entries: ZipInput[]): Promise<Uint8Array> {
  const stream = makeZip(
    entries.map((e) => ({ name: e.name, input: e.bytes, lastModified: new Date('2026-11-20T10:00:00Z'), ...(e.mode !== undefined ? { mode: e.mode } : {}) })),
    { buffersAreUTF8: true },
  ) as unknown as AsyncIterable<Uint8Array>;
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export function publicKeyOf(secretKey: Uint8Array): PackPublicKey {
  const raw = ed25519.getPublicKey(secretKey);
  return { algorithm: 'Ed25519', raw: bytesToBase64(raw), fingerprint: toHex(sha256(raw)) };
}

/** manifest.sig for these exact manifest bytes. */
export function signManifest(manifestBytes: Uint8Array, secretKey: Uint8Array): PackSignature {
  return {
    format: PACK_SIGNATURE_FORMAT,
    algorithm: 'Ed25519',
    manifestSha256: toHex(sha256(manifestBytes)),
    publicKeyFingerprint: publicKeyOf(secretKey).fingerprint,
    signature: bytesToBase64(ed25519.sign(manifestBytes, secretKey)),
  };
}

export const COUNCIL_ID = 'council-test';

/**
 * A custody chain as the Worker writes it: `redacted` indexes become links (another
 * councillor's events), seq skips numbers (it is shared across councils).
 */
export async function buildCustodyLines(
  events: Omit<CustodyHashedFields, 'councilId'>[],
  opts: { firstSeq?: number; redacted?: number[] } = {},
): Promise<CustodyLine[]> {
  const lines: CustodyLine[] = [];
  let prevHash = GENESIS_HASH;
  let seq = opts.firstSeq ?? 3;
  for (const [i, e] of events.entries()) {
    const full = { councilId: COUNCIL_ID, ...e };
    const hash = await custodyChainHash(prevHash, custodyEventBody(full));
    lines.push(opts.redacted?.includes(i) ? { seq, redacted: true, prevHash, hash } : { seq, ...full, prevHash, hash });
    prevHash = hash;
    seq += i % 2 === 0 ? 2 : 1;
  }
  return lines;
}

export const custodyJsonl = (lines: CustodyLine[]): Uint8Array => utf8Encode(lines.map((l) => JSON.stringify(l) + '\n').join(''));

const DEFAULT_EVENTS: Omit<CustodyHashedFields, 'councilId'>[] = [
  { at: '2026-11-01T09:00:00.000Z', actorId: 'user-cllr', action: 'captured', itemId: 'item-1', caseId: 'case-1', details: { sha256: 'a'.repeat(64) } },
  { at: '2026-11-01T09:05:00.000Z', actorId: 'user-other', action: 'captured', itemId: 'item-other', caseId: 'case-other', details: {} },
  {
    at: '2026-11-02T10:00:00.000Z',
    actorId: 'user-officer',
    action: 'viewed',
    itemId: 'item-1',
    caseId: 'case-1',
    details: { note: 'reviewed by the duty officer' },
  },
  { at: '2026-11-03T11:00:00.000Z', actorId: 'user-cllr', action: 'uploaded', itemId: 'item-2', caseId: 'case-1', details: { name: 'message.eml' } },
  {
    at: '2026-11-20T10:00:00.000Z',
    actorId: 'user-officer',
    action: 'exported',
    itemId: null,
    caseId: 'case-1',
    details: { recipient: 'DC Jones, Thames Valley Police' },
  },
];

export interface TestPackOptions {
  secretKey?: Uint8Array;
  /** Extra exhibit files beyond the default two exhibits. */
  exhibits?: { exhibitRef: string; name: string; bytes: Uint8Array }[];
  /** Change the manifest before it is signed (to build packs the exporter should never make). */
  editManifest?: (m: PackManifest) => void;
  /**
   * Change the custody log before it is hashed into the manifest: a validly signed pack whose
   * chain is broken, as if the log had been edited before signing.
   */
  editCustody?: (lines: CustodyLine[]) => CustodyLine[];
  /** The custody file's exact bytes, overriding the lines (for lines that are not JSON at all). */
  custodyBytes?: (jsonl: Uint8Array) => Uint8Array;
  /** Leave custody/checkpoint.json out, as packs made before checkpoints were. */
  withoutCheckpoint?: boolean;
  /** Change the checkpoint before it is signed (validly signed, but not the pack's chain). */
  editCheckpoint?: (c: CustodyCheckpoint) => void;
  /** Sign the checkpoint with this key instead of the pack's. */
  checkpointKey?: Uint8Array;
  /** checkpoint.json's exact bytes after signing, before the manifest hashes them (a signature that no longer holds). */
  checkpointBytes?: (json: Uint8Array) => Uint8Array;
}

/** A checkpoint signed as the Worker signs one: Ed25519 over its canonical JSON. */
export function signCheckpoint(checkpoint: CustodyCheckpoint, secretKey: Uint8Array): SignedCustodyCheckpoint {
  return {
    checkpoint,
    signature: bytesToBase64(ed25519.sign(utf8Encode(canonicalJson(checkpoint)), secretKey)),
    keyFingerprint: publicKeyOf(secretKey).fingerprint,
  };
}

/** A valid, signed police pack: README, index, two exhibits (a screenshot and an email), custody log. */
export async function buildTestPack(opts: TestPackOptions = {}): Promise<TestPack> {
  const secretKey = opts.secretKey ?? ed25519.utils.randomSecretKey();
  const publicKey = publicKeyOf(secretKey);
  const chain = await buildCustodyLines(DEFAULT_EVENTS, { redacted: [1] });
  // The manifest names the head the Worker wrote, whatever the log was changed into.
  const head = chain[chain.length - 1]!;
  const custodyLines = opts.editCustody ? opts.editCustody(chain.map((l) => JSON.parse(JSON.stringify(l)) as CustodyLine)) : chain;
  const custodyFile = opts.custodyBytes ? opts.custodyBytes(custodyJsonl(custodyLines)) : custodyJsonl(custodyLines);
  const exhibits = opts.exhibits ?? [
    { exhibitRef: 'AB/1', name: 'screenshot-full.png', bytes: utf8Encode('\u0089PNG fake full-page screenshot of the post, with URL and time stamped on it') },
    { exhibitRef: 'AB/1', name: 'page.html', bytes: utf8Encode('<html><body><article>You will regret this, councillor.</article></body></html>') },
    { exhibitRef: 'AB/2', name: 'message.eml', bytes: utf8Encode('From: someone@example.net\r\nSubject: you\r\n\r\nI know where you live.\r\n') },
  ];
  const body: { file: Omit<PackFile, 'size' | 'sha256'>; bytes: Uint8Array }[] = [
    {
      file: { path: PACK_PATHS.readme, role: 'readme' },
      bytes: utf8Encode('WARDGUARD EVIDENCE PACK test\nHow to verify: npx wardguard-verify pack.zip --key <key>\n'),
    },
    { file: { path: PACK_PATHS.indexJson, role: 'index' }, bytes: utf8Encode(JSON.stringify([{ exhibitRef: 'AB/1' }, { exhibitRef: 'AB/2' }])) },
    ...exhibits.map((x) => ({ file: { path: `${exhibitDir(x.exhibitRef)}${x.name}`, role: 'exhibit' as const, exhibitRef: x.exhibitRef }, bytes: x.bytes })),
    { file: { path: PACK_PATHS.custody, role: 'custody' }, bytes: custodyFile },
  ];
  // As the Worker writes it: the head that includes the export event, anchored moments after it.
  let checkpoint: SignedCustodyCheckpoint | null = null;
  if (!opts.withoutCheckpoint) {
    const c: CustodyCheckpoint = { version: 1, councilId: COUNCIL_ID, seq: head.seq, hash: head.hash, events: 12, at: '2026-11-20T10:00:00.250Z' };
    opts.editCheckpoint?.(c);
    checkpoint = signCheckpoint(c, opts.checkpointKey ?? secretKey);
    const json = utf8Encode(JSON.stringify(checkpoint, null, 2) + '\n');
    body.push({ file: { path: PACK_PATHS.custodyCheckpoint, role: 'custody' }, bytes: opts.checkpointBytes ? opts.checkpointBytes(json) : json });
  }
  const manifest: PackManifest = {
    format: PACK_FORMAT,
    packId: 'pack-test-1',
    variant: 'police',
    platform: null,
    scope: { kind: 'case', id: 'case-1', title: 'Harassment of Cllr Test' },
    council: { id: COUNCIL_ID, name: 'Testshire District Council' },
    createdAt: '2026-11-20T10:00:00.000Z',
    createdBy: { id: 'user-officer', name: 'Olive Officer' },
    recipient: 'DC Jones, Thames Valley Police',
    publicKey,
    custody: { path: PACK_PATHS.custody, headSeq: head.seq, headHash: head.hash },
    exhibits: new Set(exhibits.map((x) => x.exhibitRef)).size,
    files: body.map(({ file, bytes }) => ({ ...file, size: bytes.byteLength, sha256: toHex(sha256(bytes)) })),
  };
  opts.editManifest?.(manifest);
  // Pretty-printed on purpose: the signature is over the bytes, whatever their layout.
  const manifestBytes = utf8Encode(JSON.stringify(manifest, null, 2));
  const signature = signManifest(manifestBytes, secretKey);
  const entries: ZipInput[] = [
    ...body.map(({ file, bytes }) => ({ name: file.path, bytes })),
    { name: PACK_PATHS.manifest, bytes: manifestBytes },
    { name: PACK_PATHS.signature, bytes: utf8Encode(JSON.stringify(signature)) },
  ];
  return { zip: await zipEntries(entries), entries, manifest, manifestBytes, signature, secretKey, publicKey, custodyLines, checkpoint };
}

/** The same pack re-zipped after `change` edits its entries (a copy: the original is untouched). */
export function rezip(pack: TestPack, change: (entries: ZipInput[]) => ZipInput[]): Promise<Uint8Array> {
  return zipEntries(change(pack.entries.map((e) => ({ name: e.name, bytes: e.bytes.slice() }))));
}

/** Flips one byte of `needle`'s first occurrence inside the ZIP bytes: damage in place, as a disk or an editor would do it. */
export function flipByteInZip(zip: Uint8Array, needle: Uint8Array, at = 0): Uint8Array {
  const copy = zip.slice();
  outer: for (let i = 0; i + needle.length <= copy.length; i++) {
    for (let j = 0; j < needle.length; j++) if (copy[i + j] !== needle[j]) continue outer;
    copy[i + at] = copy[i + at]! ^ 0x01;
    return copy;
  }
  throw new Error('flipByteInZip: bytes not found in the ZIP');
}
