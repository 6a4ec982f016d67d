import { receiptSchema, type Receipt } from '@wardguard/shared';
import type { QueuedBundle, SendResult } from '../queue/types.ts';

export interface ApiClientOptions {
  serverUrl: string;
  token: string;
  fetch?: typeof fetch;
}

export interface CaseSummary {
  id: string;
  title: string;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

async function errorOf(res: Response): Promise<ApiError> {
  let code = `HTTP_${res.status}`;
  let message = `The server answered ${res.status} ${res.statusText}`.trim();
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.code) code = body.error.code;
    if (body.error?.message) message = body.error.message;
  } catch {
    /* not JSON */
  }
  return new ApiError(code, message, res.status);
}

/** The bundle as the Worker wants it: manifest bytes, signature, one `file` part per artifact. */
export function bundleForm(b: QueuedBundle): FormData {
  const form = new FormData();
  form.append('manifest', new Blob([b.manifestText], { type: 'application/json' }), 'manifest.json');
  form.append('signature', JSON.stringify(b.signature));
  for (const a of b.draft.artifacts) form.append('file', new Blob([a.bytes as BlobPart], { type: a.mediaType }), a.name);
  return form;
}

/**
 * Talks to the paired Wardguard Worker with the councillor's token.
 *
 * @example const me = await createApiClient({ serverUrl, token }).me();
 */
export function createApiClient(options: ApiClientOptions) {
  const base = options.serverUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const auth = { authorization: `Bearer ${options.token}` };

  async function getJson<T>(path: string): Promise<T> {
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, { headers: auth });
    } catch (e) {
      throw new ApiError('NETWORK', `Could not reach ${base}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!res.ok) throw await errorOf(res);
    return (await res.json()) as T;
  }

  return {
    me: () => getJson<{ userId: string; name: string; role: string; councilId: string }>('/api/v1/me'),
    async cases(): Promise<CaseSummary[]> {
      const body = await getJson<{ cases: { id: string; title: string; status?: string }[] }>('/api/v1/cases');
      return body.cases.filter((c) => c.status !== 'closed').map((c) => ({ id: c.id, title: c.title }));
    },
    async upload(b: QueuedBundle): Promise<SendResult> {
      let res: Response;
      try {
        res = await doFetch(`${base}/api/v1/evidence`, { method: 'POST', headers: auth, body: bundleForm(b) });
      } catch (e) {
        return { ok: false, code: 'NETWORK', message: `Could not reach ${base}: ${e instanceof Error ? e.message : String(e)}` };
      }
      if (res.ok) {
        const parsed = receiptSchema.safeParse(await res.json().catch(() => null));
        if (parsed.success) return { ok: true, status: res.status, receipt: parsed.data as Receipt };
        return { ok: false, status: 502, code: 'BAD_RECEIPT', message: 'The server accepted the bundle but its receipt could not be read.' };
      }
      const err = await errorOf(res);
      return { ok: false, status: res.status, code: err.code, message: err.message };
    },
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;
