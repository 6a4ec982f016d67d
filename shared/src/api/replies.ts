import { z } from 'zod';

/** A reply as the mail filter receives it to send: everything needed, nothing else. */
export const replyToSendSchema = z.object({
  id: z.string(),
  recordId: z.string(),
  mailbox: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  inReplyTo: z.string(),
  state: z.enum(['approved', 'sending', 'sent', 'failed']),
});
export type ReplyToSend = z.infer<typeof replyToSendSchema>;
export const replyToSendListSchema = z.object({ replies: z.array(replyToSendSchema) });

/** The Message-ID a reply is sent with: fixed in advance, so its copy in Sent can be found. */
export const replyMessageId = (replyId: string, domain: string): string => `<wardguard-reply-${replyId}@${domain}>`;
