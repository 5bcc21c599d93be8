import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requestLang } from '../../platform/errors/error-handler.ts';
import { IdParams, Uuid, withErrors } from '../../platform/http/schemas.ts';
import { fileResponse, MEDIA_TYPES, sendFile } from '../../platform/http/file-reply.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { SupervisionServices } from './index.ts';
import {
  AssessmentSchema,
  FollowUpBody,
  InterviewBody,
  InterviewSchema,
  PublicReportSchema,
  SanctionBody,
  SanctionSchema,
  SanctionsQuery,
} from './records.schema.ts';
import { Items } from './supervision.schema.ts';

const tags = ['supervision'];
const Interview = Type.Object({ interview: InterviewSchema });

/** Interviews (约谈), rewards and penalties (奖惩), the yearly assessment (考评) and the report files. */
export const recordsRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<SupervisionServices>> = async (
  app,
  { services: s },
) => {
  app.get(
    '/api/supervision/inspections/:id/interviews',
    {
      config: { permission: 'supervision.read' },
      schema: {
        tags,
        summary: 'Interviews (约谈) of an inspection',
        params: IdParams,
        response: withErrors({ 200: Items(InterviewSchema) }),
      },
    },
    async (request) => ({ items: await s.records.listInterviews(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/supervision/inspections/:id/interviews',
    {
      config: { permission: 'supervision.inspect' },
      schema: {
        tags,
        summary: 'Record an interview with its commitments',
        params: IdParams,
        body: InterviewBody,
        response: withErrors({ 201: Interview }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        interview: await s.records.recordInterview(request.actor!, request.params.id, request.body),
      }),
  );

  app.post(
    '/api/supervision/interviews/:id/commitments/:commitmentId/follow-up',
    {
      config: { permission: 'supervision.inspect' },
      schema: {
        tags,
        summary: 'Record whether a commitment was kept',
        params: Type.Object({ id: Uuid, commitmentId: Uuid }),
        body: FollowUpBody,
        response: withErrors({ 200: Interview }),
      },
    },
    async (request) => ({
      interview: await s.records.followUpCommitment(
        request.actor!,
        request.params.id,
        request.params.commitmentId,
        request.body,
      ),
    }),
  );

  app.get(
    '/api/supervision/sanctions',
    {
      config: { permission: 'supervision.read' },
      schema: {
        tags,
        summary: 'Rewards and penalties (奖惩) the actor sees (a unit: its own)',
        querystring: SanctionsQuery,
        response: withErrors({ 200: Items(SanctionSchema) }),
      },
    },
    async (request) => ({ items: await s.records.listSanctions(request.actor!, request.query) }),
  );

  app.post(
    '/api/supervision/sanctions',
    {
      config: { permission: 'supervision.manage' },
      schema: {
        tags,
        summary: 'Record a reward or penalty against a unit',
        body: SanctionBody,
        response: withErrors({ 201: Type.Object({ sanction: SanctionSchema }) }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({ sanction: await s.records.recordSanction(request.actor!, request.body) }),
  );

  app.get(
    '/api/supervision/assessment',
    {
      config: { permission: 'supervision.read' },
      schema: {
        tags,
        summary:
          'Yearly assessment (考评) per unit: findings, orders on time / late / overdue, rewards, penalties, score',
        querystring: Type.Object({
          year: Type.Integer({ minimum: 2000, maximum: 2100, description: 'Assessment year' }),
        }),
        response: withErrors({ 200: AssessmentSchema }),
      },
    },
    async (request) => s.records.assessment(request.actor!, request.query.year),
  );

  app.get(
    '/api/supervision/assessment/export.xlsx',
    {
      config: { permission: 'supervision.read' },
      schema: {
        tags,
        summary: 'The yearly assessment (考评) as .xlsx, the same rows as the page; audited',
        querystring: Type.Object({
          year: Type.Integer({ minimum: 2000, maximum: 2100, description: 'Assessment year' }),
        }),
        response: withErrors({ 200: fileResponse('The .xlsx file (attachment)', MEDIA_TYPES.xlsx) }),
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await s.records.exportAssessment(request.actor!, request.query.year, requestLang(request)),
      ),
  );

  for (const format of ['docx', 'pdf'] as const) {
    app.get(
      `/api/supervision/inspections/:id/report.${format}`,
      {
        config: { permission: 'supervision.read' },
        schema: {
          tags,
          summary: `The supervision report (督导报告) as ${format.toUpperCase()} (?lang=en for English)`,
          params: IdParams,
          querystring: Type.Object({
            lang: Type.Optional(Type.String({ description: 'zh (default) or en' })),
          }),
          response: withErrors({
            200: fileResponse(`The ${format.toUpperCase()} file (attachment)`, MEDIA_TYPES[format]),
          }),
        },
      },
      async (request, reply) => {
        const out = await s.reports.renderReport(
          request.actor!,
          request.params.id,
          format,
          requestLang(request),
        );
        return sendFile(reply, { body: out.file, mediaType: MEDIA_TYPES[format], filename: out.filename });
      },
    );
  }

  app.post(
    '/api/supervision/inspections/:id/publication',
    {
      config: { permission: 'supervision.manage' },
      schema: {
        tags,
        summary: 'Publish the report of a completed inspection to the portal, without personal data',
        params: IdParams,
        response: withErrors({ 200: PublicReportSchema }),
      },
    },
    async (request) => s.reports.publishReport(request.actor!, request.params.id),
  );
};
