import { createApiClient } from '@wardguard/shared/client';

/**
 * The demo seeds the product through its own API, as a user would, with the product's one
 * API client (bearer token, JSON, `ApiError` with the Worker's code on a refusal).
 */
export function call<T = unknown>(base: string, token: string, path: string, req: { method?: string; json?: unknown; body?: unknown } = {}): Promise<T> {
  // Evidence bundles with screenshots: more than the 30 s default on a busy machine.
  return createApiClient({ baseUrl: `${base}/api/v1`, token, timeoutMs: 120_000 }).json<T>(path, req);
}
