import type { CouncilSettingsView, UpdateCouncil } from '@wardguard/shared';
import type { Bindings, Principal } from '../env.ts';
import { updateCouncilHooksStatement } from '../db/councils.ts';
import { appendCustody } from '../db/custody.ts';
import { councilSettings } from './council-settings.ts';

/**
 * An admin changes their council's webhooks: the new URLs and the `council_settings_changed`
 * custody event in one transaction. The event names which hooks changed, never the URLs.
 */
export async function updateCouncilHooks(env: Bindings, p: Principal, input: UpdateCouncil): Promise<CouncilSettingsView> {
  await councilSettings(env.DB, p.councilId);
  const changed = (['alertWebhookUrl', 'digestWebhookUrl'] as const).filter((k) => input[k] !== undefined);
  await appendCustody(
    env.DB,
    [{ councilId: p.councilId, actorId: p.userId, action: 'council_settings_changed', details: { changed } }],
    [updateCouncilHooksStatement(env.DB, p.councilId, input)],
  );
  return councilSettings(env.DB, p.councilId);
}
