import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { LearnersModule } from './index.ts';
import { SamePersonSchema, SocialLearnerBody } from './learners.schema.ts';

const tags = ['learners'];

/** Social learners (社会学习者): registering one, and the same person's rows across the district. */
export const socialLearnerRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<LearnersModule>> = async (
  app,
  options,
) => {
  const { services: m } = options;
  app.post(
    '/api/learners/social-learners',
    {
      config: { permission: 'learner.manage' },
      schema: {
        tags,
        summary:
          'Register an adult the school trains as a social learner (by ID number: someone already on the register is answered, not added)',
        body: SocialLearnerBody,
        response: withErrors({
          200: Type.Object({
            id: Type.String(),
            merged: Type.Boolean({
              description: 'Already on the school’s register: that row, nothing written',
            }),
            kind: Type.Union([Type.Literal('student'), Type.Literal('social')]),
          }),
        }),
      },
    },
    async (request) => m.register.registerSocialLearner(request.actor!, request.body),
  );

  app.get(
    '/api/learners/:id/same-person',
    {
      config: { permission: 'learner.read' },
      schema: {
        tags,
        summary: 'The same person’s other rows in the district (same ID number) that the actor sees',
        params: IdParams,
        response: withErrors({ 200: Type.Object({ items: Type.Array(SamePersonSchema) }) }),
      },
    },
    async (request) => m.register.listSamePerson(request.actor!, request.params.id),
  );
};
