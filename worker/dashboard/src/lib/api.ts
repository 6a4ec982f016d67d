// The dashboard talks only to its own origin, authenticated by the HttpOnly session
// cookie; every write carries the session's CSRF token.
let csrfToken = '';
export const setCsrfToken = (t: string) => {
  csrfToken = t;
};

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Listener = () => void;
const signedOutListeners = new Set<Listener>();
/** Called when the server says the session is over, so the app can show sign-in. */
export const onSignedOut = (l: Listener) => {
  signedOutListeners.add(l);
  return () => signedOutListeners.delete(l);
};

export async function api<T>(path: string, init: { method?: string; json?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-wardguard-csrf'] = csrfToken;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`/api/v1${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
  });
  if (res.ok) return (await res.json()) as T;
  let code = 'HTTP_' + res.status;
  let message = res.statusText;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
  } catch {
    /* not JSON */
  }
  if (res.status === 401 && path !== '/session') for (const l of signedOutListeners) l();
  throw new ApiError(res.status, code, message);
}

/** Raw bytes (e.g. a quarantined .eml) — fetched, never navigated to. */
export async function apiBytes(path: string): Promise<ArrayBuffer> {
  const res = await fetch(`/api/v1${path}`, { credentials: 'same-origin' });
  if (!res.ok) throw new ApiError(res.status, 'HTTP_' + res.status, `Could not fetch ${path}`);
  return res.arrayBuffer();
}
