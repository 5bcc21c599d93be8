import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { LearnersModule } from './index.ts';
import { ClassAssignmentBody, ClassesQuery, SchoolClassSchema } from './learners.schema.ts';

const tags = ['learners'];

/** 分班: the classes of the registers in scope, and putting a selection of learners into a class. */
export const classAssignmentRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<LearnersModule>> = async (
  app,
  options,
) => {
  const { services: m } = options;
  app.get(
    '/api/learners/classes',
    {
      config: { permission: 'learner.read' },
      schema: {
        tags,
        summary: 'The classes (班级) of the schools the actor sees, with their learners at the school',
        querystring: ClassesQuery,
        response: withErrors({ 200: Type.Object({ items: Type.Array(SchoolClassSchema) }) }),
      },
    },
    async (request) => m.register.listClasses(request.actor!, request.query),
  );

  app.post(
    '/api/learners/class-assignments',
    {
      config: { permission: 'learner.manage' },
      schema: {
        tags,
        summary: 'Put learners of one school into a class (分班; all or nothing, audited)',
        body: ClassAssignmentBody,
        response: withErrors({
          200: Type.Object({
            updated: Type.Integer({ description: 'Learners whose class changed' }),
            unchanged: Type.Integer({ description: 'Learners already in that class' }),
          }),
        }),
      },
    },
    async (request) => m.register.assignClass(request.actor!, request.body),
  );
};
