import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requestLang } from '../../platform/errors/error-handler.ts';
import { fileResponse, MEDIA_TYPES, sendFile } from '../../platform/http/file-reply.ts';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { ProgramsModule } from './index.ts';
import { Items } from './programs.schema.ts';
import {
  ApproveBody,
  CreateProjectBody,
  ProjectBody,
  ProjectDetailSchema,
  ProjectQuery,
  ProjectSummarySchema,
  RejectBody,
  ScoreBody,
  StepBody,
} from './projects.schema.ts';

const tags = ['programs'];
const Project = Type.Object({ project: ProjectDetailSchema });

/**
 * 项目管理: recognised projects (品牌专业, 精品课程, 名师工作室, 创新团队, 教学名师, 思政工作室,
 * 文化育人品牌, 思政微课) from application to acceptance.
 */
export const projectsRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<ProgramsModule>> = async (
  app,
  { services: { projects } },
) => {
  app.get(
    '/api/program-projects',
    {
      config: { permission: 'program.read' },
      schema: {
        tags,
        summary: 'Projects of the schools the actor sees, newest first; filter by kind, level, state',
        querystring: ProjectQuery,
        response: withErrors({ 200: Items(ProjectSummarySchema) }),
      },
    },
    async (request) => ({ items: await projects.listProjects(request.actor!, request.query) }),
  );

  app.get(
    '/api/program-projects/export.xlsx',
    {
      config: { permission: 'program.read' },
      schema: {
        tags,
        summary: 'The projects list as .xlsx, same scope and filters as the list; audited',
        querystring: Type.Omit(ProjectQuery, ['limit', 'offset']),
        response: withErrors({ 200: fileResponse('The .xlsx file (attachment)', MEDIA_TYPES.xlsx) }),
      },
    },
    async (request, reply) =>
      sendFile(reply, await projects.exportProjects(request.actor!, request.query, requestLang(request))),
  );

  app.get(
    '/api/program-projects/:id',
    {
      config: { permission: 'program.read' },
      schema: {
        tags,
        summary: 'One project with files, reviews and history',
        params: IdParams,
        response: withErrors({ 200: Project }),
      },
    },
    async (request) => ({ project: await projects.getProject(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/program-projects',
    {
      config: { permission: 'program.manage' },
      schema: {
        tags,
        summary: 'Write an application (draft, or applied with submit=true)',
        body: CreateProjectBody,
        response: withErrors({ 201: Project }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({ project: await projects.createProject(request.actor!, request.body) }),
  );

  app.put(
    '/api/program-projects/:id',
    {
      config: { permission: 'program.manage' },
      schema: {
        tags,
        summary: 'Edit a draft application',
        params: IdParams,
        body: ProjectBody,
        response: withErrors({ 200: Project }),
      },
    },
    async (request) => ({
      project: await projects.updateProject(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/program-projects/:id/submission',
    {
      config: { permission: 'program.manage' },
      schema: { tags, summary: 'Apply (申报)', params: IdParams, response: withErrors({ 200: Project }) },
    },
    async (request) => ({ project: await projects.submitProject(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/program-projects/:id/withdrawal',
    {
      config: { permission: 'program.manage' },
      schema: {
        tags,
        summary: 'Withdraw an undecided application',
        params: IdParams,
        response: withErrors({ 200: Project }),
      },
    },
    async (request) => ({ project: await projects.withdrawProject(request.actor!, request.params.id) }),
  );

  app.put(
    '/api/program-projects/:id/score',
    {
      config: { permission: 'program.review' },
      schema: {
        tags,
        summary: 'Record or revise the actor’s review score and opinion (评审)',
        params: IdParams,
        body: ScoreBody,
        response: withErrors({ 200: Project }),
      },
    },
    async (request) => ({
      project: await projects.scoreProject(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/program-projects/:id/approval',
    {
      config: { permission: 'program.review' },
      schema: {
        tags,
        summary: 'Approve (立项) at a level',
        params: IdParams,
        body: ApproveBody,
        response: withErrors({ 200: Project }),
      },
    },
    async (request) => ({
      project: await projects.approveProject(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/program-projects/:id/rejection',
    {
      config: { permission: 'program.review' },
      schema: {
        tags,
        summary: 'Do not approve (不予立项), with the reason',
        params: IdParams,
        body: RejectBody,
        response: withErrors({ 200: Project }),
      },
    },
    async (request) => ({
      project: await projects.rejectProject(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/program-projects/:id/midterm',
    {
      config: { permission: 'program.review' },
      schema: {
        tags,
        summary: 'Record the mid-term check (中期检查)',
        params: IdParams,
        body: StepBody,
        response: withErrors({ 200: Project }),
      },
    },
    async (request) => ({
      project: await projects.recordStep(request.actor!, request.params.id, 'midterm', request.body),
    }),
  );

  app.post(
    '/api/program-projects/:id/acceptance',
    {
      config: { permission: 'program.review' },
      schema: {
        tags,
        summary: 'Record the acceptance (验收): accepted or failed',
        params: IdParams,
        body: StepBody,
        response: withErrors({ 200: Project }),
      },
    },
    async (request) => ({
      project: await projects.recordStep(request.actor!, request.params.id, 'acceptance', request.body),
    }),
  );
};
