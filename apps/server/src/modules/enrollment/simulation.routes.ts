import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.types.ts';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import { listPublicSeasons } from './public-seasons.queries.ts';
import { SimulationBody, SimulationSchema } from './simulation.schema.ts';
import { createSimulationService } from './simulation.service.ts';

/**
 * The quota what-if (招生计划模拟, 招生办 only, read-only) and the open list of seasons whose
 * results the public pages can show. Registered beside the module's other route plugins.
 */
export const enrollmentSimulationRoutes: FastifyPluginAsyncTypebox<{ db: Kysely<Database> }> = async (
  app,
  { db },
) => {
  const simulation = createSimulationService({ db });

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
      simulation: await simulation.simulate(request.actor!, request.params.id, request.body),
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
    async () => ({ items: await listPublicSeasons(db) }),
  );
};
