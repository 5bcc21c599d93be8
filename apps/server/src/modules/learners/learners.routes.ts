import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { LearnersModule } from './index.ts';
import {
  EnrollmentCohortBody,
  LearnerDetailSchema,
  LearnerListQuery,
  LearnerSummarySchema,
  StatusChangeBody,
} from './learners.schema.ts';

const tags = ['learners'];
const Learner = Type.Object({ learner: LearnerDetailSchema });

/** The student register (学籍): the list, one learner, the audited clear view, the cohort from 报到, status changes. */
export const learnerRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<LearnersModule>> = async (
  app,
  options,
) => {
  const { services: m } = options;
  app.get(
    '/api/learners',
    {
      config: { permission: 'learner.read' },
      schema: {
        tags,
        summary: 'Learners of the schools the actor sees (ID numbers masked)',
        querystring: LearnerListQuery,
        response: withErrors({
          200: Type.Object({ items: Type.Array(LearnerSummarySchema), total: Type.Integer() }),
        }),
      },
    },
    async (request) => m.register.listLearners(request.actor!, request.query),
  );

  app.get(
    '/api/learners/:id',
    {
      config: { permission: 'learner.read' },
      schema: {
        tags,
        summary: 'One learner with the status history (ID number masked)',
        params: IdParams,
        response: withErrors({ 200: Learner }),
      },
    },
    async (request) => ({ learner: await m.register.getLearner(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/learners/enrollment-cohorts',
    {
      config: { permission: 'learner.manage' },
      schema: {
        tags,
        summary:
          'Put the candidates registered (报到) at the school’s programs in a season on its register (idempotent; all or nothing)',
        body: EnrollmentCohortBody,
        response: withErrors({
          200: Type.Object({
            created: Type.Integer({ description: 'Learners added' }),
            admittedFromSocial: Type.Integer({
              description: 'Social learners of the school admitted: their rows became the students’',
            }),
            skipped: Type.Integer({ description: 'Registrations already on the register' }),
          }),
        }),
      },
    },
    async (request) => m.register.createCohortFromEnrollment(request.actor!, request.body),
  );

  app.post(
    '/api/learners/:id/unmask',
    {
      config: { permission: 'learner.manage' },
      schema: {
        tags,
        summary:
          'The ID number and birth date in clear (the school’s register keeper only; each view audited)',
        params: IdParams,
        response: withErrors({
          200: Type.Object({ idNumber: Type.String(), birthDate: Type.String() }),
        }),
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return m.register.unmaskLearner(request.actor!, request.params.id);
    },
  );

  app.post(
    '/api/learners/:id/status-changes',
    {
      config: { permission: 'learner.manage' },
      schema: {
        tags,
        summary: 'Change a learner’s status (休学, 复学, 转学, 退学, 毕业) on a day, with a reason',
        params: IdParams,
        body: StatusChangeBody,
        response: withErrors({ 200: Learner }),
      },
    },
    async (request) => ({
      learner: await m.register.changeLearnerStatus(request.actor!, request.params.id, request.body),
    }),
  );
};
