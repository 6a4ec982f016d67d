import { createHash } from 'node:crypto';
import type { FileMail } from '@wardguard/shared/api/mail';
import { parseMessage } from './parse.ts';
import type { Verdict } from './classify.ts';
import { scoreParsed } from './score-parsed.ts';

export interface ScannedMessage {
  /** The record for the Worker (verdict included); filed only if the message is flagged. */
  record: FileMail;
  verdict: Verdict;
}

export interface ScanContext {
  mailbox: string;
  councillorId: string;
  receivedAt: Date | null;
  /** The source's SHA-256 when the caller has hashed it already (the scan loop has, for the released check). */
  sourceSha256?: string;
}

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/**
 * Parses and scores one raw message for one account, with the messages attached to it whole.
 * Quoted replies and the signature are split off by the classifier and kept in
 * `verdict.email`; unreadable mail gets `review`.
 */
export async function scanMessage(source: Buffer, ctx: ScanContext): Promise<ScannedMessage> {
  const hash = ctx.sourceSha256 ?? sha256(source);
  const parsed = await parseMessage(source);
  const verdict = scoreParsed(parsed);
  const unreadable = parsed.unreadable ?? (verdict.severity === 'review' ? (verdict.error ?? 'UNREADABLE') : null);
  const record: FileMail = {
    councillorId: ctx.councillorId,
    mailbox: ctx.mailbox,
    messageId: (parsed.messageId ?? `<${hash}@wardguard.invalid>`).slice(0, 998),
    sourceSha256: hash,
    sourceSize: source.byteLength,
    from: parsed.from,
    to: parsed.to,
    subject: parsed.subject,
    sentAt: parsed.sentAt,
    receivedAt: (ctx.receivedAt && !Number.isNaN(ctx.receivedAt.getTime()) ? ctx.receivedAt : new Date()).toISOString(),
    receivedChain: parsed.receivedChain,
    unreadable,
    verdict,
  };
  return { record, verdict };
}
