import type { Bindings } from '../env.ts';
import { readConfig } from '../config.ts';
import { councilDigest, type Digest } from './summary.ts';

const WEBHOOK_TIMEOUT_MS = 5000;

/**
 * The daily digest (cron trigger): one summary per council, POSTed to DIGEST_WEBHOOK_URL
 * (falling back to the alert webhook) so the single point of contact sees what waits even
 * on a day nobody opens the dashboard. Returns the digests it built.
 */
export async function sendDigests(env: Bindings): Promise<{ digests: Digest[]; delivered: number }> {
  const { results } = await env.DB.prepare('SELECT id, name FROM councils').all<{ id: string; name: string }>();
  const url = readConfig(env).digestWebhookUrl;
  const digests: Digest[] = [];
  let delivered = 0;
  for (const council of results) {
    const digest = await councilDigest(env.DB, council.id, council.name);
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
