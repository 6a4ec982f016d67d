import { createApiClient } from '@wardguard/shared/client';
import { replyToSendListSchema, replyToSendSchema, type ReplyToSend } from '@wardguard/shared/api/replies';

const REQUEST_TIMEOUT_MS = 60_000;

/** The Worker's reply queue as the filter uses it (service token), through the shared client. */
export function createRepliesClient(opts: { url: string; token: string }) {
  const api = createApiClient({ baseUrl: `${opts.url.replace(/\/$/, '')}/api/v1/replies/service`, token: opts.token, timeoutMs: REQUEST_TIMEOUT_MS });
  return {
    async pending(mailbox: string): Promise<ReplyToSend[]> {
      return replyToSendListSchema.parse(await api.json(`/pending?mailbox=${encodeURIComponent(mailbox)}`)).replies;
    },
    /** Takes the reply for sending; throws REPLY_ALREADY_CLAIMED if anyone (this filter before a restart) took it. */
    async claim(id: string): Promise<ReplyToSend> {
      return replyToSendSchema.parse(await api.json(`/${encodeURIComponent(id)}/claim`, { method: 'POST' }));
    },
    async result(id: string, outcome: 'sent' | 'failed', smtpMessageId: string | null, detail?: string): Promise<void> {
      await api.json(`/${encodeURIComponent(id)}/result`, {
        method: 'POST',
        json: { outcome, ...(smtpMessageId ? { smtpMessageId } : {}), ...(detail ? { detail } : {}) },
      });
    },
  };
}
export type RepliesClient = ReturnType<typeof createRepliesClient>;
