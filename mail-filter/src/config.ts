import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { z } from 'zod';
import { WardguardError } from '@wardguard/shared';

/** Severities a message can be quarantined at, mildest last. */
export const QUARANTINE_LEVELS = ['threat_to_life', 'threat', 'abuse', 'profanity'] as const;

const smtpSchema = z.object({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  secure: z.boolean().default(false),
  user: z.string().min(1).optional(),
  password: z.string().min(1).optional(),
});

const imapSchema = z
  .object({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535),
    secure: z.boolean().default(true),
    user: z.string().min(1),
    password: z.string().min(1).optional(),
    /** OAuth2 bearer (XOAUTH2 / OAUTHBEARER) instead of a password. Expires (M365: ~60-90 min). */
    accessToken: z.string().min(1).optional(),
    /**
     * A file holding the current OAuth2 access token, re-read on every connect, kept fresh by
     * a token refresher (relative paths are relative to the config file).
     */
    accessTokenFile: z.string().min(1).optional(),
    /** COMPRESS=DEFLATE when the server offers it. Default: on, except for a server on this host (see imap/client.ts). */
    compress: z.boolean().optional(),
  })
  .refine((v) => [v.password, v.accessToken, v.accessTokenFile].filter(Boolean).length === 1, {
    message: 'give exactly one of password, accessToken or accessTokenFile',
  });

const accountSchema = z.object({
  /** How the Worker names this mailbox (usually its address); unique across the config. */
  id: z.string().min(1).max(320),
  councillorId: z.string().min(1),
  imap: imapSchema,
  /** Sends officers' approved disengagement replies from this mailbox; none are sent without it. */
  smtp: smtpSchema.extend({ from: z.email().optional() }).optional(),
  folders: z
    .object({ inbox: z.string().min(1).default('INBOX'), quarantine: z.string().min(1).default('Quarantine'), sent: z.string().min(1).default('Sent') })
    .default({ inbox: 'INBOX', quarantine: 'Quarantine', sent: 'Sent' }),
  /** Quarantine at this severity and worse. Unreadable mail (`review`) is always quarantined. */
  quarantineAt: z.enum(QUARANTINE_LEVELS).default('profanity'),
});

const MIB = 1024 * 1024;
const BATCH_DEFAULTS = { fetchBytes: 16 * MIB, fetchMessages: 100, filingConcurrency: 4 };

export const configSchema = z.object({
  worker: z.object({
    url: z.url(),
    token: z.string().min(20),
    /**
     * How long a flagged message waits for the Worker to take its record before it is spooled
     * (plus one second per MiB of message); also bounds the Worker's other, small calls. Short,
     * so a hung Worker (connections accepted, never answered) costs seconds, not minutes.
     */
    filingTimeoutSeconds: z.number().int().min(1).max(120).default(10),
    /**
     * The largest message sent to the Worker whole: set it to the Worker's MAX_ARTIFACT_BYTES.
     * A larger flagged message (or one the Worker answers "too large" for) is filed as a reduced
     * copy, its oversized parts replaced by notes giving their name, type, size and SHA-256;
     * the original stays whole in the quarantine folder and is uploaded whole to the Worker's
     * storage afterwards (queued under spoolDir/originals until the Worker has it).
     */
    maxMessageBytes: z
      .number()
      .int()
      .min(1024 * 1024)
      .default(50 * 1024 * 1024),
  }),
  /** Where records wait (fsynced) while the Worker cannot be reached. */
  spoolDir: z.string().min(1),
  /** How often each account polls officers' decisions while idling, and drains the spool. */
  pollSeconds: z.number().positive().max(3600).default(30),
  alerts: z
    .object({
      to: z.array(z.email()).min(1),
      from: z.email(),
      smtp: smtpSchema,
      pollSeconds: z.number().positive().max(3600).default(60),
    })
    .optional(),
  /**
   * How much mail each account handles at once. A fetch holds at most `fetchBytes` of message
   * source (by RFC822.SIZE; a single larger message is fetched alone) and `fetchMessages`
   * messages, so memory stays near the process's base plus a few times `fetchBytes` (or the
   * largest message) whatever arrives. The flagged messages of a batch are filed with the
   * Worker `filingConcurrency` at a time, then flagged and moved to quarantine together.
   */
  batch: z
    .object({
      fetchBytes: z
        .number()
        .int()
        .min(MIB)
        .max(1024 * MIB)
        .default(BATCH_DEFAULTS.fetchBytes),
      fetchMessages: z.number().int().min(1).max(1000).default(BATCH_DEFAULTS.fetchMessages),
      filingConcurrency: z.number().int().min(1).max(16).default(BATCH_DEFAULTS.filingConcurrency),
    })
    .default(BATCH_DEFAULTS),
  reconnect: z
    .object({ minMs: z.number().int().positive().default(500), maxMs: z.number().int().positive().default(60_000) })
    .default({ minMs: 500, maxMs: 60_000 }),
  accounts: z.array(accountSchema).min(1, 'configure at least one mailbox'),
});

export type Config = z.infer<typeof configSchema>;
export type AccountConfig = Config['accounts'][number];
export type SmtpConfig = z.infer<typeof smtpSchema>;

/** Validates a parsed config; every problem names its field, e.g. `accounts.0.imap.port`. */
export function parseConfig(raw: unknown, baseDir = process.cwd()): Config {
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
    throw new WardguardError('INVALID_CONFIG', `The mail filter config is invalid:\n${lines.join('\n')}`, parsed.error.issues);
  }
  const ids = parsed.data.accounts.map((a) => a.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new WardguardError('INVALID_CONFIG', `The mail filter config is invalid:\n  accounts: id "${dup}" appears twice`);
  const accounts = parsed.data.accounts.map((a) =>
    a.imap.accessTokenFile ? { ...a, imap: { ...a.imap, accessTokenFile: resolve(baseDir, a.imap.accessTokenFile) } } : a,
  );
  return { ...parsed.data, accounts, spoolDir: resolve(baseDir, parsed.data.spoolDir) };
}

/** Reads and validates the config file once, at start. Relative paths are relative to the file. */
export function loadConfig(path: string): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new WardguardError('INVALID_CONFIG', `Cannot read the mail filter config at ${path}: ${(err as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new WardguardError('INVALID_CONFIG', `The mail filter config at ${path} is not valid JSON: ${(err as Error).message}`);
  }
  return parseConfig(raw, dirname(resolve(path)));
}
