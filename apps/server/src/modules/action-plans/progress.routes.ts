import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, PlanCode, withErrors } from '../../platform/http/schemas.ts';
import {
  CreateReportBody,
  Items,
  ReportDetailSchema,
  ReportStateSchema,
  ReportSummarySchema,
  UpdateReportBody,
} from './action-plans.schema.ts';
import { listReports } from './progress.queries.ts';
import type { ProgressService } from './progress.service.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.types.ts';

const ReportResponse = Type.Object({ report: ReportDetailSchema });

/** Progress reports (进展填报) and their review (审核: 通过 / 退回). */
export const progressRoutes: FastifyPluginAsyncTypebox<{
  progress: ProgressService;
  db: Kysely<Database>;
}> = async (app, { progress, db }) => {
  app.get(
    '/api/progress-reports',
    {
      config: { permission: 'plan.read' },
      schema: {
        tags: ['progress'],
        summary: 'Reports the actor may see, newest period first',
        querystring: Type.Object({
          state: Type.Optional(ReportStateSchema),
          taskId: Type.Optional(Type.String({ format: 'uuid' })),
          planCode: Type.Optional(PlanCode),
          periodId: Type.Optional(Type.String({ format: 'uuid' })),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 200, description: 'Page size' }),
          offset: Type.Integer({ minimum: 0, default: 0, description: 'Rows to skip (paging)' }),
        }),
        response: withErrors({ 200: Items(ReportSummarySchema) }),
      },
    },
    async (request) => ({ items: await listReports(db, request.actor!, request.query) }),
  );

  app.get(
    '/api/progress-reports/:id',
    {
      config: { permission: 'plan.read' },
      schema: {
        tags: ['progress'],
        summary: 'One report with values, files and history',
        params: IdParams,
        response: withErrors({ 200: ReportResponse }),
      },
    },
    async (request) => ({ report: await progress.getReport(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/progress-reports',
    {
      config: { permission: 'progress.report' },
      schema: {
        tags: ['progress'],
        summary: 'Write a report for a task and period (draft, or submitted with submit=true)',
        body: CreateReportBody,
        response: withErrors({ 201: ReportResponse }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({ report: await progress.createReport(request.actor!, request.body) }),
  );

  app.put(
    '/api/progress-reports/:id',
    {
      config: { permission: 'progress.report' },
      schema: {
        tags: ['progress'],
        summary: 'Edit a draft or returned report',
        params: IdParams,
        body: UpdateReportBody,
        response: withErrors({ 200: ReportResponse }),
      },
    },
    async (request) => ({
      report: await progress.updateReport(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/progress-reports/:id/submission',
    {
      config: { permission: 'progress.report' },
      schema: {
        tags: ['progress'],
        summary: 'Submit for review',
        params: IdParams,
        response: withErrors({ 200: ReportResponse }),
      },
    },
    async (request) => ({ report: await progress.submitReport(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/progress-reports/:id/approval',
    {
      config: { permission: 'progress.review' },
      schema: {
        tags: ['progress'],
        summary: 'Approve (通过): values and milestones take effect',
        params: IdParams,
        response: withErrors({ 200: ReportResponse }),
      },
    },
    async (request) => ({ report: await progress.approveReport(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/progress-reports/:id/return',
    {
      config: { permission: 'progress.review' },
      schema: {
        tags: ['progress'],
        summary: 'Return (退回) with a comment',
        params: IdParams,
        body: Type.Object(
          { comment: Type.String({ minLength: 1, maxLength: 2000 }) },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: ReportResponse }),
      },
    },
    async (request) => ({
      report: await progress.returnReport(request.actor!, request.params.id, request.body.comment),
    }),
  );
};
