import { receiptSchema, type Receipt } from '@wardguard/shared';
import { createApiClient as createClient, isApiError, type ApiClientOptions as ClientOptions } from '@wardguard/shared/client';
import type { QueuedBundle, SendResult } from '../queue/types.ts';

export interface ApiClientOptions {
  serverUrl: string;
  token: string;
  fetch?: ClientOptions['fetch'];
}

export interface CaseSummary {
  id: string;
  title: string;
}

/** The bundle as the Worker wants it: manifest bytes, signature, one `file` part per artifact. */
export function bundleForm(b: QueuedBundle): FormData {
  const form = new FormData();
  form.append('manifest', new Blob([b.manifestText], { type: 'application/json' }), 'manifest.json');
  form.append('signature', JSON.stringify(b.signature));
  for (const a of b.draft.artifacts) form.append('file', new Blob([a.bytes as BlobPart], { type: a.mediaType }), a.name);
  return form;
}

// A bundle of screenshots and a saved page may take a while on a phone's upload link.
const UPLOAD_TIMEOUT_MS = 5 * 60_000;

/**
 * Talks to the paired Wardguard Worker with the councillor's token, through the shared client
 * (so its errors are `ApiError`s and its retry rule is the shared one).
 *
 * @example const me = await createApiClient({ serverUrl, token }).me();
 */
export function createApiClient(options: ApiClientOptions) {
  const api = createClient({
    baseUrl: `${options.serverUrl.replace(/\/+$/, '')}/api/v1`,
    token: options.token,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  return {
    me: () => api.json<{ userId: string; name: string; role: string; councilId: string }>('/me'),
    async cases(): Promise<CaseSummary[]> {
      const body = await api.json<{ cases: { id: string; title: string; status?: string }[] }>('/cases');
      return body.cases.filter((c) => c.status !== 'closed').map((c) => ({ id: c.id, title: c.title }));
    },
    async upload(b: QueuedBundle): Promise<SendResult> {
      let answer: { status: number; body: unknown };
      try {
        answer = await api.request('/evidence', { method: 'POST', body: bundleForm(b), timeoutMs: UPLOAD_TIMEOUT_MS });
      } catch (err) {
        if (!isApiError(err)) throw err;
        // No answer is the queue's NETWORK; the rest keep the Worker's code and status.
        if (err.status === undefined) return { ok: false, code: 'NETWORK', message: err.message };
        return {
          ok: false,
          status: err.status,
          code: err.code,
          message: err.message,
          ...(err.retryAfterMs !== undefined ? { retryAfterMs: err.retryAfterMs } : {}),
        };
      }
      const parsed = receiptSchema.safeParse(answer.body);
      if (parsed.success) return { ok: true, status: answer.status, receipt: parsed.data as Receipt };
      return { ok: false, status: 502, code: 'BAD_RECEIPT', message: 'The server accepted the bundle but its receipt could not be read.' };
    },
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;
