import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import {
  DestinationBody,
  GraduateDestinationsQuery,
  GraduateDestinationsResponse,
  LearnerDestinationResponse,
} from './destinations.schema.ts';
import type { LearnersModule } from './index.ts';

const tags = ['learners'];

/** Graduates' destinations (毕业去向): one graduate's, the school's record of it, a year's list and figures. */
export const destinationRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<LearnersModule>> = async (
  app,
  options,
) => {
  const { services: m } = options;
  app.get(
    '/api/learners/:id/destination',
    {
      config: { permission: 'learner.read' },
      schema: {
        tags,
        summary: 'A graduate’s destination (毕业去向; null until recorded)',
        params: IdParams,
        response: withErrors({ 200: LearnerDestinationResponse }),
      },
    },
    async (request) => m.destinations.getDestination(request.actor!, request.params.id),
  );

  app.put(
    '/api/learners/:id/destination',
    {
      config: { permission: 'learner.manage' },
      schema: {
        tags,
        summary: 'Record or correct a graduate’s destination (the school’s clerk; a graduate only)',
        params: IdParams,
        body: DestinationBody,
        response: withErrors({ 200: LearnerDestinationResponse }),
      },
    },
    async (request) => m.destinations.recordDestination(request.actor!, request.params.id, request.body),
  );

  app.get(
    '/api/graduate-destinations',
    {
      config: { permission: 'learner.read' },
      schema: {
        tags,
        summary:
          'A year’s graduates of the schools the actor sees with their destinations, and the figures (去向落实率, 就业率, 升学率, 专业对口率, 起薪) overall and per school',
        querystring: GraduateDestinationsQuery,
        response: withErrors({ 200: GraduateDestinationsResponse }),
      },
    },
    async (request) => m.destinations.listGraduateDestinations(request.actor!, request.query),
  );
};
