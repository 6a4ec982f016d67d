import { WardguardError, type CouncilSettingsView } from '@wardguard/shared';
import { getCouncilSettings } from '../db/councils.ts';

/** The caller's own council and its webhooks (admins only: a hook URL can carry a token). */
export async function councilSettings(db: D1Database, councilId: string): Promise<CouncilSettingsView> {
  const s = await getCouncilSettings(db, councilId);
  if (!s) throw new WardguardError('NOT_FOUND', 'No such council.');
  return { id: s.id, name: s.name, alertWebhookUrl: s.alertWebhookUrl, digestWebhookUrl: s.digestWebhookUrl };
}
