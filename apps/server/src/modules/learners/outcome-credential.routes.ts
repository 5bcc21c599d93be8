import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Timestamp, withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { LearnersModule } from './index.ts';

/** A recognised outcome issued as a credential anyone can verify (Open Badges 3.0, VC-JWT). */
export const outcomeCredentialRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<LearnersModule>> = async (
  app,
  options,
) => {
  const { services: m } = options;
  app.post(
    '/api/learning-outcomes/:id/credential',
    {
      config: { permission: 'learner.read' },
      schema: {
        tags: ['learners'],
        summary:
          'Issue a recognised outcome as a signed Open Badges 3.0 credential (VC-JWT) for the holder (the school’s clerk or the district’s reviewer)',
        params: IdParams,
        response: withErrors({
          200: Type.Object({
            id: Type.String({ description: 'The credential’s id, urn:uuid:…' }),
            jwt: Type.String({ description: 'The compact VC-JWT (save as a .jwt file)' }),
            fileName: Type.String(),
            issuedAt: Timestamp,
          }),
        }),
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return m.credentials.issueOutcomeCredential(request.actor!, request.params.id);
    },
  );
};
