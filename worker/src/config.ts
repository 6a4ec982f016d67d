import { z } from 'zod';
import { WardguardError } from '@wardguard/shared';
import type { Bindings } from './env.ts';

/** Defaults for every optional setting; wrangler.toml [vars] and the README's table say the same. */
export const CONFIG_DEFAULTS = {
  councilName: 'Example Borough Council',
  maxBundleBytes: 64 * 1024 * 1024,
  maxArtifactBytes: 50 * 1024 * 1024,
  maxJsonBytes: 1024 * 1024,
  replyPeriodDays: 30,
  alertRepeatSeconds: 600,
  maxOriginalBytes: 1024 * 1024 * 1024,
} as const;

// An empty or blank var is the same as an unset one: the default applies. Anything else must
// parse, so "64MB" fails loudly instead of becoming NaN and switching a limit off.
const unsetIfBlank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const wholeNumber = (unit: string, example: string) =>
  z.preprocess(
    unsetIfBlank,
    z
      .string()
      .trim()
      .regex(/^[1-9][0-9]{0,14}$/, `must be a whole number of ${unit} greater than 0, such as "${example}"`)
      .transform(Number)
      .optional(),
  );

function isHttpUrl(s: string): boolean {
  try {
    return /^https?:$/.test(new URL(s).protocol);
  } catch {
    return false;
  }
}

const webhookUrl = z.preprocess(unsetIfBlank, z.string().trim().refine(isHttpUrl, 'must be an http(s) URL').optional());

/** A zod transform parsing a variable's JSON, or the issue `message` (never the text: it may be a secret). */
const parseJsonOr =
  (message: string) =>
  (text: string, ctx: z.RefinementCtx): unknown => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
  };

/**
 * PACK_SIGNING_KEYS: a JSON object of council id → base64 PKCS#8 key. Only its shape is
 * checked here; each key is imported where it is used (PACK_KEY_INVALID naming the council).
 * Messages never quote the text: it is a secret.
 */
const packKeyMap = z.preprocess(
  unsetIfBlank,
  z
    .string()
    .transform(parseJsonOr('must be a JSON object of council id to base64 key, such as {"<councilId>": "MC4CAQAw…"}'))
    .pipe(
      z.record(
        z.string().trim().min(1, 'has an empty council id').max(64, 'has a council id longer than 64 characters'),
        z
          .string({ error: 'must map each council id to a key string' })
          .trim()
          .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'has a key that is not base64'),
        { error: 'must be a JSON object of council id to base64 key' },
      ),
    )
    .optional(),
);

/**
 * PACK_PREVIOUS_KEYS: council id → the raw Ed25519 public keys (base64, as the well-known URL
 * publishes them) it signed with before its current key. Public, so not secret; but never in
 * D1, where whoever rewrites the chain could add a key of their own.
 */
const previousKeyMap = z.preprocess(
  unsetIfBlank,
  z
    .string()
    .transform(parseJsonOr('must be a JSON object of council id to a list of public keys, such as {"<councilId>": ["<44-character base64 public key>"]}'))
    .pipe(
      z.record(
        z.string().trim().min(1, 'has an empty council id'),
        z.array(
          z
            .string({ error: 'must list each public key as a string' })
            .trim()
            .regex(/^[A-Za-z0-9+/]{43}=$/, 'has a key that is not a 32-byte public key in base64'),
          { error: 'must map each council id to a list of public keys' },
        ),
        { error: 'must be a JSON object of council id to a list of public keys' },
      ),
    )
    .optional(),
);

const configSchema = z.object({
  COUNCIL_NAME: z.preprocess(unsetIfBlank, z.string().trim().max(200, 'must be at most 200 characters').optional()),
  MAX_BUNDLE_BYTES: wholeNumber('bytes', '67108864'),
  MAX_ARTIFACT_BYTES: wholeNumber('bytes', '52428800'),
  MAX_JSON_BYTES: wholeNumber('bytes', '1048576'),
  MAX_ORIGINAL_BYTES: wholeNumber('bytes', '1073741824'),
  REPLY_PERIOD_DAYS: wholeNumber('days', '30'),
  ALERT_REPEAT_SECONDS: wholeNumber('seconds', '600'),
  ALERT_WEBHOOK_URL: webhookUrl,
  DIGEST_WEBHOOK_URL: webhookUrl,
  PUBLIC_URL: webhookUrl,
  ENABLE_BENCH_ROUTES: z.preprocess(unsetIfBlank, z.enum(['0', '1'], { error: 'must be "1" or "0"' }).optional()),
  // Checked where it is used (export/signing-key.ts): a missing or bad key refuses packs with
  // PACK_KEY_MISSING / PACK_KEY_INVALID, and the rest of the Worker keeps working.
  PACK_SIGNING_KEY: z.string().optional(),
  PACK_SIGNING_KEYS: packKeyMap,
  PACK_PREVIOUS_KEYS: previousKeyMap,
});

/** The Worker's settings, parsed once from its environment; see `readConfig`. */
export interface Config {
  councilName: string;
  /** Largest upload (evidence bundle, filed mail) accepted, in bytes. */
  maxBundleBytes: number;
  /** Largest single file in an upload, in bytes. */
  maxArtifactBytes: number;
  /** Largest body accepted on every other route (JSON), in bytes. */
  maxJsonBytes: number;
  /** Largest original of a reduced message kept whole in R2 (multipart upload), in bytes. */
  maxOriginalBytes: number;
  replyPeriodDays: number;
  alertRepeatSeconds: number;
  alertWebhookUrl: string | null;
  /** Where the daily digest goes: DIGEST_WEBHOOK_URL, else the alert webhook. */
  digestWebhookUrl: string | null;
  benchRoutes: boolean;
  /** Where officers open the dashboard (no trailing slash): alert links point there. */
  publicUrl: string | null;
  /** The deployment's one key: every council's while PACK_SIGNING_KEYS is unset; see export/council-key.ts. */
  packSigningKey: string | undefined;
  /** Each council's own key (PACK_SIGNING_KEYS); when set, a council missing from it has no key. */
  packSigningKeys: Readonly<Record<string, string>> | null;
  /** Keys each council signed with before (PACK_PREVIOUS_KEYS): its checkpoints from then still verify. */
  packPreviousKeys: Readonly<Record<string, readonly string[]>>;
}

function parseConfig(env: Bindings): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    // Name the variables, never their values: PACK_SIGNING_KEY and webhook URLs are secrets.
    const problems = parsed.error.issues.map((i) => `${i.path.map(String).join('.')} ${i.message}`);
    throw new WardguardError('INVALID_CONFIG', `The Worker is misconfigured: ${problems.join('; ')}. Fix wrangler.toml [vars] or the secret and redeploy.`, {
      variables: parsed.error.issues.map((i) => i.path.map(String).join('.')),
    });
  }
  const v = parsed.data;
  const alertWebhookUrl = v.ALERT_WEBHOOK_URL ?? null;
  return {
    councilName: v.COUNCIL_NAME ?? CONFIG_DEFAULTS.councilName,
    maxBundleBytes: v.MAX_BUNDLE_BYTES ?? CONFIG_DEFAULTS.maxBundleBytes,
    maxArtifactBytes: v.MAX_ARTIFACT_BYTES ?? CONFIG_DEFAULTS.maxArtifactBytes,
    maxJsonBytes: v.MAX_JSON_BYTES ?? CONFIG_DEFAULTS.maxJsonBytes,
    maxOriginalBytes: v.MAX_ORIGINAL_BYTES ?? CONFIG_DEFAULTS.maxOriginalBytes,
    replyPeriodDays: v.REPLY_PERIOD_DAYS ?? CONFIG_DEFAULTS.replyPeriodDays,
    alertRepeatSeconds: v.ALERT_REPEAT_SECONDS ?? CONFIG_DEFAULTS.alertRepeatSeconds,
    alertWebhookUrl,
    digestWebhookUrl: v.DIGEST_WEBHOOK_URL ?? alertWebhookUrl,
    benchRoutes: v.ENABLE_BENCH_ROUTES === '1',
    publicUrl: v.PUBLIC_URL ? v.PUBLIC_URL.replace(/\/+$/, '') : null,
    packSigningKey: v.PACK_SIGNING_KEY,
    packSigningKeys: v.PACK_SIGNING_KEYS ?? null,
    packPreviousKeys: v.PACK_PREVIOUS_KEYS ?? {},
  };
}

const cache = new WeakMap<object, { config: Config } | { error: WardguardError }>();

/**
 * The Worker's typed settings, parsed from `env` on first use and cached for that env
 * object (workerd hands every request the same one; a test's `{ ...env, X }` is parsed anew).
 * A bad value throws `INVALID_CONFIG` naming the variable, every time, so a mistyped limit
 * is a loud 500 rather than a limit silently switched off.
 *
 * @example
 * const { maxBundleBytes } = readConfig(c.env);
 */
export function readConfig(env: Bindings): Config {
  let entry = cache.get(env);
  if (!entry) {
    try {
      entry = { config: parseConfig(env) };
    } catch (err) {
      entry = { error: err as WardguardError };
      console.error('invalid configuration:', entry.error.message);
    }
    cache.set(env, entry);
  }
  if ('error' in entry) throw entry.error;
  return entry.config;
}
