import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requestLang } from '../../platform/errors/error-handler.ts';
import { fileResponse, MEDIA_TYPES, sendFile } from '../../platform/http/file-reply.ts';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { InternshipsModule } from './index.ts';
import { DutyTableQuery, DutyTableSchema } from './duty-table.schema.ts';
import {
  AttendanceBody,
  AttendanceSchema,
  CreatePlacementBody,
  CreatePostBody,
  DocumentsBody,
  EndBody,
  EvaluationBody,
  ExtendBody,
  IncidentBody,
  InsurerNotificationBody,
  PlacementBody,
  PlacementDetailSchema,
  PlacementQuery,
  PlacementSummarySchema,
  PostBody,
  PostQuery,
  PostSchema,
} from './internships.schema.ts';

const tags = ['internships'];
const Post = Type.Object({ post: PostSchema });
const Placement = Type.Object({ placement: PlacementDetailSchema });
const PostExportQuery = Type.Omit(PostQuery, ['limit', 'offset']);
const PlacementExportQuery = Type.Omit(PlacementQuery, ['limit', 'offset']);
const xlsx = withErrors({ 200: fileResponse('The .xlsx file (attachment)', MEDIA_TYPES.xlsx) });

/** 实习岗位: posts an enterprise publishes; the district's schools place students on them. */
export const postsRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<InternshipsModule>> = async (
  app,
  { services: { posts } },
) => {
  app.get(
    '/api/internship-posts',
    {
      config: { permission: 'internship.read' },
      schema: {
        tags,
        summary: 'Posts the actor sees (its own, or the district’s published ones for a school)',
        querystring: PostQuery,
        response: withErrors({ 200: Type.Object({ items: Type.Array(PostSchema), total: Type.Integer() }) }),
      },
    },
    async (request) => posts.listPosts(request.actor!, request.query),
  );

  app.get(
    '/api/internship-posts/export.xlsx',
    {
      config: { permission: 'internship.read' },
      schema: {
        tags,
        summary: 'The posts list as .xlsx, same scope and filters; audited',
        querystring: PostExportQuery,
        response: xlsx,
      },
    },
    async (request, reply) =>
      sendFile(reply, await posts.exportPosts(request.actor!, request.query, requestLang(request))),
  );

  app.get(
    '/api/internship-posts/:id',
    {
      config: { permission: 'internship.read' },
      schema: { tags, summary: 'One post', params: IdParams, response: withErrors({ 200: Post }) },
    },
    async (request) => ({ post: await posts.getPost(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/internship-posts',
    {
      config: { permission: 'internship.post' },
      schema: {
        tags,
        summary: 'Write a post of the actor’s enterprise (draft, or published with publish=true)',
        body: CreatePostBody,
        response: withErrors({ 201: Post }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({ post: await posts.createPost(request.actor!, request.body) }),
  );

  app.put(
    '/api/internship-posts/:id',
    {
      config: { permission: 'internship.post' },
      schema: {
        tags,
        summary: 'Edit a draft post',
        params: IdParams,
        body: PostBody,
        response: withErrors({ 200: Post }),
      },
    },
    async (request) => ({ post: await posts.updatePost(request.actor!, request.params.id, request.body) }),
  );

  app.post(
    '/api/internship-posts/:id/publication',
    {
      config: { permission: 'internship.post' },
      schema: {
        tags,
        summary: 'Publish a draft post; 409 with every rule it breaks',
        params: IdParams,
        response: withErrors({ 200: Post }),
      },
    },
    async (request) => ({ post: await posts.publishPost(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/internship-posts/:id/closure',
    {
      config: { permission: 'internship.post' },
      schema: {
        tags,
        summary: 'Close a published post',
        params: IdParams,
        response: withErrors({ 200: Post }),
      },
    },
    async (request) => ({ post: await posts.closePost(request.actor!, request.params.id) }),
  );

  app.get(
    '/api/internships/duty',
    {
      config: { permission: 'internship.read' },
      schema: {
        tags,
        summary:
          'The 2 % table (实习岗位 2% 落实) for a year: a district’s enterprises (paged, by status and name), or one row per district for an actor above districts',
        querystring: DutyTableQuery,
        response: withErrors({ 200: DutyTableSchema }),
      },
    },
    async (request) => posts.internshipDutyTable(request.actor!, request.query, requestLang(request)),
  );

  app.get(
    '/api/internships/duty/export.xlsx',
    {
      config: { permission: 'internship.read' },
      schema: {
        tags,
        summary: 'The 2 % table as .xlsx, same year, district and filters, every row; audited',
        querystring: Type.Omit(DutyTableQuery, ['limit', 'offset']),
        response: xlsx,
      },
    },
    async (request, reply) =>
      sendFile(reply, await posts.exportDutyTable(request.actor!, request.query, requestLang(request))),
  );
};

/** 实习安排: a school's students on posts, their documents, start and end, attendance. */
export const placementsRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<InternshipsModule>> = async (
  app,
  { services: { placements } },
) => {
  const one = (summary: string, extra: Record<string, unknown> = {}) => ({
    tags,
    summary,
    params: IdParams,
    response: withErrors({ 200: Placement }),
    ...extra,
  });

  app.get(
    '/api/internship-placements',
    {
      config: { permission: 'internship.read' },
      schema: {
        tags,
        summary: 'Placements the actor sees (its school’s, or those on its enterprise’s posts)',
        querystring: PlacementQuery,
        response: withErrors({ 200: Type.Object({ items: Type.Array(PlacementSummarySchema) }) }),
      },
    },
    async (request) => ({ items: await placements.listPlacements(request.actor!, request.query) }),
  );

  app.get(
    '/api/internship-placements/export.xlsx',
    {
      config: { permission: 'internship.read' },
      schema: {
        tags,
        summary: 'The placements list as .xlsx (ID numbers masked), same scope and filters; audited',
        querystring: PlacementExportQuery,
        response: xlsx,
      },
    },
    async (request, reply) =>
      sendFile(reply, await placements.exportPlacements(request.actor!, request.query, requestLang(request))),
  );

  app.get(
    '/api/internship-placements/:id',
    { config: { permission: 'internship.read' }, schema: one('One placement with its 启动实习 checklist') },
    async (request) => ({ placement: await placements.getPlacement(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/internship-placements',
    {
      config: { permission: 'internship.place' },
      schema: {
        tags,
        summary: 'Place a student of the actor’s school on a published post',
        body: CreatePlacementBody,
        response: withErrors({ 201: Placement }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({ placement: await placements.createPlacement(request.actor!, request.body) }),
  );

  app.put(
    '/api/internship-placements/:id',
    {
      config: { permission: 'internship.place' },
      schema: { ...one('Edit a placement not yet started'), body: PlacementBody },
    },
    async (request) => ({
      placement: await placements.updatePlacement(request.actor!, request.params.id, request.body),
    }),
  );

  app.put(
    '/api/internship-placements/:id/documents',
    {
      config: { permission: 'internship.place' },
      schema: { ...one('Put the agreement, consent or insurance on file'), body: DocumentsBody },
    },
    async (request) => ({
      placement: await placements.putDocuments(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/internship-placements/:id/activation',
    {
      config: { permission: 'internship.place' },
      schema: one('Start the internship (启动实习); 409 with every reason it cannot start'),
    },
    async (request) => ({ placement: await placements.activatePlacement(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/internship-placements/:id/extension',
    {
      config: { permission: 'internship.place' },
      schema: { ...one('Extend a running placement'), body: ExtendBody },
    },
    async (request) => ({
      placement: await placements.extendPlacement(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/internship-placements/:id/completion',
    {
      config: { permission: 'internship.place' },
      schema: {
        ...one(
          'Record a running placement as completed, keeping the overall result; 409 with every reason it cannot (evaluations missing, an injury not reported to the insurer)',
        ),
        body: EndBody,
      },
    },
    async (request) => ({
      placement: await placements.endPlacement(request.actor!, request.params.id, 'complete', request.body),
    }),
  );

  app.post(
    '/api/internship-placements/:id/termination',
    {
      config: { permission: 'internship.place' },
      schema: { ...one('Terminate a placement, with the reason'), body: EndBody },
    },
    async (request) => ({
      placement: await placements.endPlacement(request.actor!, request.params.id, 'terminate', request.body),
    }),
  );

  app.post(
    '/api/internship-placements/:id/incidents',
    {
      config: { permission: ['internship.place', 'internship.post'] },
      schema: {
        ...one(
          'Report an incident (实习安全事故/事件): the school or the host enterprise, while the placement runs or within 30 days of its end',
        ),
        body: IncidentBody,
        response: withErrors({ 201: Placement }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        placement: await placements.reportIncident(request.actor!, request.params.id, request.body),
      }),
  );

  app.post(
    '/api/internship-incidents/:id/insurer-notification',
    {
      config: { permission: ['internship.place', 'internship.post'] },
      schema: {
        ...one('Record when the insurer was notified of an incident (once); answers the placement'),
        body: InsurerNotificationBody,
      },
    },
    async (request) => ({
      placement: await placements.notifyInsurer(request.actor!, request.params.id, request.body),
    }),
  );

  app.put(
    '/api/internship-placements/:id/evaluation',
    {
      config: { permission: ['internship.place', 'internship.post'] },
      schema: {
        ...one(
          'Write the actor’s party’s evaluation (the school supervisor’s or the enterprise mentor’s) of a running placement',
        ),
        body: EvaluationBody,
      },
    },
    async (request) => ({
      placement: await placements.evaluatePlacement(request.actor!, request.params.id, request.body),
    }),
  );

  app.get(
    '/api/internship-placements/:id/attendance',
    {
      config: { permission: 'internship.read' },
      schema: {
        tags,
        summary: 'The attendance log with each entry’s flags and violations',
        params: IdParams,
        response: withErrors({ 200: AttendanceSchema }),
      },
    },
    async (request) => placements.attendanceOf(request.actor!, request.params.id),
  );

  app.post(
    '/api/internship-placements/:id/attendance',
    {
      config: { permission: 'internship.post' },
      schema: {
        tags,
        summary: 'Record an attendance entry (the enterprise, a running placement)',
        params: IdParams,
        body: AttendanceBody,
        response: withErrors({ 201: Type.Object({ id: Type.String(), log: AttendanceSchema }) }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await placements.recordAttendance(request.actor!, request.params.id, request.body)),
  );
};
