import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requestLang } from '../../platform/errors/error-handler.ts';
import { fileResponse, MEDIA_TYPES, sendFile } from '../../platform/http/file-reply.ts';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { SupervisionServices } from './index.ts';
import { PublicReportSchema, PublicReportSummary } from './records.schema.ts';
import { Items, PageQuery } from './supervision.schema.ts';

/** Published supervision reports (督导报告) on the open-data portal: no sign-in, no personal data. */
export const supervisionPublicRoutes: FastifyPluginAsyncTypebox<
  ModuleRouteOptions<SupervisionServices>
> = async (app, { services: { reports } }) => {
  app.get(
    '/api/public/supervision-reports',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['open data'],
        summary: 'Published supervision reports, newest first',
        querystring: PageQuery,
        response: withErrors({ 200: Items(PublicReportSummary) }),
      },
    },
    async (request) => ({ items: await reports.listPublicReports(request.query) }),
  );

  app.get(
    '/api/public/supervision-reports/:id',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['open data'],
        summary: 'One published supervision report as a document (?lang=en for English)',
        params: IdParams,
        querystring: Type.Object({ lang: Type.Optional(Type.String({ description: 'zh (default) or en' })) }),
        response: withErrors({ 200: PublicReportSchema }),
      },
    },
    async (request) => reports.getPublicReport(request.params.id, requestLang(request)),
  );

  app.get(
    '/api/public/supervision-reports/:id/report.pdf',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['open data'],
        summary: 'One published supervision report as PDF (?lang=en for English)',
        params: IdParams,
        querystring: Type.Object({ lang: Type.Optional(Type.String({ description: 'zh (default) or en' })) }),
        response: withErrors({ 200: fileResponse('The published report (attachment)', MEDIA_TYPES.pdf) }),
      },
    },
    async (request, reply) => {
      const out = await reports.renderPublicReport(request.params.id, requestLang(request));
      return sendFile(reply, { body: out.file, mediaType: MEDIA_TYPES.pdf, filename: out.filename });
    },
  );
};
