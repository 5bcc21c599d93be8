import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requestLang } from '../../platform/errors/error-handler.ts';
import { fileResponse, MEDIA_TYPES, sendFile } from '../../platform/http/file-reply.ts';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { JointMeetingsServices } from './index.ts';
import {
  ActionItemDetailSchema,
  ActionItemListQuery,
  ActionItemSchema,
  ReturnBody,
  UpdateBody,
} from './meetings.schema.ts';

const ItemResponse = Type.Object({ actionItem: ActionItemDetailSchema });
const tags = ['joint meetings'];

/** Action items (议定事项落实): the list with alert tiers, progress updates and their review. */
export const actionItemRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<JointMeetingsServices>> = async (
  app,
  { services: { actionItems } },
) => {
  app.get(
    '/api/action-items',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags,
        summary: 'Action items the actor may see (its unit’s, or the district’s), by deadline',
        querystring: ActionItemListQuery,
        response: withErrors({ 200: Type.Object({ items: Type.Array(ActionItemSchema) }) }),
      },
    },
    async (request) => ({ items: await actionItems.listActionItems(request.actor!, request.query) }),
  );

  app.get(
    '/api/action-items/export.xlsx',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags,
        summary: 'The action items list as .xlsx, same scope and filters as the list; audited',
        querystring: Type.Omit(ActionItemListQuery, ['limit', 'offset']),
        response: withErrors({ 200: fileResponse('The .xlsx file (attachment)', MEDIA_TYPES.xlsx) }),
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await actionItems.exportActionItems(request.actor!, request.query, requestLang(request)),
      ),
  );

  app.get(
    '/api/action-items/:id',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags,
        summary: 'One action item with its progress updates and their review',
        params: IdParams,
        response: withErrors({ 200: ItemResponse }),
      },
    },
    async (request) => ({ actionItem: await actionItems.getActionItem(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/action-items/:id/updates',
    {
      config: { permission: ['meeting.remark', 'meeting.manage'] },
      schema: {
        tags,
        summary: 'The responsible unit reports progress (with evidence); complete=true asks for 销号',
        params: IdParams,
        body: UpdateBody,
        response: withErrors({ 201: ItemResponse }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        actionItem: await actionItems.submitUpdate(request.actor!, request.params.id, request.body),
      }),
  );

  app.post(
    '/api/action-items/:id/acceptance',
    {
      config: { permission: 'meeting.manage' },
      schema: {
        tags,
        summary: 'Accept the pending update; when it reports completion the item is completed (销号)',
        params: IdParams,
        response: withErrors({ 200: ItemResponse }),
      },
    },
    async (request) => ({ actionItem: await actionItems.acceptUpdate(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/action-items/:id/return',
    {
      config: { permission: 'meeting.manage' },
      schema: {
        tags,
        summary: 'Return the pending update with a comment (退回)',
        params: IdParams,
        body: ReturnBody,
        response: withErrors({ 200: ItemResponse }),
      },
    },
    async (request) => ({
      actionItem: await actionItems.returnUpdate(request.actor!, request.params.id, request.body.comment),
    }),
  );
};
