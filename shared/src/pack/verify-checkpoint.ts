import { base64ToBytes } from '../encoding/base64.ts';
import { utf8Decode, utf8Encode } from '../encoding/utf8.ts';
import { ed25519 } from '@noble/curves/ed25519.js';
import { z } from 'zod';
import type { CustodyCheckpoint } from '../api/custody.ts';
import { canonicalJson } from '../evidence/canonical-json.ts';
import { SHA256_HEX } from '../evidence/hash.ts';
import { PACK_PATHS, type PackManifest } from './format.ts';
import { keyFingerprint } from './verify-key.ts';
import type { CheckpointReport, PackProblem, PackProblemCode } from './verify-report.ts';

const signedCheckpointSchema = z.strictObject({
  checkpoint: z.strictObject({
    version: z.literal(1),
    councilId: z.string().min(1),
    seq: z.number().int().positive(),
    hash: z.string().regex(SHA256_HEX),
    events: z.number().int().positive(),
    at: z.iso.datetime(),
  }),
  signature: z.string().min(1),
  keyFingerprint: z.string().regex(SHA256_HEX),
});

/** What the custody log in the pack showed, for comparing the checkpoint's head with. */
export interface CustodySeen {
  /** The seq of the log's first readable line; null when none was read. */
  firstSeq: number | null;
  /** The hash of the line at the checkpoint's seq, if the log has one. */
  hashAtSeq: string | null;
}

const short = (hash: string) => `${hash.slice(0, 12)}…`;

/** The checkpoint's seq, read before the custody log streams past so its hash there can be kept; null when unreadable. */
export function checkpointSeq(bytes: Uint8Array | null): number | null {
  if (!bytes) return null;
  try {
    const parsed = signedCheckpointSchema.safeParse(JSON.parse(utf8Decode(bytes)));
    return parsed.success ? parsed.data.checkpoint.seq : null;
  } catch {
    return null;
  }
}

export const NO_CHECKPOINT: CheckpointReport = {
  status: 'absent',
  checkpoint: null,
  keyFingerprint: null,
  reach: null,
  explanation:
    'No checkpoint: the pack carries no signed checkpoint of the custody chain (packs made before checkpoints have none). Its custody log is still checked against the signed manifest.',
};

/**
 * Checks custody/checkpoint.json: its Ed25519 signature with the key that checked the pack
 * (so the file also stands on its own, outside the pack), that it is this council's, and that
 * its head is where the pack's custody log says the chain was. The log starts at the first
 * event about an included item, so a checkpoint before that, or after the head the pack
 * carries, is signed and kept but its hash cannot be compared with anything in the pack.
 *
 * A checkpoint signed by one of `previousKeys` (a council that rotated its key) also holds.
 *
 * @param key the raw key the pack's signature was checked with; null when there was none
 * @param trusted whether that key came from outside the pack
 */
export function checkCheckpoint(input: {
  bytes: Uint8Array;
  manifest: PackManifest | null;
  key: Uint8Array | null;
  trusted: boolean;
  /** Keys the council signed with before its current one, from the reader (raw public keys). */
  previousKeys: readonly Uint8Array[];
  /** The pack's own signature was reported as made with another key than the one supplied. */
  wrongKeyReported: boolean;
  custody: CustodySeen;
}): { report: CheckpointReport; problems: PackProblem[] } {
  const problems: PackProblem[] = [];
  const problem = (code: PackProblemCode, message: string) => problems.push({ path: PACK_PATHS.custodyCheckpoint, code, message });
  const failed = (explanation: string, checkpoint: CustodyCheckpoint | null = null, fingerprint: string | null = null) => ({
    report: { status: 'failed' as const, checkpoint, keyFingerprint: fingerprint, reach: null, explanation },
    problems,
  });

  let value: unknown;
  try {
    value = JSON.parse(utf8Decode(input.bytes));
  } catch {
    value = undefined;
  }
  const parsed = signedCheckpointSchema.safeParse(value);
  if (!parsed.success) {
    problem('CHECKPOINT_INVALID', 'custody/checkpoint.json is not a signed custody checkpoint, so the chain head it should vouch for cannot be checked.');
    return failed('The checkpoint file could not be read as a signed checkpoint.');
  }
  const signed = parsed.data;
  const c = signed.checkpoint as CustodyCheckpoint;
  const { manifest, key } = input;
  if (!key || !manifest) {
    return {
      report: {
        status: 'not-checked',
        checkpoint: c,
        keyFingerprint: signed.keyFingerprint,
        reach: null,
        explanation: 'The checkpoint was not checked: without a readable manifest and a key there is nothing to check it against.',
      },
      problems,
    };
  }

  // A key the council used before its current one, supplied by the reader: a checkpoint
  // anchored before the rotation is signed with it.
  const previous = signed.keyFingerprint === keyFingerprint(key) ? undefined : input.previousKeys.find((k) => keyFingerprint(k) === signed.keyFingerprint);
  const signingKey = previous ?? key;
  const fingerprint = keyFingerprint(signingKey);
  if (signed.keyFingerprint !== fingerprint) {
    // The whole pack signed with another key is one fact, already reported as WRONG_KEY.
    if (input.wrongKeyReported && signed.keyFingerprint === manifest.publicKey.fingerprint) {
      return failed('The checkpoint was signed, like the pack, with a key other than the council key supplied.', c, signed.keyFingerprint);
    }
    problem(
      'CHECKPOINT_WRONG_KEY',
      `The checkpoint was signed with another key (fingerprint ${short(signed.keyFingerprint)}) than the one that checked the pack (${short(fingerprint)}): it is not this council's statement of its chain.`,
    );
    return failed('The checkpoint was signed with another key.', c, signed.keyFingerprint);
  }
  const signature = base64ToBytes(signed.signature);
  let holds = false;
  try {
    holds = signature !== null && ed25519.verify(signature, utf8Encode(canonicalJson(c)), signingKey, { zip215: false });
  } catch {
    holds = false;
  }
  if (!holds) {
    problem(
      'CHECKPOINT_SIGNATURE_INVALID',
      'The checkpoint was changed after it was signed: its signature does not verify over its contents with the council key.',
    );
    return failed('The checkpoint signature does not hold.', c, fingerprint);
  }

  if (c.councilId !== manifest.council.id) {
    problem(
      'CHECKPOINT_COUNCIL_MISMATCH',
      `The checkpoint is of another council's chain (${c.councilId}), not ${manifest.council.id}'s, which made this pack.`,
    );
  }
  const head = manifest.custody;
  let reach: CheckpointReport['reach'];
  let expected: string | null = null;
  if (c.seq === head.headSeq) {
    reach = 'head';
    expected = head.headHash;
  } else if (c.seq > head.headSeq) {
    reach = 'after-log';
  } else if (input.custody.firstSeq === null || c.seq < input.custody.firstSeq) {
    reach = 'before-log';
  } else {
    reach = 'in-log';
    expected = input.custody.hashAtSeq ?? 'no event at that seq';
  }
  if (expected !== null && expected !== c.hash) {
    problem(
      'CHECKPOINT_HEAD_MISMATCH',
      `The checkpoint says the chain stood at seq ${c.seq} with hash ${short(c.hash)}, but the pack's custody log has ${expected.length === 64 ? `hash ${short(expected)}` : expected} there: the chain was rewritten, or the checkpoint is not of this chain.`,
    );
  }
  if (problems.length > 0) return failed('The checkpoint does not match this pack.', c, fingerprint);

  const by = previous
    ? `signed by a previous council key you supplied (fingerprint ${short(fingerprint)})`
    : input.trusted
      ? 'signed by the council key'
      : 'signed by the key the pack names for itself (which proves nothing on its own)';
  const where = {
    head: `names the head the custody log ends at (the pack's export event)`,
    'in-log': 'names an event the custody log passes through, with the same hash',
    'after-log': `names seq ${c.seq}, after the head this pack carries (seq ${head.headSeq}): events were added before it was signed, so the pack cannot show its hash; the council's chain can`,
    'before-log': `names seq ${c.seq}, before this pack's custody log begins, so the pack cannot show its hash; the council's chain can`,
  }[reach];
  return {
    report: { status: 'verified', checkpoint: c, keyFingerprint: fingerprint, reach, explanation: `Checkpoint of ${c.at}, ${by}, ${where}.` },
    problems,
  };
}
