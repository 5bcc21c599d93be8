import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requestLang } from '../../platform/errors/error-handler.ts';
import { IdParams, Uuid, withErrors } from '../../platform/http/schemas.ts';
import { fileResponse, MEDIA_TYPES, sendFile } from '../../platform/http/file-reply.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { JointMeetingsServices } from './index.ts';
import {
  AttendanceBody,
  DecisionBody,
  MeetingDetailSchema,
  MeetingInputBody,
  MeetingListQuery,
  MeetingSummarySchema,
  MinutesBody,
  MinutesFileQuery,
  RemarksBody,
} from './meetings.schema.ts';

const MeetingResponse = Type.Object({ meeting: MeetingDetailSchema });
const tags = ['joint meetings'];

/**
 * Joint meetings (联席会议): convene, prepare the member units' status reports, collect remarks,
 * record attendance, record decisions, make the minutes final, close, export the minutes.
 */
export const meetingRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<JointMeetingsServices>> = async (
  app,
  { services: { meetings, minutes } },
) => {
  app.get(
    '/api/meetings',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags,
        summary: 'Meetings the actor may see: the district’s, or those its unit attends; newest first',
        querystring: MeetingListQuery,
        response: withErrors({ 200: Type.Object({ items: Type.Array(MeetingSummarySchema) }) }),
      },
    },
    async (request) => ({ items: await meetings.listMeetings(request.actor!, request.query) }),
  );

  app.get(
    '/api/meetings/:id',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags,
        summary: 'One meeting: agenda, attendance, status reports and decisions as the actor may see them',
        params: IdParams,
        response: withErrors({ 200: MeetingResponse }),
      },
    },
    async (request) => ({ meeting: await meetings.getMeeting(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/meetings',
    {
      config: { permission: 'meeting.manage' },
      schema: {
        tags,
        summary: 'Convene a meeting (筹备中) with its member units and agenda',
        body: MeetingInputBody,
        response: withErrors({ 201: MeetingResponse }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({ meeting: await meetings.createMeeting(request.actor!, request.body) }),
  );

  app.put(
    '/api/meetings/:id',
    {
      config: { permission: 'meeting.manage' },
      schema: {
        tags,
        summary: 'Change a planned meeting (status reports are regenerated when they exist)',
        params: IdParams,
        body: MeetingInputBody,
        response: withErrors({ 200: MeetingResponse }),
      },
    },
    async (request) => ({
      meeting: await meetings.updateMeeting(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/meetings/:id/preparation',
    {
      config: { permission: 'meeting.manage' },
      schema: {
        tags,
        summary:
          'Generate (or refresh) every member unit’s status report from its plan and supervision records',
        params: IdParams,
        response: withErrors({ 200: MeetingResponse }),
      },
    },
    async (request) => ({ meeting: await meetings.prepareMeeting(request.actor!, request.params.id) }),
  );

  app.put(
    '/api/meetings/:id/status-reports/:unitId/remarks',
    {
      config: { permission: 'meeting.remark' },
      schema: {
        tags,
        summary: 'The member unit adds its remarks (情况说明) to its status report, before the meeting',
        params: Type.Object({ id: Uuid, unitId: Uuid }),
        body: RemarksBody,
        response: withErrors({ 200: MeetingResponse }),
      },
    },
    async (request) => ({
      meeting: await meetings.submitRemarks(
        request.actor!,
        request.params.id,
        request.params.unitId,
        request.body.remarks,
      ),
    }),
  );

  app.post(
    '/api/meetings/:id/attendance',
    {
      config: { permission: 'meeting.manage' },
      schema: {
        tags,
        summary: 'Record who attended for each member unit; the meeting is then held (已召开)',
        params: IdParams,
        body: AttendanceBody,
        response: withErrors({ 200: MeetingResponse }),
      },
    },
    async (request) => ({
      meeting: await meetings.recordAttendance(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/meetings/:id/decisions',
    {
      config: { permission: 'meeting.manage' },
      schema: {
        tags,
        summary: 'Record a decision (议定事项) with its responsible unit and deadline, after the meeting',
        params: IdParams,
        body: DecisionBody,
        response: withErrors({ 201: MeetingResponse }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ meeting: await minutes.addDecision(request.actor!, request.params.id, request.body) }),
  );

  app.delete(
    '/api/meetings/:id/decisions/:itemId',
    {
      config: { permission: 'meeting.manage' },
      schema: {
        tags,
        summary: 'Remove a decision while the minutes are still a draft',
        params: Type.Object({ id: Uuid, itemId: Uuid }),
        response: withErrors({ 200: MeetingResponse }),
      },
    },
    async (request) => ({
      meeting: await minutes.removeDecision(request.actor!, request.params.id, request.params.itemId),
    }),
  );

  app.post(
    '/api/meetings/:id/minutes',
    {
      config: { permission: 'meeting.manage' },
      schema: {
        tags,
        summary: 'Make the minutes final (纪要印发): decisions become action items',
        params: IdParams,
        body: MinutesBody,
        response: withErrors({ 200: MeetingResponse }),
      },
    },
    async (request) => ({
      meeting: await minutes.finaliseMinutes(request.actor!, request.params.id, request.body.summary),
    }),
  );

  app.post(
    '/api/meetings/:id/closure',
    {
      config: { permission: 'meeting.manage' },
      schema: {
        tags,
        summary: 'Close the meeting (办结) once every action item is completed (销号)',
        params: IdParams,
        response: withErrors({ 200: MeetingResponse }),
      },
    },
    async (request) => ({ meeting: await minutes.closeMeeting(request.actor!, request.params.id) }),
  );

  for (const format of ['docx', 'pdf'] as const) {
    app.get(
      `/api/meetings/:id/minutes.${format}`,
      {
        config: { permission: 'meeting.read' },
        schema: {
          tags,
          summary: `The minutes (会议纪要) as ${format.toUpperCase()}, once final`,
          params: IdParams,
          querystring: MinutesFileQuery,
          response: withErrors({ 200: fileResponse('The minutes (attachment)', MEDIA_TYPES[format]) }),
        },
      },
      async (request, reply) =>
        sendFile(
          reply.header('cache-control', 'no-store'),
          await minutes.renderMinutes(request.actor!, request.params.id, requestLang(request), format),
        ),
    );
  }
};
