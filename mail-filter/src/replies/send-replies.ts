import type { ImapFlow } from 'imapflow';
import { smtpTransport } from '../smtp/transport.ts';
import MailComposer from 'nodemailer/lib/mail-composer';
import { isWardguardError } from '@wardguard/shared';
import { isSingleMailbox } from '@wardguard/shared/api/mailbox';
import { REPLY_SMTP_TIMEOUT_MS, replyMessageId, type ReplyToSend } from '@wardguard/shared/api/replies';
import type { AccountConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import type { RepliesClient } from './replies-client.ts';
import { ensureFolder } from '../imap/client.ts';

type SmtpConfig = NonNullable<AccountConfig['smtp']>;

/** The councillor's own address, which the reply comes from. */
export function replyFrom(account: AccountConfig): string {
  return account.smtp?.from ?? (account.imap.user.includes('@') ? account.imap.user : account.id);
}

/** The reply as raw RFC 5322 bytes: threaded under the original, text and HTML parts. */
export function buildReply(reply: ReplyToSend, from: string): Promise<Buffer> {
  const domain = from.split('@')[1] ?? 'wardguard.invalid';
  return new MailComposer({
    from,
    to: reply.to,
    subject: reply.subject,
    text: reply.text,
    html: reply.html,
    messageId: replyMessageId(reply.id, domain),
    inReplyTo: reply.inReplyTo,
    references: [reply.inReplyTo],
    headers: { 'Auto-Submitted': 'auto-replied', 'X-Wardguard-Reply': reply.id },
  })
    .compile()
    .build();
}

// Bounded, so that a reply left `sending` long after its claim (REPLY_STUCK_AFTER_MS) cannot
// still be in a transaction here, and an officer may safely mark it not sent.
const transportFor = (smtp: SmtpConfig) => smtpTransport(smtp, { connectMs: REPLY_SMTP_TIMEOUT_MS, socketMs: REPLY_SMTP_TIMEOUT_MS });

/**
 * Why a failed send certainly delivered nothing, or null when it might have: an SMTP
 * refusal (4xx/5xx), a name that did not resolve, a refused connection, or failed sign-in,
 * all of which come before the server is given any message. nodemailer's `command: 'CONN'`
 * is not enough: it also marks a connection lost in the middle of DATA.
 */
export function notDeliveredReason(err: unknown): string | null {
  const e = err as { responseCode?: number; code?: string; message?: string };
  const message = String(e.message ?? err);
  if (e.responseCode && e.responseCode >= 400) return `SMTP ${e.responseCode}: ${message}`.slice(0, 2000);
  if (e.code === 'EDNS' || e.code === 'EAUTH' || /\bconnect ECONNREFUSED\b/.test(message)) {
    return `Could not reach or sign in to the SMTP server (${e.code ?? 'no code'}): ${message}`.slice(0, 2000);
  }
  return null;
}

/**
 * Sends this mailbox's approved replies through the account's SMTP, at most once each:
 * a reply is claimed in the Worker before the SMTP transaction, so a filter that dies
 * mid-send and restarts finds it claimed and leaves it alone. A copy goes to Sent.
 */
export async function sendPendingReplies(client: ImapFlow, account: AccountConfig, replies: RepliesClient, log: Logger): Promise<number> {
  if (!account.smtp) return 0;
  const pending = await replies.pending(account.id);
  if (pending.length === 0) return 0;
  const from = replyFrom(account);
  const transport = transportFor(account.smtp);
  let sent = 0;
  try {
    for (const candidate of pending) {
      let reply: ReplyToSend;
      try {
        reply = await replies.claim(candidate.id);
      } catch (err) {
        if (isWardguardError(err) && err.code === 'REPLY_ALREADY_CLAIMED') continue;
        throw err;
      }
      // The Worker already refuses such an address; checked again here because this is the
      // process that holds the SMTP credentials and would send it.
      if (!isSingleMailbox(reply.to)) {
        await replies.result(reply.id, 'failed', null, 'REPLY_ADDRESS_INVALID: the address is not one valid mailbox; nothing was sent.');
        log.warn('reply refused: not one valid mailbox', { replyId: reply.id });
        continue;
      }
      const raw = await buildReply(reply, from);
      let smtpMessageId: string | null;
      try {
        smtpMessageId = (await transport.sendMail({ envelope: { from, to: [reply.to] }, raw })).messageId ?? null;
      } catch (err) {
        const reason = notDeliveredReason(err);
        // Refused by the server, or never got as far as a transaction: certainly not delivered.
        // Anything else may have been, so the reply stays claimed rather than risk sending it twice.
        if (reason) await replies.result(reply.id, 'failed', null, reason);
        log.warn('reply not sent', { replyId: reply.id, error: (err as Error).message });
        continue;
      }
      sent += 1;
      let detail: string | undefined;
      try {
        await ensureFolder(client, account.folders.sent);
        await client.append(account.folders.sent, raw, ['\\Seen']);
      } catch (err) {
        detail = `Sent, but the copy to ${account.folders.sent} failed: ${(err as Error).message}`.slice(0, 2000);
      }
      await replies.result(reply.id, 'sent', smtpMessageId, detail);
      log.info('reply sent', { replyId: reply.id, to: reply.to });
    }
  } finally {
    transport.close();
  }
  return sent;
}
