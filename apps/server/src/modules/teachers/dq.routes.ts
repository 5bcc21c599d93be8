import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import {
  ApplicationBody,
  ApplicationListQuery,
  ApplicationDetailSchema,
  ApplicationSummarySchema,
  DecisionBody,
  HiresQuery,
  HiresSchema,
  RatioQuery,
  RatioSchema,
  RatioTeachersQuery,
  RatioTeacherSchema,
  SchoolReviewBody,
  SettingsBody,
  SettingsSchema,
} from './dq.schema.ts';
import type { TeachersModule } from './index.ts';
import { Items } from './teachers.schema.ts';

const tags = ['teachers'];
const Application = Type.Object({ application: ApplicationDetailSchema });

/**
 * 双师型 recognition (applications and their review at school and district), the ratio for any
 * org unit and date with the teachers behind it, the district's settings, and the hires checked
 * against the recruitment rule.
 */
export const dqRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<TeachersModule>> = async (
  app,
  { services: m },
) => {
  app.post(
    '/api/teachers/:id/dq-applications',
    {
      config: { permission: 'teacher.manage' },
      schema: {
        tags,
        summary: 'Apply for a 双师型 level for the teacher, with evidence',
        params: IdParams,
        body: ApplicationBody,
        response: withErrors({ 201: Application }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        application: await m.recognition.applyForRecognition(request.actor!, request.params.id, request.body),
      }),
  );

  app.get(
    '/api/dq-applications',
    {
      config: { permission: 'teacher.read' },
      schema: {
        tags,
        summary: 'Applications of the schools the actor sees, newest first (review queues: filter by state)',
        querystring: ApplicationListQuery,
        response: withErrors({ 200: Items(ApplicationSummarySchema) }),
      },
    },
    async (request) => ({ items: await m.recognition.listApplications(request.actor!, request.query) }),
  );

  app.get(
    '/api/dq-applications/:id',
    {
      config: { permission: 'teacher.read' },
      schema: {
        tags,
        summary: 'One application: evidence, history, criteria met / not met',
        params: IdParams,
        response: withErrors({ 200: Application }),
      },
    },
    async (request) => ({
      application: await m.recognition.getApplication(request.actor!, request.params.id),
    }),
  );

  app.post(
    '/api/dq-applications/:id/resubmission',
    {
      config: { permission: 'teacher.manage' },
      schema: {
        tags,
        summary: 'Edit and resubmit a returned application',
        params: IdParams,
        body: ApplicationBody,
        response: withErrors({ 200: Application }),
      },
    },
    async (request) => ({
      application: await m.recognition.resubmitApplication(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/dq-applications/:id/withdrawal',
    {
      config: { permission: 'teacher.manage' },
      schema: {
        tags,
        summary: 'Withdraw an application not yet passed by the school',
        params: IdParams,
        response: withErrors({ 200: Application }),
      },
    },
    async (request) => ({
      application: await m.recognition.withdrawApplication(request.actor!, request.params.id),
    }),
  );

  app.post(
    '/api/dq-applications/:id/school-review',
    {
      config: { permission: 'teacher.manage' },
      schema: {
        tags,
        summary: 'The school’s review: pass to the district, or return with a comment',
        params: IdParams,
        body: SchoolReviewBody,
        response: withErrors({ 200: Application }),
      },
    },
    async (request) => ({
      application: await m.recognition.reviewAtSchool(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/dq-applications/:id/decision',
    {
      config: { permission: 'teacher.review' },
      schema: {
        tags,
        summary: 'The district’s decision: approve (certifying body, date, validity) or refuse with a reason',
        params: IdParams,
        body: DecisionBody,
        response: withErrors({ 200: Application }),
      },
    },
    async (request) => ({
      application: await m.recognition.decideApplication(request.actor!, request.params.id, request.body),
    }),
  );

  app.get(
    '/api/dq-ratio',
    {
      config: { permission: 'teacher.read' },
      schema: {
        tags,
        summary: '双师型 ratio of an org unit on a date, per school (and per major with by=major)',
        querystring: RatioQuery,
        response: withErrors({ 200: RatioSchema }),
      },
    },
    async (request) => m.ratio.getRatio(request.actor!, request.query),
  );

  app.get(
    '/api/dq-ratio/teachers',
    {
      config: { permission: 'teacher.read' },
      schema: {
        tags,
        summary: 'The teachers counted in the ratio on a date, recognised ones marked',
        querystring: RatioTeachersQuery,
        response: withErrors({ 200: Items(RatioTeacherSchema) }),
      },
    },
    async (request) => ({ items: await m.ratio.getRatioTeachers(request.actor!, request.query) }),
  );

  app.get(
    '/api/dq-settings',
    {
      config: { permission: 'teacher.read' },
      schema: {
        tags,
        summary: 'The district’s settings: part-time teachers in the ratio, per-level criteria',
        response: withErrors({ 200: SettingsSchema }),
      },
    },
    async (request) => m.settings.getSettings(request.actor!),
  );

  app.put(
    '/api/dq-settings',
    {
      config: { permission: 'teacher.review' },
      schema: {
        tags,
        summary: 'Record the district’s settings (criteria null = defaults); audited',
        body: SettingsBody,
        response: withErrors({ 200: SettingsSchema }),
      },
    },
    async (request) => m.settings.updateSettings(request.actor!, request.body),
  );

  app.get(
    '/api/teacher-hires',
    {
      config: { permission: 'teacher.read' },
      schema: {
        tags,
        summary: '专业课 hires from 2020 checked against the recruitment rule, with reasons and exceptions',
        querystring: HiresQuery,
        response: withErrors({ 200: HiresSchema }),
      },
    },
    async (request) => m.hires.listHires(request.actor!, request.query),
  );
};
