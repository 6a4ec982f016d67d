import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { mailServiceRoutes } from './mail-service.ts';
import { mailStaffRoutes } from './mail-staff.ts';
import { mailOriginalServiceRoutes, mailOriginalStaffRoutes } from './mail-original.ts';

/**
 * Review queue for mail, the filter's action queue and alerts (issue 4).
 * `/mail/service/*` is the mail filter's (service token); the rest is for officers.
 */
export const mailRoutes = new Hono<AppEnv>()
  .route('/service', mailServiceRoutes)
  // Before the staff routes: their officer check would otherwise refuse the service token.
  .route('/service', mailOriginalServiceRoutes)
  .route('/', mailStaffRoutes)
  .route('/', mailOriginalStaffRoutes);
