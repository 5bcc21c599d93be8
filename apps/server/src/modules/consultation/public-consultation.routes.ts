import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requestLang } from '../../platform/errors/error-handler.ts';
import { ErrorResponse, IdParams, withErrors } from '../../platform/http/schemas.ts';
import { fileResponse, MEDIA_TYPES, sendFile } from '../../platform/http/file-reply.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { ConsultationServices } from './index.ts';
import {
  ChallengeSchema,
  DocumentSchema,
  LangQuery,
  PublicConsultationDetail,
  PublicConsultationSummary,
  SubmitCommentBody,
  SubmitCommentResponse,
} from './consultation.schema.ts';

const tags = ['open data'];

/**
 * The public side of consultations (no sign-in): read, fetch a proof-of-work challenge, comment,
 * read the feedback summary. The comment POST is guarded by the same-origin rule of the auth
 * hooks (a cross-site `Origin` is refused), the per-request challenge and the rate limit.
 */
export const publicConsultationRoutes: FastifyPluginAsyncTypebox<
  ModuleRouteOptions<ConsultationServices>
> = async (app, { services: { publicComments, documents } }) => {
  app.get(
    '/api/public/consultations',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Open and closed public consultations',
        response: withErrors({ 200: Type.Object({ items: Type.Array(PublicConsultationSummary) }) }),
      },
    },
    async () => ({ items: await publicComments.listPublicConsultations() }),
  );

  app.get(
    '/api/public/consultations/:id',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'A consultation clause by clause with published comments and replies',
        params: IdParams,
        response: withErrors({ 200: PublicConsultationDetail }),
      },
    },
    async (request) => publicComments.getPublicConsultation(request.params.id),
  );

  app.get(
    '/api/public/consultations/:id/challenge',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'A proof-of-work challenge for one comment',
        params: IdParams,
        response: withErrors({ 200: ChallengeSchema }),
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return publicComments.getChallenge(request.params.id);
    },
  );

  app.post(
    '/api/public/consultations/:id/comments',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Comment on a clause (pending until moderated); 409 after the period, 429 when rate-limited',
        params: IdParams,
        body: SubmitCommentBody,
        response: withErrors({ 201: SubmitCommentResponse, 429: ErrorResponse }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await publicComments.submitComment(request.params.id, request.body, { ip: request.ip })),
  );

  app.get(
    '/api/public/consultations/:id/summary',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Feedback summary (采纳情况说明) of a closed consultation, as a document model',
        params: IdParams,
        querystring: LangQuery,
        response: withErrors({ 200: DocumentSchema }),
      },
    },
    async (request) => documents.getSummary(null, request.params.id, requestLang(request)),
  );

  for (const format of ['docx', 'pdf'] as const) {
    app.get(
      `/api/public/consultations/:id/summary.${format}`,
      {
        config: { permission: 'public' },
        schema: {
          tags,
          summary: `Feedback summary as ${format.toUpperCase()}`,
          params: IdParams,
          querystring: LangQuery,
          response: withErrors({
            200: fileResponse('The feedback summary (attachment)', MEDIA_TYPES[format]),
          }),
        },
      },
      async (request, reply) => {
        const { body, fileName } = await documents.renderSummary(
          null,
          request.params.id,
          format,
          requestLang(request),
        );
        return sendFile(reply.header('cache-control', 'no-store'), {
          body,
          mediaType: MEDIA_TYPES[format],
          filename: fileName,
        });
      },
    );
  }
};
