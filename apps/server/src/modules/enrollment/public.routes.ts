import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, IdParams, withErrors } from '../../platform/http/schemas.ts';
import { fileResponse, MEDIA_TYPES, sendFile } from '../../platform/http/file-reply.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { EnrollmentModule } from './index.ts';
import { CutoffsSchema, LookupBody, LookupResultSchema } from './results.schema.ts';

const tags = ['open data'];

/** Open enrolment data: a candidate's own result (exam number + ID number), cut-offs and fill rates. */
export const enrollmentPublicRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<EnrollmentModule>> = async (
  app,
  { services: e, deps },
) => {
  const renderer = deps.documents;
  app.post(
    '/api/public/enrollment/result-lookups',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'A candidate’s result and why (exam number + ID number; rate-limited per IP)',
        body: LookupBody,
        response: withErrors({ 200: Type.Object({ result: LookupResultSchema }), 429: ErrorResponse }),
      },
    },
    async (request) => ({ result: await e.results.lookupResult(request.body, request.ip) }),
  );

  app.post(
    '/api/public/enrollment/admission-notices',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'The candidate’s admission notice as PDF (same check as the result look-up)',
        body: LookupBody,
        response: withErrors({
          200: fileResponse('The admission notice (录取通知书), PDF', MEDIA_TYPES.pdf),
          429: ErrorResponse,
        }),
      },
    },
    async (request, reply) => {
      const n = await e.results.noticeForCandidate(request.body, request.ip);
      const file = await renderer.pdf(n.doc);
      return sendFile(reply, { body: file, mediaType: MEDIA_TYPES.pdf, filename: n.filename });
    },
  );

  app.get(
    '/api/public/enrollment/seasons/:id/cutoffs',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Cut-offs and fill rates of published batches (counts only)',
        params: IdParams,
        response: withErrors({ 200: CutoffsSchema }),
      },
    },
    async (request) => e.results.cutoffs(request.params.id),
  );
};
