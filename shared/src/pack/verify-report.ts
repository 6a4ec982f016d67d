import type { CustodyCheckpoint } from '../api/custody.ts';
import type { PackManifest } from './format.ts';

/**
 * What the verifier can find wrong, each a stable code a caller may branch on. The message
 * beside it is for people: it names the file and says what changed in plain English.
 */
export const PACK_PROBLEM_CODES = [
  // The ZIP container
  'ZIP_UNREADABLE',
  'ZIP_AMBIGUOUS',
  'PATH_ABSOLUTE',
  'PATH_TRAVERSAL',
  'PATH_BACKSLASH',
  'PATH_INVALID',
  'PATH_DUPLICATE',
  // Files against the manifest
  'FILE_CHANGED',
  'FILE_MISSING',
  'FILE_ADDED',
  'FILE_UNREADABLE',
  'EXHIBIT_REF_MISSING',
  'EXHIBIT_PATH_MISMATCH',
  // manifest.json, manifest.sig and the key
  'MANIFEST_MISSING',
  'MANIFEST_INVALID',
  'MANIFEST_CHANGED',
  'MANIFEST_KEY_INVALID',
  'SIGNATURE_MISSING',
  'SIGNATURE_MALFORMED',
  'SIGNATURE_INVALID',
  'SIGNATURE_FILE_CHANGED',
  'WRONG_KEY',
  'KEY_NOT_SUPPLIED',
  // custody/custody.jsonl
  'CUSTODY_MISSING',
  'CUSTODY_EMPTY',
  'CUSTODY_LINE_INVALID',
  'CUSTODY_SEQ_ORDER',
  'CUSTODY_LINK_BROKEN',
  'CUSTODY_HASH_MISMATCH',
  'CUSTODY_COUNCIL_MISMATCH',
  'CUSTODY_HEAD_MISMATCH',
  'CUSTODY_TOO_MANY_PROBLEMS',
  // custody/checkpoint.json
  'CHECKPOINT_INVALID',
  'CHECKPOINT_WRONG_KEY',
  'CHECKPOINT_SIGNATURE_INVALID',
  'CHECKPOINT_COUNCIL_MISMATCH',
  'CHECKPOINT_HEAD_MISMATCH',
] as const;
export type PackProblemCode = (typeof PACK_PROBLEM_CODES)[number];

export interface PackProblem {
  /** The file inside the pack the problem is about; null for the ZIP as a whole. */
  path: string | null;
  code: PackProblemCode;
  message: string;
  /** Custody problems: the seq of the line concerned, when it could be read. */
  seq?: number;
}

/**
 * Where the key that checked the signature came from. Only `supplied` and `fingerprint`
 * are trusted: `self-asserted` is the key the pack names for itself, which anyone who
 * rewrites a pack can replace along with the signature.
 */
export type PackKeySource = 'supplied' | 'fingerprint' | 'self-asserted' | 'none';

export interface PackKeyReport {
  source: PackKeySource;
  /** SHA-256 of the raw key that checked the signature, hex; null when there was none to use. */
  fingerprint: string | null;
  trusted: boolean;
  /** One sentence saying what the key proves, for people. */
  explanation: string;
}

export type PackSummary = Pick<PackManifest, 'packId' | 'variant' | 'platform' | 'scope' | 'council' | 'createdAt' | 'createdBy' | 'recipient' | 'exhibits'>;

export interface CustodySummary {
  lines: number;
  /** Events about the pack's items, whose hashes were recomputed. */
  full: number;
  /** Other events of the council's chain, reduced to seq and hashes. */
  redacted: number;
  headSeq: number | null;
  headHash: string | null;
  /** The first line where the chain does not hold, by seq (null when none, or when that line has no readable seq). */
  firstBrokenSeq: number | null;
}

/**
 * The council's signed checkpoint of its custody chain, as the pack carries it. `absent` is
 * not a failure (packs made before checkpoints have none) and not a pass: nothing about a
 * checkpoint was shown. `reach` says how its head relates to the pack's custody log: `head`
 * and `in-log` were compared hash for hash; `after-log` and `before-log` could not be.
 */
export interface CheckpointReport {
  status: 'verified' | 'failed' | 'absent' | 'not-checked';
  checkpoint: CustodyCheckpoint | null;
  /** The key the checkpoint says signed it (checked against the pack's key when status is verified). */
  keyFingerprint: string | null;
  reach: 'head' | 'in-log' | 'after-log' | 'before-log' | null;
  /** One sentence for people. */
  explanation: string;
}

export interface PackReport {
  /** True only when every check passed and the signing key came from the caller. */
  ok: boolean;
  /** From the manifest when it could be read (and before knowing whether it can be trusted). */
  pack: PackSummary | null;
  key: PackKeyReport;
  signature: 'valid' | 'invalid' | 'not-checked';
  files: { listed: number; checked: number; bytes: number };
  custody: CustodySummary | null;
  checkpoint: CheckpointReport;
  problems: PackProblem[];
}
