import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { LearnersModule } from './index.ts';
import { OnePlusXQuery, OnePlusXStatisticsSchema } from './one-plus-x.schema.ts';

/** 1+X statistics (1+X统计): a year's participation and pass rates per school and major. */
export const onePlusXRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<LearnersModule>> = async (
  app,
  options,
) => {
  const { services: m } = options;
  app.get(
    '/api/learners/one-plus-x',
    {
      config: { permission: 'learner.read' },
      schema: {
        tags: ['learners'],
        summary:
          'A year’s 1+X participation and pass rates per school and major of the schools the actor sees, and their total',
        querystring: OnePlusXQuery,
        response: withErrors({ 200: OnePlusXStatisticsSchema }),
      },
    },
    async (request) => m.onePlusX.onePlusXStatistics(request.actor!, request.query),
  );
};
