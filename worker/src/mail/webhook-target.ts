import type { Config } from '../config.ts';
import type { Bindings } from '../env.ts';
import { readConfig } from '../config.ts';
import { councilHookCensus, getCouncilSettings, type CouncilHooks } from '../db/councils.ts';

export type HookKind = 'alert' | 'digest';
export type HookCensus = Awaited<ReturnType<typeof councilHookCensus>>;

/**
 * Where one council's alert or digest goes. Its own hook first (the digest falls back to its
 * own alert hook). The deployment's ALERT_WEBHOOK_URL / DIGEST_WEBHOOK_URL serve it only
 * while they can be nobody else's: the deployment has one council, or no council has a hook
 * of its own yet (the body names the council either way). Once any council has its own,
 * a council without one gets no push at all, rather than a hook that may be another
 * council's; its alerts still wait at the top of the dashboard queue and the mail filter's
 * duty emails still go out.
 */
export function pickWebhook(config: Config, council: CouncilHooks, kind: HookKind, census: HookCensus): string | null {
  const own = kind === 'alert' ? council.alertWebhookUrl : (council.digestWebhookUrl ?? council.alertWebhookUrl);
  if (own) return own;
  const shared = kind === 'alert' ? config.alertWebhookUrl : config.digestWebhookUrl;
  if (!shared) return null;
  return census.councils <= 1 || census.withHooks === 0 ? shared : null;
}

/** `pickWebhook` for one council by id; null when it has none or does not exist. */
export async function councilWebhook(env: Bindings, councilId: string, kind: HookKind): Promise<{ url: string; councilName: string } | null> {
  const council = await getCouncilSettings(env.DB, councilId);
  if (!council) return null;
  const url = pickWebhook(readConfig(env), council, kind, await councilHookCensus(env.DB));
  return url ? { url, councilName: council.name } : null;
}
