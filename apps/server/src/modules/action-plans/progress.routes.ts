import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requestLang } from '../../platform/errors/error-handler.ts';
import { fileResponse, MEDIA_TYPES, sendFile } from '../../platform/http/file-reply.ts';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import {
  CreateReportBody,
  Items,
  ReportDetailSchema,
  ReportListQuery,
  ReportSummarySchema,
  ReturnReportBody,
  UpdateReportBody,
} from './action-plans.schema.ts';
import type { ActionPlansModule } from './index.ts';

const ReportResponse = Type.Object({ report: ReportDetailSchema });

/** Progress reports (进展填报) and their review (审核: 通过 / 退回). */
export const progressRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<ActionPlansModule>> = async (
  app,
  { services: { progress, exports } },
) => {
  app.get(
    '/api/progress-reports',
    {
      config: { permission: 'plan.read' },
      schema: {
        tags: ['progress'],
        summary: 'Reports the actor may see, newest period first',
        querystring: ReportListQuery,
        response: withErrors({ 200: Items(ReportSummarySchema) }),
      },
    },
    async (request) => ({ items: await progress.listReports(request.actor!, request.query) }),
  );

  app.get(
    '/api/progress-reports/export.xlsx',
    {
      config: { permission: 'plan.read' },
      schema: {
        tags: ['progress'],
        summary: 'The reports list as .xlsx, same scope and filters as the list; audited',
        querystring: Type.Omit(ReportListQuery, ['limit', 'offset']),
        response: withErrors({ 200: fileResponse('The .xlsx file (attachment)', MEDIA_TYPES.xlsx) }),
      },
    },
    async (request, reply) =>
      sendFile(reply, await exports.exportReports(request.actor!, request.query, requestLang(request))),
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
    '/api/progress-reports/:id/withdrawal',
    {
      config: { permission: 'progress.report' },
      schema: {
        tags: ['progress'],
        summary: 'Withdraw (撤回) a submitted report not yet reviewed: it returns to a draft',
        params: IdParams,
        response: withErrors({ 200: ReportResponse }),
      },
    },
    async (request) => ({ report: await progress.withdrawReport(request.actor!, request.params.id) }),
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
        body: ReturnReportBody,
        response: withErrors({ 200: ReportResponse }),
      },
    },
    async (request) => ({
      report: await progress.returnReport(request.actor!, request.params.id, request.body.comment),
    }),
  );
};
