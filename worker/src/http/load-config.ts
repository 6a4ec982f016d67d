import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';
import { readConfig } from '../config.ts';

/**
 * Puts the parsed settings on the context as `config` before any route runs. A bad setting
 * fails every request with 500 INVALID_CONFIG naming the variable, so a mistyped limit is
 * noticed at once rather than quietly switched off.
 */
export function loadConfig(): MiddlewareHandler<AppEnv> {
  return async function loadConfigForRequest(c, next) {
    c.set('config', readConfig(c.env));
    await next();
  };
}
