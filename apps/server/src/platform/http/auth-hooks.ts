import type { Permission } from '@zhijiao/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AuditLog } from '../audit/audit-log.ts';
import { auditActorOf } from '../auth/actor.ts';
import type { AuthService } from '../auth/auth.service.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.types.ts';
import { AppError } from '../errors/app-error.ts';
import type { RegisteredRoute } from './route-permission.ts';
import './route-permission.ts';

export interface AuthHooksOptions {
  auth: AuthService;
  audit: AuditLog;
  db: Kysely<Database>;
  cookieName: string;
  routes: RegisteredRoute[];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    // request.host honours X-Forwarded-Host when ZHIJIAO_TRUST_PROXY is set (behind a reverse proxy).
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

/**
 * Authentication and the coarse permission check for every route:
 * - every `/api` route must declare `config.permission` or the app refuses to start;
 * - the session cookie resolves to `request.actor`;
 * - state-changing requests need the session's CSRF token header (signed-in) or a same-origin
 *   `Origin` (public forms and login);
 * - a missing permission answers 403 and writes a `denied` audit row.
 */
export const authHooks = fp<AuthHooksOptions>(async (app: FastifyInstance, opts) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const permission = route.config?.permission;
    if (route.url.startsWith('/api') && !permission && !route.url.startsWith('/api/docs')) {
      throw new Error(`Route ${methods.join(',')} ${route.url} declares no permission`);
    }
    for (const method of methods) {
      if (method !== 'HEAD') opts.routes.push({ method, url: route.url, permission });
    }
  });

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[opts.cookieName];
    if (!token) return;
    const session = await opts.auth.authenticate(token, request.ip);
    if (session) {
      request.actor = session.actor;
      request.csrfToken = session.csrfToken;
    }
  });

  // Runs before the body is parsed and validated, so a caller without access learns nothing about
  // the route (not even its schema): deny first, then validate.
  app.addHook('onRequest', async (request) => {
    const permission = request.routeOptions.config?.permission;
    if (!permission || permission === 'public') {
      if (!SAFE_METHODS.has(request.method) && !sameOrigin(request)) throw new AppError('AUTH_CSRF', 403);
      return;
    }
    const actor = request.actor;
    if (!actor) throw new AppError('AUTH_REQUIRED', 401);
    if (!SAFE_METHODS.has(request.method)) {
      if (!sameOrigin(request) || request.headers['x-csrf-token'] !== request.csrfToken) {
        throw new AppError('AUTH_CSRF', 403);
      }
    }
    if (permission === 'authenticated') return;
    if (actor.restriction === 'password_change') throw new AppError('AUTH_PASSWORD_CHANGE_REQUIRED', 403);
    if (actor.restriction === 'totp_enrolment') throw new AppError('AUTH_TOTP_ENROLMENT_REQUIRED', 403);
    const anyOf: readonly Permission[] = typeof permission === 'string' ? [permission] : permission;
    if (!anyOf.some((p) => actor.permissions.has(p))) {
      await opts.db.transaction().execute((trx) =>
        opts.audit.record(trx, auditActorOf(actor), {
          action: 'access.denied',
          result: 'denied',
          details: { method: request.method, route: request.routeOptions.url, permission },
        }),
      );
      throw new AppError('FORBIDDEN', 403);
    }
  });
});
