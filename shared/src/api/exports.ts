import { z } from 'zod';
import { platformSchema } from '../evidence/post-metadata.ts';
import { packVariantSchema } from '../pack/format.ts';

/** A pack of more exhibits than this is split by the officer; it also bounds the export's D1 row. */
export const MAX_PACK_EXHIBITS = 2000;

export const exportScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('case'), id: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('perpetrator'), id: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('selection'), itemIds: z.array(z.string().min(1).max(64)).min(1).max(MAX_PACK_EXHIBITS) }),
]);
export type ExportScope = z.infer<typeof exportScopeSchema>;

export const createExportSchema = z
  .strictObject({
    scope: exportScopeSchema,
    variant: packVariantSchema,
    /** Required for a platform pack: only that platform's captures go in. */
    platform: platformSchema.optional(),
    /** Who receives it ("DC Jones, Thames Valley Police"): recorded in the custody log. */
    recipient: z.string().trim().min(1).max(300),
  })
  .refine((v) => v.variant === 'police' || v.platform !== undefined, { message: 'a platform pack needs a platform', path: ['platform'] })
  .refine((v) => v.variant === 'platform' || v.platform === undefined, {
    message: 'a police pack covers every platform; leave platform out',
    path: ['platform'],
  });
export type CreateExport = z.infer<typeof createExportSchema>;

export interface ExportView {
  id: string;
  variant: 'police' | 'platform';
  platform: string | null;
  scope: { kind: 'case' | 'perpetrator' | 'selection'; id: string | null; title: string };
  recipient: string;
  exhibits: number;
  createdBy: string;
  createdAt: string;
  /** Relative URL that streams the signed ZIP; every download is a custody event. */
  downloadUrl: string;
  downloads: number;
  lastManifestSha256: string | null;
}
