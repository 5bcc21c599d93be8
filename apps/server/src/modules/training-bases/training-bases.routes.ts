import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requestLang } from '../../platform/errors/error-handler.ts';
import { fileResponse, MEDIA_TYPES, sendFile } from '../../platform/http/file-reply.ts';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { TrainingBasesModule } from './index.ts';
import {
  BaseBody,
  BaseDetailSchema,
  BaseQuery,
  BaseSummarySchema,
  GroupBody,
  GroupQuery,
  GroupSchema,
  LinkableEnrollmentProgram,
  ProgrammeBody,
  ProgrammeLinkBody,
  SessionBody,
} from './training-bases.schema.ts';

const tags = ['training-bases'];
const Base = Type.Object({ base: BaseDetailSchema });
const Group = Type.Object({ group: GroupSchema });
const xlsx = withErrors({ 200: fileResponse('The .xlsx file (attachment)', MEDIA_TYPES.xlsx) });

/** 实训基地: bases, their sessions and utilisation. */
export const basesRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<TrainingBasesModule>> = async (
  app,
  { services: { bases } },
) => {
  app.get(
    '/api/training-bases',
    {
      config: { permission: 'trainingBase.read' },
      schema: {
        tags,
        summary: 'Bases the actor sees (its own, the keeper’s district, or those in operation it may book)',
        querystring: BaseQuery,
        response: withErrors({ 200: Type.Object({ items: Type.Array(BaseSummarySchema) }) }),
      },
    },
    async (request) => ({ items: await bases.listBases(request.actor!, request.query) }),
  );

  app.get(
    '/api/training-bases/export.xlsx',
    {
      config: { permission: 'trainingBase.read' },
      schema: {
        tags,
        summary: 'The bases list as .xlsx, same scope and filters; audited',
        querystring: BaseQuery,
        response: xlsx,
      },
    },
    async (request, reply) =>
      sendFile(reply, await bases.exportBases(request.actor!, request.query, requestLang(request))),
  );

  app.get(
    '/api/training-bases/:id',
    {
      config: { permission: 'trainingBase.read' },
      schema: {
        tags,
        summary: 'One base with equipment, documents, the sessions the actor sees and utilisation per year',
        params: IdParams,
        response: withErrors({ 200: Base }),
      },
    },
    async (request) => ({ base: await bases.getBase(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/training-bases',
    {
      config: { permission: 'trainingBase.manage' },
      schema: {
        tags,
        summary: 'Register a base (the keeper: high-level; a school: its own)',
        body: BaseBody,
        response: withErrors({ 201: Base }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({ base: await bases.createBase(request.actor!, request.body) }),
  );

  app.put(
    '/api/training-bases/:id',
    {
      config: { permission: 'trainingBase.manage' },
      schema: {
        tags,
        summary: 'Edit a base, its status and dates',
        params: IdParams,
        body: BaseBody,
        response: withErrors({ 200: Base }),
      },
    },
    async (request) => ({ base: await bases.updateBase(request.actor!, request.params.id, request.body) }),
  );

  app.post(
    '/api/training-bases/:id/sessions',
    {
      config: { permission: 'trainingBase.book' },
      schema: {
        tags,
        summary:
          'Book a session for the actor’s unit; 409 with every reason (closed, over capacity, slot taken)',
        params: IdParams,
        body: SessionBody,
        response: withErrors({ 201: Base }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ base: await bases.bookSession(request.actor!, request.params.id, request.body) }),
  );

  app.post(
    '/api/training-sessions/:id/cancellation',
    {
      config: { permission: ['trainingBase.book', 'trainingBase.manage'] },
      schema: {
        tags,
        summary: 'Cancel a booking not yet past',
        params: IdParams,
        response: withErrors({ 200: Base }),
      },
    },
    async (request) => ({ base: await bases.cancelSession(request.actor!, request.params.id) }),
  );
};

/** 职教集团: groups, members and joint programmes. */
export const groupsRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<TrainingBasesModule>> = async (
  app,
  { services: { groups } },
) => {
  app.get(
    '/api/vet-groups',
    {
      config: { permission: 'vetGroup.read' },
      schema: {
        tags,
        summary: 'Groups the actor’s unit leads or belongs to (the district: all)',
        querystring: GroupQuery,
        response: withErrors({ 200: Type.Object({ items: Type.Array(GroupSchema) }) }),
      },
    },
    async (request) => ({ items: await groups.listGroups(request.actor!, request.query.q) }),
  );

  app.get(
    '/api/vet-groups/:id',
    {
      config: { permission: 'vetGroup.read' },
      schema: { tags, summary: 'One group', params: IdParams, response: withErrors({ 200: Group }) },
    },
    async (request) => ({ group: await groups.getGroup(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/vet-groups',
    {
      config: { permission: 'vetGroup.manage' },
      schema: {
        tags,
        summary: 'Register a group (the coordinator)',
        body: GroupBody,
        response: withErrors({ 201: Group }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({ group: await groups.createGroup(request.actor!, request.body) }),
  );

  app.put(
    '/api/vet-groups/:id',
    {
      config: { permission: 'vetGroup.manage' },
      schema: {
        tags,
        summary: 'Edit a group and its members',
        params: IdParams,
        body: GroupBody,
        response: withErrors({ 200: Group }),
      },
    },
    async (request) => ({ group: await groups.updateGroup(request.actor!, request.params.id, request.body) }),
  );

  app.post(
    '/api/vet-groups/:id/programmes',
    {
      config: { permission: 'vetGroup.manage' },
      schema: {
        tags,
        summary: 'Add a joint programme run by member units',
        params: IdParams,
        body: ProgrammeBody,
        response: withErrors({ 201: Group }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ group: await groups.addProgramme(request.actor!, request.params.id, request.body) }),
  );

  app.put(
    '/api/vet-group-programmes/:id/enrollment-link',
    {
      config: { permission: 'vetGroup.manage' },
      schema: {
        tags,
        summary:
          'Link a 中高职衔接 programme to an enrolment program (its places and enrolled then come from enrolment), or clear the link',
        params: IdParams,
        body: ProgrammeLinkBody,
        response: withErrors({ 200: Group }),
      },
    },
    async (request) => ({
      group: await groups.linkProgramme(request.actor!, request.params.id, request.body.enrollmentProgramId),
    }),
  );

  app.get(
    '/api/vet-group-programmes/:id/linkable-enrollment-programs',
    {
      config: { permission: 'vetGroup.read' },
      schema: {
        tags,
        summary:
          'Enrolment programs a 中高职衔接 programme may be linked to: 中职, of its year, at its secondary schools',
        params: IdParams,
        response: withErrors({ 200: Type.Object({ items: Type.Array(LinkableEnrollmentProgram) }) }),
      },
    },
    async (request) => ({
      items: await groups.linkableEnrollmentPrograms(request.actor!, request.params.id),
    }),
  );
};
