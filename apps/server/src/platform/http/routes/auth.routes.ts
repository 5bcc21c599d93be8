import { ORG_UNIT_TYPES, PERMISSIONS, ROLES, type OrgUnitType } from '@zhijiao/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Actor } from '../../auth/actor.ts';
import type { AuthService } from '../../auth/auth.service.ts';
import { literals, Nullable, withErrors } from '../schemas.ts';

const Me = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.Union([literals(ROLES), Type.Null()], {
    description: 'Null: no role yet; the account waits for the security administrator to grant one',
  }),
  orgUnit: Type.Object({
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    type: literals(ORG_UNIT_TYPES),
    groups: Type.Array(Type.String(), {
      description: 'The unit’s groups (junior-high, secondary-vocational …): with the type, what it keeps',
    }),
  }),
  permissions: Type.Array(literals(PERMISSIONS)),
  restriction: Nullable(Type.Union([Type.Literal('password_change'), Type.Literal('totp_enrolment')])),
  totpEnabled: Type.Boolean(),
});
const Session = Type.Object({ user: Me, csrfToken: Type.String() });

export interface AuthRoutesOptions {
  auth: AuthService;
  cookieName: string;
  secureCookies: boolean;
  describeUser: (actor: Actor) => Promise<{
    orgUnit: { id: string; code: string; name: string; type: OrgUnitType; groups: string[] };
    totpEnabled: boolean;
  }>;
}

/** Sign-in, sign-out, the current user, password change and TOTP enrolment. */
export const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (app, opts) => {
  const cookie = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: opts.secureCookies };
  const me = async (actor: Actor) => ({
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    permissions: [...actor.permissions],
    restriction: actor.restriction,
    ...(await opts.describeUser(actor)),
  });

  app.post(
    '/api/auth/login',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in (登录)',
        body: Type.Object({
          username: Type.String({ minLength: 1, maxLength: 64 }),
          password: Type.String({ minLength: 1, maxLength: 256 }),
          totp: Type.Optional(
            Type.String({
              pattern: '^\\d{6}$',
              description: 'TOTP code, for anyone who enabled it (401 AUTH_TOTP_REQUIRED asks for it)',
            }),
          ),
        }),
        response: withErrors({ 200: Session, 429: Type.Unknown() }),
      },
    },
    async (request, reply) => {
      const result = await opts.auth.login({ ...request.body, ip: request.ip });
      void reply.setCookie(opts.cookieName, result.token, cookie);
      return { user: await me(result.actor), csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['auth'], summary: 'Sign out', response: withErrors({ 204: Type.Null() }) },
    },
    async (request, reply) => {
      await opts.auth.logout(request.actor!);
      void reply.clearCookie(opts.cookieName, cookie);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['auth'], summary: 'The signed-in user', response: withErrors({ 200: Session }) },
    },
    async (request) => ({ user: await me(request.actor!), csrfToken: request.csrfToken! }),
  );

  app.post(
    '/api/auth/password',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary:
          'Change own password; ends the other sessions. A wrong current password counts as a failed ' +
          'sign-in; the session ends when it locks the account',
        body: Type.Object({
          currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
          newPassword: Type.String({ minLength: 1, maxLength: 256 }),
        }),
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await opts.auth.changePassword(request.actor!, request.body.currentPassword, request.body.newPassword);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/totp',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary:
          'Begin TOTP enrolment; needs the password, and replacing an active secret also a current code. ' +
          'A wrong proof counts as a failed sign-in; the session ends when it locks the account',
        body: Type.Object({
          currentPassword: Type.String({
            minLength: 1,
            maxLength: 256,
            description: 'The account password',
          }),
          code: Type.Optional(
            Type.String({
              pattern: '^\\d{6}$',
              description: 'A current code from the active secret; required when TOTP is already enabled',
            }),
          ),
        }),
        response: withErrors({ 200: Type.Object({ secret: Type.String(), otpauthUrl: Type.String() }) }),
      },
    },
    async (request) => opts.auth.beginTotpEnrolment(request.actor!, request.body),
  );

  app.post(
    '/api/auth/totp/confirmation',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Confirm TOTP enrolment with a first code',
        body: Type.Object({ code: Type.String({ pattern: '^\\d{6}$' }) }),
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await opts.auth.confirmTotpEnrolment(request.actor!, request.body.code);
      return reply.status(204).send(null);
    },
  );
};
