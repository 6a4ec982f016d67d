import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

/** Review queue for mail, the filter's action queue and alerts (issue 4). */
export const mailRoutes = new Hono<AppEnv>();
