import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { ProgramsModule } from './index.ts';
import {
  CatalogueQuery,
  CatalogueSchema,
  CourseBody,
  CoursePatch,
  CourseQuery,
  CourseSchema,
  EnrolmentBody,
  Items,
  MajorBody,
  MajorPatch,
  MajorQuery,
  MajorSchema,
  SettingsBody,
  SettingsSchema,
  StandardsBody,
  TextbookBody,
} from './programs.schema.ts';

const tags = ['programs'];
const Major = Type.Object({ major: MajorSchema });
const Course = Type.Object({ course: CourseSchema });

/** 专业建设 and 课程与教材: the catalogue, schools' majors, courses, textbooks; the module's settings. */
export const majorsRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<ProgramsModule>> = async (
  app,
  { services: { majors, courses, settings } },
) => {
  app.get(
    '/api/programs/catalogue',
    {
      config: { permission: 'program.read' },
      schema: {
        tags,
        summary: 'The national 中职 major catalogue (a version, default the newest)',
        querystring: CatalogueQuery,
        response: withErrors({ 200: CatalogueSchema }),
      },
    },
    async (request) => majors.listCatalogue(request.query.version),
  );

  app.get(
    '/api/majors',
    {
      config: { permission: 'program.read' },
      schema: {
        tags,
        summary: 'Majors of the schools the actor sees, with standards applied and enrolment',
        querystring: MajorQuery,
        response: withErrors({ 200: Items(MajorSchema) }),
      },
    },
    async (request) => ({ items: await majors.listMajors(request.actor!, request.query) }),
  );

  app.get(
    '/api/majors/:id',
    {
      config: { permission: 'program.read' },
      schema: { tags, summary: 'One major', params: IdParams, response: withErrors({ 200: Major }) },
    },
    async (request) => ({ major: await majors.getMajor(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/majors',
    {
      config: { permission: 'program.manage' },
      schema: {
        tags,
        summary: 'Open a major at a school (a catalogue entry, optionally with a direction)',
        body: MajorBody,
        response: withErrors({ 201: Major }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({ major: await majors.createMajor(request.actor!, request.body) }),
  );

  app.patch(
    '/api/majors/:id',
    {
      config: { permission: 'program.manage' },
      schema: {
        tags,
        summary: 'Change direction, status or year',
        params: IdParams,
        body: MajorPatch,
        response: withErrors({ 200: Major }),
      },
    },
    async (request) => ({ major: await majors.updateMajor(request.actor!, request.params.id, request.body) }),
  );

  app.post(
    '/api/majors/:id/enrolment',
    {
      config: { permission: 'program.manage' },
      schema: {
        tags,
        summary: 'Record (or correct) one year’s intake and enrolment',
        params: IdParams,
        body: EnrolmentBody,
        response: withErrors({ 200: Major }),
      },
    },
    async (request) => ({
      major: await majors.recordEnrolment(request.actor!, request.params.id, request.body),
    }),
  );

  app.put(
    '/api/majors/:id/standards',
    {
      config: { permission: 'program.manage' },
      schema: {
        tags,
        summary: 'Set the national standards the major applies',
        params: IdParams,
        body: StandardsBody,
        response: withErrors({ 200: Major }),
      },
    },
    async (request) => ({
      major: await majors.setStandards(request.actor!, request.params.id, request.body.standards),
    }),
  );

  app.get(
    '/api/courses',
    {
      config: { permission: 'program.read' },
      schema: {
        tags,
        summary: 'Courses of the schools the actor sees, with their textbooks',
        querystring: CourseQuery,
        response: withErrors({ 200: Items(CourseSchema) }),
      },
    },
    async (request) => ({ items: await courses.listCourses(request.actor!, request.query) }),
  );

  app.get(
    '/api/courses/:id',
    {
      config: { permission: 'program.read' },
      schema: { tags, summary: 'One course', params: IdParams, response: withErrors({ 200: Course }) },
    },
    async (request) => ({ course: await courses.getCourse(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/courses',
    {
      config: { permission: 'program.manage' },
      schema: { tags, summary: 'Add a course', body: CourseBody, response: withErrors({ 201: Course }) },
    },
    async (request, reply) =>
      reply.status(201).send({ course: await courses.createCourse(request.actor!, request.body) }),
  );

  app.put(
    '/api/courses/:id',
    {
      config: { permission: 'program.manage' },
      schema: {
        tags,
        summary: 'Edit a course',
        params: IdParams,
        body: CoursePatch,
        response: withErrors({ 200: Course }),
      },
    },
    async (request) => ({
      course: await courses.updateCourse(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/courses/:id/textbooks',
    {
      config: { permission: 'program.manage' },
      schema: {
        tags,
        summary: 'Add a textbook to a course',
        params: IdParams,
        body: TextbookBody,
        response: withErrors({ 200: Course }),
      },
    },
    async (request) => ({
      course: await courses.addTextbook(request.actor!, request.params.id, request.body),
    }),
  );

  app.put(
    '/api/textbooks/:id',
    {
      config: { permission: 'program.manage' },
      schema: {
        tags,
        summary: 'Edit a textbook',
        params: IdParams,
        body: TextbookBody,
        response: withErrors({ 200: Course }),
      },
    },
    async (request) => ({
      course: await courses.updateTextbook(request.actor!, request.params.id, request.body),
    }),
  );

  app.delete(
    '/api/textbooks/:id',
    {
      config: { permission: 'program.manage' },
      schema: { tags, summary: 'Remove a textbook', params: IdParams, response: withErrors({ 200: Course }) },
    },
    async (request) => ({ course: await courses.removeTextbook(request.actor!, request.params.id) }),
  );

  app.get(
    '/api/programs/settings',
    {
      config: { permission: 'program.read' },
      schema: {
        tags,
        summary: 'Settings of the actor’s district (coverage threshold N)',
        response: withErrors({ 200: SettingsSchema }),
      },
    },
    async (request) => settings.getSettings(request.actor!),
  );

  app.put(
    '/api/programs/settings',
    {
      config: { permission: 'program.review' },
      schema: {
        tags,
        summary: 'Record the district’s settings',
        body: SettingsBody,
        response: withErrors({ 200: SettingsSchema }),
      },
    },
    async (request) => settings.updateSettings(request.actor!, request.body),
  );
};
