import { bundleManifestSchema, type BundleManifest } from '@wardguard/shared';
import { toEntry, type SealedArtifact } from './artifact.ts';

export interface ManifestInput {
  idempotencyKey: string;
  title: string;
  capturedAt: string;
  caseId?: string | null;
  note?: string | null;
  metadata: Record<string, unknown>;
  artifacts: SealedArtifact[];
}

const TITLE_MAX = 300;

/** A title the Worker accepts: trimmed, never empty, at most 300 characters. */
export function manifestTitle(pageTitle: string, url: string): string {
  const t = pageTitle.replace(/\s+/g, ' ').trim() || url.trim() || 'Web capture';
  return t.length > TITLE_MAX ? `${t.slice(0, TITLE_MAX - 1)}…` : t;
}

/**
 * Builds and validates the manifest of a web capture, plus the exact bytes that are
 * signed and sent as the `manifest` part. The note lives in metadata so it is signed too.
 */
export function buildManifest(input: ManifestInput): { manifest: BundleManifest; text: string } {
  const metadata = { ...input.metadata, ...(input.note?.trim() ? { note: input.note.trim() } : {}) };
  const manifest = bundleManifestSchema.parse({
    version: 1,
    idempotencyKey: input.idempotencyKey,
    kind: 'web_capture',
    title: input.title,
    capturedAt: input.capturedAt,
    ...(input.caseId ? { caseId: input.caseId } : {}),
    metadata,
    artifacts: input.artifacts.map(toEntry),
  });
  return { manifest, text: JSON.stringify(manifest) };
}

/** A fresh key for one capture; retries of the same bundle reuse it so the Worker files it once. */
export const newIdempotencyKey = (): string => `wg-ext:${crypto.randomUUID()}`;
