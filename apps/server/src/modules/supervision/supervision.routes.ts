import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { SupervisionServices } from './index.ts';
import { ordersRoutes } from './orders.routes.ts';
import { supervisionPublicRoutes } from './public.routes.ts';
import { recordsRoutes } from './records.routes.ts';
import { DashboardSchema } from './records.schema.ts';
import {
  CompletionBody,
  FindingBody,
  FindingFromSubjectBody,
  FindingSchema,
  FindingsQuery,
  InspectionBody,
  InspectionDetailSchema,
  InspectionsQuery,
  InspectionSummarySchema,
  Items,
} from './supervision.schema.ts';

const tags = ['supervision'];
const Inspection = Type.Object({ inspection: InspectionDetailSchema });
const Finding = Type.Object({ finding: FindingSchema });

/**
 * Supervision (督导评估): inspections, findings, orders (see orders.routes.ts), interviews,
 * rewards and penalties, the yearly assessment, the dashboard and the report files (see
 * records.routes.ts), and the published reports (public.routes.ts).
 */
export const supervisionRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<SupervisionServices>> = async (
  app,
  options,
) => {
  const s = options.services;
  app.get(
    '/api/supervision/dashboard',
    {
      config: { permission: 'supervision.read' },
      schema: {
        tags,
        summary:
          'Orders by state and colour tier, findings by state, per unit, most overdue orders (actor’s scope)',
        querystring: Type.Object({
          limit: Type.Integer({
            minimum: 1,
            maximum: 100,
            default: 20,
            description: 'Overdue orders listed',
          }),
        }),
        response: withErrors({ 200: DashboardSchema }),
      },
    },
    async (request) => s.dashboard.dashboard(request.actor!, request.query.limit),
  );

  app.get(
    '/api/supervision/inspector-candidates',
    {
      config: { permission: 'supervision.manage' },
      schema: {
        tags,
        summary: 'Accounts that may be named inspectors (督学 and coordinators of the district)',
        response: withErrors({
          200: Items(
            Type.Object({
              userId: Type.String(),
              displayName: Type.String(),
              role: Type.String({ description: 'inspector or coordinator' }),
              unitName: Type.String(),
            }),
          ),
        }),
      },
    },
    async (request) => ({ items: await s.inspections.listInspectorCandidates(request.actor!) }),
  );

  app.get(
    '/api/supervision/inspections',
    {
      config: { permission: 'supervision.read' },
      schema: {
        tags,
        summary: 'Inspections the actor sees (district; an inspector’s own), newest first',
        querystring: InspectionsQuery,
        response: withErrors({ 200: Items(InspectionSummarySchema) }),
      },
    },
    async (request) => ({ items: await s.inspections.listInspections(request.actor!, request.query) }),
  );

  app.post(
    '/api/supervision/inspections',
    {
      config: { permission: 'supervision.manage' },
      schema: {
        tags,
        summary: 'Plan an inspection (定期 / 专项)',
        body: InspectionBody,
        response: withErrors({ 201: Inspection }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ inspection: await s.inspections.createInspection(request.actor!, request.body) }),
  );

  app.get(
    '/api/supervision/inspections/:id',
    {
      config: { permission: 'supervision.read' },
      schema: {
        tags,
        summary: 'An inspection with inspectors, scope, schedule and findings',
        params: IdParams,
        response: withErrors({ 200: Inspection }),
      },
    },
    async (request) => ({ inspection: await s.inspections.getInspection(request.actor!, request.params.id) }),
  );

  app.put(
    '/api/supervision/inspections/:id',
    {
      config: { permission: 'supervision.manage' },
      schema: {
        tags,
        summary: 'Change an inspection not yet completed',
        params: IdParams,
        body: InspectionBody,
        response: withErrors({ 200: Inspection }),
      },
    },
    async (request) => ({
      inspection: await s.inspections.updateInspection(request.actor!, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/supervision/inspections/:id/start',
    {
      config: { permission: 'supervision.manage' },
      schema: {
        tags,
        summary: 'Start it (planned → in_progress)',
        params: IdParams,
        response: withErrors({ 200: Inspection }),
      },
    },
    async (request) => ({
      inspection: await s.inspections.startInspection(request.actor!, request.params.id),
    }),
  );

  app.post(
    '/api/supervision/inspections/:id/completion',
    {
      config: { permission: 'supervision.manage' },
      schema: {
        tags,
        summary: 'Complete it with the conclusion of the report (in_progress → completed)',
        params: IdParams,
        body: CompletionBody,
        response: withErrors({ 200: Inspection }),
      },
    },
    async (request) => ({
      inspection: await s.inspections.completeInspection(
        request.actor!,
        request.params.id,
        request.body.conclusion,
      ),
    }),
  );

  app.post(
    '/api/supervision/inspections/:id/findings',
    {
      config: { permission: 'supervision.inspect' },
      schema: {
        tags,
        summary: 'Record a finding (问题)',
        params: IdParams,
        body: FindingBody,
        response: withErrors({ 201: Finding }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ finding: await s.findings.addFinding(request.actor!, request.params.id, request.body) }),
  );

  app.post(
    '/api/supervision/inspections/:id/findings/from-subject',
    {
      config: { permission: 'supervision.inspect' },
      schema: {
        tags,
        summary:
          'One click: open a finding from an off-track indicator or an overdue task, with its evidence',
        params: IdParams,
        body: FindingFromSubjectBody,
        response: withErrors({ 201: Finding }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        finding: await s.findings.addFindingFromSubject(request.actor!, request.params.id, request.body),
      }),
  );

  app.get(
    '/api/supervision/findings',
    {
      config: { permission: 'supervision.read' },
      schema: {
        tags,
        summary: 'Findings the actor sees (a unit: its own), newest first',
        querystring: FindingsQuery,
        response: withErrors({ 200: Items(FindingSchema) }),
      },
    },
    async (request) => ({ items: await s.findings.listFindings(request.actor!, request.query) }),
  );

  app.get(
    '/api/supervision/findings/:id',
    {
      config: { permission: 'supervision.read' },
      schema: {
        tags,
        summary: 'One finding with its order',
        params: IdParams,
        response: withErrors({ 200: Finding }),
      },
    },
    async (request) => ({ finding: await s.findings.getFinding(request.actor!, request.params.id) }),
  );

  await app.register(recordsRoutes, options);
  await app.register(ordersRoutes, options);
  await app.register(supervisionPublicRoutes, options);
};
