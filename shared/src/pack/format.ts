import { z } from 'zod';
import { SHA256_HEX } from '../evidence/hash.ts';
import { platformSchema } from '../evidence/post-metadata.ts';

/**
 * The evidence pack, version 1: one ZIP that a police officer or a platform's
 * trust-and-safety team can check with nothing but the pack and the council's public key.
 *
 * Layout (entries appear in this order; manifest.json and manifest.sig come last
 * because the manifest lists every other file's size and SHA-256):
 *
 *   README.txt                  how to verify, in plain language
 *   report.pdf                  cover sheet, timeline, one page per exhibit
 *   index.json, index.csv       one row per exhibit
 *   exhibits/<AB-1>/<name>      the original files, byte for byte (emails as message.eml)
 *   custody/custody.jsonl       the custody chain for the included items
 *   preservation/<platform>.txt what to ask each platform to preserve, and by when
 *   manifest.json               every file above: path, size, SHA-256, role
 *   manifest.sig                Ed25519 signature over the exact bytes of manifest.json
 */
export const PACK_FORMAT = 'wardguard-pack/1';
export const PACK_SIGNATURE_FORMAT = 'wardguard-pack-signature/1';

export const PACK_PATHS = {
  readme: 'README.txt',
  report: 'report.pdf',
  indexJson: 'index.json',
  indexCsv: 'index.csv',
  custody: 'custody/custody.jsonl',
  /** The council's signed checkpoint of its chain head, written to R2 as the pack was made. */
  custodyCheckpoint: 'custody/checkpoint.json',
  manifest: 'manifest.json',
  signature: 'manifest.sig',
} as const;

/** `AB/1` → `exhibits/AB-1/`: exhibit references contain a slash, which a ZIP path cannot. */
export const exhibitDir = (exhibitRef: string): string => `exhibits/${exhibitRef.replace(/[^A-Za-z0-9]+/g, '-')}/`;
export const preservationPath = (platform: string): string => `preservation/${platform}.txt`;

export const PACK_VARIANTS = ['police', 'platform'] as const;
export const packVariantSchema = z.enum(PACK_VARIANTS);
export type PackVariant = z.infer<typeof packVariantSchema>;

export const PACK_FILE_ROLES = ['readme', 'report', 'index', 'exhibit', 'custody', 'preservation'] as const;

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64');

export const packFileSchema = z.strictObject({
  path: z.string().min(1).max(1024),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(SHA256_HEX),
  role: z.enum(PACK_FILE_ROLES),
  /** For exhibit files: the exhibit they belong to. */
  exhibitRef: z.string().optional(),
});
export type PackFile = z.infer<typeof packFileSchema>;

export const packPublicKeySchema = z.strictObject({
  algorithm: z.literal('Ed25519'),
  /** The raw 32-byte public key, base64. */
  raw: base64,
  /** SHA-256 of the raw key bytes, hex: short enough to read out over the phone. */
  fingerprint: z.string().regex(SHA256_HEX),
});
export type PackPublicKey = z.infer<typeof packPublicKeySchema>;

export const packManifestSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  packId: z.string().min(1),
  variant: packVariantSchema,
  /** Set for a platform pack: only that platform's items are inside. */
  platform: platformSchema.nullable(),
  scope: z.strictObject({
    kind: z.enum(['case', 'perpetrator', 'selection']),
    id: z.string().nullable(),
    title: z.string(),
  }),
  council: z.strictObject({ id: z.string(), name: z.string() }),
  createdAt: z.iso.datetime(),
  createdBy: z.strictObject({ id: z.string(), name: z.string() }),
  /** Who the pack is for, as the officer typed it ("DC Jones, Thames Valley Police"). */
  recipient: z.string(),
  publicKey: packPublicKeySchema,
  /** The council's custody chain head when the export was recorded (the export event itself). */
  custody: z.strictObject({ path: z.literal(PACK_PATHS.custody), headSeq: z.number().int().positive(), headHash: z.string().regex(SHA256_HEX) }),
  exhibits: z.number().int().nonnegative(),
  files: z.array(packFileSchema),
});
export type PackManifest = z.infer<typeof packManifestSchema>;

/**
 * manifest.sig. The signature is over the exact bytes of manifest.json; the manifest's
 * SHA-256 is repeated here so a verifier can say *which* of the two files changed.
 */
export const packSignatureSchema = z.strictObject({
  format: z.literal(PACK_SIGNATURE_FORMAT),
  algorithm: z.literal('Ed25519'),
  manifestSha256: z.string().regex(SHA256_HEX),
  publicKeyFingerprint: z.string().regex(SHA256_HEX),
  /** 64-byte Ed25519 signature, base64. */
  signature: base64,
});
export type PackSignature = z.infer<typeof packSignatureSchema>;

/**
 * One line of custody/custody.jsonl, in increasing seq order from the first line to the
 * head. seq is numbered across all councils of a deployment, so it may skip numbers: the
 * chain's continuity is each line's prevHash equalling the previous line's hash. Events about the included items (and the exported case) are written in full so
 * their hashes can be recomputed; every other event of the council's chain is a redacted
 * link (seq and hashes only) so the chain stays continuous without revealing other
 * councillors' business.
 */
export const custodyFullLineSchema = z.strictObject({
  seq: z.number().int().positive(),
  councilId: z.string(),
  at: z.string(),
  actorId: z.string(),
  action: z.string(),
  itemId: z.string().nullable(),
  caseId: z.string().nullable(),
  details: z.unknown(),
  prevHash: z.string().regex(SHA256_HEX),
  hash: z.string().regex(SHA256_HEX),
});
export const custodyLinkLineSchema = z.strictObject({
  seq: z.number().int().positive(),
  redacted: z.literal(true),
  prevHash: z.string().regex(SHA256_HEX),
  hash: z.string().regex(SHA256_HEX),
});
export const custodyLineSchema = z.union([custodyFullLineSchema, custodyLinkLineSchema]);
export type CustodyFullLine = z.infer<typeof custodyFullLineSchema>;
export type CustodyLinkLine = z.infer<typeof custodyLinkLineSchema>;
export type CustodyLine = z.infer<typeof custodyLineSchema>;

/** One exhibit in index.json (index.csv has the same columns, files flattened). */
export interface PackIndexFile {
  path: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}
export interface PackIndexEntry {
  exhibitRef: string;
  itemId: string;
  kind: 'web_capture' | 'email' | 'upload' | 'diary';
  title: string;
  platform: string | null;
  url: string | null;
  canonicalUrl: string | null;
  permalink: string | null;
  authorHandle: string | null;
  authorDisplayName: string | null;
  authorId: string | null;
  authorProfileUrl: string | null;
  postId: string | null;
  postText: string | null;
  /** ISO UTC from the page's machine-readable data, and as the page showed it. */
  postTime: string | null;
  postTimeText: string | null;
  replyTo: string | null;
  capturedAt: string;
  captureTimeZone: string | null;
  capturedBy: string;
  tool: string | null;
  userAgent: string | null;
  pageActions: string[];
  perpetrator: { id: string; displayName: string } | null;
  /** Emails only: the parsed headers (the .eml file is the original). */
  email: { from: string; to: string[]; date: string | null; subject: string; messageId: string; receivedChain: string[] } | null;
  files: PackIndexFile[];
}
