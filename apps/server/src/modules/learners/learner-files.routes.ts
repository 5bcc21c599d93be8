import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requestLang } from '../../platform/errors/error-handler.ts';
import { fileResponse, MEDIA_TYPES, sendFile } from '../../platform/http/file-reply.ts';
import { readSingleFile } from '../../platform/http/multipart-file.ts';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { LearnersModule } from './index.ts';
import { LearnerListQuery } from './learners.schema.ts';

const tags = ['learners'];
const Xlsx = fileResponse('The .xlsx file (attachment)', MEDIA_TYPES.xlsx);

/** The register's files: the import of students enrolled before Zhijiao, its template, the export; the credit bank's export. */
export const learnerFileRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<LearnersModule>> = async (
  app,
  options,
) => {
  const { services: m, deps } = options;
  const maxBytes = deps.config.uploadMaxBytes;

  app.get(
    '/api/learners/export.xlsx',
    {
      config: { permission: 'learner.read' },
      schema: {
        tags,
        summary:
          'The register as .xlsx (ID numbers masked, formulas escaped), same scope and filters as the list; audited',
        querystring: Type.Omit(LearnerListQuery, ['limit', 'offset']),
        response: withErrors({ 200: Xlsx }),
      },
    },
    async (request, reply) =>
      sendFile(reply, await m.files.exportLearners(request.actor!, request.query, requestLang(request))),
  );

  app.get(
    '/api/learners/:id/credit-bank-export.xlsx',
    {
      config: { permission: 'learner.read' },
      schema: {
        tags,
        summary:
          'A learner’s recognised outcomes as .xlsx for the national credit bank (columns assumed, said in the file; ID masked); audited',
        params: IdParams,
        response: withErrors({ 200: Xlsx }),
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await m.files.exportLearnerCreditBank(request.actor!, request.params.id, requestLang(request)),
      ),
  );

  app.get(
    '/api/credit-bank/export.xlsx',
    {
      config: { permission: 'learner.read' },
      schema: {
        tags,
        summary:
          'Recognised outcomes of the schools in scope as .xlsx for the national credit bank, with totals per school and outcome type (columns assumed, said in the file; IDs masked); audited',
        querystring: Type.Object(
          {
            year: Type.Optional(
              Type.Integer({ minimum: 2000, maximum: 2100, description: 'Year recognised (China calendar)' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Xlsx }),
      },
    },
    async (request, reply) =>
      sendFile(reply, await m.files.exportCreditBank(request.actor!, request.query, requestLang(request))),
  );

  app.get(
    '/api/learners/import-template',
    {
      config: { permission: 'learner.manage' },
      schema: {
        tags,
        summary: 'The register import template (.xlsx): the headings and one example row, marked as such',
        response: withErrors({ 200: Xlsx }),
      },
    },
    async (_request, reply) =>
      sendFile(reply, {
        body: await m.files.importTemplate(),
        mediaType: MEDIA_TYPES.xlsx,
        filename: '学籍导入模板.xlsx',
      }),
  );

  app.post(
    '/api/learners/imports',
    {
      config: { permission: 'learner.manage' },
      schema: {
        tags,
        summary:
          'Import students enrolled before Zhijiao into the clerk’s own school’s register from .xlsx (all or nothing; per-row errors; idempotent)',
        consumes: ['multipart/form-data'],
        response: withErrors({
          200: Type.Object({
            rows: Type.Integer({ description: 'Student rows in the file' }),
            created: Type.Integer({ description: 'Learners added to the register' }),
            skipped: Type.Integer({ description: 'Rows already on the register with the same data' }),
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
      return m.files.importLearners(request.actor!, file);
    },
  );
};
