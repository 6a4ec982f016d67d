import { z } from 'zod';

/** An http(s) URL to POST to; null clears it. */
const hookUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .trim()
  .max(2000)
  .nullable();

/**
 * `PATCH /api/v1/council` (admins): the council's own webhooks. An omitted field is left as
 * it is; null removes the council's own hook.
 */
export const updateCouncilSchema = z
  .strictObject({ alertWebhookUrl: hookUrl.optional(), digestWebhookUrl: hookUrl.optional() })
  .refine((v) => v.alertWebhookUrl !== undefined || v.digestWebhookUrl !== undefined, 'set alertWebhookUrl or digestWebhookUrl');
export type UpdateCouncil = z.infer<typeof updateCouncilSchema>;

/** What an admin sees of their council's settings. */
export interface CouncilSettingsView {
  id: string;
  name: string;
  /** Threat-to-life alerts; null: none of its own. */
  alertWebhookUrl: string | null;
  /** The daily digest; null: the alert hook. */
  digestWebhookUrl: string | null;
}
