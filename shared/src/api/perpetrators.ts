import { z } from 'zod';

export const platformHandleSchema = z.object({
  platform: z.string().trim().min(1).max(50),
  handle: z.string().trim().max(200).optional(),
  // Stable numeric/opaque account id (X rest_id, Facebook id…): handles change, ids do not.
  accountId: z.string().trim().max(200).optional(),
  // Rendered as a link in the dashboard: only http(s), never javascript: or data:.
  profileUrl: z.url({ protocol: /^https?$/ }).max(2000).optional(),
});

export const perpetratorFieldsSchema = z.object({
  displayName: z.string().trim().min(1).max(200),
  aliases: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  handles: z.array(platformHandleSchema).max(50).default([]),
  emails: z.array(z.email().max(320)).max(50).default([]),
  notes: z.string().max(5000).default(''),
});
export const createPerpetratorSchema = perpetratorFieldsSchema;
export const updatePerpetratorSchema = perpetratorFieldsSchema.partial();

export type PlatformHandle = z.infer<typeof platformHandleSchema>;
export interface PerpetratorView {
  id: string;
  displayName: string;
  aliases: string[];
  handles: PlatformHandle[];
  emails: string[];
  notes: string;
  createdAt: string;
  updatedAt: string;
}
