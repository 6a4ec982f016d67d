import { renderReply, WardguardError, type RenderedReply, type TemplateValues } from '@wardguard/shared';
import type { MailRecordView } from '@wardguard/shared/api/mail';
import { isSingleMailbox } from '@wardguard/shared/api/mailbox';
import type { TemplateVersion } from '../db/reply-templates.ts';

export interface ComposedReply extends RenderedReply {
  to: string;
  inReplyTo: string;
  templateKey: string;
  templateVersion: number;
}

/** "Gary Troll <gary@example.net>" → name and address; a bare address has no name. */
export function parseSender(from: string): { name: string | null; address: string | null } {
  // The address is the last <…@…>; whatever comes before it (quotes removed) is the name,
  // which may itself contain angle brackets in hostile mail.
  // Only one plain mailbox counts: a list ("a@x,b@y"), a group or a route yields no address.
  const angle = /^(.*)<([^<>\s]+@[^<>\s]+)>\s*$/s.exec(from);
  if (angle) {
    const name = angle[1]!
      .trim()
      .replace(/^"(.*)"$/s, '$1')
      .trim();
    const address = angle[2]!.toLowerCase();
    return { name: name || null, address: isSingleMailbox(address) ? address : null };
  }
  const bare = /^\s*([^\s<>@]+@[^\s<>@]+)\s*$/.exec(from);
  const address = bare ? bare[1]!.toLowerCase() : null;
  return { name: null, address: address && isSingleMailbox(address) ? address : null };
}

const longDate = (d: Date) => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/**
 * The exact email an officer previews and approves: the template's current version with
 * the values the record supplies (sender, councillor, council, reference, date) under the
 * officer's own. Refuses to address an unknown sender, and refuses a reply that would
 * quote the abusive text back.
 */
export function composeReply(
  record: MailRecordView,
  template: TemplateVersion,
  ctx: { councillorName: string; councilName: string; at: Date },
  officerValues: TemplateValues,
): ComposedReply {
  const sender = parseSender(record.from);
  if (!sender.address) {
    throw new WardguardError('NO_REPLY_ADDRESS', 'The sender has no single valid email address to reply to, so no reply can be sent.');
  }
  const values: TemplateValues = {
    sender_name: sender.name ?? 'Sir or Madam',
    councillor_name: ctx.councillorName,
    council_name: ctx.councilName,
    reference: record.exhibitRef,
    date: longDate(ctx.at),
    ...Object.fromEntries(Object.entries(officerValues).filter(([, v]) => typeof v === 'string' && v.trim() !== '')),
  };
  const rendered = renderReply(template, values);
  const body = `${rendered.subject}\n${rendered.text}`.toLowerCase();
  for (const span of record.verdict.evidence ?? []) {
    const phrase = span.phrase.trim().toLowerCase();
    if (phrase.length >= 4 && body.includes(phrase)) {
      throw new WardguardError('REPLY_QUOTES_ABUSE', 'The reply would repeat the abusive text back to the sender; remove it.');
    }
  }
  return { ...rendered, to: sender.address, inReplyTo: record.messageId, templateKey: template.key, templateVersion: template.version };
}
