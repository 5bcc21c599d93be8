import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requestLang } from '../../platform/errors/error-handler.ts';
import { IdParams, Uuid, withErrors } from '../../platform/http/schemas.ts';
import { fileResponse, MEDIA_TYPES, sendFile } from '../../platform/http/file-reply.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { ConsultationServices } from './index.ts';
import {
  CreateConsultationBody,
  DiffSchema,
  DocumentSchema,
  EditorConsultationDetail,
  EditorConsultationSummary,
  BatchModerationBody,
  LangQuery,
  ModerationBody,
  ReplyBody,
  RevisionBody,
} from './consultation.schema.ts';

const tags = ['consultation'];
const config = { permission: 'consultation.manage' as const };
/**
 * Reading one consultation: any plan reader passes the coarse check and the service answers 404
 * unless they manage it, so a record they may not see does not reveal that it exists.
 */
const read = { permission: ['consultation.manage', 'plan.read'] as const };
const Ok = Type.Object({ ok: Type.Boolean() });

/** The plan editors' consultation workflow (征求意见): create, open, moderate, reply, close, revise. */
export const consultationRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<ConsultationServices>> = async (
  app,
  { services: { consultations, documents } },
) => {
  app.get(
    '/api/consultations',
    {
      config,
      schema: {
        tags,
        summary: 'Consultations of the actor’s district',
        response: withErrors({ 200: Type.Object({ items: Type.Array(EditorConsultationSummary) }) }),
      },
    },
    async (request) => ({ items: await consultations.listConsultations(request.actor!) }),
  );

  app.get(
    '/api/consultations/plan-versions',
    {
      config,
      schema: {
        tags,
        summary: 'Draft plan versions that can be opened for comment',
        response: withErrors({
          200: Type.Object({
            items: Type.Array(
              Type.Object({ id: Uuid, code: Type.String(), version: Type.Number(), title: Type.String() }),
            ),
          }),
        }),
      },
    },
    async (request) => ({ items: await consultations.listCandidateVersions(request.actor!) }),
  );

  app.post(
    '/api/consultations',
    {
      config,
      schema: {
        tags,
        summary: 'Prepare a consultation on a draft plan version',
        body: CreateConsultationBody,
        response: withErrors({ 201: Type.Object({ id: Uuid }) }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await consultations.createConsultation(request.actor!, request.body)),
  );

  app.get(
    '/api/consultations/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A consultation with every comment (contacts masked)',
        params: IdParams,
        response: withErrors({ 200: EditorConsultationDetail }),
      },
    },
    async (request) => consultations.getConsultation(request.actor!, request.params.id),
  );

  app.post(
    '/api/consultations/:id/opening',
    {
      config,
      schema: {
        tags,
        summary: 'Open a draft consultation for comment',
        params: IdParams,
        response: withErrors({ 200: Ok }),
      },
    },
    async (request) => {
      await consultations.openConsultation(request.actor!, request.params.id);
      return { ok: true };
    },
  );

  app.post(
    '/api/consultations/:id/closing',
    {
      config,
      schema: {
        tags,
        summary: 'Close after the period; refused while comments are unmoderated or unanswered',
        params: IdParams,
        response: withErrors({ 200: Ok }),
      },
    },
    async (request) => {
      await consultations.closeConsultation(request.actor!, request.params.id);
      return { ok: true };
    },
  );

  app.post(
    '/api/consultation-comments/:id/moderation',
    {
      config,
      schema: {
        tags,
        summary: 'Publish or reject a pending comment',
        params: IdParams,
        body: ModerationBody,
        response: withErrors({ 200: Ok }),
      },
    },
    async (request) => {
      await consultations.moderateComment(request.actor!, request.params.id, request.body);
      return { ok: true };
    },
  );

  app.post(
    '/api/consultations/:id/comment-moderation',
    {
      config,
      schema: {
        tags,
        summary:
          'Publish or reject several pending comments at once (all or nothing; 409 names each refused one)',
        params: IdParams,
        body: BatchModerationBody,
        response: withErrors({ 200: Type.Object({ moderated: Type.Integer() }) }),
      },
    },
    async (request) => consultations.moderateComments(request.actor!, request.params.id, request.body),
  );

  app.put(
    '/api/consultation-comments/:id/reply',
    {
      config,
      schema: {
        tags,
        summary: 'Reply to a published comment with an adoption decision',
        params: IdParams,
        body: ReplyBody,
        response: withErrors({ 200: Ok }),
      },
    },
    async (request) => {
      await consultations.replyToComment(request.actor!, request.params.id, request.body);
      return { ok: true };
    },
  );

  app.get(
    '/api/consultations/:id/summary',
    {
      config: read,
      schema: {
        tags,
        summary: 'Feedback summary of a closed consultation',
        params: IdParams,
        querystring: LangQuery,
        response: withErrors({ 200: DocumentSchema }),
      },
    },
    async (request) => documents.getSummary(request.actor!, request.params.id, requestLang(request)),
  );

  for (const format of ['docx', 'pdf'] as const) {
    app.get(
      `/api/consultations/:id/summary.${format}`,
      {
        config: read,
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
          request.actor!,
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

  app.post(
    '/api/consultations/:id/revision',
    {
      config,
      schema: {
        tags,
        summary: 'Create the next draft version of the plan with edited clauses',
        params: IdParams,
        body: RevisionBody,
        response: withErrors({
          201: Type.Object({ planId: Uuid, version: Type.Number(), changedKeys: Type.Array(Type.String()) }),
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await consultations.createRevision(request.actor!, request.params.id, request.body.edits)),
  );

  app.get(
    '/api/consultations/:id/versions',
    {
      config: read,
      schema: {
        tags,
        summary: 'Other versions of the consulted plan (to compare with)',
        params: IdParams,
        response: withErrors({
          200: Type.Object({
            items: Type.Array(
              Type.Object({ id: Uuid, version: Type.Number(), status: Type.String(), title: Type.String() }),
            ),
          }),
        }),
      },
    },
    async (request) => ({ items: await documents.listComparableVersions(request.actor!, request.params.id) }),
  );

  app.get(
    '/api/consultations/:id/diff',
    {
      config: read,
      schema: {
        tags,
        summary: 'Clause-by-clause diff of the consulted version against its revision or ?to=<planId>',
        params: IdParams,
        querystring: Type.Object({ to: Type.Optional(Uuid) }),
        response: withErrors({ 200: DiffSchema }),
      },
    },
    async (request) => documents.diff(request.actor!, request.params.id, request.query.to),
  );
};
