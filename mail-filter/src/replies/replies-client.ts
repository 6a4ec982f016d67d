import { WardguardError } from '@wardguard/shared';
import { workerErrorCode } from '../worker/error-code.ts';
import { replyToSendListSchema, replyToSendSchema, type ReplyToSend } from '@wardguard/shared/api/replies';

const REQUEST_TIMEOUT_MS = 60_000;

/** The Worker's reply queue as the filter uses it (service token). */
export function createRepliesClient(opts: { url: string; token: string }) {
  const base = `${opts.url.replace(/\/$/, '')}/api/v1/replies/service`;
  async function call(path: string, init: RequestInit = {}): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${opts.token}`, ...(init.headers as Record<string, string> | undefined) },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (err) {
      throw new WardguardError('WORKER_UNAVAILABLE', `The Worker cannot be reached: ${(err as Error).message}`);
    }
    const text = await res.text();
    if (!res.ok) {
      throw new WardguardError(
        workerErrorCode(text, res.status >= 500 ? 'WORKER_UNAVAILABLE' : 'WORKER_REFUSED'),
        `The Worker refused ${path} (${res.status}): ${text.slice(0, 300)}`,
      );
    }
    return JSON.parse(text);
  }
  return {
    async pending(mailbox: string): Promise<ReplyToSend[]> {
      return replyToSendListSchema.parse(await call(`/pending?mailbox=${encodeURIComponent(mailbox)}`)).replies;
    },
    /** Takes the reply for sending; throws REPLY_ALREADY_CLAIMED if anyone (this filter before a restart) took it. */
    async claim(id: string): Promise<ReplyToSend> {
      return replyToSendSchema.parse(await call(`/${encodeURIComponent(id)}/claim`, { method: 'POST' }));
    },
    async result(id: string, outcome: 'sent' | 'failed', smtpMessageId: string | null, detail?: string): Promise<void> {
      await call(`/${encodeURIComponent(id)}/result`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ outcome, ...(smtpMessageId ? { smtpMessageId } : {}), ...(detail ? { detail } : {}) }),
      });
    },
  };
}
export type RepliesClient = ReturnType<typeof createRepliesClient>;
