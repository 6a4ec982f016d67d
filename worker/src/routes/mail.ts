import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { mailServiceRoutes } from './mail-service.ts';
import { mailStaffRoutes } from './mail-staff.ts';

/**
 * Review queue for mail, the filter's action queue and alerts (issue 4).
 * `/mail/service/*` is the mail filter's (service token); the rest is for officers.
 */
export const mailRoutes = new Hono<AppEnv>().route('/service', mailServiceRoutes).route('/', mailStaffRoutes);
