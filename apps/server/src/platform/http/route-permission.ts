import type { RoutePermission } from '@zhijiao/contracts';
import type { Actor } from '../auth/actor.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The coarse permission every API route must declare (deny by default). */
    permission?: RoutePermission;
  }
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  permission: RoutePermission | undefined;
}
