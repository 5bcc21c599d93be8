import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import { fileResponse, MEDIA_TYPES, sendFile } from '../../platform/http/file-reply.ts';
import { readSingleFile } from '../../platform/http/multipart-file.ts';
import { requestLang } from '../../platform/errors/error-handler.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { EnrollmentModule } from './index.ts';
import {
  BatchBody,
  CandidateSchema,
  CandidatesExportQuery,
  ImportResultSchema,
  PreferencesBody,
  PreferencesSchema,
  ProgramBody,
  SeasonBody,
  SeasonDetailSchema,
  SeasonSummarySchema,
} from './enrollment.schema.ts';

const tags = ['enrollment'];
const Season = Type.Object({ season: SeasonDetailSchema });

/** Season set-up (招生办), candidate import, and preferences (junior high clerks). */
export const enrollmentSetupRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<EnrollmentModule>> = async (
  app,
  { services: e, deps },
) => {
  const maxBytes = deps.config.uploadMaxBytes;
  app.get(
    '/api/enrollment/seasons',
    {
      config: { permission: 'enrollment.read' },
      schema: {
        tags,
        summary: 'Seasons of the actor’s district',
        response: withErrors({ 200: Type.Object({ items: Type.Array(SeasonSummarySchema) }) }),
      },
    },
    async (request) => ({ items: await e.setup.listSeasons(request.actor!) }),
  );

  app.post(
    '/api/enrollment/seasons',
    {
      config: { permission: 'enrollment.manage' },
      schema: {
        tags,
        summary: 'Create the season of an admission year',
        body: SeasonBody,
        response: withErrors({ 201: Season }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({ season: await e.setup.createSeason(request.actor!, request.body) }),
  );

  app.get(
    '/api/enrollment/seasons/:id',
    {
      config: { permission: 'enrollment.read' },
      schema: {
        tags,
        summary: 'A season with its batches and programs',
        params: IdParams,
        response: withErrors({ 200: Season }),
      },
    },
    async (request) => ({ season: await e.setup.getSeason(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/enrollment/seasons/:id/batches',
    {
      config: { permission: 'enrollment.manage' },
      schema: {
        tags,
        summary: 'Add a batch with its preference window',
        params: IdParams,
        body: BatchBody,
        response: withErrors({ 201: Season }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ season: await e.setup.addBatch(request.actor!, request.params.id, request.body) }),
  );

  app.post(
    '/api/enrollment/seasons/:id/programs',
    {
      config: { permission: 'enrollment.manage' },
      schema: {
        tags,
        summary: 'Add a program (quota, conditions, reserved seats)',
        params: IdParams,
        body: ProgramBody,
        response: withErrors({ 201: Season }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ season: await e.setup.addProgram(request.actor!, request.params.id, request.body) }),
  );

  for (const [step, to] of [
    ['opening', 'open'],
    ['closing', 'closed'],
  ] as const)
    app.post(
      `/api/enrollment/seasons/:id/${step}`,
      {
        config: { permission: 'enrollment.manage' },
        schema: {
          tags,
          summary: `Move the season to ${to}`,
          params: IdParams,
          response: withErrors({ 200: Season }),
        },
      },
      async (request) => ({ season: await e.setup.changeState(request.actor!, request.params.id, to) }),
    );

  app.get(
    '/api/enrollment/seasons/:id/candidates/template.xlsx',
    {
      config: { permission: 'enrollment.read' },
      schema: {
        tags,
        summary: 'The blank candidate import template (.xlsx)',
        params: IdParams,
        response: withErrors({
          200: fileResponse('The .xlsx file (attachment)', MEDIA_TYPES.xlsx),
        }),
      },
    },
    async (request, reply) => {
      const out = await e.candidates.template(request.actor!, request.params.id);
      return sendFile(reply, { body: out.file, mediaType: MEDIA_TYPES.xlsx, filename: out.filename });
    },
  );

  app.post(
    '/api/enrollment/seasons/:id/candidate-imports',
    {
      config: { permission: 'enrollment.manage' },
      schema: {
        tags,
        summary: 'Import candidates from the exam office’s .xlsx (all or nothing)',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: withErrors({ 200: ImportResultSchema, 413: Type.Unknown() }),
      },
    },
    async (request) => {
      const file = await readSingleFile(request, maxBytes, {
        zh: '请选择要导入的文件',
        en: 'No file in the request',
      });
      return e.candidates.importCandidates(request.actor!, request.params.id, file);
    },
  );

  app.get(
    '/api/enrollment/seasons/:id/candidates',
    {
      config: { permission: 'enrollment.read' },
      schema: {
        tags,
        summary: 'Candidates in the actor’s scope (ID numbers masked)',
        params: IdParams,
        response: withErrors({ 200: Type.Object({ items: Type.Array(CandidateSchema) }) }),
      },
    },
    async (request) => ({ items: await e.candidates.listCandidates(request.actor!, request.params.id) }),
  );

  app.get(
    '/api/enrollment/seasons/:id/candidates/export.xlsx',
    {
      config: { permission: 'enrollment.read' },
      schema: {
        tags,
        summary:
          'The preferences list (志愿填报情况): the candidates list with each batch’s choices as .xlsx, same scope as the list, filtered as the page filters; IDs masked; audited',
        params: IdParams,
        querystring: CandidatesExportQuery,
        response: withErrors({ 200: fileResponse('The .xlsx file (attachment)', MEDIA_TYPES.xlsx) }),
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await e.exports.exportPreferences(
          request.actor!,
          request.params.id,
          request.query,
          requestLang(request),
        ),
      ),
  );

  app.get(
    '/api/enrollment/candidates/:id/preferences',
    {
      config: { permission: 'enrollment.read' },
      schema: {
        tags,
        summary: 'A candidate’s choices per batch with their history',
        params: IdParams,
        response: withErrors({ 200: PreferencesSchema }),
      },
    },
    async (request) => e.preferences.getPreferences(request.actor!, request.params.id),
  );

  app.put(
    '/api/enrollment/candidates/:id/preferences',
    {
      config: { permission: 'enrollment.preferences' },
      schema: {
        tags,
        summary: 'Set a candidate’s choices in a batch while its window is open',
        params: IdParams,
        body: PreferencesBody,
        response: withErrors({ 200: PreferencesSchema }),
      },
    },
    async (request) => e.preferences.setPreferences(request.actor!, request.params.id, request.body),
  );
};
