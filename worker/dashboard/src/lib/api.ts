import { createApiClient } from '@wardguard/shared/client';

export { ApiError } from '@wardguard/shared/client';

// The dashboard talks only to its own origin, authenticated by the HttpOnly session
// cookie; every write carries the session's CSRF token.
let csrfToken = '';
export const setCsrfToken = (t: string) => {
  csrfToken = t;
};

type Listener = () => void;
const signedOutListeners = new Set<Listener>();
/** Called when the server says the session is over, so the app can show sign-in. */
export const onSignedOut = (l: Listener) => {
  signedOutListeners.add(l);
  return () => signedOutListeners.delete(l);
};

const client = createApiClient({
  baseUrl: '/api/v1',
  credentials: 'same-origin',
  headers: (method): Record<string, string> => (method === 'GET' ? {} : { 'x-wardguard-csrf': csrfToken }),
  // Preparing a large pack is the slowest call an officer makes; past this the page says so.
  timeoutMs: 120_000,
  onError: (err, path) => {
    if (err.status === 401 && path !== '/session') for (const l of signedOutListeners) l();
  },
});

/** JSON from the Worker's API; throws `ApiError` (shared/client) with the Worker's message. */
export const api = <T>(path: string, init: { method?: string; json?: unknown } = {}): Promise<T> => client.json<T>(path, init);
