import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requestLang } from '../../platform/errors/error-handler.ts';
import { fileResponse, MEDIA_TYPES, sendFile } from '../../platform/http/file-reply.ts';
import { IdParams, Uuid, withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { SupervisionServices } from './index.ts';
import {
  AnswerBody,
  CommentBody,
  DecisionBody,
  ExtensionBody,
  IssueOrderBody,
  Items,
  OrderDetailSchema,
  OrdersExportQuery,
  OrdersQuery,
  OrderSummarySchema,
} from './supervision.schema.ts';

const tags = ['supervision'];
const Order = Type.Object({ order: OrderDetailSchema });

/** Rectification orders (整改通知): issue, answer, extension, verification, send back, 销号. */
export const ordersRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<SupervisionServices>> = async (
  app,
  { services: { orders } },
) => {
  app.get(
    '/api/supervision/orders',
    {
      config: { permission: 'supervision.read' },
      schema: {
        tags,
        summary: 'Orders the actor sees (a unit: its own), by deadline',
        querystring: OrdersQuery,
        response: withErrors({ 200: Items(OrderSummarySchema) }),
      },
    },
    async (request) => ({ items: await orders.listOrders(request.actor!, request.query) }),
  );

  app.get(
    '/api/supervision/orders/export.xlsx',
    {
      config: { permission: 'supervision.read' },
      schema: {
        tags,
        summary: 'The orders list as .xlsx, same scope and filters as the list; audited',
        querystring: OrdersExportQuery,
        response: withErrors({ 200: fileResponse('The .xlsx file (attachment)', MEDIA_TYPES.xlsx) }),
      },
    },
    async (request, reply) =>
      sendFile(reply, await orders.exportOrders(request.actor!, request.query, requestLang(request))),
  );

  app.get(
    '/api/supervision/orders/:id',
    {
      config: { permission: 'supervision.read' },
      schema: {
        tags,
        summary: 'One order with answer, files, extensions and history',
        params: IdParams,
        response: withErrors({ 200: Order }),
      },
    },
    async (request) => ({ order: await orders.getOrder(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/supervision/findings/:id/order',
    {
      config: { permission: 'supervision.inspect' },
      schema: {
        tags,
        summary: 'Issue the rectification order of a finding, with a deadline',
        params: IdParams,
        body: IssueOrderBody,
        response: withErrors({ 201: Order }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ order: await orders.issueOrder(request.actor!, request.params.id, request.body) }),
  );

  app.post(
    '/api/supervision/orders/:id/answer',
    {
      config: { permission: 'supervision.respond' },
      schema: {
        tags,
        summary: 'Answer with measures and evidence files (responsible unit)',
        params: IdParams,
        body: AnswerBody,
        response: withErrors({ 200: Order }),
      },
    },
    async (request) => ({ order: await orders.answerOrder(request.actor!, request.params.id, request.body) }),
  );

  app.post(
    '/api/supervision/orders/:id/extension-requests',
    {
      config: { permission: 'supervision.respond' },
      schema: {
        tags,
        summary: 'Ask for a later deadline (responsible unit)',
        params: IdParams,
        body: ExtensionBody,
        response: withErrors({ 200: Order }),
      },
    },
    async (request) => ({
      order: await orders.requestExtension(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/supervision/orders/:id/extension-requests/:extensionId/decision',
    {
      config: { permission: 'supervision.inspect' },
      schema: {
        tags,
        summary: 'Approve (the deadline moves) or refuse with a reason',
        params: Type.Object({ id: Uuid, extensionId: Uuid }),
        body: DecisionBody,
        response: withErrors({ 200: Order }),
      },
    },
    async (request) => ({
      order: await orders.decideExtension(
        request.actor!,
        request.params.id,
        request.params.extensionId,
        request.body,
      ),
    }),
  );

  app.post(
    '/api/supervision/orders/:id/verification',
    {
      config: { permission: 'supervision.inspect' },
      schema: {
        tags,
        summary: 'Verify the answer (answered → verified)',
        params: IdParams,
        body: CommentBody,
        response: withErrors({ 200: Order }),
      },
    },
    async (request) => ({
      order: await orders.verifyOrder(request.actor!, request.params.id, request.body.comment),
    }),
  );

  app.post(
    '/api/supervision/orders/:id/return',
    {
      config: { permission: 'supervision.inspect' },
      schema: {
        tags,
        summary: 'Send the answer back with a comment (answered → returned)',
        params: IdParams,
        body: CommentBody,
        response: withErrors({ 200: Order }),
      },
    },
    async (request) => ({
      order: await orders.sendBackOrder(request.actor!, request.params.id, request.body.comment),
    }),
  );

  app.post(
    '/api/supervision/orders/:id/closure',
    {
      config: { permission: 'supervision.inspect' },
      schema: {
        tags,
        summary: 'Close the order (销号); only after its answer is verified',
        params: IdParams,
        response: withErrors({ 200: Order }),
      },
    },
    async (request) => ({ order: await orders.closeOrder(request.actor!, request.params.id) }),
  );
};
