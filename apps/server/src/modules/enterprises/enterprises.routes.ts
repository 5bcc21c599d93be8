import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requestLang } from '../../platform/errors/error-handler.ts';
import { fileResponse, MEDIA_TYPES, sendFile } from '../../platform/http/file-reply.ts';
import { readSingleFile } from '../../platform/http/multipart-file.ts';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import {
  ContactParams,
  ContactsBody,
  EnterpriseDetailSchema,
  EnterpriseListQuery,
  EnterpriseListSchema,
  RegisterEnterpriseBody,
  UnitOptionSchema,
  UpdateEnterpriseBody,
  UpdateYearBody,
  YearParams,
} from './enterprises.schema.ts';
import type { EnterprisesModule } from './index.ts';

const tags = ['enterprises'];
const Xlsx = fileResponse('The .xlsx file (attachment)', MEDIA_TYPES.xlsx);
const Enterprise = Type.Object({ enterprise: EnterpriseDetailSchema });

/**
 * The enterprise register (企业名录): list, register, one enterprise, its profile, years and
 * contacts, the audited clear view of a contact's phone, Excel import of the 规上 list and staff
 * counts, and export.
 */
export const enterpriseRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<EnterprisesModule>> = async (
  app,
  options,
) => {
  const { services: m, deps } = options;
  const maxBytes = deps.config.uploadMaxBytes;

  app.get(
    '/api/enterprises',
    {
      config: { permission: 'enterprise.read' },
      schema: {
        tags,
        summary: 'The register the actor sees (an enterprise: itself), one year’s staff and 规上 flag, paged',
        querystring: EnterpriseListQuery,
        response: withErrors({ 200: EnterpriseListSchema }),
      },
    },
    async (request) => m.read.listEnterprises(request.actor!, request.query),
  );

  app.post(
    '/api/enterprises',
    {
      config: { permission: 'enterprise.manage' },
      schema: {
        tags,
        summary: 'Register an enterprise (register keepers): link an enterprise unit or create one',
        body: RegisterEnterpriseBody,
        response: withErrors({ 201: Enterprise }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ enterprise: await m.register.registerEnterprise(request.actor!, request.body) }),
  );

  app.get(
    '/api/enterprises/export.xlsx',
    {
      config: { permission: 'enterprise.read' },
      schema: {
        tags,
        summary: 'The register as .xlsx (no contacts), same scope and filters as the list; audited',
        querystring: Type.Omit(EnterpriseListQuery, ['limit', 'offset']),
        response: withErrors({ 200: Xlsx }),
      },
    },
    async (request, reply) =>
      sendFile(reply, await m.exports.exportEnterprises(request.actor!, request.query, requestLang(request))),
  );

  app.get(
    '/api/enterprises/import-template.xlsx',
    {
      config: { permission: 'enterprise.manage' },
      schema: {
        tags,
        summary: 'The blank import template of the 规上 list and staff counts (.xlsx)',
        response: withErrors({ 200: Xlsx }),
      },
    },
    async (_request, reply) =>
      sendFile(reply, {
        body: await m.imports.template(),
        mediaType: MEDIA_TYPES.xlsx,
        filename: '企业名录导入模板.xlsx',
      }),
  );

  app.post(
    '/api/enterprises/imports',
    {
      config: { permission: 'enterprise.manage' },
      schema: {
        tags,
        summary:
          'Import the 规上 list and staff counts from .xlsx (register keepers; all or nothing; per-row errors; idempotent)',
        consumes: ['multipart/form-data'],
        response: withErrors({
          200: Type.Object({
            importId: Type.String(),
            repeated: Type.Boolean({ description: 'The same file was imported before: nothing changed' }),
            rows: Type.Integer(),
            created: Type.Integer({ description: 'Enterprises registered from the file' }),
            updated: Type.Integer({ description: 'Years written' }),
            unchanged: Type.Integer({ description: 'Rows equal to the register' }),
          }),
          413: Type.Unknown(),
        }),
      },
    },
    async (request) => {
      const file = await readSingleFile(request, maxBytes, {
        zh: '请选择要导入的文件',
        en: 'No file in the request',
      });
      return m.imports.importRegister(request.actor!, file);
    },
  );

  app.get(
    '/api/enterprises/unregistered-units',
    {
      config: { permission: 'enterprise.manage' },
      schema: {
        tags,
        summary: 'Enterprise org units of the keeper’s district not yet on the register (to link one)',
        response: withErrors({ 200: Type.Object({ items: Type.Array(UnitOptionSchema) }) }),
      },
    },
    async (request) => ({ items: await m.register.listUnregisteredUnits(request.actor!) }),
  );

  app.get(
    '/api/enterprises/:id',
    {
      config: { permission: 'enterprise.read' },
      schema: {
        tags,
        summary: 'One enterprise: profile, years with the 2 % duty, contacts (phones masked), abilities',
        params: IdParams,
        response: withErrors({ 200: Enterprise }),
      },
    },
    async (request) => ({ enterprise: await m.read.getEnterprise(request.actor!, request.params.id) }),
  );

  app.put(
    '/api/enterprises/:id',
    {
      config: { permission: 'enterprise.manage' },
      schema: {
        tags,
        summary: 'Change an enterprise’s profile (register keepers)',
        params: IdParams,
        body: UpdateEnterpriseBody,
        response: withErrors({ 200: Enterprise }),
      },
    },
    async (request) => ({
      enterprise: await m.register.updateEnterprise(request.actor!, request.params.id, request.body),
    }),
  );

  app.put(
    '/api/enterprises/:id/years/:year',
    {
      config: { permission: 'enterprise.manage' },
      schema: {
        tags,
        summary:
          'Set a year’s staff count, revenue and statistics-list answer (keepers; an enterprise: this year’s staff count only)',
        params: YearParams,
        body: UpdateYearBody,
        response: withErrors({ 200: Enterprise }),
      },
    },
    async (request) => ({
      enterprise: await m.years.updateYear(
        request.actor!,
        request.params.id,
        request.params.year,
        request.body,
      ),
    }),
  );

  app.put(
    '/api/enterprises/:id/contacts',
    {
      config: { permission: 'enterprise.manage' },
      schema: {
        tags,
        summary: 'Replace the contacts (keepers and the enterprise itself); phones stored encrypted',
        params: IdParams,
        body: ContactsBody,
        response: withErrors({ 200: Enterprise }),
      },
    },
    async (request) => ({
      enterprise: await m.contacts.replaceContacts(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/enterprises/:id/contacts/:contactId/unmask',
    {
      config: { permission: 'enterprise.manage' },
      schema: {
        tags,
        summary: 'A contact’s phone in clear (keepers and the enterprise itself; each view audited)',
        params: ContactParams,
        response: withErrors({ 200: Type.Object({ phone: Type.Union([Type.String(), Type.Null()]) }) }),
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return m.contacts.unmaskContactPhone(request.actor!, request.params.id, request.params.contactId);
    },
  );
};
