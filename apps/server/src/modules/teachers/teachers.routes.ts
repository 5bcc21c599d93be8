import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requestLang } from '../../platform/errors/error-handler.ts';
import { Type } from 'typebox';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import { fileResponse, MEDIA_TYPES, sendFile } from '../../platform/http/file-reply.ts';
import { readSingleFile } from '../../platform/http/multipart-file.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import { dqRoutes } from './dq.routes.ts';
import { HireExceptionBody, HireSchema, RecordRecognitionBody } from './dq.schema.ts';
import type { TeachersModule } from './index.ts';
import {
  CreateTeacherBody,
  RecognitionSchema as Recognition,
  TeacherDetailSchema,
  TeacherListQuery,
  TeacherSummarySchema,
  UpdateTeacherBody,
} from './teachers.schema.ts';

const tags = ['teachers'];
const Xlsx = fileResponse('The .xlsx file (attachment)', MEDIA_TYPES.xlsx);
const Teacher = Type.Object({ teacher: TeacherDetailSchema });

/**
 * Teachers (教师队伍): the register (list, create, change, one teacher), the audited clear view of
 * an ID number, Excel import and export, recognitions recorded by the district, recruitment-rule
 * exceptions; 双师型 applications, the ratio, settings and hires in dq.routes.ts.
 */
export const teacherRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<TeachersModule>> = async (
  app,
  options,
) => {
  const { services: m, deps } = options;
  const maxBytes = deps.config.uploadMaxBytes;
  app.get(
    '/api/teachers',
    {
      config: { permission: 'teacher.read' },
      schema: {
        tags,
        summary: 'Teachers of the schools the actor sees (ID numbers and phones masked)',
        querystring: TeacherListQuery,
        response: withErrors({
          200: Type.Object({ items: Type.Array(TeacherSummarySchema), total: Type.Integer() }),
        }),
      },
    },
    async (request) => m.register.listTeachers(request.actor!, request.query),
  );

  app.post(
    '/api/teachers',
    {
      config: { permission: 'teacher.manage' },
      schema: {
        tags,
        summary: 'Add a teacher to a school’s register',
        body: CreateTeacherBody,
        response: withErrors({ 201: Teacher }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({ teacher: await m.register.createTeacher(request.actor!, request.body) }),
  );

  app.get(
    '/api/teachers/export.xlsx',
    {
      config: { permission: 'teacher.read' },
      schema: {
        tags,
        summary:
          'The register as .xlsx (no ID numbers or phones, formulas escaped), same scope and filters as the list; audited',
        querystring: Type.Omit(TeacherListQuery, ['limit', 'offset']),
        response: withErrors({ 200: Xlsx }),
      },
    },
    async (request, reply) => {
      return sendFile(
        reply,
        await m.register.exportTeachers(request.actor!, request.query, requestLang(request)),
      );
    },
  );

  app.get(
    '/api/teachers/import-template.xlsx',
    {
      config: { permission: 'teacher.read' },
      schema: {
        tags,
        summary: 'The blank register import template (.xlsx)',
        response: withErrors({ 200: Xlsx }),
      },
    },
    async (_request, reply) =>
      sendFile(reply, {
        body: await m.imports.template(),
        mediaType: MEDIA_TYPES.xlsx,
        filename: '教师名册导入模板.xlsx',
      }),
  );

  app.post(
    '/api/teachers/imports',
    {
      config: { permission: 'teacher.manage' },
      schema: {
        tags,
        summary: 'Import teachers from the register .xlsx (all or nothing; per-row errors; idempotent)',
        consumes: ['multipart/form-data'],
        response: withErrors({
          200: Type.Object({
            importId: Type.String(),
            repeated: Type.Boolean({ description: 'The same file was imported before: nothing changed' }),
            rows: Type.Integer(),
            created: Type.Integer(),
            updated: Type.Integer(),
            unchanged: Type.Integer(),
          }),
          413: Type.Unknown(),
        }),
      },
    },
    async (request) => {
      const file = await readSingleFile(request, maxBytes, {
        zh: '请选择要导入的文件',
        en: 'No file in the request',
      });
      return m.imports.importTeachers(request.actor!, file);
    },
  );

  app.get(
    '/api/teachers/:id',
    {
      config: { permission: 'teacher.read' },
      schema: {
        tags,
        summary:
          'One teacher: work history, certificates, practice, recognitions, applications, recruitment check',
        params: IdParams,
        response: withErrors({ 200: Teacher }),
      },
    },
    async (request) => ({ teacher: await m.register.getTeacher(request.actor!, request.params.id) }),
  );

  app.put(
    '/api/teachers/:id',
    {
      config: { permission: 'teacher.manage' },
      schema: {
        tags,
        summary: 'Change a teacher (every list replaced as a whole)',
        params: IdParams,
        body: UpdateTeacherBody,
        response: withErrors({ 200: Teacher }),
      },
    },
    async (request) => ({
      teacher: await m.register.updateTeacher(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/teachers/:id/unmask',
    {
      config: { permission: 'teacher.manage' },
      schema: {
        tags,
        summary: 'The ID number, phone and birth date in clear (register keepers only; each view audited)',
        params: IdParams,
        response: withErrors({
          200: Type.Object({
            idNumber: Type.String(),
            phone: Type.Union([Type.String(), Type.Null()]),
            birthDate: Type.String(),
          }),
        }),
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return m.register.unmaskTeacher(request.actor!, request.params.id);
    },
  );

  app.post(
    '/api/teachers/:id/recognitions',
    {
      config: { permission: 'teacher.review' },
      schema: {
        tags,
        summary: 'Record a 双师型 recognition obtained before the system (district)',
        params: IdParams,
        body: RecordRecognitionBody,
        response: withErrors({ 201: Type.Object({ recognition: Recognition }) }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        recognition: await m.recognition.recordRecognition(request.actor!, request.params.id, request.body),
      }),
  );

  app.post(
    '/api/teachers/:id/hire-exception',
    {
      config: { permission: 'teacher.review' },
      schema: {
        tags,
        summary:
          'Grant an exception to the recruitment rule for a non-compliant hire, with a reason (audited)',
        params: IdParams,
        body: HireExceptionBody,
        response: withErrors({ 201: Type.Object({ hire: HireSchema }) }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ hire: await m.hires.grantException(request.actor!, request.params.id, request.body.reason) }),
  );

  await app.register(dqRoutes, options);
};
