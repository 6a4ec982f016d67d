import { z } from 'zod';
import { ALLOWED_MEDIA_TYPES } from './media-types.ts';
import { SHA256_HEX } from './hash.ts';

export const EVIDENCE_KINDS = ['web_capture', 'email', 'upload', 'diary'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const artifactEntrySchema = z.object({
  // Checked separately by assertSafeArtifactName so path tricks get their own error code.
  name: z.string().min(1).max(255),
  mediaType: z.enum(ALLOWED_MEDIA_TYPES),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(SHA256_HEX, 'lower-case hex SHA-256'),
});
export type ArtifactEntry = z.infer<typeof artifactEntrySchema>;

/**
 * What the client says it is sending. The Worker trusts none of the numbers: it
 * recomputes every size and hash and refuses the whole bundle on any difference.
 */
export const bundleManifestSchema = z.object({
  version: z.literal(1),
  // Client-chosen; the same key for the same councillor never files twice.
  idempotencyKey: z.string().regex(/^[A-Za-z0-9:._-]{8,128}$/),
  kind: z.enum(['web_capture', 'email', 'upload']),
  title: z.string().trim().min(1).max(300),
  capturedAt: z.iso.datetime({ offset: true }),
  councillorId: z.string().min(1).max(64).optional(),
  caseId: z.string().min(1).max(64).optional(),
  perpetratorId: z.string().min(1).max(64).optional(),
  metadata: z.record(z.string(), z.unknown()).default({}),
  artifacts: z.array(artifactEntrySchema).min(1).max(64),
});
export type BundleManifest = z.infer<typeof bundleManifestSchema>;

/** What the Worker answers once a bundle is durable. */
export const receiptSchema = z.object({
  itemId: z.string(),
  exhibitRef: z.string(),
  serverTime: z.string(),
  manifestSha256: z.string(),
  duplicate: z.boolean(),
  signatureKeySha256: z.string().nullable(),
  artifacts: z.array(z.object({ id: z.string(), name: z.string(), mediaType: z.string(), size: z.number(), sha256: z.string() })),
});
export type Receipt = z.infer<typeof receiptSchema>;
