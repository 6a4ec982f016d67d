import { ApiError, apiErrorOf, noAnswer } from './api-error.ts';
import { retryAfterMs } from './retry.ts';

// `shared` compiles with no DOM, Node or Workers types, yet every runtime it serves (browser,
// extension, Node, workerd) has fetch and AbortSignal. These declarations cover only what this
// file uses and, being module-scoped, shadow nothing elsewhere.
interface SignalLike {
  readonly aborted: boolean;
}
declare const AbortSignal: { timeout(ms: number): SignalLike; any(signals: SignalLike[]): SignalLike };

/** What the client needs of a response: any runtime's `Response` is one. */
export interface ResponseLike {
  readonly ok: boolean;
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** What the client passes to fetch; loose on purpose so any runtime's `fetch` accepts it and can be passed in. */
export interface FetchInit {
  method?: string;
  headers?: unknown;
  body?: unknown;
  signal?: unknown;
  credentials?: string;
}

export interface ApiClientOptions {
  /** Prefix for every path, e.g. `https://wardguard.example/api/v1`, or `/api/v1` on the same origin. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …` when given. */
  token?: string;
  /** Headers computed per request (the dashboard's CSRF token for writes). */
  headers?: (method: string) => Record<string, string>;
  credentials?: 'same-origin' | 'omit' | 'include';
  /** How long a call (answer and body) may take before it counts as no answer. */
  timeoutMs?: number;
  /** Called with every `ApiError` before it is thrown (the dashboard signs out on a 401). */
  onError?: (err: ApiError, path: string) => void;
  /** For tests; the runtime's own fetch by default. */
  fetch?(input: string, init: FetchInit): Promise<ResponseLike>;
}

export interface RequestOptions {
  method?: string;
  /** A JSON body; sets content-type. */
  json?: unknown;
  /** Any other body (FormData, bytes) with its own `headers`. */
  body?: unknown;
  headers?: Record<string, string>;
  /** This call's limit, when it differs from the client's (a large upload). */
  timeoutMs?: number;
  signal?: SignalLike;
}

const DEFAULT_TIMEOUT_MS = 30_000;
declare const fetch: (input: string, init: FetchInit) => Promise<ResponseLike>;

/**
 * The one HTTP client for the Worker's API, in every package: bearer token or session cookie,
 * JSON in and out, a timeout on each call, and one error type (`ApiError`). It never retries
 * (see client/retry.ts for the rule callers apply).
 *
 * @example
 * const api = createApiClient({ baseUrl: 'https://wardguard.example/api/v1', token });
 * const me = await api.json<{ name: string }>('/me');
 */
export function createApiClient(options: ApiClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input: string, init: FetchInit) => fetch(input, init));

  async function call<T>(path: string, req: RequestOptions, read: (res: ResponseLike) => Promise<T>): Promise<{ status: number; body: T }> {
    const method = req.method ?? 'GET';
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers?.(method), ...req.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (req.json !== undefined) headers['content-type'] = 'application/json';
    const timeoutMs = req.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    const init: FetchInit = {
      method,
      headers,
      signal: req.signal ? AbortSignal.any([req.signal, timeout]) : timeout,
      ...(options.credentials ? { credentials: options.credentials } : {}),
      ...(req.json !== undefined ? { body: JSON.stringify(req.json) } : req.body !== undefined ? { body: req.body } : {}),
    };
    const what = `${base}${path}`;
    const fail = (err: ApiError): never => {
      options.onError?.(err, path);
      throw err;
    };
    const why = (err: unknown) => (timeout.aborted ? `no answer within ${timeoutMs / 1000} s` : err instanceof Error ? err.message : String(err));
    let res: ResponseLike;
    try {
      res = await doFetch(what, init);
    } catch (err) {
      return fail(noAnswer(`Could not reach ${what}: ${why(err)}`));
    }
    if (!res.ok) {
      let text = '';
      try {
        text = await res.text();
      } catch {
        // The status is the answer; the body is only detail.
      }
      return fail(apiErrorOf(what, res.status, text, retryAfterMs(res.headers.get('retry-after'))));
    }
    try {
      return { status: res.status, body: await read(res) };
    } catch (err) {
      // Headers came, then the body stalled past the timeout, the connection dropped, or it was not JSON.
      return fail(noAnswer(`${what} answered ${res.status} but its body could not be read: ${why(err)}`));
    }
  }

  const readJson = async (res: ResponseLike): Promise<unknown> => {
    const text = await res.text();
    return text ? JSON.parse(text) : undefined;
  };

  return {
    /** The status and parsed JSON body of a 2xx answer (undefined when empty); throws `ApiError` otherwise. */
    request<T = unknown>(path: string, req: RequestOptions = {}): Promise<{ status: number; body: T }> {
      return call(path, req, readJson) as Promise<{ status: number; body: T }>;
    },
    /** The parsed JSON body of a 2xx answer; throws `ApiError` otherwise. */
    async json<T = unknown>(path: string, req: RequestOptions = {}): Promise<T> {
      return (await call(path, req, readJson)).body as T;
    },
    /** The raw bytes of a 2xx answer (a quarantined .eml); throws `ApiError` otherwise. */
    async bytes(path: string, req: RequestOptions = {}): Promise<Uint8Array> {
      const anyType = { ...req, headers: { accept: '*/*', ...req.headers } };
      return (await call(path, anyType, async (res) => new Uint8Array(await res.arrayBuffer()))).body;
    },
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;
