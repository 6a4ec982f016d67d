import { z } from 'zod';
import type { EvidenceKind } from '../evidence/manifest.ts';

/** Link or unlink an item to a case / perpetrator (null unlinks). */
export const linkEvidenceSchema = z
  .object({
    caseId: z.string().min(1).max(64).nullable().optional(),
    perpetratorId: z.string().min(1).max(64).nullable().optional(),
  })
  .refine((v) => v.caseId !== undefined || v.perpetratorId !== undefined, 'nothing to change');

export interface ArtifactView {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}

export interface EvidenceView {
  id: string;
  kind: EvidenceKind;
  exhibitRef: string;
  title: string;
  councillorId: string;
  caseId: string | null;
  perpetratorId: string | null;
  metadata: Record<string, unknown>;
  capturedAt: string;
  capturedBy: string;
  receivedAt: string;
  manifestSha256: string;
  /** Fingerprint of the capturing device's key when the manifest was signed. */
  signatureKeySha256: string | null;
  artifacts: ArtifactView[];
}
