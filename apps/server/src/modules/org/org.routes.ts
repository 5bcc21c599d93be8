import { ROLES } from '@zhijiao/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, literals, Timestamp, withErrors } from '../../platform/http/schemas.ts';
import { CreateOrgUnitBody, OrgUnitRef, OrgUnitSchema } from './org.schema.ts';
import type { OrgService } from './org.service.ts';
import type { UsersService } from './users.service.ts';

const RoleSchema = literals(ROLES);
const UserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  orgUnit: OrgUnitRef,
  disabled: Type.Boolean(),
  locked: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  totpEnabled: Type.Boolean(),
  createdAt: Timestamp,
});
const OnePassword = Type.Object({
  initialPassword: Type.String({ description: 'Shown once; must be changed at first sign-in' }),
});

/** Org units (单位管理) and accounts (用户管理). */
export const orgRoutes: FastifyPluginAsyncTypebox<{ org: OrgService; users: UsersService }> = async (
  app,
  { org, users },
) => {
  app.get(
    '/api/org-units',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['org'],
        summary: 'All org units (build the tree from parentId)',
        response: withErrors({ 200: Type.Object({ items: Type.Array(OrgUnitSchema) }) }),
      },
    },
    async () => ({ items: await org.listUnits() }),
  );

  app.post(
    '/api/org-units',
    {
      config: { permission: 'org.manage' },
      schema: {
        tags: ['org'],
        summary: 'Create an org unit under a parent',
        body: CreateOrgUnitBody,
        response: withErrors({ 201: OrgUnitSchema }),
      },
    },
    async (request, reply) => reply.status(201).send(await org.createOrgUnit(request.actor!, request.body)),
  );

  app.get(
    '/api/admin/users',
    {
      config: { permission: ['user.manage', 'user.security'] },
      schema: {
        tags: ['users'],
        summary: 'Accounts',
        response: withErrors({ 200: Type.Object({ items: Type.Array(UserSchema) }) }),
      },
    },
    async () => ({ items: await users.listUsers() }),
  );
  app.post(
    '/api/admin/users',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['users'],
        summary: 'Create a business account; returns a one-time password',
        body: Type.Object(
          {
            username: Type.String({ minLength: 3, maxLength: 32 }),
            displayName: Type.String({ minLength: 1, maxLength: 60 }),
            role: RoleSchema,
            orgUnitCode: Type.String({ minLength: 1, maxLength: 40 }),
          },
          { additionalProperties: false },
        ),
        response: withErrors({
          201: Type.Object({
            user: Type.Object({ id: Type.String(), username: Type.String(), role: RoleSchema }),
            initialPassword: Type.String(),
          }),
        }),
      },
    },
    async (request, reply) => {
      const result = await users.createUser(request.actor!, request.body);
      return reply.status(201).send({ user: result.user, initialPassword: result.initialPassword! });
    },
  );

  app.patch(
    '/api/admin/users/:id',
    {
      config: { permission: ['user.manage', 'user.security'] },
      schema: {
        tags: ['users'],
        summary:
          'Disable or enable an account (system administrator); change its business role (security administrator)',
        params: IdParams,
        body: Type.Object(
          { disabled: Type.Optional(Type.Boolean()), role: Type.Optional(RoleSchema) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      if (request.body.disabled !== undefined)
        await users.setDisabled(actor, request.params.id, request.body.disabled);
      if (request.body.role !== undefined) await users.setRole(actor, request.params.id, request.body.role);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/admin/users/:id/unlock',
    {
      config: { permission: 'user.security' },
      schema: {
        tags: ['users'],
        summary: 'Unlock an account',
        params: IdParams,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await users.unlock(request.actor!, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/admin/users/:id/password-reset',
    {
      config: { permission: 'user.security' },
      schema: {
        tags: ['users'],
        summary: 'Issue a one-time password',
        params: IdParams,
        response: withErrors({ 200: OnePassword }),
      },
    },
    async (request) => users.resetPassword(request.actor!, request.params.id),
  );
};
