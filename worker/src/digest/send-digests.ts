import type { Bindings } from '../env.ts';
import { readConfig } from '../config.ts';
import { councilDigest, type Digest } from './summary.ts';
import { councilHookCensus, listCouncilSettings } from '../db/councils.ts';
import { pickWebhook } from '../mail/webhook-target.ts';

const WEBHOOK_TIMEOUT_MS = 5000;

/**
 * The daily digest (cron trigger): one summary per council, POSTed to that council's digest
 * hook (mail/webhook-target.ts: its own, else DIGEST_WEBHOOK_URL / ALERT_WEBHOOK_URL while
 * those can be nobody else's) so the single point of contact sees what waits even
 * on a day nobody opens the dashboard. Returns the digests it built.
 */
export async function sendDigests(env: Bindings): Promise<{ digests: Digest[]; delivered: number }> {
  const councils = await listCouncilSettings(env.DB);
  const census = await councilHookCensus(env.DB);
  const config = readConfig(env);
  const digests: Digest[] = [];
  let delivered = 0;
  for (const council of councils) {
    const digest = await councilDigest(env.DB, env.EVIDENCE, council.id, council.name);
    const url = pickWebhook(config, council, 'digest', census);
    digests.push(digest);
    if (!url) continue;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'wardguard.daily_digest', ...digest }),
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      if (res.ok) delivered += 1;
    } catch (err) {
      console.error('digest webhook failed', String(err));
    }
  }
  return { digests, delivered };
}
