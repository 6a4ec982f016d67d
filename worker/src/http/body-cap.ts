import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { WardguardError } from '@wardguard/shared';
import type { AppEnv } from '../env.ts';

/** A route that takes an upload and reads its body itself, streaming, at its own limit. */
export interface UploadRoute {
  method: string;
  /** Matched against the full request path, e.g. /^\/api\/v1\/evidence$/. */
  path: RegExp;
}

export interface BodyCapOptions {
  /** Routes left to their own, larger limit (MAX_BUNDLE_BYTES, enforced as they read). */
  uploads: readonly UploadRoute[];
}

/**
 * Caps every request body at MAX_JSON_BYTES (config `maxJsonBytes`, default 1 MiB) before
 * any route, signed in or not, reads it: a declared Content-Length over the cap is refused
 * unread, and a body without one is read only up to the cap. Either way the answer is
 * 413 BODY_TOO_LARGE. Uploads are exempt here so they are not buffered twice; each reads its
 * own body against its own limit. Needs `loadConfig()` first.
 *
 * @example
 * app.use('/api/v1/*', capBodies({ uploads: [{ method: 'POST', path: /^\/api\/v1\/evidence$/ }] }));
 */
export function capBodies(options: BodyCapOptions): MiddlewareHandler<AppEnv> {
  const { uploads } = options;
  return async function capBody(c, next) {
    if (uploads.some((u) => u.method === c.req.method && u.path.test(c.req.path))) return next();
    const maxBytes = c.get('config').maxJsonBytes;
    const limit = bodyLimit({
      maxSize: maxBytes,
      onError: () => {
        throw new WardguardError('BODY_TOO_LARGE', `The request body is larger than the limit of ${maxBytes} bytes.`);
      },
    });
    return limit(c, next);
  };
}
