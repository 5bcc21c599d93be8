import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { EnrollmentModule } from './index.ts';
import { SimulationBody, SimulationSchema } from './simulation.schema.ts';

/**
 * The quota what-if (招生计划模拟, 招生办 only, read-only) and the open list of seasons whose
 * results the public pages can show. Registered beside the module's other route plugins.
 */
export const enrollmentSimulationRoutes: FastifyPluginAsyncTypebox<
  ModuleRouteOptions<EnrollmentModule>
> = async (app, { services: e }) => {
  app.post(
    '/api/enrollment/batches/:id/simulations',
    {
      config: { permission: 'enrollment.manage' },
      schema: {
        tags: ['enrollment'],
        summary:
          'What-if: match the batches up to this one with changed quotas, writing nothing (counts and fill rates only)',
        params: IdParams,
        body: SimulationBody,
        response: withErrors({ 200: Type.Object({ simulation: SimulationSchema }) }),
      },
    },
    async (request) => ({
      simulation: await e.simulation.simulate(request.actor!, request.params.id, request.body),
    }),
  );

  app.get(
    '/api/public/enrollment/seasons',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['open data'],
        summary: 'Seasons past set-up, newest first: where the result look-up and cut-offs apply',
        response: withErrors({
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String({ description: 'Id' }),
                name: Type.String({ description: 'Name' }),
                admissionYear: Type.Integer({ description: 'Admission year' }),
                district: Type.String({ description: 'District name' }),
                publishedBatches: Type.Integer({ description: 'Batches whose results are published' }),
              }),
            ),
          }),
        }),
      },
    },
    async () => ({ items: await e.results.listPublicSeasons() }),
  );
};
