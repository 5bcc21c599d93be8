import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requestLang } from '../../platform/errors/error-handler.ts';
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
};
