import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import { fileResponse, MEDIA_TYPES, sendFile } from '../../platform/http/file-reply.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { EnrollmentModule } from './index.ts';
import { RunDetailSchema, RunSchema } from './enrollment.schema.ts';
import { requestLang } from '../../platform/errors/error-handler.ts';
import {
  AdmissionSchema,
  AdmissionsExportQuery,
  AdmissionsQuery,
  RegistrationBody,
} from './results.schema.ts';

const tags = ['enrollment'];
const Pdf = fileResponse('The PDF file (attachment)', MEDIA_TYPES.pdf);

/** Matching runs (招生办), admitted lists and 报到 (receiving schools), admission notices. */
export const enrollmentResultsRoutes: FastifyPluginAsyncTypebox<
  ModuleRouteOptions<EnrollmentModule>
> = async (app, { services: e, deps }) => {
  const renderer = deps.documents;
  app.post(
    '/api/enrollment/batches/:id/runs',
    {
      config: { permission: 'enrollment.manage' },
      schema: {
        tags,
        summary: 'Match the batch (as a job); follow it at /api/jobs/:id',
        params: IdParams,
        response: withErrors({
          202: Type.Object({ jobId: Type.String({ description: 'The job running the match' }) }),
        }),
      },
    },
    async (request, reply) =>
      reply.status(202).send(await e.matching.startRun(request.actor!, request.params.id)),
  );

  app.get(
    '/api/enrollment/seasons/:id/runs',
    {
      config: { permission: 'enrollment.read' },
      schema: {
        tags,
        summary: 'Matching runs of the season, newest first (招生办; empty for others)',
        params: IdParams,
        querystring: Type.Object({
          batchId: Type.Optional(Type.String({ format: 'uuid', description: 'Only this batch' })),
        }),
        response: withErrors({ 200: Type.Object({ items: Type.Array(RunSchema) }) }),
      },
    },
    async (request) => ({
      items: await e.matching.listRuns(request.actor!, request.params.id, request.query.batchId),
    }),
  );

  app.get(
    '/api/enrollment/runs/:id',
    {
      config: { permission: 'enrollment.read' },
      schema: {
        tags,
        summary: 'A run with the engine output as stored',
        params: IdParams,
        response: withErrors({ 200: RunDetailSchema }),
      },
    },
    async (request) => e.matching.getRun(request.actor!, request.params.id),
  );

  app.post(
    '/api/enrollment/runs/:id/review',
    {
      config: { permission: 'enrollment.manage' },
      schema: {
        tags,
        summary: 'Mark a draft run reviewed (审核)',
        params: IdParams,
        response: withErrors({ 200: RunDetailSchema }),
      },
    },
    async (request) => e.matching.reviewRun(request.actor!, request.params.id),
  );

  app.post(
    '/api/enrollment/runs/:id/publication',
    {
      config: { permission: 'enrollment.manage' },
      schema: {
        tags,
        summary: 'Publish a reviewed run: placements take effect',
        params: IdParams,
        response: withErrors({ 200: RunDetailSchema }),
      },
    },
    async (request) => e.matching.publishRun(request.actor!, request.params.id),
  );

  app.get(
    '/api/enrollment/seasons/:id/admissions',
    {
      config: { permission: 'enrollment.read' },
      schema: {
        tags,
        summary:
          'Admitted candidates of the programs the actor may see (receiving school: its own; IDs masked)',
        params: IdParams,
        querystring: AdmissionsQuery,
        response: withErrors({
          200: Type.Object({
            items: Type.Array(AdmissionSchema),
            abilities: Type.Object({ register: Type.Boolean() }),
          }),
        }),
      },
    },
    async (request) => e.registration.listAdmissions(request.actor!, request.params.id, request.query),
  );

  app.get(
    '/api/enrollment/seasons/:id/admissions/export.xlsx',
    {
      config: { permission: 'enrollment.read' },
      schema: {
        tags,
        summary:
          'The admitted list as .xlsx, same scope and filters as the list (and the registration status); IDs masked; audited',
        params: IdParams,
        querystring: AdmissionsExportQuery,
        response: withErrors({ 200: fileResponse('The .xlsx file (attachment)', MEDIA_TYPES.xlsx) }),
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await e.exports.exportAdmissions(
          request.actor!,
          request.params.id,
          request.query,
          requestLang(request),
        ),
      ),
  );

  app.put(
    '/api/enrollment/candidates/:id/registration',
    {
      config: { permission: 'enrollment.register' },
      schema: {
        tags,
        summary: 'Record 报到: enrolled, or not with a reason',
        params: IdParams,
        body: RegistrationBody,
        response: withErrors({ 200: Type.Object({ admission: AdmissionSchema }) }),
      },
    },
    async (request) => ({
      admission: await e.registration.recordRegistration(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/enrollment/registrations',
    {
      config: { permission: 'enrollment.register' },
      schema: {
        tags,
        summary:
          'Confirm 报到 of several admitted candidates at once (all or nothing; 400 names each refused one)',
        body: Type.Object(
          {
            candidateIds: Type.Array(Type.String({ format: 'uuid' }), {
              minItems: 1,
              maxItems: 500,
              description: 'Admitted candidates who enrolled (at most 500)',
            }),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Type.Object({ registered: Type.Integer() }) }),
      },
    },
    async (request) => e.registration.confirmRegistrations(request.actor!, request.body),
  );

  app.get(
    '/api/enrollment/candidates/:id/admission-notice.pdf',
    {
      config: { permission: 'enrollment.read' },
      schema: {
        tags,
        summary: 'The admission notice (录取通知书) as PDF',
        params: IdParams,
        response: withErrors({ 200: Pdf }),
      },
    },
    async (request, reply) => {
      const n = await e.results.noticeForStaff(request.actor!, request.params.id);
      const file = await renderer.pdf(n.doc);
      return sendFile(reply, { body: file, mediaType: MEDIA_TYPES.pdf, filename: n.filename });
    },
  );
};
