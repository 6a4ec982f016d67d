import type { MiddlewareHandler } from 'hono';
import { WardguardError, type Role } from '@wardguard/shared';
import type { AppEnv, Principal } from '../env.ts';

/** Route guard: only the listed roles get past. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async function requireRoleGuard(c, next) {
    if (!roles.includes(c.get('principal').role)) {
      throw new WardguardError('FORBIDDEN', `This needs one of the roles: ${roles.join(', ')}.`);
    }
    await next();
  };
}

export const isStaff = (p: Principal): boolean => p.role === 'officer' || p.role === 'admin';

/** Councillors reach only their own records; officers and admins their whole council's. */
export function canActFor(p: Principal, councillorId: string): boolean {
  return isStaff(p) || (p.role === 'councillor' && p.userId === councillorId);
}

/**
 * The councillor a write is filed under: a councillor always files as themselves;
 * staff must name a councillor of their council (checked by the caller).
 */
export function targetCouncillor(p: Principal, requested: string | undefined): string {
  if (p.role === 'councillor') {
    if (requested && requested !== p.userId) throw new WardguardError('FORBIDDEN', 'Councillors can only file evidence for themselves.');
    return p.userId;
  }
  if (!isStaff(p)) throw new WardguardError('FORBIDDEN', 'This token cannot file evidence.');
  if (!requested) throw new WardguardError('VALIDATION_FAILED', 'councillorId: required when an officer files for a councillor');
  return requested;
}

export const isLiaison = (p: Principal): boolean => p.role === 'liaison';

/**
 * Everything a police liaison may reach under /api/v1: their own routes, who they are, their
 * session, and revoking their own token. Nothing else, whatever a route's own guard says.
 */
const LIAISON_PATHS = /^\/api\/v1\/(?:liaison(?:\/.*)?|me|session|tokens\/[^/]+)$/;

/**
 * Default-deny for liaisons, before any route runs: a route added later is closed to them
 * until it is listed here. Per-id scoping (404 for what was not referred) is in scope.ts.
 */
export function confineLiaison(): MiddlewareHandler<AppEnv> {
  return async function confineLiaisonGuard(c, next) {
    if (isLiaison(c.get('principal')) && !LIAISON_PATHS.test(c.req.path)) {
      throw new WardguardError('FORBIDDEN', 'A police liaison can open only the cases referred to them (/api/v1/liaison).');
    }
    await next();
  };
}
