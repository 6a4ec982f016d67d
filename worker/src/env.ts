import type { Role } from '@wardguard/shared';
import type { Config } from './config.ts';

/**
 * The Worker's environment as wrangler hands it over: raw strings. Code reads settings
 * through `readConfig(env)` (config.ts), which validates them and applies the defaults.
 */
export interface Bindings {
  DB: D1Database;
  EVIDENCE: R2Bucket;
  COUNCIL_NAME?: string;
  /** Largest upload in bytes (default 67108864). */
  MAX_BUNDLE_BYTES?: string;
  /** Largest single file in an upload, in bytes (default 52428800). */
  MAX_ARTIFACT_BYTES?: string;
  /** Largest body on every route that is not an upload (JSON), in bytes (default 1048576). */
  MAX_JSON_BYTES?: string;
  /** Largest original of a reduced message kept whole in R2, in bytes (default 1073741824). */
  MAX_ORIGINAL_BYTES?: string;
  /** "1" only in local dev: enables the bare R2 route the upload benchmark compares against. */
  ENABLE_BENCH_ROUTES?: string;
  /** Where officers open the dashboard, e.g. https://wardguard.council.example; alert links point there. */
  PUBLIC_URL?: string;
  /** Mail filter: where threat-to-life alerts are POSTed (duty officer's pager, chat hook…). */
  ALERT_WEBHOOK_URL?: string;
  /** Rules-of-Engagement replies: one reply per sender per template per this many days (default 30). */
  REPLY_PERIOD_DAYS?: string;
  /** Daily digest of what waits for review; defaults to ALERT_WEBHOOK_URL. */
  DIGEST_WEBHOOK_URL?: string;
  /** Secret: the council's Ed25519 pack-signing key, base64 PKCS#8 (`npm run admin -- create-pack-key`). */
  PACK_SIGNING_KEY?: string;
  /** Secret: each council's own pack-signing key, JSON {"<councilId>": "<base64 PKCS#8>"}; see README. */
  PACK_SIGNING_KEYS?: string;
  /** Public halves of keys a council signed with before, JSON {"<councilId>": ["<base64 raw key>"]}: its old checkpoints still vouch. */
  PACK_PREVIOUS_KEYS?: string;
  /** Mail filter: seconds before an unacknowledged alert is due to be sent again (default 600). */
  ALERT_REPEAT_SECONDS?: string;
}

/** Who is calling: resolved once from the bearer token by the auth middleware. */
export interface Principal {
  userId: string;
  councilId: string;
  role: Role;
  name: string;
  tokenId: string;
  /** Set when the caller came in with a dashboard session cookie rather than a bearer token. */
  sessionIdHash?: string;
}

export type AppEnv = { Bindings: Bindings; Variables: { principal: Principal; config: Config } };
