import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { OrgServices } from './index.ts';
import {
  CreatedUserSchema,
  CreateOrgUnitBody,
  CreateUserBody,
  GrantRoleBody,
  OnePasswordSchema,
  OrgUnitSchema,
  UpdateUserBody,
  UserSchema,
} from './org.schema.ts';

/** Org units (单位管理) and accounts (用户管理). */
export const orgRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<OrgServices>> = async (
  app,
  { services: { units: org, users } },
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
        summary:
          'Create an account without a role (the security administrator grants one); returns a one-time password',
        body: CreateUserBody,
        response: withErrors({ 201: CreatedUserSchema }),
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
        summary: 'Disable or enable an account (system administrator)',
        params: IdParams,
        body: UpdateUserBody,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await users.updateUser(request.actor!, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/admin/users/:id/role',
    {
      config: { permission: 'user.security' },
      schema: {
        tags: ['users'],
        summary:
          'Grant or change an account’s business role and its scope (授予角色, security administrator; audited; the account’s sessions end)',
        params: IdParams,
        body: GrantRoleBody,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await users.grantRole(request.actor!, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/admin/users/:id/role',
    {
      config: { permission: 'user.security' },
      schema: {
        tags: ['users'],
        summary: 'Revoke an account’s business role (撤销角色, security administrator; audited)',
        params: IdParams,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await users.revokeRole(request.actor!, request.params.id);
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
        response: withErrors({ 200: OnePasswordSchema }),
      },
    },
    async (request) => users.resetPassword(request.actor!, request.params.id),
  );
};
